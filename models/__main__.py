"""Command line ``valuation-cli`` (also ``python -m models``): ``value FILE``,
``sensitivity FILE`` and ``batch PATH...`` (models/cli_batch.py).

Exit 0 on success; on a bad file or invalid input exit 2 with one line on
stderr naming the problem (never a traceback). Everything printed is made
safe for a terminal first (``models.terminal``): a name's newline or ESC
sequence is shown as an escape, never obeyed.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from . import __version__, cli_batch, cli_export, cli_import
from .atomic_write import resolve_target, write_atomic
from .csv_export import csv_cell, write_csv, write_csv_stream
from .cli_analysis import register as register_analysis
from .errors import ModelError
from .model_file import load_model
from .report import RESULT_COLUMNS, result_rows, text_report
from .sensitivity import (DRIVERS, GRID_MEMORY_BUDGET, clean_axis, grid_memory_estimate, sensitivity_grid,
                          sensitivity_sweep)
from .terminal import json_printable, printable
from .valuation import prepare, valuate

PROG = "valuation-cli"
MAX_COUNT = 10_000

#: What each sensitivity driver does (``--help``, README).
DRIVER_HELP = {
    "discount_rate_shift": "added to every segment's discount rate r (0.01 = +1 point)",
    "terminal_growth": "replaces the perpetual (terminal) growth rate gT: the rate itself (0.03 = 3%)",
    "fade_growth_shift": "added to the fade-period growth rate (DDM)",
    "growth_shift": "added to every forecast year's revenue growth",
    "margin_shift": "added to every forecast year's net margin",
    "roe_shift": "added to ROE, which sets the payout ratio (1 - g/ROE)",
    "multiple_scale": "multiplies the composite multiple of the dynamic method (1.1 = +10%)",
    "excess_cash_scale": "multiplies the excess cash (富余现金) (0.8 = -20%)",
}
assert tuple(DRIVER_HELP) == DRIVERS

DRIVERS_EPILOG = "sensitivity drivers (--x/--y DRIVER:START:STOP:COUNT):\n" + "\n".join(
    f"  {name:<20} {text}" for name, text in DRIVER_HELP.items())

OUT_EPILOG = (
    "--out PATH: the format follows the name when no --json/--csv is given (.csv -> CSV,\n"
    "  .json -> JSON); a flag that contradicts the name is refused. The file is written\n"
    "  atomically (a temp file, then renamed): a new file gets the mode your umask gives,\n"
    "  an existing one keeps its mode; a symlink is written through to its target. A\n"
    "  target that is not a regular file (a named pipe, a device, a folder) and the model\n"
    "  file being read are refused (exit 2).")


class CliError(Exception):
    """A user error: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one terminal-safe line (exit 2)."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        self.exit(2, f"{printable(self.prog)}: error: {printable(message)} (see {printable(self.prog)} --help)\n")


def _finite_or_none(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _json_ready(value):
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, np.ndarray):
        return _json_ready(value.tolist())
    if isinstance(value, (np.floating,)):
        value = float(value)
    return _finite_or_none(value)


def _dumps(value, **kwargs) -> str:
    return json_printable(json.dumps(_json_ready(value), ensure_ascii=False, **kwargs))


def parse_axis(text: str) -> tuple[str, np.ndarray]:
    """``DRIVER:START:STOP:COUNT`` → (driver, values)."""
    parts = text.split(":")
    shown = printable(repr(text))
    if len(parts) != 4:
        raise CliError(f"axis {shown}: expected DRIVER:START:STOP:COUNT, e.g. discount_rate_shift:-0.02:0.02:41")
    driver, start, stop, count = parts
    if driver not in DRIVERS:
        raise CliError(f"axis {shown}: unknown driver {printable(repr(driver))}; one of: {', '.join(DRIVERS)}")
    try:
        a, b, n = float(start), float(stop), int(count)
    except ValueError:
        raise CliError(f"axis {shown}: START and STOP must be numbers and COUNT a whole number") from None
    if not (math.isfinite(a) and math.isfinite(b)):
        raise CliError(f"axis {shown}: START and STOP must be finite numbers")
    if not 1 <= n <= MAX_COUNT:
        raise CliError(f"axis {shown}: COUNT must be from 1 to {MAX_COUNT}")
    return driver, np.linspace(a, b, n)


# -- output --------------------------------------------------------------------

def output_format(args, default: str) -> str:
    """The format asked for: a flag, else the --out name's extension, else
    ``default``; a flag that contradicts the extension is refused."""
    flag = "csv" if getattr(args, "csv", False) else "json" if getattr(args, "json", False) else None
    implied = None
    if args.out:
        implied = {".csv": "csv", ".json": "json"}.get(Path(args.out).suffix.lower())
    if flag and implied and flag != implied:
        raise CliError(f"--{flag} with --out {printable(args.out)}: the name says {implied.upper()}; "
                       f"drop --{flag} or name the file *.{flag}")
    return flag or implied or default


def check_out(args) -> None:
    """Refuse an --out that would destroy the input or cannot be a file, before any work."""
    if not args.out:
        return
    out, model = args.out, args.file
    same = False
    try:
        same = os.path.samefile(out, model)
    except OSError:
        same = os.path.realpath(out) == os.path.realpath(model)
    if same:
        raise CliError(f"--out {printable(out)}: that is the model file being read; give another name "
                       "(the model is left as it is)")
    try:
        resolve_target(out)
    except OSError as exc:
        raise CliError(_os_message(exc)) from None


def _os_message(exc: OSError) -> str:
    """An OSError as the user reads it: the reason and the file, no ``[Errno N]``."""
    text = exc.strerror or str(exc)
    if exc.filename is not None and str(exc.filename) not in text:
        text = f"{exc.filename}: {text}"
    return printable(text)


def _emit_chunks(chunks: Iterable[str], out: str | None) -> None:
    """Write text chunks to standard output or, atomically, to ``out``."""
    if out:
        def write(handle):
            for chunk in chunks:
                handle.write(chunk.encode("utf-8"))
        try:
            write_atomic(out, write)
        except OSError as exc:
            raise CliError(_os_message(exc)) from None
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)


def _emit(text: str, out: str | None) -> None:
    _emit_chunks([text], out)


def _emit_csv(rows: Iterable, header, out: str | None) -> None:
    if out:
        try:
            write_csv(out, rows, header)
        except OSError as exc:
            raise CliError(_os_message(exc)) from None
    else:
        write_csv_stream(sys.stdout, rows, header)


# -- commands --------------------------------------------------------------------

def cmd_value(args) -> None:
    check_out(args)
    fmt = output_format(args, "text")
    model = load_model(args.file)
    result = valuate(model)
    if fmt == "csv":
        _emit_csv(result_rows(result), RESULT_COLUMNS, args.out)
    elif fmt == "json":
        _emit(_dumps(result.to_dict(), indent=2) + "\n", args.out)
    else:
        _emit(text_report(result, model.unit, model.company_name) + "\n", args.out)


def _grid_json(head: dict, total: np.ndarray, tail: dict) -> Iterator[str]:
    """The grid document, one row of totals at a time (the same text as
    ``json.dumps`` of the whole, without ever holding all of it)."""
    items = [f"{_dumps(k)}: {_dumps(v)}" for k, v in head.items()]
    yield "{" + ", ".join(items) + ', "total": ['
    for i, row in enumerate(total):
        yield (", " if i else "") + _dumps(row)
    yield "]" + "".join(f", {_dumps(k)}: {_dumps(v)}" for k, v in tail.items()) + "}\n"


def cmd_sensitivity(args) -> None:
    check_out(args)
    fmt = output_format(args, "json")
    x_driver, x = parse_axis(args.x)
    y_driver, y = parse_axis(args.y) if args.y else (None, None)
    if y_driver is not None and y_driver == x_driver:
        raise CliError("--x and --y must name different drivers")
    model = load_model(args.file)
    valuate(model)  # invalid input is a clear error, not a grid of NaN
    if args.segment is not None and not 0 <= args.segment < model.segment_count:
        raise CliError(f"--segment {args.segment}: the model has segments 0…{model.segment_count - 1}")
    if y_driver is not None:
        need = grid_memory_estimate(prepare(model), len(x), len(y))
        if need > GRID_MEMORY_BUDGET:
            raise CliError(f"--x/--y: a {len(y)} × {len(x)} grid of this model needs about {_mb(need)} of memory, "
                           f"more than the {_mb(GRID_MEMORY_BUDGET)} a grid may use; use fewer points")
        total = sensitivity_grid(model, x_driver, x, y_driver, y, args.method, args.segment)
        # The axes as asked for, without the noise of their spacing (issue 9).
        x_out, y_out = clean_axis(x), clean_axis(y)
        if fmt == "csv":
            header = [f"{y_driver} \\ {x_driver}"] + list(x_out)
            _emit_csv(([yv] + list(row) for yv, row in zip(y_out, total)), header, args.out)
        else:
            head = {"method": args.method, "x_driver": x_driver, "x_values": x_out, "y_driver": y_driver,
                    "y_values": y_out}
            _emit_chunks(_grid_json(head, total, {"market_cap": model.market_cap}), args.out)
    else:
        total = sensitivity_sweep(model, x_driver, x, args.method, args.segment).total
        x_out = clean_axis(x)
        if fmt == "csv":
            _emit_csv([[xv, tv] for xv, tv in zip(x_out, total)], [x_driver, "total"], args.out)
        else:
            doc = {"method": args.method, "x_driver": x_driver, "x_values": x_out, "total": total,
                   "market_cap": model.market_cap}
            _emit(_dumps(doc) + "\n", args.out)


def _mb(n: int) -> str:
    return f"{n / 2 ** 20:,.0f} MB"


VALUE_EPILOG = (
    "the text output, per method:\n"
    "  DDM: each segment's forecast-period value (预测期价值, explicit + fade years)\n"
    "    + perpetual value (永续期价值) = business value (业务价值)\n"
    "  Dynamic: each segment's earnings base (有效盈利预测) x composite multiple (综合倍数);\n"
    "    explicit-period value (显性期价值) + post-explicit value (显性期后价值) = business value\n"
    "  then the company items and the equity value: business values + excess cash\n"
    "    - minority interest + equity investments; upside = equity value / market cap - 1\n\n"
    "to see how the value moves with an input: valuation-cli sensitivity FILE --x ...\n"
    + DRIVERS_EPILOG + "\n\n" + OUT_EPILOG)

SENSITIVITY_EPILOG = (
    DRIVERS_EPILOG + "\n\n"
    "START and STOP are the driver's values (shifts as decimals, scales as factors);\n"
    f"COUNT is 1 to {MAX_COUNT:,} points. A grid (--x and --y) may need at most "
    f"{_mb(GRID_MEMORY_BUDGET)} of memory\n"
    "(8 bytes a cell plus a bounded working set, computed in chunks); a larger one is\n"
    "refused before any work. A point where the method is invalid is null / an empty cell.\n\n"
    + OUT_EPILOG)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Valuation Workbench engine (headless).",
                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=DRIVERS_EPILOG)
    parser.add_argument("--version", action="version", version=f"valuation-workbench {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    raw = argparse.RawDescriptionHelpFormatter
    value = sub.add_parser("value", help="value a model file (DDM and dynamic)", formatter_class=raw,
                           description="Value a model file by the DDM and the dynamic (multiple) method.",
                           epilog=VALUE_EPILOG)
    value.add_argument("file", help="the model file (.vwm.json)")
    fmt = value.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the result as JSON")
    fmt.add_argument("--csv", action="store_true", help="the result as CSV (UTF-8 with BOM when --out)")
    value.add_argument("--out", metavar="PATH", help="write to this file instead of standard output")
    value.set_defaults(func=cmd_value)
    sens = sub.add_parser("sensitivity", help="total value over one driver or a grid of two", formatter_class=raw,
                          description="Total equity value over one driver (--x) or a grid of two (--x and --y).",
                          epilog=SENSITIVITY_EPILOG)
    sens.add_argument("file", help="the model file (.vwm.json)")
    sens.add_argument("--x", required=True, metavar="DRIVER:START:STOP:COUNT", help="the first driver's values")
    sens.add_argument("--y", metavar="DRIVER:START:STOP:COUNT", help="a second driver: a grid (rows = y)")
    sens.add_argument("--method", choices=("ddm", "dynamic"), default="ddm")
    sens.add_argument("--segment", type=int, help="apply the drivers to this segment only (0-based)")
    sfmt = sens.add_mutually_exclusive_group()
    sfmt.add_argument("--json", action="store_true", help="JSON (the default)")
    sfmt.add_argument("--csv", action="store_true", help="CSV (UTF-8 with BOM when --out)")
    sens.add_argument("--out", metavar="PATH", help="write to this file instead of standard output")
    sens.set_defaults(func=cmd_sensitivity)
    from .cli_attribute import add_attribute_parser  # issue 14: models/cli_attribute.py
    add_attribute_parser(sub)
    register_analysis(sub)
    cli_import.add_parser(sub)
    cli_export.add_parser(sub)
    cli_batch.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except (ModelError, CliError) as exc:
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:   # e.g. standard output on a full disk
        print(f"error: {_os_message(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback for the user
        print(f"error: internal error: {type(exc).__name__}: {printable(str(exc))}", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0   # a command may return its exit code (batch: 3)


if __name__ == "__main__":
    sys.exit(main())
