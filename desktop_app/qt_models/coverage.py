"""The coverage table: one row per model file of a folder (``BatchRow``s from
models.io.batch), sorted and filtered by ``models.io.coverage.arrange``
(numbers as numbers, statuses in their order, rows without a value last;
``row_matches`` for the status and text filter). Statuses are coloured with the header's
colours (desktop_app.theme). Nothing here computes a valuation.
"""
from __future__ import annotations

import math
import os

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.io.batch import BatchRow
from models.io.coverage import arrange
from models.status import status_label
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, NUMBER, PERCENT, format_value
from desktop_app.qt_models.forecast import display_unit
from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

ROW_ROLE = Qt.ItemDataRole.UserRole + 1      # the BatchRow of the line
_ROW = int(ROW_ROLE)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
# the roles a painted cell asks for, and their slot in a line's cached cells
_SLOTS = {_DISPLAY: 0, int(Qt.ItemDataRole.TextAlignmentRole): 1, int(Qt.ItemDataRole.BackgroundRole): 2,
          int(Qt.ItemDataRole.ForegroundRole): 3, int(Qt.ItemDataRole.FontRole): 4}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

# (BatchRow field, kind) of each column, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "text"), ("company", "text"), ("ticker", "text"), ("price", NUMBER), ("market_cap", MONEY),
    ("unit", "text"), ("ddm_total", MONEY), ("ddm_upside", PERCENT), ("ddm_status", "status"),
    ("dynamic_total", MONEY), ("dynamic_upside", PERCENT), ("dynamic_status", "status"),
)
# A file not valued shows its error in the company cell, which the page spans over the other columns.
ERROR_COLUMN = "company"
COLUMN_INDEX = {name: n for n, (name, _) in enumerate(COLUMNS)}

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_STATUS_BG = {code: QBrush(QColor(c)) for code, c in STATUS_COLORS.items()}
_STATUS_FG = {code: QBrush(QColor(c)) for code, c in STATUS_TEXT_COLORS.items()}
_NONE_BG, _NONE_FG = QBrush(QColor("#eeeeee")), QBrush(QColor("#666666"))   # the header's "—" badge
_ERROR_FG = QBrush(QColor("#b3261e"))
_IMPORTED_FG = QBrush(QColor("#1a4fa0"))


def signed_percent(x) -> str:
    if x is None or not math.isfinite(x):
        return "—"
    text = format_value(x, PERCENT)
    return text if text.startswith("-") or text == "0.0%" else "+" + text


class CoverageTableModel(QAbstractTableModel):
    """All rows in the order they came (``rows``); the table shows ``order``:
    positions in ``rows`` kept by the filter, in the sort order
    (``models.io.coverage.arrange``). Sorting and filtering are one plain
    Python sort here, not a proxy asking Qt's item roles row by row: a large
    table re-sorts in milliseconds while a scan adds rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[BatchRow] = []
        self.order: list[int] = []
        self._where: dict[str, int] = {}
        self.folder: str = ""
        self.sort_column, self.descending = "file", False
        self.status: str | None = None
        self.method: str | None = None
        self.words = ""
        self._cache: dict[int, list[tuple]] = {}     # position in rows → its cells' visuals
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def _arranged(self) -> list[int]:
        return arrange(self.rows, self.sort_column, self.descending, self.status, self.method, self.words)

    # contents ---------------------------------------------------------------------
    def clear(self, folder: str = "") -> None:
        self.beginResetModel()
        self.rows, self.order, self._where, self.folder = [], [], {}, folder
        self._cache.clear()
        self.endResetModel()

    def set_rows(self, rows) -> None:
        """Every row again (new prices): same files, new figures."""
        self.beginResetModel()
        self.rows = list(rows)
        self._cache.clear()
        self._where = {r.file: n for n, r in enumerate(self.rows)}
        self.order = self._arranged()
        self.endResetModel()

    def upsert(self, rows) -> None:
        """Put each row in place of its file's line, or add it; then sort and filter again."""
        changed = False
        for row in rows:
            n = self._where.get(row.file)
            if n is None:
                self._where[row.file] = len(self.rows)
                self.rows.append(row)
            else:
                self.rows[n] = row
                self._cache.pop(n, None)
                changed = True
        order = self._arranged()
        shown = set(self.order)
        if not shown <= set(order):          # a changed row left the filter: start again
            self.beginResetModel()
            self.order = order
            self.endResetModel()
            return
        joined = [n for n in order if n not in shown]
        if joined:                           # added at the end, then moved into place
            first = len(self.order)
            self.beginInsertRows(QModelIndex(), first, first + len(joined) - 1)
            self.order = self.order + joined
            self.endInsertRows()
        self._relayout(order)
        if changed and self.order:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.order) - 1, len(COLUMNS) - 1))

    def remove_files(self, files) -> None:
        gone = {self._where[f] for f in files if f in self._where}
        if not gone:
            return
        self.beginResetModel()
        self._cache.clear()
        self.rows = [r for n, r in enumerate(self.rows) if n not in gone]
        self._where = {r.file: n for n, r in enumerate(self.rows)}
        self.order = self._arranged()
        self.endResetModel()

    def row_of(self, file: str) -> int | None:
        """The table line (in ``order``) of ``file``, or None when not shown."""
        n = self._where.get(file)
        return None if n is None or n not in self.order else self.order.index(n)

    def row_at(self, line: int) -> BatchRow:
        return self.rows[self.order[line]]

    def shown(self) -> list[BatchRow]:
        return [self.rows[n] for n in self.order]

    # sorting and filtering ------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._relayout(self._arranged())

    def set_filter(self, status: str | None, method: str | None, words: str) -> None:
        if (status, method, words) == (self.status, self.method, self.words):
            return
        self.beginResetModel()
        self.status, self.method, self.words = status, method, words
        self.order = self._arranged()
        self.endResetModel()

    def _relayout(self, order: list[int]) -> None:
        """Show the same rows in another order; selections follow their rows."""
        if order == self.order:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        where = {n: line for line, n in enumerate(order)}
        new = [self.index(where[self.order[i.row()]], i.column()) for i in old]
        self.order = order
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def shown_file(self, path: str) -> str:
        """The file as the table names it: relative to the folder."""
        if self.folder:
            try:
                rel = os.path.relpath(path, self.folder)
            except ValueError:
                return path
            if not rel.startswith(".."):
                return rel
        return path

    def error_text(self, row: BatchRow) -> str:
        """The row's error without the file name it starts with (the File column
        shows it), in the UI's language where the engine said it with a code."""
        from desktop_app import load_errors
        said = load_errors.message_text(row.error)
        if said is None and getattr(row.error, "code", ""):
            from desktop_app import engine_messages
            said = engine_messages.text(row.error)
        if said is not None:
            return said
        for prefix in (row.file + ": ", self.shown_file(row.file) + ": "):
            if row.error.startswith(prefix):
                return row.error[len(prefix):]
        return row.error

    def error_lines(self) -> list[int]:
        """The table lines of files not valued."""
        return [line for line, n in enumerate(self.order) if self.rows[n].error is not None]

    def retranslate(self) -> None:
        self._cache.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.order:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.order) - 1, len(COLUMNS) - 1))

    # Qt's model API -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_title(COLUMNS[section][0])

    def column_title(self, name: str) -> str:
        return {"file": self.tr("File"), "company": self.tr("Company"), "ticker": self.tr("Ticker"),
                "price": self.tr("Share price"), "market_cap": self.tr("Market cap"), "unit": self.tr("Unit"),
                "ddm_total": self.tr("DDM value"), "ddm_upside": self.tr("DDM upside"),
                "ddm_status": self.tr("DDM status"), "dynamic_total": self.tr("Dynamic value"),
                "dynamic_upside": self.tr("Dynamic upside"), "dynamic_status": self.tr("Dynamic status")}[name]

    def flags(self, index):
        return _FLAGS

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        n = self.order[index.row()]
        slot = _SLOTS.get(role)
        if slot is not None:                 # what painting asks: from the line's cache
            cells = self._cache.get(n)
            if cells is None:
                cells = self._cache[n] = self._visuals(self.rows[n])
            return cells[index.column()][slot]
        if role == _ROW:
            return self.rows[n]
        if role == _TOOLTIP:
            row, name = self.rows[n], COLUMNS[index.column()][0]
            if row.error and name in ("file", ERROR_COLUMN):
                return self.error_text(row)
            if name == "file":
                return row.file
            if name == "price" and row.price_source == "prices":
                return fill(self.tr("From the imported prices (%1)"), row.price_date or self.tr("no date"))
        return None

    def _visuals(self, row: BatchRow) -> list[tuple]:
        """(text, alignment, background, foreground, font) of each cell of a line."""
        cells = []
        for name, kind in COLUMNS:
            text = self.text(row, name, kind)
            if kind == "status":
                code = getattr(row, name)
                cells.append((text, _CENTER, _STATUS_BG.get(code, _NONE_BG), _STATUS_FG.get(code, _NONE_FG),
                              self._bold if code is not None else None))
            elif name == "price" and row.price_source == "prices":     # an imported price: in italics
                cells.append((text, _RIGHT, None, _IMPORTED_FG, self._italic))
            elif kind in (NUMBER, MONEY, PERCENT):
                cells.append((text, _RIGHT, None, None, None))
            else:
                cells.append((text, None, None, _ERROR_FG if row.error and name == ERROR_COLUMN else None, None))
        return cells

    def text(self, row: BatchRow, name: str, kind: str) -> str:
        value = getattr(row, name)
        if name == "file":
            return self.shown_file(value)
        if name == ERROR_COLUMN and row.error is not None:
            return self.error_text(row)
        if name == "unit":
            return display_unit(value) if value else ""
        if kind == "status":
            return status_label(value, i18n.engine_lang()) if value else ("—" if row.error is None
                                                                          else self.tr("not valued"))
        if kind == PERCENT:
            return signed_percent(value) if value is not None else ""
        if kind in (NUMBER, MONEY):
            return format_value(value, kind)
        return "" if value is None else str(value)
