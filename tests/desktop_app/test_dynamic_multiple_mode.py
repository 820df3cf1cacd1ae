"""The justified multiple beside each segment's composite multiple in the
dynamic valuation table, and the multiple mode chosen per segment (issue 13,
item 5): typed into the table or chosen from its context menu, one undo step,
stored as ``segments[i].multiple_mode``; the valuation follows."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import models
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.numbers import MONEY, MULTIPLE, format_value
from desktop_app.pages.valuation import ValuationPage
from tests.desktop_app.typing_helpers import type_into

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, qapp, document):
    i18n.install(qapp, "en")
    controller = Controller(document)
    p = ValuationPage(document, controller)   # registers its table models with the controller
    p._controller = controller
    qtbot.addWidget(p)
    controller.recompute(True)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def col(table, key):
    return table.COLUMNS.index(key)


def shown(table, row, key, role=Qt.ItemDataRole.DisplayRole):
    return table.data(table.index(row, col(table, key)), role)


def justified_copy(model, seg):
    copy = model.copy()
    copy.set(("segments", seg, "multiple_mode"), "justified")
    return models.valuate(copy)


def test_the_justified_multiple_is_shown_beside_the_composite(page, document):
    table = page.dynamic_table
    result = models.valuate(document.model)
    for i, seg in enumerate(result.dynamic.segments):
        assert seg.justified_multiple is not None
        assert shown(table, i, "justified_multiple", Qt.ItemDataRole.EditRole) == seg.justified_multiple
        assert shown(table, i, "justified_multiple") == format_value(seg.justified_multiple, MULTIPLE)
        assert shown(table, i, "multiple_mode") == "Composite"
        # the multiple in use is bold, the other not
        assert shown(table, i, "multiple", Qt.ItemDataRole.FontRole).bold()
        assert not shown(table, i, "justified_multiple", Qt.ItemDataRole.FontRole)
    total = table.rowCount() - 1
    assert shown(table, total, "multiple_mode") == "–" and shown(table, total, "justified_multiple") == "–"
    assert col(table, "justified_multiple") == col(table, "multiple") + 1


def test_typing_justified_revalues_and_ctrl_z_restores(qtbot, page, document):
    table, view = page.dynamic_table, page.dynamic_view
    before = models.valuate(document.model)
    want = justified_copy(document.model, 1)
    assert want.dynamic.total != before.dynamic.total
    type_into(qtbot, view, table.index(1, col(table, "multiple_mode")), "justified")
    assert document.model.segments[1]["multiple_mode"] == "justified"
    assert document.undo_stack.count() == 1
    last = table.rowCount() - 1
    assert shown(table, last, "total", Qt.ItemDataRole.EditRole) == want.dynamic.total
    assert shown(table, 1, "business_value", Qt.ItemDataRole.EditRole) == want.dynamic.segments[1].business_value
    assert shown(table, 1, "multiple_mode") == "Justified"
    assert shown(table, 1, "justified_multiple", Qt.ItemDataRole.FontRole).bold()
    assert not shown(table, 1, "multiple", Qt.ItemDataRole.FontRole)
    assert shown(table, 0, "multiple_mode") == "Composite"      # the other segments keep theirs
    # the DDM does not move
    ddm = page.ddm_table
    assert ddm.data(ddm.index(ddm.rowCount() - 1, ddm.columnCount() - 1)) == format_value(before.ddm.total, MONEY)
    # undo: the key is gone again, the value is the composite one
    view.setFocus()
    document.undo_stack.undo()
    assert "multiple_mode" not in document.model.segments[1]
    assert shown(table, last, "total", Qt.ItemDataRole.EditRole) == before.dynamic.total
    assert shown(table, 1, "multiple_mode") == "Composite"
    assert shown(table, 1, "multiple", Qt.ItemDataRole.FontRole).bold()


def test_context_action_switches_the_segment_under_the_cursor(qtbot, page, document):
    table, view = page.dynamic_table, page.dynamic_view
    assert page.act_use_justified in view.actions() and page.act_use_composite in view.actions()
    view.setFocus()
    view.setCurrentIndex(table.index(2, col(table, "total")))
    page.act_use_justified.trigger()
    assert document.model.segments[2]["multiple_mode"] == "justified"
    assert shown(table, table.rowCount() - 1, "total", Qt.ItemDataRole.EditRole) == \
        justified_copy(document.model, 2).dynamic.total
    assert document.undo_stack.text(0) == f"Use the justified multiple for {i18n.segment_name(document.model, 2)}"
    page.act_use_composite.trigger()
    assert document.model.segments[2]["multiple_mode"] == "composite"
    assert shown(table, 2, "multiple_mode") == "Composite"
    assert document.undo_stack.count() == 2
    page.act_use_composite.trigger()        # already composite: no new undo step
    assert document.undo_stack.count() == 2


def test_an_unknown_mode_is_refused_with_the_old_one_kept(qtbot, page, document):
    table, view = page.dynamic_table, page.dynamic_view
    messages = []
    document.editRejected.connect(messages.append)
    type_into(qtbot, view, table.index(0, col(table, "multiple_mode")), "ddm")
    assert "multiple_mode" not in document.model.segments[0]
    assert document.undo_stack.count() == 0
    assert messages and "“ddm” is not a multiple mode" in messages[-1]
    assert i18n.segment_name(document.model, 0) in messages[-1]
    # a first letter is enough
    type_into(qtbot, view, table.index(0, col(table, "multiple_mode")), "j")
    assert document.model.segments[0]["multiple_mode"] == "justified"


def test_chinese_names_type_and_show(qtbot, qapp, page, document):
    i18n.install(qapp, "zh_CN")
    try:
        page.retranslate()
        table = page.dynamic_table
        document.undo_stack.clear()
        # QTest types Latin-1 only: the text the editor commits, through the same setData
        assert table.setData(table.index(0, col(table, "multiple_mode")), "合理")
        assert document.model.segments[0]["multiple_mode"] == "justified"
        assert shown(table, 0, "multiple_mode") == "合理"
        assert "合理" in table.headerData(col(table, "justified_multiple"), Qt.Orientation.Horizontal)
    finally:
        i18n.install(qapp, "en")


def test_the_mode_is_saved_and_loads_back(page, document, tmp_path):
    assert page.use_multiple("justified", 1)
    path = tmp_path / "m.vwm.json"
    document.save(str(path))
    loaded = models.load_model(path)
    assert loaded.segments[1]["multiple_mode"] == "justified"
    assert models.valuate(loaded).dynamic.segments[1].mode == "justified"


def test_in_the_window_ctrl_z_undoes_the_mode(make_window, document, qtbot):
    window = make_window(document)
    page = window.page
    table = page.dynamic_table
    before = models.valuate(document.model).dynamic.total
    type_into(qtbot, page.dynamic_view, table.index(0, col(table, "multiple_mode")), "Justified")
    assert document.model.segments[0]["multiple_mode"] == "justified"
    page.dynamic_view.setFocus()
    QTest.keyClick(page.dynamic_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "multiple_mode" not in document.model.segments[0]
    assert shown(table, table.rowCount() - 1, "total", Qt.ItemDataRole.EditRole) == before
