"""One module per page of the workbench; the main window assembles them.

The valuation page is always built. Every other page is listed in
:data:`PAGES` and built the first time it is shown (start-up pays nothing for
it). A page is a ``QWidget`` with this protocol:

- ``__init__(self, document, controller, parent=None)``: it reads the model
  only through ``controller.state`` / ``document.model`` and edits only
  through ``document.edit(...)`` / ``document.restructure(...)`` (one undo
  step per user action);
- ``update_state(self, state, structure_changed: bool)``: the controller's new
  state (``state.model``, ``state.result`` (None when invalid), …), called
  after every committed edit while the page exists;
- ``locate(self, path: tuple, focus: bool = True, visible_only: bool = False)
  -> bool``: show the cell or widget a key path names (``("company",
  "ratings", "growth")``), if this page has it;
- ``retranslate(self)``: re-read every text after a language switch;
- optional ``menus(self) -> list[QMenu]``: menus the window adds while it runs.

A page is a room you can enter alone: its tests build it with a document and
a controller, without the main window.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str          # stable id, also the tab's object name
    module: str       # "desktop_app.pages.history"
    cls: str          # the page class in that module
    title: str        # English source text, translated in context "Pages"


# The pages after the valuation page, in tab order.
PAGES: list[PageSpec] = [
    PageSpec("ratings", "desktop_app.pages.ratings", "RatingsPage", QT_TRANSLATE_NOOP("Pages", "Ratings & moat")),
    PageSpec("notes", "desktop_app.pages.notes", "NotesPage", QT_TRANSLATE_NOOP("Pages", "Notes")),
    PageSpec("history", "desktop_app.pages.history", "HistoryPage", QT_TRANSLATE_NOOP("Pages", "History")),
    PageSpec("mix", "desktop_app.pages.mix", "MixPage", QT_TRANSLATE_NOOP("Pages", "Mix")),
    PageSpec("multiples", "desktop_app.pages.multiples", "MultiplesPage", QT_TRANSLATE_NOOP("Pages", "Multiples")),
    PageSpec("audit", "desktop_app.pages.audit", "AuditPage", QT_TRANSLATE_NOOP("Pages", "Audit")),
    PageSpec("analysis", "desktop_app.pages.analysis", "AnalysisPage", QT_TRANSLATE_NOOP("Pages", "Analysis")),
    PageSpec("scenarios", "desktop_app.pages.scenarios", "ScenariosPage", QT_TRANSLATE_NOOP("Pages", "Scenarios")),
    PageSpec("coverage", "desktop_app.pages.coverage", "CoveragePage", QT_TRANSLATE_NOOP("Pages", "Coverage")),
]

VALUATION_TITLE = QT_TRANSLATE_NOOP("Pages", "Valuation")
