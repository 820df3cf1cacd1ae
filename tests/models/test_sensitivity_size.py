"""Sensitivity sizes (issue 8, item 9): memory estimated before computing, a
stated budget refused with one line, large grids computed in chunks whose
result equals the one-pass result exactly."""
from __future__ import annotations

import itertools
import json
import tracemalloc

import numpy as np
import pytest

import models.__main__ as cli
from models import load_model
from models.sensitivity import (CHUNK_BYTES, DRIVERS, FIXED_BYTES, GRID_MEMORY_BUDGET, evaluate_scenarios,
                                grid_memory_estimate, scenario_bytes, sensitivity_grid, sensitivity_sweep)
from models.synthetic import synthetic_model
from models.valuation import prepare

from test_sample import SAMPLE

AXES = {
    "discount_rate_shift": np.linspace(-0.03, 0.03, 13), "terminal_growth": np.linspace(0.0, 0.12, 11),
    "fade_growth_shift": np.linspace(-0.05, 0.05, 7), "growth_shift": np.linspace(-1.2, 0.1, 9),
    "margin_shift": np.linspace(-0.05, 0.05, 5), "roe_shift": np.linspace(-0.3, 0.1, 6),
    "multiple_scale": np.linspace(0.5, 1.5, 4), "excess_cash_scale": np.linspace(0.0, 2.0, 3),
}


@pytest.mark.parametrize("x_driver, y_driver", list(itertools.permutations(DRIVERS, 2))[::3])
@pytest.mark.parametrize("method", ["ddm", "dynamic"])
def test_chunked_grid_equals_one_pass(x_driver, y_driver, method):
    model = load_model(SAMPLE)
    x, y = AXES[x_driver], AXES[y_driver]
    one_pass = evaluate_scenarios(model, {x_driver: x[None, :], y_driver: y[:, None]}, method).total
    per = scenario_bytes(prepare(model))
    for chunk in (1, per * 3, per * (len(x) + 2), per * len(x) * 2):   # cells, part rows, rows
        got = sensitivity_grid(model, x_driver, x, y_driver, y, method, chunk_bytes=chunk)
        np.testing.assert_array_equal(got, one_pass)    # bit for bit, NaN where invalid


def test_chunked_sweep_equals_one_pass():
    model = synthetic_model(7, 12)
    values = np.linspace(-0.05, 0.05, 1001)
    one = evaluate_scenarios(model, {"growth_shift": values}, "ddm")
    for chunk in (1, 10_000, 10 ** 9):
        got = sensitivity_sweep(model, "growth_shift", values, "ddm", segment=3, chunk_bytes=chunk)
        ref = evaluate_scenarios(model, {"growth_shift": values}, "ddm", segment=3)
        np.testing.assert_array_equal(got.total, ref.total)
        np.testing.assert_array_equal(got.segments, ref.segments)
    assert one.total.shape == (1001,)


def test_estimate_is_an_upper_bound_of_the_kernels_memory():
    """scenario_bytes holds with room for the costliest driver pairs."""
    for segments, years in ((3, 8), (30, 30), (5, 60)):
        model = synthetic_model(segments, years)
        p = prepare(model)
        x, y = np.linspace(-0.01, 0.01, 40), np.linspace(-0.01, 0.01, 25)
        for a, b in (("growth_shift", "margin_shift"), ("discount_rate_shift", "fade_growth_shift")):
            tracemalloc.start()
            evaluate_scenarios(model, {a: x[None, :], b: y[:, None]}, "ddm", prepared=p)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            assert peak < scenario_bytes(p) * x.size * y.size, (segments, years, a, b)


def test_grid_memory_stays_bounded_by_the_chunk():
    model = synthetic_model(30, 30)
    p = prepare(model)
    x, y = np.linspace(-0.01, 0.01, 60), np.linspace(-0.01, 0.01, 60)
    chunk = 2 * 2 ** 20
    one_pass_estimate = scenario_bytes(p) * x.size * y.size
    assert one_pass_estimate > 50 * chunk           # unchunked it would take far more
    tracemalloc.start()
    total = sensitivity_grid(model, "growth_shift", x, "margin_shift", y, chunk_bytes=chunk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert total.shape == (60, 60) and np.isfinite(total).all()
    assert peak <= grid_memory_estimate(p, 60, 60, chunk_bytes=chunk)
    assert grid_memory_estimate(p, 60, 60, chunk_bytes=chunk) == 8 * 3600 + chunk + FIXED_BYTES


def test_estimate_by_hand():
    model = synthetic_model(4, 10, actual_years=3)          # 7 forecast years, 10 fade years
    p = prepare(model)
    assert scenario_bytes(p) == 8 * 4 * (4 * (7 + 10) + 16)
    assert grid_memory_estimate(p, 2, 3) == 8 * 6 + 6 * scenario_bytes(p) + FIXED_BYTES   # one chunk
    assert grid_memory_estimate(p, 10_000, 10_000) == 8 * 10 ** 8 + CHUNK_BYTES + FIXED_BYTES


def test_cli_refuses_a_grid_beyond_the_budget_before_computing(monkeypatch, capsys):
    def never(*args, **kwargs):
        raise AssertionError("the grid was computed")
    monkeypatch.setattr(cli, "sensitivity_grid", never)
    code = cli.main(["sensitivity", str(SAMPLE), "--x", "discount_rate_shift:-0.02:0.02:10000",
                     "--y", "growth_shift:-0.1:0.1:10000"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "10000 × 10000 grid" in err and "796 MB" in err and "256 MB" in err


def test_budget_fits_5000_by_5000():
    p = prepare(load_model(SAMPLE))
    side = int(((GRID_MEMORY_BUDGET - CHUNK_BYTES - FIXED_BYTES) / 8) ** 0.5)
    assert grid_memory_estimate(p, side, side) <= GRID_MEMORY_BUDGET < grid_memory_estimate(p, side + 1, side + 1)
    assert side >= 5000   # README: 5,000 × 5,000 fits


def test_streamed_grid_json_is_the_whole_documents_json(tmp_path):
    out = tmp_path / "g.json"
    x_axis, y_axis = "discount_rate_shift:-0.02:0.02:4", "terminal_growth:0.02:0.12:3"
    assert cli.main(["sensitivity", str(SAMPLE), "--x", x_axis, "--y", y_axis, "--out", str(out)]) == 0
    model = load_model(SAMPLE)
    x, y = np.linspace(-0.02, 0.02, 4), np.linspace(0.02, 0.12, 3)
    total = sensitivity_grid(model, "discount_rate_shift", x, "terminal_growth", y)
    # The axes to 15 digits of their largest value (issue 9): 0.07, not 0.06999999999999999.
    x_shown, y_shown = [-0.02, -0.0066666666666667, 0.0066666666666667, 0.02], [0.02, 0.07, 0.12]
    assert np.allclose(x_shown, x, rtol=1e-14) and np.allclose(y_shown, y, rtol=1e-14)
    doc = {"method": "ddm", "x_driver": "discount_rate_shift", "x_values": x_shown,
           "y_driver": "terminal_growth", "y_values": y_shown,
           "total": [[v if np.isfinite(v) else None for v in row] for row in total.tolist()],
           "market_cap": model.market_cap}
    assert out.read_text(encoding="utf-8") == json.dumps(doc, ensure_ascii=False) + "\n"
    assert json.loads(out.read_text(encoding="utf-8"))["total"][2][0] is None    # gT 12% > r
