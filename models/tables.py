"""The tables a reader exports (CSV), built from the model and its valuation:
segment forecasts (report table 3), company totals (table 2), valuation
parameters per segment and for the company, the DDM (table 5) and the dynamic
valuation (table 4).

Each table comes with *keys*, not words: column keys (a year as int, or a
field name) and per row a tuple of keys or names; a caller that shows words
(the GUI, in the user's language) labels them. Cells are floats (NaN when
blank), text, or None where a column has no meaning for a row (a
company-level amount on a segment row, a rate on the company total).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from . import forecast as engine_forecast

#: rows of the company totals table, in order
COMPANY_ROWS = ("revenue", "revenue_growth", "operating_net_profit", "operating_profit_growth",
                "non_operating_profit", "minority_profit", "net_profit_attributable", "net_profit_growth",
                "operating_net_profit_attributable", "operating_attributable_growth")
#: columns of the per-segment parameters table
SEGMENT_PARAMS = ("discount_rate", "roe", "fade_growth", "fade_years", "terminal_growth", "multiple")
#: company-level inputs: key path and whether it is text
COMPANY_PARAMS = (
    (("company", "name"), True),
    (("company", "ticker"), True),
    (("company", "industry"), True),
    (("market", "price"), False),
    (("market", "shares"), False),
    (("market", "pe_ttm"), False),
    (("market", "pb_mrq"), False),
    (("valuation", "terminal_growth"), False),
    (("valuation", "fade_years"), False),
    (("valuation", "excess_cash"), False),
    (("valuation", "minority_interest"), False),
    (("valuation", "equity_investments"), False),
)
#: company-level inputs that read 0 when absent
ZERO_DEFAULT = {("valuation", "excess_cash"), ("valuation", "minority_interest"),
                ("valuation", "equity_investments")}
DDM_COLUMNS = ("forecast_value", "perpetual_value", "business_value", "terminal_share",
               "excess_cash", "minority_interest", "equity_investments", "total")
DYNAMIC_COLUMNS = ("discount_rate", "multiple", "earnings_base", "explicit_value", "post_explicit_value",
                   "business_value", "excess_cash", "minority_interest", "equity_investments", "total")
#: result columns that are company-level only
COMPANY_ONLY = ("excess_cash", "minority_interest", "equity_investments")
#: the row key of a result table's company total
TOTAL = "total"


@dataclass(frozen=True)
class Table:
    """``columns``: keys of the value columns; ``rows``: (row keys, cells)."""

    columns: tuple
    rows: list[tuple[tuple, list[Any]]]


def segment_forecasts(model, segment_tables=None) -> Table:
    """Rows (segment name, row key of ``forecast.ROWS``); columns the years."""
    tables = segment_tables or [engine_forecast.segment_table(model, i) for i in range(model.segment_count)]
    rows = []
    for i, t in enumerate(tables):
        name = model.segments[i]["name"]
        for key in engine_forecast.ROWS:
            rows.append(((name, key), [float(v) for v in t.row(key)]))
    return Table(tuple(model.years), rows)


def company_totals(model, company_table=None) -> Table:
    t = company_table if company_table is not None else engine_forecast.company_table(model)
    return Table(tuple(model.years), [((key,), [float(v) for v in t.row(key)]) for key in COMPANY_ROWS])


def segment_parameter_values(model, i: int) -> list[float]:
    """A segment's parameters as they apply (an absent override shows the
    company's value), in :data:`SEGMENT_PARAMS` order."""
    seg = model.segments[i]
    out = []
    for key in SEGMENT_PARAMS:
        if key == "fade_years":
            out.append(float(model.segment_fade_years(i)))
        elif key == "terminal_growth":
            out.append(float(model.segment_terminal_growth(i)))
        else:
            out.append(float(seg[key]))
    return out


def segment_parameters(model) -> Table:
    return Table(SEGMENT_PARAMS, [((model.segments[i]["name"],), segment_parameter_values(model, i))
                                  for i in range(model.segment_count)])


def company_parameter_value(model, path: tuple, is_text: bool):
    """Text (``""`` when absent), a float, or NaN when absent or not a number."""
    try:
        v = model.get(path)
    except (KeyError, IndexError, TypeError):
        v = 0.0 if path in ZERO_DEFAULT else None
    if is_text:
        return "" if v is None else str(v)
    try:
        return math.nan if v is None else float(v)
    except (TypeError, ValueError):
        return math.nan


def company_parameters(model) -> Table:
    return Table(("value",), [((path,), [company_parameter_value(model, path, is_text)])
                              for path, is_text in COMPANY_PARAMS])


def ddm_segment_values(seg) -> dict:
    return {"forecast_value": seg.forecast_value, "perpetual_value": seg.perpetual_value,
            "business_value": seg.business_value, "terminal_share": seg.terminal_share,
            "total": seg.business_value}


def ddm_total_values(method) -> dict:
    """The company row of table 5; None where the column has no total."""
    totals = method.column_totals
    share = totals["terminal_share"]
    return {"forecast_value": totals["forecast_value"], "perpetual_value": totals["perpetual_value"],
            "business_value": method.segment_total,
            "terminal_share": share if math.isfinite(share) else None,
            "excess_cash": method.excess_cash, "minority_interest": method.minority_interest,
            "equity_investments": method.equity_investments, "total": method.total}


def dynamic_segment_values(seg, model, i: int) -> dict:
    return {"discount_rate": model.segments[i]["discount_rate"], "multiple": seg.multiple,
            "earnings_base": seg.earnings_base, "explicit_value": seg.explicit_value,
            "post_explicit_value": seg.post_explicit_value, "business_value": seg.business_value,
            "total": seg.business_value}


def dynamic_total_values(method) -> dict:
    """The company row of table 4; None where the column has no total."""
    return {"discount_rate": None, "multiple": None,
            "earnings_base": method.column_totals["earnings_base"],
            "explicit_value": method.column_totals["explicit_value"],
            "post_explicit_value": method.column_totals["post_explicit_value"],
            "business_value": method.segment_total, "excess_cash": method.excess_cash,
            "minority_interest": method.minority_interest,
            "equity_investments": method.equity_investments, "total": method.total}


def _result_table(model, method, columns, segment_values, total_values) -> Table:
    rows = []
    for i, seg in enumerate(method.segments):
        values = segment_values(seg, i)
        rows.append(((model.segments[i]["name"],),
                     [None if key in COMPANY_ONLY else float(values.get(key, math.nan)) for key in columns]))
    total = total_values(method)
    rows.append(((TOTAL,), [None if total.get(key) is None else float(total[key]) for key in columns]))
    return Table(columns, rows)


def ddm_table(model, result) -> Table:
    """Rows: one per segment (its name), then the company total (:data:`TOTAL`)."""
    return _result_table(model, result.ddm, DDM_COLUMNS, lambda seg, i: ddm_segment_values(seg),
                         ddm_total_values)


def dynamic_table(model, result) -> Table:
    return _result_table(model, result.dynamic, DYNAMIC_COLUMNS,
                         lambda seg, i: dynamic_segment_values(seg, model, i), dynamic_total_values)
