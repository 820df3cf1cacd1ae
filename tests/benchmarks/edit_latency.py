"""Benchmark: edit → every number on screen updated → window repainted.

Drives real edits through the segment table model's ``setData`` (typed text,
as the cell editor sends it), then processes pending events and makes the
window paint every region the edit made dirty, synchronously (an
UpdateRequest, what the next frame does); the time of each edit runs from
``setData`` to the end of that paint, and the edit fails the run unless the
header labels and the tables really received paint events. After each timed edit (outside the timing) it
checks that the header's DDM and dynamic labels, the DDM table's total and the
edited cell hold what ``models.valuate`` gives for the new model, so a fast
but stale screen cannot pass.

    QT_QPA_PLATFORM=offscreen python3 tests/benchmarks/edit_latency.py [--edits 300] [--without-plots]
        [--page KEY ...]

``--page``: the same edits with that page in front (``valuation`` or a key of
``desktop_app.pages.PAGES``, e.g. ``ratings``, ``notes``); the page follows
every edit while it is shown, so its repaint is part of the time. Results are
then under ``"pages": {key: {"sample": …, "large": …}}``.

Prints JSON: {"sample": {"p50_ms", "p95_ms", "edits", "cpu_p50_ms", "cpu_p95_ms"},
"large": {...}, "with_plots": bool, "load_average": [...]}. "large" is the
engine's synthetic 30 segments × 30 years. The ``cpu_*`` figures are this
process's CPU time per edit, to tell the edit's own cost from a busy machine.
Targets: p95 ≤ 16 ms (sample), ≤ 50 ms (large).
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
from PySide6.QtCore import QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import models  # noqa: E402
from models.synthetic import synthetic_model  # noqa: E402
from desktop_app.app import create_application  # noqa: E402
from desktop_app.document import Document  # noqa: E402
from desktop_app.main_window import MainWindow  # noqa: E402
from desktop_app.numbers import MONEY, format_value  # noqa: E402
from desktop_app.settings import Settings  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def edit_plan(window, n: int) -> list[tuple[int, int, float]]:
    """(row, col, change in percentage points) cycling over estimate-year
    growth and margin cells of every segment; up and down alternate so the
    model stays valid."""
    fm = window.page.forecast_table
    model = window.document.model
    years = model.years
    cells = []
    for seg in range(model.segment_count):
        for name in ("growth", "margin"):
            for year in model.forecast_years:
                cells.append((fm.row_of(seg, name), years.index(year)))
    plan = []
    for k in range(n):
        row, col = cells[(k * 7) % len(cells)]
        plan.append((row, col, (0.5 + (k % 3) * 0.5) * (1 if k % 2 == 0 else -1)))
    return plan


def typed_text(fm, row: int, col: int, delta_points: float) -> str:
    """What an analyst would type: the cell's current percentage moved by
    ``delta_points`` (so every edit really changes the value)."""
    current = fm.data(fm.index(row, col), Qt.ItemDataRole.EditRole)
    return f"{current * 100 + delta_points:.4f}%"


def check_screen(window) -> None:
    expected = models.valuate(window.document.model)
    unit = window.document.model.unit
    want_ddm = f"{format_value(expected.ddm.total, MONEY)} {unit}"
    want_dyn = f"{format_value(expected.dynamic.total, MONEY)} {unit}"
    got_ddm = window.header.ddm.value.text()
    got_dyn = window.header.dynamic.value.text()
    ddm = window.page.ddm_table
    total = ddm.data(ddm.index(ddm.rowCount() - 1, ddm.COLUMNS.index("total")), Qt.ItemDataRole.EditRole)
    if got_ddm != want_ddm or got_dyn != want_dyn or total != expected.ddm.total:
        raise SystemExit(f"stale screen: header {got_ddm!r}/{got_dyn!r}, expected {want_ddm!r}/{want_dyn!r}")
    panel = window.plots_panel
    if panel is not None and getattr(panel, "_result", expected) is not None:
        shown = getattr(panel, "_result", None)
        if shown is not None and shown.ddm.total != expected.ddm.total:
            raise SystemExit("stale sensitivity panel")


class PaintCounter(QObject):
    """Counts paint events of the widgets it watches."""

    def __init__(self):
        super().__init__()
        self.count = 0
        self.names = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.names.append(obj.objectName() or obj.parent().objectName())
        return False


def flush_paint(app, window) -> None:
    """Deliver posted events, then have the window's repaint manager paint
    every dirty region now (what the next frame would do), synchronously."""
    app.processEvents()
    QApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))


def run(app, model, edits: int, with_plots: bool, settings, page: str = "valuation") -> dict:
    from desktop_app.pages import PAGES
    if page != "valuation" and page not in [spec.key for spec in PAGES]:
        raise SystemExit(f"no page {page!r}")
    document = Document(model, None, recovery_dir=None)
    window = MainWindow(document, settings, with_plots=with_plots)
    window.resize(1600, 1000)
    window.show()
    if page != "valuation":
        window.pages.setCurrentWidget(window.pages.page(page))
    for _ in range(3):
        app.processEvents()
    window.repaint()
    fm = window.page.forecast_table
    plan = edit_plan(window, edits + 10)
    painted = PaintCounter()
    for widget in (window.header.ddm.value, window.header.dynamic.value, window.page.ddm_view.viewport(),
                   window.page.forecast_view.viewport()):
        widget.installEventFilter(painted)
    times, cpu = [], []
    for k, (row, col, delta) in enumerate(plan):
        text = typed_text(fm, row, col, delta)
        # apply the typed text, as the cell editor's commit does
        index = fm.index(row, col)
        painted.count = 0
        painted.names = []
        label_before = window.header.ddm.value.text()
        c0, t0 = time.process_time(), time.perf_counter()
        ok = fm.setData(index, text)
        flush_paint(app, window)
        t1, c1 = time.perf_counter(), time.process_time()
        if not ok:
            raise SystemExit(f"edit {k} refused: {document.last_rejection}")
        check_screen(window)
        # the edited table repainted if the cell is on screen, and the header's value label if
        # its text changed (an edit in a year whose payout is clamped to 0 leaves the totals)
        view = window.page.forecast_view
        cell_visible = view.isVisible() and view.visualRect(index).intersects(view.viewport().rect())
        need = (({"qt_scrollarea_viewport"} if cell_visible else set())
                | ({"methodValue"} if window.header.ddm.value.text() != label_before else set()))
        if not need <= set(painted.names):
            app.processEvents()
            raise SystemExit(f"edit {k} ({text} at {row},{col}): the window did not repaint "
                             f"({painted.names} painted; label {label_before} → {window.header.ddm.value.text()})")
        if k >= 10:  # warm-up
            times.append((t1 - t0) * 1e3)
            cpu.append((c1 - c0) * 1e3)
    document.undo_stack.setClean()
    window.close()
    document.close_cleanly()
    window.deleteLater()
    app.processEvents()
    arr, cpu_arr = np.asarray(times), np.asarray(cpu)
    return {"p50_ms": round(float(np.percentile(arr, 50)), 2), "p95_ms": round(float(np.percentile(arr, 95)), 2),
            "edits": len(times),
            # CPU time of this process per edit: what the edit costs, apart from other load on the machine
            "cpu_p50_ms": round(float(np.percentile(cpu_arr, 50)), 2),
            "cpu_p95_ms": round(float(np.percentile(cpu_arr, 95)), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=300, help="timed edits per model (≥ 200)")
    parser.add_argument("--without-plots", action="store_true", help="do not build the sensitivity panel")
    parser.add_argument("--page", nargs="+", metavar="KEY", help="the page(s) in front during the edits")
    args = parser.parse_args(argv)
    app = create_application([sys.argv[0]])
    from desktop_app import i18n
    i18n.install(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat))
        with_plots = not args.without_plots
        if args.page:
            out = {"pages": {key: {"sample": run(app, models.load_model(SAMPLE), args.edits, with_plots, settings, key),
                                   "large": run(app, synthetic_model(30, 30), args.edits, with_plots, settings, key)}
                             for key in args.page}}
        else:
            out = {"sample": run(app, models.load_model(SAMPLE), args.edits, with_plots, settings),
                   "large": run(app, synthetic_model(30, 30), args.edits, with_plots, settings)}
        out.update({
            "with_plots": with_plots,
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        })
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
