"""The coverage page (issue 16 item 4): every model file of a folder in one
table, valued by models.io.batch off the GUI thread.

- ``open_folder(path)`` lists the folder and values its files a chunk at a
  time through the controller's runner (``Request(slow=True)``, one key: a
  newer folder, refresh or a cancel supersedes what runs; a stale chunk's rows
  are dropped); the runner's thread hands each chunk to the helper process
  (desktop_app/helper_process.py), so the GUI thread never waits for the GIL. Rows appear as their chunk is done; a progress bar says n of
  N; Cancel stops after the chunk being valued (its rows are dropped).
- A QFileSystemWatcher on the folders and files: a change (debounced) asks
  ``models.io.coverage.folder_changes`` which files are new, changed or gone;
  only those are valued again.
- ``import_prices(path)``: a ``ticker,price[,date]`` CSV; every row is shown
  at its ticker's price (the files are not touched); tickers that match no
  model and models without a price are reported. A later import replaces
  the earlier one.
- Sorting by any column (numbers as numbers), a status filter (by either
  method, DDM or dynamic, or the files not valued) and a company/ticker text
  filter. Double-click asks to open the file (``openRequested``; the File
  tool opens it through the file session, so unsaved changes are asked
  about).

The page edits nothing in the open model; ``update_state`` has nothing to do.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QTableView, QVBoxLayout, QWidget)

from models.errors import ModelError
from models.io.batch import read_prices
from models.io.coverage import NOT_VALUED, coverage_report, folder_changes, list_folder, price_row, value_paths
from models.status import STATUS_CODES, status_label
from desktop_app import engine_messages, helper_process, i18n
from desktop_app.i18n import fill
from desktop_app.qt_models.coverage import COLUMN_INDEX, COLUMNS, ERROR_COLUMN, CoverageTableModel
from desktop_app.runner import Request

KEY = "coverage"
# Files valued per runner request: the unit of progress and of cancelling,
# and the longest wait it puts before another view's slow request.
CHUNK = 100
# Quiet time after the last change on disk before the table refreshes.
DEBOUNCE_MS = 400
# Names listed in a report line before "and N more".
LISTED = 5


class CoveragePage(QWidget):
    """See the module docstring."""

    refused = Signal(str)           # a message for the user: what is wrong and where
    reported = Signal(str)          # a report worth keeping (prices matched, …), for the messages panel
    openRequested = Signal(str)     # the model file double-clicked
    folderRequested = Signal()      # the "Open folder…" button: the File tool asks which
    pricesRequested = Signal()      # the "Import prices…" button
    scanFinished = Signal()         # a scan or refresh is done (or was cancelled)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("coveragePage")
        self.document, self.controller = document, controller
        self.runner = controller.runner
        self.chunk = CHUNK
        self.folder: str | None = None
        self.files: list[str] = []            # the folder's model files, in order
        self.base: dict[str, object] = {}     # file → its row at the file's own price
        self.sigs: dict[str, object] = {}     # file → signature when it was read
        self.quotes: dict | None = None       # the imported prices, or None
        self.prices_file: str | None = None
        self.report = None                    # the last BatchResult report (coverage_report)
        self._generation = 0
        self._queue: list[str] = []
        self._busy = False
        self._done = self._total = 0
        self._state = "idle"                  # idle, listing, valuing, cancelled, failed
        self._changed: set[str] = set()
        self._error = ""

        self.table_model = CoverageTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("coverageTable")
        self.view.setModel(self.table_model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COLUMN_INDEX["file"], Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for name, width in (("file", 150), ("company", 140), ("ticker", 85), ("price", 75), ("market_cap", 90),
                            ("unit", 50), ("ddm_total", 90), ("ddm_upside", 95), ("dynamic_total", 95),
                            ("dynamic_upside", 105)):
            header.resizeSection(COLUMN_INDEX[name], width)
        self.view.doubleClicked.connect(self._on_double_click)
        for signal in (self.table_model.layoutChanged, self.table_model.modelReset, self.table_model.rowsInserted):
            signal.connect(self._span_errors)

        self.folder_label = QLabel()
        self.folder_label.setObjectName("coverageFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.setObjectName("coverageOpen")
        self.open_button.clicked.connect(self.folderRequested)
        self.prices_button = QPushButton()
        self.prices_button.setObjectName("coveragePrices")
        self.prices_button.clicked.connect(self.pricesRequested)
        self.status_caption = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("coverageStatus")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("coverageMethod")
        self.search = QLineEdit()
        self.search.setObjectName("coverageSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        for combo in (self.status_combo, self.method_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.prices_button)
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.status_caption)
        top.addWidget(self.status_combo)
        top.addWidget(self.method_combo)
        top.addWidget(self.search)

        self.progress = QProgressBar()
        self.progress.setObjectName("coverageProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(320)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("coverageProgressLabel")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("coverageCancel")
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress)
        busy.addWidget(self.progress_label, 1)
        busy.addWidget(self.cancel_button)

        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addLayout(busy)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_disk_change)
        self.watcher.directoryChanged.connect(self._on_disk_change)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.refresh)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(helper_process.shutdown)
        self.retranslate()

    # the page protocol ------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        """The open model is not what this page shows: nothing to do."""

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        return False

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open folder…"))
        self.prices_button.setText(self.tr("Import prices…"))
        self.status_caption.setText(self.tr("Status:"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.search.setPlaceholderText(self.tr("Company or ticker"))
        lang = i18n.engine_lang()
        self._fill_combo(self.status_combo, [(None, self.tr("All statuses"))]
                         + [(code, status_label(code, lang)) for code in STATUS_CODES]
                         + [(NOT_VALUED, self.tr("Not valued"))])
        self._fill_combo(self.method_combo, [(None, self.tr("by either method")), ("ddm", self.tr("by DDM")),
                                             ("dynamic", self.tr("by dynamic valuation"))])
        self.table_model.retranslate()
        bold = QFont(self.view.font())
        bold.setBold(True)
        width = max(QFontMetrics(bold).horizontalAdvance(status_label(code, lang)) for code in STATUS_CODES) + 24
        for name in ("ddm_status", "dynamic_status"):
            self.view.horizontalHeader().resizeSection(COLUMN_INDEX[name], max(width, 110))
        self._show_folder()
        self._show_progress()
        self._show_summary()

    @staticmethod
    def _fill_combo(combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # opening a folder ------------------------------------------------------------------
    def open_folder(self, folder: str) -> None:
        """Show the models under ``folder``; what was being valued is dropped."""
        folder = os.path.abspath(folder)
        self._reset_work()
        self.folder = folder
        self.files, self.base, self.sigs = [], {}, {}
        self.report = None
        self._error = ""
        self.table_model.clear(folder)
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        if os.path.isdir(folder):
            self.watcher.addPath(folder)
        self._state = "listing"
        self._total = self._done = 0
        self._show_folder()
        self._show_progress()
        self._show_summary()
        self._submit(list_folder, (folder,), self._listed)

    def _listed(self, files: list[str]) -> None:
        self.files = list(files)
        self._watch_dirs(files)
        self._start_valuing(files)

    def _start_valuing(self, files: list[str]) -> None:
        self._queue = list(files)
        self._total, self._done = len(files), 0
        self._state = "valuing"
        self._show_progress()

    def _reset_work(self) -> None:
        """Forget the request on its way (its answer is dropped) and the queue."""
        self._generation += 1
        self.runner.cancel(KEY)
        self._queue = []
        self._busy = False
        self.debounce.stop()
        self._changed.clear()

    # the work, a chunk at a time through the runner --------------------------------------
    def _submit(self, function, args: tuple, done) -> None:
        generation = self._generation

        def on_done(result):
            if generation != self._generation:
                return
            self._busy = False
            done(result)
            self._pump()

        def on_failed(reason: str):
            if generation != self._generation:
                return
            self._busy = False
            self._queue = []
            self._state = "failed"      # the runner's ``failed`` signal takes the reason to the messages panel
            self._error = fill(self.tr("Coverage folder “%1”: %2"), self.folder or "", reason)
            self._show_progress()
            self.scanFinished.emit()

        self._busy = True
        request = Request(KEY, helper_process.call, (function, *args), slow=True, title=self.tr("Coverage"))
        self.runner.submit(request, on_done, on_failed)

    def _pump(self) -> None:
        if self._busy or self._state in ("failed", "cancelled"):
            return
        if self._queue:
            part, self._queue = self._queue[:self.chunk], self._queue[self.chunk:]
            self._submit(value_paths, (tuple(part),), self._valued)
            return
        if self._state in ("listing", "valuing"):
            self._state = "idle"
            self._finish()

    def _valued(self, pairs) -> None:
        rows = []
        for row, sig in pairs:
            self.base[row.file] = row
            self.sigs[row.file] = sig
            rows.append(price_row(row, self.quotes))
        self.table_model.upsert(rows)
        watched = set(self.watcher.files())
        paths = [row.file for row, _ in pairs if row.file not in watched and os.path.exists(row.file)]
        if paths:
            self.watcher.addPaths(paths)
        self._done += len(pairs)
        self._show_progress()

    def _finish(self) -> None:
        self._show_progress()
        self._make_report()
        self.scanFinished.emit()
        if self._changed:            # changes seen while valuing: now
            self.debounce.start()

    def cancel(self) -> None:
        """Stop valuing: the rows done stay; the chunk being valued is dropped."""
        if self._state not in ("listing", "valuing"):
            return
        self._reset_work()
        self._state = "cancelled"
        self._show_progress()
        self._make_report()
        self.scanFinished.emit()

    def is_scanning(self) -> bool:
        return self._state in ("listing", "valuing")

    # watching the folder -------------------------------------------------------------------
    def _watch_dirs(self, files) -> None:
        dirs = sorted({os.path.dirname(f) for f in files} - set(self.watcher.directories()))
        if dirs:
            self.watcher.addPaths(dirs)

    def _on_disk_change(self, path: str) -> None:
        if self.folder is None:
            return
        if path in self.base:
            self._changed.add(path)
        self.debounce.start()

    def refresh(self) -> None:
        """Value again what changed on disk since it was read (after the debounce)."""
        if self.folder is None or self._state == "failed":
            return
        if self.is_scanning():
            self.debounce.start()      # after the scan
            return
        also, self._changed = tuple(self._changed), set()
        self._generation += 1
        self._state = "listing"
        self._submit(folder_changes, (self.folder, dict(self.sigs), also), self._apply_changes)

    def _apply_changes(self, changes) -> None:
        gone = [f for f in changes.removed if f in self.base]
        for f in gone:
            self.base.pop(f, None)
            self.sigs.pop(f, None)
        self.table_model.remove_files(gone)
        self.files = list(changes.files)
        self._watch_dirs(changes.files)
        self._start_valuing(changes.changed)

    # prices ----------------------------------------------------------------------------------
    def import_prices(self, path: str) -> bool:
        """Show every row at the prices of ``path`` (``ticker,price[,date]``).
        A bad file is refused with the reason; the prices shown stay."""
        try:
            quotes = read_prices(path)
        except ModelError as exc:
            self.refused.emit(fill(self.tr("Cannot import the prices “%1”: %2"), path, engine_messages.text(exc)))
            return False
        self.quotes, self.prices_file = quotes, os.path.abspath(path)
        self.table_model.set_rows([price_row(self.base[row.file], quotes) for row in self.table_model.rows])
        self._make_report()
        self.reported.emit(self.summary.text())
        return True

    def rows_in_order(self) -> list:
        """The rows at the file's own prices, in the folder's file order."""
        order = {f: n for n, f in enumerate(self.files)}
        return sorted(self.base.values(), key=lambda r: (order.get(r.file, len(order)), r.file))

    def _make_report(self) -> None:
        self.report = coverage_report(self.rows_in_order(), self.quotes)
        self._show_summary()

    # text ------------------------------------------------------------------------------------
    def _show_folder(self) -> None:
        self.folder_label.setText(self.folder or self.tr("No coverage folder open: choose one with Open folder…"))
        self.prices_button.setEnabled(self.folder is not None)

    def _show_progress(self) -> None:
        scanning = self.is_scanning()
        self.cancel_button.setVisible(scanning)
        self.progress.setVisible(scanning)
        if self._state == "listing":
            self.progress.setRange(0, 0)
            self.progress_label.setText(self.tr("Looking for model files…"))
        elif self._state == "valuing":
            # QProgressBar.setValue repaints at once, and a synchronous repaint paints every
            # widget waiting for one (the table, after its rows changed): let the event loop do it, once
            self.progress.setUpdatesEnabled(False)
            self.progress.setRange(0, max(self._total, 1))
            self.progress.setValue(self._done)
            self.progress.setUpdatesEnabled(True)
            self.progress_label.setText(fill(self.tr("Valuing: %1 of %2 files"), f"{self._done:,}",
                                             f"{self._total:,}"))
        elif self._state == "cancelled":
            self.progress_label.setText(fill(self.tr("Cancelled: %1 of %2 files valued"), f"{self._done:,}",
                                             f"{self._total:,}"))
        elif self._state == "failed":
            self.progress_label.setText(self._error)
        else:
            self.progress_label.setText("")
        self.progress_label.setVisible(bool(self.progress_label.text()))

    def _show_summary(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText("")
            self.summary.setVisible(False)
            return
        failed = len(report.failed)
        parts = [fill(self.tr("%1 files: %2 valued, %3 not valued."), f"{len(report.rows):,}",
                      f"{len(report.rows) - failed:,}", f"{failed:,}")]
        if report.duplicate_tickers:
            parts.append(fill(self.tr("Tickers in more than one file: %1."),
                              self._listing(list(report.duplicate_tickers))))
        if self.quotes is not None:
            parts.append(fill(self.tr("Prices from %1 (%2 tickers)."), os.path.basename(self.prices_file or ""),
                              f"{len(self.quotes):,}"))
            if report.unmatched_tickers:
                parts.append(fill(self.tr("Tickers matching no model: %1."), self._listing(report.unmatched_tickers)))
            if report.models_without_price:
                parts.append(fill(self.tr("Models without a price (shown at the price in their file): %1."),
                                  self._listing([self.table_model.shown_file(f) for f in report.models_without_price])))
        self.summary.setText(" ".join(parts))
        self.summary.setVisible(True)

    def _listing(self, names: list[str]) -> str:
        shown = ", ".join(names[:LISTED])
        if len(names) > LISTED:
            shown = fill(self.tr("%1 and %2 more"), shown, f"{len(names) - LISTED:,}")
        return shown

    def _span_errors(self, *args) -> None:
        """A file not valued: its error from the company column to the last."""
        self.view.clearSpans()
        first = COLUMN_INDEX[ERROR_COLUMN]
        for line in self.table_model.error_lines():
            self.view.setSpan(line, first, 1, len(COLUMNS) - first)

    # filtering and opening ----------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.table_model.set_filter(self.status_combo.currentData(), self.method_combo.currentData(), self.search.text())

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.openRequested.emit(self.table_model.row_at(index.row()).file)
