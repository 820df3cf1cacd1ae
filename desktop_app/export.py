"""CSV export of the valuation page's tables: the engine builds the tables
(:mod:`models.tables`, :func:`models.facts.company_facts`); this module only
puts the user's words on them (headers, row labels, in the UI's language) and
writes them in the engine's CSV dialect."""
from __future__ import annotations

import math
import os
import re
from typing import Any

from models import csv_export, forecast as engine_forecast, tables
from models.facts import company_facts
from models.status import status_label
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.qt_models.base import tr
from desktop_app.qt_models.forecast import company_row_label, display_unit, row_label, year_label
from desktop_app.qt_models.parameters import company_param_label, segment_param_label
from desktop_app.qt_models.results import DynamicResultTableModel, mode_labels, result_column_label, total_label

Rows = tuple[list[str], list[list[Any]]]


def _cell(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


_CJK_BREAK = re.compile(r"(?<=[\u3400-\u9fff])\n(?=[\u3400-\u9fff])")


def _one_line(label: str) -> str:
    """A table's two- or three-line header as one line: a hyphen's break
    closes up, a break between Chinese characters goes ("显性期价值"), any
    other becomes a space ("Business value")."""
    return _CJK_BREAK.sub("", label).replace("-\n", "-").replace("\n", " ")


def _years(model) -> list[str]:
    ffy = model.first_forecast_year
    return [year_label(y, y < ffy) for y in model.years]


def labelled_tables(state) -> dict[str, Rows]:
    """Every exported table as (header, rows), by file-name suffix."""
    model, result = state.model, state.result
    unit = display_unit(model.unit)
    names = i18n.segment_names(model)   # the tables list the segments in the model's order
    per_segment = len(engine_forecast.ROWS)
    out: dict[str, Rows] = {}
    t = tables.segment_forecasts(model, state.segment_tables)
    out["segment_forecasts"] = ([tr("Segment"), tr("Item")] + _years(model),
                                [[names[n // per_segment], row_label(key, unit)] + [_cell(v) for v in values]
                                 for n, ((_, key), values) in enumerate(t.rows)])
    t = tables.company_totals(model, state.company_table)
    out["company_totals"] = ([tr("Item")] + _years(model),
                             [[company_row_label(key, unit)] + [_cell(v) for v in values]
                              for (key,), values in t.rows])
    t = tables.segment_parameters(model)
    out["segment_parameters"] = ([tr("Segment")] + [segment_param_label(k) for k in t.columns],
                                 [[names[n]] + [_cell(v) for v in values] for n, (_, values) in enumerate(t.rows)])
    t = tables.company_parameters(model)
    out["company_parameters"] = ([tr("Item"), tr("Value")],
                                 [[company_param_label(path, unit)] + [_cell(v) for v in values]
                                  for (path,), values in t.rows])
    if result is not None:
        for name, t in (("ddm", tables.ddm_table(model, result)), ("dynamic", tables.dynamic_table(model, result))):
            header = [tr("Segment")] + [_one_line(result_column_label(k)) for k in t.columns]
            rows = [[total_label(unit) if key == tables.TOTAL and n == len(t.rows) - 1 else names[n]]
                    + [_cell(v) for v in values] for n, ((key,), values) in enumerate(t.rows)]
            if name == "dynamic":
                _add_multiple_modes(header, rows, result.dynamic.segments)
            out[name] = (header, rows)
    out["header"] = header_rows(model, result)
    return out


def _add_multiple_modes(header: list, rows: list, segments) -> None:
    """The dynamic table's justified multiple and multiple used, after the
    composite multiple, as the app's table shows them (``NM`` where there is no
    justified multiple; blank on the company lines)."""
    columns = DynamicResultTableModel.COLUMNS
    at = columns.index("justified_multiple") + 1     # + the segment column
    header[at:at] = [_one_line(result_column_label(k)) for k in ("justified_multiple", "multiple_mode")]
    labels = mode_labels()
    for n, row in enumerate(rows):
        seg = segments[n] if n < len(segments) else None
        if seg is None:
            row[at:at] = [None, None]
        else:
            row[at:at] = ["NM" if seg.justified_multiple is None else seg.justified_multiple,
                          labels.get(seg.mode, seg.mode)]


def header_rows(model, result) -> Rows:
    """The header block (company facts, each method's value, upside, status)."""
    facts = company_facts(model, result)

    def multiple(m):
        return "NM" if m.not_meaningful else m.value

    rows = [
        [tr("Company"), i18n.company_name(model)],
        [tr("Ticker"), facts.ticker],
        [tr("Industry"), facts.industry],
        [tr("Unit"), display_unit(facts.unit)],
        [tr("Share price"), facts.price],
        [fill(tr("Market cap (%1)"), display_unit(facts.unit)), facts.market_cap],
        [tr("PE-TTM"), multiple(facts.pe)],
        [tr("PB-MRQ"), multiple(facts.pb)],
    ]
    titles = {"ddm": tr("DDM"), "dynamic": tr("Dynamic")}
    for method in facts.methods:
        title = titles[method.method]
        rows.append([fill(tr("%1 value (%2)"), title, display_unit(facts.unit)), method.total])
        rows.append([fill(tr("%1 upside"), title), method.upside])
        rows.append([fill(tr("%1 status"), title), status_label(method.status, i18n.engine_lang())])
    return [tr("Item"), tr("Value")], rows


def write_tables(folder: str, stem: str, state, written: list[str] | None = None) -> list[str]:
    """Write every table to ``<folder>/<stem>_<table>.csv``; returns the paths
    written (also appended to ``written``). Raises ``OSError`` (with the path)
    on the first failure; ``written`` then holds the files already done."""
    written = [] if written is None else written
    for name, (header, rows) in labelled_tables(state).items():
        path = os.path.join(folder, f"{stem}_{name}.csv")
        csv_export.write_csv(path, rows, header)
        written.append(path)
    return written
