"""Valuation status bands: upside X = value / market cap − 1 (lower bound inclusive).

The report prints the third band as "−33% ≤ X < −20%", overlapping the second;
the method doc fixes it at −30%.
"""
from __future__ import annotations

import bisect
import math

STATUS_CODES: tuple[str, ...] = (
    "severely_overvalued",
    "overvalued",
    "slightly_overvalued",
    "fair",
    "slightly_undervalued",
    "undervalued",
    "severely_undervalued",
)
#: Lower bounds (inclusive) of every band but the first, as decimals.
STATUS_THRESHOLDS: tuple[float, ...] = (-0.5, -0.3, -0.2, 0.25, 0.5, 1.0)

STATUS_LABELS: dict[str, dict[str, str]] = {
    "severely_overvalued": {"zh": "严重高估", "en": "severely overvalued"},
    "overvalued": {"zh": "高估", "en": "overvalued"},
    "slightly_overvalued": {"zh": "偏高估", "en": "slightly overvalued"},
    "fair": {"zh": "合理估值", "en": "fair"},
    "slightly_undervalued": {"zh": "偏低估", "en": "slightly undervalued"},
    "undervalued": {"zh": "低估", "en": "undervalued"},
    "severely_undervalued": {"zh": "严重低估", "en": "severely undervalued"},
}


def status_for(upside: float) -> str:
    """The status code of an upside (a decimal: −0.467 = −46.7%)."""
    if not math.isfinite(upside):
        raise ValueError(f"upside must be a finite number, got {upside!r}")
    return STATUS_CODES[bisect.bisect_right(STATUS_THRESHOLDS, upside)]


def status_label(code: str, lang: str = "zh") -> str:
    """The label shown for a status code in ``lang`` ("zh" or "en")."""
    return STATUS_LABELS[code]["zh" if lang.startswith("zh") else "en"]


def upside(total, market_cap: float):
    """Upside X = value / market cap − 1, for a number or elementwise for an
    array (NaN, an invalid scenario, stays NaN)."""
    import numpy as np

    if isinstance(total, (int, float)):
        return float(total) / market_cap - 1.0
    with np.errstate(over="ignore"):     # a ratio beyond float64 is inf, which views show blank
        return np.asarray(total, dtype=float) / market_cap - 1.0


def band_edges(market_cap: float) -> list[float]:
    """Equity values at which the status changes, for a given market cap."""
    return [market_cap * (1.0 + t) for t in STATUS_THRESHOLDS]
