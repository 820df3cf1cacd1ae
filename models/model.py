"""The model document: the JSON of docs/model-file.md, validated and normalized.

``Model`` keeps the document itself (a plain dict) so that unknown keys and key
order survive a load → save round trip untouched. Numbers are normalized to
Python floats (integers where the format says integer); years stay string keys
in ``actuals``/``forecast``/``company_forecast``, as in the file.
"""
from __future__ import annotations

import math
from datetime import date as _date
from typing import Any, Iterable

from .dossier import check_dossier
from .errors import Issue, ModelFileError

FORMAT_NAME = "valuation-workbench-model"
FORMAT_VERSION = 1
MAX_FADE_YEARS = 200
DEFAULT_WEIGHTS = (1.0 / 3.0, 2.0 / 3.0)

Path = tuple[Any, ...]


def path_text(path: Iterable[Any]) -> str:
    """``("segments", 1, "forecast", "2026", "growth")`` → ``segments[1].forecast.2026.growth``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data (much faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


class Model:
    """A valid (or, after ``set``, possibly invalid) valuation model document."""

    __slots__ = ("doc",)

    def __init__(self, doc: dict) -> None:
        self.doc = doc

    # -- construction -------------------------------------------------
    @classmethod
    def from_dict(cls, doc: Any) -> "Model":
        """Validate and normalize a parsed JSON document; raise ModelFileError."""
        try:
            normalized, issues = check_document(doc)
        except RecursionError:
            raise ModelFileError("", "the document is nested too deeply to be a model") from None
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            first = errors[0]
            raise ModelFileError(first.path, first.message,
                                 newer_version=first.code == "newer_version", issues=errors)
        return cls(normalized)

    def to_dict(self) -> dict:
        return copy_json(self.doc)

    def copy(self) -> "Model":
        return Model(copy_json(self.doc))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self.doc == other.doc

    def __repr__(self) -> str:
        return f"Model({self.company_name!r}, {len(self.doc.get('segments', []))} segments, years {self.years[:1]}…{self.years[-1:]})"

    # -- paths --------------------------------------------------------
    def get(self, path: Path) -> Any:
        node: Any = self.doc
        for part in path:
            node = node[part]
        return node

    def set(self, path: Path, value: Any) -> None:
        """Set a value by path, creating missing intermediate objects. No validation."""
        node: Any = self.doc
        for part in path[:-1]:
            if isinstance(node, dict) and part not in node:
                node[part] = {}
            node = node[part]
        node[path[-1]] = value

    def delete(self, path: Path) -> None:
        node: Any = self.doc
        for part in path[:-1]:
            node = node[part]
        if isinstance(node, dict):
            node.pop(path[-1], None)
        else:
            del node[path[-1]]

    # -- convenient views ----------------------------------------------
    @property
    def company_name(self) -> str:
        return str(self.doc.get("company", {}).get("name", ""))

    @property
    def unit(self) -> str:
        unit = (self.doc.get("company") or {}).get("unit")
        return unit if isinstance(unit, str) and unit.strip() else "亿元"

    @property
    def years(self) -> list[int]:
        return list(self.doc.get("years", []))

    @property
    def first_forecast_year(self) -> int:
        return int(self.doc["first_forecast_year"])

    @property
    def actual_years(self) -> list[int]:
        ffy = self.first_forecast_year
        return [y for y in self.years if y < ffy]

    @property
    def forecast_years(self) -> list[int]:
        ffy = self.first_forecast_year
        return [y for y in self.years if y >= ffy]

    @property
    def base_year(self) -> int:
        value = self.doc["valuation"].get("base_year")
        return self.first_forecast_year if value is None else int(value)

    @property
    def segments(self) -> list[dict]:
        return self.doc["segments"]

    @property
    def segment_count(self) -> int:
        return len(self.doc["segments"])

    @property
    def segment_names(self) -> list[str]:
        return [s["name"] for s in self.doc["segments"]]

    @property
    def market_cap(self) -> float:
        market = self.doc["market"]
        return float(market["price"]) * float(market["shares"])

    @property
    def terminal_growth(self) -> float:
        return float(self.doc["valuation"]["terminal_growth"])

    def segment_terminal_growth(self, i: int) -> float:
        seg = self.doc["segments"][i]
        value = seg.get("terminal_growth")
        return float(self.doc["valuation"]["terminal_growth"] if value is None else value)

    def segment_fade_years(self, i: int) -> int:
        seg = self.doc["segments"][i]
        value = seg.get("fade_years")
        return int(self.doc["valuation"]["fade_years"] if value is None else value)

    @property
    def dynamic_weights(self) -> tuple[float, float]:
        w = self.doc["valuation"].get("dynamic_weights")
        return (float(w[0]), float(w[1])) if w else DEFAULT_WEIGHTS

    def valuation_amount(self, key: str) -> float:
        """excess_cash, minority_interest or equity_investments (default 0)."""
        value = self.doc["valuation"].get(key)
        return 0.0 if value is None else float(value)

    def company_forecast_value(self, key: str, year: int) -> float:
        table = (self.doc.get("company_forecast") or {}).get(key) or {}
        value = table.get(str(year))
        return 0.0 if value is None else float(value)


# ---------------------------------------------------------------------------
# Validation


class _Checker:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, path: Path, message: str, code: str = "") -> None:
        self.issues.append(Issue(path_text(path), message, "error", code))

    def obj(self, parent: dict, key: str, path: Path, required: bool = True) -> dict | None:
        if key not in parent or parent[key] is None:
            if required:
                self.error(path + (key,), "is required (an object)", "missing")
            return None
        value = parent[key]
        if not isinstance(value, dict):
            self.error(path + (key,), f"must be an object, got {_type_name(value)}", "type")
            return None
        return value

    def _present(self, parent: dict, key, full: Path, required: bool, rule: str) -> bool:
        """Whether parent[key] holds a value; a missing required one is reported."""
        if key in parent and parent[key] is not None:
            return True
        if required:
            self.error(full, f"is missing ({rule})", "missing")
        return False

    def number(self, parent: dict, key: str, path: Path, *, required: bool = True,
               rule: str = "must be a number", ok=None) -> float | None:
        """Normalize parent[key] to float; report the rule when it fails."""
        full = path + (key,)
        if not self._present(parent, key, full, required, rule):
            return None
        value = parent[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(full, f"{rule}, got {_type_name(value)}", "type")
            return None
        try:
            number = float(value)
        except OverflowError:
            self.error(full, f"{rule}, got a number too large", "non_finite")
            return None
        if not math.isfinite(number):
            self.error(full, f"{rule}, got {value!r}", "non_finite")
            return None
        if ok is not None and not ok(number):
            self.error(full, rule + f", got {_fmt(number)}", "range")
            return None
        parent[key] = number
        return number

    def integer(self, parent: dict, key: str, path: Path, *, required: bool = True,
                rule: str = "must be an integer", ok=None) -> int | None:
        full = path + (key,)
        if not self._present(parent, key, full, required, rule):
            return None
        value = parent[key]
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(full, f"{rule}, got {_type_name(value) if not isinstance(value, float) else _fmt(value)}", "type")
            return None
        if ok is not None and not ok(value):
            self.error(full, f"{rule}, got {value}", "range")
            return None
        parent[key] = value
        return value


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value[:20]!r}" if len(value) <= 20 else f"text {value[:20]!r}…"
    if isinstance(value, (int, float)):
        return _fmt(float(value))
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _fmt(number: float) -> str:
    return f"{number:.6g}"


def check_document(doc: Any) -> tuple[dict, list[Issue]]:
    """Validate a document; return a normalized copy and every issue found.

    Structural problems (wrong types, missing keys) and the method's invalid
    inputs (r ≤ gT, ROE ≤ 0, growth ≤ −100%, …) are both errors.
    """
    c = _Checker()
    if not isinstance(doc, dict):
        c.error((), f"the document must be a JSON object, got {_type_name(doc)}", "type")
        return {}, c.issues
    doc = copy_json(doc)
    if doc.get("format") != FORMAT_NAME:
        c.error(("format",), f'must be "{FORMAT_NAME}"', "format")
        return doc, c.issues
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        c.error(("version",), f"must be the integer {FORMAT_VERSION}, got {_type_name(version)}", "type")
        return doc, c.issues
    if version > FORMAT_VERSION:
        c.error(("version",), f"this file is format version {version}, newer than this app reads "
                f"({FORMAT_VERSION}); open it with a newer Valuation Workbench", "newer_version")
        return doc, c.issues
    if version < 1:
        c.error(("version",), f"must be {FORMAT_VERSION}, got {version}", "range")
        return doc, c.issues

    company = c.obj(doc, "company", ())
    if company is not None:
        name = company.get("name")
        if not isinstance(name, str) or not name.strip():
            c.error(("company", "name"), "is required (non-empty text)", "missing")
        for key in ("name_en", "ticker", "industry", "currency", "unit", "report_date"):
            if key in company and company[key] is not None and not isinstance(company[key], str):
                c.error(("company", key), f"must be text, got {_type_name(company[key])}", "type")

        report_date = company.get("report_date")
        if isinstance(report_date, str):
            try:
                _date.fromisoformat(report_date)
            except ValueError:
                c.error(("company", "report_date"), f"must be an ISO date (YYYY-MM-DD), got {_type_name(report_date)}", "range")

    market = c.obj(doc, "market", ())
    if market is not None:
        c.number(market, "price", ("market",), rule="must be a number greater than 0", ok=lambda v: v > 0)
        c.number(market, "shares", ("market",), rule="must be a number greater than 0", ok=lambda v: v > 0)
        for key in ("pe_ttm", "pb_mrq"):
            c.number(market, key, ("market",), required=False)
        price, shares = market.get("price"), market.get("shares")
        if isinstance(price, float) and isinstance(shares, float) and price > 0 and shares > 0:
            cap = price * shares
            if not (math.isfinite(cap) and cap > 0 and math.isfinite(1.0 / cap)):
                c.error(("market",), f"price × shares must give a market cap a computer can hold, got {_fmt(cap)}", "range")

    years = doc.get("years")
    years_ok = False
    if not isinstance(years, list) or not years:
        c.error(("years",), "is required (a list of consecutive years)", "missing")
    elif any(isinstance(y, bool) or not isinstance(y, int) for y in years):
        bad = next(i for i, y in enumerate(years) if isinstance(y, bool) or not isinstance(y, int))
        c.error(("years", bad), f"must be an integer year, got {_type_name(years[bad])}", "type")
    elif any(b != a + 1 for a, b in zip(years, years[1:])):
        bad = next(i for i, (a, b) in enumerate(zip(years, years[1:])) if b != a + 1) + 1
        c.error(("years", bad), f"years must be ascending and consecutive: {years[bad - 1]} is followed by {years[bad]}", "range")
    else:
        years_ok = True

    ffy = doc.get("first_forecast_year")
    if years_ok:
        if isinstance(ffy, bool) or not isinstance(ffy, int):
            c.error(("first_forecast_year",), f"is required (an integer year), got {_type_name(ffy)}", "type")
            years_ok = False
        elif ffy not in years or ffy == years[0]:
            c.error(("first_forecast_year",), f"must be one of the years after the first ({years[1] if len(years) > 1 else '—'}…{years[-1]}), got {ffy}", "range")
            years_ok = False

    valuation = c.obj(doc, "valuation", ())
    terminal_growth = None
    fade_years = None
    if valuation is not None:
        terminal_growth = c.number(valuation, "terminal_growth", ("valuation",),
                                   rule="must be a number greater than -1", ok=lambda v: v > -1)
        fade_years = c.integer(valuation, "fade_years", ("valuation",),
                               rule=f"must be an integer from 0 to {MAX_FADE_YEARS}",
                               ok=lambda v: 0 <= v <= MAX_FADE_YEARS)
        if "base_year" in valuation and valuation["base_year"] is not None and years_ok:
            c.integer(valuation, "base_year", ("valuation",),
                      rule=f"must be a year no later than first_forecast_year ({ffy})",
                      ok=lambda v: v <= ffy)
        if "dynamic_weights" in valuation and valuation["dynamic_weights"] is not None:
            w = valuation["dynamic_weights"]
            if not isinstance(w, list) or len(w) != 2:
                c.error(("valuation", "dynamic_weights"), "must be a list of two numbers [w1, w2]", "type")
            else:
                holder = {0: w[0], 1: w[1]}
                a = c.number(holder, 0, ("valuation", "dynamic_weights"), rule="must be a number")
                b = c.number(holder, 1, ("valuation", "dynamic_weights"), rule="must be a number")
                if a is not None and b is not None:
                    valuation["dynamic_weights"] = [a, b]
        for key in ("excess_cash", "minority_interest", "equity_investments"):
            c.number(valuation, key, ("valuation",), required=False)
        if terminal_growth is not None and terminal_growth > 0.5:
            c.error(("valuation", "terminal_growth"), f"must be a decimal rate (0.03 = 3%), got {_fmt(terminal_growth)}", "range")

    segments = doc.get("segments")
    if not isinstance(segments, list) or not segments:
        c.error(("segments",), "is required (a list of at least one segment)", "missing")
        segments = []
    actual_years = [y for y in years if y < ffy] if years_ok else []
    forecast_years = [y for y in years if y >= ffy] if years_ok else []
    for i, seg in enumerate(segments):
        _check_segment(c, seg, i, actual_years, forecast_years, years_ok, terminal_growth, fade_years)

    if "company_forecast" in doc and doc["company_forecast"] is not None:
        cf = c.obj(doc, "company_forecast", (), required=False)
        if cf is not None:
            for key in ("non_operating_profit", "minority_profit"):
                table = c.obj(cf, key, ("company_forecast",), required=False)
                if table is None:
                    continue
                for year_key in list(table):
                    if years_ok and year_key not in {str(y) for y in years}:
                        c.error(("company_forecast", key, year_key), f"is not one of the model's years ({years[0]}–{years[-1]})", "range")
                        continue
                    c.number(table, year_key, ("company_forecast", key), required=False)
    # history (reported metrics) is free-form: its metric names are open-ended and
    # unknown keys must survive as written; only non-finite numbers are refused (below).
    fin = doc.get("financials")
    if fin is not None:
        if not isinstance(fin, dict):
            c.error(("financials",), f"must be an object, got {_type_name(fin)}", "type")
        else:
            basis = fin.get("basis")
            if basis is not None and basis not in ("annual", "half_year", "ttm"):
                c.error(("financials", "basis"), f'must be "annual", "half_year" or "ttm", got {_type_name(basis)}', "range")
            if fin.get("period") is not None and not isinstance(fin["period"], str):
                c.error(("financials", "period"), f"must be text, got {_type_name(fin['period'])}", "type")
            for key in ("revenue", "net_profit_attributable", "equity"):
                c.number(fin, key, ("financials",), required=False)
    if doc.get("scenarios") is not None:   # the scenarios key (issue 14): models/analysis/scenarios.py
        from .analysis.scenarios import check_scenarios
        c.issues.extend(check_scenarios(doc))
    check_dossier(doc, c.error)   # the optional dossier keys: models/dossier.py
    from .justified import check_justified   # the dynamic method's multiple mode: models/justified.py
    c.issues.extend(check_justified(doc))
    if doc.get("uncertainty") is not None:   # Monte Carlo settings: models/analysis/uncertainty.py
        from .analysis.uncertainty import check_uncertainty
        c.issues.extend(check_uncertainty(doc["uncertainty"], len(segments)))
    _check_free_numbers(c, doc, ())
    return doc, c.issues


def _check_free_numbers(c: _Checker, node: Any, path: Path) -> None:
    """JSON cannot store NaN or Infinity: refuse them anywhere (notes, reference,
    unknown keys), or the model could be opened but never saved again."""
    reported = {issue.path for issue in c.issues}
    stack = [(node, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, where + (k,)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, where + (i,)) for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value) and path_text(where) not in reported:
            c.error(where, f"must be a finite number, got {value!r} (JSON cannot store it)", "non_finite")


def _check_segment(c: _Checker, seg: Any, i: int, actual_years: list[int], forecast_years: list[int],
                   years_ok: bool, company_tg: float | None, company_fade: int | None) -> None:
    base: Path = ("segments", i)
    if not isinstance(seg, dict):
        c.error(base, f"must be an object, got {_type_name(seg)}", "type")
        return
    name = seg.get("name")
    if not isinstance(name, str) or not name.strip():
        c.error(base + ("name",), "is required (non-empty text)", "missing")
    if "name_en" in seg and seg["name_en"] is not None and not isinstance(seg["name_en"], str):
        c.error(base + ("name_en",), f"must be text, got {_type_name(seg['name_en'])}", "type")
    actuals = c.obj(seg, "actuals", base)
    forecast = c.obj(seg, "forecast", base)
    if years_ok and actuals is not None:
        for y in actual_years:
            row = c.obj(actuals, str(y), base + ("actuals",))
            if row is None:
                continue
            c.number(row, "revenue", base + ("actuals", str(y)), rule="must be a number ≥ 0", ok=lambda v: v >= 0)
            c.number(row, "net_profit", base + ("actuals", str(y)))
        for key in actuals:
            if key not in {str(y) for y in actual_years}:
                c.error(base + ("actuals", key), f"is not an actual year ({actual_years[0]}–{actual_years[-1]})", "range")
    if years_ok and forecast is not None:
        for y in forecast_years:
            row = c.obj(forecast, str(y), base + ("forecast",))
            if row is None:
                continue
            c.number(row, "growth", base + ("forecast", str(y)),
                     rule="must be a number greater than -1", ok=lambda v: v > -1)
            c.number(row, "margin", base + ("forecast", str(y)))
        for key in forecast:
            if key not in {str(y) for y in forecast_years}:
                c.error(base + ("forecast", key), f"is not a forecast year ({forecast_years[0]}–{forecast_years[-1]})", "range")
    tg = company_tg
    if "terminal_growth" in seg and seg["terminal_growth"] is not None:
        tg = c.number(seg, "terminal_growth", base, required=False,
                      rule="must be a decimal rate from -1 to 0.5", ok=lambda v: -1 < v <= 0.5)
    if "fade_years" in seg and seg["fade_years"] is not None:
        c.integer(seg, "fade_years", base, required=False,
                  rule=f"must be an integer from 0 to {MAX_FADE_YEARS}", ok=lambda v: 0 <= v <= MAX_FADE_YEARS)
    if tg is not None:
        c.number(seg, "discount_rate", base,
                 rule=f"must be a number greater than the terminal growth ({tg:.2%})", ok=lambda v: v > tg)
    else:
        c.number(seg, "discount_rate", base, rule="must be a number greater than -1", ok=lambda v: v > -1)
    c.number(seg, "roe", base, rule="must be a number greater than 0", ok=lambda v: v > 0)
    c.number(seg, "fade_growth", base, rule="must be a number greater than -1", ok=lambda v: v > -1)
    c.number(seg, "multiple", base, rule="must be a number ≥ 0", ok=lambda v: v >= 0)
    for group, keys in (("ratings", ("growth", "profit_trend", "structure", "moat")),
                        ("moat", ("moat_width", "moat_durability"))):
        table = c.obj(seg, group, base, required=False)
        if table is None:
            continue
        for key in keys:
            c.number(table, key, base + (group,), required=False,
                     rule="must be stars from 0 to 5 in steps of 0.5",
                     ok=lambda v: 0 <= v <= 5 and (v * 2).is_integer())
