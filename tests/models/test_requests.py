"""The sensitivity views' requests (models.requests), without Qt: each returns
the engine's own numbers, and on the hand model the numbers computed by hand
(see test_method.py's docstring: DDM 141.193…, dynamic 124.5, market cap 100)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from models import DEFAULT_SHOCKS, Model, load_model, sensitivity_grid, sensitivity_sweep, tornado, valuate
from models import requests
from models.requests import SweepRange

from hand_model import hand_doc
from test_sample import SAMPLE

REL = 1e-12
FADE = 8.6625 / 1.21           # the hand model's DDM fade value
NON_OPERATING = 10.0 - 2.5 + 1.5  # excess cash − minority interest + equity investments


def hand_dynamic_total(r: float) -> float:
    """Dividend 5.5 in the base year, 11 in 2026 and 11 × multiple 10 after it, at rate r."""
    return 5.5 + 11.0 / (1 + r) + 110.0 / (1 + r) + NON_OPERATING


def hand_ddm_total(g: float, r: float = 0.10) -> float:
    """The hand model's DDM total at terminal growth g: terminal dividend
    11.55 × (1 + g) × payout (1 − g / ROE 0.2), capitalised at r − g."""
    terminal = 11.55 * (1 + g) * (1 - g / 0.2) / (r - g)
    return 5.5 + 11.0 / (1 + r) + 8.6625 / (1 + r) ** 2 + terminal / (1 + r) ** 2 + NON_OPERATING


@pytest.fixture(scope="module")
def hand():
    model = Model.from_dict(hand_doc())
    return model, valuate(model)


@pytest.fixture(scope="module")
def sample():
    model = load_model(SAMPLE)
    return model, valuate(model)


def test_hand_formulas_reproduce_the_valuation(hand):
    _, result = hand
    assert hand_dynamic_total(0.10) == pytest.approx(result.dynamic.total, rel=REL)
    assert hand_ddm_total(0.02) == pytest.approx(result.ddm.total, rel=REL)


def test_discount_rate_sweep_by_hand(hand):
    model, result = hand
    response = requests.sweep(model, result, "discount_rate_shift", SweepRange(-0.02, 0.02, 5))
    np.testing.assert_allclose(response.x, [-0.02, -0.01, 0.0, 0.01, 0.02], rtol=0, atol=1e-15)
    np.testing.assert_allclose(response.totals["dynamic"], [hand_dynamic_total(0.10 + s) for s in response.x],
                               rtol=REL)
    assert response.totals["ddm"][2] == pytest.approx(result.ddm.total, rel=REL)
    assert response.base_x == 0.0
    assert response.base_totals == {"ddm": result.ddm.total, "dynamic": result.dynamic.total}
    assert response.market_cap == pytest.approx(100.0)
    assert response.unit == "亿元"


def test_terminal_growth_sweep_is_around_the_models_own_and_turns_invalid(hand):
    model, result = hand
    response = requests.sweep(model, result, "terminal_growth", SweepRange(-0.02, 0.08, 6), methods=("ddm",))
    assert set(response.totals) == {"ddm"}
    np.testing.assert_allclose(response.x, [0.0, 0.02, 0.04, 0.06, 0.08, 0.10], atol=1e-15)
    assert response.base_x == 0.02
    totals = response.totals["ddm"]
    np.testing.assert_allclose(totals[:5], [hand_ddm_total(g) for g in response.x[:5]], rtol=1e-11)
    assert math.isnan(totals[5])  # r = gT = 10%: the method is invalid there, no number


@pytest.mark.parametrize("driver, rng, segment", [
    ("discount_rate_shift", SweepRange(-0.02, 0.02, 41), None),
    ("margin_shift", SweepRange(-0.03, 0.03, 41), 1),
    ("growth_shift", SweepRange(-0.05, 0.05, 11), None),
    ("terminal_growth", SweepRange(-0.02, 0.02, 41), 2),
])
def test_sweeps_equal_the_engines_sweep(sample, driver, rng, segment):
    model, result = sample
    response = requests.sweep(model, result, driver, rng, segment=segment)
    base = model.segment_terminal_growth(segment) if driver == "terminal_growth" else 0.0
    np.testing.assert_array_equal(response.x, base + np.linspace(rng.start, rng.stop, rng.steps))
    for method in ("ddm", "dynamic"):
        expected = sensitivity_sweep(model, driver, response.x, method=method, segment=segment).total
        np.testing.assert_array_equal(response.totals[method], expected)


def test_upside_grid_by_hand_with_invalid_cells(hand):
    model, result = hand
    grid = requests.upside_grid(model, result, SweepRange(-0.02, 0.02, 3), SweepRange(-0.02, 0.10, 4))
    np.testing.assert_allclose(grid.x, [-0.02, 0.0, 0.02], atol=1e-15)
    np.testing.assert_allclose(grid.y, [0.0, 0.04, 0.08, 0.12], atol=1e-15)
    assert grid.totals.shape == grid.upside.shape == (4, 3)
    assert grid.base == (0.0, 0.02)
    for i, g in enumerate(grid.y):
        for j, shift in enumerate(grid.x):
            r = 0.10 + shift
            if r <= g + 1e-12:
                assert math.isnan(grid.totals[i, j]) and math.isnan(grid.upside[i, j]), (g, r)
            else:
                assert grid.totals[i, j] == pytest.approx(hand_ddm_total(g, r), rel=1e-11)
                assert grid.upside[i, j] == pytest.approx(grid.totals[i, j] / 100.0 - 1.0, rel=1e-12)
    assert np.isnan(grid.upside).sum() == 4  # g = 8% at r = 8%, g = 12% at every rate


def test_upside_grid_equals_the_engines_grid_for_a_segment(sample):
    model, result = sample
    rate, growth = SweepRange(-0.02, 0.02, 21), SweepRange(-0.02, 0.07, 31)
    grid = requests.upside_grid(model, result, rate, growth, segment=1)
    y = model.segment_terminal_growth(1) + growth.values()
    expected = sensitivity_grid(model, "discount_rate_shift", rate.values(), "terminal_growth", y,
                                method="ddm", segment=1)
    np.testing.assert_array_equal(grid.totals, expected)
    np.testing.assert_array_equal(grid.upside, expected / result.market_cap - 1.0)


def test_tornado_bars_are_the_engines_and_the_rate_bar_is_right_by_hand(hand, sample):
    model, _ = hand
    response = requests.tornado_bars(model, DEFAULT_SHOCKS)
    rate_bar = next(b for b in response.bars["dynamic"] if b.driver == "discount_rate_shift")
    assert rate_bar.low_value == pytest.approx(hand_dynamic_total(0.09), rel=REL)
    assert rate_bar.high_value == pytest.approx(hand_dynamic_total(0.11), rel=REL)
    model, _ = sample
    shocks = dict(DEFAULT_SHOCKS, discount_rate_shift=(-0.005, 0.03))
    response = requests.tornado_bars(model, shocks, segment=0)
    for method in ("ddm", "dynamic"):
        assert list(response.bars[method]) == tornado(model, method=method, shocks=shocks, segment=0)


def test_bridge_by_hand(hand):
    model, result = hand
    walk = requests.bridge(model, result).walks["ddm"]
    keys = [s.key for s in walk.steps]
    assert keys == ["segment:0", "excess_cash", "minority_interest", "equity_investments", "total", "market_cap"]
    business = 15.5 + FADE + 132.53625 / 1.21
    assert walk.steps[0].name == "主业"
    assert (walk.steps[0].start, walk.steps[0].end) == (0.0, pytest.approx(business, rel=REL))
    assert [s.amount for s in walk.steps[1:4]] == pytest.approx([10.0, -2.5, 1.5], rel=REL)
    assert walk.steps[3].end == pytest.approx(walk.total, rel=REL)  # the walk lands on the total
    assert (walk.steps[4].start, walk.steps[4].end) == (0.0, result.ddm.total)
    assert (walk.steps[5].start, walk.steps[5].end) == (0.0, pytest.approx(100.0))
    assert walk.status == "slightly_undervalued" and walk.upside == result.ddm.upside
    dynamic = requests.bridge(model, result).walks["dynamic"]
    assert dynamic.steps[0].amount == pytest.approx(115.5, rel=REL) and dynamic.status == "fair"


def test_bridge_of_several_segments_adds_up_to_the_engines_total(sample):
    model, result = sample
    response = requests.bridge(model, result)
    for method in ("ddm", "dynamic"):
        mr = getattr(result, method)
        steps = response.walks[method].steps
        assert [s.name for s in steps[:len(mr.segments)]] == [s.name for s in mr.segments]
        assert [s.amount for s in steps[:len(mr.segments)]] == pytest.approx(
            [s.business_value for s in mr.segments], rel=REL)
        assert steps[-3].end == pytest.approx(mr.total, rel=1e-12)


def test_requests_refuse_what_the_engine_refuses(sample):
    model, result = sample
    with pytest.raises(ValueError, match="segment 7 out of range"):
        requests.sweep(model, result, "discount_rate_shift", SweepRange(-0.01, 0.01, 3), segment=7)
    with pytest.raises(ValueError, match="unknown driver"):
        requests.tornado_bars(model, {"colour_shift": (-1.0, 1.0)})
