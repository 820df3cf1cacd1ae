"""The history page: the report's figures 3–6 (profitability, growth, business
control and financial health, shareholder return) as trend charts, with the
table of figures beneath.

Everything shown comes from ``models.analysis.history.history_table`` (through
the table model): a ratio the file does not give but its raw figures allow is
derived there and marked here (a dashed line and a hollow point in the
charts; an italic, read-only cell with what it is derived from in the table).
Typing a value into the table stores it in ``history`` as one undo step.
The charts are built once; each state only feeds them new data.
"""
from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from models.analysis.history import FIGURES
from desktop_app.plots.colors import BACKGROUND, DDM_COLOR, DYNAMIC_COLOR, FOREGROUND
from desktop_app.plots.style import keep_or_set_range, new_layout_widget, set_title, style_plot
from desktop_app.qt_models.history import HistoryTableModel, metric_label
from desktop_app.theme import STATUS_COLORS
from desktop_app.widgets.spreadsheet import SpreadsheetView

# Line colours of a figure's metrics, in FIGURES order.
SERIES_COLORS = (DDM_COLOR, DYNAMIC_COLOR, STATUS_COLORS["undervalued"], STATUS_COLORS["overvalued"])


def figure_titles() -> dict[str, str]:
    return {
        "profitability": QCoreApplication.translate("History", "Profitability"),
        "growth": QCoreApplication.translate("History", "Growth"),
        "control": QCoreApplication.translate("History", "Business control and financial health"),
        "shareholder_return": QCoreApplication.translate("History", "Shareholder return"),
    }


class PercentAxis(pg.AxisItem):
    """Ticks of decimal rates as percentages."""

    def tickStrings(self, values, scale, spacing):
        digits = 0 if spacing * 100 >= 1 else 1
        return [f"{v * 100:.{digits}f}%".replace("-", "−") for v in values]


class YearAxis(pg.AxisItem):
    """Whole years only."""

    def tickStrings(self, values, scale, spacing):
        return [str(int(round(v))) if abs(v - round(v)) < 1e-6 else "" for v in values]


class TrendCurve:
    """One metric in one figure: a solid line between reported values, a
    dashed one wherever a derived value is involved; points filled when
    reported, hollow when derived."""

    def __init__(self, plot: pg.PlotItem, metric: str, color: str):
        self.metric = metric
        self.color = color
        self.dashed = pg.PlotDataItem(pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine))
        self.solid = pg.PlotDataItem(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=7,
                                     symbolPen=pg.mkPen(color, width=1.5))
        plot.addItem(self.dashed)
        plot.addItem(self.solid)
        self.x = np.empty(0)
        self.y = np.empty(0)
        self.derived = np.empty(0, dtype=bool)

    def set_data(self, years: list[int], values: np.ndarray, derived: np.ndarray) -> None:
        keep = np.isfinite(values)
        x, y, d = np.asarray(years, dtype=float)[keep], values[keep], derived[keep]
        if np.array_equal(x, self.x) and np.array_equal(y, self.y) and np.array_equal(d, self.derived):
            return   # nothing to redraw
        self.x, self.y, self.derived = x, y, d
        both_reported = ~self.derived[:-1] & ~self.derived[1:] if self.y.size > 1 else np.zeros(0, bool)
        solid_links = np.append(both_reported, False)
        dashed_links = np.append(~both_reported, False)
        brushes = [pg.mkBrush(BACKGROUND if d else self.color) for d in self.derived]
        self.solid.setData(self.x, self.y, connect=solid_links, symbolBrush=brushes)
        self.dashed.setData(self.x, self.y, connect=dashed_links)


class HistoryPage(QWidget):
    """See the module docstring."""

    refused = Signal(str)   # typing on a derived cell was refused: the message

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.document = document
        self.refused.connect(document.editRejected)   # the window shows the document's refusals
        self.controller = controller
        self.table_model = HistoryTableModel(document, self)
        self.view = SpreadsheetView()
        self.view.setObjectName("historyView")
        self.view.setModel(self.table_model)
        self.view.refused.connect(self.refused)
        self.view.verticalHeader().setMinimumWidth(220)
        self.table_model.modelReset.connect(self.view.resizeColumnsToContents)
        self.table_model.headerDataChanged.connect(lambda *args: self.view.resizeColumnsToContents())

        self.charts = new_layout_widget()
        self.charts.setObjectName("historyCharts")
        self.plots: dict[str, pg.PlotItem] = {}
        self.legends: dict[str, pg.LegendItem] = {}
        self.curves: dict[str, list[TrendCurve]] = {}
        for n, (key, metrics) in enumerate(FIGURES.items()):
            row, col = (n // 2) * 2, n % 2
            plot = self.charts.addPlot(row=row, col=col,
                                       axisItems={"left": PercentAxis("left"), "bottom": YearAxis("bottom")})
            style_plot(plot)
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.addLine(y=0, pen=pg.mkPen(FOREGROUND, width=0.8))
            # the legend in a row of its own beneath the plot: it never covers a line
            legend = pg.LegendItem(colCount=len(metrics), labelTextColor=FOREGROUND, labelTextSize="8pt",
                                   horSpacing=18, frame=False)
            legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            legend.setMaximumHeight(24)
            self.charts.addItem(legend, row=row + 1, col=col)
            self.plots[key] = plot
            self.legends[key] = legend
            self.curves[key] = [TrendCurve(plot, m, SERIES_COLORS[i % len(SERIES_COLORS)])
                                for i, m in enumerate(metrics)]

        self._shown = None   # the history last shown (to skip edits that leave it alone)
        self.table_box = QGroupBox()
        box_layout = QVBoxLayout(self.table_box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.charts)
        self.splitter.addWidget(self.table_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        self.retranslate()

    # the protocol -----------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        # Most edits (a forecast, a parameter) leave the history as it was:
        # then nothing here changes and nothing is redrawn.
        model = state.model
        key = (copy.deepcopy(model.doc.get("history")), model.unit, tuple(model.actual_years))
        if not structure_changed and key == self._shown and state.model is getattr(self.table_model.state, "model", None):
            self.table_model.state = state
            return
        self._shown = key
        self.table_model.update_state(state, structure_changed)
        table = self.table_model.table
        years = table.years
        for key, curves in self.curves.items():
            lo, hi = 0.0, 0.0
            for curve in curves:
                values, derived = table.series(curve.metric)
                curve.set_data(years, values, derived)
                if curve.y.size:
                    lo, hi = min(lo, float(curve.y.min())), max(hi, float(curve.y.max()))
            plot = self.plots[key]
            if years:
                x_range = (years[0] - 0.4, years[-1] + 0.4)
                if tuple(plot.getViewBox().viewRange()[0]) != x_range:
                    plot.setXRange(*x_range, padding=0)
            keep_or_set_range(plot.getViewBox(), lo, hi, pad=0.1)

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        cell = self.table_model.cell_for_path(tuple(path))
        if cell is None:
            return False
        if visible_only and not self.isVisible():
            return False
        index = self.table_model.index(*cell)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if focus:
            self.view.setFocus()
        return True

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        titles = figure_titles()
        for key, plot in self.plots.items():
            set_title(plot, titles[key])
            legend = self.legends[key]
            legend.clear()
            for curve in self.curves[key]:
                legend.addItem(curve.solid, metric_label(curve.metric))
        self.table_box.setTitle(self.tr("Figures by year (blue: reported, editable; italic, dashed line, hollow point: derived from raw figures)"))
        self.table_model.retranslate()
