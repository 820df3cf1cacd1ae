"""The ``uncertainty`` key of a model file: Monte Carlo settings (valuation-method.md).

``{"draws": 10000, "seed": 0, "drivers": {DRIVER: DIST, ...}, "correlation": [[...]]}``
where DIST is ``{"dist": "normal", "mean": m, "sd": s}``,
``{"dist": "uniform", "low": a, "high": b}`` or
``{"dist": "triangular", "low": a, "mode": c, "high": b}``, each optionally with
``"segment": i`` (0-based; default every segment). Every part is optional: a
missing part takes its default (``DEFAULT_DRAWS``, ``DEFAULT_SEED``,
``DEFAULT_DRIVERS``, no correlation). ``correlation`` is over the drivers in
the order listed (the default drivers' order when ``drivers`` is absent) and
is read as a *rank* (Spearman) correlation, turned into the Gaussian copula's
normal correlation by ρ = 2 sin(π ρ_s / 6).

``check_uncertainty`` reports every problem with its key path and rule (and
normalizes numbers in place, as the model loader does); ``settings_from``
reads a checked value into ``UncertaintySettings``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..checks import describe as _type_name
from ..checks import kind
from ..errors import Issue, ModelFileError
from ..sensitivity import DRIVERS

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 0
MAX_DRAWS = 1_000_000      # keeps a run within ~150 MB (see montecarlo.py)
MAX_SEED = 2 ** 63 - 1
DISTRIBUTIONS = ("normal", "uniform", "triangular")
DIST_PARAMS = {"normal": ("mean", "sd"), "uniform": ("low", "high"), "triangular": ("low", "mode", "high")}

#: Used when the model has no ``uncertainty`` key or the key has no ``drivers``.
DEFAULT_DRIVERS: dict[str, dict] = {
    "growth_shift": {"dist": "normal", "mean": 0.0, "sd": 0.02},
    "margin_shift": {"dist": "normal", "mean": 0.0, "sd": 0.01},
    "discount_rate_shift": {"dist": "normal", "mean": 0.0, "sd": 0.005},
    "multiple_scale": {"dist": "normal", "mean": 1.0, "sd": 0.1},
}


@dataclass(frozen=True)
class DriverDist:
    """One uncertain driver: its distribution's parameters (decimals for
    shifts and rates, factors for scales) and its scope (None: every segment)."""

    driver: str
    dist: str
    params: tuple[float, ...]     # (mean, sd) | (low, high) | (low, mode, high)
    segment: int | None = None

    @property
    def spread(self) -> float:
        """sd for a normal, high − low otherwise; 0 means the driver is fixed."""
        return self.params[1] if self.dist == "normal" else self.params[-1] - self.params[0]

    def to_dict(self) -> dict:
        out = {"dist": self.dist, **dict(zip(DIST_PARAMS[self.dist], self.params))}
        if self.segment is not None:
            out["segment"] = self.segment
        return out


@dataclass(frozen=True)
class UncertaintySettings:
    draws: int
    seed: int
    drivers: tuple[DriverDist, ...]
    correlation: np.ndarray | None     # (D, D) rank correlation as given, or None

    def to_dict(self) -> dict:
        """The ``uncertainty`` key that gives these settings (for saving)."""
        out: dict[str, Any] = {"draws": self.draws, "seed": self.seed,
                               "drivers": {d.driver: d.to_dict() for d in self.drivers}}
        if self.correlation is not None:
            out["correlation"] = [[float(x) for x in row] for row in self.correlation]
        return out


def default_settings() -> UncertaintySettings:
    return settings_from(None)


def _number(holder: dict | list, key, path: str, issues: list[Issue], rule: str = "must be a number") -> float | None:
    value = holder[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        issues.append(Issue(path, f"{rule}, got {_type_name(value)}", "error", "type", kind(value, "number")))
        return None
    try:
        number = float(value)
    except OverflowError:
        issues.append(Issue(path, f"{rule}, got a number too large", "error", "non_finite"))
        return None
    if not math.isfinite(number):
        issues.append(Issue(path, f"{rule}, got {value!r}", "error", "non_finite"))
        return None
    holder[key] = number
    return number


def _integer(holder: dict, key: str, path: str, issues: list[Issue], lo: int, hi: int) -> int | None:
    value = holder[key]
    rule = f"must be a whole number from {lo} to {hi}"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        issues.append(Issue(path, f"{rule}, got {_type_name(value)}", "error", "type", kind(value, "integer")))
        return None
    if not lo <= value <= hi:
        issues.append(Issue(path, f"{rule}, got {_type_name(value)}", "error", "range",
                            {"number": value, "low": lo, "high": hi}))
        return None
    holder[key] = value
    return value


def check_uncertainty(value: Any, segment_count: int | None = None) -> list[Issue]:
    """Every problem of an ``uncertainty`` value, each with its key path
    (``uncertainty.drivers.growth_shift.sd``) and rule. Numbers are normalized
    in place (floats; ``draws``, ``seed`` and ``segment`` integers).
    ``segment_count`` (when known) bounds ``segment``."""
    issues: list[Issue] = []
    base = "uncertainty"
    if not isinstance(value, dict):
        return [Issue(base, f"must be an object, got {_type_name(value)}", "error", "type")]
    if value.get("draws") is not None:
        _integer(value, "draws", base + ".draws", issues, 1, MAX_DRAWS)
    if value.get("seed") is not None:
        _integer(value, "seed", base + ".seed", issues, 0, MAX_SEED)
    drivers = value.get("drivers")
    count = len(DEFAULT_DRIVERS)
    if drivers is not None:
        if not isinstance(drivers, dict):
            issues.append(Issue(base + ".drivers", f"must be an object {{DRIVER: DISTRIBUTION}}, got {_type_name(drivers)}", "error", "type"))
            drivers = None
        else:
            count = len(drivers)
            for name, dist in drivers.items():
                _check_dist(name, dist, f"{base}.drivers.{name}", segment_count, issues)
    corr = value.get("correlation")
    if corr is not None and (drivers is not None or value.get("drivers") is None):
        _check_correlation(corr, count, base + ".correlation", issues)
    return issues


def _check_dist(name: str, dist: Any, path: str, segment_count: int | None, issues: list[Issue]) -> None:
    if name not in DRIVERS:
        issues.append(Issue(path, f"is not a sensitivity driver; one of: {', '.join(DRIVERS)}", "error", "range"))
        return
    if not isinstance(dist, dict):
        issues.append(Issue(path, f"must be an object such as {{\"dist\": \"normal\", \"mean\": 0, \"sd\": 0.01}}, got {_type_name(dist)}", "error", "type"))
        return
    kind = dist.get("dist")
    if kind not in DISTRIBUTIONS:
        issues.append(Issue(path + ".dist", f"must be \"normal\", \"uniform\" or \"triangular\", got {_type_name(kind)}", "error", "range"))
        return
    got: dict[str, float] = {}
    for key in DIST_PARAMS[kind]:
        if dist.get(key) is None:
            issues.append(Issue(f"{path}.{key}", f"is missing (a {kind} distribution needs {', '.join(DIST_PARAMS[kind])})", "error", "missing"))
            continue
        number = _number(dist, key, f"{path}.{key}", issues)
        if number is not None:
            got[key] = number
    if kind == "normal" and "sd" in got and got["sd"] < 0:
        issues.append(Issue(path + ".sd", f"must be a number ≥ 0, got {got['sd']:.6g}", "error", "range"))
    if kind in ("uniform", "triangular") and "low" in got and "high" in got and got["low"] > got["high"]:
        issues.append(Issue(path + ".high", f"must be ≥ low ({got['low']:.6g}), got {got['high']:.6g}", "error", "range"))
    if kind == "triangular" and len(got) == 3 and not got["low"] <= got["mode"] <= got["high"]:
        issues.append(Issue(path + ".mode", f"must lie from low to high ({got['low']:.6g}…{got['high']:.6g}), got {got['mode']:.6g}", "error", "range"))
    if dist.get("segment") is not None:
        hi = (segment_count - 1) if segment_count else 2 ** 31
        _integer(dist, "segment", path + ".segment", issues, 0, hi)


def normal_correlation(rank_corr: np.ndarray) -> np.ndarray:
    """The Gaussian copula's correlation that gives the rank correlation ``rank_corr``."""
    out = 2.0 * np.sin(np.pi * np.asarray(rank_corr, dtype=float) / 6.0)
    np.fill_diagonal(out, 1.0)
    return out


def _check_correlation(corr: Any, count: int, path: str, issues: list[Issue]) -> None:
    shape_rule = f"must be a {count} × {count} matrix (a list of {count} lists), one row and column per driver in the order listed"
    if not isinstance(corr, list) or len(corr) != count or any(not isinstance(row, list) or len(row) != count for row in corr):
        issues.append(Issue(path, shape_rule, "error", "type"))
        return
    before = len(issues)
    for i, row in enumerate(corr):
        for j in range(count):
            number = _number(row, j, f"{path}[{i}][{j}]", issues)
            if number is not None and not -1.0 <= number <= 1.0:
                issues.append(Issue(f"{path}[{i}][{j}]", f"must be a correlation from -1 to 1, got {number:.6g}", "error", "range"))
    if len(issues) > before:
        return
    matrix = np.array(corr, dtype=float).reshape(count, count)
    for i in range(count):
        if matrix[i, i] != 1.0:
            issues.append(Issue(f"{path}[{i}][{i}]", f"must be 1 (a driver's correlation with itself), got {matrix[i, i]:.6g}", "error", "range"))
            return
    bad = np.argwhere(np.abs(matrix - matrix.T) > 1e-12)
    if bad.size:
        i, j = bad[0]
        issues.append(Issue(f"{path}[{i}][{j}]", f"must equal [{j}][{i}] (a correlation matrix is symmetric), got {matrix[i, j]:.6g} and {matrix[j, i]:.6g}", "error", "range"))
        return
    if not np.linalg.eigvalsh(normal_correlation(matrix)).min() > 1e-10:
        issues.append(Issue(path, "must be positive definite (no driver may be an exact combination of the others)", "error", "range"))


def settings_from(value: Any | None) -> UncertaintySettings:
    """The settings an ``uncertainty`` value gives (None: every default).
    Raises ModelFileError (key path and rule) when the value is invalid."""
    if value is None:
        value = {}
    else:
        from ..model import copy_json
        value = copy_json(value)
    issues = check_uncertainty(value)
    if issues:
        raise ModelFileError(issues[0].path, issues[0].message, issues=issues)
    drivers_doc = value.get("drivers")
    if drivers_doc is None:
        drivers_doc = DEFAULT_DRIVERS
    drivers = tuple(DriverDist(name, d["dist"], tuple(float(d[k]) for k in DIST_PARAMS[d["dist"]]),
                               d.get("segment")) for name, d in drivers_doc.items())
    corr = value.get("correlation")
    return UncertaintySettings(
        draws=DEFAULT_DRAWS if value.get("draws") is None else int(value["draws"]),
        seed=DEFAULT_SEED if value.get("seed") is None else int(value["seed"]),
        drivers=drivers,
        correlation=None if corr is None else np.array(corr, dtype=float).reshape(len(drivers), len(drivers)),
    )
