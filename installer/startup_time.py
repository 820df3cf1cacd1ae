#!/usr/bin/env python3
"""Measure the app's start-up time to its first painted window, on a real X server.

    python installer/startup_time.py build/dist/valuation-workbench/valuation-workbench
    python installer/startup_time.py --runs 5 --screenshot first.png -- python3 -m desktop_app

Starts a private Xvfb, then for each run starts the app (in an empty HOME, so
no last file or recovery prompt) and polls the X server: *mapped* is when the
app's first top-level window becomes viewable (``xdotool search --onlyvisible
--pid``), *painted* is when a capture of that window (``xwd``) first shows
real content (many distinct colours), i.e. Qt has drawn it. Prints each run
and the median. Needs Debian's xvfb, xdotool and x11-apps (xwd); no network.
"""
from __future__ import annotations

import argparse
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

POLL_S = 0.01


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


def one_run(cmd: list[str], env: dict[str, str], timeout: float, screenshot: Path | None,
            xvfb: subprocess.Popen) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="vw-startup-") as home:
        run_env = dict(env, HOME=home, XDG_CONFIG_HOME=f"{home}/.config",
                       XDG_DATA_HOME=f"{home}/.local/share", XDG_CACHE_HOME=f"{home}/.cache")
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
                shot = capture(window, run_env)
                if painted(shot):
                    break
                if time.monotonic() - started > timeout:
                    raise SystemExit("the window never showed content")
                time.sleep(POLL_S)
            first_paint = time.monotonic() - started
            if screenshot is not None:
                xwd_to_png(shot, screenshot)
            return mapped, first_paint
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            errors.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time to the first painted window.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--screenshot", type=Path, help="save the first painted window as PNG")
    parser.add_argument("command", nargs="+", help="the app's command line")
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "xwd"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (apt-get install xvfb xdotool x11-apps)")
    xvfb, display = start_xvfb()
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env["DISPLAY"] = display
        results = []
        for i in range(args.runs):
            shot = args.screenshot if (args.screenshot and i == args.runs - 1) else None
            mapped, first_paint = one_run(args.command, env, args.timeout, shot, xvfb)
            results.append((mapped, first_paint))
            print(f"run {i + 1}: window mapped {mapped:.2f} s, first paint {first_paint:.2f} s",
                  flush=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
    paints = [p for _, p in results]
    print(f"first painted window: median {statistics.median(paints):.2f} s "
          f"(min {min(paints):.2f}, max {max(paints):.2f}, {len(paints)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
