"""Fonts and axis styling shared by every plot (white background, CJK-capable font).

pyqtgraph draws titles, axis labels and text items with QGraphicsTextItem, whose
font falls back per glyph; naming a Simplified-Chinese font first makes 亿元 and
the segment names render with the right glyph shapes on every platform.
"""
from __future__ import annotations

from PySide6 import QtGui  # noqa: F401  (PySide6 before pyqtgraph)
import pyqtgraph as pg

from .colors import BACKGROUND, FOREGROUND

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
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.15)


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


def text_item(color: str = FOREGROUND, anchor=(0, 0.5), size: float = 8.5,
              bold: bool = False) -> pg.TextItem:
    item = pg.TextItem("", color=color, anchor=anchor)
    item.setFont(plot_font(size, bold=bold))
    return item
