"""The batch on a Dask cluster (issue 16 item 3): a local cluster of two
workers on the loopback interface gives the serial run's rows, row for row.

Needs the optional extra (pip install ".[distributed]"); .ci/run installs it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason='dask.distributed is not installed: pip install ".[distributed]" to run these tests')

from models.__main__ import main  # noqa: E402
from models.io import batch  # noqa: E402
from models.synthetic import sample_universe  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


@pytest.fixture(scope="module")
def client():
    """Two in-process workers (threads): quick to start, the same scheduler,
    serialization and task path as worker processes."""
    with batch.dask_client(workers=2, processes=False) as c:
        yield c
        c.cluster.close()


@pytest.fixture
def universe(tmp_path):
    folder = tmp_path / "u"
    sample_universe(folder, 23, seed=5)
    (folder / "broken.json").write_text('{"format": "valuation-workbench-model", "version": 1}', encoding="utf-8")
    (folder / "truncated.json").write_bytes(SAMPLE.read_bytes()[:500])
    return batch.find_model_files([folder])


def test_local_cluster_rows_equal_the_serial_run(client, universe):
    serial = batch.value_files(universe, chunk_size=5)
    on_dask = batch.value_files_dask(universe, client, chunk_size=5)
    assert on_dask.rows == serial.rows                      # values, errors and order, row for row
    assert len(on_dask.rows) == 25 and len(on_dask.failed) == 2 and on_dask.exit_code == 3
    workers = client.run(lambda dask_worker: len(dask_worker.data) + 1)
    assert len(workers) == 2


def test_local_cluster_with_prices_and_progress(client, universe):
    quotes = batch.parse_prices("100003.SZ,7.5\nNONE.SH,1\n")
    seen = []
    on_dask = batch.value_files_dask(universe, client, quotes=quotes, chunk_size=10,
                                     progress=lambda done, total: seen.append((done, total)))
    serial = batch.value_files(universe, quotes=quotes, chunk_size=10)
    assert on_dask.rows == serial.rows
    assert on_dask.unmatched_tickers == ["NONE.SH"] == serial.unmatched_tickers
    assert on_dask.models_without_price == serial.models_without_price
    assert seen == [(10, 25), (20, 25), (25, 25)]
    priced = [r for r in on_dask.rows if r.ticker == "100003.SZ"]
    assert len(priced) == 1 and priced[0].price == 7.5 and priced[0].price_source == "prices"


def test_cancel_stops_a_dask_run(client, universe):
    answers = iter([False, True])
    part = batch.value_files_dask(universe, client, chunk_size=10, cancelled=lambda: next(answers, True))
    assert part.cancelled and part.rows == batch.value_files(universe[:10]).rows


def test_cli_workers_2_prints_the_serial_rows(universe, tmp_path):
    """The command line with --workers 2: a LocalCluster of two worker
    processes, loopback only; the same JSON as without it."""
    folder = Path(universe[0]).parent
    serial = subprocess.run([sys.executable, "-m", "models", "batch", str(folder), "--json"], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    dask = subprocess.run([sys.executable, "-m", "models", "batch", str(folder), "--json", "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert serial.returncode == 3 and dask.returncode == 3, dask.stderr
    assert json.loads(dask.stdout) == json.loads(serial.stdout)
    assert dask.stderr == serial.stderr              # the same notes, and no log noise from Dask


def test_unreachable_scheduler_is_one_line(capsys):
    assert main(["batch", str(SAMPLE), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler at" not in err[0]
    assert "--scheduler tcp://127.0.0.1:9: cannot reach the Dask scheduler" in err[0]


def test_cli_scheduler_address_runs_there(universe, capsys):
    """--scheduler ADDRESS: a scheduler listening on the loopback interface
    (in-process workers here), reached over TCP by the command's own Client."""
    import logging

    folder = Path(universe[0]).parent
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                                  silence_logs=logging.ERROR) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert main(["batch", str(folder), "--json", "--scheduler", cluster.scheduler_address]) == 3
        on_cluster = json.loads(capsys.readouterr().out)
        tasks = cluster.scheduler.task_prefixes
        assert "value_chunk" in tasks                  # the work ran on that cluster
    assert main(["batch", str(folder), "--json"]) == 3
    assert on_cluster == json.loads(capsys.readouterr().out)
