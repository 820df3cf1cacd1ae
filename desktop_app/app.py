"""Entry point: ``valuation-workbench [FILE]`` / ``python -m desktop_app [FILE]``.

The QApplication is created in :func:`main`, never at import time.
``--selftest`` loads the bundled sample, values it, renders the main window
once offscreen and prints the DDM and dynamic totals (the installer's smoke
test runs the frozen app with it).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import resources

SAMPLE_PATH = Path(resources.__file__).resolve().parent / "samples" / "united-imaging-688271.json"
ORGANIZATION = "ValuationWorkbench"
APPLICATION = "valuation-workbench"

from desktop_app.fonts import CJK_FONTS, choose_font_families  # noqa: E402,F401 (re-exported)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="valuation-workbench",
                                     description="估值工作台 Valuation Workbench")
    parser.add_argument("file", nargs="?", help="a model file (.vwm.json) to open")
    parser.add_argument("--selftest", action="store_true",
                        help="load the bundled sample, value it, render the window offscreen, print the totals, exit")
    parser.add_argument("--without-plots", action="store_true", help="do not build the sensitivity panel")
    parser.add_argument("--lang", choices=["system", "zh_CN", "en"], help="language for this run")
    parser.add_argument("--report", metavar="MODEL", help="write MODEL's research report to --out, then exit")
    parser.add_argument("--out", metavar="FILE", help="with --report: FILE.pdf or FILE.html")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def setup_fonts(app) -> list[str]:
    """Make Chinese render (never boxes): put a CJK-capable family first and
    the others as fallbacks."""
    from PySide6.QtGui import QFontDatabase

    families = choose_font_families(QFontDatabase.families())
    if families:
        font = app.font()
        font.setFamilies(families + [f for f in font.families() if f not in families])
        app.setFont(font)
    return families


def create_application(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    from desktop_app import pyside_guard
    pyside_guard.apply()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    import models
    app.setApplicationVersion(models.__version__)
    app.setApplicationDisplayName("估值工作台")
    setup_fonts(app)
    return app


def default_recovery_dir() -> str:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return os.path.join(base or tempfile.gettempdir(), "recovery")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_args(argv)
    if args.report is not None:
        from desktop_app.report.cli import run_report
        return run_report(args.report, args.out, args.lang)
    if args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import PySide6  # noqa: F401  (PySide6 before pyqtgraph, for its binding choice)
    app = create_application([sys.argv[0]])
    if args.selftest:
        return run_selftest(app, with_plots=not args.without_plots)

    from PySide6.QtCore import QSettings

    from desktop_app.settings import Settings

    window = start(args, app, Settings(QSettings()), default_recovery_dir())
    window.document.start_autosave(window.settings.get("autosave_interval_s"))
    return app.exec()


def start(args: argparse.Namespace, app, settings, recovery_dir: str):
    """Open FILE, else the last file, else the bundled sample; show the main
    window; offer to restore work a crash left behind."""
    import models
    from desktop_app import i18n
    from desktop_app.document import Document
    from desktop_app.main_window import MainWindow

    i18n.install(app, args.lang or settings.get("language"))
    problems = []
    path = args.file or settings.get("last_file") or None
    model = None
    if path:
        try:
            model = models.load_model(path)
            path = os.path.abspath(path)
        except models.ModelFileError as exc:
            from desktop_app import load_errors
            problems.append(load_errors.describe(exc, path))
    if model is None:
        path = None
        model = models.load_model(SAMPLE_PATH)
    document = Document(model, path, recovery_dir=recovery_dir)
    window = MainWindow(document, settings, with_plots=not args.without_plots)
    from desktop_app import startup_trace
    startup_trace.watch_window(window)   # for installer/startup_time.py; off unless asked
    for problem in problems:
        window.messages.log(problem)
    window.show()
    if problems and args.file:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Cannot open file"),
                            "\n\n".join(problems))
    if path and not window.session.confirm_not_open_elsewhere(path):
        # another instance has it open and the user would rather not: the sample instead
        document.reset(models.load_model(SAMPLE_PATH), None)
        path = None
    if path:
        settings.add_recent_file(path)
        settings.set("last_file", path)
    window.session.offer_recovery()
    return window


def run_selftest(app, with_plots: bool = True) -> int:
    """Smoke test: sample → valuation → main window rendered once → totals."""
    from PySide6.QtCore import QSettings

    import models
    from desktop_app import i18n
    from desktop_app.document import Document
    from desktop_app.main_window import MainWindow
    from desktop_app.numbers import MONEY, format_value
    from desktop_app.settings import Settings

    from PySide6.QtCore import qInstallMessageHandler

    def quiet_offscreen(mode, context, message):
        # the offscreen platform warns on every top-level size-hint change; noise here
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet_offscreen)
    with tempfile.TemporaryDirectory(prefix="vw-selftest-") as tmp:
        settings = Settings(QSettings(os.path.join(tmp, "selftest.ini"), QSettings.Format.IniFormat))
        i18n.install(app, "zh_CN")
        model = models.load_model(SAMPLE_PATH)
        document = Document(model, None, recovery_dir=None)
        window = MainWindow(document, settings, with_plots=with_plots)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        deadline = time.monotonic() + 10
        while not window.first_paint.done and time.monotonic() < deadline:
            app.processEvents()   # what waits for the first paint: the plot (pyqtgraph), the analysis line
        pixmap = window.grab()
        state = window.controller.state
        result = state.result if state else None
        ok = not pixmap.isNull() and pixmap.width() > 0 and result is not None
        if with_plots and (window.plots_panel is None or not window.plots_panel.built_views()):
            _say("selftest FAILED: the sensitivity plot was not built", error=True)
            return 1
        if result is not None:
            shown = window.header.ddm.value.text()
            ok = ok and shown.startswith(format_value(result.ddm.total, MONEY))
        if not ok:
            _say("selftest FAILED: the window did not render the sample's valuation", error=True)
            return 1
        lost = [name for name in SELFTEST_CODECS if not _codec_round_trips(name)]
        if lost:
            _say(f"selftest FAILED: codecs missing from this build: {', '.join(lost)}", error=True)
            return 1
        unit = model.unit
        _say(f"DDM {result.ddm.total:.2f} {unit}  dynamic {result.dynamic.total:.2f} {unit}")
        window.close()
        document.close_cleanly()
    return 0


#: Text encodings a frozen build must keep (CSV files from Chinese Excel are
#: GBK/GB18030); the installer drops the other East Asian codecs.
SELFTEST_CODECS = ("utf-8-sig", "gbk", "gb18030", "gb2312")


def _codec_round_trips(name: str) -> bool:
    text = "估值工作台 营业收入 1,234.5"
    try:
        return text.encode(name).decode(name) == text
    except LookupError:
        return False


def _say(line: str, error: bool = False) -> None:
    """Print even from a windowed (no console) build, where ``sys.stdout`` may
    be None although the parent process captures file descriptor 1."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(line, file=stream, flush=True)
        return
    try:
        with open(2 if error else 1, "w", encoding="utf-8", closefd=False) as fd_stream:
            fd_stream.write(line + "\n")
    except OSError:
        pass
