"""Iso-lines of a gridded field, vectorized (marching squares).

Pure geometry: where a sampled surface crosses a level, nothing about
valuation. Cells with a NaN corner (the method is invalid there) produce no
line. pyqtgraph's own ``isocurve`` loops in Python per cell, far too slow for
a 41×41 grid and six levels redrawn on every keystroke; here all levels go
through one numpy pass.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


def contour_levels(x: np.ndarray, y: np.ndarray, z: np.ndarray,
                   levels: Sequence[float]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Line segments where ``z`` (shape (len(y), len(x))) crosses each level.

    Returns, per level, ``(xs, ys)`` of length 2·k: consecutive pairs are the
    two ends of one segment (pyqtgraph's ``connect="pairs"``). Only the cells a
    line passes through are interpolated, so the cost is a few whole-grid
    comparisons plus work proportional to the line length.
    """
    z = np.asarray(z, dtype=float)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    lv = np.asarray(levels, dtype=float)
    empty = (np.empty(0), np.empty(0))
    if z.ndim != 2 or z.shape[0] < 2 or z.shape[1] < 2 or lv.size == 0:
        return [empty for _ in range(lv.size)]
    finite = np.isfinite(z)
    valid = finite[:-1, :-1] & finite[:-1, 1:] & finite[1:, 1:] & finite[1:, :-1]
    above = z[None] >= lv[:, None, None]                        # (L, ny, nx); NaN → False
    A, B = above[:, :-1, :-1], above[:, :-1, 1:]
    C, D = above[:, 1:, 1:], above[:, 1:, :-1]
    # Edges: bottom (a→b), right (b→c), top (d→c), left (a→d).
    crossing = ((A != B) | (B != C) | (D != C) | (A != D)) & valid
    lvl_i, row, col = np.nonzero(crossing)
    if lvl_i.size == 0:
        return [empty for _ in range(lv.size)]
    edges = np.stack([A[lvl_i, row, col] != B[lvl_i, row, col], B[lvl_i, row, col] != C[lvl_i, row, col],
                      D[lvl_i, row, col] != C[lvl_i, row, col], A[lvl_i, row, col] != D[lvl_i, row, col]])
    za, zb = z[row, col], z[row, col + 1]
    zc, zd = z[row + 1, col + 1], z[row + 1, col]
    level = lv[lvl_i]
    x0, x1, y0, y1 = x[col], x[col + 1], y[row], y[row + 1]
    with np.errstate(invalid="ignore", divide="ignore"):  # non-crossing edges are not used
        px = np.stack([x0 + (level - za) / (zb - za) * (x1 - x0), x1,
                       x0 + (level - zd) / (zc - zd) * (x1 - x0), x0])
        py = np.stack([y0, y0 + (level - zb) / (zc - zb) * (y1 - y0),
                       y1, y0 + (level - za) / (zd - za) * (y1 - y0)])
    count = edges.sum(axis=0)
    cells = np.arange(lvl_i.size)
    first = np.argmax(edges, axis=0)
    last = 3 - np.argmax(edges[::-1], axis=0)
    two = count == 2
    seg_level = [lvl_i[two]]
    seg_x = [np.stack([px[first, cells][two], px[last, cells][two]], axis=1)]
    seg_y = [np.stack([py[first, cells][two], py[last, cells][two]], axis=1)]
    four = count == 4
    if four.any():  # saddles: the centre value decides which corners are joined
        centre = (za + zb + zc + zd) / 4.0
        joined_ac = (centre >= level) == (za >= level)
        for mask, pairs in ((four & joined_ac, ((0, 1), (2, 3))), (four & ~joined_ac, ((0, 3), (1, 2)))):
            for e1, e2 in pairs:
                seg_level.append(lvl_i[mask])
                seg_x.append(np.stack([px[e1][mask], px[e2][mask]], axis=1))
                seg_y.append(np.stack([py[e1][mask], py[e2][mask]], axis=1))
    seg_level_all = np.concatenate(seg_level)
    seg_x_all = np.concatenate(seg_x)
    seg_y_all = np.concatenate(seg_y)
    out = []
    for k in range(lv.size):
        mine = seg_level_all == k
        out.append((seg_x_all[mine].ravel(), seg_y_all[mine].ravel()))
    return out


def contour_segments(x: np.ndarray, y: np.ndarray, z: np.ndarray,
                     level: float) -> tuple[np.ndarray, np.ndarray]:
    """One level of :func:`contour_levels`."""
    return contour_levels(x, y, z, [level])[0]
