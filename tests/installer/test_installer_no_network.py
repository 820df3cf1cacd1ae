"""The app makes no network access: no module of it imports a network API.

The frozen app is also run with strace and in an empty network namespace by
installer/smoke_test.py (CI); this catches an import before any build.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NETWORK_MODULES = {
    "socket", "ssl", "http", "urllib.request", "urllib3", "requests", "httpx", "aiohttp",
    "ftplib", "smtplib", "poplib", "imaplib", "xmlrpc", "websocket", "websockets",
    "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets", "PySide6.QtRemoteObjects",
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def is_network(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES)


def test_app_sources_import_no_network_api():
    offenders = {}
    for package in ("models", "desktop_app", "resources"):
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = sorted(n for n in imported_modules(path) if is_network(n))
            if bad:
                offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}


def test_the_check_sees_network_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("import socket\nfrom PySide6 import QtNetwork\nfrom urllib.request import urlopen\n"
                      "from urllib.parse import quote\nimport httpx.client\n")
    found = sorted(n for n in imported_modules(sample) if is_network(n))
    assert found == ["PySide6.QtNetwork", "httpx.client", "socket", "urllib.request",
                     "urllib.request.urlopen"]
