"""DDM and dynamic (multiple-based) valuation, sum of the parts, upside, status.

Implements docs/valuation-method.md. The arithmetic lives in one vectorized
kernel, ``value_kernel``, shared by the single valuation and by every
sensitivity scenario: scenario inputs carry a leading axis K (one scenario per
row), segments an axis S, explicit forecast years an axis F. All float64.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, asdict
from typing import Any

import numpy as np

from .errors import InvalidInputError, Issue
from .justified import modes_and_factors
from .checks import document_errors, path_text
from .limits import MAX_UPSIDE
from .model import Model
from .status import status_for

#: A cash flow of year Y is discounted by (1 + r) ** -(Y - base_year).
WARN_SPREAD = 0.02        # r − gT below 2 points
WARN_TERMINAL_GROWTH = 0.05
WARN_TERMINAL_SHARE = 0.75


@dataclass(frozen=True)
class Prepared:
    """The model as arrays: what the kernel needs, built once per valuation."""

    names: list[str]
    forecast_years: np.ndarray      # (F,)
    offsets: np.ndarray             # (F,) Y − B
    last_offset: float              # N − B
    last_actual_revenue: np.ndarray  # (S,)
    last_actual_profit: np.ndarray   # (S,)
    growth: np.ndarray              # (S, F)
    margin: np.ndarray              # (S, F)
    discount_rate: np.ndarray       # (S,)
    roe: np.ndarray                 # (S,)
    fade_growth: np.ndarray         # (S,)
    fade_years: np.ndarray          # (S,) int
    terminal_growth: np.ndarray     # (S,)
    multiple: np.ndarray            # (S,)
    weights: tuple[float, float]
    excess_cash: float
    minority_interest: float
    equity_investments: float
    market_cap: float
    #: The dynamic method's multiple mode (models/justified.py): True where a
    #: segment uses the justified multiple; its adjustment factors (all segments).
    justified: np.ndarray | None = None         # (S,) bool
    justified_factor: np.ndarray | None = None  # (S,)


def prepare(model: Model) -> Prepared:
    doc = model.doc
    years = doc["years"]
    ffy = doc["first_forecast_year"]
    fyears = [y for y in years if y >= ffy]
    last_actual = str(ffy - 1)
    segs = doc["segments"]
    keys = [str(y) for y in fyears]
    rows = [[seg["forecast"][k] for k in keys] for seg in segs]
    growth = np.array([[row["growth"] for row in seg_rows] for seg_rows in rows], dtype=float).reshape(len(segs), len(keys))
    margin = np.array([[row["margin"] for row in seg_rows] for seg_rows in rows], dtype=float).reshape(len(segs), len(keys))
    val = doc["valuation"]
    company_tg = val["terminal_growth"]
    company_fade = val["fade_years"]
    base = ffy if val.get("base_year") is None else val["base_year"]
    last_actual_rows = [seg["actuals"][last_actual] for seg in segs]
    justified, factors = modes_and_factors(doc)
    return Prepared(
        names=[seg["name"] for seg in segs],
        forecast_years=np.asarray(fyears),
        offsets=np.asarray(fyears, dtype=float) - base,
        last_offset=float(fyears[-1] - base),
        last_actual_revenue=np.array([row["revenue"] for row in last_actual_rows], dtype=float),
        last_actual_profit=np.array([row["net_profit"] for row in last_actual_rows], dtype=float),
        growth=growth,
        margin=margin,
        discount_rate=np.array([seg["discount_rate"] for seg in segs], dtype=float),
        roe=np.array([seg["roe"] for seg in segs], dtype=float),
        fade_growth=np.array([seg["fade_growth"] for seg in segs], dtype=float),
        fade_years=np.array([company_fade if seg.get("fade_years") is None else seg["fade_years"] for seg in segs], dtype=int),
        terminal_growth=np.array([company_tg if seg.get("terminal_growth") is None else seg["terminal_growth"] for seg in segs], dtype=float),
        multiple=np.array([seg["multiple"] for seg in segs], dtype=float),
        weights=model.dynamic_weights,
        excess_cash=model.valuation_amount("excess_cash"),
        minority_interest=model.valuation_amount("minority_interest"),
        equity_investments=model.valuation_amount("equity_investments"),
        market_cap=model.market_cap,
        justified=justified,
        justified_factor=factors,
    )


def clamp01(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 1.0)


def value_kernel(p: Prepared, *, discount_rate: np.ndarray, roe: np.ndarray, fade_growth: np.ndarray,
                 terminal_growth: np.ndarray, multiple: np.ndarray, growth: np.ndarray,
                 margin: np.ndarray, want: str = "both",
                 multiple_scale: np.ndarray | float | None = None) -> dict[str, np.ndarray]:
    """Per-segment values for a batch of scenarios.

    Rate inputs are shaped (K, S) (K may be 1), ``growth``/``margin`` (K, S, F).
    ``want`` is "ddm", "dynamic" or "both". Scenarios where r ≤ gT give NaN in
    the DDM's terminal parts (never an exception). The per-segment fields of
    ``p`` (``last_actual_revenue``, ``last_actual_profit``, ``fade_years``,
    ``offsets``, ``last_offset``, ``weights``) may also carry the scenario axis,
    shaped (K, S) (``offsets`` (K, S, F)): attribution switches them per scenario.
    ``multiple`` is the
    composite multiple as used (scaled); ``multiple_scale`` (default 1) scales
    the justified multiple of segments in that mode (models/justified.py).
    With "both", ``justified_multiple`` is computed for every segment (NaN
    where the earnings base is not positive).
    """
    r = discount_rate
    revenue = p.last_actual_revenue[..., None] * np.cumprod(1.0 + growth, axis=-1)   # (K,S,F)
    earnings = revenue * margin
    payout = clamp01(1.0 - growth / roe[..., None])
    log_disc = np.log1p(r)                                                        # (K,S)
    discount = np.exp(-log_disc[..., None] * p.offsets)                            # (K,S,F)
    explicit = np.sum(earnings * payout * discount, axis=-1)                       # (K,S)
    last_earnings = earnings[..., -1]
    out: dict[str, np.ndarray] = {"explicit": explicit}
    any_justified = p.justified is not None and bool(p.justified.any())
    if want in ("ddm", "both") or any_justified:
        n2 = p.fade_years
        max_n2 = int(n2.max()) if n2.size else 0
        fade_payout = clamp01(1.0 - fade_growth / roe)
        if max_n2 > 0:
            k = np.arange(1, max_n2 + 1, dtype=float)
            log_fade = np.log1p(fade_growth)
            terms = np.exp((log_fade - log_disc)[..., None] * k - (log_disc * p.last_offset)[..., None])
            terms = np.where(k <= n2[..., None], terms, 0.0)                            # (K,S,M)
            fade = last_earnings * fade_payout * np.sum(terms, axis=-1)
        else:
            fade = np.zeros_like(explicit)
        end_earnings = last_earnings * (1.0 + fade_growth) ** n2
        terminal_dividend = end_earnings * (1.0 + terminal_growth) * clamp01(1.0 - terminal_growth / roe)
        spread = r - terminal_growth
        valid = spread > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            perpetual = np.where(valid, terminal_dividend / np.where(valid, spread, 1.0)
                                 * np.exp(-log_disc * (p.last_offset + n2)), np.nan)
        if want in ("ddm", "both"):
            out["fade"] = fade
            out["perpetual"] = perpetual
            out["ddm"] = explicit + fade + perpetual
    if want in ("dynamic", "both"):
        w1, w2 = p.weights
        if earnings.shape[-1] >= 2:
            prev_earnings = earnings[..., -2]
        else:
            prev_earnings = np.broadcast_to(p.last_actual_profit, last_earnings.shape)
        base = w1 * prev_earnings + w2 * last_earnings
        disc_n = np.exp(-log_disc * p.last_offset)
        post = base * multiple * disc_n
        if any_justified or (want == "both" and p.justified is not None):
            tail = (fade + perpetual) * p.justified_factor      # discounted to the base year
            with np.errstate(all="ignore"):
                out["justified_multiple"] = np.where(base > 0, tail / disc_n / base, np.nan)
            if any_justified:
                scaled = tail if multiple_scale is None else tail * multiple_scale
                post = np.where(p.justified, scaled, post)
        out["earnings_base"] = base
        out["post_explicit"] = post
        out["dynamic"] = explicit + post
    return out


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class DDMSegment:
    name: str
    explicit_value: float
    fade_value: float
    forecast_value: float      # explicit + fade (预测期价值)
    perpetual_value: float     # 永续期价值
    business_value: float      # 业务价值
    terminal_share: float      # perpetual / business value


@dataclass(frozen=True)
class DynamicSegment:
    name: str
    earnings_base: float       # 有效盈利预测
    multiple: float            # 综合倍数
    explicit_value: float      # 显性期价值
    post_explicit_value: float  # 显性期后价值
    business_value: float
    mode: str = "composite"    # the multiple used: "composite" (multiple) or "justified"
    justified_multiple: float | None = None   # None: "NM" (earnings base not positive)

    @property
    def multiple_used(self) -> float | None:
        return self.justified_multiple if self.mode == "justified" else self.multiple


@dataclass(frozen=True)
class MethodResult:
    method: str
    segments: list[Any]
    segment_total: float
    excess_cash: float
    minority_interest: float
    equity_investments: float
    total: float
    upside: float
    status: str
    #: Σ over segments of each column of table 4 / table 5 (the "company" row),
    #: e.g. forecast_value, perpetual_value, terminal_share (= Σ perpetual / Σ business).
    column_totals: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "segments": [_segment_dict(s, self.method) for s in self.segments],
            "segment_total": self.segment_total,
            "excess_cash": self.excess_cash,
            "minority_interest": self.minority_interest,
            "equity_investments": self.equity_investments,
            "total": self.total,
            "upside": self.upside,
            "status": self.status,
            "column_totals": dict(self.column_totals),
        }


def _segment_dict(seg: Any, method: str) -> dict:
    d = asdict(seg)
    if method == "ddm":
        keys = ("name", "forecast_value", "perpetual_value", "business_value",
                "explicit_value", "fade_value", "terminal_share")
    else:
        keys = ("name", "earnings_base", "multiple", "explicit_value", "post_explicit_value", "business_value",
                "mode", "justified_multiple")
    return {k: d[k] for k in keys}


@dataclass(frozen=True)
class ValuationResult:
    market_cap: float
    ddm: MethodResult
    dynamic: MethodResult
    multiples: Any
    warnings: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "market_cap": self.market_cap,
            "ddm": self.ddm.to_dict(),
            "dynamic": self.dynamic.to_dict(),
            "multiples": self.multiples.to_dict(),
            "warnings": [{"path": w.path, "message": w.message, "code": w.code} for w in self.warnings],
        }


def company_total(segment_total: float | np.ndarray, excess_cash: float | np.ndarray,
                  minority_interest: float, equity_investments: float):
    """Sum of the parts: Σ business values + excess cash − minority interest + equity investments."""
    return segment_total + excess_cash - minority_interest + equity_investments


def validate(model: Model) -> list[Issue]:
    """Every error in a model (structure, the method's invalid inputs and
    implausible values): the loader's rules (models/checks.py), checked in
    place without copying the document."""
    return [i for i in document_errors(model.doc) if i.severity == "error"]


def valuate(model: Model, *, check: bool = True) -> ValuationResult:
    """Value a model by both methods. Raises InvalidInputError on invalid input."""
    from .multiples import compute_multiples

    if check:
        errors = validate(model)
        if errors:
            raise InvalidInputError(errors)
    p = prepare(model)
    g = p.growth[None]
    m = p.margin[None]
    with np.errstate(all="ignore"):   # overflow is reported below as an error, not a warning
        out = value_kernel(p, discount_rate=p.discount_rate[None], roe=p.roe[None],
                           fade_growth=p.fade_growth[None], terminal_growth=p.terminal_growth[None],
                           multiple=p.multiple[None], growth=g, margin=m)
    out = {k: v[0] for k, v in out.items()}
    bad = [s for s in range(len(p.names)) if not (math.isfinite(out["ddm"][s]) and math.isfinite(out["dynamic"][s])
                                                  and math.isfinite(out["explicit"][s] + out["fade"][s]))]
    if bad:
        raise InvalidInputError([Issue.at(("segments", int(s)), "the values are too large to compute (overflow); check growth and margins", "error", "overflow") for s in bad])
    market_cap = p.market_cap
    ddm_segments = []
    dyn_segments = []
    for s, name in enumerate(p.names):
        explicit = float(out["explicit"][s])
        fade = float(out["fade"][s])
        perpetual = float(out["perpetual"][s])
        business = float(out["ddm"][s])
        share = perpetual / business if business != 0 else math.nan
        ddm_segments.append(DDMSegment(name, explicit, fade, explicit + fade, perpetual, business, share))
        jm = float(out["justified_multiple"][s])
        dyn_segments.append(DynamicSegment(name, float(out["earnings_base"][s]), float(p.multiple[s]), explicit,
                                           float(out["post_explicit"][s]), float(out["dynamic"][s]),
                                           "justified" if p.justified[s] else "composite",
                                           jm if math.isfinite(jm) else None))
    ddm = _method_result("ddm", ddm_segments, p)
    dynamic = _method_result("dynamic", dyn_segments, p)
    with np.errstate(all="ignore"):
        warnings = _warnings(model, p, ddm_segments)
    return ValuationResult(market_cap, ddm, dynamic, compute_multiples(model), warnings)


def _overflow(path: str) -> Issue:
    return Issue(path, "the values are too large to compute (overflow); check growth and margins", "error", "overflow")


def _sum(values) -> float:
    """math.fsum, but inf (refused below) where the sum leaves float64."""
    try:
        return float(math.fsum(values))
    except OverflowError:
        return math.inf


def _method_result(method: str, segments: list, p: Prepared) -> MethodResult:
    """The company's figures of one method. A result never holds inf or NaN
    (but a terminal share of a zero value): a total beyond float64 is an
    error, and so is an upside beyond MAX_UPSIDE (a value that many times the
    market cap means a price, share count or unit is wrong)."""
    seg_total = _sum(s.business_value for s in segments)
    total = float(company_total(seg_total, p.excess_cash, p.minority_interest, p.equity_investments))
    if method == "ddm":
        columns = ("explicit_value", "fade_value", "forecast_value", "perpetual_value", "business_value")
    else:
        columns = ("earnings_base", "explicit_value", "post_explicit_value", "business_value")
    totals = {c: _sum(getattr(s, c) for s in segments) for c in columns}
    if not (math.isfinite(total) and all(math.isfinite(v) for v in totals.values())):
        raise InvalidInputError([Issue("", "the total value is too large to compute", "error", "overflow")])
    upside = total / p.market_cap - 1.0
    if not (math.isfinite(upside) and abs(upside) <= MAX_UPSIDE):
        raise InvalidInputError([Issue.at(("market",), f"the {method} value is {total:.3g}, more than {MAX_UPSIDE:g} times "
                                          f"the market cap ({p.market_cap:.3g}); check the price, the share count "
                                          "and their units", "error", "value_vs_market_cap",
                                          {"method": method, "total": total, "market_cap": p.market_cap,
                                           "limit": MAX_UPSIDE})])
    if method == "ddm":
        totals["terminal_share"] = totals["perpetual_value"] / seg_total if seg_total else math.nan
    return MethodResult(method, segments, seg_total, p.excess_cash, p.minority_interest,
                        p.equity_investments, total, upside, status_for(upside), totals)


def _warnings(model: Model, p: Prepared, ddm_segments: list[DDMSegment]) -> list[Issue]:
    warnings: list[Issue] = []
    years = p.forecast_years
    roe = p.roe
    narrow = (p.discount_rate - p.terminal_growth) < WARN_SPREAD
    high_tg = p.terminal_growth > WARN_TERMINAL_GROWTH
    raw = 1.0 - p.growth / roe[:, None]
    low_payout, high_payout = raw < 0, raw > 1
    fade_raw = 1.0 - p.fade_growth / roe
    term_raw = 1.0 - p.terminal_growth / roe
    earnings = p.last_actual_revenue[:, None] * np.cumprod(1.0 + p.growth, axis=1) * p.margin
    negative = earnings < 0
    flagged = (narrow | high_tg | low_payout.any(axis=1) | high_payout.any(axis=1) | (fade_raw < 0) | (fade_raw > 1)
               | (term_raw < 0) | (term_raw > 1) | negative.any(axis=1)
               | (np.array([s.terminal_share for s in ddm_segments]) > WARN_TERMINAL_SHARE))
    for s in np.flatnonzero(flagged):
        name = p.names[s]
        path = ("segments", int(s))
        r, gT, roe_s = p.discount_rate[s], p.terminal_growth[s], roe[s]
        if narrow[s]:
            warnings.append(Issue.at(path + ("discount_rate",), f"{name}: discount rate {r:.2%} is less than 2 points above terminal growth {gT:.2%}; the terminal value is very sensitive", "warning", "narrow_spread",
                                  {"segment": name, "discount_rate": float(r), "terminal_growth": float(gT)}))
        if high_tg[s]:
            warnings.append(Issue.at(path + ("terminal_growth",), f"{name}: terminal growth {gT:.2%} is above 5%", "warning", "high_terminal_growth",
                                  {"segment": name, "terminal_growth": float(gT)}))
        share = ddm_segments[s].terminal_share
        if math.isfinite(share) and share > WARN_TERMINAL_SHARE:
            warnings.append(Issue.at(path, f"{name}: the terminal value is {share:.0%} of the segment's DDM value (above 75%)", "warning", "terminal_share",
                                  {"segment": name, "share": float(share)}))
        low = years[low_payout[s]]
        high = years[high_payout[s]]
        if low.size:
            warnings.append(Issue.at(path + ("forecast", str(low[0]), "growth"), f"{name}: payout clamped to 0 in {', '.join(map(str, low))} (growth above ROE {roe_s:.1%})", "warning", "payout_clamped",
                                  {"segment": name, "years": [int(y) for y in low], "roe": float(roe_s), "clamp": "zero", "stage": "explicit"}))
        if high.size:
            warnings.append(Issue.at(path + ("forecast", str(high[0]), "growth"), f"{name}: payout clamped to 100% in {', '.join(map(str, high))} (negative growth)", "warning", "payout_clamped",
                                  {"segment": name, "years": [int(y) for y in high], "roe": float(roe_s), "clamp": "one", "stage": "explicit"}))
        for label, value, where in (("fade", fade_raw[s], "fade_growth"), ("terminal", term_raw[s], "roe")):
            if value < 0 or value > 1:
                warnings.append(Issue.at(path + (where,), f"{name}: {label} payout clamped to {'0' if value < 0 else '100%'} ({label} growth vs ROE {roe_s:.1%})", "warning", "payout_clamped",
                                      {"segment": name, "years": [], "roe": float(roe_s), "clamp": "zero" if value < 0 else "one", "stage": label}))
        neg = years[negative[s]]
        if neg.size:
            warnings.append(Issue.at(path + ("forecast", str(neg[0]), "margin"), f"{name}: negative earnings in {', '.join(map(str, neg))}: its dividends are negative (the segment consumes capital)", "warning", "negative_earnings",
                                  {"segment": name, "years": [int(y) for y in neg]}))
    return warnings
