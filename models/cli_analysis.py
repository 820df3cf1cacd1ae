"""The analysis subcommands of ``valuation-cli``: ``implied`` and ``montecarlo``.

Registered by ``models/__main__.py`` through ``register(subparsers)``; each
command's code lives here so that the rest of the CLI can change apart.
Bad input (an unknown driver, a segment out of range, a non-number, invalid
``uncertainty`` settings) raises ``AnalysisInputError``, a ``ModelError``:
the CLI prints one line on stderr and exits 2. Argument-syntax errors of these
two commands are printed as one line too.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np

from .errors import ModelError
from .model_file import load_model
from .sensitivity import DRIVERS
from .status import STATUS_CODES
from .valuation import valuate

METHOD_CHOICES = ("ddm", "dynamic")


class AnalysisInputError(ModelError):
    """Bad input to an analysis command: one line, exit 2."""


def _clean(value):
    """JSON-ready: numpy scalars to Python, NaN/inf to null."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _integer(text: str, option: str, lo: int, hi: int) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise AnalysisInputError(f"{option} {text!r}: must be a whole number from {lo} to {hi}") from None
    if not lo <= value <= hi:
        raise AnalysisInputError(f"{option} {value}: must be a whole number from {lo} to {hi}")
    return value


def _number(text: str, option: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise AnalysisInputError(f"{option} {text!r}: must be a number (a decimal: 0.25 = +25%)") from None
    if not math.isfinite(value):
        raise AnalysisInputError(f"{option} {text!r}: must be a finite number")
    return value


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:+.1f}%"


def _num(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


# ---------------------------------------------------------------------------
# implied


def cmd_implied(args) -> None:
    from .analysis.implied import implied_value

    if args.driver not in DRIVERS:
        raise AnalysisInputError(f"--driver {args.driver!r}: unknown driver; one of: {', '.join(DRIVERS)}")
    if args.method not in METHOD_CHOICES:
        raise AnalysisInputError(f"--method {args.method!r}: one of: ddm, dynamic")
    target = _number(args.target_upside, "--target-upside")
    model = load_model(args.file)
    valuate(model)  # an invalid model is a clear error, not an answer of "none"
    segment = None
    if args.segment is not None:
        segment = _integer(args.segment, "--segment", 0, model.segment_count - 1)
    result = implied_value(model, args.driver, args.method, segment, target)
    if args.json:
        sys.stdout.write(json.dumps(_clean(result.to_dict()), ensure_ascii=False) + "\n")
        return
    scope = "company-wide" if segment is None else f"segment {segment} ({model.segment_names[segment]})"
    lines = [f"{model.company_name}: {args.method}, driver {args.driver} ({scope}), "
             f"target upside {_pct(target)} (total {_num(result.target_total)} {model.unit}; "
             f"market cap {_num(result.market_cap)})"]
    if result.value is None:
        lines.append(f"implied value: none ({result.reason}: {result.message})")
    else:
        lines.append(f"implied value: {result.value:.6g} (the model: {result.base_value:.6g}); "
                     f"total {_num(result.total)}")
    lines.append("status boundaries (upside: driver value, status below | above it):")
    for b in result.boundaries:
        if b.value is None:
            lines.append(f"  {_pct(b.upside):>7}: none ({b.reason})")
        else:
            lines.append(f"  {_pct(b.upside):>7}: {b.value:.6g}  {b.status_below} | {b.status_above}")
    sys.stdout.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# montecarlo


def cmd_montecarlo(args) -> None:
    from .analysis.montecarlo import MonteCarloRequest
    from .analysis.uncertainty import MAX_DRAWS

    draws = None if args.draws is None else _integer(args.draws, "--draws", 1, MAX_DRAWS)
    seed = None if args.seed is None else _integer(args.seed, "--seed", 0, 2 ** 63 - 1)
    model = load_model(args.file)
    valuate(model)
    try:
        request = MonteCarloRequest(model, draws=draws, seed=seed)
    except ModelError:
        raise
    except ValueError as exc:
        raise AnalysisInputError(str(exc)) from None
    result = request.run()
    if args.json:
        sys.stdout.write(json.dumps(_clean(result.to_dict()), ensure_ascii=False) + "\n")
        return
    drivers = ", ".join(f"{d.driver} {d.dist}{tuple(round(x, 6) for x in d.params)}"
                        + ("" if d.segment is None else f" segment {d.segment}") for d in result.settings.drivers)
    lines = [f"{model.company_name}: {result.draws} draws, seed {result.seed}; market cap "
             f"{_num(result.market_cap)} {model.unit}", f"drivers: {drivers or 'none'}"]
    for name in ("ddm", "dynamic"):
        s = result.method(name)
        lines.append(f"{name}: mean {_num(s.mean)}, sd {_num(s.sd)}, P5 {_num(s.p5)}, P50 {_num(s.p50)}, "
                     f"P95 {_num(s.p95)}; P(total > market cap) {_num(s.prob_above_market_cap, 4)}; "
                     f"invalid draws {s.invalid_draws}")
        lines.append("  P(status): " + ", ".join(f"{c} {_num(s.status_probabilities[c], 4)}" for c in STATUS_CODES))
        lines.append("  rank correlation with the total: "
                     + ", ".join(f"{d} {_num(r, 3)}" for d, r in s.rank_correlations.items()))
    sys.stdout.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------


def _one_line_error(parser: argparse.ArgumentParser):
    def error(message: str):
        parser.exit(2, f"error: {parser.prog}: {message}\n")
    return error


def register(sub) -> None:
    """Add ``implied`` and ``montecarlo`` to the CLI's subparsers."""
    imp = sub.add_parser("implied", help="the driver value today's price implies, and the six status boundaries",
                         description="Reverse solve: the value of DRIVER at which the method's total gives the "
                                     "target upside (default 0: today's price is fair), and the driver values "
                                     "at the six status boundaries.")
    imp.add_argument("file", help="a model file (.vwm.json)")
    imp.add_argument("--driver", required=True, metavar="DRIVER", help="one of: " + ", ".join(DRIVERS))
    imp.add_argument("--method", default="ddm", metavar="ddm|dynamic", help="valuation method (default ddm)")
    imp.add_argument("--segment", metavar="I", help="apply the driver to segment I only (0-based)")
    imp.add_argument("--target-upside", default="0", metavar="X",
                     help="target upside as a decimal (default 0; -0.2 = 20%% below the market cap)")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.set_defaults(func=cmd_implied)
    imp.error = _one_line_error(imp)
    mc = sub.add_parser("montecarlo", help="Monte Carlo of both methods: distribution of value and P(status)",
                        description="Monte Carlo over the model's uncertainty settings (the defaults when the "
                                    "model has none): both methods' mean, sd, P5/P50/P95, status "
                                    "probabilities and each driver's rank correlation with the total.")
    mc.add_argument("file", help="a model file (.vwm.json)")
    mc.add_argument("--draws", metavar="N", help="number of draws (default: the model's, else 10000)")
    mc.add_argument("--seed", metavar="S", help="random seed, a whole number ≥ 0 (default: the model's, else 0)")
    mc.add_argument("--json", action="store_true", help="print the result as JSON")
    mc.set_defaults(func=cmd_montecarlo)
    mc.error = _one_line_error(mc)
