"""Issue 9: redo keys, refusal wording, paste reports and selection, Enter
after a refusal, room for the forecasts. Keys typed with QTest into the
real window's views."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

# The offscreen platform warns when a top-level window's size hints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(make_window, document):
    return make_window(document)


@pytest.fixture
def x11_window(make_window, document, monkeypatch):
    """The window as built under a Linux desktop theme, whose standard redo
    binding is Ctrl+Shift+Z alone (the offscreen theme also lists Ctrl+Y)."""
    from PySide6.QtGui import QKeySequence
    real = QKeySequence.keyBindings

    def bindings(key):
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return real(key)
    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(bindings))
    return make_window(document)


def col_of(window, year):
    return window.document.model.years.index(year)


@pytest.mark.parametrize("redo_key", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_ctrl_y_and_ctrl_shift_z_redo_from_the_keyboard(qtbot, x11_window, redo_key):
    window = x11_window
    fm, view = window.page.forecast_table, window.page.forecast_view
    path = ("segments", 0, "forecast", "2028", "margin")
    before = window.document.model.get(path)
    assert fm.setData(fm.index(fm.row_of(0, "margin"), col_of(window, 2028)), "20")
    window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.model.get(path) == pytest.approx(before)
    key = Qt.Key.Key_Y if redo_key == "Ctrl+Y" else Qt.Key.Key_Z
    mods = Qt.KeyboardModifier.ControlModifier
    if redo_key == "Ctrl+Shift+Z":
        mods |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, key, mods)
    assert window.document.model.get(path) == 0.2


def type_into(qtbot, view, index, text, key=Qt.Key.Key_Return):
    """Select a cell, type (the first key opens the editor), then commit."""
    from PySide6.QtWidgets import QLineEdit
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)
    QApplication.processEvents()
    return editor


def test_enter_stays_on_a_refused_cell_and_moves_after_a_good_one(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(0, "growth"), col_of(window, 2027))
    before = window.document.model.to_dict()
    type_into(qtbot, view, idx, "-150%")
    assert window.document.model.to_dict() == before
    assert (view.currentIndex().row(), view.currentIndex().column()) == (idx.row(), idx.column())
    type_into(qtbot, view, idx, "abc")        # a parse refusal also keeps the cursor
    assert (view.currentIndex().row(), view.currentIndex().column()) == (idx.row(), idx.column())
    type_into(qtbot, view, idx, "7%")
    assert window.document.model.get(("segments", 0, "forecast", "2027", "growth")) == pytest.approx(0.07)
    assert view.currentIndex().row() == idx.row() + 1


def test_paste_past_the_last_year_says_what_was_dropped_and_keeps_the_block_selected(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    years = window.document.model.years
    last = len(years) - 1
    r = fm.row_of(0, "growth")
    view.setFocus()
    view.setCurrentIndex(fm.index(r, last - 1))
    QApplication.clipboard().setText("5%\t6%\t7%\t8%\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    m = window.document.model
    assert m.get(("segments", 0, "forecast", str(years[last - 1]), "growth")) == pytest.approx(0.05)
    assert m.get(("segments", 0, "forecast", str(years[last]), "growth")) == pytest.approx(0.06)
    said = window.messages.texts()[-1]
    assert "2 value(s) past the table's last row or column were dropped" in said
    assert str(years[last - 1]) in said
    selected = {(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()}
    assert selected == {(r, last - 1), (r, last)}
    # a block that fits: no note, the whole block selected
    count = len(window.messages.texts())
    view.setCurrentIndex(fm.index(r, last - 2))
    QApplication.clipboard().setText("1%\t2%\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(window.messages.texts()) == count
    assert {(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()} == {(r, last - 2), (r, last - 1)}


def test_paste_past_the_last_row_says_so(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    last_row = fm.rowCount() - 1
    col = col_of(window, window.document.model.years[-1])
    view.setFocus()
    view.setCurrentIndex(fm.index(last_row, col))
    before = window.document.model.to_dict()
    QApplication.clipboard().setText("1\n2\n3\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "2 value(s) past the table's last row or column were dropped" in window.messages.texts()[-1]
    assert window.document.model.to_dict() != before   # the one value that fits was pasted
