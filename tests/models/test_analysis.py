"""models.analysis: mix, history, the glass box, the reference comparison, the
position of a multiple. Hand-computed numbers and hypothesis properties."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import InvalidInputError, Model, load_model, valuate
from models.analysis.history import history_table
from models.analysis.mix import gross_profit_mix, revenue_mix
from models.analysis.peers import Point, multiple_position, multiples_positions
from models.analysis.reference import compare_with_reference
from models.analysis.schedule import ddm_schedule, dynamic_steps, glass_box
from models.forecast import segment_table

from dossier_doc import dossier_doc
from hand_model import hand_doc
from strategies import model_docs
from test_multiples import WANDONG
from test_sample import SAMPLE

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- mix (figures 1–2) --------------------------------------------------------

def test_revenue_and_gross_profit_mix_by_hand():
    model = Model.from_dict(dossier_doc())
    mix = revenue_mix(model, 2024)                    # actual: 100 and 25
    assert mix.is_actual and mix.total == 125.0 and mix.complete
    assert [(p.name, p.value, p.share) for p in mix.parts] == [("主业", 100.0, 0.8), ("副业", 25.0, 0.2)]
    gp = gross_profit_mix(model, 2024)                # reported gross profit 40 and 10
    assert [p.share for p in gp.parts] == [0.8, 0.2] and gp.total == 50.0
    gp = gross_profit_mix(model, 2025)                # 110 × 0.45 = 49.5; 25 × 1.2 × 0.5 = 15
    assert [p.value for p in gp.parts] == pytest.approx([49.5, 15.0], rel=1e-15)
    assert [p.share for p in gp.parts] == pytest.approx([49.5 / 64.5, 15.0 / 64.5], rel=1e-15)
    assert not gp.is_actual


def test_a_segment_without_gross_figures_is_missing_never_zero():
    model = Model.from_dict(dossier_doc())
    gp = gross_profit_mix(model, 2023)                # 副业 has no 2023 gross profit
    assert gp.parts[1].value is None and gp.parts[1].share is None
    assert gp.missing == [1] and not gp.complete
    assert gp.parts[0].share == 1.0 and gp.total == 30.0
    none = gross_profit_mix(model, 2026)              # no gross margin for 2026 at all
    assert none.total is None and none.missing == [0, 1] and all(p.share is None for p in none.parts)


def test_shares_are_undefined_when_the_total_is_not_positive():
    doc = dossier_doc()
    doc["segments"][0]["actuals"]["2024"]["gross_profit"] = -10.0
    gp = gross_profit_mix(Model.from_dict(doc), 2024)  # −10 + 10 = 0
    assert gp.total == 0.0 and [p.share for p in gp.parts] == [None, None]
    assert [p.value for p in gp.parts] == [-10.0, 10.0]


def test_mix_of_a_year_outside_the_model_is_refused():
    with pytest.raises(ValueError, match="2030 is not one of the model's years"):
        revenue_mix(Model.from_dict(dossier_doc()), 2030)


def test_sample_revenue_mix_2025_is_the_reports_figure_1():
    mix = revenue_mix(load_model(SAMPLE), 2025)       # 81.6, 28.8, 19.0 of 129.4
    assert [round(p.value, 1) for p in mix.parts] == [81.6, 28.8, 19.0]
    assert [round(p.share, 3) for p in mix.parts] == [0.631, 0.223, 0.147]
    gp = gross_profit_mix(load_model(SAMPLE), 2025)
    assert gp.complete and math.fsum(p.share for p in gp.parts) == pytest.approx(1.0, abs=1e-15)


@SETTINGS
@given(model_docs(), st.data())
def test_mix_shares_sum_to_one_and_follow_the_segment_tables(doc, data):
    model = Model.from_dict(doc)
    year = data.draw(st.sampled_from(model.years))
    mix = revenue_mix(model, year)
    k = model.years.index(year)
    assert [p.value for p in mix.parts] == [segment_table(model, i).revenue[k] for i in range(model.segment_count)]
    if mix.total > 0:
        assert math.fsum(p.share for p in mix.parts) == pytest.approx(1.0, abs=1e-12)
        assert all(0.0 <= p.share <= 1.0 for p in mix.parts)
    else:
        assert all(p.share is None for p in mix.parts)


# -- history (figures 3–6) ------------------------------------------------------

def test_history_derives_absent_ratios_and_marks_them():
    table = history_table(Model.from_dict(dossier_doc()))
    assert table.years == [2022, 2023, 2024]
    v = table.value
    assert (v("revenue_growth", 2023).value, v("revenue_growth", 2023).derived) == (0.4, False)  # reported wins
    assert v("revenue_growth", 2024).value == pytest.approx(0.25) and v("revenue_growth", 2024).derived
    assert v("revenue_growth", 2022) is None                                                  # no 2021
    assert (v("roe", 2023).value, v("roe", 2023).derived) == (0.2, False)                       # not 9/60
    assert v("roe", 2024).value == pytest.approx(12 / 80) and v("roe", 2024).derived
    assert v("operating_margin", 2023).value == pytest.approx(0.15)
    assert v("operating_margin", 2024).value == pytest.approx(12 / 125)
    assert v("operating_profit_growth", 2024).value == pytest.approx(-0.2)
    assert v("net_profit_growth", 2024).value == pytest.approx(12 / 9 - 1)
    assert v("ocf_to_revenue", 2024).value == pytest.approx(-0.04)
    assert v("payout_ratio", 2024).value == pytest.approx(0.25)
    assert v("rd_to_revenue", 2024).value == pytest.approx(0.2)
    assert not v("revenue", 2024).derived
    assert "x_staff" not in table.metrics                                      # not numeric: not a series
    values, derived = table.series("roe")
    assert math.isnan(values[0]) and list(values[1:]) == pytest.approx([0.2, 0.15])
    assert list(derived) == [False, False, True]


def test_history_derives_nothing_over_a_zero_or_negative_base():
    doc = dossier_doc()
    doc["history"] = {"revenue": {"2023": 0.0, "2024": 50.0}, "equity": {"2024": -5.0},
                      "net_profit_attributable": {"2024": -1.0}, "dividends": {"2024": 1.0}}
    table = history_table(Model.from_dict(doc))
    assert table.value("revenue_growth", 2024) is None       # from 0
    assert table.value("roe", 2024) is None                  # negative equity
    assert table.value("payout_ratio", 2024) is None         # a loss
    assert "net_margin_deducted" not in table.metrics        # never derivable


def test_sample_history():
    table = history_table(load_model(SAMPLE))
    g = table.value("revenue_growth", 2023)
    assert g.derived and g.value == pytest.approx(114.1 / 92.4 - 1)
    assert table.value("revenue_growth", 2024).value == -0.0973 and not table.value("revenue_growth", 2024).derived
    assert table.value("operating_margin", 2020).value == 0.205
    assert table.years[0] == 2020
    assert table.value("overseas_revenue_reported", 2024).value == 22.2     # the file's own metric kept


# -- the glass box ---------------------------------------------------------------

def test_ddm_schedule_by_hand():
    """hand_model: E 2025 = 11 (payout 0.5), 2026 = 11 (payout 1, df 1/1.1),
    fade 2027 E = 11.55 (payout 0.75, df 1/1.21); terminal D = 11.55 × 1.02 × 0.9
    = 10.6029, TV = 10.6029 / 0.08 at 2027."""
    s = ddm_schedule(Model.from_dict(hand_doc()), 0)
    assert [(r.year, r.stage) for r in s.rows] == [(2025, "explicit"), (2026, "explicit"), (2027, "fade")]
    assert [r.earnings for r in s.rows] == pytest.approx([11.0, 11.0, 11.55], rel=1e-15)
    assert [r.payout for r in s.rows] == pytest.approx([0.5, 1.0, 0.75], rel=1e-15)
    assert [r.clamped for r in s.rows] == [None, None, None]
    assert [r.dividend for r in s.rows] == pytest.approx([5.5, 11.0, 8.6625], rel=1e-15)
    assert [r.discount_factor for r in s.rows] == pytest.approx([1.0, 1 / 1.1, 1 / 1.21], rel=1e-15)
    assert [r.present_value for r in s.rows] == pytest.approx([5.5, 10.0, 8.6625 / 1.21], rel=1e-15)
    t = s.terminal
    assert (t.year, t.valued_at) == (2028, 2027)
    assert t.dividend == pytest.approx(10.6029, rel=1e-15)
    assert t.value == pytest.approx(10.6029 / 0.08, rel=1e-14)
    assert t.present_value == pytest.approx(10.6029 / 0.08 / 1.21, rel=1e-14)
    assert s.forecast_value == pytest.approx(15.5 + 8.6625 / 1.21, rel=1e-15)
    assert s.business_value == pytest.approx(15.5 + 8.6625 / 1.21 + 10.6029 / 0.08 / 1.21, rel=1e-14)


def test_dynamic_steps_by_hand():
    """base = 1/3 × 11 + 2/3 × 11 = 11; post = 11 × 10 / 1.1 = 100; explicit 15.5."""
    d = dynamic_steps(Model.from_dict(hand_doc()), 0)
    assert (d.earlier_year, d.last_year) == (2025, 2026)
    assert d.earnings_base == pytest.approx(11.0, rel=1e-15)
    assert d.discount_factor == pytest.approx(1 / 1.1, rel=1e-15)
    assert d.post_explicit_value == pytest.approx(100.0, rel=1e-14)
    assert d.explicit_value == pytest.approx(15.5, rel=1e-15)
    assert d.business_value == pytest.approx(115.5, rel=1e-14)


def test_dynamic_steps_with_one_forecast_year_use_the_last_actual_profit():
    doc = hand_doc()
    doc["years"] = [2024, 2025]
    del doc["segments"][0]["forecast"]["2026"]
    d = dynamic_steps(Model.from_dict(doc), 0)
    assert (d.earlier_year, d.earlier_earnings, d.last_earnings) == (2024, 10.0, pytest.approx(11.0))
    assert d.earnings_base == pytest.approx(10 / 3 + 22 / 3)


def test_clamped_payouts_are_marked():
    doc = hand_doc()
    doc["segments"][0]["forecast"]["2025"]["growth"] = 0.3      # above ROE 20%: payout 0
    doc["segments"][0]["forecast"]["2026"]["growth"] = -0.1     # negative: payout 1
    s = ddm_schedule(Model.from_dict(doc), 0)
    assert [(r.payout, r.clamped) for r in s.rows[:2]] == [(0.0, "zero"), (1.0, "one")]
    assert s.rows[0].payout_raw == pytest.approx(-0.5) and s.rows[0].dividend == 0.0


def test_an_invalid_model_has_no_schedule():
    model = Model.from_dict(hand_doc())
    model.set(("segments", 0, "discount_rate"), 0.01)
    with pytest.raises(InvalidInputError):
        glass_box(model)


def _close(ours: float, engine: float, magnitude: float) -> bool:
    return abs(ours - engine) <= 1e-12 * max(magnitude, abs(engine)) + 1e-300


def _agree_with_valuate(model: Model) -> None:
    box = glass_box(model)
    result = valuate(model)
    for s, d, rd, rdyn in zip(box.ddm, box.dynamic, result.ddm.segments, result.dynamic.segments):
        size = math.fsum(abs(r.present_value) for r in s.rows)
        assert _close(s.explicit_value, rd.explicit_value, size)
        assert _close(s.fade_value, rd.fade_value, size)
        assert _close(s.forecast_value, rd.forecast_value, size)
        assert _close(s.perpetual_value, rd.perpetual_value, abs(s.perpetual_value))
        assert _close(s.business_value, rd.business_value, size + abs(s.perpetual_value))
        assert _close(d.earnings_base, rdyn.earnings_base, abs(d.weights[0] * d.earlier_earnings) + abs(d.weights[1] * d.last_earnings))
        assert _close(d.post_explicit_value, rdyn.post_explicit_value, abs(d.post_explicit_value))
        assert _close(d.business_value, rdyn.business_value, size + abs(d.post_explicit_value))
        assert d.explicit_rows == [r for r in s.rows if r.stage == "explicit"]
        assert s.forecast_value == math.fsum(r.present_value for r in s.rows)   # the sum *of the rows shown*
    ddm_size = math.fsum(abs(s.business_value) for s in box.ddm) + abs(box.excess_cash) + abs(box.minority_interest) + abs(box.equity_investments)
    dyn_size = math.fsum(abs(s.business_value) for s in box.dynamic) + abs(box.excess_cash) + abs(box.minority_interest) + abs(box.equity_investments)
    assert _close(box.ddm_total, result.ddm.total, ddm_size)
    assert _close(box.dynamic_total, result.dynamic.total, dyn_size)


def test_the_sample_glass_box_sums_to_the_value_tables():
    model = load_model(SAMPLE)
    _agree_with_valuate(model)
    box = glass_box(model)
    assert [round(s.forecast_value, 2) for s in box.ddm] == [92.25, 49.76, 31.45]
    assert [round(s.perpetual_value, 2) for s in box.ddm] == [261.10, 107.09, 63.96]
    assert [round(d.post_explicit_value, 2) for d in box.dynamic] == [248.16, 128.48, 63.15]
    assert round(box.ddm_total, 2) == 695.41 and round(box.dynamic_total, 2) == 576.69
    assert [r.year for r in box.ddm[0].rows] == list(range(2025, 2040))          # 5 explicit + 10 fade years


@SETTINGS
@given(model_docs())
def test_the_glass_box_sums_equal_the_valuation(doc):
    _agree_with_valuate(Model.from_dict(doc))


# -- the reference comparison ---------------------------------------------------

def test_reference_comparison_by_hand():
    doc = hand_doc()
    # ours: DDM business value 15.5 + 8.6625/1.21 + 132.53625/1.21; total = that + 10 − 2.5 + 1.5
    doc["reference"] = {"source": "手算", "ddm_total": 150.0, "excess_cash": 12.0, "minority_interest": 2.0,
                        "segments": [{"ddm": {"business_value": 140.0, "perpetual_value": "n/a"}}]}
    model = Model.from_dict(doc)
    cmp = compare_with_reference(model)
    ours_business = 15.5 + 8.6625 / 1.21 + 10.6029 / 0.08 / 1.21
    ours_total = ours_business + 10.0 - 2.5 + 1.5
    assert cmp.source == "手算" and cmp.market_cap is None
    assert cmp.ddm.difference == pytest.approx(ours_total - 150.0)
    parts = {(p.part, p.index): p.difference for p in cmp.ddm.located}
    assert parts[("segment", 0)] == pytest.approx(ours_business - 140.0)
    assert parts[("excess_cash", None)] == pytest.approx(-2.0)
    assert parts[("minority_interest", None)] == pytest.approx(-0.5)      # ours 2.5 vs 2.0 lowers our total
    assert parts[("not_located", None)] == pytest.approx(ours_total - 150.0 - (ours_business - 140.0) + 2.0 + 0.5)
    assert math.fsum(parts.values()) == pytest.approx(cmp.ddm.difference, abs=1e-12)
    assert [f.key for f in cmp.ddm.figures] == ["ddm.total", "ddm.segments[0].business_value",
                                                "ddm.excess_cash", "ddm.minority_interest"]   # "n/a" ignored
    assert cmp.dynamic.theirs_total is None and cmp.dynamic.located == [] and cmp.dynamic.figures == []


def test_sample_reference_comparison_locates_the_ddm_gap_by_segment():
    model = load_model(SAMPLE)
    result = valuate(model)
    cmp = compare_with_reference(model, result)
    assert round(cmp.ddm.ours_total, 2) == 695.41 and cmp.ddm.theirs_total == 674.75
    assert round(cmp.dynamic.ours_total, 2) == 576.69 and cmp.dynamic.theirs_total == 588.44
    assert (cmp.ddm.ours_status, cmp.ddm.theirs_status) == ("overvalued", "overvalued")
    seg = [p for p in cmp.ddm.located if p.part == "segment"]
    assert [round(p.difference, 2) for p in seg] == [round(b - t, 2) for b, t in
                                                     zip((353.35, 156.85, 95.41), (357.3, 145.2, 82.5))]
    assert math.fsum(p.difference for p in cmp.ddm.located) == pytest.approx(cmp.ddm.difference, abs=1e-12)
    rest = [p for p in cmp.ddm.located if p.part == "not_located"][0]
    assert abs(rest.difference) < 0.1                          # only the rounding of published figures
    # dynamic: the report publishes no per-segment business values: the columns show where the gap is
    cols = {f.key: f for f in cmp.dynamic.figures}
    assert round(cols["dynamic.columns.explicit_value"].difference, 2) == round(47.10 - 58.0, 2)
    assert round(cols["dynamic.segments[2].earnings_base"].ours, 1) == 5.5
    assert cols["dynamic.segments[2].earnings_base"].theirs == 5.6
    assert [p.part for p in cmp.dynamic.located] == ["excess_cash", "not_located"]
    assert cmp.market_cap.difference == pytest.approx(result.market_cap - 1304.64)


# -- the position of a multiple (seed 003) ------------------------------------------

def test_wandong_ps_against_industry_peers_and_own_history():
    pos = multiples_positions(load_model(WANDONG))["ps"]
    assert round(pos.value, 2) == 7.61
    assert pos.industry_band == "within" and round(pos.industry_position, 2) == 0.52   # (7.61 − 5) / 5
    assert (pos.peers_below, pos.peers_above, pos.peer_percentile) == (1, 1, 0.5)
    assert [p.label for p in pos.peers] == ["新华医疗", "东软医疗"]
    assert pos.peer_mean == pytest.approx(7.35) and pos.own_mean == 7.2
    assert round(pos.vs_own_mean, 3) == round(7.614410252669041 / 7.2 - 1, 3) == 0.058
    pe = multiples_positions(load_model(WANDONG))["pe"]
    assert pe.industry_low is None and pe.peers == [] and pe.own_mean is None


def test_multiple_position_by_hand():
    peers = [Point("a", 4.0), Point("b", 6.0), Point("c", 6.0), Point("d", None, True), Point("e", 12.0)]
    pos = multiple_position("pe", 6.0, industry=(8.0, 16.0), peers=peers,
                            own_history=[Point("2022", 5.0), Point("2023", 7.0), Point("2024", None, True)])
    assert pos.industry_band == "below" and pos.industry_position == -0.25
    assert (pos.peers_below, pos.peers_above) == (1, 1)
    assert pos.peer_percentile == (1 + 0.5 * 2) / 4          # ties count half; NM left out
    assert pos.peer_mean == 7.0 and pos.peer_median == 6.0
    assert pos.own_mean == 6.0 and pos.vs_own_mean == 0.0
    nm = multiple_position("pe", -3.0, industry=(8.0, 16.0), peers=peers)
    assert nm.nm and nm.value is None and nm.industry_band is None and nm.peer_percentile is None
    above = multiple_position("ps", 20.0, industry=(5.0, 10.0))
    assert above.industry_band == "above" and above.industry_position == 3.0


def test_free_form_figures_beyond_float_range_are_skipped_not_a_crash():
    doc = dossier_doc()
    doc["history"]["x_huge"] = {"2024": 10 ** 400}
    doc["reference"] = {"ddm_total": 10 ** 400, "market_cap": 1.0}
    model = Model.from_dict(doc)
    assert "x_huge" not in history_table(model).metrics
    cmp = compare_with_reference(model)
    assert cmp.ddm.theirs_total is None and cmp.market_cap.theirs == 1.0
