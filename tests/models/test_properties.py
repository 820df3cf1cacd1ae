"""Properties of the engine over generated valid models (hypothesis).

Expectations come from the method doc (../shared/docs/valuation-method.md) by a
separate plain-Python computation (``reference_values`` below, loops and ``**``,
no numpy, no engine code), or from invariants (monotonicity, round trips,
equality of the vectorized grid with the scalar valuation of edited models).
"""
from __future__ import annotations

import copy
import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import (InvalidEditError, Model, ModelFileError, dumps_model, load_model, loads_model, save_model,
                    sensitivity_grid, valuate, validate)
from models.forecast import edit_cell, segment_table
from models.model import path_text
from models.sensitivity import sensitivity_sweep
from models.status import STATUS_CODES, STATUS_THRESHOLDS, status_for, status_label

from strategies import model_docs, strictly_equal

# When a hypothesis test fails, its pytest plugin imports libcst (to write a
# patch), which warns through mypy_extensions; with filterwarnings=error that
# turns a plain test failure into an INTERNALERROR that stops the session.
pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# ---------------------------------------------------------------------------
# An independent implementation of the method doc, in plain Python.


def _clamp(x: float) -> float:
    return min(max(x, 0.0), 1.0)


def reference_values(doc: dict) -> dict:
    """DDM and dynamic business values per segment and the company totals,
    straight from the method doc. Also returns a *scale* per total (the sum of
    absolute terms) to set a fair floating-point tolerance."""
    years = doc["years"]
    ffy = doc["first_forecast_year"]
    val = doc["valuation"]
    B = val.get("base_year", ffy)
    N = years[-1]
    w1, w2 = val.get("dynamic_weights") or (1.0 / 3.0, 2.0 / 3.0)
    out = {"ddm": [], "dynamic": [], "ddm_scale": 0.0, "dynamic_scale": 0.0}
    for seg in doc["segments"]:
        gT = seg.get("terminal_growth", val["terminal_growth"])
        n2 = seg.get("fade_years", val["fade_years"])
        r, roe, g2, mult = seg["discount_rate"], seg["roe"], seg["fade_growth"], seg["multiple"]
        revenue, earnings = {}, {}
        for y in years:
            if y < ffy:
                revenue[y] = seg["actuals"][str(y)]["revenue"]
                earnings[y] = seg["actuals"][str(y)]["net_profit"]
            else:
                f = seg["forecast"][str(y)]
                revenue[y] = revenue[y - 1] * (1 + f["growth"])
                earnings[y] = revenue[y] * f["margin"]
        terms = []
        for y in range(ffy, N + 1):
            # g_Y = revenue_Y / revenue_{Y-1} - 1; over a zero base the input growth.
            g = revenue[y] / revenue[y - 1] - 1 if revenue[y - 1] != 0 else seg["forecast"][str(y)]["growth"]
            terms.append(earnings[y] * _clamp(1 - g / roe) * (1 + r) ** -(y - B))
        explicit = sum(terms)
        e = earnings[N]
        fade_terms = []
        for y in range(N + 1, N + n2 + 1):
            e = e * (1 + g2)
            fade_terms.append(e * _clamp(1 - g2 / roe) * (1 + r) ** -(y - B))
        d_terminal = e * (1 + gT) * _clamp(1 - gT / roe)
        perpetual = d_terminal / (r - gT) * (1 + r) ** -(N + n2 - B)
        ddm = explicit + sum(fade_terms) + perpetual
        e_prev = earnings[N - 1]
        post = (w1 * e_prev + w2 * earnings[N]) * mult * (1 + r) ** -(N - B)
        out["ddm"].append(ddm)
        out["dynamic"].append(explicit + post)
        explicit_scale = sum(abs(t) for t in terms)
        out["ddm_scale"] += explicit_scale + sum(abs(t) for t in fade_terms) + abs(perpetual)
        out["dynamic_scale"] += explicit_scale + abs(post)
    adj = val.get("excess_cash", 0.0) - val.get("minority_interest", 0.0) + val.get("equity_investments", 0.0)
    for method in ("ddm", "dynamic"):
        out[method + "_total"] = sum(out[method]) + adj
        out[method + "_scale"] += abs(val.get("excess_cash", 0.0)) + abs(val.get("minority_interest", 0.0)) \
            + abs(val.get("equity_investments", 0.0)) + 1e-300
    return out


def close(a: float, b: float, scale: float, rel: float = 1e-9) -> bool:
    return abs(a - b) <= rel * max(scale, abs(a), abs(b))


# ---------------------------------------------------------------------------
# Valuation against the method doc; sum of the parts


@SETTINGS
@given(model_docs())
def test_valuation_matches_independent_method_implementation(doc):
    result = valuate(Model.from_dict(doc))
    ref = reference_values(doc)
    for method in ("ddm", "dynamic"):
        res = getattr(result, method)
        for seg, expected in zip(res.segments, ref[method]):
            assert close(seg.business_value, expected, ref[method + "_scale"]), (method, seg, expected)
        assert close(res.total, ref[method + "_total"], ref[method + "_scale"]), (method, res.total, ref)


@SETTINGS
@given(model_docs())
def test_sum_of_parts(doc):
    result = valuate(Model.from_dict(doc))
    val = doc["valuation"]
    cash = val.get("excess_cash", 0.0)
    minority = val.get("minority_interest", 0.0)
    equity = val.get("equity_investments", 0.0)
    market_cap = doc["market"]["price"] * doc["market"]["shares"]
    assert result.market_cap == pytest.approx(market_cap, rel=1e-12)
    for method in ("ddm", "dynamic"):
        res = getattr(result, method)
        parts = [s.business_value for s in res.segments]
        scale = math.fsum(abs(v) for v in parts) + abs(cash) + abs(minority) + abs(equity)
        assert len(parts) == len(doc["segments"])
        assert [s.name for s in res.segments] == [s["name"] for s in doc["segments"]]
        assert close(res.segment_total, math.fsum(parts), scale, 1e-12)
        assert close(res.total, math.fsum(parts) + cash - minority + equity, scale, 1e-12)
        assert (res.excess_cash, res.minority_interest, res.equity_investments) == (cash, minority, equity)
        assert res.upside == pytest.approx(res.total / market_cap - 1.0, rel=1e-12, abs=1e-12)
        assert res.status == status_for(res.upside)
    for seg in result.ddm.segments:
        scale = abs(seg.explicit_value) + abs(seg.fade_value) + abs(seg.perpetual_value)
        assert close(seg.forecast_value, seg.explicit_value + seg.fade_value, scale, 1e-12)
        assert close(seg.business_value, seg.forecast_value + seg.perpetual_value, scale, 1e-12)
    for ddm_seg, dyn_seg in zip(result.ddm.segments, result.dynamic.segments):
        # Both methods share the explicit-period dividends (method doc).
        assert dyn_seg.explicit_value == ddm_seg.explicit_value
        scale = abs(dyn_seg.explicit_value) + abs(dyn_seg.post_explicit_value)
        assert close(dyn_seg.business_value, dyn_seg.explicit_value + dyn_seg.post_explicit_value, scale, 1e-12)


# ---------------------------------------------------------------------------
# Invariants of the sum of the parts


@SETTINGS
@given(model_docs(max_segments=4), st.randoms(use_true_random=False))
def test_segment_order_does_not_matter(doc, rnd):
    shuffled = copy.deepcopy(doc)
    order = list(range(len(doc["segments"])))
    rnd.shuffle(order)
    shuffled["segments"] = [shuffled["segments"][i] for i in order]
    a, b = valuate(Model.from_dict(doc)), valuate(Model.from_dict(shuffled))
    for method in ("ddm", "dynamic"):
        ra, rb = getattr(a, method), getattr(b, method)
        # Σ is math.fsum (exactly rounded) and segments are valued independently.
        assert rb.total == ra.total and rb.upside == ra.upside and rb.status == ra.status
        assert [rb.segments[j].business_value for j in range(len(order))] == \
            [ra.segments[i].business_value for i in order]


@SETTINGS
@given(model_docs(max_segments=3), st.integers(0, 2), st.floats(0.05, 0.95))
def test_splitting_a_segment_keeps_the_total(doc, which, share):
    """Two segments with the same rates whose revenue and profit add up to one
    segment's are worth what that segment is worth (values are linear in scale)."""
    which = which % len(doc["segments"])
    split = copy.deepcopy(doc)
    seg = split["segments"][which]
    part = copy.deepcopy(seg)
    rest = copy.deepcopy(seg)
    for y, row in seg["actuals"].items():
        part["actuals"][y] = dict(row, revenue=row["revenue"] * share, net_profit=row["net_profit"] * share)
        rest["actuals"][y] = dict(row, revenue=row["revenue"] * (1 - share), net_profit=row["net_profit"] * (1 - share))
    part["name"], rest["name"] = seg["name"] + " A", seg["name"] + " B"
    split["segments"][which:which + 1] = [part, rest]
    a, b = valuate(Model.from_dict(doc)), valuate(Model.from_dict(split))
    ref = reference_values(doc)
    for method in ("ddm", "dynamic"):
        assert close(getattr(b, method).total, getattr(a, method).total, ref[method + "_scale"], 1e-12)
        whole = getattr(a, method).segments[which].business_value
        halves = getattr(b, method).segments[which].business_value + getattr(b, method).segments[which + 1].business_value
        assert close(halves, whole, ref[method + "_scale"], 1e-12)


@SETTINGS
@given(model_docs(), st.sampled_from([2.0 ** -7, 0.5, 4.0, 2.0 ** 20]))
def test_money_scale_invariance(doc, k):
    """Every amount (actuals, cash, minority, equity investments, price) times
    k: every value times k, the upside and status unchanged. k a power of two,
    so the scaling itself is exact."""
    scaled = copy.deepcopy(doc)
    for seg in scaled["segments"]:
        for row in seg["actuals"].values():
            row["revenue"] *= k
            row["net_profit"] *= k
    for key in ("excess_cash", "minority_interest", "equity_investments"):
        if key in scaled["valuation"]:
            scaled["valuation"][key] *= k
    scaled["market"]["price"] *= k
    a, b = valuate(Model.from_dict(doc)), valuate(Model.from_dict(scaled))
    assert b.market_cap == a.market_cap * k
    for method in ("ddm", "dynamic"):
        ra, rb = getattr(a, method), getattr(b, method)
        assert rb.total == pytest.approx(ra.total * k, rel=1e-12, abs=1e-300)
        assert rb.upside == pytest.approx(ra.upside, rel=1e-12, abs=1e-12)
        if all(abs(ra.upside - t) > 1e-9 for t in STATUS_THRESHOLDS):
            assert rb.status == ra.status
        for sa, sb in zip(ra.segments, rb.segments):
            assert sb.business_value == pytest.approx(sa.business_value * k, rel=1e-12, abs=1e-300)


@SETTINGS
@given(model_docs(max_segments=3), st.sampled_from(["ddm", "dynamic"]), st.one_of(st.none(), st.integers(0, 2)))
def test_neutral_scenario_equals_valuation(doc, method, segment):
    """Every driver at its neutral value is the model itself."""
    from models.sensitivity import DRIVERS, base_driver_value, evaluate_scenarios
    model = Model.from_dict(doc)
    if segment is not None:
        segment %= len(doc["segments"])
    drivers = {d: np.array([base_driver_value(model, d)]) for d in DRIVERS if d != "terminal_growth"}
    res = evaluate_scenarios(model, drivers, method=method, segment=segment)
    expected = getattr(valuate(model), method)
    ref = reference_values(doc)
    assert close(float(res.total[0]), expected.total, ref[method + "_scale"], 1e-12)
    for s, seg in enumerate(expected.segments):
        assert close(float(res.segments[0, s]), seg.business_value, ref[method + "_scale"], 1e-12)


# ---------------------------------------------------------------------------
# Monotonicity


def _shift_rates(doc: dict, delta: float) -> dict:
    out = copy.deepcopy(doc)
    for seg in out["segments"]:
        seg["discount_rate"] += delta
    return out


@SETTINGS
@given(model_docs(positive_earnings=True), st.floats(0.0005, 0.05))
def test_value_falls_as_discount_rate_rises(doc, delta):
    """Precondition: every earning positive (actual and forecast), so every
    dividend is ≥ 0; discounting harder can only lower the value. With negative
    earnings it need not (a discounted negative dividend is a smaller loss)."""
    low = valuate(Model.from_dict(doc))
    high = valuate(Model.from_dict(_shift_rates(doc, delta)))
    for method in ("ddm", "dynamic"):
        a, b = getattr(low, method), getattr(high, method)
        for sa, sb in zip(a.segments, b.segments):
            assert sb.business_value <= sa.business_value * (1 + 1e-12) + 1e-12, (method, sa, sb)
        assert b.total <= a.total + 1e-9 * abs(a.total) + 1e-12
    # The DDM's perpetual value is strictly positive when the terminal payout is
    # (gT < ROE), so the DDM total must strictly fall.
    if all(s.get("terminal_growth", doc["valuation"]["terminal_growth"]) < s["roe"] for s in doc["segments"]):
        assert high.ddm.total < low.ddm.total


def test_with_negative_earnings_value_can_rise_with_discount_rate():
    """Why the precondition above is needed: a segment that loses money every
    year has a negative value, and discounting its losses harder raises it."""
    doc = {
        "format": "valuation-workbench-model", "version": 1, "company": {"name": "亏损公司"},
        "market": {"price": 10.0, "shares": 10.0}, "years": [2024, 2025, 2026], "first_forecast_year": 2025,
        "valuation": {"terminal_growth": 0.02, "fade_years": 3, "excess_cash": 500.0},
        "segments": [{"name": "亏损业务", "actuals": {"2024": {"revenue": 100.0, "net_profit": -10.0}},
                      "forecast": {"2025": {"growth": 0.0, "margin": -0.1}, "2026": {"growth": 0.0, "margin": -0.1}},
                      "discount_rate": 0.08, "roe": 0.1, "fade_growth": 0.0, "multiple": 10.0}],
    }
    low = valuate(Model.from_dict(doc))
    high = valuate(Model.from_dict(_shift_rates(doc, 0.02)))
    assert low.ddm.segments[0].business_value < 0
    assert high.ddm.total > low.ddm.total
    assert high.dynamic.total > low.dynamic.total


@SETTINGS
@given(model_docs(positive_earnings=True), st.lists(st.floats(-0.04, 0.06), min_size=2, max_size=6, unique=True))
def test_sweep_over_discount_rate_is_decreasing(doc, shifts):
    m = Model.from_dict(doc)
    shifts = sorted(shifts)
    for method in ("ddm", "dynamic"):
        totals = sensitivity_sweep(m, "discount_rate_shift", shifts, method=method).total
        finite = totals[np.isfinite(totals)]
        assert np.all(np.diff(finite) <= 1e-9 * np.abs(finite[:-1]) + 1e-12), (method, shifts, totals)
        # NaN exactly where some segment's shifted r ≤ its terminal growth.
        for shift, total in zip(shifts, totals):
            invalid = any(s["discount_rate"] + shift <= s.get("terminal_growth", doc["valuation"]["terminal_growth"])
                          for s in doc["segments"])
            assert math.isnan(total) == invalid


@SETTINGS
@given(model_docs(positive_earnings=True), st.floats(1.01, 3.0))
def test_dynamic_value_rises_with_multiple(doc, factor):
    """Precondition: positive earnings, so the earnings base is positive."""
    base = valuate(Model.from_dict(doc))
    scaled_doc = copy.deepcopy(doc)
    for seg in scaled_doc["segments"]:
        seg["multiple"] *= factor
    scaled = valuate(Model.from_dict(scaled_doc))
    for sa, sb, seg in zip(base.dynamic.segments, scaled.dynamic.segments, doc["segments"]):
        assert sa.earnings_base > 0
        assert sb.post_explicit_value == pytest.approx(sa.post_explicit_value * factor, rel=1e-12)
        assert sb.business_value >= sa.business_value
        if seg["multiple"] >= 0.01:   # not lost in rounding against the explicit value
            assert sb.business_value > sa.business_value
    if any(seg["multiple"] >= 0.01 for seg in doc["segments"]):
        assert scaled.dynamic.total > base.dynamic.total
    # The DDM does not use the multiple.
    assert scaled.ddm.total == base.ddm.total


# ---------------------------------------------------------------------------
# Sensitivity grid = cell-by-cell valuation of the edited model

DRIVER_VALUES = {
    "discount_rate_shift": st.floats(-0.06, 0.05),      # may cross gT: NaN expected there
    "terminal_growth": st.floats(-0.03, 0.09),          # may reach r: NaN expected there
    "fade_growth_shift": st.floats(-0.05, 0.05),
    "growth_shift": st.floats(-0.1, 0.1),
    "margin_shift": st.floats(-0.05, 0.05),
    "roe_shift": st.floats(-0.1, 0.1),                  # may make ROE ≤ 0: NaN expected
    "multiple_scale": st.floats(0.0, 2.0),
    "excess_cash_scale": st.floats(0.0, 2.0),
}

DRIVER_PAIRS = [
    ("discount_rate_shift", "terminal_growth"),
    ("growth_shift", "margin_shift"),
    ("margin_shift", "discount_rate_shift"),
    ("roe_shift", "fade_growth_shift"),
    ("multiple_scale", "growth_shift"),
    ("excess_cash_scale", "margin_shift"),
    ("terminal_growth", "roe_shift"),
]


def apply_driver(doc: dict, driver: str, value: float, segment: int | None) -> None:
    """Edit the document as the driver means (sensitivity.DRIVERS' comments)."""
    targets = range(len(doc["segments"])) if segment is None else [segment]
    for i in targets:
        seg = doc["segments"][i]
        if driver == "discount_rate_shift":
            seg["discount_rate"] = seg["discount_rate"] + value
        elif driver == "terminal_growth":
            seg["terminal_growth"] = value
        elif driver == "fade_growth_shift":
            seg["fade_growth"] = seg["fade_growth"] + value
        elif driver == "roe_shift":
            seg["roe"] = seg["roe"] + value
        elif driver == "multiple_scale":
            seg["multiple"] = seg["multiple"] * value
        elif driver in ("growth_shift", "margin_shift"):
            key = driver[:-len("_shift")]
            for row in seg["forecast"].values():
                row[key] = row[key] + value
    if driver == "terminal_growth" and segment is None:
        doc["valuation"]["terminal_growth"] = value
    if driver == "excess_cash_scale":
        doc["valuation"]["excess_cash"] = doc["valuation"].get("excess_cash", 0.0) * value


@st.composite
def grid_cases(draw):
    doc = draw(model_docs(max_segments=4, max_years=8))
    x_driver, y_driver = draw(st.sampled_from(DRIVER_PAIRS))
    if draw(st.booleans()):
        x_driver, y_driver = y_driver, x_driver
    method = draw(st.sampled_from(["ddm", "dynamic"]))
    # excess cash is company-level: a per-segment grid does not scale it.
    if "excess_cash_scale" in (x_driver, y_driver):
        segment = None
    else:
        segment = draw(st.one_of(st.none(), st.integers(0, len(doc["segments"]) - 1)))
    xs = draw(st.lists(DRIVER_VALUES[x_driver], min_size=1, max_size=3))
    ys = draw(st.lists(DRIVER_VALUES[y_driver], min_size=1, max_size=3))
    return doc, x_driver, xs, y_driver, ys, method, segment


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid_cases())
def test_sensitivity_grid_equals_valuation_of_edited_model(case):
    doc, x_driver, xs, y_driver, ys, method, segment = case
    grid = sensitivity_grid(Model.from_dict(doc), x_driver, xs, y_driver, ys, method=method, segment=segment)
    assert grid.shape == (len(ys), len(xs))
    for iy, yv in enumerate(ys):
        for ix, xv in enumerate(xs):
            edited = copy.deepcopy(doc)
            apply_driver(edited, x_driver, xv, segment)
            apply_driver(edited, y_driver, yv, segment)
            model = Model(edited)
            if validate(model):
                # The scalar valuation refuses this model; the grid shows NaN.
                assert math.isnan(grid[iy, ix]), (x_driver, xv, y_driver, yv, [str(i) for i in validate(model)])
                continue
            expected = getattr(valuate(model), method).total
            ref = reference_values(edited)
            assert close(grid[iy, ix], expected, ref[method + "_scale"]), (x_driver, xv, y_driver, yv, grid[iy, ix], expected)


# ---------------------------------------------------------------------------
# Load/save round trip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_docs(odd_values=True, unknown_keys=True, max_segments=3, max_years=7))
def test_round_trip_text(doc):
    """Unknown keys kept at every level in the same order; −0.0, subnormal and
    huge numbers, CJK text all survive; a valid normalized document loads
    unchanged and a written file loads back identically."""
    model = Model.from_dict(doc)
    strictly_equal(model.doc, doc)
    text = dumps_model(model)
    again = loads_model(text)
    strictly_equal(again.doc, doc)
    assert dumps_model(again) == text
    # Bytes too (the loader reads files as bytes).
    strictly_equal(loads_model(text.encode("utf-8")).doc, doc)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc=model_docs(odd_values=True, unknown_keys=True, max_segments=3, max_years=7))
def test_round_trip_file(tmp_path, doc):
    path = tmp_path / "模型 model.vwm.json"
    model = Model.from_dict(doc)
    save_model(model, path)
    strictly_equal(load_model(path).doc, doc)
    save_model(load_model(path), path)       # second save: keeps a .bak
    strictly_equal(load_model(path).doc, doc)
    strictly_equal(load_model(str(path) + ".bak").doc, doc)


def test_round_trip_specific_odd_values():
    """The odd values named in reliability.md, each at a known place: at the
    edges of the plausibility bounds (models/limits.py) where the format
    defines the number, anything finite in free-form keys."""
    from models.limits import MAX_AMOUNT, MIN_PRICE
    doc = {
        "format": "valuation-workbench-model", "version": 1,
        "company": {"name": "联影医疗 𠀀", "未知": {"嵌套": [-0.0, 5e-324, 1.7976931348623157e308, 1e300]}},
        "market": {"price": MIN_PRICE, "shares": MAX_AMOUNT},
        "years": [2024, 2025], "first_forecast_year": 2025,
        "valuation": {"terminal_growth": -0.0, "fade_years": 0, "excess_cash": -0.0},
        "segments": [{"name": "国内", "actuals": {"2024": {"revenue": MAX_AMOUNT, "net_profit": -0.0}},
                      "forecast": {"2025": {"growth": -0.0, "margin": 5e-324}},
                      "discount_rate": 0.08, "roe": 2.2250738585072014e-308, "fade_growth": -0.0, "multiple": -0.0}],
        "zz": 10 ** 30,
    }
    text = dumps_model(Model.from_dict(doc))
    strictly_equal(loads_model(text).doc, doc)
    assert "-0.0" in text and "5e-324" in text and "1e+300" in text and "联影医疗 𠀀" in text
    # Beyond the bounds, at a place the format defines: refused, naming it.
    for path, value in ((("market", "price"), 1e-300), (("market", "shares"), 1e300),
                        (("segments", 0, "actuals", "2024", "revenue"), 1e300)):
        bad = json.loads(json.dumps(doc))
        node = bad
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        with pytest.raises(ModelFileError) as info:
            Model.from_dict(bad)
        assert info.value.key_path == path_text(path) and "plausible" in str(info.value)


# ---------------------------------------------------------------------------
# edit_cell inversion


@st.composite
def edit_cases(draw):
    doc = draw(model_docs(positive_earnings=True, max_segments=3))
    i = draw(st.integers(0, len(doc["segments"]) - 1))
    return doc, i


def _apply(model: Model, changes) -> None:
    for path, value in changes:
        model.set(path, value)


@SETTINGS
@given(edit_cases())
def test_edit_cell_inverts_displayed_values(case):
    doc, i = case
    model = Model.from_dict(doc)
    table = segment_table(model, i)
    ffy = doc["first_forecast_year"]
    for k, year in enumerate(model.years):
        if year >= ffy:
            fc = doc["segments"][i]["forecast"][str(year)]
            (path, growth), = edit_cell(model, i, year, "revenue", float(table.revenue[k]))
            assert path == ("segments", i, "forecast", str(year), "growth")
            # growth enters as (1 + g): compare at that scale.
            assert abs(growth - fc["growth"]) <= 1e-12 * max(1.0, abs(1 + fc["growth"])), (year, growth, fc)
            (path, margin), = edit_cell(model, i, year, "net_profit", float(table.net_profit[k]))
            assert path == ("segments", i, "forecast", str(year), "margin")
            assert margin == pytest.approx(fc["margin"], rel=1e-12, abs=1e-300)
            if k > 0 and table.net_profit[k - 1] > 0:
                (path, margin), = edit_cell(model, i, year, "profit_growth", float(table.profit_growth[k]))
                assert path == ("segments", i, "forecast", str(year), "margin")
                assert margin == pytest.approx(fc["margin"], rel=1e-12)
            # Typing the shown growth/margin back is the identity.
            assert edit_cell(model, i, year, "growth", float(table.growth[k])) == [(path[:-1] + ("growth",), fc["growth"])]
            assert edit_cell(model, i, year, "margin", float(table.margin[k])) == [(path[:-1] + ("margin",), fc["margin"])]
        else:
            act = doc["segments"][i]["actuals"][str(year)]
            assert edit_cell(model, i, year, "revenue", float(table.revenue[k])) == \
                [(("segments", i, "actuals", str(year), "revenue"), act["revenue"])]
            (path, profit), = edit_cell(model, i, year, "margin", float(table.margin[k]))
            assert path == ("segments", i, "actuals", str(year), "net_profit")
            assert profit == pytest.approx(act["net_profit"], rel=1e-12)
            if k == 0:
                with pytest.raises(InvalidEditError):
                    edit_cell(model, i, year, "growth", 0.1)
            else:
                (path, revenue), = edit_cell(model, i, year, "growth", float(table.growth[k]))
                assert path == ("segments", i, "actuals", str(year), "revenue")
                assert revenue == pytest.approx(act["revenue"], rel=1e-12)


@SETTINGS
@given(edit_cases(), st.data())
def test_edit_cell_typed_revenue_is_shown_back(case, data):
    """Typing a new forecast revenue: the table shows exactly that revenue (to
    1e-12), earlier years are untouched and later years keep their growth."""
    doc, i = case
    model = Model.from_dict(doc)
    years = model.forecast_years
    year = data.draw(st.sampled_from(years))
    k = model.years.index(year)
    before = segment_table(model, i)
    typed = data.draw(st.floats(0.01, 1000.0))
    _apply(model, edit_cell(model, i, year, "revenue", typed))
    assert not validate(model)     # typed > 0 means growth > −100%
    after = segment_table(model, i)
    assert after.revenue[k] == pytest.approx(typed, rel=1e-12)
    np.testing.assert_array_equal(after.revenue[:k], before.revenue[:k])
    np.testing.assert_array_equal(after.growth[k + 1:], before.growth[k + 1:])
    # Sane magnitudes: a subnormal profit is test_profit_growth_over_a_tiny_base.
    typed_profit = data.draw(st.one_of(st.just(0.0), st.floats(1e-6, 100.0), st.floats(-100.0, -1e-6)))
    _apply(model, edit_cell(model, i, year, "net_profit", typed_profit))
    assert segment_table(model, i).net_profit[k] == pytest.approx(typed_profit, rel=1e-12, abs=1e-12)


def test_profit_growth_over_a_tiny_base():
    doc = {
        "format": "valuation-workbench-model", "version": 1, "company": {"name": "x"},
        "market": {"price": 1.0, "shares": 1.0}, "years": [1990, 1991, 1992], "first_forecast_year": 1991,
        "valuation": {"terminal_growth": 0.0, "fade_years": 0},
        "segments": [{"name": "A", "actuals": {"1990": {"revenue": 1.0, "net_profit": 0.25}},
                      "forecast": {"1991": {"growth": 0.0, "margin": 1e-311}, "1992": {"growth": 0.0, "margin": 0.25}},
                      "discount_rate": 0.0625, "roe": 0.25, "fade_growth": 0.0, "multiple": 0.0}],
    }
    table = segment_table(Model.from_dict(doc), 0)     # filterwarnings=error: a RuntimeWarning fails here
    assert not np.isinf(table.profit_growth).any()


# ---------------------------------------------------------------------------
# Status bands

# The band table of the method doc, written out independently:
# (lower bound inclusive, code, 中文, English); the first band has no lower bound.
BANDS = [
    (-math.inf, "severely_overvalued", "严重高估", "severely overvalued"),
    (-0.50, "overvalued", "高估", "overvalued"),
    (-0.30, "slightly_overvalued", "偏高估", "slightly overvalued"),
    (-0.20, "fair", "合理估值", "fair"),
    (0.25, "slightly_undervalued", "偏低估", "slightly undervalued"),
    (0.50, "undervalued", "低估", "undervalued"),
    (1.00, "severely_undervalued", "严重低估", "severely undervalued"),
]


def _band_of(x: float) -> int:
    index = 0
    for j, (lower, *_rest) in enumerate(BANDS):
        if x >= lower:
            index = j
    return index


def test_status_table_constants_match_method_doc():
    assert list(STATUS_CODES) == [b[1] for b in BANDS]
    assert list(STATUS_THRESHOLDS) == [b[0] for b in BANDS[1:]]
    for _, code, zh, en in BANDS:
        assert status_label(code, "zh") == zh
        assert status_label(code, "en") == en


@pytest.mark.parametrize("j", range(1, len(BANDS)))
def test_status_at_each_boundary_lower_bound_inclusive(j):
    lower = BANDS[j][0]
    assert status_for(lower) == BANDS[j][1]
    assert status_for(math.nextafter(lower, -math.inf)) == BANDS[j - 1][1]
    assert status_for(math.nextafter(lower, math.inf)) == BANDS[j][1]


@settings(max_examples=100, deadline=None)
@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_status_is_monotone_and_matches_table(a, b):
    lo, hi = min(a, b), max(a, b)
    assert STATUS_CODES.index(status_for(lo)) <= STATUS_CODES.index(status_for(hi))
    assert status_for(a) == BANDS[_band_of(a)][1]


@settings(max_examples=50, deadline=None)
@given(st.sampled_from([b[0] for b in BANDS[1:]]), st.floats(-0.05, 0.05))
def test_status_near_boundaries(lower, offset):
    x = lower + offset
    assert status_for(x) == BANDS[_band_of(x)][1]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_status_refuses_non_finite(bad):
    with pytest.raises(ValueError):
        status_for(bad)
