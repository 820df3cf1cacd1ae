"""The company facts a reader sees first (the header block of the report):
names, price, market cap, P/E, P/B, P/S, and each method's value, upside and
status. One source for the GUI header, the CSV export and the coming dossier.

The rule for a multiple: the quoted figure from the model's ``market``
(``pe_ttm``, ``pb_mrq``) when there is one, else the engine's own
(``ValuationResult.multiples``); "not meaningful" (NM) when the
engine's denominator is ≤ 0.
"""
from __future__ import annotations

import math
from dataclasses import dataclass



@dataclass(frozen=True)
class Multiple:
    value: float | None        # None when unknown or not meaningful
    not_meaningful: bool = False
    quoted: bool = False       # from the model's market block, not computed


@dataclass(frozen=True)
class MethodFacts:
    method: str                # "ddm" | "dynamic"
    total: float               # equity value, in the model's money unit
    upside: float              # decimal (0.1 = +10%) against the market cap
    status: str                # a code of models.status.STATUS_CODES


@dataclass(frozen=True)
class CompanyFacts:
    name: str
    name_en: str | None
    ticker: str | None
    industry: str | None
    unit: str                  # the model's money unit, e.g. 亿元
    price: float | None        # per share
    market_cap: float          # in ``unit``
    pe: Multiple
    pb: Multiple
    ps: Multiple
    methods: tuple[MethodFacts, ...]   # empty when the model could not be valued


def _quoted(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _multiple(quoted, value, nm) -> Multiple:
    q = _quoted(quoted)
    if q is not None:
        return Multiple(q, False, True)
    return Multiple(None if nm else value, bool(nm), False)


def company_facts(model, result=None) -> CompanyFacts:
    """The facts of ``model``; ``result`` (its ``ValuationResult``) brings the
    methods and the engine's multiples; without it only quoted multiples show."""
    doc = model.doc
    company = doc.get("company", {}) or {}
    market = doc.get("market", {}) or {}
    multiples = result.multiples if result is not None else None
    pe = _multiple(market.get("pe_ttm"), getattr(multiples, "pe", None), getattr(multiples, "pe_nm", False))
    pb = _multiple(market.get("pb_mrq"), getattr(multiples, "pb", None), getattr(multiples, "pb_nm", False))
    ps = _multiple(None, getattr(multiples, "ps", None), getattr(multiples, "ps_nm", False))
    methods = () if result is None else tuple(
        MethodFacts(name, m.total, m.upside, m.status) for name, m in (("ddm", result.ddm), ("dynamic", result.dynamic)))
    return CompanyFacts(
        name=model.company_name, name_en=company.get("name_en") or None, ticker=company.get("ticker") or None,
        industry=company.get("industry") or None, unit=model.unit, price=_quoted(market.get("price")),
        market_cap=model.market_cap, pe=pe, pb=pb, ps=ps, methods=methods)

