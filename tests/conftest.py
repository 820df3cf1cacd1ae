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
    """Factory for main windows (English UI); each is closed without prompts
    at teardown."""
    from desktop_app import i18n
    from desktop_app.main_window import MainWindow

    created = []

    def make(document, with_plots: bool = False):
        i18n.install(qtbot_app(), "en")
        win = MainWindow(document, settings, with_plots=with_plots)
        win.show()
        qtbot.waitExposed(win)
        created.append(win)
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
