"""The seven status bands shaded behind a value axis, with their labels and
the market-cap line: built once, moved on every update."""
from __future__ import annotations

from PySide6 import QtCore, QtGui
import pyqtgraph as pg

from models.status import STATUS_CODES, band_edges

from .colors import MARKET_CAP_COLOR, STATUS_COLORS
from .labels import money, status_labels
from .style import plot_font, text_item

BAND_ALPHA = 70


class StatusBands:
    """Horizontal (value on the y axis) or vertical (value on x) status bands.

    Band edges sit at ``market_cap × (1 + threshold)`` for the engine's
    ``STATUS_THRESHOLDS`` (``models.status.band_edges``)."""

    def __init__(self, plot: pg.PlotItem, orientation: str = "horizontal") -> None:
        self.plot = plot
        self.orientation = orientation
        self.edges: list[float] = []
        self.market_cap: float | None = None
        self.regions: list[pg.LinearRegionItem] = []
        self.labels: list[pg.TextItem] = []
        for code in STATUS_CODES:
            color = QtGui.QColor(STATUS_COLORS[code])
            color.setAlpha(BAND_ALPHA)
            region = pg.LinearRegionItem(
                values=(0, 1), orientation=orientation, movable=False,
                brush=pg.mkBrush(color), pen=pg.mkPen(None))
            region.setZValue(-100)
            for line in region.lines:
                line.setPen(pg.mkPen(None))
                line.setHoverPen(pg.mkPen(None))
            plot.addItem(region, ignoreBounds=True)
            self.regions.append(region)
            anchor = (1, 0.5) if orientation == "horizontal" else (0.5, 0)
            label = text_item(color="#202020", anchor=anchor, size=8.0)
            label.setZValue(-50)
            plot.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        angle = 0 if orientation == "horizontal" else 90
        self.cap_line = pg.InfiniteLine(
            angle=angle, movable=False,
            pen=pg.mkPen(MARKET_CAP_COLOR, width=1.6, style=QtCore.Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.5 if orientation == "horizontal" else 0.96,
                                 "color": MARKET_CAP_COLOR, "anchors": [(0, 1), (0, 1)]
                                 if orientation == "horizontal" else [(1, 0), (1, 0)]})
        self.cap_line.label.setFont(plot_font(8.5, bold=True))
        self.cap_line.setZValue(20)
        plot.addItem(self.cap_line, ignoreBounds=True)
        self._label_texts: list[str] = []
        self._cap_text = ""
        plot.getViewBox().sigRangeChanged.connect(self.place_labels)
        self.retranslate()

    def retranslate(self) -> None:
        names = status_labels()
        texts = [names[code] for code in STATUS_CODES]
        if texts != self._label_texts:
            self._label_texts = texts
            for label, text in zip(self.labels, texts):
                label.setText(text)
        self._cap_text = ""
        if self.market_cap is not None:
            self._set_cap_label()

    def _set_cap_label(self) -> None:
        text = QtCore.QCoreApplication.translate("StatusBands", "Market cap {value}").format(
            value=money(self.market_cap))
        if text != self._cap_text:
            self._cap_text = text
            self.cap_line.label.setFormat(text)

    def set_market_cap(self, market_cap: float | None) -> None:
        self.market_cap = market_cap
        visible = market_cap is not None
        for item in (*self.regions, *self.labels, self.cap_line):
            item.setVisible(visible)
        if not visible:
            self.edges = []
            return
        self.edges = band_edges(market_cap)
        far = abs(market_cap) * 1000.0 + 1e6
        bounds = [-far, *self.edges, far]
        for region, lo, hi in zip(self.regions, bounds[:-1], bounds[1:]):
            region.setRegion((lo, hi))
        self.cap_line.setValue(market_cap)
        self._set_cap_label()
        self.place_labels()

    def place_labels(self, *args) -> None:
        """Put each band's label at the middle of its visible part, at the
        plot's right edge (or top, for vertical bands); hide it when the band
        is too thin to read."""
        if self.market_cap is None:
            return
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        horizontal = self.orientation == "horizontal"
        lo_view, hi_view = (y0, y1) if horizontal else (x0, x1)
        span = hi_view - lo_view
        # Data units per pixel along the value axis: a label shows only where
        # its band is wider than the text.
        pixel = vb.viewPixelSize()[1 if horizontal else 0]
        bounds = [-float("inf"), *self.edges, float("inf")]
        for label, lo, hi in zip(self.labels, bounds[:-1], bounds[1:]):
            a, b = max(lo, lo_view), min(hi, hi_view)
            rect = label.textItem.boundingRect()
            needed = (rect.height() if horizontal else rect.width() + 6) * pixel
            if span <= 0 or (b - a) < needed:
                label.setVisible(False)
                continue
            label.setVisible(True)
            mid = 0.5 * (a + b)
            if self.orientation == "horizontal":
                label.setPos(x1 - 0.005 * (x1 - x0), mid)
            else:
                label.setPos(mid, y1)
