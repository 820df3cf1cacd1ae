"""What the sensitivity views ask the engine for: one pure function per view.

Each request takes plain data (the model, its valuation, the scope and the
analyst's ranges or shocks) and returns a frozen record of plain numbers: the
GUI only draws what comes back, and can run a request on another thread when
it is slow. Rates and shifts are decimals (0.01 = one percentage point),
scales are factors, money is in the model's unit (``unit``, e.g. 亿元).

``segment``: None applies the drivers to every segment (the company), ``i``
to segment ``i`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np

from .model import Model
from . import sensitivity
from .sensitivity import TornadoBar, base_driver_value
from .status import upside
from .valuation import ValuationResult, prepare

METHODS: tuple[str, ...] = ("ddm", "dynamic")


@dataclass(frozen=True)
class SweepRange:
    """``steps`` evenly spaced values from ``start`` to ``stop`` (decimals)."""

    start: float
    stop: float
    steps: int

    def values(self, offset: float = 0.0) -> np.ndarray:
        return offset + np.linspace(self.start, self.stop, int(self.steps))

    @property
    def is_valid(self) -> bool:
        return self.stop > self.start and self.steps >= 2


# -- one driver ------------------------------------------------------------------
@dataclass(frozen=True)
class Sweep:
    """Total equity value over one driver's values, per method.

    ``x``: the driver's values as the engine takes them (for terminal growth
    the level, else the shift); ``base_x`` is the model's own value of the
    driver and ``base_totals`` the model's valuation, where the marker sits."""

    driver: str
    x: np.ndarray
    totals: Mapping[str, np.ndarray]
    base_x: float
    base_totals: Mapping[str, float]
    market_cap: float
    unit: str


def sweep(model: Model, result: ValuationResult, driver: str, sweep_range: SweepRange,
          methods: tuple[str, ...] = METHODS, segment: int | None = None) -> Sweep:
    """The value of each method with ``driver`` swept over ``sweep_range``.

    The terminal-growth range is an offset around the model's own terminal
    growth (so it follows the model); every other range is the shift itself."""
    base = float(base_driver_value(model, driver, segment))
    x = sweep_range.values(base if driver == "terminal_growth" else 0.0)
    prepared = prepare(model)  # both methods read the same model
    totals = {m: np.asarray(sensitivity.sensitivity_sweep(model, driver, x, method=m, segment=segment,
                                                          prepared=prepared).total, dtype=float)
              for m in methods}
    return Sweep(driver, x, totals, base, {m: float(getattr(result, m).total) for m in methods},
                 float(result.market_cap), model.unit)


# -- the heat map ------------------------------------------------------------------
@dataclass(frozen=True)
class UpsideGrid:
    """DDM value and upside over discount-rate shift (columns, ``x``) ×
    terminal growth (rows, ``y``, levels). ``totals`` and ``upside`` have
    shape (len(y), len(x)); NaN where the method is invalid (r ≤ gT).
    ``base`` is the model's own point (shift 0, its terminal growth)."""

    x: np.ndarray
    y: np.ndarray
    totals: np.ndarray
    upside: np.ndarray
    market_cap: float
    base: tuple[float, float]
    unit: str

    x_driver = "discount_rate_shift"
    y_driver = "terminal_growth"


def upside_grid(model: Model, result: ValuationResult, rate_range: SweepRange,
                terminal_growth_range: SweepRange, segment: int | None = None) -> UpsideGrid:
    """The DDM upside heat map; ``terminal_growth_range`` is an offset around
    the model's (or the segment's) terminal growth."""
    base_g = float(base_driver_value(model, "terminal_growth", segment))
    x = rate_range.values()
    y = terminal_growth_range.values(base_g)
    totals = np.asarray(sensitivity.sensitivity_grid(model, UpsideGrid.x_driver, x, UpsideGrid.y_driver, y,
                                                     method="ddm", segment=segment), dtype=float)
    market_cap = float(result.market_cap)
    return UpsideGrid(x, y, totals, np.asarray(upside(totals, market_cap), dtype=float), market_cap,
                      (0.0, base_g), model.unit)


@dataclass(frozen=True)
class HeatGrid:
    """One method's value and upside over any two drivers: ``x`` (columns)
    and ``y`` (rows) are the drivers' values as the engine takes them (a
    shift, the terminal-growth level, a scale factor); ``totals`` and
    ``upside`` have shape (len(y), len(x)), NaN where the method is invalid
    (r ≤ gT); ``band`` indexes STATUS_CODES (−1 where invalid). ``base`` is
    the model's own point (each driver's neutral value)."""

    method: str
    x_driver: str
    y_driver: str
    x: np.ndarray
    y: np.ndarray
    totals: np.ndarray
    upside: np.ndarray
    band: np.ndarray
    market_cap: float
    base: tuple[float, float]
    unit: str


def heat_grid(model: Model, x_driver: str, x_range: SweepRange, y_driver: str, y_range: SweepRange,
              method: str = "ddm", segment: int | None = None) -> HeatGrid:
    """The heat map of ``method`` over two different drivers
    (``models.analysis.heatmap.heat_map``). Each range is an offset around its
    driver's neutral value (0 for a shift, 1 for a scale, the model's or the
    segment's terminal growth), so it follows the model. A range is checked
    as ``axis_values`` checks it (ValueError naming the rule)."""
    from .analysis.heatmap import axis_values, heat_map

    axes = []
    for driver, rng in ((x_driver, x_range), (y_driver, y_range)):
        centre = float(base_driver_value(model, driver, segment))
        axis_values(driver, centre + rng.start, centre + rng.stop, int(rng.steps))   # the rule's message
        axes.append(rng.values(centre))
    grid = heat_map(model, x_driver, axes[0], y_driver, axes[1], method, segment)
    return HeatGrid(method, x_driver, y_driver, grid.x_values, grid.y_values, grid.total, grid.upside,
                    grid.band, float(grid.market_cap), (float(grid.base_point[0]), float(grid.base_point[1])),
                    model.unit)


# -- the tornado -----------------------------------------------------------------------
@dataclass(frozen=True)
class Tornado:
    """Per method, the engine's bars in the engine's order (largest impact first)."""

    bars: Mapping[str, tuple[TornadoBar, ...]]
    unit: str


def tornado_bars(model: Model, shocks: Mapping[str, tuple[float, float]],
                 methods: tuple[str, ...] = METHODS, segment: int | None = None) -> Tornado:
    """Each driver at its (low, high) shock, for each method (``shocks`` as
    ``models.sensitivity.tornado`` takes them)."""
    plain = {driver: (float(low), float(high)) for driver, (low, high) in shocks.items()}
    return Tornado({m: tuple(sensitivity.tornado(model, method=m, shocks=plain, segment=segment)) for m in methods},
                   model.unit)


# -- the sum-of-the-parts bridge ---------------------------------------------------------
@dataclass(frozen=True)
class BridgeStep:
    """One bar of the walk: ``key`` is ``segment:i``, ``excess_cash``,
    ``minority_interest``, ``equity_investments``, ``total`` or
    ``market_cap``; ``name`` is the segment's name (empty for the others).
    The bar runs from ``start`` to ``end``."""

    key: str
    name: str
    start: float
    end: float

    @property
    def amount(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class BridgeWalk:
    """One method's walk from the segments' business values to its total."""

    steps: tuple[BridgeStep, ...]
    total: float
    status: str
    upside: float


@dataclass(frozen=True)
class Bridge:
    walks: Mapping[str, BridgeWalk]
    market_cap: float
    unit: str


def bridge(model: Model, result: ValuationResult, methods: tuple[str, ...] = METHODS) -> Bridge:
    """Each method's value stacked: every segment's business value, + excess
    cash, − minority interest, + equity investments, then the total and the
    market cap as bars from zero. Every number is the engine's own."""
    market_cap = float(result.market_cap)
    walks = {}
    for method in methods:
        mr = getattr(result, method)
        steps: list[BridgeStep] = []
        running = 0.0
        for i, seg in enumerate(mr.segments):
            steps.append(BridgeStep(f"segment:{i}", seg.name, running, running + seg.business_value))
            running += seg.business_value
        for key, amount in (("excess_cash", mr.excess_cash), ("minority_interest", -mr.minority_interest),
                            ("equity_investments", mr.equity_investments)):
            steps.append(BridgeStep(key, "", running, running + amount))
            running += amount
        steps.append(BridgeStep("total", "", 0.0, mr.total))
        steps.append(BridgeStep("market_cap", "", 0.0, market_cap))
        walks[method] = BridgeWalk(tuple(steps), float(mr.total), mr.status, float(mr.upside))
    return Bridge(walks, market_cap, model.unit)
