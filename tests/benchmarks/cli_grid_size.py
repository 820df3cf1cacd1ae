"""Benchmark: the CLI's sensitivity grid as it grows (issue 8, item 9).

Runs ``valuation-cli sensitivity`` (as ``python -m models``) on the sample for
square grids of the given sides, output to a file, and reports each run's
wall time, peak RSS (the child's own, from wait4) and output size; the last
run is 10,000 × 10,000, which must be refused (exit 2, one line) at once.

    python3 tests/benchmarks/cli_grid_size.py [--sides 1000 2500 5000] [--format json|csv]

Prints JSON: {"budget_mb", "runs": [{"side", "cells", "seconds", "peak_rss_mb",
"output_mb", "rc"}], "refused": {"side", "seconds", "peak_rss_mb", "rc", "stderr"}}.
Target: peak RSS within the stated budget (256 MB, the interpreter included)
at every size that is accepted.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models.sensitivity import GRID_MEMORY_BUDGET  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def run(side: int, fmt: str, folder: Path) -> dict:
    out = folder / f"grid_{side}.{fmt}"
    cmd = [sys.executable, "-m", "models", "sensitivity", str(SAMPLE),
           "--x", f"discount_rate_shift:-0.02:0.02:{side}", "--y", f"growth_shift:-0.1:0.1:{side}",
           "--out", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    size = out.stat().st_size if out.exists() else 0
    if out.exists():
        out.unlink()
    return {"side": side, "cells": side * side, "seconds": round(seconds, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "output_mb": round(size / 2 ** 20, 1),
            "rc": proc.returncode, "stderr": stderr.strip()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sides", type=int, nargs="+", default=[1000, 2500, 5000])
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        runs = [run(side, args.format, Path(tmp)) for side in args.sides]
        refused = run(10_000, args.format, Path(tmp))
    for r in runs:
        if not r["stderr"]:
            del r["stderr"]
    print(json.dumps({"budget_mb": GRID_MEMORY_BUDGET // 2 ** 20, "format": args.format, "runs": runs,
                      "refused": refused}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
