"""Attribution speed benchmark (issue 14). Not a test: prints JSON figures.

    python tests/benchmarks/attribution_speed.py [--repeat N]

Times ``models.analysis.attribution.attribute`` (both methods, validation and
both valuations included) on the bundled sample against a copy where 10 input
groups differ (target: ≤ 20 ms, the joint pass over 2^10 = 1024 mixes), and,
for scale, where every one of the sample's 26 groups differs (the exact
segment-wise split, 2^9 mixes). Figures are the median of N runs, in ms.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models import Model, load_model  # noqa: E402
from models.analysis.attribution import attribute, differing_groups  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
TARGET_MS = 20.0


def changed_copy(model: Model, n_groups: int) -> Model:
    """The model with its first ``n_groups`` input groups changed (segment by
    segment: growth, margin, actuals, discount rate, ROE, fade, terminal
    growth, multiple; then cash and settings)."""
    b = model.copy()
    years = [str(y) for y in model.forecast_years]
    last = str(model.actual_years[-1])
    edits = []
    for s in range(model.segment_count):
        seg = ("segments", s)
        edits += [
            lambda m, seg=seg: [m.set(seg + ("forecast", y, "growth"), m.get(seg + ("forecast", y, "growth")) + 0.01) for y in years],
            lambda m, seg=seg: [m.set(seg + ("forecast", y, "margin"), m.get(seg + ("forecast", y, "margin")) - 0.005) for y in years],
            lambda m, seg=seg: m.set(seg + ("actuals", last, "revenue"), m.get(seg + ("actuals", last, "revenue")) * 1.05),
            lambda m, seg=seg: m.set(seg + ("discount_rate",), m.get(seg + ("discount_rate",)) + 0.004),
            lambda m, seg=seg: m.set(seg + ("roe",), m.get(seg + ("roe",)) * 1.1),
            lambda m, seg=seg: m.set(seg + ("fade_growth",), m.get(seg + ("fade_growth",)) - 0.01),
            lambda m, seg=seg: m.set(seg + ("terminal_growth",), 0.025),
            lambda m, seg=seg: m.set(seg + ("multiple",), m.get(seg + ("multiple",)) * 0.9),
        ]
    edits += [lambda m: m.set(("valuation", "excess_cash"), 95.0), lambda m: m.set(("valuation", "fade_years"), 8)]
    for edit in edits[:n_groups]:
        edit(b)
    b = Model.from_dict(b.doc)
    assert len(differing_groups(model, b)) == n_groups
    return b


def _median_ms(fn, repeat: int) -> float:
    fn()   # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def bench_attribution(repeat: int = 30) -> dict:
    """Median milliseconds of the attribution of 10 (and 26) differing groups on the sample."""
    a = load_model(SAMPLE)
    b10 = changed_copy(a, 10)
    b26 = changed_copy(a, 26)
    r10 = attribute(a, b10)
    r26 = attribute(a, b26)
    ms10 = _median_ms(lambda: attribute(a, b10), repeat)
    ms26 = _median_ms(lambda: attribute(a, b26), repeat)
    return {
        "attribution_10_groups_ms": round(ms10, 3),
        "attribution_10_groups_strategy": r10.strategy,
        "attribution_10_groups_mixes": r10.mixes,
        "attribution_10_groups_target_ms": TARGET_MS,
        "attribution_10_groups_within_target": ms10 <= TARGET_MS,
        "attribution_26_groups_ms": round(ms26, 3),
        "attribution_26_groups_strategy": r26.strategy,
        "attribution_26_groups_mixes": r26.mixes,
        "repeat": repeat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print(json.dumps(bench_attribution(args.repeat), indent=2))


if __name__ == "__main__":
    main()
