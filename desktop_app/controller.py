"""The one place that recomputes.

The controller hears the document say "values changed" or "model replaced",
asks the engine for everything the screen shows (segment tables, company
table, ``models.valuate``), and hands the resulting :class:`ComputedState` to
every registered view, synchronously: the engine is vectorized numpy and the
whole sample recomputes in well under a frame.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

import models
from models import forecast as engine_forecast


@dataclass
class ComputedState:
    """What the engine says about the current model. ``result`` is None only
    if ``models.valuate`` refused the model (which the document prevents)."""

    model: Any
    result: Any | None
    segment_tables: list
    company_table: Any
    issues: list  # the engine's warnings, or its errors when it refused the model
    error: str | None = None
    issues_by_path: dict = field(default_factory=dict)


class StateView(Protocol):
    def update_state(self, state: ComputedState, structure_changed: bool) -> None: ...


def compute_state(model) -> ComputedState:
    """Ask the engine for everything the views show. Never raises for an
    invalid model: ``result`` is then None and ``error`` says why."""
    segment_tables = [engine_forecast.segment_table(model, i) for i in range(model.segment_count)]
    company_table = engine_forecast.company_table(model)
    result = None
    error = None
    try:
        result = models.valuate(model)  # validates first
        issues = list(result.warnings)
    except models.InvalidInputError as exc:
        error = str(exc)
        issues = list(exc.issues)
    by_path: dict[str, list] = {}
    for issue in issues:
        by_path.setdefault(issue.path, []).append(issue)
    return ComputedState(model, result, segment_tables, company_table, issues, error, by_path)


class Controller(QObject):
    """Recomputes on every document change and feeds every view."""

    recomputed = Signal(object)  # ComputedState

    def __init__(self, document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.views: list[StateView] = []
        self.plot_panels: list = []
        self.state: ComputedState | None = None
        document.valuesChanged.connect(lambda paths: self.recompute(False))
        document.modelReplaced.connect(lambda: self.recompute(True))

    def add_view(self, view: StateView) -> None:
        self.views.append(view)
        if self.state is not None:
            view.update_state(self.state, True)

    def add_plot_panel(self, panel) -> None:
        """The sensitivity panel (issue 5): fed ``update_model(model, result)``."""
        self.plot_panels.append(panel)
        if self.state is not None:
            panel.update_model(self.state.model, self.state.result)

    def recompute(self, structure_changed: bool = False) -> ComputedState:
        state = compute_state(self.document.model)
        self.state = state
        for view in self.views:
            view.update_state(state, structure_changed)
        for panel in self.plot_panels:
            panel.update_model(state.model, state.result)
        self.recomputed.emit(state)
        return state
