"""A plain-text editor for one text value of the model (a note, a narrative
section), committed as one undo step per editing burst.

Typing is not an edit of the model yet: the burst is handed on (:attr:`committed`
with the text) when the editor loses focus, after a pause in typing
(``pause_ms``), or just before the window's Undo/Redo runs. The editor's own
undo is off: Ctrl+Z goes to the window, which undoes the document's steps, so
there is one undo history, not two.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit


class BurstTextEdit(QPlainTextEdit):
    committed = Signal(str)     # the text of a finished burst (differs from the model's)

    def __init__(self, pause_ms: int = 1200, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._model_text = ""
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(pause_ms)
        self.timer.timeout.connect(self.commit)
        self.textChanged.connect(self._on_text_changed)

    def model_text(self) -> str:
        return self._model_text

    def pending(self) -> bool:
        """True while typed text has not been handed on."""
        return self.toPlainText() != self._model_text

    def set_model_text(self, text: str) -> None:
        """The model's text (after any edit, undo or redo). A burst in
        progress is kept unless the model's own text changed under it."""
        text = text or ""
        if text == self._model_text and self.pending():
            return
        self._model_text = text
        if self.toPlainText() != text:
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False
        self.timer.stop()

    def revert(self) -> None:
        """Show the model's text again (a refused burst is dropped)."""
        self.timer.stop()
        text, self._model_text = self._model_text, None
        self.set_model_text(text)

    def commit(self) -> None:
        self.timer.stop()
        if self.pending():
            self.committed.emit(self.toPlainText())

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.timer.start()

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        # Undo/Redo are the window's: finish the burst, then let the shortcut through
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()):
            self.commit()
            event.ignore()
            return False
        return super().event(event)
