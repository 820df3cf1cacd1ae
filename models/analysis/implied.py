"""What the price implies: the reverse solve of valuation-method.md, "Beyond the report".

For a method, a sensitivity driver (company-wide or one segment) and a target
upside X, the implied value d* solves ``total(d*) = market_cap × (1 + X)``,
where ``total(d)`` is ``models.sensitivity.evaluate_scenarios`` with the driver
set to d: the engine's own scenario kernel, so an implied value applied as a
sensitivity scenario reproduces the target. The six status boundaries are
solved in the same passes.

How: the driver's valid range (e.g. discount rates above every targeted
terminal growth) is clipped to a search window (``SEARCH_WINDOWS``) and
sampled on one grid, denser towards an open end where the total runs away (one
vectorized call). A target crossed exactly once on the grid is bracketed and
refined by safeguarded steps to the root of the parabola through the estimate
and two points beside it (regula falsi or bisection when a step would leave
the bracket), all
targets together (one vectorized call per step), until ``|total(d*) − target| ≤ 1e-9 × market_cap``.
Otherwise the answer is "none" with a reason code:

- ``no_effect``: the driver does not move this method's total (the multiple
  for the DDM; terminal and fade growth for the dynamic method);
- ``out_of_reach``: no value in the range reaches the target (``reachable``
  gives the lowest and highest totals found);
- ``not_monotone``: the total crosses the target more than once in the range,
  so no single value answers;
- ``did_not_converge``: the refinement could not meet the accuracy (not seen
  in practice; there so that no number is returned that misses the target).

Units: rates and shifts are decimals (0.01 = 1 point), scales are factors,
``terminal_growth`` is the rate itself; totals are in the model's money unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..model import Model
from ..sensitivity import DRIVERS, base_driver_value, evaluate_scenarios
from ..status import STATUS_CODES, STATUS_THRESHOLDS
from ..valuation import Prepared, prepare

METHODS = ("ddm", "dynamic")

#: Accuracy of a solution, as a share of the market cap (method doc).
TOLERANCE = 1e-9

#: Where each driver is searched, before the model's own validity limits cut
#: it further: shifts in decimals, scales as factors, terminal growth as a rate.
SEARCH_WINDOWS: dict[str, tuple[float, float]] = {
    "discount_rate_shift": (-0.5, 0.5),
    "terminal_growth": (-0.5, 0.5),
    "fade_growth_shift": (-0.5, 0.5),
    "growth_shift": (-0.5, 0.5),
    "margin_shift": (-0.5, 0.5),
    "roe_shift": (-0.5, 1.0),
    "multiple_scale": (0.0, 10.0),
    "excess_cash_scale": (-10.0, 10.0),
}

REASONS: dict[str, str] = {
    "no_effect": "the driver does not change this method's total",
    "out_of_reach": "no value of the driver in its valid range reaches the target",
    "not_monotone": "the total crosses the target more than once in the driver's range",
    "did_not_converge": "the solution could not be refined to the required accuracy",
}

_GRID_UNIFORM = 193     # evenly spaced points over the range
_GRID_EDGE = 40         # geometrically spaced points towards an open end
_MAX_STEPS = 60


@dataclass(frozen=True)
class Boundary:
    """Where the status changes: the driver value giving upside ``upside``.

    ``status_below`` / ``status_above`` are the statuses for driver values just
    below / just above ``value`` (they depend on whether the total rises or
    falls with the driver); all three are None when ``reason`` says why there
    is no such value."""

    upside: float
    value: float | None
    total: float | None
    status_below: str | None
    status_above: str | None
    reason: str | None

    def to_dict(self) -> dict:
        return {"upside": self.upside, "status_below": self.status_below,
                "status_above": self.status_above, "value": self.value}


@dataclass(frozen=True)
class ImpliedResult:
    method: str
    driver: str
    segment: int | None
    target_upside: float
    value: float | None          # the implied driver value (None: see reason)
    total: float | None          # the method's total at ``value`` (= target within tolerance)
    market_cap: float
    reason: str | None           # a key of REASONS, None when solved
    base_value: float            # the driver's neutral value (the model as it is)
    search_range: tuple[float, float]
    reachable: tuple[float, float] | None   # lowest and highest total over the range
    boundaries: tuple[Boundary, ...] = field(default_factory=tuple)

    @property
    def target_total(self) -> float:
        return self.market_cap * (1.0 + self.target_upside)

    @property
    def message(self) -> str | None:
        """English text of ``reason`` (the GUI translates the code)."""
        return None if self.reason is None else REASONS[self.reason]

    def to_dict(self) -> dict:
        """The CLI's JSON (``valuation-cli implied --json``)."""
        return {"method": self.method, "driver": self.driver, "segment": self.segment,
                "target_upside": self.target_upside, "value": self.value, "total": self.total,
                "market_cap": self.market_cap, "reason": self.reason,
                "boundaries": [b.to_dict() for b in self.boundaries]}


def search_range(model: Model, driver: str, segment: int | None = None,
                 prepared: Prepared | None = None) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): the values of ``driver`` where the
    method is valid for the targeted segments, within ``SEARCH_WINDOWS``. An
    open end is a validity limit (excluded; the total may run away there)."""
    if driver not in DRIVERS:
        raise ValueError(f"unknown driver {driver!r}; one of: {', '.join(DRIVERS)}")
    p = prepared if prepared is not None else prepare(model)
    lo, hi = SEARCH_WINDOWS[driver]
    S = len(p.names)
    if segment is not None and not 0 <= segment < S:
        raise ValueError(f"segment {segment} out of range (0…{S - 1})")
    sel = np.arange(S) if segment is None else np.array([segment])
    limit_lo = limit_hi = None
    if driver == "discount_rate_shift":
        limit_lo = float(np.max(p.terminal_growth[sel] - p.discount_rate[sel]))
    elif driver == "terminal_growth":
        limit_hi = float(np.min(p.discount_rate[sel]))
        limit_lo = -1.0
    elif driver == "fade_growth_shift":
        limit_lo = float(np.max(-1.0 - p.fade_growth[sel]))
    elif driver == "growth_shift":
        limit_lo = float(np.max(-1.0 - p.growth[sel]))
    elif driver == "roe_shift":
        limit_lo = float(np.max(-p.roe[sel]))
    low_open = high_open = False
    if limit_lo is not None and limit_lo >= lo:
        lo, low_open = limit_lo, True
    if limit_hi is not None and limit_hi <= hi:
        hi, high_open = limit_hi, True
    return lo, hi, low_open, high_open


def _grid(lo: float, hi: float, low_open: bool, high_open: bool) -> np.ndarray:
    width = hi - lo
    if not width > 0:
        return np.empty(0)
    inner = np.linspace(lo, hi, _GRID_UNIFORM)
    parts = [inner[1:-1] if (low_open or high_open) else inner]
    if not low_open:
        parts.append(np.array([lo]))
    if not high_open:
        parts.append(np.array([hi]))
    # Towards an open end, steps shrink geometrically down to ~1e-12 of the
    # range: a total that runs away there is followed close to the limit.
    steps = np.geomspace(1e-12, 0.5 / (_GRID_UNIFORM - 1), _GRID_EDGE) * width
    if low_open:
        parts.append(lo + steps)
    if high_open:
        parts.append(hi - steps)
    grid = np.unique(np.concatenate(parts))
    keep = np.ones(grid.size, dtype=bool)
    if low_open:
        keep &= grid > lo
    if high_open:
        keep &= grid < hi
    return grid[keep]


class _Evaluator:
    """Totals of ``method`` with ``driver`` set to ``x``, for several scopes in
    one kernel call: ``evaluator(x, which)`` values point k in scope
    ``scopes[which[k]]`` (None: company-wide; i: segment i only).

    With one scope the call is ``evaluate_scenarios`` itself. With several, one
    company-wide call gives every segment's value under the driver, and since
    each segment is valued on its own inputs, the total with the driver applied
    to segment i alone is the model's total with segment i's value replaced."""

    def __init__(self, model: Model, p: Prepared, driver: str, method: str, scopes: list[int | None]) -> None:
        self.model, self.p, self.driver, self.method = model, p, driver, method
        self.scopes = list(scopes)
        self.seg_index = np.array([-1 if s is None else s for s in self.scopes])
        if len(self.scopes) > 1:
            if driver == "excess_cash_scale" and (self.seg_index >= 0).any():
                raise ValueError("excess_cash_scale is a company figure: no segment scope")
            base = evaluate_scenarios(model, {}, method, None, prepared=p)
            self.base_total, self.base_seg = float(base.total[0]), base.segments[0]

    def __call__(self, x: np.ndarray, which: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            if len(self.scopes) == 1:
                return evaluate_scenarios(self.model, {self.driver: x}, self.method, self.scopes[0],
                                          prepared=self.p).total
            res = evaluate_scenarios(self.model, {self.driver: x}, self.method, None, prepared=self.p)
            seg = self.seg_index[which]
            out = np.array(res.total, dtype=float)
            one = seg >= 0
            rows = np.flatnonzero(one)
            out[one] = self.base_total - self.base_seg[seg[one]] + res.segments[rows, seg[one]]
            return out


def _solve(evaluate: _Evaluator, ranges: list[tuple[float, float, bool, bool]], upsides: np.ndarray,
           mcap: float) -> list[dict]:
    """Every scope's solutions for every target upside (one grid call for all,
    then refinement steps shared by all): per scope a dict of lists ``values``,
    ``totals``, ``reasons``, ``directions`` (one per upside) and ``reachable``."""
    n = upsides.size
    targets = mcap * (1.0 + upsides)
    tol = TOLERANCE * mcap
    grids = [_grid(*r) for r in ranges]
    xs = np.concatenate(grids) if grids else np.empty(0)
    which = np.concatenate([np.full(g.size, j) for j, g in enumerate(grids)]) if grids else np.empty(0, int)
    totals_all = evaluate(xs, which) if xs.size else np.empty(0)
    out = []
    todo = []          # (scope j, target i, grid, totals, cell)
    for j, grid in enumerate(grids):
        totals = totals_all[which == j]
        finite = np.isfinite(totals)
        grid, totals = grid[finite], totals[finite]
        res = {"values": [None] * n, "totals": [None] * n, "reasons": [None] * n, "directions": [0] * n,
               "reachable": (float(totals.min()), float(totals.max())) if totals.size else None}
        out.append(res)
        if totals.size < 2:
            res["reasons"] = ["out_of_reach"] * n       # no valid value of the driver in the window
            continue
        if totals.max() - totals.min() <= 1e-12 * max(mcap, float(np.abs(totals).max())):
            res["reasons"] = ["no_effect"] * n
            continue
        sign = np.sign(totals[None, :] - targets[:, None])              # (n, G)
        exact = sign == 0
        change = (sign[:, :-1] * sign[:, 1:]) < 0                        # a crossing inside a cell
        crossings = change.sum(axis=1) + exact.sum(axis=1)
        for i in range(n):
            if crossings[i] == 0:
                res["reasons"][i] = "out_of_reach"
            elif crossings[i] > 1:
                res["reasons"][i] = "not_monotone"
            elif exact[i].any():
                k = int(np.flatnonzero(exact[i])[0])
                res["values"][i], res["totals"][i] = float(grid[k]), float(totals[k])
                left, right = max(k - 1, 0), min(k + 1, grid.size - 1)
                res["directions"][i] = int(np.sign(totals[right] - totals[left]))
            else:
                todo.append((j, i, grid, totals, int(np.flatnonzero(change[i])[0])))
    if todo:
        scope = np.array([t[0] for t in todo])
        tgt = np.array([targets[t[1]] for t in todo])
        lo = np.array([t[2][t[4]] for t in todo])
        hi = np.array([t[2][t[4] + 1] for t in todo])
        flo = np.array([t[3][t[4]] for t in todo]) - tgt
        fhi = np.array([t[3][t[4] + 1] for t in todo]) - tgt
        x0 = np.array([_inverse_interpolation(t[2], t[3], t[4], targets[t[1]]) for t in todo])
        x, fx = _refine(evaluate, scope, tgt, lo, hi, flo, fhi, x0, tol)
        for k, (j, i, _, _, _) in enumerate(todo):
            res = out[j]
            if abs(fx[k]) <= tol:
                res["values"][i], res["totals"][i] = float(x[k]), float(fx[k] + tgt[k])
                res["directions"][i] = int(np.sign(fhi[k] - flo[k]))
            else:
                res["reasons"][i] = "did_not_converge"
    return out


def _result(model: Model, driver: str, method: str, segment: int | None, target_upside: float, mcap: float,
            rng: tuple[float, float, bool, bool], res: dict) -> ImpliedResult:
    values, totals, reasons, directions = res["values"], res["totals"], res["reasons"], res["directions"]
    boundaries = []
    for i in range(1, len(values)):
        if values[i] is None:
            boundaries.append(Boundary(float(STATUS_THRESHOLDS[i - 1]), None, None, None, None, reasons[i]))
            continue
        lower, upper = STATUS_CODES[i - 1], STATUS_CODES[i]   # below / from the threshold (in upside)
        below, above = (lower, upper) if directions[i] > 0 else (upper, lower)
        boundaries.append(Boundary(float(STATUS_THRESHOLDS[i - 1]), values[i], totals[i], below, above, None))
    return ImpliedResult(method, driver, segment, target_upside, values[0], totals[0], mcap, reasons[0],
                         base_driver_value(model, driver, segment), (float(rng[0]), float(rng[1])),
                         res["reachable"], tuple(boundaries))


def implied_value(model: Model, driver: str, method: str = "ddm", segment: int | None = None,
                  target_upside: float = 0.0, prepared: Prepared | None = None) -> ImpliedResult:
    """The value of ``driver`` at which ``method``'s total gives ``target_upside``
    (a decimal: 0 = fair price, −0.2 = 20% below the market cap), and the six
    status boundaries. ``segment`` (0-based) applies the driver to that
    segment only. Never raises for an unreachable target: ``value`` is None
    and ``reason`` says why. Raises ValueError for an unknown driver, method
    or segment, or a non-finite target."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of: ddm, dynamic")
    target_upside = float(target_upside)
    if not np.isfinite(target_upside):
        raise ValueError(f"target upside must be a finite number, got {target_upside!r}")
    p = prepared if prepared is not None else prepare(model)
    rng = search_range(model, driver, segment, p)
    upsides = np.array((target_upside,) + STATUS_THRESHOLDS)
    res = _solve(_Evaluator(model, p, driver, method, [segment]), [rng], upsides, p.market_cap)[0]
    return _result(model, driver, method, segment, target_upside, p.market_cap, rng, res)


def _inverse_interpolation(grid, totals, cell, target):
    """A first estimate: x(total) interpolated through the four grid points
    around the bracketing cell (cubic Lagrange in the total) where those
    totals are monotone; else the linear interpolation of the cell."""
    lo, hi = grid[cell], grid[cell + 1]
    linear = lo + (hi - lo) * (target - totals[cell]) / (totals[cell + 1] - totals[cell])
    if grid.size < 4:
        return linear
    start = min(max(cell - 1, 0), grid.size - 4)
    xs, ys = grid[start:start + 4], totals[start:start + 4]
    d = np.diff(ys)
    if not (np.all(d > 0) or np.all(d < 0)):
        return linear
    est = 0.0
    for k in range(4):
        term = xs[k]
        for m in range(4):
            if m != k:
                term *= (target - ys[m]) / (ys[k] - ys[m])
        est += term
    return est if (np.isfinite(est) and lo < est < hi) else linear


def _refine(evaluate, scope, targets, lo, hi, flo, fhi, x, tol):
    """Safeguarded parabolic steps, every bracket at once: each step values the
    estimate and two points just beside it (one vectorized call), which both
    tightens the bracket and gives the parabola whose root is the next
    estimate; an estimate outside the bracket falls back to regula falsi, a
    slow bracket to bisection. Returns (x, total − target at x)."""
    lo, hi, flo, fhi, x = (np.array(v, dtype=float) for v in (lo, hi, flo, fhi, x))
    best_x = np.where(np.abs(flo) < np.abs(fhi), lo, hi)
    best_f = np.where(np.abs(flo) < np.abs(fhi), flo, fhi)
    m = targets.size
    which3 = np.tile(scope, 3)
    for step in range(_MAX_STEPS):
        active = np.abs(best_f) > tol / 2
        if not active.any():
            break
        width = hi - lo
        delta = np.maximum(1e-4 * width, 64 * np.finfo(float).eps * np.maximum(1.0, np.abs(x)))
        pts = np.stack([x, np.maximum(x - delta, lo), np.minimum(x + delta, hi)])   # (3, m)
        f = evaluate(pts.ravel(), which3).reshape(3, m) - targets
        f = np.where(active, f, np.nan)
        for k in range(3):
            fk, xk = f[k], pts[k]
            good = np.isfinite(fk) & active
            better = good & (np.abs(fk) < np.abs(best_f))
            best_x = np.where(better, xk, best_x)
            best_f = np.where(better, fk, best_f)
            same_lo = good & (np.sign(fk) == np.sign(flo)) & (xk > lo) & (xk < hi)
            same_hi = good & (np.sign(fk) == np.sign(fhi)) & (xk > lo) & (xk < hi)
            lo, flo = np.where(same_lo, xk, lo), np.where(same_lo, fk, flo)
            hi, fhi = np.where(same_hi, xk, hi), np.where(same_hi, fk, fhi)
        with np.errstate(all="ignore"):
            # the parabola through the three points; its root nearest x
            h1, h2 = pts[1] - x, pts[2] - x
            d1, d2 = (f[1] - f[0]) / h1, (f[2] - f[0]) / h2
            curv = (d2 - d1) / (h2 - h1)
            slope = d1 - curv * h1
            disc = np.sqrt(np.maximum(slope * slope - 4 * curv * f[0], 0.0))
            den = slope + np.where(slope >= 0, disc, -disc)
            quad = x - 2 * f[0] / den
            newton = x - f[0] / ((f[2] - f[1]) / (pts[2] - pts[1]))
            step_ok = np.isfinite(quad) & (quad > lo) & (quad < hi)
            newton = np.where(step_ok, quad, newton)
            falsi = hi - fhi * (hi - lo) / (fhi - flo)
        nxt = np.where(np.isfinite(newton) & (newton > lo) & (newton < hi), newton, falsi)
        slow = ~(np.isfinite(nxt) & (nxt > lo) & (nxt < hi)) | (step >= 8)
        nxt = np.where(slow, 0.5 * (lo + hi), nxt)
        x = np.where(active, nxt, x)
        if np.all((hi - lo)[active] <= 4 * np.finfo(float).eps * np.maximum(np.abs(lo), np.abs(hi))[active]):
            break
    return best_x, best_f


def implied_table(model: Model, method: str = "ddm", drivers: Sequence[str] | None = None,
                  target_upside: float = 0.0) -> list[ImpliedResult]:
    """Every driver (default: all of ``DRIVERS``) company-wide, then for each
    segment (``excess_cash_scale`` only company-wide): the rows of the
    Analysis page's reverse-solve table, company rows first, each equal to
    ``implied_value`` for its driver and scope. All scopes of a driver share
    one kernel call per step (see ``_Evaluator``)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of: ddm, dynamic")
    target_upside = float(target_upside)
    if not np.isfinite(target_upside):
        raise ValueError(f"target upside must be a finite number, got {target_upside!r}")
    p = prepare(model)
    names = list(DRIVERS if drivers is None else drivers)
    upsides = np.array((target_upside,) + STATUS_THRESHOLDS)
    S = len(p.names)
    rows: dict[tuple[str, int | None], ImpliedResult] = {}
    for d in names:
        scopes: list[int | None] = [None] + ([] if d == "excess_cash_scale" else list(range(S)))
        ranges = [search_range(model, d, s, p) for s in scopes]
        solved = _solve(_Evaluator(model, p, d, method, scopes), ranges, upsides, p.market_cap)
        for s, rng, res in zip(scopes, ranges, solved):
            rows[(d, s)] = _result(model, d, method, s, target_upside, p.market_cap, rng, res)
    order = [(d, None) for d in names] + [(d, s) for s in range(S) for d in names if d != "excess_cash_scale"]
    return [rows[k] for k in order]


class ImpliedTableRequest:
    """The reverse-solve tables of a model, prepared on the calling thread and
    executable on any other (as ``montecarlo.MonteCarloRequest``).

    The constructor takes a copy of ``model`` (later edits do not reach the
    run) and checks the arguments (ValueError); ``run(cancelled=None)``
    returns ``{method: implied_table(...)}`` and polls ``cancelled()`` between
    drivers, stopping with ``models.analysis.montecarlo.Cancelled``."""

    def __init__(self, model: Model, methods: Sequence[str] = METHODS, drivers: Sequence[str] | None = None,
                 target_upside: float = 0.0) -> None:
        for m in methods:
            if m not in METHODS:
                raise ValueError(f"unknown method {m!r}; one of: ddm, dynamic")
        self.drivers = list(DRIVERS if drivers is None else drivers)
        for d in self.drivers:
            if d not in DRIVERS:
                raise ValueError(f"unknown driver {d!r}; one of: {', '.join(DRIVERS)}")
        self.target_upside = float(target_upside)
        if not np.isfinite(self.target_upside):
            raise ValueError(f"target upside must be a finite number, got {target_upside!r}")
        self.methods = tuple(methods)
        self.model = model.copy()

    def run(self, cancelled=None) -> dict[str, list[ImpliedResult]]:
        from .montecarlo import Cancelled

        out: dict[str, list[ImpliedResult]] = {}
        for method in self.methods:
            rows: list[ImpliedResult] = []
            for d in self.drivers:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                rows += implied_table(self.model, method, [d], self.target_upside)
            company = [r for r in rows if r.segment is None]
            per_segment = sorted((r for r in rows if r.segment is not None),
                                 key=lambda r: (r.segment, self.drivers.index(r.driver)))
            out[method] = company + per_segment
        return out
