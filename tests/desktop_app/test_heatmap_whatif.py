"""The heat map over any two drivers and either method (issue 13, item 5),
driven through the tab's own combos and range boxes: what is plotted is the
engine's grid (models.analysis.heatmap), refused ranges keep the old one."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

pytest.importorskip("pyqtgraph")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.analysis.heatmap import heat_map  # noqa: E402
from models.sensitivity import base_driver_value  # noqa: E402

from desktop_app import i18n  # noqa: E402
from desktop_app.plots import SensitivityConfig, SensitivityPanel, SweepRange  # noqa: E402
from desktop_app.plots.config import HEATMAP_DRIVERS  # noqa: E402

from tests.desktop_app.plots_helpers import edited, sample, state_of  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def panel(qtbot, qapp):
    i18n.install(qapp, "en")
    widget = SensitivityPanel()
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    model, result = sample()
    widget.update_state(state_of(model, result))
    widget.tabs.setCurrentIndex(2)
    view = widget.views["heatmap"]
    widget.model = model
    return widget


def choose(qtbot, combo, text):
    """Pick an item of a combo box by its shown text (what a click in its
    list does: the current index changes once, to that item)."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    assert combo.currentText() == text


def type_spin(qtbot, spin, text):
    """Select the box's text, type a number and press Enter."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    QApplication.processEvents()


def engine_grid(model, view, x, x_offsets, y, y_offsets, method, segment=None):
    xs = base_driver_value(model, x, segment) + np.asarray(x_offsets)
    ys = base_driver_value(model, y, segment) + np.asarray(y_offsets)
    return heat_map(model, x, xs, y, ys, method, segment)


def test_any_two_drivers_either_method_typed_ranges_equal_the_engine(qtbot, panel):
    view = panel.views["heatmap"]
    model = panel.model
    choose(qtbot, view.method_combo, "Dynamic")
    choose(qtbot, view.driver_combos["x"], "Revenue growth")
    choose(qtbot, view.driver_combos["y"], "Multiple")
    start, stop, steps = view.range_spins["x"]
    type_spin(qtbot, start, "-4")
    type_spin(qtbot, stop, "6")
    type_spin(qtbot, steps, "21")
    ystart, ystop, _ = view.range_spins["y"]
    type_spin(qtbot, ystart, "-50")
    type_spin(qtbot, ystop, "30")
    config = panel.config
    assert (config.heatmap_method, config.heatmap_x, config.heatmap_y) == ("dynamic", "growth_shift",
                                                                             "multiple_scale")
    assert config.heatmap_range("growth_shift") == SweepRange(-0.04, 0.06, 21)
    assert config.heatmap_range("multiple_scale") == SweepRange(-0.5, 0.3, 41)
    want = engine_grid(model, view, "growth_shift", np.linspace(-0.04, 0.06, 21),
                       "multiple_scale", np.linspace(-0.5, 0.3, 41), "dynamic")
    np.testing.assert_array_equal(view.totals, want.total)
    np.testing.assert_array_equal(view.upside, want.upside)
    assert view.totals.shape == (41, 21)
    # the image is the upside in percent, column-major; the axes read the drivers' units
    np.testing.assert_allclose(view.image.image.T / 100.0, want.upside)
    assert view.plot.getAxis("bottom").labelText.startswith("Revenue growth shift")
    assert "change" in view.plot.getAxis("left").labelText
    assert view.title() == "Upside (Dynamic): Revenue growth × Multiple"
    # the marker sits on the model itself: growth shift 0, multiple × 1 (a change of 0%)
    assert (view.marker.pos().x(), view.marker.pos().y()) == (0.0, 0.0)
    # the middle cell of a range through the model is the model's own dynamic value
    _, result = sample()
    row = int(np.argmin(np.abs(want.y_values - 1.0)))
    col = int(np.argmin(np.abs(want.x_values)))
    assert view.totals[row, col] == pytest.approx(result.dynamic.total, rel=1e-12)
    # CSV: the drivers and the method by name
    header, rows = view.csv_table()
    assert header[:3] == ["growth_shift", "multiple_scale", "dynamic_total"] and len(rows) == 21 * 41


def test_live_at_41_by_41_after_every_model_edit(qtbot, panel):
    view = panel.views["heatmap"]
    choose(qtbot, view.driver_combos["x"], "Net margins")
    choose(qtbot, view.driver_combos["y"], "ROE")
    choose(qtbot, view.method_combo, "DDM")
    model, _ = sample()
    for value in (0.05, 0.30):
        new, result = edited(model, ("segments", 0, "forecast", "2026", "growth"), value)
        panel.update_state(state_of(new, result))
        want = engine_grid(new, view, "margin_shift", np.linspace(-0.03, 0.03, 41),
                           "roe_shift", np.linspace(-0.05, 0.05, 41), "ddm")
        assert view.totals.shape == (41, 41)
        np.testing.assert_array_equal(view.totals, want.total)
    # the choices outlive the edits
    assert (panel.config.heatmap_x, panel.config.heatmap_y, panel.config.heatmap_method) == \
        ("margin_shift", "roe_shift", "ddm")
    assert view.driver_combos["x"].currentText() == "Net margins"


def test_a_range_ending_below_its_start_is_refused_and_the_old_range_kept(qtbot, panel, qapp):
    view = panel.views["heatmap"]
    before_x, before_totals = view.x_values.copy(), view.totals.copy()
    start, stop, _ = view.range_spins["x"]
    type_spin(qtbot, stop, "-3")          # to −3 pt, below from −2 pt
    assert view.refusal.isVisible()
    text = view.refusal.text()
    assert "Discount rate shift" in text and "must be above" in text and "kept" in text
    assert panel.config.heatmap_rate == SweepRange(-0.02, 0.02, 41)
    np.testing.assert_array_equal(view.x_values, before_x)
    np.testing.assert_array_equal(view.totals, before_totals)
    # correcting the other end makes a valid range: taken, the message goes
    type_spin(qtbot, start, "-5")
    assert not view.refusal.isVisible()
    assert panel.config.heatmap_rate == SweepRange(-0.05, -0.03, 41)
    np.testing.assert_allclose(view.x_values, np.linspace(-0.05, -0.03, 41))
    # in Chinese the message is Chinese
    i18n.install(qapp, "zh_CN")
    try:
        QApplication.processEvents()
        type_spin(qtbot, stop, "-6")
        assert "热力图" in view.refusal.text() and "贴现率" in view.refusal.text() and "保留" in view.refusal.text()
        assert panel.config.heatmap_rate == SweepRange(-0.05, -0.03, 41)
    finally:
        i18n.install(qapp, "en")


def test_same_driver_on_both_axes_swaps_and_ranges_are_remembered(qtbot, panel):
    view = panel.views["heatmap"]
    choose(qtbot, view.driver_combos["x"], "Fade growth")
    start, stop, steps = view.range_spins["x"]
    type_spin(qtbot, stop, "1.5")
    assert panel.config.heatmap_range("fade_growth_shift") == SweepRange(-0.03, 0.015, 41)
    # the rows' driver chosen for the columns: the axes swap
    choose(qtbot, view.driver_combos["x"], "Terminal growth")
    assert (panel.config.heatmap_x, panel.config.heatmap_y) == ("terminal_growth", "fade_growth_shift")
    assert view.driver_combos["y"].currentText() == "Fade growth"
    # the fade-growth range followed its driver to the other axis
    ystart, ystop, _ = view.range_spins["y"]
    assert (ystart.value(), ystop.value()) == (-3.0, 1.5)
    model = panel.model
    want = engine_grid(model, view, "terminal_growth", np.linspace(-0.02, 0.02, 41),
                       "fade_growth_shift", np.linspace(-0.03, 0.015, 41), "ddm")
    np.testing.assert_array_equal(view.totals, want.total)


def test_invalid_cells_of_either_method_are_nan_and_hatched(qtbot, panel):
    """A justified segment's dynamic value has a perpetuity too: past r ≤ gT it
    is invalid, hatched exactly where the engine says NaN."""
    view = panel.views["heatmap"]
    model, _ = sample()
    new, result = edited(model, ("segments", 0, "multiple_mode"), "justified")
    panel.update_state(state_of(new, result))
    panel.set_config(panel.config.with_heatmap(method="dynamic")
                     .with_heatmap_range("terminal_growth", SweepRange(-0.02, 0.07, 31)))
    assert view.method_combo.currentText() == "Dynamic"
    want = engine_grid(new, view, "discount_rate_shift", np.linspace(-0.02, 0.02, 41),
                       "terminal_growth", np.linspace(-0.02, 0.07, 31), "dynamic")
    invalid = np.isnan(want.total)
    assert invalid.any() and not invalid.all()
    np.testing.assert_array_equal(view.totals, want.total)
    alpha = view.hatch.image[..., 3]
    n = alpha.shape[0] // 41
    cells = alpha.reshape(41, n, 31, n).max(axis=(1, 3)).T
    np.testing.assert_array_equal(cells > 0, invalid)
    assert view.hatch.isVisible()


def test_every_driver_is_offered_on_both_axes(panel):
    view = panel.views["heatmap"]
    for combo in view.driver_combos.values():
        assert combo.count() == len(HEATMAP_DRIVERS) == 8
    assert view.method_combo.count() == 2
    assert SensitivityConfig().heatmap_range("multiple_scale") == SweepRange(-0.3, 0.3, 41)
