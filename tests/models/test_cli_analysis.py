"""``valuation-cli implied`` and ``valuation-cli montecarlo`` (models/cli_analysis.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from models import load_model
from models.analysis.implied import implied_value
from models.analysis.montecarlo import run_montecarlo
from models.sensitivity import evaluate_scenarios
from models.status import STATUS_CODES

from test_sample import ROOT, SAMPLE


def run(*args):
    return subprocess.run([sys.executable, "-m", "models", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def one_line_exit_2(proc, fragment: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in proc.stderr


def test_implied_json_keys_and_the_value_reproduces_the_target():
    proc = run("implied", SAMPLE, "--driver", "discount_rate_shift", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["method", "driver", "segment", "target_upside", "value", "total", "market_cap",
                         "reason", "boundaries"]
    assert doc["method"] == "ddm" and doc["driver"] == "discount_rate_shift" and doc["segment"] is None
    assert doc["target_upside"] == 0 and doc["reason"] is None
    model = load_model(SAMPLE)
    total = evaluate_scenarios(model, {"discount_rate_shift": [doc["value"]]}, "ddm").total[0]
    assert abs(total - doc["market_cap"]) <= 1e-9 * doc["market_cap"]
    assert abs(doc["total"] - doc["market_cap"]) <= 1e-9 * doc["market_cap"]
    assert [b["upside"] for b in doc["boundaries"]] == [-0.5, -0.3, -0.2, 0.25, 0.5, 1.0]
    for b in doc["boundaries"]:
        assert set(b) == {"upside", "status_below", "status_above", "value"}
        assert b["status_below"] in STATUS_CODES and b["status_above"] in STATUS_CODES


def test_implied_options_segment_method_target():
    proc = run("implied", SAMPLE, "--driver", "growth_shift", "--method", "dynamic", "--segment", "0",
               "--target-upside", "-0.3", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    want = implied_value(load_model(SAMPLE), "growth_shift", "dynamic", 0, -0.3)
    assert doc["segment"] == 0 and doc["method"] == "dynamic" and doc["target_upside"] == -0.3
    assert doc["value"] == want.value


def test_implied_none_is_null_with_a_reason():
    proc = run("implied", SAMPLE, "--driver", "multiple_scale", "--method", "ddm", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["value"] is None and doc["total"] is None and doc["reason"] == "no_effect"
    assert all(b["value"] is None for b in doc["boundaries"])


def test_implied_text_output():
    proc = run("implied", SAMPLE, "--driver", "margin_shift")
    assert proc.returncode == 0, proc.stderr
    want = implied_value(load_model(SAMPLE), "margin_shift")
    assert f"implied value: {want.value:.6g}" in proc.stdout
    assert "overvalued" in proc.stdout and "联影医疗" in proc.stdout


@pytest.mark.parametrize("args, fragment", [
    (["--driver", "price"], "unknown driver"),
    (["--driver", "growth_shift", "--method", "dcf"], "--method"),
    (["--driver", "growth_shift", "--segment", "3"], "--segment 3"),
    (["--driver", "growth_shift", "--segment", "one"], "--segment"),
    (["--driver", "growth_shift", "--target-upside", "abc"], "--target-upside"),
    (["--driver", "growth_shift", "--target-upside", "nan"], "finite"),
    ([], "--driver"),
])
def test_implied_bad_input_exits_2_with_one_line(args, fragment):
    one_line_exit_2(run("implied", SAMPLE, *args), fragment)


def test_implied_missing_file_exits_2(tmp_path):
    one_line_exit_2(run("implied", tmp_path / "none.json", "--driver", "growth_shift"), "none.json")


def test_montecarlo_json_keys_and_numbers():
    proc = run("montecarlo", SAMPLE, "--draws", "3000", "--seed", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["draws", "seed", "ddm", "dynamic"]
    assert doc["draws"] == 3000 and doc["seed"] == 5
    want = run_montecarlo(load_model(SAMPLE), draws=3000, seed=5)
    for method in ("ddm", "dynamic"):
        m = doc[method]
        assert list(m) == ["invalid_draws", "mean", "sd", "p5", "p50", "p95", "prob_above_market_cap",
                           "status_probabilities", "rank_correlations"]
        assert list(m["status_probabilities"]) == list(STATUS_CODES)
        assert sum(m["status_probabilities"].values()) == pytest.approx(1.0)
        assert list(m["rank_correlations"]) == ["growth_shift", "margin_shift", "discount_rate_shift",
                                                "multiple_scale"]
        assert m["mean"] == getattr(want, method).mean and m["p95"] == getattr(want, method).p95
        assert m["p5"] < m["p50"] < m["p95"]


def test_montecarlo_uses_the_models_settings(tmp_path):
    model = load_model(SAMPLE)
    doc = model.to_dict()
    doc["uncertainty"] = {"draws": 700, "seed": 3,
                          "drivers": {"terminal_growth": {"dist": "uniform", "low": 0.0, "high": 0.12}}}
    path = tmp_path / "u.vwm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run("montecarlo", path, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["draws"] == 700 and out["seed"] == 3
    assert 0 < out["ddm"]["invalid_draws"] < 700
    assert list(out["ddm"]["rank_correlations"]) == ["terminal_growth"]
    text = run("montecarlo", path, "--draws", "100")
    assert text.returncode == 0 and "100 draws, seed 3" in text.stdout and "invalid draws" in text.stdout


def test_montecarlo_bad_settings_in_the_file_exit_2(tmp_path):
    doc = load_model(SAMPLE).to_dict()
    doc["uncertainty"] = {"drivers": {"growth_shift": {"dist": "normal", "mean": 0.0, "sd": -0.01}}}
    path = tmp_path / "bad.vwm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    one_line_exit_2(run("montecarlo", path), "uncertainty.drivers.growth_shift.sd")


@pytest.mark.parametrize("args, fragment", [
    (["--draws", "0"], "--draws 0"), (["--draws", "many"], "--draws"), (["--draws", "20000000"], "--draws"),
    (["--seed", "-1"], "--seed -1"), (["--seed", "1.5"], "--seed"), (["--draws"], "--draws"),
])
def test_montecarlo_bad_input_exits_2_with_one_line(args, fragment):
    one_line_exit_2(run("montecarlo", SAMPLE, *args), fragment)
