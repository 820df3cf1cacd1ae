"""What the dossier pages (ratings & moat, notes) share: one value edit per
user action through the document, checked by the engine's ``check_value``
first; the names of the dossier's values in the UI's language (the engine's
``label``); the widgets of a page by key path, so the model's values reach
them after every edit, undo and redo.

A refused value never reaches the model: the edit raises inside
``document.edit``, so the document refuses it (its ``editRejected`` reaches the
window's messages panel) and the page shows the same message in its notice
line; the widget shows the model's value again.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel

from models.dossier import check_value, label, level_label, normalized_value, rule_for
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.widgets.stars import StarRating
from desktop_app.widgets.text_editor import BurstTextEdit


def model_value(model, path: tuple):
    """The value at ``path``, or None when it (or a parent) is absent."""
    node = model.doc
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


class DossierEditor(QObject):
    """The edit path and the widget registry of one page."""

    refused = Signal(str)    # an edit was refused: the message, in the UI's language

    def __init__(self, document, notice: QLabel, parent=None):
        super().__init__(parent)
        self.document = document
        self.notice = notice
        self.widgets: dict[tuple, object] = {}

    # names ----------------------------------------------------------------------
    def name(self, path: tuple) -> str:
        """What the value at ``path`` is called, e.g. "Moat width" / "护城河宽度"."""
        lang = i18n.engine_lang()
        p = tuple(path)
        if p == ("disclaimer",):
            return self.tr("Disclaimer")
        if p[0] == "company" and len(p) == 3:
            return label(p[1], p[2], lang)
        if p[0] == "segments" and len(p) >= 3:
            rest = p[2:]
            if rest == ("description",):
                return self.tr("Business description")
            if rest[0] == "ratings":
                return label("ratings", rest[1], lang)
            if rest[0] == "rating_notes":
                return fill(self.tr("%1 (note)"), label("ratings", rest[1], lang))
            if rest[0] == "moat":
                if rest[1] in ("moat_width", "moat_durability"):
                    return label("moat", rest[1], lang)
                star = "moat_width" if rest[1] == "width_note" else "moat_durability"
                return fill(self.tr("%1 (note)"), label("moat", star, lang))
        return ".".join(str(x) for x in p)

    def where(self, path: tuple) -> str:
        """``<segment> · <name>`` or ``<company> · <name>``: what and where."""
        model = self.document.model
        p = tuple(path)
        if p[0] == "segments" and isinstance(p[1], int) and 0 <= p[1] < model.segment_count:
            return f"{i18n.segment_names(model)[p[1]]} · {self.name(p)}"
        if p[0] == "company":
            return f"{i18n.company_name(model)} · {self.name(p)}"
        return self.name(p)

    def rule_text(self, rule: str | None) -> str:
        return {"star": self.tr("must be stars from 0 to 5 in steps of 0.5"),
                "level": self.tr("must be a level from 1 (low) to 5 (high)"),
                "text": self.tr("must be text")}.get(rule, self.tr("is not acceptable here"))

    # editing --------------------------------------------------------------------
    def commit(self, path: tuple, value) -> bool:
        """Set the value at ``path`` as one undo step (``None`` removes it), or
        refuse it with a message naming what and where."""
        path = tuple(path)

        def change(txn) -> None:
            if check_value(path, value) is not None:
                raise ValueError(fill(self.tr("%1 refused: %2 (got %3); the previous value is kept."),
                                      self.where(path), self.rule_text(rule_for(path)), repr(value)))
            if value is None:
                txn.delete(path)
            else:
                txn.set(path, normalized_value(path, value))

        ok = self.document.edit(fill(self.tr("Edit %1"), self.where(path)), change)
        if ok:
            self.notice.clear()
            self.notice.hide()
        else:
            message = self.document.last_rejection
            self.notice.setText(message)
            self.notice.show()
            self.refused.emit(message)
            self.show_value(path, force=True)
        return ok

    # widgets --------------------------------------------------------------------
    def stars(self, path: tuple, read_only: bool = False) -> StarRating:
        widget = StarRating(read_only=read_only)
        widget.setObjectName("stars_" + "_".join(str(x) for x in path))
        widget.edited.connect(lambda value, p=tuple(path): self.commit(p, value))
        self.widgets[tuple(path)] = widget
        return widget

    def text(self, path: tuple, lines: int = 3, pause_ms: int = 1200) -> BurstTextEdit:
        widget = BurstTextEdit(pause_ms)
        widget.setObjectName("text_" + "_".join(str(x) for x in path))
        height = widget.fontMetrics().lineSpacing() * lines + 2 * widget.frameWidth() + 10
        widget.setMinimumHeight(height)
        if lines <= 4:
            widget.setMaximumHeight(height)
        widget.committed.connect(lambda text, p=tuple(path): self.commit(p, text))
        self.widgets[tuple(path)] = widget
        return widget

    def level(self, path: tuple) -> QComboBox:
        widget = QComboBox()
        widget.setObjectName("level_" + "_".join(str(x) for x in path))
        widget.addItem("—", None)
        for n in range(1, 6):
            widget.addItem("", n)
        self._level_texts(widget)
        widget.activated.connect(lambda index, w=widget, p=tuple(path): self.commit(p, w.itemData(index)))
        self.widgets[tuple(path)] = widget
        return widget

    def _level_texts(self, widget: QComboBox) -> None:
        lang = i18n.engine_lang()
        for n in range(1, 6):
            widget.setItemText(n, f"{n} · {level_label(n, lang)}")

    def show_value(self, path: tuple, force: bool = False) -> None:
        widget = self.widgets.get(tuple(path))
        if widget is None:
            return
        value = model_value(self.document.model, path)
        if isinstance(widget, StarRating):
            widget.set_value(value)
        elif isinstance(widget, BurstTextEdit):
            if force:
                widget.revert()
            widget.set_model_text(value if isinstance(value, str) else "")
        elif isinstance(widget, QComboBox):
            index = widget.findData(int(value)) if isinstance(value, (int, float)) else 0
            widget.setCurrentIndex(max(0, index))

    def show_all(self) -> None:
        for path in self.widgets:
            self.show_value(path)

    def retranslate(self) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QComboBox):
                self._level_texts(widget)

    def locate(self, path: tuple, scroll, focus: bool = True) -> bool:
        widget = self.widgets.get(tuple(path))
        if widget is None:
            return False
        scroll.ensureWidgetVisible(widget)
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def forget(self) -> None:
        self.widgets.clear()


def notice_label() -> QLabel:
    """The page's line for refusals (hidden while there is none)."""
    notice = QLabel()
    notice.setObjectName("notice")
    notice.setWordWrap(True)
    notice.setStyleSheet("QLabel { color: #8e1b1b; background: #fdecea; border-radius: 4px; padding: 4px 8px; }")
    notice.hide()
    return notice
