"""The engine's issues in the GUI: their text translated from the issue's
``code`` and ``params`` (the engine's own ``message`` is English; it is the
fallback for codes we do not know). Where an issue shows is each table
model's ``cell_for_path`` of the issue's ``location``."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import fill
from desktop_app.numbers import PERCENT, format_value
from desktop_app.refusals import valuation_limit_text


def _rate(value, decimals: int = 2) -> str:
    return format_value(value, PERCENT, decimals)


def issue_text(issue, names: list[str] | None = None) -> str:
    """The issue as the user reads it, in the current language; ``names``:
    the segments' names as shown (``desktop_app.i18n.segment_names``), for
    the segment the issue's location names."""
    params = getattr(issue, "params", None) or {}
    code = getattr(issue, "code", "")
    whole = valuation_limit_text(issue)
    if whole:
        return whole
    try:
        name = str(params.get("segment", ""))
        location = tuple(getattr(issue, "location", ()) or ())
        if names and len(location) >= 2 and location[0] == "segments" and isinstance(location[1], int) \
                and 0 <= location[1] < len(names):
            name = names[location[1]]
        years = QCoreApplication.translate("EngineWarnings", ", ").join(str(y) for y in params.get("years", []))
        if code == "narrow_spread":
            return fill(QCoreApplication.translate("EngineWarnings", "%1: discount rate %2 is less than 2 points above terminal growth %3; "
                            "the terminal value is very sensitive"),
                         name, _rate(params["discount_rate"]), _rate(params["terminal_growth"]))
        if code == "high_terminal_growth":
            return fill(QCoreApplication.translate("EngineWarnings", "%1: terminal growth %2 is above 5%"), name, _rate(params["terminal_growth"]))
        if code == "terminal_share":
            return fill(QCoreApplication.translate("EngineWarnings", "%1: the terminal value is %2 of the segment's DDM value (above 75%)"),
                         name, _rate(params["share"], 0))
        if code == "payout_clamped":
            roe = _rate(params["roe"], 1)
            stage, clamp = params.get("stage", "explicit"), params.get("clamp", "zero")
            if stage == "explicit" and clamp == "zero":
                return fill(QCoreApplication.translate("EngineWarnings", "%1: payout clamped to 0 in %2 (growth above ROE %3)"), name, years, roe)
            if stage == "explicit":
                return fill(QCoreApplication.translate("EngineWarnings", "%1: payout clamped to 100% in %2 (negative growth)"), name, years)
            if stage == "fade" and clamp == "zero":
                return fill(QCoreApplication.translate("EngineWarnings", "%1: fade payout clamped to 0 (fade growth above ROE %2)"), name, roe)
            if stage == "fade":
                return fill(QCoreApplication.translate("EngineWarnings", "%1: fade payout clamped to 100% (negative fade growth; ROE %2)"), name, roe)
            if clamp == "zero":
                return fill(QCoreApplication.translate("EngineWarnings", "%1: terminal payout clamped to 0 (terminal growth above ROE %2)"), name, roe)
            return fill(QCoreApplication.translate("EngineWarnings", "%1: terminal payout clamped to 100% (negative terminal growth; ROE %2)"), name, roe)
        if code == "negative_earnings":
            return fill(QCoreApplication.translate("EngineWarnings", "%1: negative earnings in %2: its dividends are negative (the segment consumes capital)"),
                         name, years)
    except (KeyError, TypeError, ValueError):
        pass
    return issue.message


def join_messages(issues, names: list[str] | None = None) -> tuple[str, str]:
    """(worst severity, one message per line) for a list of issues."""
    severity = "error" if any(i.severity == "error" for i in issues) else "warning"
    return severity, "\n".join(issue_text(i, names) for i in issues)
