"""Segment forecasts: deriving revenue and profit from growth and margin, and
inverting an edited derived cell back to the inputs (method doc, "Segment
forecast").

Actual years store revenue and net profit; forecast years store growth and
margin. Money in the model's unit; rates as decimals.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import InvalidEditError
from .model import Model, Path

ROWS: tuple[str, ...] = ("revenue", "growth", "net_profit", "margin", "profit_growth")
PERCENT_ROWS = frozenset({"growth", "margin", "profit_growth"})


@dataclass(frozen=True)
class SegmentTable:
    """One segment's table 3 rows, each a float64 array aligned with ``years``."""

    years: np.ndarray
    is_actual: np.ndarray
    revenue: np.ndarray
    growth: np.ndarray
    net_profit: np.ndarray
    margin: np.ndarray
    profit_growth: np.ndarray

    def row(self, name: str) -> np.ndarray:
        return getattr(self, name)


@dataclass(frozen=True)
class CompanyTable:
    """Company totals (table 2), each a float64 array aligned with ``years``."""

    years: np.ndarray
    is_actual: np.ndarray
    revenue: np.ndarray
    revenue_growth: np.ndarray
    operating_net_profit: np.ndarray
    operating_profit_growth: np.ndarray
    non_operating_profit: np.ndarray
    minority_profit: np.ndarray
    net_profit_attributable: np.ndarray
    net_profit_growth: np.ndarray
    #: 经营性归母净利润 = operating net profit − minority profit (method doc, company totals)
    operating_net_profit_attributable: np.ndarray
    operating_attributable_growth: np.ndarray

    ROWS = ("revenue", "revenue_growth", "operating_net_profit", "operating_profit_growth",
            "non_operating_profit", "minority_profit", "net_profit_attributable", "net_profit_growth",
            "operating_net_profit_attributable", "operating_attributable_growth")

    def row(self, name: str) -> np.ndarray:
        return getattr(self, name)


def growth_of(series: np.ndarray) -> np.ndarray:
    """Year-on-year growth; NaN for the first year and over a zero or negative base."""
    out = np.full(series.shape, np.nan)
    prev = series[..., :-1]
    with np.errstate(all="ignore"):
        g = series[..., 1:] / prev - 1.0
    out[..., 1:] = np.where((prev > 0) & np.isfinite(g), g, np.nan)
    return out


def segment_series(model: Model, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Revenue and net profit of segment ``i`` for every year of the model."""
    seg = model.segments[i]
    ffy = model.first_forecast_year
    years = model.years
    revenue = np.empty(len(years))
    profit = np.empty(len(years))
    actuals, forecast = seg["actuals"], seg["forecast"]
    prev = 0.0
    for k, y in enumerate(years):
        if y < ffy:
            row = actuals[str(y)]
            prev = revenue[k] = row["revenue"]
            profit[k] = row["net_profit"]
        else:
            row = forecast[str(y)]
            prev = revenue[k] = prev * (1.0 + row["growth"])
            profit[k] = prev * row["margin"]
    return revenue, profit


def segment_table(model: Model, i: int) -> SegmentTable:
    revenue, profit = segment_series(model, i)
    years = np.asarray(model.years)
    is_actual = years < model.first_forecast_year
    with np.errstate(all="ignore"):
        margin = profit / revenue
    margin = np.where((revenue != 0) & np.isfinite(margin), margin, np.nan)
    growth = growth_of(revenue)
    seg = model.segments[i]
    # Forecast growth is an input: show it exactly, even over a zero base.
    for k, y in enumerate(model.years):
        if not is_actual[k]:
            growth[k] = seg["forecast"][str(y)]["growth"]
            margin[k] = seg["forecast"][str(y)]["margin"]
    return SegmentTable(years, is_actual, revenue, growth, profit, margin, growth_of(profit))


def company_table(model: Model) -> CompanyTable:
    years = np.asarray(model.years)
    revenue = np.zeros(len(years))
    profit = np.zeros(len(years))
    for i in range(model.segment_count):
        r, p = segment_series(model, i)
        revenue += r
        profit += p
    non_op = np.array([model.company_forecast_value("non_operating_profit", y) for y in model.years])
    minority = np.array([model.company_forecast_value("minority_profit", y) for y in model.years])
    attributable = profit + non_op - minority
    operating_attributable = profit - minority
    return CompanyTable(years, years < model.first_forecast_year, revenue, growth_of(revenue), profit,
                        growth_of(profit), non_op, minority, attributable, growth_of(attributable),
                        operating_attributable, growth_of(operating_attributable))


def edit_cell(model: Model, i: int, year: int, row: str, value: float) -> list[tuple[Path, float]]:
    """The input changes meant by typing ``value`` into segment ``i``'s ``row`` at ``year``.

    Forecast years: revenue → that year's growth (later years keep their growth,
    so their revenue moves); net profit → margin; profit growth → margin.
    Actual years: revenue and net profit are stored; growth → revenue (from the
    previous year's); margin → net profit; profit growth → net profit.
    """
    if row not in ROWS:
        raise InvalidEditError(f"unknown row {row!r}")
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise InvalidEditError("the value must be a finite number")
    years = model.years
    if year not in years:
        raise InvalidEditError(f"{year} is not one of the model's years")
    k = years.index(year)
    with np.errstate(all="ignore"):
        changes = _edit_changes(model, i, year, k, row, float(value))
    for path, new_value in changes:
        if not math.isfinite(new_value):
            raise InvalidEditError("the value is out of range: it would make an input too large to hold", "too_large")
    return [(path, float(new_value)) for path, new_value in changes]


def _edit_changes(model: Model, i: int, year: int, k: int, row: str, value: float) -> list[tuple[Path, float]]:
    years = model.years
    revenue, profit = segment_series(model, i)
    base: Path = ("segments", i)
    if year >= model.first_forecast_year:
        fc: Path = base + ("forecast", str(year))
        prev_revenue = revenue[k - 1]
        if row == "growth":
            if value <= -1:
                raise InvalidEditError("revenue growth must be greater than −100%", "growth_range")
            return [(fc + ("growth",), value)]
        if row == "margin":
            return [(fc + ("margin",), value)]
        if row == "revenue":
            if prev_revenue <= 0:
                raise InvalidEditError(f"the revenue of {years[k - 1]} is zero, so a revenue cannot be turned into growth; edit the growth instead",
                                       "zero_previous_revenue", {"year": years[k - 1]})
            if value <= 0:
                raise InvalidEditError("a forecast revenue must be greater than 0 (growth above −100%)", "revenue_positive")
            return [(fc + ("growth",), value / prev_revenue - 1.0)]
        if row == "net_profit":
            if revenue[k] == 0:
                raise InvalidEditError(f"the revenue of {year} is zero, so a net profit cannot be turned into a margin",
                                       "zero_revenue", {"year": year})
            return [(fc + ("margin",), value / revenue[k])]
        # profit_growth
        if k == 0 or profit[k - 1] <= 0:
            raise InvalidEditError("profit growth needs a positive profit in the previous year; edit the margin instead",
                                   "profit_growth_base")
        if revenue[k] == 0:
            raise InvalidEditError(f"the revenue of {year} is zero, so a profit cannot be turned into a margin",
                                   "zero_revenue", {"year": year})
        return [(fc + ("margin",), profit[k - 1] * (1.0 + value) / revenue[k])]
    act: Path = base + ("actuals", str(year))
    if row == "revenue":
        if value < 0:
            raise InvalidEditError("an actual revenue must be ≥ 0", "actual_revenue_range")
        return [(act + ("revenue",), value)]
    if row == "net_profit":
        return [(act + ("net_profit",), value)]
    if row == "margin":
        return [(act + ("net_profit",), value * revenue[k])]
    if k == 0:
        raise InvalidEditError(f"{year} is the first year: it has no growth to edit; edit its revenue or profit",
                               "first_year_growth", {"year": year})
    if row == "growth":
        if value <= -1:
            raise InvalidEditError("revenue growth must be greater than −100%", "growth_range")
        return [(act + ("revenue",), revenue[k - 1] * (1.0 + value))]
    if profit[k - 1] <= 0:
        raise InvalidEditError("profit growth needs a positive profit in the previous year; edit the profit instead",
                               "profit_growth_base")
    return [(act + ("net_profit",), profit[k - 1] * (1.0 + value))]


# ---------------------------------------------------------------------------
# Structural edits (mutate in place; the GUI snapshots for undo)


def add_forecast_year(model: Model) -> int:
    """Append an estimate year; each segment repeats its last growth and margin."""
    new_year = model.years[-1] + 1
    for seg in model.segments:
        last = seg["forecast"][str(new_year - 1)] if str(new_year - 1) in seg["forecast"] else {"growth": 0.0, "margin": 0.0}
        seg["forecast"][str(new_year)] = {"growth": float(last["growth"]), "margin": float(last["margin"])}
    cf = model.doc.get("company_forecast")
    if isinstance(cf, dict):
        for table in cf.values():
            if isinstance(table, dict) and str(new_year - 1) in table:
                table[str(new_year)] = table[str(new_year - 1)]
    model.doc["years"] = model.years + [new_year]
    return new_year


def new_segment(model: Model, name: str) -> dict:
    """A segment with zero actuals and flat forecasts, using the first segment's rates."""
    template = model.segments[0] if model.segment_count else {}
    return {
        "name": name,
        "actuals": {str(y): {"revenue": 0.0, "net_profit": 0.0} for y in model.actual_years},
        "forecast": {str(y): {"growth": 0.0, "margin": 0.0} for y in model.forecast_years},
        "discount_rate": float(template.get("discount_rate", 0.09)),
        "roe": float(template.get("roe", 0.15)),
        "fade_growth": float(template.get("fade_growth", 0.05)),
        "multiple": float(template.get("multiple", 15.0)),
    }


def add_segment(model: Model, name: str, index: int | None = None) -> int:
    index = model.segment_count if index is None else index
    model.segments.insert(index, new_segment(model, name))
    return index


def remove_segment(model: Model, i: int) -> dict:
    if model.segment_count <= 1:
        raise InvalidEditError("a model needs at least one segment", "last_segment")
    return model.segments.pop(i)


def move_segment(model: Model, i: int, j: int) -> None:
    seg = model.segments.pop(i)
    model.segments.insert(j, seg)


def rename_segment(model: Model, i: int, name: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise InvalidEditError("a segment needs a name", "segment_name_missing")
    model.segments[i]["name"] = name.strip()
