"""Statement import (models/io/imports): Tushare Pro, AkShare/East Money composition,
our template; encodings, units, revisions, half years; the changes planned and applied."""
from __future__ import annotations

import math

import pytest

from models import load_model
from models.io.imports import (Change, ImportUsageError, Period, SourceError, apply_changes,
                               new_model_from_import, plan_import, read_source)

from import_fixtures import (BALANCE_FIELDS, BALANCE_ROWS, CASHFLOW_FIELDS, CASHFLOW_ROWS, INCOME_FIELDS,
                             INCOME_ROWS, TEMPLATE_FIELDS, TEMPLATE_ROWS, ZYGC_FIELDS, ZYGC_ROWS, scaled,
                             write_csv, write_xlsx)
from test_sample import SAMPLE

YI = 1e8


def changes_by_path(plan):
    return {c.path: c for c in plan.changes}


@pytest.fixture
def model():
    return load_model(SAMPLE)


# ---------------------------------------------------------------- Tushare
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_tushare_income_any_encoding_latest_revision(tmp_path, encoding):
    path = write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS, encoding)
    [fig] = read_source(path)
    assert fig.layout == "tushare" and fig.ticker == "688271.SH"
    fy24 = fig.company[Period(2024)]
    assert fy24["revenue"] == 10_310_000_000  # the revision (update_flag 1), not 10 300 000 000
    assert fy24["net_profit_attributable"] == 1_261_000_000
    assert fig.company[Period(2023)]["revenue"] == 11_410_000_000  # report_type 2 row ignored
    assert fig.company[Period(2025, "H1")]["revenue"] == 5_000_000_000
    assert any("2024 appears 2 times" in n for n in fig.notes)


def test_revision_by_announcement_date_when_no_update_flag(tmp_path):
    fields = [f for f in INCOME_FIELDS if f != "update_flag"]
    rows = [r[:-1] for r in INCOME_ROWS]
    rows[1], rows[2] = rows[2], rows[1]  # the revision first in the file: the later f_ann_date still wins
    [fig] = read_source(write_csv(tmp_path / "income.csv", fields, rows))
    assert fig.company[Period(2024)]["revenue"] == 10_310_000_000


def test_tushare_into_model_history_company_figures_and_ttm(tmp_path, model):
    sources = [write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS, "utf-8-sig"),
               write_csv(tmp_path / "balancesheet.csv", BALANCE_FIELDS, BALANCE_ROWS, "gbk"),
               write_csv(tmp_path / "cashflow.csv", CASHFLOW_FIELDS, CASHFLOW_ROWS)]
    figures = [f for s in sources for f in read_source(s)]
    plan = plan_import(model, figures)
    by = changes_by_path(plan)
    assert by[("history", "revenue", "2024")].old == 103.0
    assert by[("history", "revenue", "2024")].new == pytest.approx(103.1)
    assert by[("history", "revenue", "2024")].unit == "亿元"
    assert by[("history", "equity", "2024")].new == pytest.approx(193.0)
    assert by[("history", "operating_cash_flow", "2024")].new == pytest.approx(-6.19)
    # unchanged figures are no change: 2023 attributable is 21.1 in the sample and in the file
    assert ("history", "net_profit_attributable", "2023") not in by
    # actual years' company figures: minority from 少数股东损益; non-operating reconciles the
    # segments' net profits to the reported attributable: 12.61 + 0.4 − Σ segments 2024
    seg_2024 = sum(s["actuals"]["2024"]["net_profit"] for s in model.segments)
    assert by[("company_forecast", "minority_profit", "2024")].new == pytest.approx(0.4)
    assert by[("company_forecast", "non_operating_profit", "2024")].new == pytest.approx(12.61 + 0.4 - seg_2024)
    # TTM to 2025H1: 50 + 103.1 − 48 = 105.1; 4.5 + 12.61 − 5.5 = 11.61; equity at 2025-06-30
    assert by[("financials", "basis")].new == "ttm"
    assert by[("financials", "period")].new == "2025H1 TTM"
    assert by[("financials", "revenue")].new == pytest.approx(105.1)
    assert by[("financials", "net_profit_attributable")].new == pytest.approx(11.61)
    assert by[("financials", "equity")].new == pytest.approx(195.0)
    new = apply_changes(model, plan.changes)
    from models.forecast import company_table
    k = new.years.index(2024)
    assert company_table(new).net_profit_attributable[k] == pytest.approx(12.61)
    assert model.doc["history"]["revenue"]["2024"] == 103.0  # the input model is untouched
    from models.multiples import compute_multiples
    assert compute_multiples(new).ps == pytest.approx(new.market_cap / 105.1)


def test_half_year_basis_when_no_ttm_possible(tmp_path, model):
    rows = [r for r in INCOME_ROWS if r[3] != "20240630"]
    [fig] = read_source(write_csv(tmp_path / "income.csv", INCOME_FIELDS, rows))
    by = changes_by_path(plan_import(model, [fig]))
    assert by[("financials", "basis")].new == "half_year"
    assert by[("financials", "period")].new == "2025H1"
    assert by[("financials", "revenue")].new == pytest.approx(50.0)
    assert ("financials", "basis") not in changes_by_path(plan_import(model, [fig], financials="none"))
    plan = plan_import(model, [fig], financials="ttm")
    assert ("financials", "basis") not in changes_by_path(plan)
    assert any("no TTM" in n for n in plan.notes)


def test_units_stated_in_headers_and_by_caller(tmp_path, model):
    money = ["total_revenue", "revenue", "n_income_attr_p", "minority_gain"]
    fields, rows = scaled(INCOME_FIELDS, INCOME_ROWS, money, 1e4, "万元")
    [fig] = read_source(write_csv(tmp_path / "wan.csv", fields, rows))
    assert fig.company[Period(2024)]["revenue"] == pytest.approx(10_310_000_000)
    # the same numbers with no unit in the header, unit given by the caller
    plain = [f.split("(")[0] for f in fields]
    [fig] = read_source(write_csv(tmp_path / "plain.csv", plain, rows), unit="万元")
    assert fig.company[Period(2024)]["revenue"] == pytest.approx(10_310_000_000)
    # and 亿元
    fields, rows = scaled(INCOME_FIELDS, INCOME_ROWS, money, 1e8, "亿元")
    [fig] = read_source(write_csv(tmp_path / "yi.csv", fields, rows))
    assert fig.company[Period(2024)]["net_profit_attributable"] == pytest.approx(1_261_000_000)


def test_tushare_xlsx_with_numbers_as_numbers(tmp_path):
    [fig] = read_source(write_xlsx(tmp_path / "income.xlsx", INCOME_FIELDS, INCOME_ROWS))
    assert fig.company[Period(2024)]["revenue"] == 10_310_000_000
    assert fig.company[Period(2025, "H1")]["net_profit_attributable"] == 450_000_000


def test_merged_statements_side_by_side(tmp_path):
    fields = INCOME_FIELDS[:8] + ["revenue", "n_income_attr_p", "total_hldr_eqy_exc_min_int", "n_cashflow_act"]
    rows = [["000001.SZ", "20250420", "20250420", "20241231", "1", "1", "4", "1", "200000000", "30000000",
             "500000000", "-1000000"]]
    [fig] = read_source(write_csv(tmp_path / "merged.csv", fields, rows))
    assert fig.company[Period(2024)] == {"revenue": 2e8, "net_profit_attributable": 3e7, "equity": 5e8,
                                         "operating_cash_flow": -1e6}


# ---------------------------------------------------------------- AkShare / East Money
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_composition_segments_matched_and_offered(tmp_path, model, encoding):
    [fig] = read_source(write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, ZYGC_ROWS, encoding))
    assert fig.layout == "akshare"
    assert "合计" not in fig.segments["按产品分类"]
    plan = plan_import(model, [fig])
    assert plan.classifications == {str(tmp_path / "zygc.csv"): "按产品分类"}
    by = changes_by_path(plan)
    assert by[("segments", 0, "actuals", "2024", "gross_profit")].new == pytest.approx(34.0)
    # revenue 81.8 (2023) and 66.0 (2024) in both the sample and the file: no change
    assert ("segments", 0, "actuals", "2023", "revenue") not in by
    assert ("segments", 0, "actuals", "2024", "revenue") not in by
    assert by[("segments", 0, "actuals", "2023", "gross_profit")].new == pytest.approx(41.8)
    assert plan.offered_segments == ["维修服务"]
    added = plan_import(model, [fig], add_segments=True)
    [add] = [c for c in added.changes if c.kind == "add_segment"]
    assert add.path == ("segments", model.segment_count) and add.new["name"] == "维修服务"
    assert add.new["actuals"]["2024"]["revenue"] == pytest.approx(15.0)
    assert add.new["actuals"]["2024"]["gross_profit"] == pytest.approx(8.0)
    new = apply_changes(model, added.changes)
    assert new.segment_names[-1] == "维修服务" and new.segment_count == model.segment_count + 1


def test_composition_other_classification_and_eastmoney_text_amounts(tmp_path, model):
    rows = [r[:] for r in ZYGC_ROWS]
    rows[3][4] = "22.2亿"       # East Money prints amounts like this
    rows[3][8] = "11,200万"
    [fig] = read_source(write_csv(tmp_path / "zygc.csv", ZYGC_FIELDS, rows))
    assert fig.segments["按地区分类"]["境外"][2024] == {"revenue": pytest.approx(2.22e9),
                                                    "gross_profit": pytest.approx(1.12e8)}
    with pytest.raises(ImportUsageError, match="no 分类类型 '按行业分类'"):
        plan_import(model, [fig], classification="按行业分类")


def test_composition_gross_profit_from_cost_when_no_profit_column(tmp_path):
    keep = [i for i, f in enumerate(ZYGC_FIELDS) if f not in ("主营利润", "主营利润比例")]
    fields = [ZYGC_FIELDS[i] + ("(万元)" if ZYGC_FIELDS[i] in ("主营收入", "主营成本") else "") for i in keep]
    rows = [[r[i] if ZYGC_FIELDS[i] not in ("主营收入", "主营成本") else str(float(r[i]) / 1e4) for i in keep]
            for r in ZYGC_ROWS]
    [fig] = read_source(write_xlsx(tmp_path / "zygc.xlsx", fields, rows))
    assert fig.segments["按产品分类"]["维修服务"][2024] == {"revenue": pytest.approx(1.5e9),
                                                      "gross_profit": pytest.approx(0.8e9)}


# ---------------------------------------------------------------- template
@pytest.mark.parametrize("kind", ["csv-gbk", "csv-bom", "xlsx"])
def test_template_new_model(tmp_path, kind):
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "t.xlsx", TEMPLATE_FIELDS, TEMPLATE_ROWS, numbers=False)
    else:
        path = write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, TEMPLATE_ROWS, "gbk" if kind == "csv-gbk" else "utf-8-sig")
    model, plan = new_model_from_import(read_source(path))
    assert model.company_name == "示例医疗"
    assert model.doc["market"] == {"price": 25.5, "shares": 12.0}
    assert model.years == [2023, 2024, 2025, 2026, 2027] and model.first_forecast_year == 2025
    assert model.segment_names == ["影像设备", "服务"]
    assert model.segments[0]["actuals"]["2024"] == {"revenue": pytest.approx(90.0), "net_profit": pytest.approx(12.6),
                                                    "gross_profit": pytest.approx(45.0)}
    assert model.segments[1]["actuals"]["2023"]["revenue"] == pytest.approx(1.5)
    # flat start: growth 0, the last actual margin (12.6 / 90 = 14%)
    assert model.segments[0]["forecast"]["2026"] == {"growth": 0.0, "margin": pytest.approx(0.14)}
    assert model.doc["history"]["roe"]["2024"] == pytest.approx(0.125)
    # non-operating reconciles: 13.5 − (12.6 + 0.5)
    assert model.doc["company_forecast"]["non_operating_profit"]["2024"] == pytest.approx(0.4)
    assert model.doc["financials"]["basis"] == "half_year"
    assert model.doc["financials"]["revenue"] == pytest.approx(50.0)


def test_new_model_from_tushare_only_one_segment(tmp_path):
    sources = [write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS),
               write_csv(tmp_path / "balancesheet.csv", BALANCE_FIELDS, BALANCE_ROWS)]
    figures = [f for s in sources for f in read_source(s)]
    with pytest.raises(ImportUsageError, match="share price"):
        new_model_from_import(figures)
    model, _plan = new_model_from_import(figures, price=158.3, name="联影医疗")
    assert model.segment_names == ["主营业务"]
    assert model.doc["market"]["shares"] == pytest.approx(8.241567)  # total_share 824 156 700 股 in 亿股
    assert model.segments[0]["actuals"]["2024"] == {"revenue": pytest.approx(103.1), "net_profit": pytest.approx(12.61)}
    assert model.doc["company"]["ticker"] == "688271.SH"
    model_wan, _ = new_model_from_import(figures, price=158.3, unit="万元")
    assert model_wan.segments[0]["actuals"]["2024"]["revenue"] == pytest.approx(1_031_000.0)
    assert model_wan.doc["market"]["shares"] == pytest.approx(82_415.67)


def test_segment_names_match_across_widths_and_english(tmp_path, model):
    rows = [["营业收入", "医学影像设备及放射治疗设备(国内)", "2024", "70", "亿元"],
            ["revenue", model.segments[1].get("name_en") or model.segments[1]["name"], "2024", "7", "亿元"]]
    [fig] = read_source(write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows))
    by = changes_by_path(plan_import(model, [fig]))
    assert by[("segments", 0, "actuals", "2024", "revenue")].new == 70.0
    assert by[("segments", 1, "actuals", "2024", "revenue")].new == 7.0


def test_forecast_year_figures_left_out_with_a_note(tmp_path, model):
    rows = [["营业收入", model.segments[0]["name"], "2025", "70", "亿元"]]
    plan = plan_import(model, read_source(write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows)))
    assert plan.changes == [] and any("2025" in n and "not actual years" in n for n in plan.notes)


def test_change_describes_old_new_and_unit():
    assert Change(("history", "revenue", "2024"), 103.0, 103.1, "亿元", "x.csv").describe() == \
        "history.revenue.2024: 103 → 103.1 亿元"
    assert Change(("history", "cash", "2024"), None, 1.5, "亿元", "x.csv").describe() == \
        "history.cash.2024: (none) → 1.5 亿元"


def test_apply_refuses_an_invalid_result_and_keeps_the_model(tmp_path, model):
    rows = [["营业收入", model.segments[0]["name"], "2024", "-5", "亿元"]]
    plan = plan_import(model, read_source(write_csv(tmp_path / "t.csv", TEMPLATE_FIELDS, rows)))
    from models import ModelFileError
    with pytest.raises(ModelFileError, match=r"segments\[0\]\.actuals\.2024\.revenue"):
        apply_changes(model, plan.changes)
    assert model.segments[0]["actuals"]["2024"]["revenue"] == 66.0


def test_source_numbers_stay_float64(tmp_path):
    [fig] = read_source(write_csv(tmp_path / "income.csv", INCOME_FIELDS, INCOME_ROWS))
    value = fig.company[Period(2024)]["revenue"]
    assert isinstance(value, float) and math.isfinite(value)


# ---------------------------------------------------------------- properties
from hypothesis import given, settings, strategies as st  # noqa: E402

UNITS = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
amounts = st.floats(min_value=0.0, max_value=1e13, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(revenue=amounts, profit=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       unit=st.sampled_from(sorted(UNITS)), attributable=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_import_converts_units_and_is_idempotent(tmp_path_factory, revenue, profit, unit, attributable):
    """An amount stated in any unit lands as amount × unit / 亿 in a 亿元 model; planning
    the same figures again after applying them changes nothing."""
    model = load_model(SAMPLE)
    name = model.segment_names[1]
    rows = [["营业收入", name, "2024", repr(revenue), unit], ["净利润", name, "2024", repr(profit), unit],
            ["归母净利润", "", "2024", repr(attributable), unit]]
    path = write_csv(tmp_path_factory.mktemp("p") / "t.csv", TEMPLATE_FIELDS, rows, "gbk")
    figures = read_source(path)
    new = apply_changes(model, plan_import(model, figures).changes)
    actual = new.segments[1]["actuals"]["2024"]
    assert actual["revenue"] == pytest.approx(revenue * UNITS[unit] / YI, rel=1e-12, abs=1e-300)
    assert actual["net_profit"] == pytest.approx(profit * UNITS[unit] / YI, rel=1e-12, abs=1e-300)
    from models.forecast import company_table
    k = new.years.index(2024)
    # non-operating profit is a residual: float64 keeps it to a few ulps of the largest term
    scale = (abs(profit) + abs(attributable)) * UNITS[unit] / YI + 100.0
    assert company_table(new).net_profit_attributable[k] == pytest.approx(attributable * UNITS[unit] / YI,
                                                                          rel=1e-12, abs=1e-14 * scale)
    assert plan_import(new, figures).changes == []
