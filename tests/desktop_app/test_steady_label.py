"""Texts that change with every edit (the header's values and upsides, the
audit page's parameters line) repaint their label and lay out nothing: a
QLabel in a layout asks the whole window to lay out again on each new text
(issue 11 item 5, the per-edit cost)."""
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import models
from desktop_app.numbers import MONEY, format_value
from desktop_app.widgets.steady import SteadyLabel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class LayoutRequests(QObject):
    """Counts LayoutRequest events reaching the widgets it watches."""

    def __init__(self, widgets):
        super().__init__()
        self.seen = []
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(obj.objectName() or type(obj).__name__)
        return False


def test_an_edit_lays_out_neither_the_window_nor_the_header(window, document, qapp, qtbot):
    fm = window.page.forecast_table
    # the start-up's analysis figures first: their first arrival (after the first paint) is not the edit's
    feed = window.header.analysis.feed
    qtbot.waitUntil(lambda: feed.is_current("montecarlo") and feed.is_current("implied"), timeout=10000)
    qapp.processEvents()
    header = window.header
    watched = [window, window.centralWidget(), header, header.ddm, header.dynamic]
    requests = LayoutRequests(watched)
    index = fm.index(fm.row_of(0, "growth"), document.model.years.index(2026))
    before = header.ddm.value.text()
    assert fm.setData(index, "31%")
    qapp.processEvents()
    result = models.valuate(document.model)
    assert header.ddm.value.text() == format_value(result.ddm.total, MONEY) != before
    assert requests.seen == []


def test_the_same_edit_with_plain_labels_would_lay_out_the_window(qtbot, qapp):
    """The yardstick of the test above: a QLabel placed straight in a layout
    does ask for a layout on a new text."""
    outer = QWidget()
    qtbot.addWidget(outer)
    plain = QLabel("1")
    lay = QVBoxLayout(outer)
    lay.addWidget(plain)
    outer.show()
    qtbot.waitExposed(outer)
    qapp.processEvents()
    requests = LayoutRequests([outer])
    plain.setText("1,234.56")
    qapp.processEvents()
    assert requests.seen != []


def test_a_steady_label_keeps_its_lines_and_shows_the_text(qtbot, qapp):
    outer = QWidget()
    qtbot.addWidget(outer)
    label = QLabel()
    label.setWordWrap(True)
    slot = SteadyLabel(label, lines=2, min_width=120)
    lay = QVBoxLayout(outer)
    lay.addWidget(slot)
    outer.resize(300, 200)
    outer.show()
    qtbot.waitExposed(outer)
    assert slot.height() >= 2 * label.fontMetrics().lineSpacing()
    assert slot.minimumSizeHint().width() == 120
    assert label.geometry() == slot.rect()   # the label covers its slot
    qapp.processEvents()
    requests = LayoutRequests([outer])
    label.setText("a longer text " * 3)
    qapp.processEvents()
    assert requests.seen == [] and label.text().startswith("a longer text")
    height = slot.height()
    outer.resize(500, 200)
    qapp.processEvents()
    assert slot.height() == height and label.width() == slot.width()


def test_a_text_wider_than_the_slot_widens_it_once(qtbot, qapp):
    outer = QWidget()
    qtbot.addWidget(outer)
    label = QLabel()
    slot = SteadyLabel(label, min_width=40)
    lay = QVBoxLayout(outer)
    lay.addWidget(slot)
    outer.show()
    qtbot.waitExposed(outer)
    slot.setText("12.3")
    assert slot.minimumSizeHint().width() == 40
    wide = "12,345,678.90 million US dollars"
    slot.setText(wide)
    qapp.processEvents()
    assert slot.minimumSizeHint().width() >= label.fontMetrics().horizontalAdvance(wide)
    assert outer.minimumSizeHint().width() >= label.fontMetrics().horizontalAdvance(wide)
    assert label.width() >= label.fontMetrics().horizontalAdvance(wide)   # nothing clipped
