"""The history page alone (a document, a controller, the page), and once through the window."""
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.analysis.history import FIGURES, history_table
from desktop_app.pages.history import HistoryPage
from tests.desktop_app.typing_helpers import type_into, show_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, document):
    return show_page(qtbot, document, HistoryPage)


def cell(page, metric, year):
    tm = page.table_model
    return tm.index(tm.metrics.index(metric), tm.years.index(year))


def assert_charts_equal_engine(page, model):
    table = history_table(model)
    for key, metrics in FIGURES.items():
        assert [c.metric for c in page.curves[key]] == list(metrics)
        for curve in page.curves[key]:
            values, derived = table.series(curve.metric)
            keep = np.isfinite(values)
            x, y = curve.solid.getData() if keep.any() else (np.empty(0), np.empty(0))
            assert list(curve.x) == [float(v) for v in np.asarray(table.years)[keep]]
            assert np.array_equal(curve.y, values[keep])
            assert np.array_equal(curve.derived, derived[keep])
            if keep.any():
                assert np.array_equal(x, curve.x) and np.array_equal(y, curve.y)


def test_charts_and_table_show_the_engine_history(page, document):
    assert_charts_equal_engine(page, document.model)
    table = history_table(document.model)
    tm = page.table_model
    for metric, row in table.metrics.items():
        for year, hv in row.items():
            assert tm.shown(metric, year) == hv.value
    # the sample's one derived ratio: revenue growth 2023 = 114.1 / 92.4 − 1
    assert tm.shown("revenue_growth", 2023) == pytest.approx(114.1 / 92.4 - 1, abs=1e-15)
    idx = cell(page, "revenue_growth", 2023)
    assert tm.is_derived(idx.row(), idx.column())
    assert idx.data(Qt.ItemDataRole.FontRole).italic()
    assert "Revenue" in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert not (idx.flags() & Qt.ItemFlag.ItemIsEditable)
    # in the growth figure the 2023 point is hollow and its links dashed
    growth = page.curves["growth"][0]
    assert growth.metric == "revenue_growth"
    assert list(growth.derived) == [True, False]
    # a reported cell is an input
    assert cell(page, "roe", 2022).flags() & Qt.ItemFlag.ItemIsEditable


def test_typing_a_value_lands_in_the_history_and_undoes(qtbot, page, document):
    assert document.model.doc["history"]["operating_margin"].get("2023") is None
    type_into(qtbot, page.view, cell(page, "operating_margin", 2023), "18.5")
    assert document.model.doc["history"]["operating_margin"]["2023"] == pytest.approx(0.185)
    assert page.table_model.shown("operating_margin", 2023) == pytest.approx(0.185)
    assert 2023.0 in list(page.curves["profitability"][3].x)
    assert_charts_equal_engine(page, document.model)
    steps = document.undo_stack.index()
    document.undo_stack.undo()
    assert document.undo_stack.index() == steps - 1
    assert "2023" not in document.model.doc["history"]["operating_margin"]
    assert math.isnan(page.table_model.shown("operating_margin", 2023))
    assert_charts_equal_engine(page, document.model)


def test_a_raw_figure_derives_the_ratio(qtbot, page, document):
    # operating profit in 2023 and 2024 → operating margin 2023 (derived) and growth 2024 stays reported
    type_into(qtbot, page.view, cell(page, "operating_profit", 2023), "20")
    tm = page.table_model
    assert document.model.doc["history"]["operating_profit"]["2023"] == 20.0
    assert tm.shown("operating_margin", 2023) == pytest.approx(20 / 114.1, abs=1e-15)
    idx = cell(page, "operating_margin", 2023)
    assert tm.is_derived(idx.row(), idx.column()) and idx.data(Qt.ItemDataRole.FontRole).italic()
    assert_charts_equal_engine(page, document.model)
    document.undo_stack.undo()
    assert math.isnan(tm.shown("operating_margin", 2023))
    assert cell(page, "operating_margin", 2023).data(Qt.ItemDataRole.FontRole) is None


def test_typing_on_a_derived_cell_is_refused_with_its_reason(qtbot, page, document):
    before = document.model.to_dict()
    messages = []
    page.refused.connect(messages.append)
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, "revenue_growth", 2023))
    qtbot.keyClicks(view, "5")
    assert not isinstance(view.focusWidget(), QLineEdit)
    assert len(messages) == 1 and "Derived from Revenue in 2022 and 2023" in messages[0]
    assert document.model.to_dict() == before


def test_bad_input_is_refused_and_the_old_value_kept(qtbot, page, document):
    rejected = []
    document.editRejected.connect(rejected.append)
    type_into(qtbot, page.view, cell(page, "roe", 2022), "abc")
    assert document.model.doc["history"]["roe"]["2022"] == 0.1748
    assert rejected and "ROE" in rejected[-1] and "abc" in rejected[-1]


def test_locate_finds_a_history_cell(page):
    assert page.locate(("history", "roe", "2024"))
    tm = page.table_model
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == \
        (tm.metrics.index("roe"), tm.years.index(2024))
    assert not page.locate(("segments", 0, "discount_rate"))


def test_history_page_through_the_window(qtbot, window):
    page = window.pages.page("history")
    assert isinstance(page, HistoryPage)
    window.pages.setCurrentWidget(page)
    type_into(qtbot, page.view, cell(page, "roe", 2023), "9")
    assert window.document.model.doc["history"]["roe"]["2023"] == pytest.approx(0.09)
    assert_charts_equal_engine(page, window.document.model)
    window.document.undo_stack.undo()
    assert "2023" not in window.document.model.doc["history"]["roe"]
    assert_charts_equal_engine(page, window.document.model)


def test_delete_clears_reported_figures_as_one_step_and_undo_restores(qtbot, page, document):
    """The Delete key, as in a spreadsheet: a reported figure can be removed
    (the history may have gaps); Ctrl+Z puts it back."""
    view, tm = page.view, page.table_model
    before = document.model.to_dict()
    view.setFocus()
    view.setCurrentIndex(cell(page, "roe", 2022))
    view.selectionModel().select(cell(page, "roe", 2024), view.selectionModel().SelectionFlag.Select)
    steps = document.undo_stack.index()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "2022" not in document.model.doc["history"]["roe"] and "2024" not in document.model.doc["history"]["roe"]
    assert math.isnan(tm.shown("roe", 2022)) and math.isnan(tm.shown("roe", 2024))
    assert document.undo_stack.index() == steps + 1                  # one step for both
    assert_charts_equal_engine(page, document.model)
    document.undo_stack.undo()
    assert document.model.to_dict() == before
    assert tm.shown("roe", 2022) == 0.1748


def test_emptying_a_cell_in_its_editor_clears_the_figure(qtbot, page, document):
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, "roe", 2022))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert "2022" not in document.model.doc["history"]["roe"]


def test_delete_on_a_derived_cell_changes_nothing_and_says_so(qtbot, page, document):
    before = document.model.to_dict()
    messages = []
    page.refused.connect(messages.append)
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, "revenue_growth", 2023))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert document.model.to_dict() == before
    assert messages and "read-only" in messages[-1]


def test_legends_never_cover_the_lines(page):
    """Each figure's legend sits outside its plot area (it once covered the
    2020 point of the profitability figure)."""
    for key, plot in page.plots.items():
        legend = page.legends[key]
        assert legend.isVisible() and len(legend.items) == len(FIGURES[key])
        area = plot.getViewBox().sceneBoundingRect()
        box = legend.sceneBoundingRect()
        assert box.height() > 0 and not box.intersects(area), (key, box, area)
