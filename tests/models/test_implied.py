"""Reverse solve (models/analysis/implied.py): what the price implies.

Hand-computed cases on the one-segment model of hand_model.py (every figure
below is worked out in the comments), properties over generated models, and
the sample.
"""
from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Model, load_model, valuate
from models.analysis.implied import REASONS, implied_table, implied_value, search_range
from models.sensitivity import DRIVERS, evaluate_scenarios
from models.status import STATUS_CODES, STATUS_THRESHOLDS, status_for

from hand_model import hand_doc
from strategies import model_docs
from test_sample import SAMPLE

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# The hand model (hand_model.py): market cap 10 × 10 = 100.
# Explicit dividends: 2025 earnings 110 × 10% = 11, payout 1 − 0.10/0.20 = 0.5 → 5.5
# (discount 1); 2026 earnings 11, payout 1 → 11 / 1.1 = 10. Explicit value 15.5.
# Dynamic: earnings base 11/3 + 22/3 = 11; post-explicit 11 × 10 × 1.1^−1 = 100.
# Claims: + 10 cash − 2.5 minority + 1.5 investments = +9.
# Dynamic total with the multiple scaled by s: 15.5 + 9 + 100 s = 24.5 + 100 s.
# DDM: fade 2027 earnings 11.55, payout 0.75 → 8.6625 / 1.21; terminal dividend
# 11.55 × 1.02 × 0.9 = 10.6029, / (0.10 − 0.02) / 1.21. DDM segment value
# 15.5 + 8.6625/1.21 + 132.53625/1.21 = 132.19318…; total with the cash scaled by
# c: 132.19318… − 2.5 + 1.5 + 10 c.
HAND_DDM_SEGMENT = 15.5 + 8.6625 / 1.21 + (10.6029 / 0.08) / 1.21


@pytest.fixture(scope="module")
def hand():
    return Model.from_dict(hand_doc())


@pytest.fixture(scope="module")
def sample():
    return load_model(SAMPLE)


def test_hand_figures_are_the_engines(hand):
    r = valuate(hand)
    assert r.dynamic.total == pytest.approx(124.5, rel=1e-14)
    assert r.ddm.total == pytest.approx(HAND_DDM_SEGMENT + 9.0, rel=1e-14)


def test_implied_multiple_has_its_closed_form(hand):
    # 24.5 + 100 s = 100 (1 + X)  →  s = (100 (1 + X) − 24.5) / 100
    res = implied_value(hand, "multiple_scale", "dynamic", target_upside=0.0)
    assert res.reason is None
    assert res.value == pytest.approx(0.755, abs=1e-10)
    assert res.total == pytest.approx(100.0, abs=1e-9 * 100)
    expected = {-0.5: 0.255, -0.3: 0.455, -0.2: 0.555, 0.25: 1.005, 0.5: 1.255, 1.0: 1.755}
    assert [b.upside for b in res.boundaries] == list(STATUS_THRESHOLDS)
    for b in res.boundaries:
        assert b.value == pytest.approx(expected[b.upside], abs=1e-10)
    # the total rises with the multiple: below a boundary is the band below it
    for i, b in enumerate(res.boundaries):
        assert (b.status_below, b.status_above) == (STATUS_CODES[i], STATUS_CODES[i + 1])


def test_implied_cash_scale_has_its_closed_form(hand):
    # DDM total = HAND_DDM_SEGMENT − 1 + 10 c; target 100 × 1.25
    res = implied_value(hand, "excess_cash_scale", "ddm", target_upside=0.25)
    assert res.value == pytest.approx((125.0 - HAND_DDM_SEGMENT + 1.0) / 10.0, abs=1e-10)
    assert res.target_upside == 0.25
    assert res.target_total == 125.0


def test_target_outside_the_range_is_none_with_the_reason(hand):
    # the multiple can only be scaled from 0 to 10: totals 24.5 … 1024.5; +2000% is out of reach
    res = implied_value(hand, "multiple_scale", "dynamic", target_upside=20.0)
    assert res.value is None and res.total is None and res.reason == "out_of_reach"
    assert res.message == REASONS["out_of_reach"]
    assert res.reachable == pytest.approx((24.5, 1024.5), rel=1e-12)
    # below zero multiples the total cannot go: −80% (total 20 < 24.5) is unreachable too
    assert implied_value(hand, "multiple_scale", "dynamic", target_upside=-0.8).reason == "out_of_reach"


def test_a_driver_the_method_does_not_use_has_no_effect(hand, sample):
    for model in (hand, sample):
        for driver, method in (("multiple_scale", "ddm"), ("terminal_growth", "dynamic"),
                               ("fade_growth_shift", "dynamic")):
            res = implied_value(model, driver, method)
            assert res.value is None and res.reason == "no_effect"
            assert all(b.value is None and b.reason == "no_effect" for b in res.boundaries)


def test_not_monotone_total_is_none():
    # A second, loss-making segment with a higher terminal growth (6%): as the
    # discount rate falls towards 6% its negative value runs away, so the
    # company total rises, peaks, and falls again; a level below the peak is
    # reached twice.
    doc = hand_doc()
    seg = doc["segments"][0]
    seg["forecast"] = {"2025": {"growth": 0.0, "margin": 0.10}, "2026": {"growth": 0.0, "margin": 0.10}}
    loss = copy.deepcopy(seg)
    loss.update(name="亏损业务", terminal_growth=0.06,
                actuals={"2024": {"revenue": 100.0, "net_profit": -5.0}},
                forecast={"2025": {"growth": 0.0, "margin": -0.05}, "2026": {"growth": 0.0, "margin": -0.05}})
    doc["segments"].append(loss)
    model = Model.from_dict(doc)
    lo, hi, low_open, _ = search_range(model, "discount_rate_shift")
    assert lo == pytest.approx(0.06 - 0.10) and low_open
    grid = np.linspace(lo + 1e-9, hi, 2001)
    totals = evaluate_scenarios(model, {"discount_rate_shift": grid}, "ddm").total
    peak = int(np.argmax(totals))
    assert 0 < peak < grid.size - 1          # the test's precondition: an inner peak
    level = (totals[peak] + max(totals[0], totals[-1])) / 2
    res = implied_value(model, "discount_rate_shift", "ddm", target_upside=level / model.market_cap - 1)
    assert res.value is None and res.reason == "not_monotone"
    # above the peak nothing reaches: out of reach, not "not monotone"
    res = implied_value(model, "discount_rate_shift", "ddm", target_upside=totals[peak] * 1.01 / 100 - 1)
    assert res.reason == "out_of_reach"


def test_discount_rate_range_stops_above_terminal_growth(sample):
    lo, hi, low_open, high_open = search_range(sample, "discount_rate_shift")
    # every segment's r + shift must stay above its terminal growth (3%): r = 8.3%, 8.3%, 9%
    assert lo == pytest.approx(0.03 - 0.083) and low_open and not high_open
    res = implied_value(sample, "discount_rate_shift", "ddm", target_upside=1.0)
    assert res.value is not None and res.value > lo
    lo1, _, _, _ = search_range(sample, "discount_rate_shift", segment=2)
    assert lo1 == pytest.approx(0.03 - 0.09)
    lo_t, hi_t, lo_open_t, hi_open_t = search_range(sample, "terminal_growth")
    assert hi_t == pytest.approx(0.083) and hi_open_t and not lo_open_t


def test_sample_implied_discount_rate_reproduces_the_market_cap(sample):
    res = implied_value(sample, "discount_rate_shift", "ddm")
    total = evaluate_scenarios(sample, {"discount_rate_shift": [res.value]}, "ddm").total[0]
    assert abs(total - sample.market_cap) <= 1e-9 * sample.market_cap
    # today the DDM says overvalued at −46.7%: the price implies a lower discount rate
    assert res.value < 0
    statuses = [(b.status_below, b.status_above) for b in res.boundaries]
    # the total falls as the rate rises: below a boundary is the band above it
    assert statuses == [(STATUS_CODES[i + 1], STATUS_CODES[i]) for i in range(6)]
    # the model's own rate sits between the −50% and −30% boundaries (status overvalued)
    b = {x.upside: x.value for x in res.boundaries}
    assert b[-0.3] < 0.0 < b[-0.5]


def test_segment_scope_moves_only_that_segment(sample):
    res = implied_value(sample, "growth_shift", "ddm", segment=0, target_upside=-0.3)
    assert res.segment == 0 and res.value is not None
    seg = evaluate_scenarios(sample, {"growth_shift": [res.value]}, "ddm", segment=0)
    assert abs(seg.total[0] - 0.7 * sample.market_cap) <= 1e-9 * sample.market_cap
    base = valuate(sample).ddm.segments
    for s in (1, 2):
        assert seg.segments[0, s] == pytest.approx(base[s].business_value, rel=1e-12)


def test_bad_arguments_raise(sample):
    with pytest.raises(ValueError, match="unknown driver"):
        implied_value(sample, "price", "ddm")
    with pytest.raises(ValueError, match="method"):
        implied_value(sample, "growth_shift", "dcf")
    with pytest.raises(ValueError, match="segment"):
        implied_value(sample, "growth_shift", "ddm", segment=3)
    with pytest.raises(ValueError, match="finite"):
        implied_value(sample, "growth_shift", "ddm", target_upside=float("nan"))


def test_implied_table_rows(sample):
    rows = implied_table(sample, "ddm")
    n = len(DRIVERS)
    assert len(rows) == n + 3 * (n - 1)
    assert [r.segment for r in rows[:n]] == [None] * n
    assert {r.segment for r in rows[n:]} == {0, 1, 2}
    assert all(r.driver != "excess_cash_scale" for r in rows[n:])
    assert_table_matches_single_solves(sample, rows)


def assert_table_matches_single_solves(model, rows):
    """Each row (solved with the other scopes of its driver in shared calls)
    answers as ``implied_value`` does, and reproduces its targets as a
    sensitivity scenario in its own scope."""
    cap = model.market_cap
    for row in rows:
        one = implied_value(model, row.driver, row.method, row.segment, row.target_upside)
        assert row.search_range == one.search_range and row.base_value == one.base_value
        pairs = [(row.target_upside, row.value, row.reason, one.value, one.reason)] + [
            (b.upside, b.value, b.reason, c.value, c.reason) for b, c in zip(row.boundaries, one.boundaries)]
        for upside, value, reason, one_value, one_reason in pairs:
            assert reason == one_reason, (row.driver, row.segment, upside)
            if value is None:
                continue
            total = evaluate_scenarios(model, {row.driver: [value]}, row.method, row.segment).total[0]
            assert abs(total - cap * (1 + upside)) <= 1e-9 * cap
            one_total = evaluate_scenarios(model, {row.driver: [one_value]}, row.method, row.segment).total[0]
            assert abs(one_total - cap * (1 + upside)) <= 1e-9 * cap


def test_to_dict_has_the_cli_keys(sample):
    d = implied_value(sample, "growth_shift", "dynamic").to_dict()
    assert list(d) == ["method", "driver", "segment", "target_upside", "value", "total", "market_cap",
                       "reason", "boundaries"]
    assert [list(b) for b in d["boundaries"]] == [["upside", "status_below", "status_above", "value"]] * 6


# ---------------------------------------------------------------------------
# Properties


@SETTINGS
@given(model_docs(max_segments=3, max_years=8), st.sampled_from(DRIVERS), st.sampled_from(["ddm", "dynamic"]),
       st.one_of(st.none(), st.integers(0, 2)), st.floats(-0.7, 1.5))
def test_an_implied_value_reproduces_its_target(doc, driver, method, segment, target):
    """Any value returned reproduces its target within 1e-9 × market cap, as a
    sensitivity scenario; the statuses beside a boundary are the ones found
    just below and above it; a "none" says why."""
    model = Model.from_dict(doc)
    if segment is not None:
        segment %= model.segment_count
    res = implied_value(model, driver, method, segment, target)
    cap = model.market_cap
    pairs = [(target, res.value, res.reason, None, None, None)] + [
        (b.upside, b.value, b.reason, b.status_below, b.status_above, i) for i, b in enumerate(res.boundaries)]
    for upside, value, reason, below, above, i in pairs:
        if value is None:
            assert reason in REASONS
            continue
        assert reason is None
        lo, hi = res.search_range
        assert lo <= value <= hi
        total = evaluate_scenarios(model, {driver: [value]}, method, segment).total[0]
        assert abs(total - cap * (1 + upside)) <= 1e-9 * cap
        if i is not None:
            # just beside the boundary: the side where the upside is below the
            # threshold has the lower band's status, the other the upper band's
            step = 1e-7 * max(1.0, abs(value))
            near = evaluate_scenarios(model, {driver: [value - step, value + step]}, method, segment).total
            if np.all(np.isfinite(near)) and lo < value - step and value + step < hi:
                ups = near / cap - 1
                if abs(ups[0] - upside) > 1e-12 and abs(ups[1] - upside) > 1e-12:
                    side = [STATUS_CODES[i] if u < upside else STATUS_CODES[i + 1] for u in ups]
                    assert side == [below, above]
    if res.reason == "out_of_reach":
        # a fine grid over the range must not show a single crossing either
        lo, hi = res.search_range
        grid = np.linspace(lo, hi, 20001)[1:-1]
        totals = evaluate_scenarios(model, {driver: grid}, method, segment).total
        s = np.sign(totals[np.isfinite(totals)] - cap * (1 + target))
        assert np.count_nonzero(s[:-1] * s[1:] < 0) != 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_docs(max_segments=3, max_years=6), st.sampled_from(["ddm", "dynamic"]), st.floats(-0.6, 1.2))
def test_the_table_answers_as_single_solves(doc, method, target):
    model = Model.from_dict(doc)
    assert_table_matches_single_solves(model, implied_table(model, method, target_upside=target))


def test_table_request_is_a_snapshot_and_can_be_cancelled(sample):
    from models.analysis.implied import ImpliedTableRequest
    from models.analysis.montecarlo import Cancelled

    model = sample.copy()
    req = ImpliedTableRequest(model, methods=("ddm", "dynamic"))
    model.set(("segments", 0, "discount_rate"), 0.2)          # an edit after the request
    out = req.run()
    for method in ("ddm", "dynamic"):
        want = implied_table(sample, method)
        assert [(r.driver, r.segment, r.value, r.reason) for r in out[method]] == \
            [(r.driver, r.segment, r.value, r.reason) for r in want]
    polls = []
    with pytest.raises(Cancelled):
        req.run(cancelled=lambda: polls.append(1) or len(polls) > 2)
    assert len(polls) == 3
    with pytest.raises(ValueError, match="driver"):
        ImpliedTableRequest(sample, drivers=["price"])
