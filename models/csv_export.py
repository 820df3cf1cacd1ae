"""CSV in the dialect Excel opens correctly, Chinese included.

UTF-8 with a BOM; text cells that start with = + - @ tab or CR get a leading
apostrophe (CSV injection); numbers are written as plain numbers, never quoted
and never ``inf``/``nan`` (those are written empty).
"""
from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from numbers import Number
from pathlib import Path
from typing import Any, Iterable, Sequence

INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One cell as it goes into the file: a number, '' or safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Number):
        number = float(value)  # numpy scalars included
        if not math.isfinite(number):
            return ""
        if float(number).is_integer() and abs(number) < 1e15:
            return int(number) if not (number == 0 and math.copysign(1, number) < 0) else 0
        return repr(number)
    text = str(value)
    if text.startswith(INJECTION_PREFIXES):
        return "'" + text
    return text


def csv_text(rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> str:
    """The CSV text (without BOM) of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if header is not None:
        writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()


def write_csv(path: str | os.PathLike, rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> None:
    """Write rows to ``path`` as UTF-8-with-BOM CSV, atomically."""
    data = ("\ufeff" + csv_text(rows, header)).encode("utf-8")
    target = Path(path)
    tmp = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent) else ".")
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            try:
                tmp.unlink()
            except OSError:
                pass
        raise OSError(exc.errno, f"cannot write {target}: {exc.strerror or exc}") from exc


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
