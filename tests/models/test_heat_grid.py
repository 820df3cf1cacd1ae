"""models.requests.heat_grid: the heat-map view's request (issue 13, item 5)."""
from pathlib import Path

import numpy as np
import pytest

import models
from models.analysis.heatmap import heat_map
from models.requests import SweepRange, heat_grid

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "united-imaging-688271.json"


@pytest.fixture(scope="module")
def model():
    return models.load_model(SAMPLE)


@pytest.mark.parametrize("segment", [None, 1])
def test_ranges_are_offsets_around_each_drivers_neutral_value(model, segment):
    grid = heat_grid(model, "terminal_growth", SweepRange(-0.01, 0.01, 5), "multiple_scale",
                     SweepRange(-0.2, 0.2, 3), "dynamic", segment)
    g = model.terminal_growth if segment is None else model.segment_terminal_growth(segment)
    np.testing.assert_allclose(grid.x, g + np.array([-0.01, -0.005, 0.0, 0.005, 0.01]), rtol=0, atol=1e-15)
    np.testing.assert_allclose(grid.y, [0.8, 1.0, 1.2], rtol=0, atol=1e-15)
    want = heat_map(model, "terminal_growth", grid.x, "multiple_scale", grid.y, "dynamic", segment)
    np.testing.assert_array_equal(grid.totals, want.total)
    np.testing.assert_array_equal(grid.band, want.band)
    assert grid.base == (g, 1.0) and grid.method == "dynamic"
    # the model's own point is the model's own value
    assert grid.totals[1, 2] == pytest.approx(models.valuate(model).dynamic.total, rel=1e-12)


@pytest.mark.parametrize("x_range, message", [(SweepRange(0.01, 0.01, 5), "must end above"),
                                              (SweepRange(-0.01, 0.01, 1), "steps")])
def test_a_bad_range_is_refused_naming_the_rule(model, x_range, message):
    with pytest.raises(ValueError, match=message):
        heat_grid(model, "growth_shift", x_range, "roe_shift", SweepRange(-0.01, 0.01, 3))


def test_the_same_driver_twice_is_refused(model):
    with pytest.raises(ValueError, match="must differ"):
        heat_grid(model, "roe_shift", SweepRange(-0.01, 0.01, 3), "roe_shift", SweepRange(-0.01, 0.01, 3))
