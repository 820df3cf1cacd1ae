#!/usr/bin/env python3
"""Measure the app's start-up time to its first painted window, on a real X server.

    python installer/startup_time.py build/dist/valuation-workbench/valuation-workbench
    python installer/startup_time.py --anchor --runs 7 build/dist/valuation-workbench/valuation-workbench
    python installer/startup_time.py --runs 5 --screenshot first.png -- python3 -m desktop_app

Starts a private Xvfb, then for each run starts the app (in an empty HOME, so
no last file or recovery prompt) and polls the X server: *mapped* is when the
app's first top-level window becomes viewable (``xdotool search --onlyvisible
--pid``), *painted* is when a capture of that window (``xwd``) first shows
real content (many distinct colours), i.e. Qt has drawn it; *complete* is
when the app's window shows everything: its first frame has the header, the
tables and the sensitivity panel's bar, the visible plot is built right
after it and the app reports when that plot first paints (the milestone
``plot-painted``, written to the file ``VW_STARTUP_TRACE`` names, see
``desktop_app/startup_trace.py``; ``--no-complete`` for an app without it).
Prints each run and the medians. Needs Debian's xvfb, xdotool and x11-apps
(xwd); no network.

``--anchor`` puts the figure in proportion: it freezes the yardstick app
``installer/anchor/anchor_app.py`` (PySide6 + pyqtgraph + numpy, one
PlotWidget) with PyInstaller into ``build/anchor/`` (reused while its source
is unchanged), then times it and the app in the same rounds, alternating
which goes first, and reports both medians and app / anchor (the ratio of
the medians, and the median of the per-round ratios), and the same for the CPU time each process had used
when its first paint was seen (from /proc, read just before the capture that
first showed content; a loaded machine stretches wall times but hardly CPU
times); and the app's complete window against the anchor's first paint
(whose one plot is in its first frame), wall and CPU. The last line is JSON.

``--anchor-from-source`` runs the anchor from source with this interpreter
instead (no PyInstaller build): the fair partner of the app run from source
(``-- python3 -m desktop_app``), and quick to repeat while working on the
start-up. A ``python3`` that is a launcher script (a pyenv shim) is replaced
by this interpreter, which the anchor uses too.

Before the timed rounds each command runs once untimed (the warm-up: the
files it reads are then in the page cache for every round, as for a user's
second start), with Python's bytecode cache in a private folder
(``PYTHONPYCACHEPREFIX``, ``PYTHONDONTWRITEBYTECODE`` dropped): an installed
app never compiles its modules at start-up (pip compiles them on install, the
frozen bundle holds bytecode), nor do the anchor's libraries (their
``__pycache__`` came with them), so neither does the app run from source here.
Under ``PYTHONDONTWRITEBYTECODE=1`` without that, every source run would
recompile the ~80 modules of the app it imports (about 0.15 s of CPU time
on this machine) while the anchor compiles only its one small script. ``--cold`` times without
the warm-up and the cache (the environment's own bytecode setting).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

POLL_S = 0.01
INSTALLER_DIR = Path(__file__).resolve().parent
ANCHOR_SOURCE = INSTALLER_DIR / "anchor" / "anchor_app.py"
ANCHOR_NAME = "vw-startup-anchor"


def build_anchor(out: Path, rebuild: bool = False) -> Path:
    """Freeze the anchor app into ``out`` (one folder, the app's module
    exclusions and post-processing); returns its executable. Reuses a build
    newer than the anchor's source and the exclusions unless ``rebuild``."""
    exe = out / "dist" / ANCHOR_NAME / ANCHOR_NAME
    inputs = (ANCHOR_SOURCE, INSTALLER_DIR / "bundle_config.py")  # the source, the exclusions
    if exe.is_file() and not rebuild and exe.stat().st_mtime >= max(p.stat().st_mtime for p in inputs):
        return exe
    if str(INSTALLER_DIR) not in sys.path:
        sys.path.insert(0, str(INSTALLER_DIR))
    import bundle_config as cfg  # noqa: PLC0415
    import build  # noqa: PLC0415
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--windowed",
           "--log-level", "WARN", "--name", ANCHOR_NAME, "--distpath", str(out / "dist"),
           "--workpath", str(out / "work"), "--specpath", str(out)]
    for module in cfg.EXCLUDED_MODULES:
        cmd += ["--exclude-module", module]
    cmd.append(str(ANCHOR_SOURCE))
    print("building the anchor app: " + " ".join(cmd[:12]) + " ...", flush=True)
    if subprocess.run(cmd).returncode != 0 or not exe.is_file():
        raise SystemExit("PyInstaller could not build the anchor app")
    build.strip_debug_info(exe.parent)  # as the app's bundle is
    return exe


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private Xvfb on a free, high display number (away from :0, :99 that others use)."""
    for number in random.sample(range(300, 900), 20):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        display = f":{number}"
        proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1200x24", "-nolisten", "tcp",
                                 "-noreset"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < deadline:
            answered = subprocess.run(["xdotool", "getdisplaygeometry"],
                                      env=dict(os.environ, DISPLAY=display),
                                      capture_output=True).returncode == 0
            if answered:
                return proc, display
            time.sleep(0.05)
        proc.kill()
        proc.wait()
    raise SystemExit("could not start Xvfb")


def visible_window(pid: int, env: dict[str, str]) -> str | None:
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                            env=env, capture_output=True, text=True)
    ids = result.stdout.split()
    return ids[-1] if ids else None


def capture(window: str, env: dict[str, str]) -> bytes:
    return subprocess.run(["xwd", "-silent", "-id", window], env=env, capture_output=True).stdout


def painted(xwd: bytes) -> bool:
    """True when the captured window shows content, not one flat background."""
    if len(xwd) < 100:
        return False
    header_size = struct.unpack(">I", xwd[:4])[0]
    ncolors = struct.unpack(">I", xwd[76:80])[0]
    pixels = xwd[header_size + 12 * ncolors:]
    sample = pixels[:: max(1, len(pixels) // 200_000)]
    return len(set(sample)) > 32


def xwd_to_png(xwd: bytes, path: Path) -> None:
    """Save a 24/32-bit ZPixmap xwd capture as PNG (with Qt, which the app needs anyway)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    fields = struct.unpack(">25I", xwd[:100])
    header_size, width, height, bytes_per_line, ncolors = (fields[0], fields[4], fields[5],
                                                           fields[12], fields[19])
    data = xwd[header_size + 12 * ncolors:]
    image = QImage(data, width, height, bytes_per_line, QImage.Format.Format_RGB32)
    image.copy().save(str(path))


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a running process has used (Linux /proc), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # after the command name: state is field 3, utime 14, stime 15 (1-based)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(cmd: list[str], env: dict[str, str], timeout: float, screenshot: Path | None,
            xvfb: subprocess.Popen, traced: bool = False) -> Run:
    """One start: the window mapped, first painted (wall and CPU time), and,
    when ``traced`` (the app), complete: its ``plot-painted`` milestone
    (``desktop_app/startup_trace.py``); an untraced command (the anchor) is
    complete at its first paint."""
    with tempfile.TemporaryDirectory(prefix="vw-startup-") as home:
        trace = Path(home) / "trace.txt"
        run_env = dict(env, HOME=home, XDG_CONFIG_HOME=f"{home}/.config",
                       XDG_DATA_HOME=f"{home}/.local/share", XDG_CACHE_HOME=f"{home}/.cache",
                       VW_STARTUP_TRACE=str(trace))
        errors = open(Path(home) / "stderr.txt", "w+b")
        started = time.monotonic()
        proc = subprocess.Popen(cmd, env=run_env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            window = None
            while window is None:
                if proc.poll() is not None:
                    errors.seek(0)
                    tail = errors.read().decode(errors="replace")[-2000:]
                    server = "running" if xvfb.poll() is None else f"gone ({xvfb.returncode})"
                    raise SystemExit(f"the app exited ({proc.returncode}) before showing a "
                                     f"window (Xvfb {server}):\n{tail}")
                if time.monotonic() - started > timeout:
                    raise SystemExit("no window within the timeout")
                window = visible_window(proc.pid, run_env)
                if window is None:
                    time.sleep(POLL_S)
            mapped = time.monotonic() - started
            while True:
                # read before the capture: xwd takes ~40 ms, and an app that goes on working
                # after its first paint (as it should: deferred work) would count that too
                cpu = cpu_seconds(proc.pid)
                shot = capture(window, run_env)
                if painted(shot):
                    break
                if time.monotonic() - started > timeout:
                    raise SystemExit("the window never showed content")
                time.sleep(POLL_S)
            first_paint = time.monotonic() - started
            if screenshot is not None:
                xwd_to_png(shot, screenshot)
            complete, complete_cpu = first_paint, cpu
            if traced:
                complete, complete_cpu = wait_for_milestone(trace, "plot-painted", started, proc, timeout)
            return Run(mapped, first_paint, cpu, complete, complete_cpu)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            errors.close()


class Run(NamedTuple):
    mapped: float              # s after the start: the window viewable
    first_paint: float         # s: a capture first showed content
    cpu: float | None          # s of CPU time the process had used by then
    complete: float            # s: the window complete (the app's plot painted)
    complete_cpu: float | None


def wait_for_milestone(trace: Path, name: str, started: float, proc: subprocess.Popen,
                       timeout: float) -> tuple[float, float]:
    """When the app wrote milestone ``name`` to ``trace`` (its own clock
    readings: time.monotonic() is one clock for every process), as seconds
    after ``started``, and the CPU time it had used."""
    while True:
        try:
            lines = trace.read_text(encoding="ascii").splitlines()
        except OSError:
            lines = []
        for line in lines:
            fields = line.split()
            if len(fields) == 3 and fields[0] == name:
                return float(fields[1]) - started, float(fields[2])
        if proc.poll() is not None:
            raise SystemExit(f"the app exited ({proc.returncode}) before its {name} milestone")
        if time.monotonic() - started > timeout:
            raise SystemExit(f"no {name} milestone within the timeout")
        time.sleep(POLL_S)


def summary(paints: list[float]) -> str:
    return (f"median {statistics.median(paints):.2f} s (min {min(paints):.2f}, "
            f"max {max(paints):.2f}, {len(paints)} runs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time to the first painted window.")
    parser.add_argument("--runs", type=int, default=5, help="runs (rounds with --anchor)")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--screenshot", type=Path, help="save the first painted window as PNG")
    parser.add_argument("--anchor", action="store_true",
                        help="build the anchor app and time it interleaved with the command")
    parser.add_argument("--anchor-dir", type=Path, default=INSTALLER_DIR.parent / "build" / "anchor",
                        help="where the anchor app is built (default: build/anchor)")
    parser.add_argument("--rebuild-anchor", action="store_true", help="rebuild it even if current")
    parser.add_argument("--anchor-from-source", action="store_true",
                        help="with --anchor: run the anchor from source with this Python (no build)")
    parser.add_argument("--cold", action="store_true",
                        help="no untimed warm-up run and no private bytecode cache")
    parser.add_argument("--no-complete", action="store_true",
                        help="do not wait for the app's plot-painted milestone (an app without it)")
    parser.add_argument("command", nargs="+", help="the app's command line")
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "xwd"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (apt-get install xvfb xdotool x11-apps)")
    commands = {"app": direct_python(args.command)}
    if commands["app"] != args.command:
        print(f"{args.command[0]} is a launcher script: running {sys.executable} instead, as the anchor",
              flush=True)
    if args.anchor_from_source and not args.anchor:
        parser.error("--anchor-from-source needs --anchor")
    if args.anchor:
        commands["anchor"] = ([sys.executable, str(ANCHOR_SOURCE)] if args.anchor_from_source
                              else [str(build_anchor(args.anchor_dir.resolve(), args.rebuild_anchor))])
    traced = {"app": not args.no_complete, "anchor": False}
    xvfb, display = start_xvfb()
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    bytecode = None if args.cold else tempfile.TemporaryDirectory(prefix="vw-startup-pycache-")
    try:
        env = run_environment(os.environ, display, bytecode.name if bytecode else None)
        if not args.cold:
            for name, cmd in commands.items():      # untimed: compiles the bytecode, warms the file cache
                one_run(cmd, env, args.timeout, None, xvfb, traced[name])
            print("warm-up: each command ran once untimed (bytecode cached in a private folder)",
                  flush=True)
        for i in range(args.runs):
            # alternate who goes first, so a trend in the machine's load hits both alike
            order = list(commands) if i % 2 == 0 else list(reversed(commands))
            for name in order:
                shot = args.screenshot if (args.screenshot and name == "app" and i == args.runs - 1) else None
                run = one_run(commands[name], env, args.timeout, shot, xvfb, traced[name])
                runs[name].append(run)
                label = f"{name} " if args.anchor else ""
                print(f"run {i + 1}: {label}window mapped {run.mapped:.2f} s, first paint {run.first_paint:.2f} s"
                      + (f" ({run.cpu:.2f} s of CPU time by then)" if run.cpu is not None else "")
                      + (f", complete {run.complete:.2f} s ({run.complete_cpu:.2f} s CPU)"
                         if traced[name] else ""), flush=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
        if bytecode is not None:
            bytecode.cleanup()
    app_runs = runs["app"]
    print(f"first painted window: {summary([r.first_paint for r in app_runs])}")
    if traced["app"]:
        print(f"complete window (the sensitivity plot painted): {summary([r.complete for r in app_runs])}")
    if args.anchor:
        anchor_runs = runs["anchor"]
        report = compare([r.first_paint for r in app_runs], [r.first_paint for r in anchor_runs])
        print(f"anchor (PySide6 + pyqtgraph + numpy, one PlotWidget): "
              f"{summary([r.first_paint for r in anchor_runs])}")
        print(f"first paint, app / anchor: {report['ratio']:.2f} (ratio of the medians); "
              f"{report['ratio_per_round_median']:.2f} (median of the per-round ratios)")
        if all(r.cpu is not None for r in app_runs + anchor_runs):
            # CPU time to the first paint: what a busy machine stretches, not what it adds
            report["cpu"] = compare([r.cpu for r in app_runs], [r.cpu for r in anchor_runs])
            print(f"CPU time to the first paint: app median {report['cpu']['app_median_s']:.2f} s, anchor "
                  f"{report['cpu']['anchor_median_s']:.2f} s, app / anchor {report['cpu']['ratio']:.2f}")
        if traced["app"]:
            # the anchor is complete at its first paint: its one plot is in it
            report["complete"] = compare([r.complete for r in app_runs], [r.first_paint for r in anchor_runs])
            print(f"complete window, app / anchor's first paint: {report['complete']['ratio']:.2f} "
                  f"(medians {report['complete']['app_median_s']:.2f} / "
                  f"{report['complete']['anchor_median_s']:.2f} s)")
            if all(r.complete_cpu is not None and r.cpu is not None for r in app_runs + anchor_runs):
                report["complete_cpu"] = compare([r.complete_cpu for r in app_runs],
                                                 [r.cpu for r in anchor_runs])
                print(f"CPU time to the complete window, app / anchor: {report['complete_cpu']['ratio']:.2f}")
        print(json.dumps(report))
    return 0


def direct_python(command: list[str]) -> list[str]:
    """``command`` with a ``python…`` program that is a launcher script (a
    pyenv shim is a bash script that looks the interpreter up: ~0.1 s of
    wall time before Python starts) replaced by this interpreter, the one the
    anchor from source runs with; any other command unchanged."""
    program = command[0]
    if not os.path.basename(program).startswith("python"):
        return command
    path = shutil.which(program)
    if path is None:
        return command
    try:
        with open(path, "rb") as f:
            script = f.read(2) == b"#!"
    except OSError:
        return command
    return [sys.executable, *command[1:]] if script else command


def run_environment(base: dict[str, str], display: str, pycache: str | None) -> dict[str, str]:
    """The environment every timed command gets: the private X server, no
    offscreen or Wayland override; with ``pycache``, Python writes and reads
    its bytecode there (see the module docstring)."""
    env = {k: v for k, v in base.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = display
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def compare(app: list[float], anchor: list[float]) -> dict:
    """Both series (round i of one beside round i of the other), their
    medians, app / anchor as the ratio of the medians and as the median of
    the per-round ratios."""
    if len(app) != len(anchor) or not app:
        raise ValueError("one anchor run per app run is needed")
    return {"rounds": len(app), "app_s": [round(t, 3) for t in app],
            "anchor_s": [round(t, 3) for t in anchor],
            "app_median_s": round(statistics.median(app), 3),
            "anchor_median_s": round(statistics.median(anchor), 3),
            "ratio": round(statistics.median(app) / statistics.median(anchor), 3),
            "ratio_per_round_median": round(statistics.median(a / b for a, b in zip(app, anchor)), 3)}


if __name__ == "__main__":
    sys.exit(main())
