"""Forecast derivation, company totals and cell inversion (method doc, "Segment forecast")."""
from __future__ import annotations

import math

import numpy as np
import pytest

from models import InvalidEditError, Model, load_model, validate
from models.forecast import (add_forecast_year, add_segment, company_table, edit_cell, move_segment,
                             remove_segment, rename_segment, segment_table)

from hand_model import hand_doc
from test_sample import SAMPLE


def apply(model, changes):
    for path, value in changes:
        model.set(path, value)


def test_segment_table_by_hand():
    t = segment_table(Model.from_dict(hand_doc()), 0)
    assert list(t.years) == [2024, 2025, 2026]
    assert list(t.is_actual) == [True, False, False]
    np.testing.assert_allclose(t.revenue, [100, 110, 110], rtol=1e-15)
    np.testing.assert_allclose(t.net_profit, [10, 11, 11], rtol=1e-15)
    np.testing.assert_allclose(t.margin, [0.1, 0.1, 0.1], rtol=1e-15)
    assert math.isnan(t.growth[0]) and t.growth[1] == 0.10 and t.growth[2] == 0.0
    assert math.isnan(t.profit_growth[0])
    np.testing.assert_allclose(t.profit_growth[1:], [0.1, 0.0], atol=1e-15)


def test_sample_table_3_domestic_row_matches_the_report():
    t = segment_table(load_model(SAMPLE), 0)
    # 表3 国内: 收入 72.6 81.8 66.0 81.6 85.4 89.8 94.1 103.9
    assert [round(v, 1) for v in t.revenue] == [72.6, 81.8, 66.0, 81.6, 85.4, 89.8, 94.1, 103.9]
    assert [round(v, 1) for v in t.net_profit[3:]] == [12.4, 14.9, 15.9, 16.7, 18.1]


def test_company_table_by_hand_and_sample():
    doc = hand_doc()
    doc["company_forecast"] = {"non_operating_profit": {"2025": 1.0}, "minority_profit": {"2025": 0.5, "2026": 0.25}}
    t = company_table(Model.from_dict(doc))
    np.testing.assert_allclose(t.net_profit_attributable, [10.0, 11.5, 10.75])
    np.testing.assert_allclose(t.net_profit_growth[1:], [0.15, 10.75 / 11.5 - 1])
    # 经营性归母净利润 = operating net profit − minority profit (no non-operating profit)
    np.testing.assert_allclose(t.operating_net_profit_attributable,
                               t.operating_net_profit - np.array([0.0, 0.5, 0.25]))
    np.testing.assert_allclose(t.operating_net_profit_attributable, [10.0, 10.5, 10.75])
    np.testing.assert_allclose(t.operating_attributable_growth[1:], [0.05, 10.75 / 10.5 - 1])
    sample = company_table(load_model(SAMPLE))
    # 表2: 收入 129.4 145.7 164.8 183.2 200.8 (2025E…), 经营性净利润 19.6 25.2 28.6 31.7 34.3
    # (the report adds rounded segment figures, so allow its rounding: ±0.15)
    np.testing.assert_allclose(sample.revenue[3:], [129.4, 145.7, 164.8, 183.2, 200.8], atol=0.15)
    np.testing.assert_allclose(sample.operating_net_profit[3:], [19.6, 25.2, 28.6, 31.7, 34.3], atol=0.15)
    np.testing.assert_allclose(sample.net_profit_attributable[3:], [20.6, 26.3, 29.7, 32.8, 35.4], atol=0.15)
    # 经营性归母净利润 and its growth (the sample has no minority profit)
    np.testing.assert_allclose(sample.operating_net_profit_attributable[3:], [19.6, 25.2, 28.6, 31.7, 34.3],
                               atol=0.15)
    np.testing.assert_allclose(sample.operating_attributable_growth[4:], [0.291, 0.135, 0.108, 0.082], atol=0.006)


def test_typing_a_forecast_revenue_sets_growth_and_later_years_keep_theirs():
    m = Model.from_dict(hand_doc())
    changes = edit_cell(m, 0, 2025, "revenue", 121.0)
    assert changes == [(("segments", 0, "forecast", "2025", "growth"), pytest.approx(0.21, rel=1e-14))]
    apply(m, changes)
    t = segment_table(m, 0)
    assert t.revenue[1] == pytest.approx(121.0, rel=1e-14)
    assert t.revenue[2] == pytest.approx(121.0, rel=1e-14)   # 2026 growth 0 kept
    assert t.growth[2] == 0.0


def test_typing_a_forecast_net_profit_sets_margin():
    m = Model.from_dict(hand_doc())
    apply(m, edit_cell(m, 0, 2026, "net_profit", 22.0))
    assert m.get(("segments", 0, "forecast", "2026", "margin")) == pytest.approx(0.2, rel=1e-14)


def test_typing_profit_growth_sets_margin():
    m = Model.from_dict(hand_doc())
    apply(m, edit_cell(m, 0, 2026, "profit_growth", 0.5))   # profit 11 → 16.5 on revenue 110
    assert m.get(("segments", 0, "forecast", "2026", "margin")) == pytest.approx(0.15, rel=1e-14)


def test_actual_cells_store_revenue_and_profit():
    doc = hand_doc()
    doc["years"] = [2023, 2024, 2025, 2026]
    doc["segments"][0]["actuals"]["2023"] = {"revenue": 80.0, "net_profit": 8.0}
    m = Model.from_dict(doc)
    apply(m, edit_cell(m, 0, 2024, "growth", 0.5))
    assert m.get(("segments", 0, "actuals", "2024", "revenue")) == pytest.approx(120.0)
    apply(m, edit_cell(m, 0, 2024, "margin", 0.25))
    assert m.get(("segments", 0, "actuals", "2024", "net_profit")) == pytest.approx(30.0)
    apply(m, edit_cell(m, 0, 2024, "profit_growth", 1.0))
    assert m.get(("segments", 0, "actuals", "2024", "net_profit")) == pytest.approx(16.0)
    with pytest.raises(InvalidEditError, match="first year"):
        edit_cell(m, 0, 2023, "growth", 0.1)
    # the actual revenue moves every forecast revenue
    assert segment_table(m, 0).revenue[2] == pytest.approx(132.0)


@pytest.mark.parametrize("year, row, value", [
    (2025, "growth", -1.0), (2025, "revenue", -5.0), (2025, "revenue", 0.0), (2024, "revenue", -1.0),
    (2025, "growth", float("nan")), (2025, "margin", float("inf")), (2030, "growth", 0.1), (2025, "bogus", 1.0),
])
def test_edits_that_cannot_apply_are_refused(year, row, value):
    m = Model.from_dict(hand_doc())
    before = m.to_dict()
    with pytest.raises(InvalidEditError):
        edit_cell(m, 0, year, row, value)
    assert m.to_dict() == before


def test_structural_edits_keep_the_model_valid():
    m = Model.from_dict(hand_doc())
    year = add_forecast_year(m)
    assert year == 2027 and m.years == [2024, 2025, 2026, 2027]
    assert m.get(("segments", 0, "forecast", "2027")) == {"growth": 0.0, "margin": 0.10}
    i = add_segment(m, "新业务")
    assert i == 1 and m.segment_names == ["主业", "新业务"]
    assert validate(m) == []
    rename_segment(m, 1, "  海外  ")
    move_segment(m, 1, 0)
    assert m.segment_names == ["海外", "主业"]
    remove_segment(m, 0)
    assert m.segment_names == ["主业"]
    with pytest.raises(InvalidEditError):
        remove_segment(m, 0)
    with pytest.raises(InvalidEditError):
        rename_segment(m, 0, "   ")
    assert validate(m) == []
