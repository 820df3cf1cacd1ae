"""Coverage page benchmark (issue 16 item 4). Not a test: prints JSON.

    QT_QPA_PLATFORM=offscreen python3 tests/benchmarks/coverage_scan.py [--count 2000] [--chunk 100]

Writes ``--count`` sample-sized models (``models.synthetic.sample_universe``)
into a temporary folder, shows the coverage page alone (a document, a
controller with the real runner) and opens the folder. Measured:

- ``open_call_ms``: how long ``open_folder`` itself holds the GUI thread;
- ``full_table_s``: from ``open_folder`` to the last row in the table;
- ``longest_stall_ms``: the longest gap between two ticks of a 1 ms QTimer on
  the GUI thread during the scan (what a user would feel as a freeze; a
  gap includes the time the worker thread holds Python's GIL);
- ``stall_p99_ms``: the 99th percentile of those gaps;
- ``batch_in_process_s``: ``models.io.batch.value_files`` on the same files
  in one call, for comparison (the page's cost over the bare engine);
- with ``--in-thread``: the same without the helper process (the runner's
  thread values the files, sharing the GIL with the GUI thread);
- ``sort_click_ms`` / ``import_prices_ms``: a sort of the full table by
  another column, and an import of prices for every ticker (both on the GUI
  thread).

The machine's load average is printed too: other processes on a 2-core
machine slow every wall-clock figure.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import models  # noqa: E402
from models.io.batch import find_model_files, value_files  # noqa: E402
from models.synthetic import sample_universe  # noqa: E402
from desktop_app import helper_process, i18n  # noqa: E402
from desktop_app.controller import Controller  # noqa: E402
from desktop_app.document import Document  # noqa: E402
from desktop_app.pages.coverage import CoveragePage  # noqa: E402
from desktop_app.qt_models.coverage import COLUMN_INDEX  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--chunk", type=int, default=None, help="files per runner request (default: the page's)")
    parser.add_argument("--switch-interval", type=float, default=None,
                        help="sys.setswitchinterval in seconds (Python's default: 0.005), to see the GIL's share")
    parser.add_argument("--in-thread", action="store_true",
                        help="value on the runner's thread, without the helper process (as in a frozen bundle)")
    args = parser.parse_args()
    if args.in_thread:
        helper_process._disabled = True
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    app = QApplication.instance() or QApplication([])
    i18n.install(app, "en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "universe"
        sample_universe(folder, args.count)
        files = find_model_files([folder])
        start = time.perf_counter()
        value_files(files)
        bare = time.perf_counter() - start

        document = Document(models.load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json"), None,
                            recovery_dir=Path(tmp) / "recovery")
        controller = Controller(document)
        page = CoveragePage(document, controller)
        if args.chunk:
            page.chunk = args.chunk
        page.resize(1600, 1000)
        page.show()
        app.processEvents()

        gaps: list[float] = []
        clock = QElapsedTimer()
        last = [0]

        def tick():
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)
        timer.timeout.connect(tick)
        clock.start()
        start = time.perf_counter()
        page.open_folder(str(folder))
        open_call = time.perf_counter() - start
        last[0] = clock.nsecsElapsed()
        timer.start()
        loop = QEventLoop()
        page.scanFinished.connect(loop.quit)
        if page.is_scanning():
            loop.exec()           # Qt's own event loop, as in the app (not a Python polling loop)
        full = time.perf_counter() - start
        timer.stop()
        assert page.table_model.rowCount() == args.count, page.table_model.rowCount()

        start = time.perf_counter()
        page.view.sortByColumn(COLUMN_INDEX["ddm_upside"], Qt.SortOrder.DescendingOrder)
        sort_ms = (time.perf_counter() - start) * 1e3
        prices = Path(tmp) / "prices.csv"
        prices.write_text("".join(f"{r.ticker},{r.price * 1.1:.2f}\n" for r in page.table_model.rows),
                          encoding="utf-8")
        start = time.perf_counter()
        page.import_prices(str(prices))
        import_ms = (time.perf_counter() - start) * 1e3
        controller.runner.shutdown()
        document.close_cleanly()

    gaps.sort()
    print(json.dumps({
        "files": args.count,
        "chunk": page.chunk,
        "helper_process": helper_process.available(),
        "open_call_ms": round(open_call * 1e3, 2),
        "full_table_s": round(full, 3),
        "longest_stall_ms": round(gaps[-1], 2) if gaps else None,
        "stall_p99_ms": round(gaps[int(len(gaps) * 0.99)], 2) if gaps else None,
        "stall_median_ms": round(statistics.median(gaps), 2) if gaps else None,
        "ticks": len(gaps),
        "batch_in_process_s": round(bare, 3),
        "sort_click_ms": round(sort_ms, 2),
        "import_prices_ms": round(import_ms, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
