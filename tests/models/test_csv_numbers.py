"""CSV numbers carry no float noise (issue 9): at most 15 significant digits,
what a spreadsheet keeps, written as the shortest text of that float; never
quoted. The sensitivity axes are spaced without noise too."""
from __future__ import annotations

import csv
import io
import json
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from models.__main__ import main
from models.csv_export import csv_cell, csv_text, read_csv_rows, write_csv
from models.sensitivity import clean_axis

from test_sample import SAMPLE

NUMBER = re.compile(r"-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?")


def significant_digits(text: str) -> int:
    match = NUMBER.fullmatch(text)
    assert match, text
    digits = (match.group(1) + (match.group(2) or "")).lstrip("0")
    return len(digits.rstrip("0")) if match.group(2) or match.group(3) else len(digits.rstrip("0") or "0")


@pytest.mark.parametrize("value, text", [
    (129.40000980000002, "129.4000098"),
    (0.009999999999999998, "0.01"),
    (0.1 + 0.2, "0.3"),
    (-0.018000000000000002, "-0.018"),
    (0.8500000000000001, "0.85"),
    (1 / 3, "0.333333333333333"),
    (2 / 3, "0.666666666666667"),
    (-1304.6400561, "-1304.6400561"),
    (np.float64(695.4125266844082), "695.412526684408"),
    (np.float32(0.5), "0.5"),
    (-1.7976931348623157e308, "-1.79769313486231e+308"),  # rounding up would overflow
    (0.9999999999999999, "1"),
    (-0.0, "0"),
    (123456789012345678, "1.23456789012346e+17"),
    (1e-300, "1e-300"),
])
def test_numbers_are_written_with_15_significant_digits(tmp_path, value, text):
    assert str(csv_cell(value)) == text
    path = tmp_path / "n.csv"
    write_csv(path, [["x", value]], header=["name", "value"])
    raw = path.read_bytes().decode("utf-8-sig")
    assert raw == f"name,value\r\nx,{text}\r\n"  # unquoted: a number in the spreadsheet
    assert read_csv_rows(path)[1] == ["x", text]


finite = st.floats(allow_nan=False, allow_infinity=False)


def to_15_digits(value) -> float:
    """The value to 15 significant digits; within a hair of the largest
    float (where rounding up overflows) the largest 15-digit number."""
    rounded = float(f"{float(value):.15g}")
    return rounded if math.isfinite(rounded) else math.copysign(1.79769313486231e308, value)


@settings(max_examples=400, deadline=None)
@given(value=finite)
def test_written_text_reads_back_as_the_value_to_15_digits(value):
    (cell,) = next(csv.reader(io.StringIO(csv_text([[value]]))))
    assert float(cell) == to_15_digits(value)
    assert significant_digits(cell) <= 15
    # The shortest such text: nothing shorter reads back as the same float.
    assert cell == "0" or cell == str(int(float(cell))) or cell == repr(float(cell))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.one_of(finite, st.integers(-10 ** 15, 10 ** 15)), min_size=1, max_size=8))
def test_rows_of_numbers_are_never_quoted(values):
    line = csv_text([values]).rstrip("\r\n")
    assert '"' not in line and "'" not in line
    assert [float(c) for c in line.split(",")] == [to_15_digits(v) for v in values]


# -- sensitivity axes ---------------------------------------------------------------
def test_clean_axis_reads_as_typed():
    raw = np.linspace(-0.02, 0.02, 41)
    assert raw[2] == -0.018000000000000002  # the noise this removes
    assert clean_axis(raw).tolist() == [round(-0.02 + 0.001 * k, 3) for k in range(41)]
    tg = 0.03 + np.linspace(-0.02, 0.02, 5)
    assert tg[0] == 0.009999999999999998
    assert clean_axis(tg).tolist() == [0.01, 0.02, 0.03, 0.04, 0.05]
    assert clean_axis(np.linspace(0.8, 1.2, 9)).tolist() == [0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15, 1.2]
    through_zero = np.linspace(-0.3, 0.1, 9)
    assert through_zero[6] == 5.551115123125783e-17
    assert clean_axis(through_zero)[6] == 0.0
    assert clean_axis(np.array([1e300, np.nan])).tolist()[0] == 1e300
    assert clean_axis(np.array([0.0, 0.0])).tolist() == [0.0, 0.0]


@settings(max_examples=200, deadline=None)
@given(start=st.floats(-1e6, 1e6), span=st.floats(1e-6, 1e6), steps=st.integers(2, 60),
       offset=st.floats(-1.0, 1.0))
def test_clean_axis_moves_values_by_noise_only(start, span, steps, offset):
    """Each value within 1e-14 of the axis's largest magnitude of the raw
    one; the order kept; the ends at most 15 significant digits."""
    raw = offset + np.linspace(start, start + span, steps)
    got = clean_axis(raw)
    scale = float(np.abs(raw).max())
    assert got.shape == raw.shape
    assert np.all(np.abs(got - raw) <= 1e-14 * scale)
    assert np.all(np.diff(got) >= 0)


def test_cli_sensitivity_axis_has_no_noise_in_csv_and_json(tmp_path, capsys):
    out = tmp_path / "s.csv"
    assert main(["sensitivity", str(SAMPLE), "--x", "discount_rate_shift:-0.02:0.02:41",
                 "--csv", "--out", str(out)]) == 0
    rows = read_csv_rows(out)
    xs = [r[0] for r in rows[1:]]
    assert xs[:4] == ["-0.02", "-0.019", "-0.018", "-0.017"] and xs[20] == "0"
    for row in rows[1:]:
        for cell in row:
            assert significant_digits(cell) <= 15, cell
    assert main(["sensitivity", str(SAMPLE), "--x", "discount_rate_shift:-0.02:0.02:41", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["x_values"][2] == -0.018 and doc["x_values"][13] == -0.007
    assert all(len(repr(v)) <= 7 for v in doc["x_values"]), doc["x_values"]
    assert all(math.isfinite(v) for v in doc["total"])
