"""Named scenarios: alternative inputs kept beside the base model (the
``scenarios`` key of docs/model-file.md).

A scenario is plain JSON: ``{"name": str, "note": str, "changes": [{"path":
[...], "value": ...}]}``; ``path`` is a list of object keys (text) and list
indexes (integers) leading to an existing value of the model, e.g.
``["segments", 0, "forecast", "2026", "growth"]``. Applying a scenario sets each
value on a copy of the base; the base itself never changes.

Every function here is pure: it takes a ``Model`` (or plain data) and returns a
new ``Model`` or plain data, so a GUI can keep the old and new documents for
undo. Errors are ``ScenarioError`` (a ``ModelError``: the CLI prints one line,
exit 2) whose ``issues`` name the key path and the rule.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from ..checks import describe as _describe
from ..errors import Issue, ModelError, message_of
from ..model import Model, check_document, copy_json, path_text

SCENARIOS_KEY = "scenarios"

#: Keys a change may *add* although the base does not have them: the format's
#: optional inputs (a scenario may set a segment's own terminal growth, say).
#: Any other path must already exist in the model.
OPTIONAL_KEYS: dict[str, frozenset[str]] = {
    "valuation": frozenset({"base_year", "dynamic_weights", "excess_cash", "minority_interest",
                            "equity_investments"}),
    "segment": frozenset({"terminal_growth", "fade_years", "name_en"}),
    "market": frozenset({"pe_ttm", "pb_mrq"}),
}

#: A change may not start at these keys: they are the file's identity and the
#: model's structure, which a scenario never changes.
FORBIDDEN_ROOTS = frozenset({"format", "version", SCENARIOS_KEY, "years", "first_forecast_year"})


class ScenarioError(ModelError):
    """A scenario that cannot be read, applied or made; ``issues`` name where.

    ``code`` names what is wrong and ``params`` hold the values a translated
    message needs (``scenario``: the scenario's name, ``issues``: the broken
    rules of the model a scenario would make, each with its own code); the
    ``str()`` is the English text the CLI prints."""

    def __init__(self, message: str, issues: list[Issue] | None = None, code: str = "",
                 params: dict | None = None) -> None:
        self.issues = list(issues) if issues else [Issue("", message, "error", code)]
        self.code = code
        self.params = dict(params or {})
        super().__init__(message)


@dataclass(frozen=True)
class StaleChange:
    """A scenario change whose path no longer leads to a value of the model
    (e.g. its segment was removed). Reported, never dropped silently."""

    scenario: str          # the scenario's name
    index: int             # position of the change in the scenario's ``changes``
    path: tuple            # the change's path
    reason: str            # English, for a log or the CLI

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "index": self.index, "path": list(self.path), "reason": self.reason}


# ---------------------------------------------------------------------------
# Paths


def _parent_kind(path: Sequence[Any]) -> str | None:
    """Which object of the format holds the path's last key (for OPTIONAL_KEYS)."""
    if len(path) == 2 and path[0] in ("valuation", "market"):
        return path[0]
    if len(path) == 3 and path[0] == "segments" and isinstance(path[1], int):
        return "segment"
    return None


def path_problem(doc: dict, path: Any) -> str | None:
    """Why ``path`` cannot be a change's path in ``doc`` (None when it can)."""
    if not isinstance(path, list) or not path:
        return "must be a non-empty list of keys (text) and indexes (whole numbers)"
    for part in path:
        if isinstance(part, bool) or not isinstance(part, (str, int)):
            return f"must hold only keys (text) and indexes (whole numbers), got {part!r}"
    if path[0] in FORBIDDEN_ROOTS:
        return f"{path_text(path)}: a scenario cannot change {path[0]!r} (the model's identity or structure)"
    if path == ["segments"]:
        return "segments: a scenario changes values, not the list of segments"
    node: Any = doc
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, dict) and isinstance(part, str):
            if part in node:
                node = node[part]
                continue
            kind = _parent_kind(path)
            if last and kind is not None and part in OPTIONAL_KEYS[kind]:
                return None
            return f"{path_text(path)} does not exist in the model"
        if isinstance(node, list) and isinstance(part, int):
            if 0 <= part < len(node):
                node = node[part]
                continue
            return f"{path_text(path)} does not exist in the model (index {part} of {len(node)})"
        return f"{path_text(path)} does not exist in the model"
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _value_problem(doc: dict, path: list, value: Any) -> str | None:
    """A change to a number must give a number (or null for an optional key)."""
    try:
        node: Any = doc
        for part in path:
            node = node[part]
    except (KeyError, IndexError, TypeError):
        return None          # a new optional key: its value is checked on apply
    if _is_number(node):
        if value is None and _parent_kind(path) is not None and path[-1] in OPTIONAL_KEYS[_parent_kind(path)]:
            return None
        if not _is_number(value):
            return f"must be a number (the model holds {node!r} there), got {_describe(value)}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"must be a finite number, got {value!r}"
    return None


# ---------------------------------------------------------------------------
# Validation of the key


def check_scenarios(doc: dict) -> list[Issue]:
    """Every problem of the ``scenarios`` key of a model document (errors).

    Rules: a list of objects; each has a non-empty text ``name``, unique among
    the scenarios; an optional text ``note``; ``changes``, a list of
    ``{"path": [...], "value": ...}`` whose path exists in the model (or adds
    one of the format's optional inputs, see ``OPTIONAL_KEYS``) and whose value
    is a number where the model holds a number. Each message names the
    scenario and the path. Whether the scenario's values are valid inputs
    (discount rate above terminal growth, …) is checked when it is applied.
    """
    issues: list[Issue] = []
    scenarios = doc.get(SCENARIOS_KEY)
    if scenarios is None:
        return issues

    def error(where: tuple, message: str, code: str, rule: str, **params) -> None:
        # params["rule"] says which rule for a translated message; "scenario": the name (or the number)
        issues.append(Issue.at(where, message, "error", code, dict(params, rule=rule)))

    if not isinstance(scenarios, list):
        error((SCENARIOS_KEY,), f"must be a list of scenarios, got {_describe(scenarios)}", "type", "scenarios_list")
        return issues
    seen: dict[str, int] = {}
    for i, sc in enumerate(scenarios):
        where = (SCENARIOS_KEY, i)
        if not isinstance(sc, dict):
            error(where, f"must be an object {{name, note, changes}}, got {_describe(sc)}", "type",
                  "scenario_object", scenario=i + 1)
            continue
        name = sc.get("name")
        label = f"scenario {name!r}" if isinstance(name, str) else f"scenario {i + 1}"
        shown = name if isinstance(name, str) else i + 1
        if not isinstance(name, str) or not name.strip():
            error(where + ("name",), f"{label}: the name is required (non-empty text)", "missing",
                  "scenario_name_missing", scenario=i + 1)
        elif name in seen:
            error(where + ("name",), f"{label}: the name is used twice (also {path_text((SCENARIOS_KEY, seen[name]))})",
                  "duplicate", "scenario_name_twice", scenario=name)
        else:
            seen[name] = i
        note = sc.get("note")
        if note is not None and not isinstance(note, str):
            error(where + ("note",), f"{label}: the note must be text, got {_describe(note)}", "type",
                  "scenario_note_type", scenario=shown)
        changes = sc.get("changes")
        if not isinstance(changes, list):
            error(where + ("changes",), f"{label}: changes must be a list of {{path, value}}, got {_describe(changes)}",
                  "missing" if changes is None else "type", "scenario_changes_type", scenario=shown)
            continue
        paths_seen: dict[tuple, int] = {}
        for j, change in enumerate(changes):
            cwhere = where + ("changes", j)
            if not isinstance(change, dict) or "path" not in change or "value" not in change:
                error(cwhere, f"{label}: each change must be an object with a path and a value", "type",
                      "scenario_change_object", scenario=shown, change=j + 1)
                continue
            path = change["path"]
            problem = path_problem(doc, path)
            if problem is not None:
                error(cwhere + ("path",), f"{label}: {problem}", "path", "scenario_change_path", scenario=shown,
                      change=j + 1, path=tuple(path) if isinstance(path, list) else None)
                continue
            key = tuple(path)
            if key in paths_seen:
                error(cwhere + ("path",), f"{label}: {path_text(path)} is changed twice (also change {paths_seen[key] + 1})",
                      "duplicate", "scenario_change_twice", scenario=shown, change=j + 1, path=key,
                      other=paths_seen[key] + 1)
                continue
            paths_seen[key] = j
            problem = _value_problem(doc, path, change["value"])
            if problem is not None:
                error(cwhere + ("value",), f"{label}: {path_text(path)} {problem}", "type", "scenario_change_value",
                      scenario=shown, change=j + 1, path=key)
    return issues


# ---------------------------------------------------------------------------
# Reading and applying


def scenarios_of(model: Model) -> list[dict]:
    """A copy of the model's scenarios (an empty list when it has none)."""
    return copy_json(model.doc.get(SCENARIOS_KEY) or [])


def scenario_names(model: Model) -> list[str]:
    return [sc["name"] for sc in model.doc.get(SCENARIOS_KEY) or []]


def get_scenario(model: Model, name: str) -> dict:
    """A copy of the scenario called ``name``; ScenarioError when there is none."""
    for sc in model.doc.get(SCENARIOS_KEY) or []:
        if sc.get("name") == name:
            return copy_json(sc)
    names = scenario_names(model)
    known = ", ".join(repr(n) for n in names) if names else "the model has none"
    raise ScenarioError(f"no scenario named {name!r} ({known})",
                        [Issue(SCENARIOS_KEY, f"no scenario named {name!r} ({known})", "error", "unknown")],
                        "scenario_unknown", {"name": name, "known": names})


def base_model(model: Model) -> Model:
    """The base inputs alone: a copy of the model without its scenarios."""
    doc = copy_json(model.doc)
    doc.pop(SCENARIOS_KEY, None)
    return Model(doc)


def apply_changes(model: Model, changes: Sequence[dict], label: str = "scenario",
                  scenario: str | None = None) -> Model:
    """A new model: the base (without its scenarios) with ``changes`` applied,
    validated. Raises ScenarioError naming ``label`` and the path at fault
    (``scenario``: the scenario's name, for the error's params)."""
    doc = copy_json(model.doc)
    doc.pop(SCENARIOS_KEY, None)
    for j, change in enumerate(changes):
        path = change.get("path") if isinstance(change, dict) else None
        problem = path_problem(doc, path) if isinstance(change, dict) else "each change must be an object with a path and a value"
        code = "scenario_change_path"
        if problem is None and "value" not in change:
            problem = "the change has no value"
        if problem is None:
            problem = _value_problem(doc, path, change["value"])
            if problem is not None:
                problem, code = f"{path_text(path)} {problem}", "scenario_change_value"
        if problem is not None:
            params = {"scenario": scenario, "change": j + 1,
                      "path": tuple(path) if isinstance(path, list) else None}
            if code == "scenario_change_value":
                params["value"] = change["value"]
            raise ScenarioError(f"{label}: change {j + 1}: {problem}",
                                [Issue(f"changes[{j}]", f"{label}: {problem}", "error", "path")], code, params)
        node: Any = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = copy_json(change["value"])
    normalized, issues = check_document(doc)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ScenarioError(f"{label}: {first}{more}",
                            [Issue(e.path, f"{label}: {e.message}", "error", e.code) for e in errors],
                            "scenario_invalid", {"scenario": scenario, "issues": errors})
    return Model(normalized)


def apply_scenario(model: Model, scenario: str | dict) -> Model:
    """The scenario's model: the base with the scenario's changes, validated.

    ``scenario`` is a name of the model's scenarios or a scenario dict. The
    result carries no ``scenarios`` key (they belong to the base). Raises
    ScenarioError naming the scenario when a path does not exist or the
    result breaks a rule of the method (e.g. discount rate ≤ terminal growth).
    """
    sc = get_scenario(model, scenario) if isinstance(scenario, str) else scenario
    name = sc.get("name", "") if isinstance(sc, dict) else ""
    changes = sc.get("changes") if isinstance(sc, dict) else None
    if not isinstance(changes, list):
        raise ScenarioError(f"scenario {name!r}: changes must be a list of {{path, value}}",
                            code="scenario_changes_type", params={"scenario": name})
    return apply_changes(model, changes, f"scenario {name!r}", name)


# ---------------------------------------------------------------------------
# Making a scenario from edits


def scenario_changes(base: Model, edited: Model) -> list[dict]:
    """What differs from the base: the changes that turn ``base`` into
    ``edited`` (both without their scenarios), in document order.

    Values are compared leaf by leaf; a key the edited model drops becomes a
    change to null where the format allows the key to be absent (an override
    removed), otherwise the smallest enclosing object or list is replaced as a
    whole. Raises ScenarioError when the two differ in structure (years, first
    forecast year, number of segments): a scenario changes values only.
    """
    a, b = base.doc, edited.doc
    for key in ("years", "first_forecast_year"):
        if a.get(key) != b.get(key):
            raise ScenarioError(f"a scenario cannot change {key}: the base has {a.get(key)!r}, "
                                f"the edited model {b.get(key)!r}", code="scenario_structure",
                                params={"key": key, "base": a.get(key), "edited": b.get(key)})
    sa, sb = a.get("segments") or [], b.get("segments") or []
    if len(sa) != len(sb):
        raise ScenarioError(f"a scenario cannot add or remove segments: the base has {len(sa)}, "
                            f"the edited model {len(sb)}", code="scenario_segments",
                            params={"base": len(sa), "edited": len(sb)})
    changes: list[dict] = []

    def add(path: list, value: Any) -> None:
        changes.append({"path": list(path), "value": copy_json(value)})

    def same(x: Any, y: Any) -> bool:
        if isinstance(x, bool) or isinstance(y, bool):
            return type(x) is type(y) and x == y
        if _is_number(x) and _is_number(y):
            return x == y and math.copysign(1.0, x) == math.copysign(1.0, y)
        return type(x) is type(y) and x == y

    def walk(x: Any, y: Any, path: list) -> None:
        if isinstance(x, dict) and isinstance(y, dict):
            kind = _parent_kind(path + ["_"])
            optional = OPTIONAL_KEYS.get(kind, frozenset()) if kind else frozenset()
            added = [k for k in y if k not in x]
            removed = [k for k in x if k not in y]
            if path and (any(k not in optional for k in added) or any(k not in optional for k in removed)):
                add(path, y)
                return
            if not path and (added or removed):
                keys = ", ".join(repr(k) for k in added + removed if k != SCENARIOS_KEY)
                if keys:
                    raise ScenarioError(f"a scenario cannot add or remove top-level keys ({keys})",
                                        code="scenario_top_keys",
                                        params={"keys": [k for k in added + removed if k != SCENARIOS_KEY]})
            for k, v in y.items():
                if not path and k in (SCENARIOS_KEY, "format", "version"):
                    continue
                if k in x:
                    walk(x[k], v, path + [k])
                else:
                    add(path + [k], v)
            for k in removed:
                if path:
                    add(path + [k], None)
            return
        if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (u, v) in enumerate(zip(x, y)):
                walk(u, v, path + [i])
            return
        if not same(x, y):
            if not path:
                raise ScenarioError("a scenario cannot replace the whole model", code="scenario_whole")
            add(path, y)

    walk(a, b, [])
    return changes


def scenario_from_models(base: Model, edited: Model, name: str, note: str = "") -> dict:
    """A new scenario ``{"name", "note", "changes"}`` holding what ``edited``
    changes relative to ``base`` (see ``scenario_changes``). Applying it to
    ``base`` gives back ``edited``'s inputs."""
    _check_name(name)
    return {"name": name, "note": note, "changes": scenario_changes(base, edited)}


# ---------------------------------------------------------------------------
# Keeping the list (pure: each returns a new Model)


def _check_name(name: Any) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError("a scenario needs a name (non-empty text)",
                            [Issue("name", "a scenario needs a name (non-empty text)", "error", "missing")],
                            "scenario_name_missing")


def _with_scenarios(model: Model, scenarios: list[dict]) -> Model:
    doc = copy_json(model.doc)
    if scenarios:
        doc[SCENARIOS_KEY] = scenarios
    else:
        doc.pop(SCENARIOS_KEY, None)
    issues = check_scenarios(doc)
    if issues:
        raise ScenarioError(str(issues[0]), issues, "scenario_list_invalid", {"issues": issues})
    return Model(doc)


def add_scenario(model: Model, scenario: dict, *, replace: bool = False) -> Model:
    """A new model with ``scenario`` appended (or, with ``replace``, put in
    place of the one with the same name). Refuses a name already used."""
    sc = copy_json(scenario)
    _check_name(sc.get("name") if isinstance(sc, dict) else None)
    scenarios = scenarios_of(model)
    names = [s.get("name") for s in scenarios]
    if sc["name"] in names:
        if not replace:
            raise ScenarioError(f"a scenario named {sc['name']!r} exists already", code="scenario_name_taken",
                                params={"name": sc["name"]})
        scenarios[names.index(sc["name"])] = sc
    else:
        scenarios.append(sc)
    return _with_scenarios(model, scenarios)


def rename_scenario(model: Model, old: str, new: str) -> Model:
    """A new model where scenario ``old`` is called ``new`` (position kept)."""
    _check_name(new)
    get_scenario(model, old)
    scenarios = scenarios_of(model)
    if new != old and any(s.get("name") == new for s in scenarios):
        raise ScenarioError(f"a scenario named {new!r} exists already", code="scenario_name_taken",
                            params={"name": new})
    for s in scenarios:
        if s.get("name") == old:
            s["name"] = new
    return _with_scenarios(model, scenarios)


def delete_scenario(model: Model, name: str) -> Model:
    """A new model without scenario ``name`` (the key goes when none is left)."""
    get_scenario(model, name)
    return _with_scenarios(model, [s for s in scenarios_of(model) if s.get("name") != name])


def set_scenario_changes(model: Model, name: str, changes: list[dict], note: str | None = None) -> Model:
    """A new model where scenario ``name`` holds ``changes`` (and ``note``
    when given). The changes are checked against the base as on load."""
    get_scenario(model, name)
    scenarios = scenarios_of(model)
    for s in scenarios:
        if s.get("name") == name:
            s["changes"] = copy_json(changes)
            if note is not None:
                s["note"] = note
    return _with_scenarios(model, scenarios)


# ---------------------------------------------------------------------------
# After a structural change of the base


def stale_changes(model: Model) -> list[StaleChange]:
    """Scenario changes whose path no longer exists in the model (for instance
    after a segment or a year was removed by hand): each one reported."""
    out: list[StaleChange] = []
    for sc in model.doc.get(SCENARIOS_KEY) or []:
        if not isinstance(sc, dict):
            continue
        for j, change in enumerate(sc.get("changes") or []):
            path = change.get("path") if isinstance(change, dict) else None
            problem = path_problem(model.doc, path)
            if problem is not None:
                out.append(StaleChange(str(sc.get("name")), j, tuple(path) if isinstance(path, list) else (), problem))
    return out


def remap_segments(model: Model, old_to_new: Sequence[int | None]) -> tuple[Model, list[StaleChange]]:
    """Follow a structural change of the segments in every scenario.

    ``model`` already has its segments removed, moved or inserted;
    ``old_to_new[k]`` is the new index of the segment that was at ``k`` before,
    or None when it was removed. Changes to a moved segment follow it; changes
    to a removed segment are taken out and returned (the caller reports them:
    nothing is dropped silently). Returns the new model and those changes.
    Example, segment 1 of 3 removed: ``remap_segments(model, [0, None, 1])``.
    """
    dropped: list[StaleChange] = []
    scenarios = scenarios_of(model)
    for sc in scenarios:
        kept = []
        for j, change in enumerate(sc.get("changes") or []):
            path = change.get("path") if isinstance(change, dict) else None
            if (isinstance(path, list) and len(path) >= 2 and path[0] == "segments"
                    and isinstance(path[1], int) and not isinstance(path[1], bool)):
                old = path[1]
                new = old_to_new[old] if 0 <= old < len(old_to_new) else None
                if new is None:
                    dropped.append(StaleChange(str(sc.get("name")), j, tuple(path),
                                               f"{path_text(path)}: segment {old} was removed"))
                    continue
                change = dict(change, path=["segments", new] + path[2:])
            kept.append(change)
        sc["changes"] = kept
    doc = copy_json(model.doc)
    if scenarios:
        doc[SCENARIOS_KEY] = scenarios
    return Model(doc), dropped


def segment_removed_map(count_before: int, removed: int) -> list[int | None]:
    """``old_to_new`` for ``remap_segments`` after segment ``removed`` went."""
    return [None if k == removed else (k if k < removed else k - 1) for k in range(count_before)]


def segment_moved_map(count: int, i: int, j: int) -> list[int | None]:
    """``old_to_new`` after the segment at ``i`` moved to ``j`` (list.pop/insert)."""
    order = list(range(count))
    order.insert(j, order.pop(i))
    return [order.index(k) for k in range(count)]


def segment_inserted_map(count_before: int, index: int) -> list[int | None]:
    """``old_to_new`` after a new segment was inserted at ``index``."""
    return [k if k < index else k + 1 for k in range(count_before)]


# ---------------------------------------------------------------------------
# Side by side


def _method_figures(result_method) -> dict:
    return {"total": result_method.total, "upside": result_method.upside, "status": result_method.status,
            "segments": [s.business_value for s in result_method.segments]}


def _reference_column(model: Model) -> dict | None:
    from ..status import STATUS_CODES, status_for

    ref = model.doc.get("reference")
    if not isinstance(ref, dict):
        return None
    cap = ref.get("market_cap")
    cap = float(cap) if _is_number(cap) and cap > 0 else model.market_cap
    column: dict = {"kind": "reference", "name": ref.get("source") if isinstance(ref.get("source"), str) else None,
                    "note": None, "error": None, "market_cap": cap}
    found = False
    for method in ("ddm", "dynamic"):
        total = ref.get(f"{method}_total")
        if _is_number(total) and math.isfinite(total):
            found = True
            up = float(total) / cap - 1.0
            status = ref.get(f"{method}_status")
            column[method] = {"total": float(total), "upside": up,
                              "status": status if status in STATUS_CODES else status_for(up),
                              "segments": None}
        else:
            column[method] = None
    return column if found else None


def side_by_side(model: Model) -> dict:
    """Base, each scenario and the published figures, as plain data for a table
    or a grouped bar chart::

        {"segments": [segment names],
         "columns": [{"kind": "base" | "scenario" | "reference", "name", "note",
                      "error": None or a message, "market_cap",
                      "ddm": {"total", "upside", "status", "segments": [business values] or None},
                      "dynamic": {...}}, ...]}

    A scenario that cannot be applied or valued keeps its column, with
    ``error`` set and ``ddm``/``dynamic`` None (never dropped). The reference
    column (``reference.ddm_total`` etc.) appears when the model quotes a
    total; its upside is against the quoted market cap (else the model's), its
    status as quoted (else from that upside); it has no per-segment values.
    """
    from ..valuation import valuate

    base = base_model(model)
    base_result = valuate(base)
    columns = [{"kind": "base", "name": None, "note": None, "error": None, "market_cap": base_result.market_cap,
                "ddm": _method_figures(base_result.ddm), "dynamic": _method_figures(base_result.dynamic)}]
    for sc in model.doc.get(SCENARIOS_KEY) or []:
        column = {"kind": "scenario", "name": sc.get("name"), "note": sc.get("note"), "error": None,
                  "market_cap": None, "ddm": None, "dynamic": None}
        try:
            result = valuate(apply_scenario(model, sc))
        except ModelError as exc:
            column["error"] = message_of(exc)
        else:
            column.update(market_cap=result.market_cap, ddm=_method_figures(result.ddm),
                          dynamic=_method_figures(result.dynamic))
        columns.append(column)
    ref = _reference_column(model)
    if ref is not None:
        columns.append(ref)
    return {"segments": model.segment_names, "columns": columns}
