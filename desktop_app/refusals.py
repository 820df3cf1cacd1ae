"""Refused edits in the user's words and language.

The engine says why an edit cannot be kept in two ways: an
``InvalidEditError`` (typing a value the forecast arithmetic cannot turn into
inputs) and the error issues of ``models.validate`` (a rule of the method
broken). Both carry a ``code`` and ``params``; this module turns them into a
sentence in the current language that names the cell as the table labels it
(``Medical imaging · Revenue growth · 2026E``) and shows values as that cell
shows them (``8.30%``), never a key name or a raw decimal. An unknown code
falls back to the engine's English text.

``where(location)`` is given by the caller: it returns ``(label, kind)`` of
the cell showing an engine key path, or None (see
:meth:`desktop_app.qt_models.base.GridTableModel.label_location`).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import fill
from desktop_app.numbers import INTEGER, MONEY, PERCENT, format_value

Where = Callable[[tuple], "tuple[str, str] | None"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)   # the context lupdate gives a module's tr()


def at_cell(where: str, text: str, typed: str = "") -> str:
    """"<cell>: <what is wrong>" with the language's colon (and what was typed)."""
    if where and typed:
        return fill(tr("%1: %2; typed %3."), where, text, typed)
    return fill(tr("%1: %2"), where, text) if where else text


def edit_error_text(exc) -> str:
    """An ``InvalidEditError`` as the user reads it (without the cell: the
    caller puts the cell's label in front)."""
    code, params = getattr(exc, "code", ""), getattr(exc, "params", {}) or {}
    year = str(params.get("year", ""))
    texts = {
        "growth_range": lambda: fill(tr("revenue growth must be greater than %1"), format_value(-1.0, PERCENT)),
        "revenue_positive": lambda: tr("a forecast revenue must be greater than 0 (growth above −100%)"),
        "zero_previous_revenue": lambda: fill(tr("the revenue of %1 is zero, so a revenue cannot be turned into "
                                                 "growth; edit the growth instead"), year),
        "zero_revenue": lambda: fill(tr("the revenue of %1 is zero, so a profit cannot be turned into a margin"),
                                     year),
        "profit_growth_base": lambda: tr("profit growth needs a positive profit in the previous year; "
                                         "edit the margin or the profit instead"),
        "actual_revenue_range": lambda: tr("an actual revenue cannot be negative"),
        "first_year_growth": lambda: fill(tr("%1 is the first year: it has no growth to edit; edit its revenue "
                                             "or profit"), year),
        "too_large": lambda: tr("the value is too large: an input would overflow"),
        "last_segment": lambda: tr("a model needs at least one segment: the last one cannot be removed"),
        "segment_name_missing": lambda: tr("a segment needs a name"),
    }
    make = texts.get(code)
    return make() if make is not None else str(exc)


def shown(value, kind: str, beside=None) -> str:
    """``value`` as a cell of ``kind`` shows it; a value the cell's format
    would turn into 0 or a wall of digits in general notation, and with more
    decimals when it would read the same as ``beside`` (the bound it breaks)."""
    v = float(value)
    text = format_value(v, kind)
    scale = 100.0 if kind == PERCENT else 1.0
    if v != 0 and (abs(v * scale) >= 1e15 or abs(v * scale) < 0.01):
        return f"{v * scale:.6g}" + ("%" if kind == PERCENT else "")
    if beside is not None and kind in (PERCENT, MONEY) and text == format_value(float(beside), kind):
        for decimals in range(2, 7):
            text = format_value(v, kind, decimals)
            if text != format_value(float(beside), kind, decimals):
                break
    return text


def _rule_text(issue, kind: str) -> str:
    """The broken rule of an error issue, values formatted as ``kind``."""
    code = getattr(issue, "code", "")
    params = getattr(issue, "params", {}) or {}
    location = tuple(getattr(issue, "location", ()))
    key = location[-1] if location else ""

    def fmt(value) -> str:
        return shown(value, kind)

    if code == "implausible":
        if "year_from" in params:     # a year: written as a year, no separators
            return fill(tr("must be a year from %1 to %2; found %3"), str(params["year_from"]), str(params["year_to"]),
                        str(params.get("year", "")))
        if params.get("floor") and abs(float(params.get("value", 0.0))) < float(params["floor"]):
            return fill(tr("is too small to be plausible (at least %1)"), fmt(params["floor"]))
        if "limit" not in params:
            return ""                 # the engine's own sentence, rather than a bound it did not give
        return fill(tr("is too large to be plausible (at most ±%1)"), fmt(params["limit"]))
    if code == "range" and location[:1] == ("uncertainty",) and key != "segment":
        if key == "sd":
            return tr("must be 0 or more")
        if key == "high":
            return tr("must be at least the low value")
        if key == "mode":
            return tr("must lie from the low to the high value")
        if "correlation" in location:
            return tr("must be a consistent rank correlation matrix: values from −1 to 1, symmetric, 1 on the "
                      "diagonal, no driver an exact combination of the others")
    if code == "range":
        if location[:1] == ("uncertainty",) and key == "segment" and "high" in params:
            return fill(tr("(segment %1) is a segment the model would no longer have (it would have %2): scope the "
                           "driver to every segment or to another segment first"),
                        int(params["number"]) + 1, int(params["high"]) + 1)
        if key == "discount_rate" and "terminal_growth" in params:
            return fill(tr("must be greater than the terminal growth (%1)"),
                        shown(params["terminal_growth"], PERCENT, params.get("value")))
        if key == "terminal_growth":
            return fill(tr("must be greater than %1 and at most %2"),
                        format_value(-1.0, PERCENT), format_value(0.5, PERCENT))
        if key in ("growth", "fade_growth", "discount_rate"):
            return fill(tr("must be greater than %1"), format_value(-1.0, PERCENT))
        if key in ("roe", "price", "shares"):
            return fill(tr("must be greater than %1"), fmt(0.0))
        if key in ("multiple", "revenue"):
            return tr("cannot be negative")
        if key == "fade_years":
            from models.limits import MAX_FADE_YEARS
            return fill(tr("must be a whole number from 0 to %1"), format_value(MAX_FADE_YEARS, INTEGER))
        return tr("is out of the allowed range")
    if code in ("non_finite", "type", "missing"):
        return tr("must be a number")
    return ""


def _amount(x: float) -> str:
    """Money as the tables show it, unless so large or small that they would not (1.3e+14, 1e-09)."""
    return format_value(x, MONEY) if x == 0 or 0.01 <= abs(x) < 1e12 else f"{x:.3g}"


def valuation_limit_text(issue) -> str:
    """A valuation the engine refuses to give (codes ``overflow`` and
    ``value_vs_market_cap``: no one cell is to blame) as a whole sentence;
    "" for any other issue."""
    code, p = getattr(issue, "code", ""), getattr(issue, "params", None) or {}
    if code == "overflow":
        return tr("The values are too large to compute: check the growth rates and margins.")
    if code != "value_vs_market_cap":
        return ""
    try:
        total = float(p["total"])
        sentence = (tr("The DDM value is %1, more than %2 times the market cap (%3): check the price, the share "
                       "count and their units.") if p["method"] == "ddm" else
                    tr("The dynamic value is %1, more than %2 times the market cap (%3): check the price, the "
                       "share count and their units."))
        return fill(sentence, _amount(total), format_value(float(p["limit"]), INTEGER), _amount(float(p["market_cap"])))
    except (KeyError, TypeError, ValueError):
        return ""


def issue_text(issue, where: Where, fallback_where: Callable[[tuple, str], str]) -> str:
    """One error issue of a refused edit: "<cell>: <rule> (you typed <value>)"."""
    whole = valuation_limit_text(issue)
    if whole:
        return whole
    location = tuple(getattr(issue, "location", ()))
    found = where(location) if location else None
    label, kind = found if found is not None else (fallback_where(location, issue.path), _kind_of(location))
    rule = _rule_text(issue, kind)
    if not rule:
        return at_cell(label, issue.message)
    params = getattr(issue, "params", {}) or {}
    if "value" in params:
        try:
            value = shown(params["value"], kind, params.get("terminal_growth"))
        except (TypeError, ValueError, OverflowError):
            value = str(params["value"])
        return fill(tr("%1 %2; it would be %3."), label, rule, value)
    return fill(tr("%1 %2."), label, rule)


def _kind_of(location: tuple) -> str:
    key = location[-1] if location else ""
    if key in ("growth", "margin", "discount_rate", "roe", "fade_growth", "terminal_growth"):
        return PERCENT
    if key == "fade_years":
        return INTEGER
    return MONEY
