"""Benchmark: cost of SensitivityPanel.update_state (issue 5's ≤ 8 ms budget).

Prints JSON: p50/p95 in ms of ``update_state`` alone (the controller's call:
the visible views' requests run through the runner and are drawn) and of ``update_state`` +
the event processing that paints the result, for each tab being the visible one, on the sample and
on the engine's synthetic 30 segments × 30 years model. Edits alternate
between two forecast values so every call really redraws.

    QT_QPA_PLATFORM=offscreen python3 tests/benchmarks/plots_update.py [--repeats N] [--size WxH] [--clock wall|cpu]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6 import QtWidgets  # noqa: E402

import models  # noqa: E402
from models.synthetic import synthetic_model  # noqa: E402
from desktop_app.controller import compute_state  # noqa: E402
from desktop_app.plots import SensitivityPanel  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def edited_pair(model: models.Model):
    """Two controller states differing by one forecast growth cell."""
    year = str(model.forecast_years[1])
    path = ("segments", 0, "forecast", year, "growth")
    states = []
    for delta in (0.0, 0.01):
        m = model.copy()
        m.set(path, model.get(path) + delta)
        states.append(compute_state(m, result=models.valuate(m), validated=True))
    return states


def measure(app, panel, states, tab: int, repeats: int, clock=time.perf_counter) -> dict:
    panel.tabs.setCurrentIndex(tab)
    app.processEvents()
    update_ms, total_ms = [], []
    for k in range(repeats + 5):
        state = states[k % 2]
        t0 = clock()
        panel.update_state(state, False)
        t1 = clock()
        # The scene schedules its repaint; processing events paints it.
        app.processEvents()
        app.processEvents()
        t2 = clock()
        if k >= 5:  # warm-up
            update_ms.append((t1 - t0) * 1e3)
            total_ms.append((t2 - t0) * 1e3)

    def stats(xs):
        return {"min": round(float(np.min(xs)), 2), "p50": round(float(np.percentile(xs, 50)), 2),
                "p95": round(float(np.percentile(xs, 95)), 2)}

    return {"update_state": stats(update_ms), "update_and_repaint": stats(total_ms)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=60)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall time, or the GUI thread's CPU time (steadier on a busy machine)")
    parser.add_argument("--size", default="1600x420",
                        help="panel size WxH (default: the main window's bottom dock)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    panel = SensitivityPanel()
    panel.resize(width, height)
    panel.show()
    out = {}
    for name, model in (("sample", models.load_model(SAMPLE)), ("synthetic_30x30", synthetic_model(30, 30))):
        states = edited_pair(model)
        out[name] = {}
        for tab, keys in enumerate(panel.TAB_KEYS):
            out[name]["+".join(keys)] = measure(app, panel, states, tab, args.repeats, clock)
    out["size"] = args.size
    out["clock"] = args.clock
    print(json.dumps(out, indent=2))
    panel.close()
    panel.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
