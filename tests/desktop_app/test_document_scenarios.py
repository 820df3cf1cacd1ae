"""The document and scenarios: changes follow their segment through a change of
shape, the removed ones are reported, a save and the recovery file write the
file's form (issue 14)."""
import models
from models import forecast as engine_forecast
from models.analysis.scenarios import add_scenario

CHANGES = [{"path": ["segments", 0, "roe"], "value": 0.3}, {"path": ["segments", 2, "multiple"], "value": 12.0}]


def with_scenario(document):
    document.reset(add_scenario(document.model, {"name": "Bear", "note": "", "changes": CHANGES}), None)


def paths(document):
    return [c["path"] for c in document.model.doc["scenarios"][0]["changes"]]


def test_moving_a_segment_moves_its_changes_and_undo_moves_them_back(document):
    with_scenario(document)
    name0 = document.model.segment_names[0]
    assert document.restructure("Move segment", lambda m: engine_forecast.move_segment(m, 0, 2))
    assert document.model.segment_names[2] == name0
    assert paths(document) == [["segments", 2, "roe"], ["segments", 1, "multiple"]]
    document.undo_stack.undo()
    assert paths(document) == [c["path"] for c in CHANGES]


def test_adding_a_segment_in_front_shifts_the_changes(document):
    with_scenario(document)
    assert document.restructure("Add", lambda m: engine_forecast.add_segment(m, "New", 0))
    assert paths(document) == [["segments", 1, "roe"], ["segments", 3, "multiple"]]
    assert document.restructure("Add year", engine_forecast.add_forecast_year)
    assert paths(document) == [["segments", 1, "roe"], ["segments", 3, "multiple"]]


def test_removing_a_segment_reports_what_left_with_it(document):
    with_scenario(document)
    said, dropped = [], []
    document.editRejected.connect(said.append)
    document.scenarioChangesDropped.connect(dropped.append)
    assert document.restructure("Remove segment X", lambda m: engine_forecast.remove_segment(m, 2))
    assert paths(document) == [["segments", 0, "roe"]]
    assert [(c.scenario, c.path) for c in dropped[0]] == [("Bear", ("segments", 2, "multiple"))]
    # the change named as the tables label its cell, the removed segment by its name
    assert said[-1].startswith("Remove segment X: 1 scenario change(s)")
    assert "scenario 'Bear': Maintenance services & other · Composite multiple" in said[-1]
    document.undo_stack.undo()
    assert paths(document) == [c["path"] for c in CHANGES]


def test_a_save_and_the_recovery_file_write_the_stored_form(document, tmp_path):
    base = document.model.copy()
    document.stored_form = lambda model: base
    assert document.edit("e", lambda txn: txn.set(("segments", 0, "roe"), 0.3))
    assert document.autosave_now()
    recovered = models.load_model(str(document.recovery.directory / f"{document.session_id}.vwm.json"))
    assert recovered == base                              # the recovery file holds the stored form too
    target = tmp_path / "m.vwm.json"
    document.save(str(target))
    assert models.load_model(str(target)) == base
    assert document.saved_model == base and document.model.get(("segments", 0, "roe")) == 0.3


def test_the_structure_guard_refuses_with_its_message(document):
    said = []
    document.editRejected.connect(said.append)
    document.structure_guard = lambda: "not now"
    count = document.model.segment_count
    assert not document.restructure("Add", lambda m: engine_forecast.add_segment(m, "New"))
    assert document.model.segment_count == count and said == ["not now"]
    assert document.undo_stack.count() == 0
