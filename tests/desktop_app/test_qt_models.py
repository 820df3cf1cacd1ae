"""The table models over the engine, without widgets: display/edit roles,
flags, edits through setData, refusal, paste, undo, exact dataChanged."""
import math

import pytest
from PySide6.QtCore import Qt

import models
from models import forecast as engine_forecast
from desktop_app.controller import Controller
from desktop_app.qt_models import (CompanyParametersTableModel, CompanyTotalsTableModel, DDMResultTableModel, DynamicResultTableModel,
                                   SegmentForecastTableModel, SegmentParametersTableModel)
from desktop_app.qt_models.forecast import BLOCK
from desktop_app.qt_models.parameters import SEGMENT_PARAMS

ALL_MODELS = (SegmentForecastTableModel, CompanyTotalsTableModel, SegmentParametersTableModel, CompanyParametersTableModel,
              DDMResultTableModel, DynamicResultTableModel)


@pytest.fixture
def wired(document):
    """Every table model fed by one controller."""
    controller = Controller(document)
    tables = {cls.__name__: cls(document) for cls in ALL_MODELS}
    for m in tables.values():
        controller.add_view(m)
    controller.recompute(True)
    return controller, tables


def col_of(model, year):
    return model.document.model.years.index(year)


@pytest.mark.parametrize("cls", ALL_MODELS)
def test_every_table_model_passes_qtmodeltester(qtmodeltester, document, cls):
    controller = Controller(document)
    model = cls(document)
    controller.add_view(model)
    controller.recompute(True)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_display_is_formatted_and_edit_role_is_raw(wired):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    growth = fm.index(fm.row_of(0, "growth"), col_of(fm, 2025))
    assert fm.data(growth) == "23.6%"
    assert fm.data(growth, Qt.ItemDataRole.EditRole) == pytest.approx(0.236364)
    revenue = fm.index(fm.row_of(0, "revenue"), col_of(fm, 2022))
    assert fm.data(revenue) == "72.60"
    assert fm.headerData(col_of(fm, 2024), Qt.Orientation.Horizontal) == "2024A"
    assert fm.headerData(col_of(fm, 2025), Qt.Orientation.Horizontal) == "2025E"
    assert fm.data(fm.index(0, 0)) == "Imaging & radiotherapy equipment (domestic)"   # English: name_en
    assert fm.data(growth, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)


def test_flags_per_cell(wired):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    editable = Qt.ItemFlag.ItemIsEditable
    assert fm.flags(fm.index(fm.row_of(0, "revenue"), 0)) & editable            # actuals are editable
    assert not fm.flags(fm.index(fm.row_of(0, "growth"), 0)) & editable         # first year has no growth
    assert fm.flags(fm.index(0, 0)) & editable                                 # title cell renames
    assert not fm.flags(fm.index(0, 1)) & editable
    ddm = t["DDMResultTableModel"]
    assert not any(ddm.flags(ddm.index(r, c)) & editable
                   for r in range(ddm.rowCount()) for c in range(ddm.columnCount()))
    dyn = t["DynamicResultTableModel"]
    mult = dyn.COLUMNS.index("multiple")
    assert dyn.flags(dyn.index(0, mult)) & editable
    assert not dyn.flags(dyn.index(dyn.rowCount() - 1, mult)) & editable


def test_growth_edit_matches_the_engine_everywhere(wired, document):
    controller, t = wired
    fm = t["SegmentForecastTableModel"]
    idx = fm.index(fm.row_of(1, "growth"), col_of(fm, 2027))
    assert fm.setData(idx, "12.5")
    assert document.model.get(("segments", 1, "forecast", "2027", "growth")) == 0.125
    expected = models.valuate(document.model)
    ddm, dyn = t["DDMResultTableModel"], t["DynamicResultTableModel"]
    last = ddm.rowCount() - 1
    assert ddm.data(ddm.index(last, ddm.COLUMNS.index("total")), Qt.ItemDataRole.EditRole) == expected.ddm.total
    assert dyn.data(dyn.index(last, dyn.COLUMNS.index("total")), Qt.ItemDataRole.EditRole) == expected.dynamic.total
    table = engine_forecast.segment_table(document.model, 1)
    rev_2029 = fm.index(fm.row_of(1, "revenue"), col_of(fm, 2029))
    assert fm.data(rev_2029, Qt.ItemDataRole.EditRole) == table.revenue[-1]


def test_typing_a_revenue_inverts_to_growth(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    idx = fm.index(fm.row_of(0, "revenue"), col_of(fm, 2025))
    assert fm.setData(idx, "1,000")
    prev = document.model.get(("segments", 0, "actuals", "2024", "revenue"))
    assert document.model.get(("segments", 0, "forecast", "2025", "growth")) == pytest.approx(1000 / prev - 1)
    assert fm.data(idx, Qt.ItemDataRole.EditRole) == pytest.approx(1000.0)


def test_percent_cells_take_both_forms(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    idx = fm.index(fm.row_of(0, "margin"), col_of(fm, 2026))
    assert fm.setData(idx, "12.5%")
    assert document.model.get(("segments", 0, "forecast", "2026", "margin")) == 0.125
    assert fm.setData(idx, "１３")
    assert document.model.get(("segments", 0, "forecast", "2026", "margin")) == 0.13


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1e999", ""])
def test_invalid_input_keeps_the_old_value_and_says_why(wired, document, qtbot, text):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    idx = fm.index(fm.row_of(0, "growth"), col_of(fm, 2026))
    before = document.model.to_dict()
    messages = []
    document.editRejected.connect(messages.append)
    assert not fm.setData(idx, text)
    assert document.model.to_dict() == before
    assert document.undo_stack.count() == 0
    assert messages and "old value is kept" in messages[0]
    assert fm.data(idx, Qt.ItemDataRole.ToolTipRole)            # the cell is marked
    assert fm.data(idx, Qt.ItemDataRole.BackgroundRole) is not None


def test_edit_that_makes_the_model_invalid_is_refused(wired, document):
    _, t = wired
    sp = t["SegmentParametersTableModel"]
    idx = sp.index(0, SEGMENT_PARAMS.index("discount_rate"))
    before = document.model.to_dict()
    messages = []
    document.editRejected.connect(messages.append)
    assert not sp.setData(idx, "2%")             # below the 3% terminal growth
    assert document.model.to_dict() == before
    assert "Discount rate" in messages[0] and "refused" in messages[0] and "(3.0%)" in messages[0]
    assert "discount_rate" not in messages[0] and "0.02" not in messages[0]
    assert sp.data(idx, Qt.ItemDataRole.EditRole) == pytest.approx(0.083)


def test_engine_refusal_of_an_inversion_keeps_the_model(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    before = document.model.to_dict()
    assert not fm.setData(fm.index(fm.row_of(0, "revenue"), col_of(fm, 2025)), "-5")
    assert document.model.to_dict() == before
    assert document.last_rejection


def test_paste_3x4_block_is_one_undo_step(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    top, left = fm.row_of(0, "revenue"), col_of(fm, 2025)
    before = [[fm.data(fm.index(top + r, left + c), Qt.ItemDataRole.EditRole) for c in range(4)] for r in range(3)]
    block = [["100", "110", "120", "130"],
             ["10%", "11%", "12%", "13%"],
             ["15", "16", "17", "18"]]
    assert fm.paste_block(top, left, block)
    assert document.undo_stack.count() == 1
    after = [[fm.data(fm.index(top + r, left + c), Qt.ItemDataRole.EditRole) for c in range(4)] for r in range(3)]
    # pasted in order: revenue row, then growth row (which moves revenue), then profits
    assert after[1] == pytest.approx([0.10, 0.11, 0.12, 0.13])
    assert after[2] == pytest.approx([15, 16, 17, 18])
    document.undo_stack.undo()
    restored = [[fm.data(fm.index(top + r, left + c), Qt.ItemDataRole.EditRole) for c in range(4)]
                for r in range(3)]
    assert restored == before
    document.undo_stack.redo()
    assert [[fm.data(fm.index(top + r, left + c), Qt.ItemDataRole.EditRole) for c in range(4)]
            for r in range(3)] == after


def test_paste_with_a_bad_cell_applies_nothing(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    before = document.model.to_dict()
    assert not fm.paste_block(fm.row_of(0, "growth"), col_of(fm, 2025), [["5%", "abc", "7%"]])
    assert document.model.to_dict() == before
    assert document.undo_stack.count() == 0


def test_copy_gives_tab_separated_full_precision(wired):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    r, c = fm.row_of(0, "revenue"), col_of(fm, 2024)
    text = fm.copy_text([fm.index(r, c), fm.index(r, c + 1), fm.index(r + 1, c), fm.index(r + 1, c + 1)])
    lines = [line.split("\t") for line in text.split("\n")]
    assert lines[0][0] == "66"
    assert lines[1][1] == "23.6364%"
    assert fm.paste_block(r, c, lines)  # pasting what was copied changes nothing visible
    assert fm.data(fm.index(r + 1, c + 1), Qt.ItemDataRole.EditRole) == pytest.approx(0.236364)


def test_data_changed_covers_exactly_the_changed_cells(wired, document, qtbot):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    before = {(r, c): fm.data(fm.index(r, c), Qt.ItemDataRole.EditRole)
              for r in range(fm.rowCount()) for c in range(fm.columnCount())}
    changed_cells = set()

    def record(top_left, bottom_right, roles=()):
        for r in range(top_left.row(), bottom_right.row() + 1):
            for c in range(top_left.column(), bottom_right.column() + 1):
                changed_cells.add((r, c))

    fm.dataChanged.connect(record)
    assert fm.setData(fm.index(fm.row_of(2, "growth"), col_of(fm, 2027)), "20%")
    after = {(r, c): fm.data(fm.index(r, c), Qt.ItemDataRole.EditRole)
             for r in range(fm.rowCount()) for c in range(fm.columnCount())}
    really_changed = {k for k in before if not (before[k] == after[k] or (
        isinstance(before[k], float) and isinstance(after[k], float)
        and math.isnan(before[k]) and math.isnan(after[k])))}
    # the growth cell, revenue and profit from 2027 on, and their growth rates
    assert really_changed
    assert all(r // BLOCK == 2 for r, _ in really_changed)
    assert changed_cells == really_changed


def test_undo_and_redo_a_parameter_edit(wired, document):
    _, t = wired
    cp = t["CompanyParametersTableModel"]
    row = [p for p, _ in __import__("desktop_app.qt_models.parameters", fromlist=["COMPANY_PARAMS"])
           .COMPANY_PARAMS].index(("valuation", "excess_cash"))
    idx = cp.index(row, 0)
    assert cp.setData(idx, "100")
    total = models.valuate(document.model).ddm.total
    ddm = t["DDMResultTableModel"]
    cell = ddm.index(ddm.rowCount() - 1, ddm.COLUMNS.index("total"))
    assert ddm.data(cell, Qt.ItemDataRole.EditRole) == total
    document.undo_stack.undo()
    assert document.model.get(("valuation", "excess_cash")) == 89.8
    assert ddm.data(cell, Qt.ItemDataRole.EditRole) == pytest.approx(695.41, abs=0.005)
    document.undo_stack.redo()
    assert ddm.data(cell, Qt.ItemDataRole.EditRole) == total


def test_segment_override_created_and_undone(wired, document):
    _, t = wired
    sp = t["SegmentParametersTableModel"]
    idx = sp.index(1, SEGMENT_PARAMS.index("terminal_growth"))
    assert "terminal_growth" not in document.model.segments[1]
    assert sp.data(idx, Qt.ItemDataRole.ToolTipRole)  # says it is inherited
    assert sp.setData(idx, "2.5")
    assert document.model.segments[1]["terminal_growth"] == 0.025
    document.undo_stack.undo()
    assert "terminal_growth" not in document.model.segments[1]
    assert models.validate(document.model) == []


def test_clearing_an_override_cell_returns_to_the_company_value(wired, document):
    _, t = wired
    sp = t["SegmentParametersTableModel"]
    col = SEGMENT_PARAMS.index("terminal_growth")
    idx = sp.index(1, col)
    assert sp.setData(idx, "2.5")
    assert document.model.segments[1]["terminal_growth"] == 0.025
    ddm_with_override = models.valuate(document.model).ddm.total
    assert sp.setData(idx, "  ")                      # an emptied cell
    assert "terminal_growth" not in document.model.segments[1]
    assert sp.data(idx, Qt.ItemDataRole.EditRole) == pytest.approx(document.model.terminal_growth)
    assert models.valuate(document.model).ddm.total != ddm_with_override
    document.undo_stack.undo()                        # the override comes back
    assert document.model.segments[1]["terminal_growth"] == 0.025
    # an empty entry in a column that is not an override is still refused
    rate = sp.index(1, SEGMENT_PARAMS.index("discount_rate"))
    before = document.model.segments[1]["discount_rate"]
    assert not sp.setData(rate, "")
    assert document.model.segments[1]["discount_rate"] == before


def test_actual_years_take_revenue_and_profit_but_not_rates(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    years = document.model.years
    c2023 = years.index(2023)
    for name in ("growth", "margin", "profit_growth"):
        assert not fm.flags(fm.index(fm.row_of(0, name), c2023)) & Qt.ItemFlag.ItemIsEditable, name
        assert not fm.setData(fm.index(fm.row_of(0, name), c2023), "50%")
    assert fm.flags(fm.index(fm.row_of(0, "revenue"), c2023)) & Qt.ItemFlag.ItemIsEditable
    # a row of growth rates pasted from 2022A leaves history alone and fills the estimates
    actuals = {y: dict(document.model.segments[0]["actuals"][str(y)]) for y in (2022, 2023, 2024)}
    row = ["5%"] * len(years)
    assert fm.paste_block(fm.row_of(0, "growth"), 0, [row])
    assert {y: document.model.segments[0]["actuals"][str(y)] for y in (2022, 2023, 2024)} == actuals
    assert all(document.model.segments[0]["forecast"][str(y)]["growth"] == 0.05 for y in document.model.forecast_years)


def test_rename_through_the_title_cell_is_undoable(wired, document):
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    # in English the title shows (and a rename edits) the English name; the Chinese one stays
    assert fm.setData(fm.index(fm.row_of(2, None), 0), "  Service  ")
    assert document.model.segments[2]["name_en"] == "Service"
    assert document.model.segment_names[2] == "维保业务及其他"
    assert t["DDMResultTableModel"].headerData(2, Qt.Orientation.Vertical) == "Service"
    assert not fm.setData(fm.index(fm.row_of(2, None), 0), "   ")
    document.undo_stack.undo()
    assert document.model.segments[2]["name_en"] == "Maintenance services & other"
    # a segment without an English name is renamed by its name
    del document.model.segments[2]["name_en"]
    document.modelReplaced.emit()
    assert fm.setData(fm.index(fm.row_of(2, None), 0), "  维保  ")
    assert document.model.segment_names[2] == "维保" and "name_en" not in document.model.segments[2]
    assert t["DDMResultTableModel"].headerData(2, Qt.Orientation.Vertical) == "维保"


def test_company_totals_rows_editable_inputs(wired, document):
    _, t = wired
    ct = t["CompanyTotalsTableModel"]
    from desktop_app.qt_models.forecast import COMPANY_ROWS
    r = COMPANY_ROWS.index("non_operating_profit")
    c = col_of(ct, 2026)
    old = document.model.to_dict()
    assert ct.setData(ct.index(r, c), "1.5")
    assert document.model.get(("company_forecast", "non_operating_profit", "2026")) == 1.5
    table = engine_forecast.company_table(document.model)
    npa = ct.index(COMPANY_ROWS.index("net_profit_attributable"), c)
    assert ct.data(npa, Qt.ItemDataRole.EditRole) == table.net_profit_attributable[c]
    document.undo_stack.undo()
    assert document.model.to_dict() == old


def test_company_totals_show_operating_net_profit_attributable(wired, document):
    """Table 2's 经营性归母净利润 row and its growth: operating net profit − minority profit."""
    _, t = wired
    ct = t["CompanyTotalsTableModel"]
    from desktop_app.qt_models.forecast import COMPANY_ROWS
    assert COMPANY_ROWS[-2:] == ("operating_net_profit_attributable", "operating_attributable_growth")
    assert ct.rowCount() == len(COMPANY_ROWS)
    c = col_of(ct, 2026)
    assert ct.setData(ct.index(COMPANY_ROWS.index("minority_profit"), c), "2")
    table = engine_forecast.company_table(document.model)
    r = COMPANY_ROWS.index("operating_net_profit_attributable")
    shown = ct.data(ct.index(r, c), Qt.ItemDataRole.EditRole)
    assert shown == table.operating_net_profit[c] - 2.0
    g = ct.data(ct.index(r + 1, c), Qt.ItemDataRole.EditRole)
    assert g == table.operating_attributable_growth[c]
    assert g == (table.operating_net_profit[c] - 2.0) / table.operating_net_profit[c - 1] - 1
    assert not ct.flags(ct.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    assert "(" in ct.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)


def test_an_edit_the_engine_cannot_value_is_refused(wired, document):
    """1.7e308 passes validation but overflows the valuation: refused, not shown as inf."""
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    before = document.model.to_dict()
    assert not fm.setData(fm.index(fm.row_of(0, "revenue"), 2), "1.7e308")
    assert document.model.to_dict() == before
    assert "too large" in document.last_rejection
    ddm = t["DDMResultTableModel"]
    assert ddm.data(ddm.index(ddm.rowCount() - 1, ddm.COLUMNS.index("total"))) == "695.41"


def test_unexpected_engine_exception_rolls_back(wired, document, monkeypatch):
    from models import forecast as engine_forecast
    _, t = wired
    fm = t["SegmentForecastTableModel"]
    before = document.model.to_dict()

    def half_then_fail(model, i, year, row, value):
        model.set(("segments", 0, "roe"), 0.5)   # a change the transaction does not know about
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(engine_forecast, "edit_cell", half_then_fail)
    assert not fm.setData(fm.index(fm.row_of(0, "growth"), 4), "5%")
    assert "ZeroDivisionError" in document.last_rejection
    # the transaction rolls back what it recorded; what the engine did behind its back it cannot
    assert document.model.get(("segments", 0, "forecast", "2026", "growth")) == before["segments"][0]["forecast"]["2026"]["growth"]


def test_the_controller_reuses_the_documents_valuation(wired, document, monkeypatch):
    controller, t = wired
    fm = t["SegmentForecastTableModel"]
    calls = []
    original = models.valuate
    monkeypatch.setattr(models, "valuate", lambda m, **k: calls.append(1) or original(m, **k))
    assert fm.setData(fm.index(fm.row_of(0, "growth"), 4), "5%")
    assert len(calls) == 1                    # the document's check; the controller reused it
    assert controller.state.result.ddm.total == original(document.model).ddm.total
    document.undo_stack.undo()                # undo: no cached result, the controller values
    assert len(calls) == 2 and controller.state.result.ddm.total == pytest.approx(695.41, abs=0.005)


def test_engine_warnings_are_written_from_code_and_params():
    from desktop_app.qt_models.issues import issue_text
    w = models.Issue("segments[0].discount_rate", "engine text", "warning", "narrow_spread",
                     {"segment": "A%2", "discount_rate": 0.045, "terminal_growth": 0.03})
    assert issue_text(w) == ("A%2: discount rate 4.50% is less than 2 points above terminal growth 3.00%; "
                             "the terminal value is very sensitive")
    w = models.Issue("segments[1]", "engine text", "warning", "payout_clamped",
                     {"segment": "B", "years": [], "roe": 0.1, "clamp": "one", "stage": "terminal"})
    assert issue_text(w) == "B: terminal payout clamped to 100% (negative terminal growth; ROE 10.0%)"
    assert issue_text(models.Issue("x", "kept as is", "warning", "some_new_code", {})) == "kept as is"
    assert issue_text(models.Issue("x", "missing params", "warning", "terminal_share", {})) == "missing params"


@pytest.mark.parametrize("path, typed", [(("market", "price"), "1e-300"), (("market", "shares"), "1e300")])
def test_an_implausible_company_value_is_refused(wired, document, path, typed):
    """The engine's plausibility bounds hold for edits too (issue 8, item 11):
    a price of 1e-300 would show an upside of +inf%."""
    from desktop_app.qt_models.parameters import COMPANY_PARAMS
    _, t = wired
    cp = t["CompanyParametersTableModel"]
    before = document.model.to_dict()
    assert not cp.setData(cp.index([p for p, _ in COMPANY_PARAMS].index(path), 0), typed)
    assert document.model.to_dict() == before
    assert "plausible" in document.last_rejection


def test_an_implausible_discount_rate_is_refused(wired, document):
    _, t = wired
    sp = t["SegmentParametersTableModel"]
    before = document.model.to_dict()
    assert not sp.setData(sp.index(0, SEGMENT_PARAMS.index("discount_rate")), "1e308")
    assert document.model.to_dict() == before
    assert "too large to be plausible" in document.last_rejection


def test_header_texts_are_made_once_and_follow_renames_and_languages(wired, document, qapp, monkeypatch):
    """A view asks for each header text many times per layout and paint: the
    model makes it once (issue 17) and forgets it whenever it may change."""
    from desktop_app import i18n

    _, t = wired
    H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical

    def shown(m):
        return [[m.headerData(s, o) for s in range(n)] for o, n in ((H, m.columnCount()), (V, m.rowCount()))]

    def fresh(m):
        return [[m.header_text(s, o) for s in range(n)] for o, n in ((H, m.columnCount()), (V, m.rowCount()))]

    made = []
    ddm = t["DDMResultTableModel"]
    real = type(ddm).header_text
    monkeypatch.setattr(type(ddm), "header_text", lambda self, s, o: (made.append((s, o)), real(self, s, o))[1])
    first = shown(ddm)
    assert shown(ddm) == first and len(made) == ddm.columnCount() + ddm.rowCount()   # asked twice, made once
    fm = t["SegmentForecastTableModel"]
    assert fm.setData(fm.index(fm.row_of(2, None), 0), "Service")                   # a rename: a value edit
    assert ddm.headerData(2, V) == "Service"
    for m in t.values():
        assert shown(m) == fresh(m), type(m).__name__
    i18n.install(qapp, "zh_CN")
    try:
        for m in t.values():
            m.retranslate()
            assert shown(m) == fresh(m), type(m).__name__
        assert ddm.headerData(0, H) != first[0][0]                                  # now in Chinese
    finally:
        i18n.install(qapp, "en")
