"""models.analysis.scenario_view: the working model of a shown scenario, the
file's form, and the attribution between named versions (issue 14)."""
import math
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import models
from models import forecast
from models.analysis import scenario_view as sv
from models.analysis.attribution import attribute
from models.analysis.scenarios import (ScenarioError, add_scenario, apply_scenario, base_model, scenario_from_models,
                                       side_by_side)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "united-imaging-688271.json"
DR0 = ("segments", 0, "discount_rate")
G1 = ("segments", 1, "forecast", "2026", "growth")


@pytest.fixture(scope="module")
def sample():
    return models.load_model(SAMPLE)


def with_bear(model, dr=0.095):
    edited = model.copy()
    edited.set(DR0, dr)
    return add_scenario(model, scenario_from_models(model, edited, "Bear"))


def test_working_model_is_the_scenario_applied_and_carries_the_list(sample):
    stored = with_bear(sample)
    working = sv.working_model(stored, "Bear")
    assert working.get(DR0) == 0.095
    assert working.doc["scenarios"] == stored.doc["scenarios"]
    assert base_model(working) == base_model(apply_scenario(stored, "Bear"))
    assert sv.working_model(stored, None) == stored
    with pytest.raises(ScenarioError):
        sv.working_model(stored, "Nope")


@given(dr=st.floats(0.05, 0.2), growth=st.floats(-0.5, 1.0))
def test_the_files_form_round_trips_and_takes_edits_made_while_shown(dr, growth):
    sample = models.load_model(SAMPLE)
    stored = with_bear(sample, dr)
    base = base_model(stored)
    working = sv.working_model(stored, "Bear")
    assert sv.stored_model(working, base, "Bear") == stored
    working.set(G1, growth)
    back = sv.stored_model(working, base, "Bear")
    assert base_model(back) == base                      # the base stays the base
    changes = back.doc["scenarios"][0]["changes"]
    expected = [{"path": list(DR0), "value": dr}]
    if growth != sample.get(G1):
        expected.append({"path": list(G1), "value": growth})
    assert changes == expected
    # showing it again gives the same inputs (the working model's list is as of when it was shown)
    assert base_model(sv.working_model(back, "Bear")) == base_model(working)


def test_compared_version_is_the_saved_scenario_of_that_name_else_the_base(sample):
    saved = with_bear(sample)
    model, used = sv.compared_version(saved, "Bear")
    assert used == "Bear" and model.get(DR0) == 0.095
    model, used = sv.compared_version(saved, "Bull")
    assert used is None and model == base_model(saved)
    model, used = sv.compared_version(saved, None)
    assert used is None and model == base_model(saved)


def test_attribute_between_names_a_difference_of_segments(sample):
    fewer = sample.copy()
    forecast.remove_segment(fewer, 1)
    out = sv.attribute_between(sample, fewer)
    assert out["result"] is None and "A has 3" in out["error"] and "B has 2" in out["error"]


def test_attribute_between_falls_back_to_the_dynamic_split_when_the_ddm_one_is_undefined(sample):
    b = sample.copy()
    b.set(("valuation", "terminal_growth"), 0.01)
    for i in range(b.segment_count):
        b.set(("segments", i, "discount_rate"), 0.025)   # valid with B's 1%, not with A's 3%
    b = models.Model.from_dict(b.doc)
    out = sv.attribute_between(sample, b)
    assert out["error"] is None and out["ddm_error"]
    assert set(out["result"].methods) == {"dynamic"}
    assert out["result"].dynamic.change == pytest.approx(models.valuate(b).dynamic.total
                                                         - models.valuate(sample).dynamic.total, rel=1e-12)


def test_versions_resolve_and_the_attribution_between_them_is_the_engines(sample):
    stored = with_bear(sample)
    working = sv.working_model(stored, "Bear")
    working.set(G1, 0.4)
    base = base_model(stored)
    folded = sv.stored_model(working, base, "Bear")
    assert sv.resolve_version("open", working, folded, sample, "Bear") is working
    assert sv.resolve_version("base", working, folded, sample, "Bear") == base
    assert sv.resolve_version("scenario:Bear", working, folded, sample, "Bear").get(G1) == 0.4
    assert sv.resolve_version("saved", working, folded, stored, "Bear").get(G1) == sample.get(G1)
    with pytest.raises(ValueError):
        sv.resolve_version("file", working, folded, sample, None)
    out = sv.attribute_versions("saved", "open", working, base, "Bear", stored)
    expected = attribute(apply_scenario(stored, "Bear"), working)
    got = out["result"].ddm
    assert [(c.segment, c.group, c.value) for c in got.differing()] == \
           [(c.segment, c.group, c.value) for c in expected.ddm.differing()] == [(1, "growth", got.change)]
    assert math.isclose(got.change, expected.ddm.change, rel_tol=1e-12)


def test_page_data_is_the_engines(sample):
    stored = with_bear(sample)
    working = sv.working_model(stored, "Bear")
    working.set(G1, 0.4)
    base = base_model(stored)
    data = sv.page_data(working, base, "Bear", base)
    assert data["stored"] == sv.stored_model(working, base, "Bear")
    assert data["side_by_side"] == side_by_side(data["stored"])
    assert data["edits"] == [{"path": list(DR0), "value": 0.095}, {"path": list(G1), "value": 0.4}]
    assert data["stale"] == [] and data["edits_error"] is None
    grown = sample.copy()
    forecast.add_segment(grown, "New")
    data = sv.page_data(grown, None, None, sample)
    assert data["edits"] is None and "segments" in data["edits_error"]
