"""The valuation page alone: a document, a controller, the page; no main window."""
import pytest
from PySide6.QtCore import Qt

import models
from desktop_app.controller import Controller
from desktop_app.qt_models import MARK_ROLE
from desktop_app.numbers import MONEY, format_value
from desktop_app.pages.valuation import ValuationPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, document):
    controller = Controller(document)
    answers = []
    p = ValuationPage(document, controller, ask_text=lambda title, label, text: answers.pop(0) if answers else None)
    p.answers = answers
    p._controller = controller
    qtbot.addWidget(p)
    controller.recompute(True)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def cell(model, index):
    return index.row(), index.column()


def test_page_shows_the_engine_values(page, document):
    ddm = page.ddm_table
    total = ddm.index(ddm.rowCount() - 1, ddm.columnCount() - 1)
    assert ddm.data(total) == format_value(models.valuate(document.model).ddm.total, MONEY)


def test_segment_actions_and_percent_names(page, document):
    names = document.model.segment_names
    assert page.add_segment()
    assert document.model.segment_names[-1] == "New segment 4"
    page.answers.append("50%2x")
    assert page.rename_segment()                       # asked through the injected dialog
    assert document.model.segment_names[-1] == "50%2x"
    assert document.undo_stack.text(document.undo_stack.index() - 1) == "Edit New segment 4 · name"
    assert page.move_segment(-1)
    assert document.model.segment_names[2] == "50%2x"
    fm = page.forecast_table
    assert fm.row_info(page.forecast_view.currentIndex().row()) == (2, None)   # the moved segment selected
    assert page.remove_segment()
    assert document.undo_stack.text(document.undo_stack.index() - 1) == "Remove segment 50%2x"
    assert document.model.segment_names == names
    assert not page.rename_segment()                   # the dialog cancelled: nothing changes
    assert page.add_forecast_year()
    assert document.model.years[-1] == 2030
    # the title rows span the table, one per segment
    assert page.forecast_view.columnSpan(fm.row_of(1, None), 0) == fm.columnCount()


def test_page_actions_for_the_window(page):
    assert page.edit_actions() == [page.act_copy, page.act_paste]
    (menu,) = page.menus()
    assert menu.title() == "&Segments"
    assert page.act_add_segment in menu.actions()
    page.act_add_segment.trigger()
    assert page.document.model.segment_count == 4


def test_locate_puts_the_cursor_on_the_cell_of_a_path(page, document):
    fm, view = page.forecast_table, page.forecast_view
    year = document.model.years.index(2027)
    assert page.locate(("segments", 1, "forecast", "2027", "margin"))
    assert cell(fm, view.currentIndex()) == (fm.row_of(1, "margin"), year)
    # a segment parameter lives in a tab that is not in front: it comes forward
    assert page.lower_tabs.currentWidget() is not page.segment_params_view
    assert page.locate(("segments", 2, "discount_rate"))
    assert page.lower_tabs.currentWidget() is page.segment_params_view
    assert cell(None, page.segment_params_view.currentIndex()) == (2, 0)
    assert page.locate(("market", "price"))
    assert page.lower_tabs.currentWidget() is page.company_params_view
    assert cell(None, page.company_params_view.currentIndex()) == (3, 0)
    assert not page.locate(("nowhere", 3))


def test_select_changed_after_undo(page, document):
    fm, view = page.forecast_table, page.forecast_view
    target = fm.index(fm.row_of(2, "growth"), document.model.years.index(2028))
    assert fm.setData(target, "7%")
    view.setCurrentIndex(fm.index(0, 0))
    document.undo_stack.undo()
    command = document.undo_stack.command(document.undo_stack.index())
    assert page.select_changed(command.record.paths)
    assert cell(fm, view.currentIndex()) == cell(fm, target)


def test_marks_come_from_issue_locations(page, document):
    """Each table places the engine's findings by cell_for_path alone."""
    state = page._controller.state
    payout = [i for i in state.issues if i.code == "payout_clamped" and i.location[2:3] == ("forecast",)]
    assert payout
    fm = page.forecast_table
    for issue in payout:
        row, col = fm.cell_for_path(issue.location)
        assert (row, col) == (fm.row_of(issue.location[1], "growth"), document.model.years.index(int(issue.location[3])))
        assert issue.message.split(": ", 1)[1][:14] in fm.data(fm.index(row, col), Qt.ItemDataRole.ToolTipRole)
    # a warning on a segment parameter marks that parameter, in both tables that show it
    assert document.edit("narrow", lambda txn: txn.set(("segments", 1, "discount_rate"), 0.045))
    issue = next(i for i in page._controller.state.issues if i.code == "narrow_spread")
    assert issue.location == ("segments", 1, "discount_rate")
    for model in (page.segment_params_table, page.dynamic_table):
        assert model.data(model.index(*model.cell_for_path(issue.location)), MARK_ROLE)
    assert not page.segment_params_table.data(page.segment_params_table.index(0, 0), MARK_ROLE)


def _press_delete_on(qtbot, view, model, *cells):
    view.setFocus()
    view.setCurrentIndex(model.index(*cells[0]))
    for r, c in cells[1:]:
        view.selectionModel().select(model.index(r, c), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)


def test_delete_clears_a_segment_override_and_undo_restores(qtbot, page, document):
    from desktop_app.qt_models.parameters import SEGMENT_PARAMS
    assert document.edit("override", lambda txn: txn.set(("segments", 1, "fade_years"), 5))
    table, view = page.segment_params_table, page.segment_params_view
    col = SEGMENT_PARAMS.index("fade_years")
    steps = document.undo_stack.index()
    _press_delete_on(qtbot, view, table, (1, col))
    assert "fade_years" not in document.model.doc["segments"][1]          # the company's value applies again
    assert document.undo_stack.index() == steps + 1
    document.undo_stack.undo()
    assert document.model.doc["segments"][1]["fade_years"] == 5


def test_delete_on_cells_that_must_hold_a_value_changes_nothing_and_says_so(qtbot, page, document):
    table, view = page.forecast_table, page.forecast_view
    before = document.model.to_dict()
    said = []
    view.refused.connect(said.append)
    growth = table.cell_for_path(("segments", 0, "forecast", str(document.model.forecast_years[0]), "growth"))
    margin = table.cell_for_path(("segments", 0, "forecast", str(document.model.forecast_years[0]), "margin"))
    steps = document.undo_stack.index()
    _press_delete_on(qtbot, view, table, growth, margin)
    assert document.model.to_dict() == before and document.undo_stack.index() == steps
    assert said and "2 cell(s) must hold a value" in said[-1]
