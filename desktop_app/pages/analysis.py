"""The Analysis page: what the price implies and how sure the verdict is
(issue 13): the reverse-solve table (every sensitivity driver, company-wide
and per segment: the value at which the method's total meets the market cap,
and the six status boundaries), the Monte Carlo histogram of value over the
status bands with the market cap marked, the probability of each status, the
rank correlation of each driver with the value, and the uncertainty settings
(``analysis_uncertainty``).

The numbers are the engine's (``models.analysis.implied``,
``models.analysis.montecarlo``), computed off the GUI thread by the
controller's :class:`~desktop_app.analysis_feed.AnalysisFeed` after every
edit; until the newest arrive, the figures of the model before are marked as
being updated. The method shown is a view setting, not an edit.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from models.analysis.uncertainty_edit import value_histogram
from models.status import STATUS_CODES, STATUS_THRESHOLDS, status_label
from desktop_app import i18n
from desktop_app.analysis_feed import feed_for
from desktop_app.analysis_text import driver_names, driver_value, none_text, reason_texts
from desktop_app.i18n import fill
from desktop_app.numbers import INTEGER, MONEY, format_value
from desktop_app.pages.analysis_uncertainty import UncertaintyEditor
from desktop_app.pages.dossier_edit import notice_label
from desktop_app.plots.bands import StatusBands
from desktop_app.plots.colors import DDM_COLOR, DYNAMIC_COLOR, FOREGROUND, NEGATIVE_COLOR, POSITIVE_COLOR
from desktop_app.plots.labels import money, pct
from desktop_app.plots.style import (Label, keep_or_set_range, new_layout_widget, set_axis_label, set_title,
                                     style_plot)
from desktop_app.qt_models.forecast import display_unit
from desktop_app.theme import STATUS_COLORS

METHODS = ("ddm", "dynamic")
HIST_BINS = 60
_FONTS: list[QFont] = []     # the bold font of the "at the price" column, made once an application exists
_GREY = QBrush(QColor("#9aa0a6"))
_NONE = QBrush(QColor("#8c8c8c"))


def method_names() -> dict[str, str]:
    return {"ddm": QCoreApplication.translate("AnalysisPage", "DDM"),
            "dynamic": QCoreApplication.translate("AnalysisPage", "Dynamic valuation")}


# ---------------------------------------------------------------------------
# The reverse-solve table


class ImpliedTableModel(QAbstractTableModel):
    """Rows: ``ImpliedResult`` of one method (company rows first, then per
    segment); columns: driver, scope, now, implied at the price, then the six
    status boundaries."""

    FIXED = ("driver", "scope", "now", "implied")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.segment_names: list[str] = []
        self.current = True
        self._source = None
        #: per row, per column: (text, value, tooltip), made once per result (paints only read them)
        self.cells: list[list[tuple]] = []

    def _fill(self) -> None:
        names, reasons, lang = driver_names(), reason_texts(), i18n.engine_lang()
        self.cells = [[self._cell(r, col, names, reasons, lang) for col in range(self.columnCount())]
                      for r in self.rows]

    def set_rows(self, rows: list, segment_names: list[str]) -> None:
        if rows is self._source and segment_names == self.segment_names:
            return
        self._source = rows
        same_shape = len(rows) == len(self.rows) and [(r.driver, r.segment) for r in rows] == \
            [(r.driver, r.segment) for r in self.rows] and segment_names == self.segment_names
        self.rows, self.segment_names = list(rows), list(segment_names)
        self._fill()
        if same_shape and rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self.endResetModel()

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1),
                                      [Qt.ItemDataRole.ForegroundRole])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIXED) + len(STATUS_THRESHOLDS)

    def scope_text(self, segment) -> str:
        if segment is None:
            return self.tr("Company")
        return self.segment_names[segment] if 0 <= segment < len(self.segment_names) else str(segment)

    def cell(self, row: int, col: int):
        """(text, value, tooltip) of a cell; ``value`` the engine's number (None: none)."""
        return self.cells[row][col]

    def _cell(self, r, col: int, names: dict, reasons: dict, lang: str):
        if col == 0:
            return names.get(r.driver, r.driver), None, ""
        if col == 1:
            return self.scope_text(r.segment), None, ""
        if col == 2:
            return driver_value(r.driver, r.base_value), r.base_value, ""
        if col == 3:
            if r.value is None:
                return none_text(r.reason), None, reasons.get(r.reason, r.message or "")
            return driver_value(r.driver, r.value), r.value, ""
        b = r.boundaries[col - len(self.FIXED)]
        if b.value is None:
            return none_text(b.reason), None, reasons.get(b.reason, "")
        tip = fill(self.tr("below: %1 · above: %2"), status_label(b.status_below, lang),
                   status_label(b.status_above, lang))
        return driver_value(r.driver, b.value), b.value, tip

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, col)[0]
        if role == Qt.ItemDataRole.EditRole:
            return self.cell(row, col)[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell(row, col)[2] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not self.current:
                return _GREY
            if col >= 3 and self.cells[row][col][1] is None:
                return _NONE
        if role == Qt.ItemDataRole.FontRole and col == 3:
            if not _FONTS:
                font = QFont()
                font.setBold(True)
                _FONTS.append(font)
            return _FONTS[0]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            fixed = (self.tr("Driver"), self.tr("Applies to"), self.tr("Now"), self.tr("At the price"))
            if section < len(fixed):
                return fixed[section]
            t = STATUS_THRESHOLDS[section - len(fixed)]
            return pct(t, 0)
        if role == Qt.ItemDataRole.ToolTipRole and section >= len(self.FIXED):
            k = section - len(self.FIXED)
            lang = i18n.engine_lang()
            return fill(self.tr("Where the status changes from %1 to %2"), status_label(STATUS_CODES[k], lang),
                        status_label(STATUS_CODES[k + 1], lang))
        return None

    def retranslate(self) -> None:
        self._fill()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))


# ---------------------------------------------------------------------------
# Charts


class HistogramChart:
    """Share of draws per value bin, each bar in its status's colour, over the
    status bands, the market cap and the model's own value marked."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        style_plot(plot)
        self.bands = StatusBands(plot, "vertical")
        self.bars = pg.BarGraphItem(x0=[], y0=[], width=[], height=[], brushes=[], pen=pg.mkPen(None))
        self.bars.setZValue(5)
        plot.addItem(self.bars)
        self.value_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(DDM_COLOR, width=2))
        self.value_line.setZValue(25)
        plot.addItem(self.value_line, ignoreBounds=True)
        self.message = Label(plot, color=FOREGROUND, anchor=(0.5, 0.5), size=11, z=40)
        self.message.show(False)
        self.cap_label = Label(plot, color=FOREGROUND, anchor=(1, 0), size=8.5, bold=True, z=40, offset=(-4, 0))
        self.value_label = Label(plot, color=DDM_COLOR, anchor=(0, 0), size=8.5, bold=True, z=40, offset=(4, 0))
        self.histogram = None

    def show(self, totals: np.ndarray, market_cap: float, value: float | None, method: str) -> None:
        hist = value_histogram(totals, market_cap, HIST_BINS)
        self.histogram = hist
        if hist.valid == 0:
            self.clear(QCoreApplication.translate("AnalysisPage", "No valid draw"))
            return
        self.message.show(False)
        brushes = [pg.mkBrush(STATUS_COLORS[s]) for s in hist.statuses]
        self.bars.setOpts(x0=hist.edges[:-1], width=hist.widths, y0=np.zeros(hist.shares.size),
                          height=hist.shares, brushes=brushes, pen=pg.mkPen(None))
        self.bands.set_market_cap(market_cap)
        lo = min(float(hist.edges[0]), market_cap)
        hi = max(float(hist.edges[-1]), market_cap)
        if value is not None and math.isfinite(value):
            lo, hi = min(lo, value), max(hi, value)
            self.value_line.setValue(value)
            self.value_line.setPen(pg.mkPen(DDM_COLOR if method == "ddm" else DYNAMIC_COLOR, width=2))
            self.value_line.setVisible(True)
        else:
            self.value_line.setVisible(False)
        vb = self.plot.getViewBox()
        span = hi - lo
        keep_or_set_range(vb, lo - 0.04 * span, hi + 0.04 * span, "x", pad=0.0, slack=1.3)
        top = float(hist.shares.max()) * 1.45
        vb.setYRange(0.0, top, padding=0)
        self.bands.place_labels()
        self.cap_label.set(fill(QCoreApplication.translate("AnalysisPage", "Market cap %1"), money(market_cap)),
                           pos=(market_cap, top * 0.86))
        if value is not None and math.isfinite(value):
            self.value_label.item.setBrush(QBrush(QColor(DDM_COLOR if method == "ddm" else DYNAMIC_COLOR)))
            self.value_label.set(fill(QCoreApplication.translate("AnalysisPage", "Model value %1"), money(value)),
                                 pos=(value, top * 0.78))
        else:
            self.value_label.show(False)

    def clear(self, text: str) -> None:
        self.histogram = None
        self.bars.setOpts(x0=[], y0=[], width=[], height=[], brushes=[])
        self.value_line.setVisible(False)
        self.cap_label.show(False)
        self.value_label.show(False)
        self.bands.set_market_cap(None)
        self.plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.message.set(text, pos=(0.5, 0.5))


class StatusChart:
    """P(status): one horizontal bar per status in its colour (most
    overvalued on top), the model's own status outlined."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        style_plot(plot)
        n = len(STATUS_CODES)
        self.y = np.arange(n - 1, -1, -1, dtype=float)
        self.bars = pg.BarGraphItem(x0=np.zeros(n), y=self.y, width=np.zeros(n), height=0.7,
                                    brushes=[pg.mkBrush(STATUS_COLORS[c]) for c in STATUS_CODES],
                                    pens=[pg.mkPen(None)] * n)
        plot.addItem(self.bars)
        self.labels = [Label(plot, color=FOREGROUND, anchor=(0, 0.5), size=8.5) for _ in STATUS_CODES]
        self.probabilities: list[float] = []
        plot.getAxis("left").setWidth(120)
        plot.getViewBox().setYRange(-0.6, n - 0.4, padding=0)
        self._ticks = None

    def set_ticks(self) -> None:
        lang = i18n.engine_lang()
        ticks = [(float(y), status_label(c, lang)) for y, c in zip(self.y, STATUS_CODES)]
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("left").setTicks([ticks, []])

    def show(self, probabilities: dict, current: str | None) -> None:
        probs = [0.0 if probabilities.get(c) is None else float(probabilities[c]) for c in STATUS_CODES]
        self.probabilities = probs
        n = len(STATUS_CODES)
        pens = [pg.mkPen(FOREGROUND, width=2.5) if c == current else pg.mkPen(None) for c in STATUS_CODES]
        self.bars.setOpts(x0=np.zeros(n), y=self.y, width=probs, height=0.7,
                          brushes=[pg.mkBrush(STATUS_COLORS[c]) for c in STATUS_CODES], pens=pens)
        top = max(max(probs), 0.05)
        for label, p, y in zip(self.labels, probs, self.y):
            label.set(pct(p, 1, signed=False), pos=(p + 0.01 * top, float(y)))
        self.set_ticks()
        self.plot.getViewBox().setXRange(0.0, top * 1.3, padding=0)

    def clear(self) -> None:
        self.probabilities = []
        n = len(STATUS_CODES)
        self.bars.setOpts(x0=np.zeros(n), y=self.y, width=np.zeros(n), height=0.7,
                          brushes=[pg.mkBrush(STATUS_COLORS[c]) for c in STATUS_CODES],
                          pens=[pg.mkPen(None)] * n)
        for label in self.labels:
            label.show(False)


class RankChart:
    """Each uncertain driver's rank correlation with the value, as horizontal
    bars (largest |ρ| on top): the tornado that accounts for correlation."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        style_plot(plot)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brushes=[], pen=pg.mkPen(None))
        plot.addItem(self.bars)
        self.zero = pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=pg.mkPen(FOREGROUND, width=1))
        plot.addItem(self.zero, ignoreBounds=True)
        self.labels: list[Label] = []
        self.order: list[str] = []
        self.values: list[float] = []
        plot.getAxis("left").setWidth(120)
        plot.getViewBox().setXRange(-1.15, 1.15, padding=0)

    def show(self, rhos: dict) -> None:
        items = [(d, 0.0 if r is None else float(r)) for d, r in rhos.items()]
        items.sort(key=lambda it: -abs(it[1]))
        self.order = [d for d, _ in items]
        self.values = [r for _, r in items]
        n = len(items)
        y = np.arange(n - 1, -1, -1, dtype=float)
        rho = np.array(self.values, dtype=float)
        brushes = [pg.mkBrush(POSITIVE_COLOR if r >= 0 else NEGATIVE_COLOR) for r in rho]
        self.bars.setOpts(x0=np.minimum(rho, 0.0), width=np.abs(rho), y=y, height=0.6, brushes=brushes)
        names = driver_names()
        self.plot.getAxis("left").setTicks([[(float(yy), names.get(d, d)) for yy, d in zip(y, self.order)], []])
        while len(self.labels) < n:
            self.labels.append(Label(self.plot, color=FOREGROUND, anchor=(0, 0.5), size=8.5))
        for k, label in enumerate(self.labels):
            if k >= n:
                label.show(False)
                continue
            r = rho[k]
            label.set(f"{r:+.2f}".replace("-", "−"), pos=(float(r) + (0.03 if r >= 0 else -0.03), float(y[k])),
                      anchor=(0, 0.5) if r >= 0 else (1, 0.5))
        self.plot.getViewBox().setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def clear(self) -> None:
        self.order, self.values = [], []
        self.bars.setOpts(x0=[], y=[], width=[], brushes=[])
        for label in self.labels:
            label.show(False)


# ---------------------------------------------------------------------------
# The page


class AnalysisPage(QWidget):
    """See the module docstring."""

    refused = Signal(str)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("analysisPage")
        self.document, self.controller = document, controller
        self.feed = feed_for(controller)
        self.method = "ddm"
        self._state = None

        self.notice = notice_label()
        self.method_caption = QLabel()
        self.method_box = QComboBox()
        self.method_box.setObjectName("analysisMethod")
        for m in METHODS:
            self.method_box.addItem("", m)
        self.method_box.currentIndexChanged.connect(self._method_chosen)
        self.summary = QLabel()
        self.summary.setObjectName("analysisSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setObjectName("analysisProgress")
        self.progress.setProperty("role", "caption")
        top = QHBoxLayout()
        top.addWidget(self.method_caption)
        top.addWidget(self.method_box)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.progress)

        self.table_model = ImpliedTableModel(self)
        self.table_view = QTableView()
        self.table_view.setObjectName("impliedView")
        self.table_view.setModel(self.table_model)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.setAlternatingRowColors(True)
        self.table_model.modelReset.connect(self.table_view.resizeColumnsToContents)
        self.table_view.horizontalHeader().setMaximumSectionSize(170)   # long segment names elide
        self.table_box = QGroupBox()
        self.table_box.setObjectName("impliedGroup")
        tl = QVBoxLayout(self.table_box)
        tl.setContentsMargins(4, 4, 4, 4)
        tl.addWidget(self.table_view)

        self.uncertainty = UncertaintyEditor(document, self.notice, self)
        self.uncertainty.refused.connect(self.refused)

        self.charts = new_layout_widget()
        self.charts.setObjectName("analysisCharts")
        # one column: each chart gets the panel's whole width (long English titles fit)
        self.hist_plot = self.charts.addPlot(row=0, col=0)
        self.status_plot = self.charts.addPlot(row=1, col=0)
        self.rank_plot = self.charts.addPlot(row=2, col=0)
        self.charts.ci.layout.setRowStretchFactor(0, 4)
        self.charts.ci.layout.setRowStretchFactor(1, 4)
        self.charts.ci.layout.setRowStretchFactor(2, 3)
        self.histogram = HistogramChart(self.hist_plot)
        self.status_chart = StatusChart(self.status_plot)
        self.rank_chart = RankChart(self.rank_plot)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table_box)
        left.addWidget(self.uncertainty)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 440])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.notice)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)

        self.feed.changed.connect(self._feed_changed)
        self._tables_client = False
        self._title_texts: tuple = ()
        self._drawn = None          # the feed's outcome the charts show
        self.retranslate()

    # the page protocol ----------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        self._state = state
        self.uncertainty.show_model(force=structure_changed)

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        if visible_only and not self.isVisible():
            return False
        return self.uncertainty.locate(tuple(path)) if tuple(path)[:1] == ("uncertainty",) else False

    def retranslate(self) -> None:
        self.method_caption.setText(self.tr("Method"))
        names = method_names()
        for k, m in enumerate(METHODS):
            self.method_box.setItemText(k, names[m])
        self.table_box.setTitle(self.tr("What the price implies: each driver's value at the market cap, and "
                                        "where the status changes"))
        self.table_model.retranslate()
        self.uncertainty.retranslate()
        self.status_chart._ticks = None
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # the tables are computed while the page is in view ----------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if not self._tables_client:
            self._tables_client = True
            self.feed.add_table_client()

    def hideEvent(self, event):
        super().hideEvent(event)
        if self._tables_client:
            self._tables_client = False
            self.feed.remove_table_client()

    # showing ----------------------------------------------------------------------------
    def _method_chosen(self, index: int) -> None:
        method = self.method_box.itemData(index)
        if method and method != self.method:
            self.method = method
            self.refresh()

    def set_method(self, method: str) -> None:
        self.method_box.setCurrentIndex(METHODS.index(method))

    def _feed_changed(self, kind: str) -> None:
        """A new result is drawn; a model change (the result being replaced)
        only marks what is shown as being updated."""
        if kind == "montecarlo":
            if self.feed.outcomes[kind] is not self._drawn:
                self.show_montecarlo()
            else:
                self._progress_text()
        elif kind == "tables":
            self.show_tables()

    def refresh(self) -> None:
        self.show_montecarlo()
        self.show_tables()

    def _progress_text(self) -> None:
        busy = [k for k in ("montecarlo", "tables") if not self.feed.is_current(k)
                and (k != "tables" or self._tables_client)]
        text = self.tr("Updating…") if busy else ""
        if self.progress.text() != text:
            self.progress.setText(text)

    def show_tables(self) -> None:
        out = self.feed.outcomes["tables"]
        rows = out.value.get(self.method, []) if out.value else []
        self.table_model.set_current(self.feed.is_current("tables"))
        self.table_model.set_rows(rows, list(i18n.segment_names(self.document.model)))
        self._progress_text()

    def show_montecarlo(self) -> None:
        out = self.feed.outcomes["montecarlo"]
        self._drawn = out
        self._progress_text()
        result = out.value
        if result is None:
            self.histogram.clear(out.error or self.tr("No simulation yet"))
            self.status_chart.clear()
            self.rank_chart.clear()
            self.summary.setText(out.error or "")
            self._titles(None)
            return
        stats = result.method(self.method)
        state = self._state or self.controller.state
        value = current = None
        if state is not None and state.result is not None:
            method_result = getattr(state.result, self.method, None)
            value = getattr(method_result, "total", None)
            current = getattr(method_result, "status", None)
        self.histogram.show(stats.totals, result.market_cap, value, self.method)
        self.status_chart.show(stats.status_probabilities, current)
        self.rank_chart.show(stats.rank_correlations)
        self.summary.setText(self.summary_text(result, stats))
        self._titles(result)

    def summary_text(self, result, stats) -> str:
        unit = display_unit(self.document.model.unit)
        if stats.mean is None:
            return fill(self.tr("%1 draws (seed %2): no valid draw"), format_value(result.draws, INTEGER), result.seed)
        return fill(self.tr("%1 draws (seed %2), %3 invalid · mean %4 %5 · SD %6 · 5%–95%: %7 – %8 · "
                            "P(value > market cap) %9"),
                    format_value(result.draws, INTEGER), result.seed, format_value(stats.invalid_draws, INTEGER),
                    format_value(stats.mean, MONEY), unit, format_value(stats.sd, MONEY),
                    format_value(stats.p5, MONEY), format_value(stats.p95, MONEY),
                    pct(stats.prob_above_market_cap, 1, signed=False))

    def _titles(self, result) -> None:
        """Titles and axis labels (set only when their text changes: a new title relayouts the plot)."""
        unit = display_unit(self.document.model.unit)
        name = method_names()[self.method]
        texts = (fill(self.tr("%1: Monte Carlo distribution of value"), name),
                 fill(self.tr("Value (%1)"), unit), self.tr("Share of draws"),
                 self.tr("Probability of each status"), self.tr("Rank correlation with the value"))
        if texts == self._title_texts:
            return
        self._title_texts = texts
        set_title(self.hist_plot, texts[0])
        set_axis_label(self.hist_plot, "bottom", texts[1])
        set_axis_label(self.hist_plot, "left", texts[2])
        set_title(self.status_plot, texts[3])
        set_title(self.rank_plot, texts[4])

