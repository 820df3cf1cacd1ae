"""Columns widen to fit the numbers typed or recomputed into them (issue 9,
item 4): no number is ever shown elided (``100…``)."""
import pytest
from PySide6.QtCore import Qt

from desktop_app.widgets.spreadsheet import SpreadsheetView
from tests.desktop_app.typing_helpers import type_into

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def elided_cells(view):
    """Cells whose displayed text needs more room than their column has."""
    model = view.model()
    out = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            if view.columnSpan(r, c) > 1 or view.isColumnHidden(c):
                continue
            index = model.index(r, c)
            if view.sizeHintForIndex(index).width() > view.columnWidth(c):
                out.append((r, c, index.data()))
    return out


@pytest.mark.parametrize("row, text", [("revenue", "9876543.21"), ("revenue", "100000"),
                                       ("growth", "-99.99%"), ("margin", "-1234.5%")])
def test_typed_numbers_fit_their_column(qtbot, window, row, text):
    fm, view = window.page.forecast_table, window.page.forecast_view
    year = window.document.model.forecast_years[0]
    index = fm.index(fm.row_of(0, row), window.document.model.years.index(year))
    views = window.findChildren(SpreadsheetView)
    assert all(not elided_cells(v) for v in views), "elided before the edit"
    type_into(qtbot, view, index, text)
    assert window.document.undo_stack.count() == 1, window.messages.texts()
    for v in views:
        assert elided_cells(v) == [], v.objectName()


def test_a_hidden_table_is_fitted_when_first_shown(qtbot, window, monkeypatch):
    """Issue 17: a table in a tab not shown is not measured (start-up pays
    only for what is on screen); shown, its columns fit at once."""
    from PySide6.QtWidgets import QTableView

    page = window.page
    view = page.company_params_view
    assert not view.isVisible()
    fitted = []
    qt_fit = QTableView.resizeColumnsToContents
    monkeypatch.setattr(QTableView, "resizeColumnsToContents", lambda self: (fitted.append(self), qt_fit(self)))
    page.company_params_table.modelReset.emit()   # what a reset does: asks the view for a fit
    assert fitted == [] and view._fit_pending
    page.lower_tabs.setCurrentWidget(view)
    assert view.isVisible() and fitted == [view] and not view._fit_pending
    assert elided_cells(view) == []


def test_a_table_behind_another_page_widens_when_shown_again(qtbot, window, monkeypatch):
    """Edits made while another page is in front are not measured by the
    hidden tables (issue 11 item 5); back in front, a number grown wider than
    its column widens it."""
    from desktop_app.widgets.spreadsheet import SpreadsheetView

    fm, view = window.page.forecast_table, window.page.forecast_view
    notes = window.pages.page("notes")
    window.pages.setCurrentWidget(notes)
    assert not view.isVisible()
    measured = []
    real = SpreadsheetView._fit_columns
    monkeypatch.setattr(SpreadsheetView, "_fit_columns", lambda self, *a: (measured.append(self), real(self, *a)))
    year = window.document.model.forecast_years[0]
    index = fm.index(fm.row_of(0, "revenue"), window.document.model.years.index(year))
    assert fm.setData(index, "9876543.21"), window.document.last_rejection
    assert view not in measured and elided_cells(view)        # hidden: not measured yet
    window.pages.setCurrentWidget(window.page)
    assert view.isVisible() and view in measured
    assert elided_cells(view) == []


@pytest.mark.parametrize("page_key", ["valuation", "audit"])
def test_an_edit_measures_each_table_once(qtbot, window, monkeypatch, page_key):
    """The controller hands a new state to every view inside one burst: each
    visible table fits its columns once, over every cell that changed (the
    audit's schedule changes in a dozen runs), not once per run."""
    from desktop_app.widgets.spreadsheet import SpreadsheetView

    if page_key != "valuation":
        window.pages.setCurrentWidget(window.pages.page(page_key))
    measured = []
    real = SpreadsheetView._fit_columns
    monkeypatch.setattr(SpreadsheetView, "_fit_columns", lambda self, *a: (measured.append((self, a)), real(self, *a)))
    emitted = []
    for view in window.findChildren(SpreadsheetView):
        if view.isVisible():
            view.model().dataChanged.connect(lambda tl, br, *r, v=view: emitted.append(v))
    fm, view = window.page.forecast_table, window.page.forecast_view
    index = fm.index(fm.row_of(0, "growth"), window.document.model.years.index(window.document.model.forecast_years[0]))
    assert fm.setData(index, "31%"), window.document.last_rejection
    views = [v for v, _ in measured]
    assert views and len(views) == len(set(views)), [v.objectName() for v in views]
    assert any(emitted.count(v) > 1 for v in set(emitted))    # several runs in one table, one fit
    assert set(views) == set(emitted)
    for v in set(emitted):
        assert elided_cells(v) == [], v.objectName()


def test_a_fitted_table_measures_nothing_again_until_something_changes(qtbot, window, monkeypatch):
    """Issue 17: once Qt has fitted every column to every row, the resizes of
    the window's layout (many before the first paint) measure nothing; a
    column narrowed by hand or a changed number is measured again at the next
    resize, as before."""
    from desktop_app.widgets.spreadsheet import SpreadsheetView

    view = window.page.ddm_view
    assert view._all_fitted and elided_cells(view) == []
    measured = []
    real = SpreadsheetView._fit_columns
    monkeypatch.setattr(SpreadsheetView, "_fit_columns", lambda self, *a: (measured.append(self), real(self, *a)))
    splitter = window.page.main_splitter
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] - 60, sizes[1] + 60])     # the DDM table grows: a resize event
    qtbot.wait(10)
    assert view not in measured
    view.horizontalHeader().resizeSection(0, 12)          # by hand: the number no longer fits
    assert elided_cells(view) and not view._all_fitted
    splitter.setSizes(sizes)
    qtbot.wait(10)
    assert view in measured and elided_cells(view) == []


def test_a_bigger_font_measures_the_fitted_table_again(qtbot, window):
    """A table fitted once and then given a bigger font (a user's font
    setting) is measured again at its next resize: no number left elided."""
    from PySide6.QtGui import QFont

    view = window.page.ddm_view
    assert view._all_fitted
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    assert not view._all_fitted
    splitter = window.page.main_splitter
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] - 40, sizes[1] + 40])
    qtbot.wait(10)
    assert elided_cells(view) == []
