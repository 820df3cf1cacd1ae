"""A row of five stars showing 0–5 in half steps (the report's 四维评级 and moat
stars), read-only or editable.

Editing: a click on the left half of star n (1-based) sets n − 0.5, on its
right half n; Left/Right and −/+ step by 0.5; the digits 0–5 set a whole
value; Home sets 0, End 5. Every change the user makes emits :attr:`edited`
with the new value; :meth:`set_value` (the model's value, from a page) does
not. ``None`` means "no rating given" and is drawn as empty, paler stars.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_STARS = 5
FILLED = QColor("#e8a317")
OUTLINE = QColor("#b7791f")
EMPTY = QColor("#e4e6ea")


def snap(value: float) -> float:
    """``value`` clamped to 0–5 and rounded to the nearest half star."""
    return min(float(MAX_STARS), max(0.0, round(float(value) * 2) / 2))


def _star_path(rect: QRectF) -> QPainterPath:
    """A five-pointed star inscribed in ``rect``."""
    cx, cy = rect.center().x(), rect.center().y() + rect.height() * 0.04
    outer = min(rect.width(), rect.height()) / 2
    inner = outer * 0.45
    path = QPainterPath()
    for k in range(10):
        r = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        point = QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle))
        if k == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


class StarRating(QWidget):
    """Five stars; see the module docstring."""

    edited = Signal(float)   # the user set a new value

    def __init__(self, value: float | None = None, read_only: bool = False, star_size: int = 16, parent=None):
        super().__init__(parent)
        self._value: float | None = None if value is None else snap(value)
        self._read_only = False
        self.star_size = star_size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_read_only(read_only)

    # value ----------------------------------------------------------------------
    def value(self) -> float | None:
        return self._value

    def set_value(self, value: float | None) -> None:
        """Show ``value`` (None: no rating); emits nothing."""
        new = None if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) else snap(value)
        if new != self._value or (new is None) != (self._value is None):
            self._value = new
            self._update_tooltip()
            self.update()

    def is_read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = bool(read_only)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.PointingHandCursor)
        self._update_tooltip()

    def _user_set(self, value: float) -> None:
        if self._read_only:
            return
        value = snap(value)
        if value == self._value:
            return
        self._value = value
        self._update_tooltip()
        self.update()
        self.edited.emit(value)

    def _update_tooltip(self) -> None:
        text = "—" if self._value is None else f"{self._value:g} / {MAX_STARS}"
        self.setToolTip(text)
        if self._painted:
            self.setAccessibleDescription(text)
        elif not self._description_pending:
            # the first accessible text of a run wakes Qt's accessibility (milliseconds): the
            # header's stars say it once they are on screen, not before the window's first paint
            self._description_pending = True

    _painted = False
    _description_pending = False

    def _describe(self) -> None:
        self._description_pending = False
        self._update_tooltip()

    # geometry -------------------------------------------------------------------
    def _step(self) -> float:
        return self.star_size + 2

    def sizeHint(self) -> QSize:
        return QSize(int(self._step() * MAX_STARS) + 2, self.star_size + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def star_rect(self, n: int) -> QRectF:
        """The rectangle of star ``n`` (0-based), in widget coordinates."""
        top = (self.height() - self.star_size) / 2
        return QRectF(1 + n * self._step(), top, self.star_size, self.star_size)

    def value_at(self, x: float) -> float:
        """The value a click at ``x`` sets: left half of a star → n − 0.5, right half → n."""
        step = self._step()
        n = int(max(0.0, x - 1) // step)
        if n >= MAX_STARS:
            return float(MAX_STARS)
        within = (x - 1) - n * step
        return n + (0.5 if within < self.star_size / 2 else 1.0)

    # painting -------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if not self._painted:
            self._painted = True
            if self._description_pending:
                QTimer.singleShot(0, self, self._describe)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        value = self._value or 0.0
        pale = self._value is None or not self.isEnabled()
        for n in range(MAX_STARS):
            rect = self.star_rect(n)
            path = _star_path(rect)
            painter.fillPath(path, EMPTY)
            fill = min(1.0, max(0.0, value - n))
            if fill > 0:
                painter.save()
                painter.setClipRect(QRectF(rect.left(), rect.top(), rect.width() * fill, rect.height()))
                painter.fillPath(path, FILLED)
                painter.restore()
            painter.setPen(QColor("#c9ccd1") if pale else OUTLINE)
            painter.drawPath(path)
        if self.hasFocus():
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    # input ----------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if self._read_only or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._user_set(self.value_at(event.position().x()))
        event.accept()

    def keyPressEvent(self, event) -> None:
        if self._read_only:
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text()
        current = self._value or 0.0
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Minus) or text == "-":
            self._user_set(current - 0.5)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus) or text in ("+", "="):
            self._user_set(current + 0.5)
        elif key == Qt.Key.Key_Home:
            self._user_set(0.0)
        elif key == Qt.Key.Key_End:
            self._user_set(float(MAX_STARS))
        elif len(text) == 1 and text in "012345":
            self._user_set(float(text))
        else:
            super().keyPressEvent(event)
            return
        event.accept()
