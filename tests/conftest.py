"""Shared fixtures. Qt runs offscreen; settings, recovery files and model
files live in each test's tmp_path, never in the user's profile."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Property tests have no wall-clock deadline (speed is measured by the
# benchmarks under tests/benchmarks, not inside unit tests). CI sets
# VW_HYPOTHESIS_PROFILE=ci: the same examples on every run, so a result seen
# here is the result CI sees; the default profile explores new ones each run.
settings.register_profile("default", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile(os.environ.get("VW_HYPOTHESIS_PROFILE", "default"))

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def _qt_available() -> bool:
    try:
        import PySide6  # noqa: F401
    except ImportError:
        return False
    return True


if _qt_available():
    from desktop_app import pyside_guard  # noqa: E402

    pyside_guard.apply()


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_model():
    import models

    return models.load_model(SAMPLE)


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop_app.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def recovery_dir(tmp_path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def document(qapp, sample_model, recovery_dir):
    from desktop_app.document import Document

    doc = Document(sample_model, None, recovery_dir=recovery_dir)
    yield doc
    doc.close_cleanly()


class ModalGuard:
    """Replaces QMessageBox's static dialogs: a test states the answer it
    wants with ``answer(name, button)``; an unexpected dialog fails the test
    instead of blocking it."""

    def __init__(self):
        self.calls: list[tuple[str, str, str]] = []
        self.answers: dict[str, object] = {}

    def answer(self, name: str, button) -> None:
        self.answers[name] = button

    def make(self, name: str):
        def dialog(parent, title, text, *args, **kwargs):
            self.calls.append((name, str(title), str(text)))
            if name not in self.answers:
                raise AssertionError(f"unexpected QMessageBox.{name}: {title}: {text}")
            return self.answers[name]
        return dialog


@pytest.fixture
def modals(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    guard = ModalGuard()
    for name in ("warning", "question", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(guard.make(name)))
    return guard


@pytest.fixture
def make_window(qtbot, settings, modals):
    """Factory for started main windows (English UI unless ``language``):
    shown, painted once, and what waits for the first paint has run; each is
    closed without prompts at teardown."""
    from desktop_app import i18n
    from desktop_app.main_window import MainWindow

    created = []

    def make(document, with_plots: bool = False, language: str = "en"):
        i18n.install(qtbot_app(), language)
        win = MainWindow(document, settings, with_plots=with_plots)
        win.show()
        qtbot.waitExposed(win)
        created.append(win)
        # started: painted once, and what waits for the first paint has run
        qtbot.waitUntil(lambda: win.first_paint.done, timeout=5000)
        return win

    yield make
    for win in created:
        win.document.undo_stack.setClean()
        win.document._restored_unsaved = False
        win.close()
        win.deleteLater()
    qtbot_app().processEvents()


@pytest.fixture
def window(make_window, document):
    """The main window on the sample, without the sensitivity panel (issue 5
    has its own tests)."""
    return make_window(document)


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


# -- a real spreadsheet client (CSV injection, issue 8) -----------------------
#: LibreOffice's CSV import options (comma, double quote, UTF-8, from line 1,
#: standard columns, default language, quoted fields not forced to text,
#: detect special numbers, —, —, trim spaces, —, evaluate formulas): the most
#: trusting import a user can choose, besides the plain default.
CALC_TRUSTING_IMPORT = "CSV:44,34,76,1,,0,false,true,false,false,true,-1,true"


class CalcClient:
    """LibreOffice Calc, headless: converts CSV files to flat ODS and reports
    every cell it read as a formula. Its own profile lives in tmp_path."""

    TRUSTING_IMPORT = CALC_TRUSTING_IMPORT

    def __init__(self, soffice: str, workdir: Path):
        self.soffice = soffice
        self.workdir = workdir
        self.profile = (workdir / "lo-profile").as_uri()

    def formulas(self, csv_paths, infilter: str | None = None) -> dict[str, list[str]]:
        """{csv file name: [formula of each cell Calc reads as one]}."""
        import subprocess
        import xml.etree.ElementTree as ET

        csv_paths = [Path(p) for p in csv_paths]
        outdir = self.workdir / f"calc-out-{abs(hash((infilter, tuple(csv_paths))))}"
        outdir.mkdir(parents=True, exist_ok=True)
        cmd = [self.soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", "fods", "--outdir", str(outdir)] + [str(p) for p in csv_paths]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        formula = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}formula"
        found: dict[str, list[str]] = {}
        for path in csv_paths:
            converted = outdir / (path.stem + ".fods")
            assert converted.exists(), f"soffice did not convert {path.name}: {proc.stdout} {proc.stderr}"
            root = ET.parse(converted).getroot()
            found[path.name] = [el.get(formula) for el in root.iter() if el.get(formula) is not None]
        return found

    def assert_no_formula(self, csv_paths) -> None:
        """No cell of any file is a formula, with the default import and with
        the most trusting one; a canary shows the client does read formulas."""
        csv_paths = list(csv_paths)
        canary = self.workdir / "canary.csv"
        canary.write_bytes(b'"\x00=1+1",=2+2\r\n')
        for infilter in (None, CALC_TRUSTING_IMPORT):
            found = self.formulas(csv_paths + [canary], infilter)
            assert len(found.pop("canary.csv")) == 2, "Calc read no formula from the canary: the check proves nothing"
            assert {name: f for name, f in found.items() if f} == {}


@pytest.fixture(scope="session")
def calc(tmp_path_factory):
    """LibreOffice Calc for export tests; skipped only when it is not installed."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install --no-install-recommends libreoffice-calc")
    return CalcClient(soffice, tmp_path_factory.mktemp("calc"))


#: What may stand before a formula character and be dropped or skipped by a
#: spreadsheet: control characters, BOM, zero-width and direction marks,
#: fillers, spaces of several widths, tab, CR, LF.
INJECTION_LEADS = ["", "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9b",
                   "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u202e", "\u00ad", "\u3164",
                   " ", "   ", "\t", "\r", "\n", "\r\n", "\u00a0", "\u3000", "\x00 ", " \x00",
                   "\x00\ufeff\u200b", "\ufeff\x00\t"]
#: Formula starts, full-width and small forms included.
INJECTION_STARTS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66"]


def injection_payloads() -> list[str]:
    out = []
    for lead in INJECTION_LEADS:
        for start in INJECTION_STARTS:
            body = "SUM(1,1)" if start in ("@", "\uff20") else '1+HYPERLINK("http://example.invalid","x")'
            out.append(lead + start + body)
    return out


@pytest.fixture(scope="session")
def payloads() -> list[str]:
    """Text cells that try to become a formula in a spreadsheet."""
    return injection_payloads()


@pytest.fixture(scope="session")
def injection_leads() -> list[str]:
    """The leads ``payloads`` puts before each formula start (lead-major order)."""
    return list(INJECTION_LEADS)


@pytest.fixture(autouse=True)
def _english_again_after_each_test():
    """A test that switches the UI to Chinese must not leave it so for the
    next one (test order would then change results)."""
    yield
    if not _qt_available():
        return
    from desktop_app import i18n
    app = qtbot_app()
    if app is not None and i18n.current_language() != "en":
        i18n.install(app, "en")


@pytest.fixture(scope="session", autouse=True)
def _no_widget_outlives_the_session():
    """Delete every widget still open when the tests end, while Python is
    alive: left for interpreter shutdown, a pyqtgraph scene's destructor
    calls back into Python as it is being torn down and crashes the process
    (a segfault after the last test, or in a later paint)."""
    yield
    if not _qt_available():
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    app = qtbot_app()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
