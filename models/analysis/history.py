"""The company's history (figures 3–6 of the report) from ``history``, with
ratios derived from raw figures where the file does not give them.

A reported value always wins; a ratio absent in a year is derived when its
raw figures are there, and marked ``derived``:

| ratio | derived as | defined when |
|---|---|---|
| `revenue_growth` | revenue_Y / revenue_{Y−1} − 1 | revenue_{Y−1} > 0 |
| `operating_profit_growth` | operating_profit_Y / operating_profit_{Y−1} − 1 | operating_profit_{Y−1} > 0 |
| `net_profit_growth` | net_profit_attributable_Y / …_{Y−1} − 1 | …_{Y−1} > 0 |
| `operating_margin` | operating_profit / revenue | revenue > 0 |
| `roe` | net_profit_attributable / equity (year-end equity) | equity > 0 |
| `ocf_to_revenue` | operating_cash_flow / revenue | revenue > 0 |
| `payout_ratio` | dividends / net_profit_attributable | net profit > 0 |
| `rd_to_revenue` | rd_expense / revenue | revenue > 0 |

Derivations use reported figures only (never another derived value).
`net_margin_deducted`, `roic` and `net_payables_to_assets` need figures the
format does not carry, so they are shown only when reported. Rates are
decimals; money in the model's unit.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..dossier import HISTORY_METRICS, YEAR_KEY
from ..model import Model

#: ratio → ("growth", raw) or ("ratio", numerator, denominator)
DERIVATIONS: dict[str, tuple[str, ...]] = {
    "revenue_growth": ("growth", "revenue"),
    "operating_profit_growth": ("growth", "operating_profit"),
    "net_profit_growth": ("growth", "net_profit_attributable"),
    "operating_margin": ("ratio", "operating_profit", "revenue"),
    "roe": ("ratio", "net_profit_attributable", "equity"),
    "ocf_to_revenue": ("ratio", "operating_cash_flow", "revenue"),
    "payout_ratio": ("ratio", "dividends", "net_profit_attributable"),
    "rd_to_revenue": ("ratio", "rd_expense", "revenue"),
}

#: The report's figures 3–6 and the metrics each plots (history ratings' keys).
FIGURES: dict[str, tuple[str, ...]] = {
    "profitability": ("roe", "roic", "net_margin_deducted", "operating_margin"),
    "growth": ("revenue_growth", "operating_profit_growth", "net_profit_growth"),
    "control": ("ocf_to_revenue", "net_payables_to_assets"),
    "shareholder_return": ("roe", "payout_ratio"),
}


@dataclass(frozen=True)
class HistoryValue:
    value: float
    derived: bool = False   # computed here from raw figures, not in the file


@dataclass(frozen=True)
class HistoryTable:
    """Every metric with at least one value, by year. ``metrics`` lists the
    recognised metrics first (model-file.md's order), then the file's other
    numeric metrics (e.g. ``overseas_revenue_reported``) as written."""

    years: list[int]                                   # every year any metric has, ascending
    metrics: dict[str, dict[int, HistoryValue]] = field(default_factory=dict)

    def value(self, metric: str, year: int) -> HistoryValue | None:
        return self.metrics.get(metric, {}).get(year)

    def series(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        """(values, derived) aligned with ``years``: float64 with NaN where
        there is no value, and a bool mask of the derived ones (for a chart)."""
        row = self.metrics.get(metric, {})
        values = np.array([row[y].value if y in row else np.nan for y in self.years], dtype=float)
        derived = np.array([y in row and row[y].derived for y in self.years], dtype=bool)
        return values, derived


def _reported(history: Any) -> dict[str, dict[int, float]]:
    """The numeric {year: value} series of ``history``; other shapes are skipped."""
    out: dict[str, dict[int, float]] = {}
    if not isinstance(history, dict):
        return out
    for metric, series in history.items():
        if not isinstance(series, dict):
            continue
        row: dict[int, float] = {}
        for year, value in series.items():
            if (isinstance(year, str) and YEAR_KEY.match(year) and not isinstance(value, bool)
                    and isinstance(value, (int, float))):
                try:
                    number = float(value)
                except OverflowError:   # an integer beyond float range in a free-form metric
                    continue
                if math.isfinite(number):
                    row[int(year)] = number
        if row:
            out[metric] = row
    return out


def _derive(rule: tuple[str, ...], raw: dict[str, dict[int, float]]) -> dict[int, float]:
    if rule[0] == "growth":
        series = raw.get(rule[1], {})
        return {y: v / series[y - 1] - 1.0 for y, v in series.items()
                if series.get(y - 1, 0.0) > 0}
    num, den = raw.get(rule[1], {}), raw.get(rule[2], {})
    return {y: v / den[y] for y, v in num.items() if den.get(y, 0.0) > 0}


def history_table(model: Model | dict) -> HistoryTable:
    """The history of ``model`` (a Model or a document) with derivable ratios filled in."""
    doc = model.doc if isinstance(model, Model) else model
    raw = _reported(doc.get("history"))
    metrics: dict[str, dict[int, HistoryValue]] = {}
    for metric in HISTORY_METRICS:
        row = {y: HistoryValue(v) for y, v in raw.get(metric, {}).items()}
        rule = DERIVATIONS.get(metric)
        if rule is not None:
            for y, v in _derive(rule, raw).items():
                if y not in row and math.isfinite(v):
                    row[y] = HistoryValue(v, True)
        if row:
            metrics[metric] = dict(sorted(row.items()))
    for metric, series in raw.items():
        if metric not in metrics and metric not in HISTORY_METRICS:
            metrics[metric] = {y: HistoryValue(v) for y, v in sorted(series.items())}
    years = sorted({y for row in metrics.values() for y in row})
    return HistoryTable(years, metrics)
