"""The model and its results as one Excel workbook (.xlsx), a sheet per table.

Sheets: 分部预测 (segment forecasts), 公司合计 (company totals), 参数 (parameters),
DDM, 动态估值 (dynamic valuation), 敏感性 (DDM total over the discount-rate shift
× terminal growth grid), 龙卷风 (tornado, both methods), DDM明细 (the DDM schedule
year by year and its terminal step, per segment), 动态明细 (the dynamic
valuation's steps per segment), 蒙特卡洛 (the Monte Carlo summary with the
model's uncertainty settings and their seed), 情景 (base, each scenario and the
quoted reference side by side), and 实际数据 (the reported figures in the import
template's layout, so the workbook imports back).

Numbers are written as numbers with number formats (money ``#,##0.00``, rates
``0.0%``, multiples ``0.00``); NaN and infinities as empty cells; text keeps its
Chinese; every text cell goes through ``safe_text`` (a cell starting with = + -
@ tab or CR gets a leading apostrophe, as in the CSV export: ``models.csv_export.safe_text``); header rows are
frozen and columns sized to their contents. The file is written atomically.

``workbook_sheets(model)`` builds the tables (plain data, testable alone);
``write_workbook(model, path)`` writes them with pandas' ExcelWriter and openpyxl,
both imported only here.
"""
from __future__ import annotations

import io
import math
import os
import unicodedata
from dataclasses import dataclass, field
from numbers import Number
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..atomic_write import write_atomic
from ..csv_export import safe_text
from ..forecast import company_table, segment_table
from ..errors import ModelError
from ..model import Model
from ..sensitivity import sensitivity_grid, tornado
from ..status import status_label
from ..valuation import valuate
from .imports._figures import RATIO_METRICS
from .imports._table import SHARES_FOR_MONEY

MONEY = "#,##0.00"
PERCENT = "0.0%"
RATIO = "0.00"
YEAR = "0"
TEXT = "@"

#: The sensitivity sheet's axes: discount-rate shift (columns) × terminal growth (rows).
GRID_SHIFTS = tuple(np.round(np.linspace(-0.02, 0.02, 9), 6))
GRID_TERMINAL_OFFSETS = tuple(np.round(np.linspace(-0.01, 0.01, 5), 6))


@dataclass
class Sheet:
    """One sheet: a header row, rows of cells, and a number format per column
    (``formats[j]``) or per cell (``cell_formats[(i, j)]``, i counting body rows)."""

    name: str
    header: list[str]
    rows: list[list[Any]]
    formats: list[str | None]
    cell_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    freeze: str = "A2"
    #: number formats of header cells that hold numbers (the sensitivity grid's x axis)
    header_formats: dict[int, str] = field(default_factory=dict)


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Number):
        number = float(value)
        return number if math.isfinite(number) else None
    return None


def _segment_sheet(model: Model, unit: str) -> Sheet:
    header = ["分部 Segment", "年份 Year", "实际/预测 A/E", f"收入 Revenue ({unit})", "收入增长 Growth",
              f"净利润 Net profit ({unit})", "净利率 Margin", "利润增长 Profit growth"]
    rows = []
    for i, name in enumerate(model.segment_names):
        table = segment_table(model, i)
        for k, year in enumerate(model.years):
            rows.append([name, year, "实际 A" if table.is_actual[k] else "预测 E", table.revenue[k],
                         table.growth[k], table.net_profit[k], table.margin[k], table.profit_growth[k]])
    return Sheet("分部预测", header, rows, [TEXT, YEAR, TEXT, MONEY, PERCENT, MONEY, PERCENT, PERCENT], freeze="C2")


def _company_sheet(model: Model, unit: str) -> Sheet:
    t = company_table(model)
    header = ["年份 Year", "实际/预测 A/E", f"收入 Revenue ({unit})", "收入增长 Revenue growth",
              f"经营净利润 Operating net profit ({unit})", "经营利润增长 Growth",
              f"非经营损益 Non-operating ({unit})", f"少数股东损益 Minority ({unit})",
              f"归母净利润 Net profit attributable ({unit})", "归母净利润增长 Growth"]
    ffy = model.first_forecast_year
    rows = [[year, "实际 A" if year < ffy else "预测 E", t.revenue[k], t.revenue_growth[k],
             t.operating_net_profit[k], t.operating_profit_growth[k], t.non_operating_profit[k],
             t.minority_profit[k], t.net_profit_attributable[k], t.net_profit_growth[k]]
            for k, year in enumerate(model.years)]
    return Sheet("公司合计", header, rows, [YEAR, TEXT, MONEY, PERCENT, MONEY, PERCENT, MONEY, MONEY, MONEY, PERCENT],
                 freeze="B2")


def _parameter_sheet(model: Model, unit: str) -> Sheet:
    header = ["范围 Scope", "参数 Parameter", "值 Value", "单位 Unit"]
    rows: list[list[Any]] = []
    formats: dict[tuple[int, int], str] = {}
    share_unit = SHARES_FOR_MONEY.get(unit, "")

    def add(scope: str, label: str, value: Any, fmt: str, value_unit: str = "") -> None:
        formats[(len(rows), 2)] = fmt
        rows.append([scope, label, value, value_unit])

    company = "公司 Company"
    market = model.doc["market"]
    add(company, "股价 Price", market["price"], RATIO, "元")
    add(company, "总股本 Shares", market["shares"], "#,##0.0000", share_unit)
    add(company, "市值 Market cap", model.market_cap, MONEY, unit)
    add(company, "永续增长率 Terminal growth", model.terminal_growth, PERCENT)
    add(company, "半显性期年数 Fade years", int(model.doc["valuation"]["fade_years"]), YEAR, "年")
    add(company, "基准年 Base year", model.base_year, YEAR)
    add(company, "首个预测年 First forecast year", model.first_forecast_year, YEAR)
    w1, w2 = model.dynamic_weights
    add(company, "动态估值权重 w1 Dynamic weight w1", w1, RATIO)
    add(company, "动态估值权重 w2 Dynamic weight w2", w2, RATIO)
    for key, label in (("excess_cash", "超额现金 Excess cash"), ("minority_interest", "少数股东权益 Minority interest"),
                       ("equity_investments", "股权投资 Equity investments")):
        add(company, label, model.valuation_amount(key), MONEY, unit)
    for i, seg in enumerate(model.segments):
        name = seg["name"]
        add(name, "贴现率 Discount rate", seg["discount_rate"], PERCENT)
        add(name, "ROE", seg["roe"], PERCENT)
        add(name, "半显性期增速 Fade growth", seg["fade_growth"], PERCENT)
        add(name, "估值倍数 Multiple", seg["multiple"], RATIO, "×")
        add(name, "永续增长率 Terminal growth", model.segment_terminal_growth(i), PERCENT)
        add(name, "半显性期年数 Fade years", model.segment_fade_years(i), YEAR, "年")
    return Sheet("参数", header, rows, [TEXT, TEXT, None, TEXT], formats, freeze="C2")


def _totals(method, result, unit: str, width: int, value_col: int) -> tuple[list[list[Any]], dict]:
    rows, formats = [], {}
    items = (("分部合计 Segment total", method.segment_total, MONEY), ("+ 超额现金 Excess cash", method.excess_cash, MONEY),
             ("− 少数股东权益 Minority interest", method.minority_interest, MONEY),
             ("+ 股权投资 Equity investments", method.equity_investments, MONEY),
             ("股权价值 Total equity value", method.total, MONEY), ("市值 Market cap", result.market_cap, MONEY),
             ("空间 Upside", method.upside, PERCENT))
    for k, (label, value, fmt) in enumerate(items):
        row = [label] + [None] * (width - 1)
        row[value_col] = value
        formats[(k, value_col)] = fmt
        rows.append(row)
    row = ["估值状态 Status"] + [None] * (width - 1)
    row[value_col] = f"{status_label(method.status, 'zh')} {status_label(method.status, 'en')}"
    rows.append(row)
    return rows, formats


def _ddm_sheet(result, unit: str) -> Sheet:
    header = ["分部 Segment", f"预测期价值 Forecast value ({unit})", f"永续价值 Perpetual value ({unit})",
              f"业务价值 Business value ({unit})", "永续占比 Terminal share"]
    rows = [[s.name, s.forecast_value, s.perpetual_value, s.business_value, s.terminal_share]
            for s in result.ddm.segments]
    totals, formats = _totals(result.ddm, result, unit, len(header), 3)
    offset = len(rows)
    return Sheet("DDM", header, rows + totals, [TEXT, MONEY, MONEY, MONEY, PERCENT],
                 {(offset + i, j): f for (i, j), f in formats.items()})


def _dynamic_sheet(result, unit: str) -> Sheet:
    header = ["分部 Segment", f"盈利基数 Earnings base ({unit})", "倍数 Multiple", f"预测期价值 Explicit value ({unit})",
              f"之后价值 Post-explicit value ({unit})", f"业务价值 Business value ({unit})"]
    rows = [[s.name, s.earnings_base, s.multiple, s.explicit_value, s.post_explicit_value, s.business_value]
            for s in result.dynamic.segments]
    totals, formats = _totals(result.dynamic, result, unit, len(header), 5)
    offset = len(rows)
    return Sheet("动态估值", header, rows + totals, [TEXT, MONEY, RATIO, MONEY, MONEY, MONEY],
                 {(offset + i, j): f for (i, j), f in formats.items()})


def _sensitivity_sheet(model: Model, unit: str) -> Sheet:
    shifts = np.array(GRID_SHIFTS, dtype=float)
    terminal = model.terminal_growth + np.array(GRID_TERMINAL_OFFSETS, dtype=float)
    grid = sensitivity_grid(model, "discount_rate_shift", shifts, "terminal_growth", terminal, "ddm")
    header = [f"DDM ({unit}) 永续增长率 terminal growth ＼ 贴现率变动 discount-rate shift"] + [float(x) for x in shifts]
    rows = [[float(tg)] + list(grid[k]) for k, tg in enumerate(terminal)]
    formats = [PERCENT] + [MONEY] * len(shifts)
    return Sheet("敏感性", header, rows, formats, freeze="B2",
                 header_formats={j + 1: PERCENT for j in range(len(shifts))})


def _tornado_sheet(model: Model, unit: str) -> Sheet:
    header = ["方法 Method", "驱动因素 Driver", "低值输入 Low input", "高值输入 High input", f"低值 Low value ({unit})",
              f"高值 High value ({unit})", f"基准 Base value ({unit})", f"摆幅 Swing ({unit})"]
    rows = []
    for method in ("ddm", "dynamic"):
        for bar in tornado(model, method):
            rows.append([method, bar.driver, bar.low_input, bar.high_input, bar.low_value, bar.high_value,
                         bar.base_value, abs(bar.high_value - bar.low_value)])
    return Sheet("龙卷风", header, rows, [TEXT, TEXT, "0.0000", "0.0000", MONEY, MONEY, MONEY, MONEY], freeze="C2")


def _schedule_sheet(box, unit: str) -> Sheet:
    header = ["分部 Segment", "阶段 Stage", "年份 Year", f"盈利 Earnings ({unit})", "增长率 Growth",
              "派息率(未截断) Payout raw", "派息率 Payout", f"股利 Dividend ({unit})", "折现系数 Discount factor",
              f"现值 Present value ({unit})", f"终值 Terminal value ({unit})"]
    stages = {"explicit": "显性期 explicit", "fade": "半显性期 fade"}
    rows: list[list[Any]] = []
    cell_formats: dict[tuple[int, int], str] = {}
    for s in box.ddm:
        for r in s.rows:
            rows.append([s.name, stages[r.stage], r.year, r.earnings, r.growth, r.payout_raw, r.payout, r.dividend,
                         r.discount_factor, r.present_value, None])
        t = s.terminal
        rows.append([s.name, "永续期 terminal", t.year, t.earnings, t.growth, t.payout_raw, t.payout, t.dividend,
                     t.discount_factor, t.present_value, t.value])
        for label, value in (("预测期价值 Forecast value", s.forecast_value),
                             ("永续价值 Perpetual value", s.perpetual_value),
                             ("业务价值 Business value", s.business_value)):
            cell_formats[(len(rows), 9)] = MONEY
            rows.append([s.name, label, None, None, None, None, None, None, None, value, None])
    rows.append(["合计 Total", "分部合计 Segment total", None, None, None, None, None, None, None,
                 box.ddm_segment_total, None])
    rows.append(["合计 Total", "股权价值 Total equity value", None, None, None, None, None, None, None,
                 box.ddm_total, None])
    return Sheet("DDM明细", header, rows, [TEXT, TEXT, YEAR, MONEY, PERCENT, PERCENT, PERCENT, MONEY, "0.0000",
                                          MONEY, MONEY], cell_formats, freeze="C2")


def _dynamic_steps_sheet(box, unit: str) -> Sheet:
    header = ["分部 Segment", "权重 w1", "权重 w2", "前一年 Earlier year", f"前一年盈利 Earlier earnings ({unit})",
              "末年 Last year", f"末年盈利 Last earnings ({unit})", f"盈利基数 Earnings base ({unit})",
              "倍数 Multiple", "贴现率 Discount rate", "折现系数 Discount factor",
              f"显性期后价值 Post-explicit value ({unit})", f"显性期价值 Explicit value ({unit})",
              f"业务价值 Business value ({unit})"]
    rows = [[s.name, s.weights[0], s.weights[1], s.earlier_year, s.earlier_earnings, s.last_year, s.last_earnings,
             s.earnings_base, s.multiple, s.discount_rate, s.discount_factor, s.post_explicit_value,
             s.explicit_value, s.business_value] for s in box.dynamic]
    rows.append(["分部合计 Segment total"] + [None] * 12 + [box.dynamic_segment_total])
    rows.append(["股权价值 Total equity value"] + [None] * 12 + [box.dynamic_total])
    return Sheet("动态明细", header, rows, [TEXT, RATIO, RATIO, YEAR, MONEY, YEAR, MONEY, MONEY, RATIO, PERCENT,
                                         "0.0000", MONEY, MONEY, MONEY], freeze="B2")


def _montecarlo_sheet(model: Model, unit: str) -> Sheet:
    """The Monte Carlo summary with the model's own uncertainty settings (its
    draws and its seed, default 0): the same workbook every time."""
    from ..analysis.montecarlo import run_montecarlo
    from ..status import STATUS_CODES

    header = ["统计量 Statistic", "DDM", "动态估值 Dynamic"]
    try:
        mc = run_montecarlo(model)
    except ModelError as exc:
        return Sheet("蒙特卡洛", header, [["无法计算 Not computed", str(exc), None]], [TEXT, TEXT, TEXT])
    rows: list[list[Any]] = []
    cell_formats: dict[tuple[int, int], str] = {}
    methods = (mc.ddm, mc.dynamic)

    def add(label: str, values: Sequence[Any], fmt: str) -> None:
        for j in (1, 2):
            cell_formats[(len(rows), j)] = fmt
        rows.append([label, *values])

    add("模拟次数 Draws", [mc.draws, mc.draws], YEAR)
    add("随机种子 Seed", [mc.seed, mc.seed], YEAR)
    add(f"市值 Market cap ({unit})", [mc.market_cap, mc.market_cap], MONEY)
    add("无效次数 Invalid draws", [m.invalid_draws if m else None for m in methods], YEAR)
    for key, label in (("mean", "均值 Mean"), ("sd", "标准差 SD"), ("p5", "5% 分位 P5"), ("p50", "中位数 P50"),
                       ("p95", "95% 分位 P95")):
        add(f"{label} ({unit})", [getattr(m, key) if m else None for m in methods], MONEY)
    add("高于市值的概率 P(value > market cap)", [m.prob_above_market_cap if m else None for m in methods], PERCENT)
    for code in STATUS_CODES:
        add(f"{status_label(code, 'zh')} {status_label(code, 'en')}",
            [m.status_probabilities.get(code) if m else None for m in methods], PERCENT)
    drivers = list(dict.fromkeys(k for m in methods if m for k in m.rank_correlations))
    for driver in drivers:
        add(f"秩相关 Rank correlation: {driver}", [m.rank_correlations.get(driver) if m else None for m in methods],
            RATIO)
    return Sheet("蒙特卡洛", header, rows, [TEXT, None, None], cell_formats, freeze="B2")


def _scenario_sheet(model: Model, unit: str) -> Sheet:
    from ..analysis.scenarios import side_by_side

    header = ["类型 Kind", "名称 Name", "说明 Note", f"市值 Market cap ({unit})", f"DDM 股权价值 DDM total ({unit})",
              "DDM 空间 DDM upside", "DDM 估值状态 DDM status", f"动态 股权价值 Dynamic total ({unit})",
              "动态 空间 Dynamic upside", "动态 估值状态 Dynamic status", "错误 Error"]
    kinds = {"base": "基准 base", "scenario": "情景 scenario", "reference": "参考 reference"}
    rows = []
    for column in side_by_side(model)["columns"]:
        row = [kinds.get(column["kind"], column["kind"]), column["name"], column["note"], column["market_cap"]]
        for method in ("ddm", "dynamic"):
            figures = column[method]
            if figures is None:
                row += [None, None, None]
            else:
                status = figures["status"]
                row += [figures["total"], figures["upside"],
                        f"{status_label(status, 'zh')} {status_label(status, 'en')}" if status else None]
        row.append(column["error"])
        rows.append(row)
    return Sheet("情景", header, rows, [TEXT, TEXT, TEXT, MONEY, MONEY, PERCENT, TEXT, MONEY, PERCENT, TEXT, TEXT],
                 freeze="C2")


def actuals_rows(model: Model) -> list[list[Any]]:
    """The model's reported figures in the import template's layout
    (item, segment, period, value, unit)."""
    unit = model.unit
    rows: list[list[Any]] = [["name", "", "", model.company_name, ""]]
    ticker = (model.doc.get("company") or {}).get("ticker")
    if ticker:
        rows.append(["ticker", "", "", ticker, ""])
    share_unit = SHARES_FOR_MONEY.get(unit, "股")
    rows.append(["price", "", "", float(model.doc["market"]["price"]), "元"])
    rows.append(["shares", "", "", float(model.doc["market"]["shares"]), share_unit])
    for seg in model.segments:
        for year, values in seg["actuals"].items():
            for item in ("revenue", "net_profit", "gross_profit"):
                if _num(values.get(item)) is not None:
                    rows.append([item, seg["name"], year, values[item], unit])
    for metric, table in (model.doc.get("history") or {}).items():
        if not isinstance(table, dict) or metric == "shares":
            continue
        for year, value in table.items():
            if _num(value) is not None and str(year).isdigit():
                rows.append([metric, "", year, value, "" if metric in RATIO_METRICS else unit])
    for key in ("non_operating_profit", "minority_profit"):
        table = (model.doc.get("company_forecast") or {}).get(key) or {}
        for year in model.actual_years:
            if _num(table.get(str(year))) is not None:
                rows.append([f"company_forecast.{key}", "", str(year), table[str(year)], unit])
    return rows


def _actuals_sheet(model: Model) -> Sheet:
    rows = actuals_rows(model)
    sheet = Sheet("实际数据", ["item", "segment", "period", "value", "unit"], rows, [TEXT, TEXT, TEXT, None, TEXT])
    for i, row in enumerate(rows):
        if isinstance(row[3], float):
            sheet.cell_formats[(i, 3)] = "0.0000" if row[4] in ("", "元") or "股" in row[4] else MONEY
    return sheet


def workbook_sheets(model: Model) -> list[Sheet]:
    """Every sheet of the workbook, as plain data."""
    from ..analysis.schedule import glass_box

    result = valuate(model)
    unit = model.unit
    box = glass_box(model)
    return [_segment_sheet(model, unit), _company_sheet(model, unit), _parameter_sheet(model, unit),
            _ddm_sheet(result, unit), _dynamic_sheet(result, unit), _sensitivity_sheet(model, unit),
            _tornado_sheet(model, unit), _schedule_sheet(box, unit), _dynamic_steps_sheet(box, unit),
            _montecarlo_sheet(model, unit), _scenario_sheet(model, unit), _actuals_sheet(model)]


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, Number):
        return _num(value)
    return safe_text(str(value))


def _display_width(value: Any, fmt: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        if fmt == PERCENT:
            text = f"{value:.1%}"
        elif fmt in (MONEY, RATIO):
            text = f"{value:,.2f}"
        else:
            text = f"{value:.4f}"
    else:
        text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_workbook(model: Model, path: str | os.PathLike) -> None:
    """Write the workbook to ``path`` atomically (``models.atomic_write``: a temp
    file in the same folder, then ``os.replace``; a symlink written through, a
    folder or special file refused): the target is the old file or the complete
    new one. Raises ``OSError`` whose ``strerror`` names the path and the reason."""
    import pandas as pd  # lazily: start-up pays nothing
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheets = workbook_sheets(model)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet in sheets:
            body = [[_cell(v) for v in row] for row in sheet.rows]
            columns = [_cell(h) for h in sheet.header]
            frame = pd.DataFrame(body, columns=range(len(columns)), dtype=object)
            frame.to_excel(writer, sheet_name=sheet.name, index=False, header=False, startrow=1)
            ws = writer.sheets[sheet.name]
            for j, title in enumerate(columns):
                cell = ws.cell(row=1, column=j + 1, value=title)
                cell.font = Font(bold=True)
                if j in sheet.header_formats:
                    cell.number_format = sheet.header_formats[j]
            for i, row in enumerate(body):
                for j, value in enumerate(row):
                    cell = ws.cell(row=i + 2, column=j + 1)
                    if isinstance(value, str):
                        cell.data_type = "s"  # text stays text, whatever it looks like
                        continue
                    fmt = _format(sheet, i, j)
                    if value is not None and fmt and fmt != TEXT:
                        cell.number_format = fmt
            ws.freeze_panes = sheet.freeze
            for j in range(len(columns)):
                width = max([_display_width(columns[j], sheet.header_formats.get(j))]
                            + [_display_width(row[j], _format(sheet, i, j)) for i, row in enumerate(body)])
                ws.column_dimensions[get_column_letter(j + 1)].width = min(max(8, width + 2), 60)
    write_atomic(path, buffer.getvalue())


def _format(sheet: Sheet, i: int, j: int) -> str | None:
    return sheet.cell_formats.get((i, j)) or (sheet.formats[j] if j < len(sheet.formats) else None)
