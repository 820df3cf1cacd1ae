"""The File menu's tools: the window builds each listed tool once, puts its
actions in the File menu before Quit, and retranslates it."""
import sys
import types

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop_app import file_tools

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class ProbeTool(QObject):
    built = []

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("actProbe")
        self.retranslated = 0
        ProbeTool.built.append(self)

    def actions(self):
        return [self.action]

    def retranslate(self):
        self.retranslated += 1
        self.action.setText(f"Probe {self.retranslated}")


@pytest.fixture
def probe_registered(monkeypatch):
    module = types.ModuleType("probe_tool_module")
    module.ProbeTool = ProbeTool
    monkeypatch.setitem(sys.modules, "probe_tool_module", module)
    monkeypatch.setattr(file_tools, "TOOLS", [file_tools.ToolSpec("probe_tool_module", "ProbeTool")])
    ProbeTool.built.clear()
    return ProbeTool


def test_tool_actions_sit_in_the_file_menu_before_quit(probe_registered, make_window, document):
    window = make_window(document)
    (tool,) = probe_registered.built
    assert tool.window is window and window.file_tools == [tool]
    actions = [a for a in window.menu_file.actions() if not a.isSeparator()]
    assert actions.index(tool.action) == actions.index(window.act_quit) - 1
    assert actions.index(tool.action) > actions.index(window.act_report)
    count = tool.retranslated
    window.set_language("en")
    assert tool.retranslated > count and tool.action.text() == f"Probe {tool.retranslated}"
