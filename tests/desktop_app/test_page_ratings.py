"""The ratings & moat page alone (a document, a controller, the page), and
once through the main window."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from models.dossier import BUSINESS_MODEL_KEYS, HISTORY_RATING_KEYS, RATING_KEYS, label
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.pages.ratings import RatingsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, qapp, document):
    i18n.install(qapp, "en")
    controller = Controller(document)
    p = RatingsPage(document, controller)
    qtbot.addWidget(p)
    controller.add_view(p)
    controller.recompute(True)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def widget(page, *path):
    return page.editor.widgets[tuple(path)]


def click_star(stars, n, half):
    rect = stars.star_rect(n - 1)
    x = rect.left() + rect.width() * (0.25 if half == "left" else 0.75)
    QTest.mouseClick(stars, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(x), int(rect.center().y())))


def test_page_shows_every_rating_level_note_and_moat_of_the_model(page, document):
    doc = document.model.doc
    company = doc["company"]
    for key in RATING_KEYS:
        assert widget(page, "company", "ratings", key).value() == company["ratings"][key]
    for key in HISTORY_RATING_KEYS:
        assert widget(page, "company", "history_ratings", key).value() == company["history_ratings"][key]
    for key in BUSINESS_MODEL_KEYS:
        assert widget(page, "company", "business_model", key).currentData() == company["business_model"][key]
    assert widget(page, "company", "business_model", "rd_level").currentText() == "4 · fairly high"
    for i, seg in enumerate(doc["segments"]):
        for key in RATING_KEYS:
            assert widget(page, "segments", i, "ratings", key).value() == seg["ratings"][key]
            assert widget(page, "segments", i, "rating_notes", key).toPlainText() == seg["rating_notes"][key]
        moat = seg["moat"]
        assert widget(page, "segments", i, "moat", "moat_width").value() == moat["moat_width"]
        assert widget(page, "segments", i, "moat", "moat_durability").value() == moat["moat_durability"]
        assert widget(page, "segments", i, "moat", "width_note").toPlainText() == moat["width_note"]
        assert widget(page, "segments", i, "moat", "durability_note").toPlainText() == moat["durability_note"]
    # the "&" of "Imaging & radiotherapy" shown as text, not taken for a shortcut
    assert page.segment_boxes[1].title() == i18n.segment_names(document.model)[1].replace("&", "&&")
    captions = {path: caption.text() for caption, path in page.captions}
    assert captions[("segments", 0, "ratings", "moat")] == label("ratings", "moat", "en") == "Moat"
    assert captions[("company", "history_ratings", "control")] == label("history_ratings", "control", "en")


def test_a_click_on_half_a_star_edits_the_model_as_one_undo_step(page, document):
    stars = widget(page, "segments", 1, "ratings", "growth")
    assert stars.value() == 4.0
    before = document.undo_stack.count()
    click_star(stars, 2, "left")
    assert document.model.doc["segments"][1]["ratings"]["growth"] == 1.5
    assert document.undo_stack.count() == before + 1
    name = i18n.segment_names(document.model)[1]   # "Imaging & radiotherapy …": its & doubled in the menu's text
    assert document.undo_stack.command(document.undo_stack.index() - 1).text() == f"Edit {name} · Growth room"
    assert document.undo_stack.undoText() == f"Edit {name.replace('&', '&&')} · Growth room"
    document.undo_stack.undo()
    assert document.model.doc["segments"][1]["ratings"]["growth"] == 4.0
    assert stars.value() == 4.0
    document.undo_stack.redo()
    assert stars.value() == 1.5


def test_keys_edit_the_moat_stars(page, document):
    stars = widget(page, "segments", 0, "moat", "moat_durability")
    stars.setFocus()
    QTest.keyClick(stars, Qt.Key.Key_End)
    QTest.keyClick(stars, Qt.Key.Key_Left)
    assert document.model.doc["segments"][0]["moat"]["moat_durability"] == 4.5   # 4.5 → 5 → 4.5
    QTest.keyClicks(stars, "2")
    assert document.model.doc["segments"][0]["moat"]["moat_durability"] == 2.0
    document.undo_stack.undo()
    assert stars.value() == 4.5 == document.model.doc["segments"][0]["moat"]["moat_durability"]


def test_company_stars_and_levels_edit_the_model(qtbot, page, document):
    stars = widget(page, "company", "ratings", "structure")
    click_star(stars, 5, "right")
    assert document.model.doc["company"]["ratings"]["structure"] == 5.0
    combo = widget(page, "company", "business_model", "rd_level")
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)             # 4 较高 → 3 中等
    assert document.model.doc["company"]["business_model"]["rd_level"] == 3
    assert isinstance(document.model.doc["company"]["business_model"]["rd_level"], int)
    document.undo_stack.undo()
    assert combo.currentData() == 4 and document.model.doc["company"]["business_model"]["rd_level"] == 4


def test_a_typed_note_lands_in_the_model_when_the_editor_is_left(qtbot, page, document):
    note = widget(page, "segments", 2, "rating_notes", "moat")
    old = note.toPlainText()
    before = document.undo_stack.count()
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    QTest.keyClicks(note, " OK")
    assert document.model.doc["segments"][2]["rating_notes"]["moat"] == old     # not per keystroke
    widget(page, "segments", 2, "ratings", "moat").setFocus()                    # leave the editor
    qtbot.waitUntil(lambda: not note.hasFocus())
    assert document.model.doc["segments"][2]["rating_notes"]["moat"] == old + " OK"
    assert document.undo_stack.count() == before + 1
    document.undo_stack.undo()
    assert note.toPlainText() == old


def test_an_invalid_value_is_refused_with_what_and_where(qtbot, page, document):
    rejected = []
    document.editRejected.connect(rejected.append)
    stars = widget(page, "segments", 0, "ratings", "growth")
    assert not page.editor.commit(("segments", 0, "ratings", "growth"), 4.3)
    assert document.model.doc["segments"][0]["ratings"]["growth"] == 3.5 == stars.value()
    name = i18n.segment_names(document.model)[0]
    assert page.notice.isVisible()
    assert name in page.notice.text() and "Growth room" in page.notice.text() and "0.5" in page.notice.text()
    assert rejected == [page.notice.text()]
    assert not page.editor.commit(("company", "business_model", "talent_level"), 7)
    assert "Talent level" in page.notice.text() and "1 (low) to 5 (high)" in page.notice.text()
    assert widget(page, "company", "business_model", "talent_level").currentData() == 5
    # the next accepted edit clears the notice
    assert page.editor.commit(("segments", 0, "ratings", "growth"), 2)
    assert not page.notice.isVisible()
    assert document.model.doc["segments"][0]["ratings"]["growth"] == 2.0


def test_refusals_are_in_the_ui_language(qtbot, qapp, page, document):
    i18n.install(qapp, "zh_CN")
    try:
        page.retranslate()
        assert not page.editor.commit(("segments", 1, "moat", "moat_width"), 6)
        assert "护城河宽度" in page.notice.text() and document.model.segment_names[1] in page.notice.text()
        assert "拒绝" in page.notice.text()
        assert widget(page, "company", "business_model", "rd_level").currentText() == "4 · 较高"
    finally:
        i18n.install(qapp, "en")


def test_segments_follow_renames_and_added_segments(page, document):
    from models import forecast

    assert document.edit("rename", lambda txn: txn.set(("segments", 0, "name_en"), "Imaging A"))
    assert page.segment_boxes[0].title() == "Imaging A"
    assert document.restructure("add", lambda m: forecast.add_segment(m, "新业务"))
    assert len(page.segment_boxes) == 4 and page.segment_boxes[3].title() == "新业务"
    stars = widget(page, "segments", 3, "ratings", "growth")
    assert stars.value() is None
    click_star(stars, 3, "right")
    assert document.model.doc["segments"][3]["ratings"]["growth"] == 3.0


def test_locate_focuses_the_widget_of_a_path(qtbot, page):
    assert page.locate(("segments", 2, "moat", "durability_note"))
    qtbot.waitUntil(lambda: widget(page, "segments", 2, "moat", "durability_note").hasFocus())
    assert not page.locate(("segments", 0, "forecast", "2026", "growth"))


def test_through_the_window_the_header_follows_and_ctrl_z_undoes(qtbot, make_window, document):
    window = make_window(document)
    page = window.pages.page("ratings")
    window.pages.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)        # Ctrl+Z is a window shortcut
    assert window.pages.tabs.tabText(window.pages.tabs.currentIndex()) == "Ratings && moat"
    stars = widget(page, "company", "ratings", "growth")
    click_star(stars, 1, "left")
    assert window.header.ratings["growth"][1].value() == 0.5
    QTest.keyClick(stars, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.model.doc["company"]["ratings"]["growth"] == 3.5
    assert window.header.ratings["growth"][1].value() == 3.5 == stars.value()
    assert not page.editor.commit(("company", "ratings", "growth"), 9)
    assert any("Growth room" in t for t in window.messages.texts())
