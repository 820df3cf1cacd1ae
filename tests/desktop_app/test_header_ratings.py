"""The header: the company's four-dimension stars beside the two valuations,
and PS / PE / PB, from the engine's company facts."""
import pytest


import models
from models.dossier import RATING_KEYS, label
from models.facts import company_facts
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.numbers import NUMBER, format_value
from desktop_app.widgets.header import HeaderWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def header(qtbot, qapp, document):
    i18n.install(qapp, "en")
    controller = Controller(document)
    h = HeaderWidget()
    qtbot.addWidget(h)
    controller.add_view(h)
    controller.recompute(True)
    h.show()
    yield h
    i18n.install(qapp, "en")


def test_header_shows_the_company_stars_read_only(header, document):
    ratings = document.model.doc["company"]["ratings"]
    assert [header.ratings[k][1].value() for k in RATING_KEYS] == [ratings[k] for k in RATING_KEYS] \
        == [3.5, 3.5, 4.0, 4.0]
    assert [header.ratings[k][0].text() for k in RATING_KEYS] == [label("ratings", k, "en") for k in RATING_KEYS]
    assert all(star.is_read_only() for _, star in header.ratings.values())


def test_header_shows_ps_pe_pb_of_the_engine(header, document):
    facts = company_facts(document.model, models.valuate(document.model))
    assert header.facts["ps"][1].text() == format_value(facts.ps.value, NUMBER) == "12.67"
    assert header.facts["pe_ttm"][1].text() == format_value(facts.pe.value, NUMBER)
    assert header.facts["pb_mrq"][1].text() == format_value(facts.pb.value, NUMBER)
    assert header.facts["ps"][0].text() == "PS"


def test_header_stars_follow_edits_and_undo(header, document):
    assert document.edit("moat", lambda txn: txn.set(("company", "ratings", "moat"), 2.5))
    assert header.ratings["moat"][1].value() == 2.5
    document.undo_stack.undo()
    assert header.ratings["moat"][1].value() == 4.0
    # a model without ratings shows empty stars, not stale ones
    assert document.edit("clear", lambda txn: txn.delete(("company", "ratings")))
    assert all(star.value() is None for _, star in header.ratings.values())


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_header_fits_beside_the_messages_dock_at_1600_px(header, qapp, lang):
    i18n.install(qapp, lang)
    header.retranslate()
    assert header.ratings["growth"][0].text() == label("ratings", "growth", i18n.engine_lang())
    # the window is 1600 px wide; the messages dock takes 230 of it, margins some more
    assert header.minimumSizeHint().width() <= 1600 - 230 - 40
    assert header.sizeHint().height() <= 100
