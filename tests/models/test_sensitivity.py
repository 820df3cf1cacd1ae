"""Vectorized sensitivity agrees with the scalar valuation, cell by cell."""
from __future__ import annotations

import numpy as np
import pytest

from models import (DRIVERS, Model, evaluate_scenarios, load_model, sensitivity_grid, sensitivity_sweep,
                    tornado, valuate)
from models.sensitivity import DEFAULT_SHOCKS, base_driver_value

from test_sample import SAMPLE


def edited(model: Model, driver: str, value: float, segment: int | None = None) -> Model:
    """The model with one driver applied by editing the document (the scalar path)."""
    m = model.copy()
    idx = range(m.segment_count) if segment is None else [segment]
    for i in idx:
        seg = m.segments[i]
        if driver == "discount_rate_shift":
            seg["discount_rate"] += value
        elif driver == "terminal_growth":
            seg["terminal_growth"] = value
        elif driver == "fade_growth_shift":
            seg["fade_growth"] += value
        elif driver == "roe_shift":
            seg["roe"] += value
        elif driver == "multiple_scale":
            seg["multiple"] *= value
        elif driver in ("growth_shift", "margin_shift"):
            key = "growth" if driver == "growth_shift" else "margin"
            for row in seg["forecast"].values():
                row[key] += value
    if driver == "excess_cash_scale":
        m.doc["valuation"]["excess_cash"] = m.valuation_amount("excess_cash") * value
    return m


def scalar_total(model, method, edits):
    m = model
    for driver, value, segment in edits:
        m = edited(m, driver, value, segment)
    try:
        r = valuate(m)
    except ValueError:
        return np.nan
    return (r.ddm if method == "ddm" else r.dynamic).total


@pytest.fixture(scope="module")
def sample():
    return load_model(SAMPLE)


@pytest.mark.parametrize("method", ["ddm", "dynamic"])
@pytest.mark.parametrize("x_driver, xs, y_driver, ys, segment", [
    ("discount_rate_shift", [-0.02, 0.0, 0.015], "terminal_growth", [0.01, 0.03, 0.07], None),
    ("growth_shift", [-0.05, 0.02], "margin_shift", [-0.01, 0.03], None),
    ("roe_shift", [-0.05, 0.04], "fade_growth_shift", [-0.02, 0.01], 1),
    ("multiple_scale", [0.5, 1.3], "excess_cash_scale", [0.0, 2.0], None),
    ("discount_rate_shift", [-0.05, 0.01], "multiple_scale", [0.8, 1.0], 2),
])
def test_grid_equals_scalar_valuation_cell_by_cell(sample, method, x_driver, xs, y_driver, ys, segment):
    grid = sensitivity_grid(sample, x_driver, xs, y_driver, ys, method=method, segment=segment)
    assert grid.shape == (len(ys), len(xs))
    for iy, y in enumerate(ys):
        for ix, x in enumerate(xs):
            expected = scalar_total(sample, method, [(x_driver, x, segment), (y_driver, y, segment)])
            if np.isnan(expected):
                assert np.isnan(grid[iy, ix])
            else:
                assert grid[iy, ix] == pytest.approx(expected, rel=1e-12), (x, y)


def test_invalid_scenarios_are_nan_not_exceptions(sample):
    grid = sensitivity_grid(sample, "discount_rate_shift", [-0.06, 0.0], "terminal_growth", [0.03, 0.085])
    # r = 0.083 − 0.06 = 0.023 ≤ 0.03; and gT = 8.5% ≥ r = 8.3% of two segments at shift 0
    assert np.isnan(grid[0, 0]) and np.isfinite(grid[0, 1]) and np.isnan(grid[1, 1])
    sweep = sensitivity_sweep(sample, "growth_shift", [-1.5, 0.0])
    assert np.isnan(sweep.total[0]) and sweep.total[1] == pytest.approx(valuate(sample).ddm.total, rel=1e-12)


def test_neutral_values_reproduce_the_valuation(sample):
    r = valuate(sample)
    for driver in DRIVERS:
        for method, expected in (("ddm", r.ddm.total), ("dynamic", r.dynamic.total)):
            res = sensitivity_sweep(sample, driver, [base_driver_value(sample, driver)], method)
            assert res.total[0] == pytest.approx(expected, rel=1e-12), driver
            np.testing.assert_allclose(res.segments[0], [s.business_value for s in (r.ddm if method == "ddm" else r.dynamic).segments], rtol=1e-12)


def test_batch_of_scenarios_in_one_pass_matches_sweeps(sample):
    shifts = np.linspace(-0.02, 0.02, 7)
    batch = evaluate_scenarios(sample, {"discount_rate_shift": shifts, "margin_shift": shifts[::-1]})
    for k, (a, b) in enumerate(zip(shifts, shifts[::-1])):
        assert batch.total[k] == pytest.approx(scalar_total(sample, "ddm", [("discount_rate_shift", a, None), ("margin_shift", b, None)]), rel=1e-12)


@pytest.mark.parametrize("method", ["ddm", "dynamic"])
def test_tornado_sorted_by_impact_and_matches_scalar(sample, method):
    bars = tornado(sample, method)
    impacts = [b.impact for b in bars]
    assert impacts == sorted(impacts, reverse=True)
    base = scalar_total(sample, method, [])
    for bar in bars:
        assert bar.base_value == pytest.approx(base, rel=1e-12)
        if bar.driver == "terminal_growth":
            low_edit, high_edit = [("terminal_growth", bar.low_input, None)], [("terminal_growth", bar.high_input, None)]
        else:
            low_edit, high_edit = [(bar.driver, bar.low_input, None)], [(bar.driver, bar.high_input, None)]
        assert bar.low_value == pytest.approx(scalar_total(sample, method, low_edit), rel=1e-12)
        assert bar.high_value == pytest.approx(scalar_total(sample, method, high_edit), rel=1e-12)
    drivers = {b.driver for b in bars}
    assert ("multiple_scale" in drivers) == (method == "dynamic")
    assert ("terminal_growth" in drivers) == (method == "ddm")


def test_tornado_default_shocks_are_the_issue_defaults(sample):
    assert DEFAULT_SHOCKS["discount_rate_shift"] == (-0.01, 0.01)
    assert DEFAULT_SHOCKS["multiple_scale"] == (0.9, 1.1)
    assert DEFAULT_SHOCKS["excess_cash_scale"] == (0.8, 1.2)
    bars = {b.driver: b for b in tornado(sample, "ddm")}
    assert bars["terminal_growth"].low_input == pytest.approx(0.02)
    assert bars["terminal_growth"].high_input == pytest.approx(0.04)


def test_unknown_driver_or_method_is_a_clear_error(sample):
    with pytest.raises(ValueError, match="unknown driver"):
        sensitivity_sweep(sample, "wacc", [0.0])
    with pytest.raises(ValueError, match="unknown method"):
        sensitivity_sweep(sample, "growth_shift", [0.0], method="dcf")
    with pytest.raises(ValueError, match="out of range"):
        sensitivity_sweep(sample, "growth_shift", [0.0], segment=7)


def test_upside_elementwise_and_segment_base_values(sample):
    from models import upside
    np.testing.assert_allclose(upside(np.array([652.32, np.nan, 1304.64 * 2]), 1304.64), [652.32 / 1304.64 - 1, np.nan, 1.0])
    assert upside(1304.64, 1304.64) == 0.0
    m = sample.copy()
    m.segments[1]["terminal_growth"] = 0.01
    assert base_driver_value(m, "terminal_growth") == 0.03
    assert base_driver_value(m, "terminal_growth", 1) == 0.01
    bars = {b.driver: b for b in tornado(m, "ddm", segment=1)}
    assert bars["terminal_growth"].low_input == pytest.approx(0.0)
    assert "excess_cash_scale" not in bars          # a company figure, not a segment's
    assert "excess_cash_scale" in {b.driver for b in tornado(m, "ddm")}
