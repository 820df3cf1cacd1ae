"""A model and a copy where the first N input groups (as models.analysis.
attribution counts them) differ: shared by the attribution tests and the
analysis benchmark."""
from __future__ import annotations

from models import Model


def changed_copy(model, n_groups: int) -> Model:
    """The model with its first ``n_groups`` input groups changed (segment by
    segment: growth, margin, actuals, discount rate, ROE, fade, terminal
    growth, multiple; then cash and settings)."""
    b = model.copy()
    years = [str(y) for y in model.forecast_years]
    last = str(model.actual_years[-1])
    edits = []
    for s in range(model.segment_count):
        seg = ("segments", s)
        edits += [
            lambda m, seg=seg: [m.set(seg + ("forecast", y, "growth"), m.get(seg + ("forecast", y, "growth")) + 0.01) for y in years],
            lambda m, seg=seg: [m.set(seg + ("forecast", y, "margin"), m.get(seg + ("forecast", y, "margin")) - 0.005) for y in years],
            lambda m, seg=seg: m.set(seg + ("actuals", last, "revenue"), m.get(seg + ("actuals", last, "revenue")) * 1.05),
            lambda m, seg=seg: m.set(seg + ("discount_rate",), m.get(seg + ("discount_rate",)) + 0.004),
            lambda m, seg=seg: m.set(seg + ("roe",), m.get(seg + ("roe",)) * 1.1),
            lambda m, seg=seg: m.set(seg + ("fade_growth",), m.get(seg + ("fade_growth",)) - 0.01),
            lambda m, seg=seg: m.set(seg + ("terminal_growth",), 0.025),
            lambda m, seg=seg: m.set(seg + ("multiple",), m.get(seg + ("multiple",)) * 0.9),
        ]
    edits += [lambda m: m.set(("valuation", "excess_cash"), 95.0), lambda m: m.set(("valuation", "fade_years"), 8)]
    for edit in edits[:n_groups]:
        edit(b)
    b = Model.from_dict(b.doc)
    from models.analysis.attribution import differing_groups

    assert len(differing_groups(model, b)) == n_groups
    return b
