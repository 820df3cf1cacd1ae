"""The ratings & moat page: the company's four-dimension stars (四维评级), its
business-model levels and history ratings; per segment the four stars with the
reason for each; the moat table (表1). Every value edits as one undo step
through the document, checked by the engine (see ``dossier_edit``)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

from models.dossier import BUSINESS_MODEL_KEYS, HISTORY_RATING_KEYS, MOAT_NOTE_KEYS, MOAT_STAR_KEYS, RATING_KEYS
from desktop_app import i18n
from desktop_app.pages.dossier_edit import DossierEditor, notice_label

SEGMENT_COLUMNS = 3


class RatingsPage(QWidget):
    """See the module docstring."""

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("ratingsPage")
        self.document, self.controller = document, controller
        self.notice = notice_label()
        self.editor = DossierEditor(document, self.notice, self)
        self.refused = self.editor.refused
        self.captions: list[tuple[QLabel, tuple]] = []     # (label, path it names)
        self.headers: dict[str, QLabel] = {}
        self.segment_boxes: list[QGroupBox] = []
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.notice)
        lay.addWidget(self.scroll, 1)
        self._shape: tuple | None = None
        self.build()

    # construction ---------------------------------------------------------------------
    def build(self) -> None:
        """(Re)build the widgets for the model's segments."""
        self.editor.forget()
        self.captions.clear()
        self.headers.clear()
        self.segment_boxes.clear()
        model = self.document.model
        self._shape = (model.segment_count,)
        content = QWidget()
        content.setObjectName("ratingsContent")
        outer = QVBoxLayout(content)
        top = QHBoxLayout()
        self.company_box = self._stars_box(("company", "ratings"), RATING_KEYS)
        self.business_box = QGroupBox()
        grid = QGridLayout(self.business_box)
        for row, key in enumerate(BUSINESS_MODEL_KEYS):
            path = ("company", "business_model", key)
            grid.addWidget(self._caption(path), row, 0)
            grid.addWidget(self.editor.level(path), row, 1)
        grid.setRowStretch(len(BUSINESS_MODEL_KEYS), 1)
        self.history_box = self._stars_box(("company", "history_ratings"), HISTORY_RATING_KEYS)
        for box in (self.company_box, self.business_box, self.history_box):
            top.addWidget(box)
        top.addStretch(1)
        outer.addLayout(top)
        segments = QGridLayout()
        for i in range(model.segment_count):
            box = QGroupBox()
            box.setObjectName(f"segment_{i}")
            grid = QGridLayout(box)
            for row, key in enumerate(RATING_KEYS):
                grid.addWidget(self._caption(("segments", i, "ratings", key)), row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.editor.stars(("segments", i, "ratings", key)), row, 1, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.editor.text(("segments", i, "rating_notes", key), lines=4), row, 2)
            grid.setColumnStretch(2, 1)
            segments.addWidget(box, i // SEGMENT_COLUMNS, i % SEGMENT_COLUMNS)
            self.segment_boxes.append(box)
        outer.addLayout(segments)
        self.moat_box = QGroupBox()
        self.moat_box.setObjectName("moatTable")
        grid = QGridLayout(self.moat_box)
        for col, key in enumerate(("segment", "moat_width", "width_note", "moat_durability", "durability_note")):
            head = QLabel()
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, col)
            self.headers[key] = head
        for i in range(model.segment_count):
            name = QLabel()
            name.setWordWrap(True)
            name.setObjectName(f"moatSegment_{i}")
            grid.addWidget(name, i + 1, 0, Qt.AlignmentFlag.AlignTop)
            self.captions.append((name, ("segments", i)))
            for col, key in ((1, MOAT_STAR_KEYS[0]), (3, MOAT_STAR_KEYS[1])):
                grid.addWidget(self.editor.stars(("segments", i, "moat", key)), i + 1, col, Qt.AlignmentFlag.AlignTop)
            for col, key in ((2, MOAT_NOTE_KEYS[0]), (4, MOAT_NOTE_KEYS[1])):
                grid.addWidget(self.editor.text(("segments", i, "moat", key), lines=3), i + 1, col)
        grid.setColumnMinimumWidth(0, 140)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(4, 3)
        outer.addWidget(self.moat_box)
        outer.addStretch(1)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(content)
        if old is not None:
            old.deleteLater()
        self.retranslate()
        self.editor.show_all()

    def _caption(self, path: tuple) -> QLabel:
        caption = QLabel()
        self.captions.append((caption, path))
        return caption

    def _stars_box(self, group: tuple, keys) -> QGroupBox:
        box = QGroupBox()
        grid = QGridLayout(box)
        for row, key in enumerate(keys):
            path = group + (key,)
            grid.addWidget(self._caption(path), row, 0)
            grid.addWidget(self.editor.stars(path), row, 1)
        return box

    # the page protocol ------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        if structure_changed and (state.model.segment_count,) != self._shape:
            self.build()
            return
        self.retranslate_names()
        self.editor.show_all()

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        if visible_only and not self.isVisible():
            return False
        return self.editor.locate(tuple(path), self.scroll, focus)

    def retranslate(self) -> None:
        self.company_box.setTitle(self.tr("Company: four-dimension rating"))
        self.business_box.setTitle(self.tr("Business model"))
        self.history_box.setTitle(self.tr("History ratings"))
        self.moat_box.setTitle(self.tr("Moat (table 1)"))
        self.headers["segment"].setText(self.tr("Segment"))
        for key in ("moat_width", "moat_durability"):
            self.headers[key].setText(self.editor.name(("segments", 0, "moat", key)))
        self.headers["width_note"].setText(self.tr("Why this width"))
        self.headers["durability_note"].setText(self.tr("Why it lasts"))
        self.editor.retranslate()
        self.retranslate_names()

    def retranslate_names(self) -> None:
        names = i18n.segment_names(self.document.model)
        for caption, path in self.captions:
            text = names[path[1]] if len(path) == 2 else self.editor.name(path)
            if caption.text() != text:
                caption.setText(text)
        for i, box in enumerate(self.segment_boxes):
            title = names[i].replace("&", "&&") if i < len(names) else ""   # a name's "&" is text, not a shortcut
            if i < len(names) and box.title() != title:
                box.setTitle(title)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
