"""The open document: the current model, its undo stack, file path, dirty
state, autosave to a recovery file.

Every change goes through :meth:`Document.edit` (value changes) or
:meth:`Document.restructure` (shape changes). Both apply the change, ask
``models.validate``, and *refuse* the edit when it reports errors: the model
is restored exactly and :attr:`Document.editRejected` carries a message naming
what and where. The document therefore never holds an invalid model.
"""
from __future__ import annotations

import json
import os
import time
import uuid
import weakref
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Callable

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

import models
from desktop_app.undo import Change, EditCommand, StructureEdit, ValueEdit

_MISSING = object()

# Documents alive in this process, by session id: their recovery files are
# not offered for restore (they are not crashed, they are open).
_LIVE_SESSIONS: "weakref.WeakValueDictionary[str, Document]" = weakref.WeakValueDictionary()


class Transaction:
    """Records ``(path, old, new)`` while changing the model, so it can be
    rolled back exactly or turned into an undo record."""

    def __init__(self, model):
        self.model = model
        self.changes: list[Change] = []

    def set(self, path: tuple, value: Any) -> None:
        path = tuple(path)
        try:
            old = self.model.get(path)
        except (KeyError, IndexError, TypeError):
            old = _MISSING
        if old is not _MISSING and _same(old, value):
            return
        _set_or_delete(self.model, path, value)
        self.changes.append(Change(path, old, value))

    def delete(self, path: tuple) -> None:
        """Remove an optional key (e.g. clear a segment's override so the
        company value applies again); undo puts it back."""
        path = tuple(path)
        try:
            old = self.model.get(path)
        except (KeyError, IndexError, TypeError):
            return
        self.model.delete(path)
        self.changes.append(Change(path, old, _MISSING))

    def set_many(self, changes) -> None:
        for path, value in changes:
            self.set(path, value)

    def record_call(self, path: tuple, fn: Callable[[], None]) -> None:
        """Run an engine function that changes the value at ``path`` in place
        (e.g. ``rename_segment``) and record the change."""
        old = self.model.get(path)
        fn()
        new = self.model.get(path)
        if not _same(old, new):
            self.changes.append(Change(tuple(path), old, new))

    def rollback(self) -> None:
        for change in reversed(self.changes):
            _set_or_delete(self.model, change.path, change.old)
        self.changes.clear()


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        return a == b and (str(a) != "-0.0") == (str(float(b)) != "-0.0")
    return type(a) is type(b) and a == b


def _set_or_delete(model, path: tuple, value) -> None:
    """``model.set``, or remove the key when restoring a value that was absent
    (undoing a key an edit created, e.g. a segment's terminal growth override)."""
    if value is _MISSING:
        model.delete(path)
        return
    model.set(path, value)


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
        self.session_id = uuid.uuid4().hex
        _LIVE_SESSIONS[self.session_id] = self
        self.recovery = RecoveryStore(recovery_dir) if recovery_dir else None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosaved_index: int | None = None
        self._file_lock: QLockFile | None = None
        self._lock(path)

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

    def display_name(self) -> str:
        return FsPath(self.path).name if self.path else ""

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
        record = ValueEdit(tuple(txn.changes))
        self.undo_stack.push(EditCommand(self, record, text, applied=True))
        self.version += 1
        self._result_cache = (self.version, self._checked_result)
        self.valuesChanged.emit(record.paths)
        return True

    def restructure(self, text: str, fn: Callable[[Any], None]) -> bool:
        """Apply an engine function that reshapes the model in place
        (``add_segment``, ``remove_segment``, ``move_segment``,
        ``add_forecast_year``) as one undo step, or refuse it."""
        before = self.model.copy()
        try:
            fn(self.model)
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
        self.undo_stack.push(EditCommand(self, record, text, applied=True))
        self.version += 1
        self._result_cache = (self.version, self._checked_result)
        self.modelReplaced.emit()
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

    def _apply_record(self, record) -> None:
        """Used by :class:`EditCommand` on undo/redo."""
        self.version += 1
        if isinstance(record, StructureEdit):
            self.model = record.after.copy()
            self.modelReplaced.emit()
            return
        for change in record.changes:
            _set_or_delete(self.model, change.path, change.new)
        self.valuesChanged.emit(record.paths)

    def describe_errors(self, issues) -> str:
        lines = [self.tr("Edit refused: the model would be invalid.")]
        for issue in issues[:5]:
            lines.append(f"{self.describe_path(issue.path)}: {issue.message}")
        return "\n".join(lines)

    def describe_path(self, path: str) -> str:
        """``segments[1].forecast.2026.growth`` → ``<segment name> · forecast.2026.growth``."""
        if path.startswith("segments["):
            try:
                index = int(path[len("segments["):path.index("]")])
                name = self.model.segment_names[index]
                rest = path[path.index("]") + 1:].lstrip(".")
                return f"{name} · {rest}" if rest else name
            except (ValueError, IndexError):
                pass
        return path

    # files --------------------------------------------------------------
    @staticmethod
    def lock_holder(path: str) -> str | None:
        """Who else has ``path`` open ("pid 123 on host"), or None. A lock
        left by a crashed process is stale and does not count."""
        lock = QLockFile(path + ".lock")
        if lock.tryLock(0):
            lock.unlock()
            return None
        if lock.error() != QLockFile.LockError.LockFailedError:
            return None  # e.g. a read-only folder: nothing to learn
        info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        if isinstance(info, tuple) and len(info) >= 2 and not isinstance(info[0], bool):
            return f"pid {info[0]} on {info[1]}"
        if isinstance(info, tuple) and len(info) >= 3 and info[0]:
            return f"pid {info[1]} on {info[2]}"
        return "?"

    def _lock(self, path: str | None) -> None:
        """Hold ``<file>.lock`` while the file is open here, so another
        instance can warn; released on close or when another file opens."""
        if getattr(self, "_file_lock", None) is not None:
            self._file_lock.unlock()
            self._file_lock = None
        if path:
            lock = QLockFile(path + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._file_lock = lock

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
        self._lock(path)
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
        models.save_model(self.model, target, backup=True)
        if target != self.path:
            self._lock(target)
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
            written = self.recovery.write(self.session_id, self.model, self.path)
        except OSError as exc:
            self.editRejected.emit(self.tr("Autosave failed: %1").replace("%1", str(exc)))
            return False
        self._autosaved_index = self.undo_stack.index()
        self.autosaved.emit(written)
        return True

    def close_cleanly(self) -> None:
        """The user closed the document (saved or chose to discard): remove
        its recovery file."""
        self._autosave_timer.stop()
        if self.recovery:
            self.recovery.discard(self.session_id)
        self._lock(None)
        _LIVE_SESSIONS.pop(self.session_id, None)


def _exception_text(exc: Exception) -> str:
    """The engine's errors are written for the user; anything else is a bug,
    said plainly rather than hidden."""
    if isinstance(exc, ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _errors(model) -> list:
    return [i for i in models.validate(model) if i.severity == "error"]


@dataclass
class RecoveryEntry:
    session_id: str
    model_path: str
    original_path: str | None
    saved_at: float


class RecoveryStore:
    """Recovery files in one folder: ``<session>.vwm.json`` (the model, written
    atomically by the engine) and ``<session>.meta.json``."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = FsPath(directory)

    def _paths(self, session_id: str) -> tuple[FsPath, FsPath]:
        return (self.directory / f"{session_id}.vwm.json",
                self.directory / f"{session_id}.meta.json")

    def write(self, session_id: str, model, original_path: str | None) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        model_path, meta_path = self._paths(session_id)
        models.save_model(model, str(model_path), backup=False)
        meta = {"pid": os.getpid(), "session": session_id,
                "original_path": original_path, "saved_at": time.time()}
        tmp = meta_path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, meta_path)
        return str(model_path)

    def discard(self, session_id: str) -> None:
        for p in self._paths(session_id):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass

    def orphans(self) -> list[RecoveryEntry]:
        """Recovery files whose session is no longer running (a crash)."""
        if not self.directory.is_dir():
            return []
        entries = []
        for meta_path in sorted(self.directory.glob("*.meta.json")):
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                session = str(meta["session"])
                pid = int(meta.get("pid", -1))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            model_path = self.directory / f"{session}.vwm.json"
            if not model_path.exists() or _session_alive(session, pid):
                continue
            entries.append(RecoveryEntry(session, str(model_path), meta.get("original_path"),
                                         float(meta.get("saved_at", 0.0))))
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries


def _session_alive(session: str, pid: int) -> bool:
    if pid == os.getpid():
        return session in _LIVE_SESSIONS
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


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
