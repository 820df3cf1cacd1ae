"""Scenarios (issue 14): the ``scenarios`` key of model-file.md, checked on
load, applied on top of the base, made from edits, kept (rename, delete),
followed through structural changes, and shown side by side."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Model, ModelFileError, check_document, dumps_model, load_model, loads_model, valuate
from models.analysis.scenarios import (ScenarioError, add_scenario, apply_scenario, base_model, check_scenarios,
                                       delete_scenario, get_scenario, remap_segments, rename_scenario,
                                       scenario_changes, scenario_from_models, scenario_names,
                                       segment_inserted_map, segment_moved_map, segment_removed_map,
                                       set_scenario_changes, side_by_side, stale_changes)
from models.forecast import edit_cell, remove_segment

from test_sample import SAMPLE

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

BULL = {"name": "乐观 bull", "note": "faster overseas growth",
        "changes": [{"path": ["segments", 1, "forecast", "2026", "growth"], "value": 0.35},
                    {"path": ["segments", 0, "discount_rate"], "value": 0.075}]}


def sample_doc(*scenarios) -> dict:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["scenarios"] = [copy.deepcopy(s) for s in scenarios]
    return doc


def bear() -> dict:
    return {"name": "bear", "note": "rates up", "changes": [
        {"path": ["valuation", "terminal_growth"], "value": 0.02},
        {"path": ["segments", 2, "terminal_growth"], "value": 0.01}]}     # an optional key the base lacks


def errors_of(doc: dict) -> list:
    return [i for i in check_document(doc)[1] if i.severity == "error"]


# ---------------------------------------------------------------------------
# The key on load


def test_a_file_with_scenarios_round_trips_exactly(tmp_path):
    doc = sample_doc(BULL, bear())
    model = Model.from_dict(doc)
    text = dumps_model(model)
    again = loads_model(text)
    assert again.doc["scenarios"] == doc["scenarios"]
    assert dumps_model(again) == text
    assert scenario_names(again) == ["乐观 bull", "bear"]


@pytest.mark.parametrize("edit, path, words", [
    (lambda d: d["scenarios"].append(copy.deepcopy(d["scenarios"][0])), "scenarios[2].name",
     "scenario '乐观 bull': the name is used twice (also scenarios[0])"),
    (lambda d: d["scenarios"][1]["changes"].append({"path": ["segments", 5, "discount_rate"], "value": 0.1}),
     "scenarios[1].changes[2].path", "scenario 'bear': segments[5].discount_rate does not exist in the model"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["segments", 0, "forecast", "2031", "growth"], "value": 0.1}),
     "scenarios[0].changes[2].path", "scenario '乐观 bull': segments[0].forecast.2031.growth does not exist"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["segments", 0, "discont_rate"], "value": 0.1}),
     "scenarios[0].changes[2].path", "segments[0].discont_rate does not exist"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": "segments.0.roe", "value": 0.1}),
     "scenarios[0].changes[2].path", "must be a non-empty list"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["years"], "value": [2025]}),
     "scenarios[0].changes[2].path", "cannot change 'years'"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["segments", 0, "roe"], "value": "high"}),
     "scenarios[0].changes[2].value", "must be a number"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["segments", 1, "forecast", "2026", "growth"], "value": 0.2}),
     "scenarios[0].changes[2].path", "is changed twice"),
    (lambda d: d["scenarios"][0]["changes"].append({"path": ["segments", 0, "roe"]}),
     "scenarios[0].changes[2]", "each change must be an object with a path and a value"),
    (lambda d: d["scenarios"][1].update(name="  "), "scenarios[1].name", "the name is required"),
    (lambda d: d["scenarios"][1].pop("changes"), "scenarios[1].changes", "changes must be a list"),
    (lambda d: d["scenarios"][1].update(note=3), "scenarios[1].note", "the note must be text"),
    (lambda d: d.update(scenarios={"bull": {}}), "scenarios", "must be a list of scenarios"),
])
def test_a_broken_scenarios_key_is_refused_naming_scenario_and_path(edit, path, words):
    doc = sample_doc(BULL, bear())
    edit(doc)
    errors = errors_of(doc)
    assert [e.path for e in errors] == [path], errors
    assert words in errors[0].message
    with pytest.raises(ModelFileError) as info:
        Model.from_dict(doc)
    assert info.value.key_path == path


def test_without_the_key_nothing_changes(sample_model):
    assert check_scenarios(sample_model.doc) == []
    assert scenario_names(sample_model) == []
    doc = sample_model.to_dict()
    doc["scenarios"] = None
    assert errors_of(doc) == []


# ---------------------------------------------------------------------------
# Applying


def test_applying_sets_the_values_on_a_copy_and_keeps_the_base():
    model = Model.from_dict(sample_doc(BULL, bear()))
    before = copy.deepcopy(model.doc)
    bull = apply_scenario(model, "乐观 bull")
    assert model.doc == before                       # pure
    assert bull.get(("segments", 1, "forecast", "2026", "growth")) == 0.35
    assert bull.get(("segments", 0, "discount_rate")) == 0.075
    assert "scenarios" not in bull.doc
    expected = base_model(model)
    expected.set(("segments", 1, "forecast", "2026", "growth"), 0.35)
    expected.set(("segments", 0, "discount_rate"), 0.075)
    assert bull.doc == expected.doc
    assert valuate(bull).ddm.total != valuate(model).ddm.total
    b = apply_scenario(model, "bear")                # adds an optional override
    assert b.segment_terminal_growth(2) == 0.01 and b.segment_terminal_growth(0) == 0.02


def test_a_scenario_that_breaks_a_rule_is_refused_when_applied_naming_it():
    bad = {"name": "impossible", "changes": [{"path": ["segments", 0, "discount_rate"], "value": 0.02}]}
    model = Model.from_dict(sample_doc(bad))         # loads: values are checked on apply
    with pytest.raises(ScenarioError, match=r"scenario 'impossible': segments\[0\]\.discount_rate: must be a "
                                            r"number greater than the terminal growth"):
        apply_scenario(model, "impossible")
    with pytest.raises(ScenarioError, match="no scenario named 'nope'"):
        apply_scenario(model, "nope")


# ---------------------------------------------------------------------------
# Making one from edits


def test_a_scenario_made_from_edits_gives_back_the_edited_model(sample_model):
    edited = sample_model.copy()
    for path, value in edit_cell(edited, 0, 2027, "revenue", 200.0):
        edited.set(path, value)
    edited.set(("valuation", "excess_cash"), 120.0)
    edited.set(("segments", 1, "terminal_growth"), 0.025)       # an override the base lacks
    edited.doc["valuation"].pop("minority_interest")            # an optional key removed
    sc = scenario_from_models(sample_model, edited, "edits", "what I typed")
    paths = [c["path"] for c in sc["changes"]]
    assert ["valuation", "excess_cash"] in paths and ["segments", 1, "terminal_growth"] in paths
    assert {"path": ["valuation", "minority_interest"], "value": None} in sc["changes"]
    assert ["segments", 0, "forecast", "2027", "growth"] in paths
    model = add_scenario(sample_model, sc)
    applied = apply_scenario(model, "edits")
    assert valuate(applied).ddm.total == valuate(Model.from_dict(edited.doc)).ddm.total
    assert scenario_changes(sample_model, sample_model.copy()) == []


def test_a_structural_edit_cannot_be_a_scenario(sample_model):
    fewer = sample_model.copy()
    remove_segment(fewer, 2)
    with pytest.raises(ScenarioError, match="cannot add or remove segments: the base has 3, the edited model 2"):
        scenario_from_models(sample_model, fewer, "x")
    longer = sample_model.copy()
    longer.doc["years"] = longer.doc["years"] + [2030]
    with pytest.raises(ScenarioError, match="cannot change years"):
        scenario_from_models(sample_model, longer, "x")


LEAVES = [("segments", s, "forecast", y, k) for s in range(3) for y in ("2025", "2026", "2027", "2028", "2029")
          for k in ("growth", "margin")] + [("segments", s, k) for s in range(3)
                                            for k in ("discount_rate", "roe", "fade_growth", "multiple")]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(LEAVES), st.floats(0.9, 1.1)), min_size=1, max_size=8))
def test_any_value_edits_round_trip_through_a_scenario(sample_model, edits):
    edited = sample_model.copy()
    for path, factor in edits:
        edited.set(path, edited.get(path) * factor)
    sc = scenario_from_models(sample_model, edited, "s")
    assert len(sc["changes"]) <= len({p for p, _ in edits})
    model = add_scenario(sample_model, sc)
    text = dumps_model(model)                               # saved and reloaded
    assert apply_scenario(loads_model(text), "s").doc == base_model(edited).doc


# ---------------------------------------------------------------------------
# Keeping the list


def test_add_rename_delete_and_edit_are_pure_and_refuse_clashes():
    model = Model.from_dict(sample_doc(BULL))
    original = copy.deepcopy(model.doc)
    two = add_scenario(model, bear())
    assert scenario_names(two) == ["乐观 bull", "bear"] and model.doc == original
    with pytest.raises(ScenarioError, match="a scenario named 'bear' exists already"):
        add_scenario(two, bear())
    replaced = add_scenario(two, dict(bear(), note="new"), replace=True)
    assert get_scenario(replaced, "bear")["note"] == "new"
    renamed = rename_scenario(two, "bear", "熊市")
    assert scenario_names(renamed) == ["乐观 bull", "熊市"] and scenario_names(two) == ["乐观 bull", "bear"]
    with pytest.raises(ScenarioError, match="exists already"):
        rename_scenario(two, "bear", "乐观 bull")
    with pytest.raises(ScenarioError, match="needs a name"):
        rename_scenario(two, "bear", " ")
    one = delete_scenario(two, "乐观 bull")
    assert scenario_names(one) == ["bear"]
    assert "scenarios" not in delete_scenario(one, "bear").doc
    with pytest.raises(ScenarioError, match="no scenario named 'gone'"):
        delete_scenario(one, "gone")
    edited = set_scenario_changes(two, "bear", [{"path": ["segments", 0, "roe"], "value": 0.3}], note="roe")
    assert get_scenario(edited, "bear") == {"name": "bear", "note": "roe",
                                            "changes": [{"path": ["segments", 0, "roe"], "value": 0.3}]}
    with pytest.raises(ScenarioError, match=r"scenarios\[1\]\.changes\[0\]\.path: scenario 'bear': "
                                            r"segments\[9\]\.roe does not exist"):
        set_scenario_changes(two, "bear", [{"path": ["segments", 9, "roe"], "value": 0.3}])


# ---------------------------------------------------------------------------
# Structural changes of the base


def test_removing_a_segment_reports_its_scenario_changes_and_shifts_the_others():
    sc = {"name": "mixed", "changes": [{"path": ["segments", 0, "roe"], "value": 0.3},
                                       {"path": ["segments", 1, "multiple"], "value": 30.0},
                                       {"path": ["segments", 2, "multiple"], "value": 9.0}]}
    model = Model.from_dict(sample_doc(sc))
    name_2 = model.segment_names[2]
    after = model.copy()
    remove_segment(after, 1)
    # without remapping, the change to old segment 2 would silently land on nothing
    assert [(s.scenario, s.index, s.path) for s in stale_changes(after)] == [("mixed", 2, ("segments", 2, "multiple"))]
    fixed, dropped = remap_segments(after, segment_removed_map(3, 1))
    assert [(d.scenario, d.index, d.path) for d in dropped] == [("mixed", 1, ("segments", 1, "multiple"))]
    assert "segment 1 was removed" in dropped[0].reason
    assert get_scenario(fixed, "mixed")["changes"] == [{"path": ["segments", 0, "roe"], "value": 0.3},
                                                        {"path": ["segments", 1, "multiple"], "value": 9.0}]
    assert fixed.segment_names[1] == name_2
    assert stale_changes(fixed) == [] and errors_of(fixed.doc) == []


def test_moving_or_inserting_a_segment_keeps_each_change_on_its_segment():
    assert segment_moved_map(3, 0, 2) == [2, 0, 1]
    assert segment_inserted_map(3, 1) == [0, 2, 3]
    sc = {"name": "s", "changes": [{"path": ["segments", 0, "roe"], "value": 0.3}]}
    model = Model.from_dict(sample_doc(sc))
    moved = model.copy()
    moved.segments.insert(2, moved.segments.pop(0))
    fixed, dropped = remap_segments(moved, segment_moved_map(3, 0, 2))
    assert dropped == [] and get_scenario(fixed, "s")["changes"][0]["path"] == ["segments", 2, "roe"]
    assert apply_scenario(fixed, "s").get(("segments", 2, "roe")) == 0.3


# ---------------------------------------------------------------------------
# Side by side


def test_side_by_side_gives_base_scenarios_and_reference():
    broken = {"name": "broken", "changes": [{"path": ["segments", 0, "discount_rate"], "value": 0.01}]}
    model = Model.from_dict(sample_doc(BULL, broken))
    table = side_by_side(model)
    assert table["segments"] == model.segment_names
    kinds = [(c["kind"], c["name"]) for c in table["columns"]]
    assert kinds == [("base", None), ("scenario", "乐观 bull"), ("scenario", "broken"),
                     ("reference", "002_3ab41737d9558b78.txt")]
    base, bull, bad, ref = table["columns"]
    result = valuate(base_model(model))
    assert base["ddm"] == {"total": result.ddm.total, "upside": result.ddm.upside, "status": "overvalued",
                           "segments": [s.business_value for s in result.ddm.segments]}
    bull_result = valuate(apply_scenario(model, "乐观 bull"))
    assert bull["dynamic"]["total"] == bull_result.dynamic.total
    assert bull["dynamic"]["segments"] == [s.business_value for s in bull_result.dynamic.segments]
    assert bad["ddm"] is None and "scenario 'broken'" in bad["error"]           # kept, with its reason
    assert ref["ddm"] == {"total": 674.75, "upside": pytest.approx(674.75 / 1304.64 - 1), "status": "overvalued",
                          "segments": None}
    assert ref["dynamic"]["status"] == "severely_overvalued"
    json.dumps(table)                                                            # plain data


def test_side_by_side_without_scenarios_or_reference():
    model = load_model(SAMPLE.parent / "wandong-medical-600055.json")
    table = side_by_side(model)
    assert [c["kind"] for c in table["columns"]] == ["base"]


# ---------------------------------------------------------------------------
# Whatever a file holds under the key, the loader answers with a message


def _scenario_like():
    from strategies import json_values

    path_part = st.one_of(st.sampled_from(["segments", "valuation", "forecast", "2026", "growth", "roe",
                                           "terminal_growth", "excess_cash", "market", "price", "x"]),
                          st.integers(-2, 4), st.booleans(), st.none(), st.floats(allow_nan=False))
    change = st.one_of(st.fixed_dictionaries({"path": st.lists(path_part, max_size=5), "value": json_values(3)}),
                       json_values(3))
    scenario = st.one_of(st.fixed_dictionaries({"name": st.one_of(st.text(max_size=3), st.integers()),
                                                "changes": st.lists(change, max_size=4)},
                                               optional={"note": json_values(2)}),
                         json_values(3))
    return st.one_of(st.lists(scenario, max_size=4), json_values(3))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_scenario_like())
def test_any_scenarios_value_loads_or_is_refused_with_a_key_path(value):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["scenarios"] = value
    try:
        model = Model.from_dict(doc)
    except ModelFileError as exc:
        assert exc.key_path.startswith("scenarios")
        return
    table = side_by_side(model)               # every scenario gets a column, valued or with its error
    assert len(table["columns"]) == 2 + len(model.doc.get("scenarios") or [])
    for column in table["columns"][1:-1]:
        assert (column["error"] is None) == (column["ddm"] is not None)
