"""Engine speed benchmark (issue 2). Not a test: prints JSON figures.

    python tests/benchmarks/engine_speed.py [--repeat N]

Times one full valuation (``models.valuate``, validation included) and a 41×41
DDM grid (discount_rate_shift −0.02…0.02 × terminal_growth 0.01…0.05) on the
bundled sample and on a synthetic 30 segments × 30 years model, and the same
grid by ``bare_numpy_grid`` below: the DDM formulas written directly in numpy
for exactly this grid, the yardstick the engine's general path is held to
(target: within 2×). Figures are the median of N runs, in milliseconds.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models import load_model, sensitivity_grid, valuate  # noqa: E402
from models.synthetic import synthetic_model  # noqa: E402

SHIFTS = np.linspace(-0.02, 0.02, 41)
TERMINAL = np.linspace(0.01, 0.05, 41)


def bare_numpy_grid(model, shifts: np.ndarray, terminal: np.ndarray) -> np.ndarray:
    """DDM total over shifts (columns) × terminal growth (rows), straight from the method doc."""
    years = model.years
    ffy = model.first_forecast_year
    fyears = np.array([y for y in years if y >= ffy], dtype=float)
    B = model.base_year
    N = fyears[-1]
    segs = model.segments
    g = np.array([[s["forecast"][str(int(y))]["growth"] for y in fyears] for s in segs])
    m = np.array([[s["forecast"][str(int(y))]["margin"] for y in fyears] for s in segs])
    r0 = np.array([s["discount_rate"] for s in segs])
    roe = np.array([s["roe"] for s in segs])
    g2 = np.array([s["fade_growth"] for s in segs])
    n2 = np.array([model.segment_fade_years(i) for i in range(len(segs))])
    R0 = np.array([s["actuals"][str(ffy - 1)]["revenue"] for s in segs])
    E = R0[:, None] * np.cumprod(1 + g, axis=1) * m                     # (S,F)
    D = E * np.clip(1 - g / roe[:, None], 0, 1)
    r = r0[None, :] + shifts[:, None]                                    # (X,S)
    explicit = (D[None] * (1 + r[..., None]) ** -(fyears - B)).sum(-1)   # (X,S)
    k = np.arange(1, n2.max() + 1)
    fade_terms = (E[:, -1, None] * (1 + g2[:, None]) ** k * np.clip(1 - g2 / roe, 0, 1)[:, None])  # (S,M)
    fade_terms = np.where(k <= n2[:, None], fade_terms, 0.0)
    fade = (fade_terms[None] * (1 + r[..., None]) ** -(N - B + k)).sum(-1)  # (X,S)
    E_end = E[:, -1] * (1 + g2) ** n2                                     # (S,)
    gT = terminal[:, None, None]                                          # (Y,1,1)
    DT = E_end * (1 + gT) * np.clip(1 - gT / roe, 0, 1)                   # (Y,1,S)
    with np.errstate(divide="ignore", invalid="ignore"):
        perp = np.where(r[None] > gT, DT / (r[None] - gT), np.nan) * (1 + r[None]) ** -(N - B + n2)  # (Y,X,S)
    seg = explicit[None] + fade[None] + perp
    v = model.doc["valuation"]
    return seg.sum(-1) + v.get("excess_cash", 0.0) - v.get("minority_interest", 0.0) + v.get("equity_investments", 0.0)


def timed(fn, repeat: int) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def bench(model, repeat: int) -> dict:
    engine = sensitivity_grid(model, "discount_rate_shift", SHIFTS, "terminal_growth", TERMINAL)
    bare = bare_numpy_grid(model, SHIFTS, TERMINAL)
    agree = bool(np.allclose(engine, bare, rtol=1e-10, equal_nan=True))
    valuation_ms = timed(lambda: valuate(model), repeat * 10)
    grid_ms = timed(lambda: sensitivity_grid(model, "discount_rate_shift", SHIFTS, "terminal_growth", TERMINAL), repeat)
    bare_ms = timed(lambda: bare_numpy_grid(model, SHIFTS, TERMINAL), repeat)
    return {"valuation_ms": round(valuation_ms, 4), "grid_41x41_ms": round(grid_ms, 3),
            "bare_numpy_grid_ms": round(bare_ms, 3), "grid_vs_bare": round(grid_ms / bare_ms, 2),
            "grid_agrees_with_bare": agree}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    out = {
        "sample": bench(load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json"), args.repeat),
        "large_30x30": bench(synthetic_model(30, 30), max(5, args.repeat // 3)),
    }
    print(json.dumps(out, indent=2))
    return 0 if all(v["grid_agrees_with_bare"] for v in out.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
