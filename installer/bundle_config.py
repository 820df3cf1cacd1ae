"""What goes into the frozen bundle: one place, importable without PyInstaller.

The PyInstaller spec (``valuation-workbench.spec``), the build script and the
tests all read this module, so the data list, the exclusions and the version
are decided once. Nothing here imports the app, Qt or PyInstaller.
"""
from __future__ import annotations

import ast
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER_DIR = ROOT / "installer"

APP_NAME = "valuation-workbench"          # executable, folder and archive name
DISPLAY_NAME = "Valuation Workbench"
DISPLAY_NAME_ZH = "估值工作台"
APP_ID = "com.valuationworkbench.ValuationWorkbench"  # reverse-DNS id (macOS, .desktop)
ENTRY_SCRIPT = INSTALLER_DIR / "launcher.py"
SAMPLE_NAME = "united-imaging-688271.json"
LINUX_ARCHIVE_SUFFIX = ".tar.xz"

# Resource folders shipped inside the bundle at the same package-relative
# place they have in the source tree (resources/<sub>/...), so the app finds
# them through ``importlib.resources.files("resources")`` frozen or not.
RESOURCE_DATA = (
    ("samples", ("*.json",)),
    ("icons", ("*.svg", "*.png", "*.ico", "*.icns")),
    ("translations", ("*.qm",)),
)

# Qt bindings the app never uses. pyqtgraph probes QtTest/QtSvg in try blocks;
# pyqtgraph 0.14 imports QtOpenGL and QtOpenGLWidgets at import time
# (Qt/OpenGLHelpers.py), so those two stay in.
EXCLUDED_QT_MODULES = (
    "QtConcurrent", "QtDesigner", "QtHelp", "QtNetwork", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtSql", "QtTest",
    "QtUiTools", "QtXml", "QtLabsStyleKit", "QtQmlFeatures", "QtBluetooth",
    "QtMultimedia", "QtMultimediaWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtWebChannel", "QtWebEngineCore", "QtWebEngineWidgets",
    "QtWebSockets", "Qt3DCore", "QtCharts", "QtDataVisualization",
    # PySide6's hooks pull the D-Bus binding in; the app never calls D-Bus
    # (libQt6DBus itself stays: QtGui links it)
    "QtDBus",
)
# Standard-library extension modules the app never needs: OpenSSL's hashes
# (hashlib falls back to its built-in md5/sha1/sha2/sha3/blake2; this drops
# libcrypto too), the interactive prompt's line editing, and the Japanese,
# Korean, traditional-Chinese and ISO-2022 codecs. UTF-8 and GBK/GB18030
# (_codecs_cn, _multibytecodec) stay for CSV import; asking for a dropped
# codec is Python's ordinary LookupError ("unknown encoding"), not a crash;
# ``--selftest`` checks the kept ones (desktop_app.app.SELFTEST_CODECS).
EXCLUDED_STDLIB = (
    "_hashlib", "readline", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_codecs_hk",
    "_codecs_iso2022",
)
EXCLUDED_MODULES = tuple(f"PySide6.{name}" for name in EXCLUDED_QT_MODULES) + EXCLUDED_STDLIB + (
    # other bindings pyqtgraph could pick, and optional extras it probes
    "PyQt5", "PyQt6", "PySide2", "tkinter", "matplotlib", "scipy", "IPython",
    "jupyter_rfb", "OpenGL", "cupy", "numba", "h5py", "colorcet",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter",
    "pyqtgraph.console", "pyqtgraph.canvas", "pyqtgraph.flowchart",
    # test and dev tooling never shipped
    "pytest", "pytestqt", "hypothesis", "importlinter", "grimp",
    "pandas.tests", "numpy.tests", "numpy.testing._private.extbuild",
    "PyInstaller",
    # pandas' optional I/O back ends (cloud storage, other spreadsheet
    # formats, SQL, templating). openpyxl (and its et_xmlfile) stay allowed:
    # the statement import and workbook export read and write .xlsx with it
    "botocore", "boto3", "s3fs", "gcsfs", "fsspec", "pyarrow", "sqlalchemy", "sqlite3",
    "xlrd", "xlsxwriter", "odf", "pyxlsb", "calamine",
    "python_calamine", "lxml", "bs4", "html5lib", "tables", "numexpr",
    "bottleneck", "psycopg2", "pymysql", "adbc_driver_manager", "tabulate",
    "jinja2", "markupsafe", "yaml", "charset_normalizer", "zstandard",
    # the batch's optional Dask path (valuation-cli batch --workers/--scheduler,
    # models/io/batch.py) is command-line only: the app values a folder in-process
    "dask", "distributed",
    # the app has no network access; make sure these never ride along
    "ssl", "urllib3", "requests", "http.server", "xmlrpc", "ftplib",
    "smtplib",
)

# Modules the bundle needs that no static import from the launcher reaches:
# the command line (``valuation-workbench --cli``, see launcher.py), the
# statement import and workbook export it runs, and openpyxl, which pandas'
# read_excel/ExcelWriter load by name at run time.
HIDDEN_IMPORTS = (
    "models.__main__", "models.cli_import", "models.cli_export",
    "models.io.imports", "models.io.imports.tushare", "models.io.imports.akshare",
    "models.io.imports.template", "models.io.xlsx",
    "openpyxl", "openpyxl.cell._writer", "et_xmlfile",
)


def app_hidden_imports() -> list[str]:
    """The pages and File-menu tools the window imports by name
    (``desktop_app.pages.PAGES``, ``desktop_app.file_tools.TOOLS``): no static
    import reaches them, so the bundle lists them, read from those two files
    without importing Qt."""
    found = []
    for rel, call, arg in (("desktop_app/pages/__init__.py", "PageSpec", 1),
                           ("desktop_app/file_tools/__init__.py", "ToolSpec", 0)):
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == call \
                    and len(node.args) > arg and isinstance(node.args[arg], ast.Constant):
                found.append(node.args[arg].value)
    return found


#: The launcher's switch that runs the command line instead of the window.
CLI_SWITCH = "--cli"

# Qt's own translations (qtbase_*.qm ...): keep only the languages the app ships.
QT_TRANSLATION_LANGS = ("zh_CN", "en")

# Shared libraries that PySide6's hooks may drag in through plugins but that
# nothing in a widgets + pyqtgraph app loads (QML, Quick, Network, PDF, ...).
EXCLUDED_QT_LIBS = (
    "libQt6Qml", "libQt6Quick", "libQt6Network", "libQt6Pdf", "libQt6Sql",
    "libQt6Designer", "libQt6Help", "libQt6Test", "libQt6VirtualKeyboard",
    "libQt6LabsStyleKit", "libQt6QmlModels", "libQt6QmlMeta",
    "libQt6QmlWorkerScript", "libQt6EglFSDeviceIntegration",
    "libQt6EglFsKmsSupport", "libQt6EglFsKmsGbmSupport",
    "Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6Sql", "Qt6Designer",
    "Qt6Help", "Qt6Test", "Qt6VirtualKeyboard",
)
# System libraries that only the dropped GTK3 theme plugin pulls in (see
# EXCLUDED_QT_PLUGINS); nothing else in the bundle links them, which
# installer/build.py checks with readelf after every build.
EXCLUDED_SYSTEM_LIBS = (
    "libatk-1.0", "libcairo", "libcairo-gobject", "libgdk_pixbuf-2.0", "libpango-1.0",
    "libpangocairo-1.0", "libpangoft2-1.0", "libthai", "libdatrie", "libfribidi",
    "libpixman-1",
)
# Qt plugin folders that serve only the excluded modules.
EXCLUDED_QT_PLUGIN_DIRS = (
    "qmltooling", "sqldrivers", "networkinformation", "tls", "designer",
    "virtualkeyboard", "position", "multimedia",
    # embedded-device platforms (framebuffer, EGLFS, VNC) and their input
    # plugins: a desktop app runs on xcb, wayland, windows or cocoa
    "egldeviceintegrations", "generic",
)
# Single platform plugins of the same kind (kept: xcb, wayland, offscreen,
# minimal, windows, cocoa). The GTK3 theme plugin is dropped too: it links
# GTK, which the bundle cannot carry whole, so PyInstaller would ship part of
# its stack (cairo, pango, atk, gdk-pixbuf) to be mixed with the user's own
# GTK at run time; native dialogs still come through the xdg-desktop-portal
# theme plugin.
EXCLUDED_QT_PLUGINS = (
    "libqeglfs", "libqlinuxfb", "libqminimalegl", "libqvnc", "libqvkkhrdisplay",
    "libqgtk3",
)

# Image-format plugins kept: SVG (icons) and ICO (the Windows icon). PNG,
# the only format the app reads or writes otherwise, is built into QtGui;
# GIF, JPEG, TIFF, WebP, TGA, WBMP and ICNS readers go.
KEPT_IMAGE_FORMATS = ("qsvg", "qico")
# Data files of the bundled packages nothing shows: pyqtgraph's logo (only
# its own mkQApp() sets it as the window icon; the app makes its own
# QApplication). Its auto-range and menu icons stay.
UNWANTED_PACKAGE_DATA = (("pyqtgraph", "icons", "peegee"),)


def read_version(root: Path = ROOT) -> str:
    """The one version string, parsed from ``models/_version.py`` without importing."""
    tree = ast.parse((root / "models" / "_version.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    raise ValueError("models/_version.py defines no __version__ string")


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, destination folder) for every resource.

    Each file keeps its folder under ``resources/``; a folder or pattern with no
    match is an error, so a missing sample or translation fails the build
    instead of shipping a bundle without it.
    """
    datas: list[tuple[str, str]] = []
    for sub, patterns in RESOURCE_DATA:
        folder = root / "resources" / sub
        files = sorted({p for pattern in patterns for p in folder.glob(pattern)})
        if not files:
            raise FileNotFoundError(f"no {patterns} in {folder}: nothing to bundle")
        for path in files:
            datas.append((str(path), f"resources/{sub}"))
    return datas


def is_unwanted_qt_file(dest: str) -> bool:
    """True for a collected file (by its destination path) the bundle should drop
    (Qt's, and the few package data files of UNWANTED_PACKAGE_DATA)."""
    parts = dest.replace("\\", "/").split("/")
    name = parts[-1]
    if "translations" in parts and name.endswith(".qm") and "resources" not in parts:
        stem = name[:-3]
        if stem.startswith("qt_help_"):
            return True
        return not any(stem.endswith("_" + lang) for lang in QT_TRANSLATION_LANGS)
    for prefix in UNWANTED_PACKAGE_DATA:
        if tuple(parts[:len(prefix)]) == prefix:
            return True
    if "plugins" in parts:
        if any(d in parts for d in EXCLUDED_QT_PLUGIN_DIRS):
            return True
        if "imageformats" in parts:
            stem = name.split(".", 1)[0]
            stem = stem[3:] if stem.startswith("lib") else stem
            return stem not in KEPT_IMAGE_FORMATS
        if any(name.startswith(p + ".") or name.startswith(p + "_") for p in EXCLUDED_QT_PLUGINS):
            return True
    if "qml" in parts and ("PySide6" in parts or "Qt" in parts):
        return True
    if len(parts) == 1 and is_excluded_system_lib(name):
        return True
    return any(name.startswith(lib + ".") or name.startswith(lib + "d.")
               for lib in EXCLUDED_QT_LIBS)


def is_excluded_system_lib(name: str) -> bool:
    """``libcairo.so.2`` -> True; ``libcairo-gobject.so.2`` only by its own entry."""
    return any(name.startswith(lib + ".so") for lib in EXCLUDED_SYSTEM_LIBS)


def icon_file(system: str | None = None, root: Path = ROOT) -> Path:
    """The icon format the platform's bundler wants (``system`` as platform.system() names it)."""
    system = system or {"win32": "Windows", "darwin": "Darwin"}.get(sys.platform, "Linux")
    suffix = {"Windows": ".ico", "Darwin": ".icns"}.get(system, "-256.png")
    return root / "resources" / "icons" / f"{APP_NAME}{suffix}"


def platform_tag(system: str | None = None, machine: str | None = None) -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``: used in archive names."""
    system = (system or platform.system()).lower()
    machine = (machine or platform.machine()).lower()
    system = {"darwin": "macos"}.get(system, system)
    return f"{system}-{machine}"


def archive_basename(version: str | None = None, tag: str | None = None) -> str:
    return f"{APP_NAME}-{version or read_version()}-{tag or platform_tag()}"


if __name__ == "__main__":  # handy for shell scripts: print the version
    sys.stdout.write(read_version() + "\n")
