"""models.display: names and the money unit as a reader of each language sees them."""
import pytest
from hypothesis import given, strategies as st

import models
from models import display


@pytest.mark.parametrize("unit, english", [
    ("亿元", "CNY 100m"), ("万元", "CNY 10k"), ("元", "CNY"), ("百万元", "CNY m"), ("千元", "CNY k"),
    ("千万元", "CNY 10m"), ("十亿元", "CNY bn"), ("亿港元", "HKD 100m"), ("百万美元", "USD m"),
    ("人民币元", "CNY"), (" 亿元 ", "CNY 100m"),
])
def test_units_read_in_english(unit, english):
    assert display.unit_text(unit, "en") == english
    assert display.unit_text(unit, "zh") == unit        # Chinese: as written
    assert display.unit_text(unit, "zh_CN") == unit


@pytest.mark.parametrize("unit", ["USD m", "亿股", "百亿万元", "", "元元"])
def test_a_unit_we_cannot_read_is_shown_as_written(unit):
    assert display.unit_text(unit, "en") == unit


@given(st.text(max_size=12))
def test_any_unit_gives_text_and_chinese_is_untouched(unit):
    assert display.unit_text(unit, "zh") == unit
    assert isinstance(display.unit_text(unit, "en"), str)


def test_names_follow_the_language(sample_model):
    m = sample_model
    assert display.segment_names(m, "zh") == m.segment_names
    assert display.segment_names(m, "en") == ["Imaging & radiotherapy equipment (domestic)",
                                             "Imaging & radiotherapy equipment (overseas)",
                                             "Maintenance services & other"]
    assert display.company_name(m, "en") == "Shanghai United Imaging Healthcare"
    assert display.company_name(m, "zh_CN") == "联影医疗"
    # no English name (or a blank one): the name as written, in both languages
    m.segments[1]["name_en"] = "  "
    del m.segments[2]["name_en"]
    assert display.segment_names(m, "en")[1:] == m.segment_names[1:]
    assert display.name_field(m, 0, "en") == "name_en"
    assert display.name_field(m, 1, "en") == display.name_field(m, 2, "en") == display.name_field(m, 0, "zh") == "name"
    assert display.entry_name({"name": "甲", "name_en": 3}, "en") == "甲"   # not text: ignored
