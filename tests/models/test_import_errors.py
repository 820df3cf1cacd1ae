"""Every bad-source message: the file, the row and the column, and what is wrong."""
from __future__ import annotations

import pytest

from models.io.imports import ImportUsageError, SourceError, new_model_from_import, read_source

from import_fixtures import (INCOME_FIELDS, INCOME_ROWS, TEMPLATE_FIELDS, ZYGC_FIELDS, ZYGC_ROWS, write_csv,
                             write_xlsx)


def income_with(tmp_path, row: int, field: str, value: str, name: str = "income.csv"):
    rows = [r[:] for r in INCOME_ROWS]
    rows[row][INCOME_FIELDS.index(field)] = value
    return write_csv(tmp_path / name, INCOME_FIELDS, rows)


def error_of(path, **kw) -> SourceError:
    with pytest.raises(SourceError) as info:
        read_source(path, **kw)
    return info.value


def test_text_where_a_number_belongs(tmp_path):
    path = income_with(tmp_path, 2, "revenue", "一百亿")
    err = error_of(path)
    assert (err.file, err.row, err.column) == (str(path), 4, "revenue")  # header is row 1, the third data row is 4
    assert str(err) == f"{path}, row 4, column 'revenue': expected a number, found the text '一百亿'"


def test_text_where_a_number_belongs_in_an_xlsx_names_the_sheet(tmp_path):
    rows = [r[:] for r in INCOME_ROWS]
    rows[0][INCOME_FIELDS.index("n_income_attr_p")] = "n/a?"
    path = write_xlsx(tmp_path / "income.xlsx", INCOME_FIELDS, rows, sheet="利润表")
    err = error_of(path)
    assert str(err) == f"{path} [利润表], row 2, column 'n_income_attr_p': expected a number, found the text 'n/a?'"


def test_unknown_layout_lists_expected_and_found(tmp_path):
    path = write_csv(tmp_path / "other.csv", ["日期", "收入", "利润"], [["2024", "1", "2"]])
    err = error_of(path)
    text = str(err)
    assert text.startswith(f"{path}, row 1: unknown layout; expected the columns of Tushare Pro: end_date")
    assert "报告日期, 分类类型, 主营构成, 主营收入" in text and "item, segment, period, value, unit" in text
    assert text.endswith("found: 日期, 收入, 利润")


def test_bad_period(tmp_path):
    err = error_of(income_with(tmp_path, 0, "end_date", "20251301"))
    assert (err.row, err.column) == (2, "end_date") and "'20251301' is not a quarter end" in str(err)
    err = error_of(income_with(tmp_path, 1, "end_date", "last year"))
    assert (err.row, err.column) == (3, "end_date") and "expected a period such as 20241231" in str(err)
    err = error_of(income_with(tmp_path, 1, "end_date", ""))
    assert (err.row, err.column) == (3, "end_date") and "end_date is empty" in str(err)


def test_several_companies(tmp_path):
    err = error_of(income_with(tmp_path, 3, "ts_code", "000001.SZ"))
    assert err.column == "ts_code" and "several companies (000001.SZ, 688271.SH)" in str(err)


def test_no_consolidated_rows(tmp_path):
    rows = [r[:] for r in INCOME_ROWS]
    for r in rows:
        r[INCOME_FIELDS.index("report_type")] = "6"
    err = error_of(write_csv(tmp_path / "parent.csv", INCOME_FIELDS, rows))
    assert "no statement rows to import (only rows of other report types than 1" in str(err)


def test_unknown_money_unit_in_a_header(tmp_path):
    fields = [f + "(美元)" if f == "revenue" else f for f in INCOME_FIELDS]
    err = error_of(write_csv(tmp_path / "usd.csv", fields, INCOME_ROWS))
    assert (err.row, err.column) == (1, "revenue(美元)") and "unknown money unit '美元'" in str(err)


def test_unknown_unit_given_by_the_caller(tmp_path):
    err = error_of(write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS), unit="千万美元")
    assert "unknown money unit '千万美元'" in str(err)


def test_file_problems(tmp_path):
    assert str(error_of(tmp_path / "missing.csv")).startswith(f"{tmp_path / 'missing.csv'}: cannot read it:")
    (tmp_path / "empty.csv").write_bytes(b"  \r\n")
    assert str(error_of(tmp_path / "empty.csv")) == f"{tmp_path / 'empty.csv'}: the file is empty"
    (tmp_path / "bin.csv").write_bytes(b"a,b\r\n\xff\xff\xff,1\r\n")
    assert "neither UTF-8 nor GBK text" in str(error_of(tmp_path / "bin.csv"))
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "an old .xls workbook" in str(error_of(tmp_path / "old.xls"))
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    assert "not a readable .xlsx workbook" in str(error_of(tmp_path / "broken.xlsx"))
    (tmp_path / "one.csv").write_text("just one cell\n", encoding="utf-8")
    assert "no table found" in str(error_of(tmp_path / "one.csv"))


def test_composition_problems(tmp_path):
    rows = [r[:] for r in ZYGC_ROWS]
    rows[1][ZYGC_FIELDS.index("主营构成")] = ""
    err = error_of(write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, rows))
    assert (err.row, err.column) == (3, "主营构成") and "the segment name) is empty" in str(err)
    rows = [r[:] for r in ZYGC_ROWS]
    rows[4][ZYGC_FIELDS.index("主营收入")] = "约80亿"
    err = error_of(write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, rows, "gbk"))
    assert (err.row, err.column) == (6, "主营收入") and "found the text '约80亿'" in str(err)
    interim_only = [r for r in ZYGC_ROWS if r[1] == "2025-06-30"]
    err = error_of(write_csv(tmp_path / "h1.csv", ZYGC_FIELDS, interim_only))
    assert "no annual segment rows" in str(err)


@pytest.mark.parametrize("row, message, column", [
    (["营业收入", "影像", "2024", "90", ""], "no unit stated for an amount", "单位"),
    (["营业收入", "影像", "2024", "90", "美元"], "unknown money unit '美元'", "单位"),
    (["市盈率", "", "2024", "30", ""], "unknown item '市盈率'", "项目"),
    (["利润率", "影像", "2024", "0.1", ""], "unknown segment item '利润率'", "项目"),
    (["", "影像", "2024", "90", "亿元"], "the item is empty", "项目"),
    (["营业收入", "影像", "", "90", "亿元"], "the period is empty", "期间"),
    (["营业收入", "影像", "二〇二四", "90", "亿元"], "expected a period", "期间"),
    (["roe", "", "2024", "0.1", "亿元"], "roe is a ratio", "单位"),
    (["shares", "", "", "12", ""], "shares need a unit", "单位"),
    (["price", "", "", "12", "美元"], "the price is in 元 per share", "单位"),
    (["营业收入", "影像", "2024", "九十", "亿元"], "found the text '九十'", "数值"),
])
def test_template_messages(tmp_path, row, message, column):
    rows = [["营业收入", "影像", "2023", "80", "亿元"], row]
    err = error_of(write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows))
    assert err.row == 3 and err.column == column and message in str(err)


def test_new_model_needs_price_and_shares(tmp_path):
    rows = [["营业收入", "影像", "2024", "80", "亿元"]]
    figures = read_source(write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows))
    with pytest.raises(ImportUsageError, match=r"share price \(--price\) and the share count \(--shares\)"):
        new_model_from_import(figures)
    with pytest.raises(ImportUsageError, match="price must be a number greater than 0"):
        new_model_from_import(figures, price=-1.0, shares=1.0)
    with pytest.raises(ImportUsageError, match="'美元' is not a money unit"):
        new_model_from_import(figures, price=1.0, shares=1.0, unit="美元")
