"""How sure the verdict is: Monte Carlo over the sensitivity drivers
(valuation-method.md, "Beyond the report"; settings: ``models.analysis.uncertainty``).

Every draw applies all uncertain drivers at once, exactly as a sensitivity
scenario (``models.sensitivity.evaluate_scenarios``) would; ``DrawKernel``
computes the same totals for a batch of draws, with everything that does not
depend on the draws computed once (an undrawn growth leaves the discounted
revenue path fixed, an undrawn discount rate the discount factors, …). Its
explicit-period sum discounts revenue inside the cumulative product
(Π (1 + g_j) / (1 + r)), so no draw needs an exponential per year, and the
fade years are a geometric series in closed form.

Draws are made and valued in chunks (``chunk_size`` draws at a time, chosen so
one chunk's per-year arrays stay near ``CHUNK_ELEMENTS`` numbers): the working
memory does not grow with the number of draws; what is kept per draw is the
drivers' values and each method's total (8 bytes each). A numpy ``Generator``
seeded with ``seed`` makes the standard normals in one stream, so the results
do not depend on the chunk size. Correlation (a rank correlation) goes through
a Gaussian copula: correlated normals, mapped through Φ to each driver's
distribution (Φ here: a Chebyshev fit of erfc, absolute error below 5e-8).

A draw where the method is invalid (discount rate ≤ terminal growth, ROE ≤ 0,
growth ≤ −100%) or the value overflows is counted in ``invalid_draws`` and
left out of every statistic.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np

from ..model import Model
from ..sensitivity import DRIVERS
from ..status import STATUS_CODES, STATUS_THRESHOLDS
from ..valuation import Prepared, company_total, prepare
from .uncertainty import MAX_DRAWS, DriverDist, UncertaintySettings, normal_correlation, settings_from

METHODS = ("ddm", "dynamic")
#: Target size of one chunk's (draws × segments × forecast years) arrays.
CHUNK_ELEMENTS = 1 << 17
MIN_CHUNK, MAX_CHUNK = 64, 16384


class Cancelled(Exception):
    """Raised by ``run_montecarlo`` when its ``cancelled`` callback says so."""


# ---------------------------------------------------------------------------
# Distributions


def normal_cdf(z: np.ndarray) -> np.ndarray:
    """Φ(z), vectorized (a Chebyshev fit of erfc; absolute error < 5e-8)."""
    x = -np.asarray(z, dtype=float) / math.sqrt(2.0)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * a)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    erfc = t * np.exp(-a * a + poly)
    return 0.5 * np.where(x >= 0, erfc, 2.0 - erfc)


def transform(dist: DriverDist, z: np.ndarray) -> np.ndarray:
    """Standard normals ``z`` → draws of ``dist`` (inverse transform of Φ(z);
    a normal directly, so a normal driver is exact)."""
    p = dist.params
    if dist.dist == "normal":
        return p[0] + p[1] * z
    u = normal_cdf(z)
    if dist.dist == "uniform":
        return p[0] + (p[1] - p[0]) * u
    low, mode, high = p
    width = high - low
    if width <= 0:
        return np.full(z.shape, low)
    cut = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < cut, left, right)


# ---------------------------------------------------------------------------
# The draw kernel


class DrawKernel:
    """Totals of both methods for a batch of draws of a fixed set of drivers.

    ``drivers`` maps each driver name to its scope (None: every segment, or a
    segment index). ``totals(values)`` takes ``{driver: (n,) array}`` and
    returns ``{"ddm": (n,), "dynamic": (n,)}`` (NaN for an invalid draw),
    equal to ``evaluate_scenarios`` with the same drivers (to rounding).

    Layout: the draw axis is last (segments × years × draws), so numpy loops
    run along the draws, and the cumulative product over the years is a
    product of (segments × draws) slices. Where no payout is clamped (growth
    between 0 and ROE in every year, the usual case) the payout is linear in
    the growth, and the explicit sum is one batched matrix product of the
    discounted revenue path with fixed weights; segments where a draw clamps
    a payout take the direct route.
    """

    def __init__(self, p: Prepared, drivers: Mapping[str, int | None], methods=METHODS) -> None:
        S = len(p.names)
        for name, seg in drivers.items():
            if name not in DRIVERS:
                raise ValueError(f"unknown driver {name!r}; one of: {', '.join(DRIVERS)}")
            if seg is not None and not 0 <= seg < S:
                raise ValueError(f"{name}: segment {seg} out of range (0…{S - 1})")
        for m in methods:
            if m not in METHODS:
                raise ValueError(f"unknown method {m!r}; one of: ddm, dynamic")
        self.p = p
        self.S = S
        self.drivers = dict(drivers)
        self.methods = tuple(methods)
        self.masks = {name: None if (seg is None or S == 1) else (np.arange(S) == seg)[:, None]
                      for name, seg in drivers.items()}
        F = p.growth.shape[1]
        self.F = F
        with np.errstate(all="ignore"):
            G, M = p.growth, p.margin                                            # (S,F)
            self.G = G
            self.one_plus_g = (1.0 + G)[:, :, None]                               # (S,F,1)
            self.log_disc = np.log1p(p.discount_rate)[:, None]                   # (S,1)
            self.first_offset = float(p.offsets[0])
            X = self.one_plus_g * np.exp(-self.log_disc)[:, None, :]
            for f in range(1, F):
                X[:, f] *= X[:, f - 1]
            # Discounted revenue factor X_f = Π_{j≤f} (1+g_j) / (1+r)^(f+1)
            self.X = X                                                           # (S,F,1)
            self.W = np.stack([M, M * G, np.ones_like(G), G], axis=1)            # (S,4,F)
            self.W2 = np.stack([M, np.ones_like(G)], axis=1)                     # (S,2,F)
            self.raw = (1.0 - G / p.roe[:, None])[:, :, None]                    # (S,F,1) unclamped payout
            self.payout = np.clip(self.raw, 0.0, 1.0)
            self.min_g = G.min(axis=1)[:, None]                                  # (S,1)
            self.max_g = G.max(axis=1)[:, None]
            self.R0 = p.last_actual_revenue[:, None]
            self.zeros = np.zeros(S)

    def _seg(self, name: str, values: Mapping[str, np.ndarray], base: np.ndarray, how: str) -> np.ndarray:
        """The driver applied to ``base`` (S,): (S, n), or (S, 1) if not drawn."""
        b = base[:, None]
        if name not in values:
            return b
        x = np.asarray(values[name], dtype=float)[None, :]
        mask = self.masks[name]
        if how == "add":
            return b + (x if mask is None else np.where(mask, x, 0.0))
        if how == "mul":
            return b * (x if mask is None else np.where(mask, x, 1.0))
        return np.broadcast_to(x, (self.S, x.shape[1])) if mask is None else np.where(mask, x, b)

    def totals(self, values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        with np.errstate(all="ignore"):
            return self._totals(values)

    def _explicit_sums(self, X, dg, roe, roe_drawn: bool, want_payout_sum: bool):
        """Σ_f X_f m_f payout_f and (if asked) Σ_f X_f payout_f, each (S, n|1)."""
        inv = 1.0 / roe
        dgz = 0.0 if dg is None else dg
        ok = (dgz >= -self.min_g) & (dgz <= roe - self.max_g)      # no payout clamped
        need = ~np.all(ok, axis=1)
        every = bool(need.all())
        if not every:
            Y = np.matmul(self.W, X)                                # (S,4,n|1)
            A, B, C, Dg = Y[:, 0], Y[:, 1], Y[:, 2], Y[:, 3]
            acc = A - inv * (B + dgz * A)
            psum = C - inv * (Dg + dgz * C) if want_payout_sum else None
            if not need.any():
                return acc, psum
        rows = slice(None) if every else np.flatnonzero(need)
        if roe_drawn:
            inv_r = np.broadcast_to(inv, (self.S, inv.shape[1]))[rows][:, None, :]
            P = 1.0 - self.G[rows][:, :, None] * inv_r
            if dg is not None:
                P -= dg[rows][:, None, :] * inv_r
            np.clip(P, 0.0, 1.0, out=P)
        elif dg is not None:
            P = self.raw[rows] - (dg * inv)[rows][:, None, :]
            np.clip(P, 0.0, 1.0, out=P)
        else:
            P = self.payout[rows]                                   # fixed (r,F,1)
        Xr = X[rows]
        if P.shape == Xr.shape and P.base is None:
            P *= Xr
        else:
            P = P * Xr
        Yr = np.matmul(self.W2[rows], P)                            # (r,2,n|1)
        if every:
            return Yr[:, 0], (Yr[:, 1] if want_payout_sum else None)
        n = max(acc.shape[1], Yr.shape[2])
        acc = np.array(np.broadcast_to(acc, (self.S, n)))
        acc[rows] = Yr[:, 0]
        if psum is not None:
            psum = np.array(np.broadcast_to(psum, (self.S, n)))
            psum[rows] = Yr[:, 1]
        return acc, psum

    def _totals(self, values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        p = self.p
        n = len(next(iter(values.values()))) if values else 1
        r_drawn = "discount_rate_shift" in values
        r = self._seg("discount_rate_shift", values, p.discount_rate, "add")
        roe = self._seg("roe_shift", values, p.roe, "add")
        g2 = self._seg("fade_growth_shift", values, p.fade_growth, "add")
        gT = self._seg("terminal_growth", values, p.terminal_growth, "set")
        dg = self._seg("growth_shift", values, self.zeros, "add") if "growth_shift" in values else None
        dm = self._seg("margin_shift", values, self.zeros, "add") if "margin_shift" in values else None
        log_disc = np.log1p(r) if r_drawn else self.log_disc
        F = self.F
        # Discounted revenue path X (S, F, n|1).
        if dg is not None or r_drawn:
            v = np.exp(-log_disc)[:, None, :]
            X = self.one_plus_g + dg[:, None, :] if dg is not None else np.repeat(self.one_plus_g, n, axis=2)
            X *= v
            for f in range(1, F):
                np.multiply(X[:, f], X[:, f - 1], out=X[:, f])
        else:
            X = self.X
        acc, psum = self._explicit_sums(X, dg, roe, "roe_shift" in values, dm is not None)
        if dm is not None:
            acc = acc + dm * psum
        explicit = self.R0 * acc * np.exp(-log_disc * (self.first_offset - 1.0))
        # Last two years' earnings (undiscounted).
        margin_last = p.margin[:, -1][:, None] if dm is None else p.margin[:, -1][:, None] + dm
        last_earnings = self.R0 * X[:, -1] * np.exp(log_disc * F) * margin_last
        out: dict[str, np.ndarray] = {}
        cash = p.excess_cash * np.asarray(values["excess_cash_scale"], dtype=float) \
            if "excess_cash_scale" in values else p.excess_cash
        invalid = (r <= gT) | (roe <= 0) | (r <= -1) | (g2 <= -1)
        if dg is not None:
            invalid = invalid | (dg <= -1.0 - self.min_g)
        justified = p.justified is not None and bool(p.justified.any()) and "dynamic" in self.methods
        if "ddm" in self.methods or justified:
            n2 = p.fade_years[:, None]
            q1 = (g2 - r) / (1.0 + r)                                           # q − 1, q = (1+g2)/(1+r)
            series = np.where(q1 == 0.0, n2.astype(float), (1.0 + q1) * np.expm1(n2 * np.log1p(q1)) / q1)
            fade_payout = np.clip(1.0 - g2 / roe, 0.0, 1.0)
            fade = last_earnings * fade_payout * series * np.exp(-log_disc * p.last_offset)
            end_earnings = last_earnings * (1.0 + g2) ** n2
            terminal_dividend = end_earnings * (1.0 + gT) * np.clip(1.0 - gT / roe, 0.0, 1.0)
            perpetual = terminal_dividend / (r - gT) * np.exp(-log_disc * (p.last_offset + n2))
            if "ddm" in self.methods:
                out["ddm"] = self._total(explicit + fade + perpetual, invalid, cash, n)
        if "dynamic" in self.methods:
            mult = self._seg("multiple_scale", values, p.multiple, "mul")
            w1, w2 = p.weights
            if F >= 2:
                margin_prev = p.margin[:, -2][:, None] if dm is None else p.margin[:, -2][:, None] + dm
                prev = self.R0 * X[:, -2] * np.exp(log_disc * (F - 1)) * margin_prev
            else:
                prev = p.last_actual_profit[:, None]
            base = w1 * prev + w2 * last_earnings
            post = base * mult * np.exp(-log_disc * p.last_offset)
            if justified:   # the justified multiple (models/justified.py), scaled like the composite one
                tail = (fade + perpetual) * p.justified_factor[:, None]
                scale = self._seg("multiple_scale", values, np.ones(self.S), "mul")
                post = np.where(p.justified[:, None], tail * scale, post)
            out["dynamic"] = self._total(explicit + post, invalid, cash, n)
        return out

    def _total(self, seg_values, invalid, cash, n) -> np.ndarray:
        p = self.p
        seg_sum = np.broadcast_to(seg_values, (self.S, n)).sum(axis=0)
        total = np.array(company_total(seg_sum, np.broadcast_to(cash, (n,)), p.minority_interest,
                                       p.equity_investments), dtype=float)
        # an invalid segment voids the draw; a non-finite segment value makes the sum non-finite
        total[np.broadcast_to(invalid, (self.S, n)).any(axis=0)] = np.nan
        total[~np.isfinite(total)] = np.nan
        return total


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class MethodStats:
    """One method's distribution of total value (model money unit)."""

    method: str
    draws: int
    invalid_draws: int
    mean: float | None
    sd: float | None
    p5: float | None
    p50: float | None
    p95: float | None
    prob_above_market_cap: float | None
    status_probabilities: dict[str, float | None]     # STATUS_CODE → share of valid draws
    rank_correlations: dict[str, float | None]        # driver → Spearman ρ with the total
    totals: np.ndarray = field(repr=False)            # (draws,) every draw's total, NaN if invalid

    @property
    def valid_draws(self) -> int:
        return self.draws - self.invalid_draws

    @property
    def invalid_share(self) -> float:
        return self.invalid_draws / self.draws if self.draws else 0.0

    def to_dict(self) -> dict:
        return {"invalid_draws": self.invalid_draws, "mean": self.mean, "sd": self.sd, "p5": self.p5,
                "p50": self.p50, "p95": self.p95, "prob_above_market_cap": self.prob_above_market_cap,
                "status_probabilities": dict(self.status_probabilities),
                "rank_correlations": dict(self.rank_correlations)}


@dataclass(frozen=True)
class MonteCarloResult:
    draws: int
    seed: int
    market_cap: float
    settings: UncertaintySettings
    ddm: MethodStats | None
    dynamic: MethodStats | None
    driver_values: np.ndarray = field(repr=False)    # (D, draws), rows in settings.drivers order

    def method(self, name: str) -> MethodStats:
        stats = getattr(self, name)
        if stats is None:
            raise KeyError(name)
        return stats

    def to_dict(self) -> dict:
        """The CLI's JSON (``valuation-cli montecarlo --json``)."""
        out: dict[str, Any] = {"draws": self.draws, "seed": self.seed}
        for name in METHODS:
            stats = getattr(self, name)
            if stats is not None:
                out[name] = stats.to_dict()
        return out


def _ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 0…n−1, ties sharing their average rank."""
    order = np.argsort(x)
    xs = x[order]
    new = np.empty(xs.size, dtype=bool)
    new[:1] = True
    np.not_equal(xs[1:], xs[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, xs.size))
    average = starts + (counts - 1) / 2.0
    ranks = np.empty(xs.size)
    ranks[order] = np.repeat(average, counts)
    return ranks


def _centred_ranks(x: np.ndarray) -> tuple[np.ndarray, float]:
    r = _ranks(x)
    r -= r.mean()
    return r, float(r @ r)


def rank_correlation(x: np.ndarray, y: np.ndarray) -> float | None:
    """Spearman's ρ (Pearson's on average ranks); None when either is constant."""
    if x.size < 2:
        return None
    return _rho(_centred_ranks(x), _centred_ranks(y))


def _rho(rx: tuple[np.ndarray, float], ry: tuple[np.ndarray, float]) -> float | None:
    den = math.sqrt(rx[1] * ry[1])
    if den == 0.0:
        return None
    return float(np.clip(float(rx[0] @ ry[0]) / den, -1.0, 1.0))


def summarize(method: str, totals: np.ndarray, driver_values: np.ndarray, names: list[str],
              market_cap: float, driver_ranks: list | None = None) -> MethodStats:
    """The statistics of one method's totals (NaN = invalid draw).
    ``driver_values`` is (D, draws); ``driver_ranks`` (optional) the drivers'
    centred ranks over every draw, reused when no draw is invalid."""
    valid = np.isfinite(totals)
    n = int(totals.size)
    all_valid = bool(valid.all())
    v = totals if all_valid else totals[valid]
    k = int(v.size)
    if k == 0:
        return MethodStats(method, n, n, None, None, None, None, None, None,
                           {c: None for c in STATUS_CODES}, {d: None for d in names}, totals)
    p5, p50, p95 = (float(x) for x in np.percentile(v, [5.0, 50.0, 95.0]))
    sd = float(np.std(v, ddof=1)) if k > 1 else 0.0
    upsides = v / market_cap - 1.0
    bands = np.searchsorted(np.asarray(STATUS_THRESHOLDS), upsides, side="right")
    counts = np.bincount(bands, minlength=len(STATUS_CODES))
    probs = {c: float(counts[i]) / k for i, c in enumerate(STATUS_CODES)}
    rho: dict[str, float | None] = {}
    if k >= 2:
        ry = _centred_ranks(v)
        for j, name in enumerate(names):
            rx = driver_ranks[j] if (all_valid and driver_ranks is not None) else _centred_ranks(driver_values[j][valid])
            rho[name] = _rho(rx, ry)
    else:
        rho = {name: None for name in names}
    return MethodStats(method, n, n - k, float(np.mean(v)), sd, p5, p50, p95,
                       float(np.count_nonzero(v > market_cap)) / k, probs, rho, totals)


# ---------------------------------------------------------------------------
# Running


def chunk_size_for(p: Prepared) -> int:
    per_draw = max(1, len(p.names) * max(1, p.growth.shape[1]))
    return int(min(MAX_CHUNK, max(MIN_CHUNK, CHUNK_ELEMENTS // per_draw)))


class MonteCarloRequest:
    """A Monte Carlo run prepared on the calling thread, executable on any other.

    The constructor reads what it needs from ``model`` (a snapshot: later edits
    of the model do not reach the run) and checks the settings, raising
    ``ModelError`` (key path and rule) for invalid ones; ``run`` does the
    work and may be called on a worker thread. ``cancelled`` (a callable
    returning True to stop) is polled between chunks; ``progress(done, total)``
    is called after each chunk.
    """

    def __init__(self, model: Model, uncertainty: Any | None = None, *, draws: int | None = None,
                 seed: int | None = None, methods=METHODS, chunk_size: int | None = None,
                 use_model_settings: bool = True) -> None:
        from ..errors import ModelFileError
        if uncertainty is None and use_model_settings:
            uncertainty = model.doc.get("uncertainty")
        settings = settings_from(uncertainty)
        S = model.segment_count
        for d in settings.drivers:
            if d.segment is not None and not 0 <= d.segment < S:
                raise ModelFileError(f"uncertainty.drivers.{d.driver}.segment",
                                     f"must be a segment number from 0 to {S - 1}, got {d.segment}")
        if draws is not None:
            if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= MAX_DRAWS:
                raise ModelFileError("draws", f"must be a whole number from 1 to {MAX_DRAWS}, got {draws!r}")
            settings = UncertaintySettings(int(draws), settings.seed, settings.drivers, settings.correlation)
        if seed is not None:
            if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or not 0 <= seed < 2 ** 63:
                raise ModelFileError("seed", f"must be a whole number ≥ 0, got {seed!r}")
            settings = UncertaintySettings(settings.draws, int(seed), settings.drivers, settings.correlation)
        for m in methods:
            if m not in METHODS:
                raise ValueError(f"unknown method {m!r}; one of: ddm, dynamic")
        self.settings = settings
        self.methods = tuple(methods)
        self.prepared = prepare(model)
        self.chunk_size = chunk_size if chunk_size is not None else chunk_size_for(self.prepared)
        if self.chunk_size < 1:
            raise ValueError("chunk_size must be ≥ 1")

    def run(self, cancelled: Callable[[], bool] | None = None,
            progress: Callable[[int, int], None] | None = None) -> MonteCarloResult:
        s = self.settings
        p = self.prepared
        D = len(s.drivers)
        names = [d.driver for d in s.drivers]
        kernel = DrawKernel(p, {d.driver: d.segment for d in s.drivers}, self.methods)
        chol = None
        if s.correlation is not None and D:
            chol = np.linalg.cholesky(normal_correlation(s.correlation))
        rng = np.random.default_rng(s.seed)
        N = s.draws
        values = np.empty((D, N))
        totals = {m: np.empty(N) for m in self.methods}
        done = 0
        while done < N:
            if cancelled is not None and cancelled():
                raise Cancelled()
            n = min(self.chunk_size, N - done)
            z = rng.standard_normal((n, D))
            if chol is not None:
                z = z @ chol.T
            zt = z.T
            block = values[:, done:done + n]
            for j, dist in enumerate(s.drivers):
                block[j] = transform(dist, zt[j])
            out = kernel.totals({name: block[j] for j, name in enumerate(names)}) if D else \
                {m: np.broadcast_to(v, (n,)) for m, v in kernel.totals({}).items()}
            for m in self.methods:
                totals[m][done:done + n] = out[m]
            done += n
            if progress is not None:
                progress(done, N)
        ranks = [_centred_ranks(values[j]) for j in range(D)] if N >= 2 else None
        stats = {m: summarize(m, totals[m], values, names, p.market_cap, ranks) for m in self.methods}
        return MonteCarloResult(N, s.seed, p.market_cap, s, stats.get("ddm"), stats.get("dynamic"), values)


def run_montecarlo(model: Model, uncertainty: Any | None = None, *, draws: int | None = None,
                   seed: int | None = None, methods=METHODS, chunk_size: int | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> MonteCarloResult:
    """Monte Carlo of ``model`` with ``uncertainty`` (default: the model's own
    ``uncertainty`` key, else the defaults); ``draws``/``seed`` override the
    settings'. See ``MonteCarloRequest`` for ``cancelled``/``progress``."""
    return MonteCarloRequest(model, uncertainty, draws=draws, seed=seed, methods=methods,
                             chunk_size=chunk_size).run(cancelled, progress)
