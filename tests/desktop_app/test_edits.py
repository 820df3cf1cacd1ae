"""Edits as data: a record applied then its inverse gives back the model
exactly, with no document and no Qt involved."""
import subprocess
import sys

from desktop_app.edits import MISSING, StructureEdit, Transaction, ValueEdit, apply_record
from models import forecast as engine_forecast


def test_value_edit_and_its_inverse_round_trip(sample_model):
    before = sample_model.to_dict()
    txn = Transaction(sample_model)
    txn.set(("segments", 0, "forecast", "2026", "growth"), 0.3)
    txn.set(("segments", 1, "terminal_growth"), 0.02)          # a key that was absent
    txn.set(("market", "price"), sample_model.get(("market", "price")))   # no change: not recorded
    record = txn.record()
    assert isinstance(record, ValueEdit) and len(record.changes) == 2
    assert record.changes[1].old is MISSING
    after = sample_model.to_dict()
    model = apply_record(sample_model, record.inverse())
    assert model.to_dict() == before
    assert apply_record(model, record).to_dict() == after


def test_rollback_restores_exactly(sample_model):
    before = sample_model.to_dict()
    txn = Transaction(sample_model)
    txn.set(("segments", 0, "roe"), 0.5)
    txn.delete(("segments", 0, "multiple"))
    txn.rollback()
    assert sample_model.to_dict() == before and txn.changes == []


def test_structure_edit_swaps_copies(sample_model):
    before = sample_model.copy()
    engine_forecast.add_segment(sample_model, "X")
    record = StructureEdit(before, sample_model.copy())
    back = apply_record(sample_model, record.inverse())
    assert back.segment_names == before.segment_names and back is not before
    assert apply_record(back, record).segment_names[-1] == "X"


def test_edits_module_needs_neither_qt_nor_the_document():
    code = ("import sys, desktop_app.edits; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'desktop_app.document', 'desktop_app.undo'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
