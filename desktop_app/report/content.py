"""What the report says, in order, as plain data: the writers only lay it out.

``build_report(model, language)`` values the model with the engine and returns
a :class:`Report`: a title block and a list of blocks (headings, paragraphs,
tables, figures) in the order of the seed research report. Every number is
already text, formatted by ``desktop_app.numbers.format_value`` exactly as the
app shows it; charts carry the engine's arrays (money in the model's unit,
rates as decimals). A section whose content the model lacks is left out.

Nothing here draws or needs a display, so the content is tested alone.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

import models
from desktop_app.numbers import MONEY, MULTIPLE, NUMBER, PERCENT, format_value
from models import display, dossier, forecast as engine_forecast
from models.facts import company_facts
from models.analysis import history as engine_history, mix as engine_mix, peers as engine_peers
from models.requests import SweepRange, sweep, tornado_bars, upside_grid
from models.sensitivity import DEFAULT_SHOCKS
from models.status import STATUS_CODES, STATUS_THRESHOLDS, band_edges

from .texts import DRIVERS, HISTORY_METRICS, MULTIPLE_NAMES, STATUS, is_zh, pick, text

#: The sensitivity pictures' ranges: the app's defaults (plots/config.py).
SWEEP_RANGE = SweepRange(-0.02, 0.02, 41)
HEATMAP_RATE = SweepRange(-0.02, 0.02, 41)
HEATMAP_TERMINAL = SweepRange(-0.02, 0.02, 41)


# -- the blocks ---------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    level: int          # 1 = a numbered section, 2 = its subsection; 0 = unnumbered front matter
    number: str         # "1", "4.2", "" for front matter
    title: str
    anchor: str         # a stable id ("business", "history.growth")

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}" if self.level == 1 else \
            (f"{self.number} {self.title}" if self.number else self.title)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"     # body | lead (a bold lead-in line) | note (small, grey) | stars


@dataclass(frozen=True)
class LevelScale:
    """A business-model level: 1 (低) … 5 (高), ``labels`` in the report's language."""
    title: str
    level: int
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """A table row. ``group``: one title across the table. A row of two cells
    in a wider table is a company line: label, then one value at the right."""
    cells: tuple[str, ...]
    kind: str = "data"      # data | group | total (bold)


@dataclass(frozen=True)
class Table:
    anchor: str
    number: str             # "表2" / "Table 2", "" when not numbered
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...]       # relative column widths
    align: tuple[str, ...]          # "l" | "r" | "c" per column
    source: str = ""

    def __post_init__(self):
        if not len(self.columns) == len(self.widths) == len(self.align):
            raise ValueError(f"{self.anchor}: {len(self.columns)} columns, {len(self.widths)} widths, "
                             f"{len(self.align)} alignments")


@dataclass(frozen=True)
class Chart:
    """What a figure draws; ``kind`` picks the painter in ``charts.py``."""
    kind: str                   # pie | lines | sweep | heatmap | tornado | multiple
    data: dict[str, Any]


@dataclass(frozen=True)
class Figure:
    anchor: str
    number: str
    title: str
    chart: Chart
    source: str = ""
    height: float = 210.0       # points (1/72 inch), the drawing's height in the PDF
    note: str = ""


@dataclass(frozen=True)
class FigureRow:
    """Figures side by side (figures 1–2)."""
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Contents:
    """The table of contents: the writers fill in the entries (and the PDF its page numbers)."""
    title: str
    figures_title: str


@dataclass(frozen=True)
class TitleBlock:
    company: str
    ticker: str
    subtitle: str               # the English name, when the file has one
    kind: str                   # "公司估值报告"
    date: str
    facts: tuple[tuple[str, str], ...]          # (caption, value): industry, price, market cap, PE, PB
    methods: tuple[dict, ...]                   # {"title", "value", "upside", "status", "status_code"}
    ratings: tuple[tuple[str, str], ...]        # (dimension, stars text)


@dataclass(frozen=True)
class Report:
    language: str
    title: TitleBlock
    blocks: tuple[Any, ...]
    running_head: str           # "联影医疗 (688271.SH)"

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def captions(self) -> list[Figure | Table]:
        out: list[Figure | Table] = []
        for b in self.blocks:
            if isinstance(b, FigureRow):
                out.extend(b.figures)
            elif isinstance(b, (Figure, Table)) and b.number:
                out.append(b)
        return out


# -- formatting, as the app does it ----------------------------------------------------
def money(x) -> str:
    return format_value(x, MONEY)


def percent(x) -> str:
    return format_value(x, PERCENT)


def signed_percent(x) -> str:
    """The header's upside text: ``+12.3%``, ``-46.7%``, ``—`` when undefined."""
    if x is None or not math.isfinite(x):
        return "—"
    t = format_value(x, PERCENT)
    return t if t.startswith("-") or t == "0.0%" else "+" + t


def stars(x: float | None, language: str) -> str:
    """★ per star, ½ for a half, ☆ to five, then the number: ``★★★½☆ 3.5``."""
    if x is None:
        return ""
    full = int(math.floor(x))
    half = 1 if x - full >= 0.5 else 0
    glyphs = "★" * full + ("½" if half else "") + "☆" * (5 - full - half)
    return f"{glyphs} {format_value(x, NUMBER, 1).rstrip('0').rstrip('.')}"


def star_count(x: float, language: str) -> str:
    n = format_value(x, NUMBER, 1).rstrip("0").rstrip(".")
    return f"{n}{text('stars_suffix', language)}"


def unit_text(unit: str, language: str) -> str:
    return display.unit_text(unit, language)


def year_label(year: int, is_actual: bool) -> str:
    return f"{year}{'A' if is_actual else 'E'}"


def _with_unit(label: str, unit: str, lang: str) -> str:
    return f"{label}({unit})" if is_zh(lang) else f"{label} ({unit})"


def _paragraphs(value: Any) -> list[Paragraph]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [Paragraph(p.strip()) for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]


# -- the builder ------------------------------------------------------------------------
class _Numbering:
    """Section numbers and the figure/table counters, in reading order."""

    def __init__(self, language: str):
        self.language = language
        self.section = 0
        self.sub = 0
        self.figure = 0
        self.table = 0

    def h1(self, title: str, anchor: str) -> Heading:
        self.section += 1
        self.sub = 0
        return Heading(1, str(self.section), title, anchor)

    def h2(self, title: str, anchor: str) -> Heading:
        self.sub += 1
        return Heading(2, f"{self.section}.{self.sub}", title, anchor)

    def next_figure(self) -> str:
        self.figure += 1
        return f"{text('figure', self.language)}{self.figure}"

    def next_table(self) -> str:
        self.table += 1
        return f"{text('table', self.language)}{self.table}"


def build_report(model: models.Model, language: str = "zh_CN") -> Report:
    """The report of ``model`` in ``language`` (``zh_CN`` or ``en``).

    Raises ``models.InvalidInputError`` when the model cannot be valued."""
    lang = "zh_CN" if is_zh(language) else "en"
    result = models.valuate(model)
    doc = model.doc
    company = doc.get("company") or {}
    unit = unit_text(model.unit, lang)
    n = _Numbering(lang)
    blocks: list[Any] = []

    title = _title_block(model, result, lang, unit)
    profile = company.get("profile") or {}
    for key in ("summary", "differentiated_view", "risks"):
        paras = _paragraphs(profile.get(key))
        if paras:
            blocks.append(Heading(0, "", dossier.label("profile", key, "zh" if lang == "zh_CN" else "en"), key))
            blocks.extend(paras)
    blocks.append(Contents(text("contents", lang), text("figures_tables", lang)))

    blocks.extend(_business(model, lang, n, profile))
    blocks.extend(_business_model(model, lang, n, company, profile))
    blocks.extend(_history(model, lang, n, company))
    blocks.extend(_ratings(model, lang, n, company))
    blocks.extend(_valuation(model, result, lang, n, profile, unit))
    blocks.extend(_disclaimer(model, lang))
    ticker = company.get("ticker")
    company_name = display.company_name(model, lang)
    head = f"{company_name} ({ticker})" if ticker else company_name
    return Report(lang, title, tuple(blocks), head)


def _lang2(lang: str) -> str:
    return "zh" if lang == "zh_CN" else "en"


def _title_block(model, result, lang, unit) -> TitleBlock:
    doc = model.doc
    company = doc.get("company") or {}

    def multiple_text(multiple):
        """As the app's header: the quoted figure, else the engine's; NM when not meaningful."""
        if multiple.not_meaningful:
            return "NM"
        return "—" if multiple.value is None else format_value(multiple.value, NUMBER)

    shown = company_facts(model, result)       # what the app's header shows
    facts = (
        (text("industry", lang), str(shown.industry or "—")),
        (text("price", lang), format_value(shown.price, NUMBER)),
        (text("market_cap", lang), f"{money(shown.market_cap)} {unit}"),
        (text("pe_ttm", lang), multiple_text(shown.pe)),
        (text("pb_mrq", lang), multiple_text(shown.pb)),
    )
    methods = tuple({"title": text(key, lang), "value": f"{money(m.total)} {unit}",
                     "upside": signed_percent(m.upside), "status": pick(STATUS[m.status], lang),
                     "status_code": m.status}
                    for key, m in (("ddm", result.ddm), ("dynamic", result.dynamic)))
    ratings_doc = company.get("ratings") or {}
    ratings = tuple((dossier.label("ratings", k, _lang2(lang)), stars(ratings_doc.get(k), lang))
                    for k in dossier.RATING_KEYS if ratings_doc.get(k) is not None)
    # in English the English name is the title; in Chinese it stands under the Chinese one
    subtitle = str(company.get("name_en") or "") if lang == "zh_CN" else ""
    return TitleBlock(display.company_name(model, lang), str(company.get("ticker") or ""), subtitle,
                      text("report_kind", lang), str(company.get("report_date") or ""), facts, methods, ratings)


def _business(model, lang, n: _Numbering, profile) -> list:
    out: list[Any] = [n.h1(text("business", lang), "business")]
    out.extend(_paragraphs(profile.get("business")))
    described = [(display.entry_name(seg, lang), seg.get("description")) for seg in model.segments if seg.get("description")]
    if described:
        out.append(Paragraph(text("segments_defined", lang)))
        for name, description in described:
            out.append(Paragraph(f"{name}{'：' if lang == 'zh_CN' else ': '}", "lead"))
            out.extend(_paragraphs(description))
    year = model.first_forecast_year if model.first_forecast_year in model.years else model.years[-1]
    figures = []
    for kind, build in (("revenue", engine_mix.revenue_mix), ("gross", engine_mix.gross_profit_mix)):
        mix = build(model, year)
        if mix.total is None or not mix.total > 0:
            continue
        key = f"{kind}_mix" if mix.is_actual else f"{kind}_mix_forecast"
        names = display.segment_names(model, lang)
        missing = [names[i] for i in mix.missing]
        parts = [{"name": names[p.index], "value": p.value, "share": p.share,
                  "value_text": money(p.value), "share_text": percent(p.share)}
                 for p in mix.parts if p.value is not None and p.share is not None]
        note = text("mix_missing", lang, "、".join(missing) if lang == "zh_CN" else ", ".join(missing)) \
            if missing else ""
        figures.append(Figure(f"figure.mix.{kind}", n.next_figure(), text(key, lang, year),
                              Chart("pie", {"parts": parts, "total_text": money(mix.total)}),
                              text("source_model", lang), 190.0, note))
    if figures:
        out.append(FigureRow(tuple(figures)))
    return out if len(out) > 1 else []


def _business_model(model, lang, n: _Numbering, company, profile) -> list:
    paras = _paragraphs(profile.get("business_model"))
    levels = company.get("business_model") or {}
    present = [k for k in dossier.BUSINESS_MODEL_KEYS if levels.get(k) is not None]
    if not paras and not present:
        return []
    out: list[Any] = [n.h1(text("business_model", lang), "business_model")]
    out.extend(paras)
    labels = tuple(dossier.level_label(i, _lang2(lang)) for i in range(1, 6))
    for key in present:
        title = dossier.label("business_model", key, _lang2(lang))
        out.append(n.h2(title, f"business_model.{key}"))
        out.append(LevelScale(title, int(levels[key]), labels))
    return out


_HISTORY_FIGURES = (("profitability", "fig_profitability", "hist_profitability"),
                    ("growth", "fig_growth", "hist_growth"),
                    ("control", "fig_control", "hist_control"),
                    ("shareholder_return", "fig_shareholder_return", "hist_shareholder_return"))


def _history(model, lang, n: _Numbering, company) -> list:
    table = engine_history.history_table(model)
    ratings = company.get("history_ratings") or {}
    sections = []
    for key, fig_key, title_key in _HISTORY_FIGURES:
        series = []
        any_derived = False
        for metric in engine_history.FIGURES[key]:
            values, derived = table.series(metric)
            if values.size and np.isfinite(values).any():
                any_derived = any_derived or bool(derived[np.isfinite(values)].any())
                series.append({"name": pick(HISTORY_METRICS[metric], lang), "metric": metric,
                               "values": [None if not math.isfinite(v) else float(v) for v in values],
                               "derived": [bool(d) for d in derived],
                               "labels": [percent(v) if math.isfinite(v) else "" for v in values]})
        rating = ratings.get(key)
        if not series and rating is None:
            continue
        sections.append((key, fig_key, title_key, series, rating, any_derived))
    if not sections:
        return []
    out: list[Any] = [n.h1(text("history", lang), "history")]
    for key, fig_key, title_key, series, rating, any_derived in sections:
        out.append(n.h2(text(title_key, lang), f"history.{key}"))
        if rating is not None:
            out.append(Paragraph(stars(rating, lang), "stars"))
        if series:
            # years from the first to the last with a figure in this chart
            have = [i for i in range(len(table.years)) if any(s["values"][i] is not None for s in series)]
            lo, hi = have[0], have[-1] + 1
            years = table.years[lo:hi]
            for s in series:
                for k in ("values", "derived", "labels"):
                    s[k] = s[k][lo:hi]
            out.append(Figure(f"figure.history.{key}", n.next_figure(), text(fig_key, lang),
                              Chart("lines", {"years": [str(y) for y in years], "series": series}),
                              text("source_history", lang), 185.0,
                              text("derived_note", lang) if any_derived else ""))
    return out


def _ratings(model, lang, n: _Numbering, company) -> list:
    ratings = company.get("ratings") or {}
    segs = model.segments
    dims = []
    for key in dossier.RATING_KEYS:
        notes = [(display.entry_name(s, lang), (s.get("ratings") or {}).get(key), (s.get("rating_notes") or {}).get(key)) for s in segs]
        notes = [x for x in notes if x[1] is not None or x[2]]
        if ratings.get(key) is None and not notes:
            continue
        dims.append((key, notes))
    moat_rows = []
    for s in segs:
        moat = s.get("moat") or {}
        if any(moat.get(k) for k in ("width_note", "durability_note", "moat_width", "moat_durability")):
            def cell(star_key, note_key):
                star = moat.get(star_key)
                lead = f"({star_count(star, lang)})" if star is not None else ""
                return f"{lead}{moat.get(note_key) or ''}"
            moat_rows.append(Row((display.entry_name(s, lang), cell("moat_width", "width_note"), cell("moat_durability", "durability_note"))))
    if not dims and not moat_rows:
        return []
    out: list[Any] = [n.h1(text("ratings", lang), "ratings")]
    for key, notes in dims:
        out.append(n.h2(dossier.label("ratings", key, _lang2(lang)), f"ratings.{key}"))
        if ratings.get(key) is not None:
            out.append(Paragraph(stars(ratings[key], lang), "stars"))
        for name, star, note in notes:
            lead = f"{name} ({star_count(star, lang)})" if star is not None else name
            out.append(Paragraph(lead + ("：" if lang == "zh_CN" else ":"), "lead"))
            out.extend(_paragraphs(note))
        if key == "moat" and moat_rows:
            out.append(Table("table.moat", n.next_table(), text("moat_table", lang),
                             ("", text("moat_width_col", lang), text("moat_durability_col", lang)),
                             tuple(moat_rows), (1.0, 2.0, 2.0), ("l", "l", "l"), text("source_model", lang)))
    if moat_rows and not any(k == "moat" for k, _ in dims):
        out.append(Table("table.moat", n.next_table(), text("moat_table", lang),
                         ("", text("moat_width_col", lang), text("moat_durability_col", lang)),
                         tuple(moat_rows), (1.0, 2.0, 2.0), ("l", "l", "l"), text("source_model", lang)))
    return out


COMPANY_REPORT_ROWS = (("revenue", MONEY), ("net_profit_attributable", MONEY), ("net_profit_growth", PERCENT),
                       ("operating_net_profit", MONEY), ("operating_profit_growth", PERCENT),
                       ("operating_net_profit_attributable", MONEY), ("operating_attributable_growth", PERCENT))
SEGMENT_REPORT_ROWS = (("revenue", MONEY), ("growth", PERCENT), ("net_profit", MONEY), ("margin", PERCENT),
                       ("profit_growth", PERCENT))


#: A forced line break inside a table header cell (the PDF breaks there; the HTML writes <br>).
LINE_BREAK = "\u2028"
#: Where table 4's Chinese headers break when their column is narrow.
HEADER_BREAKS = {"护城河持续性": f"护城河{LINE_BREAK}持续性", "显性期价值": f"显性期{LINE_BREAK}价值",
                 "显性期后价值": f"显性期后{LINE_BREAK}价值", "有效盈利预测(亿元)": f"有效盈利{LINE_BREAK}预测(亿元)",
                 "半显性期CAGR": f"半显性期{LINE_BREAK}CAGR"}


def _row_label(key: str, kind: str, lang: str, unit: str) -> str:
    return text(key, lang, unit) if kind == MONEY else text(key, lang)


def _valuation(model, result, lang, n: _Numbering, profile, unit) -> list:
    out: list[Any] = [n.h1(text("valuation", lang), "valuation")]
    years = model.years
    actual = [y < model.first_forecast_year for y in years]
    year_cols = tuple(year_label(y, a) for y, a in zip(years, actual))
    width_years = ((2.2 if is_zh(lang) else 3.2),) + (1.0,) * len(years)   # English labels are longer
    align_years = ("l",) + ("r",) * len(years)

    out.append(n.h2(text("assumptions", lang), "valuation.assumptions"))
    out.extend(_paragraphs(profile.get("assumptions")))
    company = engine_forecast.company_table(model)
    rows = tuple(Row((_row_label(key, kind, lang, unit),) + tuple(format_value(v, kind) for v in company.row(key)))
                 for key, kind in COMPANY_REPORT_ROWS)
    out.append(Table("table.company", n.next_table(), text("table_company", lang),
                     (display.company_name(model, lang),) + year_cols, rows, width_years, align_years, text("source_model", lang)))
    seg_rows: list[Row] = []
    for i, name in enumerate(display.segment_names(model, lang)):
        t = engine_forecast.segment_table(model, i)
        seg_rows.append(Row((name,), "group"))
        seg_rows.extend(Row((_row_label(key, kind, lang, unit),) + tuple(format_value(v, kind) for v in t.row(key)))
                        for key, kind in SEGMENT_REPORT_ROWS)
    out.append(Table("table.segments", n.next_table(), text("table_segments", lang),
                     (text("segment", lang),) + year_cols, tuple(seg_rows), width_years, align_years,
                     text("source_model", lang)))

    # table 4: dynamic
    out.append(n.h2(text("dynamic_section", lang), "valuation.dynamic"))
    notes_keys = [k for k in ("growth_description", "industry_structure", "moat_durability")
                  if any((s.get("notes") or {}).get(k) for s in model.segments)]
    dyn = result.dynamic
    # the multiple each segment's value uses: the composite one unless the segment chose the justified one
    any_justified = any(seg.mode == "justified" for seg in dyn.segments)
    cols = ((text("segment", lang), text("fade_growth", lang)) + tuple(text(k, lang) for k in notes_keys)
            + (text("discount_rate", lang), text("multiple_used" if any_justified else "multiple", lang),
               _with_unit(text("earnings_base", lang), unit, lang),
               text("explicit_value", lang), text("post_explicit_value", lang), text("business_value", lang)))
    if is_zh(lang):       # narrow columns: break the Chinese headers between words, not inside one
        cols = tuple(HEADER_BREAKS.get(c, c) for c in cols)
    rows4 = []
    for s, seg in zip(model.segments, dyn.segments):
        notes = s.get("notes") or {}
        rows4.append(Row((display.entry_name(s, lang), percent(s.get("fade_growth"))) + tuple(str(notes.get(k) or "") for k in notes_keys)
                         + (percent(s["discount_rate"]), _multiple_used(seg, lang), money(seg.earnings_base),
                            money(seg.explicit_value), money(seg.post_explicit_value), money(seg.business_value))))
    blank = ("",) * (1 + len(notes_keys) + 3)
    rows4.append(Row((_with_unit(text("company_line", lang), unit, lang),) + blank
                     + (money(sum(s.explicit_value for s in dyn.segments)),
                        money(sum(s.post_explicit_value for s in dyn.segments)), money(dyn.segment_total)), "total"))
    ncols = len(cols)
    rows4.extend(_company_lines(dyn, ncols, lang, unit))
    # English names are longer: a wider first column
    widths4 = ((1.9 if is_zh(lang) else 3.6), 0.95) + ((0.95 if is_zh(lang) else 0.8),) * len(notes_keys) + (0.85, 0.95, 1.05, 0.95, 1.05, 0.95)
    out.append(Table("table.dynamic", n.next_table(), text("table_dynamic", lang), cols, tuple(rows4),
                     widths4, ("l",) + ("c",) * (1 + len(notes_keys)) + ("r",) * 6, text("source_model", lang)))

    # table 5: DDM
    out.append(n.h2(text("ddm_section", lang), "valuation.ddm"))
    ddm = result.ddm
    cols5 = (text("segment", lang), text("discount_rate", lang), text("roe", lang), text("forecast_value", lang),
             text("perpetual_value", lang), text("business_value", lang))
    rows5 = [Row((display.entry_name(s, lang), percent(s["discount_rate"]), percent(s["roe"]), money(seg.forecast_value),
                  money(seg.perpetual_value), money(seg.business_value)))
             for s, seg in zip(model.segments, ddm.segments)]
    rows5.append(Row((_with_unit(text("company_line", lang), unit, lang), "", "",
                      money(sum(s.forecast_value for s in ddm.segments)),
                      money(sum(s.perpetual_value for s in ddm.segments)), money(ddm.segment_total)), "total"))
    rows5.extend(_company_lines(ddm, len(cols5), lang, unit))
    out.append(Table("table.ddm", n.next_table(), text("table_ddm", lang), cols5, tuple(rows5),
                     (2.6, 0.9, 0.9, 1.1, 1.1, 1.1), ("l", "r", "r", "r", "r", "r"), text("source_model", lang)))
    ref = (model.doc.get("reference") or {})
    if isinstance(ref.get("ddm_total"), (int, float)) and isinstance(ref.get("dynamic_total"), (int, float)):
        out.append(Paragraph(text("reference_note", lang, money(ref["ddm_total"]), money(ref["dynamic_total"]),
                                  str(ref.get("source") or "")), "note"))

    out.extend(_sensitivity(model, result, lang, n, unit))
    out.extend(_multiples(model, result, lang, n))
    certainty = _paragraphs(profile.get("valuation_certainty"))
    if certainty:
        out.append(n.h2(text("certainty", lang), "valuation.certainty"))
        out.extend(certainty)
    return out


def _multiple_used(seg, lang: str) -> str:
    """Table 4's multiple: the composite one (``19.36x``), or the justified one
    named as such (``24.88x（合理）``, ``NM`` without a positive earnings base),
    as the app's dynamic table shows the multiple in use."""
    if seg.mode != "justified":
        return format_value(seg.multiple, MULTIPLE)
    shown = "NM" if seg.justified_multiple is None else format_value(seg.justified_multiple, MULTIPLE)
    return f"{shown}{text('justified_mark', lang)}"


def _company_lines(method, ncols: int, lang: str, unit: str) -> list[Row]:
    """Excess cash, minority interest, equity investments, the total, upside and
    status: a label and one value (the writers put the value under the last column)."""
    return [Row((text("excess_cash", lang), money(method.excess_cash))),
            Row((text("minority_interest", lang), money(method.minority_interest))),    # as the app's tables
            Row((text("equity_investments", lang), money(method.equity_investments))),
            Row((_with_unit(text("total", lang), unit, lang), money(method.total)), "total"),
            Row((text("upside", lang), signed_percent(method.upside))),
            Row((text("status", lang), pick(STATUS[method.status], lang)))]


def _sensitivity(model, result, lang, n: _Numbering, unit) -> list:
    out: list[Any] = [n.h2(text("sensitivity", lang), "valuation.sensitivity")]
    sw = sweep(model, result, "discount_rate_shift", SWEEP_RANGE)
    edges = band_edges(result.market_cap)
    out.append(Figure("figure.sweep", n.next_figure(), text("fig_sweep", lang),
                      Chart("sweep", {"x": [float(v) for v in sw.x],
                                      "series": [{"name": text(m, lang), "method": m,
                                                  "values": [float(v) for v in sw.totals[m]],
                                                  "base": float(sw.base_totals[m])} for m in ("ddm", "dynamic")],
                                      "market_cap": float(sw.market_cap), "edges": [float(e) for e in edges],
                                      "statuses": list(STATUS_CODES),
                                      "status_labels": [pick(STATUS[c], lang) for c in STATUS_CODES],
                                      "x_label": pick(DRIVERS["discount_rate_shift"], lang),
                                      "y_label": text("value_axis", lang, unit),
                                      "market_cap_label": text("market_cap_line", lang)}),
                      text("source_model", lang), 250.0))
    grid = upside_grid(model, result, HEATMAP_RATE, HEATMAP_TERMINAL)
    out.append(Figure("figure.heatmap", n.next_figure(), text("fig_heatmap", lang),
                      Chart("heatmap", {"x": [float(v) for v in grid.x], "y": [float(v) for v in grid.y],
                                        "upside": [[None if not math.isfinite(v) else float(v) for v in row]
                                                   for row in grid.upside],
                                        "base": [float(b) for b in grid.base],
                                        "thresholds": list(STATUS_THRESHOLDS), "statuses": list(STATUS_CODES),
                                        "status_labels": [pick(STATUS[c], lang) for c in STATUS_CODES],
                                        "x_label": pick(DRIVERS["discount_rate_shift"], lang),
                                        "y_label": pick(DRIVERS["terminal_growth"], lang),
                                        "invalid_label": text("invalid_region", lang)}),
                      text("source_model", lang), 260.0))
    torn = tornado_bars(model, DEFAULT_SHOCKS)
    for m in ("ddm", "dynamic"):
        bars = [{"driver": pick(DRIVERS[b.driver], lang), "low_value": float(b.low_value),
                 "high_value": float(b.high_value), "base_value": float(b.base_value),
                 "low_text": money(b.low_value), "high_text": money(b.high_value)}
                for b in torn.bars[m] if math.isfinite(b.low_value) and math.isfinite(b.high_value)
                # a driver that moves nothing (no excess cash to scale) has no bar to show
                and abs(b.high_value - b.low_value) > 1e-9 * max(1.0, abs(b.base_value))]
        if bars:
            out.append(Figure(f"figure.tornado.{m}", n.next_figure(), text("fig_tornado", lang, text(m, lang)),
                              Chart("tornado", {"bars": bars, "base_text": money(bars[0]["base_value"]),
                                                "low_label": text("shock_low", lang),
                                                "high_label": text("shock_high", lang),
                                                "x_label": text("value_axis", lang, unit)}),
                              text("source_model", lang), 40.0 + 22.0 * len(bars)))
    # the status-band table: upside ranges and the equity values they mean
    thresholds = [None] + list(STATUS_THRESHOLDS) + [None]
    rows = []
    for k, code in enumerate(STATUS_CODES):
        lo, hi = thresholds[k], thresholds[k + 1]
        if lo is None:
            rng = f"X < {format_value(hi, PERCENT, 0)}"
            val = f"< {money(edges[0])}"
        elif hi is None:
            rng = f"X ≥ {format_value(lo, PERCENT, 0)}"
            val = f"≥ {money(edges[-1])}"
        else:
            rng = f"{format_value(lo, PERCENT, 0)} ≤ X < {format_value(hi, PERCENT, 0)}"
            val = f"{money(edges[k - 1])} – {money(edges[k])}"
        marks = [text(m, lang) for m in ("ddm", "dynamic") if getattr(result, m).status == code]
        rows.append(Row((pick(STATUS[code], lang), rng, val, "、".join(marks) if lang == "zh_CN" else ", ".join(marks)),
                        "total" if marks else "data"))
    out.append(Table("table.bands", n.next_table(), text("table_bands", lang),
                     (text("status", lang), text("band_range", lang), text("band_value", lang, unit),
                      text("band_methods", lang)),
                     tuple(rows), (1.2, 1.6, 1.8, 1.2), ("l", "c", "c", "l"), text("source_model", lang)))
    return out


def _multiples(model, result, lang, n: _Numbering) -> list:
    context = model.doc.get("multiples_context")
    if not isinstance(context, dict):
        return []
    positions = engine_peers.multiples_positions(model, result.multiples)
    out: list[Any] = []
    rows = []
    figures = []
    for key in ("ps", "pe", "pb"):
        pos = positions.get(key)
        if pos is None or (pos.industry_low is None and not pos.peers and not pos.own_history):
            continue
        name = MULTIPLE_NAMES[key]
        ours = "NM" if pos.nm else ("—" if pos.value is None else format_value(pos.value, MULTIPLE))
        rows.append(Row((name, text("ours", lang), ours), "total"))
        if pos.industry_low is not None:
            rows.append(Row((name, text("industry_range", lang),
                             f"{format_value(pos.industry_low, MULTIPLE)} – {format_value(pos.industry_high, MULTIPLE)}")))
        for p in pos.peers:
            label = f"{p.label} ({p.ticker})" if p.ticker else p.label
            rows.append(Row((name, label, "NM" if p.nm else ("—" if p.value is None else format_value(p.value, MULTIPLE)))))
        for p in pos.own_history:
            rows.append(Row((name, f"{text('own_history', lang)} {p.label}",
                             "NM" if p.nm else ("—" if p.value is None else format_value(p.value, MULTIPLE)))))
        if pos.value is not None:
            points = [{"label": p.label, "value": p.value, "kind": "peer", "text": format_value(p.value, MULTIPLE)}
                      for p in pos.peers if p.value is not None]
            points += [{"label": f"{text('own_history', lang)} {p.label}", "value": p.value, "kind": "own",
                        "text": format_value(p.value, MULTIPLE)} for p in pos.own_history if p.value is not None]
            figures.append((key, name, {"name": name, "value": pos.value, "text": ours, "ours_label": text("ours", lang),
                                        "industry": [pos.industry_low, pos.industry_high]
                                        if pos.industry_low is not None else None,
                                        "industry_label": text("industry_range", lang), "points": points}))
    if not rows:
        return []
    out.append(n.h2(text("multiples", lang), "valuation.multiples"))
    for key, name, data in figures:
        out.append(Figure(f"figure.multiple.{key}", n.next_figure(), text("fig_multiples", lang, name),
                          Chart("multiple", data),
                          text("source_multiples", lang) + str(context.get("source") or text("source_model", lang)),
                          60.0 + 16.0 * len(data["points"])))
    out.append(Table("table.multiples", n.next_table(), text("table_multiples", lang), ("", "", ""), tuple(rows),
                     (0.6, 2.4, 1.0), ("l", "l", "r"), ""))
    return out


def _disclaimer(model, lang) -> list:
    out: list[Any] = [Heading(0, "", text("disclaimer", lang), "disclaimer")]
    out.extend(_paragraphs(model.doc.get("disclaimer")))
    out.append(Paragraph(text("default_disclaimer", lang)))
    return out
