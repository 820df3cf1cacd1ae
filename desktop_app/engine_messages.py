"""The engine's refusals and notes beyond opening a file and typing a cell,
in the UI's language.

Like the loader's errors (desktop_app/load_errors.py) and a refused typed
value (desktop_app/refusals.py), the engine says what is wrong with a ``code``
and ``params``: on an error (``ScenarioError``, ``AttributionError``, an
import's ``SourceError`` …) or on a ``models.errors.Message`` (a note, an
error kept in a result dict). :func:`text` turns either into the sentence the
user reads: values as the tables show them, segments by their names in the
current language, key paths as the tables label the cell. A code not known
here falls back to the engine's English text, never to nothing.
"""
from __future__ import annotations

import errno
import os

from PySide6.QtCore import QCoreApplication

from desktop_app import i18n, refusals
from desktop_app.i18n import fill
from desktop_app.numbers import PERCENT
from models.paths import path_text


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)   # the context lupdate gives a module's tr()


def translate(context: str, text: str) -> str:
    """A string of another context (the dialog or editor it was first written for)."""
    return QCoreApplication.translate(context, text)


def _names(model) -> list:
    return i18n.segment_names(model) if model is not None else []


def field_label(rest: tuple) -> str:
    """A key inside a segment or the company as the tables label it
    (``forecast.2026.growth`` → "Revenue growth · 2026E"), else its key path."""
    from desktop_app.qt_models.forecast import display_unit, row_label, year_label
    from desktop_app.qt_models.parameters import company_param_label, segment_param_label
    unit = display_unit("亿元")
    try:
        if len(rest) == 3 and rest[0] in ("forecast", "actuals") and rest[2] in (
                "revenue", "growth", "net_profit", "margin"):
            return f"{row_label(rest[2], unit)} · {year_label(int(rest[1]), rest[0] == 'actuals')}"
        if len(rest) == 1:
            return segment_param_label(rest[0])
        if len(rest) == 2 and rest[0] in ("market", "valuation", "company"):
            return company_param_label(rest, unit)
    except (KeyError, ValueError):
        pass
    return path_text(rest)


def where_text(location: tuple, path: str, segment_names) -> str:
    """Where a key of the document is, as the user reads it: the segment by
    its name and the field by its table label."""
    if len(location) >= 2 and location[0] == "segments" and isinstance(location[1], int) \
            and 0 <= location[1] < len(segment_names) and isinstance(segment_names[location[1]], str):
        name = segment_names[location[1]]
        return f"{name} · {field_label(location[2:])}" if location[2:] else name
    if location and location[0] in ("market", "valuation", "company"):
        return field_label(location)
    if location[:1] == ("uncertainty",):
        return uncertainty_where(location[1:])
    if location == ("years",) or (len(location) == 2 and location[0] == "years"):
        return tr("the model's years")
    if location == ("first_forecast_year",):
        return tr("the first forecast year")
    return path or tr("the document")


def kind_text(params: dict) -> str | None:
    """A value of the wrong kind (a "type" issue's ``params``: what the format
    expects there and what the file holds): "must be a number; the file has
    the text “abc”", or None when the params do not say."""
    expected = {
        "number": lambda: tr("must be a number"),
        "integer": lambda: tr("must be a whole number"),
        "year": lambda: tr("must be a year (a whole number)"),
        "text": lambda: tr("must be text"),
        "object": lambda: tr("must be a group of keys (a JSON object)"),
        "list": lambda: tr("must be a list"),
    }.get(params.get("expected"))
    found = {
        "text": lambda: fill(tr("the file has the text “%1”"), params.get("found_text", "")),
        "boolean": lambda: tr("the file has true or false"),
        "null": lambda: tr("the file has null (no value)"),
        "list": lambda: tr("the file has a list"),
        "object": lambda: tr("the file has a group of keys"),
        "number": lambda: tr("the file has a number"),
    }.get(params.get("found"))
    if expected is None:
        return None
    return fill(tr("%1; %2"), expected(), found()) if found is not None else expected()


def where(path, model=None, names=None) -> str:
    """A key path of the model as the tables label its cell: the segment by
    its name (``names``: the names to use, else ``model``'s; a segment the
    model does not have by its number), the field by its row or column
    label, a key of the uncertainty settings as their editor labels it."""
    location = tuple(path or ())
    if location[:1] == ("uncertainty",):
        drivers = []
        if model is not None and isinstance(model.doc.get("uncertainty"), dict):
            drivers = list(model.doc["uncertainty"].get("drivers") or [])
        return uncertainty_where(location[1:], drivers)
    names = list(names) if names is not None else _names(model)
    if len(location) >= 2 and location[0] == "segments" and isinstance(location[1], int) \
            and not isinstance(location[1], bool) and not 0 <= location[1] < len(names):
        segment = fill(tr("segment %1"), location[1] + 1)
        return f"{segment} · {field_label(location[2:])}" if location[2:] else segment
    return where_text(location, path_text(location), names)


def _span(years) -> str:
    years = list(years or [])
    return f"{years[0]}–{years[-1]}" if years else "—"


def _segment(model, index) -> str:
    names = _names(model)
    if isinstance(index, int) and 0 <= index < len(names):
        return names[index]
    return fill(tr("segment %1"), int(index) + 1 if isinstance(index, int) else index)


def _issue(issue, model) -> str:
    """One broken rule of a model (a scenario's, say): the cell and the rule."""
    names = _names(model)
    said = scenario_issue_text(issue, names)
    if said is not None:
        return said
    return refusals.issue_text(issue, lambda location: None,
                               lambda location, path: where_text(location, path, names))


def _issues(issues, model) -> str:
    issues = list(issues or [])
    if not issues:
        return ""
    first = _issue(issues[0], model).rstrip("。.")
    if len(issues) > 1:
        return fill(tr("%1 (and %2 more)"), first, len(issues) - 1)
    return first


# --- the uncertainty settings (the "uncertainty" key) ---------------------------------------------

def uncertainty_param_names() -> dict[str, str]:
    return {"mean": translate("UncertaintyEditor", "Mean"), "sd": translate("UncertaintyEditor", "SD"),
            "low": translate("UncertaintyEditor", "Low"), "mode": translate("UncertaintyEditor", "Mode"),
            "high": translate("UncertaintyEditor", "High")}


def uncertainty_where(path, drivers=()) -> str:
    """"Uncertainty · Revenue growth · SD": a key under ``uncertainty`` as the
    editor labels it (``drivers``: the uncertain drivers in order, for a
    correlation's pair)."""
    from desktop_app.analysis_text import driver_names
    path = tuple(path)
    parts = [translate("UncertaintyEditor", "Uncertainty")]
    names = driver_names()
    if path[:1] == ("draws",):
        parts.append(translate("UncertaintyEditor", "Draws"))
    elif path[:1] == ("seed",):
        parts.append(translate("UncertaintyEditor", "Seed"))
    elif path[:1] == ("drivers",) and len(path) >= 2:
        parts.append(names.get(path[1], str(path[1])))
        if len(path) >= 3:
            parts.append(uncertainty_param_names().get(
                path[2], translate("UncertaintyEditor", "Applies to") if path[2] == "segment"
                                                       else str(path[2])))
    elif path[:1] == ("correlation",):
        drivers = list(drivers)
        if len(path) >= 3 and all(isinstance(k, int) and 0 <= k < len(drivers) for k in path[1:3]):
            parts.append(fill(translate("UncertaintyEditor", "correlation of %1 and %2"),
                              names.get(drivers[path[1]], drivers[path[1]]),
                              names.get(drivers[path[2]], drivers[path[2]])))
        else:
            parts.append(translate("UncertaintyEditor", "correlations"))
    return " · ".join(parts)


# --- scenarios -----------------------------------------------------------------------------

def scenario_issue_text(issue, names=None) -> str | None:
    """A broken rule of a model's ``scenarios`` key (``check_scenarios``: its
    issue's ``params["rule"]``), or None for another issue."""
    p = getattr(issue, "params", None) or {}
    rule = str(p.get("rule", ""))
    if not rule.startswith("scenario"):
        return None
    names = list(names or [])
    name = p.get("scenario")
    label = fill(tr("scenario %1"), name) if isinstance(name, int) else fill(tr("scenario “%1”"), name)
    try:
        if rule == "scenarios_list":
            return tr("the scenarios are not a list")
        if rule == "scenario_object":
            return fill(tr("%1 is not an object with a name, a note and changes"), label)
        if rule == "scenario_name_missing":
            return fill(tr("%1 has no name (a scenario needs one)"), label)
        if rule == "scenario_name_twice":
            return fill(tr("two scenarios are named “%1”"), name)
        if rule == "scenario_note_type":
            return fill(tr("%1: the note is not text"), label)
        if rule == "scenario_changes_type":
            return fill(tr("%1: its changes are not a list of keys and values"), label)
        if rule == "scenario_change_object":
            return fill(tr("%1, change %2: a change needs a key path and a value"), label, p["change"])
        path = p.get("path")
        shown = where(path, None, names) if path else "—"
        if rule == "scenario_change_path":
            return fill(tr("%1, change %2: %3 is not a value of the model that a scenario can change"),
                        label, p["change"], shown)
        if rule == "scenario_change_twice":
            return fill(tr("%1: %2 is changed twice (changes %3 and %4)"), label, shown, p["other"], p["change"])
        if rule == "scenario_change_value":
            return fill(tr("%1, change %2: %3 must be a number"), label, p["change"], shown)
    except (KeyError, TypeError, ValueError):
        return None
    return None


def _scenario(code: str, p: dict, model) -> str | None:
    name = p.get("scenario") if p.get("scenario") is not None else ""
    if code == "scenario_unknown":
        return fill(tr("there is no scenario named “%1”"), p["name"])
    if code == "scenario_name_missing":
        return tr("a scenario needs a name")
    if code == "scenario_name_taken":
        return fill(tr("a scenario named “%1” exists already"), p["name"])
    if code == "scenario_changes_type":
        return fill(tr("scenario “%1”: its changes are not a list of keys and values"), name)
    if code == "scenario_change_path":
        path = p.get("path")
        shown = where(path, model) if path else "—"
        return fill(tr("scenario “%1”, change %2: %3 is not a value of the model that a scenario can change"),
                    name, p["change"], shown)
    if code == "scenario_change_value":
        return fill(tr("scenario “%1”, change %2: %3 must be a number"), name, p["change"], where(p["path"], model))
    if code == "scenario_invalid":
        return fill(tr("scenario “%1”: %2"), name, _issues(p.get("issues"), model))
    if code == "scenario_list_invalid":
        return fill(tr("the list of scenarios would break a rule: %1"), _issues(p.get("issues"), model))
    if code == "scenario_structure":
        if p["key"] == "years":
            return fill(tr("a scenario cannot change the years: the base has %1, the inputs %2"),
                        _span(p["base"]), _span(p["edited"]))
        return fill(tr("a scenario cannot change the first forecast year: the base has %1, the inputs %2"),
                    p["base"], p["edited"])
    if code == "scenario_segments":
        return fill(tr("a scenario cannot add or remove segments: the base has %1, the inputs have %2; "
                       "switch to the base or save the file first"), p["base"], p["edited"])
    if code == "scenario_top_keys":
        return fill(tr("a scenario cannot add or remove parts of the model (%1)"), ", ".join(map(str, p["keys"])))
    if code == "scenario_whole":
        return tr("a scenario cannot replace the whole model")
    return None


# --- attribution ---------------------------------------------------------------------------

def group_labels() -> dict[str, str]:
    """The attribution's input groups (``models.analysis.attribution.GROUPS``), for the user."""
    return {
        "growth": QCoreApplication.translate("Groups", "Growth"),
        "margin": QCoreApplication.translate("Groups", "Margin"),
        "actuals": QCoreApplication.translate("Groups", "Actuals"),
        "discount_rate": QCoreApplication.translate("Groups", "Discount rate"),
        "roe": QCoreApplication.translate("Groups", "ROE"),
        "fade": QCoreApplication.translate("Groups", "Fade"),
        "terminal_growth": QCoreApplication.translate("Groups", "Terminal growth"),
        "multiple": QCoreApplication.translate("Groups", "Multiple"),
        "cash_and_claims": QCoreApplication.translate("Groups", "Cash and claims"),
        "settings": QCoreApplication.translate("Groups", "Company settings"),
    }



def _attribution(code: str, p: dict, model) -> str | None:
    if code == "attribution_years":
        return fill(tr("the two versions have different years: A %1, B %2"), _span(p["a"]), _span(p["b"]))
    if code == "attribution_first_year":
        return fill(tr("the two versions have different first forecast years: A %1, B %2"), p["a"], p["b"])
    if code == "attribution_segments":
        return fill(tr("the two versions have different segments: A has %1, B has %2 (segments are compared "
                       "by position)"), p["a"], p["b"])
    if code == "attribution_joint_limit":
        return fill(tr("%1 input groups differ, more than the joint split can value (%2)"), p["groups"], p["limit"])
    if code == "attribution_undefined":
        labels = group_labels()
        method = tr("DDM") if p["method"] == "ddm" else tr("dynamic")
        parts = [labels.get(g, g) if seg is None else f"{_segment(model, seg)} · {labels.get(g, g)}"
                 for seg, g in p.get("b_groups") or []]
        mix = fill(tr("B's %1 with A's other inputs"), tr(", ").join(parts)) if parts else tr("A's inputs")
        segment = _segment(model, p["segment"])
        if p.get("reason") == "rate":
            why = fill(tr("the discount rate of %1 (%2) is not above its terminal growth (%3)"), segment,
                       refusals.shown(p["discount_rate"], PERCENT, p["terminal_growth"]),
                       refusals.shown(p["terminal_growth"], PERCENT, p["discount_rate"]))
        else:
            why = fill(tr("the value of %1 is too large to compute"), segment)
        return fill(tr("the %1 split is undefined: with %2, %3"), method, mix, why)
    return None


# --- imports (models/io/imports) --------------------------------------------------------------

def import_item_labels() -> dict[str, str]:
    """Names of the figures an import brings that the tables do not show."""
    return {
        "revenue": translate("ImportMessages", "Revenue"),
        "net_profit": translate("ImportMessages", "Net profit"),
        "gross_profit": translate("ImportMessages", "Gross profit"),
        "total_revenue": translate("ImportMessages", "Total revenue"),
        "operating_cost": translate("ImportMessages", "Operating cost"),
        "total_profit": translate("ImportMessages", "Total profit"),
        "minority_profit": translate("ImportMessages", "Minority interests' profit"),
        "total_equity": translate("ImportMessages", "Total equity"),
        "minority_equity": translate("ImportMessages", "Minority interests"),
        "cash": translate("ImportMessages", "Cash"),
        "total_assets": translate("ImportMessages", "Total assets"),
        "total_liabilities": translate("ImportMessages", "Total liabilities"),
        "capital_expenditure": translate("ImportMessages", "Capital expenditure"),
        "net_profit_attributable": translate("ImportMessages", "Net profit attributable"),
        "equity": translate("ImportMessages", "Equity"),
        "period": translate("ImportMessages", "Period"),
        "basis": translate("ImportMessages", "Basis"),
        "source": translate("ImportMessages", "Source"),
    }


def source_name(file: str) -> str:
    """A source as the engine names it ("path [sheet]") shown by its file name (and sheet)."""
    file = str(file)
    path, _, sheet = file.partition(" [")
    return os.path.basename(path) + (" [" + sheet if sheet else "")


def _quoted(value) -> str:
    return fill(tr("“%1”"), value)


def _metric(key: str) -> str:
    from desktop_app.qt_models.history import metric_labels
    return import_item_labels().get(key) or metric_labels().get(key) or key


def os_error_text(errno_code, detail: str = "", writing: bool = False) -> str:
    """An operating system's refusal to read (or, ``writing``, to write) a
    file, in the UI's language; the system's own words only for an error not
    known here."""
    if writing:
        known = {
            errno.ENOENT: lambda: tr("the folder does not exist"),
            errno.ENOTDIR: lambda: tr("a part of the path is not a folder"),
            errno.EACCES: lambda: tr("permission denied: you may not write there"),
            errno.EPERM: lambda: tr("permission denied: you may not write there"),
            errno.EROFS: lambda: tr("the disk is read-only"),
            errno.ENOSPC: lambda: tr("the disk is full"),
            errno.EDQUOT: lambda: tr("the disk quota is used up"),
            errno.EISDIR: lambda: tr("it is a folder, not a file"),
            errno.ENAMETOOLONG: lambda: tr("the path is too long"),
            errno.EEXIST: lambda: tr("a file of that name is in the way"),
        }.get(errno_code)
        return known() if known is not None else fill(tr("it cannot be written: %1"), detail)
    known = {
        errno.ENOENT: lambda: tr("the file does not exist"),
        errno.EACCES: lambda: tr("permission denied: you may not read this file"),
        errno.EPERM: lambda: tr("permission denied: you may not read this file"),
        errno.EISDIR: lambda: tr("it is a folder, not a file"),
        errno.ENOTDIR: lambda: tr("the file does not exist (a part of the path is not a folder)"),
        errno.ELOOP: lambda: tr("too many levels of symbolic links"),
        errno.ENAMETOOLONG: lambda: tr("the path is too long"),
    }.get(errno_code)
    return known() if known is not None else fill(tr("it cannot be read: %1"), detail)


def os_error(exc: OSError, writing: bool = False) -> str:
    """An ``OSError`` said in the UI's language (without the path: the
    caller names the file as the user knows it)."""
    return os_error_text(getattr(exc, "errno", None), getattr(exc, "strerror", None) or str(exc), writing)


def os_error_at(path, exc: OSError, writing: bool = False) -> str:
    """"“<path>”: <the system's refusal>" in the UI's language."""
    return fill(tr("“%1”: %2"), path, os_error(exc, writing))


def _import(code: str, p: dict, model) -> str | None:
    if not code.startswith("import_"):
        return None
    simple = {
        "import_empty": lambda: translate("ImportMessages", "the file is empty"),
        "import_binary": lambda: translate("ImportMessages",
                                           "an old .xls workbook or another binary file: save it as .xlsx or as CSV "
                                    "(UTF-8 or GBK)"),
        "import_bad_xlsx": lambda: translate("ImportMessages", "not a readable .xlsx workbook"),
        "import_no_unit": lambda: translate("ImportMessages",
                                            "no unit stated for an amount: fill the unit column (元, 万元, 亿元) or "
                                     "choose the unit above"),
        "import_needs_market": lambda: translate("ImportMessages",
                                                 "The sources give no share price or share count: enter them above."),
        "import_empty_cell": lambda: tr("the cell is empty"),
        "import_bad_csv": lambda: tr("not a readable CSV table"),
        "import_no_table": lambda: tr("no table found (no row with two or more cells)"),
        "import_no_annual_segments": lambda: tr("no annual segment rows (报告日期 …-12-31) to import"),
        "import_nothing_annual": lambda: tr("the sources hold no annual revenue or segment figures to build a "
                                            "model from"),
        "import_no_segment_profits": lambda: tr("segment net profits are not in the sources: they start at 0; set "
                                                "them (until then the company's reported net profit sits in "
                                                "non-operating profit)"),
    }
    if code in simple:
        return simple[code]()
    if code == "import_not_number":
        return fill(translate("ImportMessages", "expected a number, found the text %1"), _quoted(p["found"]))
    if code == "import_not_finite":
        return fill(translate("ImportMessages", "expected a finite number, found %1"), _quoted(p["found"]))
    if code == "import_period":
        return fill(translate("ImportMessages", "expected a period such as 20241231, 2024-12-31, 2024 or 2025H1, "
                                                "found %1"), _quoted(p["found"]))
    if code == "import_not_quarter_end":
        return fill(tr("%1 is not the end of a quarter (03-31, 06-30, 09-30 or 12-31)"), _quoted(p["found"]))
    if code == "import_layout":
        return fill(translate("ImportMessages", "not a layout the import knows. Expected the columns of a Tushare Pro "
                       "export (end_date and fields such as total_revenue, n_income_attr_p), of the East Money "
                       "main-business composition (报告日期, 分类类型, 主营构成, 主营收入) or of our template (item, "
                       "segment, period, value, unit). Columns found: %1"), ", ".join(map(str, p["found"])) or "—")
    if code == "import_encoding":
        return fill(translate("ImportMessages", "the text is neither UTF-8 nor GBK (byte %1 cannot be read)"),
                    p["byte"])
    if code == "import_money_unit":
        return fill(translate("ImportMessages", "unknown money unit %1; use 元, 千元, 万元, 百万元 or 亿元"),
                    _quoted(p["unit"]))
    if code == "import_model_unit":
        return fill(tr("the model's unit %1 is not a money unit the import knows (元, 千元, 万元, 百万元, 亿元)"),
                    _quoted(p["unit"]))
    if code == "import_several_companies":
        return fill(translate("ImportMessages", "the file holds several companies (%1); import one company at a time"),
                    ", ".join(p["codes"]))
    if code == "import_os_error":
        return os_error_text(p.get("errno"), str(p.get("detail", "")))
    if code == "import_too_large":
        return fill(tr("the file is %1 MB, larger than a statement export can be"),
                    f"{int(p['size']) / (1024 * 1024):,.1f}")
    if code == "import_segment_item":
        return fill(tr("unknown segment item %1; use revenue (营业收入), net_profit (净利润) or gross_profit (毛利)"),
                    _quoted(p["found"]))
    if code == "import_item":
        return fill(tr("unknown item %1: neither a company item of the template nor a history metric"),
                    _quoted(p["found"]))
    if code == "import_ratio_unit":
        return fill(tr("%1 is a ratio: its unit is empty (a decimal) or %, found %2"), _metric(p["item"]),
                    _quoted(p["found"]))
    if code == "import_share_unit":
        return fill(tr("shares need a unit (股, 万股 or 亿股), found %1"),
                    _quoted(p["found"]) if p["found"] else "—")
    if code == "import_price_unit":
        return fill(tr("the price is in 元 per share, found the unit %1"), _quoted(p["found"]))
    if code == "import_no_rows":
        if p.get("other_types"):
            return tr("no statement rows to import (only rows of other report types than the consolidated "
                      "statement)")
        return tr("no statement rows to import")
    if code == "import_classification":
        return fill(translate("ImportMessages", "%1 has no 分类类型 “%2”; it has: %3"), source_name(p["file"]),
                    p["wanted"],
                    ", ".join(p["known"]))
    if code == "import_market_value":
        what = tr("the share price") if p["what"] == "price" else tr("the share count")
        return fill(tr("%1 must be a number greater than 0"), what)
    # notes about what the import did
    if code == "import_repeated_segment_row":
        rows = p["rows"]
        return fill(tr("%1: %2 %3 %4 appears in rows %5 and %6; the later row is used"), source_name(p["file"]),
                    p["classification"], p["name"], p["year"], rows[0], rows[1])
    if code == "import_interim_segment_rows":
        return fill(tr("%1: %2 rows of interim periods left out: segment actuals are annual"),
                    source_name(p["file"]), p["count"])
    if code == "import_revisions":
        return fill(tr("%1: %2 appears %3 times; kept row %4 (the latest revision)"), source_name(p["file"]),
                    p["period"], p["count"], p["row"])
    if code == "import_other_report_types":
        return fill(tr("%1: skipped %2 rows that are not the consolidated statement"), source_name(p["file"]),
                    p["count"])
    if code == "import_replaces":
        return fill(tr("%1 %2: %3 replaces the figure from %4"), p["period"], _metric(p["metric"]),
                    source_name(p["file"]), source_name(p["previous"]))
    if code == "import_no_ttm":
        needs = p["needs"]
        return fill(tr("%1: no trailing twelve months (they need %2 and %3); the financials are left as they are"),
                    p["period"], needs[0], needs[1])
    if code == "import_years_left_out":
        return fill(tr("segment figures for %1 left out: they are not actual years of the model"),
                    tr(", ").join(str(y) for y in p["years"]))
    return None


# --- a prices file (models/io/batch.read_prices) ------------------------------------------------

def _prices(code: str, p: dict, model) -> str | None:
    if code == "batch_not_found":
        return fill(tr("%1: no such file or folder"), p["path"])
    if not code.startswith("prices_"):
        return None
    if code == "prices_os_error":
        return os_error_text(p.get("errno"), str(p.get("detail", "")))
    if code == "prices_not_utf8":
        return fill(tr("it is not UTF-8 text (byte %1 cannot be read)"), p["byte"])
    what = {
        "prices_cells": lambda: fill(tr("expected ticker,price or ticker,price,date; found %1 cells"), p["count"]),
        "prices_empty_ticker": lambda: tr("the ticker is empty"),
        "prices_not_number": lambda: fill(tr("the price %1 is not a number"), _quoted(p["found"])),
        "prices_not_positive": lambda: fill(tr("the price must be greater than 0; found %1"), p["found"]),
        "prices_date": lambda: fill(tr("the date %1 is not a date such as 2025-06-30"), _quoted(p["found"])),
        "prices_second_price": lambda: fill(tr("%1 has a second price (%2; line %3 says %4) and no later date to "
                                               "choose by"), p["ticker"], p["price"], p["other_line"],
                                            f"{float(p['other_price']):g}"),
    }.get(code)
    if what is None:
        return None
    return fill(tr("line %1: %2"), p["line"], what())


_FAMILIES = (_scenario, _attribution, _import, _prices)


def text(message, model=None) -> str:
    """What the engine said (an error, or a ``Message``) in the UI's language;
    ``model``: the open model, for segment names. The English text when the
    code is not one known here."""
    if message is None:
        return ""
    code = getattr(message, "code", "") or ""
    params = getattr(message, "params", None) or {}
    if code:
        for family in _FAMILIES:
            try:
                said = family(code, params, model)
            except (KeyError, TypeError, ValueError, IndexError):
                said = None
            if said is not None:
                return said
    return str(message)

