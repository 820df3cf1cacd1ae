"""Deterministic synthetic models, for benchmarks and tests of scale.

``synthetic_model(30, 30)`` is the "large" model of the benchmarks: 30
segments × 30 years (5 actual, 25 estimate), plausible numbers in 亿元.
"""
from __future__ import annotations

import numpy as np

from .model import FORMAT_NAME, Model


def synthetic_model(segments: int = 30, years: int = 30, actual_years: int = 5, seed: int = 0) -> Model:
    if segments < 1 or years < 2 or not 1 <= actual_years < years:
        raise ValueError("need ≥ 1 segment, ≥ 2 years and 1 ≤ actual_years < years")
    rng = np.random.default_rng(seed)
    first_year = 2000
    all_years = list(range(first_year, first_year + years))
    ffy = first_year + actual_years
    segs = []
    for s in range(segments):
        revenue = float(rng.uniform(5, 80))
        actuals = {}
        for y in all_years[:actual_years]:
            revenue *= 1 + float(rng.uniform(-0.05, 0.2))
            actuals[str(y)] = {"revenue": round(revenue, 4), "net_profit": round(revenue * float(rng.uniform(0.05, 0.2)), 4)}
        forecast = {str(y): {"growth": round(float(rng.uniform(0.0, 0.15)), 6),
                             "margin": round(float(rng.uniform(0.08, 0.22)), 6)} for y in all_years[actual_years:]}
        segs.append({
            "name": f"业务 Segment {s + 1}",
            "actuals": actuals,
            "forecast": forecast,
            "discount_rate": round(float(rng.uniform(0.075, 0.11)), 4),
            "roe": round(float(rng.uniform(0.12, 0.25)), 4),
            "fade_growth": round(float(rng.uniform(0.03, 0.09)), 4),
            "multiple": round(float(rng.uniform(10, 25)), 2),
        })
    doc = {
        "format": FORMAT_NAME,
        "version": 1,
        "company": {"name": "合成样本 Synthetic", "unit": "亿元", "currency": "CNY"},
        "market": {"price": 50.0, "shares": 100.0},
        "years": all_years,
        "first_forecast_year": ffy,
        "valuation": {"terminal_growth": 0.03, "fade_years": 10, "excess_cash": 100.0},
        "segments": segs,
    }
    return Model.from_dict(doc)


def sample_universe(folder, count: int, seed: int = 0, samples=None) -> list:
    """Write ``count`` model files into ``folder`` (a coverage universe for
    tests and benchmarks): the bundled samples in turn, each copy with its
    own ticker and company name, price ×0.5…1.5, every forecast growth moved
    by −3…+3 points, margins ×0.9…1.1 and discount rates moved by −1…+1
    point (always above terminal growth). Returns the paths, in order."""
    import json
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if samples is None:
        root = Path(__file__).resolve().parents[1] / "resources" / "samples"
        samples = sorted(root.glob("*.json"))
    bases = [json.loads(Path(p).read_text(encoding="utf-8")) for p in samples]
    rng = np.random.default_rng(seed)
    paths = []
    for i in range(count):
        doc = json.loads(json.dumps(bases[i % len(bases)]))
        doc["company"]["name"] = f"{doc['company']['name']} {i:05d}"
        doc["company"]["ticker"] = f"{100000 + i:06d}.SZ"
        doc["market"]["price"] = round(doc["market"]["price"] * float(rng.uniform(0.5, 1.5)), 2)
        tg = doc["valuation"]["terminal_growth"]
        for seg in doc["segments"]:
            for row in seg["forecast"].values():
                row["growth"] = round(row["growth"] + float(rng.uniform(-0.03, 0.03)), 6)
                row["margin"] = round(row["margin"] * float(rng.uniform(0.9, 1.1)), 6)
            seg_tg = seg.get("terminal_growth")
            floor = (tg if seg_tg is None else seg_tg) + 0.005
            seg["discount_rate"] = round(max(floor, seg["discount_rate"] + float(rng.uniform(-0.01, 0.01))), 4)
        path = folder / f"model-{i:05d}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
