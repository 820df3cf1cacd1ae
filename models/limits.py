"""Caps and plausibility bounds of a model (docs/engine-api.md, "Limits").

The caps keep every file the loader accepts small enough to load, check and
value quickly; the bounds keep every number the engine computes with far from
float64's edge, so that no inf or NaN can come out of a plausible model. A file
or an edit beyond any of them is refused with the key path and the rule.
"""
from __future__ import annotations

#: A model file larger than this is refused before it is read (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Entries in ``years`` (actual and forecast together).
MAX_YEARS = 1000
#: Entries in ``segments``.
MAX_SEGMENTS = 1000
#: Years (``years``, ``base_year``) are four-digit calendar years.
MIN_YEAR = 1000
MAX_YEAR = 9999
#: Fade period, company-wide or per segment (years).
MAX_FADE_YEARS = 200
#: Money amounts (revenue, profit, cash, company forecast and financials
#: figures), the price and the share count: at most this in magnitude.
MAX_AMOUNT = 1e15
#: The price and the share count: at least this (they must also be > 0).
MIN_PRICE = 1e-6
MIN_SHARES = 1e-6
#: Forecast growth and margin: at most this in magnitude (a rate over a tiny
#: base can be large: 1e6 = 100,000,000%).
MAX_GROWTH = 1e6
#: The discount rate, ROE, fade growth and the dynamic weights: at most this
#: in magnitude (10 = 1,000%).
MAX_RATE = 10.0
#: A segment's multiple and the quoted P/E and P/B: at most this in magnitude.
MAX_MULTIPLE = 1e6
#: A valuation whose value is more than this many times the market cap is
#: refused (an upside that large means a wrong price, share count or unit).
MAX_UPSIDE = 1e9
#: The checker stops collecting after this many errors (the file is refused
#: either way; the count says there are more).
MAX_ISSUES = 1000
