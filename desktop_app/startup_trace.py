"""Start-up milestones for the start-up benchmark (``installer/startup_time.py``).

With ``VW_STARTUP_TRACE=FILE`` in the environment the app appends one line per
milestone to FILE: ``NAME MONOTONIC_S CPU_S`` (``time.monotonic()``, the same
clock in every process of the machine, and the CPU time the process has used).
Without it nothing is watched or written. The milestone today:

``plot-painted``
    the sensitivity panel's visible plot has painted for the first time: the
    window is complete (its first frame shows everything else; the plot is
    built right after that frame, see ``desktop_app/plots/panel.py``).
"""
from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea

ENVIRONMENT = "VW_STARTUP_TRACE"


def enabled() -> bool:
    return bool(os.environ.get(ENVIRONMENT))


def mark(name: str) -> None:
    """Append the milestone ``name`` now (nothing when tracing is off or the file cannot be written)."""
    path = os.environ.get(ENVIRONMENT)
    if not path:
        return
    line = f"{name} {time.monotonic():.6f} {time.process_time():.6f}\n"
    try:
        with open(path, "a", encoding="ascii") as trace:
            trace.write(line)
    except OSError:
        pass


class _FirstPaintOf(QObject):
    def __init__(self, widget, name: str) -> None:
        super().__init__(widget)
        self._name = name
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            mark(self._name)
        return False


def watch_window(window) -> None:
    """Mark ``plot-painted`` when the visible plot of ``window``'s sensitivity
    panel first paints (the panel builds it after the window's first paint
    and paints it at once)."""
    panel = getattr(window, "plots_panel", None)
    if not enabled() or panel is None:
        return
    page = panel.tabs.currentWidget()

    def watch(content) -> None:   # the plot's widget (a graphics view paints on its viewport)
        _FirstPaintOf(content.viewport() if isinstance(content, QAbstractScrollArea) else content, "plot-painted")

    if page.is_built:
        watch(page.content())
    else:
        page.built.connect(watch)   # before it paints: the filter sees that paint
