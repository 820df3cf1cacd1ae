"""Revenue and gross-profit mix by segment for one year (the report's figures 1–2).

valuation-method.md, "Mix": revenue mix of year Y = each segment's revenue /
the company's revenue. The gross-profit mix uses ``actuals.Y.gross_profit``
(actual years) or revenue × ``forecast.Y.gross_margin`` (forecast years); a
segment without a gross figure is *missing* (``value`` None), never zero, and
the shares are then of the segments that have one (``complete`` is False).
Display only: no valuation uses these figures.

Money in the model's unit; shares are decimals (0.63 = 63%) that sum to 1 over
the segments with a value. When that total is not positive (a loss overall, or
no figures) the shares are undefined: every ``share`` is None.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..forecast import segment_series
from ..model import Model

MixKind = Literal["revenue", "gross_profit"]


@dataclass(frozen=True)
class MixPart:
    index: int              # the segment's position in the model
    name: str
    value: float | None     # revenue or gross profit, model unit; None = no figure
    share: float | None     # value / total; None when missing or the total is not positive


@dataclass(frozen=True)
class Mix:
    year: int
    kind: MixKind
    is_actual: bool         # an actual year (reported figures) or a forecast year
    parts: list[MixPart]    # one per segment, in model order
    total: float | None     # Σ of the values present (math.fsum); None when none is
    complete: bool          # every segment has a value

    @property
    def missing(self) -> list[int]:
        """Indices of the segments without a figure."""
        return [p.index for p in self.parts if p.value is None]


def _year_index(model: Model, year: int) -> int:
    years = model.years
    if year not in years:
        raise ValueError(f"{year} is not one of the model's years ({years[0]}–{years[-1]})")
    return years.index(year)


def _mix(model: Model, year: int, kind: MixKind, values: list[float | None]) -> Mix:
    present = [v for v in values if v is not None]
    total = math.fsum(present) if present else None
    shares_defined = total is not None and total > 0 and math.isfinite(total)
    parts = [MixPart(i, name, v, (v / total) if (v is not None and shares_defined) else None)
             for i, (name, v) in enumerate(zip(model.segment_names, values))]
    return Mix(year, kind, year < model.first_forecast_year, parts, total, len(present) == len(values))


def segment_revenues(model: Model, year: int) -> list[float]:
    """Each segment's revenue in ``year`` (as the segment tables show it)."""
    k = _year_index(model, year)
    return [float(segment_series(model, i)[0][k]) for i in range(model.segment_count)]


def segment_gross_profits(model: Model, year: int) -> list[float | None]:
    """Each segment's gross profit in ``year``: reported (actual years) or
    revenue × gross margin (forecast years); None where the figure is absent."""
    k = _year_index(model, year)
    key = str(year)
    out: list[float | None] = []
    actual = year < model.first_forecast_year
    for i, seg in enumerate(model.segments):
        if actual:
            value = (seg["actuals"].get(key) or {}).get("gross_profit")
            out.append(None if value is None else float(value))
        else:
            margin = (seg["forecast"].get(key) or {}).get("gross_margin")
            out.append(None if margin is None else float(segment_series(model, i)[0][k] * margin))
    return out


def revenue_mix(model: Model, year: int) -> Mix:
    """Figure 1: each segment's share of the company's revenue in ``year``.
    Raises ValueError when ``year`` is not one of the model's years."""
    return _mix(model, year, "revenue", list(segment_revenues(model, year)))


def gross_profit_mix(model: Model, year: int) -> Mix:
    """Figure 2: each segment's share of gross profit in ``year`` (missing
    segments left out of the total and marked). Raises ValueError when
    ``year`` is not one of the model's years."""
    return _mix(model, year, "gross_profit", segment_gross_profits(model, year))
