"""P/S, P/E, P/B: the P/S note's worked example (万东医疗) and NM."""
from __future__ import annotations

from pathlib import Path

import pytest

from models import Model, load_model
from models.multiples import compute_multiples, ratio

from hand_model import hand_doc

WANDONG = Path(__file__).resolve().parents[2] / "resources" / "samples" / "wandong-medical-600055.json"


def test_wandong_ps_from_annualized_half_year():
    model = load_model(WANDONG)
    assert model.market_cap == pytest.approx(18.26 * 7.030611)
    assert round(model.market_cap, 2) == 128.38
    m = compute_multiples(model)
    assert m.revenue == pytest.approx(16.86)
    assert round(m.ps, 2) == 7.61
    assert "annualized" in m.ps_basis and "2025H1" in m.ps_basis
    assert m.pb == pytest.approx(128.38 / 48.39, rel=1e-3)
    assert m.pe == pytest.approx(18.26 * 7.030611 / (0.517 * 2))


def test_wandong_notes_say_which_inputs_are_illustrative():
    model = load_model(WANDONG)
    for seg in model.segments:
        assert "illustrative" in seg["notes"]


def test_defaults_to_last_actual_year_and_quoted_pb():
    doc = hand_doc()
    doc["market"]["pb_mrq"] = 3.0
    doc["company_forecast"] = {"non_operating_profit": {"2024": 2.0}, "minority_profit": {"2024": 2.0}}
    m = compute_multiples(Model.from_dict(doc))
    assert m.ps == pytest.approx(100 / 100)     # cap 100 / revenue 100
    assert m.pe == pytest.approx(100 / 10)      # 10 + 2 − 2
    assert m.pb == 3.0 and "quoted" in m.pb_basis


def test_negative_denominator_is_nm_never_a_number():
    doc = hand_doc()
    doc["segments"][0]["actuals"]["2024"]["net_profit"] = -4.0
    m = compute_multiples(Model.from_dict(doc))
    assert m.pe is None and m.pe_nm and "NM" in m.pe_basis
    assert m.to_dict()["pe"] == "NM"
    assert ratio(10.0, 0.0) == (None, True)
    assert ratio(10.0, None) == (None, False)
    assert ratio(10.0, 4.0) == (2.5, False)
