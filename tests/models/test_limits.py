"""Caps and plausibility bounds (models/limits.py, issue 8 items 3, 4 and 11).

Values a file or an edit can hold are bounded so far from float64's edge that
no inf or NaN can reach a result: beyond a bound the loader (and ``validate``,
which the GUI runs on every edit) refuses the value, naming its key path and
the bound. At a bound, the model loads.
"""
from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models import InvalidInputError, Model, ModelFileError, loads_model, valuate, validate
from models.limits import (MAX_AMOUNT, MAX_FADE_YEARS, MAX_GROWTH, MAX_MULTIPLE, MAX_RATE, MAX_UPSIDE, MAX_YEAR,
                           MIN_PRICE, MIN_SHARES, MIN_YEAR)

from strategies import model_docs

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
SAMPLE_DOC = json.loads(SAMPLE.read_text(encoding="utf-8"))
WANDONG_DOC = json.loads((ROOT / "resources" / "samples" / "wandong-medical-600055.json").read_text(encoding="utf-8"))


def with_value(path: tuple, value, doc=None) -> dict:
    doc = copy.deepcopy(SAMPLE_DOC if doc is None else doc)
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return doc


# (path, a value beyond its bound, a value at the bound)
BOUNDS = [
    (("market", "price"), 1e-300, MIN_PRICE),
    (("market", "price"), 1e16, MAX_AMOUNT),
    (("market", "shares"), 1e-7, MIN_SHARES),
    (("market", "shares"), 1e300, MAX_AMOUNT),
    (("market", "pe_ttm"), 1e308, MAX_MULTIPLE),
    (("market", "pb_mrq"), -1e7, -MAX_MULTIPLE),
    (("segments", 0, "discount_rate"), 1e308, MAX_RATE),
    (("segments", 0, "roe"), 10.5, MAX_RATE),
    (("segments", 0, "fade_growth"), 1e9, MAX_RATE),
    (("segments", 0, "multiple"), 1e7, MAX_MULTIPLE),
    (("segments", 1, "forecast", "2026", "growth"), 1.5e6, MAX_GROWTH),
    (("segments", 1, "forecast", "2026", "margin"), -1e300, -MAX_GROWTH),
    (("segments", 2, "actuals", "2023", "revenue"), 1.7e308, MAX_AMOUNT),
    (("segments", 2, "actuals", "2023", "net_profit"), -2e15, -MAX_AMOUNT),
    (("valuation", "excess_cash"), 1e200, MAX_AMOUNT),
    (("valuation", "minority_interest"), -1e16, -MAX_AMOUNT),
    (("valuation", "dynamic_weights"), [1e3, 0.5], [MAX_RATE, -MAX_RATE]),
    (("valuation", "base_year"), MIN_YEAR - 1, MIN_YEAR),
    (("company_forecast", "minority_profit", "2026"), 1e100, MAX_AMOUNT),
]


def _key_path(path: tuple, value) -> str:
    from models.model import path_text
    if path[-1] == "dynamic_weights":
        return path_text(path + (0,))
    return path_text(path)


@pytest.mark.parametrize("path, beyond, at", BOUNDS, ids=[f"{p[-1]}={b!r}" for p, b, _ in BOUNDS])
def test_beyond_a_bound_is_refused_naming_the_path_and_the_bound(path, beyond, at):
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(with_value(path, beyond), ensure_ascii=False))
    err = info.value
    assert err.key_path == _key_path(path, beyond), str(err)
    assert "plausible" in err.rule or "a year must be from" in err.rule, err.rule
    assert f"{MIN_YEAR}" in err.rule or "±" in err.rule or "at least" in err.rule
    # The GUI validates every edit with validate(): the same refusal.
    model = loads_model(SAMPLE.read_bytes())
    model.set(path, beyond)
    assert [i.path for i in validate(model)][:1] == [_key_path(path, beyond)]


@pytest.mark.parametrize("path, beyond, at", BOUNDS, ids=[f"{p[-1]}={a!r}" for p, _, a in BOUNDS])
def test_at_a_bound_the_model_loads(path, beyond, at):
    model = loads_model(json.dumps(with_value(path, at), ensure_ascii=False))
    assert validate(model) == []


def test_financials_amounts_are_bounded():
    doc = with_value(("financials", "revenue"), 1e16, WANDONG_DOC)
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc, ensure_ascii=False))
    assert info.value.key_path == "financials.revenue"


def test_years_are_four_digit_years():
    doc = copy.deepcopy(SAMPLE_DOC)
    doc["years"] = [MAX_YEAR - 1, MAX_YEAR, MAX_YEAR + 1]
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc, ensure_ascii=False))
    assert info.value.key_path == "years[2]" and "a year must be from 1000 to 9999" in str(info.value)


def test_fade_years_bound_is_unchanged():
    for value, ok in ((MAX_FADE_YEARS, True), (MAX_FADE_YEARS + 1, False)):
        doc = with_value(("valuation", "fade_years"), value)
        if ok:
            loads_model(json.dumps(doc))
        else:
            with pytest.raises(ModelFileError):
                loads_model(json.dumps(doc))


# ---------------------------------------------------------------------------
# The CLI: one line, exit 2, never an internal error (issue 8, items 4 and 11)

HUGE = "1" + "0" * 320


def _text_with(path: tuple, literal: str) -> str:
    return json.dumps(with_value(path, "__LIT__"), ensure_ascii=False).replace('"__LIT__"', literal)


CLI_CASES = {
    "huge ticker": (_text_with(("company", "ticker"), HUGE), "company.ticker: must be text"),
    "huge company": (_text_with(("company",), HUGE), "company: must be an object"),
    "huge segments": (_text_with(("segments",), HUGE), "segments: is required"),
    "negative huge base_year": (_text_with(("valuation", "base_year"), "-" + HUGE), "valuation.base_year: "),
    "surrogate in a name": (_text_with(("segments", 0, "name"), '"\\ud800主营"'), "segments[0].name: is not valid text"),
    "surrogate in a note": (_text_with(("company", "x_note"), '"a\\udfffb"'), "company.x_note: is not valid text"),
    "tiny price": (_text_with(("market", "price"), "1e-300"), "market.price: is too small to be plausible"),
    "huge discount rate": (_text_with(("segments", 0, "discount_rate"), "1e308"),
                           "segments[0].discount_rate: is too large to be plausible"),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_refuses_with_one_line_and_exit_2(tmp_path, case):
    text, expected = CLI_CASES[case]
    path = tmp_path / "m.vwm.json"
    path.write_text(text, encoding="utf-8")
    for command in (["value", str(path)], ["value", str(path), "--json"],
                    ["sensitivity", str(path), "--x", "discount_rate_shift:-0.01:0.01:3"]):
        proc = subprocess.run([sys.executable, "-m", "models", *command], cwd=ROOT, capture_output=True,
                              timeout=60)
        stderr = proc.stderr.decode("utf-8")
        assert proc.returncode == 2, (case, stderr)
        assert stderr.count("\n") == 1 and stderr.startswith("error: " + expected), (case, stderr)
        assert "internal error" not in stderr and "Traceback" not in stderr
        assert proc.stdout == b""


# ---------------------------------------------------------------------------
# No inf or NaN in any result of a model that validates


def _edge(draw, lo: float, hi: float) -> float:
    """A float in [lo, hi], often at or near an end, or tiny."""
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return lo
    if choice == 1:
        return hi
    if choice == 2 and lo <= 0.0 <= hi:
        return draw(st.sampled_from([0.0, -0.0, 5e-324, 1e-300]))
    return draw(st.floats(lo, hi, allow_nan=False, allow_infinity=False))


@st.composite
def edge_docs(draw):
    """Valid documents whose numbers roam the whole plausible range: prices
    and shares from 1e-6 to 1e15, amounts to ±1e15, growth and margins to
    ±1e6, rates to 10, multiples to 1e6, base years back to 1000."""
    doc = draw(model_docs(max_segments=3, max_years=8))
    tiny = 1e-12
    doc["market"]["price"] = _edge(draw, MIN_PRICE, MAX_AMOUNT)
    doc["market"]["shares"] = _edge(draw, MIN_SHARES, MAX_AMOUNT)
    val = doc["valuation"]
    for key in ("excess_cash", "minority_interest", "equity_investments"):
        if draw(st.booleans()):
            val[key] = _edge(draw, -MAX_AMOUNT, MAX_AMOUNT)
    if draw(st.booleans()):
        val["dynamic_weights"] = [_edge(draw, -MAX_RATE, MAX_RATE), _edge(draw, -MAX_RATE, MAX_RATE)]
    if draw(st.booleans()):
        val["base_year"] = draw(st.integers(MIN_YEAR, doc["first_forecast_year"]))
    tg_company = val["terminal_growth"]
    for seg in doc["segments"]:
        for row in seg["actuals"].values():
            row["revenue"] = _edge(draw, 0.0, MAX_AMOUNT)
            row["net_profit"] = _edge(draw, -MAX_AMOUNT, MAX_AMOUNT)
        for row in seg["forecast"].values():
            row["growth"] = _edge(draw, -1.0 + tiny, MAX_GROWTH)
            row["margin"] = _edge(draw, -MAX_GROWTH, MAX_GROWTH)
        tg = seg.get("terminal_growth", tg_company)
        seg["discount_rate"] = _edge(draw, tg + tiny, MAX_RATE)
        seg["roe"] = _edge(draw, tiny, MAX_RATE)
        seg["fade_growth"] = _edge(draw, -1.0 + tiny, MAX_RATE)
        seg["multiple"] = _edge(draw, 0.0, MAX_MULTIPLE)
        if draw(st.booleans()):
            seg["fade_years"] = draw(st.integers(0, MAX_FADE_YEARS))
    return doc


def _numbers(value, where="result"):
    if isinstance(value, float):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _numbers(v, f"{where}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _numbers(v, f"{where}[{i}]")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edge_docs())
def test_a_model_that_validates_never_gives_inf_or_nan(doc):
    """For any model that validates, valuate either gives finite numbers
    everywhere (a terminal share of a zero value is undefined: NaN, shown
    blank) or refuses with the engine's own error (overflow of a compounding
    forecast, or an upside beyond MAX_UPSIDE). No numpy warning either
    (warnings are errors in this suite)."""
    model = Model.from_dict(doc)
    assume(validate(model) == [])
    try:
        result = valuate(model)
    except InvalidInputError as exc:
        assert {i.code for i in exc.issues} <= {"overflow", "value_vs_market_cap"}, exc.issues
        return
    data = result.to_dict()
    for method in ("ddm", "dynamic"):
        assert math.isfinite(data[method]["upside"]) and abs(data[method]["upside"]) <= MAX_UPSIDE
        assert math.isfinite(data[method]["upside"] * 100)      # what a percent display computes
    for where, value in _numbers(data):
        if where.endswith("terminal_share"):
            continue
        assert math.isfinite(value), (where, value)
    for seg in result.ddm.segments:
        assert math.isfinite(seg.terminal_share) or seg.business_value == 0
    m = result.multiples
    for value in (m.ps, m.pe, m.pb):
        assert value is None or math.isfinite(value)


def test_an_upside_beyond_the_bound_is_refused_not_shown():
    """Inputs each within bounds, together a value 10^12 times the market cap."""
    doc = copy.deepcopy(SAMPLE_DOC)
    doc["market"]["price"] = MIN_PRICE
    doc["market"]["shares"] = MIN_SHARES
    model = Model.from_dict(doc)
    assert validate(model) == []
    with pytest.raises(InvalidInputError) as info:
        valuate(model)
    issue = info.value.issues[0]
    assert issue.code == "value_vs_market_cap" and issue.path == "market" and issue.location == ("market",)
    assert f"{MAX_UPSIDE:g} times the market cap" in str(info.value)
    # what a translated message needs: which method, its value, the market cap, the bound
    assert issue.params["method"] == "ddm" and issue.params["limit"] == MAX_UPSIDE
    assert issue.params["market_cap"] == model.market_cap and issue.params["total"] > MAX_UPSIDE * model.market_cap


def test_upside_of_a_sensitivity_grid_never_warns():
    """Scenario totals far beyond the market cap give inf (shown blank), not a
    numpy RuntimeWarning (an error in this suite, a crash of a plot before)."""
    import numpy as np
    from models.status import upside
    got = upside(np.array([1e300, np.nan, 5.0]), 1e-12)
    assert np.isinf(got[0]) and np.isnan(got[1]) and got[2] == pytest.approx(5e12)
