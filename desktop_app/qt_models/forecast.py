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

from models import forecast as engine_forecast
from desktop_app.numbers import MONEY, PERCENT, TEXT
from desktop_app.qt_models.base import (ACTUAL_BRUSH, DERIVED_BRUSH, INPUT_BRUSH, TITLE_BRUSH, GridModel, tr)
from desktop_app.qt_models.issues import join_messages, split_segment_path

BLOCK = 1 + len(engine_forecast.ROWS)   # title row + five data rows
ROW_KINDS = {"revenue": MONEY, "growth": PERCENT, "net_profit": MONEY, "margin": PERCENT,
             "profit_growth": PERCENT}
# which stored field an issue on ``forecast.<year>.<field>`` / ``actuals.<year>.<field>`` marks
_FIELD_ROW = {"growth": "growth", "margin": "margin", "revenue": "revenue", "net_profit": "net_profit"}

_BOLD = QFont()
_BOLD.setBold(True)


def row_label(row: str, unit: str) -> str:
    if row == "revenue":
        return tr("Revenue (%1)").replace("%1", unit)
    if row == "growth":
        return tr("Revenue growth")
    if row == "net_profit":
        return tr("Operating net profit (%1)").replace("%1", unit)
    if row == "margin":
        return tr("Operating net margin")
    return tr("Operating net profit growth")


def year_label(year: int, is_actual: bool) -> str:
    return f"{year}{'A' if is_actual else 'E'}"


def display_unit(unit: str) -> str:
    """The model's money unit as shown (亿元 in English reads "100M CNY")."""
    if unit == "亿元":
        return tr("亿元")
    return unit


class SegmentForecastModel(GridModel):
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

    def locate(self, row: int) -> tuple[int, str | None]:
        """(segment index, engine row name or None for the title row)."""
        seg, k = divmod(row, BLOCK)
        return seg, (None if k == 0 else engine_forecast.ROWS[k - 1])

    def row_of(self, segment: int, name: str | None) -> int:
        return segment * BLOCK + (0 if name is None else 1 + engine_forecast.ROWS.index(name))

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """The (row, column) showing the input at an engine path, e.g.
        ``("segments", 0, "forecast", "2026", "growth")``; None if not here."""
        if len(path) != 5 or path[0] != "segments" or path[2] not in ("forecast", "actuals") \
                or path[4] not in _FIELD_ROW:
            return None
        model = self.document.model
        years = [str(y) for y in model.years]
        if not (0 <= path[1] < model.segment_count) or path[3] not in years:
            return None
        return self.row_of(path[1], _FIELD_ROW[path[4]]), years.index(path[3])

    def is_title_row(self, row: int) -> bool:
        return row % BLOCK == 0

    def year_of(self, col: int) -> int:
        return self._years[col]

    def _compute(self, state):
        model = state.model
        tables = state.segment_tables
        years = len(model.years)
        values = np.full((len(tables) * BLOCK, years), np.nan)
        texts = {}
        for i, t in enumerate(tables):
            base = i * BLOCK
            values[base + 1] = t.revenue
            values[base + 2] = t.growth
            values[base + 3] = t.net_profit
            values[base + 4] = t.margin
            values[base + 5] = t.profit_growth
            texts[(base, 0)] = model.segments[i]["name"]
        return values, texts

    def _compute_marks(self, state) -> dict:
        model = state.model
        years = [str(y) for y in model.years]
        grouped: dict[tuple[int, int], list] = {}
        for path, issues in state.issues_by_path.items():
            loc = split_segment_path(path)
            if loc is None:
                continue
            seg, rest = loc
            parts = rest.split(".")
            if len(parts) == 3 and parts[0] in ("forecast", "actuals") and parts[1] in years \
                    and parts[2] in _FIELD_ROW and seg < model.segment_count:
                cell = (self.row_of(seg, _FIELD_ROW[parts[2]]), years.index(parts[1]))
                grouped.setdefault(cell, []).extend(issues)
            elif rest == "" and seg < model.segment_count:
                grouped.setdefault((self.row_of(seg, None), 0), []).extend(issues)
        return {cell: join_messages(issues) for cell, issues in grouped.items()}

    # cells -----------------------------------------------------------------
    def cell_kind(self, row: int, col: int) -> str:
        _, name = self.locate(row)
        return TEXT if name is None else ROW_KINDS[name]

    def is_editable(self, row: int, col: int) -> bool:
        _, name = self.locate(row)
        if name is None:
            return col == 0
        if self._is_actual[col]:
            # History is what was reported: revenue and net profit are typed in;
            # their growth and margin are read-only, so a pasted row of growth
            # rates never rewrites an actual year.
            return name in ("revenue", "net_profit")
        return True

    def read_only_reason(self, row: int, col: int) -> str:
        _, name = self.locate(row)
        if name is not None and self._is_actual[col] and name not in ("revenue", "net_profit"):
            return tr("%1 is an actual year: its rates follow from the reported revenue and profit, "
                      "which you can edit.").replace("%1", self.cell_label(row, col))
        return super().read_only_reason(row, col)

    def is_input(self, row: int, col: int) -> bool:
        """Stored in the file (blue) rather than derived (black)."""
        _, name = self.locate(row)
        if name is None:
            return False
        if self._is_actual[col]:
            return name in ("revenue", "net_profit")
        return name in ("growth", "margin")

    def _apply(self, row: int, col: int, value, txn) -> None:
        seg, name = self.locate(row)
        if name is None:
            txn.record_call(("segments", seg, "name"),
                            lambda: engine_forecast.rename_segment(txn.model, seg, value))
            return
        txn.set_many(engine_forecast.edit_cell(txn.model, seg, self._years[col], name, value))

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return year_label(self._years[section], self._is_actual[section])
        seg, name = self.locate(section)
        if name is None:
            return tr("Segment %1").replace("%1", str(seg + 1))
        return row_label(name, self._unit)

    def cell_label(self, row: int, col: int) -> str:
        seg, name = self.locate(row)
        seg_name = self._texts.get((seg * BLOCK, 0), "")
        if name is None:
            return tr("%1 · name").replace("%1", seg_name)
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
            seg = row // BLOCK
            if self.state is not None and seg < self.state.model.segment_count:
                en = self.state.model.segments[seg].get("name_en")
                return str(en) if en else ""
        return ""

    def export_rows(self, corner: str = ""):
        """Long-ish CSV: segment, row, then one column per year."""
        header = [tr("Segment"), tr("Item")] + [self.header_text(c, Qt.Orientation.Horizontal)
                                                for c in range(self.columnCount())]
        rows = []
        for r in range(self.rowCount()):
            seg, name = self.locate(r)
            if name is None:
                continue
            line = [self._texts.get((seg * BLOCK, 0), ""), row_label(name, self._unit)]
            for c in range(self.columnCount()):
                v = float(self._values[r, c])
                line.append(None if np.isnan(v) else v)
            rows.append(line)
        return header, rows


COMPANY_ROWS = ("revenue", "revenue_growth", "operating_net_profit", "operating_profit_growth",
                "non_operating_profit", "minority_profit", "net_profit_attributable", "net_profit_growth",
                "operating_net_profit_attributable", "operating_attributable_growth")
_COMPANY_KINDS = {"revenue": MONEY, "revenue_growth": PERCENT, "operating_net_profit": MONEY,
                  "operating_profit_growth": PERCENT, "non_operating_profit": MONEY,
                  "minority_profit": MONEY, "net_profit_attributable": MONEY, "net_profit_growth": PERCENT,
                  "operating_net_profit_attributable": MONEY, "operating_attributable_growth": PERCENT}
_COMPANY_EDITABLE = {"non_operating_profit", "minority_profit"}


class CompanyTotalsModel(GridModel):
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

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return year_label(self._years[section], self._is_actual[section])
        name = COMPANY_ROWS[section]
        u = self._unit
        return {
            "revenue": tr("Revenue (%1)").replace("%1", u),
            "revenue_growth": tr("Revenue growth"),
            "operating_net_profit": tr("Operating net profit (%1)").replace("%1", u),
            "operating_profit_growth": tr("Operating net profit growth"),
            "non_operating_profit": tr("Non-operating profit (%1)").replace("%1", u),
            "minority_profit": tr("Minority interests' profit (%1)").replace("%1", u),
            "net_profit_attributable": tr("Net profit attributable (%1)").replace("%1", u),
            "net_profit_growth": tr("Net profit attributable growth"),
            "operating_net_profit_attributable": tr("Operating net profit attributable (%1)").replace("%1", u),
            "operating_attributable_growth": tr("Operating net profit attributable growth"),
        }[name]

    def cell_brush(self, row: int, col: int):
        return ACTUAL_BRUSH if self._is_actual[col] else None

    def cell_foreground(self, row: int, col: int):
        return INPUT_BRUSH if COMPANY_ROWS[row] in _COMPANY_EDITABLE else DERIVED_BRUSH

    def cell_font(self, row: int, col: int):
        return _BOLD if COMPANY_ROWS[row] == "net_profit_attributable" else None
