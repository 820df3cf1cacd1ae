"""A coverage folder kept up to date (issue 16 item 4): the plain functions a
coverage table needs beside ``models.io.batch``.

- ``value_paths``: the batch rows of some files, each with the file's
  signature (modification time and size) taken before it was read, so a
  write after the read shows up as a change the next time;
- ``folder_changes``: which files under a folder are new or changed since
  their signatures were taken, and which are gone (only those are valued
  again);
- ``price_row`` / ``coverage_report``: a row at imported prices, and what a
  table reports about its rows (duplicate tickers; with prices, the tickers
  that match no model and the models without a price);
- ``sort_value`` / ``row_matches``: how the table sorts a column (numbers as
  numbers, statuses from most overvalued to most undervalued, rows without a
  value last) and which rows a status and text filter keeps.

No Qt: every function may run on a worker thread.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..status import STATUS_CODES
from .batch import BatchResult, BatchRow, Quote, apply_price, find_model_files, read_items, revalue, \
    ticker_key, value_chunk

#: The columns a coverage table sorts by (``BatchRow`` fields).
TEXT_COLUMNS = ("file", "company", "ticker", "unit", "error")
NUMBER_COLUMNS = ("price", "market_cap", "ddm_total", "ddm_upside", "dynamic_total", "dynamic_upside")
STATUS_COLUMNS = ("ddm_status", "dynamic_status")
#: ``row_matches(status=NOT_VALUED)``: the files that could not be valued.
NOT_VALUED = "not_valued"


def signature(path: str | os.PathLike) -> tuple[int, int] | None:
    """(st_mtime_ns, st_size) of a file; None when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def list_folder(folder: str | os.PathLike) -> list[str]:
    """The model files under ``folder`` (``find_model_files``), as absolute
    paths. Raises BatchInputError when the folder does not exist."""
    return [os.path.abspath(p) for p in find_model_files([folder])]


def value_paths(paths: Sequence[str], quotes: Mapping[str, Quote] | None = None) -> list[tuple[BatchRow, object]]:
    """``[(row, signature)]`` for ``paths``, in order: the rows are
    ``value_chunk``'s (never raises for a bad file)."""
    sigs = [signature(p) for p in paths]
    rows = value_chunk(read_items(list(paths)), quotes)
    return list(zip(rows, sigs))


@dataclass(frozen=True)
class FolderChanges:
    files: list[str]       # every model file now, in find_model_files order
    changed: list[str]     # new or changed since its signature was taken (plus ``also`` still there)
    removed: list[str]     # known files that are gone


def folder_changes(folder: str | os.PathLike, known: Mapping[str, object],
                   also: Sequence[str] = ()) -> FolderChanges:
    """Compare the folder with ``known`` ({absolute path: signature}).
    ``also``: files said to have changed (a watcher's word), valued again if
    they are still model files of the folder, whatever their signature."""
    files = list_folder(folder)
    present = set(files)
    asked = {os.path.abspath(p) for p in also}
    changed = [f for f in files if f not in known or f in asked or signature(f) != known[f]]
    removed = [f for f in known if f not in present]
    return FolderChanges(files, changed, removed)


def price_row(row: BatchRow, quotes: Mapping[str, Quote] | None) -> BatchRow:
    """The row at the quote of its ticker, when ``quotes`` has one (else as it is)."""
    if not quotes or not row.ticker or row.shares is None:
        return row
    quote = quotes.get(ticker_key(row.ticker))
    return row if quote is None else apply_price(row, quote)


def duplicate_tickers(rows: Sequence[BatchRow]) -> dict[str, list[str]]:
    """{ticker: files} for tickers more than one row has (matched as prices match them)."""
    by_ticker: dict[str, list[str]] = {}
    for row in rows:
        if row.ticker:
            by_ticker.setdefault(ticker_key(row.ticker), []).append(row.file)
    return {t: files for t, files in sorted(by_ticker.items()) if len(files) > 1}


def coverage_report(rows: Sequence[BatchRow], quotes: Mapping[str, Quote] | None = None) -> BatchResult:
    """The rows (at ``quotes`` when given, as ``batch.revalue`` prices them)
    with what a batch run reports: duplicate tickers and, with prices, the
    tickers that match no model and the files without a price."""
    if quotes is not None:
        return revalue(rows, quotes)
    return BatchResult(list(rows), duplicate_tickers=duplicate_tickers(rows))


_LAST_TEXT = "\U0010ffff"


def sort_value(row: BatchRow, column: str):
    """The key a table sorts ``column`` by: a float for a number (a missing
    one, as for a file not valued, after every number), the position in
    ``STATUS_CODES`` for a status (not valued: after all), the folded text
    for text (missing: after all)."""
    value = getattr(row, column)
    if column in NUMBER_COLUMNS:
        return float(value) if value is not None and math.isfinite(value) else math.inf
    if column in STATUS_COLUMNS:
        return STATUS_CODES.index(value) if value in STATUS_CODES else len(STATUS_CODES)
    return _LAST_TEXT if value in (None, "") else str(value).casefold()


def row_matches(row: BatchRow, status: str | None = None, method: str | None = None, text: str = "") -> bool:
    """Whether a filtered table keeps the row. ``status``: None (any), a
    status code, or ``NOT_VALUED`` (a file with an error, or a method that
    gave no value); ``method``: "ddm", "dynamic" or None (either method's
    status will do); ``text``: words that must each appear in the company
    name, the ticker or the file name (any case)."""
    if status is not None:
        methods = (method,) if method else ("ddm", "dynamic")
        statuses = [getattr(row, f"{m}_status") for m in methods]
        if status == NOT_VALUED:
            if row.error is None and all(s is not None for s in statuses):
                return False
        elif status not in statuses:
            return False
    words = text.casefold().split()
    if words:
        haystack = " ".join(s for s in (row.company, row.ticker, os.path.basename(row.file)) if s).casefold()
        if not all(word in haystack for word in words):
            return False
    return True


def arrange(rows: Sequence[BatchRow], column: str = "file", descending: bool = False, status: str | None = None,
            method: str | None = None, text: str = "") -> list[int]:
    """The positions in ``rows`` a table shows, in the order it shows them:
    the rows ``row_matches`` keeps, sorted by ``sort_value`` of ``column``
    (ascending or descending), rows without a value for it last either way,
    ties in file order."""
    keep = [n for n, row in enumerate(rows)
            if (status is None and not text.strip()) or row_matches(row, status, method, text)]
    keyed = [(sort_value(rows[n], column), rows[n].file, n) for n in keep]
    missing = _missing_key(column)
    absent = sorted((k for k in keyed if k[0] == missing), key=lambda k: k[1])
    # ties in file order both ways: sort by file, then (stably) by the key
    present = sorted((k for k in keyed if k[0] != missing), key=lambda k: k[1])
    present.sort(key=lambda k: k[0], reverse=descending)
    return [k[2] for k in present + absent]


def _missing_key(column: str):
    if column in NUMBER_COLUMNS:
        return math.inf
    if column in STATUS_COLUMNS:
        return len(STATUS_CODES)
    return _LAST_TEXT
