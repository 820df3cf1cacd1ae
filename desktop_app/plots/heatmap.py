"""Upside (DDM) over discount-rate shift × terminal growth, with the band
thresholds as contour lines and hatching where the method is invalid (r ≤ gT)."""
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
from .labels import money, pct, status_labels
from .style import Label, marker_item, new_layout_widget, plot_font, set_axis_label, set_title, style_plot

#: Colour-bar range, in percent upside.
UPSIDE_LEVELS = (-100.0, 150.0)
#: Colour stops: each band's badge colour at the band's middle (percent upside).
_STOPS = (-75.0, -40.0, -25.0, 2.5, 37.5, 75.0, 125.0)
HATCH_PIXELS = 8


def upside_colormap() -> pg.ColorMap:
    lo, hi = UPSIDE_LEVELS
    pos = [(s - lo) / (hi - lo) for s in _STOPS]
    pos = [0.0] + pos + [1.0]
    colors = [STATUS_COLORS[c] for c in STATUS_CODES]
    colors = [colors[0]] + colors + [colors[-1]]
    return pg.ColorMap(pos, colors)


class HeatmapView(PlotView):
    key = "heatmap"
    config_fields = ("heatmap_rate", "heatmap_terminal_growth")
    x_driver = requests.UpsideGrid.x_driver
    y_driver = requests.UpsideGrid.y_driver

    def __init__(self, runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(runner, parent)
        self.x_values = np.empty(0)   # discount-rate shifts (decimals)
        self.y_values = np.empty(0)   # terminal growth levels (decimals)
        self.totals = np.empty((0, 0))  # (ny, nx) DDM total equity value
        self.upside = np.empty((0, 0))  # (ny, nx) decimals, NaN where invalid
        self.market_cap: float | None = None
        self.unit = ""
        self.base = (float("nan"), float("nan"))
        self.contours: dict[float, tuple[np.ndarray, np.ndarray]] = {}

        self.widget = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
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

    def title(self) -> str:
        return QtCore.QCoreApplication.translate(
            "HeatmapView", "Upside (DDM): discount-rate shift × terminal growth")

    def retranslate(self) -> None:
        super().retranslate()
        set_title(self.plot, self.title())
        set_axis_label(self.plot, "bottom", self.tr("Discount-rate shift (percentage points, %)"))
        set_axis_label(self.plot, "left", self.tr("Terminal growth (%)"))
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
        return self._request(requests.upside_grid, ctx.model, ctx.result, ctx.config.heatmap_rate,
                             ctx.config.heatmap_terminal_growth, ctx.segment)

    def show(self, response: requests.UpsideGrid) -> None:
        x, y = response.x, response.y
        self.x_values, self.y_values, self.totals = x, y, response.totals
        self.market_cap = response.market_cap
        self.upside = response.upside
        self.base = response.base
        self.unit = response.unit
        base_g = response.base[1]
        xs, ys = x * 100.0, y * 100.0
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
        self.marker.setPos(0.0, base_g * 100.0)
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
        xs, ys = self.x_values * 100.0, self.y_values * 100.0
        dx = (xs[-1] - xs[0]) / (len(xs) - 1)
        dy = (ys[-1] - ys[0]) / (len(ys) - 1)
        col = int(np.floor((x_shown - xs[0]) / dx + 0.5))
        row = int(np.floor((y_shown - ys[0]) / dy + 0.5))
        if 0 <= row < len(ys) and 0 <= col < len(xs):
            return row, col
        return None

    def readout_text(self, row: int, col: int) -> str:
        where = fill(self.tr("Discount rate %1 pt, terminal growth %2"),
                     pct(self.x_values[col], 2).rstrip("%"), pct(self.y_values[row], 2, signed=False))
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
        header = [self.x_driver, self.y_driver, "ddm_total", "upside", "status"]
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
