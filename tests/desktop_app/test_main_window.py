"""The main window with real widgets, offscreen: typing through the views'
editors, keyboard habits, header, undo, segments, export, languages."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6 import QtWidgets
from PySide6.QtWidgets import QApplication, QLineEdit

import models
from models import csv_export
from desktop_app.numbers import MONEY, format_value
from desktop_app.qt_models.forecast import BLOCK
from tests.desktop_app.typing_helpers import type_into

# The offscreen platform warns when a top-level window's size hints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def col_of(window, year):
    return window.document.model.years.index(year)


def test_growth_typed_in_the_editor_updates_the_header_exactly(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(0, "growth"), col_of(window, 2026))
    type_into(qtbot, view, idx, "30")
    assert window.document.model.get(("segments", 0, "forecast", "2026", "growth")) == pytest.approx(0.30)
    expected = models.valuate(window.document.model)
    assert window.header.ddm.value.text() == f"{format_value(expected.ddm.total, MONEY)}"
    assert window.header.dynamic.value.text() == f"{format_value(expected.dynamic.total, MONEY)}"
    assert window.controller.state.result.ddm.total == expected.ddm.total
    # Enter moved down one row
    assert view.currentIndex().row() == idx.row() + 1
    assert view.currentIndex().column() == idx.column()


def test_typing_replaces_the_cell_and_tab_moves_right(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(1, "margin"), col_of(window, 2027))
    editor = type_into(qtbot, view, idx, "12.5%", key=Qt.Key.Key_Tab)
    assert editor.text() in ("12.5%", "")
    assert window.document.model.get(("segments", 1, "forecast", "2027", "margin")) == 0.125
    assert view.currentIndex().row() == idx.row()
    assert view.currentIndex().column() == idx.column() + 1


def test_escape_cancels_the_edit(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(0, "growth"), col_of(window, 2026))
    before = window.document.model.to_dict()
    view.setFocus()
    view.setCurrentIndex(idx)
    qtbot.keyClicks(view, "9")
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.document.model.to_dict() == before
    assert window.document.undo_stack.count() == 0


def test_invalid_typed_input_keeps_the_value_and_shows_a_message(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(0, "growth"), col_of(window, 2026))
    shown = fm.data(idx)
    header = window.header.ddm.value.text()
    type_into(qtbot, view, idx, "abc")
    assert fm.data(idx) == shown
    assert window.header.ddm.value.text() == header
    assert any("abc" in line and "not a number" in line for line in window.messages.texts())
    assert "abc" in window.statusBar().currentMessage()
    assert fm.data(idx, Qt.ItemDataRole.ToolTipRole)


def test_unchanged_editor_commits_nothing(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    idx = fm.index(fm.row_of(0, "revenue"), col_of(window, 2026))
    view.setCurrentIndex(idx)
    view.edit(idx)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert view.state() != view.State.EditingState
    assert window.document.undo_stack.count() == 0


def test_title_shows_unsaved_state_and_undo_keys(qtbot, window):
    assert not window.isWindowModified()
    fm = window.page.forecast_table
    assert fm.setData(fm.index(fm.row_of(0, "margin"), col_of(window, 2028)), "20")
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()
    window.act_undo.trigger()
    assert not window.isWindowModified()
    assert window.document.model.get(("segments", 0, "forecast", "2028", "margin")) == pytest.approx(0.177471)
    window.act_redo.trigger()
    assert window.document.model.get(("segments", 0, "forecast", "2028", "margin")) == 0.2
    assert any(k.toString() == "Ctrl+Shift+Z" for k in window.act_redo.shortcuts())
    assert window.act_undo.shortcuts()


def test_undo_and_redo_put_the_cursor_on_the_changed_cell(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    target = fm.index(fm.row_of(1, "margin"), col_of(window, 2027))
    assert fm.setData(target, "20")
    view.setCurrentIndex(fm.index(fm.row_of(0, "revenue"), col_of(window, 2025)))   # the user moves on
    window.act_undo.trigger()
    assert (view.currentIndex().row(), view.currentIndex().column()) == (target.row(), target.column())
    view.setCurrentIndex(fm.index(0, 0))
    window.act_redo.trigger()
    assert (view.currentIndex().row(), view.currentIndex().column()) == (target.row(), target.column())
    assert window.document.model.get(("segments", 1, "forecast", "2027", "margin")) == 0.2


def test_copy_and_paste_through_the_view(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    r, c = fm.row_of(0, "growth"), col_of(window, 2026)
    view.setFocus()
    # rows: growth, operating net profit, margin (a percent in the money row would be refused)
    QApplication.clipboard().setText("1%\t2%\t3%\t4%\n15\t16\t17\t18\n9%\t10%\t11%\t12%\n")
    view.setCurrentIndex(fm.index(r, c))
    before = window.document.model.to_dict()
    window.page.paste()
    m = window.document.model
    assert m.get(("segments", 0, "forecast", "2026", "growth")) == pytest.approx(0.01)
    assert m.get(("segments", 0, "forecast", "2029", "growth")) == pytest.approx(0.04)
    assert m.get(("segments", 0, "forecast", "2029", "margin")) == pytest.approx(0.12)
    assert window.document.undo_stack.count() == 1
    window.act_undo.trigger()
    assert window.document.model.to_dict() == before
    QApplication.clipboard().setText("1%\t2%\n5%\t6%\n")  # percent into the money row: refused whole
    window.page.paste()
    assert window.document.model.to_dict() == before
    assert any("percentage is not allowed" in t for t in window.messages.texts())
    window.act_redo.trigger()
    window.act_undo.trigger()
    assert window.document.model.to_dict() == before
    # copy a block out
    sel = view.selectionModel()
    sel.clearSelection()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    sel.select(QItemSelection(fm.index(r, c), fm.index(r + 1, c + 1)), QItemSelectionModel.SelectionFlag.Select)
    text = view.copy_selection()
    assert QApplication.clipboard().text() == text
    assert text.split("\n")[0].split("\t")[0] == "4.6569%"


def test_single_value_fills_a_selection(qtbot, window):
    fm, view = window.page.forecast_table, window.page.forecast_view
    r, c = fm.row_of(2, "margin"), col_of(window, 2025)
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    view.selectionModel().select(QItemSelection(fm.index(r, c), fm.index(r, c + 4)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.paste("15%")
    for y in range(2025, 2030):
        assert window.document.model.get(("segments", 2, "forecast", str(y), "margin")) == 0.15
    assert window.document.undo_stack.count() == 1


def test_segment_add_rename_move_remove_and_undo(qtbot, window):
    doc = window.document
    names = doc.model.segment_names
    assert window.page.add_segment()
    assert doc.model.segment_count == 4
    assert window.page.forecast_table.rowCount() == 4 * BLOCK
    assert window.page.ddm_table.rowCount() == 5
    assert window.page.rename_segment("新业务")
    assert doc.model.segment_names[3] == "新业务"
    assert window.page.move_segment(-1)
    assert doc.model.segment_names[2] == "新业务"
    assert window.page.remove_segment()
    assert doc.model.segment_names == names
    assert doc.undo_stack.count() == 4
    for expected in (["新业务" if i == 2 else n for i, n in enumerate(names)] + [names[2]],
                     names + ["新业务"]):
        doc.undo_stack.undo()
        assert doc.model.segment_names == expected
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.model.segment_names == names
    assert window.header.ddm.value.text() == "695.41"


def test_last_segment_cannot_be_removed(qtbot, make_window, sample_model, recovery_dir):
    from desktop_app.document import Document
    from models import forecast as engine_forecast
    model = sample_model
    engine_forecast.remove_segment(model, 0)
    engine_forecast.remove_segment(model, 0)
    doc = Document(model, None, recovery_dir=recovery_dir)
    win = make_window(doc)
    assert not win.page.remove_segment()
    assert doc.model.segment_count == 1
    assert any("at least one segment" in t for t in win.messages.texts())
    doc.close_cleanly()


def test_add_estimate_year_and_undo(qtbot, window):
    doc = window.document
    assert window.page.add_forecast_year()
    assert doc.model.years[-1] == 2030
    assert window.page.forecast_table.headerData(window.page.forecast_table.columnCount() - 1, Qt.Orientation.Horizontal) == "2030E"
    assert window.header.ddm.value.text() == \
        f"{format_value(models.valuate(doc.model).ddm.total, MONEY)}"
    doc.undo_stack.undo()
    assert doc.model.years[-1] == 2029
    assert window.page.forecast_table.columnCount() == 8


def test_header_shows_the_report_block(window):
    h = window.header
    assert h.company.full_text() == "Shanghai United Imaging Healthcare (688271.SH)"   # English: the English name
    assert not h.subtitle.isVisible()
    assert h.facts["market_cap"][1].text() == "1,304.64"
    assert h.facts["market_cap"][0].text() == "Market cap (CNY 100m)"
    assert h.facts["pe_ttm"][1].text() == "99.62"
    assert h.facts["pb_mrq"][1].text() == "6.27"
    assert h.ddm.upside.text() == "-46.7%"
    assert h.ddm.badge.code == "overvalued"
    assert h.dynamic.badge.code == "severely_overvalued"
    assert h.dynamic.badge.text() == "severely overvalued"


def test_warnings_are_visible_in_cells_and_messages(window):
    state = window.controller.state
    assert state.issues, "the sample has payout warnings"
    fm = window.page.forecast_table
    idx = fm.index(fm.row_of(0, "growth"), col_of(window, 2025))
    assert "payout clamped" in fm.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert any("payout clamped" in t for t in window.messages.texts())


def test_go_to_issue_from_the_messages_panel(qtbot, window):
    """Activating a warning puts the cursor on its cell, on the page that shows it."""
    fm, view = window.page.forecast_table, window.page.forecast_view
    messages = window.messages.list
    item = next(messages.item(i) for i in range(messages.count()) if "payout clamped" in messages.item(i).text())
    view.setCurrentIndex(fm.index(0, 0))
    messages.itemActivated.emit(item)
    location = item.data(Qt.ItemDataRole.UserRole)
    assert (view.currentIndex().row(), view.currentIndex().column()) == \
        fm.cell_for_path(tuple(location)) != (0, 0)
    assert window.pages.currentWidget() is window.page


def test_export_writes_every_table_as_bom_csv(tmp_path, window):
    written = window.session.export_csv(str(tmp_path))
    names = sorted(p.split("_", 1)[1] for p in (__import__("os").path.basename(w) for w in written))
    assert names == sorted(["segment_forecasts.csv", "company_totals.csv", "segment_parameters.csv",
                            "company_parameters.csv", "ddm.csv", "dynamic.csv", "header.csv"])
    for path in written:
        assert Path(path).read_bytes()[:3] == b"\xef\xbb\xbf"
    ddm = csv_export.read_csv_rows([w for w in written if w.endswith("_ddm.csv")][0])
    assert ddm[-1][-1].startswith("695.41")
    forecasts = csv_export.read_csv_rows([w for w in written if w.endswith("segment_forecasts.csv")][0])
    assert forecasts[0][2:] == ["2022A", "2023A", "2024A", "2025E", "2026E", "2027E", "2028E", "2029E"]
    assert forecasts[1][0] == "Imaging & radiotherapy equipment (domestic)"   # the English UI's name
    assert forecasts[1][1] == "Revenue (CNY 100m)" and forecasts[0][:2] == ["Segment", "Item"]
    assert float(forecasts[1][2]) == 72.6
    dynamic = csv_export.read_csv_rows([w for w in written if w.endswith("_dynamic.csv")][0])
    assert "Explicit-period value" in dynamic[0] and dynamic[-1][0] == "Company total (CNY 100m)"
    header = dict(tuple(r[:2]) for r in csv_export.read_csv_rows([w for w in written if w.endswith("header.csv")][0]))
    assert header["Unit"] == "CNY 100m" and header["Company"] == "Shanghai United Imaging Healthcare"


def test_the_dynamic_csv_has_the_tables_justified_multiple_and_mode_columns(tmp_path, window, qtbot):
    """The CSV holds what the app's dynamic table shows: the justified
    multiple and the multiple used beside the composite one, cell for cell;
    Chinese headers in one line without a space inside a word."""
    table = window.page.dynamic_table
    assert table.set_mode(1, "justified")                            # one segment on its justified multiple
    written = window.session.export_csv(str(tmp_path))
    dynamic = csv_export.read_csv_rows([w for w in written if w.endswith("_dynamic.csv")][0])
    head = dynamic[0]
    at = head.index("Composite multiple")
    assert head[at + 1:at + 3] == ["Justified multiple", "Multiple used"]
    assert len(head) == table.columnCount() + 1                    # + the segment column
    for row in range(table.rowCount()):
        for col in ("justified_multiple", "multiple_mode"):
            c = table.COLUMNS.index(col)
            shown, cell = table.data(table.index(row, c)), dynamic[row + 1][c + 1]
            if table.is_total_row(row):
                assert cell == "" and shown == "–"                          # blank where the table shows a dash
            elif col == "justified_multiple" and shown != "NM":
                assert float(cell) == pytest.approx(table.value(row, c))    # full precision, not the display
            else:
                assert cell == shown, (row, col)
    assert dynamic[2][at + 2] == "Justified"                               # the segment set to its justified one
    window.set_language("zh_CN")
    try:
        (tmp_path / "zh").mkdir()
        written = window.session.export_csv(str(tmp_path / "zh"))
        zh = csv_export.read_csv_rows([w for w in written if w.endswith("_dynamic.csv")][0])
        assert "合理倍数" in zh[0] and "采用倍数" in zh[0] and "显性期价值" in zh[0]
        assert not [h for h in zh[0] if " " in h]
    finally:
        window.set_language("en")


def test_export_via_dialog_cancel_writes_nothing(monkeypatch, tmp_path, window):
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    assert window.session.export_csv() == []


def test_about_names_the_engine_version(window):
    assert models.__version__ in window.about_text()


def test_language_switch_retranslates_live(qtbot, window, settings):
    window.set_language("zh_CN")
    try:
        assert window.menu_file.title() == "文件(&F)"
        assert window.header.ddm.badge.text() == "高估"
        assert window.page.forecast_table.headerData(1, Qt.Orientation.Vertical) == "收入(亿元)"
        assert settings.get("language") == "zh_CN"
        assert any(t.startswith("⚠ 警告") and "年派息率被截为 0" in t for t in window.messages.texts())
        fm = window.page.forecast_table
        tip = fm.data(fm.index(fm.row_of(0, "growth"), 3), Qt.ItemDataRole.ToolTipRole)
        assert "2025 年派息率被截为 0（增速高于 ROE 17.4%）" in tip
    finally:
        window.set_language("en")
    assert window.menu_file.title() == "&File"
    assert window.header.ddm.badge.text() == "overvalued"


def test_sensitivity_panel_is_fed_when_present(qtbot, make_window, document):
    from desktop_app.main_window import load_plots_panel_class
    try:
        load_plots_panel_class()
    except ImportError:
        pytest.skip("the sensitivity panel (issue 5) is not installed")
    win = make_window(document, with_plots=True)
    assert win.plots_panel is not None
    calls = []
    original = win.plots_panel.update_state
    win.plots_panel.update_state = lambda state, changed: (calls.append(state.result), original(state, changed))
    fm = win.page.forecast_table
    assert fm.setData(fm.index(fm.row_of(0, "growth"), col_of(win, 2027)), "9%")
    assert calls and calls[-1].ddm.total == models.valuate(document.model).ddm.total


def test_no_plots_panel_without_plots(window):
    assert window.plots_panel is None and window.plots_dock is None


def test_a_broken_sensitivity_panel_does_not_stop_the_workbench(qtbot, make_window, document, monkeypatch):
    import desktop_app.main_window as mw

    class Broken:
        def __init__(self, parent=None, **kwargs):
            raise RuntimeError("plots exploded")

    monkeypatch.setattr(mw, "load_plots_panel_class", lambda: Broken)
    win = make_window(document, with_plots=True)
    assert win.plots_panel is None
    assert any("plots exploded" in t for t in win.messages.texts())
    fm = win.page.forecast_table
    assert fm.setData(fm.index(fm.row_of(0, "growth"), 4), "6%")
    assert win.header.ddm.value.text() == f"{format_value(models.valuate(document.model).ddm.total, MONEY)}"


def test_a_plot_that_cannot_be_built_after_the_first_paint_says_so_and_the_rest_works(
        qtbot, make_window, document, monkeypatch):
    """The visible plot is built right after the first paint (issue 17): a
    failure then (a broken install without pyqtgraph, say) is said in the
    plot's place and in the messages, once; the tables, the header and the
    other tabs go on working."""
    from desktop_app.plots.sweeps import SweepView

    def no_pyqtgraph(self, *args, **kwargs):
        raise ImportError("No module named 'pyqtgraph'")

    monkeypatch.setattr(SweepView, "__init__", no_pyqtgraph)
    window = make_window(document, with_plots=True)
    panel = window.plots_panel
    failure = panel.findChild(QtWidgets.QLabel, "plotsBuildFailure")
    assert failure is not None and failure.isVisible() and "pyqtgraph" in failure.text()
    assert panel.built_views() == {} and panel.visible_views() == []
    with pytest.raises(LookupError):
        panel.views["discount_rate"]
    fm = window.page.forecast_table
    for text in ("6%", "7%"):
        assert fm.setData(fm.index(fm.row_of(0, "growth"), 4), text)
    assert window.header.ddm.value.text() == \
        f"{format_value(models.valuate(window.document.model).ddm.total, MONEY)}"
    assert sum("pyqtgraph" in t for t in window.messages.texts()) == 1
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: failure.text().startswith("无法绘制此图"), timeout=3000)
    assert "pyqtgraph" in failure.text()
    window.set_language("en")
    qtbot.waitUntil(lambda: failure.text().startswith("This picture"), timeout=3000)
    tornado_tab = next(i for i, keys in enumerate(panel.TAB_KEYS) if keys == ("tornado",))
    panel.tabs.setCurrentIndex(tornado_tab)                # another tab's plots still build
    assert list(panel.built_views()) == ["tornado"] and panel.views["tornado"].widget.isVisible()


def test_a_plot_that_fails_does_not_stop_the_tables_and_says_so(qtbot, make_window, document, monkeypatch):
    from desktop_app.plots.sweeps import SweepView

    def failing_show(self, response):
        raise ValueError("bad plot")

    window = make_window(document, with_plots=True)
    monkeypatch.setattr(SweepView, "show", failing_show)
    fm = window.page.forecast_table
    assert fm.setData(fm.index(fm.row_of(0, "growth"), 4), "6%")
    view = window.plots_panel.views["discount_rate"]
    assert any(t.endswith(f"{view.title()}: bad plot") for t in window.messages.texts())
    assert "bad plot" in view.message.text  # the plot says it too, instead of stale numbers
    assert fm.setData(fm.index(fm.row_of(0, "growth"), 4), "7%")
    assert sum("bad plot" in t for t in window.messages.texts()) == 1  # once, not on every edit
    assert window.header.ddm.value.text() == \
        f"{format_value(models.valuate(window.document.model).ddm.total, MONEY)}"


def test_the_panel_shows_the_engines_values_after_an_edit(qtbot, make_window, document):
    """The plots are a view of the controller's state like the tables: an
    edit typed into the window redraws the visible tab from the engine."""
    import numpy as np

    win = make_window(document, with_plots=True)
    view = win.plots_panel.views["discount_rate"]
    before = np.array(view.curves["ddm"].getData()[1])
    fm = win.page.forecast_table
    assert fm.setData(fm.index(fm.row_of(0, "growth"), col_of(win, 2027)), "9%")
    shifts = np.linspace(-0.02, 0.02, 41)
    for method in ("ddm", "dynamic"):
        expected = models.sensitivity_sweep(document.model, "discount_rate_shift", shifts, method=method).total
        np.testing.assert_array_equal(view.curves[method].getData()[1], expected)
        assert view.markers[method].pos().y() == getattr(models.valuate(document.model), method).total
    assert not np.array_equal(before, view.curves["ddm"].getData()[1])
