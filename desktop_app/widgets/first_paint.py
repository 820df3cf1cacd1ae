"""Work a window does right after its first paint, not before it.

Start-up shows the window first: what the first painted frame does not need
(a background run whose figures arrive later anyway, its imports) waits
until the window has painted once, then runs from the event loop, in the
order it was asked for::

    window.first_paint.later(lambda: start_the_monte_carlo())

``later`` runs the work at once when the first paint's work has already run,
so a caller need not know whether start-up is over. A window never shown
runs the work when it is painted (or on :meth:`FirstPaint.run_now`); a window
shown but not painted (minimised from the start, an unexposed platform
window) runs it ``fallback_ms`` after it was shown.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Watches ``window`` for its first paint event (see the module docstring)."""

    #: The deferred work has run (once).
    finished = Signal()

    #: How long after the window was shown the work runs even if no paint came.
    FALLBACK_MS = 2000

    def __init__(self, window: QWidget, fallback_ms: int | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._fallback_ms = self.FALLBACK_MS if fallback_ms is None else fallback_ms
        self._shown = False
        self._pending: list[Callable[[], None]] = []
        #: The window has painted (its first frame is on screen, or being flushed to it).
        self.painted = False
        #: The work asked for before the first paint has run.
        self.done = False
        window.installEventFilter(self)

    def later(self, work: Callable[[], None]) -> None:
        """Run ``work`` right after the window's first paint (now, if that is over)."""
        if self.done:
            work()
        else:
            self._pending.append(work)

    @property
    def pending(self) -> int:
        """How many pieces of work still wait for the first paint."""
        return len(self._pending)

    def eventFilter(self, obj, event) -> bool:
        if obj is self._window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            QTimer.singleShot(self._fallback_ms, self, self.run_now)
        if obj is self._window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            obj.removeEventFilter(self)
            # the paint of the whole window (its children too) and its flush finish first
            QTimer.singleShot(0, self, self.run_now)
        return False

    def run_now(self) -> None:
        """Run the waiting work now (each piece once), in the order asked for."""
        if self.done:
            return
        self.done = True
        pending, self._pending = self._pending, []
        failure = None
        for work in pending:
            try:
                work()
            except Exception as exc:  # noqa: BLE001 - the others still run; the first failure is raised
                failure = failure or exc
        self.finished.emit()
        if failure is not None:
            raise failure
