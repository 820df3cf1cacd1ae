"""The sensitivity panel's ranges, shocks and heat-map choices outlive the
session: chosen in the panel, restored in the next window from the settings
file; a damaged or hand-edited entry restores the defaults, never an error."""
from __future__ import annotations

import json
import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import given, strategies as st  # noqa: E402

pytest.importorskip("pyqtgraph")

from desktop_app.plots.config import (HEATMAP_DRIVERS, HEATMAP_METHODS, TORNADO_DRIVERS,  # noqa: E402
                                      SensitivityConfig, SweepRange, config_from_json, config_to_json, is_scale)

from tests.desktop_app.test_heatmap_whatif import choose, type_spin  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_choices_made_in_the_panel_come_back_in_the_next_window(qtbot, make_window, document, settings):
    window = make_window(document, with_plots=True)
    panel = window.plots_panel
    panel.tabs.setCurrentIndex(2)
    view = panel.views["heatmap"]
    choose(qtbot, view.method_combo, "Dynamic")
    choose(qtbot, view.driver_combos["x"], "Revenue growth")
    choose(qtbot, view.driver_combos["y"], "Multiple")
    type_spin(qtbot, view.range_spins["x"][1], "7")
    panel.settings_button.click()                      # the ranges & shocks editor
    editor = panel.settings
    type_spin(qtbot, editor.range_spins["discount_rate"][0], "-3")
    type_spin(qtbot, editor.shock_spins["growth_shift"][1], "4")
    chosen = panel.config
    assert (chosen.heatmap_method, chosen.heatmap_x, chosen.heatmap_y) == ("dynamic", "growth_shift", "multiple_scale")
    assert chosen.heatmap_range("growth_shift").stop == pytest.approx(0.07)
    assert chosen.discount_rate.start == pytest.approx(-0.03) and chosen.shocks["growth_shift"][1] == pytest.approx(0.04)
    window.close()

    again = make_window(document, with_plots=True)
    restored = again.plots_panel.config
    assert restored == chosen
    again.plots_panel.tabs.setCurrentIndex(2)
    view = again.plots_panel.views["heatmap"]
    assert view.method_combo.currentText() == "Dynamic"
    assert (view.driver_combos["x"].currentText(), view.driver_combos["y"].currentText()) == \
           ("Revenue growth", "Multiple")
    assert view.range_spins["x"][1].value() == pytest.approx(7.0)


@pytest.mark.parametrize("text", ["", "not json", "[]", "null", '{"ranges": 5}', '{"heatmap": {"x": "roe_shift", "y": "roe_shift"}}',
                                  '{"ranges": {"discount_rate": [0.02, -0.02, 41]}}',
                                  '{"ranges": {"discount_rate": [-0.02, 0.02, 100000]}}',
                                  '{"ranges": {"margin": [-1e309, 0.02, 41]}}',
                                  '{"shocks": {"multiple_scale": [-5, 1.1]}}',
                                  '{"shocks": {"growth_shift": [0.01, -0.01]}}',
                                  '{"heatmap": {"method": "dcf", "ranges": {"multiple_scale": [true, 1, 3]}}}',
                                  "[" * 100000])
def test_damaged_entries_restore_the_defaults(text):
    assert config_from_json(text) == SensitivityConfig()


def test_a_bad_entry_spoils_only_itself():
    good = SensitivityConfig().with_heatmap(x="roe_shift", y="margin_shift")
    stored = json.loads(config_to_json(good))
    stored["ranges"]["growth"] = [0.5, 0.1, 3]          # "to" below "from": the default stays
    stored["shocks"]["nonsense_driver"] = [0, 1]
    back = config_from_json(json.dumps(stored))
    assert back.growth == SensitivityConfig().growth
    assert (back.heatmap_x, back.heatmap_y) == ("roe_shift", "margin_shift")


def _ranges(span):
    """Any range the editors allow: two ends in order (equal ends become the whole span:
    a filter would reject most examples, with fourteen ranges per config)."""
    lo, hi = span

    def ordered(t):
        a, b, steps = t
        a, b = min(a, b), max(a, b)
        return SweepRange(a, b, steps) if a < b else SweepRange(lo, hi, steps)

    return st.tuples(st.floats(lo, hi), st.floats(lo, hi), st.integers(2, 201)).map(ordered)


@st.composite
def configs(draw):
    config = SensitivityConfig()
    for name in ("discount_rate", "terminal_growth", "margin", "growth", "heatmap_rate", "heatmap_terminal_growth"):
        config = config.with_range(name, draw(_ranges((-0.5, 0.5))))
    for driver in TORNADO_DRIVERS:
        if is_scale(driver):
            config = config.with_shock(driver, draw(st.floats(0.01, 1.0)), draw(st.floats(1.0, 6.0)))
        else:
            config = config.with_shock(driver, draw(st.floats(-0.2, 0.0)), draw(st.floats(0.0, 0.2)))
    for driver in config.heatmap_ranges:
        config = config.with_heatmap_range(driver, draw(_ranges((-1.0, 5.0) if is_scale(driver) else (-0.5, 0.5))))
    x, y = draw(st.lists(st.sampled_from(HEATMAP_DRIVERS), min_size=2, max_size=2, unique=True))
    return config.with_heatmap(x=x, y=y, method=draw(st.sampled_from(HEATMAP_METHODS)))


@given(configs())
def test_every_config_the_editors_allow_comes_back_exactly(config):
    assert config_from_json(config_to_json(config)) == config


@given(st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                    max_leaves=30))
def test_any_json_restores_something_valid(value):
    config = config_from_json(json.dumps(value))
    for name in ("discount_rate", "terminal_growth", "margin", "growth", "heatmap_rate", "heatmap_terminal_growth"):
        rng = getattr(config, name)
        assert rng.is_valid and math.isfinite(rng.start) and math.isfinite(rng.stop)
    assert config.heatmap_x != config.heatmap_y
