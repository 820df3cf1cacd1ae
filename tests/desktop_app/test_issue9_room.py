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


def _reopen(qtbot, window, document, settings, with_plots=False):
    window.close()
    QApplication.processEvents()
    again = MainWindow(document, settings, with_plots=with_plots)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    return again


def test_splitter_sizes_are_remembered(qtbot, make_window, document, settings):
    window = make_window(document)
    qtbot.wait(50)   # the default layout (set once the docks have their sizes) is done
    page = window.page
    page.main_splitter.setSizes([700, 670])
    page.right_splitter.setSizes([120, 200, 300])
    QApplication.processEvents()
    main, right = page.main_splitter.sizes(), page.right_splitter.sizes()
    again = _reopen(qtbot, window, document, settings)
    qtbot.waitUntil(lambda: again.page.main_splitter.sizes() == main)
    assert again.page.right_splitter.sizes() == right


def test_dock_sizes_are_remembered(qtbot, make_window, document, settings):
    window = make_window(document, with_plots=True)
    window.resize(1600, 1000)
    qtbot.wait(50)
    window.resizeDocks([window.plots_dock], [420], Qt.Orientation.Vertical)
    window.resizeDocks([window.messages_dock], [170], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    height, width = window.plots_dock.height(), window.messages_dock.width()
    assert abs(height - 420) <= 8 and abs(width - 170) <= 8
    again = _reopen(qtbot, window, document, settings, with_plots=True)
    qtbot.waitUntil(lambda: again.plots_dock.height() == height)
    assert again.messages_dock.width() == width


@pytest.fixture
def app_fonts(qapp):
    """The fonts the app sets at start (a CJK family first): the real window's sizes."""
    from desktop_app.app import setup_fonts

    old = qapp.font()
    setup_fonts(qapp)
    yield
    qapp.setFont(old)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_three_segments_in_view_at_1600_by_1000(qtbot, qapp, app_fonts, make_window, document, language):
    """The real window at 1600×1000 with the sensitivity dock at its default
    height: every row of the sample's three segments and every year lies inside
    the forecasts' viewport; the DDM and dynamic tables show their total
    column (and the tornado table its driver column) without scrolling."""
    window = make_window(document, with_plots=True, language=language)   # started in that language
    window.resize(1600, 1000)
    window._default_layout()
    qtbot.wait(50)
    page = window.page
    view, fm = page.forecast_view, page.forecast_table
    viewport = view.viewport().rect()
    assert view.verticalScrollBar().value() == 0 and view.horizontalScrollBar().value() == 0
    for row in range(fm.rowCount()):
        for col in (0, fm.columnCount() - 1):
            rect = view.visualRect(fm.index(row, col))
            assert viewport.contains(rect), (row, col, rect, viewport)
    assert fm.rowCount() == 18
    for table in (page.ddm_view, page.dynamic_view):
        last = table.model().columnCount() - 1
        rect = table.visualRect(table.model().index(table.model().rowCount() - 1, last))
        assert table.viewport().rect().contains(rect), (language, table.objectName(), rect, table.viewport().rect(),
                                                        page.main_splitter.sizes(), window.messages_dock.width())
        assert not table.horizontalScrollBar().isVisible()
    panel = window.plots_panel
    panel.tabs.setCurrentIndex(3)   # the tornado: its table's method and driver columns whole
    qtbot.wait(50)
    tornado = panel.views["tornado"].table
    # the taller tabs grow the dock, never the window past 1600×1000
    panel.tabs.setCurrentIndex(2)
    qtbot.wait(50)
    panel.tabs.setCurrentIndex(3)
    qtbot.wait(50)
    assert window.size().height() == 1000 and window.size().width() == 1600
    assert not tornado.horizontalScrollBar().isVisible()
    for col in (0, 1):
        for row in range(tornado.rowCount()):
            rect = tornado.visualRect(tornado.model().index(row, col))
            text = tornado.item(row, col).text()
            assert 0 <= rect.left() and rect.right() < tornado.viewport().width(), (text, rect)
            assert rect.width() >= tornado.fontMetrics().horizontalAdvance(text) + 4, (text, rect)
    document.undo_stack.setClean()
    window.set_language("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_page_makes_the_window_taller_than_1600_by_1000(qtbot, qapp, app_fonts, make_window, document, language):
    """Every page, brought to the front of the real window at 1600×1000 with
    the sensitivity dock open, fits: the window keeps its size (the audit
    page's tables once asked for every row as a minimum and the window grew
    to 1,295 pixels, past a 1080-pixel screen's bottom edge)."""
    from desktop_app.pages import PAGES

    window = make_window(document, with_plots=True)
    window.set_language(language)
    window.resize(1600, 1000)
    window._default_layout()
    qtbot.wait(50)
    for spec in PAGES:
        page = window.pages.page(spec.key)
        window.pages.setCurrentWidget(page)
        qtbot.wait(30)
        assert window.minimumSizeHint().height() <= 1000, (spec.key, window.minimumSizeHint())
        assert (window.width(), window.height()) == (1600, 1000), spec.key
