"""Segment forecast tables (the report's table 3) and company totals (table 2).

One model holds every segment: a block of six rows per segment, a title row
(the segment's name, editable = rename) followed by revenue, revenue growth,
operating net profit, operating net margin and profit growth. Columns are the
model's years, marked A (actual) or E (estimate). Estimate years are driven by
growth and margin; typing a revenue or a profit is inverted to them by
``models.forecast.edit_cell``.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from models import display, forecast as engine_forecast
from models import tables
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, PERCENT, TEXT
from desktop_app.qt_models.base import (ACTUAL_BRUSH, DERIVED_BRUSH, INPUT_BRUSH, TITLE_BRUSH, GridTableModel, tr)

BLOCK = 1 + len(engine_forecast.ROWS)   # title row + five data rows
ROW_KINDS = {"revenue": MONEY, "growth": PERCENT, "net_profit": MONEY, "margin": PERCENT,
             "profit_growth": PERCENT}
# which stored field an issue on ``forecast.<year>.<field>`` / ``actuals.<year>.<field>`` marks
_FIELD_ROW = {"growth": "growth", "margin": "margin", "revenue": "revenue", "net_profit": "net_profit"}

_BOLD = QFont()
_BOLD.setBold(True)


def row_label(row: str, unit: str) -> str:
    if row == "revenue":
        return fill(tr("Revenue (%1)"), unit)
    if row == "growth":
        return tr("Revenue growth")
    if row == "net_profit":
        return fill(tr("Operating net profit (%1)"), unit)
    if row == "margin":
        return tr("Operating net margin")
    return tr("Operating net profit growth")


def year_label(year: int, is_actual: bool) -> str:
    return f"{year}{'A' if is_actual else 'E'}"


def display_unit(unit: str) -> str:
    """The model's money unit as shown (亿元 in English reads "CNY 100m")."""
    return i18n.unit_text(unit)


class SegmentForecastTableModel(GridTableModel):
    """All segments' forecast tables in one spreadsheet-like model."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self._years: list[int] = []
        self._is_actual: list[bool] = []
        self._segments = 0
        self._unit = ""

    # structure -----------------------------------------------------------
    def _layout(self, state) -> None:
        model = state.model
        self._years = model.years
        ffy = model.first_forecast_year
        self._is_actual = [y < ffy for y in self._years]
        self._segments = model.segment_count
        self._unit = display_unit(model.unit)

    # the only two places that know a segment is a block of BLOCK rows
    def row_info(self, row: int) -> tuple[int, str | None]:
        """(segment index, engine row name or None for the title row)."""
        seg, k = divmod(row, BLOCK)
        return seg, (None if k == 0 else engine_forecast.ROWS[k - 1])

    def row_of(self, segment: int, name: str | None) -> int:
        return segment * BLOCK + (0 if name is None else 1 + engine_forecast.ROWS.index(name))

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """``("segments", 0, "forecast", "2026", "growth")`` → that cell;
        ``("segments", 0)`` (a finding about the whole segment) and
        ``("segments", 0, "name")`` → the segment's title cell."""
        if len(path) < 2 or path[0] != "segments" or not isinstance(path[1], int) \
                or not 0 <= path[1] < self._segments:
            return None
        seg = path[1]
        if len(path) == 2 or path[2:] == ("name",):
            return self.row_of(seg, None), 0
        if len(path) == 5 and path[2] in ("forecast", "actuals") and path[4] in _FIELD_ROW:
            year = str(path[3])
            for col, y in enumerate(self._years):
                if str(y) == year:
                    return self.row_of(seg, _FIELD_ROW[path[4]]), col
        return None

    def is_title_row(self, row: int) -> bool:
        return self.row_info(row)[1] is None

    def year_of(self, col: int) -> int:
        return self._years[col]

    def _compute(self, state):
        model = state.model
        tables = state.segment_tables
        years = len(model.years)
        values = np.full((self.row_of(len(tables), None), years), np.nan)
        texts = {}
        offsets = [(self.row_of(0, key), key) for key in engine_forecast.ROWS]
        names = i18n.segment_names(model)
        for i, t in enumerate(tables):
            title = self.row_of(i, None)
            for offset, key in offsets:
                values[title + offset] = t.row(key)
            texts[(title, 0)] = names[i]
        return values, texts

    # cells -----------------------------------------------------------------
    def cell_kind(self, row: int, col: int) -> str:
        _, name = self.row_info(row)
        return TEXT if name is None else ROW_KINDS[name]

    def is_editable(self, row: int, col: int) -> bool:
        _, name = self.row_info(row)
        if name is None:
            return col == 0
        if self._is_actual[col]:
            # History is what was reported: revenue and net profit are typed in;
            # their growth and margin are read-only, so a pasted row of growth
            # rates never rewrites an actual year.
            return name in ("revenue", "net_profit")
        return True

    def read_only_reason(self, row: int, col: int) -> str:
        _, name = self.row_info(row)
        if name is not None and self._is_actual[col] and name not in ("revenue", "net_profit"):
            return fill(tr("%1 is an actual year: its rates follow from the reported revenue and profit, "
                           "which you can edit."), self.cell_label(row, col))
        return super().read_only_reason(row, col)

    def is_input(self, row: int, col: int) -> bool:
        """Stored in the file (blue) rather than derived (black)."""
        _, name = self.row_info(row)
        if name is None:
            return False
        if self._is_actual[col]:
            return name in ("revenue", "net_profit")
        return name in ("growth", "margin")

    def _apply(self, row: int, col: int, value, txn) -> None:
        seg, name = self.row_info(row)
        if name is None:
            if display.name_field(txn.model, seg, i18n.engine_lang()) == "name_en":   # the name the reader sees
                if not isinstance(value, str) or not value.strip():
                    engine_forecast.rename_segment(txn.model, seg, value)   # refused as the name is
                txn.set(("segments", seg, "name_en"), value.strip())
                return
            txn.record_call(("segments", seg, "name"),
                            lambda: engine_forecast.rename_segment(txn.model, seg, value))
            return
        txn.set_many(engine_forecast.edit_cell(txn.model, seg, self._years[col], name, value))

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return year_label(self._years[section], self._is_actual[section])
        seg, name = self.row_info(section)
        if name is None:
            return fill(tr("Segment %1"), str(seg + 1))
        return row_label(name, self._unit)

    def cell_label(self, row: int, col: int) -> str:
        seg, name = self.row_info(row)
        seg_name = self._texts.get((self.row_of(seg, None), 0), "")
        if name is None:
            return fill(tr("%1 · name"), seg_name)
        return f"{seg_name} · {row_label(name, self._unit)} · {year_label(self._years[col], self._is_actual[col])}"

    def cell_brush(self, row: int, col: int):
        if self.is_title_row(row):
            return TITLE_BRUSH
        if self._is_actual[col]:
            return ACTUAL_BRUSH
        return None

    def cell_foreground(self, row: int, col: int):
        if self.is_title_row(row):
            return None
        return INPUT_BRUSH if self.is_input(row, col) else DERIVED_BRUSH

    def cell_font(self, row: int, col: int):
        return _BOLD if self.is_title_row(row) else None

    def cell_tooltip(self, row: int, col: int) -> str:
        if self.is_title_row(row):
            seg = self.row_info(row)[0]
            if self.state is not None and seg < self.state.model.segment_count:
                # the other language's name, where it differs (the English name in Chinese)
                other = self.state.model.segments[seg].get("name_en")
                shown = self._texts.get((row, 0), "")
                return str(other) if i18n.engine_lang() == "zh" and other and other != shown else ""
        return ""


COMPANY_ROWS = tables.COMPANY_ROWS
_COMPANY_KINDS = {"revenue": MONEY, "revenue_growth": PERCENT, "operating_net_profit": MONEY,
                  "operating_profit_growth": PERCENT, "non_operating_profit": MONEY,
                  "minority_profit": MONEY, "net_profit_attributable": MONEY, "net_profit_growth": PERCENT,
                  "operating_net_profit_attributable": MONEY, "operating_attributable_growth": PERCENT}
_COMPANY_EDITABLE = {"non_operating_profit", "minority_profit"}


def company_row_label(key: str, unit: str) -> str:
    """A row of the company totals (table 2); money rows name ``unit``."""
    return {
        "revenue": fill(tr("Revenue (%1)"), unit),
        "revenue_growth": tr("Revenue growth"),
        "operating_net_profit": fill(tr("Operating net profit (%1)"), unit),
        "operating_profit_growth": tr("Operating net profit growth"),
        "non_operating_profit": fill(tr("Non-operating profit (%1)"), unit),
        "minority_profit": fill(tr("Minority interests' profit (%1)"), unit),
        "net_profit_attributable": fill(tr("Net profit attributable (%1)"), unit),
        "net_profit_growth": tr("Net profit attributable growth"),
        "operating_net_profit_attributable": fill(tr("Operating net profit attributable (%1)"), unit),
        "operating_attributable_growth": tr("Operating net profit attributable growth"),
    }[key]


class CompanyTotalsTableModel(GridTableModel):
    """Company totals per year (table 2). Non-operating and minority profit are
    inputs (``company_forecast``); every other row is the engine's sum."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self._years: list[int] = []
        self._is_actual: list[bool] = []
        self._unit = ""

    def _layout(self, state) -> None:
        model = state.model
        self._years = model.years
        self._is_actual = [y < model.first_forecast_year for y in self._years]
        self._unit = display_unit(model.unit)

    def _compute(self, state):
        t = state.company_table
        values = np.vstack([t.row(name) for name in COMPANY_ROWS]).astype(float)
        return values, {}

    def cell_kind(self, row: int, col: int) -> str:
        return _COMPANY_KINDS[COMPANY_ROWS[row]]

    def is_editable(self, row: int, col: int) -> bool:
        return COMPANY_ROWS[row] in _COMPANY_EDITABLE

    def _apply(self, row: int, col: int, value, txn) -> None:
        txn.set(("company_forecast", COMPANY_ROWS[row], str(self._years[col])), float(value))

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """``("company_forecast", "minority_profit", "2026")`` → that cell."""
        if len(path) == 3 and path[0] == "company_forecast" and path[1] in _COMPANY_EDITABLE:
            for col, y in enumerate(self._years):
                if str(y) == str(path[2]):
                    return COMPANY_ROWS.index(path[1]), col
        return None

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return year_label(self._years[section], self._is_actual[section])
        return company_row_label(COMPANY_ROWS[section], self._unit)

    def cell_brush(self, row: int, col: int):
        return ACTUAL_BRUSH if self._is_actual[col] else None

    def cell_foreground(self, row: int, col: int):
        return INPUT_BRUSH if COMPANY_ROWS[row] in _COMPANY_EDITABLE else DERIVED_BRUSH

    def cell_font(self, row: int, col: int):
        return _BOLD if COMPANY_ROWS[row] == "net_profit_attributable" else None
