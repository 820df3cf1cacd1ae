"""Sum-of-the-parts bridge: a waterfall from each segment's business value
through + excess cash − minority interest + equity investments to the total,
with the market cap beside it; DDM and dynamic side by side.

Every number is the engine's (``models.requests.bridge``); the view only draws them."""
from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui
import pyqtgraph as pg

from models import requests

from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.runner import Request, Runner

from .bands import MARGIN as BAND_LABEL_MARGIN, StatusBands
from .base import PlotContext, PlotView, invalid_text
from .colors import (FOREGROUND, MARKET_CAP_COLOR, NEGATIVE_COLOR, POSITIVE_COLOR,
                     STATUS_COLORS)
from .labels import method_labels, money, pct, status_labels
from .style import Label, keep_or_set_range, new_layout_widget, plot_font, set_axis_label, set_title, style_plot

METHODS = ("ddm", "dynamic")
BAR_HEIGHT = 0.64
#: Pixels between a bar's end (or the market-cap line) and its value label.
LABEL_GAP = 4.0


class _BridgePlot:
    def __init__(self, plot: pg.PlotItem, method: str, show_names: bool) -> None:
        self.plot = plot
        self.method = method
        style_plot(plot, left_ticks=show_names)
        plot.showGrid(x=False, y=False)
        self.bands = StatusBands(plot, "vertical")
        # No empty ``pens`` list here: pyqtgraph 0.14's BarGraphItem fails on one.
        self.bars = pg.BarGraphItem(x0=[], width=[], y=[], height=BAR_HEIGHT,
                                    brush=POSITIVE_COLOR, pen=pg.mkPen(None))
        self.bars.setZValue(5)
        plot.addItem(self.bars)
        self.connectors = pg.PlotDataItem(connect="pairs",
                                          pen=pg.mkPen("#606060", width=1, style=QtCore.Qt.PenStyle.DotLine))
        plot.addItem(self.connectors)
        self.labels: list[Label] = []
        self.message = Label(plot, color=FOREGROUND, anchor=(0.5, 0.5), size=11, z=40)
        self.message.show(False)
        self.ticks = None
        #: The total's label: with the verdict, and the number alone (when space is short).
        self.total_texts = ("", "")
        if show_names:
            plot.getAxis("left").setWidth(230)

    def _label(self, k: int) -> Label:
        while len(self.labels) <= k:  # grows only when segments are added
            self.labels.append(Label(self.plot, color=FOREGROUND, anchor=(0, 0.5), size=8.0))
        return self.labels[k]

    def set_ticks(self, ticks) -> None:
        if ticks != self.ticks:
            self.ticks = ticks
            axis = self.plot.getAxis("left")
            # a name longer than the axis is elided (pyqtgraph would drop it); the table has it whole
            metrics = QtGui.QFontMetrics(axis.style.get("tickFont") or plot_font(8.5))
            room = int(axis.width()) - 16
            axis.setTicks([[(v, metrics.elidedText(t, QtCore.Qt.TextElideMode.ElideMiddle, room))
                            for v, t in ticks], []])


class BridgeView(PlotView):
    key = "bridge"

    def __init__(self, runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(runner, parent)
        #: method → list of (item key, label, start, end): the plotted steps.
        self.steps: dict[str, list[tuple[str, str, float, float]]] = {m: [] for m in METHODS}
        self.market_cap: float | None = None
        self.highlight: int | None = None
        self._unit = "亿元"
        self.widget = new_layout_widget()
        self.widget.setMinimumSize(520, 260)   # the dock's default height leaves the forecasts room
        self.plots = {}
        for col, method in enumerate(METHODS):
            self.plots[method] = _BridgePlot(self.widget.addPlot(row=0, col=col), method,
                                             show_names=(col == 0))
        # Same scale side by side: the two totals compare at a glance.
        self.plots["dynamic"].plot.setYLink(self.plots["ddm"].plot)
        self.plots["dynamic"].plot.setXLink(self.plots["ddm"].plot)
        self.export_item = self.widget.ci
        self._rows = 0
        self._x_data: tuple[float, float] | None = None   # the value range the bars need
        self._fitted_width = -1.0
        # The band labels' rows at the top are kept free of bars: their height
        # in data units depends on the plot's height in pixels.
        self.plots["ddm"].plot.getViewBox().sigResized.connect(self._fit_y)
        self.retranslate()

    def title(self) -> str:
        return QtCore.QCoreApplication.translate("BridgeView", "Sum-of-the-parts bridge")

    def retranslate(self) -> None:
        super().retranslate()
        names = method_labels()
        for method, bp in self.plots.items():
            set_title(bp.plot, fill(QtCore.QCoreApplication.translate(
                "BridgeView", "%1: sum of the parts"), names[method]))
            bp.bands.retranslate()
        self._set_unit_labels()

    def _set_unit_labels(self) -> None:
        text = fill(QtCore.QCoreApplication.translate("BridgeView", "Equity value (%1)"), i18n.unit_text(self._unit))
        for bp in self.plots.values():
            set_axis_label(bp.plot, "bottom", text)

    def _segment_name(self, step) -> str:
        """A segment's name in the current language (``segment:<index>``)."""
        ctx = self.context
        try:
            return i18n.segment_name(ctx.model, int(step.key.split(":", 1)[1]))
        except (AttributeError, ValueError, IndexError, KeyError):
            return step.name

    def request(self, ctx: PlotContext) -> Request:
        self.highlight = ctx.segment  # the scope's segment is outlined; the numbers do not depend on it
        return self._request(requests.bridge, ctx.model, ctx.result, METHODS)

    def show(self, response: requests.Bridge) -> None:
        if response.unit != self._unit:
            self._unit = response.unit
            self._set_unit_labels()
        self.market_cap = response.market_cap
        statuses = status_labels()
        labels = {"excess_cash": self.tr("+ Excess cash"), "minority_interest": self.tr("− Minority interest"),
                  "equity_investments": self.tr("+ Equity investments"), "total": self.tr("= Total"),
                  "market_cap": self.tr("Market cap")}
        ticks = None
        for method, bp in self.plots.items():
            walk = response.walks[method]
            steps = [(step.key, self._segment_name(step) if step.key.startswith("segment:") else labels[step.key],
                      step.start, step.end) for step in walk.steps]
            self.steps[method] = steps
            total_text = fill(self.tr("%1 (%2, %3)"), money(walk.total), statuses[walk.status],
                              pct(walk.upside, 1))
            self._show(bp, steps, walk.status, total_text)
            if ticks is None:
                n = len(steps)
                ticks = [(float(n - 1 - k), label) for k, (_, label, _, _) in enumerate(steps)]
        for bp in self.plots.values():
            bp.set_ticks(ticks)
        # One value range for both (the x axes are linked).
        values = [v for steps in self.steps.values() for _, _, a, b in steps for v in (a, b)]
        lo, hi = min(min(values), 0.0), max(values)
        span = hi - lo or 1.0
        n = len(ticks)
        vb = self.plots["ddm"].plot.getViewBox()
        self._x_data = (lo, hi + 0.22 * span)
        keep_or_set_range(vb, *self._x_data, "x", pad=0.02, slack=1.4)
        self._rows = n
        self._fit_y()

    def _fit_y(self, *args) -> None:
        """One row per step, and above them the band labels' rows, free of
        bars; then the band labels are placed."""
        n = self._rows
        if not n:
            return
        vb = self.plots["ddm"].plot.getViewBox()
        if args and self._x_data is not None and vb.width() != self._fitted_width:
            # a new width (a tab built lazily is first laid out small): the value range
            # from the data again, not the one stretched for the labels at the old width
            lo, hi = self._x_data
            span = hi - lo or 1.0
            vb.setXRange(lo - 0.02 * span, hi + 0.02 * span, padding=0)
        self._fitted_width = vb.width()
        height = vb.height()
        reserve = self.plots["ddm"].bands.rows_height()
        rows = n + 0.2  # -0.6 … n − 0.4
        if height > reserve + 20:
            rows = rows / (1.0 - reserve / height)
        y_range = (-0.6, -0.6 + rows)
        if tuple(vb.viewRange()[1]) != y_range:
            vb.setYRange(*y_range, padding=0)
        self._fit_value_labels()
        self._fit_edge_band()
        for bp in self.plots.values():
            bp.bands.place_labels()

    def _fit_edge_band(self) -> None:
        """A status band that just peeks in at the right edge gets room for its
        label over it (its centre in the band, the whole label in the plot)."""
        vb = self.plots["ddm"].plot.getViewBox()
        width = min(bp.plot.getViewBox().width() for bp in self.plots.values())
        if width <= 0 or self.market_cap is None:
            return
        (x0, x1), _ = vb.viewRange()
        need = x1
        for bp in self.plots.values():
            for edge, label in zip(bp.bands.edges, bp.bands.labels[1:]):
                # label k + 1 is the band right of edge k
                f = (label.size().width() / 2 + 2 * BAND_LABEL_MARGIN) / width
                if x0 < edge < x1 and f < 0.5:
                    right = (edge - x0 * f) / (1 - f)
                    if x1 < right:
                        need = max(need, right)
        if need > x1 * (1 + 1e-12):
            vb.setXRange(x0, need, padding=0)
            vb.updateMatrix()

    def _fit_value_labels(self) -> None:
        """A value label the market-cap line would cross starts right of the
        line; the value axis reaches far enough right for every label."""
        vb = self.plots["ddm"].plot.getViewBox()
        width = vb.width()
        if width <= 0 or self.market_cap is None:
            return
        (x0, x1), _ = vb.viewRange()
        per_pixel = (x1 - x0) / width
        need = x1
        for method, bp in self.plots.items():
            steps = self.steps[method]
            for k, (key, _, a, b) in enumerate(steps):
                label = bp.labels[k]
                if not label.visible:
                    continue
                left = max(a, b) + LABEL_GAP * per_pixel
                if key == "total":
                    # The verdict in words when it fits before the line, else the number alone.
                    full, short = bp.total_texts
                    label.set(full)
                    if left < self.market_cap < left + (label.size().width() + LABEL_GAP) * per_pixel:
                        label.set(short)
                w = label.size().width()
                if left < self.market_cap < left + (w + LABEL_GAP) * per_pixel and key != "market_cap":
                    left = self.market_cap + LABEL_GAP * per_pixel
                x, y = label._pos
                if x != left:
                    label.set(pos=(left, y))
                # left + w·(x1' − x0)/W + margin ≤ x1'  ⇒  x1' ≥ (left − x0·f)/(1 − f)
                f = (w + LABEL_GAP) / width
                if f < 0.9:
                    need = max(need, (left - x0 * f) / (1 - f))
        if need > x1 * (1 + 1e-12):
            vb.setXRange(x0, need, padding=0)
            vb.updateMatrix()

    def _show(self, bp: _BridgePlot, steps, status: str, total_text: str) -> None:
        """Bars and value labels; the tick labels stay the same across edits
        (the verdict goes in the total's value label), so the axis is not
        re-laid out on every keystroke."""
        n = len(steps)
        y = np.arange(n - 1, -1, -1, dtype=float)
        start = np.array([s[2] for s in steps], dtype=float)
        end = np.array([s[3] for s in steps], dtype=float)
        brushes, pens = [], []
        no_pen = pg.mkPen(None)
        for k, (key, _, a, b) in enumerate(steps):
            if key == "total":
                brushes.append(pg.mkBrush(STATUS_COLORS[status]))
            elif key == "market_cap":
                brushes.append(pg.mkBrush(MARKET_CAP_COLOR))
            else:
                brushes.append(pg.mkBrush(POSITIVE_COLOR if b >= a else NEGATIVE_COLOR))
            highlighted = self.highlight is not None and key == f"segment:{self.highlight}"
            pens.append(pg.mkPen("#000000", width=2.5) if highlighted else no_pen)
        bp.bars.setOpts(x0=np.minimum(start, end), width=np.abs(end - start), y=y,
                        height=BAR_HEIGHT, brushes=brushes, pens=pens)
        # Dotted connectors from each step's end to the next step's start.
        cx = np.repeat(end[:-2], 2)
        cy = np.empty_like(cx)
        cy[0::2] = y[:-2] - BAR_HEIGHT / 2
        cy[1::2] = y[1:-1] + BAR_HEIGHT / 2
        bp.connectors.setData(cx, cy)
        values = np.concatenate([start, end])
        lo, hi = float(min(values.min(), 0.0)), float(values.max())
        span = hi - lo or 1.0
        for k, (key, _, a, b) in enumerate(steps):
            label = bp._label(k)
            amount = b - a
            if key == "total":
                text = total_text
                bp.total_texts = (total_text, money(amount))
            elif key == "market_cap":
                text = money(amount)
            else:
                text = ("+" if amount >= 0 else "") + money(amount)
            label.set(text, pos=(max(a, b) + 0.01 * span, y[k]))
        for label in bp.labels[n:]:
            label.show(False)
        bp.message.show(False)
        bp.bands.set_market_cap(self.market_cap)

    def _draw_invalid(self, reason: str = "") -> None:
        self.steps = {m: [] for m in METHODS}
        self.market_cap = None
        for bp in self.plots.values():
            bp.bars.setOpts(x0=[], width=[], y=[])
            bp.connectors.setData([], [])
            for label in bp.labels:
                label.show(False)
            bp.bands.set_market_cap(None)
            bp.set_ticks([])
            bp.plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            bp.message.set(invalid_text(reason), pos=(0.5, 0.5))

    def csv_table(self):
        header = ["method", "item", "label", "start", "end", "amount"]
        rows = []
        for method in METHODS:
            for key, label, a, b in self.steps[method]:
                rows.append([method, key, label, float(a), float(b), float(b - a)])
        return header, rows
