"""Batch valuation (issue 16): models/io/batch.py and ``valuation-cli batch``.

The batch must give, for every file, what ``valuation-cli value FILE`` gives:
the same totals (bit for bit), upside and status, or the same error message.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models import ModelError, load_model, loads_model, status_for, valuate
from models.__main__ import main
from models.io import batch
from models.synthetic import sample_universe

from strategies import JSON_VALUES, model_docs

pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SAMPLE = SAMPLES / "united-imaging-688271.json"
SAMPLE_DOC = json.loads(SAMPLE.read_text(encoding="utf-8"))


def cli(*args):
    """``valuation-cli batch ARGS`` in a new process (this checkout's package)."""
    return subprocess.run([sys.executable, "-m", "models", "batch", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def expected_row(path: Path) -> dict:
    """What ``valuation-cli value`` computes for the file (or its error)."""
    try:
        model = load_model(path)
        result = valuate(model)
    except ModelError as exc:
        return {"error": str(exc)}
    return {"error": None, "ddm_total": result.ddm.total, "dynamic_total": result.dynamic.total,
            "ddm_upside": result.ddm.upside, "dynamic_upside": result.dynamic.upside,
            "ddm_status": result.ddm.status, "dynamic_status": result.dynamic.status,
            "market_cap": result.market_cap}


def same_as_valuate(row: batch.BatchRow, path: Path) -> None:
    want = expected_row(path)
    got = {k: getattr(row, k) for k in want}
    assert got == want, (path, got, want)


def write(folder: Path, name: str, doc_or_text) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def variant(**changes) -> dict:
    doc = json.loads(json.dumps(SAMPLE_DOC))
    for dotted, value in changes.items():
        node = doc
        parts = dotted.split(".")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[parts[-1]]
        else:
            node[parts[-1]] = value
    return doc


_DELETE = object()


@pytest.fixture
def coverage(tmp_path) -> Path:
    """Good, broken, nested, duplicate-ticker and ticker-less models, plus files to ignore."""
    folder = tmp_path / "coverage"
    sample_universe(folder / "good", 6, seed=3)
    write(folder, "broken/not-json.json", "{ this is not json")
    write(folder, "broken/empty.json", "")
    write(folder, "broken/r-below-g.json", variant(**{"segments.0.discount_rate": 0.01}))
    write(folder, "broken/not-a-model.json", {"hello": "world"})
    write(folder, "dup/a.json", variant(**{"company.ticker": "DUP.SZ", "market.price": 100.0}))
    write(folder, "dup/b.json", variant(**{"company.ticker": " dup.sz ", "market.price": 120.0}))
    write(folder, "no-ticker.json", variant(**{"company.ticker": _DELETE}))
    write(folder, ".hidden.json", variant())
    write(folder, ".cache/x.json", variant())
    write(folder, "notes.txt", "not a model")
    return folder


# ---------------------------------------------------------------------------
# The numbers


def test_sample_row_is_the_value_commands_numbers():
    row = batch.value_file(SAMPLE)
    same_as_valuate(row, SAMPLE)
    assert round(row.ddm_total, 2) == 695.41 and row.ddm_status == "overvalued"
    assert round(row.dynamic_total, 2) == 576.69 and row.dynamic_status == "severely_overvalued"
    assert row.company == "联影医疗" and row.ticker == "688271.SH" and row.unit == "亿元"
    assert row.price == 158.3 and row.shares == 8.241567 and row.price_source == "file"
    assert row.market_cap == 158.3 * 8.241567
    assert row.ddm_upside == row.ddm_total / row.market_cap - 1


def test_universe_rows_equal_valuate_bit_for_bit(tmp_path):
    paths = sample_universe(tmp_path, 40, seed=11)
    result = batch.value_files(paths, chunk_size=7)      # groups of both samples' shapes in each chunk
    assert [r.file for r in result.rows] == [str(p) for p in paths]
    statuses = set()
    for row, path in zip(result.rows, paths):
        same_as_valuate(row, path)
        statuses.add(row.ddm_status)
    assert result.exit_code == 0 and not result.failed
    assert len({r.ddm_total for r in result.rows}) == 40       # really different models


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(model_docs(max_segments=4, max_years=7), min_size=1, max_size=6))
def test_generated_models_in_one_chunk_equal_valuate(docs):
    """Models of mixed shapes, weights, base years, fade years and overrides
    valued side by side give each model's own valuate numbers or error."""
    items = [(f"m{i}.json", json.dumps(doc).encode()) for i, doc in enumerate(docs)]
    rows = batch.value_chunk(items)
    for (name, data), row in zip(items, rows):
        try:
            result = valuate(loads_model(data))
        except ModelError as exc:
            assert row.error == str(exc) and row.ddm_total is None
            continue
        assert row.error is None
        assert (row.ddm_total, row.dynamic_total) == (result.ddm.total, result.dynamic.total)
        assert (row.ddm_status, row.dynamic_status) == (result.ddm.status, result.dynamic.status)


def _paths(node, prefix=()):
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


SAMPLE_PATHS = list(_paths(SAMPLE_DOC))
ODD = st.sampled_from([-1.0, 0.0, -0.0, 1e308, 0.5, 0.51, 201, 2.5, -1e-9, 10, True, None, "x", "2025-13-01",
                       [], {}, 1e999])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLE_PATHS), st.one_of(ODD, JSON_VALUES))
def test_quick_loader_accepts_exactly_what_the_loader_accepts(path, value):
    """One value anywhere in the sample replaced by anything: the batch's
    loader accepts the file exactly when ``loads_model`` does, with the same
    message when it does not."""
    doc = json.loads(json.dumps(SAMPLE_DOC))
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    try:
        data = json.dumps(doc, ensure_ascii=False).encode()
    except ValueError:
        return
    try:
        want = loads_model(data)
    except ModelError as exc:
        with pytest.raises(ModelError) as got:
            batch.load_bytes(data)
        assert str(got.value) == str(exc)
        return
    assert batch.load_bytes(data).doc == want.doc


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}',                                                   # duplicate key: the loader's message
    json.dumps(SAMPLE_DOC).replace('"price": 158.3', '"price": 158.3, "price": 158.3'),
    json.dumps(SAMPLE_DOC).replace('"excess_cash": 89.8', '"excess_cash": 1e999'),   # overflows to inf
    json.dumps(SAMPLE_DOC).replace('"pe_ttm": 99.62', '"pe_ttm": NaN'),
    json.dumps(SAMPLE_DOC).replace('"version": 1', '"version": true'),
    json.dumps(SAMPLE_DOC).replace('"version": 1', '"version": 1.0'),
    json.dumps(SAMPLE_DOC).replace('"ticker": "688271.SH"', '"ticker": 688271'),
    json.dumps(SAMPLE_DOC).replace('"report_date": "2025-09-09"', '"report_date": "2025-02-30"'),
    json.dumps(SAMPLE_DOC).replace('"name": "联影医疗"', '"name": "联影医疗", "x": [1e400]'),
    "\ufeff" + json.dumps(SAMPLE_DOC),
    json.dumps(SAMPLE_DOC).replace('"price": 158.3', '"price": 158'),     # an int: valid, normalized
    json.dumps({**SAMPLE_DOC, "financials": {"basis": "quarterly"}}),
    json.dumps({**SAMPLE_DOC, "financials": {"basis": "ttm", "revenue": 10, "period": "2025"}}),
])
def test_quick_loader_edge_cases_follow_the_loader(text):
    data = text.encode("utf-8")
    try:
        want = loads_model(data)
    except ModelError as exc:
        with pytest.raises(ModelError, match=None) as got:
            batch.load_bytes(data)
        assert str(got.value) == str(exc)
        return
    got = batch.load_bytes(data)
    assert valuate(got).ddm.total == valuate(want).ddm.total


# ---------------------------------------------------------------------------
# Folders, broken files, exit codes


def test_folder_gives_one_row_per_model_file_and_broken_ones_as_rows(coverage):
    files = batch.find_model_files([coverage])
    names = [str(p.relative_to(coverage)) for p in files]
    assert ".hidden.json" not in names and not any(n.startswith(".cache") for n in names)
    assert "notes.txt" not in names
    assert len(files) == 6 + 4 + 2 + 1
    result = batch.value_files(files, chunk_size=4)
    assert len(result.rows) == len(files)
    for row, path in zip(result.rows, files):
        same_as_valuate(row, path)
    failed = {Path(r.file).name: r.error for r in result.failed}
    assert set(failed) == {"not-json.json", "empty.json", "r-below-g.json", "not-a-model.json"}
    assert "not valid JSON" in failed["not-json.json"] and "empty" in failed["empty.json"]
    assert failed["r-below-g.json"].startswith("segments[0].discount_rate")
    assert all("\n" not in e for e in failed.values())
    assert result.exit_code == 3
    assert result.duplicate_tickers == {"DUP.SZ": [str(coverage / "dup" / "a.json"), str(coverage / "dup" / "b.json")]}


def test_cli_batch_exit_3_csv_rows_and_error_lines(coverage, tmp_path, capsys):
    out = tmp_path / "cov.csv"
    assert main(["batch", str(coverage), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "4 could not be valued" in err and "exit 3" in err
    assert "ticker DUP.SZ is in 2 files" in err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(batch.BATCH_COLUMNS)
    assert len(rows) == 13
    by_name = {Path(r["file"]).name: r for r in rows}
    assert by_name["r-below-g.json"]["ddm_total"] == "" and by_name["r-below-g.json"]["error"]
    good = by_name["model-00000.json"]
    want = expected_row(coverage / "good" / "model-00000.json")
    # the CSV keeps 15 significant digits (what a spreadsheet keeps); JSON keeps every digit
    assert float(good["ddm_total"]) == float(f"{want['ddm_total']:.15g}") and good["ddm_status"] == want["ddm_status"]
    assert good["error"] == ""


def test_cli_batch_exit_0_when_every_file_is_valued_and_json_shape(tmp_path, capsys):
    sample_universe(tmp_path / "u", 3)
    assert main(["batch", str(tmp_path / "u"), "--json"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert captured.err == ""
    assert doc["summary"]["files"] == 3 and doc["summary"]["not_valued"] == 0
    assert [set(r) for r in doc["rows"]] == [set(batch.BATCH_COLUMNS)] * 3
    for r in doc["rows"]:
        same_as_valuate(batch.BatchRow(**r), Path(r["file"]))


def test_cli_batch_text_lines(capsys):
    assert main(["batch", str(SAMPLES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "联影医疗 (688271.SH)" in lines[1 if "wandong" in lines[0] else 0]
    assert "DDM 695.41 -46.7% overvalued" in "".join(lines)


@pytest.mark.parametrize("args, fragment", [
    (["/no/such/folder"], "no such file or folder"),
    (["{empty}"], "no model files"),
    (["{samples}", "--out", "{sample}"], "one of the model files being read"),
    (["{samples}", "--csv", "--out", "x.json"], "the name says JSON"),
    (["{samples}", "--seed", "3"], "--seed goes with --montecarlo"),
    (["{samples}", "--montecarlo", "0"], "must be a whole number ≥ 1"),
    (["{samples}", "--workers", "two"], "must be a whole number ≥ 1"),
])
def test_cli_batch_bad_input_is_one_line_exit_2(tmp_path, args, fragment):
    (tmp_path / "empty").mkdir()
    args = [a.format(empty=tmp_path / "empty", samples=SAMPLES, sample=SAMPLE) for a in args]
    before = SAMPLE.read_bytes()
    proc = cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], proc.stderr
    assert SAMPLE.read_bytes() == before


# ---------------------------------------------------------------------------
# Prices


def test_prices_revalue_without_touching_files_and_report_what_did_not_match(coverage, tmp_path):
    good = sorted((coverage / "good").glob("*.json"))
    before = {p: p.read_bytes() for p in coverage.rglob("*.json")}
    first = load_model(good[0])
    prices = tmp_path / "prices.csv"
    prices.write_text("ticker,price,date\n"
                      f"{first.doc['company']['ticker'].lower()},12.5,2026-11-27\n"
                      "dup.sz,50,2026-11-27\n"
                      "GONE.SH,9.9,2026-11-27\n"
                      f"{first.doc['company']['ticker']},13.0,2026-11-28\n", encoding="utf-8-sig")
    quotes = batch.read_prices(prices)
    result = batch.value_files(batch.find_model_files([coverage]), quotes=quotes)
    rows = {Path(r.file).relative_to(coverage).as_posix(): r for r in result.rows}
    row = rows["good/model-00000.json"]
    shares = first.doc["market"]["shares"]
    assert row.price == 13.0 and row.price_date == "2026-11-28" and row.price_source == "prices"   # the later date
    assert row.market_cap == 13.0 * shares
    assert row.ddm_total == valuate(first).ddm.total                   # the value does not move with the price
    assert row.ddm_upside == row.ddm_total / (13.0 * shares) - 1
    assert row.ddm_status == status_for(row.ddm_upside)
    for name in ("dup/a.json", "dup/b.json"):
        assert rows[name].price == 50.0 and rows[name].price_source == "prices"
    assert result.unmatched_tickers == ["GONE.SH"]
    without = {Path(f).relative_to(coverage).as_posix() for f in result.models_without_price}
    assert without == {f"good/model-{i:05d}.json" for i in range(1, 6)} | {"no-ticker.json"}
    assert rows["good/model-00001.json"].price_source == "file"
    assert {p: p.read_bytes() for p in coverage.rglob("*.json")} == before


def test_revalue_equals_a_run_at_those_prices(coverage):
    files = batch.find_model_files([coverage])
    quotes = batch.parse_prices("DUP.SZ,80\n" + "".join(f"{100000 + i:06d}.SZ,{5 + i}\n" for i in range(6)))
    plain = batch.value_files(files)
    again = batch.revalue(plain.rows, quotes)
    direct = batch.value_files(files, quotes=quotes)
    assert again.rows == direct.rows
    assert again.models_without_price == direct.models_without_price and "no-ticker.json" in again.models_without_price[0]
    assert plain.rows != direct.rows


def test_cli_prices_notes_on_stderr(coverage, tmp_path):
    prices = tmp_path / "p.csv"
    prices.write_text("DUP.SZ,80\nNOPE.SH,1\n", encoding="utf-8")
    proc = cli(coverage / "dup", coverage / "no-ticker.json", "--prices", prices, "--csv")
    assert proc.returncode == 0, proc.stderr
    assert "1 ticker in" in proc.stderr and "match no model: NOPE.SH" in proc.stderr
    assert "1 model got no price" in proc.stderr and "no-ticker.json" in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["price"] for r in rows] == ["80", "80", str(SAMPLE_DOC["market"]["price"])]


@pytest.mark.parametrize("text, fragment", [
    ("A,abc\n", "line 1: the price 'abc' is not a number"),
    ("ticker,price\nA,-3\n", "line 2: the price must be a number greater than 0"),
    ("A,1,2026-02-30\n", "line 1: the date '2026-02-30' is not YYYY-MM-DD"),
    ("A,1\nA,2\n", "line 2: A has a second price"),
    ("A,1,2,3\n", "expected ticker,price[,date]"),
    (",5\n", "the ticker is empty"),
])
def test_bad_prices_file_is_one_line_exit_2(tmp_path, text, fragment):
    prices = tmp_path / "p.csv"
    prices.write_text(text, encoding="utf-8")
    proc = cli(SAMPLE, "--prices", prices)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], proc.stderr


def test_same_price_twice_and_dates_choose():
    quotes = batch.parse_prices("A,1\nA,1\nB,2,2026-01-02\nb,3,2026-01-01\n")
    assert quotes["A"].price == 1 and quotes["B"].price == 2 and quotes["B"].date == "2026-01-02"


# ---------------------------------------------------------------------------
# Progress and cancelling (what the GUI's coverage page uses)


def test_progress_is_reported_per_chunk_and_cancel_stops_with_what_was_done(tmp_path):
    paths = sample_universe(tmp_path, 10)
    seen = []
    parts = []
    result = batch.value_files(paths, chunk_size=4, progress=lambda done, total: seen.append((done, total)),
                               on_rows=parts.append)
    assert seen == [(4, 10), (8, 10), (10, 10)] and not result.cancelled
    assert [len(p) for p in parts] == [4, 4, 2] and [r for p in parts for r in p] == result.rows
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    part = batch.value_files(paths, chunk_size=4, cancelled=cancelled)
    assert part.cancelled and part.rows == result.rows[:4]


# ---------------------------------------------------------------------------
# Monte Carlo


def test_montecarlo_unavailable_says_so(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "models.analysis.montecarlo", None)    # import fails
    assert main(["batch", str(SAMPLE), "--montecarlo", "100"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Monte Carlo engine (models/analysis/montecarlo.py)" in err[0]


def test_montecarlo_columns_from_the_engine_at_the_batch_price(monkeypatch, tmp_path, capsys):
    """The batch's plumbing, with a stand-in for the engine: called once per
    valued model with its price (the --prices one), draws and seed."""
    calls = []

    def fake_engine():
        def status_probabilities(model, draws, seed):
            calls.append((model.doc["market"]["price"], draws, seed))
            probs = {code: 0.0 for code in batch.STATUS_CODES}
            probs["fair"] = 1.0
            return {"draws": draws, "seed": seed, "ddm": probs, "dynamic": dict(probs)}
        return status_probabilities

    monkeypatch.setattr(batch, "montecarlo_engine", fake_engine)
    prices = tmp_path / "p.csv"
    prices.write_text("688271.SH,100\n", encoding="utf-8")
    assert main(["batch", str(SAMPLES), "--montecarlo", "500", "--seed", "7", "--prices", str(prices), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(calls) == sorted([(100.0, 500, 7), (18.26, 500, 7)])
    assert set(batch.montecarlo_columns()) <= set(rows[0])
    assert all(r["ddm_p_fair"] == "1" and r["dynamic_p_overvalued"] == "0" for r in rows)
    assert main(["batch", str(SAMPLE), "--montecarlo", "500"]) == 0
    assert "P(ddm): fair 100%  P(dynamic): fair 100%" in capsys.readouterr().out


def test_montecarlo_too_many_draws_is_refused_before_any_work():
    if not (ROOT / "models" / "analysis" / "montecarlo.py").exists():
        pytest.skip("the Monte Carlo engine (models/analysis/montecarlo.py) is not in this build")
    from models.analysis.uncertainty import MAX_DRAWS

    proc = cli(SAMPLE, "--montecarlo", MAX_DRAWS + 1)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"from 1 to {MAX_DRAWS:,}" in lines[0], proc.stderr


def test_montecarlo_real_engine_when_present():
    if not (ROOT / "models" / "analysis" / "montecarlo.py").exists():
        pytest.skip("the Monte Carlo engine (models/analysis/montecarlo.py) is not in this build")
    from models.analysis.montecarlo import run_montecarlo

    row = batch.value_files([SAMPLE], montecarlo=batch.MonteCarloSpec(2000, 5)).rows[0]
    want = run_montecarlo(load_model(SAMPLE), draws=2000, seed=5)
    for method in batch.METHODS:
        assert row.montecarlo[method] == dict(getattr(want, method).status_probabilities)
        assert math.isclose(sum(row.montecarlo[method].values()), 1.0)


# ---------------------------------------------------------------------------
# Dask


def test_dask_missing_says_how_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["batch", str(SAMPLE), "--workers", "2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and 'pip install ".[distributed]"' in err[0]



@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_a_named_pipe_among_the_models_is_an_error_row_not_a_hang(tmp_path):
    sample_universe(tmp_path, 2)
    os.mkfifo(tmp_path / "pipe.json")
    result = batch.value_folder(tmp_path)
    rows = {Path(r.file).name: r for r in result.rows}
    assert set(rows) == {"model-00000.json", "model-00001.json", "pipe.json"}
    assert rows["pipe.json"].error and "\n" not in rows["pipe.json"].error
    assert rows["model-00001.json"].ok and result.exit_code == 3


def test_a_kernel_failure_falls_back_to_valuate_per_model(tmp_path, monkeypatch):
    """Should the shared kernel call ever fail, each model is valued alone
    (the same numbers) and the batch goes on."""
    paths = sample_universe(tmp_path, 4)
    want = batch.value_files(paths).rows

    def broken(p):
        raise FloatingPointError("boom")

    monkeypatch.setattr(batch, "_kernel", broken)
    assert batch.value_files(paths).rows == want


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_cli_batch_rerun_with_its_table_inside_the_folder(tmp_path, suffix):
    """The table written into the folder it values is not read back as a
    broken model on the next run (exit 0, the same rows)."""
    folder = tmp_path / "cover"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.json")
    out = folder / f"table{suffix}"
    first = cli(folder, "--out", out)
    assert first.returncode == 0, first.stderr
    written = out.read_bytes()
    second = cli(folder, "--out", out)
    assert second.returncode == 0, second.stderr
    assert out.read_bytes() == written
    # named explicitly as an input, it is still refused (it would be overwritten)
    third = cli(folder, out, "--out", out)
    assert third.returncode == 2 and "one of the model files being read" in third.stderr
