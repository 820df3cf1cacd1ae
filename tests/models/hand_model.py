"""A tiny model whose every value is computed by hand in the tests.

One segment; 2024 actual (revenue 100, net profit 10); 2025 growth 10%,
margin 10%; 2026 growth 0%, margin 10%; r = 10%, ROE = 20%, fade growth 5%
for 1 year, terminal growth 2%, multiple 10; base year 2025.
"""
from __future__ import annotations

import copy

HAND_DOC = {
    "format": "valuation-workbench-model",
    "version": 1,
    "company": {"name": "手算公司", "unit": "亿元"},
    "market": {"price": 10.0, "shares": 10.0},
    "years": [2024, 2025, 2026],
    "first_forecast_year": 2025,
    "valuation": {"terminal_growth": 0.02, "fade_years": 1, "excess_cash": 10.0,
                  "minority_interest": 2.5, "equity_investments": 1.5},
    "segments": [{
        "name": "主业",
        "actuals": {"2024": {"revenue": 100.0, "net_profit": 10.0}},
        "forecast": {"2025": {"growth": 0.10, "margin": 0.10}, "2026": {"growth": 0.0, "margin": 0.10}},
        "discount_rate": 0.10, "roe": 0.20, "fade_growth": 0.05, "multiple": 10.0,
    }],
}


def hand_doc(**valuation_overrides) -> dict:
    doc = copy.deepcopy(HAND_DOC)
    doc["valuation"].update(valuation_overrides)
    return doc
