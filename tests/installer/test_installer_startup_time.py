"""installer/startup_time.py decides "painted" from an xwd capture: flat is not painted."""
from __future__ import annotations

import struct


def fake_xwd(pixels: bytes, width: int = 10, height: int = 10) -> bytes:
    header_size = 100 + 8  # 25 CARD32 fields + a window name
    fields = [0] * 25
    fields[0], fields[4], fields[5], fields[12], fields[19] = header_size, width, height, width * 4, 0
    return struct.pack(">25I", *fields) + b"name\x00\x00\x00\x00" + pixels


def test_flat_capture_is_not_painted(startup_time):
    st = startup_time
    assert not st.painted(fake_xwd(b"\xf0\xf0\xf0\x00" * 100))
    assert not st.painted(b"")


def test_varied_capture_is_painted(startup_time):
    st = startup_time
    assert st.painted(fake_xwd(bytes(range(256)) * 2))


def test_compare_reports_medians_and_both_ratios(startup_time):
    report = startup_time.compare([1.2, 0.9, 1.0], [1.0, 0.6, 0.8])
    assert report["rounds"] == 3
    assert report["app_median_s"] == 1.0 and report["anchor_median_s"] == 0.8
    assert report["ratio"] == 1.25                       # 1.0 / 0.8
    assert report["ratio_per_round_median"] == 1.25      # median of 1.2, 1.5, 1.25


def test_compare_needs_one_anchor_run_per_app_run(startup_time):
    import pytest

    with pytest.raises(ValueError):
        startup_time.compare([1.0, 1.1], [0.8])


def test_a_current_anchor_build_is_reused(startup_time, tmp_path, monkeypatch):
    import os
    import subprocess

    import pytest

    exe = tmp_path / "dist" / startup_time.ANCHOR_NAME / startup_time.ANCHOR_NAME
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n")
    calls = []

    def failing_pyinstaller(cmd, *args, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 1)

    monkeypatch.setattr(startup_time.subprocess, "run", failing_pyinstaller)
    assert startup_time.build_anchor(tmp_path) == exe
    assert calls == []                                   # newer than its source: no PyInstaller
    old = startup_time.ANCHOR_SOURCE.stat().st_mtime - 10
    os.utime(exe, (old, old))                            # older than its source: rebuilt
    with pytest.raises(SystemExit, match="anchor"):
        startup_time.build_anchor(tmp_path)
    assert calls and calls[0][1:3] == ["-m", "PyInstaller"]
    assert str(startup_time.ANCHOR_SOURCE) == calls[0][-1]


def test_the_anchor_app_imports_the_three_and_shows_one_plot():
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "installer" / "anchor" / "anchor_app.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert {"PySide6", "pyqtgraph", "numpy"} <= imported
    calls = [node.func.attr for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)]
    assert calls.count("PlotWidget") == 1 and "show" in calls and "exec" in calls


def test_cpu_seconds_of_a_busy_process_grow(startup_time):
    import os
    import time

    before = startup_time.cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.3
    while time.process_time() < deadline:
        pass
    after = startup_time.cpu_seconds(os.getpid())
    assert before is not None and after - before >= 0.2
    assert startup_time.cpu_seconds(2 ** 22 + 12345) is None       # no such process


def test_the_anchor_from_source_runs_with_this_python_without_a_build(startup_time, monkeypatch, capsys):
    """--anchor-from-source: the anchor's command is this interpreter on its
    source (no PyInstaller), timed in the same alternating rounds as the app."""
    import json
    import sys

    import pytest

    started = []

    class FakeXvfb:
        def poll(self):
            return None

        def terminate(self):
            pass

        def wait(self):
            return 0

    monkeypatch.setattr(startup_time.shutil, "which", lambda tool: "/usr/bin/" + tool)
    monkeypatch.setattr(startup_time, "start_xvfb", lambda: (FakeXvfb(), ":999"))
    monkeypatch.setattr(startup_time, "build_anchor", lambda *a, **k: pytest.fail("no build wanted"))

    traced = []

    def fake_run(cmd, env, timeout, screenshot, xvfb, traced_run=False):
        started.append(cmd)
        traced.append(traced_run)
        app = cmd[0] == "app"
        return startup_time.Run(0.1, 0.2 if app else 0.16, 0.3, 0.5 if app else 0.16, 0.4 if app else 0.3)
    monkeypatch.setattr(startup_time, "one_run", fake_run)
    assert startup_time.main(["--anchor", "--anchor-from-source", "--runs", "2", "app"]) == 0
    # the app waits for its plot; the anchor, complete at its first paint, does not
    assert traced == [cmd == ["app"] for cmd in started]
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["ratio"] == 1.25 and report["complete"]["ratio"] == round(0.5 / 0.16, 3)
    assert report["complete_cpu"]["ratio"] == round(0.4 / 0.3, 3)
    anchor = [sys.executable, str(startup_time.ANCHOR_SOURCE)]
    # one untimed warm-up run each, then the rounds, alternating who goes first
    assert started == [["app"], anchor] + [["app"], anchor, anchor, ["app"]]
    started.clear()
    assert startup_time.main(["--anchor", "--anchor-from-source", "--runs", "2", "--cold", "app"]) == 0
    assert started == [["app"], anchor, anchor, ["app"]]     # --cold: no warm-up
    with pytest.raises(SystemExit):
        startup_time.main(["--anchor-from-source", "app"])   # needs --anchor


def test_the_runs_share_a_private_bytecode_cache_unless_cold(startup_time, tmp_path):
    """Both commands compile their modules once (the warm-up) into a private
    folder and read them from there; the environment's PYTHONDONTWRITEBYTECODE
    would make the app from source recompile itself on every run."""
    base = {"PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen", "WAYLAND_DISPLAY": "w",
            "PATH": "/usr/bin"}
    env = startup_time.run_environment(base, ":321", str(tmp_path))
    assert env == {"PATH": "/usr/bin", "DISPLAY": ":321", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    cold = startup_time.run_environment(base, ":321", None)
    assert cold == {"PATH": "/usr/bin", "DISPLAY": ":321", "PYTHONDONTWRITEBYTECODE": "1"}
    assert base["PYTHONDONTWRITEBYTECODE"] == "1"          # the caller's environment untouched


def test_a_python_launcher_script_is_replaced_by_this_interpreter(startup_time, tmp_path, monkeypatch):
    """A pyenv shim (a shell script named python3) would add its own start-up
    to the app's and not to the anchor's (run with this interpreter)."""
    import sys

    shim = tmp_path / "python3"
    shim.write_text("#!/usr/bin/env bash\nexec python3.11 \"$@\"\n")
    shim.chmod(0o755)
    binary = tmp_path / "python3.12"
    binary.write_bytes(b"\x7fELF\x02\x01")
    binary.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert startup_time.direct_python(["python3", "-m", "desktop_app"]) == [sys.executable, "-m", "desktop_app"]
    assert startup_time.direct_python(["python3.12", "-m", "x"]) == ["python3.12", "-m", "x"]   # a real binary
    assert startup_time.direct_python([str(shim), "-m", "x"]) == [sys.executable, "-m", "x"]
    assert startup_time.direct_python(["build/app", "--x"]) == ["build/app", "--x"]             # not python


def test_a_milestone_is_read_from_the_apps_trace(startup_time, tmp_path):
    """The app writes NAME MONOTONIC CPU; the benchmark takes the line it
    waits for, as seconds after the start, and the CPU time."""
    import subprocess
    import sys
    import time

    import pytest

    trace = tmp_path / "trace.txt"
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        trace.write_text("other 5.0 0.1\nplot-painted 12.5 0.75\n", encoding="ascii")
        assert startup_time.wait_for_milestone(trace, "plot-painted", 10.0, proc, 60) == (2.5, 0.75)
        started = time.monotonic()
        with pytest.raises(SystemExit, match="no missing milestone"):
            startup_time.wait_for_milestone(trace, "missing", started, proc, 0.05)
    finally:
        proc.kill()
        proc.wait()
    with pytest.raises(SystemExit, match="exited"):
        startup_time.wait_for_milestone(tmp_path / "none.txt", "plot-painted", time.monotonic(), proc, 60)
