"""The notes page: the report's narrative as plain text — the company profile's
sections (summary, differentiated view, risks, business, business model,
assumptions, valuation certainty), each segment's description and the
disclaimer. A burst of typing becomes one undo step when the editor loses
focus or typing pauses (see ``widgets.text_editor``); Ctrl+Z in the window
undoes it and the editor shows the text as it was."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from models.dossier import PROFILE_KEYS
from desktop_app.pages.dossier_edit import DossierEditor, notice_label

COLUMNS = 2


class NotesPage(QWidget):
    """See the module docstring. ``pause_ms``: the pause that ends a burst."""

    def __init__(self, document, controller, parent=None, pause_ms: int = 1200):
        super().__init__(parent)
        self.setObjectName("notesPage")
        self.document, self.controller = document, controller
        self.pause_ms = pause_ms
        self.notice = notice_label()
        self.editor = DossierEditor(document, self.notice, self)
        self.refused = self.editor.refused
        self.boxes: dict[tuple, QGroupBox] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.notice)
        lay.addWidget(self.scroll, 1)
        self._shape: int | None = None
        self.build()

    def paths(self) -> list[tuple]:
        """The texts this page edits, in the report's order."""
        model = self.document.model
        return ([("company", "profile", key) for key in PROFILE_KEYS]
                + [("segments", i, "description") for i in range(model.segment_count)]
                + [("disclaimer",)])

    def build(self) -> None:
        # (a burst in progress has been committed: reshaping the model needs the menu or a
        # shortcut elsewhere, and leaving the editor ends the burst)
        self.editor.forget()
        self.boxes.clear()
        self._shape = self.document.model.segment_count
        content = QWidget()
        grid = QGridLayout(content)
        for n, path in enumerate(self.paths()):
            box = QGroupBox()
            box.setObjectName("box_" + "_".join(str(x) for x in path))
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 4, 6, 6)
            inner.addWidget(self.editor.text(path, lines=6, pause_ms=self.pause_ms))
            grid.addWidget(box, n // COLUMNS, n % COLUMNS)
            self.boxes[path] = box
        grid.setRowStretch(grid.rowCount(), 1)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(content)
        if old is not None:
            old.deleteLater()
        self.retranslate()
        self.editor.show_all()

    def editor_for(self, path: tuple):
        return self.editor.widgets[tuple(path)]

    # the page protocol ------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        if structure_changed and state.model.segment_count != self._shape:
            self.build()
            return
        self._titles()
        self.editor.show_all()

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        if visible_only and not self.isVisible():
            return False
        return self.editor.locate(tuple(path), self.scroll, focus)

    def retranslate(self) -> None:
        self._titles()

    def _titles(self) -> None:
        for path, box in self.boxes.items():
            title = self.editor.where(path) if path[0] == "segments" else self.editor.name(path)
            title = title.replace("&", "&&")   # a name's "&" is text, not a shortcut
            if box.title() != title:
                box.setTitle(title)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
