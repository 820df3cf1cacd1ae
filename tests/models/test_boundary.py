"""The engine never imports Qt or the GUI (style.md: a boundary a tool enforces)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6", "desktop_app")


def test_no_forbidden_import_statements_in_models():
    offenders = []
    for path in (ROOT / "models").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_the_engine_and_cli_loads_no_qt():
    code = ("import sys, models, models.__main__, models.sensitivity, models.csv_export, models.synthetic;"
            "bad=[m for m in sys.modules if m.split('.')[0] in %r]; print(bad); sys.exit(1 if bad else 0)" % (FORBIDDEN,))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_import_linter_contract():
    # what the lint-imports script runs (``python -m importlinter.cli`` has no main: it checked nothing)
    run = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    proc = subprocess.run([sys.executable, "-c", run, "--config", str(ROOT / "pyproject.toml")],
                          cwd=ROOT, capture_output=True, text=True)
    if "No module named" in proc.stderr and "importlinter" in proc.stderr:
        import pytest
        pytest.fail("import-linter is a test dependency and must be installed")
    assert proc.returncode == 0, proc.stdout + proc.stderr
