"""The header: the company's four-dimension stars beside the two valuations,
and PS / PE / PB, from the engine's company facts."""
from pathlib import Path

import pytest


import models
from models.dossier import RATING_KEYS, label
from models.facts import company_facts
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.numbers import NUMBER, format_value
from desktop_app.widgets.header import HeaderWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "united-imaging-688271.json"


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


def test_a_quoted_multiple_says_so_and_gives_the_computed_one(header, document, qapp, qtbot):
    """The header's PE-TTM and PB-MRQ are the file's quoted figures; the
    Multiples page computes its own from the market cap, and the two differ
    (99.62 against 105.21× on the sample): the tooltip says which is which."""
    computed = models.valuate(document.model).multiples
    pe_tip = header.facts["pe_ttm"][1].toolTip()
    assert header.facts["pe_ttm"][1].text() == "99.62"
    assert pe_tip.startswith("Quoted in the model file") and pe_tip.endswith(
        format_value(computed.pe, NUMBER) + "×") and format_value(computed.pe, NUMBER) == "105.21"
    assert header.facts["pb_mrq"][1].toolTip().endswith(format_value(computed.pb, NUMBER) + "×")
    assert header.facts["ps"][1].toolTip().startswith("Computed from the market cap")   # PS is never quoted
    i18n.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: header.facts["pe_ttm"][1].toolTip().startswith("模型文件中的报价"), timeout=3000)
    assert header.facts["pe_ttm"][1].toolTip().endswith("105.21×")


def test_without_a_quote_the_header_shows_the_computed_multiple_and_says_so(qtbot, qapp, tmp_path):
    import json

    from desktop_app.document import Document

    i18n.install(qapp, "en")
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    del doc["market"]["pe_ttm"]
    path = tmp_path / "unquoted.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    document = Document(models.load_model(path), None, recovery_dir=None)
    controller = Controller(document)
    h = HeaderWidget()
    qtbot.addWidget(h)
    controller.add_view(h)
    controller.recompute(True)
    assert h.facts["pe_ttm"][1].text() == "105.21"
    assert h.facts["pe_ttm"][1].toolTip().startswith("Computed from the market cap")
    document.close_cleanly()
