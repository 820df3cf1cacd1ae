"""Issue 9 item 2: every refusal of a typed value names the cell as the
table labels it (segment, field, year) and shows values as the cell does, in
the UI's language: no engine key names, no raw decimals. Values are typed
with QTest into the valuation page's views, in Chinese and in English."""
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.pages.valuation import ValuationPage
from desktop_app.qt_models.parameters import COMPANY_PARAMS, SEGMENT_PARAMS
from tests.desktop_app.typing_helpers import type_into

KEYS = ("roe", "segments[", "forecast.", "actuals.", "valuation.", "market.")
SNAKE_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")   # discount_rate, non_operating_profit, ...
# a decimal that is neither a percent nor a multiple: a stored rate shown raw (0.02, -1.5)
RAW_DECIMAL = re.compile(r"(?<![\d.,])-?\d+\.\d+(?![\d%x])")

# The offscreen platform warns when a top-level window's size hints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(params=["en", "zh_CN"])
def page(request, qtbot, document):
    i18n.install(QApplication.instance(), request.param)
    controller = Controller(document)
    page = ValuationPage(document, controller)
    controller.recompute(True)
    qtbot.addWidget(page)
    page.resize(1600, 1000)
    page.show()
    qtbot.waitExposed(page)
    page.lang = request.param
    page.said = []
    document.editRejected.connect(page.said.append)
    yield page
    i18n.install(QApplication.instance(), "en")


def refused(qtbot, page, view, index, text, percent=True):
    """Type ``text``; the model must be unchanged and one message said. The
    message is checked for key names, raw decimals and (Chinese) English words."""
    before = page.document.model.to_dict()
    count = len(page.said)
    type_into(qtbot, view, index, text)
    assert page.document.model.to_dict() == before, f"{text!r} was not refused"
    assert len(page.said) == count + 1
    message = page.said[-1]
    for key in KEYS:
        assert key not in message, (key, message)
    assert not SNAKE_KEY.search(message), message
    if percent:
        assert not RAW_DECIMAL.search(message), message
    if page.lang == "zh_CN":
        # words allowed in the Chinese UI: ROE, the E of an estimate year, e-notation
        words = [w for w in re.findall(r"[A-Za-z]{2,}", message) if w not in ("ROE",)]
        assert not words, message
    return message


def seg_name(page, i):
    """The segment's name as the UI's language shows it (the English name in English)."""
    return i18n.segment_name(page.document.model, i)


def test_forecast_refusals(qtbot, page):
    fm, view = page.forecast_table, page.forecast_view
    years = page.document.model.years
    col = years.index(2026)

    def header(row_key, c):
        return fm.headerData(fm.row_of(0, row_key), Qt.Orientation.Vertical), \
            fm.headerData(c, Qt.Orientation.Horizontal)

    for row_key, c, text, shows in (("growth", col, "-150%", "-150.0%"),
                                     ("revenue", col, "-5", "-5.00"),
                                     ("revenue", years.index(2024), "-5", "-5.00"),
                                     ("margin", col, "1e9%", "1,000,000,000.0%"),
                                     ("growth", col, "1e9%", "1,000,000,000.0%")):
        message = refused(qtbot, page, view, fm.index(fm.row_of(0, row_key), c), text, percent=row_key != "revenue")
        row_label, year_label = header(row_key, c)
        assert seg_name(page, 0) in message and row_label in message and year_label in message, message
        assert shows in message, message
        # Enter left the cursor on the refused cell
        assert (view.currentIndex().row(), view.currentIndex().column()) == (fm.row_of(0, row_key), c)


def test_a_revenue_after_a_zero_year_is_refused_with_that_year(qtbot, page):
    fm, view = page.forecast_table, page.forecast_view
    years = page.document.model.years
    last_actual = years.index(page.document.model.first_forecast_year) - 1
    type_into(qtbot, view, fm.index(fm.row_of(1, "revenue"), last_actual), "0")
    assert page.document.model.get(("segments", 1, "actuals", str(years[last_actual]), "revenue")) == 0
    message = refused(qtbot, page, view, fm.index(fm.row_of(1, "revenue"), last_actual + 1), "5", percent=False)
    assert seg_name(page, 1) in message and str(years[last_actual]) in message


def test_segment_parameter_refusals(qtbot, page):
    sp, view = page.segment_params_table, page.segment_params_view
    page.lower_tabs.setCurrentWidget(view)
    cases = (("discount_rate", "2%", ["2.0%", "3.0%"]),      # below the 3% terminal growth
             ("discount_rate", "2.96%", ["2.96%", "3.00%"]),  # close to it: decimals enough to tell them apart
             ("discount_rate", "1e308", []),
             ("roe", "-5%", ["-5.0%"]),
             ("fade_growth", "-150%", ["-150.0%", "-100.0%"]),
             ("fade_years", "500", ["500", "200"]),
             ("terminal_growth", "60%", ["60.0%", "50.0%"]),
             ("multiple", "-3", ["-3.00x"]))
    for key, text, shows in cases:
        c = SEGMENT_PARAMS.index(key)
        message = refused(qtbot, page, view, sp.index(2, c), text)
        assert seg_name(page, 2) in message and sp.headerData(c, Qt.Orientation.Horizontal) in message, message
        for s in shows:
            assert s in message, (s, message)


def test_company_parameter_refusals(qtbot, page):
    cp, view = page.company_params_table, page.company_params_view
    page.lower_tabs.setCurrentWidget(view)
    paths = [p for p, _ in COMPANY_PARAMS]
    for path, text, shows, percent in ((("market", "price"), "1e-300", "1e-300", False),
                                       (("market", "shares"), "1e300", "1e+300", False),
                                       (("valuation", "terminal_growth"), "70%", "70.0%", True),
                                       (("valuation", "fade_years"), "500", "500", True),
                                       (("valuation", "excess_cash"), "1e300", "1e+300", False)):
        r = paths.index(path)
        message = refused(qtbot, page, view, cp.index(r, 0), text, percent)
        assert cp.headerData(r, Qt.Orientation.Vertical) in message and shows in message, message
    # a company terminal growth above a segment's discount rate names each segment's rate
    message = refused(qtbot, page, view, cp.index(paths.index(("valuation", "terminal_growth")), 0), "15%")
    assert seg_name(page, 0) in message and "8.3%" in message and "15.0%" in message


def test_company_total_refusal(qtbot, page):
    tm, view = page.totals_table, page.totals_view
    page.lower_tabs.setCurrentWidget(view)
    from desktop_app.qt_models.forecast import COMPANY_ROWS
    r = COMPANY_ROWS.index("non_operating_profit")
    c = page.document.model.years.index(2026)
    message = refused(qtbot, page, view, tm.index(r, c), "1e300", percent=False)
    assert tm.headerData(r, Qt.Orientation.Vertical) in message and "1e+300" in message


def test_paste_refusal_names_the_cell(qtbot, page):
    fm, view = page.forecast_table, page.forecast_view
    col = page.document.model.years.index(2026)
    view.setFocus()
    view.setCurrentIndex(fm.index(fm.row_of(0, "growth"), col))
    QApplication.clipboard().setText("5%\t-150%\n")
    before = page.document.model.to_dict()
    view.paste()
    assert page.document.model.to_dict() == before
    message = page.said[-1]
    assert seg_name(page, 0) in message and "2027" in message and "-100.0%" in message
