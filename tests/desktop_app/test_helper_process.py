"""desktop_app/helper_process.py: engine work in a helper process (no GIL
shared with the GUI thread), or here when no process can be started."""
import os

from desktop_app import helper_process


def test_call_runs_the_function_in_another_process_and_returns_its_result():
    assert helper_process.available()
    child = helper_process.call(os.getpid)
    assert child != os.getpid()
    assert helper_process.call(os.getpid) == child        # one helper, kept
    assert helper_process.call(divmod, 17, 5) == (3, 2)


def test_an_engine_error_comes_back_as_itself(tmp_path):
    from models.io.batch import BatchInputError
    from models.io.coverage import list_folder

    try:
        helper_process.call(list_folder, str(tmp_path / "missing"))
    except BatchInputError as exc:
        assert "missing" in str(exc) and "no such file or folder" in str(exc)
    else:
        raise AssertionError("no error")


def test_without_a_helper_process_the_function_runs_here(monkeypatch):
    monkeypatch.setattr(helper_process, "_disabled", True)
    assert helper_process.call(os.getpid) == os.getpid()


def test_a_helper_that_cannot_start_leaves_the_work_here(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def submit(self, *args):
            raise BrokenProcessPool("gone")

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(helper_process, "_disabled", False)
    monkeypatch.setattr(helper_process, "_pool", Broken())
    assert helper_process.call(os.getpid) == os.getpid()
    assert not helper_process.available() and helper_process._pool is None


def test_the_helper_ends_when_the_app_that_started_it_is_killed(tmp_path):
    """A crashed or killed app runs no exit hook: its helper process notices
    it is orphaned and ends itself (it used to wait on its queue for ever)."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = ("import os, sys, time\n"
            f"sys.path.insert(0, {str(root)!r})\n"
            "from desktop_app import helper_process\n"
            "print(helper_process.call(os.getpid), flush=True)\n"
            "time.sleep(60)\n")
    app = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        helper = int(app.stdout.readline())
        assert _alive(helper)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(helper) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(helper)
    finally:
        app.kill()
        app.wait(timeout=10)
        app.stdout.close()


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
