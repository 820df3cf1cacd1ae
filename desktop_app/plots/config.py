"""What the analyst can change about the sensitivity pictures: ranges, steps, shocks.

All values are decimals like the engine's (0.01 = one percentage point;
scales are factors, 1.1 = +10%). The terminal-growth range is an offset around
the model's own terminal growth, so it follows the model when that changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

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

    def with_range(self, name: str, value: SweepRange) -> "SensitivityConfig":
        return replace(self, **{name: value})

    def with_shock(self, driver: str, low: float, high: float) -> "SensitivityConfig":
        shocks = dict(self.shocks)
        shocks[driver] = (float(low), float(high))
        return replace(self, shocks=shocks)


#: The config fields each view reads (so an edit marks only those views stale).
RANGE_FIELDS: tuple[str, ...] = (
    "discount_rate", "terminal_growth", "margin", "growth",
    "heatmap_rate", "heatmap_terminal_growth",
)
