"""What the frozen bundle holds: version, data files, exclusions, and the spec on every platform."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "valuation-workbench.spec"


# ------------------------------------------------------------------ version
def test_one_version_string(cfg):
    import models
    from models._version import __version__

    assert cfg.read_version() == __version__ == models.__version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "models._version.__version__"}


def test_read_version_parses_without_importing(cfg, tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "_version.py").write_text('import nothing_here\n__version__ = "9.8.7"\n')
    assert cfg.read_version(tmp_path) == "9.8.7"
    (tmp_path / "models" / "_version.py").write_text("__version__ = compute()\n")
    with pytest.raises(ValueError):
        cfg.read_version(tmp_path)


def test_archive_name_carries_version_and_platform(cfg):
    assert cfg.archive_basename("1.2.3", "linux-x86_64") == "valuation-workbench-1.2.3-linux-x86_64"
    assert cfg.platform_tag("Darwin", "arm64") == "macos-arm64"
    assert cfg.platform_tag("Windows", "AMD64") == "windows-amd64"
    assert cfg.archive_basename().startswith(f"valuation-workbench-{cfg.read_version()}-")


@pytest.mark.parametrize("system, name", [("Windows", "valuation-workbench.ico"),
                                          ("Darwin", "valuation-workbench.icns"),
                                          ("Linux", "valuation-workbench-256.png")])
def test_icon_per_platform_exists(cfg, system, name):
    path = cfg.icon_file(system)
    assert path.name == name and path.is_file()


# ------------------------------------------------------------------ datas
def test_datas_hold_every_resource_at_its_package_path(cfg):
    datas = cfg.resource_datas()
    by_dest: dict[str, set[str]] = {}
    for src, dest in datas:
        assert Path(src).is_file()
        by_dest.setdefault(dest, set()).add(Path(src).name)
    assert set(by_dest) == {"resources/samples", "resources/icons", "resources/translations"}
    resources = ROOT / "resources"
    assert by_dest["resources/samples"] == {p.name for p in (resources / "samples").glob("*.json")}
    assert cfg.SAMPLE_NAME in by_dest["resources/samples"]
    assert by_dest["resources/translations"] == {
        p.name for p in (resources / "translations").glob("*.qm")}
    assert {"valuation-workbench.svg", "valuation-workbench.ico", "valuation-workbench.icns",
            "valuation-workbench-256.png"} <= by_dest["resources/icons"]
    # nothing that is not shipped data (scripts, sources of translations)
    assert not any(src.endswith((".py", ".ts")) for src, _ in datas)


def test_datas_refuse_a_missing_resource_folder(cfg, tmp_path):
    (tmp_path / "resources" / "samples").mkdir(parents=True)
    (tmp_path / "resources" / "samples" / "a.json").write_text("{}")
    with pytest.raises(FileNotFoundError, match="icons"):
        cfg.resource_datas(tmp_path)


@pytest.mark.parametrize("dest, unwanted", [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
    ("PySide6/Qt/translations/qtbase_en.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qt_help_zh_CN.qm", True),
    ("resources/translations/app_de.qm", False),          # the app's own: never dropped
    ("PySide6/Qt/lib/libQt6Core.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),
    ("PySide6/Qt6Network.dll", True),
    ("PySide6/Qt6Widgets.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
    ("libcairo.so.2", True),
    ("libcairo-gobject.so.2", True),
    ("libpango-1.0.so.0", True),
    ("libfontconfig.so.1", False),       # Qt needs it
    ("libharfbuzz.so.0", False),         # freetype needs it
    ("libdbus-1.so.3", False),           # QtDBus dlopens it
    ("numpy.libs/libcairo.so.2", False),  # only top-level system libs are dropped

    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/imageformats/libqico.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
    ("PySide6/Qt/plugins/imageformats/libqgif.so", True),
    ("PySide6\\plugins\\imageformats\\qjpeg.dll", True),
    ("PySide6\\plugins\\imageformats\\qsvg.dll", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
    ("pyqtgraph/icons/peegee/peegee_512px@2x.png", True),
    ("pyqtgraph/icons/peegee/peegee.svg", True),
    ("pyqtgraph/icons/auto.png", False),                  # the plots' auto-range button
    ("pyqtgraph/icons/invisibleEye.svg", False),
    ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
])
def test_unwanted_qt_files(cfg, dest, unwanted):
    assert cfg.is_unwanted_qt_file(dest) is unwanted


def _qt_modules_imported_by(package: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "PySide6":
                    found |= {alias.name for alias in node.names}
                elif node.module.startswith("PySide6."):
                    found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[1] for a in node.names
                          if a.name.startswith("PySide6.")}
    return found


def test_no_excluded_qt_module_is_imported_by_the_app(cfg):
    used = _qt_modules_imported_by("desktop_app") | _qt_modules_imported_by("models")
    assert not used & set(cfg.EXCLUDED_QT_MODULES), "the bundle would lack a module the app imports"


def _modules_imported_by(package: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return found


def test_the_app_imports_no_excluded_standard_module(cfg):
    used = _modules_imported_by("desktop_app") | _modules_imported_by("models")
    assert not {m.split(".")[0] for m in used} & set(cfg.EXCLUDED_STDLIB)
    assert {"_hashlib", "readline", "_codecs_jp", "_codecs_kr", "_codecs_tw"} <= set(cfg.EXCLUDED_MODULES)
    assert "PySide6.QtDBus" in cfg.EXCLUDED_MODULES


def test_what_the_statement_import_needs_is_not_excluded(cfg):
    # GBK/GB18030 CSVs and .xlsx through pandas + openpyxl (the import issue)
    for name in ("_codecs_cn", "_multibytecodec", "encodings", "pandas", "openpyxl", "et_xmlfile",
                 "csv", "_csv", "zipfile", "xml", "pyexpat", "_elementtree"):
        assert name not in cfg.EXCLUDED_MODULES, name


def test_without_the_excluded_standard_modules_hashes_and_chinese_codecs_work(cfg, tmp_path):
    """A fresh interpreter where every module of EXCLUDED_STDLIB fails to
    import, as in the bundle: hashlib falls back to its built-in hashes,
    the app's self-test codecs (GBK, GB18030, UTF-8 with BOM) round-trip, and
    a dropped codec is an ordinary LookupError."""
    code = f"""
import importlib.abc, sys
BLOCKED = {tuple(cfg.EXCLUDED_STDLIB)!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("excluded from the bundle: " + name)
sys.meta_path.insert(0, Block())
assert not set(BLOCKED) & set(sys.modules), sorted(set(BLOCKED) & set(sys.modules))
import hashlib, hmac, random, tempfile, uuid
assert "_hashlib" not in sys.modules
assert hashlib.sha256(b"abc").hexdigest().startswith("ba7816bf")
assert hashlib.md5(b"").hexdigest() == "d41d8cd98f00b204e9800998ecf8427e"
assert hashlib.sha512(b"x").digest() and hmac.new(b"k", b"m", "sha256").hexdigest()
sys.path.insert(0, {str(ROOT)!r})
from desktop_app.app import SELFTEST_CODECS, _codec_round_trips
assert all(_codec_round_trips(name) for name in SELFTEST_CODECS), SELFTEST_CODECS
for name in ("shift_jis", "euc_kr", "big5", "iso2022_jp"):
    try:
        "x".encode(name)
    except LookupError:
        pass
    else:
        raise AssertionError(name + " still encodes: its module was not blocked")
print("ok")
"""
    import subprocess
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_pyqtgraph_needs_are_not_excluded(cfg):
    # pyqtgraph 0.14 imports these at import time (Qt/OpenGLHelpers.py)
    for name in ("QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtCore", "QtGui", "QtWidgets"):
        assert f"PySide6.{name}" not in cfg.EXCLUDED_MODULES


# ------------------------------------------------------------------ the spec
class _Recorder:
    """Stands in for one PyInstaller build class; remembers its arguments."""

    calls: list[tuple[str, tuple, dict]] = []

    def __init__(self, *args, **kwargs):
        type(self).calls.append((type(self).__name__, args, kwargs))
        self.args, self.kwargs = args, kwargs
        self.binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "x", "BINARY"),
                         ("PySide6/Qt/lib/libQt6Qml.so.6", "x", "BINARY")]
        self.datas = [("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
                      ("resources/samples/s.json", "x", "DATA")]
        self.pure, self.scripts = [], []


def _run_spec(monkeypatch, platform: str) -> dict[str, list]:
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    classes = {name: type(name, (_Recorder,), {}) for name in names}
    _Recorder.calls = []
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC), **classes}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    calls: dict[str, list] = {}
    for name, args, kwargs in _Recorder.calls:
        calls.setdefault(name, []).append((args, kwargs))
    calls["_ns"] = namespace
    return calls


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_builds_one_folder_bundle_on_every_platform(cfg, monkeypatch, platform):
    calls = _run_spec(monkeypatch, platform)
    (analysis_args, analysis), = calls["Analysis"]
    assert analysis_args[0] == [str(cfg.ENTRY_SCRIPT)]
    assert analysis["datas"] == cfg.resource_datas()
    assert set(cfg.EXCLUDED_MODULES) <= set(analysis["excludes"])
    (_, exe), = calls["EXE"]
    assert exe["exclude_binaries"] is True          # one-folder, not one-file
    assert exe["name"] == cfg.APP_NAME
    assert exe["console"] is False
    assert len(calls["COLLECT"]) == 1
    # the post-filter dropped unwanted Qt files but kept the app's data
    a = calls["_ns"]["a"]
    assert [b[0] for b in a.binaries] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [d[0] for d in a.datas] == ["resources/samples/s.json"]
    if platform == "darwin":
        (_, bundle), = calls["BUNDLE"]
        assert bundle["version"] == cfg.read_version()
        assert bundle["info_plist"]["CFBundleShortVersionString"] == cfg.read_version()
        assert bundle["icon"].endswith(".icns")
    else:
        assert "BUNDLE" not in calls
    if platform == "win32":
        assert exe["icon"].endswith(".ico")


def test_launcher_calls_the_gui_script_entry_point(cfg):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = pyproject["project"]["gui-scripts"]["valuation-workbench"]
    module, func = target.split(":")
    source = cfg.ENTRY_SCRIPT.read_text(encoding="utf-8")
    assert f"from {module} import {func}" in source
    assert re.search(rf"sys\.exit\({func}\(\)\)", source)


def test_inno_setup_script_takes_the_version_from_the_build(cfg):
    iss = (ROOT / "installer" / "valuation-workbench.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in iss
    assert re.search(r"#ifndef AppVersion\s+#error", iss)        # no second version string
    assert cfg.read_version() not in iss
    assert "valuation-workbench.ico" in iss
    assert r'Source: "{#SourceDir}\*"' in iss and "recursesubdirs" in iss
    build = (ROOT / "installer" / "build.py").read_text(encoding="utf-8")
    assert "/DAppVersion=" in build


def test_bundle_carries_the_cli_and_its_spreadsheet_libraries(cfg):
    import importlib.util
    for name in cfg.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name
    for name in ("pandas", "openpyxl", "et_xmlfile", "models.io.xlsx"):
        assert name not in cfg.EXCLUDED_MODULES
    launcher = cfg.ENTRY_SCRIPT.read_text(encoding="utf-8")
    assert f'CLI_SWITCH = "{cfg.CLI_SWITCH}"' in launcher and "from models.__main__ import main" in launcher


def test_launcher_runs_the_cli_with_the_switch(cfg, tmp_path):
    import subprocess
    proc = subprocess.run([sys.executable, str(cfg.ENTRY_SCRIPT), cfg.CLI_SWITCH, "--version"], cwd=ROOT,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0 and proc.stdout.strip() == f"valuation-workbench {cfg.read_version()}"
    proc = subprocess.run([sys.executable, str(cfg.ENTRY_SCRIPT), cfg.CLI_SWITCH, "export", "nope.json", "--xlsx",
                           "--out", str(tmp_path / "x.xlsx")], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2 and proc.stderr.startswith("error: file not found: nope.json")


def test_every_page_and_file_tool_is_a_hidden_import(cfg):
    """The window imports its pages and File-menu tools by name; the bundle
    must list each (a missing tool fails the frozen app at start)."""
    pytest.importorskip("PySide6")
    from desktop_app.file_tools import TOOLS
    from desktop_app.pages import PAGES
    assert cfg.app_hidden_imports() == [s.module for s in PAGES] + [s.module for s in TOOLS]
    spec = (Path(cfg.ROOT) / "installer" / "valuation-workbench.spec").read_text(encoding="utf-8")
    assert "cfg.app_hidden_imports()" in spec
