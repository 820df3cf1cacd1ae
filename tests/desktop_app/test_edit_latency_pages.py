"""edit_latency.py --page: the benchmark's screen check passes with a dossier
page in front (no timing asserted), and an unknown page is said plainly."""
import sys
from pathlib import Path

import pytest

import models

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def edit_latency():
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        import edit_latency
    finally:
        sys.path.pop(0)
    return edit_latency


@pytest.mark.parametrize("page", ["ratings", "notes"])
def test_benchmark_runs_with_a_page_in_front(qapp, settings, edit_latency, page):
    out = edit_latency.run(qapp, models.load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json"),
                           12, False, settings, page)
    assert out["edits"] == 12 and out["p95_ms"] >= out["p50_ms"] > 0


def test_an_unknown_page_stops_the_benchmark(qapp, settings, edit_latency):
    with pytest.raises(SystemExit, match="no page 'nope'"):
        edit_latency.run(qapp, models.load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json"),
                         12, False, settings, "nope")
