"""Tushare Pro statement exports: ``income``, ``balancesheet`` and ``cashflow``.

Columns are recognised by the field names Tushare documents (``ts_code``,
``end_date``, ``report_type``, ``update_flag``, ``total_revenue`` …); any other
column is ignored. Amounts are in 元 unless a header states another unit
(``revenue(万元)``) or the caller gives one. One file may hold one statement
or several merged side by side.

Rows: consolidated statements only (``report_type`` 1) when the column is
there. When a period appears more than once, the row with ``update_flag`` 1
(Tushare's mark of the latest revision) wins, then the later announcement
date (``f_ann_date``, then ``ann_date``), then the lower row in the file.
"""
from __future__ import annotations

from ...errors import Message
from ._figures import Figures, Period, parse_period
from ._table import (SHARE_UNITS, SourceError, Table, find_column, number_in, split_header_unit, text_in,
                     unit_factor)

#: Tushare field → (our metric, what it is). Money in 元 unless a unit is stated;
#: ``total_share`` is a share count (股).
FIELDS: dict[str, tuple[str, str]] = {
    # income
    "revenue": ("revenue", "营业收入"),
    "total_revenue": ("total_revenue", "营业总收入"),
    "oper_cost": ("operating_cost", "营业成本"),
    "operate_profit": ("operating_profit", "营业利润"),
    "total_profit": ("total_profit", "利润总额"),
    "n_income": ("net_profit", "净利润(含少数股东损益)"),
    "n_income_attr_p": ("net_profit_attributable", "归属于母公司所有者的净利润"),
    "minority_gain": ("minority_profit", "少数股东损益"),
    "rd_exp": ("rd_expense", "研发费用"),
    # balancesheet
    "total_hldr_eqy_exc_min_int": ("equity", "归属于母公司股东权益合计"),
    "total_hldr_eqy_inc_min_int": ("total_equity", "股东权益合计(含少数股东权益)"),
    "minority_int": ("minority_equity", "少数股东权益"),
    "money_cap": ("cash", "货币资金"),
    "total_assets": ("total_assets", "资产总计"),
    "total_liab": ("total_liabilities", "负债合计"),
    "total_share": ("shares", "期末总股本(股)"),
    # cashflow
    "n_cashflow_act": ("operating_cash_flow", "经营活动产生的现金流量净额"),
    "c_pay_acq_const_fiolta": ("capital_expenditure", "购建固定资产、无形资产和其他长期资产支付的现金"),
}
#: Columns that identify a row rather than carry a figure.
KEY_FIELDS = ("ts_code", "ann_date", "f_ann_date", "end_date", "report_type", "comp_type", "end_type",
              "update_flag")
CONSOLIDATED = "1"


def looks_like(header: list[str]) -> bool:
    if find_column(header, "end_date") is None:
        return False
    return any(find_column(header, name) is not None for name in FIELDS)


def _flag(cell) -> str:
    text = text_in(cell)
    if text.endswith(".0"):
        text = text[:-2]
    return text


def read(table: Table, unit: str | None = None) -> Figures:
    """The annual and interim company figures of a Tushare export (one company)."""
    figures = Figures(table.where(), "tushare")
    col = {name: find_column(table.header, name) for name in KEY_FIELDS}
    fields = {}
    for name, (metric, _label) in FIELDS.items():
        index = find_column(table.header, name)
        if index is None:
            continue
        stated = split_header_unit(table.header[index])[1]
        factor = 1.0
        if metric != "shares":
            factor = unit_factor(stated or unit, table.where(), table.header_row, table.header[index]) or 1.0
        elif stated:
            if stated not in SHARE_UNITS:
                raise SourceError(table.where(), f"unknown share unit {stated!r}; one of: {', '.join(SHARE_UNITS)}",
                                  table.header_row, table.header[index], "import_share_unit", {"found": stated})
            factor = SHARE_UNITS[stated]
        fields[name] = (index, metric, factor)

    codes = set()
    chosen: dict[Period, tuple[tuple, int]] = {}
    revisions: dict[Period, int] = {}
    skipped_types = 0
    values: dict[int, dict[str, float | None]] = {}
    for i, row in enumerate(table.rows):
        if col["report_type"] is not None:
            if _flag(row[col["report_type"]]) not in ("", CONSOLIDATED):
                skipped_types += 1
                continue
        end_index = col["end_date"]
        period = parse_period(row[end_index], table, i, table.header[end_index])
        if period is None:
            raise SourceError(table.where(), "end_date is empty", table.row_numbers[i], table.header[end_index],
                              "import_empty_cell")
        if col["ts_code"] is not None and text_in(row[col["ts_code"]]):
            codes.add(text_in(row[col["ts_code"]]))
        rank = (
            _flag(row[col["update_flag"]]) == "1" if col["update_flag"] is not None else False,
            text_in(row[col["f_ann_date"]]) if col["f_ann_date"] is not None else "",
            text_in(row[col["ann_date"]]) if col["ann_date"] is not None else "",
            i,
        )
        # every cell of a consolidated row is checked, the superseded revisions' too
        values[i] = {metric: number_in(row[index], table, i, table.header[index]) for index, metric, _f in fields.values()}
        revisions[period] = revisions.get(period, 0) + 1
        if period not in chosen or rank > chosen[period][0]:
            chosen[period] = (rank, i)
    if len(codes) > 1:
        raise SourceError(table.where(), f"the file holds several companies ({', '.join(sorted(codes))}); "
                          "import one company at a time", None, "ts_code", "import_several_companies",
                          {"codes": sorted(codes)})
    if not chosen:
        why = " (only rows of other report types than 1, the consolidated statement)" if skipped_types else ""
        raise SourceError(table.where(), "no statement rows to import" + why, code="import_no_rows",
                          params={"other_types": bool(skipped_types)})
    figures.ticker = codes.pop() if codes else None
    for period, (_rank, i) in sorted(chosen.items()):
        for name, (index, metric, factor) in fields.items():
            value = values[i][metric]
            if value is not None:
                figures.put_company(period, metric, value * factor)
        if revisions[period] > 1:
            figures.notes.append(Message(f"{table.where()}: {period.label} appears {revisions[period]} times; "
                                         f"kept row {table.row_numbers[i]} (the latest revision)", "import_revisions",
                                         {"file": table.where(), "period": period.label, "count": revisions[period],
                                          "row": table.row_numbers[i]}))
    # 营业收入 is the model's revenue; a file with only 营业总收入 gives that instead.
    for metrics in figures.company.values():
        if "revenue" not in metrics and "total_revenue" in metrics:
            metrics["revenue"] = metrics["total_revenue"]
    if skipped_types:
        figures.notes.append(Message(f"{table.where()}: skipped {skipped_types} rows that are not the consolidated "
                                     "statement (report_type other than 1)", "import_other_report_types",
                                     {"file": table.where(), "count": skipped_types}))
    return figures
