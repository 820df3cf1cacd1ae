"""Helpers of the sensitivity-plot tests (issue 5): the sample, edits, and
reading back what a pyqtgraph item plots."""
from __future__ import annotations

from pathlib import Path

import numpy as np

import models
from desktop_app.controller import ComputedState

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
QM = ROOT / "resources" / "translations" / "plots_zh_CN.qm"


def sample() -> tuple[models.Model, models.ValuationResult]:
    model = models.load_model(SAMPLE)
    return model, models.valuate(model)


def state_of(model, result) -> ComputedState:
    """What the controller hands its views, as far as the plots read it: the
    model and its valuation (None: the model is invalid)."""
    return ComputedState(model, result, [], None, [])


def edited(model: models.Model, path: tuple, value: float):
    """A copy of ``model`` with one input changed, and its valuation."""
    copy = model.copy()
    copy.set(path, value)
    return copy, models.valuate(copy)


def curve_data(curve) -> tuple[np.ndarray, np.ndarray]:
    x, y = curve.getData()
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)
