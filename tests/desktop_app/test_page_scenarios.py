"""The scenarios page alone (a document, a controller with a synchronous runner,
the page), and once through the main window (issue 14)."""
import json
import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

import models
from models import forecast as engine_forecast
from models.analysis.attribution import attribute
from models.analysis.scenarios import add_scenario, apply_scenario, base_model, side_by_side
from desktop_app.controller import Controller
from desktop_app.pages.scenarios import ScenariosPage
from desktop_app.runner import Runner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

DR0 = ("segments", 0, "discount_rate")
G1 = ("segments", 1, "forecast", "2025", "growth")
MULT0 = ("segments", 0, "multiple")


def open_page(qtbot, document) -> ScenariosPage:
    """The page alone on the document, with a controller whose runner is synchronous, shown."""
    controller = Controller(document, runner=Runner(synchronous=True))
    page = ScenariosPage(document, controller)
    qtbot.addWidget(page)
    controller.add_view(page)
    controller.recompute(True)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, qapp, document):
    from desktop_app import i18n
    i18n.install(qapp, "en")
    page = open_page(qtbot, document)
    page.rejections = []
    document.editRejected.connect(page.rejections.append)
    return page


def set_value(document, path, value):
    assert document.edit("edit", lambda txn: txn.set(path, value))


def save_as(qtbot, page, name):
    """Type the name into the box and press Enter, as a user does."""
    page.name_edit.setFocus()
    qtbot.keyClicks(page.name_edit, name)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)


def settle():
    """The view commits through a queued call, the page applies after it."""
    for _ in range(3):
        QApplication.processEvents()


def ddm_total(model):
    return models.valuate(model).ddm.total


def test_save_edits_as_scenario_keeps_the_base_and_shows_the_scenario(qtbot, page, document):
    base = document.model.copy()
    set_value(document, DR0, 0.095)
    set_value(document, G1, 0.25)
    edited_total = ddm_total(document.model)
    assert "2 input(s) differ" in page.edits_label.text()
    save_as(qtbot, page, "Bear")
    assert page.session.shown == "Bear" and page.shown_box.currentText() == "Scenario: Bear"
    # nothing on screen moved, the base is the base, the scenario holds the two edits
    assert page.controller.state.result.ddm.total == edited_total
    stored = document.stored()
    assert base_model(stored) == base_model(base)
    assert stored.doc["scenarios"] == [{"name": "Bear", "note": "", "changes": [
        {"path": list(DR0), "value": 0.095}, {"path": list(G1), "value": 0.25}]}]
    assert [page.changes.item(r, 2).text() for r in range(page.changes.rowCount())] == ["0.095", "0.25"]
    # one undo step: the edited base comes back, no scenario
    document.undo_stack.undo()
    assert page.session.shown is None and "scenarios" not in document.model.doc
    assert document.model.get(DR0) == 0.095 and page.list.count() == 0
    document.undo_stack.redo()
    assert page.session.shown == "Bear" and page.list.count() == 1


def test_switching_shows_the_scenario_everywhere_and_undoes(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    bear_total = page.controller.state.result.ddm.total
    page.shown_box.setFocus()
    qtbot.keyClick(page.shown_box, Qt.Key.Key_Up)       # Scenario: Bear → Base
    assert page.session.shown is None
    assert document.model.get(DR0) != 0.095
    assert page.controller.state.result.ddm.total == ddm_total(base_model(document.model))
    qtbot.keyClick(page.shown_box, Qt.Key.Key_Down)
    assert page.session.shown == "Bear" and page.controller.state.result.ddm.total == bear_total
    document.undo_stack.undo()
    assert page.session.shown is None and page.shown_box.currentIndex() == 0
    assert page.controller.state.result.ddm.total != bear_total


def test_edits_while_a_scenario_is_shown_belong_to_it_and_saving_writes_the_base(qtbot, page, document, tmp_path):
    base = base_model(document.model)
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    set_value(document, MULT0, 30.0)                    # an edit on another page, while Bear is shown
    path = tmp_path / "m.vwm.json"
    document.save(str(path))
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    saved = models.Model(on_disk)
    assert base_model(saved) == base                    # never the scenario's inputs as the base
    assert on_disk["scenarios"][0]["changes"] == [{"path": list(DR0), "value": 0.095},
                                                  {"path": list(MULT0), "value": 30.0}]
    assert page.session.shown == "Bear" and document.model.get(MULT0) == 30.0
    # a structural edit is refused while a scenario is shown, naming it
    count = document.model.segment_count
    assert not document.restructure("Add segment", lambda m: engine_forecast.add_segment(m, "X"))
    assert document.model.segment_count == count and "Scenario 'Bear' is shown" in page.rejections[-1]


def test_save_as_while_a_scenario_is_shown_forks_it(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    set_value(document, MULT0, 30.0)
    save_as(qtbot, page, "Bear2")
    stored = document.stored()
    scenarios = {s["name"]: s["changes"] for s in stored.doc["scenarios"]}
    assert scenarios["Bear"] == [{"path": list(DR0), "value": 0.095}]
    assert scenarios["Bear2"] == [{"path": list(DR0), "value": 0.095}, {"path": list(MULT0), "value": 30.0}]
    assert page.session.shown == "Bear2"


def test_a_taken_name_is_refused_and_the_model_kept(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    index = document.undo_stack.index()
    save_as(qtbot, page, "Bear")
    assert document.undo_stack.index() == index and "exists already" in page.rejections[-1]


def test_rename_by_typing_in_the_list_and_undo(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    view = page.list
    view.setFocus()
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Bear"      # the name alone, though it is shown
    assert view.item(0).font().bold()
    editor.selectAll()
    qtbot.keyClicks(editor, "Downside")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert [s["name"] for s in document.stored().doc["scenarios"]] == ["Downside"]
    assert page.session.shown == "Downside"
    document.undo_stack.undo()
    assert [s["name"] for s in document.stored().doc["scenarios"]] == ["Bear"] and page.session.shown == "Bear"


def test_delete_the_shown_scenario_shows_the_base_and_undo_restores(qtbot, page, document):
    base = base_model(document.model)
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.list.setCurrentRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.session.shown is None and "scenarios" not in document.model.doc
    assert base_model(document.model) == base
    document.undo_stack.undo()
    assert page.session.shown == "Bear" and document.model.get(DR0) == 0.095


def test_edit_a_scenarios_change_by_typing_and_undo(qtbot, page, document):
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
    qtbot.keyClicks(editor, "0.1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    stored = document.stored()
    assert stored.doc["scenarios"][0]["changes"] == [{"path": list(DR0), "value": 0.1}]
    column = next(c for c in page.table_data["columns"] if c["name"] == "Bear")
    assert column["ddm"]["total"] == ddm_total(apply_scenario(stored, "Bear"))
    document.undo_stack.undo()
    assert document.stored().doc["scenarios"][0]["changes"] == [{"path": list(DR0), "value": 0.095}]
    # not a number: refused, named, the old value kept
    view.setCurrentCell(0, 2)
    page.changes.item(0, 2).setText("abc")
    settle()
    assert "is not a number" in page.rejections[-1]
    assert page.changes.item(0, 2).text() == "0.095"
    # a value the method refuses (discount rate below terminal growth): refused with the scenario's name
    page.changes.item(0, 2).setText("0.01")
    settle()
    assert "Bear" in page.rejections[-1]
    assert document.stored().doc["scenarios"][0]["changes"][0]["value"] == 0.095
    # remove the change: one step
    view.setCurrentCell(0, 0)
    qtbot.mouseClick(page.remove_change_button, Qt.MouseButton.LeftButton)
    assert document.stored().doc["scenarios"][0]["changes"] == []
    document.undo_stack.undo()
    assert len(document.stored().doc["scenarios"][0]["changes"]) == 1


def test_removing_a_segment_reports_the_changes_it_took_and_undo_brings_them_back(qtbot, page, document):
    model = add_scenario(document.model, {"name": "Bear", "note": "", "changes": [
        {"path": ["segments", 1, "roe"], "value": 0.3}, {"path": ["segments", 2, "multiple"], "value": 12.0}]})
    document.reset(model, None)
    assert document.restructure("Remove segment", lambda m: engine_forecast.remove_segment(m, 1))
    # the change of segment 2 followed it to index 1; the one of the removed segment is reported
    assert document.model.doc["scenarios"][0]["changes"] == [{"path": ["segments", 1, "multiple"], "value": 12.0}]
    removed = "Imaging & radiotherapy equipment (overseas) · ROE"   # the removed segment's name, the cell's label
    assert removed in page.stale_label.text() and page.stale_label.isVisibleTo(page)
    assert f"scenario 'Bear': {removed}" in page.rejections[-1]
    document.undo_stack.undo()
    assert document.model.doc["scenarios"][0]["changes"][0] == {"path": ["segments", 1, "roe"], "value": 0.3}
    assert not page.stale_label.isVisibleTo(page)


def test_a_file_with_a_stale_scenario_path_is_reported_on_open(tmp_path, document, settings):
    from desktop_app.file_session import FileSession
    doc = document.model.to_dict()
    doc["scenarios"] = [{"name": "Bear", "note": "", "changes": [{"path": ["segments", 5, "roe"], "value": 0.2}]}]
    path = tmp_path / "stale.vwm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    class Dialogs:
        said = []

        def critical(self, title, text):
            self.said.append(text)

    session = FileSession(document, settings, Dialogs(), lambda: None)
    before = document.model.copy()
    assert not session.open_file(str(path))
    assert "scenario “Bear”, change 1: segment 6 · ROE" in Dialogs.said[-1]
    assert document.model == before


def test_side_by_side_equals_the_engine(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    expected = side_by_side(document.stored())
    assert page.table_data == expected
    headers = [page.side_table.horizontalHeaderItem(c).text() for c in range(page.side_table.columnCount())]
    assert headers == ["Base", "Bear", "Published"]
    assert page.side_table.item(0, 1).text() == f"{expected['columns'][1]['ddm']['total']:,.2f}"
    # the chart: one bar set per column, the heights the engine's
    assert len(page.side_bars) == 3
    heights = list(page.side_bars[1].opts["height"])
    bear = expected["columns"][1]["ddm"]
    assert heights == bear["segments"] + [bear["total"]]
    assert list(page.side_bars[2].opts["height"]) == [expected["columns"][2]["ddm"]["total"]]

    # an edit of the base moves the bars' heights; the bars themselves are kept (no rebuild per edit)
    kept = list(page.side_bars)
    set_value(document, DR0, 0.085)
    QApplication.processEvents()
    expected = side_by_side(document.stored())
    assert page.table_data == expected
    assert page.side_bars == kept
    base = expected["columns"][0]["ddm"]
    assert list(page.side_bars[0].opts["height"]) == base["segments"] + [base["total"]]


def choose(box, data):
    index = box.findData(data)
    assert index >= 0
    box.setCurrentIndex(index)
    box.activated.emit(index)


def assert_waterfall_is_the_engines(page, a, b):
    expected = attribute(a, b)
    result = page.attribution["result"]
    for method in ("ddm", "dynamic"):
        got, want = result.methods[method], expected.methods[method]
        assert [(c.segment, c.group, c.value) for c in got.differing()] == \
               [(c.segment, c.group, c.value) for c in want.differing()]
        assert math.fsum(c.value for c in got.differing()) == pytest.approx(want.change, rel=1e-9, abs=1e-12)
    steps = page.waterfall_steps()
    ddm = expected.ddm
    assert steps[0][2] == ddm.from_total and steps[-1][2] == ddm.to_total
    assert steps[-2][2] == pytest.approx(ddm.to_total, rel=1e-12)        # the steps climb to B
    table = page.attr_table
    n = table.rowCount()
    assert table.item(n - 1, 2).data(Qt.ItemDataRole.UserRole) == ddm.change
    assert [table.item(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(1, n - 2)] == \
           [c.value for c in ddm.differing()]


def test_attribution_base_to_scenario_and_scenario_to_scenario(qtbot, page, document):
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    set_value(document, MULT0, 30.0)
    set_value(document, ("valuation", "excess_cash"), 120.0)
    save_as(qtbot, page, "Bull")
    stored = document.stored()
    page.tabs.setCurrentIndex(1)                         # "What changed": computed when its tab is shown
    choose(page.from_box, "base")
    choose(page.to_box, "scenario:Bull")
    assert_waterfall_is_the_engines(page, base_model(stored), apply_scenario(stored, "Bull"))
    choose(page.from_box, "scenario:Bear")
    assert_waterfall_is_the_engines(page, apply_scenario(stored, "Bear"), apply_scenario(stored, "Bull"))
    assert "3 input group(s) differ" in page.attr_message.text()


def test_attribution_against_the_last_saved_version(qtbot, page, document, tmp_path):
    document.save(str(tmp_path / "m.vwm.json"))
    saved = document.model.copy()
    set_value(document, G1, 0.3)
    page.tabs.setCurrentIndex(1)
    choose(page.from_box, "saved")
    choose(page.to_box, "open")
    assert_waterfall_is_the_engines(page, saved, document.model)
    assert [(c.segment, c.group) for c in page.attribution["result"].ddm.differing()] == [(1, "growth")]


def test_attribution_against_another_file_and_a_mismatching_one(qtbot, page, document, tmp_path):
    other = document.model.copy()
    other.set(("segments", 2, "roe"), 0.3)
    good = tmp_path / "last-quarter.vwm.json"
    models.save_model(other, str(good))
    assert page.choose_file(str(good))
    assert page.from_box.currentText() == "File: last-quarter.vwm.json"
    assert_waterfall_is_the_engines(page, models.load_model(str(good)), document.model)
    fewer = document.model.copy()
    engine_forecast.remove_segment(fewer, 1)
    bad = tmp_path / "two-segments.vwm.json"
    models.save_model(fewer, str(bad))
    assert page.choose_file(str(bad))
    assert page.attribution["result"] is None
    text = page.attr_message.text()
    assert text.startswith("Cannot compare:") and "A has 2" in text and "B has 3" in text
    assert page.waterfall_steps() == []
    assert not page.choose_file(str(tmp_path / "missing.json"))
    assert "missing.json" in page.rejections[-1]


def test_through_the_main_window(make_window, document, tmp_path):
    window = make_window(document)
    page = window.pages.page("scenarios")
    assert isinstance(page, ScenariosPage)
    window.page.forecast_table  # the valuation page exists
    set_value(document, DR0, 0.095)
    page.name_edit.setText("Bear")
    assert page.save_as()
    assert window.header is not None
    # the valuation everywhere shows the scenario: the window's controller state and header
    assert window.controller.state.result.ddm.total == ddm_total(apply_scenario(document.stored(), "Bear"))
    assert page.show_scenario(None)
    assert window.controller.state.result.ddm.total == ddm_total(base_model(document.stored()))
    window.act_undo.trigger()
    assert page.session.shown == "Bear"


def test_edits_during_a_run_show_the_final_models_figures(qtbot, qapp, document):
    """The real runner (a worker thread): the figures shown belong to the last edit."""
    from desktop_app import i18n
    i18n.install(qapp, "en")
    controller = Controller(document)                  # the asynchronous runner
    page = ScenariosPage(document, controller)
    qtbot.addWidget(page)
    controller.add_view(page)
    page.show()
    qtbot.waitExposed(page)
    controller.recompute(True)
    page.tabs.setCurrentIndex(1)
    set_value(document, DR0, 0.095)
    page.name_edit.setText("Bear")
    assert page.save_as()
    for value in (0.09, 0.1, 0.105, 0.11):
        set_value(document, DR0, value)
    qtbot.waitUntil(lambda: not controller.runner.is_busy(), timeout=10000)
    stored = document.stored()
    assert page.table_data == side_by_side(stored)
    assert page.table_data["columns"][1]["ddm"]["total"] == ddm_total(apply_scenario(stored, "Bear"))
    result = page.attribution["result"]                 # base → the open model (Bear with DR0 = 0.11)
    assert result.ddm.to_total == ddm_total(document.model)
    assert result.ddm.from_total == ddm_total(base_model(stored))
    controller.runner.shutdown()


def test_the_attribution_waits_for_its_tab(qtbot, page, document):
    set_value(document, G1, 0.3)
    choose(page.from_box, "saved")                      # the last saved version → the open model
    assert page.tabs.currentIndex() == 0 and page.attribution is None
    page.tabs.setCurrentIndex(1)
    assert [(c.segment, c.group) for c in page.attribution["result"].ddm.differing()] == [(1, "growth")]
    page.tabs.setCurrentIndex(0)
    set_value(document, G1, 0.35)
    assert page.attribution["result"].ddm.to_total != ddm_total(document.model)
    page.tabs.setCurrentIndex(1)
    assert page.attribution["result"].ddm.to_total == ddm_total(document.model)


def test_a_hidden_page_waits_until_shown(qtbot, page, document):
    page.hide()
    set_value(document, DR0, 0.095)
    assert "0 input(s)" in page.edits_label.text()      # not recomputed while hidden
    page.show()
    qtbot.waitExposed(page)
    assert "1 input(s)" in page.edits_label.text()


def test_more_groups_than_the_joint_limit_says_so_and_stays_exact(qtbot, page, document, tmp_path):
    from models.analysis.attribution import MAX_JOINT_GROUPS
    other = document.model.copy()
    for s in range(other.segment_count):
        seg = ("segments", s)
        for year in other.forecast_years:
            other.set(seg + ("forecast", str(year), "growth"), other.get(seg + ("forecast", str(year), "growth")) + 0.01)
            other.set(seg + ("forecast", str(year), "margin"), other.get(seg + ("forecast", str(year), "margin")) - 0.005)
        for key, factor in (("discount_rate", 1.05), ("roe", 1.1), ("multiple", 0.9)):
            other.set(seg + (key,), other.get(seg + (key,)) * factor)
    path = tmp_path / "many.vwm.json"
    models.save_model(other, str(path))
    assert page.choose_file(str(path))
    result = page.attribution["result"]
    assert len(result.groups) == 15 > MAX_JOINT_GROUPS and result.strategy == "segmentwise"
    assert f"more than {MAX_JOINT_GROUPS}" in page.attr_message.text()
    assert_waterfall_is_the_engines(page, models.load_model(str(path)), document.model)


def test_save_as_after_a_change_of_shape_is_refused_naming_it(qtbot, page, document):
    assert document.restructure("Add", lambda m: engine_forecast.add_segment(m, "New"))
    save_as(qtbot, page, "Bear")
    assert "scenarios" not in document.model.doc
    assert "Save as scenario Bear refused" in page.rejections[-1] and "segments" in page.rejections[-1]


def test_the_bar_charts_keep_their_axes_while_the_bars_stay_inside(qtbot, page, document):
    """An edit that moves a bar a little repaints the bars, not the axes (the
    value axis keeps its range, so pyqtgraph does not regenerate its ticks);
    a bar that leaves the range widens it, and every bar and zero stay in view."""
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    vb = page.side_plot.getViewBox()

    def tops():
        return [h for bars in page.side_bars for h in bars.opts["height"]]

    def in_view():
        (x0, x1), (y0, y1) = vb.viewRange()
        return y0 <= min(0.0, min(tops())) and y1 >= max(tops()) and x0 < -0.4 and x1 > len(page.side_bars[0].opts["x"]) - 0.6

    assert in_view()
    before = vb.viewRange()
    set_value(document, DR0, 0.094)                    # a small move: the range stays
    QApplication.processEvents()
    assert vb.viewRange() == before and in_view()
    set_value(document, ("valuation", "excess_cash"), 5000.0)   # the total jumps far above: the range follows
    QApplication.processEvents()
    assert vb.viewRange()[1][1] > before[1][1] and in_view()


def test_group_names_under_the_bars_wrap_onto_two_lines():
    """Side by side, long segment names wrap at spaces (anywhere in CJK text)
    into two lines of at most 24 columns, cut with "…" beyond; short ones stay."""
    from hypothesis import given, strategies as st

    from desktop_app.pages.scenarios import _columns, _wrapped

    assert _wrapped("Imaging & radiotherapy equipment (domestic)") == "Imaging & radiotherapy\nequipment (domestic)"
    assert _wrapped("医学影像设备及放射治疗设备（国内）") == "医学影像设备及放射治疗设\n备（国内）"
    assert _wrapped("Total") == "Total"

    @given(st.text(st.sampled_from("ab 医学（)"), max_size=80))
    def fits(name):
        lines = _wrapped(name).split("\n")
        assert len(lines) <= 2 and all(_columns(line) <= 24 for line in lines)
        if _columns(name) <= 24 and "  " not in name and name == name.strip():
            assert _wrapped(name) == name

    fits()


def test_an_edit_rewrites_only_the_side_by_side_cells_that_changed(qtbot, page, document):
    """The table keeps its rows, columns and items across an edit; the texts
    that changed are set (so only those cells repaint), the rest untouched."""
    set_value(document, DR0, 0.095)
    save_as(qtbot, page, "Bear")
    page.show_scenario(None)
    QApplication.processEvents()
    table = page.side_table
    items = {(r, c): table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())}
    texts = {key: item.text() for key, item in items.items()}
    changed = []
    table.itemChanged.connect(lambda item: changed.append((item.row(), item.column())))
    set_value(document, DR0, 0.085)               # moves the base column only
    QApplication.processEvents()
    assert {(r, c): table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())} == items
    now = {key: item.text() for key, item in items.items()}
    moved = {key for key in items if now[key] != texts[key]}
    assert moved and all(c == 0 for _, c in moved)    # the base column moved, "Bear" and "Published" did not
    assert set(changed) == moved
    expected = side_by_side(document.stored())
    assert now[(0, 0)] == f"{expected['columns'][0]['ddm']['total']:,.2f}"
