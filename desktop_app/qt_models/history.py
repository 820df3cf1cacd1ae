"""The history table (the figures behind the report's figures 3–6): one row per
metric, one column per year. Reported values are inputs (blue, editable: a
typed value is stored at ``("history", metric, year)``); ratios the engine
derives from raw figures (``models.analysis.history``) are shown in italics,
read-only, with what they are derived from."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from models.analysis.history import DERIVATIONS, HistoryTable, history_table
from models.dossier import HISTORY_METRICS, HISTORY_RATIOS
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, NUMBER, PERCENT
from desktop_app.qt_models.base import CLEAR, DERIVED_BRUSH, INPUT_BRUSH, GridTableModel

_ITALIC = QFont()
_ITALIC.setItalic(True)


def metric_labels() -> dict[str, str]:
    """The names of the history metrics in the current language."""
    return {
        "operating_margin": QCoreApplication.translate("History", "Operating margin"),
        "net_margin_deducted": QCoreApplication.translate("History", "Net margin excl. non-recurring items"),
        "roe": QCoreApplication.translate("History", "ROE"),
        "roic": QCoreApplication.translate("History", "ROIC"),
        "revenue_growth": QCoreApplication.translate("History", "Revenue growth"),
        "operating_profit_growth": QCoreApplication.translate("History", "Operating profit growth"),
        "net_profit_growth": QCoreApplication.translate("History", "Net profit growth"),
        "ocf_to_revenue": QCoreApplication.translate("History", "Operating cash flow / revenue"),
        "net_payables_to_assets": QCoreApplication.translate("History", "Net payables / total assets"),
        "payout_ratio": QCoreApplication.translate("History", "Payout ratio"),
        "rd_to_revenue": QCoreApplication.translate("History", "R&D / revenue"),
        "revenue": QCoreApplication.translate("History", "Revenue"),
        "operating_profit": QCoreApplication.translate("History", "Operating profit"),
        "net_profit_attributable": QCoreApplication.translate("History", "Net profit attributable"),
        "equity": QCoreApplication.translate("History", "Equity"),
        "operating_cash_flow": QCoreApplication.translate("History", "Operating cash flow"),
        "dividends": QCoreApplication.translate("History", "Dividends"),
        "rd_expense": QCoreApplication.translate("History", "R&D expense"),
    }


def metric_label(metric: str) -> str:
    """A known metric's translated name; a file's own metric as written."""
    return metric_labels().get(metric, metric)


def derivation_text(metric: str, year: int) -> str:
    """What a derived value of ``metric`` in ``year`` is computed from."""
    rule = DERIVATIONS[metric]
    if rule[0] == "growth":
        return fill(QCoreApplication.translate(
            "History", "Derived from %1 in %2 and %3; type the raw figures to change it."),
            metric_label(rule[1]), str(year - 1), str(year))
    return fill(QCoreApplication.translate(
        "History", "Derived from %1 ÷ %2 of %3; type the raw figures to change it."),
        metric_label(rule[1]), metric_label(rule[2]), str(year))


class HistoryTableModel(GridTableModel):
    """Rows: every metric the app knows (figures 3–6, then the raw figures),
    then the file's own numeric metrics. Columns: the years of the history
    and the model's actual years."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.table: HistoryTable | None = None
        self.metrics: list[str] = []
        self.years: list[int] = []

    # the shape ------------------------------------------------------------
    def _shape(self, state) -> tuple[HistoryTable, list[str], list[int]]:
        table = history_table(state.model)
        extra = [m for m in table.metrics if m not in HISTORY_METRICS]
        years = sorted(set(table.years) | set(state.model.actual_years))
        return table, list(HISTORY_METRICS) + extra, years

    def _layout(self, state) -> None:
        self.table, self.metrics, self.years = self._pending

    def _relabel(self, state) -> None:
        """Nothing kept here depends on the language (the metrics' names are read per call)."""

    def _derived_cells(self) -> set:
        if self.table is None:
            return set()
        return {(m, y) for m, row in self.table.metrics.items() for y, v in row.items() if v.derived}

    def update_state(self, state, structure_changed: bool) -> None:
        # a new metric or year (typed into the file elsewhere) changes the shape
        self._pending = self._shape(state)
        _, metrics, years = self._pending
        before = self._derived_cells()
        reshaped = structure_changed or metrics != self.metrics or years != self.years
        super().update_state(state, reshaped)
        after = self._derived_cells()
        if not reshaped and before != after:   # a mark changed where the value did not
            cells = {(self.metrics.index(m), self.years.index(y)) for m, y in before ^ after
                     if m in self.metrics and y in self.years}
            for key in cells:
                self._visual.pop(key, None)
            self._emit_cells(cells)

    def _compute(self, state):
        table, metrics, years = self._pending
        self.table = table
        values = np.full((len(metrics), len(years)), np.nan)
        for r, metric in enumerate(metrics):
            for c, year in enumerate(years):
                found = table.value(metric, year)
                if found is not None:
                    values[r, c] = found.value
        return values, {}

    # cells ------------------------------------------------------------------
    def is_derived(self, row: int, col: int) -> bool:
        found = self.table.value(self.metrics[row], self.years[col]) if self.table else None
        return bool(found and found.derived)

    def cell_kind(self, row: int, col: int) -> str:
        metric = self.metrics[row]
        if metric in HISTORY_RATIOS:
            return PERCENT
        return MONEY if metric in HISTORY_METRICS else NUMBER

    def path_of(self, row: int, col: int) -> tuple:
        return ("history", self.metrics[row], str(self.years[col]))

    def cell_for_path(self, path: tuple):
        if len(path) == 3 and path[0] == "history" and path[1] in self.metrics:
            try:
                year = int(path[2])
            except (TypeError, ValueError):
                return None
            if year in self.years:
                return self.metrics.index(path[1]), self.years.index(year)
        return None

    def is_editable(self, row: int, col: int) -> bool:
        return not self.is_derived(row, col)

    def read_only_reason(self, row: int, col: int) -> str:
        return fill("%1: %2", self.cell_label(row, col),
                    derivation_text(self.metrics[row], self.years[col]))

    def _apply(self, row: int, col: int, value, txn) -> None:
        if value is CLEAR:
            txn.delete(self.path_of(row, col))
            return
        txn.set(self.path_of(row, col), float(value))

    def parse(self, value, row: int, col: int):
        """An emptied cell removes the figure (a history may have gaps)."""
        if isinstance(value, str) and not value.strip():
            return CLEAR
        return super().parse(value, row, col)

    def header_text(self, section: int, orientation: Qt.Orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return str(self.years[section])
        metric = self.metrics[section]
        if metric in HISTORY_METRICS and metric not in HISTORY_RATIOS and self.state is not None:
            return fill("%1 (%2)", metric_label(metric), i18n.unit_text(self.state.model.unit))
        return metric_label(metric)

    def cell_foreground(self, row: int, col: int):
        return DERIVED_BRUSH if self.is_derived(row, col) else INPUT_BRUSH

    def cell_font(self, row: int, col: int):
        return _ITALIC if self.is_derived(row, col) else None

    def cell_tooltip(self, row: int, col: int) -> str:
        if self.is_derived(row, col):
            return derivation_text(self.metrics[row], self.years[col])
        return ""

    def shown(self, metric: str, year: int) -> float:
        """The value shown for ``metric`` in ``year`` (NaN when blank)."""
        if metric not in self.metrics or year not in self.years:
            return math.nan
        return float(self._values[self.metrics.index(metric), self.years.index(year)])
