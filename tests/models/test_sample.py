"""The reference sample must reproduce the method doc's figures."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import load_model, valuate
from models.dossier import without_dossier

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
# ../shared beside the checkout (/work/main) or beside the worktrees' folder (/work/wt/x)
SHARED_SAMPLE = next((p for p in (ROOT.parent / "shared" / "samples" / "united-imaging-688271.json",
                                  ROOT.parent.parent / "shared" / "samples" / "united-imaging-688271.json")
                      if p.exists()), ROOT.parent / "shared" / "samples" / "united-imaging-688271.json")


@pytest.fixture(scope="module")
def result():
    return valuate(load_model(SAMPLE))


def test_bundled_sample_values_as_the_reference_sample():
    """The bundled sample is the shared reference sample plus the dossier (and
    more quoted figures): its valuation inputs are the reference's, key for key,
    and both value identically."""
    if not SHARED_SAMPLE.exists():
        pytest.skip("../shared is not beside this checkout")
    ours = json.loads(SAMPLE.read_text(encoding="utf-8"))
    theirs = json.loads(SHARED_SAMPLE.read_text(encoding="utf-8"))
    ours_inputs, theirs_inputs = without_dossier(ours), without_dossier(theirs)
    for doc in (ours_inputs, theirs_inputs):
        for key in ("history", "reference", "notes"):     # quoted figures and free notes: never inputs
            doc.pop(key, None)
        for seg in doc["segments"]:
            seg.pop("notes", None)
    assert ours_inputs == theirs_inputs
    for key in ("history", "reference"):                  # the reference's figures are all still there
        for name, value in theirs[key].items():
            assert ours[key][name] == value, (key, name)
    assert valuate(load_model(SAMPLE)).to_dict() == valuate(load_model(SHARED_SAMPLE)).to_dict()


def test_market_cap(result):
    assert result.market_cap == pytest.approx(158.3 * 8.241567)
    assert round(result.market_cap, 2) == 1304.64


def test_ddm_figures(result):
    assert [round(s.forecast_value, 2) for s in result.ddm.segments] == [92.25, 49.76, 31.45]
    assert [round(s.perpetual_value, 2) for s in result.ddm.segments] == [261.10, 107.09, 63.96]
    assert [round(s.business_value, 2) for s in result.ddm.segments] == [353.35, 156.85, 95.41]
    assert round(result.ddm.total, 2) == 695.41
    assert round(result.ddm.upside, 3) == -0.467
    assert result.ddm.status == "overvalued"


def test_dynamic_figures(result):
    assert [round(s.explicit_value, 2) for s in result.dynamic.segments] == [34.43, 4.86, 7.81]
    assert [round(s.post_explicit_value, 2) for s in result.dynamic.segments] == [248.16, 128.48, 63.15]
    assert [round(s.business_value, 2) for s in result.dynamic.segments] == [282.59, 133.34, 70.96]
    # The report's 有效盈利预测 (table 4): 17.6, 10.3, 5.6
    assert [round(s.earnings_base, 1) for s in result.dynamic.segments] == [17.6, 10.3, 5.5]
    assert round(result.dynamic.total, 2) == 576.69
    assert round(result.dynamic.upside, 3) == -0.558
    assert result.dynamic.status == "severely_overvalued"


def test_within_3_1_percent_of_the_report(result):
    model = load_model(SAMPLE)
    ref = model.doc["reference"]
    assert abs(result.ddm.total / ref["ddm_total"] - 1) < 0.031
    assert abs(result.dynamic.total / ref["dynamic_total"] - 1) < 0.031
    assert result.ddm.status == ref["ddm_status"]
    assert result.dynamic.status == ref["dynamic_status"]
