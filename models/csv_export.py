"""CSV in the dialect Excel opens correctly, Chinese included.

UTF-8 with a BOM; numbers are written as plain numbers, never quoted and never
``inf``/``nan`` (those are written empty), with at most 15 significant digits
(``csv_number``: no float noise such as 129.40000980000002). Text cells are made safe for a
spreadsheet (CSV injection) by ``safe_text``: what counts is the first
character the spreadsheet will *see*, not the first code point. LibreOffice
drops a leading NUL, so ``"\\0=HYPERLINK(…)"`` would be a live formula, and
with "trim spaces" on it reads ``"  =1+1"`` as one too.

Every CSV the engine, the CLI and the app write goes through ``write_csv``
(or ``csv_text`` for standard output), which writes atomically, gives a new
file the mode the umask allows and writes through a symlink
(``models.atomic_write``).
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
from numbers import Number
from typing import Any, BinaryIO, Iterable, Sequence

from .atomic_write import write_atomic

#: First visible characters that start a formula in Excel, LibreOffice or
#: Google Sheets; full-width and small forms (＝ ﹦ ＋ －  ＠ …) are folded
#: onto these by NFKC before the check.
FORMULA_STARTS = ("=", "+", "-", "@")
#: A cell starting with one of these gets the apostrophe whatever follows
#: (reliability.md: tab and CR), like one starting with a formula character.
INJECTION_PREFIXES = FORMULA_STARTS + ("\t", "\r")

#: Control characters removed from every text cell: C0 except tab, LF and CR
#: (a quoted cell may hold a line break), DEL and C1. A spreadsheet drops or
#: mangles them; a terminal obeys them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Invisible characters a reader may skip before the first visible one,
#: besides whitespace and format characters (category Cf: BOM, zero-width
#: space/joiners, word joiner, direction marks, soft hyphen …).
_FILLERS = frozenset("\u115f\u1160\u180e\u3164\uffa0")


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _FILLERS or unicodedata.category(ch) == "Cf"


def safe_text(text: str) -> str:
    """A text cell as it goes into a CSV file.

    1. Control characters (C0 but tab/LF/CR, DEL, C1) are removed anywhere,
       lone surrogates become U+FFFD (they cannot be encoded).
    2. Invisible characters before the first visible one that are not
       whitespace (BOM, zero-width characters, direction marks …) are removed;
       leading whitespace is kept.
    3. If the first visible character is = + - or @ (in any width), or the
       cell starts with tab or CR, a ``'`` goes in front.
    """
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))
    n = 0
    while n < len(text) and _invisible(text[n]):
        n += 1
    if n:
        text = "".join(ch for ch in text[:n] if ch.isspace()) + text[n:]
        n = len(text) - len(text.lstrip())
    first = text[n:n + 1]
    if text.startswith(("\t", "\r")) or (first and unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS)):
        return "'" + text
    return text


def csv_cell(value: Any) -> Any:
    """One cell as it goes into the file: a number, '' or safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Number):
        return csv_number(value)
    return safe_text(str(value))


#: Significant digits a number keeps in a CSV file: what a spreadsheet keeps
#: (Excel stores 15), so 129.40000980000002 is written 129.4000098.
CSV_DIGITS = 15
#: The largest float with 15 significant digits.
LARGEST = 1.79769313486231e308


def csv_number(value: Number) -> int | str:
    """A number as a CSV cell: rounded to ``CSV_DIGITS`` significant digits,
    then the shortest text that reads back as that float (``repr``); a whole
    number as an int (no ".0"), −0 as 0, inf and NaN as '' (an empty cell)."""
    number = float(value)  # numpy scalars included
    if not math.isfinite(number):
        return ""
    rounded = float(f"{number:.{CSV_DIGITS}g}")
    # Within a hair of the largest float, rounding up overflows: take the
    # largest 15-digit number instead (a spreadsheet cannot hold either).
    number = rounded if math.isfinite(rounded) else math.copysign(LARGEST, number)
    if number.is_integer() and abs(number) < 10.0 ** (CSV_DIGITS + 1):
        return int(number)  # int(-0.0) == 0
    return repr(number)


def _write_rows(handle, rows: Iterable[Sequence[Any]], header: Sequence[Any] | None) -> None:
    writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if header is not None:
        writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def csv_text(rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> str:
    """The CSV text (without BOM) of rows."""
    buffer = io.StringIO()
    _write_rows(buffer, rows, header)
    return buffer.getvalue()


def write_csv_stream(handle, rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> None:
    """Write rows to an open text handle (no BOM), one row at a time: a large
    table never exists as one string."""
    _write_rows(handle, rows, header)


def write_csv(path: str | os.PathLike, rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> None:
    """Write rows to ``path`` as UTF-8-with-BOM CSV, atomically (see
    ``models.atomic_write`` for modes, symlinks and special files).

    On failure raises OSError whose ``strerror`` names the file and the reason.
    """
    def write(handle: BinaryIO) -> None:
        text = _Utf8Writer(handle)
        text.write("\ufeff")
        _write_rows(text, rows, header)

    write_atomic(path, write)


class _Utf8Writer:
    """The ``write(str)`` csv.writer needs, over a binary handle."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def write(self, text: str) -> int:
        return self.handle.write(text.encode("utf-8"))


def write_frame(frame, path: str | os.PathLike, index: bool = True) -> None:
    """Write a pandas DataFrame in the same dialect (index as the first column)."""
    header = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    rows = []
    for label, values in zip(frame.index, frame.itertuples(index=False, name=None)):
        rows.append(([label] if index else []) + list(values))
    write_csv(path, rows, header)


def read_csv_rows(path: str | os.PathLike) -> list[list[str]]:
    """Read a file written by ``write_csv`` back as text cells (BOM stripped)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle)]
