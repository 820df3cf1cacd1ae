"""Edits of the uncertainty key and the value histogram (models/analysis/uncertainty_edit.py)."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from models.analysis import uncertainty_edit as ue
from models.analysis.uncertainty import DEFAULT_DRIVERS, check_uncertainty, settings_from
from models.status import band_edges, status_for


def test_first_edit_writes_the_defaults_with_the_change_and_never_touches_the_input():
    assert ue.set_draws(None, 2000) == {"draws": 2000, "seed": 0, "drivers": DEFAULT_DRIVERS}
    old = {"seed": 5, "note": "kept"}
    new = ue.set_param(old, "growth_shift", "sd", 0.03)
    assert old == {"seed": 5, "note": "kept"}
    assert new["drivers"]["growth_shift"] == {"dist": "normal", "mean": 0.0, "sd": 0.03}
    assert new["note"] == "kept" and new["seed"] == 5
    assert check_uncertainty(ue.expanded(new)) == []


@pytest.mark.parametrize("make, path, code", [
    (lambda: ue.set_draws(None, 0), ("draws",), "range"),
    (lambda: ue.set_draws(None, 2.5), ("draws",), "range"),
    (lambda: ue.set_seed(None, -1), ("seed",), "range"),
    (lambda: ue.set_param(None, "growth_shift", "sd", -0.01), ("drivers", "growth_shift", "sd"), "range"),
    (lambda: ue.set_param(None, "growth_shift", "sd", math.nan), ("drivers", "growth_shift", "sd"), "type"),
    (lambda: ue.set_param(ue.set_distribution(None, "growth_shift", "uniform"), "growth_shift", "low", 0.5),
     ("drivers", "growth_shift", "low"), "order"),
    (lambda: ue.set_correlation(None, 0, 1, 1.5), ("correlation", 0, 1), "range"),
    (lambda: ue.set_correlation(None, 1, 1, 0.5), ("correlation", 1, 1), "diagonal"),
    (lambda: ue.add_driver(None, "growth_shift"), ("drivers", "growth_shift"), "duplicate"),
])
def test_refusals_name_the_key_and_the_rule(make, path, code):
    with pytest.raises(ue.UncertaintyEditError) as info:
        make()
    assert info.value.path == path and info.value.code == code


def test_a_correlation_that_is_not_positive_definite_is_refused():
    v = ue.set_correlation(None, 0, 1, 0.6)
    v = ue.set_correlation(v, 0, 2, 0.6)
    with pytest.raises(ue.UncertaintyEditError) as info:
        ue.set_correlation(v, 1, 2, -0.6)
    assert info.value.code == "not_positive_definite"


def test_correlation_is_symmetric_and_follows_added_and_removed_drivers():
    v = ue.set_correlation(None, 1, 2, -0.4)
    c = np.array(v["correlation"])
    assert c[1, 2] == c[2, 1] == -0.4 and np.array_equal(np.diag(c), np.ones(4))
    v = ue.add_driver(v, "roe_shift")
    assert np.array(v["correlation"]).shape == (5, 5) and v["correlation"][4] == [0, 0, 0, 0, 1]
    v = ue.remove_driver(v, "growth_shift")         # the first driver: row and column 0 go
    c = np.array(v["correlation"])
    assert list(v["drivers"]) == ["margin_shift", "discount_rate_shift", "multiple_scale", "roe_shift"]
    assert c.shape == (4, 4) and c[0, 1] == -0.4 and c[1, 0] == -0.4
    assert "correlation" not in ue.clear_correlation(v)
    assert settings_from(v).correlation.shape == (4, 4)


@given(mean=st.floats(-0.2, 0.2), sd=st.floats(0.0, 0.1))
def test_a_change_of_distribution_keeps_the_mean_and_sd(mean, sd):
    normal = {"dist": "normal", "mean": mean, "sd": sd, "segment": 1}
    for kind in ("uniform", "triangular"):
        other = ue.converted(normal, kind)
        assert other["segment"] == 1
        m, s = ue.moments(other)
        assert m == pytest.approx(mean, abs=1e-12) and s == pytest.approx(sd, abs=1e-12)
        back = ue.converted(other, "normal")
        assert back["mean"] == pytest.approx(mean, abs=1e-12) and back["sd"] == pytest.approx(sd, abs=1e-12)


def test_moments_of_a_skewed_triangle_by_hand():
    # low 0, mode 0, high 3: mean 1, variance (0 + 0 + 9 - 0 - 0 - 0) / 18 = 0.5
    m, s = ue.moments({"dist": "triangular", "low": 0.0, "mode": 0.0, "high": 3.0})
    assert m == 1.0 and s == pytest.approx(math.sqrt(0.5), abs=1e-15)


@given(st.lists(st.floats(100.0, 3000.0), min_size=1, max_size=300), st.integers(1, 80))
def test_histogram_bins_never_straddle_a_status_boundary(values, bins):
    mcap = 1000.0
    totals = np.array(values + [math.nan])
    h = ue.value_histogram(totals, mcap, bins)
    assert h.valid == len(values) and int(h.counts.sum()) == len(values)
    assert h.shares.sum() == pytest.approx(1.0)
    edges = band_edges(mcap)
    for a, b, status in zip(h.edges[:-1], h.edges[1:], h.statuses):
        assert not any(a < e < b for e in edges)
        assert status == status_for(min(max(a, 0.0), b) / mcap - 1.0) or a in edges
    # every value is counted in the bin whose status is its own
    for v in values:
        k = min(int(np.searchsorted(h.edges, v, side="right")) - 1, h.counts.size - 1)
        assert h.edges[k] <= v <= h.edges[k + 1]
        if v not in edges:
            assert h.statuses[k] == status_for(v / mcap - 1.0)
