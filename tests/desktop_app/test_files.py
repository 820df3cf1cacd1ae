"""Files: save/open round trip, refusals that leave the open document as it
was, failed saves, unsaved-changes prompts, autosave and crash recovery."""
import gc
import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

import models
from desktop_app.document import Document
from desktop_app.locks import lock_holder
from desktop_app.recovery import RecoveryStore

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Button = QMessageBox.StandardButton


def edit_growth(window, value="12%", segment=0, year=2027):
    fm = window.page.forecast_table
    idx = fm.index(fm.row_of(segment, "growth"), window.document.model.years.index(year))
    assert fm.setData(idx, value)


def test_save_then_open_round_trip(tmp_path, window, monkeypatch):
    edit_growth(window)
    target = tmp_path / "联影 model.vwm.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.session.save()
    assert not window.isWindowModified()
    assert window.document.path == str(target)
    saved = window.document.model.to_dict()
    assert window.session.new_file()
    assert window.document.model.company_name == "New company"
    assert window.session.open_file(str(target))
    assert window.document.model.to_dict() == saved
    assert models.load_model(target).to_dict() == saved
    assert str(target) in window.settings.get("recent_files")
    assert window.settings.get("last_file") == str(target)
    assert "联影 model.vwm.json" in window.windowTitle()


def test_second_save_keeps_a_backup(tmp_path, window):
    target = tmp_path / "m.vwm.json"
    assert window.session.save_to(str(target))
    first = target.read_bytes()
    edit_growth(window, "13%")
    assert window.session.save()
    assert Path(str(target) + ".bak").read_bytes() == first
    assert target.read_bytes() != first


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "valuation-workbench-model"}',
                                     b"\xff\xfe\x00garbage", b"[1, 2, 3]"])
def test_broken_file_leaves_the_open_document_untouched(tmp_path, window, modals, content):
    edit_growth(window)
    before = window.document.model.to_dict()
    undo_count = window.document.undo_stack.count()
    bad = tmp_path / "bad.vwm.json"
    bad.write_bytes(content)
    modals.answer("critical", Button.Ok)
    assert not window.session.open_file(str(bad))
    assert window.document.model.to_dict() == before
    assert window.document.undo_stack.count() == undo_count
    assert window.isWindowModified()
    (name, title, text), = [c for c in modals.calls if c[0] == "critical"]
    assert str(bad) in text
    assert bad.read_bytes() == content


def test_missing_key_is_named(tmp_path, window, modals, sample_path):
    doc = json.loads(Path(sample_path).read_text(encoding="utf-8"))
    del doc["segments"][1]["roe"]
    bad = tmp_path / "missing.vwm.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    modals.answer("critical", Button.Ok)
    assert not window.session.open_file(str(bad))
    text = modals.calls[-1][2]
    assert f"{doc['segments'][1]['name_en']} · ROE is missing" in text  # as the (English) tables name it
    assert "segments[1].roe" in text                                   # and where it is in the file


def test_newer_version_is_refused_untouched(tmp_path, window, modals, sample_path):
    doc = json.loads(Path(sample_path).read_text(encoding="utf-8"))
    doc["version"] = 2
    newer = tmp_path / "newer.vwm.json"
    newer.write_text(json.dumps(doc), encoding="utf-8")
    raw = newer.read_bytes()
    before = window.document.model.to_dict()
    modals.answer("critical", Button.Ok)
    assert not window.session.open_file(str(newer))
    assert "newer version" in modals.calls[-1][2]
    assert newer.read_bytes() == raw
    assert window.document.model.to_dict() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_failed_save_keeps_the_document_dirty_and_the_old_file(tmp_path, window, modals):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "m.vwm.json"
    assert window.session.save_to(str(target))
    old = target.read_bytes()
    edit_growth(window)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        modals.answer("critical", Button.Ok)
        assert not window.session.save()
    finally:
        folder.chmod(stat.S_IRWXU)
    assert window.isWindowModified() and target.read_bytes() == old


def test_failed_save_on_disk_error(tmp_path, window, modals, monkeypatch):
    """Disk full: the engine raises OSError; the document stays dirty."""
    import errno
    target = tmp_path / "m.vwm.json"
    assert window.session.save_to(str(target))
    old = target.read_bytes()
    edit_growth(window)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, f"cannot save {target}: No space left on device")

    monkeypatch.setattr(models, "save_model", disk_full)
    modals.answer("critical", Button.Ok)
    assert not window.session.save()
    assert window.isWindowModified()
    assert "the disk is full" in modals.calls[-1][2] and str(target) in modals.calls[-1][2]
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.vwm.json", "settings.ini"] or \
        all(not p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_file_changed_on_disk_asks_before_overwriting(tmp_path, window, modals):
    target = tmp_path / "m.vwm.json"
    assert window.session.save_to(str(target))
    edit_growth(window)
    os.utime(target, ns=(1, 1))
    modals.answer("question", Button.No)
    assert not window.session.save()
    assert window.isWindowModified()
    modals.answer("question", Button.Yes)
    assert window.session.save()


def test_close_with_unsaved_changes_prompts(qtbot, window, modals):
    edit_growth(window)
    modals.answer("warning", Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    modals.answer("warning", Button.Discard)
    assert window.close()
    assert [c[0] for c in modals.calls] == ["warning", "warning"]


def test_open_with_unsaved_changes_can_be_cancelled(tmp_path, window, modals, sample_path):
    edit_growth(window)
    before = window.document.model.to_dict()
    modals.answer("warning", Button.Cancel)
    assert not window.session.open_file(str(sample_path))
    assert window.document.model.to_dict() == before


def test_recent_files_menu(tmp_path, window):
    paths = []
    for n in range(3):
        p = tmp_path / f"m{n}.vwm.json"
        assert window.session.save_to(str(p))
        paths.append(str(p))
    window._fill_recent_menu()
    texts = [a.text() for a in window.menu_recent.actions()]
    assert paths[2] in texts[0] and paths[0] in texts[2]
    window.menu_recent.actions()[2].trigger()
    assert window.document.path == paths[0]


def test_autosave_writes_a_recovery_file_not_the_users_file(tmp_path, window, recovery_dir):
    target = tmp_path / "m.vwm.json"
    assert window.session.save_to(str(target))
    saved = target.read_bytes()
    assert not window.document.autosave_now()           # nothing unsaved
    edit_growth(window, "21%")
    assert window.document.autosave_now()
    assert target.read_bytes() == saved
    files = sorted(p.name for p in recovery_dir.iterdir())
    assert len(files) == 2 and any(f.endswith(".vwm.json") for f in files)
    assert not window.document.autosave_now()           # already autosaved at this point
    assert window.session.save()
    assert list(recovery_dir.iterdir()) == []           # a clean save removes it


def test_autosave_timer_uses_the_interval(window):
    window.document.start_autosave(120)
    assert window.document._autosave_timer.interval() == 120_000
    assert window.document._autosave_timer.isActive()
    window.document.start_autosave(0)
    assert not window.document._autosave_timer.isActive()


def test_crash_after_autosave_is_offered_for_restore(qtbot, tmp_path, make_window, sample_model,
                                                     recovery_dir, modals):
    crashed = Document(sample_model, str(tmp_path / "work.vwm.json"), recovery_dir=recovery_dir)
    crashed.edit("edit", lambda txn: txn.set(("segments", 0, "forecast", "2026", "margin"), 0.3))
    assert crashed.autosave_now()
    expected = crashed.model.to_dict()
    # simulate the crash: the session disappears without a clean close
    crashed._autosave_timer.stop()
    crashed.deleteLater()
    del crashed
    gc.collect()
    qtbot.wait(1)
    assert len(RecoveryStore(recovery_dir).orphans()) == 1

    fresh = Document(models.load_model(Path(__file__).resolve().parents[2] / "resources" / "samples"
                                       / "united-imaging-688271.json"), None, recovery_dir=recovery_dir)
    win = make_window(fresh)
    modals.answer("question", Button.Yes)
    assert win.session.offer_recovery()
    assert "did not close normally" in modals.calls[-1][2]
    assert fresh.model.to_dict() == expected
    assert fresh.path == str(tmp_path / "work.vwm.json")
    assert win.isWindowModified()                       # restored work is unsaved
    assert RecoveryStore(recovery_dir).orphans() == []  # offered once
    fresh.close_cleanly()


def test_declined_restore_discards_the_recovery_file(qtbot, make_window, sample_model, recovery_dir, modals):
    crashed = Document(sample_model.copy(), None, recovery_dir=recovery_dir)
    crashed.edit("edit", lambda txn: txn.set(("market", "price"), 150.0))
    assert crashed.autosave_now()
    crashed._autosave_timer.stop()
    crashed.deleteLater()
    del crashed
    gc.collect()
    qtbot.wait(1)
    fresh = Document(sample_model.copy(), None, recovery_dir=recovery_dir)
    win = make_window(fresh)
    modals.answer("question", Button.No)
    assert not win.session.offer_recovery()
    assert fresh.model.get(("market", "price")) == 158.3
    assert RecoveryStore(recovery_dir).orphans() == []
    fresh.close_cleanly()


def test_a_running_session_is_not_offered(document, recovery_dir):
    document.edit("edit", lambda txn: txn.set(("market", "price"), 150.0))
    assert document.autosave_now()
    assert RecoveryStore(recovery_dir).orphans() == []


def test_recovery_files_of_a_dead_process_are_offered(recovery_dir, sample_model):
    store = RecoveryStore(recovery_dir)
    store.write("deadbeef", sample_model, None)
    meta = recovery_dir / "deadbeef.meta.json"
    data = json.loads(meta.read_text())
    data["pid"] = 2 ** 22 + 12345   # beyond pid_max: never a live process
    meta.write_text(json.dumps(data))
    (recovery_dir / "junk.meta.json").write_text("{not json")
    assert [e.session_id for e in store.orphans()] == ["deadbeef"]


def test_file_open_in_another_instance_warns(tmp_path, window, modals, sample_model):
    """Another process holds the lock: opening asks first."""
    import subprocess
    import sys
    target = tmp_path / "shared.vwm.json"
    models.save_model(sample_model, target)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(target) + '.lock'!r}); assert lock.tryLock(0)\n"
        "print('locked', flush=True); sys.stdin.read()\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert lock_holder(str(target)).startswith(f"pid {holder.pid}")
        modals.answer("question", Button.No)
        assert not window.session.open_file(str(target))
        assert window.document.path is None
        modals.answer("question", Button.Yes)
        assert window.session.open_file(str(target))
        assert "another Valuation Workbench" in modals.calls[-1][2]
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()


def test_own_lock_is_held_and_released(tmp_path, window):
    target = tmp_path / "mine.vwm.json"
    assert window.session.save_to(str(target))
    assert Path(str(target) + ".lock").exists()
    window.document.close_cleanly()
    assert not Path(str(target) + ".lock").exists()
