"""``valuation-cli export FILE --xlsx --out OUT.xlsx``: the model and its results
as one Excel workbook (models/io/xlsx.py), written atomically."""
from __future__ import annotations

import os

from .atomic_write import resolve_target
from .errors import ModelError

HELP = "export a model and its results as an Excel workbook"


class ExportCliError(ModelError):
    """A user error of the export command: one line, exit 2."""


def add_parser(sub) -> None:
    p = sub.add_parser("export", help=HELP, description=HELP)
    p.add_argument("file")
    fmt = p.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--xlsx", action="store_true", help="one .xlsx workbook, a sheet per table")
    p.add_argument("--out", required=True, help="the workbook to write (atomically)")
    p.set_defaults(func=run)


def run(args) -> None:
    from .io.xlsx import write_workbook
    from .model_file import load_model

    same = False
    try:
        same = os.path.samefile(args.out, args.file)
    except OSError:
        same = os.path.realpath(args.out) == os.path.realpath(args.file)
    if same:
        raise ExportCliError(f"--out {args.out}: that is the model file being read; give another name "
                             "(the model is left as it is)")
    try:
        resolve_target(args.out)  # a folder or special file is refused before any work
    except OSError as exc:
        raise ExportCliError(exc.strerror or str(exc)) from None
    model = load_model(args.file)
    try:
        write_workbook(model, args.out)
    except OSError as exc:
        raise ExportCliError(exc.strerror or str(exc)) from None  # the message names the path  # the message names the path
