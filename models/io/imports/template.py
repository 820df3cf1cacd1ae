"""Our own import template: one figure per row, for figures from anywhere else.

Columns (a header row; English or Chinese names, any order):

    item / 项目     what the figure is (SEGMENT_ITEMS with a segment, COMPANY_ITEMS
                    without; any other snake_case name is a company history
                    metric; company_forecast.non_operating_profit and
                    company_forecast.minority_profit set the model's own company
                    figures of an actual year)
    segment / 分部  the segment's name; empty for a company figure
    period / 期间   2024 (or 2024-12-31) for a year; 2025H1, 2025Q1, 2025Q3, 2025TTM
    value / 数值    the number (text only for ``name`` and ``ticker``)
    unit / 单位     元, 万元 or 亿元 for money; 股, 万股 or 亿股 for ``shares``;
                    empty or % for a ratio (% means 12.5 is 12.5%)

A header cell may carry the unit for the whole column instead: ``value(亿元)``.
CSV (UTF-8 or GBK) or any sheet of an .xlsx workbook; the workbook export
writes its 实际数据 sheet in this layout, so an exported workbook imports back.
"""
from __future__ import annotations

import re

from ...errors import Message
from ._figures import RATIO_METRICS, Figures, parse_period
from ._table import (SHARE_UNITS, SourceError, Table, find_column, name_key, number_in, split_header_unit,
                     text_in, unit_factor)

COLUMNS = {"item": ("item", "项目"), "segment": ("segment", "分部"), "period": ("period", "期间", "year", "年度"),
           "value": ("value", "数值"), "unit": ("unit", "单位")}
REQUIRED = ("item", "period", "value")

#: Segment items (a row with a segment name): our key → names accepted.
SEGMENT_ITEMS = {
    "revenue": ("revenue", "营业收入", "收入", "主营收入"),
    "net_profit": ("net_profit", "净利润"),
    "gross_profit": ("gross_profit", "毛利", "毛利润", "主营利润"),
}
#: Company items (no segment): our key → names accepted. Money unless in RATIO_METRICS.
COMPANY_ITEMS = {
    "revenue": ("revenue", "营业收入"),
    "operating_profit": ("operating_profit", "营业利润"),
    "net_profit": ("net_profit", "净利润"),
    "net_profit_attributable": ("net_profit_attributable", "归母净利润", "归属于母公司所有者的净利润"),
    "minority_profit": ("minority_profit", "少数股东损益"),
    "equity": ("equity", "归母净资产", "归属于母公司股东权益合计"),
    "operating_cash_flow": ("operating_cash_flow", "经营活动现金流量净额", "经营活动产生的现金流量净额"),
    "rd_expense": ("rd_expense", "研发费用"),
    "cash": ("cash", "货币资金"),
    "shares": ("shares", "总股本"),
    "price": ("price", "股价"),
    "name": ("name", "公司名称"),
    "ticker": ("ticker", "股票代码"),
}
RATIO_UNITS = {"", "%", "比率", "ratio", "decimal", "小数"}
_METRIC = re.compile(r"^(?:company_forecast\.(?:non_operating_profit|minority_profit)|[a-z][a-z0-9_]*)$")


def looks_like(header: list[str]) -> bool:
    return all(find_column(header, *COLUMNS[key]) is not None for key in REQUIRED)


def _lookup(items: dict, text: str) -> str | None:
    key = name_key(text)
    for ours, names in items.items():
        if key in {name_key(n) for n in names}:
            return ours
    return None


def read(table: Table, unit: str | None = None) -> Figures:
    figures = Figures(table.where(), "template")
    col = {key: find_column(table.header, *names) for key, names in COLUMNS.items()}
    value_col = table.header[col["value"]]
    column_unit = split_header_unit(value_col)[1]
    interim_segment_rows = 0
    for i, row in enumerate(table.rows):
        number = table.row_numbers[i]
        item_text = text_in(row[col["item"]])
        if not item_text:
            raise SourceError(table.where(), "the item is empty", number, table.header[col["item"]], "import_empty_cell")
        segment = text_in(row[col["segment"]]) if col["segment"] is not None else ""
        stated = text_in(row[col["unit"]]) if col["unit"] is not None else ""
        stated = stated or column_unit or ""
        unit_column = table.header[col["unit"]] if col["unit"] is not None else value_col

        if segment:
            item = _lookup(SEGMENT_ITEMS, item_text)
            if item is None:
                raise SourceError(table.where(), f"unknown segment item {item_text!r}; one of: "
                                  + ", ".join(SEGMENT_ITEMS), number, table.header[col["item"]],
                                  "import_segment_item", {"found": item_text, "known": list(SEGMENT_ITEMS)})
        else:
            item = _lookup(COMPANY_ITEMS, item_text) or (item_text if _METRIC.match(item_text) else None)
            if item is None:
                raise SourceError(table.where(), f"unknown item {item_text!r}: a company item ("
                                  + ", ".join(COMPANY_ITEMS) + ") or a snake_case history metric",
                                  number, table.header[col["item"]], "import_item", {"found": item_text})
        if item in ("name", "ticker"):
            text = text_in(row[col["value"]])
            if text:
                setattr(figures, item, text)
            continue

        period = parse_period(row[col["period"]], table, i, table.header[col["period"]])
        if period is None and item not in ("price", "shares"):
            raise SourceError(table.where(), "the period is empty", number, table.header[col["period"]],
                              "import_empty_cell")
        value = number_in(row[col["value"]], table, i, value_col)
        if value is None:
            continue
        if item in RATIO_METRICS:
            if stated not in RATIO_UNITS:
                raise SourceError(table.where(), f"{item} is a ratio: its unit is empty (a decimal) or %, "
                                  f"found {stated!r}", number, unit_column, "import_ratio_unit",
                                  {"item": item, "found": stated})
            value = value / 100.0 if stated == "%" and not str(row[col["value"]]).strip().endswith("%") else value
        elif item == "shares":
            if stated not in SHARE_UNITS:
                raise SourceError(table.where(), f"shares need a unit: 股, 万股 or 亿股, found {stated or 'none'!r}",
                                  number, unit_column, "import_share_unit", {"found": stated})
            value *= SHARE_UNITS[stated]
        elif item == "price":
            if stated not in ("", "元", "元/股"):
                raise SourceError(table.where(), f"the price is in 元 per share, found the unit {stated!r}",
                                  number, unit_column, "import_price_unit", {"found": stated})
        else:
            factor = unit_factor(stated or unit, table.where(), number, unit_column)
            if factor is None:
                raise SourceError(table.where(), "no unit stated for an amount: fill the unit column "
                                  "(元, 万元 or 亿元) or give the unit of the whole file", number, unit_column,
                                  "import_no_unit")
            value *= factor

        if item == "price":
            figures.price = value
        elif item == "shares" and period is None:
            figures.shares = value
        elif segment:
            if not period.annual:
                interim_segment_rows += 1
                continue
            figures.put_segment("", segment, period.year, item, value)
        else:
            figures.put_company(period, item, value)
    if interim_segment_rows:
        figures.notes.append(Message(f"{table.where()}: {interim_segment_rows} segment rows for interim periods "
                                     "left out: segment actuals are annual", "import_interim_segment_rows",
                                     {"file": table.where(), "count": interim_segment_rows}))
    return figures
