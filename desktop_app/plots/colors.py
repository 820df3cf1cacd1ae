"""Status badge colours, shared by the plots and the main window's header badges.

Red for overvalued through grey for fair to green for undervalued (the Western
convention; the Chinese market convention would invert red and green, on
purpose we do not). Keys are the engine's status codes
(``models.status.STATUS_CODES``).
"""
from __future__ import annotations

#: Badge background colour of each status code, most overvalued first.
STATUS_COLORS: dict[str, str] = {
    "severely_overvalued": "#8e1b1b",
    "overvalued": "#d64541",
    "slightly_overvalued": "#f0a49a",
    "fair": "#b0b4b9",
    "slightly_undervalued": "#9fd5a4",
    "undervalued": "#3f9e4d",
    "severely_undervalued": "#17582a",
}

#: Readable text colour on each badge (white on the dark ones).
STATUS_TEXT_COLORS: dict[str, str] = {
    "severely_overvalued": "#ffffff",
    "overvalued": "#ffffff",
    "slightly_overvalued": "#2b2b2b",
    "fair": "#2b2b2b",
    "slightly_undervalued": "#2b2b2b",
    "undervalued": "#ffffff",
    "severely_undervalued": "#ffffff",
}

#: Colours of the two methods' lines and bars.
DDM_COLOR = "#1f5fa8"
DYNAMIC_COLOR = "#e08a1e"
MARKET_CAP_COLOR = "#333333"
POSITIVE_COLOR = "#4f86c6"
NEGATIVE_COLOR = "#d9822b"
INVALID_COLOR = "#8c8c8c"
FOREGROUND = "#303030"
BACKGROUND = "#ffffff"
