"""The coverage page (issue 16 item 4) alone, on generated folders (good
models, a broken file, a duplicate ticker, prices that miss some models),
and through the main window's File menu."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from models.io import batch
from models.io.coverage import NOT_VALUED, value_paths
from models.status import STATUS_CODES, status_label
from models.synthetic import sample_universe
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.numbers import MONEY, NUMBER, format_value
from desktop_app import helper_process
from desktop_app.pages.coverage import CoveragePage
from desktop_app.qt_models.coverage import COLUMN_INDEX, ROW_ROLE, signed_percent
from desktop_app.runner import Runner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_universe(root: Path, count: int = 6) -> Path:
    """``count`` generated models, a broken file, and a copy of the first
    model under another name (a duplicate ticker)."""
    paths = sample_universe(root, count)
    (root / "broken.json").write_text('{"version": 1, "company": ', encoding="utf-8")
    shutil.copy(paths[0], root / "zz-twin.json")
    return root


@pytest.fixture
def universe(tmp_path) -> Path:
    return make_universe(tmp_path / "universe")


def build(qtbot, document, runner: Runner) -> CoveragePage:
    controller = Controller(document, runner=runner)
    page = CoveragePage(document, controller)
    qtbot.addWidget(page)
    controller.add_view(page)
    page.resize(1500, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, qapp, document):
    """The page with a synchronous runner: a folder is valued when open_folder returns."""
    i18n.install(qapp, "en")
    return build(qtbot, document, Runner(synchronous=True))


@pytest.fixture
def async_page(qtbot, qapp, document):
    """The page with the real runner: the folder is valued on a worker thread."""
    i18n.install(qapp, "en")
    page = build(qtbot, document, Runner())
    yield page
    page.runner.shutdown()


def shown_rows(page) -> list:
    proxy = page.table_model
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def cell(page, row: int, name: str) -> str:
    return page.table_model.index(row, COLUMN_INDEX[name]).data()


def wait_done(qtbot, page, timeout=60_000):
    qtbot.waitUntil(lambda: not page.is_scanning(), timeout=timeout)


# --- what the table shows --------------------------------------------------------------------------

def test_the_table_shows_what_the_batch_engine_computes(page, universe):
    page.open_folder(str(universe))
    expected = batch.value_folder(universe).rows
    assert not page.is_scanning() and page.table_model.rowCount() == len(expected) == 8
    by_file = {os.path.abspath(r.file): r for r in expected}
    for n, row in enumerate(shown_rows(page)):
        want = by_file[row.file]
        assert row == batch.BatchRow(**{**want.to_dict(), "file": row.file})
        assert cell(page, n, "file") == os.path.relpath(row.file, universe)
        if want.error is not None:       # the error, without the file name, across the row
            assert want.error.startswith(row.file + ": ")
            # what is wrong as the loader says it in the UI's language, without the file (its own column)
            shown = cell(page, n, "company")
            assert "not valid JSON" in shown and "line 1" in shown and row.file not in shown
            assert cell(page, n, "ddm_total") == ""
            assert page.view.columnSpan(n, COLUMN_INDEX["company"]) == len(COLUMN_INDEX) - COLUMN_INDEX["company"]
            continue
        assert page.view.columnSpan(n, COLUMN_INDEX["company"]) == 1
        assert cell(page, n, "company") == want.company and cell(page, n, "ticker") == want.ticker
        assert cell(page, n, "price") == format_value(want.price, NUMBER)
        assert cell(page, n, "market_cap") == format_value(want.market_cap, MONEY)
        for method in ("ddm", "dynamic"):
            assert cell(page, n, f"{method}_total") == format_value(getattr(want, f"{method}_total"), MONEY)
            assert cell(page, n, f"{method}_upside") == signed_percent(getattr(want, f"{method}_upside"))
            assert cell(page, n, f"{method}_status") == status_label(getattr(want, f"{method}_status"), "en")
    summary = page.summary.text()
    assert "8 files: 7 valued, 1 not valued." in summary
    assert "Tickers in more than one file: 100000.SZ." in summary


def test_statuses_are_coloured_as_the_header_colours_them(page, universe):
    from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

    page.open_folder(str(universe))
    for n, row in enumerate(shown_rows(page)):
        if row.error is None:
            index = page.table_model.index(n, COLUMN_INDEX["ddm_status"])
            assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == STATUS_COLORS[row.ddm_status]
            assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == STATUS_TEXT_COLORS[row.ddm_status]


def click_header(qtbot, page, name: str) -> None:
    header = page.view.horizontalHeader()
    section = COLUMN_INDEX[name]
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


@pytest.mark.parametrize("name", ["market_cap", "ddm_total", "dynamic_upside", "price", "company", "ddm_status"])
def test_a_click_on_a_header_sorts_by_that_column_numbers_as_numbers(qtbot, tmp_path, page, name):
    universe = make_universe(tmp_path / "u", count=12)
    page.open_folder(str(universe))
    valued = lambda rows: [getattr(r, name) for r in rows if r.error is None]   # noqa: E731
    key = {"company": str.casefold, "ddm_status": STATUS_CODES.index}.get(name, float)
    click_header(qtbot, page, name)
    rows = shown_rows(page)
    assert page.view.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX[name]
    assert valued(rows) == sorted(valued(rows), key=key) and rows[-1].error is not None   # not valued: last
    click_header(qtbot, page, name)
    rows = shown_rows(page)
    assert valued(rows) == sorted(valued(rows), key=key, reverse=True) and rows[-1].error is not None


def test_numbers_do_not_sort_as_text(qtbot, page, universe):
    page.open_folder(str(universe))
    click_header(qtbot, page, "market_cap")
    caps = [r.market_cap for r in shown_rows(page) if r.error is None]
    texts = [format_value(c, MONEY) for c in caps]
    assert caps == sorted(caps) and texts != sorted(texts)     # e.g. "131.61" after "1,483.32" as text


def choose(combo, data) -> None:
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:                # as a user does: arrow keys on the combo
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_the_status_filter_and_the_text_filter(qtbot, tmp_path, page):
    universe = make_universe(tmp_path / "u", count=12)
    page.open_folder(str(universe))
    rows = shown_rows(page)
    assert len(rows) == 14
    present = [code for code in STATUS_CODES if any(r.ddm_status == code or r.dynamic_status == code for r in rows)]
    assert len(present) >= 2
    for code in present:
        choose(page.status_combo, code)
        assert {r.file for r in shown_rows(page)} == {r.file for r in rows if code in (r.ddm_status, r.dynamic_status)}
        choose(page.method_combo, "ddm")
        assert {r.file for r in shown_rows(page)} == {r.file for r in rows if r.ddm_status == code}
        choose(page.method_combo, None)
    choose(page.status_combo, NOT_VALUED)
    assert [r.file for r in shown_rows(page)] == [str(universe / "broken.json")]
    choose(page.status_combo, None)
    qtbot.keyClicks(page.search, "100003")
    assert [r.ticker for r in shown_rows(page)] == ["100003.SZ"]
    page.search.clear()
    qtbot.keyClicks(page.search, "twin")
    assert [Path(r.file).name for r in shown_rows(page)] == ["zz-twin.json"]
    page.search.clear()
    assert len(shown_rows(page)) == 14


def double_click_row(page, row: int) -> None:
    index = page.table_model.index(row, COLUMN_INDEX["company"])
    page.view.scrollTo(index)
    rect = page.view.visualRect(index)
    # a view reports a double-click on the cell its press was on: press, then double-click, as a mouse does
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      rect.center())


def test_double_click_asks_to_open_that_rows_file(qtbot, page, universe):
    page.open_folder(str(universe))
    click_header(qtbot, page, "ddm_total")
    target = shown_rows(page)[3]
    with qtbot.waitSignal(page.openRequested) as blocker:
        double_click_row(page, 3)
    assert blocker.args == [target.file]


# --- refresh on a change on disk ---------------------------------------------------------------------

def test_a_changed_file_refreshes_its_row_only(qtbot, page, universe, monkeypatch):
    page.open_folder(str(universe))
    valued = []
    real = helper_process.call

    def spy(function, *args):
        if function is value_paths:
            valued.append(list(args[0]))
        return real(function, *args)

    monkeypatch.setattr(helper_process, "call", spy)
    target = universe / "model-00002.json"
    doc = json.loads(target.read_text(encoding="utf-8"))
    doc["market"]["price"] = 1.25
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    # the real watcher, after the debounce
    qtbot.waitUntil(lambda: page.base[str(target)].price == 1.25, timeout=10_000)
    row = next(r for r in shown_rows(page) if r.file == str(target))
    assert row == batch.value_file(str(target))
    assert valued == [[str(target)]]
    assert cell(page, shown_rows(page).index(row), "price") == "1.25"


def test_new_and_removed_files_join_and_leave_the_table(qtbot, page, universe):
    page.open_folder(str(universe))
    os.remove(universe / "model-00001.json")
    shutil.copy(universe / "model-00003.json", universe / "added.json")
    page.watcher.directoryChanged.emit(str(universe))      # what the watcher says; then the debounce
    qtbot.waitUntil(lambda: str(universe / "added.json") in page.base, timeout=10_000)
    files = {r.file for r in shown_rows(page)}
    assert str(universe / "added.json") in files and str(universe / "model-00001.json") not in files
    assert len(files) == 8 and "8 files" in page.summary.text()


# --- prices ---------------------------------------------------------------------------------------------

def test_import_prices_revalues_without_touching_the_files(qtbot, page, universe, tmp_path):
    page.open_folder(str(universe))
    before = {p: p.read_bytes() for p in universe.iterdir()}
    prices = tmp_path / "prices.csv"
    prices.write_text("ticker,price,date\n100001.sz,3.5,2026-11-27\n100000.SZ,250,2026-11-27\n"
                      "999999.SH,10,2026-11-27\n", encoding="utf-8")
    with qtbot.waitSignal(page.reported):
        assert page.import_prices(str(prices))
    rows = batch.value_folder(universe).rows
    expected = batch.revalue(rows, batch.read_prices(prices))
    by_file = {os.path.abspath(r.file): r for r in expected.rows}
    for row in shown_rows(page):
        assert row == batch.BatchRow(**{**by_file[row.file].to_dict(), "file": row.file})
    twin = next(n for n, r in enumerate(shown_rows(page)) if r.file.endswith("zz-twin.json"))
    assert cell(page, twin, "price") == "250.00"
    price = page.table_model.index(twin, COLUMN_INDEX["price"])
    assert price.data(Qt.ItemDataRole.ToolTipRole).endswith("(2026-11-27)") and price.data(Qt.ItemDataRole.FontRole).italic()
    own = next(n for n, r in enumerate(shown_rows(page)) if r.file.endswith("model-00002.json"))
    assert page.table_model.index(own, COLUMN_INDEX["price"]).data(Qt.ItemDataRole.FontRole) is None
    summary = page.summary.text()
    assert "Tickers matching no model: 999999.SH." in summary
    assert "Models without a price (shown at the price in their file): model-00002.json, model-00003.json" in summary
    assert {p: p.read_bytes() for p in universe.iterdir()} == before


def test_a_bad_prices_file_is_refused_naming_the_line_and_the_table_stays(qtbot, page, universe, tmp_path):
    page.open_folder(str(universe))
    rows = shown_rows(page)
    prices = tmp_path / "bad.csv"
    prices.write_text("ticker,price\n100001.SZ,3.5\n100002.SZ,abc\n", encoding="utf-8")
    with qtbot.waitSignal(page.refused) as blocker:
        assert not page.import_prices(str(prices))
    assert "bad.csv" in blocker.args[0] and "line 3" in blocker.args[0] and "“abc”" in blocker.args[0]
    assert shown_rows(page) == rows and page.quotes is None


# --- off the GUI thread ------------------------------------------------------------------------------

def test_the_gui_keeps_processing_events_while_a_folder_is_valued(qtbot, async_page, tmp_path):
    folder = tmp_path / "big"
    sample_universe(folder, 240)
    async_page.chunk = 20
    ticks, progress = [], []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(async_page.is_scanning()))
    async_page.progress.valueChanged.connect(progress.append)
    timer.start()
    async_page.open_folder(str(folder))
    assert async_page.is_scanning()          # open_folder returned at once
    wait_done(qtbot, async_page)
    timer.stop()
    assert sum(ticks) >= 5                   # the timer ticked while the scan ran
    assert async_page.table_model.rowCount() == 240
    assert 20 in progress and 240 in progress and progress == sorted(progress)
    assert async_page.progress_label.isHidden() and async_page.progress.isHidden()


def test_cancel_keeps_the_rows_done_and_values_no_more(qtbot, async_page, tmp_path):
    folder = tmp_path / "big"
    sample_universe(folder, 200)
    async_page.chunk = 10
    async_page.open_folder(str(folder))
    qtbot.waitUntil(lambda: async_page.table_model.rowCount() >= 10, timeout=30_000)
    assert async_page.cancel_button.isVisible()
    with qtbot.waitSignal(async_page.scanFinished):
        QTest.mouseClick(async_page.cancel_button, Qt.MouseButton.LeftButton)
    done = async_page.table_model.rowCount()
    assert 10 <= done < 200 and not async_page.is_scanning()
    qtbot.wait(600)                           # a chunk on its way when cancelled is dropped
    assert async_page.table_model.rowCount() == done
    assert async_page.progress_label.text() == f"Cancelled: {done} of 200 files valued"
    assert async_page.summary.text().startswith(f"{done} files: {done} valued")


def test_opening_another_folder_drops_the_scan_of_the_first(qtbot, async_page, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    sample_universe(first, 150)
    make_universe(second, 3)
    async_page.chunk = 10
    async_page.open_folder(str(first))
    qtbot.waitUntil(lambda: async_page.table_model.rowCount() >= 10, timeout=30_000)
    async_page.open_folder(str(second))
    wait_done(qtbot, async_page)
    qtbot.wait(400)
    files = sorted(r.file for r in shown_rows(async_page))
    assert files == sorted(os.path.abspath(p) for p in batch.find_model_files([second]))


def test_a_missing_folder_is_refused_in_words(qtbot, page, tmp_path):
    with qtbot.waitSignal(page.runner.failed) as blocker:        # the window's messages panel hears it
        page.open_folder(str(tmp_path / "nowhere"))
    assert blocker.args[0] == "Coverage" and str(tmp_path / "nowhere") in blocker.args[1]
    assert "no such file or folder" in blocker.args[1]
    assert page.progress_label.text() == f"Coverage folder “{tmp_path / 'nowhere'}”: {blocker.args[1]}"
    assert page.progress_label.isVisibleTo(page)
    assert not page.is_scanning() and page.table_model.rowCount() == 0


def test_chinese_headers_and_statuses(qtbot, qapp, page, universe):
    page.open_folder(str(universe))
    i18n.install(qapp, "zh_CN")
    try:
        page.retranslate()
        model = page.table_model
        assert model.headerData(COLUMN_INDEX["ddm_status"], Qt.Orientation.Horizontal) == "DDM 状态"
        row = next(n for n, r in enumerate(shown_rows(page)) if r.error is None)
        assert cell(page, row, "ddm_status") == status_label(shown_rows(page)[row].ddm_status, "zh")
        assert page.status_combo.itemText(0) == "全部状态"
    finally:
        i18n.install(qapp, "en")


# --- through the main window ------------------------------------------------------------------------

def file_action(window, name):
    (action,) = [a for a in window.menu_file.actions() if a.objectName() == name]
    return action


def test_file_menu_opens_a_folder_and_imports_prices_and_double_click_opens_the_model(
        qtbot, make_window, document, settings, modals, universe, tmp_path, monkeypatch):
    window = make_window(document)
    dialogs = window.session.dialogs
    monkeypatch.setattr(dialogs, "folder", lambda title, start: str(universe))
    file_action(window, "actCoverageFolder").trigger()
    page = window.pages.page("coverage")
    assert window.pages.currentWidget() is page
    wait_done(qtbot, page)
    assert page.table_model.rowCount() == 8 and settings.get("coverage_folder") == str(universe)
    prices = tmp_path / "p.csv"
    prices.write_text("100001.SZ,3.5\nNOPE,1\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_path", lambda title, start, filter: str(prices))
    file_action(window, "actImportPrices").trigger()
    assert "Tickers matching no model: NOPE." in window.messages.texts()[-1]
    # unsaved changes: the file session asks first; Cancel keeps the open document
    document.undo_stack.resetClean()
    modals.answer("warning", QMessageBox.StandardButton.Cancel)
    n = next(n for n, r in enumerate(shown_rows(page)) if r.file.endswith("model-00001.json"))
    double_click_row(page, n)
    assert [c[0] for c in modals.calls] == ["warning"] and document.path is None
    modals.answer("warning", QMessageBox.StandardButton.Discard)
    double_click_row(page, n)
    assert document.path == str(universe / "model-00001.json")
    assert window.pages.currentWidget() is window.page
    assert document.model.company_name == shown_rows(page)[n].company


def test_the_coverage_tab_reopens_the_remembered_folder(qtbot, make_window, document, settings, universe):
    settings.set("coverage_folder", str(universe))
    window = make_window(document)
    index = 1 + [s.key for s in window.pages.specs].index("coverage")
    window.pages.tabs.setCurrentIndex(index)
    page = window.pages.page("coverage")
    assert page.folder == str(universe)
    wait_done(qtbot, page)
    assert page.table_model.rowCount() == 8
