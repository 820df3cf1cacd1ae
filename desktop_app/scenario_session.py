"""Which scenario the open document shows, and the scenario actions as undo steps.

The rules (the Scenarios page's docstring and the README say them to the user):

- The file always holds the **base** and the list of scenarios. Showing a
  scenario puts its inputs into the open model, so every page, the header
  and the plots value the scenario; the base is kept aside (in the undo
  step) and a save writes the base and the scenarios, never the scenario's
  inputs as the base (``Document.stored_form``).
- While a scenario is shown, an edit on any page is an edit of that
  scenario (the scenario holds what the inputs then differ from the base).
  Adding, removing or moving segments and years is refused then (a scenario
  changes values only): switch to the base first.
- **Save as scenario** takes what the inputs differ from the reference: the
  base as last opened or saved when the base is shown (so save the file first
  if some edits belong to the base), the base when a scenario is shown (the
  shown one keeps what it held before). The new scenario is then shown:
  nothing on screen moves, and the base is back to the reference.
- Show, save as, rename, delete and editing a scenario's changes are each one
  undo step (Ctrl+Z); opening or reloading a file shows the base.

The state (shown scenario, base) travels with the undo steps: each of these
steps sets it again before its undo or redo applies the model.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

import models
from models.analysis import scenario_view
from models.analysis.scenarios import (ScenarioError, add_scenario, base_model, delete_scenario, get_scenario,
                                       rename_scenario, scenario_names, set_scenario_changes)
from desktop_app import engine_messages
from desktop_app.i18n import fill


class ScenarioSession(QObject):
    """The scenario state of one document; installs the document's hooks."""

    def __init__(self, document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self._own_step = False
        self._state: tuple = (None, None)
        document.undo_stack.indexChanged.connect(self._on_index_changed)
        document.stored_form = self._stored_form
        document.structure_guard = self._guard

    # state ----------------------------------------------------------------------------------
    def state(self) -> tuple[str | None, Any]:
        """(name of the scenario shown or None for the base, the base model while one is shown)."""
        return self._state

    def _on_index_changed(self, index: int) -> None:
        try:
            cleared = self.document.undo_stack.count() == 0
        except RuntimeError:   # the stack is going away with its document
            return
        if cleared:   # a file was opened, reloaded or made: the base
            self._state = (None, None)

    @property
    def shown(self) -> str | None:
        return self.state()[0]

    def stored(self) -> models.Model:
        """The document in the file's form (base + scenarios, the shown one up to date)."""
        return self._stored_form(self.document.model)

    def _stored_form(self, model):
        shown, base = self.state()
        if shown is None:
            return model
        try:
            return scenario_view.stored_model(model, base, shown)
        except ScenarioError:
            return model   # cannot happen while structure edits are refused; never lose the inputs

    def _guard(self) -> str | None:
        shown = self.shown
        if shown is None or self._own_step:
            return None
        return fill(self.tr("Scenario '%1' is shown: switch to the base to add, remove or move segments or "
                            "years (a scenario changes values only)."), shown)

    def reference(self) -> models.Model:
        """What "save as scenario" compares the inputs with: the base when a
        scenario is shown, else the base as last opened or saved."""
        shown, base = self.state()
        return base if shown is not None else base_model(self.document.saved_model)

    def current_edits(self) -> list[dict]:
        """The changes a "save as scenario" would hold now (ScenarioError when the
        structure differs from the reference)."""
        return scenario_view.edits_since(self.reference(), self.document.model)

    # the one way a step is made -----------------------------------------------------------------
    def _step(self, text: str, make) -> bool:
        """``make(stored) -> (new stored model, shown)``; one undo step, or a refusal."""
        try:
            stored, shown = make(self.stored())
            working = scenario_view.working_model(stored, shown)
        except ScenarioError as exc:
            self.document._reject(fill(self.tr("%1 refused: %2"), text,
                                       engine_messages.text(exc, self.document.model)))
            return False
        base = base_model(stored) if shown is not None else None

        def replace(model) -> None:
            model.doc = working.doc

        before, after = self._state, (shown, base)

        def before_replay(forward: bool) -> None:
            self._state = after if forward else before

        self._own_step, self._state = True, after
        try:
            ok = self.document.restructure(text, replace, before_replay)
        finally:
            self._own_step = False
        if not ok:
            self._state = before
            self.document.modelReplaced.emit()   # the views saw the refused state: show the kept one
        return ok

    # the actions ------------------------------------------------------------------------------
    def show(self, name: str | None) -> bool:
        """Show scenario ``name`` (None: the base); the inputs of the scenario
        shown before keep its edits."""
        if name == self.shown:
            return True
        text = self.tr("Show the base") if name is None else fill(self.tr("Show scenario %1"), name)
        return self._step(text, lambda stored: (stored, name))

    def save_as(self, name: str, note: str = "") -> bool:
        """Save what the inputs differ from the reference as scenario ``name``
        and show it (the base goes back to the reference)."""
        name = name.strip()
        reference = self.reference()

        def make(stored):
            changes = scenario_view.edits_since(reference, self.document.model)
            if name in scenario_names(stored):
                raise ScenarioError(f"a scenario named {name!r} exists already", code="scenario_name_taken",
                                    params={"name": name})
            keep = base_model(reference).doc
            doc = dict(keep)
            if stored.doc.get("scenarios"):
                doc["scenarios"] = stored.doc["scenarios"]
            new = add_scenario(models.Model(doc), {"name": name, "note": note, "changes": []})
            return set_scenario_changes(new, name, changes), name

        if self.shown is not None:
            # the shown scenario keeps what it held before these edits
            shown = self.shown
            held = get_scenario(self.document.model, shown)["changes"] if shown in scenario_names(self.document.model) else []

            def make_fork(stored):
                new, _ = make(stored)
                return set_scenario_changes(new, shown, held), name
            return self._step(fill(self.tr("Save as scenario %1"), name), make_fork)
        return self._step(fill(self.tr("Save as scenario %1"), name), make)

    def rename(self, old: str, new: str) -> bool:
        new = new.strip()
        shown = self.shown
        return self._step(fill(self.tr("Rename scenario %1 to %2"), old, new),
                          lambda stored: (rename_scenario(stored, old, new), new if shown == old else shown))

    def delete(self, name: str) -> bool:
        """Delete scenario ``name``; if it is shown, the base is shown again."""
        shown = self.shown
        return self._step(fill(self.tr("Delete scenario %1"), name),
                          lambda stored: (delete_scenario(stored, name), None if shown == name else shown))

    def set_changes(self, name: str, changes: list[dict]) -> bool:
        """Give scenario ``name`` these changes (checked against the base as on load)."""
        shown = self.shown

        def make(stored):
            new = set_scenario_changes(stored, name, changes)
            scenario_view.working_model(new, name)   # refuse values the method rejects, naming them
            return new, shown
        return self._step(fill(self.tr("Edit scenario %1"), name), make)

    def changes_of(self, name: str) -> list[dict]:
        return get_scenario(self.stored(), name)["changes"]
