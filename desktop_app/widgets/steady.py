"""SteadyLabel: a place for a QLabel whose text changes with every edit (a
value in the header, a line of parameters) without laying out the window again.

A QLabel in a layout asks its layout to recompute after each ``setText``
(unless its size is fixed), and that request climbs to the window: with
every edit the whole main window, docks included, was laid out again,
although nothing moved. Here the label sits in a holder without a layout:
the holder takes the label's place in the layout, with a size of its own,
and places the label over itself; a new text then repaints the label and
nothing else. The label stays an ordinary QLabel (``holder.label``; its
text, font, object name and interaction flags are the caller's).

``lines`` fixes the holder's height to that many lines of the label's font
(a word-wrapped label wraps inside it); ``min_width`` is the least width the
holder asks for. A text wider than the holder is elided by the label's
clipping, unless set through :meth:`setText`, which widens the holder (once,
with a layout) for a one-line text longer and wider than any before; callers give
``min_width`` for the widest text they expect.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QWidget):
    """See the module docstring."""

    def __init__(self, label: QLabel, lines: int = 1, min_width: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.lines = lines
        self.min_width = min_width
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height())

    def setText(self, text: str) -> None:
        """The label's new text; a one-line text wider than the holder asks
        for more room once (a layout then), as a label in a layout would."""
        self.label.setText(text)
        # measured only when longer than any text before (a measure is a text layout, and the
        # values of an edit keep their length)
        if self.lines == 1 and len(text) > self._longest and not self.label.wordWrap():
            self._longest = len(text)
            need = self.label.sizeHint().width()
            if need > self.min_width:
                self.min_width = need
                self.updateGeometry()

    _longest = 0

    def _height(self) -> int:
        lab = self.label
        margins = lab.contentsMargins()
        return (self.lines * lab.fontMetrics().lineSpacing() + 2 * lab.margin()
                + margins.top() + margins.bottom() + 2)

    def sizeHint(self) -> QSize:
        return QSize(self.min_width, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.min_width, self._height())

    def changeEvent(self, event):
        if event.type() == QEvent.Type.FontChange:   # the application's font: the label's lines too
            self.setFixedHeight(self._height())
        super().changeEvent(event)

    def resizeEvent(self, event):
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that shrinks below its text, eliding it in the
    middle when painted (the whole text in its tooltip): a long company name
    must not widen the header beyond the window."""

    def __init__(self, min_chars: int = 12, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_chars = min_chars

    def setText(self, text: str) -> None:
        if text == self.text():
            return   # the same name after an edit: nothing to lay out
        self.setToolTip(text)
        super().setText(text)

    def full_text(self) -> str:
        return self.text()

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("M" * self.min_chars)))
        return hint

    def shown_text(self) -> str:
        """The text as painted: elided in the middle to the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle,
                                             max(self.contentsRect().width(), 1))

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
        painter.end()
