"""Colours of the plots. The status colours come from the one theme
(``desktop_app.theme``), shared with the header's badges."""
from __future__ import annotations

from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

__all__ = ["STATUS_COLORS", "STATUS_TEXT_COLORS", "DDM_COLOR", "DYNAMIC_COLOR", "MARKET_CAP_COLOR",
           "POSITIVE_COLOR", "NEGATIVE_COLOR", "INVALID_COLOR", "FOREGROUND", "BACKGROUND"]

#: Colours of the two methods' lines and bars.
DDM_COLOR = "#1f5fa8"
DYNAMIC_COLOR = "#e08a1e"
MARKET_CAP_COLOR = "#333333"
POSITIVE_COLOR = "#4f86c6"
NEGATIVE_COLOR = "#d9822b"
INVALID_COLOR = "#8c8c8c"
FOREGROUND = "#303030"
BACKGROUND = "#ffffff"
