"""The file session alone: no main window, dialogs replaced by a fake that
records what was asked and answers as the test says."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import models
from desktop_app.file_session import CANCEL, DISCARD, SAVE, FileSession
from desktop_app.i18n import fill


class FakeDialogs:
    def __init__(self):
        self.calls = []
        self.answers = {}

    def _answer(self, kind, *args):
        self.calls.append((kind, *args))
        if kind not in self.answers:
            raise AssertionError(f"unexpected dialog {kind}: {args}")
        return self.answers[kind]

    def unsaved(self, title, text):
        return self._answer("unsaved", title, text)

    def question(self, title, text, default_yes):
        return self._answer("question", title, text)

    def critical(self, title, text):
        self.calls.append(("critical", title, text))

    def open_path(self, title, start, filter):
        return self._answer("open_path", title, start, filter)

    def save_path(self, title, start, filter):
        return self._answer("save_path", title, start, filter)

    def folder(self, title, start):
        return self._answer("folder", title, start)

    def integer(self, title, label, value, low, high):
        return self._answer("integer", title, label, value, low, high)


@pytest.fixture
def session(qapp, document, settings):
    from desktop_app.controller import Controller
    controller = Controller(document)
    controller.recompute(True)
    dialogs = FakeDialogs()
    s = FileSession(document, settings, dialogs, lambda: controller.state)
    s.logs, s.statuses = [], []
    s.logged.connect(s.logs.append)
    s.statusMessage.connect(lambda text, ms: s.statuses.append(text))
    s._controller = controller
    return s


def edit(document, value=0.3):
    assert document.edit("edit", lambda txn: txn.set(("segments", 0, "forecast", "2026", "growth"), value))


def test_save_as_names_and_settles_the_file(tmp_path, session):
    target = tmp_path / "50%2x"
    session.dialogs.answers["save_path"] = str(target)
    edit(session.document)
    assert session.save_as()
    saved = str(target) + ".vwm.json"
    assert session.document.path == saved and Path(saved).exists()
    assert not session.document.is_dirty
    assert session.settings.get("recent_files")[0] == saved
    assert session.statuses[-1] == f"Saved {saved}"          # "%2" in the name stays as typed


def test_unsaved_prompt_answers(tmp_path, session, sample_path):
    edit(session.document)
    session.dialogs.answers["unsaved"] = CANCEL
    assert not session.new_file()
    assert session.document.is_dirty
    assert "Untitled" in session.dialogs.calls[-1][2]
    session.dialogs.answers["unsaved"] = DISCARD
    assert session.open_file(str(sample_path))
    assert not session.document.is_dirty and session.document.path == str(sample_path)
    edit(session.document, 0.2)
    session.dialogs.answers["unsaved"] = SAVE
    session.dialogs.answers["question"] = True   # only if the disk copy changed: it did not
    copy = tmp_path / "copy.vwm.json"
    assert session.save_to(str(copy))
    edit(session.document, 0.25)
    assert session.new_file()                      # saved first, then replaced
    assert models.load_model(copy).get(("segments", 0, "forecast", "2026", "growth")) == 0.25
    assert session.document.model.company_name == "New company"


def test_a_broken_file_is_refused_with_its_name(tmp_path, session):
    bad = tmp_path / "50%2x.vwm.json"
    bad.write_text("{not json", encoding="utf-8")
    before = session.document.model.to_dict()
    assert not session.open_file(str(bad))
    kind, title, text = session.dialogs.calls[-1]
    assert kind == "critical" and f"Cannot open “{bad}”:" in text
    assert session.document.model.to_dict() == before
    assert session.logs and str(bad) in session.logs[-1]


def test_changed_on_disk_asks_before_overwriting(tmp_path, session):
    target = tmp_path / "m.vwm.json"
    assert session.save_to(str(target))
    edit(session.document)
    os.utime(target, ns=(1, 1))
    session.dialogs.answers["question"] = False
    assert not session.save()
    assert "changed by another program" in session.dialogs.calls[-1][2]
    session.dialogs.answers["question"] = True
    assert session.save()


def test_export_writes_the_engine_tables(tmp_path, session):
    session.dialogs.answers["folder"] = str(tmp_path)
    written = session.export_csv()
    assert len(written) == 7 and all(Path(p).exists() for p in written)
    assert session.statuses[-1] == f"Exported 7 CSV files to {tmp_path}"
    session.dialogs.answers["folder"] = ""
    assert session.export_csv() == []


def test_export_dialog_opens_in_the_models_folder(tmp_path, session, monkeypatch):
    """Untitled: home, then the last export folder; once saved: the model's folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    out, model_dir = tmp_path / "out", tmp_path / "models"
    out.mkdir(), model_dir.mkdir()
    session.dialogs.answers["folder"] = ""
    session.export_csv()
    assert session.dialogs.calls[-1][2] == str(tmp_path / "home")
    session.dialogs.answers["folder"] = str(out)
    session.export_csv()
    session.dialogs.answers["folder"] = ""
    session.export_csv()
    assert session.dialogs.calls[-1][2] == str(out)
    session.dialogs.answers["save_path"] = str(model_dir / "m.vwm.json")
    assert session.save_as()
    session.export_csv()
    assert session.dialogs.calls[-1][2] == str(model_dir)


def test_open_elsewhere_warning_keeps_a_percent_two_name(tmp_path, session, sample_model):
    """A file name containing "%2" reaches the question intact (a chained
    replace once turned "50%2x.vwm.json" into "50pid 7 on hostx...")."""
    target = tmp_path / "50%2x.vwm.json"
    models.save_model(sample_model, target)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(target) + '.lock'!r}); assert lock.tryLock(0)\n"
        "print('locked', flush=True); sys.stdin.read()\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        session.dialogs.answers["question"] = False
        assert not session.open_file(str(target))
        kind, title, text = session.dialogs.calls[-1]
        assert kind == "question"
        assert text.startswith(f"“{target}” is open in another Valuation Workbench (pid {holder.pid} on ")
        assert session.document.path is None
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()


def test_fill_substitutes_in_one_pass():
    assert fill("%1 and %2", "50%2x", "B") == "50%2x and B"
    assert fill("“%1” (%2)", "a%1b", "%2") == "“a%1b” (%2)"
    assert fill("%2 before %1", "one", "two") == "two before one"
    assert fill("%3 stays", "x") == "%3 stays"


def test_header_and_csv_header_rows_show_the_same_pe(tmp_path, session, qtbot):
    """Without a quoted P/E both show the engine's computed one (the CSV once wrote a blank)."""
    from desktop_app.widgets.header import HeaderWidget
    from models import csv_export
    doc = session.document
    assert doc.edit("no quote", lambda txn: txn.delete(("market", "pe_ttm")))
    state = session._controller.recompute(False)
    header = HeaderWidget()
    qtbot.addWidget(header)
    header.update_state(state, True)
    computed = state.result.multiples.pe
    assert header.facts["pe_ttm"][1].text() == f"{computed:,.2f}"
    session.dialogs.answers["folder"] = str(tmp_path)
    written = session.export_csv()
    rows = csv_export.read_csv_rows(next(p for p in written if p.endswith("_header.csv")))
    (pe,) = [r[1] for r in rows if r[0] == "PE-TTM"]
    assert float(pe) == pytest.approx(computed, rel=1e-15)


def test_autosave_interval_is_chosen_in_minutes_and_cancel_keeps_it(session):
    session.settings.set("autosave_interval_s", 300)
    session.dialogs.answers["integer"] = None          # cancelled
    session.choose_autosave_interval()
    assert session.settings.get("autosave_interval_s") == 300
    assert session.dialogs.calls[-1][3:] == (5, 0, 120)   # offered in minutes, 0 = off
    session.dialogs.answers["integer"] = 2
    session.choose_autosave_interval()
    assert session.settings.get("autosave_interval_s") == 120
