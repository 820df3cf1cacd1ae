"""The mix page alone (a document, a controller, the page), and once through the window."""
import math

import numpy as np
import pytest

from desktop_app import i18n
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from models.analysis.mix import gross_profit_mix, revenue_mix
from desktop_app.pages.mix import MixPage
from tests.desktop_app.typing_helpers import type_into, show_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, document):
    return show_page(qtbot, document, MixPage)


def bar_widths(chart):
    return np.asarray(chart.bars.opts["width"], dtype=float)


def assert_shows_engine_mix(page, model, year):
    rev, gross = revenue_mix(model, year), gross_profit_mix(model, year)
    tm = page.table_model
    n = model.segment_count
    assert tm.rowCount() == n + 1
    for i in range(n):
        r, g = rev.parts[i], gross.parts[i]
        assert tm.value(i, 0) == r.value and tm.value(i, 1) == r.share
        if g.value is None:
            assert math.isnan(tm.value(i, 2)) and tm.index(i, 2).data() == "no figure"
        else:
            assert tm.value(i, 2) == g.value and tm.value(i, 3) == g.share
    assert tm.value(n, 0) == rev.total
    assert np.array_equal(bar_widths(page.revenue_chart), [p.share for p in rev.parts])
    assert np.array_equal(bar_widths(page.gross_chart), [0.0 if p.share is None else p.share for p in gross.parts])
    for label, part in zip(page.revenue_chart.labels, rev.parts):
        assert label.text.startswith(f"{part.share * 100:.1f}%")


def test_default_year_is_the_first_estimate_and_equals_the_engine(page, document):
    model = document.model
    assert page.year == model.first_forecast_year == 2025
    assert_shows_engine_mix(page, model, 2025)
    rev = revenue_mix(model, 2025)
    assert math.fsum(p.share for p in rev.parts) == pytest.approx(1.0, abs=1e-15)
    assert page.revenue_chart.plot.titleLabel.text.endswith("2025E")
    assert page.revenue_chart.names[0].text == i18n.segment_names(model)[0]


def test_the_year_selector_changes_the_mix(qtbot, page, document):
    box = page.year_box
    assert [box.itemText(i) for i in range(box.count())][:4] == ["2022A", "2023A", "2024A", "2025E"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)          # 2025E → 2024A
    assert page.year == 2024
    assert_shows_engine_mix(page, document.model, 2024)
    # the sample has no gross profit for 2024: said, not drawn as zero shares
    assert gross_profit_mix(document.model, 2024).missing == [0, 1, 2]
    assert page.gross_chart.labels[0].text == "no figure"
    assert page.note.text()
    assert page.set_year(2029)
    assert_shows_engine_mix(page, document.model, 2029)
    assert page.note.text() == ""


def test_an_edit_elsewhere_updates_the_mix_and_undo_restores_it(page, document):
    before = bar_widths(page.revenue_chart).copy()
    ok = document.edit("growth", lambda txn: txn.set(("segments", 1, "forecast", "2025", "growth"), 0.9))
    assert ok
    assert_shows_engine_mix(page, document.model, 2025)
    after = bar_widths(page.revenue_chart)
    assert after[1] > before[1] and after[0] < before[0]
    document.undo_stack.undo()
    assert np.array_equal(bar_widths(page.revenue_chart), before)
    assert_shows_engine_mix(page, document.model, 2025)


def test_a_renamed_segment_is_renamed_here(page, document):
    assert document.edit("rename", lambda txn: txn.set(("segments", 2, "name_en"), "Service"))
    assert page.table_model.headerData(2, Qt.Orientation.Vertical) == "Service"
    assert page.revenue_chart.names[2].text == "Service"


def test_typing_into_the_mix_table_is_refused(qtbot, page, document):
    before = document.model.to_dict()
    messages = []
    page.refused.connect(messages.append)
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.table_model.index(0, 0))
    qtbot.keyClicks(view, "5")
    assert not isinstance(view.focusWidget(), QLineEdit)
    assert messages and "valuation page" in messages[0]
    assert document.model.to_dict() == before


def test_mix_follows_a_revenue_typed_on_the_valuation_page(qtbot, window):
    page = window.pages.page("mix")
    assert isinstance(page, MixPage)
    fm = window.page.forecast_table
    view = window.page.forecast_view
    col = window.document.model.years.index(2025)
    type_into(qtbot, view, fm.index(fm.row_of(0, "revenue"), col), "100")
    assert revenue_mix(window.document.model, 2025).parts[0].value == pytest.approx(100.0)
    window.pages.setCurrentWidget(page)
    assert_shows_engine_mix(page, window.document.model, 2025)
    assert page.table_model.value(0, 0) == pytest.approx(100.0)
    window.document.undo_stack.undo()
    assert revenue_mix(window.document.model, 2025).parts[0].value != pytest.approx(100.0)
    assert_shows_engine_mix(page, window.document.model, 2025)
