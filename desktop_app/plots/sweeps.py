"""Value against one driver (discount rate, terminal growth, margins, growth),
DDM and dynamic, over the status bands, with a marker at the model's value."""
from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
import pyqtgraph as pg

from models import requests
from models.sensitivity import clean_axis

from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.runner import Request, Runner

from .bands import StatusBands, item_scene_rect, scene_obstacles
from .base import PlotContext, PlotView, invalid_text
from .colors import DDM_COLOR, DYNAMIC_COLOR, FOREGROUND
from .labels import method_labels, money
from .sizes import SWEEP_MINIMUM_SIZE
from .style import (CACHE, Label, keep_or_set_range, marker_item, new_layout_widget, plot_font, set_axis_label,
                    set_title, style_plot)

METHOD_COLORS = {"ddm": DDM_COLOR, "dynamic": DYNAMIC_COLOR}


class SweepView(PlotView):
    """Total equity value over a one-driver sweep (``models.requests.sweep``).

    x is shown in percent (points for shifts, the level for terminal growth);
    y in the model's money unit. ``x_values`` (decimals, the engine's input) and
    ``totals`` (method → array) hold exactly what is plotted."""

    def __init__(self, key: str, driver: str, config_field: str,
                 methods: tuple[str, ...] = ("ddm", "dynamic"),
                 runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(runner, parent)
        self.key = key
        self.driver = driver
        self.config_fields = (config_field,)
        self.config_field = config_field
        self.methods = methods
        self.x_values = np.empty(0)
        self.totals: dict[str, np.ndarray] = {m: np.empty(0) for m in methods}
        self.base_x = float("nan")
        self.base_totals: dict[str, float] = {}
        self.market_cap: float | None = None
        self._unit = "亿元"

        self.widget = new_layout_widget()
        self.widget.setMinimumSize(*SWEEP_MINIMUM_SIZE)
        self.plot: pg.PlotItem = self.widget.addPlot()
        self.export_item = self.plot
        style_plot(self.plot)
        self.bands = StatusBands(self.plot, "horizontal")
        self.legend = self.plot.addLegend(offset=(8, 8), labelTextColor=FOREGROUND,
                                          brush=pg.mkBrush(255, 255, 255, 200))
        self.legend.setCacheMode(CACHE)
        self.legend.setColumnCount(len(methods))  # one row: less of a short dock covered
        self.curves: dict[str, pg.PlotCurveItem] = {}
        self.markers: dict[str, QtWidgets.QGraphicsItem] = {}
        self.marker_labels: dict[str, Label] = {}
        for method in methods:
            curve = pg.PlotCurveItem(pen=pg.mkPen(METHOD_COLORS[method], width=2.2),
                                     connect="finite", name=method)
            curve.setZValue(10)
            self.plot.addItem(curve)
            self.curves[method] = curve
            # One point at the origin, moved with setPos: cheaper per edit
            # than ScatterPlotItem.setData.
            self.markers[method] = marker_item(self.plot, METHOD_COLORS[method], 10.0, "o")
            self.marker_labels[method] = Label(self.plot, color=METHOD_COLORS[method],
                                               anchor=(0, 1), size=8.5, bold=True, z=31,
                                               offset=(6, -4), fill=QtGui.QColor(255, 255, 255, 200))
        self.message = Label(self.plot, color=FOREGROUND, anchor=(0.5, 0.5), size=11, z=40)
        self.message.show(False)
        self.plot.getViewBox().sigResized.connect(self._cap_headroom)
        self.plot.getViewBox().sigResized.connect(self.place_texts)
        self.plot.getViewBox().sigResized.connect(self._fit_x_label)
        self._x_text = ""
        self._legend_place = None
        #: what the texts were last placed for (see _placement_key): an edit that moves
        #: no curve, marker or range by a pixel leaves them where they are (issue 11)
        self._placed_for = None
        self.retranslate()

    # -- texts -----------------------------------------------------------------
    def title(self) -> str:
        return {
            "discount_rate_shift": self.tr("Value vs discount rate"),
            "terminal_growth": self.tr("Value vs terminal growth (DDM)"),
            "margin_shift": self.tr("Value vs net margin shift"),
            "growth_shift": self.tr("Value vs revenue growth shift"),
        }.get(self.driver, self.driver)

    def x_label(self) -> str:
        return {
            "discount_rate_shift": self.tr("Discount-rate shift (percentage points, %)"),
            "terminal_growth": self.tr("Terminal growth (%)"),
            "margin_shift": self.tr("Net margin shift, every forecast year (percentage points, %)"),
            "growth_shift": self.tr("Revenue growth shift, every forecast year (percentage points, %)"),
        }.get(self.driver, self.driver)

    def x_label_short(self) -> str:
        """The x-axis title for a narrow plot."""
        return {
            "discount_rate_shift": self.tr("Discount-rate shift (points, %)"),
            "terminal_growth": self.tr("Terminal growth (%)"),
            "margin_shift": self.tr("Net margin shift (points, %)"),
            "growth_shift": self.tr("Revenue growth shift (points, %)"),
        }.get(self.driver, self.driver)

    def _fit_x_label(self, *args) -> None:
        """The long x-axis title when the axis is wide enough for it, else the short one."""
        text = self.x_label()
        width = self.plot.getAxis("bottom").width()
        metrics = QtGui.QFontMetricsF(plot_font(9.0))
        if width > 0 and metrics.horizontalAdvance(text) + 12 > width:
            text = self.x_label_short()
        if text != self._x_text:
            self._x_text = text
            set_axis_label(self.plot, "bottom", text)
            self.plot.getAxis("bottom").resizeEvent(None)  # centre the new text (pyqtgraph does so on resize only)

    def retranslate(self) -> None:
        super().retranslate()
        set_title(self.plot, self.title())
        self._x_text = ""
        self._fit_x_label()
        self._set_y_label()
        names = method_labels()
        for (sample, label), method in zip(self.legend.items, self.methods):
            label.setText(names[method], color=FOREGROUND)
            label.item.setFont(plot_font(8.5))
        self.bands.retranslate()

    def _set_y_label(self) -> None:
        text = fill(QtCore.QCoreApplication.translate("SweepView", "Equity value (%1)"), i18n.unit_text(self._unit))
        set_axis_label(self.plot, "left", text)

    # -- drawing ---------------------------------------------------------------
    def request(self, ctx: PlotContext) -> Request:
        return self._request(requests.sweep, ctx.model, ctx.result, self.driver,
                             getattr(ctx.config, self.config_field), self.methods, ctx.segment)

    def show(self, response: requests.Sweep) -> None:
        x = response.x
        self.x_values = x
        self.base_x = response.base_x
        self.market_cap = response.market_cap
        self.base_totals = dict(response.base_totals)
        for method in self.methods:
            self.totals[method] = response.totals[method]
            self.curves[method].setData(x * 100.0, self.totals[method])
        for method in self.methods:
            pos = (response.base_x * 100.0, self.base_totals[method])
            self.markers[method].setPos(*pos)
            self.markers[method].setVisible(True)
            self.marker_labels[method].set(money(self.base_totals[method]), pos=pos)
        if response.unit != self._unit:
            self._unit = response.unit
            self._set_y_label()
        self.message.show(False)
        self.bands.set_market_cap(self.market_cap)
        self._set_ranges(x * 100.0)

    def _set_ranges(self, x_shown: np.ndarray) -> None:
        values = [self.market_cap, *self.base_totals.values()]
        for arr in self.totals.values():
            finite = arr[np.isfinite(arr)]
            if finite.size:
                values += [float(finite.min()), float(finite.max())]
        vb = self.plot.getViewBox()
        x_range = (float(x_shown[0]), float(x_shown[-1]))
        if tuple(vb.viewRange()[0]) != x_range:
            vb.setXRange(*x_range, padding=0)
        # 10% headroom, and at least the market-cap label's height above its line
        keep_or_set_range(vb, min(values), max(values), "y", pad=0.10)
        self._cap_headroom()
        self.place_texts()

    def _cap_headroom(self, *args) -> None:
        """The market-cap label sits above its line, inside the plot: the top
        of the value axis leaves it its height in pixels (a short plot needs
        more than 10% of the range)."""
        label = self.bands.cap_line.label
        vb = self.plot.getViewBox()
        height = vb.height()
        if self.market_cap is None or height <= 0 or not label.isVisible():
            return
        (_, _), (y0, y1) = vb.viewRange()
        f = (label.boundingRect().height() + 3.0) / height   # the label and a pixel or three
        if f >= 0.6 or not y0 < self.market_cap:
            return
        top = (self.market_cap - y0 * f) / (1.0 - f)   # (top − cap) ≥ f · (top − y0)
        if top > y1 * (1 + 1e-12) + 1e-12:
            vb.setYRange(y0, top, padding=0)
            vb.updateMatrix()

    #: Where a marker's label may go: (anchor, offset in pixels), best first.
    MARKER_PLACES = (((0, 1), (6, -4)), ((1, 1), (-6, -4)), ((0, 0), (6, 4)), ((1, 0), (-6, 4)))
    #: Where the legend may go: (its corner, the plot's corner, offset), best first.
    LEGEND_PLACES = (((0, 0), (0, 0), (8, 8)), ((0, 1), (0, 1), (8, -8)),
                     ((1, 1), (1, 1), (-8, -8)), ((1, 0), (1, 0), (-8, 8)))

    def _placement_state(self, vb, box) -> tuple[tuple, np.ndarray]:
        """Everything the placement reads: exactly, the plot box, the x range,
        the sizes of the texts placed (a value label's new digits rarely change
        its width), the market-cap text; in scene pixels, the curves, markers
        and market-cap line."""
        (x0, x1), (y0, y1) = vb.viewRange()
        scale = box.height() / (y1 - y0) if y1 != y0 else 0.0
        values = [arr[np.isfinite(arr)] for arr in self.totals.values()]
        values.append(np.array([*self.base_totals.values(), np.nan if self.market_cap is None else self.market_cap]))
        pixels = (y1 - np.concatenate(values)) * scale
        sizes = tuple((round(label.size().width()), round(label.size().height()))
                      for label in [*self.marker_labels.values(), *self.bands.labels])
        self.legend.layout.activate()  # its size as it will be drawn (texts change on retranslate)
        legend = self.legend.boundingRect().size()
        exact = ((box.x(), box.y(), box.width(), box.height()), (x0, x1), tuple(v.size for v in values), sizes,
                 tuple(label.visible for label in self.marker_labels.values()),
                 self.bands.cap_line.label.toPlainText(), (legend.width(), legend.height()))
        return exact, pixels

    def _moved(self, vb, box) -> bool:
        """Whether anything the texts' places depend on moved since they were
        placed: a change of size or text, or a curve, marker or the market cap
        by a pixel or more (labels keep a margin of 2 pixels from what they avoid)."""
        exact, pixels = self._placement_state(vb, box)
        last = self._placed_for
        if last is not None and last[0] == exact:
            with np.errstate(invalid="ignore"):
                diff = np.abs(pixels - last[1])
            same_nan = np.isnan(pixels) == np.isnan(last[1])
            if same_nan.all() and not (diff[~np.isnan(diff)] >= 1.0).any():
                return False
        self._placed_for = (exact, pixels)
        return True

    def place_texts(self, *args) -> None:
        """The legend in a corner the curves and the market-cap label leave
        free, each marker's label on the side its curve leaves free, then the
        band labels where they are free (issue 9, item 7). Only when something
        it reads moved by a pixel (see _moved)."""
        vb = self.plot.getViewBox()
        box = vb.sceneBoundingRect()
        if not self._moved(vb, box):
            return
        if box.width() <= 0 or not any(arr.size for arr in self.totals.values()):
            self.bands.place_labels()
            return
        labels = {label.item for label in self.marker_labels.values()} | {l.item for l in self.bands.labels}
        legend = self.legend
        obstacles = scene_obstacles(self.plot, exclude=labels | {self.bands.item, legend})
        legend.layout.activate()  # its size as it will be drawn (texts change on retranslate)
        size = legend.boundingRect().size()
        places = [(a, b, (dx, dy + sign * step)) for step in (0, 22, 44) for a, b, (dx, dy) in self.LEGEND_PLACES
                  for sign in ((1,) if b[1] == 0 else (-1,))]
        for item_corner, parent_corner, (dx, dy) in places:
            x = box.left() + parent_corner[0] * box.width() + dx - item_corner[0] * size.width()
            y = box.top() + parent_corner[1] * box.height() + dy - item_corner[1] * size.height()
            legend_rect = QtCore.QRectF(x, y, size.width(), size.height())
            # The legend's box is see-through: it may lie over a line, not over a text or a curve.
            if box.contains(legend_rect) and not obstacles.hits(legend_rect, lines=False):
                break
        else:
            item_corner, parent_corner, (dx, dy) = self.LEGEND_PLACES[0]
        if self._legend_place != (item_corner, parent_corner, (dx, dy)):
            self._legend_place = (item_corner, parent_corner, (dx, dy))
            legend.anchor(itemPos=item_corner, parentPos=parent_corner, offset=(dx, dy))
        taken = [legend_rect]
        view = self.widget
        for method in self.methods:
            label = self.marker_labels[method]
            if not label.visible:
                continue
            centre = item_scene_rect(self.markers[method], view).center()
            text = label.size()
            chosen = self.MARKER_PLACES[0]
            for anchor, (ox, oy) in self.MARKER_PLACES:
                rect = QtCore.QRectF(centre.x() + ox - anchor[0] * (text.width() + 4),
                                     centre.y() + oy - anchor[1] * text.height(), text.width() + 4, text.height())
                if box.contains(rect) and not obstacles.hits(rect) and not any(rect.intersects(t) for t in taken):
                    chosen = (anchor, (ox, oy))
                    taken.append(rect)
                    break
            anchor, offset = chosen
            if label.offset != offset or label.anchor != anchor:
                label.offset = offset
                label.set(anchor=anchor)
                label.place()
        self.bands.place_labels(obstacles=obstacles, taken=taken)

    def _draw_invalid(self, reason: str = "") -> None:
        self.x_values = np.empty(0)
        self.totals = {m: np.empty(0) for m in self.methods}
        self.base_totals = {}
        self.market_cap = None
        for method in self.methods:
            self.curves[method].setData([], [])
            self.markers[method].setVisible(False)
            self.marker_labels[method].show(False)
        self.bands.set_market_cap(None)
        self.plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.message.set(invalid_text(reason), pos=(0.5, 0.5))

    def csv_table(self):
        header = [self.driver] + [f"{m}_total" for m in self.methods] + ["market_cap"]
        rows = []
        for k, x in enumerate(clean_axis(self.x_values)):  # the axis without spacing noise
            rows.append([float(x)] + [float(self.totals[m][k]) for m in self.methods]
                        + [self.market_cap])
        return header, rows

