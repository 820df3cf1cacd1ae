"""Iso-lines of a gridded field, vectorized (marching squares).

Pure geometry: where a sampled surface crosses a level, nothing about
valuation. Cells with a NaN corner (the method is invalid there) produce no
line. pyqtgraph's own ``isocurve`` loops in Python per cell, too slow for a
41×41 grid redrawn on every keystroke.
"""
from __future__ import annotations

import numpy as np


def contour_segments(x: np.ndarray, y: np.ndarray, z: np.ndarray,
                     level: float) -> tuple[np.ndarray, np.ndarray]:
    """Line segments where ``z`` (shape (len(y), len(x))) crosses ``level``.

    Returns ``(xs, ys)`` of length 2·k: consecutive pairs are the two ends of
    one segment (pyqtgraph's ``connect="pairs"``).
    """
    z = np.asarray(z, dtype=float)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if z.ndim != 2 or z.shape[0] < 2 or z.shape[1] < 2:
        return np.empty(0), np.empty(0)
    a = z[:-1, :-1]   # (x0, y0)
    b = z[:-1, 1:]    # (x1, y0)
    c = z[1:, 1:]     # (x1, y1)
    d = z[1:, :-1]    # (x0, y1)
    valid = np.isfinite(a) & np.isfinite(b) & np.isfinite(c) & np.isfinite(d)
    x0 = np.broadcast_to(x[:-1][None, :], a.shape)
    x1 = np.broadcast_to(x[1:][None, :], a.shape)
    y0 = np.broadcast_to(y[:-1][:, None], a.shape)
    y1 = np.broadcast_to(y[1:][:, None], a.shape)

    # Edges in order: bottom (a→b), right (b→c), top (d→c), left (a→d).
    ends = ((a, b), (b, c), (d, c), (a, d))
    with np.errstate(invalid="ignore", divide="ignore"):
        cross = [valid & ((p >= level) != (q >= level)) for p, q in ends]
        t = [np.where(cr, (level - p) / (q - p), 0.0) for cr, (p, q) in zip(cross, ends)]
    px = [x0 + t[0] * (x1 - x0), x1 + 0 * t[1], x0 + t[2] * (x1 - x0), x0 + 0 * t[3]]
    py = [y0 + 0 * t[0], y0 + t[1] * (y1 - y0), y1 + 0 * t[2], y0 + t[3] * (y1 - y0)]
    count = sum(cr.astype(np.int8) for cr in cross)

    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []

    def add(mask: np.ndarray, e1: int, e2: int) -> None:
        if mask.any():
            seg_x = np.stack([px[e1][mask], px[e2][mask]], axis=1).ravel()
            seg_y = np.stack([py[e1][mask], py[e2][mask]], axis=1).ravel()
            xs.append(seg_x)
            ys.append(seg_y)

    two = count == 2
    for e1 in range(4):
        for e2 in range(e1 + 1, 4):
            add(two & cross[e1] & cross[e2], e1, e2)
    four = count == 4
    if four.any():
        centre = (a + b + c + d) / 4.0
        # The centre decides which diagonal corners are joined.
        joined_ac = four & ((centre >= level) == (a >= level))
        split = four & ~joined_ac
        add(joined_ac, 0, 1)
        add(joined_ac, 2, 3)
        add(split, 0, 3)
        add(split, 1, 2)
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)
