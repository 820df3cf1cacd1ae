"""Issue 12, "offline and small": the report adds under 5 MB to the installer.

What the report could add to the bundle: its own modules, the libraries they
import, and data files. These tests pin each: the report package is Python
source only (no font or other data: the PDF embeds a subset of a font the
system has), it imports nothing outside the standard library, numpy, PySide6
and the project, and every Qt module it imports is one the rest of the app
already imports (so no Qt library enters the bundle for the report) and none
the bundle excludes. What remains is its byte code, a fraction of its source.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "desktop_app" / "report"
LIMIT_BYTES = 5 * 1024 * 1024


def _imports(paths) -> set[str]:
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                if node.module == "PySide6":
                    found |= {f"PySide6.{alias.name}" for alias in node.names}
    return found


def _qt(modules: set[str]) -> set[str]:
    return {m.split(".")[1] for m in modules if m.startswith("PySide6.")}


def test_the_report_package_is_python_source_only_and_small():
    files = [p for p in REPORT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files and all(p.suffix == ".py" for p in files), [p.name for p in files if p.suffix != ".py"]
    size = sum(p.stat().st_size for p in files)
    assert size < LIMIT_BYTES / 10, size       # byte code is smaller than its source


def test_the_report_imports_only_what_the_bundle_already_holds(cfg):
    report = _imports(REPORT.rglob("*.py"))
    roots = {m.split(".")[0] for m in report}
    third_party = roots - set(sys.stdlib_module_names) - {"desktop_app", "models", "__future__"}
    assert third_party <= {"PySide6", "numpy"}, third_party
    rest = _imports(p for p in (ROOT / "desktop_app").rglob("*.py") if REPORT not in p.parents)
    assert _qt(report), "the report draws with Qt"
    assert _qt(report) <= _qt(rest), _qt(report) - _qt(rest)       # no Qt module only the report needs
    assert not _qt(report) & set(cfg.EXCLUDED_QT_MODULES)
    # no web engine, no print support: Qt's own PDF writer (QtGui) and SVG generator (QtSvg)
    assert not {"QtWebEngineCore", "QtWebEngineWidgets", "QtPrintSupport", "QtPdf"} & _qt(report)
