"""The multiples page alone (a document, a controller, the page): seed 003's
P/S analysis shown from the engine's positions, the peers edited by typing and
clicking, each edit one undo step."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

import models
from models.analysis.peers import multiples_positions
from models.dossier import MULTIPLE_KEYS
from desktop_app.controller import Controller
from desktop_app.document import Document
from desktop_app.numbers import MULTIPLE, NUMBER, format_value
from desktop_app.pages.multiples import PEER_FIELDS, MultiplesPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WANDONG = Path(__file__).resolve().parents[2] / "resources" / "samples" / "wandong-medical-600055.json"


@pytest.fixture
def make_page(qtbot):
    def make(document):
        controller = Controller(document)
        page = MultiplesPage(document, controller)
        controller.add_view(page)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        controller.recompute(True)
        return page
    return make


@pytest.fixture
def wandong(qapp, tmp_path):
    doc = Document(models.load_model(WANDONG), None, recovery_dir=tmp_path / "rec")
    yield doc
    doc.close_cleanly()


@pytest.fixture
def page(make_page, wandong):
    return make_page(wandong)


def type_into(view, row, col, text):
    """Select a cell, type over it, press Enter: as a user does."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, col))
    QTest.keyClicks(view, text[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open an editor"
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def test_seed_003_position_shown_from_the_engine(page, wandong):
    pos = multiples_positions(wandong.model)["ps"]
    assert format_value(pos.value, MULTIPLE) == "7.61x"        # 128.38 / 16.86, seed 003
    table = page.positions_table
    col = table.COLUMNS.index
    assert table.data(table.index(0, col("value"))) == "7.61x"
    assert table.data(table.index(0, col("industry_low"))) == "5.00x"
    assert table.data(table.index(0, col("industry_high"))) == "10.00x"
    assert table.data(table.index(0, col("industry_position"))) == format_value(pos.industry_position, "number") \
        == "0.52"
    assert table.data(table.index(0, col("industry_band"))) == "within the range"
    assert table.data(table.index(0, col("peers"))) == "1 below · 1 above"
    assert table.data(table.index(0, col("peer_percentile"))) == "50.0%"
    assert table.data(table.index(0, col("own_mean"))) == "7.20x"
    assert table.data(table.index(0, col("vs_own_mean"))) == format_value(pos.vs_own_mean, "percent")
    assert "7.61x" in page.summary.text() and "position 0.52" in page.summary.text()
    # the chart: the band 5–10, the two peers, the own mean, the company's line
    chart = page.chart
    assert list(chart.items["peers"].data["x"]) == [6.5, 8.2]
    assert list(chart.items["own_mean"].data["x"]) == [7.2]
    assert chart.items["company"].value() == pytest.approx(pos.value)
    band = chart.items["industry"].opts
    assert (band["x0"][0], band["x1"][0]) == (5.0, 10.0)
    assert not page.absent.isVisible()


def test_choosing_another_multiple_redraws_the_chart(page, wandong, qtbot):
    pos = multiples_positions(wandong.model)["pb"]
    qtbot.mouseClick(page.choice_buttons["pb"], Qt.MouseButton.LeftButton)
    assert page.multiple == "pb"
    assert "industry" not in page.chart.items and "peers" not in page.chart.items   # none quoted for P/B
    assert page.chart.items["company"].value() == pytest.approx(pos.value)
    assert page.summary.text().startswith("P/B " + format_value(pos.value, MULTIPLE))


def test_typing_a_peer_multiple_lands_in_the_model_and_undoes(page, wandong):
    view = page.peers_view
    type_into(view, 0, PEER_FIELDS.index("ps"), "7.9")
    assert wandong.model.doc["multiples_context"]["peers"][0]["ps"] == 7.9
    table = page.positions_table
    col = table.COLUMNS.index
    assert table.data(table.index(0, col("peers"))) == "0 below · 2 above"
    assert table.data(table.index(0, col("peer_percentile"))) == "0.0%"
    assert list(page.chart.items["peers"].data["x"]) == [7.9, 8.2]
    assert wandong.undo_stack.count() == 1
    wandong.undo_stack.undo()
    assert wandong.model.doc["multiples_context"]["peers"][0]["ps"] == 6.5
    assert table.data(table.index(0, col("peer_percentile"))) == "50.0%"


def test_typing_a_name_and_a_new_multiple(page, wandong):
    type_into(page.peers_view, 1, PEER_FIELDS.index("name"), "Neusoft")
    type_into(page.peers_view, 1, PEER_FIELDS.index("pe"), "35x")
    peer = wandong.model.doc["multiples_context"]["peers"][1]
    assert peer["name"] == "Neusoft" and peer["pe"] == 35.0
    assert wandong.undo_stack.count() == 2
    # (QTest types ASCII only; a Chinese name as the editor commits it)
    assert page.peers_table.setData(page.peers_table.index(1, 0), "东软医疗 ")
    assert peer["name"] == "东软医疗" and wandong.undo_stack.count() == 3
    wandong.undo_stack.undo()
    # clearing an optional multiple removes it (one undo step)
    index = page.peers_table.index(1, PEER_FIELDS.index("pe"))
    assert page.peers_table.setData(index, "")
    assert "pe" not in wandong.model.doc["multiples_context"]["peers"][1]
    wandong.undo_stack.undo()
    assert wandong.model.doc["multiples_context"]["peers"][1]["pe"] == 35.0


def test_bad_input_is_refused_with_a_message_and_the_value_kept(page, wandong, qtbot):
    with qtbot.waitSignal(wandong.editRejected) as blocker:
        type_into(page.peers_view, 0, PEER_FIELDS.index("ps"), "abc")
    assert "“abc” is not a number" in blocker.args[0] and "P/S" in blocker.args[0]
    assert wandong.model.doc["multiples_context"]["peers"][0]["ps"] == 6.5
    # a peer's name is required
    index = page.peers_table.index(0, 0)
    with qtbot.waitSignal(wandong.editRejected) as blocker:
        assert not page.peers_table.setData(index, "  ")
    assert "Empty input" in blocker.args[0]
    assert wandong.model.doc["multiples_context"]["peers"][0]["name"] == "新华医疗"
    assert wandong.undo_stack.count() == 0


def test_add_and_remove_peers_by_clicking_one_undo_step_each(page, wandong, qtbot):
    before = wandong.model.copy()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    peers = wandong.model.doc["multiples_context"]["peers"]
    assert [p["name"] for p in peers] == ["新华医疗", "东软医疗", "Peer 3"]
    assert page.peers_table.rowCount() == 3 and wandong.undo_stack.count() == 1
    assert page.peers_view.currentIndex().row() == 2
    type_into(page.peers_view, 2, PEER_FIELDS.index("ps"), "9")
    assert page.positions_table.data(page.positions_table.index(0, page.positions_table.COLUMNS.index("peers"))) \
        == "1 below · 2 above"
    page.peers_view.setCurrentIndex(page.peers_table.index(0, 0))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [p["name"] for p in wandong.model.doc["multiples_context"]["peers"]] == ["东软医疗", "Peer 3"]
    assert wandong.undo_stack.count() == 3
    for _ in range(3):
        wandong.undo_stack.undo()
    assert wandong.model == before
    assert page.peers_table.rowCount() == 2


def test_without_a_context_the_page_says_so_and_adding_a_peer_starts_one(make_page, document, qtbot):
    page = make_page(document)      # the United Imaging sample: no multiples_context
    assert "multiples_context" not in document.model.doc
    assert page.absent.isVisible() and "no multiples context" in page.absent.text()
    assert page.peers_table.rowCount() == 0 and not page.remove_button.isEnabled()
    # the company's multiples are still shown
    assert page.positions_table.data(page.positions_table.index(0, 0)) == \
        format_value(multiples_positions(document.model)["ps"].value, MULTIPLE)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert document.model.doc["multiples_context"] == {"peers": [{"name": "Peer 1"}]}
    assert not page.absent.isVisible()
    document.undo_stack.undo()
    assert "multiples_context" not in document.model.doc      # undo leaves no empty object behind
    assert page.absent.isVisible()


def test_locate_a_peer_cell(page):
    assert page.locate(("multiples_context", "peers", 1, "ps"))
    assert (page.peers_view.currentIndex().row(), page.peers_view.currentIndex().column()) == \
        (1, PEER_FIELDS.index("ps"))
    assert not page.locate(("segments", 0, "discount_rate"))


def test_the_window_builds_the_page_and_edits_undo_with_ctrl_z(make_window, wandong, qtbot):
    window = make_window(wandong)
    page = window.pages.page("multiples")
    window.pages.setCurrentWidget(page)
    assert page.isVisible()
    type_into(page.peers_view, 0, PEER_FIELDS.index("ps"), "7")
    assert wandong.model.doc["multiples_context"]["peers"][0]["ps"] == 7.0
    page.peers_view.setFocus()
    QTest.keyClick(page.peers_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wandong.model.doc["multiples_context"]["peers"][0]["ps"] == 6.5
    # a refusal reaches the window's messages panel
    type_into(page.peers_view, 0, PEER_FIELDS.index("ps"), "x1")
    assert "x1" in window.statusBar().currentMessage()


def test_the_company_value_says_the_header_shows_the_quoted_figure(make_page, document):
    """The sample quotes PE-TTM 99.62 and PB-MRQ; the page computes P/E
    105.21×: the company's cell says why the header differs. P/S is not quoted."""
    page = make_page(document)
    table = page.positions_table
    col = table.COLUMNS.index("value")
    rows = {key: MULTIPLE_KEYS.index(key) for key in ("ps", "pe", "pb")}
    tip = table.data(table.index(rows["pe"], col), Qt.ItemDataRole.ToolTipRole)
    assert table.data(table.index(rows["pe"], col)) == format_value(multiples_positions(document.model)["pe"].value,
                                                                   MULTIPLE)
    assert format_value(multiples_positions(document.model)["pe"].value, NUMBER) == "105.21"
    assert tip.startswith("Computed from the market cap") and tip.endswith("99.62")
    assert table.data(table.index(rows["ps"], col), Qt.ItemDataRole.ToolTipRole) is None
    assert table.data(table.index(rows["pe"], col + 1), Qt.ItemDataRole.ToolTipRole) is None
