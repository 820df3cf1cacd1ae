"""File ▸ Import figures… and File ▸ New from import… (issue 15).

- Import figures…: the user picks one or more sources (Tushare Pro statement
  exports, the East Money / AkShare main-business composition, our template;
  CSV in UTF-8, UTF-8 with BOM or GBK, or .xlsx); the preview
  (:class:`desktop_app.file_tools.import_dialog.ImportDialog`) shows every
  change and applies it as one undo step; Cancel changes nothing.
- New from import…: the same reading; the preview shows the model the
  sources make (company, years, segments) and OK replaces the open document
  after the file session's unsaved-changes prompt, as File ▸ New.

Only QAction and QObject load with the window; the dialog, pandas and
openpyxl load when the user imports.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop_app.i18n import fill


def choose_sources(parent, title: str, start: str, filter: str) -> list[str]:
    """The files picked, [] when cancelled (a test replaces this function)."""
    from PySide6.QtWidgets import QFileDialog
    return QFileDialog.getOpenFileNames(parent, title, start, filter)[0]


class ImportTool(QObject):
    """File ▸ Import… and File ▸ New from import…"""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.act_import = QAction(window)
        self.act_import.setObjectName("actImport")
        self.act_import.triggered.connect(lambda: self.import_figures())
        self.act_new = QAction(window)
        self.act_new.setObjectName("actNewFromImport")
        self.act_new.triggered.connect(lambda: self.new_from_import())
        self.dialog = None

    def actions(self) -> list[QAction]:
        return [self.act_import, self.act_new]

    def retranslate(self) -> None:
        self.act_import.setText(self.tr("&Import figures…"))
        self.act_import.setStatusTip(self.tr("Import reported figures (Tushare, East Money, template) into the model"))
        self.act_new.setText(self.tr("New from i&mport…"))
        self.act_new.setStatusTip(self.tr("Build a new model from imported figures"))
        if self.dialog is not None:
            self.dialog.retranslate()

    def _filter(self) -> str:
        return self.tr("Statement exports (*.csv *.txt *.xlsx);;All files (*)")

    def _choose(self, title: str) -> list[str]:
        return choose_sources(self.window, title, self.window.session.export_start(), self._filter())

    def import_figures(self, paths: list[str] | None = None, exec_dialog: bool = True):
        """Pick sources, preview, apply. Returns the dialog (tests drive it
        with ``exec_dialog=False``; the dialog then stays open, not modal)."""
        paths = paths or self._choose(self.tr("Import figures"))
        if not paths:
            return None
        from desktop_app.file_tools.import_dialog import ImportDialog
        return self._run(ImportDialog(self.window.document, self.window.controller.runner, paths, "merge",
                                      self.window), exec_dialog)

    def new_from_import(self, paths: list[str] | None = None, exec_dialog: bool = True):
        paths = paths or self._choose(self.tr("New model from import"))
        if not paths:
            return None
        from desktop_app.file_tools.import_dialog import ImportDialog
        dialog = ImportDialog(self.window.document, self.window.controller.runner, paths, "new", self.window)
        dialog.accepted.connect(lambda: self.open_new_model(dialog.new_model, paths))
        return self._run(dialog, exec_dialog)

    def _run(self, dialog, exec_dialog: bool):
        self.dialog = dialog
        dialog.refused.connect(lambda text: self.window.messages.log(text, error=True))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        if exec_dialog:
            dialog.exec()
        else:
            dialog.show()
        return dialog

    def open_new_model(self, model, paths: list[str]) -> bool:
        """Replace the open document with ``model`` after the unsaved-changes prompt."""
        session = self.window.session
        if model is None or not session.maybe_save():
            return False
        self.window.document.reset(model, None)
        session.remember_disk_state()
        session.statusMessage.emit(fill(self.tr("New model from %1"),
                                        ", ".join(os.path.basename(p) for p in paths)), 5000)
        return True
