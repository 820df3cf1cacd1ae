"""Edits as data with an inverse, and the thin QUndoCommands that carry them.

Two kinds of record:

* :class:`ValueEdit` — primitive ``(path, old, new)`` changes of values in the
  model document (a cell, a paste of a block, a parameter, a rename). Its
  inverse swaps old and new in reverse order. Paths are the engine's tuples,
  e.g. ``("segments", 0, "forecast", "2026", "growth")``.
* :class:`StructureEdit` — a change of shape (add/remove/move a segment, add
  an estimate year) done by the engine's in-place functions. Shapes do not
  have a cheap path-level inverse, so the record keeps deep copies of the
  document before and after; its inverse swaps them.

Commands are pushed *after* the document has applied and validated the edit
(``applied=True``), so the first ``redo()`` that ``QUndoStack.push`` calls is
skipped instead of applying twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:  # pragma: no cover
    from desktop_app.document import Document

Path = tuple


@dataclass(frozen=True)
class Change:
    path: Path
    old: Any
    new: Any


@dataclass(frozen=True)
class ValueEdit:
    changes: tuple[Change, ...]

    def inverse(self) -> "ValueEdit":
        return ValueEdit(tuple(Change(c.path, c.new, c.old) for c in reversed(self.changes)))

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(c.path for c in self.changes)


@dataclass(frozen=True)
class StructureEdit:
    before: Any  # models.Model (a private deep copy)
    after: Any

    def inverse(self) -> "StructureEdit":
        return StructureEdit(self.after, self.before)


class EditCommand(QUndoCommand):
    """Applies a record on redo and its inverse on undo, through the document."""

    def __init__(self, document: "Document", record, text: str, applied: bool = True):
        super().__init__(text)
        self.document = document
        self.record = record
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.document._apply_record(self.record)

    def undo(self) -> None:
        self.document._apply_record(self.record.inverse())
