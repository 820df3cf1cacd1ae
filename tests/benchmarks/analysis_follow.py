"""Benchmark: how long after an edit the Analysis figures of the new model are
on screen (issue 13, item 4: within 100 ms on the sample).

The main window on the sample, the Analysis page in front, the real runner
(a worker thread). Each edit goes through the forecast table model's
``setData`` (typed text); the clock runs from the edit until the event loop
has delivered the Monte Carlo (histogram, P(status), rank correlations, the
header's line) and, separately, the reverse-solve tables of the edited model,
and the page has painted them. After each edit (outside the timing) the shown
Monte Carlo is checked against a fresh ``run_montecarlo`` of the model, so a
fast but stale screen fails the run. Between edits the app idles 150 ms, as
between an analyst's edits.

    QT_QPA_PLATFORM=offscreen python3 tests/benchmarks/analysis_follow.py [--edits 40] [--large]

Prints JSON: {"sample": {"montecarlo_p50_ms", "montecarlo_p95_ms", "header_p95_ms",
"tables_p50_ms", "tables_p95_ms", "edits"}, "load_average": [...]}.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import models  # noqa: E402
from models.analysis.montecarlo import run_montecarlo  # noqa: E402
from models.synthetic import synthetic_model  # noqa: E402
from desktop_app.app import create_application  # noqa: E402
from desktop_app.document import Document  # noqa: E402
from desktop_app.main_window import MainWindow  # noqa: E402
from desktop_app.settings import Settings  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_latency import edit_plan, typed_text  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def idle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def run(app, model, edits: int, settings, timeout_s: float = 10.0) -> dict:
    document = Document(model, None, recovery_dir=None)
    window = MainWindow(document, settings, with_plots=True)
    window.resize(1600, 1000)
    window.show()
    page = window.pages.page("analysis")
    window.pages.setCurrentWidget(page)
    feed = page.feed
    idle(app, 1.0)
    fm = window.page.forecast_table
    plan = edit_plan(window, edits)
    mc_ms, tables_ms, header_ms = [], [], []
    for k, (row, col, delta) in enumerate(plan):
        text = typed_text(fm, row, col, delta)
        t0 = time.perf_counter()
        if not fm.setData(fm.index(row, col), text):
            raise SystemExit(f"edit {k} refused: {document.last_rejection}")
        got: dict[str, float] = {}
        while len(got) < 3:
            app.processEvents()
            now = time.perf_counter()
            if "mc" not in got and feed.is_current("montecarlo"):
                QApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))   # painted
                got["mc"] = (time.perf_counter() - t0) * 1e3
            if "header" not in got and window.header.analysis.lines["ddm"].isEnabled() \
                    and window.header.analysis.probabilities["ddm"].isEnabled():
                got["header"] = (time.perf_counter() - t0) * 1e3
            if "tables" not in got and feed.is_current("tables"):
                QApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))
                got["tables"] = (time.perf_counter() - t0) * 1e3
            if now - t0 > timeout_s:
                raise SystemExit(f"edit {k}: the figures did not arrive within {timeout_s} s")
            time.sleep(0.0005)
        want = run_montecarlo(document.model)
        shown = feed.result("montecarlo")
        if not np.array_equal(shown.ddm.totals, want.ddm.totals, equal_nan=True):
            raise SystemExit(f"edit {k}: stale Monte Carlo on screen")
        if page.status_chart.probabilities != list(want.method(page.method).status_probabilities.values()):
            raise SystemExit(f"edit {k}: the P(status) chart does not show the engine's")
        mc_ms.append(got["mc"])
        tables_ms.append(got["tables"])
        header_ms.append(got["header"])
        idle(app, 0.15)
    document.undo_stack.setClean()
    window.close()
    document.close_cleanly()
    window.deleteLater()
    app.processEvents()

    def q(values, p):
        return round(float(np.percentile(np.asarray(values), p)), 1)

    return {"montecarlo_p50_ms": q(mc_ms, 50), "montecarlo_p95_ms": q(mc_ms, 95), "montecarlo_max_ms": q(mc_ms, 100),
            "header_p95_ms": q(header_ms, 95),
            "tables_p50_ms": q(tables_ms, 50), "tables_p95_ms": q(tables_ms, 95), "edits": len(mc_ms)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--large", action="store_true", help="also the synthetic 30 × 30 model")
    args = parser.parse_args(argv)
    app = create_application([sys.argv[0]])
    from desktop_app import i18n
    i18n.install(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat))
        out = {"sample": run(app, models.load_model(SAMPLE), args.edits, settings)}
        if args.large:
            out["large"] = run(app, synthetic_model(30, 30), max(5, args.edits // 4), settings, timeout_s=60)
    out["target_ms"] = 100
    out["load_average"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
