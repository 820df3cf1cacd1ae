"""The method doc's formulas, checked against numbers computed by hand.

Hand computation for hand_model.HAND_DOC (B = 2025):
  revenue 2025 = 110, E = 11; 2026 revenue 110, E = 11.
  payout 2025 = 1 − 0.10/0.20 = 0.5 → D = 5.5 (factor 1);
  payout 2026 = 1 − 0/0.20 = 1 → D = 11, /1.1 → 10.   explicit = 15.5
  fade 2027: E = 11.55, payout 1 − 0.05/0.2 = 0.75 → D = 8.6625, /1.21 = 7.159090909…
  terminal: D = 11.55 × 1.02 × (1 − 0.02/0.2 = 0.9) = 10.6029; TV = 10.6029/0.08 = 132.53625;
            /1.21 = 109.534090909…
  DDM business value = 15.5 + 7.159090909… + 109.534090909… = 132.193181818…
  dynamic: base = 11/3 + 2·11/3 = 11; × 10 / 1.1 = 100; business = 115.5
  totals: + 10 − 2.5 + 1.5 → DDM 141.193181818…, dynamic 124.5; market cap 100.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from models import InvalidInputError, Model, status_for, valuate
from models.status import STATUS_CODES, status_label

from hand_model import hand_doc

REL = 1e-12


def test_ddm_by_hand():
    r = valuate(Model.from_dict(hand_doc()))
    seg = r.ddm.segments[0]
    assert seg.explicit_value == pytest.approx(15.5, rel=REL)
    assert seg.fade_value == pytest.approx(8.6625 / 1.21, rel=REL)
    assert seg.forecast_value == pytest.approx(15.5 + 8.6625 / 1.21, rel=REL)
    assert seg.perpetual_value == pytest.approx(132.53625 / 1.21, rel=REL)
    assert seg.business_value == pytest.approx(15.5 + 8.6625 / 1.21 + 132.53625 / 1.21, rel=REL)
    assert r.ddm.total == pytest.approx(132.19318181818181 + 10 - 2.5 + 1.5, rel=REL)
    assert r.market_cap == pytest.approx(100.0)
    assert r.ddm.upside == pytest.approx(0.4119318181818181, rel=1e-10)
    assert r.ddm.status == "slightly_undervalued"


def test_dynamic_by_hand():
    r = valuate(Model.from_dict(hand_doc()))
    seg = r.dynamic.segments[0]
    assert seg.earnings_base == pytest.approx(11.0, rel=REL)
    assert seg.multiple == 10.0
    assert seg.explicit_value == pytest.approx(15.5, rel=REL)
    assert seg.post_explicit_value == pytest.approx(100.0, rel=REL)
    assert seg.business_value == pytest.approx(115.5, rel=REL)
    assert r.dynamic.total == pytest.approx(124.5, rel=REL)
    assert r.dynamic.status == "fair"


def test_fade_years_zero_starts_terminal_after_explicit_period():
    # D_T = 11 × 1.02 × 0.9 = 10.098; TV = 126.225 at 2026, /1.1 = 114.75
    r = valuate(Model.from_dict(hand_doc(fade_years=0)))
    seg = r.ddm.segments[0]
    assert seg.fade_value == 0.0
    assert seg.perpetual_value == pytest.approx(114.75, rel=REL)
    assert seg.business_value == pytest.approx(15.5 + 114.75, rel=REL)


def test_base_year_earlier_discounts_everything_one_more_year():
    r = valuate(Model.from_dict(hand_doc(base_year=2024)))
    seg = r.ddm.segments[0]
    assert seg.explicit_value == pytest.approx(5.5 / 1.1 + 11 / 1.21, rel=REL)
    assert seg.business_value == pytest.approx((15.5 + 8.6625 / 1.21 + 132.53625 / 1.21) / 1.1, rel=REL)
    assert r.dynamic.segments[0].post_explicit_value == pytest.approx(110 / 1.21, rel=REL)


def test_segment_overrides_of_terminal_growth_and_fade_years():
    doc = hand_doc()
    doc["segments"][0]["terminal_growth"] = 0.0
    doc["segments"][0]["fade_years"] = 0
    # D_T = 11 × 1 × 1 = 11; TV = 110 at 2026 → /1.1 = 100
    seg = valuate(Model.from_dict(doc)).ddm.segments[0]
    assert seg.perpetual_value == pytest.approx(100.0, rel=REL)


def test_payout_clamps_to_zero_and_one():
    doc = hand_doc()
    doc["segments"][0]["forecast"]["2025"]["growth"] = 0.30   # payout 1 − 1.5 → 0
    doc["segments"][0]["forecast"]["2026"]["growth"] = -0.10  # payout 1.5 → 1
    r = valuate(Model.from_dict(doc))
    # 2025: revenue 130, E 13, D 0; 2026: revenue 117, E 11.7, D 11.7 /1.1
    assert r.ddm.segments[0].explicit_value == pytest.approx(11.7 / 1.1, rel=REL)
    codes = [w.code for w in r.warnings]
    assert codes.count("payout_clamped") == 2


def test_negative_earnings_give_negative_dividends_and_a_warning():
    doc = hand_doc()
    doc["segments"][0]["forecast"]["2025"]["margin"] = -0.10   # E = −11, payout 0.5 → D = −5.5
    r = valuate(Model.from_dict(doc))
    assert r.ddm.segments[0].explicit_value == pytest.approx(-5.5 + 10.0, rel=REL)
    assert any(w.code == "negative_earnings" and "2025" in w.message for w in r.warnings)


def test_dynamic_with_one_forecast_year_uses_the_last_actual_profit():
    doc = hand_doc()
    doc["years"] = [2024, 2025]
    del doc["segments"][0]["forecast"]["2026"]
    # base = 10/3 + 2·11/3 = 32/3; post = 32/3 × 10 × 1.1^0
    seg = valuate(Model.from_dict(doc)).dynamic.segments[0]
    assert seg.earnings_base == pytest.approx(32 / 3, rel=REL)
    assert seg.post_explicit_value == pytest.approx(320 / 3, rel=REL)


def test_dynamic_weights_from_the_file():
    seg = valuate(Model.from_dict(hand_doc(dynamic_weights=[0.5, 0.5]))).dynamic.segments[0]
    assert seg.earnings_base == pytest.approx(11.0, rel=REL)
    doc = hand_doc(dynamic_weights=[1.0, 0.0])
    doc["segments"][0]["forecast"]["2026"]["margin"] = 0.2   # E2026 = 22
    seg = valuate(Model.from_dict(doc)).dynamic.segments[0]
    assert seg.earnings_base == pytest.approx(11.0, rel=REL)


def test_two_segments_sum_of_parts():
    doc = hand_doc()
    twin = dict(doc["segments"][0], name="副业")
    doc["segments"].append(twin)
    r = valuate(Model.from_dict(doc))
    one = 132.19318181818181
    assert r.ddm.segment_total == pytest.approx(2 * one, rel=REL)
    assert r.ddm.total == pytest.approx(2 * one + 9.0, rel=REL)
    assert r.dynamic.total == pytest.approx(2 * 115.5 + 9.0, rel=REL)


@pytest.mark.parametrize("upside, code", [
    (-0.9, "severely_overvalued"), (-0.5, "overvalued"), (-0.5000001, "severely_overvalued"),
    (-0.3, "slightly_overvalued"), (-0.3000001, "overvalued"), (-0.2, "fair"), (-0.2000001, "slightly_overvalued"),
    (0.0, "fair"), (0.2499999, "fair"), (0.25, "slightly_undervalued"), (0.5, "undervalued"),
    (0.9999, "undervalued"), (1.0, "severely_undervalued"), (7.0, "severely_undervalued"),
])
def test_status_bands_lower_bound_inclusive(upside, code):
    assert status_for(upside) == code


def test_status_labels_both_languages():
    assert [status_label(c, "zh") for c in STATUS_CODES] == ["严重高估", "高估", "偏高估", "合理估值", "偏低估", "低估", "严重低估"]
    assert status_label("fair", "en") == "fair"
    with pytest.raises(ValueError):
        status_for(math.nan)


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["segments"][0].update(discount_rate=0.02), "segments[0].discount_rate"),
    (lambda d: d["segments"][0].update(discount_rate=0.02 - 1e-12), "segments[0].discount_rate"),
    (lambda d: d["segments"][0].update(roe=0.0), "segments[0].roe"),
    (lambda d: d["market"].update(price=0.0), "market.price"),
    (lambda d: d["market"].update(shares=-1.0), "market.shares"),
    (lambda d: d["segments"][0]["forecast"]["2026"].update(growth=-1.0), "segments[0].forecast.2026.growth"),
    (lambda d: d["segments"][0]["forecast"].pop("2026"), "segments[0].forecast.2026"),
    (lambda d: d["segments"][0]["actuals"]["2024"].update(net_profit=float("inf")), "segments[0].actuals.2024.net_profit"),
    (lambda d: d["segments"][0].update(multiple=-0.5), "segments[0].multiple"),
])
def test_invalid_inputs_are_named_and_nothing_is_computed(mutate, where):
    doc = hand_doc()
    model = Model.from_dict(doc)
    mutate(model.doc)
    with pytest.raises(InvalidInputError) as info:
        valuate(model)
    assert str(info.value).startswith(where + ":")
    assert info.value.issues[0].path == where


def test_terminal_share_and_narrow_spread_warnings():
    doc = hand_doc()
    doc["segments"][0]["discount_rate"] = 0.035   # spread 1.5 points
    r = valuate(Model.from_dict(doc))
    codes = {w.code for w in r.warnings}
    assert {"narrow_spread", "terminal_share"} <= codes
    doc = hand_doc(terminal_growth=0.06)
    doc["segments"][0]["discount_rate"] = 0.2
    assert "high_terminal_growth" in {w.code for w in valuate(Model.from_dict(doc)).warnings}
    # The hand model's terminal value is 109.53 / 132.19 = 83% of its DDM value
    base = valuate(Model.from_dict(hand_doc())).warnings
    assert [w.code for w in base] == ["terminal_share"]
    assert "83%" in base[0].message


def test_engine_computes_in_float64():
    from models.valuation import prepare
    p = prepare(Model.from_dict(hand_doc()))
    for arr in (p.growth, p.margin, p.discount_rate, p.roe, p.terminal_growth, p.multiple):
        assert arr.dtype == np.float64


def test_overflow_is_a_clear_error_not_a_warning_or_inf():
    doc = hand_doc()
    # Growth of 9,900% a year (plausible enough to load) compounds beyond
    # float64 over 200 years.
    doc["years"] = list(range(2024, 2225))
    doc["segments"][0]["forecast"] = {str(y): {"growth": 99.0, "margin": 0.1} for y in range(2025, 2225)}
    with pytest.raises(InvalidInputError, match="too large"):
        valuate(Model.from_dict(doc))


def test_warnings_carry_params_for_translated_messages():
    doc = hand_doc()
    doc["segments"][0]["forecast"]["2025"]["growth"] = 0.30
    doc["segments"][0]["forecast"]["2026"]["margin"] = -0.05
    r = valuate(Model.from_dict(doc))
    by_code = {}
    for w in r.warnings:
        by_code.setdefault(w.code, []).append(w)
    clamp = by_code["payout_clamped"][0]
    assert clamp.params == {"segment": "主业", "years": [2025], "roe": 0.2, "clamp": "zero", "stage": "explicit"}
    assert by_code["negative_earnings"][0].params == {"segment": "主业", "years": [2026]}
    share = by_code["terminal_share"][0]
    assert share.params["segment"] == "主业" and 0.75 < share.params["share"] < 1.5


def test_column_totals_are_the_company_rows_of_tables_4_and_5():
    doc = hand_doc()
    doc["segments"].append(dict(doc["segments"][0], name="副业", multiple=20.0))
    r = valuate(Model.from_dict(doc))
    d, y = r.ddm.column_totals, r.dynamic.column_totals
    assert d["forecast_value"] == pytest.approx(2 * (15.5 + 8.6625 / 1.21), rel=REL)
    assert d["perpetual_value"] == pytest.approx(2 * 132.53625 / 1.21, rel=REL)
    assert d["terminal_share"] == pytest.approx((132.53625 / 1.21) / (15.5 + 8.6625 / 1.21 + 132.53625 / 1.21), rel=REL)
    assert y["earnings_base"] == pytest.approx(22.0, rel=REL)
    assert y["post_explicit_value"] == pytest.approx(100.0 + 200.0, rel=REL)
    assert y["business_value"] == pytest.approx(r.dynamic.segment_total, rel=REL)
