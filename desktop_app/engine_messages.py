"""The engine's refusals and notes beyond opening a file and typing a cell,
in the UI's language.

Like the loader's errors (desktop_app/load_errors.py) and a refused typed
value (desktop_app/refusals.py), the engine says what is wrong with a ``code``
and ``params``: on an error (``ScenarioError``, ``AttributionError``, an
import's ``SourceError`` …) or on a ``models.errors.Message`` (a note, an
error kept in a result dict). :func:`text` turns either into the sentence the
user reads: values as the tables show them, segments by their names in the
current language, key paths as the tables label the cell. A code not known
here falls back to the engine's English text, never to nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app import i18n, refusals
from desktop_app.i18n import fill
from desktop_app.numbers import PERCENT


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)   # the context lupdate gives a module's tr()


def _names(model) -> list:
    return i18n.segment_names(model) if model is not None else []


def where(path, model=None) -> str:
    """A key path of the model as the tables label its cell (the segment by name)."""
    from desktop_app.load_errors import where_text
    from models.paths import path_text
    location = tuple(path or ())
    return where_text(location, path_text(location), _names(model))


def _span(years) -> str:
    years = list(years or [])
    return f"{years[0]}–{years[-1]}" if years else "—"


def _segment(model, index) -> str:
    names = _names(model)
    if isinstance(index, int) and 0 <= index < len(names):
        return names[index]
    return fill(tr("segment %1"), int(index) + 1 if isinstance(index, int) else index)


def _issue(issue, model) -> str:
    """One broken rule of a model (a scenario's, say): the cell and the rule."""
    names = _names(model)
    from desktop_app.load_errors import where_text
    return refusals.issue_text(issue, lambda location: None,
                               lambda location, path: where_text(location, path, names))


def _issues(issues, model) -> str:
    issues = list(issues or [])
    if not issues:
        return ""
    first = _issue(issues[0], model).rstrip("。.")
    if len(issues) > 1:
        return fill(tr("%1 (and %2 more)"), first, len(issues) - 1)
    return first


# --- scenarios -----------------------------------------------------------------------------

def _scenario(code: str, p: dict, model) -> str | None:
    name = p.get("scenario") if p.get("scenario") is not None else ""
    if code == "scenario_unknown":
        return fill(tr("there is no scenario named “%1”"), p["name"])
    if code == "scenario_name_missing":
        return tr("a scenario needs a name")
    if code == "scenario_name_taken":
        return fill(tr("a scenario named “%1” exists already"), p["name"])
    if code == "scenario_changes_type":
        return fill(tr("scenario “%1”: its changes are not a list of keys and values"), name)
    if code == "scenario_change_path":
        path = p.get("path")
        shown = where(path, model) if path else "—"
        return fill(tr("scenario “%1”, change %2: %3 is not a value of the model that a scenario can change"),
                    name, p["change"], shown)
    if code == "scenario_change_value":
        return fill(tr("scenario “%1”, change %2: %3 must be a number"), name, p["change"], where(p["path"], model))
    if code == "scenario_invalid":
        return fill(tr("scenario “%1”: %2"), name, _issues(p.get("issues"), model))
    if code == "scenario_list_invalid":
        return fill(tr("the list of scenarios would break a rule: %1"), _issues(p.get("issues"), model))
    if code == "scenario_structure":
        if p["key"] == "years":
            return fill(tr("a scenario cannot change the years: the base has %1, the inputs %2"),
                        _span(p["base"]), _span(p["edited"]))
        return fill(tr("a scenario cannot change the first forecast year: the base has %1, the inputs %2"),
                    p["base"], p["edited"])
    if code == "scenario_segments":
        return fill(tr("a scenario cannot add or remove segments: the base has %1, the inputs have %2; "
                       "switch to the base or save the file first"), p["base"], p["edited"])
    if code == "scenario_top_keys":
        return fill(tr("a scenario cannot add or remove parts of the model (%1)"), ", ".join(map(str, p["keys"])))
    if code == "scenario_whole":
        return tr("a scenario cannot replace the whole model")
    return None


# --- attribution ---------------------------------------------------------------------------

def group_labels() -> dict[str, str]:
    """The attribution's input groups (``models.analysis.attribution.GROUPS``), for the user."""
    return {
        "growth": QCoreApplication.translate("Groups", "Growth"),
        "margin": QCoreApplication.translate("Groups", "Margin"),
        "actuals": QCoreApplication.translate("Groups", "Actuals"),
        "discount_rate": QCoreApplication.translate("Groups", "Discount rate"),
        "roe": QCoreApplication.translate("Groups", "ROE"),
        "fade": QCoreApplication.translate("Groups", "Fade"),
        "terminal_growth": QCoreApplication.translate("Groups", "Terminal growth"),
        "multiple": QCoreApplication.translate("Groups", "Multiple"),
        "cash_and_claims": QCoreApplication.translate("Groups", "Cash and claims"),
        "settings": QCoreApplication.translate("Groups", "Company settings"),
    }



def _attribution(code: str, p: dict, model) -> str | None:
    if code == "attribution_years":
        return fill(tr("the two versions have different years: A %1, B %2"), _span(p["a"]), _span(p["b"]))
    if code == "attribution_first_year":
        return fill(tr("the two versions have different first forecast years: A %1, B %2"), p["a"], p["b"])
    if code == "attribution_segments":
        return fill(tr("the two versions have different segments: A has %1, B has %2 (segments are compared "
                       "by position)"), p["a"], p["b"])
    if code == "attribution_joint_limit":
        return fill(tr("%1 input groups differ, more than the joint split can value (%2)"), p["groups"], p["limit"])
    if code == "attribution_undefined":
        labels = group_labels()
        method = tr("DDM") if p["method"] == "ddm" else tr("dynamic")
        parts = [labels.get(g, g) if seg is None else f"{_segment(model, seg)} · {labels.get(g, g)}"
                 for seg, g in p.get("b_groups") or []]
        mix = fill(tr("B's %1 with A's other inputs"), tr(", ").join(parts)) if parts else tr("A's inputs")
        segment = _segment(model, p["segment"])
        if p.get("reason") == "rate":
            why = fill(tr("the discount rate of %1 (%2) is not above its terminal growth (%3)"), segment,
                       refusals.shown(p["discount_rate"], PERCENT, p["terminal_growth"]),
                       refusals.shown(p["terminal_growth"], PERCENT, p["discount_rate"]))
        else:
            why = fill(tr("the value of %1 is too large to compute"), segment)
        return fill(tr("the %1 split is undefined: with %2, %3"), method, mix, why)
    return None


_FAMILIES = (_scenario, _attribution)


def text(message, model=None) -> str:
    """What the engine said (an error, or a ``Message``) in the UI's language;
    ``model``: the open model, for segment names. The English text when the
    code is not one known here."""
    if message is None:
        return ""
    code = getattr(message, "code", "") or ""
    params = getattr(message, "params", None) or {}
    if code:
        for family in _FAMILIES:
            try:
                said = family(code, params, model)
            except (KeyError, TypeError, ValueError, IndexError):
                said = None
            if said is not None:
                return said
    return str(message)

