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
