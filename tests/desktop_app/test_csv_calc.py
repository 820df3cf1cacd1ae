"""CSV injection (issue 8, item 1) through the app: every CSV the main window
and the sensitivity plots export, with segment and company names that try to
become formulas, is read by LibreOffice Calc without a single formula."""
from __future__ import annotations

import pytest

import models
from desktop_app.document import Document
from desktop_app.plots import SensitivityPanel
from models import csv_export
from models.synthetic import synthetic_model
from tests.desktop_app.plots_helpers import state_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def spread(payloads: list[str], leads: int) -> list[str]:
    """Every lead before "=" (the start Calc obeys), and the NUL lead (which
    Calc drops) before every other start: each lead and each start once."""
    starts = len(payloads) // leads
    return [payloads[i * starts] for i in range(leads)] + payloads[starts + 1:2 * starts]


def payload_model(names: list[str]) -> models.Model:
    model = synthetic_model(segments=len(names), years=6, actual_years=2)
    for i, name in enumerate(names):
        model.set(("segments", i, "name"), name)
    model.set(("company", "name"), names[1])
    model.set(("company", "ticker"), names[2])
    model.set(("company", "industry"), names[-1])
    return model


@pytest.fixture
def names(payloads, injection_leads):
    return spread(payloads, len(injection_leads))


def test_calc_reads_no_formula_from_the_main_window_export(tmp_path, calc, make_window, recovery_dir, names):
    model = payload_model(names)
    window = make_window(Document(model, None, recovery_dir=recovery_dir))
    written = window.session.export_csv(str(tmp_path))
    assert len(written) == 7
    cells = {cell for path in written for row in csv_export.read_csv_rows(path) for cell in row}
    # the names reached the tables (neutralised), so Calc judged them
    assert sum(csv_export.safe_text(n) in cells for n in names) == len(names)
    calc.assert_no_formula(written)


def test_calc_reads_no_formula_from_any_plot_export(tmp_path, calc, qtbot, names):
    model = payload_model(names)
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)
    from desktop_app.controller import compute_state
    panel.update_state(compute_state(model))
    written = []
    for key, view in panel.views.items():
        path = tmp_path / f"plot_{key}.csv"
        view.export_csv(str(path))
        written.append(path)
    bridge = {cell for row in csv_export.read_csv_rows(tmp_path / "plot_bridge.csv") for cell in row}
    assert sum(csv_export.safe_text(n) in bridge for n in names) == len(names)
    calc.assert_no_formula(written)

