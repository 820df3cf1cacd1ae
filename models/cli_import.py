"""``valuation-cli import MODEL SOURCE... --out OUT.json`` (or ``--new SOURCE...``).

Reads every source (Tushare Pro statements, the AkShare/East Money composition,
our template; CSV in UTF-8/GBK or .xlsx), prints the changes (old → new, unit)
and writes the changed model to OUT atomically: OUT is the complete new model
or, on any error, untouched. A bad source is one line on stderr naming the
file, the row and the column, exit 2 (through ``models.__main__.main``).
"""
from __future__ import annotations

import os
import sys

from .atomic_write import resolve_target
from .errors import ModelError, ModelFileError
from .terminal import printable

HELP = "import reported figures (Tushare, AkShare/East Money, template) into a model"


class ImportCliError(ModelError):
    """A user error of the import command: one line, exit 2."""


def add_parser(sub) -> None:
    from .io.imports import FINANCIALS_CHOICES

    p = sub.add_parser("import", help=HELP, description=HELP)
    p.add_argument("inputs", nargs="+", metavar="MODEL SOURCE",
                   help="the model file, then one or more sources (with --new: only sources)")
    p.add_argument("--new", action="store_true", help="build a new model from the sources instead of changing MODEL")
    p.add_argument("--out", required=True, help="where to write the model (JSON); written atomically")
    p.add_argument("--unit", help="money unit of amounts a source does not state: 元, 万元 or 亿元 "
                   "(Tushare and East Money exports are in 元, the default)")
    p.add_argument("--classification", metavar="分类类型",
                   help="which 分类类型 of a composition table gives the segments (default: the one matching "
                        "most of the model's segments, else 按产品分类)")
    p.add_argument("--add-segments", action="store_true", help="add segments the model does not have")
    p.add_argument("--financials", choices=FINANCIALS_CHOICES, default="auto",
                   help="the latest interim period → financials: TTM where possible, else the half year (auto)")
    p.add_argument("--name", help="--new: the company's name")
    p.add_argument("--price", type=float, help="--new: the share price (元)")
    p.add_argument("--shares", type=float, help="--new: the share count in the model's share unit (亿股 for 亿元)")
    p.add_argument("--model-unit", default="亿元", help="--new: the model's money unit (default 亿元)")
    p.set_defaults(func=run)


def _source_of(error: ModelFileError, changes) -> str:
    """The source whose change broke the model, for the message."""
    for change in changes:
        from .model import path_text
        if path_text(change.path) == error.key_path or error.key_path.startswith(path_text(change.path) + "."):
            return change.source
    return ""


def run(args) -> None:
    from .io.imports import apply_changes, new_model_from_import, plan_import, read_source
    from .model_file import load_model, save_model

    if args.new:
        model, sources = None, args.inputs
    else:
        if len(args.inputs) < 2:
            raise ImportCliError("import needs MODEL and at least one SOURCE (or --new SOURCE...)")
        model, sources = load_model(args.inputs[0]), args.inputs[1:]
    for source in sources:
        try:
            clash = os.path.samefile(args.out, source)
        except OSError:
            clash = os.path.realpath(args.out) == os.path.realpath(source)
        if clash:
            raise ImportCliError(f"--out {args.out}: that is a source being read; give another name "
                                 "(the source is left as it is)")
    try:
        resolve_target(args.out)  # a folder or special file is refused before any work
    except OSError as exc:
        raise ImportCliError(exc.strerror or str(exc)) from None
    figures = [f for source in sources for f in read_source(source, unit=args.unit)]
    if model is None:
        try:
            result, plan = new_model_from_import(figures, name=args.name, price=args.price, shares=args.shares,
                                                 unit=args.model_unit, classification=args.classification,
                                                 financials=args.financials)
        except ModelFileError as exc:
            raise ImportCliError(f"the imported figures do not make a valid model: {exc}") from None
    else:
        plan = plan_import(model, figures, classification=args.classification, add_segments=args.add_segments,
                           financials=args.financials)
        try:
            result = apply_changes(model, plan.changes)
        except ModelFileError as exc:
            source = _source_of(exc, plan.changes)
            raise ImportCliError((f"{source}: " if source else "")
                                 + f"the imported figures make the model invalid: {exc}") from None
    try:
        save_model(result, args.out)
    except OSError as exc:
        raise ImportCliError(exc.strerror or str(exc)) from None  # the message names the path
    lines = [f"{file}: segments from 分类类型 {classification}" for file, classification in plan.classifications.items()]
    lines += [change.describe() for change in plan.changes]
    lines += [f"note: {note}" for note in plan.notes]
    if plan.offered_segments:
        lines.append("not in the model (--add-segments adds them): " + ", ".join(plan.offered_segments))
    what = "a new model" if model is None else f"{len(plan.changes)} change{'s' if len(plan.changes) != 1 else ''}"
    lines.append(f"wrote {args.out}: {what}")
    # names come from the sources: a control character or bidi override is shown, not obeyed
    sys.stdout.write("".join(printable(line) + "\n" for line in lines))
