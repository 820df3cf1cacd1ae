"""File ▸ Open coverage folder… and File ▸ Import prices…: the coverage page
(desktop_app/pages/coverage.py) shown with a folder, or with prices.

The folders and files are picked with the file session's dialogs (a test
injects its own); the folder is remembered in the settings
(``coverage_folder``) and shown again when the Coverage tab is first opened.
A double-click in the table opens the model through the file session, so the
unsaved-changes prompt and the other-instance check apply.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop_app.i18n import fill

PAGE_KEY = "coverage"


class CoverageTool(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.act_open = QAction(window)
        self.act_open.setObjectName("actCoverageFolder")
        self.act_open.triggered.connect(lambda: self.open_folder())
        self.act_prices = QAction(window)
        self.act_prices.setObjectName("actImportPrices")
        self.act_prices.triggered.connect(lambda: self.import_prices())
        self._connected = None
        window.pages.tabs.currentChanged.connect(self._on_tab)

    def actions(self) -> list[QAction]:
        return [self.act_open, self.act_prices]

    def retranslate(self) -> None:
        self.act_open.setText(self.tr("Open &coverage folder…"))
        self.act_prices.setText(self.tr("Import &prices…"))

    # the page ------------------------------------------------------------------------
    def page(self, show: bool = True):
        """The coverage page (built now if it was not), its signals joined to the window."""
        page = self.window.pages.page(PAGE_KEY)
        if page is None:
            return None
        if self._connected is not page:
            self._connected = page
            page.openRequested.connect(self.open_model)
            page.folderRequested.connect(lambda: self.open_folder())
            page.pricesRequested.connect(lambda: self.import_prices())
            page.refused.connect(self._refused)
            page.reported.connect(lambda text: self.window.messages.log(text, error=False))
        if show:
            self.window.pages.setCurrentWidget(page)
        return page

    def _on_tab(self, index: int) -> None:
        specs = self.window.pages.specs
        if not (1 <= index <= len(specs)) or specs[index - 1].key != PAGE_KEY:
            return
        page = self.page(show=False)
        remembered = self.window.settings.get("coverage_folder")
        if page is not None and page.folder is None and remembered and os.path.isdir(remembered):
            page.open_folder(remembered)

    def _refused(self, message: str) -> None:
        self.window.messages.log(message, error=True)
        self.window.status(message.replace("\n", "  "), 8000)

    # the actions ----------------------------------------------------------------------
    def open_folder(self, folder: str | None = None) -> bool:
        settings = self.window.settings
        if folder is None:
            start = settings.get("coverage_folder")
            folder = self.window.session.dialogs.folder(self.tr("Open coverage folder"),
                                                        start if start and os.path.isdir(start) else str(Path.home()))
            if not folder:
                return False
        page = self.page()
        if page is None:
            return False
        if not os.path.isdir(folder):
            self._refused(fill(self.tr("“%1” is not a folder."), folder))
            return False
        settings.set("coverage_folder", os.path.abspath(folder))
        page.open_folder(folder)
        return True

    def import_prices(self, path: str | None = None) -> bool:
        page = self.page()
        if page is None:
            return False
        if page.folder is None and not self.open_folder():
            return False
        if path is None:
            path = self.window.session.dialogs.open_path(
                self.tr("Import prices (CSV: ticker,price[,date])"), page.folder or "",
                self.tr("Prices (*.csv);;All files (*)"))
            if not path:
                return False
        return page.import_prices(path)

    def open_model(self, path: str) -> bool:
        """Open a model of the table in the window (the file session asks about unsaved changes)."""
        if self.window.session.open_file(path):
            self.window.pages.setCurrentWidget(self.window.page)
            return True
        return False
