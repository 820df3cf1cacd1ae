"""Vectorized sensitivity: many scenarios in one numpy pass.

A scenario moves one or more *drivers*; each is applied to every segment, or
to one segment when ``segment`` is given. All scenarios go through the same
kernel as ``valuate`` (valuation.value_kernel) with a leading scenario axis, so
a grid cell equals the scalar valuation of the correspondingly edited model.
A scenario where the method is invalid (r ≤ gT, ROE ≤ 0, growth ≤ −100%)
yields NaN, never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .model import Model
from .valuation import Prepared, company_total, prepare, value_kernel

DRIVERS: tuple[str, ...] = (
    "discount_rate_shift",   # added to r
    "terminal_growth",       # set (replaces company and segment terminal growth)
    "fade_growth_shift",     # added to fade growth
    "growth_shift",          # added to every forecast year's growth
    "margin_shift",          # added to every forecast year's margin
    "roe_shift",             # added to ROE
    "multiple_scale",        # multiplies the composite multiple
    "excess_cash_scale",     # multiplies excess cash
)
METHODS = ("ddm", "dynamic")

#: Tornado defaults (issue 5): (low, high) for each driver. terminal_growth is
#: relative to the model's own (±1 point), resolved in ``tornado``.
DEFAULT_SHOCKS: dict[str, tuple[float, float]] = {
    "discount_rate_shift": (-0.01, 0.01),
    "terminal_growth": (-0.01, 0.01),
    "fade_growth_shift": (-0.02, 0.02),
    "margin_shift": (-0.01, 0.01),
    "growth_shift": (-0.02, 0.02),
    "roe_shift": (-0.02, 0.02),
    "multiple_scale": (0.9, 1.1),
    "excess_cash_scale": (0.8, 1.2),
}

DRIVER_UNITS: dict[str, str] = {
    "discount_rate_shift": "rate", "terminal_growth": "rate", "fade_growth_shift": "rate",
    "growth_shift": "rate", "margin_shift": "rate", "roe_shift": "rate",
    "multiple_scale": "factor", "excess_cash_scale": "factor",
}


def clean_axis(values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Evenly spaced axis values as the analyst reads them: each the float
    nearest its decimal value to 15 significant digits of the axis's largest
    magnitude, so −0.018000000000000002 reads −0.018, 0.03 − 0.02 reads 0.01
    (not 0.009999999999999998) and 5.55e-17 on an axis through zero reads 0.

    For output only (CSV, JSON, readouts): the engine computes at the values
    as spaced, which differ from these by float noise alone."""
    raw = np.asarray(values, dtype=float)
    finite = raw[np.isfinite(raw)]
    scale = float(np.abs(finite).max()) if finite.size else 0.0
    if scale == 0.0 or scale < 1e-290:  # nothing to round to
        return raw.copy()
    decimals = 14 - int(np.floor(np.log10(scale)))
    if decimals >= 0:
        clean = [float(f"{v:.{decimals}f}") if np.isfinite(v) else v for v in raw.ravel().tolist()]
    else:
        clean = [float(round(v, decimals)) if np.isfinite(v) else v for v in raw.ravel().tolist()]
    return np.array(clean, dtype=float).reshape(raw.shape)


#: Working memory one chunk of a large sweep or grid may take (bytes): the
#: scenarios are valued in chunks of this size, so memory stays bounded
#: whatever the number of points.
CHUNK_BYTES = 32 * 2 ** 20
#: What a sensitivity grid may need in all (the totals, 8 bytes a cell, plus
#: one chunk's working memory); the CLI refuses a larger grid before computing.
GRID_MEMORY_BUDGET = 256 * 2 ** 20
#: What valuing any chunk takes besides the per-scenario arrays (the prepared
#: model, small temporaries; measured at about 0.2 MB for 30 × 30 models).
FIXED_BYTES = 2 ** 20


@dataclass(frozen=True)
class ScenarioResult:
    """Totals (…shape) and per-segment business values (…shape, S)."""

    total: np.ndarray
    segments: np.ndarray


@dataclass(frozen=True)
class TornadoBar:
    driver: str
    low_input: float
    high_input: float
    low_value: float
    high_value: float
    base_value: float

    @property
    def impact(self) -> float:
        return abs(self.high_value - self.low_value)


def base_driver_value(model: Model, driver: str, segment: int | None = None) -> float:
    """The driver's neutral value: 0 for shifts, 1 for scales; for terminal
    growth the company's (or, with ``segment``, that segment's own)."""
    _check_driver(driver)
    if driver == "terminal_growth":
        return model.terminal_growth if segment is None else model.segment_terminal_growth(segment)
    return 1.0 if driver.endswith("_scale") else 0.0


def _check_driver(driver: str) -> None:
    if driver not in DRIVERS:
        raise ValueError(f"unknown driver {driver!r}; one of: {', '.join(DRIVERS)}")


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of: ddm, dynamic")


def evaluate_scenarios(model: Model, drivers: Mapping[str, Sequence[float] | np.ndarray],
                       method: str = "ddm", segment: int | None = None,
                       prepared: Prepared | None = None) -> ScenarioResult:
    """Value a batch of scenarios at once.

    ``drivers`` maps driver names to arrays (or scalars) that broadcast to one
    batch shape, e.g. length-K vectors for K scenarios, or (ny, 1) and (1, nx)
    for a grid; missing drivers stay neutral. Each stage of the kernel is
    computed only over the drivers it depends on (numpy broadcasting), so a
    grid over the discount rate and terminal growth discounts the explicit
    dividends once per rate, not once per cell.
    """
    _check_method(method)
    for name in drivers:
        _check_driver(name)
    p = prepared if prepared is not None else prepare(model)
    arrays = {k: np.asarray(v, dtype=float) for k, v in drivers.items()}
    batch = np.broadcast_shapes(*(a.shape for a in arrays.values())) if arrays else ()
    if batch == ():
        batch = (1,)
        arrays = {k: a.reshape(1) for k, a in arrays.items()}
    S = len(p.names)
    if segment is not None and not 0 <= segment < S:
        raise ValueError(f"segment {segment} out of range (0…{S - 1})")
    mask = np.ones(S, dtype=bool) if segment is None else (np.arange(S) == segment)
    lead = (1,) * len(batch)

    def col(name: str) -> np.ndarray:
        return arrays[name][..., None]          # batch… × 1 (segment axis)

    def base(values: np.ndarray) -> np.ndarray:
        return values.reshape(lead + values.shape)

    def shifted(values: np.ndarray, name: str) -> np.ndarray:
        if name not in arrays:
            return base(values)
        return values + np.where(mask, col(name), 0.0)

    with np.errstate(all="ignore"):
        return _evaluate(p, arrays, batch, mask, S, method, col, base, shifted)


def _evaluate(p, arrays, batch, mask, S, method, col, base, shifted) -> ScenarioResult:
    r = shifted(p.discount_rate, "discount_rate_shift")
    roe = shifted(p.roe, "roe_shift")
    g2 = shifted(p.fade_growth, "fade_growth_shift")
    gT = np.where(mask, col("terminal_growth"), p.terminal_growth) if "terminal_growth" in arrays \
        else base(p.terminal_growth)
    mult = np.where(mask, p.multiple * col("multiple_scale"), p.multiple) if "multiple_scale" in arrays \
        else base(p.multiple)
    growth = base(p.growth)
    if "growth_shift" in arrays:
        growth = growth + np.where(mask, col("growth_shift"), 0.0)[..., None]
    margin = base(p.margin)
    if "margin_shift" in arrays:
        margin = margin + np.where(mask, col("margin_shift"), 0.0)[..., None]
    mscale = np.where(mask, col("multiple_scale"), 1.0) if "multiple_scale" in arrays else None
    with np.errstate(all="ignore"):
        out = value_kernel(p, discount_rate=r, roe=roe, fade_growth=g2, terminal_growth=gT,
                           multiple=mult, growth=growth, margin=margin, want=method, multiple_scale=mscale)
        seg_values = np.array(np.broadcast_to(out[method], batch + (S,)))
        seg_values[~np.isfinite(seg_values)] = np.nan   # beyond float range: no number to show
        invalid = (r <= gT) | (roe <= 0) | np.any(growth <= -1.0, axis=-1) | (r <= -1) | (g2 <= -1)
        if invalid.any():
            seg_values[np.broadcast_to(invalid, batch + (S,))] = np.nan
        cash = p.excess_cash * arrays["excess_cash_scale"] if "excess_cash_scale" in arrays else p.excess_cash
        total = np.asarray(company_total(seg_values.sum(axis=-1), np.broadcast_to(cash, batch),
                                         p.minority_interest, p.equity_investments), dtype=float)
        total[~np.isfinite(total)] = np.nan
    return ScenarioResult(total, seg_values)


def scenario_bytes(prepared: Prepared) -> int:
    """An upper estimate of the kernel's working memory for one scenario
    (bytes): arrays of segments × (forecast years + fade years), a few at a
    time. Measured with tracemalloc at about half of this for the costliest
    driver pairs (growth and margin shifts)."""
    segments, years = prepared.growth.shape
    fade = int(prepared.fade_years.max()) if prepared.fade_years.size else 0
    return 8 * max(segments, 1) * (4 * (years + fade) + 16)


def grid_memory_estimate(model: Model | Prepared, nx: int, ny: int, chunk_bytes: int = CHUNK_BYTES) -> int:
    """Bytes a grid of ``ny`` × ``nx`` totals needs with ``sensitivity_grid``:
    the result (8 per cell), the working memory of one chunk and a fixed part."""
    p = model if isinstance(model, Prepared) else prepare(model)
    cells = max(nx, 0) * max(ny, 0)
    return 8 * cells + min(cells * scenario_bytes(p), max(chunk_bytes, scenario_bytes(p))) + FIXED_BYTES


def sensitivity_sweep(model: Model, driver: str, values: Sequence[float] | np.ndarray,
                      method: str = "ddm", segment: int | None = None,
                      prepared: Prepared | None = None, chunk_bytes: int = CHUNK_BYTES) -> ScenarioResult:
    """One driver over ``values``: totals (len(values),), segments (len(values), S).
    ``prepared`` (``models.valuation.prepare(model)``) saves re-reading the model
    when one caller makes several sweeps of the same model. Long sweeps are
    valued in chunks of at most ``chunk_bytes`` of working memory."""
    p = prepared if prepared is not None else prepare(model)
    values = np.asarray(values, dtype=float)
    step = max(1, chunk_bytes // scenario_bytes(p))
    if values.ndim != 1 or len(values) <= step:
        return evaluate_scenarios(model, {driver: values}, method, segment, p)
    parts = [evaluate_scenarios(model, {driver: values[k:k + step]}, method, segment, p)
             for k in range(0, len(values), step)]
    return ScenarioResult(np.concatenate([r.total for r in parts]), np.concatenate([r.segments for r in parts]))


def sensitivity_grid_result(model: Model, x_driver: str, x_values, y_driver: str, y_values,
                            method: str = "ddm", segment: int | None = None) -> ScenarioResult:
    """Two drivers on a grid: totals (len(y), len(x)), segments (len(y), len(x), S)."""
    x = np.asarray(x_values, dtype=float)
    y = np.asarray(y_values, dtype=float)
    if x_driver == y_driver:
        raise ValueError("the two drivers of a grid must differ")
    res = evaluate_scenarios(model, {x_driver: x[None, :], y_driver: y[:, None]}, method, segment)
    return res


def sensitivity_grid(model: Model, x_driver: str, x_values, y_driver: str, y_values,
                     method: str = "ddm", segment: int | None = None,
                     chunk_bytes: int = CHUNK_BYTES) -> np.ndarray:
    """Total equity value over a grid: rows = y values, columns = x values.

    Valued in blocks of rows (or of cells within a row) whose working memory
    stays within ``chunk_bytes``; each cell is computed exactly as in one pass
    (the same elementwise operations), so the result does not depend on the
    chunking. Memory: ``grid_memory_estimate``.
    """
    x = np.asarray(x_values, dtype=float).reshape(-1)
    y = np.asarray(y_values, dtype=float).reshape(-1)
    if x_driver == y_driver:
        raise ValueError("the two drivers of a grid must differ")
    _check_method(method)
    _check_driver(x_driver)
    _check_driver(y_driver)
    p = prepare(model)
    total = np.empty((len(y), len(x)))
    if total.size == 0:
        return total
    cells = max(1, chunk_bytes // scenario_bytes(p))
    rows = max(1, cells // len(x))
    cols = len(x) if cells >= len(x) else cells
    for i in range(0, len(y), rows):
        for j in range(0, len(x), cols):
            block = evaluate_scenarios(model, {x_driver: x[None, j:j + cols], y_driver: y[i:i + rows, None]},
                                       method, segment, prepared=p)
            total[i:i + rows, j:j + cols] = block.total
    return total


def tornado(model: Model, method: str = "ddm", shocks: Mapping[str, tuple[float, float]] | None = None,
            segment: int | None = None) -> list[TornadoBar]:
    """Each driver at its low and high setting, sorted by impact (largest first).

    ``shocks`` gives (low, high) per driver: shifts and scales as absolute
    driver values; terminal_growth as points around the model's own.
    """
    shocks = dict(DEFAULT_SHOCKS if shocks is None else shocks)
    # Drivers the method does not use would only add zero-length bars.
    unused = ("multiple_scale",) if method == "ddm" else ("terminal_growth", "fade_growth_shift")
    if segment is not None:
        unused += ("excess_cash_scale",)   # a company figure: no segment's driver
    for name in unused:
        shocks.pop(name, None)
    p = prepare(model)
    names = list(shocks)
    inputs: list[tuple[float, float]] = []
    for name in names:
        _check_driver(name)
        low, high = shocks[name]
        if name == "terminal_growth":
            base_tg = base_driver_value(model, "terminal_growth", segment)
            low, high = base_tg + low, base_tg + high
        inputs.append((low, high))
    K = 1 + 2 * len(names)
    drivers = {name: np.full(K, base_driver_value(model, name)) for name in names}
    for j, name in enumerate(names):
        drivers[name][1 + 2 * j] = inputs[j][0]
        drivers[name][2 + 2 * j] = inputs[j][1]
    # terminal_growth is *set*; its neutral row is each segment's own value, so
    # its two scenarios are valued separately and the rest share one batch.
    tg = drivers.pop("terminal_growth", None)
    res = evaluate_scenarios(model, drivers, method, segment, prepared=p)
    totals = res.total
    if tg is not None:
        j = names.index("terminal_growth")
        tg_res = evaluate_scenarios(model, {"terminal_growth": np.array(inputs[j])}, method, segment, prepared=p)
        totals = totals.copy()
        totals[1 + 2 * j] = tg_res.total[0]
        totals[2 + 2 * j] = tg_res.total[1]
    base = float(totals[0])
    bars = [TornadoBar(name, inputs[j][0], inputs[j][1], float(totals[1 + 2 * j]), float(totals[2 + 2 * j]), base)
            for j, name in enumerate(names)]
    bars.sort(key=lambda b: (-(b.impact if np.isfinite(b.impact) else np.inf), DRIVERS.index(b.driver)))
    return bars
