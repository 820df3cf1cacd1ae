"""``valuation-cli export FILE --xlsx --out OUT.xlsx``: the model and its results
as one Excel workbook (models/io/xlsx.py), written atomically."""
from __future__ import annotations

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

    model = load_model(args.file)
    try:
        write_workbook(model, args.out)
    except OSError as exc:
        raise ExportCliError(exc.strerror or str(exc)) from None  # the message names the path
