"""Typing on a read-only cell never edits anything (issue 9, item 1).

Qt's item views run a keyboard search on printable keys that no editor takes:
the typed character moved the cursor to another cell whose text starts with it,
and the next key opened an editor there. Here every printable key is typed
into every read-only cell of every table, with real key events on the views.
"""
import string

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop_app.qt_models.forecast import BLOCK
from desktop_app.widgets.spreadsheet import SpreadsheetView

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PRINTABLE = "".join(ch for ch in string.printable if ch.isprintable())   # ASCII 0x20..0x7e
TYPED = PRINTABLE + "２０，．％−中"                                       # and what a CJK keyboard sends


def type_key(qtbot, view, ch):
    """One key press: QTest for ASCII; a key event carrying the text for what
    an input method sends (QTest only maps ASCII to keys)."""
    if ch.isascii():
        qtbot.keyClick(view, ch)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(view, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def read_only_cells(view):
    model = view.model()
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            if view.isIndexHidden(model.index(r, c)) or (view.columnSpan(r, c) > 1 and c > 0):
                continue
            index = model.index(r, c)
            if not (index.flags() & Qt.ItemFlag.ItemIsEditable):
                yield index


def views_of(window):
    views = window.findChildren(SpreadsheetView)
    assert len(views) >= 5, [v.objectName() for v in views]
    return views


def test_every_printable_key_on_every_read_only_cell_changes_nothing(qtbot, window):
    before = window.document.model.to_dict()
    undo_count = window.document.undo_stack.count()
    refusals = []
    checked = 0
    for view in views_of(window):
        view.refused.connect(refusals.append)
        view.setFocus()
        for index in list(read_only_cells(view)):
            view.setCurrentIndex(index)
            for ch in TYPED:
                type_key(qtbot, view, ch)
                assert view.state() != view.State.EditingState, (view.objectName(), index.row(), index.column(), ch)
                assert view.currentIndex() == index, (view.objectName(), index.row(), index.column(), ch)
            checked += 1
        view.refused.disconnect(refusals.append)
    QApplication.processEvents()
    assert checked > 100
    assert len(refusals) == checked * len(TYPED)
    assert window.document.model.to_dict() == before
    assert window.document.undo_stack.count() == undo_count


def test_the_reported_sequence_leaves_the_reported_profit_alone(qtbot, window):
    """Segment 1's revenue growth in the first actual year, type 20 Enter."""
    fm, view = window.forecast_model, window.forecast_view
    first_actual = window.document.model.actual_years[0]
    col = window.document.model.years.index(first_actual)
    index = fm.index(fm.row_of(0, "growth"), col)
    assert not (index.flags() & Qt.ItemFlag.ItemIsEditable)
    before = window.document.model.to_dict()
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "20")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.model.to_dict() == before
    # Enter still moves down, as on any cell, and nowhere else
    assert view.currentIndex().row() == index.row() + 1 and view.currentIndex().column() == col
    assert index.row() // BLOCK == 0


def test_the_refusal_is_visible_and_says_why(qtbot, window):
    fm, view = window.forecast_model, window.forecast_view
    first_actual = window.document.model.actual_years[0]
    index = fm.index(fm.row_of(0, "margin"), window.document.model.years.index(first_actual))
    view.setFocus()
    view.setCurrentIndex(index)
    with qtbot.waitSignal(view.refused) as blocker:
        qtbot.keyClicks(view, "5")
    message = blocker.args[0]
    assert f"{first_actual}A" in message and "actual" in message
    assert message in window.statusBar().currentMessage()
    # a result cell (DDM table) says it is computed
    ddm = window.ddm_view
    cell = next(read_only_cells(ddm))
    ddm.setFocus()
    ddm.setCurrentIndex(cell)
    with qtbot.waitSignal(ddm.refused) as blocker:
        qtbot.keyClicks(ddm, "7")
    assert "computed" in blocker.args[0]


def test_shortcuts_and_navigation_still_work_on_read_only_cells(qtbot, window):
    """Ctrl+C copies and the arrows move: only typing is refused."""
    fm, view = window.forecast_model, window.forecast_view
    col = window.document.model.years.index(window.document.model.actual_years[-1])
    index = fm.index(fm.row_of(0, "growth"), col)
    assert not (index.flags() & Qt.ItemFlag.ItemIsEditable)
    QApplication.clipboard().setText("")
    view.setFocus()
    view.setCurrentIndex(index)
    refusals = []
    view.refused.connect(refusals.append)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().endswith("%")
    assert QApplication.clipboard().text() == view.model().copy_text([index])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == col + 1
    assert refusals == []


def test_typing_in_the_tornado_table_never_moves_the_cursor(qtbot):
    """The sensitivity panel's tornado table is read-only too."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
    from desktop_app.plots import tornado

    table = next(cls for name, cls in vars(tornado).items() if isinstance(cls, type)
                 and issubclass(cls, QTableWidget))(3, 2)
    qtbot.addWidget(table)
    for r, text in enumerate(["贴现率", "2 个百分点", "Terminal growth"]):
        table.setItem(r, 0, QTableWidgetItem(text))
    table.show()
    table.setCurrentCell(0, 1)
    for ch in "2T":
        qtbot.keyClick(table, ch)
        assert (table.currentRow(), table.currentColumn()) == (0, 1)
