"""Monte Carlo (models/analysis/montecarlo.py) and the ``uncertainty`` key
(models/analysis/uncertainty.py)."""
from __future__ import annotations

import copy
import json
import math
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Model, ModelFileError, dumps_model, load_model, loads_model, validate, valuate
from models.analysis.montecarlo import (Cancelled, DrawKernel, MonteCarloRequest, normal_cdf,
                                        rank_correlation, run_montecarlo, transform)
from models.analysis.uncertainty import (DEFAULT_DRIVERS, DriverDist, check_uncertainty, default_settings,
                                         settings_from)
from models.sensitivity import DRIVERS, evaluate_scenarios
from models.status import STATUS_CODES, status_for
from models.synthetic import synthetic_model
from models.valuation import prepare

from hand_model import hand_doc
from strategies import model_docs
from test_sample import SAMPLE

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def sample():
    return load_model(SAMPLE)


def zero_spread_settings():
    return {"drivers": {"growth_shift": {"dist": "normal", "mean": 0.0, "sd": 0.0},
                        "margin_shift": {"dist": "uniform", "low": 0.0, "high": 0.0},
                        "discount_rate_shift": {"dist": "triangular", "low": 0.0, "mode": 0.0, "high": 0.0},
                        "multiple_scale": {"dist": "normal", "mean": 1.0, "sd": 0.0}},
            "draws": 500}


# ---------------------------------------------------------------------------
# The kernel is the sensitivity kernel


@SETTINGS
@given(model_docs(max_segments=3, max_years=8),
       st.lists(st.sampled_from(DRIVERS), min_size=1, max_size=8, unique=True),
       st.one_of(st.none(), st.integers(0, 2)), st.integers(0, 2 ** 32 - 1),
       st.lists(st.booleans(), min_size=3, max_size=3))
def test_kernel_equals_evaluate_scenarios(doc, drivers, segment, seed, justified):
    for seg, j in zip(doc["segments"], justified):     # some segments in the justified-multiple mode
        if j:
            seg["multiple_mode"] = "justified"
            seg["ratings"] = {"structure": 3.0}
    doc["valuation"]["justified_factors"] = {"structure": {"3": 0.8}}
    model = Model.from_dict(doc)
    if segment is not None:
        segment %= model.segment_count
    rng = np.random.default_rng(seed)
    n = 37
    spread = {"discount_rate_shift": 0.02, "terminal_growth": 0.02, "fade_growth_shift": 0.05,
              "growth_shift": 0.08, "margin_shift": 0.05, "roe_shift": 0.1, "multiple_scale": 0.3,
              "excess_cash_scale": 0.5}
    centre = {"terminal_growth": 0.02, "multiple_scale": 1.0, "excess_cash_scale": 1.0}
    values = {d: centre.get(d, 0.0) + spread[d] * rng.standard_normal(n) for d in drivers}
    p = prepare(model)
    got = DrawKernel(p, {d: segment for d in drivers}).totals(values)
    for method in ("ddm", "dynamic"):
        want = evaluate_scenarios(model, values, method, segment, prepared=p).total
        assert np.array_equal(np.isnan(got[method]), np.isnan(want)), method
        ok = np.isfinite(want)
        scale = np.abs(evaluate_scenarios(model, values, method, segment, prepared=p).segments).sum(axis=-1)[ok]
        assert np.all(np.abs(got[method][ok] - want[ok]) <= 1e-9 * np.maximum(scale, 1e-300) + 1e-300), method


def test_kernel_on_the_synthetic_model_with_clamped_payouts():
    model = synthetic_model(30, 30)
    p = prepare(model)
    rng = np.random.default_rng(5)
    values = {"growth_shift": rng.normal(0, 0.1, 200), "roe_shift": rng.normal(0, 0.05, 200),
              "margin_shift": rng.normal(0, 0.02, 200), "discount_rate_shift": rng.normal(0, 0.01, 200)}
    got = DrawKernel(p, dict.fromkeys(values)).totals(values)
    for method in ("ddm", "dynamic"):
        want = evaluate_scenarios(model, values, method, prepared=p).total
        np.testing.assert_allclose(got[method], want, rtol=1e-11)


# ---------------------------------------------------------------------------
# Zero spreads: the plain valuation


@pytest.mark.parametrize("model_name", ["sample", "hand", "synthetic"])
def test_zero_spreads_give_the_deterministic_valuation(sample, model_name):
    model = {"sample": sample, "hand": Model.from_dict(hand_doc()),
             "synthetic": synthetic_model(6, 12)}[model_name]
    result = run_montecarlo(model, zero_spread_settings())
    plain = valuate(model)
    for method in ("ddm", "dynamic"):
        s = result.method(method)
        expected = getattr(plain, method)
        for stat in (s.mean, s.p5, s.p50, s.p95):
            assert stat == pytest.approx(expected.total, rel=1e-12)
        assert s.sd == pytest.approx(0.0, abs=1e-12 * abs(expected.total))
        assert s.invalid_draws == 0
        assert s.status_probabilities[expected.status] == 1.0
        assert sum(s.status_probabilities.values()) == 1.0
        assert s.prob_above_market_cap == (1.0 if expected.total > model.market_cap else 0.0)
        assert all(rho is None for rho in s.rank_correlations.values())   # constant draws: no ranks


def test_no_drivers_at_all_is_deterministic(sample):
    result = run_montecarlo(sample, {"drivers": {}, "draws": 10})
    assert result.ddm.mean == pytest.approx(valuate(sample).ddm.total, rel=1e-12)
    assert result.ddm.rank_correlations == {}


# ---------------------------------------------------------------------------
# Probabilities, determinism, convergence


@pytest.mark.parametrize("seed", [0, 1, 12345])
def test_probabilities_sum_to_one_and_match_the_totals(sample, seed):
    result = run_montecarlo(sample, draws=3000, seed=seed)
    for method in ("ddm", "dynamic"):
        s = result.method(method)
        assert math.fsum(s.status_probabilities.values()) == pytest.approx(1.0, abs=1e-12)
        valid = s.totals[np.isfinite(s.totals)]
        counted = {c: 0 for c in STATUS_CODES}
        for total in valid[:500]:
            counted[status_for(total / sample.market_cap - 1)] += 1
        full = np.array([status_for(t / sample.market_cap - 1) for t in valid])
        for c in STATUS_CODES:
            assert s.status_probabilities[c] == np.count_nonzero(full == c) / valid.size
        assert s.mean == pytest.approx(valid.mean(), rel=1e-12)
        assert s.p50 == pytest.approx(np.median(valid), rel=1e-12)
        assert s.prob_above_market_cap == np.count_nonzero(valid > sample.market_cap) / valid.size


def test_same_seed_same_numbers_other_seed_other_numbers(sample):
    a = run_montecarlo(sample, draws=2000, seed=7)
    b = run_montecarlo(sample, draws=2000, seed=7)
    c = run_montecarlo(sample, draws=2000, seed=8)
    assert a.to_dict() == b.to_dict()
    assert np.array_equal(a.ddm.totals, b.ddm.totals)
    assert a.to_dict() != c.to_dict()


def test_results_do_not_depend_on_the_chunk_size(sample):
    a = run_montecarlo(sample, draws=1500, seed=3, chunk_size=64)
    b = run_montecarlo(sample, draws=1500, seed=3, chunk_size=1500)
    c = run_montecarlo(sample, draws=1500, seed=3, chunk_size=7)
    assert np.array_equal(a.driver_values, b.driver_values) and np.array_equal(a.driver_values, c.driver_values)
    for m in ("ddm", "dynamic"):
        np.testing.assert_allclose(a.method(m).totals, b.method(m).totals, rtol=1e-13)
        np.testing.assert_allclose(c.method(m).totals, b.method(m).totals, rtol=1e-13)


def test_the_model_seed_and_draws_are_used(sample):
    model = sample.copy()
    model.set(("uncertainty",), {"draws": 321, "seed": 9})
    r = run_montecarlo(model)
    assert (r.draws, r.seed) == (321, 9)
    assert [d.driver for d in r.settings.drivers] == list(DEFAULT_DRIVERS)
    assert r.to_dict() == run_montecarlo(sample, draws=321, seed=9).to_dict()
    # arguments override the model's
    assert run_montecarlo(model, draws=50, seed=1).draws == 50


def test_status_probabilities_converge(sample):
    """Independent runs agree better as the draws grow, and at 200,000 draws
    within 5 standard errors of a share (√(p(1−p)/n) ≤ 0.0011 per run)."""
    def probs(n, seed):
        s = run_montecarlo(sample, draws=n, seed=seed).ddm.status_probabilities
        return np.array([s[c] for c in STATUS_CODES])

    small = [np.abs(probs(300, 2 * k) - probs(300, 2 * k + 1)).max() for k in range(3)]
    large = np.abs(probs(200_000, 100) - probs(200_000, 101)).max()
    assert large <= 5 * math.sqrt(2 * 0.25 / 200_000)
    assert large < min(small)
    assert max(small) > 0.0


# ---------------------------------------------------------------------------
# Distributions and the copula


def test_normal_cdf_is_accurate():
    z = np.linspace(-8, 8, 4001)
    want = np.array([0.5 * math.erfc(-x / math.sqrt(2)) for x in z])
    assert np.max(np.abs(normal_cdf(z) - want)) < 5e-8
    assert normal_cdf(np.array([0.0]))[0] == pytest.approx(0.5, abs=5e-8)
    assert np.allclose(normal_cdf(-z), 1.0 - normal_cdf(z), rtol=0, atol=1e-7)   # symmetric


def test_marginals_have_their_moments():
    z = np.random.default_rng(0).standard_normal(200_000)
    u = transform(DriverDist("growth_shift", "uniform", (-0.02, 0.04)), z)
    assert u.min() >= -0.02 and u.max() <= 0.04
    assert u.mean() == pytest.approx(0.01, abs=3e-4)
    assert np.percentile(u, 25) == pytest.approx(-0.005, abs=5e-4)
    t = transform(DriverDist("growth_shift", "triangular", (0.0, 0.01, 0.04)), z)
    assert t.min() >= 0.0 and t.max() <= 0.04
    assert t.mean() == pytest.approx(0.05 / 3, abs=2e-4)
    # the mode's CDF: P(X < c) = (c − a) / (b − a) = 1/4
    assert np.mean(t < 0.01) == pytest.approx(0.25, abs=5e-3)
    n = transform(DriverDist("margin_shift", "normal", (0.01, 0.02)), z)
    assert np.array_equal(n, 0.01 + 0.02 * z)


def test_correlation_is_the_rank_correlation_of_the_draws(sample):
    unc = {"draws": 40_000, "seed": 4,
           "drivers": {"growth_shift": {"dist": "uniform", "low": -0.03, "high": 0.03},
                       "margin_shift": {"dist": "triangular", "low": -0.02, "mode": 0.0, "high": 0.01},
                       "discount_rate_shift": {"dist": "normal", "mean": 0.0, "sd": 0.005}},
           "correlation": [[1.0, 0.7, -0.4], [0.7, 1.0, 0.0], [-0.4, 0.0, 1.0]]}
    r = run_montecarlo(sample, unc)
    v = r.driver_values
    assert rank_correlation(v[0], v[1]) == pytest.approx(0.7, abs=0.015)
    assert rank_correlation(v[0], v[2]) == pytest.approx(-0.4, abs=0.015)
    assert rank_correlation(v[1], v[2]) == pytest.approx(0.0, abs=0.015)
    # the marginals stay what was asked
    assert v[0].min() >= -0.03 and v[0].max() <= 0.03
    assert v[1].min() >= -0.02 and v[1].max() <= 0.01


def test_rank_correlations_with_the_total(sample):
    r = run_montecarlo(sample, draws=5000, seed=1)
    ddm, dyn = r.ddm.rank_correlations, r.dynamic.rank_correlations
    assert ddm["discount_rate_shift"] < -0.5 and ddm["growth_shift"] > 0.2 and ddm["margin_shift"] > 0.2
    assert abs(ddm["multiple_scale"]) < 0.05         # the DDM does not use the multiple
    assert dyn["multiple_scale"] > 0.5
    # recomputed by hand (average ranks, Pearson) for one driver
    x, y = r.driver_values[2], r.ddm.totals
    rx, ry = np.argsort(np.argsort(x)).astype(float), np.argsort(np.argsort(y)).astype(float)
    assert ddm["discount_rate_shift"] == pytest.approx(np.corrcoef(rx, ry)[0, 1], abs=1e-12)


def test_rank_correlation_ties_share_their_rank():
    x = np.array([1.0, 2.0, 2.0, 3.0])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    # ranks of x: 0, 1.5, 1.5, 3 → Pearson with 0,1,2,3
    rx = np.array([0, 1.5, 1.5, 3.0])
    assert rank_correlation(x, y) == pytest.approx(np.corrcoef(rx, np.arange(4.0))[0, 1], abs=1e-15)
    assert rank_correlation(np.ones(5), np.arange(5.0)) is None


# ---------------------------------------------------------------------------
# Invalid draws


def test_invalid_draws_are_counted_and_left_out(sample):
    # terminal growth drawn up to 12% against discount rates of 8.3%–9%: every
    # draw at or above 8.3% (the lowest rate) makes some segment invalid.
    unc = {"draws": 4000, "seed": 2,
           "drivers": {"terminal_growth": {"dist": "uniform", "low": 0.0, "high": 0.12}}}
    r = run_montecarlo(sample, unc)
    g = r.driver_values[0]
    expected_invalid = int(np.count_nonzero(g >= 0.083))
    assert 0 < expected_invalid < 4000
    assert r.ddm.invalid_draws == expected_invalid
    assert r.dynamic.invalid_draws == expected_invalid     # the scenario is invalid for both methods
    valid = r.ddm.totals[np.isfinite(r.ddm.totals)]
    assert valid.size == 4000 - expected_invalid
    assert r.ddm.mean == pytest.approx(valid.mean(), rel=1e-12)
    assert math.fsum(r.ddm.status_probabilities.values()) == pytest.approx(1.0)
    assert r.ddm.invalid_share == expected_invalid / 4000


def test_every_draw_invalid_gives_no_numbers(sample):
    unc = {"draws": 100, "drivers": {"terminal_growth": {"dist": "uniform", "low": 0.2, "high": 0.3}}}
    r = run_montecarlo(sample, unc)
    assert r.ddm.invalid_draws == 100 and r.ddm.mean is None and r.ddm.p50 is None
    assert set(r.ddm.status_probabilities.values()) == {None}


# ---------------------------------------------------------------------------
# Running: cancel, progress, snapshot, memory


def test_cancel_between_chunks_and_progress(sample):
    calls = []
    req = MonteCarloRequest(sample, draws=1000, chunk_size=100)
    with pytest.raises(Cancelled):
        req.run(cancelled=lambda: len(calls) >= 3, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(100, 1000), (200, 1000), (300, 1000)]
    seen = []
    req.run(progress=lambda done, total: seen.append(done))
    assert seen == list(range(100, 1001, 100))


def test_request_is_a_snapshot(sample):
    model = sample.copy()
    req = MonteCarloRequest(model, draws=500)
    before = run_montecarlo(sample, draws=500).to_dict()
    model.set(("segments", 0, "discount_rate"), 0.2)   # edited after the request was made
    assert req.run().to_dict() == before


def test_a_million_draws_stay_in_bounded_memory():
    """The working memory is one chunk's arrays, whatever the draw count: on the
    30 × 30 model, 40,000 draws at once would need 30 × 25 × 40,000 × 8 bytes =
    240 MB per array; the run's peak stays a small fraction of that (what it
    keeps per draw: 4 drivers + 2 totals = 48 bytes)."""
    model = synthetic_model(30, 30)
    req = MonteCarloRequest(model, draws=40_000)
    tracemalloc.start()
    try:
        req.run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40e6, peak


# ---------------------------------------------------------------------------
# The uncertainty key


def test_defaults_when_absent():
    s = default_settings()
    assert (s.draws, s.seed, s.correlation) == (10_000, 0, None)
    assert [(d.driver, d.dist, d.params) for d in s.drivers] == [
        ("growth_shift", "normal", (0.0, 0.02)), ("margin_shift", "normal", (0.0, 0.01)),
        ("discount_rate_shift", "normal", (0.0, 0.005)), ("multiple_scale", "normal", (1.0, 0.1))]
    # a key with only some parts takes the defaults for the rest
    s2 = settings_from({"seed": 5})
    assert s2.seed == 5 and s2.draws == 10_000 and s2.drivers == s.drivers


@pytest.mark.parametrize("value, path, fragment", [
    ([], "uncertainty", "must be an object"),
    ({"draws": 0}, "uncertainty.draws", "from 1 to"),
    ({"draws": 2.5}, "uncertainty.draws", "whole number"),
    ({"draws": True}, "uncertainty.draws", "whole number"),
    ({"seed": -1}, "uncertainty.seed", "from 0"),
    ({"drivers": []}, "uncertainty.drivers", "must be an object"),
    ({"drivers": {"price_shift": {"dist": "normal", "mean": 0, "sd": 1}}}, "uncertainty.drivers.price_shift", "not a sensitivity driver"),
    ({"drivers": {"growth_shift": 0.02}}, "uncertainty.drivers.growth_shift", "must be an object"),
    ({"drivers": {"growth_shift": {"dist": "lognormal"}}}, "uncertainty.drivers.growth_shift.dist", "normal"),
    ({"drivers": {"growth_shift": {"dist": "normal", "mean": 0}}}, "uncertainty.drivers.growth_shift.sd", "missing"),
    ({"drivers": {"growth_shift": {"dist": "normal", "mean": "0", "sd": 0.1}}}, "uncertainty.drivers.growth_shift.mean", "number"),
    ({"drivers": {"growth_shift": {"dist": "normal", "mean": 0, "sd": -0.1}}}, "uncertainty.drivers.growth_shift.sd", "≥ 0"),
    ({"drivers": {"growth_shift": {"dist": "uniform", "low": 0.1, "high": 0.0}}}, "uncertainty.drivers.growth_shift.high", "≥ low"),
    ({"drivers": {"growth_shift": {"dist": "triangular", "low": 0, "mode": 0.2, "high": 0.1}}}, "uncertainty.drivers.growth_shift.mode", "from low to high"),
    ({"drivers": {"growth_shift": {"dist": "normal", "mean": 0, "sd": 0.1, "segment": 3}}}, "uncertainty.drivers.growth_shift.segment", "from 0 to 2"),
    ({"correlation": [[1, 0], [0, 1]]}, "uncertainty.correlation", "4 × 4"),
    ({"drivers": {"growth_shift": DEFAULT_DRIVERS["growth_shift"], "margin_shift": DEFAULT_DRIVERS["margin_shift"]},
      "correlation": [[1, 2], [2, 1]]}, "uncertainty.correlation[0][1]", "from -1 to 1"),
    ({"drivers": {"growth_shift": DEFAULT_DRIVERS["growth_shift"], "margin_shift": DEFAULT_DRIVERS["margin_shift"]},
      "correlation": [[1, 0.5], [0.4, 1]]}, "uncertainty.correlation[0][1]", "symmetric"),
    ({"drivers": {"growth_shift": DEFAULT_DRIVERS["growth_shift"], "margin_shift": DEFAULT_DRIVERS["margin_shift"]},
      "correlation": [[0.9, 0.5], [0.5, 1]]}, "uncertainty.correlation[0][0]", "must be 1"),
    ({"drivers": {"growth_shift": DEFAULT_DRIVERS["growth_shift"], "margin_shift": DEFAULT_DRIVERS["margin_shift"],
                  "roe_shift": DEFAULT_DRIVERS["growth_shift"]},
      "correlation": [[1, 1, 0], [1, 1, 0], [0, 0, 1]]}, "uncertainty.correlation", "positive definite"),
    ({"drivers": {"growth_shift": DEFAULT_DRIVERS["growth_shift"], "margin_shift": DEFAULT_DRIVERS["margin_shift"],
                  "roe_shift": DEFAULT_DRIVERS["growth_shift"]},
      "correlation": [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]}, "uncertainty.correlation", "positive definite"),
])
def test_bad_uncertainty_is_refused_with_path_and_rule(sample, value, path, fragment):
    issues = check_uncertainty(copy.deepcopy(value), 3)
    assert issues and issues[0].path == path and fragment in issues[0].message, issues
    doc = sample.to_dict()
    doc["uncertainty"] = value
    with pytest.raises(ModelFileError) as info:
        Model.from_dict(doc)
    assert info.value.key_path == path
    # validate (the app's check of an edit) sees it too
    model = sample.copy()
    model.set(("uncertainty",), copy.deepcopy(value))
    assert validate(model) and validate(model)[0].path == path
    with pytest.raises(ModelFileError):
        MonteCarloRequest(model)


def test_uncertainty_round_trips(sample):
    doc = sample.to_dict()
    doc["uncertainty"] = {"draws": 2000, "seed": 11, "drivers": {
        "roe_shift": {"dist": "triangular", "low": -0.02, "mode": 0.0, "high": 0.01, "segment": 1},
        "growth_shift": {"dist": "uniform", "low": -0.01, "high": 0.02}},
        "correlation": [[1.0, 0.3], [0.3, 1.0]], "note": "kept"}
    model = Model.from_dict(doc)
    again = loads_model(dumps_model(model))
    assert again == model and again.doc["uncertainty"]["note"] == "kept"
    s = settings_from(model.doc["uncertainty"])
    assert s.drivers[0] == DriverDist("roe_shift", "triangular", (-0.02, 0.0, 0.01), 1)
    assert settings_from(s.to_dict()) .drivers == s.drivers
    r = run_montecarlo(model)
    assert r.draws == 2000 and list(r.ddm.rank_correlations) == ["roe_shift", "growth_shift"]


def test_integer_numbers_are_normalized(sample):
    doc = sample.to_dict()
    doc["uncertainty"] = {"draws": 100.0, "drivers": {"multiple_scale": {"dist": "normal", "mean": 1, "sd": 0}}}
    model = Model.from_dict(doc)
    assert model.doc["uncertainty"]["draws"] == 100 and type(model.doc["uncertainty"]["draws"]) is int
    assert type(model.doc["uncertainty"]["drivers"]["multiple_scale"]["mean"]) is float


def test_a_segment_driver_moves_only_its_segment(sample):
    unc = {"draws": 300, "drivers": {"margin_shift": {"dist": "normal", "mean": 0.0, "sd": 0.02, "segment": 2}}}
    r = run_montecarlo(sample, unc)
    want = evaluate_scenarios(sample, {"margin_shift": r.driver_values[0]}, "ddm", segment=2).total
    np.testing.assert_allclose(r.ddm.totals, want, rtol=1e-11)


def test_a_huge_draw_count_is_refused_in_a_short_message():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["uncertainty"] = {"draws": 10 ** 400}
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    text = str(info.value)
    assert "uncertainty.draws" in text and "integer of 401 digits" in text and len(text) < 200
