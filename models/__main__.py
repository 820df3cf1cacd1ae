"""Command line: ``python -m models value FILE`` and ``python -m models sensitivity FILE``.

Exit 0 on success; on a bad file or invalid input exit 2 with one line on
stderr naming the problem (never a traceback).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

from . import __version__, cli_export, cli_import
from .csv_export import csv_text, write_csv
from .errors import ModelError
from .model_file import load_model
from .report import RESULT_COLUMNS, result_rows, text_report
from .sensitivity import DRIVERS, sensitivity_grid_result, sensitivity_sweep
from .valuation import valuate


class CliError(Exception):
    """A user error: printed as one line, exit 2."""


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


def parse_axis(text: str) -> tuple[str, np.ndarray]:
    """``DRIVER:START:STOP:COUNT`` → (driver, values)."""
    parts = text.split(":")
    if len(parts) != 4:
        raise CliError(f"axis {text!r}: expected DRIVER:START:STOP:COUNT, e.g. discount_rate_shift:-0.02:0.02:41")
    driver, start, stop, count = parts
    if driver not in DRIVERS:
        raise CliError(f"axis {text!r}: unknown driver {driver!r}; one of: {', '.join(DRIVERS)}")
    try:
        a, b, n = float(start), float(stop), int(count)
    except ValueError:
        raise CliError(f"axis {text!r}: START and STOP must be numbers and COUNT a whole number") from None
    if not (math.isfinite(a) and math.isfinite(b)):
        raise CliError(f"axis {text!r}: START and STOP must be finite numbers")
    if not 1 <= n <= 10_000:
        raise CliError(f"axis {text!r}: COUNT must be from 1 to 10000")
    return driver, np.linspace(a, b, n)


def _emit(text: str, out: str | None) -> None:
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)


def _emit_csv(rows, header, out: str | None) -> None:
    if out:
        try:
            write_csv(out, rows, header)
        except OSError as exc:
            raise CliError(str(exc)) from None
    else:
        sys.stdout.write(csv_text(rows, header))


def cmd_value(args) -> None:
    model = load_model(args.file)
    result = valuate(model)
    if args.csv:
        _emit_csv(result_rows(result), RESULT_COLUMNS, args.out)
    elif args.json:
        _emit(json.dumps(_json_ready(result.to_dict()), ensure_ascii=False, indent=2) + "\n", args.out)
    else:
        _emit(text_report(result, model.unit, model.company_name) + "\n", args.out)


def cmd_sensitivity(args) -> None:
    model = load_model(args.file)
    valuate(model)  # invalid input is a clear error, not a grid of NaN
    if args.segment is not None and not 0 <= args.segment < model.segment_count:
        raise CliError(f"--segment {args.segment}: the model has segments 0…{model.segment_count - 1}")
    x_driver, x = parse_axis(args.x)
    if args.y:
        y_driver, y = parse_axis(args.y)
        if y_driver == x_driver:
            raise CliError("--x and --y must name different drivers")
        total = sensitivity_grid_result(model, x_driver, x, y_driver, y, args.method, args.segment).total
        if args.csv:
            header = [f"{y_driver} \\ {x_driver}"] + list(x)
            rows = [[yv] + list(row) for yv, row in zip(y, total)]
            _emit_csv(rows, header, args.out)
        else:
            doc = {"method": args.method, "x_driver": x_driver, "x_values": x, "y_driver": y_driver,
                   "y_values": y, "total": total, "market_cap": model.market_cap}
            _emit(json.dumps(_json_ready(doc), ensure_ascii=False) + "\n", args.out)
    else:
        total = sensitivity_sweep(model, x_driver, x, args.method, args.segment).total
        if args.csv:
            _emit_csv([[xv, tv] for xv, tv in zip(x, total)], [x_driver, "total"], args.out)
        else:
            doc = {"method": args.method, "x_driver": x_driver, "x_values": x, "total": total,
                   "market_cap": model.market_cap}
            _emit(json.dumps(_json_ready(doc), ensure_ascii=False) + "\n", args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m models", description="Valuation Workbench engine (headless).")
    parser.add_argument("--version", action="version", version=f"valuation-workbench {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    value = sub.add_parser("value", help="value a model file (DDM and dynamic)")
    value.add_argument("file")
    fmt = value.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the result as JSON")
    fmt.add_argument("--csv", action="store_true", help="print the result as CSV (UTF-8 with BOM when --out)")
    value.add_argument("--out", help="write to this file instead of standard output")
    value.set_defaults(func=cmd_value)
    sens = sub.add_parser("sensitivity", help="total value over one driver or a grid of two")
    sens.add_argument("file")
    sens.add_argument("--x", required=True, metavar="DRIVER:START:STOP:COUNT")
    sens.add_argument("--y", metavar="DRIVER:START:STOP:COUNT")
    sens.add_argument("--method", choices=("ddm", "dynamic"), default="ddm")
    sens.add_argument("--segment", type=int, help="apply the drivers to this segment only (0-based)")
    sens.add_argument("--csv", action="store_true")
    sens.add_argument("--out")
    sens.set_defaults(func=cmd_sensitivity)
    cli_import.add_parser(sub)
    cli_export.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except (ModelError, CliError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback for the user
        print(f"error: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
