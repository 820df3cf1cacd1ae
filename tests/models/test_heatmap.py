"""The heat map over any two drivers and either method (models/analysis/heatmap.py)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from models import load_model, valuate
from models.analysis.heatmap import DEFAULT_SPANS, axis_values, default_axis, heat_map
from models.sensitivity import DRIVERS, evaluate_scenarios
from models.status import STATUS_CODES, status_for

from test_sample import SAMPLE


@pytest.fixture(scope="module")
def sample():
    return load_model(SAMPLE)


@pytest.mark.parametrize("method", ["ddm", "dynamic"])
def test_every_pair_of_drivers_matches_single_scenarios(sample, method):
    for xd, yd in itertools.permutations(DRIVERS, 2):
        x = default_axis(sample, xd, 5)
        y = default_axis(sample, yd, 4)
        hm = heat_map(sample, xd, x, yd, y, method)
        assert hm.total.shape == (4, 5)
        i, j = 2, 3
        one = evaluate_scenarios(sample, {xd: [x[j]], yd: [y[i]]}, method).total[0]
        assert hm.total[i, j] == pytest.approx(one, rel=1e-12)
        assert hm.upside[i, j] == pytest.approx(one / sample.market_cap - 1, rel=1e-12)
        assert STATUS_CODES[hm.band[i, j]] == status_for(one / sample.market_cap - 1)


def test_the_model_itself_is_the_centre_cell(sample):
    x = default_axis(sample, "growth_shift", 41)
    y = default_axis(sample, "multiple_scale", 41)
    hm = heat_map(sample, "growth_shift", x, "multiple_scale", y, "dynamic")
    assert hm.base_point == (0.0, 1.0)
    assert hm.total[20, 20] == pytest.approx(valuate(sample).dynamic.total, rel=1e-12)
    assert STATUS_CODES[hm.band[20, 20]] == valuate(sample).dynamic.status


def test_invalid_cells_are_marked(sample):
    x = axis_values("discount_rate_shift", -0.06, 0.0, 7)
    y = default_axis(sample, "terminal_growth", 5)
    hm = heat_map(sample, "discount_rate_shift", x, "terminal_growth", y, "ddm")
    r_min = 0.083
    for i, g in enumerate(y):
        for j, d in enumerate(x):
            bad = r_min + d <= g
            assert hm.invalid[i, j] == bad and (hm.band[i, j] == -1) == bad


def test_default_axes_centre_on_the_neutral_value(sample):
    tg = default_axis(sample, "terminal_growth", 41, segment=1)
    assert tg[20] == pytest.approx(0.03) and tg[0] == pytest.approx(0.03 + DEFAULT_SPANS["terminal_growth"][0])
    assert default_axis(sample, "excess_cash_scale", 3).tolist() == pytest.approx([0.5, 1.0, 1.5])


@pytest.mark.parametrize("args, fragment", [
    (("price", 0.0, 1.0, 5), "unknown driver"),
    (("growth_shift", 0.02, 0.01, 5), "end above"),
    (("growth_shift", 0.0, float("inf"), 5), "finite"),
    (("growth_shift", 0.0, 0.1, 1), "from 2 to"),
    (("growth_shift", 0.0, 0.1, 1000), "from 2 to"),
])
def test_bad_axes_are_refused(args, fragment):
    with pytest.raises(ValueError, match=fragment):
        axis_values(*args)


def test_bad_method_or_same_driver(sample):
    x = default_axis(sample, "growth_shift", 3)
    with pytest.raises(ValueError, match="method"):
        heat_map(sample, "growth_shift", x, "margin_shift", x, "dcf")
    with pytest.raises(ValueError, match="differ"):
        heat_map(sample, "growth_shift", x, "growth_shift", x)


def test_segment_scope(sample):
    x = default_axis(sample, "margin_shift", 3)
    y = default_axis(sample, "discount_rate_shift", 3)
    hm = heat_map(sample, "margin_shift", x, "discount_rate_shift", y, "ddm", segment=2)
    one = evaluate_scenarios(sample, {"margin_shift": [x[0]], "discount_rate_shift": [y[2]]}, "ddm", segment=2)
    assert hm.total[2, 0] == pytest.approx(one.total[0], rel=1e-12) and hm.segment == 2
