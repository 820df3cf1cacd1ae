"""The mix table (the figures behind the report's figures 1–2): one row per
segment and the total; revenue, its share, gross profit, its share, for the
year the mix page shows. Read-only: the figures are the segments' own, edited
on the valuation page. Computed by ``models.analysis.mix``."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from models.analysis.mix import Mix, gross_profit_mix, revenue_mix
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, PERCENT
from desktop_app.qt_models.base import TOTAL_BRUSH, GridTableModel

_BOLD = QFont()
_BOLD.setBold(True)
COLUMNS = ("revenue", "revenue_share", "gross_profit", "gross_profit_share")


def default_year(model) -> int:
    """The year the mix shows first: the first estimate year (the report's
    figures 1–2), else the last year."""
    years = model.years
    return model.first_forecast_year if model.first_forecast_year in years else years[-1]


class MixTableModel(GridTableModel):
    """See the module docstring. ``year`` is set by the page (None = default)."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.year: int | None = None
        self.revenue: Mix | None = None
        self.gross: Mix | None = None
        self._names: list[str] = []

    def shown_year(self, model) -> int:
        return self.year if self.year in model.years else default_year(model)

    def _layout(self, state) -> None:
        self._names = list(i18n.segment_names(state.model))

    def _compute(self, state):
        model = state.model
        year = self.shown_year(model)
        self.revenue, self.gross = revenue_mix(model, year), gross_profit_mix(model, year)
        n = model.segment_count
        values = np.full((n + 1, len(COLUMNS)), np.nan)
        for i in range(n):
            r, g = self.revenue.parts[i], self.gross.parts[i]
            values[i] = [np.nan if x is None else x for x in (r.value, r.share, g.value, g.share)]
        for c, mix in ((0, self.revenue), (2, self.gross)):
            if mix.total is not None:
                values[n, c] = mix.total
                if any(p.share is not None for p in mix.parts):
                    values[n, c + 1] = 1.0
        texts = {}
        for i in self.gross.missing:
            texts[(i, 2)] = QCoreApplication.translate("Mix", "no figure")
        return values, texts

    def cell_kind(self, row: int, col: int) -> str:
        return PERCENT if col % 2 else MONEY

    def read_only_reason(self, row: int, col: int) -> str:
        return fill(QCoreApplication.translate(
            "Mix", "%1 is computed from the segments' revenue and gross figures; edit those on the valuation page."),
            self.cell_label(row, col))

    def header_text(self, section: int, orientation: Qt.Orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            unit = i18n.unit_text(self.state.model.unit) if self.state is not None else ""
            return {
                "revenue": fill(QCoreApplication.translate("Mix", "Revenue (%1)"), unit),
                "revenue_share": QCoreApplication.translate("Mix", "Revenue share"),
                "gross_profit": fill(QCoreApplication.translate("Mix", "Gross profit (%1)"), unit),
                "gross_profit_share": QCoreApplication.translate("Mix", "Gross profit share"),
            }[COLUMNS[section]]
        if section < len(self._names):
            return self._names[section]
        return QCoreApplication.translate("Mix", "Total")

    def cell_brush(self, row: int, col: int):
        return TOTAL_BRUSH if row == len(self._names) else None

    def cell_font(self, row: int, col: int):
        return _BOLD if row == len(self._names) else None

    def cell_tooltip(self, row: int, col: int) -> str:
        if col >= 2 and self.gross is not None and not self.gross.complete:
            return QCoreApplication.translate(
                "Mix", "Some segments have no gross figure this year; the shares are of the segments that have one.")
        return ""

    def update_state(self, state, structure_changed: bool) -> None:
        # a renamed segment changes the row headers
        renamed = list(i18n.segment_names(state.model)) != self._names
        super().update_state(state, structure_changed or renamed)
