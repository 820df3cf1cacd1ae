"""Issue 12, "faithful": the report's tables print what the app's tables show,
cell for cell (the Qt table models' display text, in the same language), and
table 4 names the multiple each segment's value uses."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

import models
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.qt_models import (CompanyTotalsTableModel, DDMResultTableModel, DynamicResultTableModel,
                                   SegmentForecastTableModel)
from desktop_app.qt_models.forecast import COMPANY_ROWS, company_row_label
from desktop_app.report.content import (COMPANY_REPORT_ROWS, LINE_BREAK, SEGMENT_REPORT_ROWS, Table,
                                        build_report)
from desktop_app.numbers import MONEY, format_value
from models import forecast as engine_forecast, tables

SHOW = Qt.ItemDataRole.DisplayRole


def _table(report, anchor) -> Table:
    return next(b for b in report.blocks if isinstance(b, Table) and b.anchor == anchor)


@pytest.fixture(params=["zh_CN", "en"])
def app_tables(request, qapp, document):
    """The app's table models, in the language the report is written in."""
    i18n.install(qapp, request.param)
    controller = Controller(document)
    tables = {cls.__name__: cls(document) for cls in (CompanyTotalsTableModel, SegmentForecastTableModel,
                                                       DDMResultTableModel, DynamicResultTableModel)}
    for t in tables.values():
        controller.add_view(t)
    controller.recompute(True)
    yield request.param, tables
    i18n.install(qapp, "en")


def _cells(model, row) -> list[str]:
    return [model.data(model.index(row, c), SHOW) for c in range(model.columnCount())]


def _column(model, key, row) -> str:
    return model.data(model.index(row, model.COLUMNS.index(key)), SHOW)


def test_table_2_is_the_apps_company_table(app_tables, document):
    lang, t = app_tables
    app = t["CompanyTotalsTableModel"]
    report_rows = _table(build_report(document.model, lang), "table.company").rows
    assert len(report_rows) == len(COMPANY_REPORT_ROWS)
    assert {key for key, _ in COMPANY_REPORT_ROWS} <= set(COMPANY_ROWS)      # the app has every row the report prints
    unit = i18n.unit_text(document.model.unit)
    for (key, _), row in zip(COMPANY_REPORT_ROWS, report_rows):
        r = COMPANY_ROWS.index(key)
        assert list(row.cells[1:]) == _cells(app, r), key
        if lang == "en":     # the Chinese labels are the report's (亿元 in brackets, as the seed report)
            assert row.cells[0] == company_row_label(key, unit)
    assert any("经营性归母净利润" in r.cells[0] or "Operating net profit attributable" in r.cells[0] for r in report_rows)


def test_table_3_is_the_apps_segment_table(app_tables, document):
    lang, t = app_tables
    app = t["SegmentForecastTableModel"]
    rows = _table(build_report(document.model, lang), "table.segments").rows
    groups = [k for k, r in enumerate(rows) if r.kind == "group"]
    assert len(groups) == document.model.segment_count
    names = i18n.segment_names(document.model)
    for seg, start in enumerate(groups):
        assert rows[start].cells == (names[seg],)
        for offset, (key, _) in enumerate(SEGMENT_REPORT_ROWS, start=1):
            assert list(rows[start + offset].cells[1:]) == _cells(app, app.row_of(seg, key)), (seg, key)
    assert {key for key, _ in SEGMENT_REPORT_ROWS} == set(engine_forecast.ROWS)


def _company_lines(rows) -> dict[str, str]:
    return {r.cells[0]: r.cells[1] for r in rows if len(r.cells) == 2}


def test_table_4_is_the_apps_dynamic_table(app_tables, document):
    lang, t = app_tables
    app = t["DynamicResultTableModel"]
    table = _table(build_report(document.model, lang), "table.dynamic")
    n = document.model.segment_count
    keys = ("discount_rate", "multiple", "earnings_base", "explicit_value", "post_explicit_value", "business_value")
    for i in range(n):
        assert list(table.rows[i].cells[-6:]) == [_column(app, k, i) for k in keys], i
        assert table.rows[i].cells[0] == i18n.segment_names(document.model)[i]
    total = table.rows[n]
    assert list(total.cells[-3:]) == [_column(app, k, n) for k in keys[-3:]]
    lines = list(_company_lines(table.rows[n + 1:]).values())
    assert lines[:4] == [_column(app, k, n) for k in ("excess_cash", "minority_interest", "equity_investments",
                                                      "total")]


def test_table_5_is_the_apps_ddm_table(app_tables, document):
    lang, t = app_tables
    app = t["DDMResultTableModel"]
    table = _table(build_report(document.model, lang), "table.ddm")
    n = document.model.segment_count
    keys = ("forecast_value", "perpetual_value", "business_value")
    for i in range(n + 1):
        assert list(table.rows[i].cells[-3:]) == [_column(app, k, i) for k in keys], i
    lines = list(_company_lines(table.rows[n + 1:]).values())
    assert lines[:4] == [_column(app, k, n) for k in ("excess_cash", "minority_interest", "equity_investments",
                                                      "total")]


def test_a_minority_interest_reads_as_the_app_shows_it(qapp, sample_model):
    """A non-zero minority interest: the report's line is the app's cell (not a negated copy)."""
    doc = sample_model.to_dict()
    doc["valuation"]["minority_interest"] = 12.5
    model = models.Model.from_dict(doc)
    result = models.valuate(model)
    for anchor, method in (("table.ddm", result.ddm), ("table.dynamic", result.dynamic)):
        lines = _company_lines(_table(build_report(model, "zh_CN"), anchor).rows)
        assert lines["少数股东权益价值"] == "12.50"
        shown = (tables.ddm_total_values if anchor == "table.ddm" else tables.dynamic_total_values)(method)
        assert format_value(shown["minority_interest"], MONEY) == "12.50"     # what the app's cell holds
        assert method.total == pytest.approx(method.segment_total + 89.8 - 12.5 + 0.0)


def _justified_model(sample_model, which=(0,)):
    doc = json.loads(json.dumps(sample_model.to_dict()))
    for i in which:
        doc["segments"][i]["multiple_mode"] = "justified"
    return models.Model.from_dict(doc)


@pytest.mark.parametrize("lang,header,mark", [("zh_CN", "采用倍数", "（合理）"), ("en", "Multiple used", " (justified)")])
def test_table_4_shows_the_multiple_each_segment_uses(sample_model, lang, header, mark):
    from desktop_app.numbers import MULTIPLE
    model = _justified_model(sample_model)
    result = models.valuate(model)
    seg0, seg1 = result.dynamic.segments[:2]
    assert seg0.mode == "justified" and seg0.justified_multiple != pytest.approx(seg0.multiple)
    table = _table(build_report(model, lang), "table.dynamic")
    col = table.columns.index(header)
    assert table.rows[0].cells[col] == format_value(seg0.justified_multiple, MULTIPLE) + mark
    assert table.rows[1].cells[col] == format_value(seg1.multiple, MULTIPLE)        # composite: as before
    # the value beside it is the one that multiple gives
    assert table.rows[0].cells[-2] == format_value(seg0.post_explicit_value, MONEY)
    # all composite: the header is the composite multiple's
    plain = _table(build_report(sample_model, lang), "table.dynamic")
    assert header not in plain.columns and ("综合倍数" if lang == "zh_CN" else "Multiple") in plain.columns


def test_table_4_chinese_headers_break_between_words(sample_model):
    cols = _table(build_report(sample_model, "zh_CN"), "table.dynamic").columns
    assert f"护城河{LINE_BREAK}持续性" in cols and f"显性期{LINE_BREAK}价值" in cols
    assert not any(LINE_BREAK in c for c in _table(build_report(sample_model, "en"), "table.dynamic").columns)


def test_a_table_needs_a_width_and_alignment_per_column():
    with pytest.raises(ValueError, match="table.x: 3 columns, 2 widths"):
        Table("table.x", "", "", ("a", "b", "c"), (), (1.0, 1.0), ("l", "r", "r"))


def test_the_status_band_table_names_its_last_column(sample_model):
    for lang, name in (("zh_CN", "当前所处"), ("en", "This valuation")):
        assert _table(build_report(sample_model, lang), "table.bands").columns[-1] == name


def test_history_ratings_and_per_segment_reasons_stand_under_their_headings(sample_model):
    """3.x: each history subsection's stars; 4.x: each dimension's stars, then per
    segment its name with its stars and its reasons; 4.4 ends with table 1 (the moat)."""
    from desktop_app.report.content import Heading, Paragraph, stars
    report = build_report(sample_model, "zh_CN")
    blocks = list(report.blocks)
    company = sample_model.doc["company"]

    def after(anchor):
        k = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == anchor)
        out = []
        for b in blocks[k + 1:]:
            if isinstance(b, Heading):
                break
            out.append(b)
        return out

    for key, value in company["history_ratings"].items():
        first = after(f"history.{key}")[0]
        assert first == Paragraph(stars(value, "zh_CN"), "stars"), key
    for key in ("growth", "profit_trend", "structure", "moat"):
        body = after(f"ratings.{key}")
        assert body[0] == Paragraph(stars(company["ratings"][key], "zh_CN"), "stars")
        for seg in sample_model.segments:
            star = seg["ratings"][key]
            n = f"{star:g}"
            lead = Paragraph(f"{seg['name']} ({n}星)：", "lead")
            assert lead in body, (key, seg["name"])
            assert body[body.index(lead) + 1] == Paragraph(seg["rating_notes"][key])
    moat = _table(report, "table.moat")
    assert blocks.index(moat) > blocks.index(next(b for b in blocks if isinstance(b, Heading)
                                                  and b.anchor == "ratings.moat"))
    first = sample_model.segments[0]["moat"]
    assert moat.rows[0].cells == (sample_model.segments[0]["name"], f"(4星){first['width_note']}",
                                  f"(4.5星){first['durability_note']}")


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("quoted", [True, False])
def test_the_title_block_is_the_apps_header(qtbot, qapp, sample_model, recovery_dir, lang, quoted):
    """Company and ticker, facts, both values with upside and status, as the
    header shows them (quoted PE/PB, or the engine's when the file quotes none)."""
    from desktop_app.document import Document
    from desktop_app.widgets.header import HeaderWidget
    doc = sample_model.to_dict()
    if not quoted:
        doc["market"].pop("pe_ttm")
        doc["market"].pop("pb_mrq")
    model = models.Model.from_dict(doc)
    document = Document(model, None, recovery_dir=recovery_dir)
    i18n.install(qapp, lang)
    try:
        controller = Controller(document)
        header = HeaderWidget()
        qtbot.addWidget(header)
        controller.add_view(header)
        controller.recompute(True)
        title = build_report(model, lang).title
        facts = dict(title.facts)
        unit = i18n.unit_text(model.unit)
        assert f"{title.company} ({title.ticker})" == header.company.text()
        keys = ("industry", "price", "market_cap", "pe_ttm", "pb_mrq")
        for (caption, value), key in zip(title.facts, keys):
            shown = header.facts[key][1].text()
            assert value == (f"{shown} {unit}" if key == "market_cap" else shown), key
        assert facts["PE-TTM"] == ("99.62" if quoted else header.facts["pe_ttm"][1].text()) != "—"
        for method, box in zip(title.methods, (header.ddm, header.dynamic)):
            assert method["value"] == f"{box.value_slot.label.text()} {unit}"
            assert method["upside"] == box.upside_slot.label.text()
            assert method["status"] == box.badge.text()
    finally:
        i18n.install(qapp, "en")
        document.close_cleanly()
