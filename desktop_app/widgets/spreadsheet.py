"""A QTableView with spreadsheet habits.

Type to edit (any key starts the editor with that key), Enter commits and moves
down, Tab moves right (Shift+Tab left), Esc cancels; Ctrl+C copies the
selected block as tab-separated text, Ctrl+V pastes a block (from Excel or
from here) as one undo step. Editors show the value at full precision
(percentages with ``%``); an unchanged editor commits nothing.
"""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLineEdit,
                               QStyledItemDelegate, QTableView, QToolTip)

from desktop_app.numbers import TEXT, edit_text
from desktop_app.qt_models.base import KIND_ROLE


class CellDelegate(QStyledItemDelegate):
    """A line editor holding typed text; the model parses it on commit."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        kind = index.data(KIND_ROLE)
        if kind != TEXT:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor, index):
        if editor.property("vw_initialized"):
            return  # keep what the user typed if the model re-emits meanwhile
        kind = index.data(KIND_ROLE)
        value = index.data(Qt.ItemDataRole.EditRole)
        text = "" if value is None else (str(value) if kind == TEXT else edit_text(value, kind))
        editor.setText(text)
        editor.setProperty("vw_initial", text)
        editor.setProperty("vw_initialized", True)

    def setModelData(self, editor, model, index):
        text = editor.text()
        if text == editor.property("vw_initial"):
            return  # nothing typed: no edit, no undo step
        view = self.parent()
        ok = model.setData(index, text, Qt.ItemDataRole.EditRole)
        if isinstance(view, SpreadsheetView):
            view.last_commit_refused = not ok


#: Views whose column fitting waits for the end of :func:`fits_batched`, each with
#: the rectangle (top, bottom, left, right) its changed cells span so far.
_batched: dict | None = None


@contextmanager
def fits_batched():
    """Measure columns once per view for a burst of ``dataChanged`` signals:
    a recompute that changes cells in many runs (a schedule's columns from
    the edited year on) fits each table once, over the rectangle the runs
    span, when the burst ends, instead of once per run. Nested uses join
    the outermost one."""
    global _batched
    if _batched is not None:
        yield
        return
    _batched = {}
    try:
        yield
    finally:
        pending, _batched = _batched, None
        for view, rect in pending.items():
            try:
                if view.isVisible() and view.model() is not None:
                    view._fit_columns(*rect)
            except RuntimeError:   # the view was deleted during the burst
                continue


class SpreadsheetView(QTableView):
    """Typing on a read-only cell is refused with a message (``refused``) and
    never does anything else: Qt's keyboard search, which would move the cursor
    to a cell whose text starts with the typed character (and let the next key
    edit that cell), is switched off."""

    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # the last committed editor's value was refused: Enter then stays on the cell
        self.last_commit_refused = False
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(86)
        self.setCornerButtonEnabled(True)
        self.verticalScrollBar().valueChanged.connect(self._fit_visible)
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    # widths -----------------------------------------------------------
    def dataChanged(self, top_left, bottom_right, roles=()):
        """A number that grew wider than its column widens the column: a
        spreadsheet never shows ``100…`` for 1000. Only the changed cells on
        screen are measured (rows scrolled into view are measured then), and a
        column never shrinks here."""
        super().dataChanged(top_left, bottom_right, roles)
        self._all_fitted = False   # the changed cells off screen are measured when scrolled into view
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return
        if not self.isVisible():
            self._widen_pending = True   # a hidden table (another page in front) measures when shown
            return
        if not top_left.isValid():
            return
        rect = (top_left.row(), bottom_right.row(), top_left.column(), bottom_right.column())
        if _batched is not None:
            had = _batched.get(self)
            _batched[self] = rect if had is None else (min(had[0], rect[0]), max(had[1], rect[1]),
                                                        min(had[2], rect[2]), max(had[3], rect[3]))
            return
        self._fit_columns(*rect)

    def _visible_rows(self) -> tuple[int, int]:
        model = self.model()
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        return (0 if first < 0 else first), (model.rowCount() - 1 if last < 0 else last)

    def _fit_columns(self, top: int, bottom: int, left: int, right: int) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        first, last = self._visible_rows()
        top, bottom = max(top, first), min(bottom, last)
        if top > bottom:
            return
        header = self.horizontalHeader()
        metrics, pad, ascii_widths = self._width_metrics(self._plain_index(top, bottom, left))
        # the model's display text without a round trip through Qt, when it offers one
        text_at = getattr(model, "display_text", None) or (lambda r, c: model.index(r, c).data())
        spans = self._has_spans
        for col in range(left, right + 1):
            if self.isColumnHidden(col):
                continue
            size = header.sectionSize(col)
            need = 0
            for row in range(top, bottom + 1):
                if spans and self.columnSpan(row, col) > 1:
                    continue  # a title spanning the row does not size one column
                text = text_at(row, col)
                if not text:
                    continue
                text = str(text)
                if text.isascii():
                    # an upper bound from the characters' advances (plus rounding): a number that
                    # clearly fits costs no text layout
                    bound = sum(map(ascii_widths.__getitem__, map(ord, text))) + len(text) + pad + 2
                    if bound <= size:
                        continue
                need = max(need, metrics.horizontalAdvance(text) + pad)
            if need > size:
                header.resizeSection(col, need)

    _has_spans = False

    #: The height the view asks its layout for (a page's choice: all its rows), or None
    #: for Qt's default; unlike a minimum height it never makes the window taller.
    preferred_height: int | None = None

    def rows_height(self, rows: int) -> int:
        """The height that shows the header and ``rows`` rows (and a horizontal
        scroll bar) without scrolling."""
        return (self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth() + 2)

    def sizeHint(self):
        hint = super().sizeHint()
        if self.preferred_height is not None:
            hint.setHeight(self.preferred_height)
        return hint

    def setSpan(self, row: int, column: int, row_span: int, column_span: int) -> None:
        if row_span > 1 or column_span > 1:
            self._has_spans = True
        self._all_fitted = False
        super().setSpan(row, column, row_span, column_span)

    def clearSpans(self) -> None:
        self._has_spans = False
        self._all_fitted = False
        super().clearSpans()

    #: Every column fits every row's text as it is now (Qt's fit to contents
    #: measured them all, and nothing changed since): a resize or a scroll has
    #: nothing to widen. A changed cell, a column resized by hand, new spans
    #: or a new model clear it.
    _all_fitted = False
    #: Our own fit is resizing sections (not the user).
    _fitting = False

    def _section_resized(self, *args) -> None:
        if not self._fitting:
            self._all_fitted = False

    def setModel(self, model) -> None:
        self._all_fitted = False
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                           model.columnsInserted, model.columnsRemoved):
                signal.connect(self._contents_changed)

    def _contents_changed(self, *args) -> None:
        self._all_fitted = False

    def changeEvent(self, event):
        if event.type() == QEvent.Type.FontChange:
            self._all_fitted = False
        super().changeEvent(event)

    def _fit_visible(self, *args) -> None:
        if self._all_fitted:
            return
        model = self.model()
        if model is not None and model.columnCount():
            self._fit_columns(0, model.rowCount() - 1, 0, model.columnCount() - 1)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._fit_pending:   # else the whole fit comes with the show event, measuring every row
            self._fit_visible()

    def _plain_index(self, top: int, bottom: int, col: int):
        """A cell of one column in the plain font, to measure the padding with
        (a bold title measured in the plain font once padded every column by
        the difference: wide in English, where bold Latin is wider)."""
        model = self.model()
        for row in range(top, bottom + 1):
            index = model.index(row, col)
            if self.columnSpan(row, col) == 1 and index.data() and index.data(Qt.ItemDataRole.FontRole) is None:
                return index
        return model.index(top, col)

    _fit_pending = False

    def resizeColumnsToContents(self) -> None:
        """Qt's fit of every column to its contents, when the view is on
        screen; a hidden view (a table in a tab not shown, any table before
        the window's first paint) is fitted when it is shown, once, however
        often its model was reset meanwhile."""
        if not self.isVisible():
            self._fit_pending = True
            self._all_fitted = False
            return
        self._fit_pending = False
        self._fitting = True
        try:
            super().resizeColumnsToContents()
        finally:
            self._fitting = False
        model, precision = self.model(), self.horizontalHeader().resizeContentsPrecision()
        # Qt measures up to the header's resizeContentsPrecision() rows of a column (all of ours; -1: all)
        self._all_fitted = model is not None and (precision < 0 or model.rowCount() <= precision)

    _widen_pending = False

    def showEvent(self, event):
        super().showEvent(event)
        if self._fit_pending:
            self.resizeColumnsToContents()
        elif self._widen_pending:
            self._fit_visible()
        self._widen_pending = False

    def _width_metrics(self, index):
        """Bold metrics (an upper bound for every cell's font) and the padding
        the delegate adds around text, measured once per font."""
        key = self.font().key()
        if getattr(self, "_metrics_key", None) != key:
            bold = QFont(self.font())
            bold.setBold(True)
            text = str(index.data() or "0")
            plain = self.sizeHintForIndex(index).width() - QFontMetrics(self.font()).horizontalAdvance(text)
            bold_f = QFontMetricsF(bold)
            # each ASCII character's advance in the bold font (a table, so a width bound is a sum)
            ascii_widths = [bold_f.horizontalAdvance(chr(c)) for c in range(128)]
            self._metrics = (QFontMetrics(bold), max(plain, 0) + 2, ascii_widths)
            self._metrics_key = key
        return self._metrics

    # navigation -------------------------------------------------------
    def closeEditor(self, editor, hint):
        """After a commit, move like a spreadsheet instead of opening the next
        editor: Enter → down, Tab → right, Shift+Tab → left."""
        move = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0),
            QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),
        }.get(hint)
        refused, self.last_commit_refused = self.last_commit_refused, False
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None and not refused:   # a refused value: the cursor stays on its cell
            self.move_current(*move)

    def move_current(self, drow: int, dcol: int) -> None:
        model = self.model()
        cur = self.currentIndex()
        if model is None or not cur.isValid():
            return
        row, col = cur.row() + drow, cur.column() + dcol
        # skip rows spanned as titles when moving vertically
        while drow and 0 <= row < model.rowCount() and self.columnSpan(row, 0) > 1 and col > 0:
            row += drow
        if 0 <= row < model.rowCount() and 0 <= col < model.columnCount():
            idx = model.index(row, col)
            self.setCurrentIndex(idx)
            self.scrollTo(idx)

    def keyboardSearch(self, search: str) -> None:
        """Off: in a spreadsheet a typed character never moves the cursor."""

    def _is_typing(self, event) -> bool:
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        return bool(text) and text.isprintable() and not mods

    def refuse_typing(self, index) -> str:
        """Say why ``index`` cannot be typed over; the cursor stays put."""
        model = self.model()
        if hasattr(model, "read_only_reason"):
            message = model.read_only_reason(index.row(), index.column())
        else:
            message = QCoreApplication.translate("SpreadsheetView", "This cell is read-only.")
        if QGuiApplication.platformName() != "offscreen":  # offscreen has no tooltip windows
            rect = self.visualRect(index)
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self.viewport(), rect, 4000)
        self.refused.emit(message)
        return message

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            event.accept()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if self._is_typing(event) and current.isValid() \
                    and not (current.flags() & Qt.ItemFlag.ItemIsEditable):
                self.refuse_typing(current)
                event.accept()
                return
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_current(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                event.accept()
                return
            if key == Qt.Key.Key_Delete and not event.modifiers():
                self.clear_selection_cells()
                event.accept()
                return
        super().keyPressEvent(event)

    def clear_selection_cells(self) -> bool:
        """Delete, as in a spreadsheet: the selected cells emptied where a
        cell may be empty (one undo step); the others are named, not changed."""
        model = self.model()
        if model is None or not hasattr(model, "clear_cells"):
            return False
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        ok = model.clear_cells((i.row(), i.column()) for i in indexes)
        note = getattr(model, "last_paste_dropped", "")
        if note:
            self.refused.emit(note)
        return ok

    # clipboard ----------------------------------------------------------
    def copy_selection(self) -> str:
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        text = model.copy_text(indexes) if hasattr(model, "copy_text") else ""
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Paste tab-separated text at the selection's top-left cell. A single
        value pasted onto a larger selection fills it."""
        model = self.model()
        if model is None or not hasattr(model, "paste_block"):
            return False
        if text is None:
            text = QGuiApplication.clipboard().text()
        block = parse_block(text)
        if not block:
            return False
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if indexes:
            top = min(i.row() for i in indexes)
            left = min(i.column() for i in indexes)
            bottom = max(i.row() for i in indexes)
            right = max(i.column() for i in indexes)
        elif self.currentIndex().isValid():
            top = bottom = self.currentIndex().row()
            left = right = self.currentIndex().column()
        else:
            return False
        if len(block) == 1 and len(block[0]) == 1 and (bottom > top or right > left):
            selected = {(i.row(), i.column()) for i in indexes}
            block = [[block[0][0] if (r, c) in selected else "" for c in range(left, right + 1)]
                     for r in range(top, bottom + 1)]
        ok = model.paste_block(top, left, block)
        dropped = getattr(model, "last_paste_dropped", "")
        if dropped:
            self.refused.emit(dropped)
        if ok:   # the pasted block (as far as the table reaches) stays selected
            bottom = min(top + len(block), model.rowCount()) - 1
            right = min(left + max(len(line) for line in block), model.columnCount()) - 1
            selection = self.selectionModel()
            selection.select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)
        return ok


def parse_block(text: str) -> list[list[str]]:
    """Excel's clipboard text → rows of cells (a trailing newline is not a row)."""
    if not text:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [[cell.strip().strip('"') for cell in line.split("\t")] for line in lines]
