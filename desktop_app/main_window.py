"""The main window: header, segment forecast tables, company totals,
parameters, DDM and dynamic tables, messages, and (issue 5) the sensitivity
panel; menus for files, editing, segments, settings and help."""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QGroupBox, QInputDialog, QMainWindow,
                               QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

import models
from models import csv_export
from models import forecast as engine_forecast
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.qt_models import (CompanyParametersModel, CompanyTotalsModel, DDMResultModel, DynamicResultModel,
                                   SegmentForecastModel, SegmentParametersModel)
from desktop_app.qt_models.forecast import BLOCK
from desktop_app.widgets.header import HeaderWidget
from desktop_app.widgets.messages import MessagesPanel
from desktop_app.widgets.spreadsheet import SpreadsheetView

MODEL_FILTER_EXT = "*.vwm.json *.json"


PLOTS_ERROR: list[str] = []


def load_plots_panel_class():
    """The sensitivity panel of issue 5, if it is installed and imports; None
    otherwise (the reason goes to :data:`PLOTS_ERROR`): a broken plots package
    must not keep the workbench from starting."""
    try:
        from desktop_app.plots import SensitivityPanel  # noqa: PLC0415 - optional, owned by issue 5
    except Exception as exc:  # noqa: BLE001
        PLOTS_ERROR[:] = [f"{type(exc).__name__}: {exc}"]
        return None
    return SensitivityPanel


class MainWindow(QMainWindow):
    def __init__(self, document, settings, with_plots: bool = True, parent=None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.controller = Controller(document, self)
        self.setObjectName("MainWindow")
        self._disk_mtime: float | None = None

        # models and views ----------------------------------------------------
        self.forecast_model = SegmentForecastModel(document, self)
        self.totals_model = CompanyTotalsModel(document, self)
        self.segment_params_model = SegmentParametersModel(document, self)
        self.company_params_model = CompanyParametersModel(document, self)
        self.ddm_model = DDMResultModel(document, self)
        self.dynamic_model = DynamicResultModel(document, self)
        self.table_models = [self.forecast_model, self.totals_model, self.segment_params_model,
                             self.company_params_model, self.ddm_model, self.dynamic_model]

        self.header = HeaderWidget()
        self.forecast_view = self._view(self.forecast_model, "forecastView")
        self.forecast_model.modelReset.connect(self._apply_spans)
        self.forecast_view.verticalHeader().setMinimumWidth(150)
        self.totals_view = self._view(self.totals_model, "totalsView")
        self.segment_params_view = self._view(self.segment_params_model, "segmentParamsView")
        self.company_params_view = self._view(self.company_params_model, "companyParamsView")
        self.company_params_view.horizontalHeader().setStretchLastSection(True)
        self.ddm_view = self._view(self.ddm_model, "ddmView")
        self.dynamic_view = self._view(self.dynamic_model, "dynamicView")
        self.views = [self.forecast_view, self.totals_view, self.segment_params_view,
                      self.company_params_view, self.ddm_view, self.dynamic_view]
        self.messages = MessagesPanel(document.describe_path)

        self.groups: dict[str, QGroupBox] = {}
        # left: the forecasts, then the other inputs and the company totals in tabs
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("lowerTabs")
        self.lower_tabs.addTab(self.totals_view, "")
        self.lower_tabs.addTab(self.segment_params_view, "")
        self.lower_tabs.addTab(self.company_params_view, "")
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self._group("forecasts", self.forecast_view))
        left.addWidget(self.lower_tabs)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        # right: what the edits do to the value, always in view
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._group("ddm", self.ddm_view))
        right.addWidget(self._group("dynamic", self.dynamic_view))
        self.left_splitter, self.right_splitter = left, right
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 5)
        self.main_splitter.setStretchFactor(1, 4)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.header)
        lay.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.messages_dock = QDockWidget(self)
        self.messages_dock.setObjectName("messagesDock")
        self.messages_dock.setWidget(self.messages)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.messages_dock)

        self.plots_panel = None
        self.plots_dock = None
        if with_plots:
            panel_class = load_plots_panel_class()
            if panel_class is not None:
                try:
                    self.plots_panel = panel_class(self, runner=self.controller.runner)
                except Exception as exc:  # noqa: BLE001 - the tables work without the plots
                    PLOTS_ERROR[:] = [f"{type(exc).__name__}: {exc}"]
                    panel_class = None
            if panel_class is not None:
                self.plots_dock = QDockWidget(self)
                self.plots_dock.setObjectName("sensitivityDock")
                self.plots_dock.setWidget(self.plots_panel)
                self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.plots_dock)

        # wiring ----------------------------------------------------------------
        for model in self.table_models:
            self.controller.add_view(model)
        self.controller.add_view(self.header)
        self.controller.add_view(self.messages)
        if self.plots_panel is not None:
            self.controller.add_view(self.plots_panel)
        self.controller.runner.failed.connect(self.messages.report_failure)
        document.editRejected.connect(self._on_rejected)
        document.dirtyChanged.connect(lambda dirty: self._update_title())
        document.pathChanged.connect(lambda path: self._update_title())
        document.autosaved.connect(self._on_autosaved)
        self.messages.issueActivated.connect(self.go_to_issue)

        if with_plots and self.plots_panel is None and PLOTS_ERROR:
            self.messages.log(self.tr("The sensitivity panel is unavailable: %1").replace("%1", PLOTS_ERROR[0]))
        self._create_actions()
        self._create_menus()
        self.retranslate()
        self.controller.recompute(True)
        self.resize(1600, 1000)
        for view in self.views:
            view.resizeColumnsToContents()
        for view in (self.ddm_view, self.dynamic_view):
            view.model().modelReset.connect(lambda v=view: self._fit_height(v))
            self._fit_height(view)
            header = view.verticalHeader()
            header.setMaximumWidth(190)   # long segment names elide in the middle; the tooltip has them
            header.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._layout_restored = self._restore_layout()
        self._remember_disk_state()

    # construction helpers -------------------------------------------------------
    def _view(self, model, name: str) -> SpreadsheetView:
        view = SpreadsheetView()
        view.setObjectName(name)
        view.setModel(model)
        view.refused.connect(self._on_rejected)
        # size columns to their contents when the shape changes, not per edit
        model.modelReset.connect(view.resizeColumnsToContents)
        model.headerDataChanged.connect(lambda *args, v=view: v.resizeColumnsToContents())
        return view

    def _group(self, key: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName(f"group_{key}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(widget, 1)
        lay.addStretch(0)  # a table with a maximum height stays at the top
        self.groups[key] = box
        return box

    def _apply_spans(self) -> None:
        view = self.forecast_view
        view.clearSpans()
        cols = self.forecast_model.columnCount()
        for row in range(0, self.forecast_model.rowCount(), BLOCK):
            if cols > 1:
                view.setSpan(row, 0, 1, cols)

    def _action(self, name: str, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        self.addAction(action)
        return action

    def undo(self) -> None:
        """Undo, then put the cursor on the cell that changed (as Excel does)."""
        stack = self.document.undo_stack
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        stack.undo()
        self._select_changed(command)

    def redo(self) -> None:
        stack = self.document.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        stack.redo()
        self._select_changed(command)

    def _select_changed(self, command) -> None:
        paths = getattr(getattr(command, "record", None), "paths", ())
        for path in paths:
            for model, view in ((self.forecast_model, self.forecast_view),
                                (self.segment_params_model, self.segment_params_view)):
                cell = model.cell_for_path(tuple(path))
                if cell is not None and view.isVisible():
                    index = model.index(*cell)
                    view.setCurrentIndex(index)
                    view.scrollTo(index)
                    return

    def _create_actions(self) -> None:
        K = QKeySequence
        self.act_new = self._action("actNew", self.new_file, K(K.StandardKey.New))
        self.act_open = self._action("actOpen", lambda: self.open_file(), K(K.StandardKey.Open))
        self.act_save = self._action("actSave", self.save, K(K.StandardKey.Save))
        self.act_save_as = self._action("actSaveAs", self.save_as, K(K.StandardKey.SaveAs))
        self.act_export = self._action("actExport", lambda: self.export_csv())
        self.act_quit = self._action("actQuit", self.close, K(K.StandardKey.Quit))
        stack = self.document.undo_stack
        self.act_undo = self._action("actUndo", self.undo, list(K.keyBindings(K.StandardKey.Undo)))
        redo_keys = list(K.keyBindings(K.StandardKey.Redo))
        if K("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(K("Ctrl+Shift+Z"))
        self.act_redo = self._action("actRedo", self.redo, redo_keys)
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self._undo_texts = ["", ""]
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        self.act_copy = self._action("actCopy", self.copy, K(K.StandardKey.Copy))
        self.act_paste = self._action("actPaste", self.paste, K(K.StandardKey.Paste))
        self.act_add_segment = self._action("actAddSegment", self.add_segment)
        self.act_rename_segment = self._action("actRenameSegment", self.rename_segment)
        self.act_remove_segment = self._action("actRemoveSegment", self.remove_segment)
        self.act_move_up = self._action("actMoveUp", lambda: self.move_segment(-1))
        self.act_move_down = self._action("actMoveDown", lambda: self.move_segment(1))
        self.act_add_year = self._action("actAddYear", self.add_forecast_year)
        self.act_autosave = self._action("actAutosave", self.choose_autosave_interval)
        self.act_about = self._action("actAbout", self.about)
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", *i18n.LANGUAGES):
            act = QAction(self)
            act.setCheckable(True)
            act.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            self.language_actions[code] = act

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addActions([self.act_save, self.act_save_as])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_copy, self.act_paste])
        self.menu_segments = bar.addMenu("")
        self.menu_segments.addActions([self.act_add_segment, self.act_rename_segment, self.act_remove_segment,
                                       self.act_move_up, self.act_move_down])
        self.menu_segments.addSeparator()
        self.menu_segments.addAction(self.act_add_year)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.messages_dock.toggleViewAction())
        if self.plots_dock is not None:
            self.menu_view.addAction(self.plots_dock.toggleViewAction())
        self.menu_settings = bar.addMenu("")
        self.menu_language = self.menu_settings.addMenu("")
        self.menu_language.addActions(list(self.language_actions.values()))
        self.menu_settings.addAction(self.act_autosave)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)
        # the segment actions where the segments are, too
        self.forecast_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.forecast_view.addActions([self.act_copy, self.act_paste, self.act_add_segment,
                                       self.act_rename_segment, self.act_remove_segment, self.act_move_up,
                                       self.act_move_down, self.act_add_year])

    # translation ---------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.act_new.setText(self.tr("&New"))
        self.act_open.setText(self.tr("&Open…"))
        self.act_save.setText(self.tr("&Save"))
        self.act_save_as.setText(self.tr("Save &As…"))
        self.act_export.setText(self.tr("&Export tables to CSV…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_copy.setText(self.tr("&Copy"))
        self.act_paste.setText(self.tr("&Paste"))
        self.act_add_segment.setText(self.tr("&Add segment"))
        self.act_rename_segment.setText(self.tr("&Rename segment…"))
        self.act_remove_segment.setText(self.tr("Re&move segment"))
        self.act_move_up.setText(self.tr("Move segment &up"))
        self.act_move_down.setText(self.tr("Move segment &down"))
        self.act_add_year.setText(self.tr("Add &estimate year"))
        self.act_autosave.setText(self.tr("&Autosave interval…"))
        self.act_about.setText(self.tr("&About Valuation Workbench"))
        self.language_actions["system"].setText(self.tr("Follow the system"))
        for code, name in i18n.LANGUAGES.items():
            self.language_actions[code].setText(name)
        current = self.settings.get("language")
        for code, act in self.language_actions.items():
            act.setChecked(code == current)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_segments.setTitle(self.tr("&Segments"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_settings.setTitle(self.tr("Se&ttings"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self._update_undo_texts()
        self.groups["forecasts"].setTitle(self.tr("Segment forecasts (A = actual, E = estimate)"))
        self.lower_tabs.setTabText(0, self.tr("Company totals"))
        self.lower_tabs.setTabText(1, self.tr("Valuation parameters by segment"))
        self.lower_tabs.setTabText(2, self.tr("Company and market"))
        self.groups["ddm"].setTitle(self.tr("DDM valuation"))
        self.groups["dynamic"].setTitle(self.tr("Dynamic valuation"))
        self.messages_dock.setWindowTitle(self.tr("Messages"))
        if self.plots_dock is not None:
            self.plots_dock.setWindowTitle(self.tr("Sensitivity"))
        for model in self.table_models:
            model.retranslate()
        self._update_title()

    def _on_undo_text(self, text: str) -> None:
        self._undo_texts[0] = text
        self._update_undo_texts()

    def _on_redo_text(self, text: str) -> None:
        self._undo_texts[1] = text
        self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        self.act_undo.setText(self.tr("&Undo %1").replace("%1", self._undo_texts[0]).strip())
        self.act_redo.setText(self.tr("&Redo %1").replace("%1", self._undo_texts[1]).strip())

    def set_language(self, code: str) -> None:
        self.settings.set("language", code)
        app = QApplication.instance()
        i18n.install(app, code)
        # LanguageChange events reach the widgets later; retranslate now
        self.retranslate()
        self.header.retranslate()
        self.messages.retranslate()
        self.controller.recompute(False)

    def _update_title(self) -> None:
        name = self.document.display_name() or self.tr("Untitled")
        app_name = self.tr("Valuation Workbench")
        self.setWindowTitle(f"{name}[*] — {app_name}")
        self.setWindowModified(self.document.is_dirty)

    # messages ------------------------------------------------------------------
    def _on_rejected(self, message: str) -> None:
        self.messages.log(message, error=True)
        self.statusBar().showMessage(message.replace("\n", "  "), 8000)

    def _on_autosaved(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Autosaved to the recovery file"), 3000)

    def go_to_issue(self, path: str) -> None:
        from desktop_app.qt_models.issues import split_segment_path
        loc = split_segment_path(path)
        if loc is None:
            return
        seg, rest = loc
        parts = rest.split(".")
        if len(parts) == 3 and parts[0] in ("forecast", "actuals"):
            years = [str(y) for y in self.document.model.years]
            if parts[1] in years:
                row_name = {"growth": "growth", "margin": "margin", "revenue": "revenue",
                            "net_profit": "net_profit"}.get(parts[2], "growth")
                idx = self.forecast_model.index(self.forecast_model.row_of(seg, row_name), years.index(parts[1]))
                self.forecast_view.setCurrentIndex(idx)
                self.forecast_view.scrollTo(idx)
                self.forecast_view.setFocus()
                return
        from desktop_app.qt_models.parameters import SEGMENT_PARAMS
        if rest in SEGMENT_PARAMS:
            idx = self.segment_params_model.index(seg, SEGMENT_PARAMS.index(rest))
            self.segment_params_view.setCurrentIndex(idx)
            self.segment_params_view.setFocus()

    # editing -------------------------------------------------------------------
    def active_view(self) -> SpreadsheetView:
        w = QApplication.focusWidget()
        while w is not None:
            if isinstance(w, SpreadsheetView):
                return w
            w = w.parentWidget()
        return self.forecast_view

    def copy(self) -> None:
        self.active_view().copy_selection()

    def paste(self) -> None:
        self.active_view().paste()

    def current_segment(self) -> int:
        view = self.active_view()
        idx = view.currentIndex()
        n = self.document.model.segment_count
        if view is self.forecast_view and idx.isValid():
            return min(idx.row() // BLOCK, n - 1)
        if view in (self.segment_params_view, self.ddm_view, self.dynamic_view) and idx.isValid() and idx.row() < n:
            return idx.row()
        idx = self.forecast_view.currentIndex()
        return min(idx.row() // BLOCK, n - 1) if idx.isValid() else 0

    def _select_segment(self, seg: int) -> None:
        idx = self.forecast_model.index(seg * BLOCK, 0)
        self.forecast_view.setCurrentIndex(idx)
        self.forecast_view.scrollTo(idx)

    def add_segment(self) -> bool:
        n = self.document.model.segment_count
        name = self.tr("New segment %1").replace("%1", str(n + 1))
        existing = set(self.document.model.segment_names)
        k = n + 1
        while name in existing:
            k += 1
            name = self.tr("New segment %1").replace("%1", str(k))
        ok = self.document.restructure(self.tr("Add segment"),
                                       lambda m: engine_forecast.add_segment(m, name))
        if ok:
            self._select_segment(n)
        return ok

    def remove_segment(self) -> bool:
        seg = self.current_segment()
        name = self.document.model.segment_names[seg]
        ok = self.document.restructure(self.tr("Remove segment %1").replace("%1", name),
                                       lambda m: engine_forecast.remove_segment(m, seg))
        if ok:
            self._select_segment(min(seg, self.document.model.segment_count - 1))
        return ok

    def rename_segment(self, name: str | None = None) -> bool:
        seg = self.current_segment()
        old = self.document.model.segment_names[seg]
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename segment"), self.tr("Segment name:"), text=old)
            if not ok:
                return False
        return self.forecast_model.setData(self.forecast_model.index(seg * BLOCK, 0), name)

    def move_segment(self, delta: int) -> bool:
        seg = self.current_segment()
        target = seg + delta
        if not 0 <= target < self.document.model.segment_count:
            return False
        ok = self.document.restructure(self.tr("Move segment"),
                                       lambda m: engine_forecast.move_segment(m, seg, target))
        if ok:
            self._select_segment(target)
        return ok

    def add_forecast_year(self) -> bool:
        return self.document.restructure(self.tr("Add estimate year"), engine_forecast.add_forecast_year)

    # files ---------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document."""
        if not self.document.is_dirty:
            return True
        answer = QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("“%1” has unsaved changes. Save them first?").replace(
                "%1", self.document.display_name() or self.tr("Untitled")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        from desktop_app.document import blank_model
        self.document.reset(blank_model(self.tr("New company")), None)
        self._remember_disk_state()
        return True

    def open_file(self, path: str | None = None) -> bool:
        """Open a model file. A file that fails to load leaves the open
        document exactly as it was and says what is wrong."""
        if path is None:
            start = str(Path(self.document.path).parent) if self.document.path else ""
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), start,
                                                  self.tr("Model files (%1)").replace("%1", MODEL_FILTER_EXT))
            if not path:
                return False
        try:
            model = models.load_model(path)
        except models.ModelFileError as exc:
            if exc.newer_version:
                text = self.tr("“%1” was written by a newer version of Valuation Workbench and cannot be "
                               "opened here; the file was not changed.").replace("%1", path)
            else:
                text = self.tr("Cannot open “%1”:").replace("%1", path)
            detail = str(exc)
            self.messages.log(f"{text} {detail}")
            QMessageBox.critical(self, self.tr("Cannot open file"), f"{text}\n\n{detail}")
            return False
        holder = self.document.lock_holder(os.path.abspath(path))
        if holder is not None and os.path.abspath(path) != self.document.path:
            answer = QMessageBox.question(
                self, self.tr("File already open"),
                self.tr("“%1” is open in another Valuation Workbench (%2). Changes saved there and here "
                        "will overwrite each other. Open it anyway?").replace("%1", path).replace("%2", holder),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        # the file is good: only now ask about the unsaved changes it would replace
        if not self.maybe_save():
            return False
        self.document.reset(model, os.path.abspath(path))
        self._file_settled(path, self.tr("Opened %1").replace("%1", path))
        return True

    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or (self.document.model.company_name + ".vwm.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model as"), start,
                                              self.tr("Model files (%1)").replace("%1", MODEL_FILTER_EXT))
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".vwm.json"
        self._disk_mtime = None
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        if self._changed_on_disk(path):
            answer = QMessageBox.question(
                self, self.tr("File changed on disk"),
                self.tr("“%1” was changed by another program since it was opened. Overwrite it?").replace("%1", path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            saved = self.document.save(path)
        except OSError as exc:
            text = self.tr("Saving failed; your work is still open and unsaved.")
            self.messages.log(f"{text} {exc}")
            QMessageBox.critical(self, self.tr("Cannot save"), f"{text}\n\n{exc}")
            return False
        self._file_settled(saved, self.tr("Saved %1").replace("%1", saved))
        return True

    def _file_settled(self, path: str, message: str) -> None:
        """After an open or a save: recent files, the file reopened next start,
        the on-disk state to compare with later, a status line."""
        self.settings.add_recent_file(os.path.abspath(path))
        self.settings.set("last_file", os.path.abspath(path))
        self._remember_disk_state()
        self.statusBar().showMessage(message, 4000)

    def _remember_disk_state(self) -> None:
        try:
            self._disk_mtime = os.stat(self.document.path).st_mtime_ns if self.document.path else None
        except OSError:
            self._disk_mtime = None

    def _changed_on_disk(self, path: str) -> bool:
        if self._disk_mtime is None or path != self.document.path:
            return False
        try:
            return os.stat(path).st_mtime_ns != self._disk_mtime
        except OSError:
            return False

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.settings.get("recent_files")
        if not files:
            act = self.menu_recent.addAction(self.tr("(none)"))
            act.setEnabled(False)
            return
        for n, path in enumerate(files):
            act = self.menu_recent.addAction(f"&{n + 1} {path}" if n < 9 else path)
            act.triggered.connect(lambda checked=False, p=path: self.open_file(p))

    def export_csv(self, folder: str | None = None) -> list[str]:
        """Write every table as CSV (UTF-8 with BOM, the engine's dialect)."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export tables to folder"))
            if not folder:
                return []
        state = self.controller.state
        stem = Path(self.document.path).name.split(".")[0] if self.document.path else "model"
        tables = {
            "segment_forecasts": self.forecast_model.export_rows(),
            "company_totals": self.totals_model.export_rows(self.tr("Item")),
            "segment_parameters": self.segment_params_model.export_rows(self.tr("Segment")),
            "company_parameters": self.company_params_model.export_rows(self.tr("Item")),
            "ddm": self.ddm_model.export_rows(self.tr("Segment")),
            "dynamic": self.dynamic_model.export_rows(self.tr("Segment")),
            "header": self._header_rows(state),
        }
        written = []
        try:
            for name, (header, rows) in tables.items():
                path = os.path.join(folder, f"{stem}_{name}.csv")
                csv_export.write_csv(path, rows, header)
                written.append(path)
        except OSError as exc:
            self.messages.log(str(exc))
            QMessageBox.critical(self, self.tr("Export failed"), str(exc))
            return written
        self.statusBar().showMessage(self.tr("Exported %1 CSV files to %2")
                                     .replace("%1", str(len(written))).replace("%2", folder), 5000)
        return written

    def _header_rows(self, state):
        model = state.model
        company = model.doc.get("company", {})
        market = model.doc.get("market", {})
        rows = [
            [self.tr("Company"), model.company_name],
            [self.tr("Ticker"), company.get("ticker")],
            [self.tr("Industry"), company.get("industry")],
            [self.tr("Unit"), model.unit],
            [self.tr("Share price"), market.get("price")],
            [self.tr("Market cap"), model.market_cap],
            [self.tr("PE-TTM"), market.get("pe_ttm")],
            [self.tr("PB-MRQ"), market.get("pb_mrq")],
        ]
        if state.result is not None:
            from models.status import status_label
            for title, method in ((self.tr("DDM"), state.result.ddm), (self.tr("Dynamic"), state.result.dynamic)):
                rows.append([self.tr("%1 value").replace("%1", title), method.total])
                rows.append([self.tr("%1 upside").replace("%1", title), method.upside])
                rows.append([self.tr("%1 status").replace("%1", title), status_label(method.status, i18n.engine_lang())])
        return [self.tr("Item"), self.tr("Value")], rows

    # recovery --------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer the newest orphaned recovery file."""
        store = self.document.recovery
        if store is None:
            return False
        entries = store.orphans()
        if not entries:
            return False
        entry = entries[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
        original = entry.original_path or self.tr("an unsaved model")
        answer = QMessageBox.question(
            self, self.tr("Restore unsaved work?"),
            self.tr("Valuation Workbench did not close normally. Unsaved changes to %1 were autosaved at %2. "
                    "Restore them?").replace("%1", original).replace("%2", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            for e in entries:
                store.discard(e.session_id)
            return False
        try:
            model = models.load_model(entry.model_path)
        except models.ModelFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot restore"), str(exc))
            return False
        self.document.reset(model, entry.original_path, restored_unsaved=True)
        for e in entries:
            store.discard(e.session_id)
        self.document.autosave_now()
        self._remember_disk_state()
        return True

    def choose_autosave_interval(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Autosave"), self.tr("Minutes between autosaves (0 = off):"),
            self.settings.get("autosave_interval_s") // 60, 0, 120)
        if ok:
            self.settings.set("autosave_interval_s", minutes * 60)
            self.document.start_autosave(minutes * 60)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Valuation Workbench"), self.about_text())

    def about_text(self) -> str:
        return self.tr("<b>估值工作台 Valuation Workbench</b><br>Engine version %1<br>"
                       "Segment forecasts, DDM and dynamic valuation, offline.").replace("%1", models.__version__)

    # layout and closing ---------------------------------------------------------
    @staticmethod
    def _fit_height(view, max_rows: int = 8) -> None:
        """Small tables (one row per segment) show all rows without scrolling."""
        rows = min(view.model().rowCount(), max_rows)
        height = (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
                  + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth() + 2)
        view.setMinimumHeight(min(height, view.horizontalHeader().sizeHint().height()
                                  + 3 * view.verticalHeader().defaultSectionSize() + 4))
        # all rows when they fit; with many segments the table takes what it gets and scrolls
        view.setMaximumHeight(height if view.model().rowCount() <= max_rows else 16777215)

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_layout_done", False):
            self._layout_done = True
            if not self._layout_restored:
                self._default_layout()
                QTimer.singleShot(0, self._default_layout)  # again once the docks have their sizes

    def _default_layout(self) -> None:
        self.resizeDocks([self.messages_dock], [230], Qt.Orientation.Horizontal)
        if self.plots_dock is not None:
            self.resizeDocks([self.plots_dock], [self.plots_dock.minimumSizeHint().height()],
                             Qt.Orientation.Vertical)
        self.main_splitter.setSizes([575, 795])
        total = sum(self.left_splitter.sizes()) or 600
        self.left_splitter.setSizes([int(total * 0.66), total - int(total * 0.66)])

    def _restore_layout(self) -> bool:
        """Window geometry, docks and splitter as the user left them."""
        restored = False
        geometry = self.settings.get("window_geometry")
        if not geometry.isEmpty():
            restored = bool(self.restoreGeometry(geometry))
        state = self.settings.get("window_state")
        if not state.isEmpty():
            restored = bool(self.restoreState(state)) and restored
        splitter = self.settings.get("splitter_state")
        if not splitter.isEmpty():
            self.main_splitter.restoreState(splitter)
        return restored

    def save_layout(self) -> None:
        self.settings.set("window_geometry", self.saveGeometry())
        self.settings.set("window_state", self.saveState())
        self.settings.set("splitter_state", self.main_splitter.saveState())

    def closeEvent(self, event):
        if not self.maybe_save():
            event.ignore()
            return
        self.save_layout()
        if self.document.path:
            self.settings.set("last_file", self.document.path)
        self.settings.sync()
        self.document.close_cleanly()
        event.accept()
