"""The preview dialog of File ▸ Import figures… and File ▸ New from import…
(desktop_app/file_tools/imports.py builds it when the user asks; kept apart so
the window's start-up loads none of it).

The engine reads and plans (``models.io.imports``); this dialog reads the
sources through the controller's runner (the first read loads pandas, about
0.6 s on a quiet machine and 2 s on a loaded one; later reads take 3–13 ms),
lists every change (the cell as the tables label it, old → new, unit, source),
offers the segments the model lacks with a tick box each, and applies the
changes as ONE undo step (``Document.restructure``). A bad source, or figures
that would break a rule, give a message naming the file, row and column (or
the cell) in the UI's language; the model is not touched.
"""
from __future__ import annotations

import dataclasses
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGroupBox, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app import engine_messages, i18n
from desktop_app.i18n import fill
from desktop_app.runner import Request
from models.errors import Message

SOURCE_UNITS = ("元", "万元", "亿元")
READ_KEY = "file_tools.import.read"


def read_sources(paths: list[str], unit: str | None) -> tuple[list | None, Any]:
    """Runs on the runner's worker: every source's figures, or (None, the
    SourceError / ImportUsageError) for the first bad one."""
    from models.io.imports import ImportUsageError, SourceError, read_source

    figures = []
    for path in paths:
        try:
            figures.extend(read_source(path, unit=unit))
        except (SourceError, ImportUsageError) as exc:
            return None, exc
    return figures, None


# --- messages in the UI's language ---------------------------------------------------------

def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def source_error_text(exc) -> str:
    """A SourceError as the user reads it: file, row, column, what is wrong."""
    from models.io.imports import SourceError

    if not isinstance(exc, SourceError):
        return engine_messages.text(exc)
    where = engine_messages.source_name(exc.file)
    reason = engine_messages.text(Message(exc.reason, exc.code, exc.params))
    if exc.row is not None and exc.column is not None:
        return fill(translate("ImportMessages", "%1, row %2, column “%3”: %4"), where, exc.row, exc.column, reason)
    if exc.row is not None:
        return fill(translate("ImportMessages", "%1, row %2: %3"), where, exc.row, reason)
    return fill(translate("ImportMessages", "%1: %2"), where, reason)


def usage_error_text(exc) -> str:
    """An ImportUsageError (or another refusal of the engine) in the UI's language."""
    return engine_messages.text(exc)


_item_labels = engine_messages.import_item_labels


def change_label(document, change) -> str:
    """Where a change lands, as the tables label it (else spelled out here)."""
    from desktop_app.qt_models.history import metric_labels

    path = change.path
    found = document.locate_label(path)
    if found is not None:
        return found[0]
    model = document.model
    items = _item_labels()
    if path[0] == "segments" and isinstance(path[1], int):
        name = i18n.segment_name(model, path[1]) if path[1] < model.segment_count else ""
        if len(path) == 5:
            return f"{name} · {items.get(path[4], path[4])} · {path[3]}"
        return name
    if path[0] == "history" and len(path) == 3:
        label = metric_labels().get(path[1]) or items.get(path[1], path[1])
        history = translate("ImportMessages", "History")
        return f"{history} · {label} · {path[2]}"
    if path[0] == "financials" and len(path) == 2:
        latest = translate("ImportMessages", "Latest financials")
        return f"{latest} · {items.get(path[1], path[1])}"
    from models.paths import path_text
    return path_text(path)


def value_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:.6g}"
    return str(value)


# --- the dialog -------------------------------------------------------------------------------

class ImportDialog(QDialog):
    """The preview of an import (``mode="merge"``) or of a new model built from
    the sources (``mode="new"``). ``accept()`` only after the result is there:
    :attr:`changes` (merge) or :attr:`new_model` (new). :attr:`refused` carries
    every message about a bad source or a refused import (the window's
    messages panel keeps them)."""

    refused = Signal(str)

    COLUMNS = 5

    def __init__(self, document, runner, paths: list[str], mode: str = "merge", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.document = document
        self.runner = runner
        self.paths = list(paths)
        self.mode = mode
        self.figures: list | None = None
        self.plan = None
        self.changes: list = []
        self.new_model = None
        self.error = ""
        self._checks: dict[str, QCheckBox] = {}

        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("unitBox")
        for unit in SOURCE_UNITS:
            self.unit_box.addItem(unit, unit)
        self.class_box = QComboBox()
        self.class_box.setObjectName("classificationBox")
        self.name_edit = QLineEdit()
        self.price_box = QDoubleSpinBox()
        self.shares_box = QDoubleSpinBox()
        for box in (self.price_box, self.shares_box):
            box.setRange(0.0, 1e9)
            box.setDecimals(4)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.unit_box)
        self.form.addRow(QLabel(), self.class_box)
        if mode == "new":
            self.form.addRow(QLabel(), self.name_edit)
            self.form.addRow(QLabel(), self.price_box)
            self.form.addRow(QLabel(), self.shares_box)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("changesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.segments_box = QGroupBox()
        self.segments_layout = QVBoxLayout(self.segments_box)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(90)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.segments_box)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

        self.unit_box.currentIndexChanged.connect(lambda _i: self.read())
        self.class_box.currentIndexChanged.connect(lambda _i: self.replan())
        self.name_edit.editingFinished.connect(self.replan)
        self.price_box.valueChanged.connect(lambda _v: self.replan())
        self.shares_box.valueChanged.connect(lambda _v: self.replan())
        self.finished.connect(lambda _r: self.runner.cancel(READ_KEY))
        self.retranslate()
        self.read()

    # texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import figures") if self.mode == "merge" else self.tr("New model from import"))
        names = ", ".join(os.path.basename(p) for p in self.paths)
        self.files_label.setText(fill(self.tr("Sources: %1"), names))
        labels = [self.tr("Amounts a file does not state are in:"), self.tr("Segments from 分类类型:"),
                  self.tr("Company name:"), self.tr("Share price (元):"), self.tr("Shares (model's share unit):")]
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(labels[row])
        for box in (self.price_box, self.shares_box):
            box.setSpecialValueText(self.tr("from the sources"))
        self.name_edit.setPlaceholderText(self.tr("from the sources"))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Old"), self.tr("New"), self.tr("Unit"),
                                              self.tr("Source")])
        self.segments_box.setTitle(self.tr("Segments the model does not have (tick to add)"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Apply") if self.mode == "merge" else self.tr("Create model"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # reading ------------------------------------------------------------------------------
    def read(self) -> None:
        """Read every source off the GUI thread; the preview follows when done."""
        self.figures = None
        self._set_result([], None)
        self.status.setText(self.tr("Reading…"))
        unit = self.unit_box.currentData()
        self.runner.submit(Request(READ_KEY, read_sources, (list(self.paths), unit), slow=True,
                                   title=self.tr("Import")), self._read_done, self._read_failed)

    def _read_done(self, response) -> None:
        figures, error = response
        if error is not None:
            from models.io.imports import SourceError
            self._show_error(source_error_text(error) if isinstance(error, SourceError) else usage_error_text(error))
            return
        self.figures = figures
        classes = list(dict.fromkeys(c for f in figures if f.layout == "akshare" for c in f.segments))
        self.class_box.blockSignals(True)
        current = self.class_box.currentData()
        self.class_box.clear()
        self.class_box.addItem(self.tr("automatic"), None)
        for c in classes:
            self.class_box.addItem(c, c)
        index = self.class_box.findData(current) if current else 0
        self.class_box.setCurrentIndex(max(index, 0))
        self.class_box.blockSignals(False)
        self.class_box.setEnabled(bool(classes))
        if self.mode == "new":
            names = [f.name for f in figures if f.name] + [f.ticker for f in figures if f.ticker]
            if names and not self.name_edit.text():
                self.name_edit.setPlaceholderText(names[0])
        self.replan()

    def _read_failed(self, reason: str) -> None:
        self._show_error(reason)

    def _show_error(self, text: str, log: bool = True) -> None:
        self.error = text
        if log:
            self.refused.emit(text)
        self._set_result([], None)
        self.status.setText(f"<span style='color:#b00020'>{_escape(text)}</span>")

    # planning -----------------------------------------------------------------------------
    def _figures_without(self, skipped: set[str]) -> list:
        """The figures minus the segments (by name key) the user did not tick."""
        from models.io.imports import name_key
        out = []
        for fig in self.figures:
            segments = {c: {n: v for n, v in segs.items() if name_key(n) not in skipped}
                        for c, segs in fig.segments.items()}
            out.append(dataclasses.replace(fig, segments=segments))
        return out

    def replan(self) -> None:
        if self.figures is None:
            return
        from models.errors import ModelError
        from models.io.imports import name_key, new_model_from_import, plan_import

        classification = self.class_box.currentData()
        self.error = ""
        try:
            if self.mode == "new":
                model, plan = new_model_from_import(
                    self.figures, name=self.name_edit.text().strip() or None,
                    price=self.price_box.value() or None, shares=self.shares_box.value() or None,
                    classification=classification)
                self.new_model = model
                self._set_result([], plan)
                self._show_new_model(model)
                return
            offered = plan_import(self.document.model, self.figures, classification=classification).offered_segments
            ticked = {name_key(n) for n in offered if self._checks.get(n) is not None and self._checks[n].isChecked()}
            skipped = {name_key(n) for n in offered} - ticked
            plan = plan_import(self.document.model, self._figures_without(skipped), classification=classification,
                               add_segments=True)
            plan.offered_segments = offered
        except ModelError as exc:
            self.new_model = None
            self._show_error(usage_error_text(exc), log=False)  # a question to answer here (e.g. the price)
            return
        self._set_result(plan.changes, plan)

    def _set_result(self, changes: list, plan) -> None:
        self.plan = plan
        groups = {"segments": 0, "company_forecast": 1, "history": 2, "financials": 3}
        self.changes = sorted(changes, key=lambda c: groups.get(c.path[0], 4))  # stable: the engine's order within
        self.table.setRowCount(0)
        for change in self.changes:
            self._add_row(change)
        self._fill_segments(plan.offered_segments if plan is not None and self.mode == "merge" else [])
        notes = [engine_messages.text(n, self.document.model) for n in plan.notes] if plan is not None else []
        if plan is not None:
            notes[:0] = [fill(self.tr("%1: segments from 分类类型 %2"), os.path.basename(f), c)
                         for f, c in plan.classifications.items()]
        self.notes.setPlainText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if plan is None:
            ok.setEnabled(False)
            return
        if self.mode == "merge":
            ok.setEnabled(bool(self.changes))
            self.status.setText(fill(self.tr("%1 changes; Apply makes them one step Undo reverts."),
                                     len(self.changes)) if self.changes else self.tr("Nothing to change: the model "
                                                                                     "already holds these figures."))
        else:
            ok.setEnabled(self.new_model is not None)

    def _add_row(self, change) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        if change.kind == "add_segment":
            cells = [fill(self.tr("New segment “%1”"), change.new["name"]), "—", self.tr("added"), "",
                     os.path.basename(change.source)]
        else:
            cells = [change_label(self.document, change), value_text(change.old), value_text(change.new),
                     i18n.unit_text(change.unit) if change.unit else "", os.path.basename(change.source)]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    def _fill_segments(self, offered: list[str]) -> None:
        if list(offered) == list(self._checks):
            self.segments_box.setVisible(bool(offered))
            return  # the same segments: keep the boxes (one of them may be the sender of this replan)
        kept = {n: box.isChecked() for n, box in self._checks.items()}
        for box in self._checks.values():
            box.setParent(None)
            box.deleteLater()
        self._checks = {}
        for name in offered:
            box = QCheckBox(fill(self.tr("Add “%1” as a new segment"), name))
            box.setChecked(kept.get(name, False))
            box.toggled.connect(lambda _on: self.replan())
            self.segments_layout.addWidget(box)
            self._checks[name] = box
        self.segments_box.setVisible(bool(offered))

    def _show_new_model(self, model) -> None:
        """The new model's outline in the table: company, years, segments."""
        self.table.setRowCount(0)
        years = model.years
        rows = [(self.tr("Company"), model.company_name),
                (self.tr("Actual years"), ", ".join(str(y) for y in model.actual_years)),
                (self.tr("Estimate years"), ", ".join(str(y) for y in model.forecast_years)),
                (self.tr("Share price (元)"), value_text(float(model.doc["market"]["price"]))),
                (self.tr("Shares"), value_text(float(model.doc["market"]["shares"])))]
        last = str(model.actual_years[-1]) if model.actual_years else str(years[0])
        for seg in model.segments:
            revenue = seg["actuals"].get(last, {}).get("revenue")
            rows.append((fill(self.tr("Segment “%1”"), seg["name"]),
                         fill(self.tr("revenue %1: %2 %3"), last, value_text(revenue), i18n.unit_text(model.unit))))
        for label, text in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.table.setItem(r, 0, QTableWidgetItem(label))
            self.table.setItem(r, 2, QTableWidgetItem(text))
        self.status.setText(self.tr("OK builds this model; it replaces the open one (unsaved changes are asked "
                                    "about first)."))

    # applying -----------------------------------------------------------------------------
    def apply(self) -> None:
        if self.mode == "new":
            if self.new_model is not None:
                self.accept()
            return
        if not self.changes:
            return
        from models.errors import ModelFileError
        from models.io.imports import apply_changes

        try:
            imported = apply_changes(self.document.model, self.changes)
        except ModelFileError as exc:
            # said as an edit refusal is: the cell as the tables label it, in the UI's language
            self._show_error(self.document.describe_errors(exc.issues))
            return

        def import_into(model) -> None:
            model.doc = imported.to_dict()

        if self.document.restructure(self.tr("Import figures"), import_into):
            self.accept()
        else:
            self._show_error(self.document.last_rejection)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
