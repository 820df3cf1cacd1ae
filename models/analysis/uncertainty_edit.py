"""Edits of the ``uncertainty`` key as plain functions (the Analysis page's
settings), and the histogram of a Monte Carlo run's values.

Each edit takes the key's current value (None when the model has none) and
returns a NEW value (the input is never changed), or raises
``UncertaintyEditError`` with the key path and a ``code`` the GUI translates.
The result is checked with ``check_uncertainty``: an edit never returns an
invalid key. The first edit of a model without the key writes the defaults it
was running on (``DEFAULT_DRIVERS``) together with the change, so what the
analyst saw is what is saved.

``value_histogram`` bins every valid draw so that no bin straddles a status
boundary (the bins are split at the band edges), each bin carrying the status
of the values in it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import copy_json
from ..sensitivity import DRIVERS
from ..status import STATUS_CODES, band_edges
from .uncertainty import (DEFAULT_DRAWS, DEFAULT_DRIVERS, DEFAULT_SEED, DIST_PARAMS, DISTRIBUTIONS, MAX_DRAWS,
                          MAX_SEED, check_uncertainty)


class UncertaintyEditError(ValueError):
    """An edit that would make the key invalid: ``path`` (e.g.
    ``("drivers", "growth_shift", "sd")``), ``code`` (``range``, ``type``,
    ``order``, ``not_positive_definite``, ``unknown``, ``duplicate``) and the
    ``params`` a message needs; ``str()`` is the engine's English text."""

    def __init__(self, path: tuple, code: str, message: str, params: dict | None = None):
        super().__init__(message)
        self.path = tuple(path)
        self.code = code
        self.params = dict(params or {})


def expanded(value: Any | None) -> dict:
    """A copy of the key with every default written out (draws, seed,
    drivers); ``correlation`` only if present. Unknown keys are kept."""
    out = copy_json(value) if isinstance(value, dict) else {}
    if out.get("draws") is None:
        out["draws"] = DEFAULT_DRAWS
    if out.get("seed") is None:
        out["seed"] = DEFAULT_SEED
    if out.get("drivers") is None:
        out["drivers"] = copy_json(DEFAULT_DRIVERS)
    if out.get("correlation") is None:
        out.pop("correlation", None)
    return out


def _checked(value: dict, segment_count: int | None) -> dict:
    issues = check_uncertainty(value, segment_count)
    if issues:
        issue = issues[0]
        parts = tuple(issue.path.split(".")[1:])
        code = "not_positive_definite" if "positive definite" in issue.message else (issue.code or "range")
        raise UncertaintyEditError(parts, code, f"{issue.path} {issue.message}")
    return value


def _whole(number: float, path: tuple, lo: int, hi: int) -> int:
    if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number) \
            or float(number) != int(number) or not lo <= int(number) <= hi:
        raise UncertaintyEditError(path, "range", f"{'.'.join(path)} must be a whole number from {lo} to {hi}, "
                                   f"got {number!r}", {"low": lo, "high": hi, "value": number})
    return int(number)


def set_draws(value: Any | None, draws: float, segment_count: int | None = None) -> dict:
    out = expanded(value)
    out["draws"] = _whole(draws, ("draws",), 1, MAX_DRAWS)
    return _checked(out, segment_count)


def set_seed(value: Any | None, seed: float, segment_count: int | None = None) -> dict:
    out = expanded(value)
    out["seed"] = _whole(seed, ("seed",), 0, MAX_SEED)
    return _checked(out, segment_count)


def set_param(value: Any | None, driver: str, key: str, number: float, segment_count: int | None = None) -> dict:
    """Set one parameter (``mean``, ``sd``, ``low``, ``mode``, ``high``) of a driver's distribution."""
    out = expanded(value)
    dist = out["drivers"].get(driver)
    path = ("drivers", driver, key)
    if not isinstance(dist, dict):
        raise UncertaintyEditError(path, "unknown", f"{driver} is not an uncertain driver")
    if key not in DIST_PARAMS.get(dist.get("dist"), ()):
        raise UncertaintyEditError(path, "unknown", f"a {dist.get('dist')} distribution has no {key}")
    if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
        raise UncertaintyEditError(path, "type", f"{'.'.join(path)} must be a finite number, got {number!r}")
    number = float(number)
    if key == "sd" and number < 0:
        raise UncertaintyEditError(path, "range", f"drivers.{driver}.sd must be ≥ 0, got {number:.6g}",
                                   {"value": number})
    trial = dict(dist, **{key: number})
    if dist["dist"] in ("uniform", "triangular"):
        low, high = trial["low"], trial["high"]
        if low > high:
            raise UncertaintyEditError(path, "order", f"drivers.{driver}: low ({low:.6g}) must not exceed high "
                                       f"({high:.6g})", {"low": low, "high": high, "value": number})
        if dist["dist"] == "triangular" and not low <= trial["mode"] <= high:
            raise UncertaintyEditError(path, "order", f"drivers.{driver}.mode must lie from low to high "
                                       f"({low:.6g}…{high:.6g})",
                                       {"low": low, "high": high, "mode": trial["mode"], "value": number})
    out["drivers"][driver] = trial
    return _checked(out, segment_count)


def moments(dist: dict) -> tuple[float, float]:
    """(mean, sd) of a distribution entry."""
    kind = dist["dist"]
    if kind == "normal":
        return float(dist["mean"]), float(dist["sd"])
    if kind == "uniform":
        low, high = float(dist["low"]), float(dist["high"])
        return (low + high) / 2.0, (high - low) / math.sqrt(12.0)
    low, mode, high = float(dist["low"]), float(dist["mode"]), float(dist["high"])
    # (l² + m² + h² − lm − lh − mh) / 18, written with differences (no cancellation)
    var = ((mode - low) ** 2 + (high - mode) ** 2 + (high - low) ** 2) / 36.0
    return (low + mode + high) / 3.0, math.sqrt(max(var, 0.0))


def converted(dist: dict, kind: str) -> dict:
    """``dist`` as a ``kind`` distribution with the same mean and sd (a
    symmetric triangular one), keeping its ``segment``."""
    if kind not in DISTRIBUTIONS:
        raise UncertaintyEditError(("dist",), "unknown", f"unknown distribution {kind!r}")
    if kind == dist.get("dist"):
        return copy_json(dist)
    mean, sd = moments(dist)
    if kind == "normal":
        out: dict = {"dist": "normal", "mean": mean, "sd": sd}
    elif kind == "uniform":
        half = math.sqrt(3.0) * sd
        out = {"dist": "uniform", "low": mean - half, "high": mean + half}
    else:
        half = math.sqrt(6.0) * sd
        out = {"dist": "triangular", "low": mean - half, "mode": mean, "high": mean + half}
    if dist.get("segment") is not None:
        out["segment"] = dist["segment"]
    return out


def set_distribution(value: Any | None, driver: str, kind: str, segment_count: int | None = None) -> dict:
    out = expanded(value)
    dist = out["drivers"].get(driver)
    if not isinstance(dist, dict):
        raise UncertaintyEditError(("drivers", driver), "unknown", f"{driver} is not an uncertain driver")
    out["drivers"][driver] = converted(dist, kind)
    return _checked(out, segment_count)


def set_scope(value: Any | None, driver: str, segment: int | None, segment_count: int | None = None) -> dict:
    """Apply ``driver`` to every segment (None) or to segment ``segment`` only."""
    out = expanded(value)
    dist = out["drivers"].get(driver)
    path = ("drivers", driver, "segment")
    if not isinstance(dist, dict):
        raise UncertaintyEditError(path, "unknown", f"{driver} is not an uncertain driver")
    dist = dict(dist)
    if segment is None:
        dist.pop("segment", None)
    else:
        if driver == "excess_cash_scale":
            raise UncertaintyEditError(path, "range", "excess cash is a company figure: no segment scope")
        dist["segment"] = _whole(segment, path, 0, (segment_count - 1) if segment_count else 2 ** 31)
    out["drivers"][driver] = dist
    return _checked(out, segment_count)


#: A new driver's distribution: the defaults' where there is one, else a narrow normal at the neutral value.
NEW_DRIVER: dict[str, dict] = {
    **{d: {"dist": "normal", "mean": 0.0, "sd": 0.01} for d in DRIVERS},
    "terminal_growth": {"dist": "normal", "mean": 0.02, "sd": 0.005},
    "excess_cash_scale": {"dist": "normal", "mean": 1.0, "sd": 0.1},
    **DEFAULT_DRIVERS,
}


def add_driver(value: Any | None, driver: str, segment_count: int | None = None,
               terminal_growth: float | None = None) -> dict:
    """Make ``driver`` uncertain (last in the order; uncorrelated with the
    others when there is a correlation matrix). ``terminal_growth``: the
    model's own, the mean of a new terminal-growth driver."""
    out = expanded(value)
    path = ("drivers", driver)
    if driver not in DRIVERS:
        raise UncertaintyEditError(path, "unknown", f"{driver} is not a sensitivity driver")
    if driver in out["drivers"]:
        raise UncertaintyEditError(path, "duplicate", f"{driver} is uncertain already")
    dist = copy_json(NEW_DRIVER[driver])
    if driver == "terminal_growth" and terminal_growth is not None and math.isfinite(terminal_growth):
        dist["mean"] = float(terminal_growth)
    out["drivers"][driver] = dist
    corr = out.get("correlation")
    if corr is not None:
        n = len(corr)
        out["correlation"] = [list(row) + [0.0] for row in corr] + [[0.0] * n + [1.0]]
    return _checked(out, segment_count)


def remove_driver(value: Any | None, driver: str, segment_count: int | None = None) -> dict:
    """Make ``driver`` certain again (its row and column leave the correlation matrix)."""
    out = expanded(value)
    names = list(out["drivers"])
    if driver not in names:
        raise UncertaintyEditError(("drivers", driver), "unknown", f"{driver} is not an uncertain driver")
    k = names.index(driver)
    del out["drivers"][driver]
    corr = out.get("correlation")
    if corr is not None:
        rows = [row[:k] + row[k + 1:] for i, row in enumerate(corr) if i != k]
        if rows:
            out["correlation"] = rows
        else:
            out.pop("correlation")
    return _checked(out, segment_count)


def set_correlation(value: Any | None, i: int, j: int, rho: float, segment_count: int | None = None) -> dict:
    """Set the rank correlation of drivers ``i`` and ``j`` (both halves of the
    symmetric matrix; an identity matrix is created when there is none)."""
    out = expanded(value)
    n = len(out["drivers"])
    path = ("correlation", i, j)
    if not (0 <= i < n and 0 <= j < n):
        raise UncertaintyEditError(path, "unknown", f"no driver pair ({i}, {j})")
    if isinstance(rho, bool) or not isinstance(rho, (int, float)) or not math.isfinite(rho):
        raise UncertaintyEditError(path, "type", f"correlation must be a finite number, got {rho!r}")
    rho = float(rho)
    if i == j:
        if rho != 1.0:
            raise UncertaintyEditError(path, "diagonal", "a driver's correlation with itself is 1", {"value": rho})
        return _checked(out, segment_count)
    if not -1.0 <= rho <= 1.0:
        raise UncertaintyEditError(path, "range", f"a correlation must be from -1 to 1, got {rho:.6g}",
                                   {"value": rho})
    corr = out.get("correlation")
    if corr is None:
        corr = [[1.0 if a == b else 0.0 for b in range(n)] for a in range(n)]
    corr = [list(row) for row in corr]
    corr[i][j] = corr[j][i] = rho
    out["correlation"] = corr
    return _checked(out, segment_count)


def clear_correlation(value: Any | None, segment_count: int | None = None) -> dict:
    out = expanded(value)
    out.pop("correlation", None)
    return _checked(out, segment_count)


# ---------------------------------------------------------------------------
# The histogram of a run's values


@dataclass(frozen=True)
class Histogram:
    edges: np.ndarray        # (k + 1,) bin edges, money unit
    counts: np.ndarray       # (k,) valid draws per bin
    shares: np.ndarray       # (k,) counts / valid draws
    statuses: tuple[str, ...]  # (k,) status of every value in the bin
    valid: int               # valid draws binned

    @property
    def widths(self) -> np.ndarray:
        return np.diff(self.edges)


def value_histogram(totals: np.ndarray, market_cap: float, bins: int = 60) -> Histogram:
    """Valid draws (finite ``totals``) in about ``bins`` equal bins over their
    range, every bin that contains a status boundary split there; a bin's
    status is its values' (the band's lower bound belongs to the band above)."""
    v = np.asarray(totals, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return Histogram(np.empty(0), np.empty(0, int), np.empty(0), (), 0)
    lo, hi = float(v.min()), float(v.max())
    if hi <= lo:
        pad = max(abs(lo) * 1e-3, 1e-9)
        lo, hi = lo - pad, hi + pad
    base = np.linspace(lo, hi, max(1, int(bins)) + 1)
    cuts = [e for e in band_edges(market_cap) if lo < e < hi]
    edges = np.unique(np.concatenate([base, cuts]))
    # a value equal to a boundary belongs to the band above it: bins are [a, b), the last [a, b]
    k = edges.size - 1
    idx = np.clip(np.searchsorted(edges, v, side="right") - 1, 0, k - 1)
    counts = np.bincount(idx, minlength=k)
    # compared in money, with the very numbers the bins were split at
    bands = np.searchsorted(np.asarray(band_edges(market_cap)), edges[:-1], side="right")
    statuses = tuple(STATUS_CODES[int(b)] for b in bands)
    return Histogram(edges, counts, counts / v.size, statuses, int(v.size))
