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
    QT_QPA_PLATFORM=offscreen python3 tests/benchmarks/edit_latency.py --page KEY [--page KEY …] | --page all

Prints JSON: {"sample": {"p50_ms", "p95_ms", "edits", "cpu_p50_ms", "cpu_p95_ms"},
"large": {...}, "with_plots": bool, "load_average": [...]}. "large" is the
engine's synthetic 30 segments × 30 years. The ``cpu_*`` figures are this
process's CPU time per edit, to tell the edit's own cost from a busy machine.
Targets: p95 ≤ 16 ms (sample), ≤ 50 ms (large).

``--page KEY`` (a key of ``desktop_app.pages.PAGES``, or ``valuation``; ``all``
for every page) puts that page in front while the same edits are typed into
the valuation page's forecast table model (its views then hidden, but kept up
to date by the controller): the time runs to the end of the repaint of what is
visible, the page in front included. Prints {"pages": {KEY: {...}}, …} for the
sample, each entry also counting the edits after which the page in front
painted (``page_painted``).
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
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

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
    want_ddm = format_value(expected.ddm.total, MONEY)   # the unit is in the caption
    want_dyn = format_value(expected.dynamic.total, MONEY)
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


def bring_to_front(app, window, key: str | None):
    """Show the page ``key`` (None or "valuation": the valuation page);
    returns it. Fails the run if the page cannot be built or is not in view."""
    if key in (None, "valuation"):
        return window.page
    page = window.pages.page(key)
    if page is None:
        raise SystemExit(f"no page {key!r} (known: {', '.join(all_page_keys())})")
    window.pages.setCurrentWidget(page)
    for _ in range(3):
        app.processEvents()
    if not page.isVisible() or window.page.forecast_view.isVisible():
        raise SystemExit(f"page {key!r} is not in front")
    return page


def all_page_keys() -> list[str]:
    from desktop_app.pages import PAGES
    return ["valuation"] + [spec.key for spec in PAGES]


def run(app, model, edits: int, with_plots: bool, settings, page: str | None = None) -> dict:
    if page is not None and page not in all_page_keys():
        raise SystemExit(f"no page {page!r} (known: {', '.join(all_page_keys())})")
    document = Document(model, None, recovery_dir=None)
    window = MainWindow(document, settings, with_plots=with_plots)
    window.resize(1600, 1000)
    window.show()
    for _ in range(3):
        app.processEvents()
    deadline = time.monotonic() + 30
    while not window.first_paint.done and time.monotonic() < deadline:
        app.processEvents()   # started: what waits for the first paint (the plot, issue 17) has run
    front = bring_to_front(app, window, page)
    window.repaint()
    fm = window.page.forecast_table
    plan = edit_plan(window, edits + 10)
    painted = PaintCounter()
    for widget in (window.header.ddm.value, window.header.dynamic.value, window.page.ddm_view.viewport(),
                   window.page.forecast_view.viewport()):
        widget.installEventFilter(painted)
    # every widget of a page in front other than the valuation page: did it paint after the edit?
    front_painted = PaintCounter()
    if front is not window.page:
        for widget in [front] + front.findChildren(QWidget):
            widget.installEventFilter(front_painted)
    page_painted = 0
    times, cpu = [], []
    for k, (row, col, delta) in enumerate(plan):
        text = typed_text(fm, row, col, delta)
        # apply the typed text, as the cell editor's commit does
        index = fm.index(row, col)
        painted.count = 0
        painted.names = []
        front_painted.count = 0
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
        if front is not window.page and window.pages.currentWidget() is not front:
            raise SystemExit(f"edit {k}: the page {page!r} left the front")
        if k >= 10:  # warm-up
            page_painted += front_painted.count > 0
            times.append((t1 - t0) * 1e3)
            cpu.append((c1 - c0) * 1e3)
    document.undo_stack.setClean()
    window.close()
    document.close_cleanly()
    window.deleteLater()
    app.processEvents()
    arr, cpu_arr = np.asarray(times), np.asarray(cpu)
    extra = {} if page is None else {"page": page, "page_painted": page_painted if front is not window.page else None}
    return extra | {"p50_ms": round(float(np.percentile(arr, 50)), 2), "p95_ms": round(float(np.percentile(arr, 95)), 2),
            "edits": len(times),
            # CPU time of this process per edit: what the edit costs, apart from other load on the machine
            "cpu_p50_ms": round(float(np.percentile(cpu_arr, 50)), 2),
            "cpu_p95_ms": round(float(np.percentile(cpu_arr, 95)), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=300, help="timed edits per model (≥ 200)")
    parser.add_argument("--without-plots", action="store_true", help="do not build the sensitivity panel")
    parser.add_argument("--page", action="append", metavar="KEY",
                        help="the page in front while editing (repeatable; 'all' for every page); sample only")
    args = parser.parse_args(argv)
    keys = (all_page_keys() if "all" in args.page else args.page) if args.page else []
    unknown = [k for k in keys if k not in all_page_keys()]
    if unknown:
        parser.error(f"unknown page {', '.join(unknown)} (known: {', '.join(all_page_keys())})")
    app = create_application([sys.argv[0]])
    from desktop_app import i18n
    i18n.install(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat))
        with_plots = not args.without_plots
        if args.page:
            out = {"pages": {key: run(app, models.load_model(SAMPLE), args.edits, with_plots, settings, page=key)
                             for key in keys},
                   "with_plots": with_plots,
                   "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}
            print(json.dumps(out))
            return 0
        out = {
            "sample": run(app, models.load_model(SAMPLE), args.edits, with_plots, settings),
            "large": run(app, synthetic_model(30, 30), args.edits, with_plots, settings),
            "with_plots": with_plots,
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
