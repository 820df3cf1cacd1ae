"""The coverage table: one row per model file of a folder (``BatchRow``s from
models.io.batch), and the proxy that sorts and filters it.

Sorting reads ``SORT_ROLE`` (``models.io.coverage.sort_value``: numbers as
numbers, statuses in their order, rows without a value last); filtering asks
``models.io.coverage.row_matches``. Statuses are coloured with the header's
colours (desktop_app.theme). Nothing here computes a valuation.
"""
from __future__ import annotations

import math
import os

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.io.batch import BatchRow
from models.io.coverage import row_matches, sort_value
from models.status import status_label
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.numbers import MONEY, NUMBER, PERCENT, format_value
from desktop_app.qt_models.forecast import display_unit
from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2      # the BatchRow of the line

# (BatchRow field, kind) of each column, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "text"), ("company", "text"), ("ticker", "text"), ("price", NUMBER), ("market_cap", MONEY),
    ("unit", "text"), ("ddm_total", MONEY), ("ddm_upside", PERCENT), ("ddm_status", "status"),
    ("dynamic_total", MONEY), ("dynamic_upside", PERCENT), ("dynamic_status", "status"), ("error", "text"),
)
COLUMN_INDEX = {name: n for n, (name, _) in enumerate(COLUMNS)}

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_STATUS_BG = {code: QBrush(QColor(c)) for code, c in STATUS_COLORS.items()}
_STATUS_FG = {code: QBrush(QColor(c)) for code, c in STATUS_TEXT_COLORS.items()}
_NONE_BG, _NONE_FG = QBrush(QColor("#eeeeee")), QBrush(QColor("#666666"))   # the header's "—" badge
_ERROR_FG = QBrush(QColor("#b3261e"))


def signed_percent(x) -> str:
    if x is None or not math.isfinite(x):
        return "—"
    text = format_value(x, PERCENT)
    return text if text.startswith("-") or text == "0.0%" else "+" + text


class CoverageTableModel(QAbstractTableModel):
    """Rows in the order they came; ``row_of(file)`` finds a file's line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[BatchRow] = []
        self._where: dict[str, int] = {}
        self.folder: str = ""
        self._bold = QFont()
        self._bold.setBold(True)

    # contents ---------------------------------------------------------------------
    def clear(self, folder: str = "") -> None:
        self.beginResetModel()
        self.rows, self._where, self.folder = [], {}, folder
        self.endResetModel()

    def set_rows(self, rows) -> None:
        """Every row again (new prices): same files, same order, new figures."""
        rows = list(rows)
        if [r.file for r in rows] != [r.file for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self._where = {r.file: n for n, r in enumerate(rows)}
            self.endResetModel()
            return
        self.rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))

    def upsert(self, rows) -> None:
        """Put each row in place of its file's line, or add it at the end."""
        new = []
        for row in rows:
            n = self._where.get(row.file)
            if n is None:
                new.append(row)
                continue
            self.rows[n] = row
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))
        if new:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for k, row in enumerate(new):
                self.rows.append(row)
                self._where[row.file] = first + k
            self.endInsertRows()

    def remove_files(self, files) -> None:
        for file in files:
            n = self._where.get(file)
            if n is None:
                continue
            self.beginRemoveRows(QModelIndex(), n, n)
            del self.rows[n]
            self.endRemoveRows()
            self._where = {r.file: k for k, r in enumerate(self.rows)}

    def row_of(self, file: str) -> int | None:
        return self._where.get(file)

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

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    # Qt's model API -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

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
                "dynamic_upside": self.tr("Dynamic upside"), "dynamic_status": self.tr("Dynamic status"),
                "error": self.tr("Problem")}[name]

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name, kind = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, name, kind)
        if role == SORT_ROLE:
            return sort_value(row, name)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind == "status":
                return _CENTER
            return _RIGHT if kind in (NUMBER, MONEY, PERCENT) else None
        if kind == "status" and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            code = getattr(row, name)
            if role == Qt.ItemDataRole.BackgroundRole:
                return _STATUS_BG.get(code, _NONE_BG)
            return _STATUS_FG.get(code, _NONE_FG)
        if role == Qt.ItemDataRole.FontRole and kind == "status" and getattr(row, name) is not None:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and name == "error":
            return _ERROR_FG
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "error" or (row.error and name == "file"):
                return row.error
            if name == "file":
                return row.file
            if name == "price" and row.price_source == "prices":
                return fill(self.tr("From the imported prices (%1)"), row.price_date or self.tr("no date"))
        return None

    def text(self, row: BatchRow, name: str, kind: str) -> str:
        value = getattr(row, name)
        if name == "file":
            return self.shown_file(value)
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


class CoverageFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; keeps the rows ``row_matches`` keeps."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.status: str | None = None
        self.method: str | None = None
        self.words = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, status: str | None, method: str | None, words: str) -> None:
        if (status, method, words) == (self.status, self.method, self.words):
            return
        self.beginFilterChange()
        self.status, self.method, self.words = status, method, words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        if self.status is None and not self.words.strip():
            return True
        return row_matches(self.sourceModel().rows[source_row], self.status, self.method, self.words)
