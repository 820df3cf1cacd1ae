"""Tornado: each driver at its low and high setting, sorted by impact (the
engine's order), for DDM and dynamic, with a table of the same numbers."""
from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtWidgets
import pyqtgraph as pg

from models import requests

from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.runner import Request, Runner

from .bands import item_scene_rect
from .base import PlotContext, PlotView, invalid_text
from .colors import FOREGROUND, NEGATIVE_COLOR, POSITIVE_COLOR


class _ReadOnlyTable(QtWidgets.QTableWidget):
    """The tornado's figures: a typed character never moves the cursor (Qt's
    keyboard search is off, as in every table of the app)."""

    def keyboardSearch(self, search: str) -> None:
        pass
from .config import is_scale
from .labels import driver_labels, method_labels, money, pct, point_suffix, short_method_labels
from .style import CACHE, Label, keep_or_set_range, new_layout_widget, plot_font, set_axis_label, set_title, style_plot

METHODS = ("ddm", "dynamic")
BAR_HEIGHT = 0.62
LOW_COLOR = NEGATIVE_COLOR
HIGH_COLOR = POSITIVE_COLOR


def shock_text(driver: str, low: float, high: float) -> str:
    """How a shock reads on an axis: "−1.0/+1.0 pt" or "×0.90/×1.10"."""
    if is_scale(driver):
        return f"×{low:.2f}/×{high:.2f}"
    return f"{pct(low, 1).rstrip('%')}/{pct(high, 1).rstrip('%')}{point_suffix()}"


class _TornadoPlot:
    """One method's tornado: two bar items (low and high halves) and a pool of
    value labels, all built once."""

    def __init__(self, plot: pg.PlotItem, method: str) -> None:
        self.plot = plot
        self.method = method
        style_plot(plot)
        plot.showGrid(x=False, y=False)
        self.low_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=BAR_HEIGHT,
                                        brush=LOW_COLOR, pen=pg.mkPen(None), name="low")
        self.high_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=BAR_HEIGHT,
                                         brush=HIGH_COLOR, pen=pg.mkPen(None), name="high")
        plot.addItem(self.low_bars)
        plot.addItem(self.high_bars)
        self.base_line = pg.InfiniteLine(angle=90, movable=False,
                                         pen=pg.mkPen(FOREGROUND, width=1.2))
        plot.addItem(self.base_line, ignoreBounds=True)
        self.labels: list[Label] = []
        self.message = Label(plot, color=FOREGROUND, anchor=(0.5, 0.5), size=11, z=40)
        self.message.show(False)
        self._ticks = None
        self.legend = plot.addLegend(offset=(-8, -8), labelTextColor=FOREGROUND,
                                     brush=pg.mkBrush(255, 255, 255, 200))
        self.legend.setCacheMode(CACHE)
        self.legend.addItem(self.low_bars, "low")
        self.legend.addItem(self.high_bars, "high")
        plot.getAxis("left").setWidth(170)
        self._shown = 0
        plot.getViewBox().sigResized.connect(self.declutter)

    #: Where the legend may go: (its corner, the plot's corner, offset), best first.
    LEGEND_PLACES = (((1, 1), (1, 1), (-8, -8)), ((1, 0), (1, 0), (-8, 8)),
                     ((0, 1), (0, 1), (8, -8)), ((0, 0), (0, 0), (8, 8)))

    def _place_legend(self, vb) -> QtCore.QRectF:
        """The legend in the first corner where it covers no bar; its box."""
        box = vb.sceneBoundingRect()
        bars = []
        for item in (self.low_bars, self.high_bars):
            o = item.opts
            x0, width, y = (np.atleast_1d(np.asarray(o.get(k), dtype=float)) for k in ("x0", "width", "y"))
            for a, w, c in zip(x0, width, y):
                bars.append(vb.mapViewToScene(QtCore.QRectF(a, c - BAR_HEIGHT / 2, w, BAR_HEIGHT)).boundingRect())
        self.legend.layout.activate()
        size = self.legend.boundingRect().size()
        chosen, rect = self.LEGEND_PLACES[0], None
        for place in self.LEGEND_PLACES:
            (ix, iy), (px, py), (dx, dy) = place
            candidate = QtCore.QRectF(box.left() + px * box.width() + dx - ix * size.width(),
                                      box.top() + py * box.height() + dy - iy * size.height(),
                                      size.width(), size.height())
            if rect is None:
                rect = candidate
            if not any(candidate.intersects(b) for b in bars):
                chosen, rect = place, candidate
                break
        item_corner, parent_corner, offset = chosen
        self.legend.anchor(itemPos=item_corner, parentPos=parent_corner, offset=offset)
        return rect

    def _label(self, k: int) -> Label:
        while len(self.labels) <= k:  # grows only when the driver count grows
            self.labels.append(Label(self.plot, color=FOREGROUND, anchor=(0, 0.5), size=8.0))
        return self.labels[k]

    def _set_ticks(self, ticks) -> None:
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("left").setTicks([ticks, []])

    def show(self, bars: list, names: dict[str, str]) -> None:
        n = len(bars)
        y = np.arange(n - 1, -1, -1, dtype=float)  # largest impact on top
        base = bars[0].base_value if bars else 0.0
        low = np.array([b.low_value for b in bars], dtype=float)
        high = np.array([b.high_value for b in bars], dtype=float)
        low_f = np.where(np.isfinite(low), low, base)
        high_f = np.where(np.isfinite(high), high, base)
        self.low_bars.setOpts(x0=np.minimum(base, low_f), width=np.abs(low_f - base), y=y,
                              height=BAR_HEIGHT)
        self.high_bars.setOpts(x0=np.minimum(base, high_f), width=np.abs(high_f - base), y=y,
                               height=BAR_HEIGHT)
        self.base_line.setValue(base)
        ticks = [(float(yy), f"{names.get(b.driver, b.driver)}  {shock_text_of(b)}")
                 for yy, b in zip(y, bars)]
        self._set_ticks(ticks)
        finite = [v for v in (*low, *high, base) if math.isfinite(v)]
        lo, hi = min(finite), max(finite)
        span = (hi - lo) or max(abs(base), 1.0) * 0.1
        k = 0
        for yy, lv, hv in zip(y, low, high):
            for value in (lv, hv):
                label = self._label(k)
                k += 1
                if math.isfinite(value):
                    right = value >= base
                    label.set(money(value), pos=(value + (0.01 if right else -0.01) * span, yy),
                              anchor=(0, 0.5) if right else (1, 0.5))
                else:
                    label.set(QtCore.QCoreApplication.translate("TornadoView", "invalid"),
                              pos=(base, yy), anchor=(0, 0.5))
        for label in self.labels[k:]:
            label.show(False)
        self.message.show(False)
        vb = self.plot.getViewBox()
        keep_or_set_range(vb, lo - 0.14 * span, hi + 0.14 * span, "x", pad=0.02, slack=1.4)
        # two thirds of a row above the top bar and below the last: their value labels clear the edges
        if tuple(vb.viewRange()[1]) != (-0.67, n - 0.33):
            vb.setYRange(-0.67, n - 0.33, padding=0)
        self._shown = k
        self.declutter()

    def declutter(self, *args) -> None:
        """In a plot too short for a label per bar end, a label that would
        overlap the one above it (or the legend) is hidden: the table beside
        the plot has every number (issue 9, item 7)."""
        vb = self.plot.getViewBox()
        vb.updateMatrix()
        scene = self.plot.scene()
        view = scene.views()[0] if scene is not None and scene.views() else None
        if view is None:
            return
        taken = [self._place_legend(vb)]
        for label in self.labels[:self._shown]:
            label.show(True)
            rect = item_scene_rect(label.item, view)
            if any(rect.intersects(other) for other in taken):
                label.show(False)
            else:
                taken.append(rect)

    def clear(self, text: str) -> None:
        self._shown = 0
        self.low_bars.setOpts(x0=[], width=[], y=[])
        self.high_bars.setOpts(x0=[], width=[], y=[])
        for label in self.labels:
            label.show(False)
        self._set_ticks([])
        self.plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.message.set(text, pos=(0.5, 0.5))


def shock_text_of(bar) -> str:
    if bar.driver == "terminal_growth":
        return f"{pct(bar.low_input, 1, signed=False)}/{pct(bar.high_input, 1, signed=False)}"
    return shock_text(bar.driver, bar.low_input, bar.high_input)


class TornadoView(PlotView):
    key = "tornado"
    config_fields = ("shocks",)
    TABLE_COLUMNS = 6

    def __init__(self, runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(runner, parent)
        #: method → the engine's TornadoBar list, in the engine's order.
        self.bars: dict[str, list] = {m: [] for m in METHODS}
        self._unit = "亿元"
        self.widget = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.graphics = new_layout_widget()
        self.graphics.setMinimumSize(420, 360)
        self.plots = {}
        for row, method in enumerate(METHODS):
            self.plots[method] = _TornadoPlot(self.graphics.addPlot(row=row, col=0), method)
        self.export_item = self.graphics.ci
        self.table = _ReadOnlyTable(0, self.TABLE_COLUMNS)
        self.table.setObjectName("tornadoTable")
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Not ResizeToContents: that re-measures every cell on every setText.
        self.table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.Interactive)
        self._table_sized = False
        self.widget.addWidget(self.graphics)
        self.widget.addWidget(self.table)
        self.widget.setStretchFactor(0, 3)
        self.widget.setStretchFactor(1, 2)
        self.widget.setSizes([640, 460])
        self.retranslate()

    def title(self) -> str:
        return QtCore.QCoreApplication.translate("TornadoView", "Tornado: value at each driver's low and high setting")

    def retranslate(self) -> None:
        super().retranslate()
        names = method_labels()
        for method, tp in self.plots.items():
            set_title(tp.plot, fill(self.tr("%1: value at each driver's low / high setting"), names[method]))
            tp.legend.items[0][1].setText(self.tr("low setting"), color=FOREGROUND)
            tp.legend.items[1][1].setText(self.tr("high setting"), color=FOREGROUND)
            for _, label in tp.legend.items:
                label.item.setFont(plot_font(8.5))
        self._set_unit_labels()
        self._table_sized = False   # the columns fit the new language's words at the next fill
        self.table.setHorizontalHeaderLabels([
            self.tr("Method"), self.tr("Driver"),
            self.tr("Low / high setting"),
            fill(self.tr("Value at low (%1)"), i18n.unit_text(self._unit)),
            fill(self.tr("Value at high (%1)"), i18n.unit_text(self._unit)),
            fill(self.tr("Swing (%1)"), i18n.unit_text(self._unit))])

    def _set_unit_labels(self) -> None:
        text = fill(QtCore.QCoreApplication.translate("TornadoView", "Equity value (%1)"), i18n.unit_text(self._unit))
        for tp in self.plots.values():
            set_axis_label(tp.plot, "bottom", text)

    def request(self, ctx: PlotContext) -> Request:
        return self._request(requests.tornado_bars, ctx.model, ctx.config.shocks, METHODS, ctx.segment)

    def show(self, response: requests.Tornado) -> None:
        names = driver_labels()
        if response.unit != self._unit:
            self._unit = response.unit
            self.retranslate()
        for method in METHODS:
            bars = list(response.bars[method])
            self.bars[method] = bars
            self.plots[method].show(bars, names)
        self._fill_table(names)

    def _fill_table(self, names: dict[str, str]) -> None:
        rows = [(m, b) for m in METHODS for b in self.bars[m]]
        table = self.table
        # No setUpdatesEnabled(False/True) around this: re-enabling repaints the
        # whole table (headers, scroll bars); per-item setText repaints only
        # the cells whose text changed.
        if table.rowCount() != len(rows):
            table.setRowCount(len(rows))
            self._table_sized = False
        method_names = short_method_labels()
        right = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        for r, (method, bar) in enumerate(rows):
            swing = bar.high_value - bar.low_value
            texts = (method_names[method], names.get(bar.driver, bar.driver),
                     input_text(bar.driver, bar.low_input) + " / " + input_text(bar.driver, bar.high_input),
                     money(bar.low_value), money(bar.high_value), money(swing))
            for c, text in enumerate(texts):
                item = table.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    if c >= 2:
                        item.setTextAlignment(right)
                    table.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
        if not self._table_sized:
            self._table_sized = True
            table.resizeColumnsToContents()
            # the table as wide as its columns (the driver names whole): the splitter keeps it so
            need = (sum(table.columnWidth(c) for c in range(table.columnCount())) + 2 * table.frameWidth()
                    + table.verticalScrollBar().sizeHint().width())
            table.setMinimumWidth(min(need, 720))

    def _draw_invalid(self, reason: str = "") -> None:
        self.bars = {m: [] for m in METHODS}
        for tp in self.plots.values():
            tp.clear(invalid_text(reason))
        self.table.setRowCount(0)

    def csv_table(self):
        header = ["method", "rank", "driver", "low_input", "high_input",
                  "low_value", "high_value", "base_value", "swing"]
        rows = []
        for method in METHODS:
            for rank, b in enumerate(self.bars[method], start=1):
                rows.append([method, rank, b.driver, float(b.low_input), float(b.high_input),
                             float(b.low_value), float(b.high_value), float(b.base_value),
                             float(b.high_value - b.low_value)])
        return header, rows


def input_text(driver: str, value: float) -> str:
    if is_scale(driver):
        return f"×{value:.2f}"
    if driver == "terminal_growth":
        return pct(value, 2, signed=False)
    return pct(value, 2).rstrip("%") + point_suffix()

