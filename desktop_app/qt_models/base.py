"""A QAbstractTableModel over a grid of engine values.

Subclasses describe the grid (which value, which kind, which cells are
editable, which engine call an edit means); this base class does the Qt part:
formatted display text, the raw value under ``EditRole``, per-cell flags,
parsing of typed text, refusal with a message, block copy/paste, and
``dataChanged`` for exactly the cells whose value, text or mark changed after a
recompute. It computes nothing about valuation.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.errors import InvalidEditError
from desktop_app import refusals
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.qt_models.issues import join_messages
from desktop_app.numbers import INTEGER, TEXT, ParseError, edit_text, format_value, parse_number

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
# True when the cell has an engine warning/error or a refused edit
MARK_ROLE = Qt.ItemDataRole.UserRole + 2
# roles served from the per-cell cache, and their slot in the cached tuple
_VISUAL_SLOTS = {int(Qt.ItemDataRole.DisplayRole): 0, int(Qt.ItemDataRole.TextAlignmentRole): 1,
                 int(Qt.ItemDataRole.BackgroundRole): 2, int(Qt.ItemDataRole.ForegroundRole): 3,
                 int(Qt.ItemDataRole.FontRole): 4}
_OTHER_ROLES = {int(Qt.ItemDataRole.EditRole), int(Qt.ItemDataRole.ToolTipRole), int(KIND_ROLE), int(MARK_ROLE)}

_FLAGS_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS_EDITABLE = _FLAGS_READ_ONLY | Qt.ItemFlag.ItemIsEditable

_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

WARNING_BRUSH = QBrush(QColor("#fff3c4"))
ERROR_BRUSH = QBrush(QColor("#ffd6d6"))
ACTUAL_BRUSH = QBrush(QColor("#f1f3f5"))
TITLE_BRUSH = QBrush(QColor("#dde6f3"))
TOTAL_BRUSH = QBrush(QColor("#eef2f7"))
INPUT_BRUSH = QBrush(QColor("#1a4fa0"))   # inputs in blue, the spreadsheet convention
DERIVED_BRUSH = QBrush(QColor("#202124"))
INHERITED_BRUSH = QBrush(QColor("#8a8f98"))


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("", text, disambiguation)


#: What :meth:`GridTableModel.parse` gives for an emptied cell whose value
#: may be absent (an override, a history figure): the stored value is removed.
CLEAR = object()


def parse_error_message(exc: ParseError) -> str:
    text = exc.text
    if exc.code == "empty":
        return tr("Empty input; the old value is kept.")
    if exc.code == "not_finite":
        return fill(tr("“%1” is not a finite number; the old value is kept."), str(text))
    if exc.code == "not_integer":
        return fill(tr("“%1” is not a whole number; the old value is kept."), str(text))
    if exc.code == "percent_not_allowed":
        return fill(tr("“%1”: a percentage is not allowed in this cell; the old value is kept."), str(text))
    return fill(tr("“%1” is not a number; the old value is kept."), str(text))


class GridTableModel(QAbstractTableModel):
    """Base for every table in the app. See the module docstring."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.state = None
        self._values = np.empty((0, 0))
        self._texts: dict[tuple[int, int], str] = {}
        self._marks: dict[tuple[int, int], tuple[str, str]] = {}  # (severity, message)
        self._rejected: dict[tuple[int, int], str] = {}
        self._marks_for: tuple | None = None   # the issues self._marks were built from
        self._visual: dict[tuple[int, int], tuple] = {}
        # header texts as shown, per (orientation, section): a view asks for each many times per
        # layout and paint, and a text is a translation; forgotten whenever they may change
        self._header_texts: dict[tuple, str] = {}
        for signal in (self.headerDataChanged, self.modelReset, self.layoutChanged):
            signal.connect(self._forget_header_texts)
        # message of the last refused edit, for the view's status line
        self.last_rejection: str = ""
        if hasattr(document, "add_labeler"):
            document.add_labeler(self.label_location)
        # what the last paste left out (values beyond the table, read-only cells), or ""
        self.last_paste_dropped: str = ""

    # ---- what subclasses provide ---------------------------------------
    def _layout(self, state) -> None:
        """Structure changed: rebuild row/column metadata from ``state``."""

    def _relabel(self, state) -> None:
        """The language changed: re-read the names and units :meth:`_layout`
        keeps (the same state gives the same shape)."""
        self._layout(state)

    def _compute(self, state) -> tuple[np.ndarray, dict]:
        """(values (rows, cols) float array with NaN for blank, text overrides)."""
        raise NotImplementedError

    def cell_kind(self, row: int, col: int) -> str:
        raise NotImplementedError

    def cell_for_path(self, path: tuple) -> tuple[int, int] | None:
        """The (row, column) showing the engine key path ``path`` (e.g.
        ``("segments", 0, "discount_rate")``), or None if this table does not."""
        return None

    def is_editable(self, row: int, col: int) -> bool:
        return False

    def read_only_reason(self, row: int, col: int) -> str:
        """Why typing into a read-only cell is refused (shown to the user)."""
        where = self.cell_label(row, col)
        return fill(tr("%1 is computed and cannot be typed over; edit the blue inputs instead."), where)

    def _apply(self, row: int, col: int, value, txn) -> None:
        """Record the engine changes that typing ``value`` here means."""
        raise NotImplementedError

    def cell_label(self, row: int, col: int) -> str:
        """Where a cell is, for messages and undo text."""
        v = self.headerData(row, Qt.Orientation.Vertical)
        h = self.headerData(col, Qt.Orientation.Horizontal)
        return " · ".join(str(x) for x in (v, h) if x)

    def label_location(self, location: tuple):
        """(label, kind) of the cell showing the engine key path ``location``
        (as :meth:`cell_label` names it), or None if this table does not."""
        cell = self.cell_for_path(tuple(location))
        if cell is None or not (0 <= cell[0] < self.rowCount() and 0 <= cell[1] < self.columnCount()):
            return None
        return self.cell_label(*cell), self.cell_kind(*cell)

    def _apply_at(self, r: int, c: int, value, txn) -> None:
        """:meth:`_apply`, an engine refusal tagged with the cell's label."""
        try:
            self._apply(r, c, value, txn)
        except InvalidEditError as exc:
            exc.where = self.cell_label(r, c)
            if isinstance(value, (int, float)):
                exc.typed = refusals.shown(value, self.cell_kind(r, c))
            raise

    def header_text(self, section: int, orientation: Qt.Orientation) -> str:
        return ""

    def cell_brush(self, row: int, col: int):
        return None

    def cell_foreground(self, row: int, col: int):
        return None

    def cell_font(self, row: int, col: int):
        return None

    def cell_tooltip(self, row: int, col: int) -> str:
        return ""

    # ---- Qt model -------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return self._values.shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return self._values.shape[1]

    def value(self, row: int, col: int):
        """The raw value at a cell: float (NaN when blank) or text."""
        kind = self.cell_kind(row, col)
        if kind == TEXT:
            return self._texts.get((row, col), "")
        return float(self._values[row, col])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Views ask for several roles per painted cell; the visual roles come
        # from one cached tuple per cell, rebuilt only when the cell changes.
        slot = _VISUAL_SLOTS.get(role)
        if slot is not None:
            key = (index.row(), index.column())
            entry = self._visual.get(key)
            if entry is None:
                if not index.isValid():
                    return None
                entry = self._visual[key] = self._visual_entry(*key)
            return entry[slot]
        if role not in _OTHER_ROLES or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.EditRole:
            kind = self.cell_kind(r, c)
            if kind == TEXT:
                return self._texts.get((r, c), "")
            v = float(self._values[r, c])
            return None if math.isnan(v) else v
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = []
            if (r, c) in self._rejected:
                parts.append(self._rejected[(r, c)])
            mark = self._marks.get((r, c))
            if mark:
                parts.append(mark[1])
            extra = self.cell_tooltip(r, c)
            if extra:
                parts.append(extra)
            return "\n".join(parts) if parts else None
        if role == KIND_ROLE:
            return self.cell_kind(r, c)
        if role == MARK_ROLE:
            return (r, c) in self._rejected or (r, c) in self._marks
        return None

    def display_text(self, r: int, c: int) -> str:
        """The text a cell shows (what ``data()`` gives for DisplayRole),
        from the same cache, for callers in Python (the views' column fitting)."""
        entry = self._visual.get((r, c))
        if entry is None:
            entry = self._visual[(r, c)] = self._visual_entry(r, c)
        return entry[0]

    def _visual_entry(self, r: int, c: int) -> tuple:
        """(display text, alignment, background, foreground, font) of a cell."""
        kind = self.cell_kind(r, c)
        text = self._texts.get((r, c))
        if text is None:
            text = format_value(self._values[r, c], kind)
        if (r, c) in self._rejected:
            background = ERROR_BRUSH
        else:
            mark = self._marks.get((r, c))
            if mark:
                background = ERROR_BRUSH if mark[0] == "error" else WARNING_BRUSH
            else:
                background = self.cell_brush(r, c)
        return (text, _ALIGN_TEXT if kind == TEXT else _ALIGN_NUMBER, background,
                self.cell_foreground(r, c), self.cell_font(r, c))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            key = (orientation, section)
            text = self._header_texts.get(key)
            if text is not None:
                return text
            count = self.rowCount() if orientation == Qt.Orientation.Vertical else self.columnCount()
            if 0 <= section < count:
                text = self._header_texts[key] = self.header_text(section, orientation)
                return text
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Vertical:
            return _ALIGN_TEXT
        return None

    def flags(self, index):
        # asked for every painted cell: the two answers are built once (an enum "|" costs
        # microseconds in Python)
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS_EDITABLE if self.is_editable(index.row(), index.column()) else _FLAGS_READ_ONLY

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r, c = index.row(), index.column()
        if not self.is_editable(r, c):
            return False
        try:
            parsed = self.parse(value, r, c)
        except ParseError as exc:
            self._refuse(r, c, f"{self.cell_label(r, c)}: {parse_error_message(exc)}")
            return False
        text = fill(tr("Edit %1"), self.cell_label(r, c))
        ok = self.document.edit(text, lambda txn: self._apply_at(r, c, parsed, txn))
        if not ok:
            self._refuse(r, c, self.document.last_rejection, emit=False)
        return ok

    def parse(self, value, row: int, col: int):
        """Typed text for the cell (row, col) → stored value; Python numbers
        are taken as stored values (a decimal for percent cells)."""
        kind = self.cell_kind(row, col)
        if kind == TEXT:
            text = str(value).strip() if value is not None else ""
            if not text:
                raise ParseError("empty", "")
            return text
        if isinstance(value, str):
            return parse_number(value, kind)
        if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
            raise ParseError("not_a_number", str(value))
        v = float(value)
        if not math.isfinite(v):
            raise ParseError("not_finite", str(value))
        if kind == INTEGER:
            if v != int(v):
                raise ParseError("not_integer", str(value))
            return int(v)
        return v

    def _refuse(self, r: int, c: int, message: str, emit: bool = True) -> None:
        self.last_rejection = message
        self._rejected[(r, c)] = message
        self._visual.pop((r, c), None)
        idx = self.index(r, c)
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])
        if emit:
            self.document.editRejected.emit(message)

    # ---- block copy / paste ----------------------------------------------
    def copy_text(self, indexes: Iterable) -> str:
        """Tab-separated text of the bounding block of ``indexes``; cells not
        selected are empty. Values at full precision, percents with ``%``."""
        cells = {(i.row(), i.column()) for i in indexes if i.isValid()}
        if not cells:
            return ""
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        lines = []
        for r in range(min(rows), max(rows) + 1):
            out = []
            for c in range(min(cols), max(cols) + 1):
                if (r, c) not in cells:
                    out.append("")
                    continue
                kind = self.cell_kind(r, c)
                if kind == TEXT:
                    out.append(self._texts.get((r, c), "").replace("\t", " ").replace("\n", " "))
                elif (r, c) in self._texts:
                    out.append(self._texts[(r, c)])
                else:
                    v = float(self._values[r, c])
                    out.append("" if math.isnan(v) else edit_text(v, kind))
            lines.append("\t".join(out))
        return "\n".join(lines)

    def paste_block(self, top: int, left: int, block: list[list[str]]) -> bool:
        """Paste a block of typed texts with its top-left at (top, left) as one
        undo step. Cells outside the table, read-only cells and blank texts
        are skipped. If any text does not parse, or the engine refuses the
        result, nothing is applied and the offending cell is marked."""
        targets = []
        outside = read_only = 0
        self.last_paste_dropped = ""
        for dr, line in enumerate(block):
            for dc, text in enumerate(line):
                r, c = top + dr, left + dc
                if not str(text).strip():
                    continue
                if r >= self.rowCount() or c >= self.columnCount():
                    outside += 1
                    continue
                if not self.is_editable(r, c):
                    read_only += 1
                    continue
                try:
                    targets.append((r, c, self.parse(text, r, c)))
                except ParseError as exc:
                    self._refuse(r, c, fill(tr("Paste refused at %1: %2"), self.cell_label(r, c),
                                            parse_error_message(exc)))
                    return False
        notes = []
        if outside:
            notes.append(fill(tr("%1 value(s) past the table's last row or column were dropped"), outside))
        if read_only:
            notes.append(fill(tr("%1 value(s) on computed (read-only) cells were skipped"), read_only))
        if notes:
            self.last_paste_dropped = fill(tr("Paste at %1: %2."), self.cell_label(top, left), "; ".join(notes))
        if not targets:
            return False

        def apply(txn):
            for r, c, v in targets:
                self._apply_at(r, c, v, txn)

        text = fill(tr("Paste %1 cells"), str(len(targets)))
        ok = self.document.edit(text, apply)
        if not ok:
            r, c, _ = targets[0]
            self._refuse(r, c, self.document.last_rejection, emit=False)
        return ok

    def clear_cells(self, cells: Iterable[tuple[int, int]]) -> bool:
        """The Delete key: empty the cells (row, col) that may be empty, as
        one undo step. A cell that must hold a value, or is read-only, keeps
        it and is counted in ``last_paste_dropped`` (what the view says)."""
        targets = []
        required = read_only = 0
        self.last_paste_dropped = ""
        cells = sorted(set(cells))
        for r, c in cells:
            if not self.is_editable(r, c):
                read_only += 1
                continue
            try:
                parsed = self.parse("", r, c)
            except ParseError:
                required += 1
                continue
            if parsed is CLEAR:
                targets.append((r, c))
        notes = []
        if required:
            notes.append(fill(tr("%1 cell(s) must hold a value and were left as they were"), required))
        if read_only:
            notes.append(fill(tr("%1 computed (read-only) cell(s) were left as they were"), read_only))
        if notes and cells:
            self.last_paste_dropped = fill(tr("Delete at %1: %2."), self.cell_label(*cells[0]), "; ".join(notes))
        if not targets:
            return False

        def apply(txn):
            for r, c in targets:
                self._apply_at(r, c, CLEAR, txn)

        text = fill(tr("Clear %1"), self.cell_label(*targets[0])) if len(targets) == 1 \
            else fill(tr("Clear %1 cells"), str(len(targets)))
        ok = self.document.edit(text, apply)
        if not ok:
            r, c = targets[0]
            self._refuse(r, c, self.document.last_rejection, emit=False)
        return ok

    # ---- recompute -------------------------------------------------------
    def _forget_header_texts(self, *args) -> None:
        self._header_texts = {}

    def update_state(self, state, structure_changed: bool) -> None:
        """Take the new engine state; emit dataChanged for exactly the cells
        that changed (or reset when the shape changed)."""
        self.state = state
        self._header_texts = {}
        values, texts = self._compute(state)
        if structure_changed or values.shape != self._values.shape:
            self.beginResetModel()
            self._layout(state)
            self._marks_for = None   # the layout changed: cells of the same issues may move
            self._values, self._texts, self._marks = values, texts, self._marks_of(state.issues)
            self._rejected = {}
            self._visual = {}
            self.endResetModel()
            return
        marks = self._marks_of(state.issues)
        old = self._values
        changed = ~((old == values) | (np.isnan(old) & np.isnan(values)))
        cells = set(zip(*np.nonzero(changed)))
        cells = {(int(r), int(c)) for r, c in cells}
        for key in set(texts) | set(self._texts):
            if texts.get(key) != self._texts.get(key):
                cells.add(key)
        for key in set(marks) | set(self._marks):
            if marks.get(key) != self._marks.get(key):
                cells.add(key)
        cells |= set(self._rejected)
        self._values, self._texts, self._marks = values, texts, marks
        self._rejected = {}
        visual = self._visual
        for key in cells:
            visual.pop(key, None)
        self._emit_cells(cells)

    def _marks_of(self, issues) -> dict:
        """(severity, text) per cell from the engine's issues, placed by
        :meth:`cell_for_path` on each issue's key-path tuple. Most edits leave
        the findings as they were: then the marks are kept as they are."""
        key = tuple(issues)
        if key == self._marks_for:
            return self._marks
        self._marks_for = key
        grouped: dict[tuple[int, int], list] = {}
        for issue in issues:
            cell = self.cell_for_path(tuple(issue.location))
            if cell is not None:
                grouped.setdefault(cell, []).append(issue)
        names = i18n.segment_names(self.state.model) if grouped and self.state is not None else None
        return {cell: join_messages(found, names) for cell, found in grouped.items()}

    def _emit_cells(self, cells: set) -> None:
        by_row: dict[int, list[int]] = {}
        for r, c in cells:
            by_row.setdefault(r, []).append(c)
        for r in sorted(by_row):
            cols = sorted(by_row[r])
            start = prev = cols[0]
            for c in cols[1:] + [None]:
                if c is not None and c == prev + 1:
                    prev = c
                    continue
                self.dataChanged.emit(self.index(r, start), self.index(r, prev))
                if c is not None:
                    start = prev = c

    def retranslate(self) -> None:
        """Headers are translated on each call; tell the views to re-ask (and
        rebuild the marks' texts at the next update)."""
        self._visual = {}
        self._header_texts = {}
        self._marks_for = None
        if self.state is not None:
            self._relabel(self.state)
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
