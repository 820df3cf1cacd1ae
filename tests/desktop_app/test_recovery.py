"""Crash recovery with several crashed sessions (issue 8, item 5), and the
"already open elsewhere" warning on every way into a file (item 6)."""
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

import models
from desktop_app.controller import Controller
from desktop_app.document import Document
from desktop_app.file_session import FileSession
from desktop_app.recovery import RecoveryStore

from test_file_session import FakeDialogs

DEAD_PID = 2 ** 22 + 12345   # beyond pid_max: never a live process
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def crashed_session(store, session_id, model, original=None, saved_at=None):
    """What a crashed instance leaves: its recovery files, its process gone."""
    store.write(session_id, model, original)
    meta_path = store.directory / f"{session_id}.meta.json"
    meta = json.loads(meta_path.read_text())
    meta["pid"] = DEAD_PID
    if saved_at is not None:
        meta["saved_at"] = saved_at
    meta_path.write_text(json.dumps(meta))


@pytest.fixture
def session(qapp, sample_model, settings, recovery_dir):
    doc = Document(sample_model.copy(), None, recovery_dir=recovery_dir)
    controller = Controller(doc)
    s = FileSession(doc, settings, FakeDialogs(), lambda: controller.state)
    s.logs = []
    s.logged.connect(s.logs.append)
    yield s
    doc.close_cleanly()


def priced(model, price):
    m = model.copy()
    m.set(("market", "price"), price)
    return m


def test_each_crashed_session_is_offered_and_only_the_declined_is_deleted(session, sample_model, recovery_dir):
    store = RecoveryStore(recovery_dir)
    now = time.time()
    crashed_session(store, "older", priced(sample_model, 101.0), None, now - 60)
    crashed_session(store, "newer", priced(sample_model, 202.0), None, now)
    answers = iter([False, True])          # decline the newest, restore the older
    session.dialogs.answers = {}
    session.dialogs.question = lambda title, text, default_yes: (session.dialogs.calls.append(text), next(answers))[1]
    assert session.offer_recovery()
    assert len(session.dialogs.calls) == 2
    assert session.document.model.get(("market", "price")) == 101.0
    assert store.orphans() == []           # declined and restored both gone
    assert not (recovery_dir / "newer.vwm.json").exists() and not (recovery_dir / "older.vwm.json").exists()


def test_restoring_one_keeps_the_other_sessions_work(session, sample_model, recovery_dir):
    store = RecoveryStore(recovery_dir)
    now = time.time()
    crashed_session(store, "older", priced(sample_model, 101.0), None, now - 60)
    crashed_session(store, "newer", priced(sample_model, 202.0), None, now)
    session.dialogs.answers["question"] = True
    assert session.offer_recovery()
    assert session.document.model.get(("market", "price")) == 202.0
    assert [e.session_id for e in store.orphans()] == ["older"]   # not seen yet: kept
    assert any("1 more recovery files are kept" in line for line in session.logs)


def test_declining_everything_deletes_only_what_was_offered(session, sample_model, recovery_dir):
    store = RecoveryStore(recovery_dir)
    crashed_session(store, "one", priced(sample_model, 1.0))
    crashed_session(store, "two", priced(sample_model, 2.0))
    session.dialogs.answers["question"] = False
    assert not session.offer_recovery()
    assert len([c for c in session.dialogs.calls if c[0] == "question"]) == 2
    assert store.orphans() == []
    assert session.document.model.get(("market", "price")) == 158.3


def test_restore_over_a_file_changed_since_the_crash_asks_before_saving(tmp_path, session, sample_model,
                                                                        recovery_dir):
    original = tmp_path / "work.vwm.json"
    models.save_model(sample_model, original)
    store = RecoveryStore(recovery_dir)
    crashed_session(store, "crashed", priced(sample_model, 123.0), str(original), saved_at=time.time() - 3600)
    disk = original.read_bytes()          # written after the autosave (an hour later than it)
    session.dialogs.answers["question"] = True
    assert session.offer_recovery()
    assert session.document.path == str(original) and session.document.is_dirty
    session.dialogs.answers["question"] = False
    assert not session.save()             # asked first; "No" keeps the newer file
    assert "changed by another program" in session.dialogs.calls[-1][2]
    assert original.read_bytes() == disk
    session.dialogs.answers["question"] = True
    assert session.save()
    assert models.load_model(original).get(("market", "price")) == 123.0


def test_restore_over_an_unchanged_file_saves_without_asking(tmp_path, session, sample_model, recovery_dir):
    original = tmp_path / "work.vwm.json"
    models.save_model(sample_model, original)
    os.utime(original, (time.time() - 7200, time.time() - 7200))
    store = RecoveryStore(recovery_dir)
    crashed_session(store, "crashed", priced(sample_model, 124.0), str(original))
    session.dialogs.answers["question"] = True
    assert session.offer_recovery()
    n = len(session.dialogs.calls)
    assert session.save()
    assert len(session.dialogs.calls) == n
    assert models.load_model(original).get(("market", "price")) == 124.0


def test_recovery_metadata_cannot_delete_outside_its_folder(tmp_path, session, sample_model, recovery_dir):
    victim_dir = tmp_path / "victimdir"
    victim_dir.mkdir()
    for name in ("victim.vwm.json", "victim.meta.json"):
        (victim_dir / name).write_text("precious", encoding="utf-8")
    store = RecoveryStore(recovery_dir)
    crashed_session(store, "evil", priced(sample_model, 1.0))
    meta_path = recovery_dir / "evil.meta.json"
    meta = json.loads(meta_path.read_text())
    meta["session"] = "../victimdir/victim"
    meta_path.write_text(json.dumps(meta))
    assert store.orphans() == []           # a session that is not the file's own name is not offered
    store.discard("../victimdir/victim")   # and never reaches outside the folder
    session.dialogs.answers["question"] = False
    session.offer_recovery()
    assert sorted(p.read_text(encoding="utf-8") for p in victim_dir.iterdir()) == ["precious", "precious"]


@contextmanager
def held_elsewhere(path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(path) + '.lock'!r}); assert lock.tryLock(0)\n"
        "print('locked', flush=True); sys.stdin.read()\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()


@pytest.fixture
def started(qtbot, qapp, settings, recovery_dir, modals):
    from desktop_app import app as app_module
    windows = []

    def run(argv):
        win = app_module.start(app_module.parse_args(argv + ["--without-plots", "--lang", "en"]),
                               qapp, settings, str(recovery_dir))
        windows.append(win)
        return win

    yield run
    for win in windows:
        win.document.undo_stack.setClean()
        win.close()
        win.deleteLater()


def test_file_argument_held_elsewhere_warns(tmp_path, started, modals, sample_model, settings):
    from PySide6.QtWidgets import QMessageBox
    target = tmp_path / "shared.vwm.json"
    models.save_model(priced(sample_model, 77.0), target)
    with held_elsewhere(target) as pid:
        modals.answer("question", QMessageBox.StandardButton.No)
        win = started([str(target)])
        assert f"is open in another Valuation Workbench (pid {pid} on " in modals.calls[-1][2]
        assert win.document.path is None and win.document.model.company_name == "联影医疗"
        assert settings.get("last_file") != str(target)
        modals.answer("question", QMessageBox.StandardButton.Yes)
        win2 = started([str(target)])
        assert win2.document.path == str(target) and win2.document.model.get(("market", "price")) == 77.0


def test_last_file_held_elsewhere_warns(tmp_path, started, modals, sample_model, settings):
    from PySide6.QtWidgets import QMessageBox
    target = tmp_path / "last.vwm.json"
    models.save_model(sample_model, target)
    settings.set("last_file", str(target))
    with held_elsewhere(target):
        modals.answer("question", QMessageBox.StandardButton.No)
        win = started([])
        assert modals.calls and modals.calls[-1][0] == "question"
        assert win.document.path is None


def test_restore_onto_a_file_held_elsewhere_warns(tmp_path, session, sample_model, recovery_dir):
    original = tmp_path / "work.vwm.json"
    models.save_model(sample_model, original)
    store = RecoveryStore(recovery_dir)
    crashed_session(store, "crashed", priced(sample_model, 55.0), str(original))
    with held_elsewhere(original):
        answers = iter([True, False])      # restore? yes; open although held elsewhere? no
        session.dialogs.question = lambda title, text, default_yes: (session.dialogs.calls.append(text), next(answers))[1]
        assert not session.offer_recovery()
    assert "is open in another Valuation Workbench" in session.dialogs.calls[-1]
    assert session.document.path is None
    assert [e.session_id for e in store.orphans()] == ["crashed"]   # nothing restored: the work is kept
