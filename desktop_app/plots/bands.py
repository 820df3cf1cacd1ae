"""The seven status bands shaded behind a value axis, with their labels and
the market-cap line: built once, moved on every update."""
from __future__ import annotations

import itertools

from PySide6 import QtCore, QtGui, QtWidgets
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
        #: Rows of labels the vertical bands may use at the top of the plot
        #: (the bridge keeps them free of bars).
        self.label_rows = 2
        #: band index → where its label was put last (scene pixels).
        self._last: dict[int, QtCore.QRectF] = {}
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

    def place_labels(self, *args, obstacles: "Obstacles | None" = None,
                     taken: list[QtCore.QRectF] | None = None) -> None:
        """Give each band whose visible part is at least a few pixels wide a
        label, centred on the band where it is free: never cut by the plot's
        edge, never on a curve, a bar, a line, the legend, a marker or another
        label (issue 9, item 7). Horizontal bands (value on y): the label sits
        near the right edge, moved along the band until it is free; vertical
        bands (the bridge): in the rows the view keeps free at the top
        (``label_rows``), moved sideways within the band, a second row for a
        band narrower than its label."""
        if self.market_cap is None:
            return
        vb = self.plot.getViewBox()
        box = vb.sceneBoundingRect()
        if box.width() <= 0 or box.height() <= 0:
            return
        horizontal = self.orientation == "horizontal"
        if obstacles is None:
            own = {label.item for label in self.labels}
            obstacles = scene_obstacles(self.plot, exclude=own | {self.item})
        placed: list[QtCore.QRectF] = list(taken or [])
        bounds = [-float("inf"), *self.edges, float("inf")]
        spans = []
        for k, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
            a, b = self._scene_span(vb, lo, hi, box, horizontal)
            spans.append((b - a, k, a, b))
        # Narrow bands first: they have the fewest places to go.
        for extent, k, a, b in sorted(spans):
            label = self.labels[k]
            if extent < MIN_BAND_PIXELS:
                label.show(False)
                continue
            size = label.size()
            rect = None
            # Where it was, if that is still in its band and free: most edits move little.
            last = self._last.get(k)
            centre = None if last is None else (last.center().y() if horizontal else last.center().x())
            first = [last] if last is not None and last.size() == size and a <= centre <= b else []
            for candidate in itertools.chain(first, self._candidates(box, a, b, size.width(), size.height(),
                                                                     horizontal)):
                if _free(candidate, box, obstacles, placed):
                    rect = candidate
                    break
            if rect is None:  # nowhere free: the preferred place, on top
                rect = next(iter(self._candidates(box, a, b, size.width(), size.height(), horizontal)))
            placed.append(rect)
            self._last[k] = rect
            point = vb.mapSceneToView(rect.topLeft())
            label.set(pos=(point.x(), point.y()), anchor=(0, 0), visible=True)

    def _scene_span(self, vb, lo: float, hi: float, box: QtCore.QRectF, horizontal: bool) -> tuple[float, float]:
        """A band's visible part along the value axis, in scene pixels (a < b)."""
        (x0, x1), (y0, y1) = vb.viewRange()
        if horizontal:
            lo, hi = max(lo, y0), min(hi, y1)
            if hi <= lo:
                return 0.0, 0.0
            p = vb.mapViewToScene(QtCore.QPointF(x0, lo)).y()
            q = vb.mapViewToScene(QtCore.QPointF(x0, hi)).y()
        else:
            lo, hi = max(lo, x0), min(hi, x1)
            if hi <= lo:
                return 0.0, 0.0
            p = vb.mapViewToScene(QtCore.QPointF(lo, y0)).x()
            q = vb.mapViewToScene(QtCore.QPointF(hi, y0)).x()
        return min(p, q), max(p, q)

    def _candidates(self, box: QtCore.QRectF, a: float, b: float, w: float, h: float, horizontal: bool):
        """Places for a w × h label of the band [a, b] (scene pixels along the
        value axis), best first; the label's centre stays inside the band."""
        mid = 0.5 * (a + b)
        half = 0.5 * (b - a)
        offsets = [0.0]
        step = 3.0
        k = 1
        while k * step <= half:
            offsets += [k * step, -k * step]
            k += 1
        if horizontal:
            xs = [box.right() - MARGIN - w]
            x = xs[0] - w / 2
            while x >= box.left() + MARGIN:
                xs.append(x)
                x -= w / 2
            for x in xs:
                for d in offsets:
                    yield QtCore.QRectF(x, mid + d - h / 2, w, h)
        else:
            # A small shift beats a second row; a large one does not.
            places = sorted(((abs(d) + ROW_COST * row, row, d) for row in range(self.label_rows)
                             for d in offsets))
            for _, row, d in places:
                y = box.top() + MARGIN + row * (h + ROW_GAP)
                yield QtCore.QRectF(mid + d - w / 2, y, w, h)

    def rows_height(self) -> float:
        """Pixels the vertical bands' labels need at the top of the plot."""
        h = max((label.size().height() for label in self.labels), default=0.0)
        return MARGIN + self.label_rows * (h + ROW_GAP)


#: Pixels kept between a band label and the plot's edge.
MARGIN = 2.0
#: Pixels between two rows of vertical band labels.
ROW_GAP = 2.0
#: How many pixels of sideways shift a second row of labels is worth.
ROW_COST = 24.0
#: Pixels kept between two band labels side by side.
LABEL_GAP = 6.0
#: A band narrower than this (pixels) gets no label.
MIN_BAND_PIXELS = 4.0


def _free(rect: QtCore.QRectF, box: QtCore.QRectF, obstacles, placed) -> bool:
    if not box.adjusted(MARGIN - 0.5, MARGIN - 0.5, 0.5 - MARGIN, 0.5 - MARGIN).contains(rect):
        return False
    if any(rect.adjusted(-LABEL_GAP, 0, LABEL_GAP, 0).intersects(other) for other in placed):
        return False
    return not obstacles.hits(rect)


class Obstacles:
    """What a label must not touch, in scene pixels: rectangles, polylines
    (curves, connectors) and straight lines across the plot (infinite lines)."""

    def __init__(self) -> None:
        self.rects: list[QtCore.QRectF] = []
        self.segments: list = []  # (x0, y0, x1, y1) arrays, one set per polyline
        self.lines: list = []     # the same, for infinite lines
        self._joined: dict = {}

    def _all(self, kind: str):
        """One set of arrays for all polylines (or lines): one test per rectangle."""
        if kind not in self._joined:
            import numpy as np

            parts = self.segments if kind == "segments" else self.lines
            x0, y0, x1, y1 = (np.concatenate([p[i] for p in parts]) if parts else np.empty(0) for i in range(4))
            # with each segment's bounding box, for a quick reject
            self._joined[kind] = (x0, y0, x1, y1, np.minimum(x0, x1), np.maximum(x0, x1),
                                  np.minimum(y0, y1), np.maximum(y0, y1))
        return self._joined[kind]

    def hits(self, rect: QtCore.QRectF, lines: bool = True) -> bool:
        if any(rect.intersects(r) for r in self.rects):
            return True
        if segments_hit_rect(self._all("segments"), rect):
            return True
        return lines and segments_hit_rect(self._all("lines"), rect)


def segments_hit_rect(seg, rect: QtCore.QRectF) -> bool:
    """Whether any of the segments (x0, y0, x1, y1 arrays) touches ``rect``
    (Liang–Barsky clipping, vectorized)."""
    import numpy as np

    x0, y0, x1, y1 = seg[:4]
    if x0.size == 0:
        return False
    left, right, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
    # Quick reject by bounding boxes.
    if len(seg) == 8:
        xmin, xmax, ymin, ymax = seg[4:]
    else:
        xmin, xmax, ymin, ymax = np.minimum(x0, x1), np.maximum(x0, x1), np.minimum(y0, y1), np.maximum(y0, y1)
    near = np.flatnonzero((xmax >= left) & (xmin <= right) & (ymax >= top) & (ymin <= bottom))
    for i in near.tolist():  # usually a handful: clip each (Liang–Barsky)
        ax, ay, bx, by = float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i])
        dx, dy = bx - ax, by - ay
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
            if p == 0:
                if q < 0:
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                break
        else:
            return True
    return False


def scene_obstacles(plot: pg.PlotItem, exclude=frozenset(), lines: bool = True) -> Obstacles:
    """The visible items of a plot as obstacles in scene pixels: curves
    (polylines), bars (rectangles), infinite lines, text labels and markers
    (their boxes), the legend."""
    import numpy as np

    vb = plot.getViewBox()
    vb.updateMatrix()  # a range just set is applied lazily
    box = vb.sceneBoundingRect()
    view = plot.scene().views()[0] if plot.scene() is not None and plot.scene().views() else None
    out = Obstacles()
    tr = vb.childGroup.sceneTransform()

    def to_scene(x, y):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        sx = tr.m11() * x + tr.m21() * y + tr.dx()
        sy = tr.m12() * x + tr.m22() * y + tr.dy()
        return sx, sy

    for item in list(plot.items):
        if item in exclude or not item.isVisible():
            continue
        if isinstance(item, pg.PlotCurveItem) or isinstance(item, pg.PlotDataItem):
            x, y = item.getData() if isinstance(item, pg.PlotCurveItem) else item.getData()
            if x is None or len(x) < 2:
                continue
            sx, sy = to_scene(x, y)
            pairs = getattr(item, "opts", {}).get("connect") == "pairs" or \
                getattr(getattr(item, "curve", None), "opts", {}).get("connect") == "pairs"
            if pairs:
                seg = (sx[0::2], sy[0::2], sx[1::2], sy[1::2])
            else:
                seg = (sx[:-1], sy[:-1], sx[1:], sy[1:])
            finite = np.isfinite(seg[0]) & np.isfinite(seg[1]) & np.isfinite(seg[2]) & np.isfinite(seg[3])
            out.segments.append(tuple(a[finite] for a in seg))
        elif isinstance(item, pg.BarGraphItem):
            opts = item.opts
            x0, width, y, height = (opts.get(k) for k in ("x0", "width", "y", "height"))
            if x0 is None or width is None or y is None or len(np.atleast_1d(x0)) == 0:
                continue
            x0, width, y = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (x0, width, y))
            height = np.broadcast_to(np.asarray(height, dtype=float), y.shape)
            ax, ay = to_scene(x0, y - height / 2)
            bx, by = to_scene(x0 + width, y + height / 2)
            for p, q, r, s in zip(ax, ay, bx, by):
                out.rects.append(QtCore.QRectF(QtCore.QPointF(min(p, r), min(q, s)),
                                               QtCore.QPointF(max(p, r), max(q, s))))
        elif isinstance(item, pg.InfiniteLine):
            value = item.value()
            if not lines:
                pass
            elif item.angle % 180 == 90:
                sx, _ = to_scene([value], [0.0])
                out.lines.append((sx, np.array([box.top()]), sx, np.array([box.bottom()])))
            else:
                _, sy = to_scene([0.0], [value])
                out.lines.append((np.array([box.left()]), sy, np.array([box.right()]), sy))
            label = getattr(item, "label", None)
            if label is not None and label.isVisible() and label.toPlainText():
                out.rects.append(label.sceneBoundingRect())
        elif isinstance(item, (QtWidgets.QGraphicsSimpleTextItem, QtWidgets.QGraphicsEllipseItem,
                               QtWidgets.QGraphicsPathItem)):
            if isinstance(item, QtWidgets.QGraphicsSimpleTextItem) and not item.text():
                continue
            out.rects.append(item_scene_rect(item, view))
    legend = getattr(plot, "legend", None)
    if legend is not None and legend not in exclude and legend.isVisible() and legend.items:
        out.rects.append(legend.sceneBoundingRect())
    return out


def item_scene_rect(item: QtWidgets.QGraphicsItem, view=None) -> QtCore.QRectF:
    """An item's box in scene pixels, right also for items that ignore the
    view's transformations (labels, markers)."""
    if view is not None:
        device = item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
        return view.mapToScene(device.toAlignedRect()).boundingRect() if not view.transform().isIdentity() \
            else QtCore.QRectF(device)
    return item.sceneBoundingRect()
