"""Valuation parameters: per segment (one row each) and company-level.

Per segment: discount rate, ROE, fade growth and fade years, terminal growth
(an override of the company's; shown greyed while inherited) and the composite
multiple. Company: names, price and shares, terminal growth, fade years, excess
cash, minority interest, equity investments (money in the model's unit).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from models import tables
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import INTEGER, MONEY, MULTIPLE, NUMBER, PERCENT, TEXT
from desktop_app.qt_models.base import CLEAR, INHERITED_BRUSH, INPUT_BRUSH, GridTableModel, tr
from desktop_app.qt_models.forecast import display_unit

SEGMENT_PARAMS = tables.SEGMENT_PARAMS
_SEGMENT_KINDS = {"discount_rate": PERCENT, "roe": PERCENT, "fade_growth": PERCENT, "fade_years": INTEGER,
                  "terminal_growth": PERCENT, "multiple": MULTIPLE}
# optional per-segment overrides of a company value
_OVERRIDES = {"fade_years": ("valuation", "fade_years"), "terminal_growth": ("valuation", "terminal_growth")}


def segment_param_label(key: str) -> str:
    return {
        "discount_rate": tr("Discount rate"),
        "roe": tr("ROE"),
        "fade_growth": tr("Fade growth"),
        "fade_years": tr("Fade years"),
        "terminal_growth": tr("Terminal growth"),
        "multiple": tr("Composite multiple"),
    }[key]




class SegmentParametersTableModel(GridTableModel):
    """Rows: segments; columns: :data:`SEGMENT_PARAMS`."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self._names: list[str] = []
        self._inherited: set[tuple[int, int]] = set()

    def _layout(self, state) -> None:
        self._names = i18n.segment_names(state.model)

    def _compute(self, state):
        model = state.model
        values = np.full((model.segment_count, len(SEGMENT_PARAMS)), np.nan)
        inherited = set()
        for i, seg in enumerate(model.segments):
            values[i] = tables.segment_parameter_values(model, i)
            for c, key in enumerate(SEGMENT_PARAMS):
                if key in _OVERRIDES and seg.get(key) is None:
                    inherited.add((i, c))
        self._inherited = inherited
        self._names = i18n.segment_names(model)
        return values, {}

    def cell_kind(self, row: int, col: int) -> str:
        return _SEGMENT_KINDS[SEGMENT_PARAMS[col]]

    def is_editable(self, row: int, col: int) -> bool:
        return True

    def _apply(self, row: int, col: int, value, txn) -> None:
        key = SEGMENT_PARAMS[col]
        if value is CLEAR:
            txn.delete(("segments", row, key))
            return
        txn.set(("segments", row, key), int(value) if key == "fade_years" else float(value))

    def parse(self, value, row: int, col: int):
        """An empty entry in an override column clears the override (the
        company's value applies again); elsewhere the usual parsing."""
        if isinstance(value, str) and not value.strip() and SEGMENT_PARAMS[col] in _OVERRIDES:
            return CLEAR
        return super().parse(value, row, col)

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """``("segments", 1, "discount_rate")`` → (1, its column)."""
        if len(path) == 3 and path[0] == "segments" and isinstance(path[1], int) and path[2] in SEGMENT_PARAMS \
                and 0 <= path[1] < len(self._names):
            return path[1], SEGMENT_PARAMS.index(path[2])
        return None

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return segment_param_label(SEGMENT_PARAMS[section])
        return self._names[section] if section < len(self._names) else ""

    def cell_foreground(self, row: int, col: int):
        return INHERITED_BRUSH if (row, col) in self._inherited else INPUT_BRUSH

    def cell_tooltip(self, row: int, col: int) -> str:
        if (row, col) in self._inherited:
            return tr("The company's value; type a value to override it for this segment.")
        if SEGMENT_PARAMS[col] in _OVERRIDES:
            return tr("This segment's own value; clear the cell to use the company's again.")
        return ""


COMPANY_PARAMS = (
    (("company", "name"), TEXT),
    (("company", "ticker"), TEXT),
    (("company", "industry"), TEXT),
    (("market", "price"), NUMBER),
    (("market", "shares"), NUMBER),
    (("market", "pe_ttm"), MULTIPLE),
    (("market", "pb_mrq"), MULTIPLE),
    (("valuation", "terminal_growth"), PERCENT),
    (("valuation", "fade_years"), INTEGER),
    (("valuation", "excess_cash"), MONEY),
    (("valuation", "minority_interest"), MONEY),
    (("valuation", "equity_investments"), MONEY),
)


def company_param_label(path: tuple, unit: str) -> str:
    key = path[-1]
    return {
        "name": tr("Company"),
        "ticker": tr("Ticker"),
        "industry": tr("Industry"),
        "price": tr("Share price"),
        "shares": tr("Shares"),
        "pe_ttm": tr("PE-TTM (quoted)"),
        "pb_mrq": tr("PB-MRQ (quoted)"),
        "terminal_growth": tr("Terminal growth"),
        "fade_years": tr("Fade years"),
        "excess_cash": fill(tr("Excess cash (%1)"), unit),
        "minority_interest": fill(tr("Minority interest (%1)"), unit),
        "equity_investments": fill(tr("Equity investments (%1)"), unit),
    }[key]


class CompanyParametersTableModel(GridTableModel):
    """One column of company-level values, one row per :data:`COMPANY_PARAMS`."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self._unit = ""

    def _layout(self, state) -> None:
        self._unit = display_unit(state.model.unit)

    def _compute(self, state):
        model = state.model
        values = np.full((len(COMPANY_PARAMS), 1), np.nan)
        texts = {}
        for r, (path, kind) in enumerate(COMPANY_PARAMS):
            v = tables.company_parameter_value(model, self._field(model, path), kind == TEXT)
            if kind == TEXT:
                texts[(r, 0)] = v
            else:
                values[r, 0] = v
        return values, texts

    def cell_kind(self, row: int, col: int) -> str:
        return COMPANY_PARAMS[row][1]

    def is_editable(self, row: int, col: int) -> bool:
        return True

    @staticmethod
    def _field(model, path: tuple) -> tuple:
        """The company's name as the reader sees it: ``name_en`` in English where the file has one."""
        if path == ("company", "name") and i18n.engine_lang() == "en" \
                and str((model.doc.get("company") or {}).get("name_en") or "").strip():
            return ("company", "name_en")
        return path

    def _apply(self, row: int, col: int, value, txn) -> None:
        path, kind = COMPANY_PARAMS[row]
        if kind == TEXT:
            txn.set(self._field(txn.model, path), str(value))
        elif kind == INTEGER:
            txn.set(path, int(value))
        else:
            txn.set(path, float(value))

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return tr("Value")
        return company_param_label(COMPANY_PARAMS[section][0], self._unit)

    def cell_foreground(self, row: int, col: int):
        return INPUT_BRUSH

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """``("market", "price")`` → its row."""
        for r, (where, _) in enumerate(COMPANY_PARAMS):
            if where == tuple(path) or (where == ("company", "name") and tuple(path) == ("company", "name_en")):
                return r, 0
        return None
