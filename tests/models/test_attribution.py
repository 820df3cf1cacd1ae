"""Attribution (issue 14): the exact Shapley split of a change of value over the
input groups that differ (valuation-method.md, "What changed between two versions").

The expectations come from a hand computation, from the Shapley axioms, and
from an independent brute force: every mixed model is built as a *document*
(B's keys copied into A's for the switched groups), valued by ``valuate``, and
the Shapley value is averaged over every order of switching.
"""
from __future__ import annotations

import copy
import itertools
import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import models.analysis.attribution as attribution_module
from models import InvalidInputError, Model, ModelFileError, load_model, valuate
from models.analysis.attribution import (COMPANY_GROUPS, GROUPS, MAX_JOINT_GROUPS, SEGMENT_GROUPS,
                                         AttributionError, attribute, differing_groups)

from hand_model import hand_doc
from strategies import model_docs
from test_sample import SAMPLE
from tests.model_changes import changed_copy

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")


# ---------------------------------------------------------------------------
# The brute force: mixed documents, scalar valuations, all orders.


def _copy_key(dst: dict, src: dict, key: str) -> None:
    if key in src:
        dst[key] = copy.deepcopy(src[key])
    else:
        dst.pop(key, None)


def mixed_doc(a: dict, b: dict, switched) -> dict:
    """A's document with B's inputs for each (segment, group) in ``switched``."""
    doc = copy.deepcopy(a)
    for seg, group in switched:
        if seg is None:
            keys = (("excess_cash", "minority_interest", "equity_investments") if group == "cash_and_claims"
                    else ("terminal_growth", "fade_years", "dynamic_weights", "base_year"))
            for key in keys:
                _copy_key(doc["valuation"], b["valuation"], key)
            continue
        target, source = doc["segments"][seg], b["segments"][seg]
        if group in ("growth", "margin"):
            for year, row in source["forecast"].items():
                target["forecast"][year][group] = row[group]
        elif group == "actuals":
            target["actuals"] = copy.deepcopy(source["actuals"])
        elif group == "fade":
            _copy_key(target, source, "fade_growth")
            _copy_key(target, source, "fade_years")
        else:
            _copy_key(target, source, group)
    return doc


def brute_force(a: dict, b: dict, groups, method: str) -> dict:
    """Shapley values by averaging marginal changes over every order."""
    cache: dict[frozenset, float] = {}

    def value(subset: frozenset) -> float:
        if subset not in cache:
            cache[subset] = getattr(valuate(Model.from_dict(mixed_doc(a, b, subset))), method).total
        return cache[subset]

    sums = {g: 0.0 for g in groups}
    orders = list(itertools.permutations(groups))
    for order in orders:
        on: frozenset = frozenset()
        for g in order:
            before = value(on)
            on = on | {g}
            sums[g] += value(on) - before
    return {g: s / len(orders) for g, s in sums.items()}


def contributions(result, method: str) -> dict:
    return {(c.segment, c.group): c.value for c in result.methods[method].contributions}


def tolerance(res) -> float:
    scale = max(abs(res.from_total), abs(res.to_total), sum(abs(c.value) for c in res.contributions), 1.0)
    return 1e-9 * scale


# ---------------------------------------------------------------------------
# Generated pairs of models


@st.composite
def model_pairs(draw, max_groups: int = 5):
    """(A, B): a valid model and a copy with a few input groups changed."""
    a = draw(model_docs(max_segments=3, max_years=6))
    b = copy.deepcopy(a)
    S = len(a["segments"])
    candidates = [(s, g) for s in range(S) for g in SEGMENT_GROUPS] + [(None, g) for g in COMPANY_GROUPS]
    chosen = draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=max_groups, unique=True))
    small = st.floats(-0.03, 0.03, allow_nan=False, allow_subnormal=False)
    factor = st.floats(0.7, 1.3, allow_nan=False)
    for seg, group in chosen:
        val = b["valuation"]
        if seg is None:
            if group == "cash_and_claims":
                val["excess_cash"] = val.get("excess_cash", 0.0) + draw(st.floats(-50, 50, allow_nan=False))
                val["minority_interest"] = draw(st.floats(0, 20, allow_nan=False))
            else:
                val["terminal_growth"] = draw(st.floats(-0.02, 0.04, allow_nan=False))
                val["fade_years"] = draw(st.integers(0, 12))
                w1 = draw(st.floats(0, 1, allow_nan=False))
                val["dynamic_weights"] = [w1, 1.0 - w1]
                val["base_year"] = a["first_forecast_year"] - draw(st.integers(0, 2))
            continue
        s = b["segments"][seg]
        if group in ("growth", "margin"):
            d = draw(small)
            for row in s["forecast"].values():
                row[group] += d
        elif group == "actuals":
            f = draw(factor)
            for row in s["actuals"].values():
                row["revenue"] = max(row["revenue"] * f, 0.1)
                row["net_profit"] *= f
        elif group == "discount_rate":
            s["discount_rate"] += draw(st.floats(-0.01, 0.03, allow_nan=False))
        elif group == "roe":
            s["roe"] *= draw(factor)
        elif group == "fade":
            s["fade_growth"] += draw(small)
            s["fade_years"] = draw(st.integers(0, 12))
        elif group == "terminal_growth":
            if "terminal_growth" in s and draw(st.booleans()):
                del s["terminal_growth"]
            else:
                s["terminal_growth"] = draw(st.floats(-0.02, 0.04, allow_nan=False))
        elif group == "multiple":
            s["multiple"] = max(0.0, s["multiple"] * draw(factor) + draw(st.floats(-1, 1, allow_nan=False)))
    try:
        Model.from_dict(b)
    except ModelFileError:
        assume(False)
    return a, b


def _method_valid_mixes(a: dict, b: dict, groups) -> bool:
    for k in range(len(groups) + 1):
        for subset in itertools.combinations(groups, k):
            try:
                Model.from_dict(mixed_doc(a, b, subset))
            except ModelFileError:
                return False
    return True


PROPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(model_pairs())
def test_split_matches_the_brute_force_and_sums_to_the_change(pair):
    a_doc, b_doc = pair
    a, b = Model.from_dict(a_doc), Model.from_dict(b_doc)
    groups = differing_groups(a, b)
    try:
        result = attribute(a, b)
    except AttributionError as exc:
        # Refused only when some mix really breaks a rule of the method.
        assert "discount rate" in str(exc)
        assert not _method_valid_mixes(a_doc, b_doc, groups)
        return
    assert _method_valid_mixes(a_doc, b_doc, groups)
    for method in ("ddm", "dynamic"):
        res = result.methods[method]
        tol = tolerance(res)
        got = contributions(result, method)
        assert res.from_total == getattr(valuate(a), method).total
        assert res.to_total == getattr(valuate(b), method).total
        assert abs(sum(got.values()) - (res.to_total - res.from_total)) <= tol
        expected = brute_force(a_doc, b_doc, groups, method)
        for key, value in got.items():
            if key in expected:
                assert value == pytest.approx(expected[key], abs=tol)
            else:
                assert value == 0.0          # a group that does not differ
        # each contribution is split over segment values and the cash line
        for c in res.contributions:
            if c.segment is not None:
                assert all(x == 0.0 for i, x in enumerate(c.by_segment) if i != c.segment)
            if c.group != "cash_and_claims":
                assert sum(c.by_segment) == pytest.approx(c.value, abs=tol)


@PROPS
@given(model_pairs())
def test_swapping_a_and_b_negates_every_contribution(pair):
    a, b = (Model.from_dict(d) for d in pair)
    try:
        forward = attribute(a, b)
    except AttributionError:
        return
    backward = attribute(b, a)
    for method in ("ddm", "dynamic"):
        f, r = contributions(forward, method), contributions(backward, method)
        tol = tolerance(forward.methods[method])
        assert f.keys() == r.keys()
        for key in f:
            assert r[key] == pytest.approx(-f[key], abs=tol)


@PROPS
@given(model_pairs())
def test_joint_and_segment_wise_splits_agree(pair):
    a, b = (Model.from_dict(d) for d in pair)
    try:
        joint = attribute(a, b, strategy="joint")
    except AttributionError:
        return
    parts = attribute(a, b, strategy="segmentwise")
    expected = ("joint", "segmentwise") if joint.groups else ("none", "none")
    assert (joint.strategy, parts.strategy) == expected
    for method in ("ddm", "dynamic"):
        tol = tolerance(joint.methods[method])
        j, p = contributions(joint, method), contributions(parts, method)
        for key in j:
            assert p[key] == pytest.approx(j[key], abs=tol)


@PROPS
@given(model_pairs(max_groups=1))
def test_one_differing_group_carries_the_whole_change(pair):
    a, b = (Model.from_dict(d) for d in pair)
    groups = differing_groups(a, b)
    assume(len(groups) == 1)
    result = attribute(a, b)
    for method in ("ddm", "dynamic"):
        res = result.methods[method]
        steps = res.differing()
        assert [(c.segment, c.group) for c in steps] == groups
        assert steps[0].value == pytest.approx(res.to_total - res.from_total, abs=tolerance(res))
        assert all(c.value == 0.0 for c in res.contributions if not c.differs)


# ---------------------------------------------------------------------------
# By hand


def test_hand_computed_two_group_case():
    """The hand model's dynamic value is 5.5 + 11 (1 + multiple) / (1 + r)
    (dividends 5.5 in 2025 at full value, 11 in 2026; earnings base 11).
    A: r 10%, multiple 10 → 115.5. B: r 21%, multiple 12 → 5.5 + 1300/11.
    Mixes: B's r alone → 105.5; B's multiple alone → 135.5.
    r: ½[(105.5 − 115.5) + (5.5 + 1300/11 − 135.5)] = −120/11;
    multiple: ½[(135.5 − 115.5) + (5.5 + 1300/11 − 105.5)] = 210/11."""
    a_doc = hand_doc()
    b_doc = hand_doc()
    b_doc["segments"][0]["discount_rate"] = 0.21
    b_doc["segments"][0]["multiple"] = 12.0
    a, b = Model.from_dict(a_doc), Model.from_dict(b_doc)
    res = attribute(a, b, methods=("dynamic",)).dynamic
    assert res.from_total == pytest.approx(115.5 + 9.0, rel=1e-12)      # + cash 10 − 2.5 + 1.5
    assert res.to_total == pytest.approx(5.5 + 1300 / 11 + 9.0, rel=1e-12)
    got = {c.group: c.value for c in res.differing()}
    assert got == {"discount_rate": pytest.approx(-120 / 11, rel=1e-12),
                   "multiple": pytest.approx(210 / 11, rel=1e-12)}
    # the DDM does not use the multiple: the whole DDM change is the discount rate's
    ddm = attribute(a, b, methods=("ddm",)).ddm
    assert {c.group: c.value for c in ddm.differing()} == {
        "discount_rate": pytest.approx(ddm.to_total - ddm.from_total, rel=1e-12), "multiple": 0.0}


def test_cash_and_price_are_reported_apart():
    a_doc = hand_doc()
    b_doc = hand_doc(excess_cash=25.0)
    b_doc["market"]["price"] = 20.0
    result = attribute(Model.from_dict(a_doc), Model.from_dict(b_doc))
    for method in ("ddm", "dynamic"):
        res = result.methods[method]
        assert [(c.segment, c.group, c.value) for c in res.differing()] == [(None, "cash_and_claims", 15.0)]
        assert (res.market_cap_from, res.market_cap_to) == (100.0, 200.0)
        assert res.upside_to == pytest.approx(res.to_total / 200.0 - 1.0)
    assert result.price_changed and "market cap" in result.notes[0]


def test_renamed_segments_are_compared_by_position_with_a_note(sample_model):
    renamed = sample_model.copy()
    renamed.set(("segments", 1, "name"), "海外 Overseas")
    result = attribute(sample_model, renamed)
    assert result.groups == [] and result.segment_names[1] == "海外 Overseas"
    assert result.notes == [f"segment 1 is {sample_model.segment_names[1]!r} in A and '海外 Overseas' in B: "
                            "segments are compared by position"]


def test_identical_models_have_nothing_to_split(sample_model):
    result = attribute(sample_model, sample_model.copy())
    assert result.groups == [] and result.strategy == "none"
    for res in result.methods.values():
        assert res.change == 0.0 and res.differing() == []
        assert len(res.contributions) == sample_model.segment_count * len(SEGMENT_GROUPS) + len(COMPANY_GROUPS)


# ---------------------------------------------------------------------------
# The one pass, and the limit on G


def _sample_with_changes(n_groups: int) -> tuple[Model, Model]:
    """The sample and a copy where the first ``n_groups`` segment groups differ."""
    a = load_model(SAMPLE)
    return a, changed_copy(a, n_groups)


def test_all_mixes_are_valued_in_one_kernel_call(monkeypatch):
    calls = []
    real = attribution_module.value_kernel

    def counting(p, **kwargs):
        out = real(p, **kwargs)
        calls.append(next(iter(out.values())).shape)
        return out

    monkeypatch.setattr(attribution_module, "value_kernel", counting)
    a, b = _sample_with_changes(10)
    result = attribute(a, b)
    assert result.strategy == "joint" and result.mixes == 2 ** 10
    assert calls == [(2 ** 10, 3)]                  # one pass, both methods, all 1024 mixes


def test_above_the_limit_the_split_is_segment_wise_and_still_exact():
    a, b = _sample_with_changes(26)                # every group of the sample's 3 segments
    assert 26 > MAX_JOINT_GROUPS
    with pytest.raises(AttributionError, match=r"26 input groups differ: the joint pass would value 2\^26"):
        attribute(a, b, strategy="joint")
    result = attribute(a, b)
    assert result.strategy == "segmentwise" and result.mixes == 2 ** 9
    for method in ("ddm", "dynamic"):
        res = result.methods[method]
        assert len(res.differing()) == 26
        assert abs(sum(c.value for c in res.contributions) - res.change) <= 1e-9 * abs(res.from_total)
    # the same numbers as the joint pass where both run (G = 12)
    a12, b12 = _sample_with_changes(MAX_JOINT_GROUPS)
    joint, parts = attribute(a12, b12), attribute(a12, b12, strategy="segmentwise")
    assert joint.strategy == "joint"
    for method in ("ddm", "dynamic"):
        for x, y in zip(joint.methods[method].contributions, parts.methods[method].contributions):
            assert (x.segment, x.group) == (y.segment, y.group)
            assert y.value == pytest.approx(x.value, abs=1e-9 * joint.methods[method].from_total)


# ---------------------------------------------------------------------------
# Refusals


def test_models_with_different_years_or_segments_are_refused(sample_model):
    other = load_model(SAMPLE.parent / "wandong-medical-600055.json")
    with pytest.raises(AttributionError, match=r"different years: A 2022–2029, B"):
        attribute(sample_model, other)
    fewer = sample_model.copy()
    fewer.doc["segments"].pop()
    with pytest.raises(AttributionError, match=r"different segments: A has 3 \(.*\), B has 2"):
        attribute(sample_model, Model.from_dict(fewer.doc))
    later = sample_model.copy()
    later.doc["first_forecast_year"] = 2026
    later.doc["valuation"]["base_year"] = 2026
    for seg in later.doc["segments"]:
        seg["actuals"]["2025"] = {"revenue": 100.0, "net_profit": 10.0}
        del seg["forecast"]["2025"]
    with pytest.raises(AttributionError, match="different first forecast years: A 2025, B 2026"):
        attribute(sample_model, Model.from_dict(later.doc))


def test_a_mix_the_ddm_cannot_value_is_refused_with_its_groups():
    """A: r 12%, terminal growth 8%; B: r 6%, terminal growth 2%. B's rate with
    A's terminal growth has r ≤ gT: the DDM split is undefined, the dynamic one is not."""
    a_doc, b_doc = hand_doc(terminal_growth=0.08), hand_doc()
    a_doc["segments"][0]["discount_rate"] = 0.12
    b_doc["segments"][0]["discount_rate"] = 0.06
    a, b = Model.from_dict(a_doc), Model.from_dict(b_doc)
    with pytest.raises(AttributionError, match=r"DDM split is undefined: with B's discount_rate of segment 0 "
                                               r"with A's other inputs, segment 0 its discount rate 6\.00% is not "
                                               r"above its terminal growth 8\.00%"):
        attribute(a, b)
    with pytest.raises(AttributionError, match="DDM split is undefined"):
        attribute(a, b, strategy="segmentwise")
    dyn = attribute(a, b, methods=("dynamic",)).dynamic
    assert {c.group for c in dyn.differing()} == {"discount_rate", "settings"}
    assert sum(c.value for c in dyn.contributions) == pytest.approx(dyn.change, abs=1e-9 * dyn.from_total)


def test_an_invalid_model_is_refused_by_the_valuation(sample_model):
    bad = sample_model.copy()
    bad.set(("segments", 0, "roe"), -0.1)
    with pytest.raises(InvalidInputError, match=r"segments\[0\]\.roe"):
        attribute(sample_model, bad)


def test_unknown_method_or_strategy(sample_model):
    with pytest.raises(ValueError, match="unknown method"):
        attribute(sample_model, sample_model, methods=("pe",))
    with pytest.raises(ValueError, match="unknown strategy"):
        attribute(sample_model, sample_model, strategy="fast")


def test_groups_are_the_method_docs():
    assert GROUPS == ("growth", "margin", "actuals", "discount_rate", "roe", "fade", "terminal_growth",
                      "multiple", "cash_and_claims", "settings")
