"""The thin QUndoCommand that carries an edit record (see
:mod:`desktop_app.edits`) on the document's undo stack.

The command knows nothing of the document: it is given the record and a
callback that applies a record (the record on redo, its inverse on undo).
Commands are pushed *after* the document has applied and validated the edit
(``applied=True``), so the first ``redo()`` that ``QUndoStack.push`` calls is
skipped instead of applying twice.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from desktop_app.edits import Record


class EditCommand(QUndoCommand):
    """Applies a record on redo and its inverse on undo, through ``apply``."""

    def __init__(self, record: Record, text: str, apply: Callable[[Record], None], applied: bool = True,
                 before_apply: Callable[[bool], None] | None = None):
        # text() as given; the Edit menu's "Undo …" is an action text, where the "&" of a
        # name ("Imaging & radiotherapy") is text, not a shortcut mark (Qt: "text\naction text")
        super().__init__(f"{text}\n{text.replace('&', '&&')}" if "&" in text else text)
        self.record = record
        self._apply = apply
        self._skip_redo = applied
        # called with True before a redo applies the record, False before an undo
        # (a caller that keeps state beside the model restores it first)
        self._before_apply = before_apply

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if self._before_apply is not None:
            self._before_apply(True)
        self._apply(self.record)

    def undo(self) -> None:
        if self._before_apply is not None:
            self._before_apply(False)
        self._apply(self.record.inverse())
