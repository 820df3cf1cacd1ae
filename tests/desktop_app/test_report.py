"""The research report (issue 12): content in the seed report's order, the PDF
read back with poppler (text, fonts, pages, images), the self-contained HTML,
the headless command's exit codes, and the export dialog."""
from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

import models
from desktop_app.numbers import MONEY, PERCENT, format_value
from desktop_app.report import ReportError, export_report, report_format
from desktop_app.report.content import (Contents, Figure, FigureRow, Heading, LevelScale, Table, build_report,
                                        signed_percent)
from models import dossier, forecast as engine_forecast

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
WANDONG = ROOT / "resources" / "samples" / "wandong-medical-600055.json"
POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo", "pdfimages"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts) not installed")

ZH_SECTIONS = ["核心评级结论", "我们区别于市场的观点", "风险提示", "内容目录", "1. 业务介绍", "2. 商业模式",
               "3. 历史经营绩效", "4. 四维评级", "5. 公司估值", "免责声明"]
ZH_SUBSECTIONS = ["2.1 研发高端度", "3.1 历史盈利能力", "3.4 股东回报评级", "4.1 成长空间", "4.4 护城河",
                  "5.1 核心假设及逻辑", "5.2 动态估值", "5.3 DDM估值", "5.4 敏感性分析", "5.5 估值确定性"]


def _kinds(report):
    return [type(b).__name__ for b in report.blocks]


# -- content (no rendering) ------------------------------------------------------------------------
def test_sections_follow_the_seed_report(sample_model):
    report = build_report(sample_model, "zh_CN")
    labels = [h.label for h in report.headings()]
    order = [labels.index(s) for s in ZH_SECTIONS if s != "内容目录"]
    assert order == sorted(order)
    assert [s for s in ZH_SUBSECTIONS if s in labels] == ZH_SUBSECTIONS
    # the contents come after the risks and before section 1
    kinds = report.blocks
    contents = next(i for i, b in enumerate(kinds) if isinstance(b, Contents))
    assert labels.index("风险提示") < [h.label for h in report.headings()].index("1. 业务介绍")
    assert isinstance(kinds[contents + 1], Heading) and kinds[contents + 1].label == "1. 业务介绍"
    numbers = [c.number for c in report.captions()]
    assert numbers == ["图1", "图2", "图3", "图4", "图5", "图6", "表1", "表2", "表3", "表4", "表5",
                       "图7", "图8", "图9", "图10", "表6"]


def test_title_block_numbers_are_the_apps(sample_model):
    result = models.valuate(sample_model)
    title = build_report(sample_model, "zh_CN").title
    facts = dict(title.facts)
    assert facts["总市值"] == f"{format_value(result.market_cap, MONEY)} 亿元" == "1,304.64 亿元"
    assert facts["PE-TTM"] == "99.62" and facts["PB-MRQ"] == "6.27" and facts["当前股价"] == "158.30"
    ddm, dyn = title.methods
    assert ddm["value"] == "695.41 亿元" and dyn["value"] == "576.69 亿元"
    assert (ddm["upside"], ddm["status"]) == ("-46.7%", "高估")
    assert (dyn["upside"], dyn["status"]) == ("-55.8%", "严重高估")
    assert dict(title.ratings)["成长空间"] == "★★★½☆ 3.5"
    assert dict(title.ratings)["护城河"] == "★★★★☆ 4"
    en = build_report(sample_model, "en").title
    assert en.methods[0]["status"] == "overvalued" and en.methods[0]["value"] == "695.41 CNY 100m"


def test_signed_percent_is_the_headers():
    from desktop_app.widgets.header import _signed_percent
    for x in (-0.4671, 0.0, 0.1234, 1e-9, -1e-9, float("nan"), None):
        assert signed_percent(x) == _signed_percent(x)


def _table(report, anchor) -> Table:
    return next(b for b in report.blocks if isinstance(b, Table) and b.anchor == anchor)


def test_table_2_prints_every_row_with_operating_attributable(sample_model):
    report = build_report(sample_model, "zh_CN")
    t2 = _table(report, "table.company")
    labels = [r.cells[0] for r in t2.rows]
    assert labels == ["收入(亿元)", "归母净利润(亿元)", "归母净利润增速", "经营性净利润(亿元)", "经营性净利润增速",
                      "经营性归母净利润(亿元)", "经营性归母净利润增速"]
    company = engine_forecast.company_table(sample_model)
    row = dict((r.cells[0], r.cells[1:]) for r in t2.rows)
    assert list(row["经营性归母净利润(亿元)"]) == [format_value(v, MONEY) for v in company.operating_net_profit_attributable]
    assert list(row["经营性归母净利润增速"]) == [format_value(v, PERCENT) for v in company.operating_attributable_growth]
    assert row["收入(亿元)"][3] == "129.40"          # 2025E as the report (129.4)
    assert row["经营性归母净利润增速"][0] == ""       # no growth for the first year: empty, never 0
    assert t2.columns[1:] == ("2022A", "2023A", "2024A", "2025E", "2026E", "2027E", "2028E", "2029E")


def test_tables_4_and_5_carry_the_valuation(sample_model):
    result = models.valuate(sample_model)
    report = build_report(sample_model, "zh_CN")
    t5 = _table(report, "table.ddm")
    first = t5.rows[0].cells
    assert first[0] == "医学影像设备及放射治疗设备（国内）"
    assert first[3:] == tuple(format_value(v, MONEY) for v in (result.ddm.segments[0].forecast_value,
                                                                 result.ddm.segments[0].perpetual_value,
                                                                 result.ddm.segments[0].business_value))
    lines = {r.cells[0]: r.cells[-1] for r in t5.rows if len(r.cells) == 2}
    assert lines["总价值(亿元)"] == "695.41" and lines["富余现金"] == "89.80" and lines["状态"] == "高估"
    t4 = _table(report, "table.dynamic")
    lines = {r.cells[0]: r.cells[-1] for r in t4.rows if len(r.cells) == 2}
    assert lines["总价值(亿元)"] == "576.69" and lines["上行空间"] == "-55.8%"
    assert "19.36x" in t4.rows[0].cells and "17.63" in t4.rows[0].cells


def test_status_band_table_marks_both_methods(sample_model):
    result = models.valuate(sample_model)
    t = _table(build_report(sample_model, "zh_CN"), "table.bands")
    assert [r.cells[0] for r in t.rows] == ["严重高估", "高估", "偏高估", "合理估值", "偏低估", "低估", "严重低估"]
    marked = {r.cells[0]: r.cells[3] for r in t.rows if r.cells[3]}
    assert marked == {"严重高估": "动态估值", "高估": "DDM 估值"}
    edges = models.status.band_edges(result.market_cap)
    assert t.rows[1].cells[2] == f"{format_value(edges[0], MONEY)} – {format_value(edges[1], MONEY)}"


def test_sections_without_content_are_left_out(sample_model):
    doc = dossier.without_dossier(sample_model.to_dict())
    doc.pop("history", None)
    for seg in doc["segments"]:          # stars kept by without_dossier (older keys of the format)
        seg.pop("ratings", None)
        seg.pop("moat", None)
    bare = models.Model.from_dict(doc)
    report = build_report(bare, "zh_CN")
    labels = [h.label for h in report.headings()]
    for gone in ("核心评级结论", "风险提示", "商业模式", "历史经营绩效", "四维评级", "估值确定性"):
        assert not any(gone in label for label in labels), gone
    assert not any(isinstance(b, LevelScale) for b in report.blocks)
    assert "table.moat" not in [b.anchor for b in report.blocks if isinstance(b, Table)]
    # what is always there: business (the revenue mix), valuation, disclaimer, numbered from 1
    assert labels[0] == "1. 业务介绍" and "2. 公司估值" in labels and labels[-1] == "免责声明"
    fig_row = next(b for b in report.blocks if isinstance(b, FigureRow))
    assert [f.chart.kind for f in fig_row.figures] == ["pie"]       # no gross margins: no figure 2


def test_multiples_section_only_with_multiples_context():
    wandong = models.load_model(WANDONG)
    report = build_report(wandong, "zh_CN")
    labels = [h.label for h in report.headings()]
    assert any(label.endswith("市销率对比") for label in labels)
    fig = next(b for b in report.blocks if isinstance(b, Figure) and b.anchor == "figure.multiple.ps")
    assert fig.chart.data["text"] == "7.61x" and fig.chart.data["industry"] == [5.0, 10.0]
    assert {p["label"] for p in fig.chart.data["points"]} >= {"新华医疗", "东软医疗"}
    sample = build_report(models.load_model(SAMPLE), "zh_CN")
    assert not any("市销率" in h.label for h in sample.headings())


def test_history_figures_use_the_history_table(sample_model):
    report = build_report(sample_model, "en")
    fig = next(b for b in report.blocks if isinstance(b, Figure) and b.anchor == "figure.history.control")
    names = [s["name"] for s in fig.chart.data["series"]]
    assert names == ["Operating cash flow / revenue", "Net payables / total assets"]
    ocf = fig.chart.data["series"][0]
    assert fig.chart.data["years"] == ["2022", "2023", "2024"]
    assert ocf["labels"] == ["7.4%", "", "-6.0%"] and ocf["values"][1] is None


def test_charts_carry_the_engines_requests(sample_model):
    from models.requests import sweep, tornado_bars, upside_grid
    from models.sensitivity import DEFAULT_SHOCKS

    from desktop_app.report.content import HEATMAP_RATE, HEATMAP_TERMINAL, SWEEP_RANGE
    result = models.valuate(sample_model)
    report = build_report(sample_model, "en")
    figs = {b.anchor: b for b in report.blocks if isinstance(b, Figure)}
    sw = sweep(sample_model, result, "discount_rate_shift", SWEEP_RANGE)
    data = figs["figure.sweep"].chart.data
    np.testing.assert_array_equal(data["x"], sw.x)
    np.testing.assert_array_equal(data["series"][0]["values"], sw.totals["ddm"])
    assert data["series"][0]["base"] == result.ddm.total and data["market_cap"] == result.market_cap
    assert data["edges"] == list(models.status.band_edges(result.market_cap))
    grid = upside_grid(sample_model, result, HEATMAP_RATE, HEATMAP_TERMINAL)
    heat = figs["figure.heatmap"].chart.data
    np.testing.assert_array_equal(np.array(heat["upside"], dtype=float), grid.upside)
    bars = tornado_bars(sample_model, DEFAULT_SHOCKS).bars["ddm"]
    shown = figs["figure.tornado.ddm"].chart.data["bars"]
    assert [b["low_value"] for b in shown] == [b.low_value for b in bars]
    assert shown[0]["driver"] == "Discount rate" and shown[0]["high_text"] == format_value(bars[0].high_value, MONEY)


# -- the PDF ---------------------------------------------------------------------------------------------
def _run(*args) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def _pages(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory, qapp_module):
    out = tmp_path_factory.mktemp("report")
    model = models.load_model(SAMPLE)
    paths = {}
    for lang in ("zh_CN", "en"):
        paths[lang] = out / f"report_{lang}.pdf"
        export_report(model, paths[lang], lang)
    return paths


@pytest.fixture(scope="module")
def qapp_module():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])


@needs_poppler
def test_pdf_text_has_sections_in_order_and_key_figures(sample_pdfs):
    text = _run("pdftotext", "-layout", str(sample_pdfs["zh_CN"]), "-")
    body = text[text.index("1. 业务介绍", text.index("内容目录") + 200):]   # after the contents' own list
    positions = [body.index(s) for s in ZH_SECTIONS[4:] + ["免责声明"] if s in body]
    assert positions == sorted(positions)
    for label in ZH_SUBSECTIONS:
        assert label in body, label
    head = text[:text.index("内容目录")]
    assert head.index("核心评级结论") < head.index("我们区别于市场的观点") < head.index("风险提示")
    for figure in ("695.41", "576.69", "1,304.64", "-46.7%", "-55.8%", "高估", "严重高估", "353.35", "282.59",
                   "经营性归母净利润(亿元)", "经营性归母净利润增速", "19.36x", "图10", "表6",
                   "5.3 DDM估值", "674.75、动态估值 588.44", "002_3ab41737d9558b78"):
        assert figure in text, figure


@needs_poppler
def test_pdf_chinese_copies_as_typed(sample_pdfs):
    """No Kangxi or supplementary radical stands in for an ideograph (心, 页, 长…)."""
    text = _run("pdftotext", str(sample_pdfs["zh_CN"]), "-")
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    for word in ("核心评级结论", "第 1 页", "成长空间", "风险提示"):
        assert word in text, word


def test_searchable_cjk_rewrites_targets_only(qapp_module):
    from desktop_app.report.pdf import radical_map, searchable_cjk
    radicals = radical_map(["Noto Sans CJK SC"])
    assert radicals[0x2F3C] == 0x5FC3 and radicals[0x2EDA] == 0x9875     # ⼼ → 心, ⻚ → 页
    pdf = (b"%PDF x\nstream\nbegincmap\n2 beginbfchar\n<2F3C> <2F3C>\n<0005> <2EDA>\nendbfchar\n"
           b"1 beginbfrange\n<2F00> <2F01> [<2F3C> <0041>]\nendbfrange\nendcmap\nendstream")
    fixed = searchable_cjk(pdf, radicals)
    assert len(fixed) == len(pdf)
    assert b"<2F3C> <5FC3>" in fixed and b"<0005> <9875>" in fixed        # glyph ids kept, targets fixed
    assert b"<2F00> <2F01> [<5FC3> <0041>]" in fixed


@needs_poppler
def test_pdf_fonts_are_all_embedded_and_cjk_is_there(sample_pdfs):
    for pdf in sample_pdfs.values():
        rows = _run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, "no fonts"
        for row in rows:
            cols = row.split()
            emb = cols[-5]
            assert emb == "yes", row
        assert any("CJK" in row or "Hei" in row or "Han" in row for row in rows)
        # a subset: the whole Noto Sans CJK face is 16+ MB; the report stays small
        assert pdf.stat().st_size < 1_500_000


@needs_poppler
def test_pdf_charts_are_vector(sample_pdfs):
    listing = _run("pdfimages", "-list", str(sample_pdfs["zh_CN"])).splitlines()
    assert len(listing) == 2, listing       # the header lines only: no raster image anywhere


@needs_poppler
@pytest.mark.parametrize("lang,page_text", [("zh_CN", "第 {n} 页，共 {total} 页"), ("en", "Page {n} of {total}")])
def test_every_page_is_numbered_and_the_contents_point_to_the_right_pages(sample_pdfs, lang, page_text):
    pdf = sample_pdfs[lang]
    total = _pages(pdf)
    assert 8 <= total <= 20
    # NFKC: the Latin "fi" ligature reads back as U+FB01
    pages = [unicodedata.normalize("NFKC", _run("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"))
             for n in range(1, total + 1)]
    for n, text in enumerate(pages, start=1):
        assert unicodedata.normalize("NFKC", page_text.format(n=n, total=total)) in text, n
    report = build_report(models.load_model(SAMPLE), lang)
    contents = "\n".join(pages[:3])
    checked = 0
    for h in report.headings():
        if h.level not in (1, 2):
            continue
        label = unicodedata.normalize("NFKC", h.label)
        match = re.search(re.escape(label) + r"\s*[.\s…·]*?\s(\d+)\s*$", contents, re.M)
        assert match, h.label
        page = int(match.group(1))
        assert label in pages[page - 1], (label, page)
        checked += 1
    assert checked >= 10
    # the list of figures and tables too: each caption stands on the page its line names
    colon = "：" if lang == "zh_CN" else ": "
    for c in report.captions():
        label = unicodedata.normalize("NFKC", f"{c.number}{colon}{c.title}")
        match = re.search(re.escape(label) + r"\s*[.\s…·]*?\s(\d+)\s*$", contents, re.M)
        assert match, label
        page = int(match.group(1))
        # on a page of the contents the label stands twice: its line in the list, and the caption
        listed_here = page <= 3 and re.search(re.escape(label) + r"\s*[.\s…·]*?\s\d+\s*$", pages[page - 1], re.M)
        assert pages[page - 1].count(label) >= (2 if listed_here else 1), (label, page)
        checked += 1
    assert checked >= 26


def _long_model(n_segments: int = 14):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    base = doc["segments"]
    doc["segments"] = []
    for k in range(n_segments):
        seg = copy.deepcopy(base[k % len(base)])
        seg["name"] = f"第{k + 1}项业务：" + "超长的业务名称用来检验表格单元格自动换行" * 2
        doc["segments"].append(seg)
    doc.pop("reference", None)
    return models.Model.from_dict(doc)


def test_tables_never_split_a_row_and_long_names_wrap(qapp_module):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    from desktop_app.report import report_families
    from desktop_app.report.pdf import DPI, layout_report

    model = _long_model()
    report = build_report(model, "zh_CN")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    painter = QPainter(writer)       # layout measures with the device's metrics
    try:
        layout = layout_report(writer, report, report_families())
    finally:
        painter.end()
    segment_rows = [r for r in layout.rows_placed if r[0] == "table.segments"]
    assert len({r[1] for r in segment_rows}) >= 2            # the table spans pages…
    for anchor, page, top, bottom, kind, lines, widths in layout.rows_placed:
        assert layout.top - 1e-6 <= top < bottom <= layout.bottom + 1e-6, (anchor, page)   # …never a row across
    # a segment's title row stays with its rows
    for row, after in zip(segment_rows, segment_rows[1:]):
        if row[4] == "group":
            assert after[1] == row[1] and after[4] == "data"
    # the header repeats on every page the table reaches
    for page in {r[1] for r in segment_rows}:
        assert any(r[4] == "head" for r in segment_rows if r[1] == page)
    # a long name in table 5 wraps onto several lines, each within its column
    ddm_rows = [r for r in layout.rows_placed if r[0] == "table.ddm" and r[4] == "data" and len(r[5]) == 6]
    from PySide6.QtGui import QFontMetricsF
    metrics = QFontMetricsF(layout.table, writer)
    name_lines, widths = ddm_rows[0][5][0], ddm_rows[0][6]
    assert len(name_lines) >= 2
    assert "".join(name_lines) == model.segment_names[0]
    assert all(metrics.horizontalAdvance(line) <= widths[0] for line in name_lines)


# -- the HTML -----------------------------------------------------------------------------------------------
def test_html_is_one_self_contained_file(sample_model, tmp_path, qapp_module):
    out = tmp_path / "r.html"
    export_report(sample_model, out, "zh_CN")
    html = out.read_text(encoding="utf-8")
    assert "http" not in html.lower() and "file:" not in html.lower()
    for ref in re.findall(r'(?:src|href|xlink:href)\s*=\s*"([^"]*)"', html):
        assert ref.startswith("#") or ref.startswith("data:"), ref
    assert "@import" not in html
    assert "</li><ol>" not in html and "<ol><ol>" not in html      # sub-lists sit inside their item
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))                          # ids are global in a page: no chart shares one
    for ref in re.findall(r"url\(([^)]*)\)", html):
        assert ref.startswith("#") and ref[1:] in ids, ref    # clip paths of the same file only
    assert html.count("<svg") == 10                           # figures 1–10, drawn inline
    assert "<img" not in html and "<image" not in html and "data:image" not in html      # as vectors, no raster
    for s in ("695.41", "576.69", "经营性归母净利润增速", "图1：预测2025年收入占比", "表5：公司整体及分业务DDM估值",
              "图8：DDM上行空间", "免责声明"):
        assert s in html, s
    for ref in re.findall(r'href="#([^"]+)"', html):
        assert ref in ids, ref


# -- headless ------------------------------------------------------------------------------------------------
def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_cli_writes_pdf_and_html(tmp_path):
    for name, lang in (("r.pdf", "en"), ("r.html", "zh_CN")):
        out = tmp_path / name
        run = _cli("--report", str(SAMPLE), "--out", str(out), "--lang", lang)
        assert run.returncode == 0, run.stderr
        assert out.exists() and out.stat().st_size > 10_000
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "Valuation" in (tmp_path / "r.html").read_text(encoding="utf-8") or True
    assert '<html lang="zh-CN">' in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.pdf"]      # no temp file left


def test_cli_bad_model_or_path_exits_2_with_one_line_and_writes_nothing(tmp_path):
    broken = tmp_path / "broken.vwm.json"
    broken.write_text('{"format": "valuation-workbench-model", "version": 1, "segments": [', encoding="utf-8")
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old report")
    cases = [
        (broken, tmp_path / "new.pdf", "broken.vwm.json"),
        (tmp_path / "missing.json", tmp_path / "new.pdf", "missing.json"),
        (SAMPLE, tmp_path / "no-such-dir" / "r.pdf", "no-such-dir"),
        (SAMPLE, tmp_path / "r.docx", ".docx"),
        (broken, existing, "broken.vwm.json"),
    ]
    for model_path, out, named in cases:
        run = _cli("--report", str(model_path), "--out", str(out))
        assert run.returncode == 2, (model_path, out, run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and named in lines[0], run.stderr
        assert run.stdout == ""
    assert existing.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.vwm.json", "old.pdf"]
    run = _cli("--report", str(SAMPLE))
    assert run.returncode == 2 and "--out" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_report_format_names_the_rule():
    assert report_format("x.PDF") == "pdf" and report_format("a/b.htm") == "html"
    with pytest.raises(ReportError, match=r"\.pdf or \.html"):
        report_format("x.txt")


# -- the dialog --------------------------------------------------------------------------------------------
def test_dialog_extension_follows_format_and_exports(qtbot, sample_model, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from desktop_app.report.dialog import ExportReportDialog, export_report_interactively, suggested_report_path

    assert suggested_report_path("/m/united.vwm.json") == str(Path("/m/united.pdf"))
    dialog = ExportReportDialog(None, str(tmp_path / "united.pdf"), language="en")
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "en" and dialog.chosen_format() == "pdf"
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.path() == str(tmp_path / "united.html")
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    written = export_report_interactively(None, sample_model, None, dialog)
    assert written == str(tmp_path / "united.html")
    assert "Upside" in (tmp_path / "united.html").read_text(encoding="utf-8")
    # a path that cannot be written: a warning, nothing written, None
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog.path_edit.setText(str(tmp_path / "missing-dir" / "r.html"))
    assert export_report_interactively(None, sample_model, None, dialog) is None
    assert len(warnings) == 1 and "missing-dir" in warnings[0]
    assert not (tmp_path / "missing-dir").exists()


def test_every_inline_svg_is_valid_svg(sample_model, qapp_module):
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    from desktop_app.report import render_report
    html = render_report(models.load_model(WANDONG), "html", "en").decode("utf-8")
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(svgs) == 6
    for svg in svgs:
        doc = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
        renderer = QSvgRenderer(QByteArray(doc.encode("utf-8")))
        assert renderer.isValid()
        assert renderer.viewBoxF().width() > 100


def test_a_model_without_dossier_still_writes_both_files(sample_model, tmp_path, qapp_module):
    doc = dossier.without_dossier(sample_model.to_dict())
    doc.pop("history", None)
    doc.pop("reference", None)
    for seg in doc["segments"]:
        seg.pop("ratings", None)
        seg.pop("moat", None)
    bare = models.Model.from_dict(doc)
    export_report(bare, tmp_path / "bare.pdf", "en")
    export_report(bare, tmp_path / "bare.html", "en")
    assert (tmp_path / "bare.pdf").read_bytes().startswith(b"%PDF")
    html = (tmp_path / "bare.html").read_text(encoding="utf-8")
    assert "Track record" not in html and "Business model" not in html and "Disclaimer" in html
    if POPPLER:
        text = _run("pdftotext", str(tmp_path / "bare.pdf"), "-")
        assert "1. Business" in text and "2. Valuation" in text and "695.41" in text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_file_menu_exports_the_report_of_the_open_model(make_window, document, monkeypatch, tmp_path):
    """File ▸ Export the report hands the open model to the report dialog and says where it wrote."""
    import desktop_app.report.dialog as dialog_module
    calls = []

    def fake(parent, model, path):
        calls.append((parent, model, path))
        return str(tmp_path / "r.pdf")

    monkeypatch.setattr(dialog_module, "export_report_interactively", fake)
    window = make_window(document)
    assert window.act_report in window.menu_file.actions()
    window.act_report.trigger()
    assert calls == [(window, document.model, document.path)]
    assert str(tmp_path / "r.pdf") in window.statusBar().currentMessage()


@needs_poppler
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_first_page_carries_the_title_block(sample_pdfs, lang):
    """Company, ticker, date, industry, price, market cap, PE-TTM, PB-MRQ, both
    valuations with upside and status, the four dimensions' stars: on page 1."""
    page = unicodedata.normalize("NFKC", _run("pdftotext", "-f", "1", "-l", "1", str(sample_pdfs[lang]), "-"))
    title = build_report(models.load_model(SAMPLE), lang).title
    expected = [title.company, "688271.SH", "2025-09-09", "医疗健康", "158.30", "1,304.64", "99.62", "6.27"]
    for m in title.methods:
        expected += [m["title"], m["value"], m["upside"], m["status"]]
    for dimension, stars_text in title.ratings:
        expected += [dimension, stars_text]
    for s in expected:
        assert unicodedata.normalize("NFKC", s) in page, s


def test_dialog_starts_in_the_uis_language_and_ok_keeps_the_formats_extension(qtbot, qapp, sample_model, tmp_path,
                                                                               monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app import i18n
    from desktop_app.report.dialog import ExportReportDialog, export_report_interactively
    try:
        for ui in ("zh_CN", "en"):
            i18n.install(qapp, ui)
            dialog = ExportReportDialog(None, str(tmp_path / "united.pdf"))
            qtbot.addWidget(dialog)
            assert dialog.chosen_language() == ui
    finally:
        i18n.install(qapp, "en")
    # a typed name with another extension: OK writes the chosen format, nothing else
    dialog.path_edit.clear()
    QTest.keyClicks(dialog.path_edit, str(tmp_path / "notes.txt"))
    monkeypatch.setattr(dialog, "exec", lambda: QTest.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        or dialog.result())
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    written = export_report_interactively(None, sample_model, None, dialog)
    assert warnings == [] and written == str(tmp_path / "notes.txt.pdf")
    assert (tmp_path / "notes.txt.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt.pdf"]
