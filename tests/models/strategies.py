"""Hypothesis strategies that build *valid* model documents (docs/model-file.md).

``model_docs()`` draws a plain JSON document (a dict) that the loader must
accept: 1–5 segments, 2–10 years (at least one actual and one forecast year),
rates chosen so that every rule of the method doc's "Invalid inputs" holds:
r > gT for every segment (with its own terminal growth if it overrides it),
ROE > 0, growth > −100%, multiple ≥ 0, price and shares > 0, fade years
0…200, base year ≤ first forecast year.

Options:
- ``positive_earnings=True``: positive actual revenue and net profit and
  positive margins, so every forecast earning and every dividend is ≥ 0 (the
  precondition of "value falls as the discount rate rises").
- ``odd_values=True``: CJK and other non-ASCII names, −0.0, very large and very
  small (subnormal) numbers where the format allows them.
- ``unknown_keys=True``: extra keys (arbitrary finite JSON values) inserted at a
  random position at every level where the format allows free keys.

Numbers are drawn as Python floats wherever the format stores a float and as
ints where it stores an integer, so a valid document is already in the
loader's normalized form: loading it must give back an equal document.
"""
from __future__ import annotations

import math

from hypothesis import strategies as st

FORMAT_NAME = "valuation-workbench-model"

# Keys the format defines, per level: unknown keys must avoid them.
KNOWN_KEYS = {
    "top": {"format", "version", "company", "market", "years", "first_forecast_year", "valuation",
            "segments", "company_forecast", "history", "reference", "financials",
            "multiples_context", "disclaimer", "scenarios", "uncertainty"},
    "company": {"name", "name_en", "ticker", "industry", "currency", "unit", "report_date",
                "profile", "ratings", "business_model", "history_ratings"},
    "market": {"price", "shares", "pe_ttm", "pb_mrq"},
    "valuation": {"terminal_growth", "fade_years", "base_year", "dynamic_weights", "excess_cash",
                  "minority_interest", "equity_investments"},
    "segment": {"name", "name_en", "actuals", "forecast", "discount_rate", "roe", "fade_growth",
                "multiple", "terminal_growth", "fade_years", "ratings", "moat", "notes",
                "description", "rating_notes"},
    "actual_row": {"revenue", "net_profit", "gross_profit"},
    "forecast_row": {"growth", "margin", "gross_margin"},
    # history metrics the dossier recognises (models/dossier.py HISTORY_METRICS) hold {year: number}
    "history": {"operating_margin", "net_margin_deducted", "roe", "roic", "revenue_growth",
                "operating_profit_growth", "net_profit_growth", "ocf_to_revenue", "net_payables_to_assets",
                "payout_ratio", "rd_to_revenue", "revenue", "operating_profit", "net_profit_attributable",
                "equity", "operating_cash_flow", "dividends", "rd_expense"},
    "company_forecast": {"non_operating_profit", "minority_profit"},
}

CJK_NAMES = ["医学影像设备（国内）", "海外业务", "维修服务 Service", "生命科学仪器", "测试𠀀字",
             "数据·智能", "ｆｕｌｌ－ｗｉｄｔｈ", "Ünïcödé", "=SUM(A1)", "-负数开头", "业务\t制表"]

# Finite floats that stress a text round trip.
ODD_FLOATS = [-0.0, 0.0, 5e-324, 2.2250738585072014e-308, 1e-300, 1.7976931348623157e308, 1e300,
              -1e300, 0.1, 1 / 3, 123456789.123456789, 2.0 ** 53 + 2]


def _finite(lo: float, hi: float) -> st.SearchStrategy[float]:
    # No subnormals in ordinary models (odd_values puts them in on purpose):
    # the subnormal cases have their own tests (test_fuzz_loader, test_properties).
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def names(odd_values: bool) -> st.SearchStrategy[str]:
    plain = st.sampled_from(["Alpha", "Beta", "Gamma", "Segment 1", "Services"])
    if not odd_values:
        return plain
    free = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
    return st.one_of(plain, st.sampled_from(CJK_NAMES), free)


def json_values(max_leaves: int = 8) -> st.SearchStrategy:
    """Arbitrary *finite* JSON values (what a user may keep under an unknown key)."""
    scalars = st.one_of(
        st.none(), st.booleans(),
        st.integers(-10 ** 30, 10 ** 30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(ODD_FLOATS),
        st.text(max_size=10),
        st.sampled_from(CJK_NAMES),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=3),
                                   st.dictionaries(st.text(max_size=6), children, max_size=3)),
        max_leaves=max_leaves,
    )


# Strategies are built once: building (and validating) a recursive strategy
# per draw is what makes hypothesis slow.
JSON_VALUES = json_values()
_NAMES = {False: names(False), True: names(True)}
_UNKNOWN_KEYS = {
    level: st.one_of(st.sampled_from(["x_note", "备注", "评级理由", "extra-1", "Zebra", "_private", ""]),
                     st.text(max_size=8)).filter(lambda k, known=frozenset(KNOWN_KEYS.get(level, ())): k not in known)
    for level in list(KNOWN_KEYS) + ["ratings", "notes", "reference"]
}


def _unknown_key(level: str) -> st.SearchStrategy[str]:
    return _UNKNOWN_KEYS[level]


@st.composite
def _with_unknown_keys(draw, obj: dict, level: str) -> dict:
    """``obj`` with 1–2 unknown keys inserted at random positions (order kept)."""
    items = list(obj.items())
    for _ in range(draw(st.integers(1, 2))):
        key = draw(_unknown_key(level))
        if key in dict(items):
            continue
        pos = draw(st.integers(0, len(items)))
        items.insert(pos, (key, draw(JSON_VALUES)))
    return dict(items)


@st.composite
def model_docs(draw, *, positive_earnings: bool = False, odd_values: bool = False,
               unknown_keys: bool = False, min_segments: int = 1, max_segments: int = 5,
               min_years: int = 2, max_years: int = 10, min_forecast: int = 1) -> dict:
    def extra(obj: dict, level: str) -> dict:
        if unknown_keys and draw(st.booleans()):
            return draw(_with_unknown_keys(obj, level))
        return obj

    def money(lo: float, hi: float) -> float:
        if odd_values and draw(st.integers(0, 9)) == 0:
            return draw(st.sampled_from([v for v in ODD_FLOATS if lo <= v <= hi] or [lo]))
        return draw(_finite(lo, hi))

    n_years = draw(st.integers(min_years, max_years))
    n_actual = draw(st.integers(1, n_years - min_forecast))
    first = draw(st.integers(1990, 2040))
    years = list(range(first, first + n_years))
    ffy = years[n_actual]
    actual_years, forecast_years = years[:n_actual], years[n_actual:]

    terminal_growth = draw(_finite(-0.02, 0.05))
    fade_years = draw(st.integers(0, 15))

    company = {"name": draw(_NAMES[odd_values]), "unit": "亿元"}
    if draw(st.booleans()):
        company["ticker"] = draw(st.sampled_from(["688271.SH", "000001.SZ", "T"]))
    market = {"price": money(0.01, 2000.0), "shares": money(0.01, 500.0)}
    valuation: dict = {"terminal_growth": terminal_growth, "fade_years": fade_years}
    if draw(st.booleans()):
        valuation["base_year"] = ffy - draw(st.integers(0, 3))
    if draw(st.booleans()):
        w1 = draw(_finite(0.0, 1.0))
        valuation["dynamic_weights"] = [w1, 1.0 - w1]
    for key in ("excess_cash", "minority_interest", "equity_investments"):
        if draw(st.booleans()):
            valuation[key] = -0.0 if odd_values and draw(st.integers(0, 5)) == 0 else draw(_finite(0.0, 200.0))

    n_segments = draw(st.integers(min_segments, max_segments))
    segments = []
    for s in range(n_segments):
        seg_tg = None
        if draw(st.integers(0, 3)) == 0:
            seg_tg = draw(_finite(-0.02, 0.06))
        tg = terminal_growth if seg_tg is None else seg_tg
        actuals = {}
        for y in actual_years:
            if positive_earnings:
                revenue = draw(_finite(0.5, 500.0))
                profit = revenue * draw(_finite(0.01, 0.4))
            else:
                revenue = money(0.0, 500.0) if odd_values else draw(_finite(0.0, 500.0))
                profit = revenue * draw(_finite(-0.3, 0.4))
                if abs(profit) < 1e-100:
                    profit = 0.0      # no near-subnormal profits (see _finite)
                if odd_values and draw(st.integers(0, 5)) == 0:
                    profit = -0.0
            actuals[str(y)] = extra({"revenue": revenue, "net_profit": profit}, "actual_row")
        # The last actual year drives the forecast: keep its revenue positive
        # unless odd values are asked for.
        if not odd_values and actuals[str(actual_years[-1])]["revenue"] < 0.1:
            actuals[str(actual_years[-1])]["revenue"] = 0.1
        forecast = {}
        for y in forecast_years:
            growth = draw(_finite(-0.3, 0.5))
            margin = draw(_finite(0.01, 0.4)) if positive_earnings else draw(_finite(-0.2, 0.4))
            if odd_values and draw(st.integers(0, 5)) == 0:
                margin = draw(st.sampled_from([-0.0, 5e-324, 1e-300]))
            if odd_values and draw(st.integers(0, 5)) == 0:
                growth = -0.0
            forecast[str(y)] = extra({"growth": growth, "margin": margin}, "forecast_row")
        seg = {
            "name": draw(_NAMES[odd_values]),
            "actuals": actuals,
            "forecast": forecast,
            "discount_rate": tg + draw(_finite(0.005, 0.1)),
            "roe": draw(_finite(0.02, 0.4)),
            "fade_growth": draw(_finite(-0.05, 0.15)),
            "multiple": draw(_finite(0.0, 40.0)),
        }
        if seg_tg is not None:
            seg["terminal_growth"] = seg_tg
        if draw(st.integers(0, 3)) == 0:
            seg["fade_years"] = draw(st.integers(0, 12))
        if draw(st.booleans()):
            seg["name_en"] = draw(st.sampled_from(["Domestic", "Overseas", "Service"]))
        if draw(st.booleans()):
            seg["ratings"] = extra({k: draw(st.sampled_from([0.0, 0.5, 2.5, 4.0, 5.0]))
                                    for k in ("growth", "profit_trend", "structure", "moat")}, "ratings")
        if draw(st.booleans()):
            seg["notes"] = extra({"text": draw(_NAMES[odd_values])}, "notes")
        segments.append(extra(seg, "segment"))

    doc: dict = {
        "format": FORMAT_NAME,
        "version": 1,
        "company": extra(company, "company"),
        "market": extra(market, "market"),
        "years": years,
        "first_forecast_year": ffy,
        "valuation": extra(valuation, "valuation"),
        "segments": segments,
    }
    if draw(st.booleans()):
        cf = {"non_operating_profit": {str(y): draw(_finite(-5.0, 5.0)) for y in years},
              "minority_profit": {str(y): draw(_finite(0.0, 3.0)) for y in years}}
        doc["company_forecast"] = extra(cf, "company_forecast")
    if unknown_keys and draw(st.booleans()):
        doc["history"] = extra({"revenue": {str(y): draw(_finite(0.0, 100.0)) for y in actual_years}}, "history")
    if unknown_keys and draw(st.booleans()):
        doc["reference"] = extra({"source": "test", "ddm_total": draw(JSON_VALUES)}, "reference")
    return extra(doc, "top")


def strictly_equal(a, b, path: str = "") -> None:
    """Assert two JSON values are identical: same types, same key *order*, and
    −0.0 distinct from 0.0 (``==`` would hide all three). Walks with its own
    stack: the loader accepts nesting deeper than Python 3.13 lets a
    recursive walk go."""
    pending = [(a, b, path)]
    while pending:
        a, b, path = pending.pop()
        assert type(a) is type(b), f"{path or '/'}: {type(a).__name__} != {type(b).__name__}"
        if isinstance(a, dict):
            assert list(a) == list(b), f"{path or '/'}: keys {list(a)} != {list(b)}"
            pending.extend((a[k], b[k], f"{path}.{k}") for k in reversed(list(a)))
        elif isinstance(a, list):
            assert len(a) == len(b), f"{path or '/'}: lengths {len(a)} != {len(b)}"
            pending.extend((x, y, f"{path}[{i}]") for i, (x, y) in reversed(list(enumerate(zip(a, b)))))
        elif isinstance(a, float):
            assert a == b and math.copysign(1.0, a) == math.copysign(1.0, b), f"{path}: {a!r} != {b!r}"
        else:
            assert a == b, f"{path}: {a!r} != {b!r}"
