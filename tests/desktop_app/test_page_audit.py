"""The audit page alone (a document, a controller, the page): the glass box
per segment beside the value tables, and the report's figures beside ours."""
import math

import pytest

from desktop_app import i18n
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import models
from desktop_app.controller import Controller
from desktop_app.document import Document
from desktop_app.numbers import MONEY, MULTIPLE, PERCENT, format_value
from desktop_app.pages.audit import AuditPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

from pathlib import Path

WANDONG = Path(__file__).resolve().parents[2] / "resources" / "samples" / "wandong-medical-600055.json"


@pytest.fixture
def make_page(qtbot):
    def make(document):
        controller = Controller(document)
        page = AuditPage(document, controller)
        controller.add_view(page)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        controller.recompute(True)
        page._controller = controller
        return page
    return make


@pytest.fixture
def page(make_page, document):
    return make_page(document)


def texts(table, col):
    """{row header: display text of column ``col``}."""
    return {table.headerData(r, Qt.Orientation.Vertical): table.data(table.index(r, col))
            for r in range(table.rowCount())}


def test_the_schedule_redone_by_hand_and_its_sums_equal_the_value_table(page, document):
    model, result = document.model, models.valuate(document.model)
    seg = model.segments[0]
    r, roe, base = seg["discount_rate"], seg["roe"], model.base_year
    sched = page.schedule_table
    # 2026E by hand: earnings = revenue × margin, payout 1 − g/ROE, factor (1+r)^−(Y−B)
    row = [sched.headerData(i, Qt.Orientation.Vertical) for i in range(sched.rowCount())].index("2026E")
    g = seg["forecast"]["2026"]["growth"]
    earnings = float(sched.data(sched.index(row, 1), Qt.ItemDataRole.EditRole))
    payout = 1 - g / roe
    factor = (1 + r) ** -(2026 - base)
    assert sched.data(sched.index(row, 2)) == format_value(g, PERCENT)
    assert sched.data(sched.index(row, 4)) == format_value(payout, PERCENT)
    assert sched.data(sched.index(row, 6)) == f"{factor:,.4f}"
    assert sched.data(sched.index(row, 7), Qt.ItemDataRole.EditRole) == pytest.approx(earnings * payout * factor,
                                                                                        rel=1e-12)
    # the Σ row and the terminal row are the value table's forecast-period and perpetual values
    ddm = result.ddm.segments[0]
    col_pv = 7
    assert sched.data(sched.index(sched.rowCount() - 2, col_pv)) == format_value(ddm.forecast_value, MONEY)
    assert sched.data(sched.index(sched.rowCount() - 1, col_pv)) == format_value(ddm.perpetual_value, MONEY)
    sums = page.sums_table
    for r_, key in enumerate(sums.KEYS):
        ours = sums.data(sums.index(r_, 0), Qt.ItemDataRole.EditRole)
        table = sums.data(sums.index(r_, 1), Qt.ItemDataRole.EditRole)
        assert table == getattr(ddm, key)
        assert math.isclose(ours, table, rel_tol=1e-12)
        assert sums.data(sums.index(r_, 0)) == sums.data(sums.index(r_, 1)) == format_value(table, MONEY)
        assert sums.data(sums.index(r_, 2)) == "0.00"


def test_dynamic_steps_beside_the_value_table(page, document):
    result = models.valuate(document.model)
    dyn = page.dynamic_table
    seg = result.dynamic.segments[0]
    rows = {dyn.headerData(r, Qt.Orientation.Vertical): r for r in range(dyn.rowCount())}
    business = rows["Business value"]
    assert dyn.data(dyn.index(business, 0)) == dyn.data(dyn.index(business, 1)) == format_value(seg.business_value,
                                                                                              MONEY)
    multiple = rows["Composite multiple"]
    assert dyn.data(dyn.index(multiple, 0)) == format_value(seg.multiple, MULTIPLE) == "19.36x"
    # base = w1·E1 + w2·E2, from the rows above it
    w1, w2 = (dyn.data(dyn.index(i, 0), Qt.ItemDataRole.EditRole) for i in (0, 1))
    e1, e2 = (dyn.data(dyn.index(i, 0), Qt.ItemDataRole.EditRole) for i in (2, 3))
    base = dyn.data(dyn.index(rows["Earnings base = w1·E1 + w2·E2"], 0), Qt.ItemDataRole.EditRole)
    assert base == pytest.approx(w1 * e1 + w2 * e2, rel=1e-12)
    assert base == pytest.approx(seg.earnings_base, rel=1e-12)


def test_the_selector_chooses_the_segment(page, document, qtbot):
    result = models.valuate(document.model)
    box = page.segment_box
    assert [box.itemText(i) for i in range(box.count())] == i18n.segment_names(document.model)
    # by the keyboard, as a user would: focus the selector and press Down twice
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentIndex() == 2 and page.segment == 2
    sums = page.sums_table
    assert sums.data(sums.index(4, 1)) == format_value(result.ddm.segments[2].business_value, MONEY)
    assert page.dynamic_table.data(page.dynamic_table.index(5, 0)) == "16.11x"


def test_the_reference_beside_ours_and_the_difference_located(page, document):
    ref = page.reference_table
    rows = {ref.headerData(r, Qt.Orientation.Vertical): r for r in range(ref.rowCount())}
    ddm, dyn = rows["DDM · Total value"], rows["Dynamic · Total value"]
    assert [ref.data(ref.index(ddm, c)) for c in range(3)] == ["695.41", "674.75", "20.66"]
    assert [ref.data(ref.index(dyn, c)) for c in range(3)] == ["576.69", "588.44", "-11.75"]
    loc = page.located_table
    names = i18n.segment_names(document.model)
    by_row = {loc.headerData(r, Qt.Orientation.Vertical): r for r in range(loc.rowCount())}
    result = models.valuate(document.model)
    published = document.model.doc["reference"]["segments"]
    for i, name in enumerate(names):
        got = loc.data(loc.index(by_row[name], 0), Qt.ItemDataRole.EditRole)
        assert got == pytest.approx(result.ddm.segments[i].business_value - published[i]["ddm"]["business_value"])
        assert loc.data(loc.index(by_row[name], 1)) == "–"      # the report gives no dynamic business values
    # the parts add up to the difference of the totals, in each column
    total_row = by_row["Difference of the totals"]
    for col in (0, 1):
        parts = [loc.data(loc.index(r, col), Qt.ItemDataRole.EditRole) for r in range(loc.rowCount() - 1)]
        total = loc.data(loc.index(total_row, col), Qt.ItemDataRole.EditRole)
        assert math.fsum(p for p in parts if isinstance(p, float)) == pytest.approx(total, abs=1e-9)
    assert loc.data(loc.index(total_row, 0)) == "20.66" and loc.data(loc.index(total_row, 1)) == "-11.75"


def test_the_page_follows_edits_and_undo(page, document):
    before = page.sums_table.data(page.sums_table.index(4, 0))
    assert document.edit("r", lambda txn: txn.set(("segments", 0, "discount_rate"), 0.1))
    result = models.valuate(document.model)
    assert page.sums_table.data(page.sums_table.index(4, 0)) == format_value(result.ddm.segments[0].business_value,
                                                                             MONEY) != before
    ref = page.reference_table
    assert ref.data(ref.index(1, 0)) == format_value(result.ddm.total, MONEY)
    document.undo_stack.undo()
    assert page.sums_table.data(page.sums_table.index(4, 0)) == before


def test_typing_is_refused_with_a_message_and_nothing_changes(page, document, qtbot):
    view = page.schedule_view
    view.setFocus()
    view.setCurrentIndex(page.schedule_table.index(0, 1))
    doc_before = document.model.copy()
    with qtbot.waitSignal(document.editRejected) as blocker:
        QTest.keyClicks(view, "5")
    assert "cannot be edited" in blocker.args[0] and "2025E" in blocker.args[0]
    assert document.model == doc_before and document.undo_stack.count() == 0


def test_a_model_without_published_figures_says_so(make_page, qapp, tmp_path):
    model = models.load_model(WANDONG)
    document = Document(model, None, recovery_dir=tmp_path / "rec")
    try:
        page = make_page(document)
        assert page.located_table.rowCount() == 0
        # the market cap is quoted: one row, ours beside theirs
        assert page.reference_table.headerData(0, Qt.Orientation.Vertical) == "Market capitalization"
        del document.model.doc["reference"]
        page._controller.recompute(True)
        assert page.reference_table.rowCount() == 0
        assert page.reference_note.text() == "This model quotes no published figures (reference)."
    finally:
        document.close_cleanly()


def test_a_hidden_page_catches_up_when_shown(page, document):
    page.hide()
    assert document.edit("r", lambda txn: txn.set(("segments", 0, "discount_rate"), 0.1))
    page.show()
    result = models.valuate(document.model)
    assert page.sums_table.data(page.sums_table.index(4, 1)) == format_value(result.ddm.segments[0].business_value,
                                                                             MONEY)


def test_the_window_builds_the_page_and_shows_it(make_window, document):
    window = make_window(document)
    page = window.pages.page("audit")
    window.pages.setCurrentWidget(page)
    assert page.isVisible() and window.pages.tabs.tabText(window.pages.tabs.currentIndex()) == "Audit"
    fm = window.page.forecast_table
    index = fm.index(fm.row_of(0, "growth"), document.model.years.index(2026))
    assert fm.setData(index, "10%")
    result = models.valuate(document.model)
    assert page.sums_table.data(page.sums_table.index(4, 1)) == format_value(result.ddm.segments[0].business_value,
                                                                             MONEY)
    assert window.header.ddm.value.text().startswith(format_value(result.ddm.total, MONEY))


def _emitted_cells(model):
    """Connect to ``model.dataChanged``; returns the set that collects every cell the signals cover."""
    cells = set()

    def note(top_left, bottom_right, roles=()):
        for r in range(top_left.row(), bottom_right.row() + 1):
            for c in range(top_left.column(), bottom_right.column() + 1):
                cells.add((r, c))
    model.dataChanged.connect(note)
    return cells


def _shown(model):
    return {(r, c): model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_an_edit_repaints_only_the_cells_it_changed(page, document):
    """Issue 11 item 5: the schedule's signals cover the cells whose text
    changed and no other (not the discount factors, not the years before
    the edited one); the reference table's likewise."""
    sched, ref = page.schedule_table, page.reference_table
    before_s, before_r = _shown(sched), _shown(ref)
    got_s, got_r = _emitted_cells(sched), _emitted_cells(ref)
    year = document.model.forecast_years[-2]
    assert document.edit("g", lambda txn: txn.set(("segments", 0, "forecast", str(year), "growth"), 0.31))
    after_s, after_r = _shown(sched), _shown(ref)
    changed_s = {k for k in after_s if after_s[k] != before_s[k]}
    changed_r = {k for k in after_r if after_r[k] != before_r[k]}
    assert changed_s and changed_r
    assert changed_s <= got_s and changed_r <= got_r
    # nothing beyond what the engine's new figures touched: the discount factors and the rows
    # before the edited year were not repainted
    factor_col = sched.COLUMNS.index("discount_factor")
    assert not any(c == factor_col for _, c in got_s)
    first_row = [sched.headerData(r, Qt.Orientation.Vertical) for r in range(sched.rowCount())].index(f"{year}E")
    assert min(r for r, _ in got_s) == first_row


def test_an_edit_of_another_segment_leaves_the_chosen_segments_tables_alone(page, document):
    assert page.segment == 0
    quiet = [page.schedule_table, page.sums_table, page.dynamic_table]
    got = [_emitted_cells(m) for m in quiet]
    computed = []
    original = page._texts
    page._texts = lambda params=True: (computed.append(params), original(params))
    params_before = page.params_label.text()
    assert document.edit("g", lambda txn: txn.set(("segments", 1, "forecast", "2026", "growth"), 0.33))
    assert got == [set(), set(), set()]
    assert computed == [False] and page.params_label.text() == params_before
    # the reference table follows: its DDM total is the new one
    result = models.valuate(document.model)
    assert page.reference_table.data(page.reference_table.index(1, 0)) == format_value(result.ddm.total, MONEY)
    # and an edit of the chosen segment moves its tables and its parameters line again
    assert document.edit("r", lambda txn: txn.set(("segments", 0, "discount_rate"), 0.095))
    assert got[0] and got[1] and got[2] and computed[-1] is True and page.params_label.text() != params_before


@pytest.mark.parametrize("cells, by_column, expected", [
    ({(0, 0)}, True, [(0, 0, 0, 0)]),
    ({(1, 2), (2, 2), (3, 2), (5, 2), (1, 3)}, True, [(1, 2, 3, 2), (5, 2, 5, 2), (1, 3, 1, 3)]),
    ({(1, 2), (1, 3), (1, 5), (2, 3)}, False, [(1, 2, 1, 3), (1, 5, 1, 5), (2, 3, 2, 3)]),
])
def test_runs_cover_exactly_the_cells(cells, by_column, expected):
    from desktop_app.pages.audit import runs
    got = runs(cells, by_column)
    assert got == expected
    covered = {(r, c) for top, left, bottom, right in got for r in range(top, bottom + 1)
               for c in range(left, right + 1)}
    assert covered == cells
