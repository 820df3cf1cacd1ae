"""Shared by the GUI tests: typing into a view as a user does, and showing a page alone."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit


def type_into(qtbot, view, index, text, key=Qt.Key.Key_Return):
    """Select a cell, type (the first key opens the editor), then commit."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)
    QApplication.processEvents()  # the delegate commits Enter/Tab through a queued call
    return editor


def show_page(qtbot, document, page_class, size=(1400, 900)):
    """A page built alone with its own controller (no main window), shown and current."""
    from desktop_app.controller import Controller

    controller = Controller(document)
    page = page_class(document, controller)
    qtbot.addWidget(page)
    controller.add_view(page)
    controller.recompute(True)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page
