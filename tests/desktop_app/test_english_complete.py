"""Issue 9 item 5: the English interface is English. Every widget of every
page (all of ``PAGES``, built through the page host), the header, the docks,
the menus and every tab of the sensitivity panel are walked in English; a
Chinese text that is not the user's own (a name or note of the file without
an English version) fails the test, naming the widget."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app import i18n
from desktop_app.pages import PAGES
from models import forecast as engine_forecast
from tests.desktop_app.english_walker import CJK, foreign_texts, mangled_titles, shown_texts, user_texts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

#: a segment the analyst adds without an English name: its name is user data
NEW_SEGMENT = "新增业务分部"


def _settle(window, rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _open_everything(window) -> None:
    """Every page built and shown once, every plot tab shown once, the
    ranges & shocks editor shown: their texts are all built."""
    for spec in PAGES:
        page = window.pages.page(spec.key)
        assert page is not None, f"page {spec.key} could not be built"
        window.pages.setCurrentWidget(page)
        _settle(window)
    window.pages.tabs.setCurrentIndex(0)
    panel = window.plots_panel
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        _settle(window)
    panel.settings_button.setChecked(True)
    _settle(window)
    panel.settings_button.setChecked(False)
    panel.tabs.setCurrentIndex(0)
    _settle(window)


def _language_menu_texts() -> set[str]:
    """The language menu names each language in itself (简体中文): the one Chinese the English UI shows."""
    return set(i18n.LANGUAGES.values())


@pytest.fixture
def english_window(make_window, document):
    assert document.restructure("add", lambda m: engine_forecast.add_segment(m, NEW_SEGMENT))
    window = make_window(document, with_plots=True)
    window.resize(1600, 1000)
    _open_everything(window)
    yield window
    document.undo_stack.setClean()


def test_every_widget_of_every_page_speaks_english(english_window):
    window = english_window
    allowed = user_texts(window.document.model) | _language_menu_texts()
    assert NEW_SEGMENT in allowed and "医学影像设备及放射治疗设备（国内）" not in allowed
    texts = list(shown_texts(window))
    bad = foreign_texts(texts, allowed)
    assert not bad, "Chinese in the English UI:\n" + "\n".join(f"  {w}: {t!r}" for w, t in bad[:40])
    # the walk saw the pages, the plots and the user's own Chinese (else it proves nothing)
    shown = "\n".join(t for _, t in texts)
    assert "Imaging & radiotherapy equipment (domestic)" in shown
    assert NEW_SEGMENT in shown
    assert "CNY 100m" in shown and "亿元" not in shown
    # English names carry "&": in titles (and the Edit menu's "Undo …") it is text, never a shortcut mark
    ratings = window.pages.page("ratings")
    assert ratings.editor.commit(("segments", 0, "ratings", "growth"), 3.0)
    assert "Imaging & radiotherapy" in window.act_undo.text().replace("&&", "&")
    assert not mangled_titles(window), mangled_titles(window)
    for spec in PAGES:
        assert window.findChild(QWidget, f"page_{spec.key}") is not None


def test_the_walker_finds_a_stray_chinese_label(english_window):
    """The walk is precise: one untranslated word on any page is found,
    also beside user data and inside a plot."""
    window = english_window
    allowed = user_texts(window.document.model) | _language_menu_texts()
    last_page = window.pages.page(PAGES[-1].key)
    stray = QLabel(f"{NEW_SEGMENT} 亿元", last_page)
    stray.setObjectName("strayLabel")
    bad = foreign_texts(shown_texts(window), allowed)
    assert [w for w, _ in bad] == ["QLabel#strayLabel"]
    stray.setParent(None)
    stray.deleteLater()
    # a Chinese word in a plot's axis label
    view = window.plots_panel.views["tornado"]
    plot = next(iter(view.plots.values())).plot
    plot.setLabel("bottom", "权益价值")
    bad = foreign_texts(shown_texts(window), allowed)
    assert bad and all("text item" in w for w, _ in bad)


def test_switching_to_english_renames_and_reunits_everything(qtbot, make_window, document):
    """From Chinese to English at run time: names and unit follow (no stale Chinese)."""
    window = make_window(document, with_plots=True)
    window.set_language("zh_CN")
    _settle(window)
    zh = "\n".join(t for _, t in shown_texts(window))
    assert "医学影像设备及放射治疗设备（国内）" in zh and "亿元" in zh
    window.set_language("en")
    _open_everything(window)
    allowed = user_texts(document.model) | _language_menu_texts()
    bad = foreign_texts(shown_texts(window), allowed)
    assert not bad, "\n".join(f"  {w}: {t!r}" for w, t in bad[:40])


def test_cjk_pattern_covers_full_width_punctuation():
    assert CJK.fullmatch("（国内）") and CJK.fullmatch("亿元") and not CJK.search("CNY 100m (domestic) – …")
