"""The heat map over any two sensitivity drivers, for either method.

``heat_map`` values the grid in one vectorized pass
(``models.sensitivity.sensitivity_grid_result``) and returns plain data for a
view: totals, upsides and status band indices per cell, the model's own point
(each driver's neutral value) and which cells are invalid. ``default_axis``
gives a driver's default range around its neutral value; ``axis_values``
checks and spaces an edited range.

Units, as everywhere in the engine: shifts in decimals (0.01 = 1 point) added
to the model's values, ``terminal_growth`` the rate itself, scales as factors;
money in the model's unit.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..model import Model
from ..sensitivity import DRIVERS, base_driver_value, sensitivity_grid_result
from ..status import STATUS_THRESHOLDS

METHODS = ("ddm", "dynamic")
MAX_STEPS = 401

#: Default range of each driver as offsets around its neutral value (0 for a
#: shift, 1 for a scale, the model's own rate for terminal growth).
DEFAULT_SPANS: dict[str, tuple[float, float]] = {
    "discount_rate_shift": (-0.02, 0.02),
    "terminal_growth": (-0.02, 0.02),
    "fade_growth_shift": (-0.03, 0.03),
    "growth_shift": (-0.05, 0.05),
    "margin_shift": (-0.03, 0.03),
    "roe_shift": (-0.05, 0.05),
    "multiple_scale": (-0.3, 0.3),
    "excess_cash_scale": (-0.5, 0.5),
}


def _check_driver(driver: str) -> None:
    if driver not in DRIVERS:
        raise ValueError(f"unknown driver {driver!r}; one of: {', '.join(DRIVERS)}")


def axis_values(driver: str, start: float, stop: float, steps: int) -> np.ndarray:
    """``steps`` evenly spaced values from ``start`` to ``stop`` (absolute driver
    values). Raises ValueError, with a message naming the rule, for an unknown
    driver, non-finite ends, ``stop ≤ start`` or steps outside 2…401."""
    _check_driver(driver)
    if not (math.isfinite(start) and math.isfinite(stop)):
        raise ValueError(f"{driver}: the range ends must be finite numbers, got {start!r} and {stop!r}")
    if not stop > start:
        raise ValueError(f"{driver}: the range must end above its start, got {start:g} … {stop:g}")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 2 <= steps <= MAX_STEPS:
        raise ValueError(f"{driver}: the number of steps must be a whole number from 2 to {MAX_STEPS}, got {steps!r}")
    return np.linspace(float(start), float(stop), int(steps))


def default_axis(model: Model, driver: str, steps: int = 41, segment: int | None = None) -> np.ndarray:
    """The driver's default range (``DEFAULT_SPANS`` around its neutral value)."""
    _check_driver(driver)
    centre = base_driver_value(model, driver, segment)
    lo, hi = DEFAULT_SPANS[driver]
    return axis_values(driver, centre + lo, centre + hi, steps)


@dataclass(frozen=True)
class HeatMap:
    method: str
    segment: int | None
    x_driver: str
    y_driver: str
    x_values: np.ndarray        # (nx,)
    y_values: np.ndarray        # (ny,)
    total: np.ndarray           # (ny, nx) NaN where the method is invalid
    upside: np.ndarray          # (ny, nx) decimals
    band: np.ndarray            # (ny, nx) int: index into STATUS_CODES, −1 where invalid
    market_cap: float
    base_point: tuple[float, float]   # the model itself: (x neutral value, y neutral value)

    @property
    def invalid(self) -> np.ndarray:
        return ~np.isfinite(self.total)


def heat_map(model: Model, x_driver: str, x_values, y_driver: str, y_values, method: str = "ddm",
             segment: int | None = None) -> HeatMap:
    """Total, upside and status band over a grid: rows = y values, columns = x values."""
    _check_driver(x_driver)
    _check_driver(y_driver)
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of: ddm, dynamic")
    x = np.asarray(x_values, dtype=float)
    y = np.asarray(y_values, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or x.size < 1 or y.size < 1:
        raise ValueError("the x and y values must be non-empty lists of numbers")
    res = sensitivity_grid_result(model, x_driver, x, y_driver, y, method, segment)
    cap = model.market_cap
    total = res.total
    with np.errstate(invalid="ignore"):
        up = total / cap - 1.0
    band = np.searchsorted(np.asarray(STATUS_THRESHOLDS), np.where(np.isfinite(up), up, 0.0), side="right")
    band = np.where(np.isfinite(up), band, -1)
    return HeatMap(method, segment, x_driver, y_driver, x, y, total, up, band, cap,
                   (base_driver_value(model, x_driver, segment), base_driver_value(model, y_driver, segment)))
