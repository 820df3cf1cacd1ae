"""The dossier keys (model-file.md, "Dossier, scenarios and uncertainty"):
load, validate with key path and rule, save, round trip, unknown keys kept."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import Model, ModelFileError, dumps_model, load_model, loads_model, save_model, validate, valuate
from models.dossier import (check_value, dossier_issues, is_level, is_star, level_label, normalized_value,
                            rule_for, without_dossier)
from models.model import check_document

from dossier_doc import dossier_doc
from strategies import model_docs, strictly_equal


def test_a_file_with_every_dossier_key_round_trips_exactly(tmp_path):
    doc = dossier_doc()
    first = Model.from_dict(doc)
    strictly_equal(first.doc, doc)          # already normalized: nothing changed on load
    out = tmp_path / "d.vwm.json"
    save_model(first, out)
    text = out.read_text(encoding="utf-8")
    second = load_model(out)
    strictly_equal(second.doc, first.doc)
    assert dumps_model(second) == text
    saved = json.loads(text)
    assert saved["company"]["profile"]["x_extra_section"] == "kept"       # unknown key inside the dossier
    assert saved["history"]["x_staff"] == {"2024": "3271 人"}             # unknown metric, as written
    assert saved["company"]["profile"]["summary"] == "结论一段。\n\n第二段。"


def test_the_dossier_is_not_a_valuation_input():
    bare = Model.from_dict(without_dossier(dossier_doc()))
    full = Model.from_dict(dossier_doc())
    assert "profile" not in bare.doc["company"] and "gross_margin" not in bare.doc["segments"][0]["forecast"]["2025"]
    assert valuate(full).to_dict() == valuate(bare).to_dict()


def test_loading_normalizes_stars_to_float_and_levels_to_int():
    doc = dossier_doc()
    doc["company"]["ratings"]["growth"] = 4
    doc["company"]["business_model"]["rd_level"] = 4.0
    doc["multiples_context"]["industry"]["ps"] = [5, 10]
    m = loads_model(json.dumps(doc))
    assert type(m.doc["company"]["ratings"]["growth"]) is float
    assert type(m.doc["company"]["business_model"]["rd_level"]) is int
    assert m.doc["multiples_context"]["industry"]["ps"] == [5.0, 10.0]
    assert type(m.doc["multiples_context"]["industry"]["ps"][0]) is float


BAD = [
    (("company", "ratings", "growth"), 4.3, "company.ratings.growth: must be stars from 0 to 5 in steps of 0.5, got 4.3"),
    (("company", "ratings", "moat"), 5.5, "company.ratings.moat: must be stars from 0 to 5 in steps of 0.5, got 5.5"),
    (("company", "history_ratings", "control"), -0.5, "company.history_ratings.control: must be stars from 0 to 5 in steps of 0.5, got -0.5"),
    (("company", "history_ratings", "growth"), "3", "company.history_ratings.growth: must be stars from 0 to 5 in steps of 0.5, got text '3'"),
    (("company", "business_model", "rd_level"), 6, "company.business_model.rd_level: must be a level, an integer from 1 (低) to 5 (高), got 6"),
    (("company", "business_model", "talent_level"), 2.5, "company.business_model.talent_level: must be a level, an integer from 1 (低) to 5 (高), got 2.5"),
    (("company", "business_model", "rd_intensity"), 0, "company.business_model.rd_intensity: must be a level, an integer from 1 (低) to 5 (高), got 0"),
    (("company", "business_model", "rd_intensity"), True, "company.business_model.rd_intensity: must be a level, an integer from 1 (低) to 5 (高), got a boolean"),
    (("company", "profile", "summary"), 12, "company.profile.summary: must be text, got 12"),
    (("company", "profile", "risks"), ["a"], "company.profile.risks: must be text, got a list"),
    (("company", "profile"), "text", "company.profile: must be an object, got text 'text'"),
    (("segments", 1, "description"), 3.5, "segments[1].description: must be text, got 3.5"),
    (("segments", 0, "rating_notes", "moat"), {"a": 1}, "segments[0].rating_notes.moat: must be text, got an object"),
    (("segments", 0, "moat", "width_note"), 4.0, "segments[0].moat.width_note: must be text, got 4"),
    (("segments", 0, "actuals", "2024", "gross_profit"), "40", "segments[0].actuals.2024.gross_profit: must be a number, got text '40'"),
    (("segments", 1, "forecast", "2025", "gross_margin"), 45.0, "segments[1].forecast.2025.gross_margin: must be a decimal gross margin no greater than 1 (0.45 = 45%), got 45"),
    (("history", "roe", "2023"), "17%", "history.roe.2023: must be a number, got text '17%'"),
    (("history", "revenue", "FY24"), 1.0, 'history.revenue.FY24: must be a year such as "2024"'),
    (("history", "equity"), [1, 2], "history.equity: must be an object, got a list"),
    (("multiples_context", "as_of"), "2025/09/09", "multiples_context.as_of: must be an ISO date (YYYY-MM-DD), got text '2025/09/09'"),
    (("multiples_context", "industry", "ps"), [10.0, 5.0], "multiples_context.industry.ps: must be a range [low, high] with low ≤ high, got [10, 5]"),
    (("multiples_context", "industry", "pe"), [1.0], "multiples_context.industry.pe: must be a range [low, high] of two numbers, got a list"),
    (("multiples_context", "peers", 1, "name"), "", "multiples_context.peers[1].name: is required (non-empty text), got text ''"),
    (("multiples_context", "peers", 0, "ps"), "6.5x", "multiples_context.peers[0].ps: must be a number, got text '6.5x'"),
    (("multiples_context", "own_history", 0, "period"), 2023, "multiples_context.own_history[0].period: is required (non-empty text), got 2023"),
    (("multiples_context", "source"), 1, "multiples_context.source: must be text, got 1"),
    (("disclaimer",), False, "disclaimer: must be text, got a boolean"),
]


@pytest.mark.parametrize("path, value, message", BAD, ids=[m.split(":")[0] for _, _, m in BAD])
def test_a_broken_dossier_rule_is_refused_on_load_with_its_key_path(path, value, message):
    doc = dossier_doc()
    Model(doc).set(path, value)
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc, ensure_ascii=False))
    assert str(info.value) == message


@pytest.mark.parametrize("path, value, message", BAD, ids=[m.split(":")[0] for _, _, m in BAD])
def test_a_broken_dossier_rule_is_an_error_of_validate_after_an_edit(path, value, message):
    """The app refuses edits that make validate() return errors: a bad star
    typed into a valid model must be one, or it would be saved into a file
    that no longer loads."""
    model = Model.from_dict(dossier_doc())
    assert validate(model) == []
    model.set(path, value)
    assert [str(i) for i in validate(model)] == [message]
    assert [str(i) for i in dossier_issues(model.doc)] == [message]


@pytest.mark.parametrize("path, value, message", [b for b in BAD if rule_for(b[0]) is not None])
def test_check_value_names_the_rule_before_an_edit_is_applied(path, value, message):
    assert check_value(path, value) == message.split(": ", 1)[1]
    model = Model.from_dict(dossier_doc())
    assert check_value(path, model.get(path)) is None


def test_every_problem_is_listed_once():
    doc = dossier_doc()
    doc["company"]["ratings"]["growth"] = 4.3
    doc["segments"][0]["rating_notes"]["growth"] = 1
    doc["history"]["roe"]["2023"] = None
    _, issues = check_document(doc)
    assert [i.path for i in issues] == ["company.ratings.growth", "segments[0].rating_notes.growth", "history.roe.2023"]


def test_null_means_absent_for_optional_dossier_values():
    doc = dossier_doc()
    doc["company"]["profile"]["summary"] = None
    doc["segments"][0]["description"] = None
    doc["disclaimer"] = None
    doc["multiples_context"]["peers"][0]["ps"] = None
    assert loads_model(json.dumps(doc)).doc["disclaimer"] is None


def test_a_file_without_dossier_keys_loads_as_before():
    from hand_model import hand_doc
    doc = hand_doc()
    doc["history"] = {"x_anything": [1, "free", {"a": None}]}     # unknown metrics stay free-form
    assert Model.from_dict(doc).doc == doc


@given(st.integers(-4, 14))
def test_stars_are_half_steps_from_0_to_5(halves):
    stars = halves / 2
    assert is_star(stars) == (0 <= halves <= 10)
    assert is_star(stars + 0.25) is False
    assert is_star(stars + 1e-9) is False


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_star_is_exactly_a_multiple_of_a_half(x):
    assert is_star(x) == (x == x and abs(x) != float("inf") and 0 <= x <= 5 and round(x * 2) == x * 2)


@given(st.one_of(st.integers(-3, 9), st.floats(-3, 9)))
def test_levels_are_integers_1_to_5(x):
    assert is_level(x) == (1 <= x <= 5 and float(x).is_integer())
    if is_level(x):
        assert type(normalized_value(("company", "business_model", "rd_level"), x)) is int


def test_level_labels():
    assert [level_label(n) for n in range(1, 6)] == ["低", "较低", "中等", "较高", "高"]
    assert level_label(4, "en") == "fairly high"


def test_rule_for_knows_only_dossier_values():
    assert rule_for(("company", "ratings", "structure")) == "star"
    assert rule_for(("segments", 2, "moat", "moat_durability")) == "star"
    assert rule_for(("segments", 2, "moat", "durability_note")) == "text"
    assert rule_for(("history", "payout_ratio", "2024")) == "number"
    assert rule_for(("multiples_context", "industry", "pb", 1)) == "number"
    assert rule_for(("multiples_context", "peers", 0, "ticker")) == "text"
    for path in [(), ("company", "name"), ("company", "ratings", "x"), ("segments", 0, "roe"),
                 ("history", "x_staff", "2024"), ("history", "roe", "FY24"), ("market", "price")]:
        assert rule_for(path) is None, path
        assert check_value(path, "anything") is None


@settings(max_examples=40, deadline=None)
@given(model_docs(unknown_keys=True), st.data())
def test_any_valid_model_with_a_dossier_round_trips(doc, data):
    stars = st.integers(0, 10).map(lambda h: h / 2)
    text = st.text(max_size=30)
    doc["company"]["ratings"] = {k: data.draw(stars) for k in ("growth", "profit_trend", "structure", "moat")}
    doc["company"]["business_model"] = {"rd_level": data.draw(st.integers(1, 5))}
    doc["company"]["profile"] = {"summary": data.draw(text), "risks": data.draw(text)}
    for seg in doc["segments"]:
        seg["description"] = data.draw(text)
        seg["rating_notes"] = {"moat": data.draw(text)}
        for row in seg["forecast"].values():
            row["gross_margin"] = data.draw(st.floats(-2.0, 1.0))
    doc["disclaimer"] = data.draw(text)
    first = loads_model(json.dumps(doc, ensure_ascii=False))
    strictly_equal(first.doc, doc)
    strictly_equal(loads_model(dumps_model(first)).doc, doc)


def test_every_dossier_key_has_a_chinese_and_an_english_label():
    from models.dossier import BUSINESS_MODEL_KEYS, HISTORY_RATING_KEYS, LABELS, MOAT_STAR_KEYS, PROFILE_KEYS, RATING_KEYS, label
    for group, keys in (("profile", PROFILE_KEYS), ("ratings", RATING_KEYS), ("business_model", BUSINESS_MODEL_KEYS),
                        ("history_ratings", HISTORY_RATING_KEYS), ("moat", MOAT_STAR_KEYS)):
        assert list(LABELS[group]) == list(keys)
    assert label("profile", "summary") == "核心评级结论" and label("ratings", "structure", "en") == "Industry structure"
