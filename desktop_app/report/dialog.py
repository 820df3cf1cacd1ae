"""File ▸ Export report…: choose the file (PDF or HTML) and the language.

Wiring into a window is three lines::

    from desktop_app.report.dialog import export_report_interactively
    action = menu.addAction(self.tr("Export report…"))
    action.triggered.connect(lambda: export_report_interactively(self, self.document.model, self.document.path))
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QMessageBox, QPushButton, QWidget)

from desktop_app import i18n
from desktop_app.i18n import LANGUAGES

from . import FORMATS, ReportError, export_report, report_format


class ExportReportDialog(QDialog):
    """The report's file, format and language; ``path()`` ends in the chosen format's extension."""

    def __init__(self, parent: QWidget | None = None, suggested_path: str = "", language: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report"))
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF document (.pdf)"), "pdf")
        self.format.addItem(self.tr("Web page, one file (.html)"), "html")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = language or i18n.current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.path_edit = QLineEdit(suggested_path)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("File"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._fit_extension)
        self._fit_extension()

    def chosen_format(self) -> str:
        return self.format.currentData()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def path(self) -> str:
        return self.path_edit.text().strip()

    def _fit_extension(self) -> None:
        """The file's extension follows the chosen format."""
        path = self.path()
        if not path:
            return
        stem, ext = os.path.splitext(path)
        if FORMATS.get(ext.lower()) != self.chosen_format():
            self.path_edit.setText(f"{stem if ext.lower() in FORMATS else path}.{self.chosen_format()}")

    def _accept(self) -> None:
        """A typed path keeps the chosen format's extension (``r.txt`` becomes ``r.txt.pdf``)."""
        self._fit_extension()
        self.accept()

    def _browse(self) -> None:
        fmt = self.chosen_format()
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("HTML (*.html *.htm)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), self.path(), pattern)
        if path:
            self.path_edit.setText(path)
            self._fit_extension()


def suggested_report_path(model_path: str | None, fmt: str = "pdf") -> str:
    """Beside the model file, named after it: ``x.vwm.json`` → ``x.pdf``."""
    if not model_path:
        return ""
    base = os.path.basename(model_path)
    for ext in (".vwm.json", ".json"):
        if base.lower().endswith(ext):
            base = base[: -len(ext)]
            break
    return os.path.join(os.path.dirname(model_path), f"{base}.{fmt}")


def export_report_interactively(parent: QWidget | None, model, model_path: str | None = None,
                                dialog: ExportReportDialog | None = None) -> str | None:
    """Ask, write, and say what went wrong (in the UI's language): the path written, or None."""
    dialog = dialog or ExportReportDialog(parent, suggested_report_path(model_path))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path():
        return None
    path = dialog.path()
    try:
        report_format(path)
        export_report(model, path, dialog.chosen_language())
    except (ReportError, OSError, ValueError) as exc:
        from desktop_app import engine_messages
        if isinstance(exc, ReportError):
            why = QCoreApplication.translate("ExportReportDialog", "a report is written as .pdf or .html")
        elif isinstance(exc, OSError):
            why = i18n.fill(QCoreApplication.translate("ExportReportDialog", "“%1”: %2"), path,
                            engine_messages.os_error(exc, writing=True))
        else:
            why = engine_messages.text(exc, model)
        title = QCoreApplication.translate("ExportReportDialog", "Export report")
        QMessageBox.warning(parent, title, i18n.fill(
            QCoreApplication.translate("ExportReportDialog", "The report was not written: %1"), why))
        return None
    return path
