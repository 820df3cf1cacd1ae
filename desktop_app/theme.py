"""The one source of the workbench's colours that carry meaning.

Status colours run from red (overvalued) through grey (fair) to green
(undervalued): the Western convention; the Chinese market convention would
swap red and green, and on purpose we do not. Keys are the engine's status
codes (``models.status.STATUS_CODES``). The header's badges, the plots' bands,
the heat map's colour scale and the bridge's total bar all read them here, so
a status looks the same wherever it is shown.
"""
from __future__ import annotations

#: Badge background of each status code, most overvalued first.
STATUS_COLORS: dict[str, str] = {
    "severely_overvalued": "#8e1b1b",
    "overvalued": "#d64541",
    "slightly_overvalued": "#f0a49a",
    "fair": "#b0b4b9",
    "slightly_undervalued": "#9fd5a4",
    "undervalued": "#3f9e4d",
    "severely_undervalued": "#17582a",
}

#: Readable text on each badge: white on the dark ones, near-black on the light.
STATUS_TEXT_COLORS: dict[str, str] = {
    "severely_overvalued": "#ffffff",
    "overvalued": "#ffffff",
    "slightly_overvalued": "#2b2b2b",
    "fair": "#2b2b2b",
    "slightly_undervalued": "#2b2b2b",
    "undervalued": "#ffffff",
    "severely_undervalued": "#ffffff",
}
