"""Where a multiple (P/S, P/E or P/B) stands against the industry range, the
peers and the company's own history: seed 003's analysis, from
``multiples_context`` (model-file.md) and ``models.multiples``.

Seed 003's example: 万东医疗's P/S 7.61 against the industry's 5–10× sits at
0.52 of the range (within, upper half), between its peers 新华医疗 6.5× and
东软医疗 8.2× (percentile 0.5), and 5.7% above its own three-year mean 7.2×.

A multiple ≤ 0 (a loss, negative equity) is not meaningful ("NM"): it has no
position, and a peer's NM value is left out of the ranking and the averages.
Multiples are plain numbers (7.61 = 7.61×); positions and percentiles decimals.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any, Iterable, Literal

from ..dossier import MULTIPLE_KEYS
from ..model import Model
from ..multiples import Multiples, compute_multiples

Band = Literal["below", "within", "above"]


@dataclass(frozen=True)
class Point:
    """A peer or a period of the company's own history."""

    label: str                # the peer's name, or the period
    value: float | None       # None: not given, or NM
    nm: bool = False          # given but ≤ 0: not meaningful
    ticker: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class MultiplePosition:
    multiple: str                         # "ps", "pe" or "pb"
    value: float | None                   # ours; None when NM or unavailable
    nm: bool
    industry_low: float | None
    industry_high: float | None
    industry_position: float | None       # (value − low) / (high − low): 0 at low, 1 at high (outside: < 0 or > 1)
    industry_band: Band | None
    peers: list[Point]
    peers_below: int                      # meaningful peers strictly below ours
    peers_above: int                      # … strictly above
    peer_percentile: float | None         # (below + ½ equal) / meaningful peers
    peer_mean: float | None
    peer_median: float | None
    own_history: list[Point]
    own_mean: float | None                # mean of the meaningful own-history values
    vs_own_mean: float | None             # value / own_mean − 1


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:   # an integer beyond float range in a free-form key
        return None
    return value if math.isfinite(value) else None


def _point(label: str, value: Any, **extra) -> Point:
    v = _num(value)
    if v is None:
        return Point(label, None, False, **extra)
    return Point(label, v, False, **extra) if v > 0 else Point(label, None, True, **extra)


def multiple_position(multiple: str, value: float | None, *, industry: tuple[float, float] | None = None,
                      peers: Iterable[Point] = (), own_history: Iterable[Point] = ()) -> MultiplePosition:
    """The position of ``value`` (ours, of ``multiple``) within ``industry``
    ``(low, high)``, among ``peers`` and against ``own_history``."""
    peers, own_history = list(peers), list(own_history)
    nm = value is not None and value <= 0
    v = value if value is not None and value > 0 and math.isfinite(value) else None
    low = high = position = None
    band: Band | None = None
    if industry is not None:
        low, high = float(industry[0]), float(industry[1])
        if v is not None:
            band = "below" if v < low else "above" if v > high else "within"
            position = (v - low) / (high - low) if high > low else None
    meaningful = [p.value for p in peers if p.value is not None]
    below = above = 0
    percentile = None
    if v is not None and meaningful:
        below = sum(1 for x in meaningful if x < v)
        above = sum(1 for x in meaningful if x > v)
        equal = len(meaningful) - below - above
        percentile = (below + 0.5 * equal) / len(meaningful)
    own = [p.value for p in own_history if p.value is not None]
    own_mean = math.fsum(own) / len(own) if own else None
    return MultiplePosition(
        multiple, v, nm, low, high, position, band, peers, below, above, percentile,
        math.fsum(meaningful) / len(meaningful) if meaningful else None,
        statistics.median(meaningful) if meaningful else None,
        own_history, own_mean, (v / own_mean - 1.0) if (v is not None and own_mean) else None)


def multiples_positions(model: Model, multiples: Multiples | None = None) -> dict[str, MultiplePosition]:
    """``{"ps": …, "pe": …, "pb": …}``: the company's current multiples
    (``compute_multiples(model)``, or ``multiples`` when given) placed within
    ``model.doc["multiples_context"]``. Without a context every position has
    only the company's value."""
    m = compute_multiples(model) if multiples is None else multiples
    ctx = model.doc.get("multiples_context")
    ctx = ctx if isinstance(ctx, dict) else {}
    industry = ctx.get("industry") if isinstance(ctx.get("industry"), dict) else {}
    peers = [p for p in ctx.get("peers") or [] if isinstance(p, dict)]
    own = [p for p in ctx.get("own_history") or [] if isinstance(p, dict)]
    out: dict[str, MultiplePosition] = {}
    for key in MULTIPLE_KEYS:
        band = industry.get(key)
        band = (band[0], band[1]) if (isinstance(band, list) and len(band) == 2
                                      and _num(band[0]) is not None and _num(band[1]) is not None) else None
        ours = getattr(m, key)
        value = -1.0 if getattr(m, f"{key}_nm") else ours   # NM stays NM
        out[key] = multiple_position(
            key, value, industry=band,
            peers=[_point(str(p.get("name", "")), p.get(key), ticker=p.get("ticker"), period=p.get("period"))
                   for p in peers if key in p],
            own_history=[_point(str(p.get("period", "")), p.get(key), period=p.get("period"))
                         for p in own if key in p])
    return out
