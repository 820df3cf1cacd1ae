"""Importing reported figures into a model: Tushare Pro statements, the AkShare /
East Money main-business composition, and our own template.

Plain functions, no Qt, so a GUI preview and the CLI share them:

- ``read_source(path, unit=None) -> list[Figures]``: read and recognise one file
  (CSV in UTF-8/UTF-8-BOM/GBK, or .xlsx); raises ``SourceError`` naming the
  file, row and column.
- ``plan_import(model, figures, ...) -> ImportPlan``: the changes the figures
  mean for ``model`` (``Change``: path, old → new, unit), without touching it.
- ``apply_changes(model, changes) -> Model``: a new, validated model with the
  changes applied (one step for an undo stack); the input model is untouched.
- ``new_model_from_import(figures, ...) -> (Model, ImportPlan)``: a model built
  from the figures (company, years, segments).

Money in the figures is in 元; the plan converts it to the model's unit
(``company.unit``, 亿元 by default).
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ...errors import Message
from ...forecast import new_segment
from ...model import Model, copy_json, path_text
from . import akshare, template, tushare
from ._figures import RATIO_METRICS, Figures, Period
from ._table import (SHARES_FOR_MONEY, SHARE_UNITS, ImportUsageError, SourceError, model_unit_factor, name_key,
                     read_tables)

__all__ = ["Change", "ImportPlan", "Figures", "Period", "SourceError", "ImportUsageError", "read_source",
           "plan_import", "apply_changes", "new_model_from_import", "LAYOUTS", "FINANCIALS_CHOICES"]

#: Template items naming the model's own company figures of an actual year.
COMPANY_FORECAST_PREFIX = "company_forecast."
LAYOUTS = (("tushare", tushare), ("akshare", akshare), ("template", template))
FINANCIALS_CHOICES = ("auto", "ttm", "half_year", "none")
EXPECTED_COLUMNS = ("Tushare Pro: end_date with fields such as total_revenue, n_income_attr_p, "
                    "total_hldr_eqy_exc_min_int, n_cashflow_act; "
                    "AkShare/East Money 主营构成: 报告日期, 分类类型, 主营构成, 主营收入; "
                    "template: item, segment, period, value, unit (项目, 分部, 期间, 数值, 单位)")


def read_source(path: str | os.PathLike, unit: str | None = None) -> list[Figures]:
    """The figures in one file. ``unit`` is the money unit of amounts the file
    does not state (Tushare and East Money export 元, the default for them).

    For a workbook, every sheet in a known layout is read and sheets in no known
    layout are skipped; a CSV file (or a workbook with no known sheet) in no
    known layout is an error listing the columns expected and found."""
    tables = read_tables(path)
    out: list[Figures] = []
    for table in tables:
        for _name, layout in LAYOUTS:
            if layout.looks_like(table.header):
                out.append(layout.read(table, unit))
                break
    if not out:
        found = ", ".join(h for h in tables[0].header if h) or "none"
        where = tables[0].where() if len(tables) == 1 else str(path)
        raise SourceError(where, f"unknown layout; expected the columns of {EXPECTED_COLUMNS}; found: {found}",
                          tables[0].header_row if len(tables) == 1 else None, code="import_layout",
                          params={"found": [h for h in tables[0].header if h]})
    return out


@dataclass(frozen=True)
class Change:
    """One change an import makes. ``kind`` "set" puts ``new`` at ``path``
    (``old`` is None where nothing was there); "add_segment" inserts the segment
    dict ``new`` at ``path`` = ("segments", index). ``unit`` is the model's money
    unit, its share unit, or "" for a ratio, a text or a segment."""

    path: tuple
    old: Any
    new: Any
    unit: str
    source: str
    kind: str = "set"

    def describe(self) -> str:
        if self.kind == "add_segment":
            return f"{path_text(self.path)}: new segment {self.new['name']!r}"
        return f"{path_text(self.path)}: {_show(self.old)} → {_show(self.new)}" + (f" {self.unit}" if self.unit else "")


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e15 else repr(value)
    return repr(value) if isinstance(value, str) else str(value)


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    #: Segments in the sources that match none in the model and were not added.
    offered_segments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The 分类类型 used per composition source (file → classification).
    classifications: dict[str, str] = field(default_factory=dict)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool):
        return math.isclose(float(old), float(new), rel_tol=1e-12, abs_tol=1e-15)
    return old == new


def _get(doc: Any, path: Sequence) -> Any:
    node = doc
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _choose_classification(figures: Figures, model_names: set[str], wanted: str | None) -> str | None:
    classes = list(figures.segments)
    if not classes:
        return None
    if wanted is not None:
        if wanted not in figures.segments:
            raise ImportUsageError(f"{figures.file}: no 分类类型 {wanted!r}; the file has: {', '.join(classes)}",
                                   "import_classification", {"file": figures.file, "wanted": wanted,
                                                             "known": classes})
        return wanted
    def score(c: str) -> tuple:
        matches = sum(name_key(n) in model_names for n in figures.segments[c])
        return (matches, c == akshare.PREFERRED_CLASSIFICATION, -classes.index(c))
    return max(classes, key=score)


def merge(figures_list: Iterable[Figures], model_names: set[str], classification: str | None,
          plan: ImportPlan) -> tuple[dict[Period, dict[str, tuple[float, str]]], dict[str, dict], dict]:
    """All sources as one: company figures by period (value, file), segments by
    name (the later source wins a clash, with a note), and the company's ticker,
    name and price."""
    company: dict[Period, dict[str, tuple[float, str]]] = {}
    segments: dict[str, dict] = {}
    info: dict[str, Any] = {}
    for fig in figures_list:
        plan.notes.extend(fig.notes)
        for period, metrics in fig.company.items():
            slot = company.setdefault(period, {})
            for metric, value in metrics.items():
                if metric in slot and not _same(slot[metric][0], value):
                    plan.notes.append(Message(f"{period.label} {metric}: {fig.file} replaces the figure from "
                                              f"{slot[metric][1]}", "import_replaces",
                                              {"period": period.label, "metric": metric, "file": fig.file,
                                               "previous": slot[metric][1]}))
                slot[metric] = (value, fig.file)
        chosen = _choose_classification(fig, model_names, classification if fig.layout == "akshare" else None)
        if chosen is not None:
            if fig.layout == "akshare":
                plan.classifications[fig.file] = chosen
            for name, years in fig.segments[chosen].items():
                key = name_key(name)
                entry = segments.setdefault(key, {"name": name, "years": {}, "file": fig.file})
                for year, values in years.items():
                    entry["years"].setdefault(year, {}).update(values)
                entry["file"] = fig.file
        for attr in ("ticker", "name", "price", "shares"):
            if getattr(fig, attr) is not None:
                info[attr] = (getattr(fig, attr), fig.file)
    return company, segments, info


def _financials(company: dict[Period, dict[str, tuple[float, str]]], choice: str,
                plan: ImportPlan) -> tuple[dict, str] | None:
    """The ``financials`` object for the latest interim period after the latest
    annual one: TTM (period + last year − same period last year) when those are
    there, else the half year as reported (the engine annualizes it)."""
    if choice == "none":
        return None
    keys = ("revenue", "net_profit_attributable", "equity")
    last_annual = max((p.year for p in company if p.annual), default=None)
    candidates = sorted(p for p in company if not p.annual and (last_annual is None or p.year > last_annual)
                        and any(k in company[p] for k in keys))
    if not candidates:
        return None
    period = candidates[-1]
    figures = company[period]
    if period.kind == "TTM":
        return {"period": period.label, "basis": "ttm",
                **{k: figures[k][0] for k in keys if k in figures}}, figures[next(iter(figures))][1]
    prior, last_year = Period(period.year - 1, period.kind), Period(period.year - 1)
    flows = ("revenue", "net_profit_attributable")
    can_ttm = all(k in company.get(prior, {}) and k in company.get(last_year, {}) for k in flows if k in figures)
    if choice in ("auto", "ttm") and can_ttm and any(k in figures for k in flows):
        out = {"period": f"{period.year}{period.kind} TTM", "basis": "ttm"}
        for k in flows:
            if k in figures:
                out[k] = figures[k][0] + company[last_year][k][0] - company[prior][k][0]
        if "equity" in figures:
            out["equity"] = figures["equity"][0]
        return out, figures[next(iter(figures))][1]
    if choice == "ttm":
        plan.notes.append(Message(f"{period.label}: no TTM (needs {prior.label} and {last_year.label}); financials "
                                  "left as they are", "import_no_ttm",
                                  {"period": period.label, "needs": [prior.label, last_year.label]}))
        return None
    if period.kind == "H1":
        return {"period": period.label, "basis": "half_year",
                **{k: figures[k][0] for k in keys if k in figures}}, figures[next(iter(figures))][1]
    plan.notes.append(Message(f"{period.label}: a {period.kind} figure neither annualizes nor makes a TTM without "
                              f"{prior.label} and {last_year.label}; financials left as they are", "import_no_ttm",
                              {"period": period.label, "needs": [prior.label, last_year.label]}))
    return None


def plan_import(model: Model, figures: Iterable[Figures], *, classification: str | None = None,
                add_segments: bool = False, financials: str = "auto") -> ImportPlan:
    """The changes importing ``figures`` makes to ``model`` (nothing is applied).

    - every annual company figure → ``history[metric][year]`` (money in the model's unit);
    - for the model's actual years: ``company_forecast.minority_profit`` from
      少数股东损益, and ``company_forecast.non_operating_profit`` as the amount that
      reconciles the segments' net profits to the reported net profit attributable
      (attributable + minority − Σ segment net profit);
    - segments matched by name (or English name; full-width/half-width, spaces
      and case ignored): ``actuals[year]`` revenue, gross_profit, net_profit for
      actual years; unmatched segments are offered, or added with ``add_segments``;
    - the latest interim period after the last annual one → ``financials``
      (``financials``: "auto" TTM else half year, "ttm", "half_year", "none").
    """
    if financials not in FINANCIALS_CHOICES:
        raise ImportUsageError(f"financials must be one of {', '.join(FINANCIALS_CHOICES)}, got {financials!r}",
                               "import_financials_choice", {"found": financials})
    plan = ImportPlan()
    unit = model.unit
    factor = model_unit_factor(unit)
    doc = model.doc
    names = {}
    for i, seg in enumerate(model.segments):
        names.setdefault(name_key(seg["name"]), i)
        if isinstance(seg.get("name_en"), str) and seg["name_en"].strip():
            names.setdefault(name_key(seg["name_en"]), i)
    company, segments, _info = merge(list(figures), set(names), classification, plan)
    actual = set(model.actual_years)

    def put(path: tuple, new: Any, change_unit: str, source: str) -> None:
        old = _get(doc, path)
        if not _same(old, new):
            plan.changes.append(Change(path, old, new, change_unit, source))

    # company history
    for period in sorted(p for p in company if p.annual):
        for metric, (value, source) in sorted(company[period].items()):
            if metric.startswith(COMPANY_FORECAST_PREFIX) or metric == "shares":
                continue  # the model's own company figures, set below; shares only seed a new model
            if metric in RATIO_METRICS:
                put(("history", metric, str(period.year)), value, "", source)
            else:
                put(("history", metric, str(period.year)), value / factor, unit, source)

    # segments
    net_profit = {y: {i: float(seg["actuals"][str(y)]["net_profit"]) for i, seg in enumerate(model.segments)
                      if str(y) in seg.get("actuals", {})} for y in actual}
    skipped_years: set[int] = set()
    next_index = model.segment_count
    for key, entry in segments.items():
        years = entry["years"]
        skipped_years.update(y for y in years if y not in actual)
        if key in names:
            i = names[key]
            for year in sorted(y for y in years if y in actual):
                for item in ("revenue", "gross_profit", "net_profit"):
                    if item in years[year]:
                        put(("segments", i, "actuals", str(year), item), years[year][item] / factor, unit, entry["file"])
                        if item == "net_profit":
                            net_profit[year][i] = years[year][item] / factor
        elif add_segments:
            seg = new_segment(model, entry["name"])
            for year in sorted(y for y in years if y in actual):
                for item in ("revenue", "gross_profit", "net_profit"):
                    if item in years[year]:
                        seg["actuals"][str(year)][item] = years[year][item] / factor
                net_profit[year][next_index] = seg["actuals"][str(year)]["net_profit"]
            plan.changes.append(Change(("segments", next_index), None, seg, "", entry["file"], "add_segment"))
            names[key] = next_index
            next_index += 1
        else:
            plan.offered_segments.append(entry["name"])
    if skipped_years:
        plan.notes.append(Message("segment figures for " + ", ".join(str(y) for y in sorted(skipped_years))
                                  + " left out: not actual years of the model", "import_years_left_out",
                                  {"years": sorted(skipped_years)}))

    # the actual years' company figures
    for year in sorted(actual):
        reported = company.get(Period(year), {})
        minority = reported.get(COMPANY_FORECAST_PREFIX + "minority_profit", reported.get("minority_profit"))
        if minority is not None:
            put(("company_forecast", "minority_profit", str(year)), minority[0] / factor, unit, minority[1])
        attributable = reported.get("net_profit_attributable")
        stated = reported.get(COMPANY_FORECAST_PREFIX + "non_operating_profit")
        if stated is not None:
            put(("company_forecast", "non_operating_profit", str(year)), stated[0] / factor, unit, stated[1])
        elif attributable is not None:
            minority_value = (minority[0] / factor if minority is not None
                              else model.company_forecast_value("minority_profit", year))
            residual = attributable[0] / factor + minority_value - sum(net_profit[year].values())
            put(("company_forecast", "non_operating_profit", str(year)), residual, unit, attributable[1])

    found = _financials(company, financials, plan)
    if found is not None:
        fin, source = found
        for key, value in fin.items():
            money = key in ("revenue", "net_profit_attributable", "equity")
            put(("financials", key), value / factor if money else value, unit if money else "", source)
        put(("financials", "source"), "import: " + os.path.basename(source), "", source)
    return plan


def apply_changes(model: Model, changes: Iterable[Change]) -> Model:
    """A new model with the changes applied, validated (``ModelFileError`` names
    the first rule broken); ``model`` itself is not touched."""
    doc = copy_json(model.doc)
    target = Model(doc)
    for change in changes:
        if change.kind == "add_segment":
            doc["segments"].insert(change.path[1], copy_json(change.new))
        else:
            target.set(change.path, copy_json(change.new))
    return Model.from_dict(doc)


DEFAULT_ACTUAL_YEARS = 3
DEFAULT_FORECAST_YEARS = 3
NEW_MODEL_VALUATION = {"terminal_growth": 0.02, "fade_years": 5}
SINGLE_SEGMENT_NAME = "主营业务"


def new_model_from_import(figures: Sequence[Figures], *, name: str | None = None, price: float | None = None,
                          shares: float | None = None, unit: str = "亿元", classification: str | None = None,
                          actual_years: int = DEFAULT_ACTUAL_YEARS, forecast_years: int = DEFAULT_FORECAST_YEARS,
                          financials: str = "auto") -> tuple[Model, ImportPlan]:
    """A new model from imported figures.

    Years: the last ``actual_years`` reported years (those with segment figures
    when a composition or template gives segments, else those with revenue),
    then ``forecast_years`` estimate years. Segments: from the composition
    (the chosen 分类类型) or the template; without any, one segment 主营业务
    carrying the company's revenue and net profit attributable. A segment's net
    profit the sources do not give is 0 (set it). Forecasts start flat: growth 0,
    the last actual year's net margin. Rates are the engine's defaults for a new
    segment (discount rate 9%, ROE 15%, fade growth 5%, multiple 15), terminal
    growth 2% over 5 fade years. ``price`` (元 per share) and ``shares`` (in the
    model's share unit: 亿股 for 亿元) come from the arguments, else the sources
    (template ``price``; Tushare ``total_share``); a missing one is an error.
    """
    figures = list(figures)
    factor = model_unit_factor(unit)
    scratch = ImportPlan()
    company, segments, info = merge(figures, set(), classification, scratch)
    annual = sorted(p.year for p in company if p.annual)
    if segments:
        years_with = sorted({y for e in segments.values() for y in e["years"]})
    else:
        years_with = sorted(p.year for p in company if p.annual and "revenue" in company[p])
    if not years_with:
        raise ImportUsageError("the sources hold no annual revenue or segment figures to build a model from",
                               "import_nothing_annual")
    last = years_with[-1]
    first = max(years_with[0], last - max(1, actual_years) + 1)
    years = list(range(first, last + 1 + max(1, forecast_years)))

    if price is None and "price" in info:
        price = info["price"][0]
    if shares is None and "shares" in info:
        shares = info["shares"][0] / SHARE_UNITS[SHARES_FOR_MONEY.get(unit, "股")]
    if shares is None:
        latest = [p for p in sorted(company) if "shares" in company[p]]
        if latest:
            share_unit = SHARES_FOR_MONEY.get(unit, "股")
            shares = company[latest[-1]]["shares"][0] / SHARE_UNITS[share_unit]
    missing = [what for what, value in (("the share price (--price)", price), ("the share count (--shares)", shares))
               if value is None]
    if missing:
        raise ImportUsageError("a new model needs " + " and ".join(missing)
                               + ": give it, or put price/shares rows in a template source", "import_needs_market",
                               {"price": price is None, "shares": shares is None})
    for what, value in (("price", price), ("shares", shares)):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            raise ImportUsageError(f"{what} must be a number greater than 0, got {value!r}", "import_market_value",
                                   {"what": what, "found": value})

    ticker = info.get("ticker", (None,))[0]
    company_doc = {"name": name or info.get("name", (None,))[0] or ticker or "导入的公司", "unit": unit,
                   "currency": "CNY"}
    if ticker:
        company_doc["ticker"] = ticker
    segment_names = [e["name"] for e in segments.values()] or [SINGLE_SEGMENT_NAME]
    doc = {"format": "valuation-workbench-model", "version": 1, "company": company_doc,
           "market": {"price": float(price), "shares": float(shares)}, "years": years,
           "first_forecast_year": last + 1, "valuation": dict(NEW_MODEL_VALUATION), "segments": []}
    skeleton = Model(doc)
    for seg_name in segment_names:
        doc["segments"].append(new_segment(skeleton, seg_name))
    if not segments:
        # one segment standing for the whole company
        single = Figures("company totals", "template")
        for period, metrics in company.items():
            if period.annual:
                for src, dst in (("revenue", "revenue"), ("net_profit_attributable", "net_profit")):
                    if src in metrics:
                        single.put_segment("", SINGLE_SEGMENT_NAME, period.year, dst, metrics[src][0])
        figures = figures + [single]
    plan = plan_import(skeleton, figures, classification=classification, financials=financials)
    model = apply_changes(skeleton, plan.changes)
    for seg in model.segments:
        last_actual = seg["actuals"][str(last)]
        margin = last_actual["net_profit"] / last_actual["revenue"] if last_actual["revenue"] > 0 else 0.0
        for year in model.forecast_years:
            seg["forecast"][str(year)] = {"growth": 0.0, "margin": margin}
    if segments and not any("net_profit" in v for e in segments.values() for v in e["years"].values()):
        plan.notes.append(Message("segment net profits are not in the sources: they start at 0; set them "
                                  "(the company's reported net profit sits in non-operating profit until then)",
                                  "import_no_segment_profits"))
    return Model.from_dict(model.doc), plan
