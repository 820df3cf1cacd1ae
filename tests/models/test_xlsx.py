"""The workbook export (models/io/xlsx.py): a sheet per table, numbers as numbers with
formats, Chinese intact, frozen headers, sized columns, injection-safe text, atomic."""
from __future__ import annotations

import csv
import math
import shutil
import subprocess
from pathlib import Path

import pytest

from models import load_model, valuate
from models.forecast import segment_table
from models.csv_export import safe_text
from models.analysis.montecarlo import run_montecarlo
from models.analysis.scenarios import add_scenario, apply_scenario
from models.analysis.schedule import glass_box
from models.io.xlsx import MONEY, PERCENT, workbook_sheets, write_workbook

from test_sample import SAMPLE

SHEETS = ["分部预测", "公司合计", "参数", "DDM", "动态估值", "敏感性", "龙卷风", "DDM明细", "动态明细", "蒙特卡洛", "情景",
          "实际数据"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    write_workbook(load_model(SAMPLE), path)
    return path


def load(path):
    from openpyxl import load_workbook
    return load_workbook(path)


def test_sheets_frozen_headers_and_sized_columns(book):
    wb = load(book)
    assert wb.sheetnames == SHEETS
    for ws in wb:
        assert ws.freeze_panes in ("A2", "B2", "C2"), ws.title
        assert ws.cell(1, 1).font.b
        for column in range(1, ws.max_column + 1):
            letter = ws.cell(1, column).column_letter
            assert ws.column_dimensions[letter].width >= 8
    seg = wb["分部预测"]
    # the long Chinese segment name (17 wide characters) gets a column wide enough for it
    assert seg.column_dimensions["A"].width >= 2 * len("医学影像设备及放射治疗设备（国内）")


def test_numbers_are_numbers_with_formats_and_chinese_intact(book):
    model = load_model(SAMPLE)
    wb = load(book)
    seg = wb["分部预测"]
    table = segment_table(model, 0)
    assert seg["A2"].value == "医学影像设备及放射治疗设备（国内）"
    assert seg["B2"].value == 2022 and seg["B2"].data_type == "n"
    assert seg["D2"].value == 72.6 and seg["D2"].number_format == MONEY
    assert seg["E2"].value is None  # growth of the first actual year is undefined: empty, not NaN
    assert seg["E3"].value == pytest.approx(table.growth[1]) and seg["E3"].number_format == PERCENT
    result = valuate(model)
    ddm = wb["DDM"]
    labels = {ddm.cell(r, 1).value: r for r in range(1, ddm.max_row + 1)}
    total_row = labels["股权价值 Total equity value"]
    assert ddm.cell(total_row, 4).value == pytest.approx(result.ddm.total)
    assert ddm.cell(labels["空间 Upside"], 4).number_format == PERCENT
    assert ddm.cell(labels["估值状态 Status"], 4).value == "高估 overvalued"
    dyn = wb["动态估值"]
    assert dyn["C2"].value == pytest.approx(model.segments[0]["multiple"]) and dyn["C2"].number_format == "0.00"
    assert [dyn.cell(r, 6).value for r in range(1, dyn.max_row + 1)
            if dyn.cell(r, 1).value == "股权价值 Total equity value"] == [pytest.approx(result.dynamic.total)]


def test_sensitivity_grid_centre_is_the_base_value(book):
    model = load_model(SAMPLE)
    ws = load(book)["敏感性"]
    shifts = [ws.cell(1, c).value for c in range(2, ws.max_column + 1)]
    terminal = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert shifts[len(shifts) // 2] == 0 and ws.cell(1, 2).number_format == PERCENT
    assert terminal[len(terminal) // 2] == pytest.approx(model.terminal_growth)
    centre = ws.cell(2 + len(terminal) // 2, 2 + len(shifts) // 2).value
    assert centre == pytest.approx(valuate(model).ddm.total)
    # a higher discount rate lowers the value along every row
    for r in range(2, ws.max_row + 1):
        row = [ws.cell(r, c).value for c in range(2, ws.max_column + 1)]
        assert all(a > b for a, b in zip(row, row[1:]))


def test_tornado_rows_match_the_engine(book):
    from models import tornado
    model = load_model(SAMPLE)
    ws = load(book)["龙卷风"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    bars = tornado(model, "ddm")
    ddm_rows = [r for r in rows if r[0] == "ddm"]
    assert [r[1] for r in ddm_rows] == [b.driver for b in bars]
    assert ddm_rows[0][4] == pytest.approx(bars[0].low_value) and ddm_rows[0][7] == pytest.approx(
        abs(bars[0].high_value - bars[0].low_value))


def rows_of(ws):
    return [[c.value for c in r] for r in ws.iter_rows(min_row=2)]


def test_schedule_sheets_sum_to_the_valuation(book):
    model = load_model(SAMPLE)
    result = valuate(model)
    wb = load(book)
    rows = rows_of(wb["DDM明细"])
    first = model.segment_names[0]
    mine = [r for r in rows if r[0] == first]
    explicit = [r for r in mine if r[1] == "显性期 explicit"]
    assert [r[2] for r in explicit] == model.forecast_years
    fade = [r for r in mine if r[1] == "半显性期 fade"]
    assert len(fade) == model.segment_fade_years(0)
    # every present value is dividend × discount factor, and they add up to the DDM's forecast value
    for r in explicit + fade:
        assert r[9] == pytest.approx(r[7] * r[8], rel=1e-12)
        assert r[7] == pytest.approx(r[3] * r[6], rel=1e-12)
    labelled = {r[1]: r[9] for r in mine if r[2] is None}
    assert labelled["预测期价值 Forecast value"] == pytest.approx(math.fsum(r[9] for r in explicit + fade), rel=1e-12)
    assert labelled["业务价值 Business value"] == pytest.approx(result.ddm.segments[0].business_value, rel=1e-12)
    (terminal,) = [r for r in mine if r[1] == "永续期 terminal"]
    assert terminal[10] / (1 + model.segments[0]["discount_rate"]) ** (terminal[2] - 1 - model.base_year) == \
        pytest.approx(terminal[9], rel=1e-12)
    totals = {r[1]: r[9] for r in rows if r[0] == "合计 Total"}
    assert totals["股权价值 Total equity value"] == pytest.approx(result.ddm.total, rel=1e-12)
    dyn = rows_of(wb["动态明细"])
    for i, seg in enumerate(result.dynamic.segments):
        assert dyn[i][0] == seg.name and dyn[i][13] == pytest.approx(seg.business_value, rel=1e-12)
        assert dyn[i][7] == pytest.approx(dyn[i][1] * dyn[i][4] + dyn[i][2] * dyn[i][6], rel=1e-12)
    assert dyn[-1] == ["股权价值 Total equity value"] + [None] * 12 + [pytest.approx(result.dynamic.total)]
    assert glass_box(model).ddm_total == pytest.approx(totals["股权价值 Total equity value"], rel=1e-15)


def test_montecarlo_sheet_is_the_engine_run_with_the_models_settings_and_seed(book, tmp_path):
    model = load_model(SAMPLE)
    mc = run_montecarlo(model)
    ws = load(book)["蒙特卡洛"]
    rows = {r[0]: r[1:] for r in rows_of(ws)}
    assert rows["模拟次数 Draws"] == [mc.draws, mc.draws] and rows["随机种子 Seed"] == [0, 0]
    assert rows["中位数 P50 (亿元)"] == [pytest.approx(mc.ddm.p50, rel=1e-15), pytest.approx(mc.dynamic.p50, rel=1e-15)]
    assert rows["95% 分位 P95 (亿元)"][0] > rows["中位数 P50 (亿元)"][0] > rows["5% 分位 P5 (亿元)"][0]
    statuses = [v for k, v in rows.items() if k.split(" ")[0] in ("严重高估", "高估", "偏高估", "合理估值", "偏低估", "低估",
                                                                  "严重低估")]
    assert len(statuses) == 7 and sum(v[0] for v in statuses) == pytest.approx(1.0)
    assert rows["秩相关 Rank correlation: discount_rate_shift"][0] == pytest.approx(
        mc.ddm.rank_correlations["discount_rate_shift"])
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value.startswith("高于市值"):
            assert ws.cell(r, 2).number_format == PERCENT
    # the model's own settings: fewer draws and another seed give another, repeatable, summary
    model.doc["uncertainty"] = {"draws": 500, "seed": 7}
    again = {s.name: s for s in workbook_sheets(model)}["蒙特卡洛"]
    other = run_montecarlo(model)
    assert again.rows[0][1:] == [500, 500] and again.rows[1][1:] == [7, 7]
    assert {r[0]: r[1] for r in again.rows}["均值 Mean (亿元)"] == other.ddm.mean != mc.ddm.mean
    assert {s.name: s for s in workbook_sheets(model)}["蒙特卡洛"].rows == again.rows


def test_scenario_sheet_values_each_scenario(tmp_path):
    model = load_model(SAMPLE)
    model = add_scenario(model, {"name": "悲观 bear", "note": "=1+1", "changes": [
        {"path": ["segments", 0, "discount_rate"], "value": 0.1}]})
    model = add_scenario(model, {"name": "broken", "note": "", "changes": [
        {"path": ["segments", 0, "discount_rate"], "value": 0.001}]})
    path = tmp_path / "scenarios.xlsx"
    write_workbook(model, path)
    rows = rows_of(load(path)["情景"])
    assert [r[0] for r in rows] == ["基准 base", "情景 scenario", "情景 scenario", "参考 reference"]
    bear = valuate(apply_scenario(model, "悲观 bear"))
    assert rows[1][1:3] == ["悲观 bear", "'=1+1"]
    assert rows[1][4] == pytest.approx(bear.ddm.total) and rows[1][7] == pytest.approx(bear.dynamic.total)
    assert rows[1][4] < rows[0][4]
    assert rows[2][4] is None and "discount" in rows[2][10]


def test_text_cells_are_injection_safe(tmp_path):
    model = load_model(SAMPLE)
    model.segments[0]["name"] = "=HYPERLINK(\"http://x\",\"y\")"
    model.segments[1]["name"] = "@SUM(A1)"
    model.doc["company"]["name"] = "+1 公司"
    path = tmp_path / "unsafe.xlsx"
    write_workbook(model, path)
    wb = load(path)
    cell = wb["分部预测"]["A2"]
    assert cell.value == "'=HYPERLINK(\"http://x\",\"y\")" and cell.data_type == "s"
    names = {wb["DDM"].cell(r, 1).value for r in range(2, 5)}
    assert "'@SUM(A1)" in names
    assert wb["实际数据"]["D2"].value == "'+1 公司"
    # and the guard comes off again on import: the names match the model's
    from models.io.imports import plan_import, read_source
    plan = plan_import(model, read_source(path))
    assert plan.offered_segments == [] and plan.changes == []


def test_nothing_non_finite_in_the_sheets():
    for sheet in workbook_sheets(load_model(SAMPLE)):
        for row in sheet.rows:
            for value in row:
                assert not (isinstance(value, float) and math.isinf(value)), sheet.name


def test_write_is_atomic(tmp_path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old workbook")
    write_workbook(load_model(SAMPLE), target)
    assert target.read_bytes()[:2] == b"PK"
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    with pytest.raises(OSError, match="cannot write"):
        write_workbook(load_model(SAMPLE), folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.xlsx", "book.xlsx"]  # no temp file left


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice Calc (soffice) is not installed: "
                    "apt-get install libreoffice-calc to run this check")
def test_libreoffice_opens_it_numbers_as_numbers_chinese_intact(book, tmp_path):
    # every sheet to its own CSV, all text cells quoted: a number stored as text would come out quoted
    options = "44,34,76,1,,0,true,true,false,false,false,-1"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", str(tmp_path),
                           str(book)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = {p.stem.split("-", 1)[1]: p for p in tmp_path.glob("sample-*.csv")}
    assert sorted(out) == sorted(SHEETS)

    def raw_rows(name):
        return Path(out[name]).read_text(encoding="utf-8").splitlines()

    seg = raw_rows("分部预测")
    assert seg[1].startswith('"医学影像设备及放射治疗设备（国内）",2022,"实际 A",72.6,,12.2,')
    fields = next(csv.reader([seg[1]]))
    assert fields[6].endswith("%")  # the margin cell carries the percent format
    assert float(fields[6].rstrip("%")) / 100 == pytest.approx(12.2 / 72.6, rel=1e-9)
    ddm = {row[0]: row for row in csv.reader(raw_rows("DDM"))}
    assert float(ddm["股权价值 Total equity value"][3]) == pytest.approx(valuate(load_model(SAMPLE)).ddm.total,
                                                                      rel=1e-12)
    assert '"股权价值 Total equity value",,,' in "\n".join(raw_rows("DDM"))  # label quoted, number not
    params = "\n".join(raw_rows("参数"))
    assert '"公司 Company","股价 Price",158.3,"元"' in params
    mc = {row[0]: row for row in csv.reader(raw_rows("蒙特卡洛"))}
    assert mc["模拟次数 Draws"][1:] == ["10000", "10000"]  # unquoted: numbers
    p50 = run_montecarlo(load_model(SAMPLE)).ddm.p50
    assert float(mc["中位数 P50 (亿元)"][1]) == pytest.approx(p50, rel=1e-12)
    schedule = list(csv.reader(raw_rows("DDM明细")))
    business = [r for r in schedule if r[1] == "业务价值 Business value"]
    assert float(business[0][9]) == pytest.approx(valuate(load_model(SAMPLE)).ddm.segments[0].business_value,
                                                  rel=1e-12)
    assert '"显性期 explicit",2025,' in "\n".join(raw_rows("DDM明细"))
    scenarios = {row[0]: row for row in csv.reader(raw_rows("情景"))}
    assert float(scenarios["基准 base"][4]) == pytest.approx(valuate(load_model(SAMPLE)).ddm.total, rel=1e-12)
