"""SVG export drawn by Qt's own SVG generator from the scene.

pyqtgraph 0.14's SVGExporter is not used: under Qt 6.12 it fails on every plot
("not enough values to unpack": QSvgGenerator now closes sub-paths with a
``Z`` token its parser does not expect), and, once that is worked around, it
still drops everything inside the view boxes of a plot whose tab has never
been shown. Rendering the scene region through QSvgGenerator (SVG 1.1, with
clip paths) gives what the screen shows, hidden tab or not.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets


def export_scene_svg(view: QtWidgets.QGraphicsView, item: QtWidgets.QGraphicsItem, path: str,
                     background: QtGui.QColor | None = None, title: str = "") -> None:
    """Write the part of ``view``'s scene covered by ``item`` to ``path``;
    raises OSError when the file cannot be written."""
    rect = item.sceneBoundingRect()
    version = getattr(QtSvg.QSvgGenerator, "SvgVersion", None)
    generator = QtSvg.QSvgGenerator(version.Svg11) if version is not None else QtSvg.QSvgGenerator()
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator.setOutputDevice(buffer)
    generator.setTitle(title)
    screen = QtGui.QGuiApplication.primaryScreen()
    if screen is not None:  # text sizes as on screen
        generator.setResolution(int(round(screen.logicalDotsPerInchX())))
    target = QtCore.QRectF(0, 0, rect.width(), rect.height())
    generator.setSize(target.size().toSize())
    generator.setViewBox(target)
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot draw the SVG of {path}")
    try:
        if background is not None:
            painter.fillRect(target, background)
        view.scene().render(painter, target, rect)
    finally:
        painter.end()
    # Written by Python, so a bad path raises OSError (with its reason)
    # instead of a Qt warning and an empty result.
    with open(path, "wb") as handle:
        handle.write(bytes(buffer.data()))
