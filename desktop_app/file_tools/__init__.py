"""Tools the File menu offers beside opening and saving one model: importing
figures, exporting a workbook, valuing a coverage folder, …

Each tool is one module here with a ``QObject`` class built once by the main
window, with this protocol:

- ``__init__(self, window)``: ``window.document``, ``window.controller``,
  ``window.session``, ``window.pages``, ``window.messages`` and
  ``window.settings`` are there to use; the tool edits the model only through
  ``window.document`` (one undo step per user action);
- ``actions(self) -> list[QAction]``: what goes into the File menu (after the
  exports, before Quit), in this order;
- ``retranslate(self)``: re-read every text after a language switch.

The main window knows only :data:`TOOLS`, :func:`install` and
:func:`install_after_first_paint`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ToolSpec:
    module: str       # "desktop_app.file_tools.imports"
    cls: str          # the tool class in that module


# In File-menu order; each tool's entry on its own line.
TOOLS: list[ToolSpec] = [
    ToolSpec("desktop_app.file_tools.imports", "ImportTool"),
    ToolSpec("desktop_app.file_tools.workbook", "WorkbookTool"),
    ToolSpec("desktop_app.file_tools.coverage", "CoverageTool"),
]


def install(window, menu, before=None) -> list:
    """Build every tool and add its actions to ``menu`` (before the action
    ``before``, else at the end); returns the tools."""
    tools = []
    for spec in TOOLS:
        tool = getattr(importlib.import_module(spec.module), spec.cls)(window)
        actions = tool.actions()
        if actions:
            menu.insertSeparator(before) if before is not None else menu.addSeparator()
            menu.insertActions(before, actions) if before is not None else menu.addActions(actions)
        tools.append(tool)
    return tools


def install_after_first_paint(window, menu, before) -> None:
    """:func:`install` into ``window.file_tools`` once the window has painted
    (``window.first_paint``): the first paint needs neither the tools' modules
    nor their actions (the menu is closed)."""
    def install_now():
        window.file_tools = install(window, menu, before)
        for tool in window.file_tools:
            tool.retranslate()
    window.first_paint.later(install_now)
