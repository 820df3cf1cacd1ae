"""The Analysis page alone (a document, a controller with a synchronous runner),
the header's analysis line, an edit during a run (a real worker thread), and
once through the main window."""
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.analysis.implied import implied_table, implied_value
from models.analysis.montecarlo import run_montecarlo
from models.analysis.uncertainty import DEFAULT_DRIVERS
from models.analysis.uncertainty_edit import value_histogram
from desktop_app import analysis_feed, i18n
from desktop_app.analysis_text import driver_value
from desktop_app.controller import Controller
from desktop_app.pages.analysis import AnalysisPage
from desktop_app.runner import Runner
from desktop_app.widgets.header import HeaderWidget
from tests.desktop_app.typing_helpers import type_into

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def build(qtbot, document, runner=None):
    controller = Controller(document, runner=runner or Runner(synchronous=True))
    page = AnalysisPage(document, controller)
    qtbot.addWidget(page)
    controller.add_view(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    controller.recompute(True)
    return page, controller


@pytest.fixture
def page(qtbot, document):
    return build(qtbot, document)[0]


def assert_shows_engine_run(page, model):
    """Histogram, P(status), rank correlations and summary equal a fresh engine run of ``model``."""
    want = run_montecarlo(model)
    stats = want.method(page.method)
    assert page.feed.is_current("montecarlo")
    shown = page.feed.result("montecarlo").method(page.method)
    assert np.array_equal(shown.totals, stats.totals, equal_nan=True)
    hist = value_histogram(stats.totals, want.market_cap, 60)
    assert np.array_equal(page.histogram.bars.opts["height"], hist.shares)
    assert np.array_equal(page.histogram.bars.opts["x0"], hist.edges[:-1])
    assert page.status_chart.probabilities == [stats.status_probabilities[c] for c in stats.status_probabilities]
    expected_rho = sorted(stats.rank_correlations.items(), key=lambda kv: -abs(kv[1]))
    assert page.rank_chart.order == [d for d, _ in expected_rho]
    assert page.rank_chart.values == [r for _, r in expected_rho]
    assert f"{want.draws:,} draws (seed {want.seed})" in page.summary.text()
    return want


def test_the_page_shows_the_engine_run_and_tables(page, document):
    want = assert_shows_engine_run(page, document.model)
    assert want.draws == 10_000 and [d.driver for d in want.settings.drivers] == list(DEFAULT_DRIVERS)
    rows = implied_table(document.model, "ddm")
    tm = page.table_model
    assert tm.rowCount() == len(rows) == 8 + 7 * document.model.segment_count
    for r, row in enumerate(rows):
        assert tm.index(r, 3).data(Qt.ItemDataRole.EditRole) == row.value
        for k, b in enumerate(row.boundaries):
            assert tm.index(r, 4 + k).data(Qt.ItemDataRole.EditRole) == b.value
    growth = next(i for i, row in enumerate(rows) if row.driver == "growth_shift" and row.segment is None)
    assert tm.index(growth, 3).data() == driver_value("growth_shift", rows[growth].value)
    multiple = next(i for i, row in enumerate(rows) if row.driver == "multiple_scale" and row.segment is None)
    assert rows[multiple].value is None and tm.index(multiple, 3).data() == "none (no effect)"
    seg1 = next(i for i, row in enumerate(rows) if row.segment == 1)
    assert tm.index(seg1, 1).data() == i18n.segment_name(document.model, 1)   # English: name_en
    # the model's own status is outlined in the P(status) chart
    current = page.controller.state.result.ddm.status
    pens = page.status_chart.bars.opts["pens"]
    assert [p.width() > 0 and p.style() != Qt.PenStyle.NoPen for p in pens].count(True) == 1


def test_the_method_chooser_shows_the_dynamic_method(qtbot, page, document):
    page.method_box.setFocus()
    qtbot.keyClick(page.method_box, Qt.Key.Key_Down)
    assert page.method == "dynamic"
    assert_shows_engine_run(page, document.model)
    rows = implied_table(document.model, "dynamic")
    assert [page.table_model.index(r, 3).data(Qt.ItemDataRole.EditRole) for r in range(len(rows))] == \
        [row.value for row in rows]


def test_an_edit_elsewhere_is_followed_and_undo_restores(page, document):
    before = page.feed.result("montecarlo").ddm.mean
    assert document.edit("growth", lambda t: t.set(("segments", 0, "forecast", "2026", "growth"), 0.4))
    assert_shows_engine_run(page, document.model)
    assert page.feed.result("montecarlo").ddm.mean > before
    document.undo_stack.undo()
    assert_shows_engine_run(page, document.model)
    assert page.feed.result("montecarlo").ddm.mean == before


def test_typing_draws_and_a_spread_lands_in_the_model_as_one_undo_step_each(qtbot, page, document, tmp_path):
    assert "uncertainty" not in document.model.doc
    page.uncertainty.draws_edit.setFocus()
    page.uncertainty.draws_edit.selectAll()
    qtbot.keyClicks(page.uncertainty.draws_edit, "2000")
    qtbot.keyClick(page.uncertainty.draws_edit, Qt.Key.Key_Return)
    u = document.model.doc["uncertainty"]
    assert u["draws"] == 2000 and u["drivers"] == DEFAULT_DRIVERS      # the defaults it ran on, written out
    assert page.feed.result("montecarlo").draws == 2000
    view = page.uncertainty.drivers
    sd = view.model().index(0, 4)                       # growth_shift, SD (a rate: typed in percent)
    type_into(qtbot, view, sd, "3.5")
    assert document.model.doc["uncertainty"]["drivers"]["growth_shift"]["sd"] == pytest.approx(0.035)
    assert document.undo_stack.count() == 2
    assert_shows_engine_run(page, document.model)
    # saved in the model file, and read back as the run's settings
    import models
    from models.analysis.uncertainty import settings_from
    path = tmp_path / "saved.json"
    document.save(str(path))
    loaded = models.load_model(path)
    assert loaded.doc["uncertainty"] == document.model.doc["uncertainty"]
    assert settings_from(loaded.doc["uncertainty"]).drivers[0].params == (0.0, 0.035)
    document.undo_stack.undo()
    assert document.model.doc["uncertainty"]["drivers"]["growth_shift"]["sd"] == 0.02
    assert view.item(0, 4).text() == "2.00%"
    document.undo_stack.undo()
    assert "uncertainty" not in document.model.doc
    assert page.uncertainty.draws_edit.text() == "10,000"
    assert page.feed.result("montecarlo").draws == 10_000


def test_refused_input_says_what_and_where_and_keeps_the_value(qtbot, page, document):
    messages = []
    page.refused.connect(messages.append)
    view = page.uncertainty.drivers
    type_into(qtbot, view, view.model().index(0, 4), "-1")
    assert "uncertainty" not in document.model.doc
    assert messages and messages[-1].startswith("Edit refused") is False
    assert "Uncertainty · Revenue growth · SD: must be 0 or more; typed -1." in messages[-1]
    assert page.notice.isVisible() and page.notice.text() == messages[-1]
    assert view.item(0, 4).text() == "2.00%"
    type_into(qtbot, view, view.model().index(1, 4), "abc")
    assert "Uncertainty · Net margin · SD: must be a number; typed abc." in messages[-1]
    page.uncertainty.draws_edit.setText("0")
    page.uncertainty.draws_edit.editingFinished.emit()
    assert "Uncertainty · Draws: must be a whole number from 1 to 1,000,000; typed 0." in messages[-1]
    assert page.uncertainty.draws_edit.text() == "10,000"
    assert document.undo_stack.count() == 0


def test_correlations_edit_both_halves_and_an_inconsistent_matrix_is_refused(qtbot, page, document):
    messages = []
    page.refused.connect(messages.append)
    corr = page.uncertainty.correlation
    type_into(qtbot, corr, corr.model().index(0, 2), "0.6")
    c = document.model.doc["uncertainty"]["correlation"]
    assert c[0][2] == c[2][0] == 0.6 and corr.item(2, 0).text() == "0.60"
    type_into(qtbot, corr, corr.model().index(1, 2), "0.6")
    type_into(qtbot, corr, corr.model().index(0, 1), "-0.6")
    assert "correlations contradict" in messages[-1] and "Revenue growth and Net margin" in messages[-1]
    assert document.model.doc["uncertainty"]["correlation"][0][1] == 0.0
    assert_shows_engine_run(page, document.model)
    assert page.feed.result("montecarlo").settings.correlation[0, 2] == 0.6


def test_distribution_scope_and_drivers_are_edited_from_the_widgets(qtbot, page, document):
    ed = page.uncertainty
    dist = ed.combos["growth_shift"][1]
    dist.setFocus()
    qtbot.keyClick(dist, Qt.Key.Key_Down)              # normal → uniform, as the user picks it
    g = document.model.doc["uncertainty"]["drivers"]["growth_shift"]
    assert g["dist"] == "uniform" and g["low"] == pytest.approx(-0.02 * 3 ** 0.5)
    assert ed.drivers.item(0, 5).text() == f"{g['low'] * 100:.2f}%" and ed.drivers.item(0, 4).text() == ""
    scope = ed.combos["growth_shift"][0]
    scope.setFocus()
    for _ in range(3):                                 # every segment → segment 0 → 1 → 2
        qtbot.keyClick(scope, Qt.Key.Key_Down)
    assert document.undo_stack.count() == 4            # one undo step per choice
    assert document.model.doc["uncertainty"]["drivers"]["growth_shift"]["segment"] == 2
    ed.add_box.setCurrentIndex(ed.add_box.findData("roe_shift"))
    ed.add_button.click()
    assert list(document.model.doc["uncertainty"]["drivers"])[-1] == "roe_shift"
    assert ed.drivers.rowCount() == 5
    ed.drivers.setCurrentCell(1, 0)
    ed.remove_button.click()
    assert "margin_shift" not in document.model.doc["uncertainty"]["drivers"]
    assert_shows_engine_run(page, document.model)
    assert set(page.rank_chart.order) == {"growth_shift", "discount_rate_shift", "multiple_scale", "roe_shift"}
    for _ in range(6):
        document.undo_stack.undo()
    assert "uncertainty" not in document.model.doc and ed.drivers.rowCount() == 4


def test_locate_an_uncertainty_key(page):
    assert page.locate(("uncertainty", "drivers", "margin_shift", "sd"))
    assert page.uncertainty.drivers.currentRow() == 1 and page.uncertainty.drivers.currentColumn() == 4
    assert not page.locate(("segments", 0, "roe"))


# -- the header ------------------------------------------------------------------------------


def test_the_header_shows_p_status_and_the_price_implied_driver(qtbot, document, settings):
    controller = Controller(document, runner=Runner(synchronous=True))
    header = HeaderWidget()
    qtbot.addWidget(header)
    header.bind_controller(controller, settings)
    controller.views.append(header)
    controller.recompute(True)
    header.show()
    state = controller.state
    mc = run_montecarlo(document.model)
    for method in ("ddm", "dynamic"):
        status = getattr(state.result, method).status
        p = mc.method(method).status_probabilities[status]
        implied = implied_value(document.model, "growth_shift", method)
        label = {"overvalued": "overvalued", "severely_overvalued": "severely overvalued"}[status]
        assert header.analysis.probabilities[method].full_text == f"P({label}) {p * 100:.0f}%"
        assert header.analysis.lines[method].full_text == \
            f"Price implies revenue growth {driver_value('growth_shift', implied.value)}"
        assert header.analysis.lines[method].isEnabled() and header.analysis.probabilities[method].isEnabled()
        assert header.analysis.probabilities[method].toolTip() == \
            f"Probability of “{label}” in the latest Monte Carlo (10,000 draws)"
    assert header.analysis.lines["ddm"].full_text == "Price implies revenue growth +19.2 pp"
    # another driver, from the menu: remembered in the settings
    header.analysis.actions["discount_rate_shift"].trigger()
    assert settings.get("header_implied_driver") == "discount_rate_shift"
    implied = implied_value(document.model, "discount_rate_shift", "ddm")
    assert header.analysis.lines["ddm"].full_text == \
        f"Price implies discount rate {driver_value('discount_rate_shift', implied.value)}" == \
        "Price implies discount rate −2.3 pp"
    # an edit greys the line until the new model's figures arrive (here at once: a synchronous runner)
    assert document.edit("g", lambda t: t.set(("segments", 0, "forecast", "2026", "growth"), 0.4))
    implied = implied_value(document.model, "discount_rate_shift", "ddm")
    assert header.analysis.lines["ddm"].full_text.endswith(driver_value("discount_rate_shift", implied.value))
    # a new header on the same settings starts with that driver
    other = HeaderWidget()
    qtbot.addWidget(other)
    other.bind_controller(Controller(document, runner=Runner(synchronous=True)), settings)
    assert other.analysis.feed.driver == "discount_rate_shift"
    assert other.analysis.actions["discount_rate_shift"].isChecked()


def header_free_line_enabled(page) -> bool:
    """The page's table is drawn as current (not greyed)."""
    return page.table_model.current


# -- an edit during a run: what is shown belongs to the final model ------------------------


def test_an_edit_during_a_run_shows_the_figures_of_the_final_model(qtbot, document, monkeypatch):
    gate, started = threading.Event(), threading.Event()
    real = analysis_feed.compute_montecarlo
    runs = []

    def blocking(model, cancelled):
        runs.append(model.doc["segments"][0]["forecast"]["2026"]["growth"])
        if len(runs) == 2:          # the run for the first edit: held until the test releases it
            started.set()
            assert gate.wait(10)
        return real(model, cancelled)

    monkeypatch.setattr(analysis_feed, "compute_montecarlo", blocking)
    runner = Runner()
    page, controller = build(qtbot, document, runner)
    qtbot.waitUntil(lambda: page.feed.is_current("montecarlo") and page.feed.is_current("tables"), timeout=10000)
    dropped = []
    runner.dropped.connect(lambda key: dropped.append(key[-1]))
    assert document.edit("g", lambda t: t.set(("segments", 0, "forecast", "2026", "growth"), 0.30))
    qtbot.waitUntil(started.is_set, timeout=10000)            # the worker holds the first edit's run
    first_flag = page.feed._flags["montecarlo"]
    QApplication.processEvents()
    assert page.progress.text() == "Updating…"
    assert not page.feed.is_current("montecarlo")
    assert not header_free_line_enabled(page)
    assert document.edit("g", lambda t: t.set(("segments", 0, "forecast", "2026", "growth"), 0.45))
    assert first_flag.is_set()                                # the newer edit cancels the held run
    gate.set()
    qtbot.waitUntil(lambda: page.feed.is_current("montecarlo") and page.feed.is_current("tables")
                    and not runner.is_busy(), timeout=15000)
    assert runs[1:] == [0.30, 0.45]
    assert "montecarlo" in dropped                            # the held run's outcome was never shown
    assert_shows_engine_run(page, document.model)
    rows = implied_table(document.model, "ddm")
    assert [page.table_model.index(r, 3).data(Qt.ItemDataRole.EditRole) for r in range(len(rows))] == \
        [row.value for row in rows]
    assert page.progress.text() == ""
    runner.shutdown()


# -- through the main window -----------------------------------------------------------------


def test_through_the_window(qtbot, window, document):
    window.controller.runner.synchronous = True
    page = window.pages.page("analysis")
    window.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.feed.is_current("tables"), timeout=10000)
    assert window.pages.tabs.tabText(window.pages.tabs.currentIndex()) == "Analysis"
    assert page.feed is window.header.analysis.feed
    assert document.edit("g", lambda t: t.set(("segments", 1, "forecast", "2027", "growth"), 0.3))
    QApplication.processEvents()
    assert_shows_engine_run(page, document.model)
    mc = run_montecarlo(document.model)
    status = window.controller.state.result.ddm.status
    assert window.header.analysis.probabilities["ddm"].full_text.endswith(
        f") {mc.ddm.status_probabilities[status] * 100:.0f}%")
    # a refusal reaches the window's messages panel
    page.uncertainty.set_param_text("growth_shift", "sd", "-2")
    assert "Uncertainty · Revenue growth · SD" in window.document.last_rejection
    window.act_undo.trigger()
    assert document.model.doc["segments"][1]["forecast"]["2027"]["growth"] != 0.3


def test_a_refusal_in_chinese_names_what_and_where(qtbot, qapp, page, document):
    from desktop_app import i18n
    i18n.install(qapp, "zh_CN")
    try:
        qapp.processEvents()            # the LanguageChange events: the page re-reads its texts
        assert page.uncertainty.drivers.item(2, 0).text() == "贴现率"
        messages = []
        page.refused.connect(messages.append)
        view = page.uncertainty.drivers
        type_into(qtbot, view, view.model().index(2, 4), "-0.5")
        assert messages[-1] == "不确定性 · 贴现率 · 标准差：必须大于或等于 0；输入的是 -0.5。已保留原值。"
        assert "uncertainty" not in document.model.doc and view.item(2, 4).text() == "0.50%"
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("table", ["drivers", "correlation", "draws"])
def test_switching_language_while_typing_keeps_what_was_typed(qtbot, qapp, page, document, table):
    """The language switched while a cell editor of the uncertainty tables
    (or the draws box) holds typed text: the text stays, Enter commits it,
    and the tables are in the new language."""
    ed = page.uncertainty
    try:
        if table == "draws":
            ed.draws_edit.setFocus()
            ed.draws_edit.selectAll()
            qtbot.keyClicks(ed.draws_edit, "2500")
            i18n.install(qapp, "zh_CN")
            QApplication.processEvents()
            assert ed.draws_edit.text() == "2500"
            qtbot.keyClick(ed.draws_edit, Qt.Key.Key_Return)
            assert document.model.doc["uncertainty"]["draws"] == 2500
            assert ed.draws_caption.text() == "抽样次数"
            return
        view = ed.drivers if table == "drivers" else ed.correlation
        view.setFocus()
        view.setCurrentCell(0, 4 if table == "drivers" else 1)     # growth_shift's SD; ρ(driver 1, driver 2)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = view.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, "3.5" if table == "drivers" else "0.4")
        i18n.install(qapp, "zh_CN")
        QApplication.processEvents()
        editor = view.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == ("3.5" if table == "drivers" else "0.4")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        u = document.model.doc["uncertainty"]
        if table == "drivers":
            assert u["drivers"]["growth_shift"]["sd"] == pytest.approx(0.035)
            assert ed.drivers.horizontalHeaderItem(4).text() == "标准差"
        else:
            assert u["correlation"][0][1] == u["correlation"][1][0] == pytest.approx(0.4)
        assert document.undo_stack.count() == 1
    finally:
        i18n.install(qapp, "en")
