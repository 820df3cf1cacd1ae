"""Our valuation beside a source document's published figures (``reference``),
with the difference of each total located segment by segment.

``reference`` (model-file.md: quoted figures, never an input) is read as:

- company: ``market_cap``, ``ddm_total``, ``dynamic_total``, ``ddm_upside``,
  ``dynamic_upside``, ``ddm_status``, ``dynamic_status``, ``excess_cash``,
  ``minority_interest``, ``equity_investments``, ``source`` (text);
- ``ddm_columns`` ``{explicit_value, fade_value, forecast_value, perpetual_value,
  business_value}`` and ``dynamic_columns`` ``{earnings_base, explicit_value,
  post_explicit_value, business_value}``: the published "company" row of the
  value tables (Σ over segments);
- ``segments``: a list aligned with the model's segments by position, each
  ``{"name": …, "ddm": {column: value}, "dynamic": {column: value}}`` with the
  columns above (``dynamic`` may also give ``multiple``).

Any of these may be absent; values that are not finite numbers are ignored.

Locating a total's difference (ours − theirs): each segment whose business
value is published contributes its own difference; each company item
published (excess cash, minority interest, equity investments) contributes
its (minority interest with the sign it has in the total); what remains is
``not_located``: the segments the source does not break down, and the
rounding of published figures. The parts sum to the difference.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..model import Model
from ..valuation import MethodResult, ValuationResult, valuate

DDM_COLUMNS = ("explicit_value", "fade_value", "forecast_value", "perpetual_value", "business_value")
DYNAMIC_COLUMNS = ("earnings_base", "multiple", "explicit_value", "post_explicit_value", "business_value")
COMPANY_ITEMS = (("excess_cash", 1.0), ("minority_interest", -1.0), ("equity_investments", 1.0))


@dataclass(frozen=True)
class Figure:
    """One published figure beside ours. ``key`` is a path such as
    ``ddm.segments[0].business_value`` or ``dynamic.total``."""

    key: str
    ours: float
    theirs: float

    @property
    def difference(self) -> float:
        """ours − theirs."""
        return self.ours - self.theirs

    @property
    def relative(self) -> float | None:
        """(ours − theirs) / |theirs|; None when theirs is 0."""
        return self.difference / abs(self.theirs) if self.theirs != 0 else None


@dataclass(frozen=True)
class LocatedPart:
    part: str               # "segment", "excess_cash", "minority_interest", "equity_investments", "not_located"
    index: int | None       # the segment's position, for part == "segment"
    name: str               # the segment's name, or the part's key
    difference: float       # its share of ours − theirs (in the total's sign)


@dataclass(frozen=True)
class MethodComparison:
    method: str                       # "ddm" or "dynamic"
    ours_total: float
    theirs_total: float | None
    ours_status: str
    theirs_status: str | None
    ours_upside: float
    theirs_upside: float | None
    figures: list[Figure]             # every published figure of this method that maps onto ours
    located: list[LocatedPart]        # empty when the source gives no total

    @property
    def difference(self) -> float | None:
        return None if self.theirs_total is None else self.ours_total - self.theirs_total


@dataclass(frozen=True)
class ReferenceComparison:
    source: str | None
    market_cap: Figure | None
    ddm: MethodComparison
    dynamic: MethodComparison


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:   # an integer beyond float range in a free-form key
        return None
    return value if math.isfinite(value) else None


def _method(method: str, ours: MethodResult, ref: dict) -> MethodComparison:
    columns = DDM_COLUMNS if method == "ddm" else DYNAMIC_COLUMNS
    figures: list[Figure] = []
    theirs_total = _num(ref.get(f"{method}_total"))
    if theirs_total is not None:
        figures.append(Figure(f"{method}.total", ours.total, theirs_total))
    published_columns = ref.get(f"{method}_columns")
    if isinstance(published_columns, dict):
        for col in columns:
            theirs = _num(published_columns.get(col))
            if theirs is not None and col in ours.column_totals:
                figures.append(Figure(f"{method}.columns.{col}", ours.column_totals[col], theirs))
    segment_business: dict[int, Figure] = {}
    ref_segments = ref.get("segments")
    if isinstance(ref_segments, list):
        for i, (seg, entry) in enumerate(zip(ours.segments, ref_segments)):
            table = entry.get(method) if isinstance(entry, dict) else None
            if not isinstance(table, dict):
                continue
            for col in columns:
                theirs = _num(table.get(col))
                if theirs is None:
                    continue
                figure = Figure(f"{method}.segments[{i}].{col}", float(getattr(seg, col)), theirs)
                figures.append(figure)
                if col == "business_value":
                    segment_business[i] = figure
    located: list[LocatedPart] = []
    if theirs_total is not None:
        for i, figure in segment_business.items():
            located.append(LocatedPart("segment", i, ours.segments[i].name, figure.difference))
        for key, sign in COMPANY_ITEMS:
            theirs = _num(ref.get(key))
            if theirs is not None:
                figure = Figure(f"{method}.{key}", float(getattr(ours, key)), theirs)
                figures.append(figure)
                located.append(LocatedPart(key, None, key, sign * figure.difference))
        rest = (ours.total - theirs_total) - math.fsum(p.difference for p in located)
        located.append(LocatedPart("not_located", None, "not_located", rest))
    theirs_upside = _num(ref.get(f"{method}_upside"))
    status = ref.get(f"{method}_status")
    return MethodComparison(method, ours.total, theirs_total, ours.status,
                            status if isinstance(status, str) else None, ours.upside, theirs_upside,
                            figures, located)


def compare_with_reference(model: Model, result: ValuationResult | None = None) -> ReferenceComparison:
    """Our figures beside ``model.doc["reference"]``'s. ``result`` is
    ``valuate(model)`` when the caller has it already (else computed; raises
    InvalidInputError like ``valuate``)."""
    result = valuate(model) if result is None else result
    ref = model.doc.get("reference")
    ref = ref if isinstance(ref, dict) else {}
    cap = _num(ref.get("market_cap"))
    source = ref.get("source")
    return ReferenceComparison(source if isinstance(source, str) else None,
                               Figure("market_cap", result.market_cap, cap) if cap is not None else None,
                               _method("ddm", result.ddm, ref), _method("dynamic", result.dynamic, ref))
