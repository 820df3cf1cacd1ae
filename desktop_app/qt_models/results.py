"""Valuation results per segment and in total: the DDM (table 5) and the
dynamic valuation (table 4). Read-only, except the dynamic table's composite
multiple, which is the same input as in the parameters table, and its
multiple mode: per segment, the multiple the dynamic method uses, the
composite (综合倍数, the default) or the justified one shown beside it
(models/justified.py; ``segments[i].multiple_mode``)."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from models import tables
from models.errors import InvalidEditError
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, MULTIPLE, PERCENT, TEXT
from desktop_app.qt_models.base import DERIVED_BRUSH, INPUT_BRUSH, TOTAL_BRUSH, GridTableModel, tr
from desktop_app.qt_models.forecast import display_unit

_BOLD = QFont()
_BOLD.setBold(True)
_DASH = "–"


def result_column_label(key: str) -> str:
    """A column of table 4 or 5, in two or three lines (the tables stay
    narrow enough to show the total column at 1600×1000)."""
    return {
        "forecast_value": tr("Forecast-\nperiod\nvalue"),
        "perpetual_value": tr("Perpetual\nvalue"),
        "business_value": tr("Business\nvalue"),
        "terminal_share": tr("Perpetual\nshare"),
        "excess_cash": tr("Excess\ncash"),
        "minority_interest": tr("Minority\ninterest"),
        "equity_investments": tr("Equity\ninvest-\nments"),
        "total": tr("Total\nvalue"),
        "discount_rate": tr("Discount\nrate"),
        "multiple": tr("Composite\nmultiple"),
        "justified_multiple": tr("Justified\nmultiple"),
        "multiple_mode": tr("Multiple\nused"),
        "earnings_base": tr("Earnings\nbase"),
        "explicit_value": tr("Explicit-\nperiod\nvalue"),
        "post_explicit_value": tr("Post-\nexplicit\nvalue"),
    }[key]


def total_label(unit: str) -> str:
    return fill(tr("Company total (%1)"), unit)


class _ResultTableModel(GridTableModel):
    """Rows: segments then the company total. Columns: ``COLUMNS``."""

    COLUMNS: tuple[str, ...] = ()
    KINDS: dict[str, str] = {}
    # columns that are company-level only (a dash on segment rows)
    COMPANY_ONLY = tables.COMPANY_ONLY

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self._names: list[str] = []
        self._unit = ""

    def _method(self, result):
        raise NotImplementedError

    def _layout(self, state) -> None:
        self._names = i18n.segment_names(state.model)
        self._unit = display_unit(state.model.unit)

    def _segment_values(self, seg, model, i) -> dict:
        raise NotImplementedError

    def _total_values(self, method, model) -> dict:
        raise NotImplementedError

    def _compute(self, state):
        model = state.model
        n = model.segment_count
        values = np.full((n + 1, len(self.COLUMNS)), np.nan)
        texts = {}
        self._names = i18n.segment_names(model)
        if state.result is None:
            for r in range(n + 1):
                for c in range(len(self.COLUMNS)):
                    texts[(r, c)] = tr("invalid")
            return values, texts
        method = self._method(state.result)
        for i, seg in enumerate(method.segments):
            row = self._segment_values(seg, model, i)
            for c, key in enumerate(self.COLUMNS):
                if key in self.COMPANY_ONLY:
                    texts[(i, c)] = _DASH
                else:
                    values[i, c] = row.get(key, math.nan)
        row = self._total_values(method, model)
        for c, key in enumerate(self.COLUMNS):
            v = row.get(key)
            if v is None:
                texts[(n, c)] = _DASH
            else:
                values[n, c] = v
        return values, texts

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """A segment's key path → the cell of its row that shows it
        (:meth:`_column_for` names the column)."""
        if len(path) < 2 or path[0] != "segments" or not isinstance(path[1], int) \
                or not 0 <= path[1] < len(self._names):
            return None
        col = self._column_for(tuple(path[2:]))
        return None if col is None else (path[1], col)

    def _column_for(self, rest: tuple) -> int | None:
        return None

    def cell_kind(self, row: int, col: int) -> str:
        return self.KINDS.get(self.COLUMNS[col], MONEY)

    def is_total_row(self, row: int) -> bool:
        return row == len(self._names)

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Horizontal:
            return result_column_label(self.COLUMNS[section])
        if section < len(self._names):
            return self._names[section]
        return total_label(self._unit)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return self.header_text(section, orientation) if 0 <= section < self.rowCount() else None
        return super().headerData(section, orientation, role)

    def cell_brush(self, row: int, col: int):
        return TOTAL_BRUSH if self.is_total_row(row) else None

    def cell_font(self, row: int, col: int):
        if self.is_total_row(row) or self.COLUMNS[col] == "total":
            return _BOLD
        return None


class DDMResultTableModel(_ResultTableModel):
    COLUMNS = tables.DDM_COLUMNS
    KINDS = {"terminal_share": PERCENT}

    def _method(self, result):
        return result.ddm

    def _segment_values(self, seg, model, i) -> dict:
        return tables.ddm_segment_values(seg)

    def _total_values(self, method, model) -> dict:
        return tables.ddm_total_values(method)

    def _column_for(self, rest: tuple) -> int | None:
        if rest == ():  # a finding about the whole segment: its terminal share above 75%
            return self.COLUMNS.index("terminal_share")
        return None


def mode_labels() -> dict[str, str]:
    """The multiple modes as the tables name them."""
    return {"composite": tr("Composite"), "justified": tr("Justified")}


MODES = ("composite", "justified")


class DynamicResultTableModel(_ResultTableModel):
    # the justified multiple and the mode beside the composite multiple
    COLUMNS = (*tables.DYNAMIC_COLUMNS[:2], "justified_multiple", "multiple_mode", *tables.DYNAMIC_COLUMNS[2:])
    KINDS = {"discount_rate": PERCENT, "multiple": MULTIPLE, "justified_multiple": MULTIPLE, "multiple_mode": TEXT}
    MODE_COL = COLUMNS.index("multiple_mode")
    MULTIPLE_COLS = {"composite": COLUMNS.index("multiple"), "justified": COLUMNS.index("justified_multiple")}

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.modes: list[str] = []   # per segment, the mode the last valuation used

    def _method(self, result):
        return result.dynamic

    def _segment_values(self, seg, model, i) -> dict:
        row = tables.dynamic_segment_values(seg, model, i)
        row["justified_multiple"] = math.nan if seg.justified_multiple is None else seg.justified_multiple
        return row

    def _total_values(self, method, model) -> dict:
        row = tables.dynamic_total_values(method)
        row.update(justified_multiple=None, multiple_mode=None)
        return row

    def _compute(self, state):
        values, texts = super()._compute(state)
        if state.result is None:
            self.modes = []
            return values, texts
        labels = mode_labels()
        self.modes = [seg.mode for seg in state.result.dynamic.segments]
        jcol = self.MULTIPLE_COLS["justified"]
        for i, (mode, seg) in enumerate(zip(self.modes, state.result.dynamic.segments)):
            texts[(i, self.MODE_COL)] = labels.get(mode, mode)
            if seg.justified_multiple is None:
                texts[(i, jcol)] = "NM"   # no positive earnings base
        return values, texts

    def update_state(self, state, structure_changed: bool) -> None:
        before = list(self.modes)
        super().update_state(state, structure_changed)
        # the multiple in use is bold: a changed mode changes two cells' fonts
        changed = [i for i, (a, b) in enumerate(zip(before, self.modes)) if a != b]
        for i in changed:
            for col in self.MULTIPLE_COLS.values():
                self._visual.pop((i, col), None)
                idx = self.index(i, col)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.FontRole])

    def mode(self, row: int) -> str:
        return self.modes[row] if 0 <= row < len(self.modes) else "composite"

    def is_editable(self, row: int, col: int) -> bool:
        return not self.is_total_row(row) and self.COLUMNS[col] in ("multiple", "multiple_mode")

    def parse_mode(self, text: str) -> str:
        """A typed mode: its name in either language, or its first letter."""
        t = str(text).strip().casefold()
        for mode, label in mode_labels().items():
            if t in (mode, mode[0], label.casefold()):
                return mode
        raise InvalidEditError(fill(tr("“%1” is not a multiple mode; type %2 or %3"), str(text).strip(),
                                    mode_labels()["composite"], mode_labels()["justified"]))

    def _apply(self, row: int, col: int, value, txn) -> None:
        if self.COLUMNS[col] == "multiple_mode":
            self.apply_mode(row, self.parse_mode(value), txn)
            return
        txn.set(("segments", row, "multiple"), float(value))

    def apply_mode(self, row: int, mode: str, txn) -> None:
        """Record segment ``row`` using ``mode`` (absent = composite, the default)."""
        path = ("segments", row, "multiple_mode")
        if mode == "composite" and self.document.model.segments[row].get("multiple_mode") is None:
            return
        txn.set(path, mode)

    def set_mode(self, row: int, mode: str) -> bool:
        """Choose the multiple segment ``row``'s dynamic value uses, as one undo step."""
        if self.is_total_row(row) or not 0 <= row < len(self._names) or mode not in MODES:
            return False
        text = fill(tr("Use the %1 multiple for %2"), mode_labels()[mode].lower(), self._names[row])
        return self.document.edit(text, lambda txn: self.apply_mode(row, mode, txn))

    def cell_foreground(self, row: int, col: int):
        return INPUT_BRUSH if self.is_editable(row, col) else DERIVED_BRUSH

    def cell_font(self, row: int, col: int):
        if not self.is_total_row(row) and col == self.MULTIPLE_COLS.get(self.mode(row)):
            return _BOLD
        return super().cell_font(row, col)

    def cell_tooltip(self, row: int, col: int) -> str:
        if self.is_total_row(row):
            return ""
        if col == self.MODE_COL:
            return tr("The multiple this segment's dynamic value uses: composite (the segment's own multiple) or "
                      "justified (the DDM's post-explicit value over the earnings base, times the structure and "
                      "moat-durability factors). Right-click to switch.")
        if col == self.MULTIPLE_COLS["justified"] and self.value(row, col) != self.value(row, col):
            return tr("NM: the earnings base is not positive")
        return ""

    def _column_for(self, rest: tuple) -> int | None:
        if rest in (("discount_rate",), ("multiple",), ("multiple_mode",)):
            return self.COLUMNS.index(rest[0])
        return None
