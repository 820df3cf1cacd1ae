"""File ▸ Import…, File ▸ New from import… and File ▸ Export workbook… (issue 15),
driven through the window's File menu with the real dialogs; only the file
choosers are replaced."""
from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

import models
from desktop_app import i18n
from desktop_app.file_tools import import_dialog, imports, workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))
from import_fixtures import (BALANCE_FIELDS, BALANCE_ROWS, INCOME_FIELDS, INCOME_ROWS, ZYGC_FIELDS,  # noqa: E402
                             ZYGC_ROWS, write_csv)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def sources(tmp_path):
    return {"income": write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS, "gbk"),
            "balance": write_csv(tmp_path / "balancesheet.csv", BALANCE_FIELDS, BALANCE_ROWS, "utf-8-sig"),
            "zygc": write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, ZYGC_ROWS, "utf-8-sig")}


def action(window, name):
    (found,) = [a for a in window.menu_file.actions() if a.objectName() == name]
    return found


def choose(monkeypatch, paths, seen=None):
    def fake(parent, title, start, filter):
        if seen is not None:
            seen.append((title, start, filter))
        return [str(p) for p in paths]
    monkeypatch.setattr(imports, "choose_sources", fake)


def drive_modal(trigger, interact):
    """Trigger an action that runs a modal dialog; ``interact(dialog)`` runs
    inside its event loop. The dialog is closed whatever happens, so a failing
    check never leaves the test hanging."""
    seen = {}

    def step():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        try:
            interact(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, outside the dialog's loop
            seen["error"] = exc
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, step)
    trigger()
    if "error" in seen:
        raise seen["error"]
    return seen["dialog"]


def wait_read(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.plan is not None or bool(dialog.error), timeout=20000)


def rows(dialog):
    t = dialog.table
    return [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())] for r in range(t.rowCount())]


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preview_shows_old_to_new_and_apply_is_one_undo_step(qtbot, make_window, document, sources, monkeypatch):
    window = make_window(document)
    before = document.model.to_dict()
    steps = document.undo_stack.count()
    seen = []
    choose(monkeypatch, [sources["income"], sources["zygc"]], seen)
    shown = {}

    def interact(dialog):
        assert isinstance(dialog, import_dialog.ImportDialog)
        wait_read(qtbot, dialog)
        table = {r[0]: r[1:] for r in rows(dialog)}
        # the history the income statement revises: 103 → 103.1 亿元 (10 310 000 000 元), the later revision
        assert table["History · Revenue · 2024"] == ["103", "103.1", "CNY 100m", "income.csv"]   # 亿元 in English
        assert table["History · Net profit attributable · 2024"][:3] == ["12.6", "12.61", "CNY 100m"]
        # a cell of the company table, labelled as that table labels it
        assert table["Non-operating profit (CNY 100m) · 2024A"][:2] == ["1.9", "2.51"]
        segment = i18n.segment_name(document.model, 0)
        assert table[f"{segment} · Gross profit · 2024"][:3] == ["—", "34", "CNY 100m"]
        # the segment the model lacks is offered, not added
        (box,) = dialog._checks.values()
        assert "维修服务" in box.text() and not box.isChecked()
        assert not any(r[0].startswith("New segment") for r in rows(dialog))
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the tick box
        assert box.isChecked()
        assert "New segment “维修服务”" in [r[0] for r in rows(dialog)]
        shown["count"] = dialog.table.rowCount()
        assert document.model.to_dict() == before  # nothing applied yet
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(action(window, "actImport").trigger, interact)
    assert seen and seen[0][0] == "Import figures"
    model = document.model
    assert model.doc["history"]["revenue"]["2024"] == pytest.approx(103.1)
    assert model.segment_names[-1] == "维修服务" and model.segment_count == 4
    assert model.doc["segments"][-1]["actuals"]["2024"]["revenue"] == pytest.approx(15.0)
    assert model.doc["financials"]["basis"] == "ttm"
    assert document.undo_stack.count() == steps + 1 and document.is_dirty
    # Ctrl+Z restores the model exactly
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.page.forecast_view.setFocus()
    qtbot.keyClick(window.page.forecast_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.model.to_dict() == before


def test_cancel_changes_nothing(qtbot, make_window, document, sources, monkeypatch):
    window = make_window(document)
    before = document.model.to_dict()
    choose(monkeypatch, [sources["income"]])

    def interact(dialog):
        wait_read(qtbot, dialog)
        assert dialog.table.rowCount() > 5 and ok_button(dialog).isEnabled()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    dialog = drive_modal(action(window, "actImport").trigger, interact)
    assert dialog is not None
    assert document.model.to_dict() == before and document.undo_stack.count() == 0 and not document.is_dirty


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_bad_source_names_file_row_and_column_in_the_ui_language(qtbot, make_window, document, tmp_path,
                                                                   monkeypatch, language):
    window = make_window(document)
    window.set_language(language)
    rows_ = [list(r) for r in INCOME_ROWS]
    rows_[1][INCOME_FIELDS.index("revenue")] = "一百亿"
    bad = write_csv(tmp_path / "bad income.csv", INCOME_FIELDS, rows_, "gbk")
    before = document.model.to_dict()
    choose(monkeypatch, [bad])
    texts = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        texts["status"] = dialog.status.text()
        assert not ok_button(dialog).isEnabled() and dialog.table.rowCount() == 0
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # disabled: nothing happens
        assert dialog.isVisible()

    drive_modal(action(window, "actImport").trigger, interact)
    if language == "en":
        assert "bad income.csv, row 3, column “revenue”: expected a number, found the text “一百亿”" in texts["status"]
    else:
        assert "bad income.csv，第 3 行，“revenue”列：应为数字，却是文字 “一百亿”" in texts["status"]
    assert document.model.to_dict() == before and document.undo_stack.count() == 0
    assert texts["status"].split(">", 1)[1].split("<", 1)[0] in window.messages.texts()[-1]  # and kept there


def test_an_import_that_breaks_a_rule_is_refused_naming_the_cell(qtbot, make_window, document, tmp_path,
                                                                 monkeypatch):
    window = make_window(document)
    rows_ = [list(r) for r in ZYGC_ROWS]
    rows_[0][ZYGC_FIELDS.index("主营收入")] = "-6600000000"  # a negative revenue for the model's first segment
    bad = write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, rows_, "utf-8-sig")
    before = document.model.to_dict()
    choose(monkeypatch, [bad])
    texts = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        assert ok_button(dialog).isEnabled()
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # refused: the preview stays, to be cancelled or changed
        texts["status"] = dialog.status.text()

    drive_modal(action(window, "actImport").trigger, interact)
    segment = html.escape(i18n.segment_name(document.model, 0))
    assert "Edit refused" in texts["status"] and f"{segment} · Revenue (CNY 100m) · 2024A" in texts["status"]
    assert document.model.to_dict() == before and document.undo_stack.count() == 0


def test_an_unknown_layout_lists_the_columns_found(qtbot, make_window, document, tmp_path, monkeypatch):
    window = make_window(document)
    odd = tmp_path / "odd.csv"
    odd.write_text("日期,金额\n2024,1\n", encoding="utf-8")
    choose(monkeypatch, [odd])
    texts = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        texts["status"] = dialog.status.text()

    drive_modal(action(window, "actImport").trigger, interact)
    assert texts["status"].count("odd.csv") == 1 and "Columns found: 日期, 金额" in texts["status"]
    assert "end_date" in texts["status"] and "主营收入" in texts["status"]


def test_new_from_import_asks_about_unsaved_changes_then_replaces_the_model(qtbot, make_window, document, sources,
                                                                           monkeypatch, modals):
    window = make_window(document)
    assert document.edit("dirty", lambda txn: txn.set(("market", "price"), 150.0))
    choose(monkeypatch, [sources["income"], sources["balance"], sources["zygc"]])
    modals.answer("warning", QMessageBox.StandardButton.Cancel)

    def fill_in(dialog):
        wait_read(qtbot, dialog)
        # Tushare gives the share count (total_share), not the price: asked for, and OK waits for it
        assert "share price" in dialog.status.text() and not ok_button(dialog).isEnabled()
        dialog.price_box.setFocus()
        dialog.price_box.selectAll()
        qtbot.keyClicks(dialog.price_box, "100.5")
        assert ok_button(dialog).isEnabled()
        table = {r[0]: r[2] for r in rows(dialog)}
        assert table["Company"] == "688271"  # the ticker, as the last source (the composition) writes it
        assert table["Actual years"] == "2023, 2024" and table["Estimate years"] == "2025, 2026, 2027"
        assert table["Segment “维修服务”"] == "revenue 2024: 15 CNY 100m"
        assert "segment net profits are not in the sources" in dialog.notes.toPlainText()
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    # the unsaved-changes prompt says Cancel: the open model stays
    drive_modal(action(window, "actNewFromImport").trigger, fill_in)
    assert [c[0] for c in modals.calls] == ["warning"] and document.model.doc["market"]["price"] == 150.0
    # now Discard: the new model replaces it
    modals.answer("warning", QMessageBox.StandardButton.Discard)
    drive_modal(action(window, "actNewFromImport").trigger, fill_in)
    model = document.model
    assert model.company_name == "688271" and model.doc["market"]["price"] == 100.5
    assert model.doc["market"]["shares"] == pytest.approx(8.241567)
    assert model.segment_names == ["医学影像设备及放射治疗设备（国内）", "维修服务"]
    assert model.years == [2023, 2024, 2025, 2026, 2027]
    assert model.segments[1]["actuals"]["2024"]["revenue"] == pytest.approx(15.0)
    assert document.path is None and not document.is_dirty and document.undo_stack.count() == 0
    # a valid model the engine values (the composition gives no segment net profit: 0 until set, as noted)
    assert models.valuate(model).market_cap == pytest.approx(100.5 * 8.241567)


def test_unit_and_classification_choices_re_read_and_re_plan(qtbot, make_window, document, tmp_path, monkeypatch):
    window = make_window(document)
    # an income export in 万元 whose header does not say so: the user says it in the dialog
    rows_ = [[str(float(c) / 1e4) if INCOME_FIELDS[i] in ("revenue", "total_revenue") else c for i, c in enumerate(r)]
             for r in INCOME_ROWS]
    wan = write_csv(tmp_path / "income_wan.csv", INCOME_FIELDS, rows_, "utf-8")
    zygc = write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, ZYGC_ROWS, "utf-8-sig")
    choose(monkeypatch, [wan, zygc])
    seen = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        assert {r[0]: r[2] for r in rows(dialog)}["History · Revenue · 2024"] == "0.0103"  # read as 元: wrong
        # two choices in a row: the preview is the last one's
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("亿元"))
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("万元"))
        assert dialog.plan is None and dialog.table.rowCount() == 0  # nothing shown while reading
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
        assert {r[0]: r[2] for r in rows(dialog)}["History · Revenue · 2024"] == "103.1"
        QApplication.processEvents()
        assert {r[0]: r[2] for r in rows(dialog)}["History · Revenue · 2024"] == "103.1"
        assert [dialog.class_box.itemData(i) for i in range(dialog.class_box.count())] == [None, "按产品分类", "按地区分类"]
        assert [box.text() for box in dialog._checks.values()] == ["Add “维修服务” as a new segment"]
        dialog.class_box.setCurrentIndex(dialog.class_box.findData("按地区分类"))
        assert [box.text() for box in dialog._checks.values()] == ["Add “境外” as a new segment"]
        assert "zygc.csv: segments from 分类类型 按地区分类" in dialog.notes.toPlainText()
        assert not any("Gross profit" in r[0] for r in rows(dialog))  # 境外 matches no segment of the model
        seen["ok"] = True

    drive_modal(action(window, "actImport").trigger, interact)
    assert seen == {"ok": True} and document.undo_stack.count() == 0


def test_an_exported_workbook_imports_back_with_nothing_to_change(qtbot, make_window, document, tmp_path,
                                                                   monkeypatch):
    from models.io.xlsx import write_workbook
    window = make_window(document)
    book = tmp_path / "sample.xlsx"
    write_workbook(document.model, book)
    choose(monkeypatch, [book])
    seen = {}

    def interact(dialog):
        wait_read(qtbot, dialog)
        seen["status"] = dialog.status.text()
        seen["rows"] = dialog.table.rowCount()
        seen["ok"] = ok_button(dialog).isEnabled()

    drive_modal(action(window, "actImport").trigger, interact)
    assert seen == {"status": "Nothing to change: the model already holds these figures.", "rows": 0, "ok": False}


def test_export_workbook_writes_the_sheets_where_the_model_lives(qtbot, make_window, document, tmp_path,
                                                                 monkeypatch):
    window = make_window(document)
    folder = tmp_path / "models"
    folder.mkdir()
    document.save(str(folder / "sample.vwm.json"))
    asked = []

    def fake(parent, title, start, filter):
        asked.append(start)
        return str(folder / "out")
    monkeypatch.setattr(workbook, "choose_workbook_path", fake)
    (tool,) = [t for t in window.file_tools if isinstance(t, workbook.WorkbookTool)]
    action(window, "actExportWorkbook").trigger()
    assert asked == [str(folder / "sample.xlsx")]
    target = folder / "out.xlsx"
    qtbot.waitUntil(lambda: tool.last_written == str(target), timeout=30000)
    from openpyxl import load_workbook
    book = load_workbook(target)
    assert book.sheetnames == ["分部预测", "公司合计", "参数", "DDM", "动态估值", "敏感性", "龙卷风", "DDM明细", "动态明细",
                               "蒙特卡洛", "情景", "实际数据"]
    ddm = {r[0].value: r for r in book["DDM"].iter_rows()}
    assert ddm["股权价值 Total equity value"][3].value == pytest.approx(models.valuate(document.model).ddm.total)
    assert "Workbook written to" in window.statusBar().currentMessage()


def test_export_writes_the_model_as_it_was_when_asked(qtbot, make_window, document, tmp_path, monkeypatch):
    window = make_window(document)
    target = tmp_path / "book.xlsx"
    monkeypatch.setattr(workbook, "choose_workbook_path", lambda *args: str(target))
    (tool,) = [t for t in window.file_tools if isinstance(t, workbook.WorkbookTool)]
    price = document.model.doc["market"]["price"]
    action(window, "actExportWorkbook").trigger()
    # an edit while the workbook is being written does not reach it
    assert document.edit("price", lambda txn: txn.set(("market", "price"), price * 2))
    qtbot.waitUntil(lambda: tool.last_written == str(target), timeout=30000)
    from openpyxl import load_workbook
    params = {r[1].value: r[2].value for r in load_workbook(target)["参数"].iter_rows(min_row=2)}
    assert params["股价 Price"] == price and document.model.doc["market"]["price"] == price * 2


def test_export_workbook_failure_is_shown_and_named(qtbot, make_window, document, tmp_path, monkeypatch, modals):
    window = make_window(document)
    target = tmp_path / "missing folder" / "book.xlsx"
    monkeypatch.setattr(workbook, "choose_workbook_path", lambda *args: str(target))
    modals.answer("critical", QMessageBox.StandardButton.Ok)
    action(window, "actExportWorkbook").trigger()
    qtbot.waitUntil(lambda: bool(modals.calls), timeout=30000)
    (name, title, text), = modals.calls
    assert name == "critical" and title == "Export failed"
    assert text.startswith("The workbook was not written:") and str(target) in text
    assert any(str(target) in line for line in window.messages.texts())
    assert not target.exists()
