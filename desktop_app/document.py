"""The open document: the current model, its undo stack, file path, dirty
state, autosave to a recovery file.

Every change goes through :meth:`Document.edit` (value changes) or
:meth:`Document.restructure` (shape changes). Both apply the change, ask
``models.validate``, and *refuse* the edit when it reports errors: the model
is restored exactly and :attr:`Document.editRejected` carries a message naming
what and where. The document therefore never holds an invalid model.
"""
from __future__ import annotations

import os
import time
import uuid
import weakref
from pathlib import Path as FsPath
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

import models
from desktop_app import i18n, refusals
from desktop_app.i18n import fill
from desktop_app.edits import StructureEdit, Transaction, apply_record
from desktop_app.locks import FileLock
from desktop_app.recovery import RecoveryStore, register_live, unregister_live
from desktop_app.undo import EditCommand


class Document(QObject):
    """The current model plus everything about it that is not the model."""

    # values changed in place; argument: tuple of changed path tuples
    valuesChanged = Signal(object)
    # the model object was replaced or reshaped: views reset
    modelReplaced = Signal()
    pathChanged = Signal(str)
    dirtyChanged = Signal(bool)
    # an edit was refused; argument: message for the user
    editRejected = Signal(str)
    autosaved = Signal(str)
    # a change of shape took scenario changes out (their segment was removed); argument: list of StaleChange
    scenarioChangesDropped = Signal(object)

    def __init__(self, model, path: str | None = None, recovery_dir: str | os.PathLike | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self._validated = not _errors(model)
        self.path = path
        # bumped on every change of the model; keys the cached valuation
        self.version = 0
        self._result_cache: tuple[int, Any] = (-1, None)
        self._checked_result = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._restored_unsaved = False
        self.last_rejection = ""
        self._labelers: list = []
        self.session_id = uuid.uuid4().hex
        register_live(self.session_id, self)
        self.recovery = RecoveryStore(recovery_dir) if recovery_dir else None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosaved_index: int | None = None
        self._file_lock = FileLock()
        self._file_lock.hold(path)
        # ``fn(model) -> model``: what a save and the recovery file write instead
        # of the model itself (the scenarios page puts the base back while a
        # scenario is shown); None writes the model.
        self.stored_form: Callable[[Any], Any] | None = None
        # ``fn() -> str | None``: why a change of shape is refused just now
        # (a scenario is shown), or None.
        self.structure_guard: Callable[[], str | None] | None = None
        # The version last opened or saved, in the file's form (for "what
        # changed since I saved").
        self.saved_model = model.copy()

    # state ------------------------------------------------------------
    @property
    def is_validated(self) -> bool:
        """True when ``models.validate`` found no error in the current model.
        Set when a model comes in (construction, New/Open/restore) and kept
        by every edit: edits it would reject are refused, and undo/redo only
        return to states that were valid."""
        return self._validated

    @property
    def is_dirty(self) -> bool:
        return self._restored_unsaved or not self.undo_stack.isClean()

    def holds_lock(self, path: str) -> bool:
        """True when this document holds ``<path>.lock`` (it is the one that
        has ``path`` open, not another instance)."""
        return self._file_lock.path is not None and os.path.abspath(self._file_lock.path) == os.path.abspath(path)

    def display_name(self) -> str:
        return FsPath(self.path).name if self.path else ""

    def stored(self):
        """The model as a save writes it (see :attr:`stored_form`)."""
        return self.stored_form(self.model) if self.stored_form is not None else self.model

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(self.is_dirty)

    # edits --------------------------------------------------------------
    def edit(self, text: str, fn: Callable[[Transaction], None]) -> bool:
        """Apply value changes made by ``fn(transaction)`` as one undo step.

        Returns False (and emits :attr:`editRejected`) if ``fn`` raises (the
        engine's ``InvalidEditError`` says why), if ``models.validate``
        reports an error, or if the engine cannot value the result (overflow);
        the model is then exactly as before.
        """
        txn = Transaction(self.model)
        try:
            fn(txn)
        except Exception as exc:  # noqa: BLE001 - nothing may half-apply, whatever went wrong
            txn.rollback()
            self._reject(_exception_text(exc))
            return False
        if not txn.changes:
            return True
        problem = self._check()
        if problem:
            txn.rollback()
            self._reject(problem)
            return False
        record = txn.record()
        self.undo_stack.push(EditCommand(record, text, self._replay, applied=True))
        self.version += 1
        self._result_cache = (self.version, self._checked_result)
        self.valuesChanged.emit(record.paths)
        return True

    def restructure(self, text: str, fn: Callable[[Any], None],
                    before_replay: Callable[[bool], None] | None = None) -> bool:
        """Apply an engine function that reshapes the model in place
        (``add_segment``, ``remove_segment``, ``move_segment``,
        ``add_forecast_year``) as one undo step, or refuse it.

        The model's scenarios follow their segments (a segment's dict keeps its
        identity through the engine's in-place functions): changes of a moved
        segment move with it; those of a removed segment leave the scenarios
        and are reported (undo brings them back), never dropped silently."""
        guard = self.structure_guard() if self.structure_guard is not None else None
        if guard:
            self._reject(guard)
            return False
        before = self.model.copy()
        doc_before, segments_before = self.model.doc, list(self.model.segments)
        dropped: list = []
        try:
            fn(self.model)
            if self.model.doc is doc_before:
                dropped = _follow_segments(self.model, segments_before)
        except Exception as exc:  # noqa: BLE001
            self.model = before
            self.modelReplaced.emit()
            self._reject(_exception_text(exc))
            return False
        problem = self._check()
        if problem:
            self.model = before
            self.modelReplaced.emit()
            self._reject(problem)
            return False
        record = StructureEdit(before, self.model.copy())
        self.undo_stack.push(EditCommand(record, text, self._replay, applied=True, before_apply=before_replay))
        self.version += 1
        self._result_cache = (self.version, self._checked_result)
        self.modelReplaced.emit()
        if dropped:
            self.dropped_from = before   # the model whose segments the dropped changes name
            self.scenarioChangesDropped.emit(dropped)
            self.editRejected.emit(self.dropped_text(text, dropped, before))
        return True

    def _check(self) -> str | None:
        """Why the current (tentative) model cannot be kept, or None. Also
        values it, so the controller need not value it again."""
        self._checked_result = None
        errors = _errors(self.model)
        if errors:
            return self.describe_errors(errors)
        try:
            self._checked_result = models.valuate(self.model, check=False)
        except models.InvalidInputError as exc:
            return self.describe_errors(exc.issues)
        except Exception as exc:  # noqa: BLE001
            return self.describe_errors([models.Issue("", _exception_text(exc))])
        return None

    def cached_result(self):
        """The valuation of the current model if the last edit already
        computed it (a ``models.ValuationResult``), else None."""
        version, result = self._result_cache
        return result if version == self.version else None

    def _reject(self, message: str) -> None:
        self.last_rejection = message
        self.editRejected.emit(message)

    def _replay(self, record) -> None:
        """Undo/redo: the undo command hands back a record (or its inverse)."""
        self.version += 1
        self.model = apply_record(self.model, record)
        if isinstance(record, StructureEdit):
            self.modelReplaced.emit()
            return
        self.valuesChanged.emit(record.paths)

    def dropped_text(self, action: str, dropped: list, before=None) -> str:
        """The report of scenario changes a structural edit took out
        (``before``: the model before the edit, whose segments they name)."""
        from desktop_app import engine_messages
        names = i18n.segment_names(before) if before is not None else None
        lines = [fill(self.tr("%1: %2 scenario change(s) referred to the removed segment and were taken out "
                              "of their scenarios (Undo brings them back):"), action, len(dropped))]
        for change in dropped[:8]:
            lines.append(fill(self.tr("scenario '%1': %2"), change.scenario,
                              engine_messages.where(change.path, self.model, names)))
        if len(dropped) > 8:
            lines.append(fill(self.tr("… and %1 more"), len(dropped) - 8))
        return "\n".join(lines)

    def describe_errors(self, issues) -> str:
        """The refusal in the UI's language, each issue naming its cell as a
        table labels it (:meth:`locate_label`) and its values as the cell shows them."""
        lines = [self.tr("Edit refused: the model would be invalid.")]
        for issue in issues[:5]:
            lines.append(refusals.issue_text(issue, self.locate_label, self._where))
        return "\n".join(lines)

    def add_labeler(self, labeler: Callable[[tuple], Any]) -> None:
        """``labeler(location) -> (label, kind) | None`` (a table model's
        ``label_location``); held weakly, asked in the order added."""
        self._labelers.append(weakref.WeakMethod(labeler))

    def locate_label(self, location: tuple):
        """(label, kind) of the first table cell showing ``location``, or None."""
        for ref in list(self._labelers):
            labeler = ref()
            if labeler is None:
                self._labelers.remove(ref)
                continue
            try:
                found = labeler(location)
            except RuntimeError:   # the table model's C++ side is gone
                self._labelers.remove(ref)
                continue
            if found is not None:
                return found
        return None

    def _where(self, location: tuple, text: str) -> str:
        """Where an issue is, for the user: a segment by its name
        (``<name> · forecast.2026.growth``), a key of the uncertainty settings as
        its editor labels it, anything else as the engine writes it."""
        if location[:1] in (("uncertainty",), ("segments",), ("market",), ("valuation",), ("company",)):
            from desktop_app import engine_messages
            return engine_messages.where(location, self.model)
        return text

    # files --------------------------------------------------------------
    def reset(self, model, path: str | None, restored_unsaved: bool = False) -> None:
        """Make ``model`` the open document (after New/Open/restore)."""
        if self.recovery:
            self.recovery.discard(self.session_id)
        self.model = model
        self._validated = not _errors(model)
        self.version += 1
        self.path = path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._restored_unsaved = restored_unsaved
        self._autosaved_index = None
        self._file_lock.hold(path)
        self.saved_model = model.copy()
        self.modelReplaced.emit()
        self.pathChanged.emit(path or "")
        self.dirtyChanged.emit(self.is_dirty)

    def save(self, path: str | None = None) -> str:
        """Save atomically through the engine (previous version kept as
        ``.bak``). Raises ``OSError`` with path and reason; the document then
        stays dirty and in memory."""
        target = os.fspath(path or self.path or "")
        if not target:
            raise OSError("no file name")
        stored = self.stored()
        models.save_model(stored, target, backup=True)
        self.saved_model = stored.copy()
        if target != self.path:
            self._file_lock.hold(target)
        self.path = target
        self._restored_unsaved = False
        self.undo_stack.setClean()
        if self.recovery:
            self.recovery.discard(self.session_id)
        self._autosaved_index = None
        self.pathChanged.emit(target)
        self.dirtyChanged.emit(self.is_dirty)
        return target

    # autosave -------------------------------------------------------------
    def start_autosave(self, interval_s: int) -> None:
        if interval_s > 0 and self.recovery:
            self._autosave_timer.start(int(interval_s * 1000))
        else:
            self._autosave_timer.stop()

    def autosave_now(self) -> bool:
        """Write the model to this session's recovery file if it has unsaved
        changes not yet autosaved. Never touches the user's file."""
        if not self.recovery or not self.is_dirty:
            return False
        if self._autosaved_index == self.undo_stack.index() and not self._restored_unsaved:
            return False
        try:
            written = self.recovery.write(self.session_id, self.stored(), self.path)
        except OSError as exc:
            from desktop_app import engine_messages
            self.editRejected.emit(fill(self.tr("Autosave failed: %1"), engine_messages.os_error(exc, writing=True)))
            return False
        self._autosaved_index = self.undo_stack.index()
        self.autosaved.emit(written)
        return True

    def __del__(self) -> None:
        # A document dropped without close_cleanly (a test's, or any left to the cycle
        # collector): its history goes while every object is still whole. Python runs this
        # before the collector clears the cycle; after, PySide may free the undo commands
        # before their stack, whose destructor then deletes them again (a segfault).
        try:
            self.undo_stack.clear()
        except (RuntimeError, AttributeError):   # the C++ side is gone already, or never built
            pass

    def close_cleanly(self) -> None:
        """The user closed the document (saved or chose to discard): remove
        its recovery file."""
        self._autosave_timer.stop()
        if self.recovery:
            self.recovery.discard(self.session_id)
        self._file_lock.release()
        unregister_live(self.session_id)
        # the history goes with the document, now: left to Python's cycle collector at exit, the
        # undo stack's commands (Python objects owned by Qt) can be freed before the stack,
        # whose destructor then deletes them again (a segfault on the way out)
        self.undo_stack.clear()


def _follow_segments(model, segments_before: list) -> list:
    """Remap the model's scenarios after an in-place change of its segments;
    returns the changes that left with a removed segment (StaleChange)."""
    if not model.doc.get("scenarios"):
        return []
    from models.analysis.scenarios import remap_segments

    where = {id(seg): k for k, seg in enumerate(model.segments)}
    old_to_new = [where.get(id(seg)) for seg in segments_before]
    if segments_before and all(k is None for k in old_to_new):
        # the function rebuilt every segment: they kept their positions
        old_to_new = [k if k < model.segment_count else None for k in range(len(segments_before))]
    if old_to_new == list(range(len(segments_before))):
        return []
    remapped, dropped = remap_segments(model, old_to_new)
    model.doc = remapped.doc
    return dropped


def _exception_text(exc: Exception) -> str:
    """The engine's errors are written for the user (an ``InvalidEditError``
    translated from its code, after the cell's label a table model put in
    its ``where``); anything else is a bug, said plainly rather than hidden."""
    if isinstance(exc, models.InvalidEditError):
        text = refusals.edit_error_text(exc)
        where = getattr(exc, "where", "")
        return refusals.at_cell(where, text, getattr(exc, "typed", ""))
    if isinstance(exc, ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _errors(model) -> list:
    return [i for i in models.validate(model) if i.severity == "error"]


def blank_model(company_name: str = "新公司"):
    """A small valid model for File → New: one segment, three actual and five
    estimate years from this year, the method's default rates."""
    this_year = time.localtime().tm_year
    years = list(range(this_year - 3, this_year + 5))
    ffy = this_year
    doc = {
        "format": "valuation-workbench-model",
        "version": 1,
        "company": {"name": company_name, "unit": "亿元", "currency": "CNY"},
        "market": {"price": 10.0, "shares": 10.0},
        "years": years,
        "first_forecast_year": ffy,
        "valuation": {"terminal_growth": 0.03, "fade_years": 10, "excess_cash": 0.0,
                      "minority_interest": 0.0, "equity_investments": 0.0},
        "segments": [{
            "name": "业务 1",
            "actuals": {str(y): {"revenue": 10.0, "net_profit": 1.0} for y in years if y < ffy},
            "forecast": {str(y): {"growth": 0.1, "margin": 0.1} for y in years if y >= ffy},
            "discount_rate": 0.09, "roe": 0.15, "fade_growth": 0.05, "multiple": 15.0,
        }],
    }
    return models.Model.from_dict(doc)
