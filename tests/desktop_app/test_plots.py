"""Sensitivity panel (issue 5), driven offscreen with pytest-qt: what is
plotted after an edit is exactly what the engine returns."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import models  # noqa: E402
import models.forecast  # noqa: E402
from models import csv_export  # noqa: E402
from models.status import STATUS_CODES, STATUS_THRESHOLDS  # noqa: E402

from desktop_app.plots import (STATUS_COLORS, STATUS_TEXT_COLORS, SensitivityConfig,  # noqa: E402
                               SensitivityPanel, SweepRange)
from desktop_app.plots.bands import BAND_ALPHA, blend_on_white  # noqa: E402
from desktop_app.plots.contours import contour_segments  # noqa: E402

from tests.desktop_app.plots_helpers import curve_data, edited, sample, state_of  # noqa: E402

# The offscreen platform plugin says this on every top-level show(); benign.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GROWTH_2026 = ("segments", 0, "forecast", "2026", "growth")
FAIR_BAND = "#e9eaec"  # blend_on_white(STATUS_COLORS["fair"], BAND_ALPHA / 255)


@pytest.fixture
def panel(qtbot):
    widget = SensitivityPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def edited_sample():
    model, _ = sample()
    return edited(model, GROWTH_2026, 0.15)


def show_tab(panel, key):
    for index, keys in enumerate(panel.TAB_KEYS):
        if key in keys:
            panel.tabs.setCurrentIndex(index)
            return
    raise KeyError(key)


# -- colours -------------------------------------------------------------------
def test_status_colors_cover_every_code_red_to_green():
    assert list(STATUS_COLORS) == list(STATUS_CODES)
    rgb = {code: QtGui.QColor(c) for code, c in STATUS_COLORS.items()}
    assert all(c.isValid() for c in rgb.values())
    for code in STATUS_CODES[:3]:
        assert rgb[code].red() > rgb[code].green(), code
    for code in STATUS_CODES[4:]:
        assert rgb[code].green() > rgb[code].red(), code
    fair = rgb["fair"]
    assert max(fair.red(), fair.green(), fair.blue()) - min(fair.red(), fair.green(), fair.blue()) < 20
    # Deep at the extremes.
    assert rgb["severely_overvalued"].lightness() < rgb["slightly_overvalued"].lightness()
    assert rgb["severely_undervalued"].lightness() < rgb["slightly_undervalued"].lightness()
    # Badge text stays readable: white on dark badges, dark on light ones.
    assert list(STATUS_TEXT_COLORS) == list(STATUS_CODES)
    for code, background in rgb.items():
        text = QtGui.QColor(STATUS_TEXT_COLORS[code])
        assert abs(text.lightness() - background.lightness()) > 90, code


# -- sweeps ----------------------------------------------------------------------
def test_discount_rate_sweep_after_edit_equals_engine(panel, edited_sample):
    model, result = sample()
    panel.update_state(state_of(model, result))
    model2, result2 = edited_sample
    panel.update_state(state_of(model2, result2))
    view = panel.views["discount_rate"]
    assert not view.stale
    shifts = np.linspace(-0.02, 0.02, 41)
    for method in ("ddm", "dynamic"):
        expected = models.sensitivity_sweep(model2, "discount_rate_shift", shifts, method=method).total
        x, y = curve_data(view.curves[method])
        np.testing.assert_allclose(x, shifts * 100.0)
        np.testing.assert_array_equal(y, expected)
        marker = view.markers[method].pos()
        assert marker.x() == 0.0
        assert marker.y() == getattr(result2, method).total
    # The edit moved the values: the old ones are not what is shown.
    old = models.sensitivity_sweep(model, "discount_rate_shift", shifts, method="ddm").total
    assert not np.allclose(curve_data(view.curves["ddm"])[1], old)


def test_driver_sweeps_equal_engine_when_their_tab_is_shown(panel, edited_sample):
    model, result = edited_sample
    panel.update_state(state_of(model, result))
    views = [panel.views[k] for k in ("terminal_growth", "margin", "growth")]
    assert all(v.stale for v in views)  # hidden: not drawn yet
    show_tab(panel, "margin")
    assert not any(v.stale for v in views)
    gt = model.terminal_growth
    cases = {
        "terminal_growth": ("terminal_growth", gt + np.linspace(-0.02, 0.02, 41), ("ddm",)),
        "margin": ("margin_shift", np.linspace(-0.03, 0.03, 41), ("ddm", "dynamic")),
        "growth": ("growth_shift", np.linspace(-0.05, 0.05, 41), ("ddm", "dynamic")),
    }
    for key, (driver, values, methods) in cases.items():
        view = panel.views[key]
        assert set(view.curves) == set(methods)
        for method in methods:
            expected = models.sensitivity_sweep(model, driver, values, method=method).total
            x, y = curve_data(view.curves[method])
            np.testing.assert_allclose(x, values * 100.0)
            np.testing.assert_array_equal(y, expected)
    assert panel.views["terminal_growth"].markers["ddm"].pos().x() == pytest.approx(gt * 100.0)


def test_band_edges_at_market_cap_thresholds(panel):
    model, result = sample()
    panel.update_state(state_of(model, result))
    assert STATUS_THRESHOLDS == (-0.5, -0.3, -0.2, 0.25, 0.5, 1.0)
    expected = [result.market_cap * (1.0 + t) for t in (-0.5, -0.3, -0.2, 0.25, 0.5, 1.0)]
    bands = panel.views["discount_rate"].bands
    np.testing.assert_allclose(bands.edges, expected)
    np.testing.assert_allclose(bands.item.edges, expected)
    assert bands.cap_line.value() == pytest.approx(result.market_cap)
    show_tab(panel, "bridge")
    for bridge_plot in panel.views["bridge"].plots.values():
        np.testing.assert_allclose(bridge_plot.bands.edges, expected)


def test_fair_band_constant_matches_the_blend():
    assert blend_on_white(STATUS_COLORS["fair"], BAND_ALPHA / 255.0).name() == FAIR_BAND


def test_bands_are_painted_in_badge_colours(panel, qtbot):
    model, result = sample()
    panel.update_state(state_of(model, result))
    view = panel.views["discount_rate"]
    qtbot.wait(10)
    image = view.widget.grab().toImage()
    vb = view.plot.getViewBox()
    mc = result.market_cap
    # x = +1.5 points (the curves are far below there); y inside each visible band.
    for code, value in (("fair", mc * 0.9), ("slightly_overvalued", mc * 0.75), ("overvalued", mc * 0.6)):
        scene = vb.mapViewToScene(QtCore.QPointF(1.5, value))
        pixel = view.widget.mapFromScene(scene)
        got = QtGui.QColor(image.pixel(pixel.x(), pixel.y()))
        want = blend_on_white(STATUS_COLORS[code], BAND_ALPHA / 255.0)
        assert abs(got.red() - want.red()) <= 3 and abs(got.green() - want.green()) <= 3 \
            and abs(got.blue() - want.blue()) <= 3, (code, got.name(), want.name())
    labels = [label.text for label in view.bands.labels]
    assert labels[3] == "fair" and labels[1] == "overvalued"


# -- heat map -------------------------------------------------------------------
def test_heatmap_equals_engine_and_masks_invalid_cells(panel):
    model, result = sample()
    # Terminal growth up to model's + 7 points = 10% > every segment's r − 2 pt:
    # the upper-left of the grid is invalid (r ≤ gT).
    config = SensitivityConfig(heatmap_terminal_growth=SweepRange(-0.02, 0.07, 31),
                               heatmap_rate=SweepRange(-0.02, 0.02, 21))
    panel.set_config(config)
    panel.update_state(state_of(model, result))
    show_tab(panel, "heatmap")
    view = panel.views["heatmap"]
    x = np.linspace(-0.02, 0.02, 21)
    y = model.terminal_growth + np.linspace(-0.02, 0.07, 31)
    grid = models.sensitivity_grid(model, "discount_rate_shift", x, "terminal_growth", y, method="ddm")
    invalid = np.isnan(grid)
    assert invalid.any() and not invalid.all()
    np.testing.assert_array_equal(view.totals, grid)
    upside = grid / result.market_cap - 1.0
    shown = view.image.image.T / 100.0  # the image is column-major, in percent
    np.testing.assert_array_equal(np.isnan(shown), invalid)
    np.testing.assert_allclose(shown[~invalid], upside[~invalid])
    # Invalid cells are hatched (opaque) and only they.
    assert view.hatch.isVisible()
    alpha = view.hatch.image[..., 3]
    n = alpha.shape[0] // len(x)
    cell_alpha = alpha.reshape(len(x), n, len(y), n).max(axis=(1, 3)).T
    np.testing.assert_array_equal(cell_alpha > 0, invalid)
    # The readout names an invalid cell as such and a valid one with its status.
    row, col = np.argwhere(invalid)[0]
    assert "invalid" in view.readout_text(row, col)
    row, col = np.argwhere(~invalid)[0]
    text = view.readout_text(row, col)
    assert "upside" in text and f"{upside[row, col] * 100:+.1f}%".replace("-", "−") in text


def test_heatmap_contours_sit_on_band_thresholds(panel):
    model, result = sample()
    panel.update_state(state_of(model, result))
    show_tab(panel, "heatmap")
    view = panel.views["heatmap"]
    assert set(view.contours) == set(STATUS_THRESHOLDS)
    xs, ys = view.x_values * 100.0, view.y_values * 100.0
    up = view.upside * 100.0
    drawn = 0
    for threshold, (cx, cy) in view.contours.items():
        if cx.size == 0:
            continue
        drawn += 1
        # Each contour point lies between two grid values straddling the level.
        i = np.clip(np.searchsorted(xs, cx) - 1, 0, len(xs) - 2)
        j = np.clip(np.searchsorted(ys, cy) - 1, 0, len(ys) - 2)
        corners = np.stack([up[j, i], up[j, i + 1], up[j + 1, i], up[j + 1, i + 1]])
        level = threshold * 100.0
        assert np.all(corners.min(axis=0) <= level + 1e-9)
        assert np.all(corners.max(axis=0) >= level - 1e-9)
        x_item, y_item = view.contour_items[threshold].getData()
        np.testing.assert_array_equal(x_item, cx)
    assert drawn >= 3  # the sample's default grid crosses −50%, −30%, −20% at least


def test_contour_segments_follow_a_circle_and_skip_nan():
    x = np.linspace(-1, 1, 41)
    y = np.linspace(-1, 1, 41)
    xx, yy = np.meshgrid(x, y)
    z = np.hypot(xx, yy)
    cx, cy = contour_segments(x, y, z, 0.5)
    assert cx.size > 40 and cx.size % 2 == 0
    np.testing.assert_allclose(np.hypot(cx, cy), 0.5, atol=2e-3)
    z_nan = z.copy()
    z_nan[:, 20:] = np.nan  # right half invalid
    cx2, _ = contour_segments(x, y, z_nan, 0.5)
    assert cx2.size and np.all(cx2 <= x[20] + 1e-12)


# -- tornado --------------------------------------------------------------------
def test_tornado_order_and_table_match_engine(panel, edited_sample):
    model, result = edited_sample
    panel.update_state(state_of(model, result))
    show_tab(panel, "tornado")
    view = panel.views["tornado"]
    rows = []
    for method in ("ddm", "dynamic"):
        expected = models.tornado(model, method=method, shocks=models.DEFAULT_SHOCKS)
        assert [b.driver for b in view.bars[method]] == [b.driver for b in expected]
        for got, want in zip(view.bars[method], expected):
            assert (got.low_value, got.high_value) == (want.low_value, want.high_value)
        # Bars: top row is the largest impact; the low half ends at the low value.
        plot = view.plots[method]
        ys = plot.low_bars.opts["y"]
        np.testing.assert_array_equal(ys, np.arange(len(expected) - 1, -1, -1))
        base = expected[0].base_value
        ends = np.where(np.asarray(plot.low_bars.opts["x0"]) < base - 1e-12,
                        plot.low_bars.opts["x0"],
                        np.asarray(plot.low_bars.opts["x0"]) + np.asarray(plot.low_bars.opts["width"]))
        np.testing.assert_allclose(ends, [b.low_value for b in expected])
        rows += [(method, b) for b in expected]
    table = view.table
    assert table.rowCount() == len(rows)
    for r, (method, bar) in enumerate(rows):
        assert table.item(r, 3).text() == f"{bar.low_value:,.1f}".replace("-", "−")
        assert table.item(r, 4).text() == f"{bar.high_value:,.1f}".replace("-", "−")


def test_editing_a_shock_redraws_the_tornado(panel, qtbot):
    model, result = sample()
    panel.update_state(state_of(model, result))
    show_tab(panel, "tornado")
    panel.settings_button.setChecked(True)
    low, high = panel.settings.shock_spins["discount_rate_shift"]
    high.setValue(3.0)  # +3 points
    low.setValue(-0.5)
    assert panel.config.shocks["discount_rate_shift"] == (-0.005, 0.03)
    shocks = dict(models.DEFAULT_SHOCKS, discount_rate_shift=(-0.005, 0.03))
    expected = models.tornado(model, method="ddm", shocks=shocks)
    got = panel.views["tornado"].bars["ddm"]
    assert [b.driver for b in got] == [b.driver for b in expected]
    bar = next(b for b in got if b.driver == "discount_rate_shift")
    assert (bar.low_input, bar.high_input) == (-0.005, 0.03)


# -- bridge ---------------------------------------------------------------------
def test_bridge_steps_from_segments_to_total(panel, edited_sample):
    model, result = edited_sample
    panel.update_state(state_of(model, result))
    show_tab(panel, "bridge")
    view = panel.views["bridge"]
    for method in ("ddm", "dynamic"):
        mr = getattr(result, method)
        steps = view.steps[method]
        keys = [s[0] for s in steps]
        assert keys == [f"segment:{i}" for i in range(len(mr.segments))] + [
            "excess_cash", "minority_interest", "equity_investments", "total", "market_cap"]
        amounts = [b - a for _, _, a, b in steps]
        np.testing.assert_allclose(amounts[:len(mr.segments)], [s.business_value for s in mr.segments])
        assert amounts[-5] == pytest.approx(mr.excess_cash)
        assert amounts[-4] == pytest.approx(-mr.minority_interest)
        assert steps[-2][3] == mr.total
        assert steps[-3][3] == pytest.approx(mr.total)  # the walk ends at the total
        assert steps[-1][3] == result.market_cap
        bars = view.plots[method].bars.opts
        np.testing.assert_allclose(np.asarray(bars["width"]), np.abs(amounts))


# -- scope, ranges, invalid state -------------------------------------------------
def test_segment_scope_applies_drivers_to_one_segment(panel):
    model, result = sample()
    panel.update_state(state_of(model, result))
    assert panel.scope_combo.count() == 1 + model.segment_count
    panel.scope_combo.setCurrentIndex(2)
    assert panel.segment == 1
    shifts = np.linspace(-0.02, 0.02, 41)
    expected = models.sensitivity_sweep(model, "discount_rate_shift", shifts, method="ddm", segment=1).total
    np.testing.assert_array_equal(curve_data(panel.views["discount_rate"].curves["ddm"])[1], expected)
    company = models.sensitivity_sweep(model, "discount_rate_shift", shifts, method="ddm").total
    assert not np.allclose(expected, company)
    # A model with fewer segments falls back to the company.
    smaller = model.copy()
    models.forecast.remove_segment(smaller, 2)
    panel.update_state(state_of(smaller, models.valuate(smaller)))
    assert panel.scope_combo.count() == 1 + smaller.segment_count
    panel.set_segment(None)
    assert panel.segment is None


def test_editing_a_range_redraws_with_new_values(panel):
    model, result = sample()
    panel.update_state(state_of(model, result))
    panel.settings_button.setChecked(True)
    start, stop, steps = panel.settings.range_spins["discount_rate"]
    steps.setValue(9)
    start.setValue(-3.0)
    stop.setValue(1.0)
    assert panel.config.discount_rate == SweepRange(-0.03, 0.01, 9)
    shifts = np.linspace(-0.03, 0.01, 9)
    x, y = curve_data(panel.views["discount_rate"].curves["dynamic"])
    np.testing.assert_allclose(x, shifts * 100)
    np.testing.assert_array_equal(
        y, models.sensitivity_sweep(model, "discount_rate_shift", shifts, method="dynamic").total)
    # "From" above "To" is refused: the last good range stays.
    start.setValue(2.0)
    assert panel.config.discount_rate == SweepRange(-0.03, 0.01, 9)


def test_invalid_model_shows_no_numbers(panel):
    model, result = sample()
    panel.update_state(state_of(model, result))
    panel.update_state(state_of(model, None))
    view = panel.views["discount_rate"]
    assert view.message.visible and view.message.text
    for curve in view.curves.values():
        assert curve_data(curve)[0].size == 0
    assert not view.bands.item.isVisible()
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
    assert panel.views["tornado"].table.rowCount() == 0
    assert panel.views["heatmap"].upside.size == 0
    assert all(not s for s in panel.views["bridge"].steps.values())
    # And back to valid.
    panel.update_state(state_of(model, result))
    assert panel.views["bridge"].steps["ddm"]
    # No model at all (nothing open): empty, one scope entry.
    panel.update_state(state_of(None, None))
    assert panel.scope_combo.count() == 1
    assert not panel.views["bridge"].steps["ddm"]


def test_plot_items_are_built_once(panel, edited_sample):
    model, result = sample()
    model2, result2 = edited_sample
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        panel.update_state(state_of(model, result))
    counts = {key: len(view.widget.scene().items()) if hasattr(view.widget, "scene")
              else len(view.graphics.scene().items()) for key, view in panel.views.items()}
    ids = {key: id(view.curves["ddm"]) for key, view in panel.views.items() if hasattr(view, "curves")}
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        for state in ((model2, result2), (model, result), (model2, result2)):
            panel.update_state(state_of(*state))
    again = {key: len(view.widget.scene().items()) if hasattr(view.widget, "scene")
             else len(view.graphics.scene().items()) for key, view in panel.views.items()}
    assert again == counts
    assert ids == {key: id(view.curves["ddm"]) for key, view in panel.views.items() if hasattr(view, "curves")}


# -- export ---------------------------------------------------------------------
@pytest.mark.parametrize("key", ["discount_rate", "terminal_growth", "margin", "growth",
                                 "heatmap", "tornado", "bridge"])
def test_exports_png_svg_csv(panel, tmp_path, key):
    model, result = sample()
    panel.update_state(state_of(model, result))
    view = panel.views[key]
    png, svg, csv_path = tmp_path / f"{key}.png", tmp_path / f"{key}.svg", tmp_path / f"{key}.csv"
    view.export_png(str(png))
    view.export_svg(str(svg))
    view.export_csv(str(csv_path))
    image = QtGui.QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 150
    assert "<svg" in svg.read_text(encoding="utf-8")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the engine's dialect: UTF-8 with BOM
    rows = csv_export.read_csv_rows(csv_path)
    header, data = view.csv_table()
    assert rows[0] == header
    assert len(rows) == 1 + len(data) and len(data) > 0


def test_sweep_csv_holds_the_plotted_numbers(panel, tmp_path):
    model, result = sample()
    panel.update_state(state_of(model, result))
    view = panel.views["discount_rate"]
    path = tmp_path / "rate.csv"
    view.export_csv(str(path))
    rows = csv_export.read_csv_rows(path)
    assert rows[0] == ["discount_rate_shift", "ddm_total", "dynamic_total", "market_cap"]
    values = np.array([[float(c) for c in row] for row in rows[1:]])
    np.testing.assert_allclose(values[:, 0], view.x_values)
    np.testing.assert_allclose(values[:, 1], view.totals["ddm"])
    np.testing.assert_allclose(values[:, 2], view.totals["dynamic"])


def test_export_menu_uses_the_file_dialog(panel, tmp_path, monkeypatch):
    model, result = sample()
    panel.update_state(state_of(model, result))
    target = tmp_path / "chosen"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    written = panel.export_with_dialog(panel.views["discount_rate"], "csv")
    assert written == str(target) + ".csv"
    assert (tmp_path / "chosen.csv").exists()
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert panel.export_with_dialog(panel.views["discount_rate"], "png") is None
    panel._fill_export_menu()
    assert len(panel.export_menu.actions()) == 3 * len(panel.visible_views())


def _svg_image(path) -> QtGui.QImage:
    from PySide6 import QtSvg

    renderer = QtSvg.QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QtGui.QImage(renderer.defaultSize(), QtGui.QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QtGui.QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _colour_share(image: QtGui.QImage, colour: str, tolerance: int = 4) -> float:
    """Share of the image's pixels within ``tolerance`` of ``colour``."""
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3]  # B, G, R
    want = QtGui.QColor(colour)
    target = np.array([want.blue(), want.green(), want.red()])
    close = np.all(np.abs(pixels.astype(int) - target) <= tolerance, axis=-1)
    return float(close.mean())


@pytest.mark.parametrize("key, colour, share", [("tornado", "#4f86c6", 0.02), ("bridge", "#333333", 0.02),
                                                ("discount_rate", FAIR_BAND, 0.05),
                                                ("margin", FAIR_BAND, 0.05)])
def test_svg_export_keeps_what_the_plot_draws(panel, tmp_path, key, colour, share):
    """The SVG, rendered, shows the bars / bands (not just axes and legend),
    also for a view on a tab never shown (margin)."""
    model, result = sample()
    panel.update_state(state_of(model, result))
    path = tmp_path / f"{key}.svg"
    panel.views[key].export_svg(str(path))
    # More than a legend swatch: the bars / curves themselves.
    assert _colour_share(_svg_image(path), colour) > share


def test_heatmap_all_invalid_and_mouse_readout(panel, qtbot):
    model, result = sample()
    panel.update_state(state_of(model, result))
    show_tab(panel, "heatmap")
    view = panel.views["heatmap"]
    # The mouse over a cell reads it out (scene coordinates of the cell centre).
    row, col = 20, 30
    point = QtCore.QPointF(view.x_values[col] * 100.0, view.y_values[row] * 100.0)
    view._mouse_moved(view.plot.getViewBox().mapViewToScene(point))
    assert view.readout.text() == view.readout_text(row, col)
    assert "upside" in view.readout.text()
    # Terminal growth 12–13% against discount rates of at most 9% + 2 points.
    panel.set_config(SensitivityConfig(heatmap_terminal_growth=SweepRange(0.09, 0.10, 5)))
    assert np.isnan(view.upside).all()
    assert view.hatch.isVisible()
    assert all(cx.size == 0 for cx, _ in view.contours.values())
    view._mouse_moved(view.plot.getViewBox().mapViewToScene(
        QtCore.QPointF(view.x_values[0] * 100.0, view.y_values[0] * 100.0)))
    assert "invalid" in view.readout.text()


def test_sweep_where_the_method_turns_invalid(panel):
    """Terminal growth swept past the discount rates: NaN, drawn as a gap."""
    model, result = sample()
    panel.set_config(SensitivityConfig(terminal_growth=SweepRange(-0.02, 0.08, 21)))
    panel.update_state(state_of(model, result))
    show_tab(panel, "terminal_growth")
    view = panel.views["terminal_growth"]
    y = curve_data(view.curves["ddm"])[1]
    assert np.isnan(y).any() and np.isfinite(y).any()
    np.testing.assert_array_equal(np.isnan(y), np.isnan(view.totals["ddm"]))


def test_engine_refusal_is_shown_not_raised(panel, monkeypatch):
    model, result = sample()

    def refuse(*args, **kwargs):
        raise ValueError("segment 7 out of range")

    monkeypatch.setattr(models.sensitivity, "tornado", refuse)
    panel.update_state(state_of(model, result))
    show_tab(panel, "tornado")
    view = panel.views["tornado"]
    for plot in view.plots.values():
        assert plot.message.visible and "segment 7 out of range" in plot.message.text
    assert view.table.rowCount() == 0


def test_engine_refusal_is_reported_once_through_the_runner(panel, monkeypatch):
    model, result = sample()
    reports = []
    panel.runner.failed.connect(lambda title, reason: reports.append((title, reason)))

    def refuse(*args, **kwargs):
        raise ValueError("segment 7 out of range")

    monkeypatch.setattr(models.sensitivity, "sensitivity_sweep", refuse)
    panel.update_state(state_of(model, result))
    panel.update_state(state_of(model, result))
    assert reports == [(panel.views["discount_rate"].title(), "segment 7 out of range")]


def test_a_slow_request_draws_when_its_response_arrives(panel, qtbot, monkeypatch, edited_sample):
    """Marked slow, a view's request runs on the worker; of two quick edits
    only the newest reaches the plot."""
    from dataclasses import replace

    from desktop_app.plots.sweeps import SweepView

    original = SweepView.request
    monkeypatch.setattr(SweepView, "request", lambda self, ctx: replace(original(self, ctx), slow=True))
    model, result = sample()
    model2, result2 = edited_sample
    view = panel.views["discount_rate"]
    delivered = []
    panel.runner.delivered.connect(lambda key, response: delivered.append(response))
    panel.update_state(state_of(model, result))
    panel.update_state(state_of(model2, result2))
    qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=30000)
    qtbot.wait(20)
    assert [r.base_totals["ddm"] for r in delivered] == [result2.ddm.total]
    shifts = np.linspace(-0.02, 0.02, 41)
    expected = models.sensitivity_sweep(model2, "discount_rate_shift", shifts, method="ddm").total
    np.testing.assert_array_equal(curve_data(view.curves["ddm"])[1], expected)
    panel.runner.shutdown()


def test_hidden_panel_draws_when_shown(qtbot):
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    model, result = sample()
    panel.update_state(state_of(model, result))
    view = panel.views["discount_rate"]
    assert view.stale and view.totals["ddm"].size == 0  # a closed dock costs nothing
    panel.show()
    qtbot.waitExposed(panel)
    assert not view.stale
    np.testing.assert_array_equal(
        view.totals["ddm"],
        models.sensitivity_sweep(model, "discount_rate_shift", np.linspace(-0.02, 0.02, 41)).total)


def test_export_failure_is_reported_not_raised(panel, tmp_path, monkeypatch):
    model, result = sample()
    panel.update_state(state_of(model, result))
    target = tmp_path / "missing-folder" / "rate.csv"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    warnings = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    assert panel.export_with_dialog(panel.views["discount_rate"], "csv") is None
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert not target.exists()


@pytest.mark.parametrize("kind", ["png", "svg", "csv"])
def test_export_to_an_unwritable_place_raises_oserror(panel, tmp_path, kind):
    model, result = sample()
    panel.update_state(state_of(model, result))
    with pytest.raises(OSError):
        getattr(panel.views["bridge"], f"export_{kind}")(str(tmp_path / "missing" / f"x.{kind}"))


def test_tornado_with_an_invalid_setting_says_so(panel):
    """Terminal growth +7 points reaches the discount rates: that bar is
    invalid, labelled as such, and its numbers are blank, never a number."""
    model, result = sample()
    panel.set_config(SensitivityConfig().with_shock("terminal_growth", -0.01, 0.07))
    panel.update_state(state_of(model, result))
    show_tab(panel, "tornado")
    view = panel.views["tornado"]
    bars = view.bars["ddm"]
    expected = models.tornado(model, method="ddm", shocks=dict(models.DEFAULT_SHOCKS, terminal_growth=(-0.01, 0.07)))
    assert [b.driver for b in bars] == [b.driver for b in expected]
    bad = next(b for b in bars if b.driver == "terminal_growth")
    assert np.isnan(bad.high_value)
    k = bars.index(bad)
    assert "invalid" in [view.plots["ddm"].labels[2 * k + 1].text]
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text() == "Terminal growth")
    assert view.table.item(row, 4).text() == "—" and view.table.item(row, 5).text() == "—"
    assert np.all(np.isfinite(view.plots["ddm"].high_bars.opts["width"]))
