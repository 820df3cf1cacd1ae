"""The justified multiple, the dynamic valuation's optional mode (models/justified.py)."""
from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from models import Model, ModelFileError, dumps_model, load_model, loads_model, validate, valuate
from models.analysis.implied import implied_value
from models.analysis.montecarlo import DrawKernel, run_montecarlo
from models.sensitivity import DRIVERS, evaluate_scenarios
from models.valuation import prepare

from hand_model import hand_doc
from test_sample import SAMPLE

# Hand model (hand_model.py): r = 10%, base year 2025, N = 2026.
# DDM tail discounted to 2025: fade 8.6625 / 1.21, perpetual 10.6029 / 0.08 / 1.21.
# At year N (× 1.1): (8.6625 + 132.53625) / 1.1 = 128.3626…; earnings base 11.
TAIL_AT_B = (8.6625 + 10.6029 / 0.08) / 1.21
JUSTIFIED = TAIL_AT_B * 1.1 / 11.0          # 11.6693…


def justified_doc(factors=None, structure=4.0, durability=3.0) -> dict:
    doc = hand_doc()
    seg = doc["segments"][0]
    seg["multiple_mode"] = "justified"
    seg["ratings"] = {"structure": structure}
    seg["moat"] = {"moat_durability": durability}
    if factors is not None:
        doc["valuation"]["justified_factors"] = factors
    return doc


def test_composite_is_the_default_and_justified_is_shown_beside_it():
    r = valuate(Model.from_dict(hand_doc()))
    seg = r.dynamic.segments[0]
    assert seg.mode == "composite" and seg.multiple == 10.0 and seg.multiple_used == 10.0
    assert seg.justified_multiple == pytest.approx(JUSTIFIED, rel=1e-13)
    assert r.dynamic.total == pytest.approx(124.5, rel=1e-14)       # unchanged by the new mode


def test_justified_mode_without_factors_equals_the_ddm():
    r = valuate(Model.from_dict(justified_doc()))
    seg = r.dynamic.segments[0]
    assert seg.mode == "justified" and seg.multiple_used == pytest.approx(JUSTIFIED, rel=1e-13)
    assert seg.post_explicit_value == pytest.approx(TAIL_AT_B, rel=1e-13)
    assert r.dynamic.total == pytest.approx(r.ddm.total, rel=1e-13)


def test_factors_from_the_table_by_star_rating():
    factors = {"structure": {"4": 1.2, "5": 1.5}, "moat_durability": {"3": 0.5, "3.5": 0.8}}
    r = valuate(Model.from_dict(justified_doc(factors)))
    seg = r.dynamic.segments[0]
    assert seg.justified_multiple == pytest.approx(JUSTIFIED * 0.6, rel=1e-13)
    assert seg.post_explicit_value == pytest.approx(TAIL_AT_B * 0.6, rel=1e-13)
    assert r.dynamic.total == pytest.approx(15.5 + TAIL_AT_B * 0.6 + 9.0, rel=1e-13)
    # a rating with no entry in the table counts as 1
    r = valuate(Model.from_dict(justified_doc(factors, structure=2.5, durability=3.5)))
    assert r.dynamic.segments[0].justified_multiple == pytest.approx(JUSTIFIED * 0.8, rel=1e-13)


def test_not_positive_earnings_base_shows_nm():
    doc = justified_doc()
    for row in doc["segments"][0]["forecast"].values():
        row["margin"] = -0.05
    r = valuate(Model.from_dict(doc))
    assert r.dynamic.segments[0].justified_multiple is None
    d = r.to_dict()["dynamic"]["segments"][0]
    assert d["mode"] == "justified" and d["justified_multiple"] is None


def test_sensitivity_and_the_multiple_scale_on_a_justified_segment():
    model = Model.from_dict(justified_doc({"structure": {"4": 1.2}}))
    res = evaluate_scenarios(model, {"multiple_scale": [1.0, 1.5]}, "dynamic")
    assert res.total[1] - res.total[0] == pytest.approx(0.5 * TAIL_AT_B * 1.2, rel=1e-12)
    # the dynamic method of a justified segment now moves with terminal growth
    grid = evaluate_scenarios(model, {"terminal_growth": [0.01, 0.03]}, "dynamic").total
    assert grid[1] > grid[0]
    assert implied_value(model, "terminal_growth", "dynamic").reason != "no_effect"


def test_the_monte_carlo_kernel_follows_the_mode():
    doc = load_model(SAMPLE).to_dict()
    doc["segments"][1]["multiple_mode"] = "justified"
    doc["valuation"]["justified_factors"] = {"structure": {"4": 1.1}}
    model = Model.from_dict(doc)
    p = prepare(model)
    rng = np.random.default_rng(3)
    values = {d: (1.0 if d.endswith("_scale") else 0.03 if d == "terminal_growth" else 0.0)
              + 0.01 * rng.standard_normal(64) for d in DRIVERS}
    for seg in (None, 1, 2):
        got = DrawKernel(p, dict.fromkeys(values, seg)).totals(values)
        for method in ("ddm", "dynamic"):
            want = evaluate_scenarios(model, values, method, seg, prepared=p).total
            np.testing.assert_allclose(got[method], want, rtol=1e-11)
    zero = run_montecarlo(model, {"drivers": {"growth_shift": {"dist": "normal", "mean": 0, "sd": 0}}, "draws": 10})
    assert zero.dynamic.mean == pytest.approx(valuate(model).dynamic.total, rel=1e-12)


@pytest.mark.parametrize("edit, path, fragment", [
    (lambda d: d["segments"][0].update(multiple_mode="ddm"), "segments[0].multiple_mode", '"composite" or "justified"'),
    (lambda d: d["valuation"].update(justified_factors=[1.0]), "valuation.justified_factors", "must be an object"),
    (lambda d: d["valuation"].update(justified_factors={"moat": {"3": 1.0}}), "valuation.justified_factors.moat", "not a factor table"),
    (lambda d: d["valuation"].update(justified_factors={"structure": {"4.0": 1.0}}), "valuation.justified_factors.structure.4.0", "star rating"),
    (lambda d: d["valuation"].update(justified_factors={"structure": {"4": -1.0}}), "valuation.justified_factors.structure.4", "≥ 0"),
    (lambda d: d["valuation"].update(justified_factors={"structure": {"4": "1.1"}}), "valuation.justified_factors.structure.4", "≥ 0"),
])
def test_bad_keys_are_refused_with_path_and_rule(edit, path, fragment):
    doc = justified_doc()
    edit(doc)
    with pytest.raises(ModelFileError) as info:
        Model.from_dict(doc)
    assert info.value.key_path == path and fragment in info.value.rule
    model = Model.from_dict(justified_doc())
    edit(model.doc)
    errors = validate(model)
    assert errors and errors[0].path == path


def test_justified_keys_round_trip():
    doc = justified_doc({"structure": {"4": 1, "0.5": 0.7}, "moat_durability": {}})
    model = Model.from_dict(doc)
    assert model.doc["valuation"]["justified_factors"]["structure"]["4"] == 1.0
    assert loads_model(dumps_model(model)) == model
    assert validate(model) == []


def test_the_text_report_says_which_mode(tmp_path):
    import json
    import subprocess
    import sys
    from test_sample import ROOT
    path = tmp_path / "j.vwm.json"
    path.write_text(json.dumps(justified_doc({"structure": {"4": 1.2}}), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "models", "value", str(path)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert f"× justified multiple {JUSTIFIED * 1.2:.2f}" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "models", "value", str(path), "--json"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    seg = json.loads(proc.stdout)["dynamic"]["segments"][0]
    assert seg["mode"] == "justified" and seg["justified_multiple"] == pytest.approx(JUSTIFIED * 1.2, rel=1e-12)
    assert copy.deepcopy(seg)["multiple"] == 10.0


@pytest.mark.parametrize("value", [10 ** 400, -(10 ** 400)])
def test_a_huge_integer_as_multiple_mode_is_refused_not_a_crash(value):
    """It once raised OverflowError from the loader (the message tried float(value))."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["segments"][0]["multiple_mode"] = value
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert "segments[0].multiple_mode" in str(info.value) and "integer of 401 digits" in str(info.value)
