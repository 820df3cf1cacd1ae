"""Batch speed benchmark (issue 16 item 2). Not a test: prints JSON figures.

    python tests/benchmarks/batch_speed.py [--count 5000] [--loop 40] [--dask]

Writes ``--count`` sample-sized models (``models.synthetic.sample_universe``:
the two bundled samples in turn, prices, growths, margins and discount rates
varied) into a temporary folder, then measures side by side:

- ``batch_cli_s``: ``valuation-cli batch FOLDER --csv --out FILE`` as one
  process, start-up included (what a user waits for);
- ``batch_in_process_s`` / ``batch_cpu_s``: ``models.io.batch.value_files``
  called in this process, wall-clock and CPU time (best of ``--repeat``);
- the per-file loop, ``valuation-cli value FILE --json`` once per file, timed
  on the first ``--loop`` files only and EXTRAPOLATED to ``--count`` files
  (``loop_extrapolated_s``; stated as such in the output);
- with ``--dask``: the same batch with ``--workers 2`` (a local Dask cluster
  of two worker processes, start-up included).

The machine's load average is printed too: other processes on a 2-core
machine slow every wall-clock figure, the loop and the batch alike.
Targets: batch ≤ 6 s for 5,000 models and ≥ 100× the per-file loop.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models.io.batch import find_model_files, value_files  # noqa: E402
from models.synthetic import sample_universe  # noqa: E402


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "models", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8")


def timed_cli(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = cli(*args)
    return time.perf_counter() - t0, proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--loop", type=int, default=40, help="files timed in the per-file CLI loop")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dask", action="store_true", help="also time --workers 2 (needs the extra)")
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "coverage"
        sample_universe(folder, args.count, seed=1)
        files = find_model_files([folder])
        out = Path(tmp) / "rows.csv"

        cli_runs = []
        for _ in range(args.repeat):
            seconds, proc = timed_cli("batch", str(folder), "--csv", "--out", str(out))
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            cli_runs.append(seconds)
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))

        walls, cpus = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            result = value_files(files)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        assert len(result.rows) == args.count and not result.failed

        loop = []
        agree = True
        for path, row in zip(files[:args.loop], rows):
            seconds, proc = timed_cli("value", str(path), "--json")
            loop.append(seconds)
            doc = json.loads(proc.stdout)
            agree &= (repr(doc["ddm"]["total"]) == row["ddm_total"]
                      and repr(doc["dynamic"]["total"]) == row["dynamic_total"]
                      and doc["ddm"]["status"] == row["ddm_status"] and row["file"] == str(path))
        per_file = statistics.mean(loop)

        figures = {
            "models": args.count,
            "cores": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "batch_cli_s": round(min(cli_runs), 3),
            "batch_cli_runs_s": [round(x, 3) for x in cli_runs],
            "batch_in_process_s": round(min(walls), 3),
            "batch_cpu_s": round(min(cpus), 3),
            "batch_ms_per_model": round(min(cli_runs) / args.count * 1000, 3),
            "loop_files_timed": len(loop),
            "loop_ms_per_file": round(per_file * 1000, 1),
            "loop_extrapolated_s": round(per_file * args.count, 1),
            "loop_note": f"per-file CLI timed on {len(loop)} files, extrapolated to {args.count}",
            "speedup_vs_loop": round(per_file * args.count / min(cli_runs), 1),
            "batch_agrees_with_value": agree,
        }
        if args.dask:
            seconds, proc = timed_cli("batch", str(folder), "--csv", "--out", str(out), "--workers", "2")
            figures["dask_workers_2_cli_s"] = round(seconds, 3) if proc.returncode == 0 else proc.stderr.strip()
        figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        figures["within_6_s"] = figures["batch_cli_s"] <= 6.0
        figures["at_least_100x"] = figures["speedup_vs_loop"] >= 100
    print(json.dumps(figures, indent=2))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
