"""LazyPage: a page (of a QTabWidget, a QStackedWidget, a dock...) that builds
its content the first time it is shown, or when code asks for the content.

Start-up pays only for what the first window shows: a hidden tab stays an
empty placeholder until the analyst opens it. Use it for any page whose
construction costs something::

    tabs.addTab(LazyPage(lambda: HeavyView(...)), "Heavy")

``LazyPage.unbuilt_in(window)`` lists the pages of a window not built yet
(the start-up test counts them). A page made ``held`` is not built when
shown, only when asked for or released (:meth:`~LazyPage.release`; a visible
page builds then): for what the window's first frame may show empty.
"""
from __future__ import annotations

from typing import Callable

from PySide6 import QtCore, QtWidgets


class LazyPage(QtWidgets.QWidget):
    """Holds ``factory`` (a callable returning the content widget) and calls
    it once: on the first show event, or on :meth:`content`."""

    #: Emitted once, with the content, right after it was built.
    built = QtCore.Signal(QtWidgets.QWidget)

    def __init__(self, factory: Callable[[], QtWidgets.QWidget],
                 parent: QtWidgets.QWidget | None = None, held: bool = False) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QtWidgets.QWidget] | None = factory
        self._content: QtWidgets.QWidget | None = None
        #: Not built when shown (see the module docstring); :meth:`release` ends it.
        self.held = held
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QtWidgets.QWidget:
        """The content widget, built now if it was not yet."""
        if self._content is None:
            factory, self._factory = self._factory, None
            if factory is None:  # the factory is running (it asked for its own page)
                raise RuntimeError("LazyPage.content() called while the page is being built")
            try:
                content = factory()
            except BaseException:
                self._factory = factory  # a later show may try again
                raise
            self._content = content
            self.layout().addWidget(content)
            if self.isVisible():
                # a child added to a visible widget is shown by a queued call
                # only: show it now, so the frame being painted has it
                content.show()
            self.built.emit(content)
        return self._content

    def release(self) -> None:
        """No longer held: build now if the page is visible, else when shown."""
        self.held = False
        if self.isVisible():
            self.content()

    def showEvent(self, event: QtCore.QEvent) -> None:
        if not self.held:
            self.content()
        super().showEvent(event)

    @staticmethod
    def unbuilt_in(widget: QtWidgets.QWidget) -> list["LazyPage"]:
        """The pages under ``widget`` whose content has not been built."""
        return [page for page in widget.findChildren(LazyPage) if not page.is_built]
