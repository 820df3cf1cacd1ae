"""How the Analysis page and the header write drivers, their values and the
reverse solve's reasons, in the UI's language (display only: the numbers are
the engine's)."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from models.sensitivity import DRIVER_UNITS
from desktop_app.i18n import fill
from desktop_app.plots.labels import driver_labels


def driver_names() -> dict[str, str]:
    """Names as a table row starts: "Revenue growth" (the plots' driver names,
    but one margin: the plots' axis shifts every segment's margins)."""
    names = driver_labels()
    names["margin_shift"] = QCoreApplication.translate("AnalysisText", "Net margin")
    return names


def implied_phrases() -> dict[str, str]:
    """"Price implies …" for each driver; %1 is the value."""
    return {
        "discount_rate_shift": QCoreApplication.translate("AnalysisText", "Price implies discount rate %1"),
        "terminal_growth": QCoreApplication.translate("AnalysisText", "Price implies terminal growth %1"),
        "fade_growth_shift": QCoreApplication.translate("AnalysisText", "Price implies fade growth %1"),
        "growth_shift": QCoreApplication.translate("AnalysisText", "Price implies revenue growth %1"),
        "margin_shift": QCoreApplication.translate("AnalysisText", "Price implies net margin %1"),
        "roe_shift": QCoreApplication.translate("AnalysisText", "Price implies ROE %1"),
        "multiple_scale": QCoreApplication.translate("AnalysisText", "Price implies multiple %1"),
        "excess_cash_scale": QCoreApplication.translate("AnalysisText", "Price implies excess cash %1"),
    }


def reason_texts() -> dict[str, str]:
    return {
        "no_effect": QCoreApplication.translate("AnalysisText", "no effect"),
        "out_of_reach": QCoreApplication.translate("AnalysisText", "out of reach"),
        "not_monotone": QCoreApplication.translate("AnalysisText", "more than one answer"),
        "did_not_converge": QCoreApplication.translate("AnalysisText", "did not converge"),
    }


def is_shift(driver: str) -> bool:
    """A driver added to a rate (shown in percentage points)."""
    return DRIVER_UNITS.get(driver) == "rate" and driver != "terminal_growth"


def driver_value(driver: str, value: float | None, signed: bool = True) -> str:
    """A driver's value as the analyst reads it: a shift "+3.1 pp", terminal
    growth "2.5%", a scale "×0.85"."""
    if value is None or not math.isfinite(value):
        return "—"
    if is_shift(driver):
        number = f"{value * 100:+.1f}" if signed else f"{value * 100:.1f}"
        return fill(QCoreApplication.translate("AnalysisText", "%1 pp"), number.replace("-", "−"))
    if DRIVER_UNITS.get(driver) == "rate":
        return f"{value * 100:.2f}%".replace("-", "−")
    return f"×{value:.2f}".replace("-", "−")


def param_text(driver: str, value: float | None) -> str:
    """A distribution parameter in an editable cell: rates as percentages
    (0.02 → "2.00%"), scales as plain numbers."""
    if value is None or not math.isfinite(value):
        return ""
    if DRIVER_UNITS.get(driver) == "rate":
        return f"{value * 100:.2f}%"
    return f"{value:.3f}"


def none_text(reason: str | None) -> str:
    """"none (out of reach)"."""
    why = reason_texts().get(reason or "", reason or "")
    return fill(QCoreApplication.translate("AnalysisText", "none (%1)"), why)
