"""The file life of the open document: new, open, save, save as, the
unsaved-changes prompt, disk-change checks, the lock another instance holds,
crash recovery, recent files and the CSV export.

Testable without a window: the questions and file pickers come from an
injected :class:`Dialogs` (``QtDialogs`` shows real ones; a test passes its
own), and what the user should read goes out through :attr:`FileSession.logged`
(the messages panel) and :attr:`FileSession.statusMessage` (the status bar).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

import models
from desktop_app import engine_messages
from desktop_app.document import blank_model
from desktop_app.i18n import fill
from desktop_app.locks import lock_holder

MODEL_FILTER_EXT = "*.vwm.json *.json"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Dialogs(Protocol):
    def unsaved(self, title: str, text: str) -> str:
        """:data:`SAVE`, :data:`DISCARD` or :data:`CANCEL`."""

    def question(self, title: str, text: str, default_yes: bool) -> bool: ...

    def critical(self, title: str, text: str) -> None: ...

    def open_path(self, title: str, start: str, filter: str) -> str:
        """A file to open, or "" when cancelled."""

    def save_path(self, title: str, start: str, filter: str) -> str: ...

    def folder(self, title: str, start: str) -> str: ...

    def integer(self, title: str, label: str, value: int, low: int, high: int) -> int | None:
        """The number chosen, or None when cancelled."""


class QtDialogs:
    """:class:`Dialogs` as Qt's standard message boxes and file dialogs."""

    def __init__(self, parent=None):
        self.parent = parent

    def unsaved(self, title: str, text: str) -> str:
        B = QMessageBox.StandardButton
        answer = QMessageBox.warning(self.parent, title, text, B.Save | B.Discard | B.Cancel, B.Save)
        return {B.Save: SAVE, B.Discard: DISCARD}.get(answer, CANCEL)

    def question(self, title: str, text: str, default_yes: bool) -> bool:
        B = QMessageBox.StandardButton
        answer = QMessageBox.question(self.parent, title, text, B.Yes | B.No, B.Yes if default_yes else B.No)
        return answer == B.Yes

    def critical(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def open_path(self, title: str, start: str, filter: str) -> str:
        return QFileDialog.getOpenFileName(self.parent, title, start, filter)[0]

    def save_path(self, title: str, start: str, filter: str) -> str:
        return QFileDialog.getSaveFileName(self.parent, title, start, filter)[0]

    def folder(self, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(self.parent, title, start)

    def integer(self, title: str, label: str, value: int, low: int, high: int) -> int | None:
        number, ok = QInputDialog.getInt(self.parent, title, label, value, low, high)
        return number if ok else None


class FileSession(QObject):
    """See the module docstring. ``state()`` gives the controller's current
    :class:`~desktop_app.controller.ComputedState` (for the export)."""

    logged = Signal(str)
    statusMessage = Signal(str, int)   # text, milliseconds

    def __init__(self, document, settings, dialogs: Dialogs, state: Callable[[], object] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.dialogs = dialogs
        self.state = state
        self._disk_mtime: int | None = None
        self.remember_disk_state()

    def _model_filter(self) -> str:
        return fill(self.tr("Model files (%1)"), MODEL_FILTER_EXT)

    def _log(self, message: str) -> None:
        self.logged.emit(message)

    # dropping the open document ---------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document."""
        if not self.document.is_dirty:
            return True
        answer = self.dialogs.unsaved(
            self.tr("Unsaved changes"),
            fill(self.tr("“%1” has unsaved changes. Save them first?"),
                 self.document.display_name() or self.tr("Untitled")))
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.reset(blank_model(self.tr("New company")), None)
        self.remember_disk_state()
        return True

    def confirm_not_open_elsewhere(self, path: str) -> bool:
        """True unless another Valuation Workbench holds ``path`` and the user
        says not to open it. Asked on every way into a file: File ▸ Open, the
        recent files, the file given at start or reopened from last time, a
        restore of unsaved work."""
        if self.document.holds_lock(path):
            return True
        holder = lock_holder(os.path.abspath(path))
        if holder is None:
            return True
        return self.dialogs.question(
            self.tr("File already open"),
            fill(self.tr("“%1” is open in another Valuation Workbench (%2). Changes saved there and here "
                         "will overwrite each other. Open it anyway?"), path, holder),
            default_yes=False)

    def open_file(self, path: str | None = None) -> bool:
        """Open a model file. A file that fails to load leaves the open
        document exactly as it was and says what is wrong."""
        if path is None:
            start = str(Path(self.document.path).parent) if self.document.path else ""
            path = self.dialogs.open_path(self.tr("Open model"), start, self._model_filter())
            if not path:
                return False
        try:
            model = models.load_model(path)
        except models.ModelFileError as exc:
            from desktop_app import load_errors
            text = load_errors.describe(exc, path)
            self._log(text)
            self.dialogs.critical(self.tr("Cannot open file"), text)
            return False
        if not self.confirm_not_open_elsewhere(path):
            return False
        # the file is good: only now ask about the unsaved changes it would replace
        if not self.maybe_save():
            return False
        self.document.reset(model, os.path.abspath(path))
        self.settled(path, fill(self.tr("Opened %1"), path))
        return True

    # saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or (self.document.model.company_name + ".vwm.json")
        path = self.dialogs.save_path(self.tr("Save model as"), start, self._model_filter())
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".vwm.json"
        self._disk_mtime = None
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        if self.changed_on_disk(path) and not self.dialogs.question(
                self.tr("File changed on disk"),
                fill(self.tr("“%1” was changed by another program since it was opened. Overwrite it?"), path),
                default_yes=False):
            return False
        try:
            saved = self.document.save(path)
        except OSError as exc:
            text = self.tr("Saving failed; your work is still open and unsaved.")
            why = fill(self.tr("“%1”: %2"), path, engine_messages.os_error(exc, writing=True))
            self._log(f"{text} {why}")
            self.dialogs.critical(self.tr("Cannot save"), f"{text}\n\n{why}")
            return False
        self.settled(saved, fill(self.tr("Saved %1"), saved))
        return True

    def settled(self, path: str, message: str) -> None:
        """After an open or a save: recent files, the file reopened next start,
        the on-disk state to compare with later, a status line."""
        self.settings.add_recent_file(os.path.abspath(path))
        self.settings.set("last_file", os.path.abspath(path))
        self.remember_disk_state()
        self.statusMessage.emit(message, 4000)

    def remember_disk_state(self) -> None:
        try:
            self._disk_mtime = os.stat(self.document.path).st_mtime_ns if self.document.path else None
        except OSError:
            self._disk_mtime = None

    def changed_on_disk(self, path: str) -> bool:
        """``path`` is the open file and another program wrote it since it was
        opened or saved here."""
        if self._disk_mtime is None or path != self.document.path:
            return False
        try:
            return os.stat(path).st_mtime_ns != self._disk_mtime
        except OSError:
            return False

    def recent_files(self) -> list[str]:
        return list(self.settings.get("recent_files"))

    # export -----------------------------------------------------------------------------
    def export_start(self) -> str:
        """Where the export dialog opens: the model's folder, else the last
        export folder, else the home folder (the first of them that exists)."""
        for folder in (os.path.dirname(os.path.abspath(self.document.path)) if self.document.path else "",
                       self.settings.get("last_export_folder"), str(Path.home())):
            if folder and os.path.isdir(folder):
                return folder
        return ""

    def export_csv(self, folder: str | None = None) -> list[str]:
        """Write every table as CSV (UTF-8 with BOM, the engine's dialect)."""
        if folder is None:
            folder = self.dialogs.folder(self.tr("Export tables to folder"), self.export_start())
            if not folder:
                return []
            self.settings.set("last_export_folder", os.path.abspath(folder))
        stem = Path(self.document.path).name.split(".")[0] if self.document.path else "model"
        written: list[str] = []
        try:
            from desktop_app import export   # with its engine tables: loaded for the first export
            export.write_tables(folder, stem, self.state(), written)
        except OSError as exc:
            why = fill(self.tr("“%1”: %2"), folder, engine_messages.os_error(exc, writing=True))
            self._log(why)
            self.dialogs.critical(self.tr("Export failed"), why)
            return written
        self.statusMessage.emit(fill(self.tr("Exported %1 CSV files to %2"), len(written), folder), 5000)
        return written

    def export_report(self, parent=None) -> str | None:
        """File ▸ Export the report: PDF or HTML, in the UI's language or another (desktop_app/report)."""
        from desktop_app.report.dialog import export_report_interactively  # the report's code loads when used
        path = export_report_interactively(parent, self.document.model, self.document.path)
        if path:
            self.statusMessage.emit(fill(self.tr("Report written to %1"), path), 5000)
        return path

    # recovery ---------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer each orphaned recovery file, newest first,
        until one is restored. A declined file is deleted; a restored one is
        deleted once it is the open document; files not yet offered (another
        crashed session's work) stay for the next start."""
        store = self.document.recovery
        if store is None:
            return False
        entries = store.orphans()
        for n, entry in enumerate(entries):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
            original = entry.original_path or self.tr("an unsaved model")
            if not self.dialogs.question(
                    self.tr("Restore unsaved work?"),
                    fill(self.tr("Valuation Workbench did not close normally. Unsaved changes to %1 were autosaved "
                                 "at %2. Restore them?"), original, when),
                    default_yes=True):
                store.discard(entry.session_id)
                continue
            if self._restore(entry):
                if n + 1 < len(entries):
                    self._log(fill(self.tr("%1 more recovery files are kept; they are offered at the next start."),
                                   len(entries) - n - 1))
                return True
            return False
        return False

    def _restore(self, entry) -> bool:
        try:
            model = models.load_model(entry.model_path)
        except models.ModelFileError as exc:
            from desktop_app import load_errors
            self.dialogs.critical(self.tr("Cannot restore"), load_errors.describe(exc, entry.model_path))
            return False
        original = entry.original_path
        if original and not self.confirm_not_open_elsewhere(original):
            return False   # the recovery file stays: nothing was restored
        self.document.reset(model, original, restored_unsaved=True)
        self.document.recovery.discard(entry.session_id)
        self.document.autosave_now()
        self.remember_disk_state()
        if original and _modified_after(original, entry.saved_at):
            # the file on disk is newer than the autosave: saving over it must ask first
            self._disk_mtime = -1
        return True

    def choose_autosave_interval(self) -> None:
        minutes = self.dialogs.integer(self.tr("Autosave"), self.tr("Minutes between autosaves (0 = off):"),
                                       self.settings.get("autosave_interval_s") // 60, 0, 120)
        if minutes is not None:
            self.settings.set("autosave_interval_s", minutes * 60)
            self.document.start_autosave(minutes * 60)


def _modified_after(path: str, when: float) -> bool:
    try:
        return os.stat(path).st_mtime > when
    except OSError:
        return False

