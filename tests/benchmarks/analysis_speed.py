"""Analysis speed benchmark (issue 13, item 3). Not a test: prints JSON figures.

    python tests/benchmarks/analysis_speed.py [--repeat N] [--million]

One function per analysis, each returning a dict of figures (milliseconds,
median of N runs after a warm-up); ``main`` runs them all and prints one JSON
object keyed by the function's name without ``bench_``. Targets (issue 13):
a reverse solve ≤ 2 ms on the sample; 10,000 Monte Carlo draws ≤ 15 ms on the
sample and ≤ 150 ms on the 30 × 30 synthetic model. For comparison the
figures include the general scenario path (``evaluate_scenarios``) pushing the
same 10,000 three-driver draws, which the issue measured at 11 and 307 ms.
The attribution (issue 14, item 5): 10 differing groups on the sample ≤ 20 ms.

To add an analysis, write ``bench_<name>(repeat) -> dict`` and list it in
``BENCHES``.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models import load_model  # noqa: E402
from models.sensitivity import evaluate_scenarios  # noqa: E402
from models.synthetic import synthetic_model  # noqa: E402
from models.valuation import prepare  # noqa: E402
from tests.model_changes import changed_copy  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
TARGETS_MS = {"implied_sample": 2.0, "montecarlo_sample": 15.0, "montecarlo_30x30": 150.0,
              "attribution_10_groups": 20.0}


def timed(fn, repeat: int) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def models() -> dict:
    return {"sample": load_model(SAMPLE), "30x30": synthetic_model(30, 30)}


def bench_implied(repeat: int) -> dict:
    """One reverse solve (target + six boundaries), the model prepared once as
    the GUI does per edit; and the whole Analysis-page table (every driver,
    company and per segment, one method)."""
    from models.analysis.implied import implied_table, implied_value

    out = {}
    for name, model in models().items():
        p = prepare(model)
        cases = {"discount_rate_shift_ddm": ("discount_rate_shift", "ddm"),
                 "growth_shift_dynamic": ("growth_shift", "dynamic"),
                 "margin_shift_ddm": ("margin_shift", "ddm")}
        for label, (driver, method) in cases.items():
            out[f"{name}_{label}_ms"] = round(timed(lambda: implied_value(model, driver, method, prepared=p),
                                                    repeat * 5), 3)
        out[f"{name}_table_ddm_ms"] = round(timed(lambda: implied_table(model, "ddm"), max(3, repeat // 4)), 2)
    out["target_ms"] = TARGETS_MS["implied_sample"]
    return out


def bench_montecarlo(repeat: int, million: bool = False) -> dict:
    """10,000 draws of the default uncertainty (growth, margin, discount rate,
    multiple) through both methods, statistics included; and the general
    scenario path with the same number of three-driver draws (DDM only)."""
    from models.analysis.montecarlo import MonteCarloRequest

    out = {}
    for name, model in models().items():
        req = MonteCarloRequest(model, draws=10_000)
        out[f"{name}_10000_draws_ms"] = round(timed(req.run, repeat), 2)
        rng = np.random.default_rng(0)
        drivers = {"growth_shift": rng.normal(0, 0.02, 10_000), "margin_shift": rng.normal(0, 0.01, 10_000),
                   "discount_rate_shift": rng.normal(0, 0.005, 10_000)}
        p = prepare(model)
        out[f"{name}_evaluate_scenarios_10000_ms"] = round(
            timed(lambda: evaluate_scenarios(model, drivers, "ddm", prepared=p), max(3, repeat // 2)), 2)
    if million:
        req = MonteCarloRequest(load_model(SAMPLE), draws=1_000_000)
        tracemalloc.start()
        t0 = time.perf_counter()
        req.run()
        out["sample_1000000_draws_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        out["sample_1000000_draws_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    out["target_sample_ms"] = TARGETS_MS["montecarlo_sample"]
    out["target_30x30_ms"] = TARGETS_MS["montecarlo_30x30"]
    return out


def bench_attribution(repeat: int) -> dict:
    """The exact Shapley split (both methods, validation and both valuations
    included) of the sample against a copy where 10 input groups differ (the
    joint pass over 2^10 mixes; target ≤ 20 ms, issue 14), and, for scale,
    where all 26 of the sample's groups differ (the exact segment-wise split)."""
    from models.analysis.attribution import attribute

    a = load_model(SAMPLE)
    out = {}
    for n in (10, 26):
        b = changed_copy(a, n)
        result = attribute(a, b)
        out[f"sample_{n}_groups_ms"] = round(timed(lambda: attribute(a, b), repeat), 3)
        out[f"sample_{n}_groups_strategy"] = result.strategy
        out[f"sample_{n}_groups_mixes"] = result.mixes
    out["target_10_groups_ms"] = TARGETS_MS["attribution_10_groups"]
    out["within_target"] = out["sample_10_groups_ms"] <= TARGETS_MS["attribution_10_groups"]
    return out


BENCHES = {"implied": bench_implied, "montecarlo": bench_montecarlo, "attribution": bench_attribution}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--million", action="store_true", help="also time 1,000,000 draws on the sample (peak memory)")
    parser.add_argument("--only", choices=sorted(BENCHES), help="run one analysis only")
    args = parser.parse_args(argv)
    figures = {}
    for name, fn in BENCHES.items():
        if args.only and name != args.only:
            continue
        figures[name] = fn(args.repeat, args.million) if name == "montecarlo" else fn(args.repeat)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
