"""The research report as PDF or HTML, written offline from the model.

``export_report(model, path, language)`` is the one call the GUI and the
headless ``valuation-workbench --report MODEL --out FILE`` make: the content
comes from the engine (``content.build_report``), the PDF is laid out with
QPdfWriter (``pdf.py``), the HTML is one self-contained file (``html.py``).
The file is written atomically: on any failure nothing is left at ``path``.
"""
from __future__ import annotations

import os

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


class ReportError(ValueError):
    """The report cannot be written as asked (an unknown file type); ``str`` is for the user."""


def report_format(path: str | os.PathLike) -> str:
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in FORMATS:
        raise ReportError(f"{path}: the report is written as .pdf or .html, not {ext or 'a file without extension'}")
    return FORMATS[ext]


def report_families() -> list[str]:
    """The CJK-capable families present, best first (the app's list), then a Latin one as last resort."""
    from PySide6.QtGui import QFontDatabase

    from desktop_app.app import choose_font_families
    return choose_font_families(QFontDatabase.families())


def render_report(model, fmt: str, language: str = "zh_CN") -> bytes:
    """The report's bytes (needs a QGuiApplication)."""
    from .content import build_report

    report = build_report(model, language)
    families = report_families()
    if fmt == "pdf":
        from .pdf import render_pdf
        return render_pdf(report, families)
    from .html import render_html
    return render_html(report, families).encode("utf-8")


def export_report(model, path: str | os.PathLike, language: str = "zh_CN") -> None:
    """Write ``model``'s report to ``path`` (.pdf or .html) in ``language``
    (``zh_CN`` or ``en``). Raises ``ReportError`` for an unknown type,
    ``models.InvalidInputError`` for a model that cannot be valued, ``OSError``
    (path and reason) when the file cannot be written; the old file, if any,
    is then untouched."""
    from models.atomic_write import write_atomic

    fmt = report_format(path)
    data = render_report(model, fmt, language)
    write_atomic(path, data)
