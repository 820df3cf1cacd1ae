"""The rules of a model document (docs/model-file.md, the method doc's
"Invalid inputs", models/limits.py), checked in one linear pass.

``check_document`` (the loader: a normalized copy and every issue) and
``document_errors`` (``validate``: the errors of a document in memory, no copy)
are the same pass. Each rule is stated once, in the tables below: the method's
rule and the plausibility bound of every number the format defines. The pass
costs time proportional to the size of the document: every lookup is in a set
or dict built once, no path is turned into text unless it is reported, and
the pass stops after ``MAX_ISSUES`` errors.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any, Callable, Iterable

from .errors import Issue
from .limits import (MAX_AMOUNT, MAX_FADE_YEARS, MAX_GROWTH, MAX_ISSUES, MAX_MULTIPLE, MAX_RATE, MAX_SEGMENTS, MAX_YEAR,
                     MAX_YEARS, MIN_PRICE, MIN_SHARES, MIN_YEAR)

FORMAT_NAME = "valuation-workbench-model"
FORMAT_VERSION = 1

from .paths import path_text, printable  # noqa: F401 (re-exported: the one text form of a key path)

Path = tuple[Any, ...]


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data (much faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


# ---------------------------------------------------------------------------
# How values are named in messages


def _fmt(number: float) -> str:
    return f"{number:.6g}"


def _int_text(value: int) -> str:
    if -10 ** 15 < value < 10 ** 15:
        return str(value)
    try:
        digits = len(str(abs(value)))
    except ValueError:          # beyond Python's digit limit for str()
        digits = int(abs(value).bit_length() * 0.30103) + 1
    return f"{'a negative' if value < 0 else 'an'} integer of {digits} digits"


def describe(value: Any) -> str:
    """What a value is, for a message: short, and safe to print."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value[:20]!r}" if len(value) <= 20 else f"text {value[:20]!r}…"
    if isinstance(value, int):
        return _int_text(value)
    if isinstance(value, float):
        return _fmt(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def kind(value: Any, expected: str) -> dict:
    """The params of a "type" issue: what the format ``expected`` there
    (``number``, ``integer``, ``text``, ``object``, ``list``, ``year``) and
    what the file holds (``found``: ``text``, ``boolean``, ``null``,
    ``list``, ``object``, ``number``; ``found_text``: the start of a text)."""
    if value is None:
        found = "null"
    elif isinstance(value, bool):
        found = "boolean"
    elif isinstance(value, str):
        found = "text"
    elif isinstance(value, (int, float)):
        found = "number"
    elif isinstance(value, list):
        found = "list"
    elif isinstance(value, dict):
        found = "object"
    else:
        found = type(value).__name__
    out = {"expected": expected, "found": found}
    if isinstance(value, str):
        out["found_text"] = value[:20] + ("…" if len(value) > 20 else "")
    return out


# ---------------------------------------------------------------------------
# The rules of numbers


@dataclass(frozen=True)
class NumberRule:
    """A number the format defines: the method's rule (``text``, ``ok``) and
    its plausibility bound (``floor`` ≤ |value| ≤ ``limit``, ``what`` names
    the kind of number in the message)."""

    text: str
    ok: Callable[[float], bool] | None = None
    limit: float = MAX_AMOUNT
    floor: float = 0.0
    what: str = "an amount"
    #: Values the rule's translated text needs (e.g. the terminal growth a
    #: discount rate must exceed), passed on in the issue's ``params``.
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def fits(self, v: float) -> bool:
        """Every rule holds (v a float); NaN and ±inf never fit."""
        return (-self.limit <= v <= self.limit and (self.ok is None or self.ok(v))
                and (not self.floor or abs(v) >= self.floor))

    def implausible(self, v: float) -> str | None:
        if abs(v) > self.limit:
            return f"is too large to be plausible: {self.what} must be within ±{self.limit:g}, got {_fmt(v)}"
        if self.floor and abs(v) < self.floor:
            return f"is too small to be plausible: {self.what} must be at least {self.floor:g}, got {_fmt(v)}"
        return None


def _stars_ok(v: float) -> bool:
    return 0 <= v <= 5 and (v * 2).is_integer()


ANY_AMOUNT = NumberRule("must be a number")
NON_NEGATIVE_AMOUNT = NumberRule("must be a number ≥ 0", lambda v: v >= 0)
PRICE = NumberRule("must be a number greater than 0", lambda v: v > 0, floor=MIN_PRICE, what="a price")
SHARES = NumberRule("must be a number greater than 0", lambda v: v > 0, floor=MIN_SHARES, what="a share count")
QUOTED_RATIO = NumberRule("must be a number", limit=MAX_MULTIPLE, what="a quoted ratio")
MARGIN = NumberRule("must be a number", limit=MAX_GROWTH, what="a margin")
GROWTH = NumberRule("must be a number greater than -1", lambda v: v > -1, limit=MAX_GROWTH, what="a growth rate")
RATE_ABOVE_MINUS_ONE = NumberRule("must be a number greater than -1", lambda v: v > -1, limit=MAX_RATE,
                                  what="a rate")
POSITIVE_RATE = NumberRule("must be a number greater than 0", lambda v: v > 0, limit=MAX_RATE, what="a rate")
WEIGHT = NumberRule("must be a number", limit=MAX_RATE, what="a weight")
MULTIPLE = NumberRule("must be a number ≥ 0", lambda v: v >= 0, limit=MAX_MULTIPLE, what="a multiple")
SEGMENT_TERMINAL_GROWTH = NumberRule("must be a decimal rate from -1 to 0.5", lambda v: -1 < v <= 0.5,
                                     limit=MAX_RATE, what="a rate")
STARS = NumberRule("must be stars from 0 to 5 in steps of 0.5", _stars_ok, limit=5.0, what="stars")

MARKET_NUMBERS = {"price": (PRICE, True), "shares": (SHARES, True),
                  "pe_ttm": (QUOTED_RATIO, False), "pb_mrq": (QUOTED_RATIO, False)}
VALUATION_AMOUNTS = ("excess_cash", "minority_interest", "equity_investments")
ACTUAL_ROW = (("revenue", NON_NEGATIVE_AMOUNT), ("net_profit", ANY_AMOUNT))
FORECAST_ROW = (("growth", GROWTH), ("margin", MARGIN))
SEGMENT_RATES = (("roe", POSITIVE_RATE), ("fade_growth", RATE_ABOVE_MINUS_ONE), ("multiple", MULTIPLE))
STAR_GROUPS = (("ratings", ("growth", "profit_trend", "structure", "moat")),
               ("moat", ("moat_width", "moat_durability")))
COMPANY_TEXTS = ("name_en", "ticker", "industry", "currency", "unit", "report_date")
COMPANY_FORECAST_KEYS = ("non_operating_profit", "minority_profit")
FINANCIALS_AMOUNTS = ("revenue", "net_profit_attributable", "equity")
FINANCIALS_BASES = ("annual", "half_year", "ttm")


def _fade_years_ok(v: int) -> bool:
    return 0 <= v <= MAX_FADE_YEARS


FADE_YEARS_RULE = f"must be an integer from 0 to {MAX_FADE_YEARS}"
YEAR_RULE = f"a year must be from {MIN_YEAR} to {MAX_YEAR}"


# ---------------------------------------------------------------------------
# The pass


class _Enough(Exception):
    """MAX_ISSUES errors collected: the rest of the pass is skipped."""


class _Checker:
    def __init__(self, normalize: bool) -> None:
        self.issues: list[Issue] = []
        #: Write numbers back as floats (the loader's own copy); never when
        #: checking a document in memory.
        self.normalize = normalize
        #: ids of containers already found to hold only valid numbers and
        #: plain keys: the walk over free values skips them.
        self.clean: set[int] = set()

    def error(self, path: Path, message: str, code: str = "", params: dict | None = None) -> None:
        self.issues.append(Issue.at(path, message, "error", code, params))
        if len(self.issues) >= MAX_ISSUES:
            raise _Enough

    def obj(self, parent: dict, key: Any, path: Path, required: bool = True) -> dict | None:
        value = parent.get(key)
        if type(value) is dict:
            return value
        if value is None:
            if required:
                self.error(path + (key,), "is required (an object)", "missing")
            return None
        if isinstance(value, dict):
            return value
        self.error(path + (key,), f"must be an object, got {describe(value)}", "type", kind(value, "object"))
        return None

    def number(self, parent: dict, key: Any, path: Path, rule: NumberRule, *,
               required: bool = True, text: str | None = None) -> float | None:
        """parent[key] as a float when every rule holds; else report and None.
        ``text`` overrides the rule's text (a rule that names another value)."""
        value = parent.get(key)
        if type(value) is float and rule.fits(value):
            return value
        return self._number_slow(parent, key, path + (key,), rule, required, text or rule.text)

    def _number_slow(self, parent: dict, key: Any, full: Path, rule: NumberRule, required: bool,
                     text: str) -> float | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.error(full, f"is missing ({text})", "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(full, f"{text}, got {describe(value)}", "type", kind(value, "number"))
            return None
        try:
            number = float(value)
        except OverflowError:
            self.error(full, f"{text}, got a number too large", "non_finite")
            return None
        if not math.isfinite(number):
            self.error(full, f"{text}, got {value!r}", "non_finite")
            return None
        if rule.ok is not None and not rule.ok(number):
            self.error(full, f"{text}, got {_fmt(number)}", "range", {"value": number, **rule.params})
            return None
        problem = rule.implausible(number)
        if problem:
            self.error(full, problem, "implausible",
                       {"value": number, "limit": rule.limit, "floor": rule.floor})
            return None
        if self.normalize and type(value) is not float:
            parent[key] = number
        return number

    def integer(self, parent: dict, key: str, path: Path, *, rule: str,
                ok: Callable[[int], bool], required: bool = True) -> int | None:
        full = path + (key,)
        value = parent.get(key)
        if value is None:
            if required:
                self.error(full, f"is missing ({rule})", "missing")
            return None
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(full, f"{rule}, got {describe(value)}", "type", kind(value, "integer"))
            return None
        if not ok(value):
            self.error(full, f"{rule}, got {describe(value)}", "range", {"value": value})
            return None
        if self.normalize and type(parent[key]) is not int:
            parent[key] = value
        return value


def check_document(doc: Any, *, copy: bool = True) -> tuple[dict, list[Issue]]:
    """Validate a document; return a normalized copy and every issue found.

    Structural problems (wrong types, missing keys), the method's invalid
    inputs (r ≤ gT, ROE ≤ 0, growth ≤ −100%, …) and implausible values (beyond
    models/limits.py) are all errors. ``copy=False`` normalizes ``doc`` itself
    (for a document the caller just parsed and owns).
    """
    c = _Checker(normalize=True)
    if not isinstance(doc, dict):
        c.error((), f"the document must be a JSON object, got {describe(doc)}", "type")
        return {}, c.issues
    if copy:
        doc = copy_json(doc)
    _run(c, doc)
    return doc, c.issues


def document_errors(doc: Any) -> list[Issue]:
    """The errors of a document in memory (``validate``): the same pass as
    ``check_document``, without copying or changing anything."""
    c = _Checker(normalize=False)
    if not isinstance(doc, dict):
        c.error((), f"the document must be a JSON object, got {describe(doc)}", "type")
        return c.issues
    _run(c, doc)
    return c.issues


def _run(c: _Checker, doc: dict) -> None:
    try:
        if _check_header(c, doc):
            _check_body(c, doc)
            if not any(issue.code == "too_many" for issue in c.issues):   # refused anyway: no need to walk it all
                _check_free_values(c, doc)
    except _Enough:
        pass


def _check_header(c: _Checker, doc: dict) -> bool:
    """Format and version; False when nothing else can be read."""
    if doc.get("format") != FORMAT_NAME:
        c.error(("format",), f'must be "{FORMAT_NAME}"', "format")
        return False
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        c.error(("version",), f"must be the integer {FORMAT_VERSION}, got {describe(version)}", "type")
        return False
    if version > FORMAT_VERSION:
        c.error(("version",), f"this file is format version {describe(version)}, newer than this app reads "
                f"({FORMAT_VERSION}); open it with a newer Valuation Workbench", "newer_version")
        return False
    if version < 1:
        c.error(("version",), f"must be {FORMAT_VERSION}, got {describe(version)}", "range")
        return False
    return True


def _check_body(c: _Checker, doc: dict) -> None:
    _check_company(c, doc)
    _check_market(c, doc)
    years, ffy = _check_years(c, doc)
    terminal_growth = _check_valuation(c, doc, years, ffy)

    segments = doc.get("segments")
    if not isinstance(segments, list) or not segments:
        c.error(("segments",), "is required (a list of at least one segment)", "missing")
        segments = []
    elif len(segments) > MAX_SEGMENTS:
        c.error(("segments",), f"has {len(segments)} segments; a model holds at most {MAX_SEGMENTS}", "too_many")
        segments = []
    if years is not None:
        actual_keys = [str(y) for y in years if y < ffy]
        forecast_keys = [str(y) for y in years if y >= ffy]
    else:
        actual_keys = forecast_keys = None
    for i, seg in enumerate(segments):
        _check_segment(c, seg, i, actual_keys, forecast_keys, terminal_growth)

    _check_company_forecast(c, doc, years)
    _check_financials(c, doc)
    _check_optional_keys(c, doc, segments)


def _check_optional_keys(c: _Checker, doc: dict, segments: list) -> None:
    """The keys that are no valuation input of the report's tables (the
    dossier), or that belong to an analysis (scenarios, the justified multiple,
    the Monte Carlo settings): each checked by its own module. Checking a
    document in memory (``validate``) never changes it: those modules
    normalize numbers in place, so they get a copy then. The analyses' keys
    are checked only when the rest of the document holds (they resolve paths
    and segment indices into it)."""
    from .dossier import check_dossier
    from .justified import check_justified, has_keys

    def add(issues) -> None:
        for issue in issues:
            c.issues.append(issue)
            if len(c.issues) >= MAX_ISSUES:
                raise _Enough

    check_dossier(doc, c.error, normalize=c.normalize)   # models/dossier.py
    if c.issues:
        return   # the analyses' keys read the model's structure: checked once it holds
    if doc.get("scenarios") is not None:   # models/analysis/scenarios.py
        from .analysis.scenarios import check_scenarios
        add(check_scenarios(doc))
    if has_keys(doc):                                     # models/justified.py
        add(check_justified(doc if c.normalize else
                            copy_json({"valuation": doc.get("valuation"), "segments": doc.get("segments")})))
    if doc.get("uncertainty") is not None:                # models/analysis/uncertainty.py
        from .analysis.uncertainty import check_uncertainty
        add(check_uncertainty(doc["uncertainty"] if c.normalize else copy_json(doc["uncertainty"]), len(segments)))


def _check_company(c: _Checker, doc: dict) -> None:
    company = c.obj(doc, "company", ())
    if company is None:
        return
    name = company.get("name")
    if not isinstance(name, str) or not name.strip():
        c.error(("company", "name"), "is required (non-empty text)", "missing")
    for key in COMPANY_TEXTS:
        value = company.get(key)
        if value is not None and not isinstance(value, str):
            c.error(("company", key), f"must be text, got {describe(value)}", "type", kind(value, "text"))
    report_date = company.get("report_date")
    if isinstance(report_date, str):
        try:
            _date.fromisoformat(report_date)
        except ValueError:
            c.error(("company", "report_date"), f"must be an ISO date (YYYY-MM-DD), got {describe(report_date)}",
                    "range")


def _check_market(c: _Checker, doc: dict) -> None:
    market = c.obj(doc, "market", ())
    if market is None:
        return
    for key, (rule, required) in MARKET_NUMBERS.items():
        c.number(market, key, ("market",), rule, required=required)
    price, shares = market.get("price"), market.get("shares")
    if isinstance(price, float) and isinstance(shares, float) and price > 0 and shares > 0:
        cap = price * shares
        if not (math.isfinite(cap) and cap > 0 and math.isfinite(1.0 / cap)):
            c.error(("market",), f"price × shares must give a market cap a computer can hold, got {_fmt(cap)}",
                    "range")


def _check_years(c: _Checker, doc: dict) -> tuple[list[int] | None, int | None]:
    """(years, first forecast year) when both hold every rule, else (None, None)."""
    years = doc.get("years")
    if not isinstance(years, list) or not years:
        c.error(("years",), "is required (a list of consecutive years)", "missing")
        return None, None
    if len(years) > MAX_YEARS:
        c.error(("years",), f"has {len(years)} years; a model holds at most {MAX_YEARS}", "too_many")
        return None, None
    previous = None
    for i, y in enumerate(years):
        if type(y) is not int:
            c.error(("years", i), f"must be an integer year, got {describe(y)}", "type", kind(y, "year"))
            return None, None
        if not MIN_YEAR <= y <= MAX_YEAR:
            c.error(("years", i), f"is implausible: {YEAR_RULE}, got {describe(y)}", "implausible",
                    {"year": y, "year_from": MIN_YEAR, "year_to": MAX_YEAR})
            return None, None
        if previous is not None and y != previous + 1:
            c.error(("years", i), f"years must be ascending and consecutive: {previous} is followed by {y}", "range")
            return None, None
        previous = y
    ffy = doc.get("first_forecast_year")
    if isinstance(ffy, bool) or not isinstance(ffy, int):
        c.error(("first_forecast_year",), f"is required (an integer year), got {describe(ffy)}", "type",
                kind(ffy, "year"))
        return None, None
    if not years[0] < ffy <= years[-1]:
        c.error(("first_forecast_year",), f"must be one of the years after the first "
                f"({years[1] if len(years) > 1 else '—'}…{years[-1]}), got {describe(ffy)}", "range")
        return None, None
    return years, ffy


def _check_valuation(c: _Checker, doc: dict, years: list[int] | None, ffy: int | None) -> float | None:
    """Checks ``valuation``; returns the company's terminal growth if valid."""
    valuation = c.obj(doc, "valuation", ())
    if valuation is None:
        return None
    path = ("valuation",)
    terminal_growth = c.number(valuation, "terminal_growth", path, RATE_ABOVE_MINUS_ONE)
    c.integer(valuation, "fade_years", path, rule=FADE_YEARS_RULE, ok=_fade_years_ok)
    if valuation.get("base_year") is not None and years is not None:
        base = c.integer(valuation, "base_year", path,
                         rule=f"must be a year no later than first_forecast_year ({ffy})", ok=lambda v: v <= ffy)
        if base is not None and base < MIN_YEAR:
            c.error(path + ("base_year",), f"is implausible: {YEAR_RULE}, got {describe(base)}", "implausible",
                    {"year": base, "year_from": MIN_YEAR, "year_to": MAX_YEAR})
    weights = valuation.get("dynamic_weights")
    if weights is not None:
        if not isinstance(weights, list) or len(weights) != 2:
            c.error(path + ("dynamic_weights",), "must be a list of two numbers [w1, w2]", "type")
        else:
            holder = {0: weights[0], 1: weights[1]}
            a = c.number(holder, 0, path + ("dynamic_weights",), WEIGHT)
            b = c.number(holder, 1, path + ("dynamic_weights",), WEIGHT)
            if a is not None and b is not None and c.normalize:
                valuation["dynamic_weights"] = [a, b]
    for key in VALUATION_AMOUNTS:
        c.number(valuation, key, path, ANY_AMOUNT, required=False)
    if terminal_growth is not None and terminal_growth > 0.5:
        c.error(path + ("terminal_growth",), f"must be a decimal rate (0.03 = 3%), got {_fmt(terminal_growth)}",
                "range", {"value": terminal_growth})
    return terminal_growth


def _check_rows(c: _Checker, table: dict, keys: list[str], path: Path, columns, what: str) -> None:
    """Every year of ``keys`` holds a row with ``columns``; no other year.
    A table holding nothing else, all valid, is marked clean: the walk over
    free values (_check_free_values) skips it."""
    number = c.number
    width = len(columns)
    clean = True
    for key in keys:
        row = table.get(key)
        if type(row) is not dict:
            clean = False
            row = c.obj(table, key, path)
            if row is None:
                continue
        if len(row) != width:
            clean = False
        for column, rule in columns:
            value = row.get(column)
            if type(value) is not float or not rule.fits(value):
                clean = False
                number(row, column, path + (key,), rule)
    if clean and len(table) == len(keys):
        c.clean.add(id(table))
        return
    wanted = set(keys)
    for key in table:
        if key not in wanted:
            c.error(path + (key,), f"is not {what} ({keys[0]}–{keys[-1]})" if keys else f"is not {what}",
                    "range")


def _check_segment(c: _Checker, seg: Any, i: int, actual_keys: list[str] | None,
                   forecast_keys: list[str] | None, company_tg: float | None) -> None:
    base: Path = ("segments", i)
    if not isinstance(seg, dict):
        c.error(base, f"must be an object, got {describe(seg)}", "type", kind(seg, "object"))
        return
    name = seg.get("name")
    if not isinstance(name, str) or not name.strip():
        c.error(base + ("name",), "is required (non-empty text)", "missing")
    if seg.get("name_en") is not None and not isinstance(seg["name_en"], str):
        c.error(base + ("name_en",), f"must be text, got {describe(seg['name_en'])}", "type",
                kind(seg["name_en"], "text"))
    actuals = c.obj(seg, "actuals", base)
    forecast = c.obj(seg, "forecast", base)
    if actual_keys is not None and actuals is not None:
        _check_rows(c, actuals, actual_keys, base + ("actuals",), ACTUAL_ROW, "an actual year")
    if forecast_keys is not None and forecast is not None:
        _check_rows(c, forecast, forecast_keys, base + ("forecast",), FORECAST_ROW, "a forecast year")
    tg = company_tg
    if seg.get("terminal_growth") is not None:
        tg = c.number(seg, "terminal_growth", base, SEGMENT_TERMINAL_GROWTH, required=False)
    if seg.get("fade_years") is not None:
        c.integer(seg, "fade_years", base, rule=FADE_YEARS_RULE, ok=_fade_years_ok, required=False)
    if tg is not None:
        discount = NumberRule("", lambda v: v > tg, limit=MAX_RATE, what="a rate", params={"terminal_growth": tg})
        rule_text = f"must be a number greater than the terminal growth ({tg:.2%})"
        value = seg.get("discount_rate")
        if type(value) is not float or not discount.fits(value):
            c.number(seg, "discount_rate", base, discount, text=rule_text)
    else:
        c.number(seg, "discount_rate", base, RATE_ABOVE_MINUS_ONE)
    for key, rule in SEGMENT_RATES:
        c.number(seg, key, base, rule)
    for group, keys in STAR_GROUPS:
        table = c.obj(seg, group, base, required=False)
        if table is None:
            continue
        for key in keys:
            c.number(table, key, base + (group,), STARS, required=False)


def _check_company_forecast(c: _Checker, doc: dict, years: list[int] | None) -> None:
    if doc.get("company_forecast") is None:
        return
    cf = c.obj(doc, "company_forecast", (), required=False)
    if cf is None:
        return
    year_keys = {str(y) for y in years} if years is not None else None
    for key in COMPANY_FORECAST_KEYS:
        table = c.obj(cf, key, ("company_forecast",), required=False)
        if table is None:
            continue
        for year_key in table:
            if year_keys is not None and year_key not in year_keys:
                c.error(("company_forecast", key, year_key),
                        f"is not one of the model's years ({years[0]}–{years[-1]})", "range")
                continue
            c.number(table, year_key, ("company_forecast", key), ANY_AMOUNT, required=False)


def _check_financials(c: _Checker, doc: dict) -> None:
    # history (reported metrics) is free-form: its metric names are open-ended and
    # unknown keys must survive as written; only what _check_free_values refuses.
    fin = doc.get("financials")
    if fin is None:
        return
    if not isinstance(fin, dict):
        c.error(("financials",), f"must be an object, got {describe(fin)}", "type", kind(fin, "object"))
        return
    basis = fin.get("basis")
    if basis is not None and basis not in FINANCIALS_BASES:
        c.error(("financials", "basis"), f'must be "annual", "half_year" or "ttm", got {describe(basis)}', "range")
    if fin.get("period") is not None and not isinstance(fin["period"], str):
        c.error(("financials", "period"), f"must be text, got {describe(fin['period'])}", "type",
                kind(fin["period"], "text"))
    for key in FINANCIALS_AMOUNTS:
        c.number(fin, key, ("financials",), ANY_AMOUNT, required=False)


def _bad_text(text: str) -> bool:
    """Text that cannot be written as UTF-8 (a lone surrogate, from a JSON
    escape such as ``\\ud800``)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


SURROGATE_RULE = "is not valid text: it holds a lone surrogate (an unpaired \\ud800–\\udfff escape), which no file can store"


def _check_free_values(c: _Checker, doc: dict) -> None:
    """Anywhere in the document (notes, reference, unknown keys too): no NaN or
    Infinity (JSON cannot store them) and no text, key or value, that is not
    valid Unicode; else the model could be opened but never saved again."""
    reported: set[str] | None = None
    clean = c.clean
    stack: list[tuple[Any, Path]] = [(doc, ())]
    pop, push = stack.pop, stack.append
    while stack:
        node, where = pop()
        if isinstance(node, dict):
            try:
                plain_keys = "".join(node).isascii()
            except TypeError:           # a key that is not text (a document built in memory)
                plain_keys = False
            items = node.items()
        else:
            plain_keys = True
            items = enumerate(node)
        for key, value in items:
            if not plain_keys and type(key) is str and _bad_text(key):
                c.error(where, f"has a key that {SURROGATE_RULE}: {printable(key)[:40]!r}", "bad_text")
                continue
            kind = type(value)
            if kind is float:
                if value - value != 0.0:          # NaN or ±inf
                    if reported is None:
                        reported = {issue.path for issue in c.issues}
                    if path_text(where + (key,)) not in reported:
                        c.error(where + (key,), f"must be a finite number, got {value!r} (JSON cannot store it)",
                                "non_finite")
            elif kind is str:
                if not value.isascii() and _bad_text(value):
                    c.error(where + (key,), SURROGATE_RULE, "bad_text")
            elif kind is dict or kind is list or isinstance(value, (dict, list)):
                if id(value) not in clean:
                    push((value, where + (key,)))
            elif isinstance(value, str) and _bad_text(value):
                c.error(where + (key,), SURROGATE_RULE, "bad_text")
