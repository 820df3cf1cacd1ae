"""LazyPage (desktop_app/widgets/lazy.py): content built once, on first show
or on request, and visible in the same frame it is built for."""
from __future__ import annotations

import pytest
from PySide6 import QtWidgets

from desktop_app.widgets.lazy import LazyPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Factory:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        label = QtWidgets.QLabel(f"content {self.calls}")
        label.setObjectName("content")
        return label


@pytest.fixture
def stack(qtbot):
    widget = QtWidgets.QStackedWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_hidden_page_is_built_when_first_shown_and_only_once(qtbot, stack):
    first, second = Factory(), Factory()
    pages = [LazyPage(first), LazyPage(second)]
    for page in pages:
        stack.addWidget(page)
    built = []
    pages[1].built.connect(built.append)
    stack.show()
    qtbot.waitExposed(stack)
    assert (first.calls, second.calls) == (1, 0)
    assert LazyPage.unbuilt_in(stack) == [pages[1]]
    stack.setCurrentIndex(1)          # no event processing: shown in this very frame
    assert second.calls == 1 and pages[1].is_built
    content = pages[1].content()
    assert built == [content]
    assert content.isVisible() and content.text() == "content 1"
    stack.setCurrentIndex(0)
    stack.setCurrentIndex(1)
    assert (first.calls, second.calls) == (1, 1)
    assert pages[1].findChildren(QtWidgets.QLabel, "content") == [content]
    assert LazyPage.unbuilt_in(stack) == []


def test_content_asked_for_while_hidden_is_built_but_not_shown(qtbot, stack):
    factory = Factory()
    stack.addWidget(QtWidgets.QLabel("front"))
    page = LazyPage(factory)
    stack.addWidget(page)
    stack.show()
    qtbot.waitExposed(stack)
    content = page.content()
    assert factory.calls == 1 and not content.isVisible()
    assert page.content() is content and factory.calls == 1
    stack.setCurrentWidget(page)
    assert content.isVisible() and factory.calls == 1


def test_a_factory_asking_for_its_own_page_is_refused(qtbot):
    holder = {}

    def factory():
        return holder["page"].content()

    holder["page"] = page = LazyPage(factory)
    qtbot.addWidget(page)
    with pytest.raises(RuntimeError, match="being built"):
        page.content()
