"""P/S, P/E and P/B (the P/S note's method, seeds/003).

P/S = market cap / revenue; P/E = market cap / net profit attributable;
P/B = market cap / equity. A half-year figure is annualized (× 2) and a TTM
figure used as is; the basis says which. A negative or zero denominator gives
"NM" (not meaningful), never a number.

Where the figures come from: the optional top-level ``financials`` object
(``period``, ``basis`` = "annual" | "half_year" | "ttm", ``revenue``,
``net_profit_attributable``, ``equity``), else the last actual year's company
totals; P/B without equity falls back to the quoted ``market.pb_mrq``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Model

ANNUALIZE = {"annual": 1.0, "ttm": 1.0, "half_year": 2.0}


@dataclass(frozen=True)
class Multiples:
    ps: float | None
    pe: float | None
    pb: float | None
    ps_basis: str
    pe_basis: str
    pb_basis: str
    revenue: float | None
    net_profit: float | None
    equity: float | None
    ps_nm: bool = False
    pe_nm: bool = False
    pb_nm: bool = False

    def to_dict(self) -> dict:
        def show(value, nm):
            return "NM" if nm else value
        return {
            "ps": show(self.ps, self.ps_nm), "pe": show(self.pe, self.pe_nm), "pb": show(self.pb, self.pb_nm),
            "ps_basis": self.ps_basis, "pe_basis": self.pe_basis, "pb_basis": self.pb_basis,
            "revenue": self.revenue, "net_profit": self.net_profit, "equity": self.equity,
        }


def ratio(market_cap: float, denominator: float | None) -> tuple[float | None, bool]:
    """(value, not_meaningful): NM when the denominator is ≤ 0, None when absent."""
    if denominator is None:
        return None, False
    if denominator <= 0:
        return None, True
    value = market_cap / denominator
    if not math.isfinite(value):   # a denominator too small to divide by
        return None, True
    return value, False


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def compute_multiples(model: Model) -> Multiples:
    cap = model.market_cap
    fin = model.doc.get("financials") if isinstance(model.doc.get("financials"), dict) else None
    revenue = net_profit = equity = None
    if fin is not None:
        basis = fin.get("basis", "annual")
        factor = ANNUALIZE.get(basis, 1.0)
        period = str(fin.get("period", ""))
        how = {"half_year": "× 2, annualized", "ttm": "TTM", "annual": "full year"}.get(basis, basis)
        rev = _number(fin.get("revenue"))
        prof = _number(fin.get("net_profit_attributable"))
        equity = _number(fin.get("equity"))
        if rev is not None:
            revenue = rev * factor
            ps_basis = f"revenue {period} {rev:g} ({how})"
        if prof is not None:
            net_profit = prof * factor
            pe_basis = f"net profit attributable {period} {prof:g} ({how})"
    last_actual = model.first_forecast_year - 1
    key = str(last_actual)
    if revenue is None:
        revenue = math.fsum(seg["actuals"][key]["revenue"] for seg in model.segments)
        ps_basis = f"revenue {last_actual}A (sum of segments)"
    if net_profit is None:
        operating = math.fsum(seg["actuals"][key]["net_profit"] for seg in model.segments)
        net_profit = (operating + model.company_forecast_value("non_operating_profit", last_actual)
                      - model.company_forecast_value("minority_profit", last_actual))
        pe_basis = f"net profit attributable {last_actual}A"
    ps, ps_nm = ratio(cap, revenue)
    pe, pe_nm = ratio(cap, net_profit)
    if equity is not None:
        pb, pb_nm = ratio(cap, equity)
        pb_basis = f"equity {equity:g}"
    else:
        quoted = _number(model.doc["market"].get("pb_mrq"))
        pb, pb_nm = (quoted, False) if quoted is not None and quoted > 0 else (None, quoted is not None)
        pb_basis = "quoted P/B (MRQ)" if quoted is not None else "no equity figure"
    if ps_nm:
        ps_basis += ": NM (revenue ≤ 0)"
    if pe_nm:
        pe_basis += ": NM (net profit ≤ 0)"
    if pb_nm:
        pb_basis += ": NM (equity ≤ 0)"
    return Multiples(ps, pe, pb, ps_basis, pe_basis, pb_basis, revenue, net_profit, equity, ps_nm, pe_nm, pb_nm)
