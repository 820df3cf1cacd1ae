"""The glass box (valuation-method.md, "The glass box"): every step of each
segment's DDM and dynamic valuation, year by year, so a reader can redo it.

DDM, per segment: for each year from the first forecast year to the last fade
year, earnings, the growth the payout uses, payout (raw 1 − g/ROE and clamped
to [0, 1]), dividend, discount factor (1+r)^−(Y−B) and present value; then the
terminal step: terminal dividend, terminal value at year N+n2 and its present
value. Dynamic, per segment: the two earnings of the weighted base, the base,
the multiple, the discount factor (1+r)^−(N−B), the post-explicit value, and
the explicit-period value (the DDM's explicit rows).

Sums are ``math.fsum`` of the rows. They equal ``models.valuate``'s figures
to within 1e-12 of the sum of the rows' magnitudes (the engine computes the
same formulas vectorized; only the rounding order differs), so the schedule
and the value tables agree to every digit shown.

Money in the model's unit; rates, payouts and discount factors are decimals.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..errors import InvalidInputError
from ..forecast import segment_series
from ..model import Model
from ..valuation import validate

Stage = Literal["explicit", "fade"]


@dataclass(frozen=True)
class ScheduleRow:
    year: int
    stage: Stage
    earnings: float           # E_Y
    growth: float             # growth the payout uses: revenue growth (explicit) or fade growth
    payout_raw: float         # 1 − growth / ROE
    payout: float             # clamped to [0, 1]
    clamped: str | None       # "zero", "one" or None
    dividend: float           # D_Y = E_Y × payout
    discount_factor: float    # (1 + r) ** −(Y − B)
    present_value: float      # D_Y × discount factor


@dataclass(frozen=True)
class TerminalStep:
    year: int                 # N + n2 + 1, the first year of the perpetuity
    earnings: float           # E_{N+n2} × (1 + gT)
    growth: float             # gT
    payout_raw: float
    payout: float
    clamped: str | None
    dividend: float           # D_{N+n2+1}
    spread: float             # r − gT
    value: float              # TV = D / (r − gT), valued at year ``valued_at``
    valued_at: int            # N + n2
    discount_factor: float    # (1 + r) ** −(N + n2 − B)
    present_value: float      # the perpetual value (永续期价值)


@dataclass(frozen=True)
class DDMSchedule:
    index: int
    name: str
    discount_rate: float
    roe: float
    fade_growth: float
    fade_years: int
    terminal_growth: float
    base_year: int
    rows: list[ScheduleRow]   # explicit years, then fade years
    terminal: TerminalStep
    explicit_value: float     # Σ present values of the explicit rows
    fade_value: float         # Σ present values of the fade rows
    forecast_value: float     # Σ present values of every row (预测期价值)
    perpetual_value: float    # terminal.present_value (永续期价值)
    business_value: float     # forecast + perpetual (业务价值)


@dataclass(frozen=True)
class DynamicSteps:
    index: int
    name: str
    weights: tuple[float, float]       # (w1, w2)
    earlier_year: int                  # N − 1
    earlier_earnings: float            # E_{N−1} (the last actual year's net profit when N is the only forecast year)
    last_year: int                     # N
    last_earnings: float               # E_N
    earnings_base: float               # w1 × E_{N−1} + w2 × E_N (有效盈利预测)
    multiple: float                    # 综合倍数
    discount_rate: float
    discount_factor: float             # (1 + r) ** −(N − B)
    post_explicit_value: float         # base × multiple × discount factor (显性期后价值)
    explicit_rows: list[ScheduleRow]   # the DDM's explicit rows
    explicit_value: float              # Σ their present values (显性期价值)
    business_value: float              # explicit + post-explicit (业务价值)


@dataclass(frozen=True)
class GlassBox:
    ddm: list[DDMSchedule]
    dynamic: list[DynamicSteps]
    excess_cash: float
    minority_interest: float
    equity_investments: float
    ddm_segment_total: float       # Σ business values
    dynamic_segment_total: float
    ddm_total: float               # segment total + excess cash − minority interest + equity investments
    dynamic_total: float


def _payout(growth: float, roe: float) -> tuple[float, float, str | None]:
    raw = 1.0 - growth / roe
    if raw < 0:
        return raw, 0.0, "zero"
    if raw > 1:
        return raw, 1.0, "one"
    return raw, raw, None


def _check(model: Model) -> None:
    errors = validate(model)
    if errors:
        raise InvalidInputError(errors)


def _explicit_rows(model: Model, i: int) -> list[ScheduleRow]:
    seg = model.segments[i]
    r, roe = float(seg["discount_rate"]), float(seg["roe"])
    base = model.base_year
    revenue, earnings = segment_series(model, i)
    rows = []
    for k, year in enumerate(model.years):
        if year < model.first_forecast_year:
            continue
        g = float(seg["forecast"][str(year)]["growth"])
        raw, payout, clamped = _payout(g, roe)
        e = float(earnings[k])
        dividend = e * payout
        factor = (1.0 + r) ** -(year - base)
        rows.append(ScheduleRow(year, "explicit", e, g, raw, payout, clamped, dividend, factor, dividend * factor))
    return rows


def ddm_schedule(model: Model, i: int, *, checked: bool = False) -> DDMSchedule:
    """Segment ``i``'s DDM year by year. Raises InvalidInputError (as
    ``valuate`` does) when the model breaks a rule of the method."""
    if not checked:
        _check(model)
    seg = model.segments[i]
    r, roe, g2 = float(seg["discount_rate"]), float(seg["roe"]), float(seg["fade_growth"])
    n2 = model.segment_fade_years(i)
    gT = model.segment_terminal_growth(i)
    base = model.base_year
    rows = _explicit_rows(model, i)
    last_year = model.years[-1]
    e = rows[-1].earnings
    raw, payout, clamped = _payout(g2, roe)
    fade_rows = []
    for k in range(1, n2 + 1):
        year = last_year + k
        e = e * (1.0 + g2)
        dividend = e * payout
        factor = (1.0 + r) ** -(year - base)
        fade_rows.append(ScheduleRow(year, "fade", e, g2, raw, payout, clamped, dividend, factor, dividend * factor))
    t_raw, t_payout, t_clamped = _payout(gT, roe)
    t_earnings = e * (1.0 + gT)
    t_dividend = t_earnings * t_payout
    spread = r - gT
    tv = t_dividend / spread
    valued_at = last_year + n2
    t_factor = (1.0 + r) ** -(valued_at - base)
    terminal = TerminalStep(valued_at + 1, t_earnings, gT, t_raw, t_payout, t_clamped, t_dividend, spread, tv,
                            valued_at, t_factor, tv * t_factor)
    all_rows = rows + fade_rows
    explicit = math.fsum(row.present_value for row in rows)
    fade = math.fsum(row.present_value for row in fade_rows)
    forecast = math.fsum(row.present_value for row in all_rows)
    return DDMSchedule(i, seg["name"], r, roe, g2, n2, gT, base, all_rows, terminal, explicit, fade, forecast,
                       terminal.present_value, forecast + terminal.present_value)


def dynamic_steps(model: Model, i: int, *, checked: bool = False) -> DynamicSteps:
    """Segment ``i``'s dynamic valuation step by step. Raises InvalidInputError
    when the model breaks a rule of the method."""
    if not checked:
        _check(model)
    seg = model.segments[i]
    r, multiple = float(seg["discount_rate"]), float(seg["multiple"])
    rows = _explicit_rows(model, i)
    w1, w2 = model.dynamic_weights
    last_year = model.years[-1]
    last = rows[-1].earnings
    if len(rows) >= 2:
        earlier = rows[-2].earnings
    else:   # one forecast year: the year before it is the last actual year
        earlier = float(segment_series(model, i)[1][model.years.index(last_year - 1)])
    earnings_base = w1 * earlier + w2 * last
    factor = (1.0 + r) ** -(last_year - model.base_year)
    post = earnings_base * multiple * factor
    explicit = math.fsum(row.present_value for row in rows)
    return DynamicSteps(i, seg["name"], (w1, w2), last_year - 1, earlier, last_year, last, earnings_base, multiple,
                        r, factor, post, rows, explicit, explicit + post)


def glass_box(model: Model) -> GlassBox:
    """Every segment's DDM schedule and dynamic steps, and the sums of the parts."""
    _check(model)
    ddm = [ddm_schedule(model, i, checked=True) for i in range(model.segment_count)]
    dyn = [dynamic_steps(model, i, checked=True) for i in range(model.segment_count)]
    cash = model.valuation_amount("excess_cash")
    minority = model.valuation_amount("minority_interest")
    investments = model.valuation_amount("equity_investments")
    ddm_sum = math.fsum(s.business_value for s in ddm)
    dyn_sum = math.fsum(s.business_value for s in dyn)
    return GlassBox(ddm, dyn, cash, minority, investments, ddm_sum, dyn_sum,
                    ddm_sum + cash - minority + investments, dyn_sum + cash - minority + investments)
