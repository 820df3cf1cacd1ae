"""``valuation-cli attribute``: what changed between two versions of a model.

    valuation-cli attribute A.json B.json [--method ddm|dynamic] [--json]
    valuation-cli attribute FILE --scenario NAME [--against NAME] [--method ddm|dynamic] [--json]

The first form splits total(B) − total(A); the second splits the change from
the base (or scenario ``--against``) to scenario ``--scenario`` of FILE. JSON:
``{"ddm": {"from", "to", "contributions": [{"segment": i or null, "group",
"value"}]}, "dynamic": {...}}`` (one key with ``--method``), listing the
groups that differ. Models with different segments or years, an unknown
scenario, or a split that is undefined: exit 2, one line on stderr.
"""
from __future__ import annotations

import json
import math
import sys

from .errors import ModelError
from .model_file import load_model

GROUP_LABELS = {
    "growth": "growth", "margin": "margin", "actuals": "actuals", "discount_rate": "discount rate",
    "roe": "ROE", "fade": "fade", "terminal_growth": "terminal growth", "multiple": "multiple",
    "cash_and_claims": "cash and claims", "settings": "settings",
}


class AttributeUsageError(ModelError):
    """Arguments that do not make one of the two forms."""


def add_attribute_parser(sub) -> None:
    """Register the ``attribute`` subcommand on an argparse subparsers object."""
    p = sub.add_parser("attribute", help="split the change of value between two models (or scenarios) by input group")
    p.add_argument("file", help="model A (or the model holding the scenarios)")
    p.add_argument("other", nargs="?", help="model B (the form without --scenario)")
    p.add_argument("--scenario", metavar="NAME", help="attribute this scenario of FILE against the base")
    p.add_argument("--against", metavar="NAME", help="with --scenario: start from this scenario instead of the base")
    p.add_argument("--method", choices=("ddm", "dynamic"), help="one method only (default: both)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_attribute)


def cmd_attribute(args) -> None:
    from .analysis.attribution import attribute, attribute_scenarios

    methods = (args.method,) if args.method else ("ddm", "dynamic")
    if args.scenario is not None:
        if args.other is not None:
            raise AttributeUsageError("attribute: give either two files, or one file with --scenario, not both")
        model = load_model(args.file)
        result = attribute_scenarios(model, args.scenario, args.against, methods)
        from_label = "base" if args.against is None else f"scenario {args.against}"
        to_label = f"scenario {args.scenario}"
        names = model.segment_names
    else:
        if args.against is not None:
            raise AttributeUsageError("attribute: --against needs --scenario")
        if args.other is None:
            raise AttributeUsageError("attribute: give two model files (A B), or one file with --scenario NAME")
        a = _load(args.file, "A")
        b = _load(args.other, "B")
        result = attribute(a, b, methods)
        from_label, to_label = args.file, args.other
        names = b.segment_names
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(text_attribution(result, names, from_label, to_label) + "\n")


def _load(path: str, which: str):
    try:
        return load_model(path)
    except ModelError as exc:
        raise AttributeUsageError(f"{which} ({path}): {exc}") from None


def text_attribution(result, names: list[str], from_label: str, to_label: str) -> str:
    """A plain-text bridge per method: A's total, each differing group, B's total."""
    lines = [f"{from_label} → {to_label}"] + [f"note: {n}" for n in result.notes]
    for method, res in result.methods.items():
        title = "DDM" if method == "ddm" else "Dynamic"
        lines.append("")
        lines.append(f"{title}: {res.from_total:,.2f} → {res.to_total:,.2f} ({res.change:+,.2f})")
        steps = res.differing()
        if not steps:
            lines.append("  no input group differs")
        for c in steps:
            where = "company" if c.segment is None else names[c.segment]
            lines.append(f"  {where} · {GROUP_LABELS[c.group]}: {c.value:+,.2f}")
        if res.market_cap_from != res.market_cap_to or res.upside_from != res.upside_to:
            lines.append(f"  market cap {res.market_cap_from:,.2f} → {res.market_cap_to:,.2f}; "
                         f"upside {_pct(res.upside_from)} → {_pct(res.upside_to)} ({res.status_from} → {res.status_to})")
    return "\n".join(lines)


def _pct(x: float) -> str:
    return "—" if not math.isfinite(x) else f"{x:+.1%}"
