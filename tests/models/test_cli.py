"""The headless CLI: JSON/CSV output, exit codes, one-line errors."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from models import load_model, sensitivity_grid, valuate
from models.__main__ import main

from test_sample import ROOT, SAMPLE


def run(*args):
    return subprocess.run([sys.executable, "-m", "models", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_value_json_shape_and_numbers():
    proc = run("value", SAMPLE, "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) >= {"market_cap", "ddm", "dynamic", "multiples", "warnings"}
    assert round(doc["ddm"]["total"], 2) == 695.41 and doc["ddm"]["status"] == "overvalued"
    assert round(doc["dynamic"]["total"], 2) == 576.69 and doc["dynamic"]["status"] == "severely_overvalued"
    assert set(doc["ddm"]["segments"][0]) >= {"name", "forecast_value", "perpetual_value", "business_value"}
    assert set(doc["dynamic"]["segments"][0]) >= {"name", "earnings_base", "multiple", "explicit_value",
                                                  "post_explicit_value", "business_value"}
    for key in ("excess_cash", "minority_interest", "equity_investments", "total", "upside", "status"):
        assert key in doc["ddm"] and key in doc["dynamic"]
    assert set(doc["multiples"]) >= {"ps", "pe", "pb"}
    assert doc["ddm"]["segments"][0]["name"] == "医学影像设备及放射治疗设备（国内）"


def test_value_csv_to_file_has_bom_and_chinese(tmp_path):
    out = tmp_path / "v.csv"
    assert main(["value", str(SAMPLE), "--csv", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    total = [r for r in rows if r[0] == "ddm" and r[1] == "total"][0]
    assert round(float(total[8]), 2) == 695.41 and total[10] == "overvalued"
    assert any(r[1] == "维保业务及其他" for r in rows)


def test_sensitivity_grid_csv_matches_the_engine(tmp_path):
    out = tmp_path / "g.csv"
    code = main(["sensitivity", str(SAMPLE), "--x", "discount_rate_shift:-0.02:0.02:5",
                 "--y", "terminal_growth:0.01:0.05:3", "--csv", "--out", str(out)])
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    grid = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    expected = sensitivity_grid(load_model(SAMPLE), "discount_rate_shift", np.linspace(-0.02, 0.02, 5),
                                "terminal_growth", np.linspace(0.01, 0.05, 3))
    # Every cell is the engine's number to the 15 significant digits a CSV keeps.
    assert grid.tolist() == [[float(f"{v:.15g}") for v in row] for row in expected.tolist()]
    np.testing.assert_allclose(grid, expected, rtol=5e-15)
    # The axes read as typed: no 0.009999999999999998 from the arithmetic that spaced them.
    assert rows[0][1:] == ["-0.02", "-0.01", "0", "0.01", "0.02"]
    assert [r[0] for r in rows[1:]] == ["0.01", "0.03", "0.05"]


def test_sensitivity_json_invalid_cells_are_null():
    proc = run("sensitivity", SAMPLE, "--x", "terminal_growth:0.05:0.1:3", "--method", "ddm")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["total"][0] is not None and doc["total"][2] is None   # gT 10% > r


@pytest.mark.parametrize("content, fragment", [
    ("", "empty"), ("{", "not valid JSON"), ('{"format": "valuation-workbench-model", "version": 9}', "version"),
])
def test_bad_files_exit_2_with_one_line(tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    proc = run("value", path, "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in proc.stderr


def test_invalid_input_exits_2_naming_the_key(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["segments"][1]["forecast"]["2026"]["growth"] = -1.5
    path = tmp_path / "m.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    proc = run("value", path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: segments[1].forecast.2026.growth: must be a number greater than -1, got -1.5"


def test_missing_file_and_bad_axis():
    proc = run("value", "/nonexistent/x.json")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert proc.stderr.strip() == "error: file not found: /nonexistent/x.json"
    proc = run("sensitivity", SAMPLE, "--x", "nonsense:0:1:3")
    assert proc.returncode == 2 and "unknown driver" in proc.stderr


def test_version_flag_reads_the_single_version():
    from models import __version__
    proc = run("--version")
    assert proc.returncode == 0 and __version__ in proc.stdout
