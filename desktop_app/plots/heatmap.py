"""Upside over any two sensitivity drivers, by either method (by default the
DDM over discount-rate shift × terminal growth), with the band thresholds as
contour lines and hatching where the method is invalid (r ≤ gT).

The tab carries its own controls: the method, the driver of the columns and
of the rows, and each axis's range (from, to, steps). They edit the panel's
``SensitivityConfig`` (``configEdited``); a range that ends at or below its
start is refused with a message on the tab, and the map keeps the old range."""
from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
import pyqtgraph as pg

from models import requests
from models.sensitivity import clean_axis
from models.status import STATUS_CODES, STATUS_THRESHOLDS, status_for

from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.runner import Request, Runner

from .bands import item_scene_rect, segments_hit_rect
from .base import PlotContext, PlotView, invalid_text
from .colors import FOREGROUND, INVALID_COLOR, STATUS_COLORS
from .contours import contour_levels
from .config import HEATMAP_DRIVERS, HEATMAP_FIELDS, HEATMAP_METHODS, is_scale
from .labels import driver_labels, money, pct, point_suffix, short_method_labels, status_labels
from .style import Label, marker_item, new_layout_widget, plot_font, set_axis_label, set_title, style_plot

#: Colour-bar range, in percent upside.
UPSIDE_LEVELS = (-100.0, 150.0)
#: Colour stops: each band's badge colour at the band's middle (percent upside).
_STOPS = (-75.0, -40.0, -25.0, 2.5, 37.5, 75.0, 125.0)
HATCH_PIXELS = 8
#: The steps an axis may have (41 × 41 is the default; the map stays live).
MAX_AXIS_STEPS = 201


def shown_values(driver: str, values) -> np.ndarray:
    """A driver's engine values as the axes show them: shifts in percentage
    points, terminal growth in percent, scales as a change in percent."""
    v = np.asarray(values, dtype=float)
    return (v - 1.0) * 100.0 if is_scale(driver) else v * 100.0


def shown_text(driver: str, value: float) -> str:
    """One driver value for the readout: "+1.25 pt", "3.50%", "+10.0%"."""
    if driver == "terminal_growth":
        return pct(value, 2, signed=False)
    if is_scale(driver):
        return pct(value - 1.0, 1)
    return pct(value, 2).rstrip("%") + point_suffix().rstrip()


def upside_colormap() -> pg.ColorMap:
    lo, hi = UPSIDE_LEVELS
    pos = [(s - lo) / (hi - lo) for s in _STOPS]
    pos = [0.0] + pos + [1.0]
    colors = [STATUS_COLORS[c] for c in STATUS_CODES]
    colors = [colors[0]] + colors + [colors[-1]]
    return pg.ColorMap(pos, colors)


class HeatmapView(PlotView):
    key = "heatmap"
    config_fields = HEATMAP_FIELDS
    #: A new config from the tab's controls (drivers, method, a range).
    configEdited = QtCore.Signal(object)
    #: A refused range; argument: the message (also shown on the tab).
    refused = QtCore.Signal(str)

    def __init__(self, runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(runner, parent)
        self.method = "ddm"
        self.x_driver = "discount_rate_shift"
        self.y_driver = "terminal_growth"
        self.x_values = np.empty(0)   # the x driver's values as the engine takes them
        self.y_values = np.empty(0)   # the y driver's values (terminal growth: levels)
        self._xs = np.empty(0)        # the same as the axes show them
        self._ys = np.empty(0)
        self.totals = np.empty((0, 0))  # (ny, nx) the method's total equity value
        self.upside = np.empty((0, 0))  # (ny, nx) decimals, NaN where invalid
        self.market_cap: float | None = None
        self.unit = ""
        self.base = (float("nan"), float("nan"))
        self.contours: dict[float, tuple[np.ndarray, np.ndarray]] = {}

        self.widget = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._build_controls())
        self.graphics = new_layout_widget()
        self.graphics.setMinimumSize(360, 300)
        layout.addWidget(self.graphics, 1)
        self.readout = QtWidgets.QLabel()
        self.readout.setObjectName("heatmapReadout")
        self.readout.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        layout.addWidget(self.readout)

        self.plot: pg.PlotItem = self.graphics.addPlot()
        self.export_item = self.graphics.ci
        style_plot(self.plot)
        self.plot.showGrid(x=False, y=False)
        self.image = pg.ImageItem()
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.hatch = pg.ImageItem()
        self.hatch.setZValue(-10)
        self.plot.addItem(self.hatch)
        self.hatch.setVisible(False)
        self.colormap = upside_colormap()
        self.colorbar = pg.ColorBarItem(values=UPSIDE_LEVELS, colorMap=self.colormap,
                                        interactive=False, width=16, label="")
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        bar_axis = self.colorbar.axis
        bar_axis.setPen(pg.mkPen(FOREGROUND))
        bar_axis.setTextPen(pg.mkPen(FOREGROUND))
        bar_axis.setStyle(tickFont=plot_font(8.5))
        bar_axis.label.setFont(plot_font(9.0))
        self.contour_items: dict[float, pg.PlotCurveItem] = {}
        self.contour_labels: dict[float, Label] = {}
        for threshold in STATUS_THRESHOLDS:
            item = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#1a1a1a", width=1.4))
            item.setZValue(5)
            self.plot.addItem(item, ignoreBounds=True)
            self.contour_items[threshold] = item
            label = Label(self.plot, color="#111111", anchor=(0.5, 0.5), size=8.0, bold=True, z=6,
                          fill=QtGui.QColor(255, 255, 255, 170))
            self.contour_labels[threshold] = label
        self.marker = marker_item(self.plot, "#000000", 14.0, "+", z=7)
        self.message = Label(self.plot, color=FOREGROUND, anchor=(0.5, 0.5), size=11, z=40)
        self.message.show(False)
        self._hatch_shown = False
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot.getViewBox().sigResized.connect(self.place_contour_labels)
        self._hover_text = ""
        self.retranslate()

    # -- the controls ------------------------------------------------------------
    def _build_controls(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        box.setObjectName("heatmapControls")
        grid = QtWidgets.QGridLayout(box)
        grid.setContentsMargins(4, 2, 4, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.method_label = QtWidgets.QLabel()
        self.method_combo = QtWidgets.QComboBox()
        self.method_combo.setObjectName("heatmapMethod")
        for _ in HEATMAP_METHODS:
            self.method_combo.addItem("")
        self.method_combo.currentIndexChanged.connect(self._method_chosen)
        grid.addWidget(self.method_label, 0, 0)
        grid.addWidget(self.method_combo, 0, 1)
        self.axis_labels: dict[str, QtWidgets.QLabel] = {}
        self.driver_combos: dict[str, QtWidgets.QComboBox] = {}
        self.range_spins: dict[str, tuple[QtWidgets.QDoubleSpinBox, QtWidgets.QDoubleSpinBox,
                                          QtWidgets.QSpinBox]] = {}
        self.range_words: list[tuple[QtWidgets.QLabel, QtWidgets.QLabel, QtWidgets.QLabel]] = []
        for row, axis in enumerate(("x", "y")):
            label = QtWidgets.QLabel()
            combo = QtWidgets.QComboBox()
            combo.setObjectName(f"heatmap_{axis}_driver")
            for _ in HEATMAP_DRIVERS:
                combo.addItem("")
            combo.currentIndexChanged.connect(lambda _i, a=axis: self._driver_chosen(a))
            start, stop = QtWidgets.QDoubleSpinBox(), QtWidgets.QDoubleSpinBox()
            steps = QtWidgets.QSpinBox()
            steps.setRange(2, MAX_AXIS_STEPS)
            words = (QtWidgets.QLabel(), QtWidgets.QLabel(), QtWidgets.QLabel())
            for w, name in ((start, "start"), (stop, "stop"), (steps, "steps")):
                w.setObjectName(f"heatmap_{axis}_{name}")
                w.setKeyboardTracking(False)   # a typed number counts when committed (Enter, focus out)
                w.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
                w.valueChanged.connect(lambda _v, a=axis: self._range_typed(a))
            col = 2
            for w in (label, combo, words[0], start, words[1], stop, words[2], steps):
                grid.addWidget(w, row, col)
                col += 1
            self.axis_labels[axis] = label
            self.driver_combos[axis] = combo
            self.range_spins[axis] = (start, stop, steps)
            self.range_words.append(words)
        grid.setColumnStretch(10, 1)
        self.refusal = QtWidgets.QLabel()
        self.refusal.setObjectName("heatmapRefusal")
        self.refusal.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b3261e;")
        self.refusal.setVisible(False)
        grid.addWidget(self.refusal, 2, 0, 1, 11)
        self._synced: tuple | None = None
        self._syncing = False
        return box

    def set_context(self, context: PlotContext | None) -> None:
        super().set_context(context)
        if context is not None:
            self._sync_controls(context.config)

    def _sync_controls(self, config, force: bool = False) -> None:
        """Show ``config``'s drivers, method and ranges in the controls (only
        when they changed: a refused range stays typed until corrected)."""
        key = (config.heatmap_method, config.heatmap_x, config.heatmap_y,
               config.heatmap_range(config.heatmap_x), config.heatmap_range(config.heatmap_y))
        if key == self._synced and not force:
            return
        self._synced = key
        self._syncing = True
        try:
            if config.heatmap_method in HEATMAP_METHODS:
                self.method_combo.setCurrentIndex(HEATMAP_METHODS.index(config.heatmap_method))
            for axis, driver in (("x", config.heatmap_x), ("y", config.heatmap_y)):
                if driver not in HEATMAP_DRIVERS:
                    continue
                self.driver_combos[axis].setCurrentIndex(HEATMAP_DRIVERS.index(driver))
                rng = config.heatmap_range(driver)
                start, stop, steps = self.range_spins[axis]
                for spin in (start, stop):
                    if is_scale(driver):
                        spin.setRange(-100.0, 500.0)
                        spin.setSingleStep(5.0)
                        spin.setDecimals(1)
                        spin.setSuffix(" %")
                    else:
                        spin.setRange(-50.0, 50.0)
                        spin.setSingleStep(0.25)
                        spin.setDecimals(2)
                        spin.setSuffix(" %" if driver == "terminal_growth" else point_suffix())
                    spin.setStyleSheet("")
                start.setValue(rng.start * 100.0)
                stop.setValue(rng.stop * 100.0)
                steps.setValue(int(rng.steps))
        finally:
            self._syncing = False

    def _config(self):
        return self._context.config if self._context is not None else None

    def _method_chosen(self, index: int) -> None:
        config = self._config()
        if self._syncing or config is None or not 0 <= index < len(HEATMAP_METHODS):
            return
        self._show_refusal("")
        self.configEdited.emit(config.with_heatmap(method=HEATMAP_METHODS[index]))

    def _driver_chosen(self, axis: str) -> None:
        """A driver for one axis; the driver the other axis had is swapped
        onto it when both would be the same."""
        config = self._config()
        index = self.driver_combos[axis].currentIndex()
        if self._syncing or config is None or not 0 <= index < len(HEATMAP_DRIVERS):
            return
        driver = HEATMAP_DRIVERS[index]
        x, y = config.heatmap_x, config.heatmap_y
        if axis == "x":
            x, y = driver, (x if driver == y else y)
        else:
            x, y = (y if driver == x else x), driver
        self._show_refusal("")
        self.configEdited.emit(config.with_heatmap(x=x, y=y))

    def _range_typed(self, axis: str) -> None:
        config = self._config()
        if self._syncing or config is None:
            return
        driver = config.heatmap_x if axis == "x" else config.heatmap_y
        start, stop, steps = self.range_spins[axis]
        rng = requests.SweepRange(round(start.value() / 100.0, 10), round(stop.value() / 100.0, 10),
                                  int(steps.value()))
        old = config.heatmap_range(driver)
        if not rng.stop > rng.start:
            for spin in (start, stop):
                spin.setStyleSheet("background: #f6d5d5;")
            self._show_refusal(fill(
                self.tr("Heat map, %1: “To” (%2) must be above “From” (%3); the previous range, %4 to %5, "
                        "is kept."),
                self._axis_title(driver), stop.text(), start.text(),
                start.textFromValue(old.start * 100.0) + start.suffix(),
                stop.textFromValue(old.stop * 100.0) + stop.suffix()))
            return
        for spin in (start, stop):
            spin.setStyleSheet("")
        self._show_refusal("")
        if rng != old:
            self.configEdited.emit(config.with_heatmap_range(driver, rng))

    def _show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.setVisible(bool(message))
        if message:
            self.refused.emit(message)

    # -- texts -------------------------------------------------------------------
    def _axis_title(self, driver: str) -> str:
        """An axis's title: the driver and its unit."""
        name = driver_labels()[driver]
        if driver == "terminal_growth":
            return fill(self.tr("%1 (%)"), name)
        if is_scale(driver):
            return fill(self.tr("%1, change (%)"), name)
        return fill(self.tr("%1 shift (percentage points)"), name)

    def _drivers(self) -> tuple[str, str, str]:
        config = self._config()
        if config is None:
            return self.method, self.x_driver, self.y_driver
        return config.heatmap_method, config.heatmap_x, config.heatmap_y

    def title(self) -> str:
        method, x, y = self._drivers()
        names = driver_labels()
        return fill(QtCore.QCoreApplication.translate("HeatmapView", "Upside (%1): %2 × %3"),
                    short_method_labels().get(method, method), names.get(x, x), names.get(y, y))

    def retranslate(self) -> None:
        super().retranslate()
        method, x, y = self._drivers()
        set_title(self.plot, self.title())
        if x in HEATMAP_DRIVERS:
            set_axis_label(self.plot, "bottom", self._axis_title(x))
        if y in HEATMAP_DRIVERS:
            set_axis_label(self.plot, "left", self._axis_title(y))
        self.method_label.setText(self.tr("Method:"))
        methods = short_method_labels()
        for i, m in enumerate(HEATMAP_METHODS):
            self.method_combo.setItemText(i, methods[m])
        names = driver_labels()
        self.axis_labels["x"].setText(self.tr("Columns:"))
        self.axis_labels["y"].setText(self.tr("Rows:"))
        for combo in self.driver_combos.values():
            for i, d in enumerate(HEATMAP_DRIVERS):
                combo.setItemText(i, names[d])
        for words in self.range_words:
            for label, text in zip(words, (self.tr("from"), self.tr("to"), self.tr("steps"))):
                label.setText(text)
        if self._context is not None:
            self._sync_controls(self._context.config, force=True)
        self.colorbar.axis.setLabel(self.tr("Upside vs market cap (%)"), color=FOREGROUND)
        self.colorbar.axis.label.setFont(plot_font(9.0))
        for threshold, label in self.contour_labels.items():
            label.set(pct(threshold, 0), visible=label.visible)
        self._show_default_readout()

    def _show_default_readout(self) -> None:
        text = self.tr("Move the mouse over the map to read a cell.")
        if self.upside.size and not np.isfinite(self.upside).all():
            text += "  " + self.tr("Hatched cells: the method is invalid there (discount rate ≤ terminal growth).")
        self.readout.setText(text)

    # -- drawing ---------------------------------------------------------------
    def request(self, ctx: PlotContext) -> Request:
        c = ctx.config
        return self._request(requests.heat_grid, ctx.model, c.heatmap_x, c.heatmap_range(c.heatmap_x),
                             c.heatmap_y, c.heatmap_range(c.heatmap_y), c.heatmap_method, ctx.segment)

    def show(self, response: requests.HeatGrid) -> None:
        x, y = response.x, response.y
        changed = (response.method, response.x_driver, response.y_driver) != \
            (self.method, self.x_driver, self.y_driver)
        self.method, self.x_driver, self.y_driver = response.method, response.x_driver, response.y_driver
        if changed:
            set_title(self.plot, self.title())
            set_axis_label(self.plot, "bottom", self._axis_title(self.x_driver))
            set_axis_label(self.plot, "left", self._axis_title(self.y_driver))
        self.x_values, self.y_values, self.totals = x, y, response.totals
        self.market_cap = response.market_cap
        self.upside = response.upside
        self.base = response.base
        self.unit = response.unit
        xs, ys = shown_values(self.x_driver, x), shown_values(self.y_driver, y)
        self._xs, self._ys = xs, ys
        up_pct = self.upside * 100.0
        dx = (xs[-1] - xs[0]) / (len(xs) - 1)
        dy = (ys[-1] - ys[0]) / (len(ys) - 1)
        rect = QtCore.QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys))
        # ImageItem is column-major: first index is x.
        self.image.setImage(up_pct.T, levels=UPSIDE_LEVELS, autoLevels=False)
        self.image.setRect(rect)
        invalid = ~np.isfinite(up_pct)
        if invalid.any():
            self.hatch.setImage(_hatch_rgba(invalid.T), levels=(0, 255), autoLevels=False)
            self.hatch.setRect(rect)
            self._show_hatch(True)
        else:
            self._show_hatch(False)
        self.contours = {}
        thresholds = list(self.contour_items)
        lines = contour_levels(xs, ys, up_pct, [t * 100.0 for t in thresholds])
        for threshold, (cx, cy) in zip(thresholds, lines):
            item = self.contour_items[threshold]
            self.contours[threshold] = (cx, cy)
            item.setData(cx, cy)
        self.marker.setPos(float(shown_values(self.x_driver, response.base[0])),
                           float(shown_values(self.y_driver, response.base[1])))
        self.marker.setVisible(True)
        self.message.show(False)
        self.plot.getViewBox().setRange(rect=rect, padding=0)
        self.place_contour_labels()
        self._show_default_readout()

    def place_contour_labels(self, *args) -> None:
        """Each contour's label on its line, as near the line's middle as it
        can be while inside the map, off the marker and off the other labels
        (issue 9, item 7); hidden when its line has no such place."""
        vb = self.plot.getViewBox()
        vb.updateMatrix()
        box = vb.sceneBoundingRect().adjusted(2, 2, -2, -2)
        scene = self.plot.scene()
        if scene is None or not scene.views() or box.width() <= 0:
            return
        view = scene.views()[0]
        taken = [item_scene_rect(self.marker, view)] if self.marker.isVisible() else []
        tr = vb.childGroup.sceneTransform()
        lines = {}
        for threshold, (cx, cy) in self.contours.items():
            if cx.size >= 2:
                px = tr.m11() * cx + tr.m21() * cy + tr.dx()
                py = tr.m12() * cx + tr.m22() * cy + tr.dy()
                lines[threshold] = (px[0::2], py[0::2], px[1::2], py[1::2])
        for threshold, label in self.contour_labels.items():
            others = [seg for t, seg in lines.items() if t != threshold]
            cx, cy = self.contours.get(threshold, (np.empty(0), np.empty(0)))
            if cx.size < 2:
                label.show(False)
                continue
            mx, my = 0.5 * (cx[0::2] + cx[1::2]), 0.5 * (cy[0::2] + cy[1::2])  # segment midpoints
            sx = tr.m11() * mx + tr.m21() * my + tr.dx()
            sy = tr.m12() * mx + tr.m22() * my + tr.dy()
            size = label.size()
            w, h = size.width() + 4, size.height()
            n = mx.size
            order = sorted(range(n), key=lambda i: abs(i - n // 2))
            for i in order:
                rect = QtCore.QRectF(sx[i] - w / 2, sy[i] - h / 2, w, h)
                if box.contains(rect) and not any(rect.intersects(t) for t in taken) \
                        and not any(segments_hit_rect(seg, rect) for seg in others):
                    taken.append(rect)
                    label.set(pos=(float(mx[i]), float(my[i])), visible=True)
                    break
            else:
                label.show(False)

    def _draw_invalid(self, reason: str = "") -> None:
        self.x_values = np.empty(0)
        self.y_values = np.empty(0)
        self._xs = np.empty(0)
        self._ys = np.empty(0)
        self.totals = np.empty((0, 0))
        self.upside = np.empty((0, 0))
        self.market_cap = None
        self.contours = {}
        self.image.clear()
        self._show_hatch(False)
        for item in self.contour_items.values():
            item.setData([], [])
        for label in self.contour_labels.values():
            label.show(False)
        self.marker.setVisible(False)
        self.plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.message.set(invalid_text(reason), pos=(0.5, 0.5))
        self.readout.setText("")

    def _show_hatch(self, visible: bool) -> None:
        if visible != self._hatch_shown:
            self._hatch_shown = visible
            self.hatch.setVisible(visible)

    # -- readout ---------------------------------------------------------------
    def cell_at(self, x_shown: float, y_shown: float) -> tuple[int, int] | None:
        """(row, column) of the cell under a point in plot coordinates (percent)."""
        if self.upside.size == 0:
            return None
        xs, ys = self._xs, self._ys
        dx = (xs[-1] - xs[0]) / (len(xs) - 1)
        dy = (ys[-1] - ys[0]) / (len(ys) - 1)
        col = int(np.floor((x_shown - xs[0]) / dx + 0.5))
        row = int(np.floor((y_shown - ys[0]) / dy + 0.5))
        if 0 <= row < len(ys) and 0 <= col < len(xs):
            return row, col
        return None

    def readout_text(self, row: int, col: int) -> str:
        names = driver_labels()
        where = fill(self.tr("%1 %2, %3 %4"), names[self.x_driver], shown_text(self.x_driver, self.x_values[col]),
                     names[self.y_driver], shown_text(self.y_driver, self.y_values[row]))
        upside = self.upside[row, col]
        if not np.isfinite(upside):
            return where + ": " + self.tr("invalid (discount rate ≤ terminal growth)")
        unit = i18n.unit_text(self.unit)
        return where + ": " + fill(self.tr("value %1 %2, upside %3 (%4)"),
                                  money(self.totals[row, col]), unit, pct(upside),
                                  status_labels()[status_for(float(upside))])

    def _mouse_moved(self, scene_pos) -> None:
        if self.upside.size == 0 or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        point = self.plot.getViewBox().mapSceneToView(scene_pos)
        cell = self.cell_at(point.x(), point.y())
        if cell is None:
            self._show_default_readout()
        else:
            self.readout.setText(self.readout_text(*cell))

    def csv_table(self):
        header = [self.x_driver, self.y_driver, f"{self.method}_total", "upside", "status"]
        rows = []
        xs, ys = clean_axis(self.x_values), clean_axis(self.y_values)  # without spacing noise
        for i, g in enumerate(ys):
            for j, shift in enumerate(xs):
                up = float(self.upside[i, j])
                rows.append([float(shift), float(g), float(self.totals[i, j]), up,
                             status_for(up) if np.isfinite(up) else "invalid"])
        return header, rows


def _hatch_rgba(mask: np.ndarray) -> np.ndarray:
    """An RGBA image (HATCH_PIXELS per cell) with diagonal grey stripes on the
    masked cells and transparency elsewhere. ``mask`` is column-major (x, y)."""
    n = HATCH_PIXELS
    big = np.kron(mask.astype(np.uint8), np.ones((n, n), dtype=np.uint8)).astype(bool)
    ix, iy = np.indices(big.shape)
    stripe = ((ix + iy) % n) < 2
    rgba = np.zeros(big.shape + (4,), dtype=np.uint8)
    grey = (0xd9, 0xd9, 0xd9)
    dark = tuple(int(INVALID_COLOR[k:k + 2], 16) for k in (1, 3, 5))
    rgba[big] = (*grey, 255)
    rgba[big & stripe] = (*dark, 255)
    return rgba
