"""models/io/coverage.py: what a coverage table needs beside the batch engine
(which files changed, rows at imported prices, sort keys, the filter)."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from models.io import batch, coverage
from models.io.batch import BatchRow
from models.status import STATUS_CODES
from models.synthetic import sample_universe


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "universe"
    sample_universe(root, 4)
    (root / "sub").mkdir()
    (root / "sub" / "broken.json").write_text("{not json", encoding="utf-8")
    return root


def test_value_paths_gives_the_batch_rows_and_each_files_signature(folder):
    files = coverage.list_folder(folder)
    assert all(os.path.isabs(f) for f in files) and len(files) == 5
    pairs = coverage.value_paths(files)
    assert [row for row, _ in pairs] == batch.value_files(files).rows
    for (row, sig), path in zip(pairs, files):
        info = os.stat(path)
        assert row.file == path and sig == (info.st_mtime_ns, info.st_size)
    assert pairs[-1][0].error is not None and pairs[0][0].error is None


def test_folder_changes_names_new_changed_and_removed_files_only(folder):
    files = coverage.list_folder(folder)
    known = {row.file: sig for row, sig in coverage.value_paths(files)}
    assert coverage.folder_changes(folder, known) == coverage.FolderChanges(files, [], [])
    changed = Path(files[1])
    doc = json.loads(changed.read_text(encoding="utf-8"))
    doc["market"]["price"] *= 2
    changed.write_text(json.dumps(doc, ensure_ascii=False) + "\n\n", encoding="utf-8")   # another size
    os.remove(files[2])
    new = folder / "sub" / "new.json"
    new.write_text(Path(files[0]).read_text(encoding="utf-8"), encoding="utf-8")
    result = coverage.folder_changes(folder, known)
    assert result.changed == [files[1], str(new)]
    assert result.removed == [files[2]]
    assert result.files == coverage.list_folder(folder)
    # a file the watcher says changed is valued again even with the same signature
    known = {f: coverage.signature(f) for f in result.files}
    assert coverage.folder_changes(folder, known, also=[files[0]]).changed == [files[0]]


def test_rows_at_imported_prices_are_those_batch_revalue_gives(folder):
    rows = batch.value_folder(folder).rows
    good = [r for r in rows if r.ok]
    quotes = batch.parse_prices(f"ticker,price\n {good[0].ticker.lower()} ,12.5\nNOPE.SH,3\n")
    expected = batch.revalue(rows, quotes)
    assert [coverage.price_row(r, quotes) for r in rows] == expected.rows
    assert expected.rows[0].price == 12.5 and expected.rows[0].market_cap == 12.5 * good[0].shares
    report = coverage.coverage_report(rows, quotes)
    assert report.unmatched_tickers == ["NOPE.SH"]
    assert report.models_without_price == [r.file for r in good[1:]]
    assert coverage.price_row(rows[1], None) is rows[1]


def test_duplicate_tickers_are_reported_without_prices(folder):
    rows = batch.value_folder(folder).rows
    twin = BatchRow(file="twin.json", ticker=" " + rows[0].ticker.lower())
    report = coverage.coverage_report(rows + [twin])
    assert report.duplicate_tickers == {rows[0].ticker.upper(): [rows[0].file, "twin.json"]}
    assert report.unmatched_tickers == [] and report.models_without_price == []


def row(**values) -> BatchRow:
    return BatchRow(file=values.pop("file", "x.json"), **values)


def test_numbers_sort_as_numbers_and_missing_values_last():
    rows = [row(market_cap=131.6), row(market_cap=1483.3), row(market_cap=None, error="bad"), row(market_cap=9.5)]
    ordered = sorted(rows, key=lambda r: coverage.sort_value(r, "market_cap"))
    assert [r.market_cap for r in ordered] == [9.5, 131.6, 1483.3, None]
    assert coverage.sort_value(row(ddm_upside=math.nan), "ddm_upside") == math.inf


def test_statuses_sort_from_most_overvalued_to_most_undervalued_then_not_valued():
    rows = [row(ddm_status=code) for code in reversed(STATUS_CODES)] + [row(error="bad")]
    ordered = sorted(rows, key=lambda r: coverage.sort_value(r, "ddm_status"))
    assert [r.ddm_status for r in ordered] == list(STATUS_CODES) + [None]


def test_text_sorts_in_any_case_with_missing_text_last():
    rows = [row(company="beta"), row(company=None), row(company="Alpha"), row(company="")]
    ordered = sorted(rows, key=lambda r: coverage.sort_value(r, "company"))
    assert [r.company for r in ordered][:2] == ["Alpha", "beta"]


def test_the_filter_keeps_rows_by_status_method_and_words():
    a = row(file="/c/a.json", company="联影医疗 00001", ticker="100001.SZ", ddm_status="fair",
            dynamic_status="overvalued")
    broken = row(file="/c/broken.json", error="not valid JSON")
    half = row(file="/c/half.json", company="Half", ddm_status="fair", dynamic_status=None)
    assert coverage.row_matches(a) and coverage.row_matches(broken)
    assert coverage.row_matches(a, "overvalued") and not coverage.row_matches(a, "overvalued", "ddm")
    assert coverage.row_matches(a, "fair", "ddm") and not coverage.row_matches(a, "fair", "dynamic")
    assert not coverage.row_matches(broken, "fair")
    assert coverage.row_matches(broken, coverage.NOT_VALUED) and not coverage.row_matches(a, coverage.NOT_VALUED)
    assert coverage.row_matches(half, coverage.NOT_VALUED) and not coverage.row_matches(half, coverage.NOT_VALUED, "ddm")
    assert coverage.row_matches(a, text="联影 100001") and coverage.row_matches(a, text="  sz ")
    assert not coverage.row_matches(a, text="万东") and coverage.row_matches(broken, text="BROKEN")
    assert not coverage.row_matches(a, "fair", "ddm", "half")


def test_arrange_filters_then_sorts_with_missing_values_last_both_ways_and_ties_in_file_order():
    rows = [row(file="d.json", ddm_total=2.0, ddm_status="fair"), row(file="a.json", error="bad"),
            row(file="c.json", ddm_total=10.0, ddm_status="overvalued"),
            row(file="b.json", ddm_total=2.0, ddm_status="fair")]
    assert coverage.arrange(rows, "ddm_total") == [3, 0, 2, 1]
    assert coverage.arrange(rows, "ddm_total", descending=True) == [2, 3, 0, 1]
    assert coverage.arrange(rows, "file", descending=True) == [0, 2, 3, 1]
    assert coverage.arrange(rows, "ddm_status", status="fair") == [3, 0]
    assert coverage.arrange(rows, "ddm_total", status=coverage.NOT_VALUED, method="ddm") == [1]
    assert coverage.arrange(rows, "ddm_total", status=coverage.NOT_VALUED) == [3, 0, 2, 1]   # no dynamic status
    assert coverage.arrange(rows, "file", text="c.") == [2]
