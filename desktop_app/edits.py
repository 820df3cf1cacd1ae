"""Edits as data with an inverse: every kind of edit the document knows, how
it is applied to a model and how it is undone. Plain Python over the engine's
``Model`` (its ``get``/``set``/``delete`` by path); no Qt, no document.

Two kinds of record:

* :class:`ValueEdit` — primitive ``(path, old, new)`` changes of values in the
  model document (a cell, a paste of a block, a parameter, a rename). Its
  inverse swaps old and new in reverse order. Paths are the engine's tuples,
  e.g. ``("segments", 0, "forecast", "2026", "growth")``.
* :class:`StructureEdit` — a change of shape (add/remove/move a segment, add
  an estimate year) done by the engine's in-place functions. Shapes have no
  cheap path-level inverse, so the record keeps deep copies of the document
  before and after; its inverse swaps them.

:class:`Transaction` records the changes while an edit is being made, so a
refused edit rolls back exactly and an accepted one becomes a ``ValueEdit``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

Path = tuple


class _Missing:
    """The value of a key that is absent (restoring it deletes the key)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


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

    @property
    def paths(self) -> tuple[Path, ...]:
        return ()


Record = ValueEdit | StructureEdit


def apply_record(model, record: Record):
    """Apply ``record`` to ``model``; returns the model that is current
    afterwards (a structure edit replaces it with a copy of its target)."""
    if isinstance(record, StructureEdit):
        return record.after.copy()
    for change in record.changes:
        set_or_delete(model, change.path, change.new)
    return model


def same(a, b) -> bool:
    """Equal as stored values: 1 and 1.0 differ (the file keeps the type),
    0.0 and -0.0 differ (the file keeps the sign)."""
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        return a == b and (str(a) != "-0.0") == (str(float(b)) != "-0.0")
    return type(a) is type(b) and a == b


def set_or_delete(model, path: Path, value) -> None:
    """``model.set``, or remove the key when restoring a value that was absent
    (undoing a key an edit created, e.g. a segment's terminal growth override)."""
    if value is MISSING:
        model.delete(path)
        return
    model.set(path, value)


class Transaction:
    """Records ``(path, old, new)`` while changing the model, so it can be
    rolled back exactly or turned into a :class:`ValueEdit`."""

    def __init__(self, model):
        self.model = model
        self.changes: list[Change] = []

    def set(self, path: Path, value: Any) -> None:
        path = tuple(path)
        try:
            old = self.model.get(path)
        except (KeyError, IndexError, TypeError):
            old = MISSING
        if old is not MISSING and same(old, value):
            return
        set_or_delete(self.model, path, value)
        self.changes.append(Change(path, old, value))

    def delete(self, path: Path) -> None:
        """Remove an optional key (e.g. clear a segment's override so the
        company value applies again); undo puts it back."""
        path = tuple(path)
        try:
            old = self.model.get(path)
        except (KeyError, IndexError, TypeError):
            return
        self.model.delete(path)
        self.changes.append(Change(path, old, MISSING))

    def set_many(self, changes) -> None:
        for path, value in changes:
            self.set(path, value)

    def record_call(self, path: Path, fn: Callable[[], None]) -> None:
        """Run an engine function that changes the value at ``path`` in place
        (e.g. ``rename_segment``) and record the change."""
        old = self.model.get(path)
        fn()
        new = self.model.get(path)
        if not same(old, new):
            self.changes.append(Change(tuple(path), old, new))

    def rollback(self) -> None:
        for change in reversed(self.changes):
            set_or_delete(self.model, change.path, change.old)
        self.changes.clear()

    def record(self) -> ValueEdit:
        return ValueEdit(tuple(self.changes))
