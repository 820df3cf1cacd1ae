"""The one place that recomputes.

The controller hears the document say "values changed" or "model replaced",
asks the engine for everything the screen shows (segment tables, company
table, ``models.valuate``), and hands the resulting :class:`ComputedState` to
every registered view, synchronously: the engine is vectorized numpy and the
whole sample recomputes in well under a frame.

Tables, the header, the messages and the sensitivity plots are all views of
that one state (``update_state``). A view that needs more of the engine than
the state holds (a sweep, a grid) asks through the controller's
:class:`~desktop_app.runner.Runner`, which reports failures by its ``failed``
signal instead of letting them stop the other views.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

import models
from models import forecast as engine_forecast

from desktop_app.runner import Runner
from desktop_app.widgets.spreadsheet import fits_batched


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


class StateView(Protocol):
    def update_state(self, state: ComputedState, structure_changed: bool) -> None: ...


def compute_state(model, previous: ComputedState | None = None, changed_segments: set | None = None,
                  validated: bool = False, result=None) -> ComputedState:
    """Ask the engine for everything the views show. Never raises for an
    invalid model: ``result`` is then None and ``error`` says why.

    ``previous`` and ``changed_segments``: after a value edit only the
    segments whose inputs changed get a new ``segment_table`` (a segment's
    table depends on nothing else). ``validated``: the caller (the document,
    which refuses invalid edits) vouches that ``models.validate`` found no
    error in this exact model, so ``valuate`` need not check again.
    ``result``: the engine's valuation of this exact model, if the caller
    already has it.
    """
    if previous is not None and changed_segments is not None \
            and len(previous.segment_tables) == model.segment_count:
        segment_tables = list(previous.segment_tables)
        for i in changed_segments:
            if 0 <= i < model.segment_count:
                segment_tables[i] = engine_forecast.segment_table(model, i)
    else:
        segment_tables = [engine_forecast.segment_table(model, i) for i in range(model.segment_count)]
    company_table = engine_forecast.company_table(model)
    error = None
    try:
        if result is None:
            result = models.valuate(model, check=not validated)
        issues = list(result.warnings)
    except models.InvalidInputError as exc:
        result, error, issues = None, str(exc), list(exc.issues)
    except Exception as exc:  # noqa: BLE001 - never let a view see a half state
        result, error = None, f"{type(exc).__name__}: {exc}"
        issues = [models.Issue("", error)]
    return ComputedState(model, result, segment_tables, company_table, issues, error)


class Controller(QObject):
    """Recomputes on every document change and feeds every view."""

    recomputed = Signal(object)  # ComputedState

    def __init__(self, document, parent: QObject | None = None, runner: Runner | None = None):
        super().__init__(parent)
        self.document = document
        self.views: list[StateView] = []
        self.state: ComputedState | None = None
        #: Runs the engine work views ask for beyond the state (the plots');
        #: its ``failed`` signal says what could not be computed.
        self.runner = runner if runner is not None else Runner(parent=self)
        document.valuesChanged.connect(self._on_values_changed)
        document.modelReplaced.connect(self._on_model_replaced)

    def add_view(self, view: StateView) -> None:
        self.views.append(view)
        bind = getattr(view, "bind_controller", None)
        if bind is not None:   # a view that asks the controller for more (the header's analysis line)
            bind(self)
        if self.state is not None:
            view.update_state(self.state, True)

    def _on_values_changed(self, paths) -> None:
        segments = {p[1] for p in paths if len(p) > 1 and p[0] == "segments" and isinstance(p[1], int)}
        self.recompute(False, changed_segments=segments)

    def _on_model_replaced(self) -> None:
        self.recompute(True)

    def recompute(self, structure_changed: bool = False, changed_segments: set | None = None) -> ComputedState:
        """Recompute from the document's model and feed every view.
        ``changed_segments`` (after a value edit) limits which segment tables
        the engine rebuilds; None rebuilds all."""
        previous = None if structure_changed else self.state
        state = compute_state(self.document.model, previous,
                              changed_segments if previous is not None else None,
                              validated=self.document.is_validated,
                              result=self.document.cached_result())
        self.state = state
        with fits_batched():   # every table measures its columns once for this state
            for view in self.views:
                view.update_state(state, structure_changed)
            self.recomputed.emit(state)
        return state
