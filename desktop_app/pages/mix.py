"""The mix page: revenue and gross-profit mix by segment for a chosen year (the
report's figures 1–2), as horizontal bar charts with each share written at
its bar, and the table of the figures beneath.

The numbers are ``models.analysis.mix``'s (through the table model); the page
follows every edit: change a segment's revenue on the valuation page and the
mix here moves with it. The year selector is a view setting, not an edit.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.plots.colors import DDM_COLOR, DYNAMIC_COLOR, INVALID_COLOR
from desktop_app.plots.labels import money, pct
from desktop_app.plots.style import Label, keep_or_set_range, new_layout_widget, set_title, style_plot
from desktop_app.qt_models.mix import MixTableModel
from desktop_app.theme import STATUS_COLORS
from desktop_app.widgets.spreadsheet import SpreadsheetView

# Bar colours of the segments, in model order (repeating).
SEGMENT_COLORS = (DDM_COLOR, DYNAMIC_COLOR, STATUS_COLORS["undervalued"], STATUS_COLORS["overvalued"],
                  "#7b5ea7", "#2a9d8f", INVALID_COLOR)
_BAR_HEIGHT = 0.5


class ShareAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        return [f"{v * 100:.0f}%" for v in values]


class MixChart:
    """One mix as horizontal bars, the first segment on top; a segment without
    a figure gets no bar and says so in its label."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        style_plot(plot)
        plot.getAxis("left").setStyle(showValues=False)
        plot.getAxis("left").setWidth(6)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=_BAR_HEIGHT, width=[], brushes=[])
        plot.addItem(self.bars)
        self.labels: list[Label] = []
        self.names: list[Label] = []   # each segment's name above its bar
        self.shares = np.empty(0)
        self._widths = None

    def set_mix(self, mix, unit: str, names: list[str] | None = None) -> None:
        n = len(mix.parts)
        while len(self.labels) < n:
            self.labels.append(Label(self.plot, anchor=(0, 0.5), offset=(4, 0)))
            self.names.append(Label(self.plot, anchor=(0, 1), offset=(0, -2), size=9.0))
        shares = np.array([np.nan if p.share is None else p.share for p in mix.parts], dtype=float)
        self.shares = shares
        y = -np.arange(n, dtype=float)
        widths = np.where(np.isfinite(shares), shares, 0.0)
        brushes = [pg.mkBrush(SEGMENT_COLORS[i % len(SEGMENT_COLORS)]) for i in range(n)]
        if not np.array_equal(widths, self._widths):
            self._widths = widths
            self.bars.setOpts(x0=np.zeros(n), y=y, height=_BAR_HEIGHT, width=widths, brushes=brushes,
                              pen=pg.mkPen(None))
        none = QCoreApplication.translate("Mix", "no figure")
        for i, (label, name) in enumerate(zip(self.labels, self.names)):
            if i >= n:
                label.show(False)
                name.show(False)
                continue
            part = mix.parts[i]
            shown = names[part.index] if names and 0 <= part.index < len(names) else part.name
            name.set(shown, (0.0, float(y[i]) + _BAR_HEIGHT / 2))
            if part.value is None:
                text = none
            elif part.share is None:
                text = f"{money(part.value)} {unit}"
            else:
                text = f"{pct(part.share, signed=False)}  ({money(part.value)} {unit})"
            label.set(text, (float(widths[i]), float(y[i])))
        top = float(np.nanmax(widths)) if n else 1.0
        # room for the labels right of the longest bar; kept while the bars move a little
        keep_or_set_range(self.plot.getViewBox(), min(0.0, float(widths.min()) if n else 0.0),
                          max(top, 0.05) * 1.45, axis="x", pad=0.0, slack=1.3)
        y_range = (-(n - 1) - 0.5 if n else -1.0, 0.9)
        if tuple(self.plot.getViewBox().viewRange()[1]) != y_range:
            self.plot.setYRange(*y_range, padding=0)


class MixPage(QWidget):
    """See the module docstring."""

    refused = Signal(str)   # typing on the read-only table: the message

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("mixPage")
        self.document = document
        self.refused.connect(document.editRejected)   # the window shows the document's refusals
        self.controller = controller
        self.table_model = MixTableModel(document, self)
        self.view = SpreadsheetView()
        self.view.setObjectName("mixView")
        self.view.setModel(self.table_model)
        self.view.refused.connect(self.refused)
        self.table_model.modelReset.connect(self.view.resizeColumnsToContents)
        self.table_model.headerDataChanged.connect(lambda *args: self.view.resizeColumnsToContents())

        self.year_label = QLabel()
        self.year_box = QComboBox()
        self.year_box.setObjectName("mixYear")
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.year_label.setBuddy(self.year_box)
        self.note = QLabel()
        self.note.setObjectName("mixNote")
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addSpacing(16)
        top.addWidget(self.note, 1)

        self.charts_widget = new_layout_widget()
        self.charts_widget.setObjectName("mixCharts")
        self.revenue_chart = MixChart(self.charts_widget.addPlot(row=0, col=0, axisItems={"bottom": ShareAxis("bottom")}))
        self.gross_chart = MixChart(self.charts_widget.addPlot(row=0, col=1, axisItems={"bottom": ShareAxis("bottom")}))

        self.table_box = QGroupBox()
        box_layout = QVBoxLayout(self.table_box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.charts_widget)
        self.splitter.addWidget(self.table_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)
        self._filling = False
        self._state = None
        self.retranslate()

    # the year ----------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self.year_box.currentData()

    def set_year(self, year: int) -> bool:
        """Show the mix of ``year`` (one of the model's years)."""
        index = self.year_box.findData(year)
        if index < 0:
            return False
        self.year_box.setCurrentIndex(index)
        return True

    def _year_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.table_model.year = self.year_box.itemData(index)
        if self._state is not None:
            self._show(self._state, False)

    def _fill_years(self, model) -> None:
        shown = self.table_model.shown_year(model)
        items = [(y, f"{y}{'A' if y < model.first_forecast_year else 'E'}") for y in model.years]
        current = [(self.year_box.itemData(i), self.year_box.itemText(i)) for i in range(self.year_box.count())]
        self._filling = True
        try:
            if items != current:
                self.year_box.clear()
                for year, text in items:
                    self.year_box.addItem(text, year)
            self.year_box.setCurrentIndex(self.year_box.findData(shown))
        finally:
            self._filling = False

    # the protocol ------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        self._state = state
        if structure_changed or self.year_box.count() != len(state.model.years):
            self._fill_years(state.model)
        self._show(state, structure_changed)

    def _show(self, state, structure_changed: bool) -> None:
        self.table_model.update_state(state, structure_changed)
        unit, names = i18n.unit_text(state.model.unit), i18n.segment_names(state.model)
        self.revenue_chart.set_mix(self.table_model.revenue, unit, names)
        self.gross_chart.set_mix(self.table_model.gross, unit, names)
        self._retitle()

    def _retitle(self) -> None:
        mix = self.table_model.revenue
        if mix is None:
            return
        year = f"{mix.year}{'A' if mix.is_actual else 'E'}"
        for chart, text in ((self.revenue_chart, fill(QCoreApplication.translate("Mix", "Revenue mix, %1"), year)),
                            (self.gross_chart, fill(QCoreApplication.translate("Mix", "Gross-profit mix, %1"), year))):
            if chart.plot.titleLabel.text != text:
                set_title(chart.plot, text)
        gross = self.table_model.gross
        if gross.total is not None and not (gross.total > 0 and math.isfinite(gross.total)):
            self.note.setText(QCoreApplication.translate("Mix", "Gross profit is not positive in total this year: no shares."))
        elif not gross.complete:
            self.note.setText(QCoreApplication.translate("Mix", "Some segments have no gross figure this year; the gross-profit shares "
                                       "are of the segments that have one."))
        else:
            self.note.setText("")

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        return False   # the mix shows no input of its own

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("&Year:"))
        self.table_box.setTitle(self.tr("Mix by segment"))
        self.table_model.retranslate()
        self._retitle()
        if self._state is not None:
            self._show(self._state, False)
