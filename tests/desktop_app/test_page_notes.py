"""The notes page alone (a document, a controller, the page), and once
through the main window: a burst of typing is one undo step."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

import models
from models.dossier import PROFILE_KEYS, label
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.pages.notes import NotesPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_page(qtbot, qapp, document, pause_ms):
    i18n.install(qapp, "en")
    controller = Controller(document)
    p = NotesPage(document, controller, pause_ms=pause_ms)
    qtbot.addWidget(p)
    controller.add_view(p)
    controller.recompute(True)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def page(qtbot, qapp, document):
    return make_page(qtbot, qapp, document, pause_ms=60_000)    # bursts end on focus out here


def type_at_end(qtbot, editor, text):
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)


def test_page_shows_every_narrative_section(page, document):
    doc = document.model.doc
    for key in PROFILE_KEYS:
        assert page.editor_for(("company", "profile", key)).toPlainText() == doc["company"]["profile"][key]
        assert page.boxes[("company", "profile", key)].title() == label("profile", key, "en")
    for i, seg in enumerate(doc["segments"]):
        assert page.editor_for(("segments", i, "description")).toPlainText() == seg["description"]
        assert page.boxes[("segments", i, "description")].title().startswith((seg.get("name_en") or seg["name"]).replace("&", "&&"))
    assert page.editor_for(("disclaimer",)).toPlainText() == doc["disclaimer"]
    assert page.boxes[("disclaimer",)].title() == "Disclaimer"


def test_a_burst_of_typing_is_one_undo_step_on_focus_out(qtbot, page, document):
    editor = page.editor_for(("company", "profile", "risks"))
    old = document.model.doc["company"]["profile"]["risks"]
    before = document.undo_stack.count()
    type_at_end(qtbot, editor, "")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "New risk: tariffs.")
    assert document.model.doc["company"]["profile"]["risks"] == old       # nothing per keystroke
    assert document.undo_stack.count() == before
    page.editor_for(("disclaimer",)).setFocus()
    qtbot.waitUntil(lambda: not editor.hasFocus())
    assert document.model.doc["company"]["profile"]["risks"] == old + "\nNew risk: tariffs."
    assert document.undo_stack.count() == before + 1
    assert document.undo_stack.undoText() == f"Edit {i18n.company_name(document.model)} · Risks"
    document.undo_stack.undo()
    assert editor.toPlainText() == old == document.model.doc["company"]["profile"]["risks"]
    document.undo_stack.redo()
    assert editor.toPlainText() == old + "\nNew risk: tariffs."


def test_a_pause_in_typing_ends_the_burst(qtbot, qapp, document):
    page = make_page(qtbot, qapp, document, pause_ms=80)
    editor = page.editor_for(("segments", 1, "description"))
    before = document.undo_stack.count()
    type_at_end(qtbot, editor, "abc")
    qtbot.waitUntil(lambda: document.model.doc["segments"][1]["description"].endswith("abc"), timeout=3000)
    type_at_end(qtbot, editor, "de")
    qtbot.waitUntil(lambda: document.model.doc["segments"][1]["description"].endswith("abcde"), timeout=3000)
    assert document.undo_stack.count() == before + 2
    document.undo_stack.undo()
    assert editor.toPlainText().endswith("abc") and not editor.toPlainText().endswith("abcde")


def test_an_absent_section_is_created_and_undo_removes_it(qtbot, page, document):
    assert document.edit("clear", lambda txn: txn.delete(("company", "profile", "business")))
    editor = page.editor_for(("company", "profile", "business"))
    assert editor.toPlainText() == ""
    type_at_end(qtbot, editor, "Makes scanners.")
    editor.commit()
    assert document.model.doc["company"]["profile"]["business"] == "Makes scanners."
    document.undo_stack.undo()
    assert "business" not in document.model.doc["company"]["profile"] and editor.toPlainText() == ""


def test_notes_are_saved_with_the_model(qtbot, tmp_path, page, document):
    editor = page.editor_for(("company", "profile", "summary"))
    type_at_end(qtbot, editor, " Hold.")
    editor.insertPlainText("结论：持有。")       # as an input method commits Chinese text
    editor.commit()
    path = tmp_path / "m.json"
    document.save(str(path))
    saved = models.load_model(path).doc["company"]["profile"]["summary"]
    assert saved == editor.toPlainText() and saved.endswith(" Hold.结论：持有。")


def test_a_refused_burst_shows_why_and_the_old_text_again(qtbot, page, document, monkeypatch):
    """The document refuses what the engine refuses; the editor returns to the model's text."""
    editor = page.editor_for(("company", "profile", "summary"))
    old = editor.toPlainText()
    monkeypatch.setattr("desktop_app.pages.dossier_edit.check_value", lambda path, value: "must be text")
    type_at_end(qtbot, editor, "x")
    editor.commit()
    assert document.model.doc["company"]["profile"]["summary"] == old == editor.toPlainText()
    assert page.notice.isVisible() and "Summary" in page.notice.text()


def test_through_the_window_ctrl_z_undoes_the_burst_in_the_editor(qtbot, make_window, document):
    window = make_window(document)
    page = window.pages.page("notes")
    window.pages.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = page.editor_for(("company", "profile", "assumptions"))
    old = editor.toPlainText()
    type_at_end(qtbot, editor, " More.")
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # the burst was committed as one step and undone by the window's Undo
    assert document.model.doc["company"]["profile"]["assumptions"] == old == editor.toPlainText()
    assert document.undo_stack.canRedo() and document.undo_stack.count() == 1
    window.act_redo.trigger()
    assert editor.toPlainText() == old + " More."
