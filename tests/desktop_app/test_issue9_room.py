"""Issue 9 item 6: room for the forecasts. The year columns fit their
numbers whatever the segment names; a click on a segment's title in the row
header shows that segment alone; the three splitters' sizes come back at the
next start."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.main_window import MainWindow
from models import forecast as engine_forecast

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_long_segment_names_do_not_widen_the_year_columns(qtbot, make_window, document):
    """A segment with a long name is added: its title spans the row, and the
    year columns keep the width of their numbers (a long name once widened
    the first year's column and pushed the last estimate years off screen)."""
    window = make_window(document)
    view, fm = window.page.forecast_view, window.page.forecast_table
    widths = [view.columnWidth(c) for c in range(fm.columnCount())]
    name = "一个名字很长很长很长很长很长很长很长很长很长很长的新业务分部"
    assert document.restructure("add", lambda m: engine_forecast.add_segment(m, name))
    QApplication.processEvents()
    assert view.columnSpan(fm.row_of(3, None), 0) == fm.columnCount()
    # numbers may re-measure a few pixels wider (bold upper bound); a name would be hundreds
    assert all(view.columnWidth(c) <= max(widths) + 20 for c in range(fm.columnCount()))
    assert view.columnWidth(0) < view.fontMetrics().horizontalAdvance(name) / 3
    document.undo_stack.setClean()


def test_a_click_on_a_segment_title_focuses_it(qtbot, make_window, document):
    window = make_window(document)
    page = window.page
    view, fm = page.forecast_view, page.forecast_table
    header = view.verticalHeader()
    title = fm.row_of(1, None)
    pos = QPoint(header.width() // 2, header.sectionViewportPosition(title) + header.sectionSize(title) // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    shown = {fm.row_info(r)[0] for r in range(fm.rowCount()) if not view.isRowHidden(r)}
    assert shown == {1}
    # the focused segment's rows are all there, from the top
    assert header.sectionViewportPosition(title) == 0
    pos = QPoint(header.width() // 2, header.sectionViewportPosition(title) + header.sectionSize(title) // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert not any(view.isRowHidden(r) for r in range(fm.rowCount()))


def test_splitter_sizes_are_remembered(qtbot, make_window, document, settings):
    window = make_window(document)
    page = window.page
    page.left_splitter.setSizes([700, 100])
    page.right_splitter.setSizes([120, 500])
    left, right = page.left_splitter.sizes(), page.right_splitter.sizes()
    window.close()
    QApplication.processEvents()
    again = MainWindow(document, settings, with_plots=False)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.page.left_splitter.sizes() == left)
    assert again.page.right_splitter.sizes() == right
