"""Fonts and axis styling shared by every plot (white background, CJK-capable font).

pyqtgraph draws titles, axis labels and text items with QGraphicsTextItem, whose
font falls back per glyph; naming a Simplified-Chinese font first makes 亿元 and
the segment names render with the right glyph shapes on every platform.
"""
from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets  # (PySide6 before pyqtgraph)
import pyqtgraph as pg

from .colors import BACKGROUND, FOREGROUND

CACHE = QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache

_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Noto Sans CJK JP",
)
_family_cache: list[str] = []


def cjk_family() -> str:
    """The first installed CJK-capable family, else the application's family."""
    if not _family_cache:
        installed = set(QtGui.QFontDatabase.families())
        family = next((f for f in _CJK_FAMILIES if f in installed), "")
        _family_cache.append(family or QtGui.QGuiApplication.font().family())
    return _family_cache[0]


def plot_font(point_size: float = 9.0, bold: bool = False) -> QtGui.QFont:
    font = QtGui.QFont(cjk_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def style_plot(plot: pg.PlotItem, *, left_ticks: bool = True) -> None:
    """Dark-on-white axes, CJK font everywhere, no pyqtgraph context menu or
    mouse pan/zoom (the pictures are redrawn on every edit; ranges are set by us)."""
    tick_font = plot_font(8.5)
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))
        axis.setStyle(tickFont=tick_font)
        axis.label.setFont(plot_font(9.0))
        axis.enableAutoSIPrefix(False)
    if not left_ticks:
        plot.getAxis("left").setStyle(showValues=False)
    plot.titleLabel.item.setFont(plot_font(10.0, bold=True))
    # Axes and title change rarely; repainting them from a pixmap cache is
    # cheaper than replaying their text on every edit's repaint.
    for item in (*(plot.getAxis(n) for n in ("left", "bottom", "right", "top")), plot.titleLabel):
        item.setCacheMode(CACHE)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    # The views set every range themselves (keep_or_set_range); pyqtgraph's
    # auto-range would otherwise refit the axes before each paint, i.e.
    # regenerate their ticks on every edit.
    plot.getViewBox().disableAutoRange()
    plot.hideButtons()
    plot.showGrid(x=False, y=False)


def set_title(plot: pg.PlotItem, text: str) -> None:
    plot.setTitle(text, color=FOREGROUND, size="10pt", bold=True)
    plot.titleLabel.item.setFont(plot_font(10.0, bold=True))


def set_axis_label(plot: pg.PlotItem, side: str, text: str) -> None:
    plot.setLabel(side, text, color=FOREGROUND)
    plot.getAxis(side).label.setFont(plot_font(9.0))


def new_layout_widget() -> pg.GraphicsLayoutWidget:
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground(BACKGROUND)
    return widget


class Label:
    """A text label at a data point, in fixed pixel size, that only touches Qt
    when something changed.

    A plain ``QGraphicsSimpleTextItem`` that ignores the view transform (no
    rich-text document, unlike pyqtgraph's TextItem, whose ``setText`` alone
    cost ~0.1 ms); ``anchor`` is the point of the text box put at ``pos``:
    (0, 0.5) = left edge, vertically centred. ``fill`` paints a box behind it."""

    __slots__ = ("item", "box", "offset", "_text", "_anchor", "_pos", "_visible")

    def __init__(self, plot: pg.PlotItem, color: str = FOREGROUND, anchor=(0, 0.5),
                 size: float = 8.5, bold: bool = False, z: float = 10.0,
                 fill: QtGui.QColor | None = None, offset: tuple[float, float] = (0.0, 0.0)) -> None:
        #: Extra shift in pixels (x right, y down), e.g. to clear a marker.
        self.offset = offset
        self.item = QtWidgets.QGraphicsSimpleTextItem()
        self.item.setFont(plot_font(size, bold=bold))
        self.item.setBrush(QtGui.QBrush(QtGui.QColor(color)))
        self.item.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.item.setZValue(z)
        self.box: QtWidgets.QGraphicsRectItem | None = None
        if fill is not None:
            self.box = QtWidgets.QGraphicsRectItem(self.item)
            self.box.setBrush(QtGui.QBrush(fill))
            self.box.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
            self.box.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)
        plot.addItem(self.item, ignoreBounds=True)
        self._text = ""
        self._anchor = tuple(anchor)
        self._pos = (None, None)
        self._visible = True

    def place(self) -> None:
        """Re-apply the anchor and offset (after changing ``offset``)."""
        self._place()

    @property
    def anchor(self) -> tuple[float, float]:
        return self._anchor

    def _place(self) -> None:
        rect = self.item.boundingRect()
        ax, ay = self._anchor
        dx, dy = self.offset
        self.item.setTransform(QtGui.QTransform.fromTranslate(dx - ax * rect.width(), dy - ay * rect.height()))
        if self.box is not None:
            self.box.setRect(rect.adjusted(-2, 0, 2, 0))

    def set(self, text: str | None = None, pos: tuple[float, float] | None = None,
            anchor: tuple[float, float] | None = None, visible: bool = True) -> None:
        replace = False
        if text is not None and text != self._text:
            self._text = text
            self.item.setText(text)
            replace = True
        if anchor is not None and tuple(anchor) != self._anchor:
            self._anchor = tuple(anchor)
            replace = True
        if replace:
            self._place()
        if pos is not None and pos != self._pos:
            self._pos = pos
            self.item.setPos(*pos)
        self.show(visible)

    def show(self, visible: bool) -> None:
        if visible != self._visible:
            self._visible = visible
            self.item.setVisible(visible)

    def size(self) -> QtCore.QSizeF:
        """The text's size in pixels."""
        return self.item.boundingRect().size()

    @property
    def text(self) -> str:
        return self._text

    @property
    def visible(self) -> bool:
        return self._visible


def marker_item(plot: pg.PlotItem, color: str, size: float = 10.0, symbol: str = "o",
                z: float = 30.0) -> QtWidgets.QGraphicsItem:
    """A fixed-pixel-size marker moved with ``setPos`` (a plain Qt item: far
    cheaper per edit and per paint than a ScatterPlotItem)."""
    half = size / 2.0
    if symbol == "+":
        path = QtGui.QPainterPath()
        path.moveTo(-half, 0)
        path.lineTo(half, 0)
        path.moveTo(0, -half)
        path.lineTo(0, half)
        item = QtWidgets.QGraphicsPathItem(path)
        item.setPen(QtGui.QPen(QtGui.QColor(color), 2.4))
    else:
        item = QtWidgets.QGraphicsEllipseItem(-half, -half, size, size)
        item.setPen(QtGui.QPen(QtGui.QColor(FOREGROUND), 1.2))
        item.setBrush(QtGui.QBrush(QtGui.QColor(color)))
    item.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setZValue(z)
    plot.addItem(item, ignoreBounds=True)
    return item


def keep_or_set_range(vb: pg.ViewBox, lo: float, hi: float, axis: str = "y",
                      pad: float = 0.06, slack: float = 1.6) -> bool:
    """Show at least [lo, hi] on ``axis``, keeping the current range when it
    already covers the data without being more than ``slack`` times too wide.

    Small edits then leave the axis alone, so its ticks are not regenerated
    and the picture does not jump on every keystroke. Returns whether the
    range was changed."""
    span = hi - lo if hi > lo else max(abs(hi), 1.0) * 0.1
    (x0, x1), (y0, y1) = vb.viewRange()
    cur_lo, cur_hi = (y0, y1) if axis == "y" else (x0, x1)
    if cur_lo <= lo and cur_hi >= hi and (cur_hi - cur_lo) <= slack * span * (1 + 2 * pad):
        return False
    new = (lo - pad * span, hi + pad * span)
    if axis == "y":
        vb.setYRange(*new, padding=0)
    else:
        vb.setXRange(*new, padding=0)
    return True


def keep_bar_view(plot: pg.PlotItem, count: int, values, top_room: float = 0.0) -> None:
    """A bar chart of ``count`` groups (bars centred on 0 … count−1) showing
    ``values`` (bar tops and bottoms): every bar and the zero line in view,
    the axes left as they are while the bars stay inside them
    (:func:`keep_or_set_range`), so an edit that moves a bar repaints the bars,
    not the axes' ticks."""
    vb = plot.getViewBox()
    vb.disableAutoRange()
    x_range = (-0.6, max(count, 1) - 0.4)
    if tuple(vb.viewRange()[0]) != x_range:
        vb.setXRange(*x_range, padding=0)
    finite = [float(v) for v in values if np.isfinite(v)] + [0.0]
    lo, hi = min(finite), max(finite)
    # ``top_room``: a share of the bars' span kept free above them (for a legend)
    keep_or_set_range(vb, lo, hi + top_room * (hi - lo), "y", pad=0.06)
