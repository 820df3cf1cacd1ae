"""Headless export: ``valuation-workbench --report MODEL --out FILE.pdf|FILE.html [--lang zh_CN|en]``.

Exit 0 when the file is written; exit 2 with ONE line on stderr for a bad
model, a bad path or an unknown file type, and nothing written (the write is
atomic: a temp file in the target folder, then renamed).
"""
from __future__ import annotations

import os
import sys

PROG = "valuation-workbench"


def _fail(message: str) -> int:
    line = " ".join(str(message).split())   # one line, whatever the message held
    print(f"{PROG}: error: {line}", file=sys.stderr, flush=True)
    return 2


def run_report(model_path: str, out: str | None, language: str | None) -> int:
    """The ``--report`` action; returns the exit status."""
    if not out:
        return _fail("--report needs --out FILE.pdf or FILE.html")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import models
    from desktop_app.report import ReportError, export_report, report_format

    try:
        report_format(out)
    except ReportError as exc:
        return _fail(str(exc))
    try:
        model = models.load_model(model_path)
    except models.ModelFileError as exc:
        text = str(exc)
        return _fail(text if model_path in text else f"{model_path}: {text}")
    import PySide6  # noqa: F401  (PySide6 before pyqtgraph, for its binding choice)
    from PySide6.QtGui import QGuiApplication

    from desktop_app import pyside_guard
    pyside_guard.apply()        # painting makes many void calls: see pyside_guard

    app = QGuiApplication.instance() or QGuiApplication([PROG])  # noqa: F841  (fonts and painting need it)
    from desktop_app.i18n import resolve_language
    lang = resolve_language(language or "system")
    try:
        export_report(model, out, lang)
    except models.ModelError as exc:       # a model the engine cannot value
        return _fail(f"{model_path}: {exc}")
    except OSError as exc:
        return _fail(str(exc))
    print(out, flush=True)
    return 0
