"""Input parsing and display formatting (reliability.md, "Input")."""
import math

import pytest

from desktop_app.numbers import (INTEGER, MONEY, MULTIPLE, NUMBER, PERCENT, ParseError, edit_text,
                                 format_value, parse_number)


@pytest.mark.parametrize("text,kind,expected", [
    ("12.5", PERCENT, 0.125),
    ("12.5%", PERCENT, 0.125),
    ("１２．５", PERCENT, 0.125),
    ("１２．５％", PERCENT, 0.125),
    (" -3 ", NUMBER, -3.0),
    ("−3", NUMBER, -3.0),           # U+2212 minus sign
    ("－3", NUMBER, -3.0),          # full-width hyphen-minus
    ("1,234.5", MONEY, 1234.5),
    ("１，２３４．５", MONEY, 1234.5),
    ("1 234.5", MONEY, 1234.5),
    ("19.36x", MULTIPLE, 19.36),
    ("19.36倍", MULTIPLE, 19.36),
    ("10", INTEGER, 10),
    ("1e3", MONEY, 1000.0),
    ("-0", MONEY, 0.0),
])
def test_accepts_what_an_analyst_types(text, kind, expected):
    value = parse_number(text, kind)
    assert value == pytest.approx(expected, rel=1e-15)
    assert math.copysign(1, value) == math.copysign(1, expected)


@pytest.mark.parametrize("text,kind,code", [
    ("abc", MONEY, "not_a_number"),
    ("", MONEY, "empty"),
    ("   ", PERCENT, "empty"),
    ("nan", MONEY, "not_finite"),
    ("NaN%", PERCENT, "not_finite"),
    ("inf", MONEY, "not_finite"),
    ("-Infinity", MONEY, "not_finite"),
    ("1e999", MONEY, "not_finite"),
    ("10.5", INTEGER, "not_integer"),
    ("12%", MONEY, "percent_not_allowed"),
    ("1_000", MONEY, "not_a_number"),
    ("12..5", PERCENT, "not_a_number"),
])
def test_rejects_what_is_not_a_finite_number(text, kind, code):
    with pytest.raises(ParseError) as info:
        parse_number(text, kind)
    assert info.value.code == code


@pytest.mark.parametrize("value,kind,text", [
    (1304.64, MONEY, "1,304.64"),
    (1234567.891, MONEY, "1,234,567.89"),
    (0.236364, PERCENT, "23.6%"),
    (-0.467, PERCENT, "-46.7%"),
    (-0.00001, PERCENT, "0.0%"),      # never "-0.0%"
    (19.36, MULTIPLE, "19.36x"),
    (10, INTEGER, "10"),
    (float("nan"), MONEY, ""),
    (float("inf"), MONEY, ""),
    (None, MONEY, ""),
])
def test_formats_for_display(value, kind, text):
    assert format_value(value, kind) == text


@pytest.mark.parametrize("value,kind", [(0.083, PERCENT), (0.236364, PERCENT), (81.6, MONEY),
                                        (1e-9, MONEY), (123456789.125, MONEY), (-0.5, PERCENT), (12, INTEGER)])
def test_edit_text_reads_back_the_same_value(value, kind):
    assert parse_number(edit_text(value, kind), kind) == pytest.approx(value, rel=1e-12)


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30), st.sampled_from([MONEY, PERCENT, MULTIPLE, NUMBER, INTEGER]))
def test_any_text_parses_to_a_finite_number_or_a_parse_error(text, kind):
    try:
        value = parse_number(text, kind)
    except ParseError as exc:
        assert exc.code in {"empty", "not_a_number", "not_finite", "not_integer", "percent_not_allowed"}
        return
    assert math.isfinite(value)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
       st.sampled_from([MONEY, PERCENT, MULTIPLE, NUMBER]))
def test_display_and_edit_text_never_crash_and_edit_text_round_trips(value, kind):
    assert isinstance(format_value(value, kind), str)
    assert parse_number(edit_text(value, kind), kind) == pytest.approx(value, rel=1e-9, abs=1e-12)
