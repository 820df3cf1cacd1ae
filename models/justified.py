"""The *justified* multiple, the dynamic valuation's optional mode (valuation-method.md).

    justified multiple = (value at year N of the DDM's fade and terminal
                          dividends) / earnings base
                         × factor(industry structure) × factor(moat durability)

Per segment, ``segments[i].multiple_mode`` chooses the multiple the dynamic
method uses: ``"composite"`` (the default: the segment's ``multiple``, 综合倍数)
or ``"justified"``. The factors come from a user-editable table,
``valuation.justified_factors``:

    {"structure": {"3": 1.0, "4": 1.1, "5": 1.2}, "moat_durability": {"2.5": 0.9, ...}}

keyed by star ratings (``"0"``, ``"0.5"``, … ``"5"``), looked up with the
segment's ``ratings.structure`` (产业格局) and ``moat.moat_durability``
(护城河持续性). A missing table, star key or rating means a factor of 1, so
without the table the justified multiple is the DDM's own (and a justified
segment's dynamic value equals its DDM value). A justified segment's
post-explicit value is factors × (fade + perpetual value); the multiple is
shown only where the earnings base is positive (else "NM").
"""
from __future__ import annotations

import math

import numpy as np

from .checks import describe as _type_name
from .errors import Issue

MODES = ("composite", "justified")
FACTOR_TABLES = {"structure": ("ratings", "structure"), "moat_durability": ("moat", "moat_durability")}
STAR_KEYS = tuple(f"{k / 2:g}" for k in range(11))      # "0", "0.5", …, "5"


def check_justified(doc: dict) -> list[Issue]:
    """Problems of ``segments[i].multiple_mode`` and ``valuation.justified_factors``
    (key path and rule); numbers normalized to floats in place."""
    issues: list[Issue] = []
    segments = doc.get("segments")
    if isinstance(segments, list):
        for i, seg in enumerate(segments):
            if isinstance(seg, dict) and seg.get("multiple_mode") is not None and seg["multiple_mode"] not in MODES:
                issues.append(Issue(f"segments[{i}].multiple_mode",
                                    f'must be "composite" or "justified", got {_type_name(seg["multiple_mode"])}',
                                    "error", "range"))
    val = doc.get("valuation")
    table = val.get("justified_factors") if isinstance(val, dict) else None
    if table is None:
        return issues
    base = "valuation.justified_factors"
    if not isinstance(table, dict):
        return issues + [Issue(base, f"must be an object {{\"structure\": {{STARS: FACTOR}}, \"moat_durability\": {{…}}}}, got {_type_name(table)}", "error", "type")]
    for name, factors in table.items():
        path = f"{base}.{name}"
        if name not in FACTOR_TABLES:
            issues.append(Issue(path, 'is not a factor table; one of: "structure", "moat_durability"', "error", "range"))
            continue
        if factors is None:
            continue
        if not isinstance(factors, dict):
            issues.append(Issue(path, f"must be an object {{STARS: FACTOR}}, got {_type_name(factors)}", "error", "type"))
            continue
        for stars, factor in factors.items():
            where = f"{path}.{stars}"
            if stars not in STAR_KEYS:
                issues.append(Issue(where, f"is not a star rating; one of: {', '.join(STAR_KEYS)}", "error", "range"))
                continue
            if isinstance(factor, bool) or not isinstance(factor, (int, float)) \
                    or not math.isfinite(float(factor)) or not float(factor) >= 0:
                issues.append(Issue(where, f"must be a factor ≥ 0 (1 = no adjustment), got {_type_name(factor)}", "error", "range"))
                continue
            factors[stars] = float(factor)
    return issues


def segment_factor(doc: dict, i: int) -> float:
    """The product of segment ``i``'s two adjustment factors (1 when not set)."""
    table = (doc.get("valuation") or {}).get("justified_factors") or {}
    seg = doc["segments"][i]
    factor = 1.0
    for name, (group, key) in FACTOR_TABLES.items():
        stars = (seg.get(group) or {}).get(key)
        factors = table.get(name) or {}
        if stars is None or not factors:
            continue
        value = factors.get(f"{float(stars):g}")
        if value is not None:
            factor *= float(value)
    return factor


def modes_and_factors(doc: dict) -> tuple[np.ndarray, np.ndarray]:
    """(justified (S,) bool, factor (S,) float) for ``prepare``."""
    segs = doc["segments"]
    justified = np.array([seg.get("multiple_mode") == "justified" for seg in segs], dtype=bool)
    factors = np.array([segment_factor(doc, i) for i in range(len(segs))], dtype=float)
    return justified, factors


def has_keys(doc: dict) -> bool:
    """Whether the document uses the justified mode's keys at all (fast path of ``validate``)."""
    val = doc.get("valuation")
    if isinstance(val, dict) and val.get("justified_factors") is not None:
        return True
    return any(isinstance(seg, dict) and seg.get("multiple_mode") is not None for seg in doc.get("segments") or ())
