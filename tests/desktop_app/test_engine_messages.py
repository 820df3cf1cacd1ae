"""The engine's refusals and notes reach the user in the UI's language
(desktop_app/engine_messages.py): scenarios refused by the engine, two
versions that cannot be compared, ... Each is triggered through the real
widgets (names typed, cells typed into, buttons clicked), with the UI in
Chinese and in English; the Chinese message must hold no English words of the
engine (the user's own data and file names taken out)."""
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

import models
from models import forecast as engine_forecast
from models.analysis.scenarios import add_scenario
from desktop_app import i18n
from desktop_app.controller import Controller
from desktop_app.runner import Runner

from tests.desktop_app.test_page_scenarios import open_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

DR0 = ("segments", 0, "discount_rate")
ALLOWED = {"DDM", "ROE", "Shapley", "JSON"}   # kept as they are in the Chinese UI


def english_words(message: str, *user: str) -> list[str]:
    """Words of three or more Latin letters in ``message`` once the user's
    own texts (names, file paths) are taken out."""
    for text in sorted(user, key=len, reverse=True):
        message = message.replace(text, " ")
    return [w for w in re.findall(r"[A-Za-z]{3,}", message) if w not in ALLOWED]


def check(lang: str, message: str, chinese: str, english: str, *user: str) -> None:
    """The message in ``lang``: the expected phrase and, in Chinese, no English."""
    if lang == "zh_CN":
        assert chinese in message, message
        assert not english_words(message, *user), (english_words(message, *user), message)
    else:
        assert english in message, message


@pytest.fixture(params=["zh_CN", "en"])
def lang(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def page(qtbot, lang, document):
    page = open_page(qtbot, document)
    page.said = []
    document.editRejected.connect(page.said.append)
    return page


def settle():
    for _ in range(3):
        QApplication.processEvents()


def save_as(qtbot, page, name):
    page.name_edit.setFocus()
    qtbot.keyClicks(page.name_edit, name)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)


def set_value(document, path, value):
    assert document.edit("edit", lambda txn: txn.set(path, value))


# --- scenarios ----------------------------------------------------------------------------------

def test_save_as_a_taken_name(qtbot, page, document, lang):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    index = document.undo_stack.index()
    save_as(qtbot, page, "Bear")
    assert document.undo_stack.index() == index
    check(lang, page.said[-1], "名为“Bear”的情景已存在", "a scenario named “Bear” exists already", "Bear", "Bull")


def test_rename_to_a_taken_name_typed_in_the_list(qtbot, page, document, lang):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    set_value(document, DR0, 0.1)
    save_as(qtbot, page, "Bull")
    before = [s["name"] for s in document.stored().doc["scenarios"]]
    view = page.list
    view.setFocus()
    view.setCurrentRow(1)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Bear")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert [s["name"] for s in document.stored().doc["scenarios"]] == before
    check(lang, page.said[-1], "名为“Bear”的情景已存在", "a scenario named “Bear” exists already", "Bear", "Bull")


def test_save_as_after_adding_a_segment(qtbot, page, document, lang):
    assert document.restructure("Add", lambda m: engine_forecast.add_segment(m, "新业务"))
    # the page says it before the user tries ...
    page.refresh()
    check(lang, page.edits_label.text(), "基准有 3 个业务，当前输入有 4 个",
          "the base has 3, the inputs have 4", "新业务")
    # ... and refuses the save naming it
    save_as(qtbot, page, "Bear")
    assert "scenarios" not in document.model.doc
    check(lang, page.said[-1], "基准有 3 个业务，当前输入有 4 个", "the base has 3, the inputs have 4", "Bear")


def test_a_change_the_method_refuses_typed_into_the_changes_table(qtbot, page, document, lang):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    view = page.changes
    view.setFocus()
    view.setCurrentCell(0, 2)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "0.01")         # below the terminal growth (3%)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert document.stored().doc["scenarios"][0]["changes"][0]["value"] == 0.095
    message = page.said[-1]
    segment = i18n.segment_name(document.model, 0)
    check(lang, message, "情景“Bear”", "scenario “Bear”", segment, "Bear")
    # the cell by its label and the values as the tables show them
    assert segment in message and "3.0%" in message and "1.0%" in message, message
    assert "segments[" not in message and "discount_rate" not in message, message
    check(lang, message, "贴现率", "Discount rate", segment, "Bear")


def test_a_scenario_that_cannot_be_valued_says_why_beside_its_column(qtbot, page, document, lang):
    model = add_scenario(document.model, {"name": "悲观", "note": "", "changes": [
        {"path": ["valuation", "terminal_growth"], "value": 0.2}]})   # above every discount rate
    document.reset(model, None)
    settle()
    page.refresh()
    column = next(c for c, col in enumerate(page.table_data["columns"]) if col["name"] == "悲观")
    tip = page.side_table.item(0, column).toolTip()
    check(lang, tip, "情景“悲观”", "scenario “悲观”", *i18n.segment_names(document.model))
    assert "20.0%" in tip and "terminal_growth" not in tip, tip


# --- comparing with another file ---------------------------------------------------------------

def test_compare_with_a_file_of_other_segments_and_a_missing_one(qtbot, page, document, lang, tmp_path):
    fewer = document.model.copy()
    engine_forecast.remove_segment(fewer, 1)
    bad = tmp_path / "two.vwm.json"
    models.save_model(fewer, str(bad))
    assert page.choose_file(str(bad))
    check(lang, page.attr_message.text(), "A 有 2 个业务，B 有 3 个", "A has 2, B has 3", "two.vwm.json")
    missing = str(tmp_path / "missing.json")
    assert not page.choose_file(missing)
    check(lang, page.said[-1], "文件不存在", "the file does not exist", missing)


def test_a_split_the_ddm_cannot_define(qtbot, page, document, lang, tmp_path):
    other = document.model.copy()
    for s in range(other.segment_count):
        other.set(("segments", s, "discount_rate"), 0.3)
    other.set(("valuation", "terminal_growth"), 0.2)   # A's discount rates with B's terminal growth: r ≤ gT
    path = tmp_path / "other.vwm.json"
    models.save_model(other, str(path))
    assert page.choose_file(str(path))
    result = page.attribution
    assert result["result"] is not None and result["ddm_error"] is not None
    check(lang, page.attr_message.text(), "DDM 拆分无法定义", "the DDM split is undefined",
          "other.vwm.json", *i18n.segment_names(document.model))
    assert "20.0%" in page.attr_message.text()


# --- the import preview -------------------------------------------------------------------------

def _import_dialog_texts(qtbot, window, monkeypatch, paths):
    """File ▸ Import… on ``paths``: the dialog's status line and notes as shown."""
    from tests.desktop_app.test_file_tools_import import action, choose, drive_modal, wait_read
    choose(monkeypatch, paths)
    texts = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        texts["status"] = dialog.status.text()
        texts["notes"] = dialog.notes.toPlainText() if dialog.notes.isVisibleTo(dialog) else ""

    drive_modal(action(window, "actImport").trigger, interact)
    return texts


def test_import_notes_say_what_was_kept(qtbot, make_window, document, tmp_path, monkeypatch, lang):
    from tests.models.import_fixtures import INCOME_FIELDS, INCOME_ROWS, write_csv
    window = make_window(document)
    window.set_language(lang)
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS, "gbk")
    notes = _import_dialog_texts(qtbot, window, monkeypatch, [income])["notes"]
    check(lang, notes, "income.csv：2024 出现 2 次；保留第 4 行（最新修订）",
          "income.csv: 2024 appears 2 times; kept row 4 (the latest revision)", "income.csv")
    assert str(tmp_path) not in notes      # the file by its name, not its folder


def test_an_import_error_the_dialog_did_not_know_before(qtbot, make_window, document, tmp_path, monkeypatch, lang):
    from tests.models.import_fixtures import INCOME_FIELDS, INCOME_ROWS, write_csv
    window = make_window(document)
    window.set_language(lang)
    rows = [list(r) for r in INCOME_ROWS]
    rows[0][INCOME_FIELDS.index("end_date")] = "20250615"      # not the end of a quarter
    bad = write_csv(tmp_path / "income.csv", INCOME_FIELDS, rows, "gbk")
    before = document.model.to_dict()
    status = _import_dialog_texts(qtbot, window, monkeypatch, [bad])["status"]
    check(lang, status, "“20250615” 不是季末日期", "“20250615” is not the end of a quarter", "income.csv",
          "end_date", "span", "style", "color")
    assert document.model.to_dict() == before


# --- the uncertainty settings -------------------------------------------------------------------

def test_removing_the_segment_a_driver_is_scoped_to_names_the_setting(qtbot, document, lang):
    """A driver of the simulation scoped to the last segment (chosen in the
    Analysis page's editor), then that segment removed on the valuation page:
    refused, naming the setting as the editor labels it, not its key path."""
    from desktop_app.pages.analysis import AnalysisPage
    from desktop_app.pages.valuation import ValuationPage
    controller = Controller(document, runner=Runner(synchronous=True))
    analysis = AnalysisPage(document, controller)
    valuation = ValuationPage(document, controller)
    controller.add_view(analysis)
    for page in (analysis, valuation):
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
    controller.recompute(True)
    said = []
    document.editRejected.connect(said.append)
    scope = analysis.uncertainty.combos["growth_shift"][0]
    scope.setFocus()
    for _ in range(3):                                  # every segment → segment 1 → 2 → 3
        qtbot.keyClick(scope, Qt.Key.Key_Down)
    assert document.model.doc["uncertainty"]["drivers"]["growth_shift"]["segment"] == 2
    before = document.model.to_dict()
    valuation.forecast_view.setFocus()
    valuation.forecast_view.setCurrentIndex(valuation.forecast_table.index(valuation.forecast_table.row_of(2, None), 0))
    valuation.act_remove_segment.trigger()
    assert document.model.to_dict() == before
    message = said[-1]
    assert "uncertainty." not in message and "growth_shift" not in message, message
    check(lang, message, "不确定性 · 收入增速 · 适用范围（业务 3）是模型将不再拥有的业务（模型将只有 2 个业务）",
          "Uncertainty · Revenue growth · Applies to (segment 3) is a segment the model would no longer have "
          "(it would have 2)")


# --- a prices file for the coverage list ----------------------------------------------------------

def test_a_bad_prices_file_names_the_line_in_the_ui_language(qtbot, make_window, document, tmp_path, monkeypatch,
                                                             lang):
    from tests.desktop_app.test_page_coverage import file_action, make_universe, wait_done
    universe = make_universe(tmp_path / "universe")
    window = make_window(document)
    window.set_language(lang)
    dialogs = window.session.dialogs
    monkeypatch.setattr(dialogs, "folder", lambda title, start: str(universe))
    file_action(window, "actCoverageFolder").trigger()
    page = window.pages.page("coverage")
    wait_done(qtbot, page)
    prices = tmp_path / "prices.csv"
    prices.write_text("ticker,price\n100001.SZ,3.5\n100002.SZ,abc\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_path", lambda title, start, filter: str(prices))
    file_action(window, "actImportPrices").trigger()
    assert page.quotes is None
    message = window.messages.texts()[-1]
    check(lang, message, "第 3 行：价格 “abc” 不是数字", "line 3: the price “abc” is not a number", str(prices), "abc")


# --- scenario changes a structural edit took out, or that name a key the model lacks ------------

def test_changes_that_left_with_a_removed_segment_are_named_as_the_tables_label_them(qtbot, page, document, lang):
    from desktop_app.pages.valuation import ValuationPage
    model = add_scenario(document.model, {"name": "Bear", "note": "", "changes": [
        {"path": ["segments", 1, "roe"], "value": 0.3}, {"path": ["segments", 2, "multiple"], "value": 12.0}]})
    document.reset(model, None)
    name = i18n.segment_name(document.model, 1)
    valuation = ValuationPage(document, page.controller)
    qtbot.addWidget(valuation)
    valuation.forecast_view.setCurrentIndex(valuation.forecast_table.index(valuation.forecast_table.row_of(1, None), 0))
    valuation.act_remove_segment.trigger()
    assert document.model.segment_count == 2
    settle()
    for message in (page.said[-1], page.stale_label.text()):
        assert "segments[" not in message and "roe" not in message, message
        check(lang, message, f"{name} · ROE", f"{name} · ROE", name, "Bear")
    check(lang, page.stale_label.text(), "随被删除的业务一并移出", "left with its removed segment", name, "Bear")


def test_a_stale_change_names_the_missing_segment_by_its_number(qtbot, page, document, lang):
    model = add_scenario(document.model, {"name": "Bear", "note": "", "changes": [
        {"path": ["segments", 2, "multiple"], "value": 12.0}]})
    engine_forecast.remove_segment(model, 2)       # removed by hand: the change is stale, not remapped
    document.reset(model, None)
    settle()
    page.refresh()
    text = page.stale_label.text()
    assert "segments[" not in text, text
    check(lang, text, "业务 3 · 综合倍数", "segment 3 · Composite multiple", "Bear")


def test_opening_a_file_with_a_stale_scenario_change_says_it_in_the_ui_language(qtbot, make_window, modals, document,
                                                                                 tmp_path, lang):
    import json
    from PySide6.QtWidgets import QMessageBox
    modals.answer("critical", QMessageBox.StandardButton.Ok)
    doc = document.model.to_dict()
    doc["scenarios"] = [{"name": "Bear", "note": "", "changes": [{"path": ["segments", 5, "roe"], "value": 0.2},
                                                                 {"path": ["segments", 0, "roe"], "value": 0.2},
                                                                 {"path": ["segments", 0, "roe"], "value": 0.3}]}]
    path = tmp_path / "stale.vwm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = make_window(document)
    window.set_language(lang)
    before = document.model.to_dict()
    assert not window.session.open_file(str(path))
    assert document.model.to_dict() == before
    text = modals.calls[-1][2]
    # the key path in brackets is kept for whoever looks for it in the file's text
    shown = re.sub(r"\((scenarios\[\d\][\w.\[\]]*)\)", "", text)
    name = i18n.segment_name(document.model, 0)
    check(lang, shown, "情景“Bear”第 1 项改动：业务 6 · ROE 不是模型中情景可以改动的值",
          "scenario “Bear”, change 1: segment 6 · ROE is not a value of the model that a scenario can change",
          str(path), name, "Bear")
    check(lang, shown, f"情景“Bear”：{name} · ROE 被改动了两次（第 2 项和第 3 项改动）",
          f"scenario “Bear”: {name} · ROE is changed twice (changes 2 and 3)", str(path), name, "Bear")


def test_opening_a_file_with_values_of_the_wrong_kind_says_it_in_the_ui_language(qtbot, make_window, modals, document,
                                                                                  tmp_path, lang):
    import json
    from PySide6.QtWidgets import QMessageBox
    modals.answer("critical", QMessageBox.StandardButton.Ok)
    window = make_window(document)
    window.set_language(lang)
    name = i18n.segment_name(document.model, 0)

    def refused(change) -> str:
        doc = document.model.to_dict()
        change(doc)
        path = tmp_path / "kinds.vwm.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert not window.session.open_file(str(path))
        text = modals.calls[-1][2].replace(str(path), "")
        return re.sub(r"\(([a-z_]+[\w.\[\]]*)\)$", "", text, flags=re.M)   # the key paths kept for the file's text

    shown = refused(lambda doc: doc["segments"][0].update(discount_rate="abc"))
    check(lang, shown, f"{name} · 贴现率须为数字；文件中为文字“abc”",
          f"{name} · Discount rate must be a number; the file has the text “abc”", name, "abc")
    shown = refused(lambda doc: doc.update(uncertainty={"drivers": {"growth_shift": {"dist": "normal", "mean": "x",
                                                                                     "sd": -1}}}))
    check(lang, shown, "不确定性 · 收入增速 · 均值须为数字；文件中为文字“x”",
          "Uncertainty · Revenue growth · Mean must be a number; the file has the text “x”")
    check(lang, shown, "不确定性 · 收入增速 · 标准差须为 0 或更大", "Uncertainty · Revenue growth · SD must be 0 or more")


# --- segments ------------------------------------------------------------------------------------

def test_the_last_segment_cannot_be_removed(qtbot, lang, recovery_dir):
    from desktop_app.document import Document, blank_model
    from desktop_app.pages.valuation import ValuationPage
    document = Document(blank_model(), None, recovery_dir=recovery_dir)
    try:
        controller = Controller(document)
        page = ValuationPage(document, controller)
        qtbot.addWidget(page)
        controller.recompute(True)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        said = []
        document.editRejected.connect(said.append)
        before = document.model.to_dict()
        page.act_remove_segment.trigger()
        assert document.model.to_dict() == before
        check(lang, said[-1], "模型至少需要一个业务", "a model needs at least one segment")
    finally:
        document.close_cleanly()


# --- the operating system refuses to write ------------------------------------------------------

def test_a_save_or_an_export_the_system_refuses_says_why_in_the_ui_language(qtbot, make_window, modals, document,
                                                                            tmp_path, monkeypatch, lang):
    from PySide6.QtWidgets import QMessageBox
    modals.answer("critical", QMessageBox.StandardButton.Ok)
    window = make_window(document)
    window.set_language(lang)
    missing = tmp_path / "no such folder"
    target = str(missing / "model.vwm.json")
    dialogs = window.session.dialogs
    monkeypatch.setattr(dialogs, "save_path", lambda title, start, filter: target)
    window.act_save_as.trigger()
    assert document.path is None
    text = modals.calls[-1][2]
    check(lang, text, "文件夹不存在", "the folder does not exist", target)
    assert target in text
    # File ▸ Export tables into a folder that is not there
    monkeypatch.setattr(dialogs, "folder", lambda title, start: str(missing))
    window.act_export.trigger()
    text = modals.calls[-1][2]
    check(lang, text, "文件夹不存在", "the folder does not exist", str(missing), str(tmp_path))


# --- files of a coverage folder that could not be valued ----------------------------------------

def test_the_coverage_list_says_why_a_file_was_not_valued_in_the_ui_language(qtbot, make_window, document, tmp_path,
                                                                            monkeypatch, lang):
    import json
    from tests.desktop_app.test_page_coverage import file_action, make_universe, wait_done
    from desktop_app.qt_models.coverage import COLUMN_INDEX
    universe = make_universe(tmp_path / "universe")
    doc = document.model.to_dict()
    doc["segments"][0]["discount_rate"] = "abc"
    (universe / "kinds.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = make_window(document)
    window.set_language(lang)
    monkeypatch.setattr(window.session.dialogs, "folder", lambda title, start: str(universe))
    file_action(window, "actCoverageFolder").trigger()
    page = window.pages.page("coverage")
    wait_done(qtbot, page)
    model = page.table_model
    texts = {}
    for line in model.error_lines():
        file = model.index(line, COLUMN_INDEX["file"]).data()
        texts[file] = model.index(line, COLUMN_INDEX["company"]).data()
        assert model.index(line, COLUMN_INDEX["company"]).data(Qt.ItemDataRole.ToolTipRole) == texts[file]
    name = i18n.segment_name(document.model, 0)
    check(lang, texts["broken.json"], "不是有效的 JSON", "not valid JSON")
    check(lang, texts["kinds.json"], f"{name} · 贴现率须为数字；文件中为文字“abc”",
          f"{name} · Discount rate must be a number; the file has the text “abc”", name, "abc")


def test_a_coverage_folder_gone_before_it_was_listed_is_named_in_the_ui_language(qtbot, make_window, document,
                                                                                tmp_path, monkeypatch, lang):
    """The File menu refuses a folder that is not there; one that goes away
    between that check and its listing is refused by the engine: said in the
    UI's language on the page."""
    from tests.desktop_app.test_page_coverage import file_action, wait_done
    folder = tmp_path / "gone"
    folder.mkdir()
    window = make_window(document)
    window.set_language(lang)
    page = window.pages.page("coverage")
    listing = page.open_folder

    def open_folder(path):
        folder.rmdir()                      # removed once chosen and checked, before the listing
        listing(path)

    monkeypatch.setattr(page, "open_folder", open_folder)
    monkeypatch.setattr(window.session.dialogs, "folder", lambda title, start: str(folder))
    file_action(window, "actCoverageFolder").trigger()
    wait_done(qtbot, page)
    check(lang, page.progress_label.text(), "没有这样的文件或文件夹", "no such file or folder", str(folder))


def test_a_value_far_beyond_the_market_cap_is_refused_in_a_sentence_of_its_own(qtbot, lang, document, make_window):
    """Typed growth that values the company at more than 10^9 times its market
    cap: the refusal says so, with the method, the value and the market cap
    (it read "market is too large to be plausible (at most ±0.00)")."""
    from tests.desktop_app.typing_helpers import type_into

    window = make_window(document, language=lang)
    said = []
    document.editRejected.connect(said.append)
    view, fm = window.page.forecast_view, window.page.forecast_table
    row = fm.row_of(0, "growth")
    for col in range(3, fm.columnCount()):
        type_into(qtbot, view, fm.index(row, col), "100000000%")
    assert said, "no edit was refused"
    before = models.valuate(document.model).ddm.total
    check(lang, said[-1], "超过总市值（1,304.64）的 1,000,000,000 倍", "more than 1,000,000,000 times the market cap "
          "(1,304.64): check the price, the share count and their units.")
    assert "±0.00" not in said[-1] and "market" not in said[-1].replace("market cap", "")
    assert models.valuate(document.model).ddm.total == before      # the refused edit left nothing


def test_a_file_valued_beyond_the_market_cap_says_so_in_the_messages(qtbot, lang, make_window, tmp_path):
    import json
    from pathlib import Path

    from desktop_app.document import Document

    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "united-imaging-688271.json"
    doc = json.loads(sample.read_text(encoding="utf-8"))
    doc["market"].update(price=0.001, shares=1e-6)           # each plausible, together a tiny market cap
    path = tmp_path / "tiny-cap.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    document = Document(models.load_model(path), None, recovery_dir=None)
    window = make_window(document, language=lang)
    message = next(t for t in window.messages.texts() if "1,000,000,000" in t)
    check(lang, message, "DDM 估值为 695.41，超过总市值（1e-09）的 1,000,000,000 倍",
          "The DDM value is 695.41, more than 1,000,000,000 times the market cap (1e-09)")
    document.close_cleanly()
