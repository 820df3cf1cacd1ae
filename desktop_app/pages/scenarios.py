"""The scenarios page: named alternative inputs beside the base, side by side,
and what changed between two versions (issue 14).

How scenarios behave (so nothing surprises):

- The file always holds the **base** and the scenarios. **Show** a scenario
  (the "Shown" box) and every page, the header and the plots value it; the
  base is kept aside, and saving the file (and the recovery file) still
  writes the base and the scenarios (the shown one up to date). Opening a
  file shows the base. Exports (CSV, report) show what is shown.
- While a scenario is shown, edits on any page change **that scenario**;
  adding, removing or moving segments or years is refused until the base is
  shown again (a scenario changes values only).
- **Save edits as scenario** stores what the inputs differ from the base as
  last opened or saved (with the base shown; save the file first if some
  edits belong to the base) or from the base (with a scenario shown: the new
  scenario takes the edits, the shown one keeps what it had). The new
  scenario is then shown, so no figure moves; the base is the base again.
  The box above the button says how many inputs that would be.
- Show, save as, rename (double-click a name), delete and every edit of a
  scenario's changes table are one undo step each (Ctrl+Z).
- A segment removed on the valuation page takes its scenario changes with it:
  they are listed here and in the messages panel (Undo brings them back);
  changes whose path does not exist are listed too, never dropped silently.

The figures are the engine's: ``models.analysis.scenarios.side_by_side`` and
``models.analysis.attribution`` (through ``scenario_view.attribute_between``),
computed through the controller's runner off the GUI thread.
"""
from __future__ import annotations

import math
import os
import unicodedata

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

import models
from models.analysis import scenario_view
from models.analysis.attribution import MAX_JOINT_GROUPS
from models.analysis.scenarios import scenario_names
from desktop_app import engine_messages, i18n, load_errors
from desktop_app.engine_messages import group_labels
from desktop_app.i18n import fill
from desktop_app.plots.colors import FOREGROUND, DDM_COLOR, DYNAMIC_COLOR, INVALID_COLOR, NEGATIVE_COLOR, POSITIVE_COLOR
from desktop_app.plots.labels import method_labels, money, pct, status_labels
from desktop_app.plots.style import keep_bar_view, new_layout_widget, set_title, style_plot
from desktop_app.runner import Request
from desktop_app.scenario_session import ScenarioSession

ATTRIBUTION_TAB = 1
COLUMN_COLORS = (DDM_COLOR, DYNAMIC_COLOR, "#2a9d8f", "#7b5ea7", "#e76f51", "#8ab17d", "#b07aa1")
REFERENCE_COLOR = INVALID_COLOR
# the versions the attribution compares, as the "From"/"To" boxes hold them
OPEN, BASE, SAVED, FILE, SCENARIO = "open", "base", "saved", "file", "scenario:"


class ScenariosPage(QWidget):
    refused = Signal(str)   # a refused action: the message, in the UI's language

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.document, self.controller = document, controller
        self.session = ScenarioSession(document, self)
        self.refused.connect(document.editRejected)   # the window shows the document's refusals
        self.state = None
        self.table_data: dict | None = None           # the last side_by_side
        self.page_data: dict | None = None            # the last scenario_view.page_data
        self.attribution: dict | None = None          # the last attribute_between
        self.other_file: tuple[str, models.Model] | None = None
        self.dropped: list = []
        self._dropped_names = None   # the segments' names before the step that dropped them
        self._filling = False
        document.scenarioChangesDropped.connect(self._on_dropped)
        document.undo_stack.indexChanged.connect(self._on_index_changed)
        document.pathChanged.connect(self._on_path_changed)   # saved: "the last saved version" moved

        # the scenario list and its changes
        self.shown_label = QLabel()
        self.shown_box = QComboBox()
        self.shown_box.setObjectName("shownBox")
        self.shown_box.activated.connect(self._on_shown_chosen)
        self.edits_label = QLabel()
        self.edits_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("scenarioName")
        self.name_edit.returnPressed.connect(self.save_as)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_as)
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.currentRowChanged.connect(lambda row: self._fill_changes())
        self.list.itemChanged.connect(self._on_item_renamed)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.remove_change_button = QPushButton()
        self.remove_change_button.clicked.connect(self.remove_selected_change)
        self.changes = QTableWidget(0, 3)
        self.changes.setObjectName("changesTable")
        self.changes.itemChanged.connect(self._on_change_edited)
        self.changes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet(f"color: {NEGATIVE_COLOR};")

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.shown_label)
        row.addWidget(self.shown_box, 1)
        ll.addLayout(row)
        self.save_group = QGroupBox()
        sl = QVBoxLayout(self.save_group)
        sl.addWidget(self.edits_label)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.save_button)
        sl.addLayout(row)
        ll.addWidget(self.save_group)
        self.list_group = QGroupBox()
        gl = QVBoxLayout(self.list_group)
        gl.addWidget(self.list, 1)
        gl.addWidget(self.delete_button)
        ll.addWidget(self.list_group, 1)
        self.changes_group = QGroupBox()
        cl = QVBoxLayout(self.changes_group)
        cl.addWidget(self.changes, 1)
        cl.addWidget(self.remove_change_button)
        ll.addWidget(self.changes_group, 2)
        ll.addWidget(self.stale_label)

        # side by side
        self.side_method = QComboBox()
        self.side_method.currentIndexChanged.connect(lambda i: self._draw_side_chart())
        self.side_table = QTableWidget()
        self.side_table.setObjectName("sideTable")
        self.side_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.side_plot_widget = new_layout_widget()
        self.side_plot = self.side_plot_widget.addPlot()
        style_plot(self.side_plot)
        self.side_plot.getAxis("bottom").setHeight(46)   # segment names wrap onto two lines
        self.side_legend = self.side_plot.addLegend(offset=(60, 10), labelTextColor=FOREGROUND)
        # one row across the top, in the room the bars leave free there (top_room below)
        self.side_legend.setColumnCount(6)
        self.side_legend.anchor(itemPos=(0.5, 0), parentPos=(0.5, 0), offset=(0, 4))
        self.side_bars: list[pg.BarGraphItem] = []
        side = QWidget()
        sv = QVBoxLayout(side)
        row = QHBoxLayout()
        self.side_method_label = QLabel()
        row.addWidget(self.side_method_label)
        row.addWidget(self.side_method)
        row.addStretch(1)
        sv.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.side_table)
        split.addWidget(self.side_plot_widget)
        split.setSizes([300, 400])
        sv.addWidget(split, 1)

        # attribution
        self.from_box, self.to_box = QComboBox(), QComboBox()
        self.from_box.setObjectName("fromBox")
        self.to_box.setObjectName("toBox")
        for box in (self.from_box, self.to_box):
            box.activated.connect(lambda i: self.request_attribution())
        self.file_button = QPushButton()
        self.file_button.clicked.connect(self.choose_file)
        self.attr_method = QComboBox()
        self.attr_method.currentIndexChanged.connect(lambda i: self._draw_waterfall())
        self.attr_message = QLabel()
        self.attr_message.setWordWrap(True)
        self.attr_table = QTableWidget(0, 4)
        self.attr_table.setObjectName("attributionTable")
        self.attr_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attr_plot_widget = new_layout_widget()
        self.attr_plot = self.attr_plot_widget.addPlot()
        style_plot(self.attr_plot)
        self.attr_plot.getAxis("bottom").setHeight(46)   # two-line tick labels: the group, then the segment
        self.waterfall = pg.BarGraphItem(x=[], height=[], y0=[], width=0.6, brushes=[])
        self.attr_plot.addItem(self.waterfall)
        attr = QWidget()
        av = QVBoxLayout(attr)
        grid = QGridLayout()
        self.from_label, self.to_label, self.attr_method_label = QLabel(), QLabel(), QLabel()
        grid.addWidget(self.from_label, 0, 0)
        grid.addWidget(self.from_box, 0, 1)
        grid.addWidget(self.to_label, 0, 2)
        grid.addWidget(self.to_box, 0, 3)
        grid.addWidget(self.file_button, 0, 4)
        grid.addWidget(self.attr_method_label, 0, 5)
        grid.addWidget(self.attr_method, 0, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        av.addLayout(grid)
        av.addWidget(self.attr_message)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.attr_plot_widget)
        split.addWidget(self.attr_table)
        split.setSizes([420, 280])
        av.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(side, "")
        self.tabs.addTab(attr, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(self.tabs)
        outer.setStretchFactor(1, 3)
        outer.setSizes([430, 1100])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(outer)
        self.retranslate()

    # protocol ---------------------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        self.state = state
        self.refresh()

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        if not path or path[0] != "scenarios":
            return False
        if len(path) > 1 and isinstance(path[1], int) and path[1] < self.list.count():
            self.list.setCurrentRow(path[1])
        if focus:
            self.list.setFocus()
        return True

    def retranslate(self) -> None:
        self.shown_label.setText(self.tr("Shown:"))
        self.save_group.setTitle(self.tr("Save edits as a scenario"))
        self.name_edit.setPlaceholderText(self.tr("Name of the new scenario"))
        self.save_button.setText(self.tr("Save as scenario"))
        self.list_group.setTitle(self.tr("Scenarios (double-click to rename)"))
        self.delete_button.setText(self.tr("Delete scenario"))
        self.changes_group.setTitle(self.tr("Changes of the selected scenario"))
        self.remove_change_button.setText(self.tr("Remove change"))
        self.changes.setHorizontalHeaderLabels([self.tr("Input"), self.tr("Base"), self.tr("Scenario")])
        self.side_method_label.setText(self.tr("Chart:"))
        self.from_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("To:"))
        self.attr_method_label.setText(self.tr("Waterfall:"))
        self.file_button.setText(self.tr("Compare with a file…"))
        self.tabs.setTabText(0, self.tr("Side by side"))
        self.tabs.setTabText(1, self.tr("What changed"))
        for box in (self.side_method, self.attr_method):
            index = max(0, box.currentIndex())
            box.blockSignals(True)
            box.clear()
            for key, text in method_labels().items():
                box.addItem(text, key)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # what the page shows ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the document's scenarios. The lists are rebuilt only when the
        names change; the figures are computed by the runner off the GUI
        thread from one copy of the model. A hidden page waits until shown."""
        if self.state is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        shown, base = self.session.state()
        working = self.document.model.copy()
        names = scenario_names(working)
        self._fill_lists(names, shown)
        self._fill_version_boxes(names)
        # with the base shown, the last saved model itself (never changed in place: a save
        # replaces it); page_data's diff ignores its scenarios
        reference = base if shown is not None else self.document.saved_model
        self.controller.runner.submit(
            Request(("scenarios", "page"), scenario_view.page_data, (working, base, shown, reference), slow=True,
                    title=self.tr("Scenarios side by side")),
            self._show_page_data)
        self._snapshot = (working, base, shown)
        self.request_attribution()

    def _on_path_changed(self, path: str) -> None:
        self.refresh()

    def _on_tab_changed(self, index: int) -> None:
        if index == ATTRIBUTION_TAB and getattr(self, "_attribution_stale", False):
            self.request_attribution()

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.refresh()

    def _fill_lists(self, names: list[str], shown: str | None) -> None:
        key = (tuple(names), shown, self.tr("Base"))
        if key == getattr(self, "_lists_key", None):
            return
        self._lists_key = key
        self._filling = True
        self.shown_box.clear()
        self.shown_box.addItem(self.tr("Base"), None)
        for name in names:
            self.shown_box.addItem(fill(self.tr("Scenario: %1"), name), name)
        self.shown_box.setCurrentIndex(0 if shown not in names else names.index(shown) + 1)
        selected = self.selected_name()
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)   # the text is what a rename edits: the shown one is marked in bold
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if name == shown:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("This scenario is shown on every page"))
            self.list.addItem(item)
        if names:
            self.list.setCurrentRow(names.index(selected) if selected in names else 0)
        self._filling = False

    def _show_page_data(self, data: dict) -> None:
        self.page_data = data
        self._fill_changes()
        self._fill_edits(data)
        self._fill_stale(data["stale"])
        self._show_side_by_side(data["side_by_side"])

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _fill_edits(self, data: dict) -> None:
        if data["edits_error"] is not None:
            self.edits_label.setText(fill(self.tr("The inputs cannot become a scenario: %1"),
                                          engine_messages.text(data["edits_error"], self.document.model)))
            return
        n = len(data["edits"])
        if self.session.shown is None:
            text = self.tr("%1 input(s) differ from the base as last opened or saved. Saving them as a scenario "
                           "puts the base back to those values and shows the new scenario.")
        else:
            text = self.tr("%1 input(s) differ from the base. Saving them as a new scenario leaves the shown "
                           "scenario as it was and shows the new one.")
        self.edits_label.setText(fill(text, n))

    def _fill_changes(self) -> None:
        if self._filling:
            return
        name = self.selected_name()
        self._filling = True
        self.changes.setRowCount(0)
        data = self.page_data
        stored = data["stored"] if data is not None else None
        if name is not None and stored is not None and name in scenario_names(stored):
            changes = next(sc["changes"] for sc in stored.doc["scenarios"] if sc["name"] == name)
            self.changes.setRowCount(len(changes))
            for r, change in enumerate(changes):
                path = change["path"]
                try:
                    base = stored.get(tuple(path))
                except (KeyError, IndexError, TypeError):
                    base = None
                items = [QTableWidgetItem(self._path_label(stored, path)), QTableWidgetItem(_text(base)),
                         QTableWidgetItem(_text(change["value"]))]
                items[0].setData(Qt.ItemDataRole.UserRole, path)
                items[0].setToolTip(items[0].text())
                for item in items[:2]:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                for c, item in enumerate(items):
                    self.changes.setItem(r, c, item)
            self.changes.resizeColumnToContents(1)
            self.changes.resizeColumnToContents(2)
        self._filling = False

    @staticmethod
    def _path_label(model, path) -> str:
        """A change's key as the tables label the cell (the segment by its name)."""
        return engine_messages.where(path, model)

    def _fill_stale(self, stale: list | None = None) -> None:
        if stale is not None:
            self._stale_changes = stale
        lines = []
        for change in getattr(self, "_stale_changes", []):
            lines.append(fill(self.tr("Scenario '%1': %2 does not exist in the model"), change.scenario,
                              engine_messages.where(change.path, self.document.model)))
        for change in self.dropped:
            lines.append(fill(self.tr("Scenario '%1': %2 left with its removed segment (Undo brings it back)"),
                              change.scenario, engine_messages.where(change.path, self.document.model,
                                                                     self._dropped_names)))
        self.stale_label.setText("\n".join(lines))
        self.stale_label.setVisible(bool(lines))

    def _on_dropped(self, dropped) -> None:
        """Shown until the undo stack moves (Undo brings the changes back)."""
        self.dropped = list(dropped)
        before = getattr(self.document, "dropped_from", None)
        self._dropped_names = i18n.segment_names(before) if before is not None else None
        self._dropped_index = self.document.undo_stack.index()
        self._fill_stale()

    def _on_index_changed(self, index: int) -> None:
        if self.dropped and index != self._dropped_index:
            self.dropped = []
            self._fill_stale()

    # actions ------------------------------------------------------------------------------------
    def _on_shown_chosen(self, index: int) -> None:
        self.show_scenario(self.shown_box.itemData(index))

    def show_scenario(self, name: str | None) -> bool:
        ok = self.session.show(name)
        if not ok:
            self._lists_key = None
            self.refresh()
        return ok

    def save_as(self) -> bool:
        name = self.name_edit.text().strip()
        if not name:
            self.refused.emit(self.tr("Save as scenario: type a name for the new scenario first."))
            return False
        ok = self.session.save_as(name)
        if ok:
            self.name_edit.clear()
        return ok

    def _on_item_renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        old, new = item.data(Qt.ItemDataRole.UserRole), item.text().strip()
        QTimer.singleShot(0, self, lambda: self.rename(old, new))

    def rename(self, old: str, new: str) -> bool:
        """Rename scenario ``old`` (one undo step); an empty or taken name is refused."""
        if new and new != old and self.session.rename(old, new):
            return True
        if not new:
            self.refused.emit(fill(self.tr("Scenario '%1': a scenario needs a name; the old one is kept."), old))
        self._lists_key = None
        self.refresh()
        return False

    def delete_selected(self) -> bool:
        name = self.selected_name()
        return name is not None and self.session.delete(name)

    def _on_change_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 2:
            return
        # applied once the view has finished with its editor (the table is rebuilt)
        name, row, text = self.selected_name(), item.row(), item.text().strip()
        QTimer.singleShot(0, self, lambda: self.set_change_value(name, row, text))

    def set_change_value(self, name: str, row: int, text: str) -> bool:
        """Scenario ``name``'s change ``row`` takes the typed ``text`` (one undo step), or a refusal."""
        if name not in scenario_names(self.document.model):
            return False
        changes = self.session.changes_of(name)
        if not 0 <= row < len(changes):
            return False
        path = changes[row]["path"]
        old = changes[row]["value"]
        if isinstance(old, str):
            value = text
        else:
            try:
                value = float(text.replace(",", "").replace("，", ""))
                if not math.isfinite(value):
                    raise ValueError(text)
            except ValueError:
                self.refused.emit(fill(self.tr("Scenario '%1', %2: %3 is not a number; the previous value is kept."),
                                       name, engine_messages.where(path, self.document.model), text))
                self._fill_changes()
                return False
        changes[row] = {"path": path, "value": value}
        if not self.session.set_changes(name, changes):
            self._fill_changes()
            return False
        return True

    def remove_selected_change(self) -> bool:
        name, row = self.selected_name(), self.changes.currentRow()
        if name is None or row < 0:
            return False
        changes = self.session.changes_of(name)
        del changes[row]
        return self.session.set_changes(name, changes)

    # side by side -------------------------------------------------------------------------------
    def _show_side_by_side(self, data: dict) -> None:
        self.table_data = data
        columns = data["columns"]
        statuses = status_labels()
        headers = [self._column_title(c) for c in columns]
        rows: list[tuple[str, list[str]]] = []
        for method, label in method_labels().items():
            def cell(col, key):
                figures = col[method]
                if figures is None:
                    return self.tr("error") if col["error"] else "—"
                value = figures[key]
                return money(value, 2) if key == "total" else pct(value) if key == "upside" else statuses.get(value, value)
            rows.append((fill(self.tr("%1 total"), label), [cell(c, "total") for c in columns]))
            rows.append((fill(self.tr("%1 upside"), label), [cell(c, "upside") for c in columns]))
            rows.append((fill(self.tr("%1 status"), label), [cell(c, "status") for c in columns]))
            for s, seg in enumerate(self._shown_names(data["segments"])):
                rows.append((f"{label} · {seg}", [
                    money(c[method]["segments"][s], 2) if c[method] and c[method]["segments"] else "—"
                    for c in columns]))
        tips = [engine_messages.text(c["error"], self.document.model) if c["error"] else "" for c in columns]
        shape = (tuple(headers), tuple(r[0] for r in rows))
        table = self.side_table
        if shape != getattr(self, "_side_shape", None):
            table.clear()
            table.setColumnCount(len(columns))
            table.setRowCount(len(rows))
            table.setHorizontalHeaderLabels(headers)
            table.setVerticalHeaderLabels([r[0] for r in rows])
            self._side_shape = shape
        # same rows and columns (an edit): only the texts that changed are set, so only those cells repaint
        for r, (_, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    item.setToolTip(tips[c])
                    table.setItem(r, c, item)
                    continue
                if item.text() != text:
                    item.setText(text)
                if item.toolTip() != tips[c]:
                    item.setToolTip(tips[c])
        self._draw_side_chart()

    def _column_title(self, column: dict) -> str:
        if column["kind"] == "base":
            return self.tr("Base")
        if column["kind"] == "reference":
            return self.tr("Published")
        return column["name"]

    def _draw_side_chart(self) -> None:
        """The grouped bars. An edit moves the heights only: the bars, the legend, the ticks and
        the title are made again only when the columns, the groups or the method changed (making
        them on every edit was most of this page's cost per edit)."""
        data = self.table_data
        if data is None:
            for bars in self.side_bars:
                self.side_plot.removeItem(bars)
            self.side_bars = []
            self.side_legend.clear()
            self._side_key = None
            return
        method = self.side_method.currentData() or "ddm"
        groups = self._shown_names(data["segments"]) + [self.tr("Total")]
        columns = data["columns"]
        n = len(columns)
        width = 0.8 / max(n, 1)
        title = fill(self.tr("%1: values by segment and total (%2)"), method_labels()[method],
                     i18n.unit_text(self.document.model.unit))
        key = (method, tuple(groups), tuple((self._column_title(c), c["kind"]) for c in columns), title)
        rebuild = key != getattr(self, "_side_key", None) or len(self.side_bars) != n
        tops: list[float] = []
        if rebuild:
            for bars in self.side_bars:
                self.side_plot.removeItem(bars)
            self.side_bars = []
            self.side_legend.clear()
        for k, col in enumerate(columns):
            figures = col[method]
            if figures is None:
                heights = [np.nan] * len(groups)
            else:
                segs = figures["segments"] or [np.nan] * len(data["segments"])
                heights = list(segs) + [figures["total"]]
            x = np.arange(len(groups)) - 0.4 + width * (k + 0.5)
            h = np.asarray(heights, dtype=float)
            keep = np.isfinite(h)
            if rebuild:
                color = REFERENCE_COLOR if col["kind"] == "reference" else COLUMN_COLORS[k % len(COLUMN_COLORS)]
                bars = pg.BarGraphItem(x=x[keep], height=h[keep], width=width * 0.9, brush=color,
                                       pen=pg.mkPen(None))
                self.side_plot.addItem(bars)
                self.side_legend.addItem(bars, self._column_title(col))
                self.side_bars.append(bars)
            else:
                self.side_bars[k].setOpts(x=x[keep], height=h[keep], width=width * 0.9)
            tops.extend(h[keep])
        if rebuild:
            self.side_plot.getAxis("bottom").setTicks([[(k, _wrapped(g)) for k, g in enumerate(groups)]])
            set_title(self.side_plot, title)
            self._side_key = key
        keep_bar_view(self.side_plot, len(groups), tops, top_room=0.18)

    def _shown_names(self, names) -> list[str]:
        """Segment names as the UI language reads them (``name_en`` in English),
        when ``names`` are the open model's segments."""
        names = list(names)
        model = self.document.model
        if names == list(model.segment_names):
            return i18n.segment_names(model)
        return names

    # attribution --------------------------------------------------------------------------------
    def _fill_version_boxes(self, names: list[str], force: bool = False) -> None:
        key = (tuple(names), self.tr("Base"))
        if key == getattr(self, "_boxes_key", None) and not force:
            return
        self._boxes_key = key
        for box, default in ((self.from_box, BASE), (self.to_box, OPEN)):
            current = box.currentData() or default
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("Open model (as shown)"), OPEN)
            box.addItem(self.tr("Base"), BASE)
            for name in names:
                box.addItem(fill(self.tr("Scenario: %1"), name), SCENARIO + name)
            box.addItem(self.tr("Last saved version"), SAVED)
            if self.other_file is not None:
                box.addItem(fill(self.tr("File: %1"), os.path.basename(self.other_file[0])), FILE)
            index = box.findData(current)
            box.setCurrentIndex(index if index >= 0 else box.findData(default))
            box.blockSignals(False)

    def version_label(self, key: str) -> str:
        """What a version is called in the waterfall and its table."""
        if key == OPEN:
            return self.tr("Open model")
        if key == BASE:
            return self.tr("Base")
        if key.startswith(SCENARIO):
            return key[len(SCENARIO):]
        if key == SAVED:
            shown = self.session.shown
            used = shown if shown is not None and shown in scenario_names(self.document.saved_model) else None
            return self.tr("Last saved") if used is None else fill(self.tr("Last saved (%1)"), used)
        return os.path.basename(self.other_file[0]) if self.other_file else ""

    def choose_file(self, path: str | None = None) -> bool:
        if path is None:
            path = QFileDialog.getOpenFileName(self, self.tr("Compare with a model file"), "",
                                               self.tr("Model files (*.vwm.json *.json)"))[0]
            if not path:
                return False
        try:
            model = models.load_model(path)
        except (models.ModelError, OSError) as exc:
            self.refused.emit(load_errors.describe(exc, path))
            return False
        self.other_file = (path, model)
        self.tabs.setCurrentIndex(ATTRIBUTION_TAB)
        self._fill_version_boxes(scenario_names(self.document.model), force=True)
        self.from_box.setCurrentIndex(self.from_box.findData(FILE))
        self.to_box.setCurrentIndex(self.to_box.findData(OPEN))
        self.request_attribution()
        return True

    def request_attribution(self) -> None:
        """Ask the runner for the split between the two chosen versions (from
        the snapshot of the last refresh)."""
        snapshot = getattr(self, "_snapshot", None)
        if snapshot is None or self.from_box.count() == 0:
            return
        if self.tabs.currentIndex() != ATTRIBUTION_TAB:
            self._attribution_stale = True   # asked for when its tab is shown
            return
        self._attribution_stale = False
        working, base, shown = snapshot
        a_key, b_key = self.from_box.currentData(), self.to_box.currentData()
        self.labels = (self.version_label(a_key), self.version_label(b_key))
        other = self.other_file[1] if self.other_file else None
        self.controller.runner.submit(
            Request(("scenarios", "attribution"), scenario_view.attribute_versions,
                    (a_key, b_key, working, base, shown, self.document.saved_model, other), slow=True,
                    title=self.tr("What changed")),
            self._show_attribution)

    def _show_attribution(self, response: dict) -> None:
        self.attribution = response
        result = response["result"]
        self.attr_table.setRowCount(0)
        if result is None:
            self.attr_message.setText(fill(self.tr("Cannot compare: %1"),
                                           engine_messages.text(response["error"], self.document.model)))
            self.attr_message.setStyleSheet(f"color: {NEGATIVE_COLOR};")
            self._draw_waterfall()
            return
        self.attr_message.setStyleSheet("")
        notes = []
        if response["ddm_error"]:
            notes.append(fill(self.tr("%1; the dynamic split is shown."),
                              engine_messages.text(response["ddm_error"], self.document.model)))
        g = len(result.groups)
        if g == 0:
            notes.append(self.tr("No input differs: nothing to split."))
        elif result.strategy == "segmentwise":
            notes.append(fill(self.tr("%1 input groups differ, more than %2 for the joint pass: the exact split is "
                                      "computed segment by segment (same numbers)."), g, MAX_JOINT_GROUPS))
        else:
            notes.append(fill(self.tr("%1 input group(s) differ; the split is exact (Shapley, %2 combinations "
                                      "valued at once)."), g, result.mixes))
        if result.price_changed:
            notes.append(self.tr("The market price differs: it moves the upside, not the value."))
        self.attr_message.setText(fill("%1 → %2: ", *self.labels) + " ".join(notes))
        labels = group_labels()
        names = self._shown_names(result.segment_names)
        methods = [m for m in ("ddm", "dynamic") if m in result.methods]
        steps = next(iter(result.methods.values())).differing()
        self.attr_table.setColumnCount(2 + len(methods))
        self.attr_table.setHorizontalHeaderLabels([self.tr("Segment"), self.tr("Input group")]
                                                  + [method_labels()[m] for m in methods])
        rows = [(self.labels[0], "", [result.methods[m].from_total for m in methods])]
        for k, step in enumerate(steps):
            seg = self.tr("Company") if step.segment is None else names[step.segment]
            rows.append((seg, labels[step.group], [result.methods[m].differing()[k].value for m in methods]))
        rows.append((self.labels[1], "", [result.methods[m].to_total for m in methods]))
        rows.append((self.tr("Change"), self.tr("sum of the contributions"),
                     [result.methods[m].change for m in methods]))
        self.attr_table.setRowCount(len(rows))
        for r, (seg, group, values) in enumerate(rows):
            self.attr_table.setItem(r, 0, QTableWidgetItem(seg))
            self.attr_table.setItem(r, 1, QTableWidgetItem(group))
            for c, value in enumerate(values):
                item = QTableWidgetItem(money(value, 2))
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.attr_table.setItem(r, 2 + c, item)
        self.attr_table.resizeColumnsToContents()
        self._draw_waterfall()

    def waterfall_steps(self) -> list[tuple[str, float, float]]:
        """(label, bottom, top) of each bar: A's total, each group, B's total."""
        response = self.attribution
        if not response or response["result"] is None:
            return []
        result = response["result"]
        method = self.attr_method.currentData() or "ddm"
        if method not in result.methods:
            method = next(iter(result.methods))
        m = result.methods[method]
        labels = group_labels()
        steps = [(self.labels[0], 0.0, m.from_total)]
        level = m.from_total
        for c in m.differing():
            seg = self.tr("Company") if c.segment is None else self._shown_names(result.segment_names)[c.segment]
            steps.append((f"{labels[c.group]}\n{seg}", level, level + c.value))
            level += c.value
        steps.append((self.labels[1], 0.0, m.to_total))
        return steps

    def _draw_waterfall(self) -> None:
        steps = self.waterfall_steps()
        if not steps:
            self.waterfall.setOpts(x=[], height=[], y0=[], brushes=[])
            self.attr_plot.getAxis("bottom").setTicks([[]])
            self._waterfall_key = None
            return
        x = np.arange(len(steps), dtype=float)
        y0 = np.array([min(s[1], s[2]) for s in steps])
        height = np.array([abs(s[2] - s[1]) for s in steps])
        brushes = []
        for k, (_, lo, hi) in enumerate(steps):
            if k in (0, len(steps) - 1):
                brushes.append(pg.mkBrush(DDM_COLOR))
            else:
                brushes.append(pg.mkBrush(POSITIVE_COLOR if hi >= lo else NEGATIVE_COLOR))
        self.waterfall.setOpts(x=x, height=height, y0=y0, brushes=brushes, width=0.6)
        ticks = [(k, _short(s[0])) for k, s in enumerate(steps)]
        method = self.attr_method.currentData() or "ddm"
        title = fill(self.tr("%1: from %2 to %3 by input group (%4)"), method_labels()[method],
                     self.labels[0], self.labels[1], i18n.unit_text(self.document.model.unit))
        if (ticks, title) != getattr(self, "_waterfall_key", None):   # the axis redraws only when they change
            self.attr_plot.getAxis("bottom").setTicks([ticks])
            set_title(self.attr_plot, title)
            self._waterfall_key = (ticks, title)
        keep_bar_view(self.attr_plot, len(steps), np.concatenate([y0, y0 + height]))


def _width(ch: str) -> int:
    """Columns a character takes in a tick label (a CJK character two)."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _columns(text: str) -> int:
    return sum(map(_width, text))


def _wrapped(text: str, limit: int = 24, max_lines: int = 2) -> str:
    """A tick label under a group of bars: wrapped at spaces (or anywhere in
    CJK text) into lines of at most ``limit`` columns, the last one cut short
    with "…" (side by side, two long segment names ran into each other)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        pieces = [word]
        if _columns(word) > limit:   # CJK names have no spaces: break by width
            pieces, piece = [], ""
            for ch in word:
                if _columns(piece + ch) > limit:
                    pieces.append(piece)
                    piece = ""
                piece += ch
            pieces.append(piece)
        for k, piece in enumerate(pieces):
            joined = f"{line} {piece}" if line and k == 0 else (line + piece if not line else None)
            if joined is not None and _columns(joined) <= limit:
                line = joined
            else:
                lines.append(line)
                line = piece
    lines.append(line)
    lines = [x for x in lines if x]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _short(lines[-1], limit - 1).rstrip("…") + "…"
    return "\n".join(lines)


def _short(text: str, limit: int = 18) -> str:
    """A tick label: each line cut to ``limit`` columns (a CJK character takes two;
    segment names are long)."""
    def cut(line: str) -> str:
        width = 0
        for k, ch in enumerate(line):
            width += _width(ch)
            if width > limit:
                return line[:max(k - 1, 1)] + "…"
        return line
    return "\n".join(cut(line) for line in text.split("\n"))


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return repr(value)
    return str(value)
