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
