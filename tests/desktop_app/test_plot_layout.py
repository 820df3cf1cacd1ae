"""Issue 9, item 7: plots never collide. Every text a plot draws lies inside
its plot box, on no bar, curve, line, legend, marker or other text; every
status band wide enough to hold a label has one, over the band; the Export
button's menu arrow sits beside its text. In both languages, at the dock's
default size, the narrowest panel and a tall one.

The geometry is read back from the scene here, independently of the code
that places the labels (curves are walked pixel by pixel)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402
import pyqtgraph as pg  # noqa: E402

from models.status import STATUS_CODES, band_edges  # noqa: E402

from desktop_app import i18n  # noqa: E402
from desktop_app.plots import SensitivityPanel  # noqa: E402

from tests.desktop_app.plots_helpers import sample, state_of  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TABS = {"discount_rate": 0, "terminal_growth": 1, "margin": 1, "growth": 1, "tornado": 3, "bridge": 4}
#: height 0: the panel's minimum height, which is the dock's default height in the window
SIZES = {"dock": (1600, 440), "narrow": (0, 440), "tall": (1400, 820), "default": (1590, 0)}


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def make_panel(qtbot, size):
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    width, height = size
    panel.resize(width or panel.minimumSizeHint().width(), height or panel.minimumSizeHint().height())
    panel.show()
    qtbot.waitExposed(panel)
    model, result = sample()
    panel.update_state(state_of(model, result))
    return panel


# -- reading the scene back ------------------------------------------------------
def scene_rect(item) -> QtCore.QRectF:
    """The item's box in scene pixels (the views have no transform: scene =
    widget pixels), right for items that ignore transformations too."""
    view = item.scene().views()[0]
    assert view.transform().isIdentity()
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def texts(plot: pg.PlotItem) -> list[tuple[str, QtCore.QRectF]]:
    """Every visible text drawn in the plot box: value, band and marker
    labels, and an infinite line's label."""
    out = []
    for item in plot.items:
        if isinstance(item, QtWidgets.QGraphicsSimpleTextItem) and item.isVisible() and item.text():
            out.append((item.text(), scene_rect(item)))
        label = getattr(item, "label", None)
        if isinstance(item, pg.InfiniteLine) and item.isVisible() and label is not None \
                and label.isVisible() and label.toPlainText():
            out.append((item.label.toPlainText(), item.label.sceneBoundingRect()))
    return out


def to_scene(vb, x, y) -> tuple[np.ndarray, np.ndarray]:
    points = [vb.mapViewToScene(QtCore.QPointF(float(a), float(b))) for a, b in zip(x, y)]
    return np.array([p.x() for p in points]), np.array([p.y() for p in points])


def lines(plot: pg.PlotItem) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Curves, connectors and infinite lines as scene points every pixel or less."""
    vb = plot.getViewBox()
    box = vb.sceneBoundingRect()
    out = []
    for item in plot.items:
        if not item.isVisible():
            continue
        if isinstance(item, (pg.PlotCurveItem, pg.PlotDataItem)):
            x, y = item.getData()
            if x is None or len(x) < 2:
                continue
            sx, sy = to_scene(vb, x, y)
            opts = item.opts if isinstance(item, pg.PlotCurveItem) else item.curve.opts
            step = 2 if opts.get("connect") == "pairs" else 1
            pairs = [(k, k + 1) for k in range(0, len(sx) - 1, step)]
        elif isinstance(item, pg.InfiniteLine):
            if item.angle % 180 == 90:
                sx, _ = to_scene(vb, [item.value()], [0.0])
                sx, sy = np.array([sx[0], sx[0]]), np.array([box.top(), box.bottom()])
            else:
                _, sy = to_scene(vb, [0.0], [item.value()])
                sx, sy = np.array([box.left(), box.right()]), np.array([sy[0], sy[0]])
            pairs = [(0, 1)]
        else:
            continue
        for a, b in pairs:
            if not np.isfinite([sx[a], sy[a], sx[b], sy[b]]).all():
                continue
            n = int(max(abs(sx[b] - sx[a]), abs(sy[b] - sy[a]))) + 2
            t = np.linspace(0.0, 1.0, n)
            out.append((type(item).__name__, sx[a] + t * (sx[b] - sx[a]), sy[a] + t * (sy[b] - sy[a])))
    return out


def bars(plot: pg.PlotItem) -> list[QtCore.QRectF]:
    vb = plot.getViewBox()
    out = []
    for item in plot.items:
        if isinstance(item, pg.BarGraphItem) and item.isVisible():
            o = item.opts
            x0 = np.atleast_1d(np.asarray(o.get("x0"), dtype=float))
            width = np.atleast_1d(np.asarray(o.get("width"), dtype=float))
            y = np.atleast_1d(np.asarray(o.get("y"), dtype=float))
            height = np.broadcast_to(np.asarray(o.get("height"), dtype=float), y.shape)
            for a, w, c, h in zip(x0, width, y, height):
                if w > 0:
                    out.append(vb.mapViewToScene(QtCore.QRectF(a, c - h / 2, w, h)).boundingRect())
    return out


def blockers(plot: pg.PlotItem) -> list[tuple[str, QtCore.QRectF]]:
    """Boxes no text may touch: bars, the legend, markers."""
    out = [("bar", r) for r in bars(plot)]
    legend = getattr(plot, "legend", None)
    if legend is not None and legend.isVisible() and legend.items:
        out.append(("legend", legend.sceneBoundingRect()))
    for item in plot.items:
        if isinstance(item, (QtWidgets.QGraphicsEllipseItem, QtWidgets.QGraphicsPathItem)) and item.isVisible():
            out.append(("marker", scene_rect(item)))
    return out


def collisions(plot: pg.PlotItem) -> list[str]:
    found = []
    # inside the plot box and not touching its edge (a label on the edge reads as cut)
    box = plot.getViewBox().sceneBoundingRect().adjusted(0.5, 0.5, -0.5, -0.5)
    labels = texts(plot)
    for k, (text, rect) in enumerate(labels):
        if not box.contains(rect):
            found.append(f"{text!r} cut by (or touching) the plot's edge: {rect} not in {box}")
        for other, orect in labels[k + 1:]:
            if rect.intersects(orect):
                found.append(f"{text!r} overlaps {other!r}")
        for what, brect in blockers(plot):
            if rect.intersects(brect):
                found.append(f"{text!r} covered by a {what}")
        inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
        for what, xs, ys in lines(plot):
            inside = (xs > inner.left()) & (xs < inner.right()) & (ys > inner.top()) & (ys < inner.bottom())
            if inside.any():
                found.append(f"{text!r} crossed by a {what}")
    return found


def plots_of(panel, key):
    view = panel.views[key]
    if hasattr(view, "plots"):
        return list(view.plots.values())
    return [view]


def plot_items(panel, key) -> list[pg.PlotItem]:
    return [getattr(p, "plot") for p in plots_of(panel, key)]


# -- the tests -------------------------------------------------------------------------
@pytest.mark.parametrize("size", list(SIZES))
def test_no_text_is_cut_covered_or_crossed(qtbot, language, size):
    panel = make_panel(qtbot, SIZES[size])  # one panel, every tab (fewer windows made and destroyed)
    problems = []
    for key in TABS:
        panel.tabs.setCurrentIndex(TABS[key])
        qtbot.wait(20)
        if size == "default" and panel.height() < panel.minimumSizeHint().height():
            # as the dock does in the window: a tab that needs more height gets it
            panel.resize(panel.width(), panel.minimumSizeHint().height())
            qtbot.wait(20)
        for plot in plot_items(panel, key):
            assert texts(plot), (key, "the plot shows texts")
            problems += [f"{key}: {p}" for p in collisions(plot)]
    # the bridge too, though its tab is built when first shown (issue 17): its
    # labels follow the size it is laid out at, not the first one it had
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_status_band_in_view_has_its_label_over_it(qtbot, language, size):
    panel = make_panel(qtbot, SIZES[size])
    model, result = sample()
    edges = [-np.inf, *band_edges(result.market_cap), np.inf]
    for key in ("discount_rate", "terminal_growth", "margin", "bridge"):
        panel.tabs.setCurrentIndex(TABS[key])
        qtbot.wait(20)
        check_band_labels(panel, key, edges)


def check_band_labels(panel, key, edges):
    for holder in plots_of(panel, key):
        bands, vb = holder.bands, holder.plot.getViewBox()
        horizontal = bands.orientation == "horizontal"
        (x0, x1), (y0, y1) = vb.viewRange()
        lo_view, hi_view = (y0, y1) if horizontal else (x0, x1)
        shown = 0
        for code, lo, hi, label in zip(STATUS_CODES, edges[:-1], edges[1:], bands.labels):
            a, b = max(lo, lo_view), min(hi, hi_view)
            if b <= a:
                continue
            pa = vb.mapViewToScene(QtCore.QPointF(a, a) if not horizontal else QtCore.QPointF(x0, a))
            pb = vb.mapViewToScene(QtCore.QPointF(b, b) if not horizontal else QtCore.QPointF(x0, b))
            ends = sorted((pa.y(), pb.y()) if horizontal else (pa.x(), pb.x()))
            if ends[1] - ends[0] < 4:
                continue
            assert label.visible and label.item.isVisible(), (code, "no label")
            centre = scene_rect(label.item).center()
            c = centre.y() if horizontal else centre.x()
            assert ends[0] <= c <= ends[1], (code, "label not over its band", ends, c)
            shown += 1
        assert shown >= 3  # the sample's value and market cap leave several bands in view


def test_bridge_shows_the_three_bands_the_issue_names(qtbot, language):
    """严重高估 over its band and free of bars, 合理估值 clear of the
    market-cap line, 偏高估 shown (at the dock's default size)."""
    panel = make_panel(qtbot, SIZES["dock"])
    panel.tabs.setCurrentIndex(TABS["bridge"])
    qtbot.wait(20)
    bp = panel.views["bridge"].plots["ddm"]
    labels = dict(zip(STATUS_CODES, bp.bands.labels))
    for code in ("severely_overvalued", "slightly_overvalued", "fair"):
        assert labels[code].visible, code
    severe = scene_rect(labels["severely_overvalued"].item)
    assert not any(severe.intersects(r) for r in bars(bp.plot))
    fair = scene_rect(labels["fair"].item)
    cap_x = bp.plot.getViewBox().mapViewToScene(QtCore.QPointF(panel.views["bridge"].market_cap, 0)).x()
    assert not fair.left() <= cap_x <= fair.right()


@pytest.mark.parametrize("size", list(SIZES))
def test_titles_and_axis_labels_are_whole(qtbot, language, size):
    """The title and the axis titles fit in the plot's own area: nothing is
    clipped by a neighbouring plot or the window's edge."""
    panel = make_panel(qtbot, SIZES[size])
    for key in [*TABS, "heatmap"]:
        panel.tabs.setCurrentIndex(2 if key == "heatmap" else TABS[key])
        qtbot.wait(20)
        check_titles(panel, key)


def check_titles(panel, key):
    for plot in plot_items(panel, key):
        area = plot.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
        items = [("title", plot.titleLabel.item)]
        for side in ("bottom", "left"):
            axis = plot.getAxis(side)
            if axis.isVisible() and axis.label.isVisible() and axis.labelText:
                items.append((side, axis.label))
        for name, item in items:
            m = item.document().documentMargin()  # blank space around the text, not ink
            rect = item.sceneBoundingRect().adjusted(m, m, -m, -m)
            text = item.toPlainText().strip()
            assert area.contains(rect), (name, text, rect, area)
            # the text's own width, not a wider box than the text needs
            width = QtGui.QFontMetricsF(item.font()).horizontalAdvance(text)
            along = rect.width() if name != "left" else rect.height()
            assert along + 0.5 >= width, (name, text, along, width)


# -- the Export button ---------------------------------------------------------------
def _ink(image: QtGui.QImage, other: QtGui.QImage) -> QtCore.QRect:
    """The box of the pixels where two grabs of the same size differ."""
    assert image.size() == other.size()
    a = np.array([[image.pixel(x, y) for x in range(image.width())] for y in range(image.height())])
    b = np.array([[other.pixel(x, y) for x in range(other.width())] for y in range(other.height())])
    ys, xs = np.nonzero(a != b)
    if xs.size == 0:
        return QtCore.QRect()
    return QtCore.QRect(int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))


@pytest.mark.parametrize("size", ["dock", "narrow"])
def test_export_button_arrow_is_beside_its_text(qtbot, language, size):
    panel = make_panel(qtbot, SIZES[size])
    button = panel.export_button
    text, menu, geometry = button.text(), button.menu(), button.size()
    assert text and menu is not None
    full = button.grab().toImage()
    try:
        button.setText("")
        assert button.size() == geometry
        no_text = button.grab().toImage()
        button.setMenu(None)
        assert button.size() == geometry
        bare = button.grab().toImage()
    finally:
        button.setMenu(menu)
        button.setText(text)
    text_box = _ink(full, no_text)     # what the text adds
    arrow_box = _ink(no_text, bare)    # what the menu adds: the arrow
    assert not text_box.isEmpty() and not arrow_box.isEmpty()
    assert not text_box.intersects(arrow_box.adjusted(-1, 0, 1, 0)), (text, text_box, arrow_box)
    inside = QtCore.QRect(QtCore.QPoint(0, 0), geometry)
    assert inside.contains(text_box) and inside.contains(arrow_box)
    # The layout gives it what it asks for: room for the text and the arrow.
    assert button.width() >= button.sizeHint().width()


@pytest.mark.parametrize("size", list(SIZES))
def test_heatmap_contour_labels_inside_apart_and_off_the_marker(qtbot, language, size):
    """A contour's label sits on its own line by design (on a white box);
    it stays inside the map, off the other labels and off the base marker."""
    panel = make_panel(qtbot, SIZES[size])
    panel.tabs.setCurrentIndex(2)
    qtbot.wait(20)
    view = panel.views["heatmap"]
    plot = view.plot
    box = plot.getViewBox().sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    labels = texts(plot)
    assert len(labels) >= 3
    marker = scene_rect(view.marker)
    for k, (text, rect) in enumerate(labels):
        assert box.contains(rect), (text, rect, box)
        assert not rect.intersects(marker), text
        for other, orect in labels[k + 1:]:
            assert not rect.intersects(orect), (text, other)
    # No label lies on another contour's line.
    vb = plot.getViewBox()
    for threshold, label in view.contour_labels.items():
        if not label.visible:
            continue
        inner = scene_rect(label.item).adjusted(0.5, 0.5, -0.5, -0.5)
        for other, item in view.contour_items.items():
            if other == threshold:
                continue
            x, y = item.getData()
            for k in range(0, len(x) - 1, 2):
                sx, sy = to_scene(vb, x[k:k + 2], y[k:k + 2])
                t = np.linspace(0, 1, int(max(abs(sx[1] - sx[0]), abs(sy[1] - sy[0]))) + 2)
                px, py = sx[0] + t * (sx[1] - sx[0]), sy[0] + t * (sy[1] - sy[0])
                hit = (px > inner.left()) & (px < inner.right()) & (py > inner.top()) & (py < inner.bottom())
                assert not hit.any(), (label.text, "on the contour of", other)
