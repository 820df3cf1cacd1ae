"""The research dossier: the optional keys of model-file.md, "Dossier, scenarios
and uncertainty" (all but ``scenarios`` and ``uncertainty``).

None of these keys is a valuation input; they carry the rest of the report
(ratings, levels, notes, history, peer multiples) beside the model. This module
knows their names and rules:

- stars: a number from 0 to 5 in steps of 0.5 (normalized to float);
- levels: an integer from 1 to 5 (1 低 … 5 高; ``4.0`` is normalized to ``4``);
- texts: strings (plain UTF-8, paragraphs separated by a blank line);
- dates: ISO ``YYYY-MM-DD``;
- figures: finite numbers (normalized to float), in the model's unit for money,
  decimals for rates (0.45 = 45%).

A key present with ``null`` counts as absent (as everywhere in the format).
Keys this module does not know, inside the dossier objects or beside them, are
left exactly as written. Every check is one pass over the dossier: linear in
its size.

``check_dossier`` is called by ``models.model.check_document`` (loading) and,
through ``dossier_issues``, by ``models.validate`` (editing), so a dossier that
breaks a rule is refused like any other error.
"""
from __future__ import annotations

import math
import re
from datetime import date as _date
from typing import Any, Callable

from .errors import Issue

Path = tuple[Any, ...]
Report = Callable[[Path, str, str], None]

# -- the keys ---------------------------------------------------------------

#: company.profile: the narrative sections (texts), in the report's order.
PROFILE_KEYS: tuple[str, ...] = ("summary", "differentiated_view", "risks", "business",
                                 "business_model", "assumptions", "valuation_certainty")
#: The four dimensions (四维评级), stars; also segments[i].ratings and rating_notes.
RATING_KEYS: tuple[str, ...] = ("growth", "profit_trend", "structure", "moat")
#: company.business_model: levels 1–5.
BUSINESS_MODEL_KEYS: tuple[str, ...] = ("rd_level", "rd_intensity", "talent_level")
#: company.history_ratings: stars.
HISTORY_RATING_KEYS: tuple[str, ...] = ("profitability", "growth", "control", "shareholder_return")
#: segments[i].moat: stars and the texts of table 1.
MOAT_STAR_KEYS: tuple[str, ...] = ("moat_width", "moat_durability")
MOAT_NOTE_KEYS: tuple[str, ...] = ("width_note", "durability_note")
#: multiples_context: the three multiples.
MULTIPLE_KEYS: tuple[str, ...] = ("ps", "pe", "pb")

#: history metrics the app knows (figures 3–6): ratios, then raw figures.
HISTORY_RATIOS: tuple[str, ...] = ("operating_margin", "net_margin_deducted", "roe", "roic",
                                   "revenue_growth", "operating_profit_growth", "net_profit_growth",
                                   "ocf_to_revenue", "net_payables_to_assets", "payout_ratio",
                                   "rd_to_revenue")
HISTORY_RAW: tuple[str, ...] = ("revenue", "operating_profit", "net_profit_attributable", "equity",
                                "operating_cash_flow", "dividends", "rd_expense")
HISTORY_METRICS: tuple[str, ...] = HISTORY_RATIOS + HISTORY_RAW

#: Level n (1–5) in Chinese and English.
LEVEL_LABELS: dict[int, tuple[str, str]] = {
    1: ("低", "low"), 2: ("较低", "fairly low"), 3: ("中等", "medium"),
    4: ("较高", "fairly high"), 5: ("高", "high"),
}

#: (中文, English) names of the dossier's keys, as model-file.md gives them.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "profile": {"summary": ("核心评级结论", "Summary"),
                "differentiated_view": ("我们区别于市场的观点", "Where we differ from the market"),
                "risks": ("风险提示", "Risks"), "business": ("业务介绍", "Business"),
                "business_model": ("商业模式", "Business model"),
                "assumptions": ("核心假设及逻辑", "Key assumptions"),
                "valuation_certainty": ("估值确定性", "Valuation certainty")},
    "ratings": {"growth": ("成长空间", "Growth room"), "profit_trend": ("盈利趋势", "Profit trend"),
                "structure": ("产业格局", "Industry structure"), "moat": ("护城河", "Moat")},
    "business_model": {"rd_level": ("研发高端度", "R&D sophistication"), "rd_intensity": ("研发强度", "R&D intensity"),
                       "talent_level": ("人力资源高端度", "Talent level")},
    "history_ratings": {"profitability": ("历史盈利能力", "Past profitability"), "growth": ("历史成长能力", "Past growth"),
                        "control": ("业务控制力及财务健康", "Business control and financial health"),
                        "shareholder_return": ("股东回报", "Shareholder return")},
    "moat": {"moat_width": ("护城河宽度", "Moat width"), "moat_durability": ("护城河持续性", "Moat durability")},
}


def label(group: str, key: str, lang: str = "zh") -> str:
    """``label("ratings", "moat") == "护城河"``; ``lang="en"`` gives "Moat"."""
    zh, en = LABELS[group][key]
    return en if lang == "en" else zh


#: Top-level and company-level keys this module owns (for ``without_dossier``).
TOP_LEVEL_KEYS: tuple[str, ...] = ("multiples_context", "disclaimer")
COMPANY_KEYS: tuple[str, ...] = ("profile", "ratings", "business_model", "history_ratings")
SEGMENT_KEYS: tuple[str, ...] = ("description", "rating_notes")

STAR_RULE = "must be stars from 0 to 5 in steps of 0.5"
LEVEL_RULE = "must be a level, an integer from 1 (低) to 5 (高)"
TEXT_RULE = "must be text"
NAME_RULE = "is required (non-empty text)"
DATE_RULE = "must be an ISO date (YYYY-MM-DD)"
NUMBER_RULE = "must be a number"
GROSS_MARGIN_RULE = "must be a decimal gross margin no greater than 1 (0.45 = 45%)"
YEAR_KEY = re.compile(r"^[0-9]{4}$")


def _is_year_key(key: Any) -> bool:
    """A 4-digit ASCII year such as "2024" (what YEAR_KEY matches)."""
    return isinstance(key, str) and len(key) == 4 and key.isascii() and key.isdigit()


def is_star(value: Any) -> bool:
    """A star rating: a number from 0 to 5 in steps of 0.5."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, int):   # any size: no float conversion before the range check
        return 0 <= value <= 5
    return math.isfinite(value) and 0 <= value <= 5 and (value * 2).is_integer()


def is_level(value: Any) -> bool:
    """A level: an integer from 1 to 5 (an integral float such as 4.0 counts)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return False
    return 1 <= value <= 5


def level_label(level: int, lang: str = "zh") -> str:
    """``level_label(4) == "较高"``; ``lang="en"`` gives "fairly high"."""
    zh, en = LEVEL_LABELS[int(level)]
    return en if lang == "en" else zh


# -- describing a bad value -------------------------------------------------


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value[:20]!r}" + ("…" if len(value) > 20 else "")
    if isinstance(value, (int, float)):
        try:
            return f"{float(value):.6g}"
        except OverflowError:
            return "a number too large"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- rules for one value ------------------------------------------------------
# Each returns (ok, normalized value); the caller reports "rule, got …".


def _star(value: Any) -> tuple[bool, Any]:
    return (True, float(value)) if is_star(value) else (False, value)


def _level(value: Any) -> tuple[bool, Any]:
    return (True, int(value)) if is_level(value) else (False, value)


def _text(value: Any) -> tuple[bool, Any]:
    return isinstance(value, str), value


def _name(value: Any) -> tuple[bool, Any]:
    return isinstance(value, str) and bool(value.strip()), value


def _date_text(value: Any) -> tuple[bool, Any]:
    if not isinstance(value, str):
        return False, value
    try:
        _date.fromisoformat(value)
    except ValueError:
        return False, value
    # fromisoformat accepts more forms on newer Pythons (20250909); the format says YYYY-MM-DD
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)), value


def _number(value: Any) -> tuple[bool, Any]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False, value
    try:
        number = float(value)
    except OverflowError:
        return False, value
    return (True, number) if math.isfinite(number) else (False, value)


def _gross_margin(value: Any) -> tuple[bool, Any]:
    ok, number = _number(value)
    return (ok and number <= 1.0), number


_RULES: dict[str, tuple[Callable[[Any], tuple[bool, Any]], str]] = {
    "star": (_star, STAR_RULE),
    "level": (_level, LEVEL_RULE),
    "text": (_text, TEXT_RULE),
    "name": (_name, NAME_RULE),
    "date": (_date_text, DATE_RULE),
    "number": (_number, NUMBER_RULE),
    "gross_margin": (_gross_margin, GROSS_MARGIN_RULE),
}


class _Walk:
    """One pass over the dossier keys of a document, reporting each broken rule."""

    def __init__(self, report: Report, normalize: bool) -> None:
        self.report = report
        self.normalize = normalize

    def value(self, parent: Any, key: Any, path: Path, rule: str, required: bool = False) -> None:
        """Check parent[key] by ``rule``; absent or null is fine unless required."""
        value = parent.get(key)
        kind = type(value)
        if kind is float and rule == "number" and math.isfinite(value):
            return   # the common case, already normalized (this runs on every edit)
        if kind is str and rule == "text":
            return
        if value is None:
            if required:
                self.report(path + (key,), f"is missing ({_RULES[rule][1]})", "missing")
            return
        check, text = _RULES[rule]
        ok, normalized = check(value)
        if not ok:
            self.report(path + (key,), f"{text}, got {_kind(value)}", "type" if rule == "text" else "range")
        elif self.normalize and normalized is not value:
            parent[key] = normalized

    def obj(self, parent: dict, key: str, path: Path) -> dict | None:
        """parent[key] as an object, None when absent; a non-object is reported."""
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(path + (key,), f"must be an object, got {_kind(value)}", "type")
            return None
        return value

    def lst(self, parent: dict, key: str, path: Path) -> list | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.report(path + (key,), f"must be a list, got {_kind(value)}", "type")
            return None
        return value

    def group(self, parent: dict, key: str, path: Path, keys: tuple[str, ...], rule: str) -> None:
        table = self.obj(parent, key, path)
        if table is not None:
            for k in keys:
                if k in table:
                    self.value(table, k, path + (key,), rule)

    # -- the sections ------------------------------------------------------

    def company(self, doc: dict) -> None:
        company = doc.get("company")
        if not isinstance(company, dict):
            return   # reported by the main checker
        path: Path = ("company",)
        self.group(company, "profile", path, PROFILE_KEYS, "text")
        self.group(company, "ratings", path, RATING_KEYS, "star")
        self.group(company, "business_model", path, BUSINESS_MODEL_KEYS, "level")
        self.group(company, "history_ratings", path, HISTORY_RATING_KEYS, "star")

    def segments(self, doc: dict) -> None:
        segments = doc.get("segments")
        if not isinstance(segments, list):
            return
        for i, seg in enumerate(segments):
            if not isinstance(seg, dict):
                continue
            base: Path = ("segments", i)
            if "description" in seg:
                self.value(seg, "description", base, "text")
            self.group(seg, "rating_notes", base, RATING_KEYS, "text")
            moat = seg.get("moat")
            if isinstance(moat, dict):   # its stars are checked with the segment's ratings
                for k in MOAT_NOTE_KEYS:
                    if k in moat:
                        self.value(moat, k, base + ("moat",), "text")
            for table_key, field, rule in (("actuals", "gross_profit", "number"),
                                           ("forecast", "gross_margin", "gross_margin")):
                table = seg.get(table_key)
                if not isinstance(table, dict):
                    continue
                for year, row in table.items():
                    if isinstance(row, dict) and field in row:
                        self.value(row, field, base + (table_key, year), rule)

    def history(self, doc: dict) -> None:
        history = self.obj(doc, "history", ())
        if history is None:
            return
        for metric in HISTORY_METRICS:
            series = self.obj(history, metric, ("history",))
            if series is None:
                continue
            path: Path = ("history", metric)
            for year in list(series):
                if not _is_year_key(year):
                    self.report(path + (year,), "must be a year such as \"2024\"", "range")
                    continue
                if series[year] is None:
                    self.report(path + (year,), f"is missing ({NUMBER_RULE}; leave the year out when there is no figure)", "missing")
                    continue
                self.value(series, year, path, "number")

    def multiples_context(self, doc: dict) -> None:
        ctx = self.obj(doc, "multiples_context", ())
        if ctx is None:
            return
        path: Path = ("multiples_context",)
        self.value(ctx, "as_of", path, "date")
        self.value(ctx, "source", path, "text")
        industry = self.obj(ctx, "industry", path)
        if industry is not None:
            for key in MULTIPLE_KEYS:
                band = industry.get(key)
                if band is None:
                    continue
                where = path + ("industry", key)
                if not isinstance(band, list) or len(band) != 2:
                    self.report(where, f"must be a range [low, high] of two numbers, got {_kind(band)}", "type")
                    continue
                ok_low, low = _number(band[0])
                ok_high, high = _number(band[1])
                if not (ok_low and ok_high):
                    bad = 0 if not ok_low else 1
                    self.report(where + (bad,), f"{NUMBER_RULE}, got {_kind(band[bad])}", "range")
                elif low > high:
                    self.report(where, f"must be a range [low, high] with low ≤ high, got [{low:g}, {high:g}]", "range")
                elif self.normalize:
                    industry[key] = [low, high]
        for list_key, name_key in (("peers", "name"), ("own_history", "period")):
            rows = self.lst(ctx, list_key, path)
            if rows is None:
                continue
            for j, row in enumerate(rows):
                where = path + (list_key, j)
                if not isinstance(row, dict):
                    self.report(where, f"must be an object, got {_kind(row)}", "type")
                    continue
                name = row.get(name_key)
                if not _name(name)[0]:
                    self.report(where + (name_key,), f"{NAME_RULE}, got {_kind(name)}", "missing")
                for key in ("ticker", "period"):
                    if key != name_key and key in row:
                        self.value(row, key, where, "text")
                for key in MULTIPLE_KEYS:
                    if key in row:
                        self.value(row, key, where, "number")


def check_dossier(doc: Any, report: Report, *, normalize: bool = True) -> None:
    """Check the dossier keys of ``doc`` (a parsed model document), calling
    ``report(path, message, code)`` once per broken rule; ``path`` is a tuple
    such as ``("company", "ratings", "growth")``.

    With ``normalize`` (loading), good values are normalized in place: stars and
    figures to float, levels to int. Anything malformed outside the dossier
    (segments not a list, …) is left to the main checker.
    """
    if not isinstance(doc, dict):
        return
    walk = _Walk(report, normalize)
    walk.company(doc)
    walk.segments(doc)
    walk.history(doc)
    walk.multiples_context(doc)
    if "disclaimer" in doc:
        walk.value(doc, "disclaimer", (), "text")


def dossier_issues(doc: Any) -> list[Issue]:
    """Every broken dossier rule of ``doc`` as error ``Issue``s; ``doc`` is not changed."""
    from .model import path_text   # model imports this module

    issues: list[Issue] = []
    check_dossier(doc, lambda path, message, code: issues.append(Issue(path_text(path), message, "error", code)),
                  normalize=False)
    return issues


# -- one value, before an edit is applied -------------------------------------


_COMPANY_GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "profile": (PROFILE_KEYS, "text"), "ratings": (RATING_KEYS, "star"),
    "business_model": (BUSINESS_MODEL_KEYS, "level"), "history_ratings": (HISTORY_RATING_KEYS, "star"),
}


def rule_for(path: Path) -> str | None:
    """The rule ("star", "level", "text", "name", "date", "number", "gross_margin") of the
    dossier value at ``path``, or None when ``path`` is not a dossier value.

    ``rule_for(("company", "ratings", "growth")) == "star"``;
    ``rule_for(("segments", 0, "forecast", "2026", "gross_margin")) == "gross_margin"``.
    """
    p = tuple(path)
    n = len(p)
    if n == 0:
        return None
    if n == 1:
        return "text" if p[0] == "disclaimer" else None
    if n == 3 and p[0] == "company":
        keys, rule = _COMPANY_GROUPS.get(p[1], ((), None))
        return rule if p[2] in keys else None
    if n >= 3 and p[0] == "segments" and isinstance(p[1], int):
        rest = p[2:]
        if rest == ("description",):
            return "text"
        if len(rest) == 2 and rest[0] == "rating_notes" and rest[1] in RATING_KEYS:
            return "text"
        if len(rest) == 2 and rest[0] == "ratings" and rest[1] in RATING_KEYS:
            return "star"
        if len(rest) == 2 and rest[0] == "moat":
            return "star" if rest[1] in MOAT_STAR_KEYS else "text" if rest[1] in MOAT_NOTE_KEYS else None
        if len(rest) == 3 and (rest[0], rest[2]) == ("actuals", "gross_profit"):
            return "number"
        if len(rest) == 3 and (rest[0], rest[2]) == ("forecast", "gross_margin"):
            return "gross_margin"
        return None
    if n == 3 and p[0] == "history" and p[1] in HISTORY_METRICS and _is_year_key(p[2]):
        return "number"
    if p[0] == "multiples_context":
        if n == 2:
            return {"as_of": "date", "source": "text"}.get(p[1])
        if n == 4 and p[1] == "industry" and p[2] in MULTIPLE_KEYS and p[3] in (0, 1):
            return "number"
        if n == 4 and p[1] in ("peers", "own_history") and isinstance(p[2], int):
            if p[3] in MULTIPLE_KEYS:
                return "number"
            if p[3] == ("name" if p[1] == "peers" else "period"):
                return "name"
            if p[3] in ("ticker", "period"):
                return "text"
    return None


def check_value(path: Path, value: Any) -> str | None:
    """The rule ``value`` breaks at dossier ``path`` ("must be stars from 0 to 5
    in steps of 0.5, got 4.3"), or None when it is acceptable there. ``None``
    (clearing an optional value) is acceptable, except for a peer's name or a
    history row's period (rule "name": required non-empty text). Paths that are not dossier
    values give None: their rules are ``models.validate``'s.

    An industry range's low/high order involves both ends: the whole-document
    check (``dossier_issues``) reports it.
    """
    rule = rule_for(path)
    if rule is None or (value is None and rule != "name"):
        return None
    check, text = _RULES[rule]
    ok, _ = check(value)
    return None if ok else f"{text}, got {_kind(value)}"


def normalized_value(path: Path, value: Any) -> Any:
    """``value`` as the loader would store it at ``path`` (stars → float, levels → int)."""
    rule = rule_for(path)
    if rule is None or value is None:
        return value
    ok, normalized = _RULES[rule][0](value)
    return normalized if ok else value


def without_dossier(doc: dict) -> dict:
    """A copy of ``doc`` without the dossier keys this module knows (the
    valuation inputs and everything else stay): what two versions of a model
    must share to be valued identically."""
    from .model import copy_json

    out = copy_json(doc)
    for key in TOP_LEVEL_KEYS:
        out.pop(key, None)
    if isinstance(out.get("company"), dict):
        for key in COMPANY_KEYS:
            out["company"].pop(key, None)
    for seg in out.get("segments") or []:
        if not isinstance(seg, dict):
            continue
        for key in SEGMENT_KEYS:
            seg.pop(key, None)
        if isinstance(seg.get("moat"), dict):
            for key in MOAT_NOTE_KEYS:
                seg["moat"].pop(key, None)
        for table_key, field in (("actuals", "gross_profit"), ("forecast", "gross_margin")):
            for row in (seg.get(table_key) or {}).values():
                if isinstance(row, dict):
                    row.pop(field, None)
    return out
