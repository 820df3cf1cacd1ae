"""Issue 11: the sweeps place their texts (legend, value labels, band labels)
only when what the places depend on moved: the plot's size, its ranges, a
curve, marker or the market-cap line by a pixel, a text's size. An edit too
small to move anything on screen places nothing; one that moves a curve
places again, and the texts are still free of everything."""
from __future__ import annotations

import pytest

from desktop_app import i18n
from desktop_app.plots import SensitivityPanel
from tests.desktop_app.plots_helpers import edited, sample, state_of
from tests.desktop_app.test_plot_layout import collisions

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def panel(qtbot, qapp):
    i18n.install(qapp, "en")
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    panel.resize(1600, 440)
    panel.show()
    qtbot.waitExposed(panel)
    model, result = sample()
    panel.update_state(state_of(model, result))
    qtbot.wait(20)
    return panel


def counting(monkeypatch, bands) -> list:
    calls = []
    original = bands.place_labels

    def place_labels(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(bands, "place_labels", place_labels)
    return calls


def test_an_edit_that_moves_nothing_places_nothing(qtbot, monkeypatch, panel):
    view = panel.views["discount_rate"]
    calls = counting(monkeypatch, view.bands)
    model, _ = sample()
    rate = model.segments[0]["discount_rate"]
    # the same numbers again, then a change far below a pixel
    panel.update_state(state_of(model, __import__("models").valuate(model)))
    tiny, tiny_result = edited(model, ("segments", 0, "discount_rate"), rate + 1e-9)
    panel.update_state(state_of(tiny, tiny_result))
    qtbot.wait(20)
    assert view.totals["ddm"].size == 41   # drawn (the numbers were asked for and shown)
    assert calls == []


def test_an_edit_that_moves_a_curve_places_again(qtbot, monkeypatch, panel):
    view = panel.views["discount_rate"]
    calls = counting(monkeypatch, view.bands)
    model, _ = sample()
    before = view.totals["ddm"].copy()
    moved, moved_result = edited(model, ("segments", 0, "forecast", "2026", "growth"), 0.30)
    panel.update_state(state_of(moved, moved_result))
    qtbot.wait(20)
    assert (view.totals["ddm"] != before).any()
    assert len(calls) == 1
    assert not collisions(view.plot)


def test_a_resize_places_again(qtbot, monkeypatch, panel):
    view = panel.views["discount_rate"]
    calls = counting(monkeypatch, view.bands)
    panel.resize(1200, 520)
    qtbot.wait(50)
    assert calls
    assert not collisions(view.plot)
