"""``valuation-cli import`` and ``valuation-cli export --xlsx``: exit codes, one-line
errors naming file/row/column, OUT never half written, lazy pandas/openpyxl."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models import load_model

from import_fixtures import (BALANCE_FIELDS, BALANCE_ROWS, INCOME_FIELDS, INCOME_ROWS, TEMPLATE_FIELDS,
                             TEMPLATE_ROWS, ZYGC_FIELDS, ZYGC_ROWS, write_csv)
from test_sample import ROOT, SAMPLE


def run(*args):
    return subprocess.run([sys.executable, "-m", "models", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def one_error_line(proc) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_import_into_a_model_prints_changes_and_writes_out(tmp_path):
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS, "gbk")
    zygc = write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, ZYGC_ROWS, "utf-8-sig")
    out = tmp_path / "out.json"
    proc = run("import", SAMPLE, income, zygc, "--out", out, "--add-segments")
    assert proc.returncode == 0, proc.stderr
    assert "history.revenue.2024: 103 → 103.1 亿元" in proc.stdout
    assert "segments[0].actuals.2024.gross_profit: (none) → 34 亿元" in proc.stdout
    assert "segments[3]: new segment '维修服务'" in proc.stdout
    assert f"{zygc}: segments from 分类类型 按产品分类" in proc.stdout
    model = load_model(out)
    assert model.doc["history"]["revenue"]["2024"] == pytest.approx(103.1)
    assert model.segment_names[-1] == "维修服务"
    assert model.doc["financials"]["basis"] == "ttm"
    # the source model is untouched
    assert load_model(SAMPLE).doc["history"]["revenue"]["2024"] == 103.0


def test_import_new_model(tmp_path):
    template = write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, TEMPLATE_ROWS, "gbk")
    out = tmp_path / "new.json"
    proc = run("import", "--new", template, "--out", out)
    assert proc.returncode == 0, proc.stderr
    model = load_model(out)
    assert model.company_name == "示例医疗" and model.segment_names == ["影像设备", "服务"]
    value = run("value", out, "--json")
    assert value.returncode == 0, value.stderr
    assert json.loads(value.stdout)["market_cap"] == pytest.approx(25.5 * 12)


def test_import_new_from_tushare_with_price_and_options(tmp_path):
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS)
    balance = write_csv(tmp_path / "balancesheet.csv", BALANCE_FIELDS, BALANCE_ROWS)
    out = tmp_path / "new.json"
    proc = run("import", "--new", income, balance, "--price", "158.3", "--name", "联影医疗",
               "--financials", "half_year", "--out", out)
    assert proc.returncode == 0, proc.stderr
    model = load_model(out)
    assert model.doc["market"] == {"price": 158.3, "shares": pytest.approx(8.241567)}
    assert model.doc["financials"]["basis"] == "half_year"


@pytest.mark.parametrize("existing", [False, True])
def test_bad_source_exit_2_names_file_row_column_and_out_untouched(tmp_path, existing):
    rows = [r[:] for r in INCOME_ROWS]
    rows[1][INCOME_FIELDS.index("n_income_attr_p")] = "见附注"
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, rows)
    out = tmp_path / "out.json"
    if existing:
        out.write_bytes(b"previous content")
    line = one_error_line(run("import", SAMPLE, income, "--out", out))
    assert line == f"error: {income}, row 3, column 'n_income_attr_p': expected a number, found the text '见附注'"
    if existing:
        assert out.read_bytes() == b"previous content"
    else:
        assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_layout_from_the_cli(tmp_path):
    other = write_csv(tmp_path / "other.csv", ["代码", "日期", "收入"], [["1", "2024", "3"]], "gbk")
    line = one_error_line(run("import", "--new", other, "--out", tmp_path / "o.json"))
    assert "unknown layout; expected the columns of" in line and line.endswith("found: 代码, 日期, 收入")


def test_cli_usage_errors(tmp_path):
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS)
    out = tmp_path / "o.json"
    assert "import needs MODEL and at least one SOURCE" in one_error_line(run("import", SAMPLE, "--out", out))
    assert "a new model needs the share price (--price)" in one_error_line(run("import", "--new", income, "--out", out))
    zygc = write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, ZYGC_ROWS)
    assert "no 分类类型 '按行业分类'; the file has: 按产品分类, 按地区分类" in one_error_line(
        run("import", SAMPLE, zygc, "--classification", "按行业分类", "--out", out))
    assert one_error_line(run("import", SAMPLE, income, "--out", tmp_path / "no" / "dir.json")).startswith(
        f"error: cannot save {tmp_path / 'no' / 'dir.json'}: ")
    assert not out.exists()


def test_import_that_would_break_the_model_names_the_source(tmp_path):
    model = load_model(SAMPLE)
    rows = [["营业收入", model.segment_names[0], "2024", "-5", "亿元"]]
    bad = write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows)
    line = one_error_line(run("import", SAMPLE, bad, "--out", tmp_path / "o.json"))
    assert line.startswith(f"error: {bad}: the imported figures make the model invalid: segments[0].actuals.2024.revenue")


def test_export_xlsx_and_reimport_round_trip(tmp_path):
    book = tmp_path / "model.xlsx"
    proc = run("export", SAMPLE, "--xlsx", "--out", book)
    assert proc.returncode == 0, proc.stderr
    assert book.read_bytes()[:4] == b"PK\x03\x04"
    from openpyxl import load_workbook
    names = load_workbook(book, read_only=True).sheetnames
    assert {"DDM明细", "动态明细", "蒙特卡洛", "情景"} <= set(names) and names[-1] == "实际数据"
    out = tmp_path / "again.json"
    proc = run("import", "--new", book, "--out", out)
    assert proc.returncode == 0, proc.stderr
    original, again = load_model(SAMPLE), load_model(out)
    assert again.company_name == original.company_name
    assert again.doc["market"] == {"price": original.doc["market"]["price"], "shares": original.doc["market"]["shares"]}
    assert again.years[: len(original.actual_years)] == original.actual_years
    assert [s["actuals"] for s in again.segments] == [s["actuals"] for s in original.segments]
    assert again.segment_names == original.segment_names
    assert again.doc["history"] == original.doc["history"]
    for key in ("non_operating_profit", "minority_profit"):
        for year in original.actual_years:
            assert again.doc["company_forecast"][key][str(year)] == original.doc["company_forecast"][key][str(year)]
    # into the model it came from: nothing changes
    proc = run("import", SAMPLE, book, "--out", tmp_path / "same.json")
    assert proc.returncode == 0 and "0 changes" in proc.stdout
    assert load_model(tmp_path / "same.json") == original


def test_export_errors(tmp_path):
    assert "file not found" in one_error_line(run("export", tmp_path / "nope.json", "--xlsx", "--out", tmp_path / "x.xlsx"))
    line = one_error_line(run("export", SAMPLE, "--xlsx", "--out", tmp_path / "no" / "x.xlsx"))
    assert line.startswith(f"error: cannot write {tmp_path / 'no' / 'x.xlsx'}")
    proc = run("export", SAMPLE, "--out", tmp_path / "x.xlsx")
    assert proc.returncode == 2 and "--xlsx" in proc.stderr  # the format is required


def test_startup_pays_nothing_for_pandas_or_openpyxl():
    code = ("import sys, models, models.__main__, models.cli_import, models.cli_export, models.io.imports, "
            "models.io.xlsx; models.__main__.build_parser(); "
            "print(sorted(m for m in ('pandas', 'openpyxl') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_out_rules(tmp_path):
    model_copy = tmp_path / "m.json"
    model_copy.write_bytes(SAMPLE.read_bytes())
    before = model_copy.read_bytes()
    line = one_error_line(run("export", model_copy, "--xlsx", "--out", model_copy))
    assert "that is the model file being read" in line and model_copy.read_bytes() == before
    income = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS)
    source_before = income.read_bytes()
    line = one_error_line(run("import", model_copy, income, "--out", income))
    assert "that is a source being read" in line and income.read_bytes() == source_before
    (tmp_path / "folder").mkdir()
    assert "it is a folder" in one_error_line(run("import", model_copy, income, "--out", tmp_path / "folder"))
    assert "it is a folder" in one_error_line(run("export", model_copy, "--xlsx", "--out", tmp_path / "folder"))
    # writing the imported model over the model file itself is a save: allowed, the old one kept as .bak
    proc = run("import", model_copy, income, "--out", model_copy)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "m.json.bak").read_bytes() == before
    assert load_model(model_copy).doc["history"]["revenue"]["2024"] == pytest.approx(103.1)


def test_names_from_a_source_cannot_drive_the_terminal(tmp_path):
    rows = [["营业收入", "恶意\x1b[2J名称\u202e", "2024", "1", "亿元"]]
    source = write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows)
    proc = run("import", SAMPLE, source, "--out", tmp_path / "o.json")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout
    assert "恶意\\x1b[2J名称\\u202e" in proc.stdout
