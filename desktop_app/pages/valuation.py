"""The valuation page: segment forecasts, company totals, valuation parameters
(per segment and company), and the DDM and dynamic results beside them.

A page is a room you can enter alone: ``ValuationPage(document, controller)``
builds its table models and views, registers the models with the controller,
edits only through the document, and brings its own actions (copy/paste, the
segment actions) for the window's menus. It answers :meth:`locate` for a key
path, so "go to issue" and "select after undo" find the cell.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QGroupBox, QInputDialog, QMenu, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from models import forecast as engine_forecast
from desktop_app.i18n import fill
from desktop_app.qt_models import (CompanyParametersTableModel, CompanyTotalsTableModel, DDMResultTableModel,
                                   DynamicResultTableModel, SegmentForecastTableModel, SegmentParametersTableModel)
from desktop_app.widgets.spreadsheet import SpreadsheetView


_SPLITTERS_KEY = "vw-splitters-2"   # main (forecasts | results), right (DDM, dynamic, lower tabs)


class ValuationPage(QWidget):
    """See the module docstring. ``ask_text(title, label, text) -> str | None``
    asks for a segment name (a dialog by default; tests pass their own)."""

    # typing on a read-only cell was refused; argument: the message for the user
    refused = Signal(str)

    def __init__(self, document, controller, parent=None, ask_text=None):
        super().__init__(parent)
        self.setObjectName("valuationPage")
        self.document = document
        self.controller = controller
        self.ask_text = ask_text or self._ask_text
        self.forecast_table = SegmentForecastTableModel(document, self)
        self.totals_table = CompanyTotalsTableModel(document, self)
        self.segment_params_table = SegmentParametersTableModel(document, self)
        self.company_params_table = CompanyParametersTableModel(document, self)
        self.ddm_table = DDMResultTableModel(document, self)
        self.dynamic_table = DynamicResultTableModel(document, self)
        self.table_models = [self.forecast_table, self.totals_table, self.segment_params_table,
                             self.company_params_table, self.ddm_table, self.dynamic_table]

        self.forecast_view = self._view(self.forecast_table, "forecastView")
        self.forecast_table.modelReset.connect(self._apply_spans)
        self.forecast_view.verticalHeader().setMinimumWidth(150)
        # compact rows: the sample's three segments (18 rows) in view at 1600×1000
        self.forecast_view.verticalHeader().setDefaultSectionSize(self.forecast_view.fontMetrics().height() + 6)
        self.focused_segment: int | None = None
        self._pending_sizes: list = []   # (splitter, sizes) restored before the page was shown
        self.forecast_view.verticalHeader().sectionClicked.connect(self._header_clicked)
        self.forecast_table.modelReset.connect(lambda: self.focus_segment(None))
        self.totals_view = self._view(self.totals_table, "totalsView")
        self.segment_params_view = self._view(self.segment_params_table, "segmentParamsView")
        self.company_params_view = self._view(self.company_params_table, "companyParamsView")
        self.company_params_view.horizontalHeader().setStretchLastSection(True)
        self.ddm_view = self._view(self.ddm_table, "ddmView")
        self.dynamic_view = self._view(self.dynamic_table, "dynamicView")
        self.views = [self.forecast_view, self.totals_view, self.segment_params_view,
                      self.company_params_view, self.ddm_view, self.dynamic_view]

        self.groups: dict[str, QGroupBox] = {}
        # left: the forecasts, the whole height (every segment in view at 1600×1000)
        # right: what the edits do to the value, always in view, then the other inputs
        # and the company totals in tabs
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("lowerTabs")
        for view in (self.totals_view, self.segment_params_view, self.company_params_view):
            self.lower_tabs.addTab(view, "")
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self._group("ddm", self.ddm_view))
        self.right_splitter.addWidget(self._group("dynamic", self.dynamic_view))
        self.right_splitter.addWidget(self.lower_tabs)
        self.right_splitter.setStretchFactor(2, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self._group("forecasts", self.forecast_view))
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 5)
        self.main_splitter.setStretchFactor(1, 4)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.main_splitter)

        self._create_actions()
        for model in self.table_models:
            controller.add_view(model)
        for view in self.views:
            view.resizeColumnsToContents()
        for view in (self.ddm_view, self.dynamic_view):
            view.model().modelReset.connect(lambda v=view: self._fit_height(v))
            self._fit_height(view)
            header = view.verticalHeader()
            header.setMaximumWidth(120)   # long segment names elide in the middle; the tooltip has them
            header.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.retranslate()

    # construction ------------------------------------------------------------------
    def _view(self, model, name: str) -> SpreadsheetView:
        view = SpreadsheetView()
        view.setObjectName(name)
        view.setModel(model)
        view.refused.connect(self.refused)
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
        """Each segment's title row spans the table."""
        view, model = self.forecast_view, self.forecast_table
        view.clearSpans()
        cols = model.columnCount()
        if cols > 1:
            for seg in range(self.document.model.segment_count):
                view.setSpan(model.row_of(seg, None), 0, 1, cols)
            # the first year fits its numbers, not a segment name measured before the spans were set
            # (a long name once pushed the last estimate years off screen)
            view.resizeColumnToContents(0)

    @staticmethod
    def _fit_height(view, max_rows: int = 8) -> None:
        """Small tables (one row per segment) show all rows without scrolling."""
        rows = min(view.model().rowCount(), max_rows)
        height = view.rows_height(rows)
        # squeezed (a tall plot tab open in the dock), a table keeps its header and a row and scrolls
        view.setMinimumHeight(min(height, view.horizontalHeader().sizeHint().height()
                                  + view.verticalHeader().defaultSectionSize() + 4))
        # all rows when they fit; with many segments the table takes what it gets and scrolls
        view.setMaximumHeight(height if view.model().rowCount() <= max_rows else 16777215)

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.act_copy = self._action("actCopy", self.copy)
        self.act_paste = self._action("actPaste", self.paste)
        self.act_add_segment = self._action("actAddSegment", self.add_segment)
        self.act_rename_segment = self._action("actRenameSegment", lambda: self.rename_segment())
        self.act_remove_segment = self._action("actRemoveSegment", self.remove_segment)
        self.act_move_up = self._action("actMoveUp", lambda: self.move_segment(-1))
        self.act_move_down = self._action("actMoveDown", lambda: self.move_segment(1))
        self.act_add_year = self._action("actAddYear", self.add_forecast_year)
        self.menu_segments = QMenu(self)
        self.menu_segments.addActions([self.act_add_segment, self.act_rename_segment, self.act_remove_segment,
                                       self.act_move_up, self.act_move_down])
        self.menu_segments.addSeparator()
        self.menu_segments.addAction(self.act_add_year)
        # the segment actions where the segments are, too
        self.forecast_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.forecast_view.addActions([self.act_copy, self.act_paste, self.act_add_segment,
                                       self.act_rename_segment, self.act_remove_segment, self.act_move_up,
                                       self.act_move_down, self.act_add_year])
        # the dynamic table: which multiple the segment under the cursor uses
        self.act_use_composite = self._action("actUseComposite", lambda: self.use_multiple("composite"))
        self.act_use_justified = self._action("actUseJustified", lambda: self.use_multiple("justified"))
        self.dynamic_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.dynamic_view.addActions([self.act_copy, self.act_use_composite, self.act_use_justified])

    # what the page brings to the window ------------------------------------------------
    def edit_actions(self) -> list[QAction]:
        """For the Edit menu (the window gives them their standard keys)."""
        return [self.act_copy, self.act_paste]

    def menus(self) -> list[QMenu]:
        """The page's own menus, for the menu bar."""
        return [self.menu_segments]

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.act_copy.setText(self.tr("&Copy"))
        self.act_paste.setText(self.tr("&Paste"))
        self.act_add_segment.setText(self.tr("&Add segment"))
        self.act_rename_segment.setText(self.tr("&Rename segment…"))
        self.act_remove_segment.setText(self.tr("Re&move segment"))
        self.act_move_up.setText(self.tr("Move segment &up"))
        self.act_move_down.setText(self.tr("Move segment &down"))
        self.act_add_year.setText(self.tr("Add &estimate year"))
        self.act_use_composite.setText(self.tr("Use the &composite multiple"))
        self.act_use_justified.setText(self.tr("Use the &justified multiple"))
        self.menu_segments.setTitle(self.tr("&Segments"))
        self.groups["forecasts"].setTitle(self.tr("Segment forecasts (A = actual, E = estimate)"))
        self.lower_tabs.setTabText(0, self.tr("Company totals"))
        self.lower_tabs.setTabText(1, self.tr("Valuation parameters by segment"))
        self.lower_tabs.setTabText(2, self.tr("Company and market"))
        self.groups["ddm"].setTitle(self.tr("DDM valuation"))
        self.groups["dynamic"].setTitle(self.tr("Dynamic valuation"))
        for model in self.table_models:
            model.retranslate()

    # layout ---------------------------------------------------------------------------
    def forecasts_width(self) -> int:
        """What the forecasts need across: the row header and every year column."""
        view = self.forecast_view
        columns = sum(view.columnWidth(c) for c in range(self.forecast_table.columnCount()))
        header = view.verticalHeader()
        return (max(header.sizeHint().width(), header.minimumWidth()) + columns + 2 * view.frameWidth()
                + view.verticalScrollBar().sizeHint().width() + 16)   # the scroll bar (more segments), the group's margins

    def default_layout(self) -> None:
        """The forecasts as wide as their years (up to 55% of the page), the
        results beside them; the result tables at their height, the lower tabs below."""
        total = sum(self.main_splitter.sizes()) or self.width() or 1370
        left = min(self.forecasts_width(), int(total * 0.55))
        self.main_splitter.setSizes([left, total - left])
        ddm, dynamic = (self.groups[k].sizeHint().height() for k in ("ddm", "dynamic"))
        height = sum(self.right_splitter.sizes()) or self.height() or 500
        self.right_splitter.setSizes([ddm, dynamic, max(height - ddm - dynamic, 0)])

    def save_state(self):
        """The splitters' sizes in one byte array."""
        data = QByteArray()
        stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
        stream.writeQString(_SPLITTERS_KEY)
        for splitter in (self.main_splitter, self.right_splitter):
            stream << splitter.saveState()
        return data

    def restore_state(self, state) -> None:
        if state.isEmpty():
            return
        data = QByteArray(state)   # held: the stream reads from it
        stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
        if stream.readQString() != _SPLITTERS_KEY:
            return   # an older layout (the lower tabs were on the left): the default one
        self._pending_sizes = []
        for splitter in (self.main_splitter, self.right_splitter):
            part = QByteArray()
            stream >> part
            if stream.status() != QDataStream.Status.Ok:
                return
            splitter.restoreState(part)
            self._pending_sizes.append((splitter, part))

    def showEvent(self, event):
        """Restored sizes again once shown: a splitter laid out for the first
        time shares its space by stretch factors, whatever it was given."""
        super().showEvent(event)
        pending, self._pending_sizes = self._pending_sizes, []
        if pending:
            QTimer.singleShot(0, lambda: [splitter.restoreState(part) for splitter, part in pending])

    def focus_segment(self, seg: int | None) -> None:
        """Show only segment ``seg``'s rows in the forecasts (None: all); a
        click on a segment's title in the row header toggles it."""
        model, view = self.forecast_table, self.forecast_view
        self.focused_segment = seg
        for row in range(model.rowCount()):
            view.setRowHidden(row, seg is not None and model.row_info(row)[0] != seg)

    def _header_clicked(self, row: int) -> None:
        if not self.forecast_table.is_title_row(row):
            return
        seg = self.forecast_table.row_info(row)[0]
        self.focus_segment(None if self.focused_segment == seg else seg)

    # navigation ----------------------------------------------------------------------
    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        """Put the cursor on the cell that shows the engine key path ``path``
        (e.g. ``("segments", 0, "forecast", "2026", "growth")``). False when no
        table of this page shows it (or, ``visible_only``, none in view)."""
        for model, view in zip(self.table_models, self.views):
            if visible_only and not view.isVisible():
                continue
            cell = model.cell_for_path(tuple(path))
            if cell is None:
                continue
            if self.lower_tabs.indexOf(view) >= 0:
                self.lower_tabs.setCurrentWidget(view)   # a table in a hidden tab comes forward
            index = model.index(*cell)
            view.setCurrentIndex(index)
            view.scrollTo(index)
            if focus:
                view.setFocus()
            return True
        return False

    def select_changed(self, paths) -> bool:
        """After undo/redo: the cursor on the first changed cell in view."""
        return any(self.locate(path, focus=False, visible_only=True) for path in paths)

    # editing --------------------------------------------------------------------------
    def active_view(self) -> SpreadsheetView:
        w = QApplication.focusWidget()
        while w is not None:
            if isinstance(w, SpreadsheetView) and w in self.views:
                return w
            w = w.parentWidget()
        return self.forecast_view

    def copy(self) -> None:
        self.active_view().copy_selection()

    def paste(self) -> None:
        self.active_view().paste()

    def current_segment(self) -> int:
        """The segment under the cursor of the active table (else of the forecasts)."""
        n = self.document.model.segment_count
        view = self.active_view()
        idx = view.currentIndex()
        if view is self.forecast_view and idx.isValid():
            return min(self.forecast_table.row_info(idx.row())[0], n - 1)
        if view in (self.segment_params_view, self.ddm_view, self.dynamic_view) and idx.isValid() and idx.row() < n:
            return idx.row()
        idx = self.forecast_view.currentIndex()
        return min(self.forecast_table.row_info(idx.row())[0], n - 1) if idx.isValid() else 0

    def _select_segment(self, seg: int) -> None:
        idx = self.forecast_table.index(self.forecast_table.row_of(seg, None), 0)
        self.forecast_view.setCurrentIndex(idx)
        self.forecast_view.scrollTo(idx)

    def add_segment(self) -> bool:
        n = self.document.model.segment_count
        existing = set(self.document.model.segment_names)
        k = n + 1
        name = fill(self.tr("New segment %1"), k)
        while name in existing:
            k += 1
            name = fill(self.tr("New segment %1"), k)
        ok = self.document.restructure(self.tr("Add segment"), lambda m: engine_forecast.add_segment(m, name))
        if ok:
            self._select_segment(n)
        return ok

    def remove_segment(self) -> bool:
        seg = self.current_segment()
        name = self.document.model.segment_names[seg]
        ok = self.document.restructure(fill(self.tr("Remove segment %1"), name),
                                       lambda m: engine_forecast.remove_segment(m, seg))
        if ok:
            self._select_segment(min(seg, self.document.model.segment_count - 1))
        return ok

    def rename_segment(self, name: str | None = None) -> bool:
        seg = self.current_segment()
        if name is None:
            name = self.ask_text(self.tr("Rename segment"), self.tr("Segment name:"),
                                 self.document.model.segment_names[seg])
            if name is None:
                return False
        model = self.forecast_table
        return model.setData(model.index(model.row_of(seg, None), 0), name)

    def move_segment(self, delta: int) -> bool:
        seg = self.current_segment()
        target = seg + delta
        if not 0 <= target < self.document.model.segment_count:
            return False
        ok = self.document.restructure(self.tr("Move segment"), lambda m: engine_forecast.move_segment(m, seg, target))
        if ok:
            self._select_segment(target)
        return ok

    def use_multiple(self, mode: str, seg: int | None = None) -> bool:
        """The dynamic method values segment ``seg`` (default: the one under
        the cursor) with its composite or its justified multiple."""
        return self.dynamic_table.set_mode(self.current_segment() if seg is None else seg, mode)

    def add_forecast_year(self) -> bool:
        return self.document.restructure(self.tr("Add estimate year"), engine_forecast.add_forecast_year)

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None
