"""What the analyst can change about the sensitivity pictures: ranges, steps, shocks.

All values are decimals like the engine's (0.01 = one percentage point;
scales are factors, 1.1 = +10%). The terminal-growth range is an offset around
the model's own terminal growth, so it follows the model when that changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

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


#: The ranges the settings editor shows (the heat map's are on its own tab).
RANGE_FIELDS: tuple[str, ...] = (
    "discount_rate", "terminal_growth", "margin", "growth",
)
#: Every config field the heat map reads.
HEATMAP_FIELDS: tuple[str, ...] = ("heatmap_rate", "heatmap_terminal_growth", "heatmap_x", "heatmap_y",
                                   "heatmap_method", "heatmap_ranges")
