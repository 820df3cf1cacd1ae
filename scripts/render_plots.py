#!/usr/bin/env python3
"""Render the sensitivity panel (issue 5) with the sample to PNG, in English
and Simplified Chinese, offscreen: docs/screenshots/plots-<view>-<lang>.png.

    python scripts/render_plots.py [--out docs/screenshots] [--size 1400x820]

One picture per tab, plus the heat map with an invalid (r ≤ gT) region, the
heat map of the dynamic valuation over two other drivers, and the
discount-rate view for one segment.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6 import QtCore, QtWidgets  # noqa: E402

import models  # noqa: E402
from desktop_app import i18n  # noqa: E402
from desktop_app.controller import compute_state  # noqa: E402
from desktop_app.plots import SensitivityConfig, SensitivityPanel, SweepRange  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
TAB_NAMES = ("discount-rate", "drivers", "heatmap", "tornado", "bridge")


def render(panel: SensitivityPanel, app: QtWidgets.QApplication, path: Path) -> None:
    app.processEvents()
    panel.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1400x820")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    model = models.load_model(SAMPLE)
    state = compute_state(model)
    for lang in ("en", "zh_CN"):
        i18n.install(app, lang)
        panel = SensitivityPanel()
        panel.resize(width, height)
        panel.show()
        panel.update_state(state, True)
        for index, name in enumerate(TAB_NAMES):
            panel.tabs.setCurrentIndex(index)
            render(panel, app, out / f"plots-{name}-{lang}.png")
        # The hatched invalid region: terminal growth up to the model's + 7 points.
        panel.set_config(SensitivityConfig(heatmap_terminal_growth=SweepRange(-0.02, 0.07, 41)))
        panel.tabs.setCurrentIndex(TAB_NAMES.index("heatmap"))
        cell = panel.views["heatmap"]
        if cell.upside.size:  # show a readout as if the mouse were on an invalid cell
            invalid = [tuple(rc) for rc in zip(*((cell.upside != cell.upside).nonzero()))]
            if invalid:
                cell.readout.setText(cell.readout_text(*invalid[0]))
        render(panel, app, out / f"plots-heatmap-invalid-{lang}.png")
        # Any two drivers, either method (issue 13): the dynamic valuation over
        # revenue-growth shift × multiple.
        panel.set_config(SensitivityConfig().with_heatmap(x="growth_shift", y="multiple_scale", method="dynamic"))
        render(panel, app, out / f"plots-heatmap-drivers-{lang}.png")
        panel.set_config(SensitivityConfig())
        panel.set_segment(1)
        panel.tabs.setCurrentIndex(0)
        render(panel, app, out / f"plots-discount-rate-segment-{lang}.png")
        panel.settings_button.setChecked(True)
        panel.tabs.setCurrentIndex(TAB_NAMES.index("tornado"))
        render(panel, app, out / f"plots-tornado-settings-{lang}.png")
        panel.close()
        panel.deleteLater()
        app.processEvents()
    i18n.install(app, "en")
    QtCore.QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    code = main()
    # Every PNG is written and closed by now. Skip the interpreter's teardown:
    # under PySide6 6.11 it can destroy the QApplication before pyqtgraph's
    # scene objects and crash at exit (no effect on the images).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
