"""File ▸ Export workbook…: the model and its results as one .xlsx
(``models.io.xlsx.write_workbook``: a sheet per table, the schedule, the Monte
Carlo and scenario summaries; written atomically).

The save dialog opens in the model's folder, as the CSV export does. Writing
runs on the controller's runner with a copy of the model (pandas and openpyxl
load on the first export, then a write of the sample takes about 0.3 s), so
the window keeps responding; a failure is shown in a message box and the
messages panel, naming the path and the reason.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.i18n import fill
from desktop_app.runner import Request

WRITE_KEY = "file_tools.workbook.write"


def choose_workbook_path(parent, title: str, start: str, filter: str) -> str:
    """The file to write, "" when cancelled (a test replaces this function)."""
    return QFileDialog.getSaveFileName(parent, title, start, filter)[0]


def write(model, path: str) -> str | None:
    """On the runner's worker: write the workbook; None, or why it failed
    (the OSError's text names the path)."""
    from models.io.xlsx import write_workbook

    try:
        write_workbook(model, path)
    except OSError as exc:
        from desktop_app import engine_messages
        return engine_messages.os_error_at(path, exc, writing=True)
    return None


class WorkbookTool(QObject):
    """File ▸ Export workbook…"""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("actExportWorkbook")
        self.action.triggered.connect(lambda: self.export_workbook())
        self.last_written = ""

    def actions(self) -> list[QAction]:
        return [self.action]

    def retranslate(self) -> None:
        self.action.setText(self.tr("Export &workbook (.xlsx)…"))
        self.action.setStatusTip(self.tr("Write the model and its results as one Excel workbook"))

    def suggested_path(self) -> str:
        document = self.window.document
        stem = Path(document.path).name.split(".")[0] if document.path else (document.model.company_name or "model")
        return os.path.join(self.window.session.export_start(), stem + ".xlsx")

    def export_workbook(self, path: str | None = None) -> bool:
        """Ask where, then write (off the GUI thread). Returns False when cancelled."""
        if path is None:
            path = choose_workbook_path(self.window, self.tr("Export workbook"), self.suggested_path(),
                                        self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.window.settings.set("last_export_folder", os.path.dirname(os.path.abspath(path)))
        self.window.controller.runner.submit(
            Request(WRITE_KEY, write, (self.window.document.model.copy(), path), slow=True,
                    title=self.tr("Export workbook")),
            lambda error: self._written(path, error), lambda reason: self._written(path, reason))
        return True

    def _written(self, path: str, error: str | None) -> None:
        if error:
            text = fill(self.tr("The workbook was not written: %1"), error)
            self.window.messages.log(text, error=True)
            QMessageBox.critical(self.window, self.tr("Export failed"), text)
            return
        self.last_written = path
        self.window.status(fill(self.tr("Workbook written to %1"), path), 5000)
