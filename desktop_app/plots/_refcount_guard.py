"""Guard against a PySide6 refcount bug that aborts the process on CPython 3.11.

PySide6 6.12.0 returns ``None`` from every void method (``setPos``,
``setVisible``, ``setCosmetic``…) without taking a reference. On CPython ≤ 3.11
``None`` is reference counted, so each call drops one reference that was never
taken; pyqtgraph makes thousands of such calls per repaint, and after a few
seconds of editing the count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc" (or
``bool_dealloc``). (CPython 3.12 made ``None`` immortal, so
there the bug is harmless.)

``ensure_none_headroom`` detects the bug by experiment (so it does nothing on a
fixed PySide6 or a newer Python) and, if present, gives ``None`` a reference
count so large it cannot reach zero in any session. The proper fix belongs at
application start-up or in the dependency pins (see the plots report).
"""
from __future__ import annotations

import ctypes
import sys

from PySide6 import QtGui

_HEADROOM = 1 << 40
_state: dict[str, bool] = {}


def bug_present() -> bool:
    """True when a void PySide6 call loses a reference to None."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    pen = QtGui.QPen()
    before = sys.getrefcount(None)
    for _ in range(64):
        pen.setCosmetic(True)
    return before - sys.getrefcount(None) >= 32


def ensure_none_headroom() -> bool:
    """Apply the guard once per process; returns whether the bug was found."""
    if "applied" not in _state:
        found = bug_present()
        if found:
            # The same release loses references to True and False on some
            # paths (Python overrides of virtuals returning bool); pad them too.
            for singleton in (None, True, False):
                refcnt = ctypes.c_ssize_t.from_address(id(singleton))
                refcnt.value += _HEADROOM
        _state["applied"] = found
    return _state["applied"]
