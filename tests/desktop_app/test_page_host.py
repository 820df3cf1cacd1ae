"""The page switcher: pages after the valuation page are built when first
shown, join the controller's views, and a broken one never stops the window."""
import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.controller import Controller
from desktop_app.pages import PageSpec
from desktop_app.pages.host import PageHost

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BUILT = []


class RecordingPage(QLabel):
    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.states = []
        BUILT.append(self)

    def update_state(self, state, structure_changed):
        self.states.append((state.result.ddm.total, structure_changed))

    def locate(self, path, focus=True, visible_only=False):
        return tuple(path) == ("company", "profile", "summary")

    def retranslate(self):
        self.setText("retranslated")


class BrokenPage(QWidget):
    def __init__(self, document, controller, parent=None):
        raise RuntimeError("no such widget")


SPECS = [PageSpec("notes", __name__, "RecordingPage", "Notes"),
         PageSpec("broken", __name__, "BrokenPage", "Broken")]


@pytest.fixture
def host(qtbot, document):
    BUILT.clear()
    controller = Controller(document)
    controller.recompute(True)
    first = QLabel("valuation")
    host = PageHost(document, controller, first, specs=SPECS)
    qtbot.addWidget(host)
    host.show()
    return host


def test_pages_are_built_when_first_shown_and_follow_edits(host, document):
    assert BUILT == [] and host.tabs.count() == 3
    assert host.tabs.tabText(1) == "Notes"
    host.tabs.setCurrentIndex(1)
    assert len(BUILT) == 1 and host.currentWidget() is BUILT[0]
    page = BUILT[0]
    assert page.states == [(host.controller.state.result.ddm.total, True)]
    document.edit("edit", lambda txn: txn.set(("segments", 0, "discount_rate"), 0.09))
    assert page.states[-1][0] == host.controller.state.result.ddm.total
    assert page.states[-1][0] != page.states[0][0]
    host.tabs.setCurrentIndex(0)
    host.tabs.setCurrentIndex(1)
    assert len(BUILT) == 1       # built once


def test_a_broken_page_is_reported_and_the_window_stays(host, qtbot):
    with qtbot.waitSignal(host.failed) as blocker:
        host.tabs.setCurrentIndex(2)
    assert "Broken" in blocker.args[0] and "no such widget" in blocker.args[0]
    assert host.stack.currentIndex() == 0


def test_the_window_finds_an_issue_on_a_built_page(make_window, document, monkeypatch):
    import desktop_app.pages.host as host_module
    monkeypatch.setattr(host_module, "PAGES", SPECS)
    BUILT.clear()
    window = make_window(document)
    assert not window.go_to_issue(("company", "profile", "summary"))   # not built yet: nothing to show
    notes = window.pages.page("notes")
    assert window.go_to_issue(("company", "profile", "summary"))
    assert window.pages.currentWidget() is notes


def test_a_page_refusal_reaches_the_window_messages(make_window, document):
    """A refusal on a page built later is shown like the valuation page's."""
    from desktop_app.pages import PAGES
    window = make_window(document)
    for key in ("history", "mix"):
        page = window.pages.page(key)
        page.refused.emit(f"{key} 2023: refused for a reason")
        assert f"{key} 2023: refused for a reason" in window.statusBar().currentMessage()
        assert sum(f"{key} 2023: refused for a reason" in t for t in window.messages.texts()) == 1
