"""Showing a scenario in an editor: the working model and the file's form.

A GUI that lets the user *show* a scenario (every table and figure then holds
the scenario's inputs) keeps two things: the *working* model (the scenario
applied, plus the model's ``scenarios`` list, so it validates like the file)
and the *base* inputs it came from. What a save writes is neither: it is the
base with every scenario, the shown one holding whatever the working model
now differs from the base (edits made while a scenario is shown belong to
it). These plain functions convert between the three; all pure.

The messages these functions return (``error``, ``ddm_error``,
``edits_error``) are ``models.errors.Message``: the English text with the
error's code and params, for a GUI to say in its language.
"""
from __future__ import annotations

from ..errors import message_of
from ..model import Model, copy_json
from .scenarios import (SCENARIOS_KEY, ScenarioError, apply_scenario, base_model, scenario_changes,
                        scenarios_of, set_scenario_changes)


def working_model(stored: Model, shown: str | None) -> Model:
    """What the editor holds while ``shown`` (a scenario name, None = the base)
    is shown: the scenario applied to the base, carrying ``stored``'s
    scenarios. Raises ScenarioError when the scenario cannot be applied."""
    if shown is None:
        return stored.copy()
    working = apply_scenario(stored, shown)
    scenarios = scenarios_of(stored)
    if scenarios:
        working.doc[SCENARIOS_KEY] = scenarios
    return working


def stored_model(working: Model, base: Model | None, shown: str | None) -> Model:
    """The file's form of an editor's state: ``base``'s inputs and
    ``working``'s scenarios, scenario ``shown`` holding what ``working``
    differs from ``base`` (its note and position kept). With nothing shown
    the working model is the base: a copy of it."""
    if shown is None or base is None:
        return working.copy()
    doc = copy_json(base_model(base).doc)
    scenarios = scenarios_of(working)
    if scenarios:
        doc[SCENARIOS_KEY] = scenarios
    return set_scenario_changes(Model(doc), shown, scenario_changes(base, working))


def edits_since(reference: Model, current: Model) -> list[dict]:
    """The changes that turn ``reference``'s inputs into ``current``'s (what a
    "save as scenario" would hold); ScenarioError when the structure differs."""
    return scenario_changes(reference, current)


def compared_version(saved: Model, shown: str | None) -> tuple[Model, str | None]:
    """The version of a saved file to compare the working model against for
    "what changed since I saved": the saved file's scenario ``shown`` when it
    has one by that name, else its base. Returns the model (inputs only) and
    the scenario name used (None: the base)."""
    if shown is not None and any(sc.get("name") == shown for sc in saved.doc.get(SCENARIOS_KEY) or []):
        try:
            return apply_scenario(saved, shown), shown
        except ScenarioError:
            pass
    return base_model(saved), None


def attribute_between(a: Model, b: Model) -> dict:
    """The attribution A → B for a view that must not fail: ``{"result":
    Attribution | None, "error": message | None, "ddm_error": message |
    None}``. Models that cannot be compared give ``error`` (naming the
    difference); a split the DDM cannot define (a mix with r ≤ gT) gives the
    dynamic split alone and ``ddm_error``."""
    from ..errors import ModelError, message_of
    from .attribution import AttributionError, attribute

    try:
        return {"result": attribute(a, b), "error": None, "ddm_error": None}
    except AttributionError as exc:
        message = message_of(exc)
    except ModelError as exc:
        return {"result": None, "error": message_of(exc), "ddm_error": None}
    try:
        return {"result": attribute(a, b, methods=("dynamic",)), "error": None, "ddm_error": message}
    except ModelError:
        return {"result": None, "error": message, "ddm_error": None}


def resolve_version(key: str, working: Model, stored: Model, saved: Model, shown: str | None,
                    other: Model | None = None) -> Model:
    """The model a version name stands for: ``"open"`` (the working model),
    ``"base"``, ``"scenario:NAME"``, ``"saved"`` (``compared_version`` of the
    last saved file) or ``"file"`` (``other``). Raises ScenarioError when a
    scenario cannot be applied, ValueError for an unknown key."""
    if key == "open":
        return working
    if key == "base":
        return base_model(stored)
    if key.startswith("scenario:"):
        return apply_scenario(stored, key[len("scenario:"):])
    if key == "saved":
        return compared_version(saved, shown)[0]
    if key == "file" and other is not None:
        return other
    raise ValueError(f"unknown version {key!r}")


def page_data(working: Model, base: Model | None, shown: str | None, reference: Model) -> dict:
    """Everything a scenarios view shows besides the attribution, in one call
    (for a worker thread; the arguments are only read): ``stored`` (the
    file's form), ``edits`` (the changes a "save as scenario" against
    ``reference`` would hold) or ``edits_error``, ``side_by_side`` and
    ``stale`` (``stale_changes``)."""
    from .scenarios import side_by_side, stale_changes

    stored = stored_model(working, base, shown)
    out: dict = {"stored": stored, "edits": None, "edits_error": None}
    try:
        out["edits"] = edits_since(reference, working)
    except ScenarioError as exc:
        out["edits_error"] = message_of(exc)
    out["side_by_side"] = side_by_side(stored)
    out["stale"] = stale_changes(stored)
    return out


def attribute_versions(a_key: str, b_key: str, working: Model, base: Model | None, shown: str | None,
                       saved: Model, other: Model | None = None) -> dict:
    """``attribute_between`` the two versions ``resolve_version`` names (for a
    worker thread; the arguments are only read); a scenario that cannot be
    applied gives ``error``."""
    stored = stored_model(working, base, shown)
    try:
        a = resolve_version(a_key, working, stored, saved, shown, other)
        b = resolve_version(b_key, working, stored, saved, shown, other)
    except ScenarioError as exc:
        return {"result": None, "error": message_of(exc), "ddm_error": None}
    return attribute_between(a, b)
