"""What changed between two versions of a model: the exact Shapley split.

Implements "What changed between two versions (attribution)" of
docs/valuation-method.md. Two models A and B with the same years and the same
number of segments (compared by position) differ in some *input groups*:

- per segment: ``growth``, ``margin`` (every forecast year), ``actuals``,
  ``discount_rate``, ``roe``, ``fade`` (fade growth and the segment's own fade
  years), ``terminal_growth`` (the segment's own), ``multiple``;
- for the company: ``cash_and_claims`` (excess cash, minority interest, equity
  investments) and ``settings`` (company terminal growth and fade years,
  dynamic weights, base year).

``total(B) − total(A)`` is split among the G groups that differ by the Shapley
value: a group's contribution is the average, over every order of switching
the differing groups from A to B, of the change its own switch makes. It is
computed from the values of all 2^G mixes ("B's inputs for the groups in the
subset, A's for the rest"), valued together in ONE call of the engine's
vectorized kernel (``models.valuation.value_kernel``), both methods at once.

The limit on G: the joint pass values 2^G mixes, so it runs when G ≤
``MAX_JOINT_GROUPS`` (12, 4096 mixes) and the arrays stay under
``MAX_JOINT_CELLS``. Above that the split is computed *segment-wise*, still
exactly: a segment's value depends only on its own groups and ``settings``,
and the cash line only on ``cash_and_claims``; the Shapley value is additive
over such parts and gives 0 to a group a part does not depend on, so each
segment's Shapley game has at most 9 players (2^9 = 512 mixes, whatever the
number of segments) and is again valued in one kernel call. Both strategies
give the same numbers (tested); ``strategy="joint"`` above the limit is refused
with a message naming G.

A mix can be invalid for the DDM although A and B are both valid (B's lower
discount rate with A's higher terminal growth: r ≤ gT): the split is then
undefined and ``AttributionError`` says which segment and groups; the dynamic
method is never affected. The market price changes the upside, not the value:
it is not a group, and each method's result reports the market caps and
upsides of A and B apart.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from ..errors import ModelError
from ..model import Model
from ..status import status_for
from ..valuation import Prepared, prepare, valuate, value_kernel

SEGMENT_GROUPS: tuple[str, ...] = ("growth", "margin", "actuals", "discount_rate", "roe", "fade",
                                   "terminal_growth", "multiple")
COMPANY_GROUPS: tuple[str, ...] = ("cash_and_claims", "settings")
GROUPS: tuple[str, ...] = SEGMENT_GROUPS + COMPANY_GROUPS
METHODS: tuple[str, ...] = ("ddm", "dynamic")

#: The joint pass values 2^G mixes: at most 2^12 = 4096.
MAX_JOINT_GROUPS = 12
#: … and at most this many cells (mixes × segments × max(forecast years, fade years)) per array.
MAX_JOINT_CELLS = 1 << 22
#: Segment-wise, a segment's game has at most 8 + 1 players (its groups and settings).
MAX_SEGMENT_PLAYERS = len(SEGMENT_GROUPS) + 1


class AttributionError(ModelError):
    """Two models that cannot be compared, or a split that is undefined.
    ``code`` and ``params`` say what for a translated message; ``str()`` is
    the English text the CLI prints."""

    def __init__(self, message: str, code: str = "", params: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})


@dataclass(frozen=True)
class Contribution:
    """One group's part of the change of one method's total.

    ``segment`` is the segment index for a segment group, None for a company
    group. ``by_segment[s]`` is the part landing in segment s's business value
    (a segment group moves only its own segment; ``settings`` may move all);
    ``value − sum(by_segment)`` lands in the cash line (``cash_and_claims``).
    """

    segment: int | None
    group: str
    value: float
    differs: bool
    by_segment: tuple[float, ...]

    def to_dict(self) -> dict:
        return {"segment": self.segment, "group": self.group, "value": self.value}


@dataclass(frozen=True)
class MethodAttribution:
    method: str
    from_total: float            # total(A), as valuate(A) gives it
    to_total: float              # total(B)
    contributions: list[Contribution]   # every group, in GROUPS order per segment, then the company's
    from_segments: tuple[float, ...]    # business values of A
    to_segments: tuple[float, ...]
    market_cap_from: float
    market_cap_to: float
    upside_from: float
    upside_to: float
    status_from: str
    status_to: str

    @property
    def change(self) -> float:
        return self.to_total - self.from_total

    def differing(self) -> list[Contribution]:
        """The contributions of the groups that differ (the waterfall's steps)."""
        return [c for c in self.contributions if c.differs]

    def to_dict(self) -> dict:
        """``{"from", "to", "contributions": [{"segment", "group", "value"}]}``:
        the CLI's JSON, the groups that differ only."""
        return {"from": self.from_total, "to": self.to_total,
                "contributions": [c.to_dict() for c in self.differing()]}


@dataclass(frozen=True)
class Attribution:
    methods: dict[str, MethodAttribution]
    groups: list[tuple[int | None, str]]    # the groups that differ, (segment, group)
    segment_names: list[str]                # B's names
    strategy: str                           # "joint", "segmentwise" or "none" (nothing differs)
    mixes: int                              # rows valued by the kernel in the one pass
    price_changed: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def ddm(self) -> MethodAttribution | None:
        return self.methods.get("ddm")

    @property
    def dynamic(self) -> MethodAttribution | None:
        return self.methods.get("dynamic")

    def to_dict(self) -> dict:
        return {m: r.to_dict() for m, r in self.methods.items()}


# ---------------------------------------------------------------------------
# The two models' inputs, by group


@dataclass(frozen=True)
class _Inputs:
    """One model's valuation inputs as arrays (segments S, forecast years F)."""

    growth: np.ndarray          # (S, F)
    margin: np.ndarray          # (S, F)
    actuals: list               # per segment: ((year, revenue, net profit), …) for the "differs" test
    last_revenue: np.ndarray    # (S,)
    last_profit: np.ndarray     # (S,)
    discount_rate: np.ndarray
    roe: np.ndarray
    fade_growth: np.ndarray
    own_fade_years: np.ndarray  # (S,) float, NaN = the company's
    own_terminal: np.ndarray    # (S,) NaN = the company's
    multiple: np.ndarray
    company_terminal: float
    company_fade_years: int
    weights: tuple[float, float]
    base_year: int
    cash: tuple[float, float, float]   # excess cash, minority interest, equity investments


def _inputs(model: Model) -> _Inputs:
    doc = model.doc
    segs = doc["segments"]
    fkeys = [str(y) for y in model.forecast_years]
    akeys = [str(y) for y in model.actual_years]
    last = akeys[-1]

    def own(seg: dict, key: str) -> float:
        value = seg.get(key)
        return math.nan if value is None else float(value)

    return _Inputs(
        growth=np.array([[seg["forecast"][k]["growth"] for k in fkeys] for seg in segs], dtype=float),
        margin=np.array([[seg["forecast"][k]["margin"] for k in fkeys] for seg in segs], dtype=float),
        actuals=[tuple((k, float(seg["actuals"][k]["revenue"]), float(seg["actuals"][k]["net_profit"]))
                       for k in akeys) for seg in segs],
        last_revenue=np.array([seg["actuals"][last]["revenue"] for seg in segs], dtype=float),
        last_profit=np.array([seg["actuals"][last]["net_profit"] for seg in segs], dtype=float),
        discount_rate=np.array([seg["discount_rate"] for seg in segs], dtype=float),
        roe=np.array([seg["roe"] for seg in segs], dtype=float),
        fade_growth=np.array([seg["fade_growth"] for seg in segs], dtype=float),
        own_fade_years=np.array([own(seg, "fade_years") for seg in segs], dtype=float),
        own_terminal=np.array([own(seg, "terminal_growth") for seg in segs], dtype=float),
        multiple=np.array([seg["multiple"] for seg in segs], dtype=float),
        company_terminal=model.terminal_growth,
        company_fade_years=int(doc["valuation"]["fade_years"]),
        weights=model.dynamic_weights,
        base_year=model.base_year,
        cash=(model.valuation_amount("excess_cash"), model.valuation_amount("minority_interest"),
              model.valuation_amount("equity_investments")),
    )


def _same(x, y) -> bool:
    """Equal inputs (NaN, "no override", equals NaN)."""
    return bool(np.array_equal(np.asarray(x, dtype=float), np.asarray(y, dtype=float), equal_nan=True))


def _segment_differs(a: _Inputs, b: _Inputs, s: int, group: str) -> bool:
    if group == "growth":
        return not _same(a.growth[s], b.growth[s])
    if group == "margin":
        return not _same(a.margin[s], b.margin[s])
    if group == "actuals":
        return a.actuals[s] != b.actuals[s]
    if group == "fade":
        return not _same([a.fade_growth[s], a.own_fade_years[s]], [b.fade_growth[s], b.own_fade_years[s]])
    if group == "terminal_growth":
        return not _same(a.own_terminal[s], b.own_terminal[s])
    return not _same(getattr(a, group)[s], getattr(b, group)[s])


def _company_differs(a: _Inputs, b: _Inputs, group: str) -> bool:
    if group == "cash_and_claims":
        return not _same(a.cash, b.cash)
    return not _same([a.company_terminal, a.company_fade_years, *a.weights, a.base_year],
                     [b.company_terminal, b.company_fade_years, *b.weights, b.base_year])


def check_comparable(a: Model, b: Model) -> None:
    """Raise AttributionError naming the difference unless A and B have the
    same years, first forecast year and number of segments."""
    if a.years != b.years:
        raise AttributionError(f"the models have different years: A {_span(a.years)}, B {_span(b.years)}",
                               "attribution_years", {"a": list(a.years), "b": list(b.years)})
    if a.first_forecast_year != b.first_forecast_year:
        raise AttributionError(f"the models have different first forecast years: A {a.first_forecast_year}, "
                               f"B {b.first_forecast_year}", "attribution_first_year",
                               {"a": a.first_forecast_year, "b": b.first_forecast_year})
    if a.segment_count != b.segment_count:
        raise AttributionError(f"the models have different segments: A has {a.segment_count} "
                               f"({', '.join(a.segment_names)}), B has {b.segment_count} ({', '.join(b.segment_names)})",
                               "attribution_segments", {"a": a.segment_count, "b": b.segment_count})


def _span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if years else "none"


def differing_groups(a: Model, b: Model) -> list[tuple[int | None, str]]:
    """The groups whose inputs differ between A and B: (segment, group), segment
    groups first (by segment, in SEGMENT_GROUPS order), then the company's."""
    check_comparable(a, b)
    ia, ib = _inputs(a), _inputs(b)
    out: list[tuple[int | None, str]] = [(s, g) for s in range(a.segment_count) for g in SEGMENT_GROUPS
                                         if _segment_differs(ia, ib, s, g)]
    out += [(None, g) for g in COMPANY_GROUPS if _company_differs(ia, ib, g)]
    return out


# ---------------------------------------------------------------------------
# The mixes


def _mix_values(p0: Prepared, a: _Inputs, b: _Inputs, take: dict[str, np.ndarray],
                take_settings: np.ndarray | None, K: int,
                want: str) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Value K mixes in one kernel call.

    ``take[group]`` (K, S) is True where the mix takes B's inputs of that
    segment group (a group absent from ``take`` keeps A's inputs in every mix,
    without a mix axis); ``take_settings`` (K, S) where it takes B's company
    settings (per segment: the segment-wise strategy switches them segment by
    segment), None for A's everywhere. Returns the kernel's output, the
    discount rates and the terminal growths, each (K, S).
    """
    def pick(group: str, xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
        t = take.get(group)
        if t is None:
            return xa[None]
        if xa.ndim == 2:
            t = t[..., None]
        return np.where(t, xb, xa)

    if take_settings is None:
        company_tg, company_fy, base_year = a.company_terminal, a.company_fade_years, np.asarray(float(a.base_year))
        w1, w2 = a.weights
    else:
        st = take_settings
        company_tg = np.where(st, b.company_terminal, a.company_terminal)
        company_fy = np.where(st, b.company_fade_years, a.company_fade_years)
        base_year = np.where(st, b.base_year, a.base_year)
        w1 = np.where(st, b.weights[0], a.weights[0])
        w2 = np.where(st, b.weights[1], a.weights[1])
    own_tg = pick("terminal_growth", a.own_terminal, b.own_terminal)
    own_fy = pick("fade", a.own_fade_years, b.own_fade_years)
    terminal = np.where(np.isnan(own_tg), company_tg, own_tg)
    fade_years = np.where(np.isnan(own_fy), company_fy, own_fy).astype(int)
    fyears = p0.forecast_years.astype(float)
    p = Prepared(
        names=p0.names, forecast_years=p0.forecast_years,
        offsets=fyears - base_year[..., None],
        last_offset=fyears[-1] - base_year,
        last_actual_revenue=pick("actuals", a.last_revenue, b.last_revenue),
        last_actual_profit=pick("actuals", a.last_profit, b.last_profit),
        growth=p0.growth, margin=p0.margin, discount_rate=p0.discount_rate, roe=p0.roe,
        fade_growth=p0.fade_growth, fade_years=fade_years, terminal_growth=terminal, multiple=p0.multiple,
        weights=(w1, w2), excess_cash=p0.excess_cash, minority_interest=p0.minority_interest,
        equity_investments=p0.equity_investments, market_cap=p0.market_cap)
    r = pick("discount_rate", a.discount_rate, b.discount_rate)
    with np.errstate(all="ignore"):
        out = value_kernel(p, discount_rate=r, roe=pick("roe", a.roe, b.roe),
                           fade_growth=pick("fade", a.fade_growth, b.fade_growth), terminal_growth=terminal,
                           multiple=pick("multiple", a.multiple, b.multiple),
                           growth=pick("growth", a.growth, b.growth), margin=pick("margin", a.margin, b.margin),
                           want=want)
    shape = (K, len(p0.names))
    out = {k: np.broadcast_to(v, shape) for k, v in out.items()}
    return out, np.broadcast_to(r, shape), np.broadcast_to(terminal, shape)


@functools.lru_cache(maxsize=32)
def _shapley_plan(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each player j: the subsets without j (n, 2^(n−1)), the same with j
    added, and each subset's weight |T|! (n − |T| − 1)! / n!."""
    masks = np.arange(1 << n)
    sizes = np.zeros(1 << n, dtype=int)
    for j in range(n):
        sizes += (masks >> j) & 1
    weight_of_size = np.array([math.factorial(c) * math.factorial(n - c - 1) / math.factorial(n) for c in range(n)])
    without = np.stack([masks[(masks >> j) & 1 == 0] for j in range(n)])
    with_ = without | (1 << np.arange(n))[:, None]
    return without, with_, weight_of_size[sizes[without]]


def _shapley(values: np.ndarray, n: int) -> np.ndarray:
    """Shapley values of n players from a game's values over all 2^n subsets.

    ``values[mask, ...]``: the value when the players whose bits are set in
    ``mask`` take B's inputs. Returns (n, ...). Each contribution is a weighted
    sum of the differences its own switch makes, so a player whose switch
    never changes anything gets exactly 0.
    """
    without, with_, weights = _shapley_plan(n)
    diffs = values[with_] - values[without]                     # (n, 2^(n−1), ...)
    return np.einsum("nk,nk...->n...", weights, diffs)


def _describe_mix(groups: Sequence[tuple[int | None, str]], mask: int) -> str:
    on = [g for j, g in enumerate(groups) if mask >> j & 1]
    if not on:
        return "A's inputs"
    return "B's " + ", ".join(group if seg is None else f"{group} of segment {seg}" for seg, group in on) \
        + " with A's other inputs"


def attribute(a: Model, b: Model, methods: Iterable[str] = METHODS, *, strategy: str = "auto") -> Attribution:
    """Split total(B) − total(A) among the input groups that differ, per method.

    ``methods``: "ddm" and/or "dynamic". ``strategy``: "auto" (joint when G ≤
    MAX_JOINT_GROUPS and the arrays fit, else segment-wise), "joint" or
    "segmentwise" (both exact). Raises AttributionError when the models
    differ in years or segments, or a mix is invalid for the DDM; the
    models' own errors as ``valuate`` raises them.
    """
    methods = tuple(dict.fromkeys(methods))
    for m in methods:
        if m not in METHODS:
            raise ValueError(f"unknown method {m!r}; one of: ddm, dynamic")
    if not methods:
        raise ValueError("no method to attribute")
    if strategy not in ("auto", "joint", "segmentwise"):
        raise ValueError(f"unknown strategy {strategy!r}; one of: auto, joint, segmentwise")
    check_comparable(a, b)
    ra, rb = valuate(a), valuate(b)
    ia, ib = _inputs(a), _inputs(b)
    S = a.segment_count
    groups = differing_groups(a, b)
    G = len(groups)
    want = methods[0] if len(methods) == 1 else "both"
    p0 = prepare(a)
    F = len(p0.forecast_years)
    fade_years = [ia.company_fade_years, ib.company_fade_years]
    fade_years += [int(x) for x in np.concatenate([ia.own_fade_years, ib.own_fade_years]) if not np.isnan(x)]
    depth = max(F, max(fade_years), 1)
    joint_fits = G <= MAX_JOINT_GROUPS and (1 << G) * S * depth <= MAX_JOINT_CELLS
    if strategy == "joint" and not joint_fits:
        raise AttributionError(
            f"{G} input groups differ: the joint pass would value 2^{G} = {1 << G} mixes, above its limit "
            f"(at most {MAX_JOINT_GROUPS} groups and {MAX_JOINT_CELLS} cells); use the segment-wise split",
            "attribution_joint_limit", {"groups": G, "limit": MAX_JOINT_GROUPS})
    use = "none" if G == 0 else ("joint" if strategy == "joint" or (strategy == "auto" and joint_fits)
                                 else "segmentwise")
    index = {g: j for j, g in enumerate(groups)}
    seg_contrib = {m: np.zeros((G, S)) for m in methods}     # group × segment
    cash_a = ia.cash[0] - ia.cash[1] + ia.cash[2]
    cash_b = ib.cash[0] - ib.cash[1] + ib.cash[2]
    total_contrib = {m: np.zeros(G) for m in methods}
    mixes = 0

    if use == "joint":
        K = 1 << G
        masks = np.arange(K)
        take: dict[str, np.ndarray] = {}
        take_settings = None
        for j, (seg, g) in enumerate(groups):
            on = (masks >> j & 1).astype(bool)
            if seg is not None:
                take.setdefault(g, np.zeros((K, S), dtype=bool))[:, seg] = on
            elif g == "settings":
                take_settings = np.repeat(on[:, None], S, axis=1)
        out, r, tg = _mix_values(p0, ia, ib, take, take_settings, K, want)
        mixes = K
        cash = np.full(K, cash_a)
        if (None, "cash_and_claims") in index:
            cash = np.where(masks >> index[(None, "cash_and_claims")] & 1, cash_b, cash_a)
        for m in methods:
            seg_values = out[m]
            _check_mixes(m, seg_values, r, tg, groups, range(S))
            totals = seg_values.sum(axis=1) + cash
            phi = _shapley(np.column_stack([totals, seg_values]), G)
            total_contrib[m], seg_contrib[m] = phi[:, 0], phi[:, 1:]
    elif use == "segmentwise":
        players: list[list[tuple[int | None, str]]] = []
        for s in range(S):
            own = [g for g in groups if g[0] == s]
            if (None, "settings") in index:
                own.append((None, "settings"))
            players.append(own)
        n_max = max(len(pl) for pl in players)
        K = 1 << n_max
        masks = np.arange(K)
        take = {}
        take_settings = None
        for s, pl in enumerate(players):
            for j, (seg, g) in enumerate(pl):
                on = (masks >> j & 1).astype(bool)
                if seg is None:
                    if take_settings is None:
                        take_settings = np.zeros((K, S), dtype=bool)
                    take_settings[:, s] = on
                else:
                    take.setdefault(g, np.zeros((K, S), dtype=bool))[:, s] = on
        out, r, tg = _mix_values(p0, ia, ib, take, take_settings, K, want)
        mixes = K
        for m in methods:
            seg_values = out[m]
            for s, pl in enumerate(players):
                n = len(pl)
                if n == 0:
                    continue
                rows = slice(0, 1 << n)
                cols = slice(s, s + 1)
                _check_mixes(m, seg_values[rows, cols], r[rows, cols], tg[rows, cols], pl, [s])
                phi = _shapley(seg_values[: 1 << n, s], n)
                for j, g in enumerate(pl):
                    seg_contrib[m][index[g], s] += phi[j]
            total_contrib[m] = seg_contrib[m].sum(axis=1)
            if (None, "cash_and_claims") in index:
                total_contrib[m][index[(None, "cash_and_claims")]] += cash_b - cash_a

    results: dict[str, MethodAttribution] = {}
    for m in methods:
        res_a, res_b = getattr(ra, m), getattr(rb, m)
        contributions = []
        for s in range(S):
            for g in SEGMENT_GROUPS:
                j = index.get((s, g))
                contributions.append(_contribution(s, g, j, total_contrib[m], seg_contrib[m], S))
        for g in COMPANY_GROUPS:
            j = index.get((None, g))
            contributions.append(_contribution(None, g, j, total_contrib[m], seg_contrib[m], S))
        results[m] = MethodAttribution(
            m, res_a.total, res_b.total, contributions,
            tuple(x.business_value for x in res_a.segments), tuple(x.business_value for x in res_b.segments),
            ra.market_cap, rb.market_cap, res_a.upside, res_b.upside, res_a.status, res_b.status)
    notes = [f"segment {s} is {na!r} in A and {nb!r} in B: segments are compared by position"
             for s, (na, nb) in enumerate(zip(a.segment_names, b.segment_names)) if na != nb]
    if ra.market_cap != rb.market_cap:
        notes.append(f"the market cap changed from {ra.market_cap:.2f} to {rb.market_cap:.2f}: "
                     "it moves the upside, not the value")
    return Attribution(results, groups, b.segment_names, use, mixes, ra.market_cap != rb.market_cap, notes)


def _contribution(seg, group, j, totals, per_segment, S) -> Contribution:
    if j is None:
        return Contribution(seg, group, 0.0, False, (0.0,) * S)
    return Contribution(seg, group, float(totals[j]), True, tuple(float(x) for x in per_segment[j]))


def _check_mixes(method: str, seg_values: np.ndarray, r: np.ndarray, tg: np.ndarray,
                 groups: Sequence[tuple[int | None, str]], segments: Sequence[int]) -> None:
    """Refuse a split where some mix cannot be valued (r ≤ gT for the DDM,
    overflow). Arrays are (mixes, columns); ``segments[c]`` is column c's segment."""
    bad = ~np.isfinite(seg_values)
    if method == "ddm":
        bad |= r <= tg
    if not bad.any():
        return
    k, c = (int(x) for x in np.argwhere(bad)[0])
    params = {"method": method, "segment": int(segments[c]),
              "b_groups": [g for j, g in enumerate(groups) if k >> j & 1]}
    if method == "ddm" and r[k, c] <= tg[k, c]:
        why = f"its discount rate {r[k, c]:.2%} is not above its terminal growth {tg[k, c]:.2%}"
        params.update(reason="rate", discount_rate=float(r[k, c]), terminal_growth=float(tg[k, c]))
    else:
        why = "its value is too large to compute"
        params.update(reason="too_large")
    label = "DDM" if method == "ddm" else "dynamic"
    raise AttributionError(
        f"the {label} split is undefined: with {_describe_mix(groups, k)}, segment {segments[c]} {why}; "
        f"change A or B so that every mix is valid, or attribute the other method",
        "attribution_undefined", params)


# ---------------------------------------------------------------------------
# Scenarios


def attribute_scenarios(model: Model, to: str, against: str | None = None,
                        methods: Iterable[str] = METHODS, *, strategy: str = "auto") -> Attribution:
    """From the base (or scenario ``against``) to scenario ``to`` of ``model``."""
    from .scenarios import apply_scenario, base_model

    a = base_model(model) if against is None else apply_scenario(model, against)
    b = apply_scenario(model, to)
    return attribute(a, b, methods, strategy=strategy)
