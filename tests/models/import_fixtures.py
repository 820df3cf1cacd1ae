"""Source files built from the field names Tushare Pro and AkShare/East Money
document, in the encodings and layouts analysts meet: UTF-8 with and without a
BOM, GBK, .xlsx; amounts in 元 or stated in 万元/亿元; revisions; half years.

The figures are round numbers in 元 so a test can check the conversion by hand
(10 310 000 000 元 = 103.1 亿元)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

# income, one company, 元. 2024 is reported twice: the revision (update_flag 1,
# later f_ann_date) corrects revenue 103.0 → 103.1 亿 and attributable 12.60 → 12.61 亿.
INCOME_FIELDS = ["ts_code", "ann_date", "f_ann_date", "end_date", "report_type", "comp_type", "end_type",
                 "basic_eps", "total_revenue", "revenue", "oper_cost", "operate_profit", "total_profit",
                 "n_income", "n_income_attr_p", "minority_gain", "rd_exp", "update_flag"]
INCOME_ROWS = [
    # H1 2025
    ["688271.SH", "20250830", "20250830", "20250630", "1", "1", "2", "0.55", "5000000000", "5000000000",
     "2600000000", "500000000", "520000000", "480000000", "450000000", "30000000", "1000000000", "0"],
    # FY 2024, first publication
    ["688271.SH", "20250420", "20250420", "20241231", "1", "1", "4", "1.53", "10300000000", "10300000000",
     "5200000000", "1400000000", "1420000000", "1300000000", "1260000000", "40000000", "2261000000", "0"],
    # FY 2024, revised
    ["688271.SH", "20250420", "20250601", "20241231", "1", "1", "4", "1.53", "10310000000", "10310000000",
     "5200000000", "1400000000", "1420000000", "1301000000", "1261000000", "40000000", "2261000000", "1"],
    # H1 2024
    ["688271.SH", "20240830", "20240830", "20240630", "1", "1", "2", "0.66", "4800000000", "4800000000",
     "2500000000", "600000000", "610000000", "570000000", "550000000", "20000000", "900000000", "0"],
    # FY 2023, and a single-quarter statement (report_type 2) that must be ignored
    ["688271.SH", "20240420", "20240420", "20231231", "1", "1", "4", "2.57", "11410000000", "11410000000",
     "5900000000", "2200000000", "2210000000", "2110000000", "2110000000", "0", "1919000000", "0"],
    ["688271.SH", "20240420", "20240420", "20231231", "2", "1", "4", "0.1", "1", "1", "1", "1", "1", "1", "1",
     "1", "1", "0"],
]
BALANCE_FIELDS = ["ts_code", "ann_date", "f_ann_date", "end_date", "report_type", "comp_type", "total_share",
                  "money_cap", "total_assets", "total_liab", "total_hldr_eqy_exc_min_int",
                  "total_hldr_eqy_inc_min_int", "minority_int", "update_flag"]
BALANCE_ROWS = [
    ["688271.SH", "20250830", "20250830", "20250630", "1", "1", "824156700", "9000000000", "30000000000",
     "10000000000", "19500000000", "19800000000", "300000000", "0"],
    ["688271.SH", "20250420", "20250420", "20241231", "1", "1", "824156700", "10000000000", "29000000000",
     "9500000000", "19300000000", "19500000000", "200000000", "0"],
    ["688271.SH", "20240420", "20240420", "20231231", "1", "1", "824156700", "12000000000", "28000000000",
     "8000000000", "19800000000", "20000000000", "200000000", "0"],
]
CASHFLOW_FIELDS = ["ts_code", "ann_date", "f_ann_date", "end_date", "comp_type", "report_type",
                   "n_cashflow_act", "c_pay_acq_const_fiolta", "update_flag"]
CASHFLOW_ROWS = [
    ["688271.SH", "20250420", "20250420", "20241231", "1", "1", "-619000000", "800000000", "0"],
    ["688271.SH", "20240420", "20240420", "20231231", "1", "1", "843000000", "700000000", "0"],
]

# The composition table (AkShare stock_zygc_em / East Money 主营构成), 元.
ZYGC_FIELDS = ["股票代码", "报告日期", "分类类型", "主营构成", "主营收入", "收入比例", "主营成本", "主营成本比例",
               "主营利润", "主营利润比例", "毛利率"]
ZYGC_ROWS = [
    ["688271", "2024-12-31", "按产品分类", "医学影像设备及放射治疗设备（国内）", "6600000000", "0.64", "3200000000",
     "0.6", "3400000000", "0.68", "0.515"],
    ["688271", "2024-12-31", "按产品分类", "维修服务", "1500000000", "0.15", "700000000", "0.13", "800000000",
     "0.16", "0.533"],
    ["688271", "2024-12-31", "按产品分类", "合计", "8100000000", "1", "3900000000", "1", "4200000000", "1", "0.52"],
    ["688271", "2024-12-31", "按地区分类", "境外", "2220000000", "0.22", "1100000000", "0.2", "1120000000",
     "0.2", "0.5"],
    ["688271", "2023-12-31", "按产品分类", "医学影像设备及放射治疗设备（国内）", "8180000000", "0.72", "4000000000",
     "0.7", "4180000000", "0.7", "0.51"],
    ["688271", "2025-06-30", "按产品分类", "维修服务", "800000000", "0.16", "360000000", "0.13", "440000000",
     "0.2", "0.55"],
]


def csv_bytes(fields, rows, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def write_csv(path: Path, fields, rows, encoding: str = "utf-8") -> Path:
    """``encoding``: "utf-8", "utf-8-sig" (with a BOM, as Excel writes) or "gbk"."""
    path.write_bytes(csv_bytes(fields, rows, encoding))
    return path


def write_xlsx(path: Path, fields, rows, numbers: bool = True, sheet: str = "Sheet1") -> Path:
    """An .xlsx with the same table; ``numbers`` stores numeric-looking cells as numbers."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(fields)
    for row in rows:
        out = []
        for cell in row:
            try:
                out.append(float(cell) if numbers else cell)
            except ValueError:
                out.append(cell)
        ws.append(out)
    wb.save(path)
    return path


def scaled(fields, rows, columns, divisor: float, suffix: str):
    """The table with ``columns`` divided by ``divisor`` and their headers marked (unit)."""
    index = [fields.index(c) for c in columns]
    new_fields = [f"{f}({suffix})" if i in index else f for i, f in enumerate(fields)]
    new_rows = [[repr(float(c) / divisor) if i in index and c else c for i, c in enumerate(r)] for r in rows]
    return new_fields, new_rows


TEMPLATE_FIELDS = ["项目", "分部", "期间", "数值", "单位"]
TEMPLATE_ROWS = [
    ["公司名称", "", "", "示例医疗", ""],
    ["price", "", "", "25.5", "元"],
    ["shares", "", "", "12", "亿股"],
    ["营业收入", "影像设备", "2023", "800000", "万元"],
    ["净利润", "影像设备", "2023", "120000", "万元"],
    ["营业收入", "影像设备", "2024", "900000", "万元"],
    ["净利润", "影像设备", "2024", "126000", "万元"],
    ["毛利", "影像设备", "2024", "450000", "万元"],
    ["营业收入", "服务", "2023", "1.5", "亿元"],
    ["净利润", "服务", "2023", "0.3", "亿元"],
    ["营业收入", "服务", "2024", "2", "亿元"],
    ["净利润", "服务", "2024", "0.5", "亿元"],
    ["归母净利润", "", "2024", "13.5", "亿元"],
    ["roe", "", "2024", "12.5", "%"],
    ["营业收入", "", "2025H1", "50", "亿元"],
    ["归母净利润", "", "2025H1", "7", "亿元"],
]
