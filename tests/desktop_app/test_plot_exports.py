"""Issue 9: the plots' CSV exports carry no float noise: every number at most
15 significant digits, the axes as the analyst reads them (0.01, not
0.009999999999999998), numbers unquoted."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import math  # noqa: E402
import re  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from desktop_app.plots import SensitivityPanel  # noqa: E402

from tests.desktop_app.plots_helpers import sample, state_of  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NUMBER = re.compile(r"-?\d+(\.\d+)?(e[+-]\d+)?")


def significant_digits(text: str) -> int:
    mantissa = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa.rstrip("0")) if "." in text or "e" in text else len(mantissa.rstrip("0") or "0")


@pytest.fixture
def panel(qtbot):
    widget = SensitivityPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    model, result = sample()
    widget.update_state(state_of(model, result))
    return widget


@pytest.mark.parametrize("key", ["discount_rate", "terminal_growth", "margin", "growth", "heatmap",
                                 "tornado", "bridge"])
def test_every_plot_csv_has_at_most_15_significant_digits(panel, tmp_path, key):
    view = panel.views[key]
    path = tmp_path / f"{key}.csv"
    view.export_csv(str(path))
    raw = path.read_bytes().decode("utf-8-sig")
    lines = raw.split("\r\n")[1:-1]
    numbers = 0
    for line in lines:
        for cell in line.split(","):
            if NUMBER.fullmatch(cell):
                numbers += 1
                assert significant_digits(cell) <= 15, (key, cell, line)
                assert math.isfinite(float(cell))
            else:
                assert not cell.startswith('"'), (key, line)  # numbers are never quoted
    assert numbers >= len(lines)  # numbers were checked (every row has some)


def test_the_axes_read_as_typed(panel, tmp_path):
    model, _ = sample()
    assert model.terminal_growth == 0.03  # the default axis is 0.03 − 0.02 … 0.03 + 0.02
    path = tmp_path / "tg.csv"
    panel.views["terminal_growth"].export_csv(str(path))
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    xs = [row.split(",")[0] for row in rows[1:]]
    assert xs[0] == "0.01" and xs[5] == "0.015" and xs[20] == "0.03" and xs[-1] == "0.05", xs
    path = tmp_path / "dr.csv"
    panel.views["discount_rate"].export_csv(str(path))
    xs = [row.split(",")[0] for row in path.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert xs[:4] == ["-0.02", "-0.019", "-0.018", "-0.017"] and xs[20] == "0"
    path = tmp_path / "hm.csv"
    panel.views["heatmap"].export_csv(str(path))
    cells = [row.split(",")[:2] for row in path.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert {c[1] for c in cells} >= {"0.01", "0.02", "0.03", "0.04", "0.05"}
    assert {c[0] for c in cells} >= {"-0.02", "-0.01", "0", "0.01", "0.02"}
    path = tmp_path / "to.csv"
    panel.views["tornado"].export_csv(str(path))
    tg = [row.split(",") for row in path.read_text(encoding="utf-8-sig").splitlines() if ",terminal_growth," in row]
    assert tg and all(row[3:5] == ["0.02", "0.04"] for row in tg), tg
