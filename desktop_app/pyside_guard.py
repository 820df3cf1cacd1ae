"""Work around a PySide6 6.12.0 reference-count bug on CPython ≤ 3.11.

That release returns ``None`` from void C++ methods, and converts ``None``/
``True``/``False`` returned by Python overrides of virtuals (every table
model's ``data()`` returns None for roles it does not handle), without taking
the reference it later drops. Each call therefore costs one reference to a
singleton; after enough repaints the count reaches zero and the interpreter
aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"). CPython 3.12
made these singletons immortal, so there the bug is harmless.

:func:`apply` detects the bug by experiment (so it does nothing on a fixed
PySide6 or a newer Python) and gives the three singletons a reference count so
large it cannot reach zero in any session. Called once at application start
(before any widget exists) and by the test suite's conftest. The real fix is a
PySide6 release without the bug (a dependency pin), see the desktop report.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_applied: dict[str, bool] = {}


def bug_present() -> bool:
    """True when a void PySide6 call loses a reference to None."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    from PySide6 import QtGui

    pen = QtGui.QPen()
    before = sys.getrefcount(None)
    for _ in range(64):
        pen.setCosmetic(True)
    return before - sys.getrefcount(None) >= 32


def apply() -> bool:
    """Pad the singletons' reference counts once per process if the bug is
    present; returns whether it was found."""
    if "done" not in _applied:
        found = bug_present()
        if found:
            for singleton in (None, True, False):
                ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
        _applied["done"] = found
    return _applied["done"]
