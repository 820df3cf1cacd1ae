"""The page switcher: a tab bar over a stack of pages. The valuation page is
given; the others (desktop_app.pages.PAGES) are built when first shown and
join the controller's views then."""
from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from desktop_app.pages import PAGES, VALUATION_TITLE, PageSpec


class PageHost(QWidget):
    failed = Signal(str)          # a page could not be built: the reason, for the messages panel

    def __init__(self, document, controller, first_page: QWidget, parent=None, specs: list[PageSpec] | None = None):
        super().__init__(parent)
        self.document, self.controller = document, controller
        self.specs = list(PAGES if specs is None else specs)
        self.tabs = QTabBar()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.tabs)
        lay.addWidget(self.stack, 1)
        self.tabs.addTab("")
        self.stack.addWidget(first_page)
        self.built: dict[int, QWidget] = {0: first_page}
        for spec in self.specs:
            self.tabs.addTab("")
            self.stack.addWidget(QWidget())   # a placeholder until the page is shown
        self.tabs.setVisible(bool(self.specs))
        self.tabs.currentChanged.connect(self.show_index)
        self.retranslate()

    # the stack's API, for the window ------------------------------------------------
    def count(self) -> int:
        return self.stack.count()

    def widget(self, index: int) -> QWidget:
        return self.built.get(index) or self.stack.widget(index)

    def pages(self) -> list[QWidget]:
        """The pages built so far."""
        return [self.built[i] for i in sorted(self.built)]

    def currentWidget(self) -> QWidget:
        return self.widget(self.stack.currentIndex())

    def setCurrentWidget(self, page: QWidget) -> None:
        for index, built in self.built.items():
            if built is page:
                self.tabs.setCurrentIndex(index)
                return

    def page(self, key: str) -> QWidget | None:
        """The page with ``key``, built now if it was not."""
        for n, spec in enumerate(self.specs, start=1):
            if spec.key == key:
                return self.build(n)
        return None

    # building -----------------------------------------------------------------------
    def build(self, index: int) -> QWidget | None:
        if index in self.built:
            return self.built[index]
        spec = self.specs[index - 1]
        try:
            cls = getattr(importlib.import_module(spec.module), spec.cls)
            page = cls(self.document, self.controller, self)
        except Exception as exc:  # noqa: BLE001 - one broken page never stops the workbench
            self.failed.emit(f"{self.title(spec)}: {type(exc).__name__}: {exc}")
            return None
        page.setObjectName(f"page_{spec.key}")
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.built[index] = page
        self.controller.add_view(page)   # which hands it the current state
        return page

    def show_index(self, index: int) -> None:
        if self.build(index) is not None or index == 0:
            self.stack.setCurrentIndex(index)

    # text ---------------------------------------------------------------------------
    @staticmethod
    def title(spec: PageSpec) -> str:
        return QCoreApplication.translate("Pages", spec.title)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, QCoreApplication.translate("Pages", VALUATION_TITLE))
        for n, spec in enumerate(self.specs, start=1):
            self.tabs.setTabText(n, self.title(spec).replace("&", "&&"))   # "Ratings & moat": no mnemonic
        for page in self.built.values():
            if page is not self.built[0] and hasattr(page, "retranslate"):
                page.retranslate()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
