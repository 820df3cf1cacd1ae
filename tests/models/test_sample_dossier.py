"""The samples carry the reports' content (issue 11, item 2): the figures the
seeds give, the narrative in our own words, and notes saying what is illustrative."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import load_model
from models.analysis.mix import revenue_mix
from models.dossier import PROFILE_KEYS, RATING_KEYS

from test_multiples import WANDONG
from test_sample import ROOT, SAMPLE

SEEDS = next((p for p in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds") if p.exists()), None)


def _seed(prefix: str) -> str:
    if SEEDS is None:
        pytest.skip("../shared/seeds is not beside this checkout")
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def _texts(doc: dict):
    for key, text in (doc["company"].get("profile") or {}).items():
        yield f"company.profile.{key}", text
    for i, seg in enumerate(doc["segments"]):
        if "description" in seg:
            yield f"segments[{i}].description", seg["description"]
        for key, text in (seg.get("rating_notes") or {}).items():
            yield f"segments[{i}].rating_notes.{key}", text
        for key in ("width_note", "durability_note"):
            if key in (seg.get("moat") or {}):
                yield f"segments[{i}].moat.{key}", seg["moat"][key]
    yield "disclaimer", doc["disclaimer"]


@pytest.mark.parametrize("path, seed", [(SAMPLE, "002"), (WANDONG, "003")])
def test_the_narrative_is_in_our_own_words(path, seed):
    """No run of 10 characters of any text we wrote appears in the seed."""
    source = _seed(seed)
    doc = json.loads(path.read_text(encoding="utf-8"))
    copied = [(where, text[j:j + 10]) for where, text in _texts(doc)
              for j in range(len(text) - 9) if text[j:j + 10] in source]
    assert copied == []


def test_united_imaging_carries_the_reports_ratings():
    doc = load_model(SAMPLE).doc
    segs = doc["segments"]
    # section 5: per-segment stars; table 1: moat width and durability
    assert [s["ratings"]["growth"] for s in segs] == [3.5, 4.0, 3.5]
    assert [s["ratings"]["profit_trend"] for s in segs] == [3.5, 4.0, 3.5]
    assert [s["ratings"]["structure"] for s in segs] == [4.0, 4.0, 4.0]
    assert [s["moat"]["moat_width"] for s in segs] == [4.0, 3.0, 4.0]
    assert [s["moat"]["moat_durability"] for s in segs] == [4.5, 4.5, 4.5]
    assert [(s["notes"]["adjusted_roe"], s["notes"]["adjusted_roic"], s["notes"]["market_share"]) for s in segs] == [
        (0.174, 0.171, 0.25), (0.185, 0.183, 0.05), (0.223, 0.219, 0.25)]
    # 3.1–3.3 (较高, 高, and the talent level read from the text) and 4.2–4.4 (three stars each)
    assert doc["company"]["business_model"] == {"rd_level": 4, "rd_intensity": 5, "talent_level": 5}
    hr = doc["company"]["history_ratings"]
    assert (hr["growth"], hr["control"], hr["shareholder_return"]) == (3.0, 3.0, 3.0)
    # section 4's figures
    h = doc["history"]
    assert h["operating_margin"] == {"2020": 0.205, "2022": 0.2087, "2024": 0.1324}
    assert h["roe"] == {"2022": 0.1748, "2024": 0.0653}
    assert h["ocf_to_revenue"] == {"2022": 0.0739, "2024": -0.0601}
    assert h["net_payables_to_assets"] == {"2022": 0.0942, "2024": 0.005}
    assert h["revenue_growth"]["2024"] == -0.0973 and h["rd_to_revenue"]["2024"] == 0.2195
    # every narrative section and every segment's notes are there
    assert all(doc["company"]["profile"][k].strip() for k in PROFILE_KEYS)
    for s in segs:
        assert s["description"].strip() and all(s["rating_notes"][k].strip() for k in RATING_KEYS)
        assert s["moat"]["width_note"].strip() and s["moat"]["durability_note"].strip()


def test_united_imaging_company_stars_follow_the_rule_its_notes_state():
    """The header's stars are illegible in the text copy; the notes say the
    company stars are the segments' stars weighted by 2025E revenue, rounded
    to the nearest half star."""
    model = load_model(SAMPLE)
    shares = [p.share for p in revenue_mix(model, 2025).parts]
    for key in RATING_KEYS:
        weighted = sum(w * s["ratings"][key] for w, s in zip(shares, model.segments))
        assert model.doc["company"]["ratings"][key] == round(weighted * 2) / 2, key
    assert "示意" in model.doc["notes"]["illustrative"] and "四维评级" in model.doc["notes"]["illustrative"]


def test_wandong_carries_seed_003s_multiples_context():
    doc = load_model(WANDONG).doc
    ctx = doc["multiples_context"]
    assert ctx["industry"] == {"ps": [5.0, 10.0]}
    assert [(p["name"], p["ticker"], p["ps"]) for p in ctx["peers"]] == [
        ("新华医疗", "600587.SH", 6.5), ("东软医疗", "688189.SH", 8.2)]
    assert [p["ps"] for p in ctx["own_history"]] == [7.2]
    assert ctx["as_of"] == "2025-09-09"
    assert "示意" in doc["notes"]["illustrative"]
    assert doc["reference"]["debt_to_assets_h1_2025"] == 0.1239


@pytest.mark.parametrize("path", [SAMPLE, WANDONG])
def test_each_sample_says_which_figures_are_illustrative(path):
    notes = json.loads(Path(path).read_text(encoding="utf-8"))["notes"]
    assert notes["illustrative"].strip() and notes["narrative"].strip()
