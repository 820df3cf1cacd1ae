"""Parsing what an analyst types, and formatting numbers for display.

Pure functions, no Qt: the table models call them. Kinds of cell:

* ``money``   — an amount in the model's unit (亿元 for the samples), shown with
  thousands separators and two decimals;
* ``percent`` — a decimal rate (0.125 = 12.5%), shown as a percentage; typing
  ``12.5`` or ``12.5%`` both mean 12.5%;
* ``multiple`` — a P/E-like multiple (19.36 → ``19.36x``);
* ``number``  — a plain number (price per share, shares);
* ``integer`` — a count of years.
"""
from __future__ import annotations

import math
import unicodedata

MONEY = "money"
PERCENT = "percent"
MULTIPLE = "multiple"
NUMBER = "number"
INTEGER = "integer"
TEXT = "text"

NUMERIC_KINDS = (MONEY, PERCENT, MULTIPLE, NUMBER, INTEGER)


class ParseError(ValueError):
    """The text is not a value for this kind of cell; ``str()`` is for the user.

    ``code`` is one of ``empty``, ``not_a_number``, ``not_finite``,
    ``not_integer``, ``percent_not_allowed`` so the GUI can translate it.
    """

    def __init__(self, code: str, text: str):
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


_MINUS_SIGNS = {"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-"}


def _normalize(text: str) -> str:
    """NFKC folds full-width digits, ％, ，and ． to ASCII; unify minus signs."""
    s = unicodedata.normalize("NFKC", str(text)).strip()
    for sign, ascii_minus in _MINUS_SIGNS.items():
        s = s.replace(sign, ascii_minus)
    # thousands separators and spaces inside a number: "1,234.5", "1 234.5"
    s = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    s = s.replace("_", "x")  # float() accepts "1_000"; an analyst's "_" is a typo
    return s


def parse_number(text: str, kind: str = NUMBER) -> float:
    """Parse a typed cell value into the stored unit of ``kind``.

    Percent cells return a decimal (``"12.5"`` → 0.125, ``"12.5%"`` → 0.125).
    Multiples accept a trailing ``x``/``×``/``倍``. Raises :class:`ParseError`
    for anything that is not a finite number (``abc``, ``nan``, ``inf``,
    ``1e999``).
    """
    s = _normalize(text)
    if not s:
        raise ParseError("empty", text)
    percent = False
    if s.endswith("%"):
        percent = True
        s = s[:-1].strip()
    if kind == MULTIPLE:
        for suffix in ("x", "X", "×", "倍"):
            if s.endswith(suffix):
                s = s[: -len(suffix)].strip()
                break
    if percent and kind != PERCENT:
        raise ParseError("percent_not_allowed", text)
    lowered = s.lower()
    if any(word in lowered for word in ("nan", "inf")):
        raise ParseError("not_finite", text)
    try:
        value = float(s)
    except ValueError:
        raise ParseError("not_a_number", text) from None
    if not math.isfinite(value):
        raise ParseError("not_finite", text)
    if kind == PERCENT:
        value = value / 100.0
    elif kind == INTEGER:
        if value != int(value):
            raise ParseError("not_integer", text)
        value = int(value)
    if value == 0:
        value = abs(value)  # never store -0.0 from a typed "-0"
    return value


def _group(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def format_value(value, kind: str, decimals: int | None = None) -> str:
    """Display text for a stored value; empty for a missing/undefined one."""
    if value is None:
        return ""
    if kind == TEXT:
        return str(value)
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(v):
        return ""
    if kind == PERCENT:
        d = 1 if decimals is None else decimals
        text = f"{v * 100:,.{d}f}%"
    elif kind == MONEY:
        text = _group(v, 2 if decimals is None else decimals)
    elif kind == MULTIPLE:
        text = _group(v, 2 if decimals is None else decimals) + "x"
    elif kind == INTEGER:
        text = f"{int(round(v)):,d}"
    else:
        text = _group(v, 2 if decimals is None else decimals)
    if text.startswith("-") and float(text.replace(",", "").rstrip("%x") or 0) == 0:
        text = text[1:]  # no "-0.00"
    return text


def edit_text(value, kind: str) -> str:
    """Text put in an editor or copied to the clipboard: full precision, no
    thousands separators, percentages with a ``%`` so a paste reads back the
    same value."""
    if value is None:
        return ""
    if kind == TEXT:
        return str(value)
    v = float(value)
    if not math.isfinite(v):
        return ""
    if kind == PERCENT:
        return f"{v * 100:.10g}%"
    if kind == INTEGER:
        return str(int(round(v)))
    return f"{v:.12g}"
