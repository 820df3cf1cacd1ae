"""Model files: load, validate, save (format version 1)."""
from __future__ import annotations

import json

import pytest

from models import ModelFileError, dumps_model, load_model, loads_model, save_model, validate

from test_sample import SAMPLE
from test_multiples import WANDONG


@pytest.mark.parametrize("path", [SAMPLE, WANDONG])
def test_saving_an_unchanged_sample_reproduces_its_text(path):
    text = path.read_text(encoding="utf-8")
    assert dumps_model(load_model(path)).rstrip("\n") == text.rstrip("\n")


def test_load_save_load_is_identical_and_keeps_unknown_keys(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["x_custom"] = {"分析师": "张三", "list": [1, 2, {"a": None}]}
    doc["segments"][0]["x_flag"] = True
    doc["segments"][0]["forecast"]["2026"]["x_comment"] = "提价"
    doc["valuation"]["x_method_note"] = "mid-year off"
    first = loads_model(json.dumps(doc, ensure_ascii=False))
    out = tmp_path / "m.vwm.json"
    save_model(first, out)
    second = load_model(out)
    assert second == first
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["x_custom"] == doc["x_custom"]
    assert saved["segments"][0]["forecast"]["2026"]["x_comment"] == "提价"
    assert list(saved) == list(doc)   # key order kept


def test_save_keeps_a_backup_of_the_previous_version(tmp_path):
    out = tmp_path / "m.json"
    model = load_model(SAMPLE)
    save_model(model, out)
    first_bytes = out.read_bytes()
    model.set(("market", "price"), 200.0)
    save_model(model, out)
    assert (tmp_path / "m.json.bak").read_bytes() == first_bytes
    assert load_model(out).doc["market"]["price"] == 200.0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_newer_version_is_refused_and_flagged(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["version"] = 2
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert info.value.newer_version and info.value.key_path == "version"
    assert "newer" in str(info.value)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["segments"][1]["forecast"]["2026"].update(growth=-1.0),
     "segments[1].forecast.2026.growth: must be a number greater than -1, got -1"),
    (lambda d: d["segments"][0]["forecast"]["2026"].update(growth="5%"),
     "segments[0].forecast.2026.growth: must be a number greater than -1, got text '5%'"),
    (lambda d: d["segments"][2]["actuals"].pop("2023"), "segments[2].actuals.2023: is required (an object)"),
    (lambda d: d.pop("market"), "market: is required (an object)"),
    (lambda d: d["company"].pop("name"), "company.name: is required (non-empty text)"),
    (lambda d: d.update(years=[2022, 2024, 2025]), "years[1]: years must be ascending and consecutive: 2022 is followed by 2024"),
    (lambda d: d.update(first_forecast_year=2022), "first_forecast_year: must be one of the years after the first (2023…2029), got 2022"),
    (lambda d: d["valuation"].update(fade_years=2.5), "valuation.fade_years: must be an integer from 0 to 200, got 2.5"),
    (lambda d: d["segments"][0].update(discount_rate=0.03), "segments[0].discount_rate: must be a number greater than the terminal growth (3.00%), got 0.03"),
    (lambda d: d["segments"][0].update(roe=True), "segments[0].roe: must be a number greater than 0, got a boolean"),
    (lambda d: d.update(segments=[]), "segments: is required (a list of at least one segment)"),
])
def test_validation_errors_name_the_key_path_and_rule(mutate, message):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    mutate(doc)
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert str(info.value).split(" (and ")[0] == message


def test_all_problems_are_listed_not_just_the_first():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["segments"][0]["roe"] = -1
    doc["segments"][1]["multiple"] = -2
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert [i.path for i in info.value.issues] == ["segments[0].roe", "segments[1].multiple"]
    assert "and 1 more problem" in str(info.value)


def test_validate_agrees_with_the_loaders_checker():
    """validate (in place, for edits) and check_document (the loader's copy)
    are one pass: the same errors, and validate changes nothing."""
    from models.model import check_document
    model = load_model(SAMPLE)
    assert validate(model) == [] and check_document(model.doc)[1] == []
    edits = [(("segments", 0, "roe"), 0.0), (("segments", 1, "forecast", "2027", "growth"), float("nan")),
             (("valuation", "terminal_growth"), 0.2), (("market", "shares"), 0.0),
             (("segments", 2, "multiple"), -1.0), (("segments", 0, "actuals", "2022", "revenue"), -3.0),
             (("valuation", "excess_cash"), "lots"), (("segments", 0, "name"), "\ud800主营"),
             (("market", "price"), 1e-300), (("segments", 0, "discount_rate"), 1e308)]
    for path, value in edits:
        m = model.copy()
        m.set(path, value)
        m.set(("segments", 1, "roe"), 1)          # an int where a float is stored: valid
        before = json.dumps(m.doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
        errors = validate(m)
        assert errors, path
        assert [(i.path, i.message) for i in errors] == \
            [(i.path, i.message) for i in check_document(m.doc)[1] if i.severity == "error"], path
        assert json.dumps(m.doc, ensure_ascii=False).encode("utf-8", "surrogatepass") == before, path
        assert type(m.doc["segments"][1]["roe"]) is int


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["segments"][0]["ratings"].update(growth="abc"), "segments[0].ratings.growth: must be stars from 0 to 5 in steps of 0.5, got text 'abc'"),
    (lambda d: d["segments"][0]["ratings"].update(moat=4.3), "segments[0].ratings.moat: must be stars from 0 to 5 in steps of 0.5, got 4.3"),
    (lambda d: d["segments"][1]["moat"].update(moat_width=6), "segments[1].moat.moat_width: must be stars from 0 to 5 in steps of 0.5, got 6"),
    (lambda d: d["company"].update(report_date="9/9/2025"), "company.report_date: must be an ISO date (YYYY-MM-DD), got text '9/9/2025'"),
    (lambda d: d["valuation"].update(dynamic_weights=[0.5, "x"]), "valuation.dynamic_weights[1]: must be a number, got text 'x'"),
])
def test_optional_parts_are_checked_too(mutate, message):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    mutate(doc)
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert str(info.value).split(" (and ")[0] == message


def test_duplicate_keys_are_refused_not_silently_resolved():
    text = SAMPLE.read_text(encoding="utf-8").replace('"price": 158.3,', '"price": 158.3, "price": 1.0,')
    with pytest.raises(ModelFileError, match="'price' appears twice"):
        loads_model(text)


def test_null_unit_falls_back_to_yi_yuan():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["company"]["unit"] = None
    assert loads_model(json.dumps(doc)).unit == "亿元"


def test_stale_temp_files_of_killed_saves_are_swept(tmp_path):
    import os
    import time
    out = tmp_path / "m.json"
    stale = tmp_path / ".m.json.abc123.tmp"
    fresh = tmp_path / ".m.json.def456.tmp"
    other = tmp_path / ".other.json.x.tmp"
    for p in (stale, fresh, other):
        p.write_text("partial")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_model(load_model(SAMPLE), out)
    assert not stale.exists()          # a crashed save's leftover
    assert fresh.exists()              # maybe another save in progress
    assert other.exists()              # not this file's
