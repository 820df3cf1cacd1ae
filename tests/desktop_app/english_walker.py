"""Walks every text a window shows and finds Chinese that is not the user's.

``shown_texts(root)`` yields (where, text) for every user-visible string under
a widget: labels, buttons, group and tab titles, combo items, line and text
edits, tooltips, every cell and header of every item view, menus and actions,
and the texts of the plots (pyqtgraph scenes: titles, axis labels, tick labels,
text items). ``user_texts(model)`` is what the user typed into the model and
has no English version: every string of the file except the unit and the
currency (the app translates those) and the names of entries that carry a
``name_en``. ``foreign_texts(...)`` lists the shown texts with CJK characters
left once the user's texts are taken out.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGraphicsSimpleTextItem,
                               QGraphicsTextItem, QGraphicsView, QGroupBox, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPlainTextEdit, QTabBar, QTextEdit, QWidget)

#: CJK ideographs, CJK punctuation and full-width forms (（）：，).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_NOT_USER_DATA = {"unit", "currency"}   # the app shows these in the reader's language


def user_texts(model) -> set[str]:
    """Strings of the file that have no English version (see module docstring)."""
    found: set[str] = set()
    translated = {str(e.get("name")) for e in [model.doc.get("company") or {}, *model.segments]
                  if isinstance(e, dict) and str(e.get("name_en") or "").strip()}

    def walk(node, key=None, parent=None):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k, node)
        elif isinstance(node, list):
            for v in node:
                walk(v, key, parent)
        elif isinstance(node, str) and node.strip():
            if key in _NOT_USER_DATA:
                return
            if node in translated:   # a name with an English version, wherever the file repeats it
                return
            found.add(node)
            found.update(line.strip() for line in node.splitlines() if line.strip())

    walk(model.doc)
    return found


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        yield f"{where} > action", action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where} > action tooltip", action.toolTip()
        if action.menu() is not None and action.menu() is not menu:
            yield from _menu_texts(action.menu(), f"{where} > {action.text()}")


def _view_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    rows = model.rowCount()
    cols = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for role in _ROLES:
        for c in range(cols):
            yield f"{where} column {c} header", str(model.headerData(c, Qt.Orientation.Horizontal, role) or "")
        for r in range(rows):
            yield f"{where} row {r} header", str(model.headerData(r, Qt.Orientation.Vertical, role) or "")
            for c in range(cols):
                value = model.data(model.index(r, c), role)
                if isinstance(value, str):
                    yield f"{where} cell {r},{c}", value


def _scene_texts(view: QGraphicsView, where: str) -> Iterator[tuple[str, str]]:
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, QGraphicsTextItem):
            yield f"{where} text item", item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield f"{where} text item", item.text()
        levels = getattr(item, "_tickLevels", None)   # pyqtgraph AxisItem.setTicks: [[(value, text)], …]
        if levels:
            for level in levels:
                for _, text in level:
                    yield f"{where} axis tick", str(text)


#: an "&" Qt would take for a shortcut before a space or at the end ("Imaging & radiotherapy" shows
#: as "Imaging _radiotherapy"): a name put in a title unescaped
_MANGLED = re.compile(r"(?<!&)&(?:&&)*(?=\s|$)")


def mangled_titles(root: QWidget) -> list[tuple[str, str]]:
    """Group-box titles, buttons, tabs and actions whose "&" would show as an underscore."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        texts = []
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        texts += [a.text() for a in w.actions()]
        found += [(f"{type(w).__name__}#{w.objectName() or '?'}", t) for t in texts if _MANGLED.search(t)]
    return found


def _widget_texts(w: QWidget) -> Iterator[str]:
    for name in ("windowTitle", "toolTip", "statusTip"):
        yield getattr(w, name)()
    if isinstance(w, QLabel):
        yield w.text()
    if isinstance(w, QAbstractButton):
        yield w.text()
    if isinstance(w, QGroupBox):
        yield w.title()
    if isinstance(w, QLineEdit):
        yield w.text()
        yield w.placeholderText()
    if isinstance(w, (QTextEdit, QPlainTextEdit)):
        yield w.toPlainText()
        yield w.placeholderText()
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i)
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible string under ``root`` (and ``root``'s menus)."""
    widgets = [root, *root.findChildren(QWidget)]
    seen_menus: set[int] = set()
    for w in widgets:
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        for text in _widget_texts(w):
            yield where, text
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):   # a header: its view's texts
            yield from _view_texts(w, where)
        if isinstance(w, QGraphicsView):
            yield from _scene_texts(w, where)
        for action in w.actions():
            yield f"{where} action", action.text()
            menu = action.menu()
            if menu is not None and id(menu) not in seen_menus:
                seen_menus.add(id(menu))
                yield from _menu_texts(menu, f"{where} menu")
        if isinstance(w, QMenu) and id(w) not in seen_menus:
            seen_menus.add(id(w))
            yield from _menu_texts(w, f"{where} menu")


def foreign_texts(texts, allowed: set[str]) -> list[tuple[str, str]]:
    """The (where, text) whose CJK is not all the user's: the user's strings
    are taken out whole; what is left may hold CJK only where the text was
    elided ("…") and the run is a piece of a user's string."""
    ordered = sorted(allowed, key=len, reverse=True)
    bad = []
    for where, text in texts:
        if not text or not CJK.search(text):
            continue
        rest = text
        for value in ordered:
            if value in rest:
                rest = rest.replace(value, " ")
        runs = CJK.findall(rest)
        if not runs:
            continue
        if "…" in text and all(any(run in value for value in allowed) for run in runs):
            continue
        bad.append((where, text))
    return bad
