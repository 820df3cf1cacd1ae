"""Sensitivity plots of the valuation (issue 5): value vs discount rate, vs
terminal growth / margins / growth, an upside heat map, tornado and the
sum-of-the-parts bridge. Import PySide6 before pyqtgraph (pyqtgraph picks its
binding from what is already imported)."""
from PySide6 import QtCore  # noqa: F401  (must precede pyqtgraph)

from .colors import STATUS_COLORS, STATUS_TEXT_COLORS
from .config import DEFAULT_SHOCKS, SensitivityConfig, SweepRange
from .panel import SensitivityPanel

__all__ = ["SensitivityPanel", "SensitivityConfig", "SweepRange", "DEFAULT_SHOCKS",
           "STATUS_COLORS", "STATUS_TEXT_COLORS"]
