"""The audit page, "the glass box": for the segment chosen, the DDM schedule
year by year and the dynamic valuation step by step
(``models.analysis.schedule``), each sum beside the value tables' figure; and
the source report's published figures (``reference``) beside ours, with each
total's difference located segment by segment
(``models.analysis.reference``). Everything here is read-only and computed by
the engine; the page only lays it out.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout,
                               QWidget)

from models.analysis.reference import compare_with_reference
from models.analysis.schedule import ddm_schedule, dynamic_steps
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, MULTIPLE, NUMBER, PERCENT, TEXT, format_value
from desktop_app.qt_models.base import TOTAL_BRUSH, GridTableModel
from desktop_app.qt_models.forecast import display_unit
from desktop_app.widgets.spreadsheet import SpreadsheetView
from desktop_app.widgets.steady import SteadyLabel

_BOLD = QFont()
_BOLD.setBold(True)
_DASH = "–"
CTX = "AuditPage"

#: Labels of value-table columns and company items (context "AuditPage").
ITEM_LABELS = {
    "explicit_value": QT_TRANSLATE_NOOP("AuditPage", "Explicit-period value"),
    "fade_value": QT_TRANSLATE_NOOP("AuditPage", "Fade-period value"),
    "forecast_value": QT_TRANSLATE_NOOP("AuditPage", "Forecast-period value"),
    "perpetual_value": QT_TRANSLATE_NOOP("AuditPage", "Perpetual value"),
    "business_value": QT_TRANSLATE_NOOP("AuditPage", "Business value"),
    "earnings_base": QT_TRANSLATE_NOOP("AuditPage", "Earnings base"),
    "multiple": QT_TRANSLATE_NOOP("AuditPage", "Composite multiple"),
    "post_explicit_value": QT_TRANSLATE_NOOP("AuditPage", "Post-explicit value"),
    "excess_cash": QT_TRANSLATE_NOOP("AuditPage", "Excess cash"),
    "minority_interest": QT_TRANSLATE_NOOP("AuditPage", "Minority interest"),
    "equity_investments": QT_TRANSLATE_NOOP("AuditPage", "Equity investments"),
    "not_located": QT_TRANSLATE_NOOP("AuditPage", "Not located (segments not broken down, rounding)"),
    "total": QT_TRANSLATE_NOOP("AuditPage", "Total value"),
    "market_cap": QT_TRANSLATE_NOOP("AuditPage", "Market capitalization"),
    "ddm": QT_TRANSLATE_NOOP("AuditPage", "DDM"),
    "dynamic": QT_TRANSLATE_NOOP("AuditPage", "Dynamic"),
}


def item_label(key: str) -> str:
    return QCoreApplication.translate(CTX, ITEM_LABELS[key])


def _fmt(value: float, digits: int) -> str:
    return format_value(value, NUMBER, digits)


class _ReadOnlyTable(GridTableModel):
    """Rows described by the subclass: ``self._rows`` of (header, kinds)."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.page = parent
        self._headers: list[str] = []
        self._kinds: list[list[str]] = []
        self._bold: set[int] = set()

    def cell_kind(self, row: int, col: int) -> str:
        return self._kinds[row][col] if row < len(self._kinds) else MONEY

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return self.column_label(section)
        return self._headers[section] if section < len(self._headers) else ""

    def column_label(self, section: int) -> str:
        return ""

    def read_only_reason(self, row: int, col: int) -> str:
        return fill(QCoreApplication.translate(CTX, "%1 is shown for checking and cannot be edited here."),
                    self.cell_label(row, col))

    def cell_brush(self, row: int, col: int):
        return TOTAL_BRUSH if row in self._bold else None

    def cell_font(self, row: int, col: int):
        return _BOLD if row in self._bold else None

    def _compute(self, state):
        box = self.page if self.page is not None and self.page.schedule is not None else None
        rows = self.rows(state, box) if box is not None else []
        cols = self.column_count()
        values = np.full((len(rows), cols), np.nan)
        texts: dict = {}
        self._headers, self._kinds, self._bold = [], [], set()
        for r, (header, cells, bold) in enumerate(rows):
            self._headers.append(header)
            kinds = []
            for c in range(cols):
                cell = cells[c] if c < len(cells) else None
                if cell is None:
                    texts[(r, c)] = ""
                    kinds.append(TEXT)
                    continue
                kind, value, text = cell
                kinds.append(kind)
                if kind == TEXT:
                    texts[(r, c)] = text
                else:
                    values[r, c] = value
                    if text is not None:
                        texts[(r, c)] = text
            self._kinds.append(kinds)
            if bold:
                self._bold.add(r)
        return values, texts

    def _emit_cells(self, cells: set) -> None:
        """The changed cells only, in as few signals as runs allow: down the
        columns (an edit moves a schedule's earnings, dividends and present
        values from its year on, not its discount factors) or along the rows,
        whichever takes fewer. Each signal repaints its cells' rectangle."""
        emit_runs(self, cells)

    def update_state(self, state, structure_changed: bool) -> None:
        # the row headers come with the values: a change of shape or of any header resets the view
        old_headers = list(self._headers)
        super().update_state(state, structure_changed)
        if self._headers != old_headers and self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)


def runs(cells: set, by_column: bool) -> list[tuple[int, int, int, int]]:
    """``cells`` ((row, col) pairs) as rectangles (top, left, bottom, right)
    one cell wide: contiguous runs down each column (``by_column``) or along
    each row."""
    lines: dict[int, list[int]] = {}
    for r, c in cells:
        if by_column:
            lines.setdefault(c, []).append(r)
        else:
            lines.setdefault(r, []).append(c)
    out = []
    for line in sorted(lines):
        along = sorted(lines[line])
        start = prev = along[0]
        for k in along[1:] + [None]:
            if k is not None and k == prev + 1:
                prev = k
                continue
            out.append((start, line, prev, line) if by_column else (line, start, line, prev))
            if k is not None:
                start = prev = k
    return out


def emit_runs(model, cells: set) -> None:
    """``dataChanged`` for exactly ``cells``, by the fewer of column and row runs."""
    if not cells:
        return
    down, across = runs(cells, True), runs(cells, False)
    for top, left, bottom, right in (down if len(down) <= len(across) else across):
        model.dataChanged.emit(model.index(top, left), model.index(bottom, right))


def money(v):
    return (MONEY, v, None)


def rate(v):
    return (PERCENT, v, None)


def factor(v):
    return (NUMBER, v, _fmt(v, 4))


def text(t):
    return (TEXT, math.nan, t)


class ScheduleTableModel(_ReadOnlyTable):
    """The chosen segment's DDM year by year, the terminal step and the sum."""

    COLUMNS = ("stage", "earnings", "growth", "payout_raw", "payout", "dividend", "discount_factor",
               "present_value")

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def column_label(self, section: int) -> str:
        return [self.tr("Stage"), self.tr("Earnings"), self.tr("Growth\n(payout)"), self.tr("Payout\n1 − g/ROE"),
                self.tr("Payout\nused"), self.tr("Dividend"), self.tr("Discount\nfactor"),
                self.tr("Present\nvalue")][section]

    def rows(self, state, box):
        s = box.schedule
        out = []
        for row in s.rows:
            stage = self.tr("explicit") if row.stage == "explicit" else self.tr("fade")
            if row.clamped:
                stage += " · " + (self.tr("clamped to 0") if row.clamped == "zero" else self.tr("clamped to 1"))
            out.append((f"{row.year}E", [text(stage), money(row.earnings), rate(row.growth), rate(row.payout_raw),
                                         rate(row.payout), money(row.dividend), factor(row.discount_factor),
                                         money(row.present_value)], False))
        t = s.terminal
        out.append((self.tr("Σ forecast period"), [text(fill(self.tr("%1 years"), len(s.rows))), None, None, None,
                                                    None, None, None, money(s.forecast_value)], True))
        stage = fill(self.tr("perpetuity from %1"), t.year)
        out.append((fill(self.tr("Terminal (value at %1)"), t.valued_at),
                    [text(stage), money(t.earnings), rate(t.growth), rate(t.payout_raw), rate(t.payout),
                     money(t.dividend), factor(t.discount_factor), money(t.present_value)], True))
        return out


class SumsTableModel(_ReadOnlyTable):
    """The schedule's sums beside the DDM value table's figures."""

    KEYS = ("explicit_value", "fade_value", "forecast_value", "perpetual_value", "business_value")

    def column_count(self) -> int:
        return 3

    def column_label(self, section: int) -> str:
        return [self.tr("Schedule (sum)"), self.tr("Value table"), self.tr("Difference")][section]

    def rows(self, state, box):
        s = box.schedule
        seg = state.result.ddm.segments[self.page.segment]
        out = []
        for key in self.KEYS:
            ours, table = getattr(s, key), getattr(seg, key)
            out.append((item_label(key), [money(ours), money(table), money(ours - table)], key == "business_value"))
        return out


class DynamicStepsTableModel(_ReadOnlyTable):
    """The chosen segment's dynamic valuation step by step, beside the
    dynamic value table's figures."""

    def column_count(self) -> int:
        return 3

    def column_label(self, section: int) -> str:
        return [self.tr("Glass box"), self.tr("Value table"), self.tr("Difference")][section]

    def rows(self, state, box):
        d = box.steps
        seg = state.result.dynamic.segments[self.page.segment]

        def beside(kind, ours, table):
            make = money if kind == MONEY else (lambda v: (kind, v, None))
            return [make(ours), make(table), make(ours - table)]

        w1, w2 = d.weights
        return [
            (fill(self.tr("Weight of %1E"), d.earlier_year), [rate(w1)], False),
            (fill(self.tr("Weight of %1E"), d.last_year), [rate(w2)], False),
            (fill(self.tr("Earnings %1"), d.earlier_year), [money(d.earlier_earnings)], False),
            (fill(self.tr("Earnings %1"), d.last_year), [money(d.last_earnings)], False),
            (self.tr("Earnings base = w1·E1 + w2·E2"), beside(MONEY, d.earnings_base, seg.earnings_base), True),
            (item_label("multiple"), beside(MULTIPLE, d.multiple, seg.multiple_used), False),
            (self.tr("Discount rate"), [rate(d.discount_rate)], False),
            (fill(self.tr("Discount factor to %1"), d.last_year), [factor(d.discount_factor)], False),
            (self.tr("Post-explicit value = base × multiple × factor"),
             beside(MONEY, d.post_explicit_value, seg.post_explicit_value), True),
            (self.tr("Explicit-period value (Σ DDM explicit rows)"),
             beside(MONEY, d.explicit_value, seg.explicit_value), True),
            (item_label("business_value"), beside(MONEY, d.business_value, seg.business_value), True),
        ]


class ReferenceTableModel(_ReadOnlyTable):
    """Every published figure that maps onto ours: ours, theirs, the difference."""

    def column_count(self) -> int:
        return 4

    def column_label(self, section: int) -> str:
        return [self.tr("Ours"), self.tr("Report"), self.tr("Difference"), self.tr("Relative")][section]

    def rows(self, state, box):
        cmp = self.page.comparison
        if cmp is None:
            return []
        names = i18n.segment_names(state.model)
        all_segments = self.tr("Σ segments")
        out = []

        def add(header, figure, kind=MONEY, bold=False):
            make = money if kind == MONEY else (lambda v: (kind, v, None))
            rel = figure.relative
            out.append((header, [make(figure.ours), make(figure.theirs), make(figure.difference),
                                 rate(rel) if rel is not None else text(_DASH)], bold))

        if cmp.market_cap is not None:
            add(item_label("market_cap"), cmp.market_cap)
        for method in (cmp.ddm, cmp.dynamic):
            name = item_label(method.method)
            for fig in method.figures:
                parts = fig.key.split(".")
                if parts[1] == "total":
                    add(f"{name} · {item_label('total')}", fig, bold=True)
                elif parts[1] == "columns":
                    add(f"{name} · {all_segments} · {item_label(parts[2])}", fig)
                elif parts[1].startswith("segments["):
                    i = int(parts[1][len("segments["):-1])
                    seg = names[i] if i < len(names) else str(i)
                    add(f"{name} · {seg} · {item_label(parts[2])}", fig,
                        MULTIPLE if parts[2] == "multiple" else MONEY)
                else:
                    add(f"{name} · {item_label(parts[1])}", fig)
        return out


class LocatedTableModel(_ReadOnlyTable):
    """Each total's difference (ours − report) split into its parts."""

    def column_count(self) -> int:
        return 2

    def column_label(self, section: int) -> str:
        return [item_label("ddm"), item_label("dynamic")][section]

    def rows(self, state, box):
        cmp = self.page.comparison
        if cmp is None or (cmp.ddm.difference is None and cmp.dynamic.difference is None):
            return []
        keys: list[tuple] = [("segment", i) for i in range(state.model.segment_count)]
        keys += [(k, None) for k in ("excess_cash", "minority_interest", "equity_investments", "not_located")]
        parts = {}
        for col, method in enumerate((cmp.ddm, cmp.dynamic)):
            for p in method.located:
                parts[(p.part, p.index, col)] = p.difference
        out = []
        names = i18n.segment_names(state.model)
        for part, index in keys:
            cells = [money(parts[(part, index, c)]) if (part, index, c) in parts else text(_DASH) for c in (0, 1)]
            if all(c[0] == TEXT for c in cells):
                continue
            header = names[index] if part == "segment" else item_label(part)
            out.append((header, cells, False))
        out.append((self.tr("Difference of the totals"),
                    [money(m.difference) if m.difference is not None else text(_DASH) for m in (cmp.ddm, cmp.dynamic)],
                    True))
        return out


class AuditPage(QWidget):
    """See the module docstring."""

    # typing on a read-only cell was refused; argument: the message for the user
    refused = Signal(str)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.document, self.controller = document, controller
        self.segment = 0
        self.schedule = None      # the chosen segment's models.analysis.schedule.DDMSchedule
        self.steps = None         # … and DynamicSteps
        self.comparison = None
        self.state = None
        self._pending = None      # (state, structure_changed) held while the page is hidden
        self.segment_label = QLabel()
        self.segment_box = QComboBox()
        self.segment_box.setObjectName("auditSegment")
        self.segment_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.segment_box.currentIndexChanged.connect(self.choose_segment)
        self.params_label = QLabel()
        self.params_label.setObjectName("auditParams")
        self.params_label.setWordWrap(True)
        # two lines, whatever the text, held outside the layout: a new text each edit repaints the
        # label and asks for no new layout of the page
        self.params_slot = SteadyLabel(self.params_label, lines=2)
        self.params_slot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status_label = QLabel()
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)

        self.schedule_table = ScheduleTableModel(document, self)
        self.sums_table = SumsTableModel(document, self)
        self.dynamic_table = DynamicStepsTableModel(document, self)
        self.reference_table = ReferenceTableModel(document, self)
        self.located_table = LocatedTableModel(document, self)
        self.table_models = [self.schedule_table, self.sums_table, self.dynamic_table, self.reference_table,
                             self.located_table]
        self.schedule_view = self._view(self.schedule_table, "scheduleView")
        self.sums_view = self._view(self.sums_table, "sumsView")
        self.dynamic_view = self._view(self.dynamic_table, "dynamicStepsView")
        self.reference_view = self._view(self.reference_table, "referenceView")
        self.located_view = self._view(self.located_table, "locatedView")
        self.views = [self.schedule_view, self.sums_view, self.dynamic_view, self.reference_view, self.located_view]
        self.reference_note = QLabel()
        self.reference_note.setObjectName("referenceNote")
        self.reference_note.setWordWrap(True)

        self.groups: dict[str, QGroupBox] = {}
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self._group("schedule", self.params_slot, self.schedule_view))
        left_lay.addWidget(self._group("sums", self.sums_view))
        left_lay.addStretch(1)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self._group("dynamic", self.dynamic_view))
        right_lay.addWidget(self._group("reference", self.reference_note, self.reference_view, self.located_view), 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        for view in (self.schedule_view, self.sums_view, self.dynamic_view, self.located_view):
            view.model().modelReset.connect(lambda v=view: self._fit_height(v))
        top = QHBoxLayout()
        top.addWidget(self.segment_label)
        top.addWidget(self.segment_box)
        top.addWidget(self.status_label, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)
        self.refused.connect(document.editRejected)   # the window shows the document's refusals
        self.retranslate()

    def _view(self, model, name: str) -> SpreadsheetView:
        view = SpreadsheetView()
        view.setObjectName(name)
        view.setModel(model)
        view.refused.connect(self.refused)
        view.verticalHeader().setMaximumWidth(300)
        view.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        model.modelReset.connect(view.resizeColumnsToContents)
        model.headerDataChanged.connect(lambda *args, v=view: v.resizeColumnsToContents())
        return view

    @staticmethod
    def _fit_height(view, max_rows: int = 24, min_rows: int = 3) -> None:
        """A table asks for all its rows (up to ``max_rows``) and never takes
        more; where the window is shorter it keeps ``min_rows`` and scrolls
        (a minimum of every row made the window taller than a 1000-pixel screen)."""
        rows = min(view.model().rowCount(), max_rows)
        view.preferred_height = view.rows_height(rows)
        view.setMaximumHeight(view.rows_height(rows))
        view.setMinimumHeight(view.rows_height(min(rows, min_rows)))
        view.updateGeometry()

    def _group(self, key: str, *widgets) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName(f"group_{key}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        for w in widgets:
            lay.addWidget(w, 1 if w is self.reference_view else 0)
        self.groups[key] = box
        return box

    # the protocol ------------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        """While hidden the page only notes the newest state; it catches up
        when shown (what nobody sees costs no edit any time)."""
        if not self.isVisible() and self.state is not None:
            pending = self._pending
            self._pending = (state, structure_changed or (pending is not None and pending[1]))
            return
        self._pending = None
        self.state = state
        names = i18n.segment_names(state.model)
        if [self.segment_box.itemText(i) for i in range(self.segment_box.count())] != names:
            self.segment_box.blockSignals(True)
            self.segment_box.clear()
            self.segment_box.addItems(names)
            self.segment = min(self.segment, len(names) - 1) if names else 0
            self.segment_box.setCurrentIndex(self.segment)
            self.segment_box.blockSignals(False)
        if state.result is None:
            self.comparison = None
        else:
            self.comparison = compare_with_reference(state.model, state.result)
        self._refresh(structure_changed)

    def showEvent(self, event):
        if self._pending is not None:
            self.update_state(*self._pending)
        super().showEvent(event)

    def _compute_segment(self) -> None:
        state = self.state
        if state is None or state.result is None or not 0 <= self.segment < state.model.segment_count:
            self.schedule = self.steps = None
            return
        # the document keeps only valid models (state.result is its valuation): no second check
        self.schedule = ddm_schedule(state.model, self.segment, checked=True)
        self.steps = dynamic_steps(state.model, self.segment, checked=True)

    def _segment_key(self) -> tuple:
        """What the chosen segment's tables show: its schedule, its steps and
        its rows of the two value tables."""
        result = self.state.result if self.state is not None else None
        seg = self.segment
        rows = (None if result is None or not 0 <= seg < len(result.ddm.segments)
                else (result.ddm.segments[seg], result.dynamic.segments[seg]))
        return self.schedule, self.steps, rows

    def _refresh(self, structure_changed: bool) -> None:
        """Recompute the chosen segment's glass box; its three tables and the
        parameters line take the new figures only when they moved (an edit of
        another segment leaves them as they are: nothing recomputed, nothing
        repainted). The reference tables follow every edit, cell by cell."""
        if self.state is None:
            return
        before = self._segment_key()
        self._compute_segment()
        moved = structure_changed or self._segment_key() != before
        for model in self.table_models:
            if moved or model in (self.reference_table, self.located_table):
                model.update_state(self.state, structure_changed)
        self._texts(params=moved)

    def choose_segment(self, index: int) -> None:
        if index < 0:
            return
        self.segment = index
        self._refresh(True)

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        return False   # nothing here is an input

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.segment_label.setText(self.tr("Segment:"))
        self.groups["schedule"].setTitle(self.tr("DDM schedule, year by year"))
        self.groups["sums"].setTitle(self.tr("The schedule's sums beside the DDM value table"))
        self.groups["dynamic"].setTitle(self.tr("Dynamic valuation, step by step"))
        self.groups["reference"].setTitle(self.tr("The report's published figures beside ours"))
        for model in self.table_models:
            model.retranslate()
        self._refresh(True)

    def _texts(self, params: bool = True) -> None:
        """The page's lines of text; the parameters line only if ``params``
        (the others are short and QLabel ignores an unchanged text)."""
        state = self.state
        if self.schedule is None or state is None or state.result is None:
            self.params_label.setText("")
            self.reference_note.setText("")
            self.status_label.setText(self.tr("The model is invalid: nothing to audit."))
            return
        s = self.schedule
        unit = display_unit(state.model.unit)
        t = s.terminal
        self.status_label.setText(fill(self.tr("Money in %1. Every figure is the engine's; the sums are the value "
                                               "tables' to the last digit shown."), unit))
        self._reference_note()
        if not params:
            return
        self.params_label.setText(fill(
            self.tr("Discount rate r %1 · ROE %2 · fade growth %3 for %4 years · terminal growth %5 · base year %6. "
                    "Terminal value = dividend %7 / (r − g) %8 = %9 at the end of the fade."),
            format_value(s.discount_rate, PERCENT, 2), format_value(s.roe, PERCENT, 2),
            format_value(s.fade_growth, PERCENT, 2), s.fade_years, format_value(s.terminal_growth, PERCENT, 2),
            s.base_year, format_value(t.dividend, MONEY), format_value(t.spread, PERCENT, 2),
            format_value(t.value, MONEY)))

    def _reference_note(self) -> None:
        cmp = self.comparison
        if cmp is None or (not cmp.ddm.figures and not cmp.dynamic.figures and cmp.market_cap is None):
            self.reference_note.setText(self.tr("This model quotes no published figures (reference)."))
        else:
            source = cmp.source or self.tr("not named")
            self.reference_note.setText(fill(self.tr("Source: %1. Difference = ours − report."), source))
