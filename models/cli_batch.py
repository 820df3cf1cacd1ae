"""``valuation-cli batch PATH...``: every model file under the paths, one row
each (models/io/batch.py does the work; this module is the command line).

Exit 0 when every file was valued, 3 when some were not (their rows say
why), 2 with one line on stderr for bad input to the batch as a whole (a
path that does not exist, a bad prices file, --out over a model file, an
unavailable Monte Carlo engine or Dask). Notes about the prices (tickers
that match no model, models left at their own price) and about tickers
that several files share go to stderr, never into the table.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from .atomic_write import resolve_target, write_atomic
from .csv_export import write_csv, write_csv_stream
from .io import batch as engine
from .terminal import json_printable, printable

EXIT_SOME_NOT_VALUED = 3
#: How many names a note on stderr lists before "… and N more".
NOTE_NAMES = 10

DESCRIPTION = "Value every model file under the paths (folders recursively): one row per file."

EPILOG = (
    "PATH: a model file, or a folder searched recursively for *.json (hidden files and\n"
    "  folders left out). Each row: file, company, ticker, unit, price (and its date and\n"
    "  source: the file or --prices), shares, market cap, then for DDM and the dynamic\n"
    "  method the equity value, the upside vs market cap and the status; a file that\n"
    "  cannot be valued is a row with its one-line error in the error column, and the\n"
    "  batch goes on.\n\n"
    "exit status: 0 every file was valued; 3 some were not (see their error column);\n"
    "  2 bad input to the batch itself (one line on stderr).\n\n"
    "--prices PRICES.csv: lines ticker,price[,date] (a header line allowed, date as\n"
    "  YYYY-MM-DD; a ticker twice keeps the later date). Models whose ticker matches\n"
    "  (case and spaces around ignored) are valued at that price; the files are not\n"
    "  changed. Tickers that match no model, and models that got no price, are listed\n"
    "  on stderr (and in the JSON summary).\n\n"
    "--montecarlo N: N draws per model (the model's own uncertainty settings, else the\n"
    "  defaults); adds each status's probability per method (columns ddm_p_STATUS,\n"
    "  dynamic_p_STATUS). Needs the Monte Carlo engine (models/analysis/montecarlo.py).\n\n"
    "--scheduler ADDRESS runs the batch on a Dask cluster (e.g. tcp://10.0.0.5:8786),\n"
    "  --workers N on a local one of N worker processes; the rows are the same as a run\n"
    "  in this process. Needs the optional extra: pip install \".[distributed]\". The files\n"
    "  are read here and sent to the workers, which need not see them.\n\n"
    "Output: a line per file on the terminal; --csv or --json (or --out NAME.csv/.json)\n"
    "  for a table; --out writes atomically (CSV: UTF-8 with a BOM for Excel).")


def _positive(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 1, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 0, got {text!r}") from None
    if not 0 <= value < 2 ** 63:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to 2**63-1, got {value}")
    return value


def add_parser(sub) -> None:
    """Register ``batch`` on the CLI's subparsers."""
    p = sub.add_parser("batch", help="value every model file under folders: one row per file",
                       description=DESCRIPTION, epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="model files and folders")
    p.add_argument("--prices", metavar="PRICES.csv", help="value at these prices (ticker,price[,date])")
    p.add_argument("--montecarlo", type=_positive, metavar="N", help="N Monte Carlo draws per model")
    p.add_argument("--seed", type=_seed, help="the Monte Carlo seed (default: the model's own)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="CSV (UTF-8 with BOM when --out)")
    fmt.add_argument("--json", action="store_true", help="JSON: rows and a summary")
    p.add_argument("--out", metavar="PATH", help="write to this file instead of standard output")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="run on this Dask scheduler")
    where.add_argument("--workers", type=_positive, metavar="N", help="run on a local Dask cluster of N workers")
    p.set_defaults(func=cmd_batch)


def _format(args) -> str:
    flag = "csv" if args.csv else "json" if args.json else None
    implied = {".csv": "csv", ".json": "json"}.get(Path(args.out).suffix.lower()) if args.out else None
    if flag and implied and flag != implied:
        raise engine.BatchInputError(f"--{flag} with --out {printable(args.out)}: the name says {implied.upper()}; "
                                     f"drop --{flag} or name the file *.{flag}")
    return flag or implied or "text"


def _is_model(path: Path) -> bool:
    try:
        engine.load_bytes(engine.read_file(path), os.fsdecode(path))
    except Exception:  # noqa: BLE001 - anything that does not load is not a model
        return False
    return True


def _check_out(out: str | None, files: list[Path], given: list[str]) -> list[Path]:
    """The files to read. --out over a model file is refused; a folder scan
    that found --out's own earlier output (not a model) leaves it out, so the
    batch can be re-run with its table inside the folder it values."""
    if not out:
        return files
    real = os.path.realpath(out)
    explicit = {os.path.realpath(p) for p in given if not os.path.isdir(p)}
    kept = []
    for path in files:
        if os.path.realpath(path) == real:
            if real in explicit or _is_model(path):
                raise engine.BatchInputError(f"--out {printable(out)}: that is one of the model files being read; "
                                             "give another name (the model is left as it is)")
            continue
        kept.append(path)
    if not kept:
        raise engine.BatchInputError(f"no model files (*.json) under {printable(', '.join(given))}")
    try:
        resolve_target(out)
    except OSError as exc:
        raise engine.BatchInputError(printable(exc.strerror or str(exc))) from None
    return kept


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _money(value) -> str:
    return "—" if value is None else f"{value:,.2f}"


def _text_line(row: engine.BatchRow) -> str:
    head = f"{row.file}  {row.company or ''}"
    if row.ticker:
        head += f" ({row.ticker})"
    if row.ddm_total is None:
        return printable(f"{head}  error: {row.error}")
    parts = [head, f"price {row.price:g}" + (f" ({row.price_date})" if row.price_date else ""),
             f"market cap {_money(row.market_cap)} {row.unit}"]
    for title, method in (("DDM", "ddm"), ("dynamic", "dynamic")):
        parts.append(f"{title} {_money(getattr(row, method + '_total'))} "
                     f"{getattr(row, method + '_upside'):+.1%} {getattr(row, method + '_status')}")
    for method in engine.METHODS if row.montecarlo else ():
        probs = row.montecarlo.get(method) or {}
        shown = ", ".join(f"{code} {p:.0%}" for code, p in probs.items() if p)
        parts.append(f"P({method}): {shown or '—'}")
    line = "  ".join(parts)
    if row.error:
        line += f"  error: {row.error}"
    return printable(line)


def _emit(args, fmt: str, result: engine.BatchResult, with_mc: bool) -> None:
    header = list(engine.BATCH_COLUMNS) + (engine.montecarlo_columns() if with_mc else [])

    def rows():
        for row in result.rows:
            yield row.values() + (engine.montecarlo_values(row) if with_mc else [])

    if fmt == "csv":
        if args.out:
            write_csv(args.out, rows(), header)
        else:
            write_csv_stream(sys.stdout, rows(), header)
        return
    if fmt == "json":
        doc = {"rows": [row.to_dict() for row in result.rows], "summary": result.summary()}
        text = json_printable(json.dumps(_clean(doc), ensure_ascii=False, indent=1)) + "\n"
    else:
        text = "".join(_text_line(row) + "\n" for row in result.rows)
    if args.out:
        write_atomic(args.out, lambda handle: handle.write(text.encode("utf-8")))
    else:
        sys.stdout.write(text)


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:NOTE_NAMES])
    if len(items) > NOTE_NAMES:
        shown += f" … and {len(items) - NOTE_NAMES} more"
    return shown


def _notes(args, result: engine.BatchResult) -> list[str]:
    notes = []
    if args.prices:
        if result.unmatched_tickers:
            n = len(result.unmatched_tickers)
            notes.append(f"note: {n} ticker{'s' if n > 1 else ''} in {args.prices} match no model: "
                         f"{_names(result.unmatched_tickers)}")
        if result.models_without_price:
            n = len(result.models_without_price)
            notes.append(f"note: {n} model{'s' if n > 1 else ''} got no price from {args.prices} "
                         f"(valued at the price in the file): {_names(result.models_without_price)}")
    for ticker, files in result.duplicate_tickers.items():
        notes.append(f"note: ticker {ticker} is in {len(files)} files: {_names(files)}")
    failed = len(result.failed)
    if failed:
        notes.append(f"valued {len(result.rows) - failed} of {len(result.rows)} files; {failed} could not be "
                     "valued (their error column says why): exit 3")
    return [printable(n) for n in notes]


def cmd_batch(args) -> int:
    fmt = _format(args)
    files = engine.find_model_files(args.paths)
    if not files:
        raise engine.BatchInputError(f"no model files (*.json) under {printable(', '.join(args.paths))}")
    files = _check_out(args.out, files, args.paths)
    quotes = engine.read_prices(args.prices) if args.prices else None
    mc = None
    if args.montecarlo is not None:
        mc = engine.MonteCarloSpec(args.montecarlo, args.seed)
        engine.check_montecarlo(mc)
    elif args.seed is not None:
        raise engine.BatchInputError("--seed goes with --montecarlo N")
    if args.scheduler is not None or args.workers is not None:
        client = engine.dask_client(args.scheduler, args.workers)
        try:
            result = engine.value_files_dask(files, client, quotes=quotes, montecarlo=mc)
        finally:
            cluster = client.cluster if args.workers is not None else None
            client.close()
            if cluster is not None:
                cluster.close()
    else:
        result = engine.value_files(files, quotes=quotes, montecarlo=mc)
    _emit(args, fmt, result, mc is not None)
    for note in _notes(args, result):
        print(note, file=sys.stderr)
    return result.exit_code
