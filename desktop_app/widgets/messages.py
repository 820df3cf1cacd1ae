"""The messages panel: the engine's warnings (kept in step with the model)
and a log of refused edits and file events, newest first."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app import i18n
from desktop_app.qt_models.issues import issue_text

MAX_LOG = 200


class MessagesPanel(QWidget):
    # where a clicked warning is: the engine's key path tuple, e.g. ("segments", 1, "discount_rate")
    issueActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("messagesList")
        self.list.setWordWrap(True)
        self.caption.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.caption)
        lay.addWidget(self.list)
        self._issue_keys: tuple = ()
        self._issue_items: list[QListWidgetItem] = []
        self._log_count = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Warnings from the engine, then refused edits and file events"))
        state = getattr(self, "_state", None)
        if state is not None:
            self._issue_keys = ()  # rebuild the lines with the new "Warning"/"Error" prefix
            self.update_state(state, False)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_state(self, state, structure_changed: bool) -> None:
        self._state = state
        keys = (tuple((i.path, i.message, i.severity) for i in state.issues), tuple(i18n.segment_names(state.model)))
        if keys == self._issue_keys:
            return
        self._issue_keys = keys
        for item in self._issue_items:
            self.list.takeItem(self.list.row(item))
        self._issue_items = []
        names = i18n.segment_names(state.model)
        for n, issue in enumerate(state.issues):
            prefix = self.tr("Error") if issue.severity == "error" else self.tr("Warning")
            text = issue_text(issue, names)
            item = QListWidgetItem(f"⚠ {prefix}: {text}")
            item.setData(Qt.ItemDataRole.UserRole, tuple(issue.location))
            item.setBackground(QBrush(QColor("#ffd6d6" if issue.severity == "error" else "#fff3c4")))
            item.setToolTip(text)
            self.list.insertItem(n, item)
            self._issue_items.append(item)

    def log(self, message: str, error: bool = True) -> None:
        stamp = time.strftime("%H:%M:%S")
        first_line, _, rest = message.partition("\n")
        item = QListWidgetItem(f"{stamp}  {message.replace(chr(10), '  ')}")
        item.setToolTip(message)
        if error:
            item.setForeground(QBrush(QColor("#b3261e")))
        self.list.insertItem(len(self._issue_items), item)
        self._log_count += 1
        while self._log_count > MAX_LOG:
            self.list.takeItem(self.list.count() - 1)
            self._log_count -= 1

    def report_failure(self, title: str, reason: str) -> None:
        """What a view could not compute (the runner's ``failed`` signal)."""
        self.log(f"{title}: {reason}" if title else reason, error=True)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        location = item.data(Qt.ItemDataRole.UserRole)
        if location:
            self.issueActivated.emit(tuple(location))
