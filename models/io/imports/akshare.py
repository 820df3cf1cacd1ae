"""The main-business composition table (主营构成) as AkShare and East Money give it.

Columns: 报告日期, 分类类型 (按产品分类 / 按行业分类 / 按地区分类 …), 主营构成 (the
segment name), 主营收入, and optionally 主营成本, 主营利润, 收入比例, 毛利率,
股票代码. Amounts in 元 unless the header (``主营收入(万元)``) or the caller
states another unit; East Money's ``12.3亿`` style cells are read as stated.
Only annual rows (报告日期 …-12-31) become segment actuals: revenue, and gross
profit (主营利润, else 主营收入 − 主营成本). Rows named 合计 or 总计 are totals,
not segments.
"""
from __future__ import annotations

from ...errors import Message
from ._figures import Figures, parse_period
from ._table import SourceError, Table, find_column, number_in, split_header_unit, text_in, unit_factor

REQUIRED = ("报告日期", "分类类型", "主营构成", "主营收入")
OPTIONAL = ("主营成本", "主营利润", "股票代码")
TOTAL_ROWS = {"合计", "总计", "合 计"}
PREFERRED_CLASSIFICATION = "按产品分类"


def looks_like(header: list[str]) -> bool:
    return all(find_column(header, name) is not None for name in REQUIRED)


def read(table: Table, unit: str | None = None) -> Figures:
    figures = Figures(table.where(), "akshare")
    col = {name: find_column(table.header, name) for name in REQUIRED + OPTIONAL}
    factors = {}
    for name in ("主营收入", "主营成本", "主营利润"):
        if col[name] is not None:
            stated = split_header_unit(table.header[col[name]])[1]
            factors[name] = unit_factor(stated or unit, table.where(), table.header_row,
                                        table.header[col[name]]) or 1.0
    interim = 0
    codes = set()
    seen: dict[tuple, int] = {}
    for i, row in enumerate(table.rows):
        date_col = table.header[col["报告日期"]]
        period = parse_period(row[col["报告日期"]], table, i, date_col)
        if period is None:
            raise SourceError(table.where(), "报告日期 is empty", table.row_numbers[i], date_col, "import_empty_cell")
        if col["股票代码"] is not None and text_in(row[col["股票代码"]]):
            codes.add(text_in(row[col["股票代码"]]))
        if not period.annual:
            interim += 1
            continue
        classification = text_in(row[col["分类类型"]])
        name = text_in(row[col["主营构成"]])
        if not name:
            raise SourceError(table.where(), "主营构成 (the segment name) is empty", table.row_numbers[i],
                              table.header[col["主营构成"]], "import_empty_cell")
        if name in TOTAL_ROWS:
            continue
        values = {}
        for key in ("主营收入", "主营成本", "主营利润"):
            if col[key] is not None:
                value = number_in(row[col[key]], table, i, table.header[col[key]])
                values[key] = None if value is None else value * factors[key]
        key = (classification, name, period.year)
        if key in seen:
            figures.notes.append(Message(f"{table.where()}: {classification} {name} {period.year} appears in rows "
                                         f"{seen[key]} and {table.row_numbers[i]}; the later row is used",
                                         "import_repeated_segment_row",
                                         {"file": table.where(), "classification": classification, "name": name,
                                          "year": period.year, "rows": [seen[key], table.row_numbers[i]]}))
        seen[key] = table.row_numbers[i]
        if values.get("主营收入") is not None:
            figures.put_segment(classification, name, period.year, "revenue", values["主营收入"])
        gross = values.get("主营利润")
        if gross is None and values.get("主营收入") is not None and values.get("主营成本") is not None:
            gross = values["主营收入"] - values["主营成本"]
        if gross is not None:
            figures.put_segment(classification, name, period.year, "gross_profit", gross)
    if len(codes) > 1:
        raise SourceError(table.where(), f"the file holds several companies ({', '.join(sorted(codes))}); "
                          "import one company at a time", None, "股票代码", "import_several_companies",
                          {"codes": sorted(codes)})
    figures.ticker = codes.pop() if codes else None
    if interim:
        figures.notes.append(Message(f"{table.where()}: {interim} interim rows (not …-12-31) left out: segment "
                                     "actuals are annual", "import_interim_segment_rows",
                                     {"file": table.where(), "count": interim}))
    if not figures.segments:
        raise SourceError(table.where(), "no annual segment rows (报告日期 …-12-31) to import",
                          code="import_no_annual_segments")
    return figures
