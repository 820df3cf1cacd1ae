"""Reading a source file into text cells with row numbers, and reading numbers
out of those cells.

A source is a CSV file (UTF-8 with or without BOM, or GBK/GB18030 as Excel on
Chinese Windows writes it) or an .xlsx workbook. Cells stay as they are in the
file (text, or numbers for .xlsx) until a layout asks for a number, so an error
can name the file, the row (as a spreadsheet numbers it, from 1) and the column.
"""
from __future__ import annotations

import io
import math
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import ModelError

MAX_SOURCE_BYTES = 64 * 1024 * 1024

#: Money units a source may state, as multiples of one 元.
MONEY_UNITS = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "千万元": 1e7, "亿元": 1e8,
               "yuan": 1.0, "cny": 1.0, "rmb": 1.0}
#: The share count unit that goes with a money unit (a 亿元 model counts shares in 亿股).
SHARE_UNITS = {"股": 1.0, "千股": 1e3, "万股": 1e4, "百万股": 1e6, "千万股": 1e7, "亿股": 1e8}
SHARES_FOR_MONEY = {"元": "股", "千元": "千股", "万元": "万股", "百万元": "百万股", "千万元": "千万股", "亿元": "亿股"}

_MISSING = {"", "-", "--", "—", "——", "nan", "none", "null", "n/a", "na", "#n/a"}
_SUFFIX = {"亿": 1e8, "万": 1e4}
_INJECTION_PREFIXES = ("=", "+", "-", "@")


class SourceError(ModelError):
    """A source file that cannot be imported: names the file, and where known the
    row and the column, and what is wrong.

    ``reason`` is what is wrong in English; ``code`` and ``params`` say it for
    a translated message (desktop_app/engine_messages.py)."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None,
                 code: str = "", params: dict | None = None) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.reason = message
        self.code = code
        self.params = dict(params or {})
        where = [file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + message)


class ImportUsageError(ModelError):
    """An import that cannot go ahead for a reason other than a source's content
    (a new model without a share price, a unit the model does not know, …).
    ``code`` and ``params`` say what for a translated message."""

    def __init__(self, message: str, code: str = "", params: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})


@dataclass
class Table:
    """One sheet or CSV file: the header (stripped text) and the rows below it."""

    file: str                 # the name errors use (the path as given)
    header: list[str]
    rows: list[list[Any]]     # cells: str, or float/int from an .xlsx
    row_numbers: list[int]    # the spreadsheet row number of each row (1-based)
    header_row: int
    sheet: str | None = None

    def where(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file


def decode_text(data: bytes, file: str) -> str:
    """UTF-8 (BOM or not), else GB18030 (a superset of GBK); refuse anything else."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise SourceError(file, f"neither UTF-8 nor GBK text (undecodable byte at offset {exc.start})",
                          code="import_encoding", params={"byte": exc.start}) from None


def _clean_header(value: Any) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, float) and math.isnan(value):
        text = ""
    return unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip()


def _is_blank(cell: Any) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and not cell.strip()


def _frame_rows(frame) -> list[list[Any]]:
    out = []
    for values in frame.itertuples(index=False, name=None):
        row = []
        for cell in values:
            if hasattr(cell, "item") and not isinstance(cell, str):  # numpy scalar
                cell = cell.item()
            if hasattr(cell, "strftime"):  # a date cell in a workbook
                cell = cell.strftime("%Y-%m-%d")
            row.append(cell)
        out.append(row)
    return out


def _table_from_rows(file: str, rows: list[list[Any]], sheet: str | None = None,
                     first_row_number: int = 1) -> Table | None:
    """The first row holding at least two non-blank cells is the header."""
    numbered = [(first_row_number + i, r) for i, r in enumerate(rows)]
    for k, (number, row) in enumerate(numbered):
        if sum(not _is_blank(c) for c in row) >= 2:
            header = [_clean_header(c) for c in row]
            body = [(n, r) for n, r in numbered[k + 1:] if not all(_is_blank(c) for c in r)]
            width = len(header)
            return Table(file, header, [list(r) + [None] * (width - len(r)) for _, r in body],
                         [n for n, _ in body], number, sheet)
    return None


def read_tables(path: str | os.PathLike) -> list[Table]:
    """Every table in a source: one for a CSV file, one per non-empty sheet of an .xlsx."""
    import pandas as pd  # lazily: start-up pays nothing

    p = Path(path)
    file = str(path)
    try:
        size = p.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(file, f"the file is {size} bytes, larger than a statement export can be",
                              code="import_too_large", params={"size": size})
        data = p.read_bytes()
    except OSError as exc:
        raise SourceError(file, f"cannot read it: {exc.strerror or exc}", code="import_os_error",
                          params={"errno": exc.errno, "detail": exc.strerror or str(exc)}) from None
    if not data.strip():
        raise SourceError(file, "the file is empty", code="import_empty")
    if data.startswith(b"PK\x03\x04"):
        try:
            with warnings.catch_warnings():
                # openpyxl warns about workbooks other tools write (no default style, unknown
                # extensions); the cells are read all the same and stderr stays one line
                warnings.simplefilter("ignore")
                sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object,
                                       engine="openpyxl")
        except Exception as exc:  # a damaged or foreign zip: one clear line
            raise SourceError(file, f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})",
                              code="import_bad_xlsx") from None
        tables = []
        for name, frame in sheets.items():
            table = _table_from_rows(file, _frame_rows(frame), str(name))
            if table is not None:
                tables.append(table)
        if not tables:
            raise SourceError(file, "the workbook holds no table (no row with two or more cells)",
                              code="import_no_table")
        return tables
    if data.startswith((b"\xd0\xcf\x11\xe0", b"%PDF")):
        raise SourceError(file, "an old .xls workbook or another binary file: save it as .xlsx or CSV (UTF-8 or GBK)",
                          code="import_binary")
    text = decode_text(data, file)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), header=None, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, sep=delimiter, engine="python")
    except Exception as exc:  # pandas' parser errors name a line; keep its words
        raise SourceError(file, f"not a readable CSV table ({exc})", code="import_bad_csv",
                          params={"detail": str(exc)}) from None
    table = _table_from_rows(file, _frame_rows(frame))
    if table is None:
        raise SourceError(file, "no table found (no row with two or more cells)", code="import_no_table")
    return [table]


# ---------------------------------------------------------------------------
# Units and numbers

_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[(\[（【]\s*(?P<unit>[^)\]）】]*)\s*[)\]）】]\s*$")


def split_header_unit(header: str) -> tuple[str, str | None]:
    """``主营收入(万元)`` → (``主营收入``, ``万元``); ``收入比例`` → (``收入比例``, None)."""
    match = _UNIT_IN_HEADER.match(header)
    if match and match.group("unit").strip():
        return match.group("name").strip(), match.group("unit").strip()
    return header, None


def unit_factor(unit: str | None, file: str = "", row: int | None = None, column: str | None = None) -> float | None:
    """Yuan per unit for a stated money unit; None for no unit; an error for an unknown one."""
    if unit is None:
        return None
    key = unicodedata.normalize("NFKC", str(unit)).strip().replace("人民币", "").strip()
    if not key:
        return None
    if key in MONEY_UNITS or key.lower() in MONEY_UNITS:
        return MONEY_UNITS.get(key, MONEY_UNITS.get(key.lower()))
    raise SourceError(file, f"unknown money unit {unit!r}; one of: 元, 千元, 万元, 百万元, 亿元", row, column,
                      "import_money_unit", {"unit": str(unit)})


def model_unit_factor(unit: str) -> float:
    """Yuan per unit of the model's display unit (亿元 → 1e8)."""
    key = unicodedata.normalize("NFKC", unit).strip()
    if key in MONEY_UNITS:
        return MONEY_UNITS[key]
    raise ImportUsageError(f"the model's unit {unit!r} is not a money unit the import knows "
                           "(元, 千元, 万元, 百万元, 亿元)", "import_model_unit", {"unit": unit})


def is_missing(cell: Any) -> bool:
    if _is_blank(cell):
        return True
    return isinstance(cell, str) and unicodedata.normalize("NFKC", cell).strip().lower() in _MISSING


def number_in(cell: Any, table: Table, index: int, column: str) -> float | None:
    """The number in a cell (None for an empty or '--' cell).

    Understands thousands separators, full-width digits, a trailing % (a
    decimal rate follows), and the suffixes 亿 and 万 East Money prints
    (``12.3亿`` = 1.23e9). Anything else is an error naming the cell.
    """
    if is_missing(cell):
        return None
    row = table.row_numbers[index]
    if isinstance(cell, bool):
        raise SourceError(table.where(), f"expected a number, found {cell!r}", row, column, "import_not_number",
                          {"found": str(cell)})
    if isinstance(cell, (int, float)):
        value = float(cell)
    else:
        text = unicodedata.normalize("NFKC", str(cell)).strip().replace(",", "").replace(" ", "")
        text = text.replace("−", "-")
        factor = 1.0
        if text.endswith("%"):
            factor, text = 0.01, text[:-1]
        elif text and text[-1] in _SUFFIX:
            factor, text = _SUFFIX[text[-1]], text[:-1]
        if text.startswith("'") and text[1:2] in _INJECTION_PREFIXES:
            text = text[1:]
        try:
            value = float(text) * factor
        except ValueError:
            shown = str(cell) if len(str(cell)) <= 30 else str(cell)[:30] + "…"
            raise SourceError(table.where(), f"expected a number, found the text {shown!r}", row, column,
                              "import_not_number", {"found": shown}) from None
    if not math.isfinite(value):
        raise SourceError(table.where(), f"expected a finite number, found {cell!r}", row, column,
                          "import_not_finite", {"found": str(cell)})
    return value


def text_in(cell: Any) -> str:
    """A text cell as text: stripped, a CSV/XLSX injection guard undone."""
    if is_missing(cell) and not (isinstance(cell, str) and cell.strip() in ("-", "--")):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).replace("\ufeff", "").strip()  # names keep their full-width brackets
    if text.startswith("'") and text[1:2] in _INJECTION_PREFIXES:
        text = text[1:]
    return text


def name_key(name: str) -> str:
    """How segment names are matched: NFKC (full-width → half-width), no spaces, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def find_column(header: list[str], *names: str) -> int | None:
    """The index of the first header cell equal to one of ``names`` (units in brackets ignored)."""
    wanted = {name_key(n) for n in names}
    for i, cell in enumerate(header):
        if name_key(split_header_unit(cell)[0]) in wanted:
            return i
    return None
