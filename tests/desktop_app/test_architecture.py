"""The house drawn by its import graph (grimp, which import-linter installs):
no circle among desktop_app's modules, the main window a shell, edits as data
beneath the document."""
from __future__ import annotations

from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("desktop_app", "models", include_external_packages=True, cache_dir=None)


def _gui_modules(graph) -> set[str]:
    return {m for m in graph.modules if m == "desktop_app" or m.startswith("desktop_app.")}


def test_no_import_cycle_among_desktop_app_modules(graph):
    modules = _gui_modules(graph)
    cycles = []
    for module in sorted(modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported in modules and imported != module \
                    and graph.chain_exists(importer=imported, imported=module):
                cycles.append(f"{module} → {imported} → … → {module}")
    assert not cycles, "\n".join(cycles)


def test_the_graph_sees_the_package(graph):
    """The cycle test would pass on an empty graph: make sure it is not one."""
    modules = _gui_modules(graph)
    assert {"desktop_app.main_window", "desktop_app.pages.valuation", "desktop_app.file_session",
            "desktop_app.document", "desktop_app.undo", "desktop_app.edits"} <= modules
    assert graph.direct_import_exists(importer="desktop_app.main_window", imported="desktop_app.pages.valuation")


def test_edits_are_data_beneath_the_document(graph):
    assert not graph.chain_exists(importer="desktop_app.edits", imported="desktop_app.document")
    assert not graph.chain_exists(importer="desktop_app.edits", imported="PySide6")
    assert not graph.chain_exists(importer="desktop_app.undo", imported="desktop_app.document")
    assert graph.direct_import_exists(importer="desktop_app.document", imported="desktop_app.undo")


def test_pages_and_session_stand_without_the_window(graph):
    for module in ("desktop_app.pages.valuation", "desktop_app.file_session"):
        assert not graph.chain_exists(importer=module, imported="desktop_app.main_window"), module


def test_main_window_is_a_shell():
    lines = (ROOT / "desktop_app" / "main_window.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300


def test_placeholders_are_filled_by_the_one_helper():
    """Issue 10 item 5: every "%1" is filled by i18n.fill (a chained or single
    str.replace corrupts names holding "%2" and drifts from the one rule)."""
    import re

    offenders = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\.replace\(\s*["']%\d""", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
