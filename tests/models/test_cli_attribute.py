"""``valuation-cli attribute`` (issue 14): the JSON shape, the numbers, the refusals."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models import Model, load_model
from models.__main__ import main
from models.analysis.attribution import GROUPS, attribute
from models.analysis.scenarios import apply_scenario, base_model

from test_sample import ROOT, SAMPLE


def write(path, doc) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    a = json.loads(SAMPLE.read_text(encoding="utf-8"))
    b = json.loads(SAMPLE.read_text(encoding="utf-8"))
    b["segments"][0]["discount_rate"] += 0.01
    b["segments"][2]["forecast"]["2027"]["margin"] -= 0.02
    b["valuation"]["excess_cash"] = 100.0
    b["market"]["price"] *= 1.1
    with_scenarios = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with_scenarios["scenarios"] = [
        {"name": "bear", "note": "", "changes": [{"path": ["segments", 0, "discount_rate"], "value": 0.1}]},
        {"name": "bull", "note": "", "changes": [{"path": ["segments", 1, "multiple"], "value": 40.0},
                                                 {"path": ["valuation", "fade_years"], "value": 12}]},
    ]
    return write(tmp_path / "a.json", a), write(tmp_path / "b.json", b), write(tmp_path / "s.json", with_scenarios)


def run_json(capsys, *args) -> dict:
    assert main(["attribute", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_two_files_json_has_the_issues_shape_and_the_engines_numbers(files, capsys):
    a, b, _ = files
    doc = run_json(capsys, a, b)
    assert set(doc) == {"ddm", "dynamic"}
    expected = attribute(load_model(a), load_model(b))
    for method in ("ddm", "dynamic"):
        part = doc[method]
        assert set(part) == {"from", "to", "contributions"}
        res = expected.methods[method]
        assert (part["from"], part["to"]) == (res.from_total, res.to_total)
        for c in part["contributions"]:
            assert set(c) == {"segment", "group", "value"} and c["group"] in GROUPS
        assert [(c["segment"], c["group"]) for c in part["contributions"]] == [
            (0, "discount_rate"), (2, "margin"), (None, "cash_and_claims")]
        assert [c["value"] for c in part["contributions"]] == [c.value for c in res.differing()]
        assert sum(c["value"] for c in part["contributions"]) == pytest.approx(part["to"] - part["from"],
                                                                              rel=1e-9, abs=1e-9 * part["from"])
    assert doc["ddm"]["contributions"][2]["value"] == pytest.approx(100.0 - 89.8)


def test_one_method_gives_one_key(files, capsys):
    a, b, _ = files
    assert set(run_json(capsys, a, b, "--method", "dynamic")) == {"dynamic"}
    assert set(run_json(capsys, a, b, "--method", "ddm")) == {"ddm"}


def test_scenario_against_base_and_against_another_scenario(files, capsys):
    _, _, s = files
    model = load_model(s)
    doc = run_json(capsys, s, "--scenario", "bull")
    expected = attribute(base_model(model), apply_scenario(model, "bull"))
    assert doc == json.loads(json.dumps(expected.to_dict()))
    assert {(c["segment"], c["group"]) for c in doc["dynamic"]["contributions"]} == {(1, "multiple"), (None, "settings")}
    doc = run_json(capsys, s, "--scenario", "bull", "--against", "bear")
    expected = attribute(apply_scenario(model, "bear"), apply_scenario(model, "bull"))
    assert doc["ddm"]["from"] == expected.ddm.from_total and doc["ddm"]["to"] == expected.ddm.to_total
    assert {(c["segment"], c["group"]) for c in doc["ddm"]["contributions"]} == {
        (0, "discount_rate"), (1, "multiple"), (None, "settings")}


def test_text_output_names_segments_groups_and_the_price(files, capsys):
    a, b, _ = files
    assert main(["attribute", a, b]) == 0
    out = capsys.readouterr().out
    names = load_model(a).segment_names
    assert f"{names[0]} · discount rate:" in out and "company · cash and claims: +10.20" in out
    assert "market cap 1,304.64 → 1,435.10" in out
    assert out.count("DDM: 695.41 → ") == 1


def one_error_line(*args) -> str:
    proc = subprocess.run([sys.executable, "-m", "models", "attribute", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_models_with_different_years_or_segments_exit_2_naming_the_difference(files, tmp_path):
    a, _, _ = files
    line = one_error_line(a, SAMPLE.parent / "wandong-medical-600055.json")
    assert "different years: A 2022–2029, B 2024–2029" in line
    fewer = json.loads(SAMPLE.read_text(encoding="utf-8"))
    fewer["segments"].pop(0)
    line = one_error_line(a, write(tmp_path / "fewer.json", fewer), "--json")
    assert "different segments: A has 3" in line and "B has 2" in line


@pytest.mark.parametrize("args, words", [
    (["{s}", "--scenario", "nope"], "no scenario named 'nope' ('bear', 'bull')"),
    (["{s}", "--scenario", "bull", "--against", "nope"], "no scenario named 'nope'"),
    (["{a}", "{b}", "--scenario", "bull"], "either two files, or one file with --scenario"),
    (["{a}"], "give two model files"),
    (["{a}", "{b}", "--against", "bear"], "--against needs --scenario"),
    (["{a}", "{missing}"], "B ("),
])
def test_bad_arguments_exit_2_with_one_line(files, tmp_path, args, words):
    a, b, s = files
    args = [x.format(a=a, b=b, s=s, missing=tmp_path / "missing.json") for x in args]
    assert words in one_error_line(*args)


def test_an_undefined_ddm_split_exits_2_and_the_dynamic_one_still_runs(tmp_path, capsys):
    a = json.loads(SAMPLE.read_text(encoding="utf-8"))
    b = json.loads(SAMPLE.read_text(encoding="utf-8"))
    a["valuation"]["terminal_growth"] = 0.07
    b["segments"][0]["discount_rate"] = 0.06
    pa, pb = write(tmp_path / "a.json", a), write(tmp_path / "b.json", b)
    Model.from_dict(a), Model.from_dict(b)
    assert "DDM split is undefined" in one_error_line(pa, pb)
    doc = run_json(capsys, pa, pb, "--method", "dynamic")
    assert {(c["segment"], c["group"]) for c in doc["dynamic"]["contributions"]} == {(0, "discount_rate"),
                                                                                      (None, "settings")}
