"""The edit-latency benchmark with a page in front (``--page KEY``): on a short
run its own checks pass (the header and the valuation tables follow every edit,
the page stays in front); no timing is asserted here."""
import sys

import pytest

import models
from desktop_app.pages import PAGES

from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="module")
def edit_latency():
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        import edit_latency
    finally:
        sys.path.pop(0)
    return edit_latency


@pytest.mark.parametrize("key", ["valuation"] + [spec.key for spec in PAGES])
def test_the_benchmark_runs_with_each_page_in_front(qapp, settings, edit_latency, key):
    out = edit_latency.run(qapp, models.load_model(SAMPLE), 12, False, settings, page=key)
    assert out["page"] == key and out["edits"] == 12
    assert out["p50_ms"] > 0 and out["p95_ms"] >= out["p50_ms"]


def test_an_unknown_page_stops_the_run(qapp, settings, edit_latency):
    with pytest.raises(SystemExit, match="no page 'nowhere'"):
        edit_latency.run(qapp, models.load_model(SAMPLE), 12, False, settings, page="nowhere")


def test_the_command_line_names_an_unknown_page(edit_latency, capsys):
    with pytest.raises(SystemExit) as exc:
        edit_latency.main(["--page", "nowhere", "--edits", "1"])
    assert exc.value.code == 2 and "unknown page nowhere" in capsys.readouterr().err
