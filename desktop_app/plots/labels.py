"""Translated names the plots show: statuses, drivers, methods.

Written out as ``QCoreApplication.translate`` calls with literal strings so
``pyside6-lupdate`` collects them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_labels() -> dict[str, str]:
    return {
        "severely_overvalued": QCoreApplication.translate("Status", "severely overvalued"),
        "overvalued": QCoreApplication.translate("Status", "overvalued"),
        "slightly_overvalued": QCoreApplication.translate("Status", "slightly overvalued"),
        "fair": QCoreApplication.translate("Status", "fair"),
        "slightly_undervalued": QCoreApplication.translate("Status", "slightly undervalued"),
        "undervalued": QCoreApplication.translate("Status", "undervalued"),
        "severely_undervalued": QCoreApplication.translate("Status", "severely undervalued"),
    }


def driver_labels() -> dict[str, str]:
    return {
        "discount_rate_shift": QCoreApplication.translate("Drivers", "Discount rate"),
        "terminal_growth": QCoreApplication.translate("Drivers", "Terminal growth"),
        "fade_growth_shift": QCoreApplication.translate("Drivers", "Fade growth"),
        "growth_shift": QCoreApplication.translate("Drivers", "Revenue growth"),
        "margin_shift": QCoreApplication.translate("Drivers", "Net margins"),
        "roe_shift": QCoreApplication.translate("Drivers", "ROE"),
        "multiple_scale": QCoreApplication.translate("Drivers", "Multiple"),
        "excess_cash_scale": QCoreApplication.translate("Drivers", "Excess cash"),
    }


def method_labels() -> dict[str, str]:
    return {
        "ddm": QCoreApplication.translate("Methods", "DDM"),
        "dynamic": QCoreApplication.translate("Methods", "Dynamic valuation"),
    }


def short_method_labels() -> dict[str, str]:
    return {
        "ddm": QCoreApplication.translate("Methods", "DDM"),
        "dynamic": QCoreApplication.translate("Methods", "Dynamic"),
    }


def pct(value: float, digits: int = 1, signed: bool = True) -> str:
    """A decimal as a percentage for display: 0.0312 → "+3.1%"; NaN → "—"."""
    if value != value:  # NaN
        return "—"
    text = f"{value * 100:+.{digits}f}%" if signed else f"{value * 100:.{digits}f}%"
    return text.replace("-", "−")


def point_suffix() -> str:
    """" pt" (percentage points) in the current language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Units", " pt")


def money(value: float, digits: int = 1) -> str:
    if value != value:
        return "—"
    return f"{value:,.{digits}f}".replace("-", "−")
