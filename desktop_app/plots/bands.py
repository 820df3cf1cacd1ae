"""The seven status bands shaded behind a value axis, with their labels and
the market-cap line: built once, moved on every update."""
from __future__ import annotations

from PySide6 import QtCore, QtGui
import pyqtgraph as pg

from models.status import STATUS_CODES, band_edges

from desktop_app.i18n import fill

from .colors import MARKET_CAP_COLOR, STATUS_COLORS
from .labels import money, status_labels
from .style import Label, plot_font

BAND_ALPHA = 70


def blend_on_white(hex_color: str, alpha: float) -> QtGui.QColor:
    """The opaque colour a translucent one shows on white: opaque fills are
    several times cheaper to paint than alpha-blended ones."""
    c = QtGui.QColor(hex_color)
    mix = lambda v: round(255 * (1 - alpha) + v * alpha)  # noqa: E731
    return QtGui.QColor(mix(c.red()), mix(c.green()), mix(c.blue()))


class BandsItem(pg.GraphicsObject):
    """Seven filled bands in one item (cheaper to paint than seven
    LinearRegionItems and their fourteen edge lines). ``edges`` are the six
    values between bands; the outer bands extend past the view."""

    def __init__(self, colors: list[QtGui.QColor], orientation: str) -> None:
        super().__init__()
        self.orientation = orientation
        self.brushes = [QtGui.QBrush(c) for c in colors]
        self.edges: list[float] = []
        self.setZValue(-100)

    def set_edges(self, edges: list[float]) -> None:
        self.edges = list(edges)
        self.update()

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()  # drops the cached view rect
        self.prepareGeometryChange()

    def boundingRect(self) -> QtCore.QRectF:
        rect = self.viewRect()
        return QtCore.QRectF() if rect is None else rect

    def paint(self, painter: QtGui.QPainter, *args) -> None:
        rect = self.viewRect()
        if rect is None or not self.edges:
            return
        horizontal = self.orientation == "horizontal"
        lo_view, hi_view = (rect.top(), rect.bottom()) if horizontal else (rect.left(), rect.right())
        bounds = [min(lo_view, self.edges[0]), *self.edges, max(hi_view, self.edges[-1])]
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        for brush, lo, hi in zip(self.brushes, bounds[:-1], bounds[1:]):
            lo, hi = max(lo, lo_view), min(hi, hi_view)
            if hi <= lo:
                continue
            if horizontal:
                band = QtCore.QRectF(rect.left(), lo, rect.width(), hi - lo)
            else:
                band = QtCore.QRectF(lo, rect.top(), hi - lo, rect.height())
            painter.fillRect(band, brush)


class StatusBands:
    """Horizontal (value on the y axis) or vertical (value on x) status bands.

    Band edges sit at ``market_cap × (1 + threshold)`` for the engine's
    ``STATUS_THRESHOLDS`` (``models.status.band_edges``)."""

    def __init__(self, plot: pg.PlotItem, orientation: str = "horizontal") -> None:
        self.plot = plot
        self.orientation = orientation
        self.edges: list[float] = []
        self.market_cap: float | None = None
        self.labels: list[Label] = []
        #: Band fill colours in STATUS_CODES order (opaque, the badge colour on white).
        self.colors = [blend_on_white(STATUS_COLORS[code], BAND_ALPHA / 255.0) for code in STATUS_CODES]
        self.item = BandsItem(self.colors, orientation)
        plot.addItem(self.item, ignoreBounds=True)
        for code in STATUS_CODES:
            anchor = (1, 0.5) if orientation == "horizontal" else (0.5, 0)
            self.labels.append(Label(plot, color="#202020", anchor=anchor, size=8.0, z=-50))
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
        self._visible = True
        # Ranges are set by the views (then they call place_labels); a resize
        # changes how many pixels a band has, so labels are re-placed then too.
        plot.getViewBox().sigResized.connect(self.place_labels)
        self.retranslate()

    def retranslate(self) -> None:
        names = status_labels()
        texts = [names[code] for code in STATUS_CODES]
        if texts != self._label_texts:
            self._label_texts = texts
            for label, text in zip(self.labels, texts):
                label.set(text, visible=label.visible)
        self._cap_text = ""
        if self.market_cap is not None:
            self._set_cap_label()

    def _set_cap_label(self) -> None:
        if self.orientation != "horizontal":
            # Value on x (the bridge): the market-cap bar carries the number,
            # and a label on the line would sit on the band labels.
            return
        text = fill(QtCore.QCoreApplication.translate("StatusBands", "Market cap %1"), money(self.market_cap))
        if text != self._cap_text:
            self._cap_text = text
            self.cap_line.label.setFormat(text)

    def set_market_cap(self, market_cap: float | None) -> None:
        self.market_cap = market_cap
        visible = market_cap is not None
        if visible != self._visible:
            self._visible = visible
            for item in (self.item, self.cap_line):
                item.setVisible(visible)
            for label in self.labels:
                label.show(visible)
        if not visible:
            self.edges = []
            return
        edges = band_edges(market_cap)
        if edges != self.edges:
            self.edges = edges
            self.item.set_edges(edges)
        if self.cap_line.value() != market_cap:
            self.cap_line.setValue(market_cap)
        self._set_cap_label()

    def place_labels(self, *args) -> None:
        """Put each band's label at the middle of its visible part, at the
        plot's right edge (or top, for vertical bands); hide it when the band
        is too thin to read."""
        if self.market_cap is None:
            return
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        size = vb.size()
        horizontal = self.orientation == "horizontal"
        lo_view, hi_view = (y0, y1) if horizontal else (x0, x1)
        span = hi_view - lo_view
        # Data units per pixel along the value axis: a label shows only where
        # its band is wider than the text.
        extent = size.height() if horizontal else size.width()
        if extent <= 0:
            return
        pixel = span / extent
        bounds = [-float("inf"), *self.edges, float("inf")]
        for label, lo, hi in zip(self.labels, bounds[:-1], bounds[1:]):
            a, b = max(lo, lo_view), min(hi, hi_view)
            size = label.size()
            needed = (size.height() if horizontal else size.width() + 6) * pixel
            if span <= 0 or (b - a) < needed:
                label.show(False)
                continue
            mid = 0.5 * (a + b)
            pos = (x1 - 0.005 * (x1 - x0), mid) if horizontal else (mid, y1)
            label.set(pos=pos)
