"""Report export benchmark (issue 12). Not a test: prints JSON figures.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/report_export.py [--repeat N]

Times ``desktop_app.report.export_report`` on the bundled sample: the whole
path a user waits for (valuation, the sensitivity requests, layout, painting,
font subsetting, the atomic write), PDF and HTML, Chinese and English. The
first export of a process also loads the fonts and the radical map; it is
reported apart ("first_pdf_s"), and so is the headless command from process
start to exit ("cli_pdf_s"). Target: the sample's PDF in ≤ 3 s.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    import models
    from desktop_app.report import export_report
    import_s = time.perf_counter() - started

    model = models.load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json")
    figures: dict[str, float | int | bool | str] = {"import_and_app_s": round(import_s, 3)}
    with tempfile.TemporaryDirectory(prefix="vw-report-bench-") as tmp:
        t = time.perf_counter()
        export_report(model, os.path.join(tmp, "first.pdf"), "zh_CN")
        figures["first_pdf_s"] = round(time.perf_counter() - t, 3)
        for fmt in ("pdf", "html"):
            for lang in ("zh_CN", "en"):
                times = []
                path = os.path.join(tmp, f"r_{lang}.{fmt}")
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    export_report(model, path, lang)
                    times.append(time.perf_counter() - t)
                figures[f"{fmt}_{lang}_median_s"] = round(statistics.median(times), 3)
                figures[f"{fmt}_{lang}_bytes"] = os.path.getsize(path)
        # the headless command, process start to exit
        import subprocess
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "desktop_app", "--report",
                        str(ROOT / "resources" / "samples" / "united-imaging-688271.json"),
                        "--out", os.path.join(tmp, "cli.pdf"), "--lang", "zh_CN"], cwd=ROOT, check=True,
                       capture_output=True)
        figures["cli_pdf_s"] = round(time.perf_counter() - t, 3)
    figures["target_pdf_s"] = TARGET_S
    figures["pdf_within_target"] = max(figures["first_pdf_s"], figures["pdf_zh_CN_median_s"],
                                       figures["cli_pdf_s"]) <= TARGET_S
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
