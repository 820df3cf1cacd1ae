"""The Analysis page's uncertainty settings: draws, seed, each uncertain
driver's distribution and scope, their rank correlations.

Every change is one undo step through ``document.edit`` that replaces the
model's ``uncertainty`` key by what ``models.analysis.uncertainty_edit`` makes
of it (the first change of a model without the key writes the defaults it was
running on). Input the engine refuses (``UncertaintyEditError``, or text that
is not a number) never reaches the model: the edit raises, the document
refuses it (the window's messages panel shows it), the page's notice line
says what and where in the UI's language, and the widgets show the model's
values again.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from models.analysis import uncertainty_edit as edits
from models.analysis.uncertainty import DIST_PARAMS, DISTRIBUTIONS, MAX_DRAWS, MAX_SEED
from models.model import copy_json
from models.sensitivity import DRIVER_UNITS, DRIVERS
from desktop_app.analysis_text import driver_names, param_text
from desktop_app import engine_messages, i18n
from desktop_app.i18n import fill
from desktop_app.numbers import INTEGER, NUMBER, PERCENT, ParseError, format_value, parse_number

PARAMS = ("mean", "sd", "low", "mode", "high")
FIRST_PARAM_COLUMN = 3


class UncertaintyEditor(QGroupBox):
    """See the module docstring. ``refused(message)`` after a refusal."""

    refused = Signal(str)

    def __init__(self, document, notice: QLabel, parent=None):
        super().__init__(parent)
        self.setObjectName("uncertaintyEditor")
        self.document = document
        self.notice = notice
        self._shown = object()   # the key value last shown
        self._filling = False
        self._rows_key: tuple = ()
        self.combos: dict[str, tuple[QComboBox, QComboBox]] = {}
        self.draws_caption, self.seed_caption = QLabel(), QLabel()
        self.draws_edit = QLineEdit()
        self.draws_edit.setObjectName("uncertaintyDraws")
        self.seed_edit = QLineEdit()
        self.seed_edit.setObjectName("uncertaintySeed")
        for edit in (self.draws_edit, self.seed_edit):
            edit.setMaximumWidth(140)
        self.draws_edit.editingFinished.connect(self._draws_finished)
        self.seed_edit.editingFinished.connect(self._seed_finished)
        self.drivers = QTableWidget(0, FIRST_PARAM_COLUMN + len(PARAMS))
        self.drivers.setObjectName("uncertaintyDrivers")
        self.drivers.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                     | QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.drivers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drivers.verticalHeader().setVisible(False)
        self.drivers.itemChanged.connect(self._param_changed)
        self.correlation = QTableWidget(0, 0)
        self.correlation.setObjectName("uncertaintyCorrelation")
        self.correlation.setEditTriggers(self.drivers.editTriggers())
        self.correlation.itemChanged.connect(self._correlation_changed)
        self.add_box = QComboBox()
        self.add_box.setObjectName("addDriverBox")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addDriverButton")
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeDriverButton")
        self.remove_button.clicked.connect(self._remove_clicked)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearCorrelationButton")
        self.clear_button.clicked.connect(self._clear_clicked)
        self.corr_caption = QLabel()
        self.corr_caption.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.draws_caption)
        top.addWidget(self.draws_edit)
        top.addSpacing(16)
        top.addWidget(self.seed_caption)
        top.addWidget(self.seed_edit)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_box)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        corr_row = QHBoxLayout()
        corr_row.addWidget(self.corr_caption, 1)
        corr_row.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.drivers, 3)
        lay.addLayout(buttons)
        lay.addLayout(corr_row)
        lay.addWidget(self.correlation, 2)
        self.retranslate()

    # reading the model --------------------------------------------------------------------
    def value(self):
        """The model's ``uncertainty`` key (None when absent)."""
        return self.document.model.doc.get("uncertainty")

    def settings(self) -> dict:
        """The key with its defaults written out: what the run uses."""
        return edits.expanded(self.value())

    def show_model(self, force: bool = False, keep_typing: bool = False) -> None:
        """Show the model's settings (only when they changed, unless ``force``);
        ``keep_typing``: a cell being typed into (or a number box typed into
        and not yet left) keeps what was typed (a language switch)."""
        value = self.value()
        if not force and value == self._shown:
            return
        self._shown = copy_json(value) if value is not None else None
        s = self.settings()
        self._filling = True
        editing = {table: (table.currentRow(), table.currentColumn()) for table in (self.drivers, self.correlation)
                   if keep_typing and table.state() == QAbstractItemView.State.EditingState}

        def put(table: QTableWidget, row: int, col: int, item: QTableWidgetItem) -> None:
            if editing.get(table) != (row, col):
                table.setItem(row, col, item)

        try:
            for edit, text in ((self.draws_edit, format_value(s["draws"], INTEGER)), (self.seed_edit, str(s["seed"]))):
                if not (keep_typing and edit.isModified() and edit.hasFocus()):
                    edit.setText(text)
            names = list(s["drivers"])
            labels = driver_names()
            rows_key = (tuple(names), tuple(i18n.segment_names(self.document.model)), tuple(labels.values()))
            if rows_key != self._rows_key:
                # the combo boxes are made again only when the rows change
                self._rows_key = rows_key
                if self.drivers not in editing or self.drivers.rowCount() != len(names):
                    self.drivers.clearContents()
                self.drivers.setRowCount(len(names))
                self.combos = {}
                for row, name in enumerate(names):
                    dist = s["drivers"][name]
                    scope, kind = self._scope_box(name, dist.get("segment")), self._dist_box(name, dist["dist"])
                    self.combos[name] = (scope, kind)
                    self.drivers.setCellWidget(row, 1, scope)
                    self.drivers.setCellWidget(row, 2, kind)
            for row, name in enumerate(names):
                dist = s["drivers"][name]
                item = QTableWidgetItem(labels.get(name, name))
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                put(self.drivers, row, 0, item)
                scope, kind = self.combos[name]
                segment = dist.get("segment")
                scope.setCurrentIndex(max(0, scope.findData(segment)) if segment is not None else 0)
                kind.setCurrentIndex(DISTRIBUTIONS.index(dist["dist"]))
                for k, key in enumerate(PARAMS):
                    cell = QTableWidgetItem()
                    if key in DIST_PARAMS[dist["dist"]]:
                        cell.setText(param_text(name, dist[key]))
                        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                      | Qt.ItemFlag.ItemIsEditable)
                    else:
                        cell.setText("")
                        cell.setFlags(Qt.ItemFlag.NoItemFlags)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    put(self.drivers, row, FIRST_PARAM_COLUMN + k, cell)
            self.drivers.resizeColumnsToContents()
            self.add_box.clear()
            for name in DRIVERS:
                if name not in names:
                    self.add_box.addItem(labels[name], name)
            self.add_button.setEnabled(self.add_box.count() > 0)
            self.remove_button.setEnabled(bool(names))
            corr = s.get("correlation")
            n = len(names)
            self.correlation.setRowCount(n)
            self.correlation.setColumnCount(n)
            short = [labels.get(x, x) for x in names]
            self.correlation.setHorizontalHeaderLabels(short)
            self.correlation.setVerticalHeaderLabels(short)
            for i in range(n):
                for j in range(n):
                    rho = 1.0 if i == j else (corr[i][j] if corr is not None else 0.0)
                    cell = QTableWidgetItem(f"{rho:.2f}".replace("-", "−"))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    cell.setFlags(flags if i == j else flags | Qt.ItemFlag.ItemIsEditable)
                    put(self.correlation, i, j, cell)
            self.correlation.resizeColumnsToContents()
            self.clear_button.setEnabled(corr is not None)
        finally:
            self._filling = False

    def _scope_box(self, driver: str, segment) -> QComboBox:
        box = QComboBox(self.drivers)
        box.setObjectName(f"scope_{driver}")
        box.addItem(self.tr("Every segment"), None)
        if driver != "excess_cash_scale":
            for i, name in enumerate(i18n.segment_names(self.document.model)):
                box.addItem(name, i)
        index = box.findData(segment) if segment is not None else 0
        box.setCurrentIndex(max(0, index))
        box.activated.connect(lambda index, d=driver, b=box: self._scope_chosen(d, b.itemData(index)))
        return box

    def _dist_box(self, driver: str, kind: str) -> QComboBox:
        box = QComboBox(self.drivers)
        box.setObjectName(f"dist_{driver}")
        names = self._dist_names()
        for d in DISTRIBUTIONS:
            box.addItem(names[d], d)
        box.setCurrentIndex(DISTRIBUTIONS.index(kind))
        box.activated.connect(lambda index, d=driver, b=box: self._dist_chosen(d, b.itemData(index)))
        return box

    def _dist_names(self) -> dict[str, str]:
        return {"normal": self.tr("normal"), "uniform": self.tr("uniform"), "triangular": self.tr("triangular")}

    def _param_names(self) -> dict[str, str]:
        return engine_messages.uncertainty_param_names()

    # the page protocol pieces ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Uncertainty (Monte Carlo settings, saved in the model)"))
        self.draws_caption.setText(self.tr("Draws"))
        self.seed_caption.setText(self.tr("Seed"))
        params = self._param_names()
        self.drivers.setHorizontalHeaderLabels([self.tr("Driver"), self.tr("Applies to"), self.tr("Distribution")]
                                               + [params[p] for p in PARAMS])
        self.add_button.setText(self.tr("Add driver"))
        self.remove_button.setText(self.tr("Remove selected driver"))
        self.clear_button.setText(self.tr("No correlation"))
        self.corr_caption.setText(self.tr("Rank correlations between the drivers (−1 to 1; edit one cell, its "
                                          "mirror follows):"))
        self.show_model(force=True, keep_typing=True)   # a language switch never throws typing away

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def locate(self, path: tuple) -> bool:
        """Focus the widget of an ``uncertainty`` key path."""
        p = tuple(path)
        if not p or p[0] != "uncertainty":
            return False
        rest = p[1:]
        if rest[:1] == ("draws",):
            self.draws_edit.setFocus()
        elif rest[:1] == ("seed",):
            self.seed_edit.setFocus()
        elif rest[:1] == ("correlation",):
            self.correlation.setFocus()
        elif len(rest) >= 2 and rest[0] == "drivers":
            names = list(self.settings()["drivers"])
            if rest[1] in names:
                row = names.index(rest[1])
                col = FIRST_PARAM_COLUMN + PARAMS.index(rest[2]) if len(rest) > 2 and rest[2] in PARAMS else 0
                self.drivers.setCurrentCell(row, col)
            self.drivers.setFocus()
        else:
            self.drivers.setFocus()
        return True

    # editing --------------------------------------------------------------------------------
    def where(self, path: tuple) -> str:
        """"Uncertainty · Revenue growth · SD": what and where, in the UI's language."""
        return engine_messages.uncertainty_where(path, list(self.settings()["drivers"]))

    def rule(self, exc: edits.UncertaintyEditError) -> str:
        key = exc.path[-1] if exc.path else ""
        p = exc.params
        if exc.code == "not_positive_definite":
            return self.tr("would make the correlations contradict one another (the matrix must stay positive "
                           "definite)")
        if exc.code == "type":
            return self.tr("must be a number")
        if key == "draws":
            return fill(self.tr("must be a whole number from %1 to %2"), format_value(1, INTEGER),
                        format_value(MAX_DRAWS, INTEGER))
        if key == "seed":
            return fill(self.tr("must be a whole number from %1 to %2"), "0", str(MAX_SEED))
        if key == "sd":
            return self.tr("must be 0 or more")
        if exc.code == "order" and key == "mode":
            return self.tr("must lie from the low to the high value")
        if exc.code == "order":
            return self.tr("must keep the low value at most the high value")
        if exc.code == "diagonal":
            return self.tr("is always 1 (a driver's correlation with itself)")
        if exc.path[:1] == ("correlation",):
            return fill(self.tr("must be from %1 to %2"), "−1", "1")
        if key == "segment":
            return self.tr("cannot apply to one segment: excess cash is a company figure")
        if exc.code == "duplicate":
            return self.tr("is uncertain already")
        if exc.code == "unknown":
            return self.tr("is not a driver the simulation knows")
        return str(exc)

    def _edit(self, path: tuple, typed: str, make) -> bool:
        """One undo step: the key becomes ``make(current key)``; refused with a
        message naming what and where when ``make`` raises."""
        where = self.where(path)

        def change(txn) -> None:
            try:
                new = make(self.value())
            except edits.UncertaintyEditError as exc:
                # the cell typed into, unless the engine names a more precise one
                where_exc = self.where(exc.path) if exc.path and exc.code != "not_positive_definite" else where
                raise ValueError(fill(self.tr("%1: %2; typed %3. The previous value is kept."),
                                      where_exc, self.rule(exc), typed or "—")) from None
            except ParseError:
                raise ValueError(fill(self.tr("%1: %2; typed %3. The previous value is kept."),
                                      where, self.tr("must be a number"), typed or "—")) from None
            txn.set(("uncertainty",), new)

        ok = self.document.edit(fill(self.tr("Edit %1"), where), change)
        if ok:
            self.notice.clear()
            self.notice.hide()
            self.show_model()
        else:
            message = self.document.last_rejection
            self.notice.setText(message)
            self.notice.show()
            self.refused.emit(message)
            self.show_model(force=True)
        return ok

    def _segments(self) -> int:
        return self.document.model.segment_count

    def set_draws_text(self, text: str) -> bool:
        return self._edit(("draws",), text,
                          lambda v: edits.set_draws(v, parse_number(text, NUMBER), self._segments()))

    def set_seed_text(self, text: str) -> bool:
        return self._edit(("seed",), text,
                          lambda v: edits.set_seed(v, parse_number(text, NUMBER), self._segments()))

    def set_param_text(self, driver: str, key: str, text: str) -> bool:
        kind = PERCENT if DRIVER_UNITS.get(driver) == "rate" else NUMBER
        return self._edit(("drivers", driver, key), text,
                          lambda v: edits.set_param(v, driver, key, parse_number(text, kind), self._segments()))

    def set_correlation_text(self, i: int, j: int, text: str) -> bool:
        return self._edit(("correlation", i, j), text,
                          lambda v: edits.set_correlation(v, i, j, parse_number(text, NUMBER), self._segments()))

    def _draws_finished(self) -> None:
        if not self._filling and self.draws_edit.text() != format_value(self.settings()["draws"], INTEGER):
            self.set_draws_text(self.draws_edit.text())

    def _seed_finished(self) -> None:
        if not self._filling and self.seed_edit.text() != str(self.settings()["seed"]):
            self.set_seed_text(self.seed_edit.text())

    def _param_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() < FIRST_PARAM_COLUMN:
            return
        driver = self.drivers.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        key = PARAMS[item.column() - FIRST_PARAM_COLUMN]
        self.set_param_text(driver, key, item.text())

    def _correlation_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self.set_correlation_text(item.row(), item.column(), item.text())

    def _scope_chosen(self, driver: str, segment) -> None:
        self._edit(("drivers", driver, "segment"), "",
                   lambda v: edits.set_scope(v, driver, segment, self._segments()))

    def _dist_chosen(self, driver: str, kind: str) -> None:
        self._edit(("drivers", driver, "dist"), self._dist_names().get(kind, kind),
                   lambda v: edits.set_distribution(v, driver, kind, self._segments()))

    def add_driver(self, driver: str) -> bool:
        tg = self.document.model.doc.get("valuation", {}).get("terminal_growth")
        return self._edit(("drivers", driver), "",
                          lambda v: edits.add_driver(v, driver, self._segments(),
                                                     tg if isinstance(tg, (int, float)) else None))

    def remove_driver(self, driver: str) -> bool:
        return self._edit(("drivers", driver), "", lambda v: edits.remove_driver(v, driver, self._segments()))

    def _add_clicked(self) -> None:
        driver = self.add_box.currentData()
        if driver:
            self.add_driver(driver)

    def _remove_clicked(self) -> None:
        row = self.drivers.currentRow()
        if row >= 0 and self.drivers.item(row, 0) is not None:
            self.remove_driver(self.drivers.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def _clear_clicked(self) -> None:
        self._edit(("correlation",), "", lambda v: edits.clear_correlation(v, self._segments()))

