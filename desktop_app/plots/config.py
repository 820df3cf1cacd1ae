"""What the analyst can change about the sensitivity pictures: ranges, steps, shocks.

All values are decimals like the engine's (0.01 = one percentage point;
scales are factors, 1.1 = +10%). The terminal-growth range is an offset around
the model's own terminal growth, so it follows the model when that changes.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from models.analysis.heatmap import DEFAULT_SPANS as HEATMAP_SPANS
from models.requests import SweepRange
from models.sensitivity import DEFAULT_SHOCKS as ENGINE_DEFAULT_SHOCKS

#: Tornado drivers, in the engine's names (models.sensitivity.DRIVERS).
TORNADO_DRIVERS: tuple[str, ...] = (
    "discount_rate_shift",
    "terminal_growth",
    "fade_growth_shift",
    "margin_shift",
    "growth_shift",
    "roe_shift",
    "multiple_scale",
    "excess_cash_scale",
)

#: The issue's default shocks: (low, high) per driver, from the engine (shifts
#: are decimals added to the model's value, terminal growth around the model's;
#: scales are factors).
DEFAULT_SHOCKS: dict[str, tuple[float, float]] = dict(ENGINE_DEFAULT_SHOCKS)


def is_scale(driver: str) -> bool:
    return driver.endswith("_scale")


#: The heat map's drivers (any two different ones) and methods.
HEATMAP_DRIVERS: tuple[str, ...] = TORNADO_DRIVERS
HEATMAP_METHODS: tuple[str, ...] = ("ddm", "dynamic")
#: Where each driver's heat-map range is kept: the two original drivers keep
#: their own fields (``heatmap_rate``, ``heatmap_terminal_growth``).
_HEATMAP_FIELDS = {"discount_rate_shift": "heatmap_rate", "terminal_growth": "heatmap_terminal_growth"}


def _default_heatmap_ranges() -> dict[str, SweepRange]:
    return {d: SweepRange(lo, hi, 41) for d, (lo, hi) in HEATMAP_SPANS.items() if d not in _HEATMAP_FIELDS}


@dataclass(frozen=True)
class SensitivityConfig:
    discount_rate: SweepRange = SweepRange(-0.02, 0.02, 41)
    #: Offsets around the model's terminal growth.
    terminal_growth: SweepRange = SweepRange(-0.02, 0.02, 41)
    margin: SweepRange = SweepRange(-0.03, 0.03, 41)
    growth: SweepRange = SweepRange(-0.05, 0.05, 41)
    heatmap_rate: SweepRange = SweepRange(-0.02, 0.02, 41)
    heatmap_terminal_growth: SweepRange = SweepRange(-0.02, 0.02, 41)
    shocks: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(DEFAULT_SHOCKS))
    #: The heat map: its two drivers (columns, rows), its method, and the
    #: range of every other driver (offsets around the driver's neutral
    #: value: 0 for a shift, 1 for a scale), remembered when a driver is
    #: swapped out and back in.
    heatmap_x: str = "discount_rate_shift"
    heatmap_y: str = "terminal_growth"
    heatmap_method: str = "ddm"
    heatmap_ranges: dict[str, SweepRange] = field(default_factory=_default_heatmap_ranges)

    def heatmap_range(self, driver: str) -> SweepRange:
        """The heat-map range of ``driver`` (an offset around its neutral value)."""
        name = _HEATMAP_FIELDS.get(driver)
        return getattr(self, name) if name else self.heatmap_ranges[driver]

    def with_heatmap_range(self, driver: str, value: SweepRange) -> "SensitivityConfig":
        name = _HEATMAP_FIELDS.get(driver)
        if name:
            return replace(self, **{name: value})
        ranges = dict(self.heatmap_ranges)
        ranges[driver] = value
        return replace(self, heatmap_ranges=ranges)

    def with_heatmap(self, x: str | None = None, y: str | None = None,
                     method: str | None = None) -> "SensitivityConfig":
        """Other heat-map drivers or method (None keeps the current one)."""
        return replace(self, heatmap_x=x or self.heatmap_x, heatmap_y=y or self.heatmap_y,
                       heatmap_method=method or self.heatmap_method)

    def with_range(self, name: str, value: SweepRange) -> "SensitivityConfig":
        return replace(self, **{name: value})

    def with_shock(self, driver: str, low: float, high: float) -> "SensitivityConfig":
        shocks = dict(self.shocks)
        shocks[driver] = (float(low), float(high))
        return replace(self, shocks=shocks)


@dataclass(frozen=True)
class PlotContext:
    """Everything a view draws from: the model, its valuation (None = invalid
    model), the scope (None = company, i = drivers applied to segment i only)
    and the analyst's ranges and shocks."""

    model: Any
    result: Any
    segment: Optional[int]
    config: SensitivityConfig

    @property
    def valid(self) -> bool:
        return self.model is not None and self.result is not None


#: The ranges the settings editor shows (the heat map's are on its own tab).
RANGE_FIELDS: tuple[str, ...] = (
    "discount_rate", "terminal_growth", "margin", "growth",
)
#: Every config field the heat map reads.
HEATMAP_FIELDS: tuple[str, ...] = ("heatmap_rate", "heatmap_terminal_growth", "heatmap_x", "heatmap_y",
                                   "heatmap_method", "heatmap_ranges")


# -- kept between sessions -----------------------------------------------------------------
#: The bounds the editors allow (decimals): a stored value outside them is not restored.
_SHIFT_SPAN, _SCALE_SPAN = (-0.5, 0.5), (-1.0, 5.0)
_MAX_STEPS = 201


def config_to_json(config: SensitivityConfig) -> str:
    """The config as the settings file keeps it (JSON text)."""
    def rng(r: SweepRange) -> list:
        return [float(r.start), float(r.stop), int(r.steps)]

    return json.dumps({
        "ranges": {name: rng(getattr(config, name)) for name in (*RANGE_FIELDS, "heatmap_rate",
                                                                "heatmap_terminal_growth")},
        "shocks": {d: [float(lo), float(hi)] for d, (lo, hi) in config.shocks.items()},
        "heatmap": {"x": config.heatmap_x, "y": config.heatmap_y, "method": config.heatmap_method,
                    "ranges": {d: rng(r) for d, r in config.heatmap_ranges.items()}},
    }, sort_keys=True)


def config_from_json(text: str) -> SensitivityConfig:
    """The config kept by :func:`config_to_json`. Never raises: whatever is
    missing, unknown, malformed or outside what the editors allow keeps its
    default (a damaged settings file must not stop the app or draw nonsense)."""
    config = SensitivityConfig()
    try:
        stored = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        return config
    if not isinstance(stored, dict):
        return config

    def number(v) -> float | None:
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        return float(v) if ok else None

    def sweep(v, span) -> SweepRange | None:
        if not (isinstance(v, list) and len(v) == 3):
            return None
        start, stop = number(v[0]), number(v[1])
        steps = v[2] if isinstance(v[2], int) and not isinstance(v[2], bool) else None
        if start is None or stop is None or steps is None or not 2 <= steps <= _MAX_STEPS:
            return None
        if not span[0] <= start < stop <= span[1]:
            return None
        return SweepRange(start, stop, steps)

    def section(key) -> dict:
        value = stored.get(key)
        return value if isinstance(value, dict) else {}

    for name, value in section("ranges").items():
        if name in (*RANGE_FIELDS, "heatmap_rate", "heatmap_terminal_growth"):
            rng = sweep(value, _SHIFT_SPAN)
            if rng is not None:
                config = config.with_range(name, rng)
    for driver, value in section("shocks").items():
        if driver not in DEFAULT_SHOCKS or not (isinstance(value, list) and len(value) == 2):
            continue
        lo, hi = number(value[0]), number(value[1])
        neutral, (low_min, high_max) = (1.0, (0.01, 6.0)) if is_scale(driver) else (0.0, (-0.2, 0.2))
        if lo is not None and hi is not None and low_min <= lo <= neutral <= hi <= high_max:
            config = config.with_shock(driver, lo, hi)
    heat = section("heatmap")
    for driver, value in (heat.get("ranges") if isinstance(heat.get("ranges"), dict) else {}).items():
        if driver in config.heatmap_ranges:
            rng = sweep(value, _SCALE_SPAN if is_scale(driver) else _SHIFT_SPAN)
            if rng is not None:
                config = config.with_heatmap_range(driver, rng)
    x, y, method = heat.get("x"), heat.get("y"), heat.get("method")
    if x in HEATMAP_DRIVERS and y in HEATMAP_DRIVERS and x != y:
        config = config.with_heatmap(x=x, y=y)
    if method in HEATMAP_METHODS:
        config = config.with_heatmap(method=method)
    return config
