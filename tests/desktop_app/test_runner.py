"""The runner alone: synchronous requests, slow ones on the worker thread
(newest per view wins, stale results dropped), and failures reported."""
from __future__ import annotations

import threading

import numpy as np
import pytest

import models
from models import requests
from desktop_app.runner import Request, Runner

from tests.desktop_app.plots_helpers import sample


@pytest.fixture
def runner(qtbot):
    r = Runner()
    yield r
    r.shutdown()


def recorder():
    got: list = []
    return got, got.append


def test_a_fast_request_is_shown_before_submit_returns(runner):
    model, result = sample()
    shown, done = recorder()
    runner.submit(Request("rate", requests.sweep,
                          (model, result, "discount_rate_shift", requests.SweepRange(-0.02, 0.02, 5))), done)
    assert len(shown) == 1
    expected = models.sensitivity_sweep(model, "discount_rate_shift", np.linspace(-0.02, 0.02, 5)).total
    np.testing.assert_array_equal(shown[0].totals["ddm"], expected)
    assert not runner.is_busy()


def test_synchronous_runner_runs_slow_requests_at_once(qtbot):
    runner = Runner(synchronous=True)
    shown, done = recorder()
    threads = []

    def where():
        threads.append(threading.current_thread())
        return 42

    with qtbot.waitSignal(runner.delivered, timeout=30000) as blocker:
        runner.submit(Request("k", where, slow=True), done)
        assert shown == [42]  # before submit returned, not later from an event
    assert blocker.args == ["k", 42]
    assert threads == [threading.main_thread()]


def test_a_slow_request_runs_off_the_gui_thread_and_is_delivered_on_it(qtbot, runner):
    threads, shown = [], []

    def slow():
        threads.append(threading.current_thread())
        return "numbers"

    def done(response):
        shown.append((response, threading.current_thread()))

    with qtbot.waitSignal(runner.delivered, timeout=30000):
        runner.submit(Request("k", slow, slow=True), done)
        assert shown == [] and runner.is_busy("k")
    assert threads[0] is not threading.main_thread()
    assert shown == [("numbers", threading.main_thread())]
    assert not runner.is_busy()


def test_newest_request_per_view_wins_and_stale_results_are_dropped(qtbot, runner):
    started, release = threading.Event(), threading.Event()

    def old():
        started.set()
        release.wait(5)
        return "old"

    shown, done = recorder()
    runner.submit(Request("view", old, slow=True), done)
    assert started.wait(5)  # the old request is running on the worker now
    queued_calls = []
    runner.submit(Request("view", lambda: queued_calls.append(1) or "middle", slow=True), done)
    runner.submit(Request("view", lambda: "new", slow=True), done)  # supersedes the queued one
    other, other_done = recorder()
    runner.submit(Request("other view", lambda: "other", slow=True), other_done)
    with qtbot.waitSignal(runner.dropped, timeout=30000) as dropped:
        release.set()
    assert dropped.args == ["view"]
    qtbot.waitUntil(lambda: shown == ["new"] and other == ["other"], timeout=30000)
    assert queued_calls == []  # superseded before it started: never ran
    qtbot.wait(50)
    assert shown == ["new"]  # "old" never reached the view


def test_a_fast_request_supersedes_a_slow_one_in_flight(qtbot, runner):
    release = threading.Event()
    shown, done = recorder()
    runner.submit(Request("view", lambda: release.wait(5) and "slow", slow=True), done)
    runner.submit(Request("view", lambda: "fast"), done)
    assert shown == ["fast"]
    with qtbot.waitSignal(runner.dropped, timeout=30000):
        release.set()
    assert shown == ["fast"]


def test_a_raising_slow_request_is_reported_not_raised(qtbot, runner):
    def refuse():
        raise ValueError("segment 7 out of range")

    shown, done = recorder()
    reasons, failed = recorder()
    with qtbot.waitSignal(runner.failed, timeout=30000) as blocker:
        runner.submit(Request("tornado", refuse, slow=True, title="Tornado"), done, failed)
    assert blocker.args == ["Tornado", "segment 7 out of range"]
    assert reasons == ["segment 7 out of range"] and shown == []


def test_a_bug_in_the_engine_or_the_view_is_reported_with_its_type(qtbot, runner):
    reports = []
    runner.failed.connect(lambda title, reason: reports.append((title, reason)))
    runner.submit(Request("a", lambda: {}["missing"], title="Heat map"), lambda r: None)
    assert reports == [("Heat map", "KeyError: 'missing'")]

    def broken_view(response):
        raise TypeError("cannot draw")

    reasons, failed = recorder()
    runner.submit(Request("b", lambda: 1, title="Bridge"), broken_view, failed)
    assert reports[-1] == ("Bridge", "TypeError: cannot draw")
    assert reasons == ["TypeError: cannot draw"]  # the view is told, to show its invalid state


def test_a_failure_repeated_on_every_edit_is_reported_once(runner):
    reports = []
    runner.failed.connect(lambda title, reason: reports.append(reason))

    def refuse():
        raise ValueError("r ≤ gT")

    for _ in range(3):
        runner.submit(Request("view", refuse), lambda r: None)
    assert reports == ["r ≤ gT"]
    runner.submit(Request("view", lambda: 1), lambda r: None)
    runner.submit(Request("view", refuse), lambda r: None)
    assert reports == ["r ≤ gT", "r ≤ gT"]  # failing again after a success is news


def test_run_now_computes_a_slow_request_here(runner):
    shown, done = recorder()
    runner.run_now(Request("export", lambda: threading.current_thread(), slow=True), done)
    assert shown == [threading.main_thread()]


def test_shutdown_drops_what_is_pending(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    ran, shown = [], []
    runner.submit(Request("a", lambda: started.set() or release.wait(5) or "a", slow=True), shown.append)
    assert started.wait(5)
    runner.submit(Request("b", lambda: ran.append("b") or "b", slow=True), shown.append)
    runner.shutdown()
    release.set()
    qtbot.wait(100)
    assert ran == [] and shown == [] and not runner.is_busy()


def test_the_worker_thread_ends_with_its_runner(qtbot):
    """A runner destroyed with its owner (a closed window's controller) stops
    its worker thread; it does not idle until the app quits (a test session
    once held over a hundred)."""
    from PySide6.QtCore import QObject

    owner = QObject()
    runner = Runner(parent=owner)
    threads = []

    def slow():
        threads.append(threading.current_thread())
        return 1

    with qtbot.waitSignal(runner.delivered, timeout=30000):
        runner.submit(Request("k", slow, slow=True), lambda response: None)
    worker = threads[0]
    assert worker.is_alive() and worker is not threading.main_thread()
    kept = runner          # something still refers to the Python side (as leftovers of a window do)
    owner.deleteLater()    # the window closes: its controller and runner are destroyed
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    assert kept is runner
