"""A model file that cannot be opened, said in the UI's language.

The loader raises ``ModelFileError``: about the file as a whole (not JSON,
not a file, too large, …) it carries a ``code`` and ``params``; about a key
of the document it carries the error issues (key path, code, params). This
module turns either into the text the user reads: the file named once, what
is wrong in the current language, where (line and column, or the key path
with the segment's name), and values as the tables show them. A code it does
not know falls back to the engine's English text, never to nothing.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from desktop_app import engine_messages, i18n, refusals
from desktop_app.engine_messages import where_text
from desktop_app.i18n import fill


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)   # the context lupdate gives a module's tr()


_LOOKS = {
    "xlsx": lambda: tr("it is an Excel workbook (.xlsx), not a model file"),
    "xls": lambda: tr("it is an Excel workbook (.xls) or another Office document, not a model file"),
    "zip": lambda: tr("it is a ZIP archive, not a model file"),
    "csv": lambda: tr("it is a CSV table, not a model file"),
}
_NOT_REGULAR = {
    "folder": lambda: tr("it is a folder, not a file"),
    "fifo": lambda: tr("it is a named pipe (FIFO), not a regular file"),
    "device": lambda: tr("it is a device, not a regular file"),
    "socket": lambda: tr("it is a socket, not a regular file"),
}
_OS = {
    "not_found": lambda: tr("the file does not exist"),
    "not_found_path": lambda: tr("the file does not exist (a part of the path is not a folder)"),
    "permission": lambda: tr("permission denied: you may not read this file"),
    "is_folder": lambda: tr("it is a folder, not a file"),
    "link_loop": lambda: tr("too many levels of symbolic links"),
    "name_too_long": lambda: tr("the path is too long"),
}


def file_problem(code: str, params: dict) -> str | None:
    """What is wrong with the file as a whole, or None for a code not known here."""
    try:
        if code == "looks_like":
            return _LOOKS[params["kind"]]() + tr("; a model file is the JSON that Save writes (.vwm.json)")
        if code == "not_regular":
            return _NOT_REGULAR.get(params.get("kind"), lambda: tr("it is not a regular file"))()
        if code == "os_error":
            known = _OS.get(params.get("reason"))
            return known() if known else fill(tr("it cannot be read: %1"), str(params.get("detail", "")))
        if code == "not_utf8":
            return fill(tr("it is not UTF-8 text (byte %1); a model file is the JSON that Save writes"),
                        f"{int(params['byte']):,}")
        if code == "empty":
            return tr("the file is empty")
        if code == "not_json":
            if "line" in params:
                return fill(tr("it is not valid JSON: the text breaks off or goes wrong at line %1, column %2"),
                            params["line"], params["column"])
            return tr("it is not valid JSON")
        if code == "huge_number":
            return tr("it is not valid JSON: a number with thousands of digits")
        if code == "nested":
            return tr("it is nested too deeply to be a model")
        if code == "duplicate_key":
            return fill(tr("the key “%1” appears twice in one object; which one is meant is unclear"), params["key"])
        if code == "too_large":
            limit = int(params["limit_mb"])
            if params.get("grew"):
                return fill(tr("the file grew beyond %1 MB while it was read"), limit)
            return fill(tr("the file is %1 MB; a model file has at most %2 MB"),
                        f"{int(params['size']) / (1024 * 1024):,.1f}", limit)
    except (KeyError, TypeError, ValueError):
        return None
    return None


def _key_issue(issue, segment_names) -> str:
    """One key of the document that breaks a rule: where and what."""
    location = tuple(getattr(issue, "location", ()))
    where = where_text(location, issue.path, segment_names)
    code = getattr(issue, "code", "")
    scenario = engine_messages.scenario_issue_text(issue, segment_names)
    if scenario is not None:
        return scenario
    if code == "missing":
        return fill(tr("%1 is missing (it is required)"), where)
    if code == "format":
        return tr("it is not a Valuation Workbench model (its “format” key says otherwise)")
    if code == "too_many":
        return fill(tr("%1 holds more than a model can: %2"), where, issue.message)
    if code in ("range", "implausible", "non_finite"):
        return refusals.issue_text(issue, lambda loc: None, lambda loc, text: where)
    if code == "type":
        said = engine_messages.kind_text(getattr(issue, "params", None) or {})
        if said is not None:
            return fill(tr("%1 %2."), where, said)
        return fill(tr("%1 has the wrong kind of value: %2"), where, issue.message)
    return refusals.at_cell(where, issue.message)


def _segment_names(exc) -> list:
    """The names of the document's segments as the UI's language reads them
    (the English name in English where the file gives one; None where a
    name is not text)."""
    names = list(getattr(exc, "segment_names", None) or [])
    if i18n.engine_lang() == "en":
        english = list(getattr(exc, "segment_names_en", None) or [])
        names = [english[k] if k < len(english) and english[k] else name for k, name in enumerate(names)]
    return names


def problem_text(exc) -> str:
    """What is wrong with a refused file, without naming the file (a table
    shows it in its own column): the problem, or up to three broken rules."""
    code = getattr(exc, "code", "")
    if code:
        problem = file_problem(code, getattr(exc, "params", {}) or {})
        if problem is not None:
            return problem
    if getattr(exc, "newer_version", False):
        return tr("it was written by a newer version of Valuation Workbench; open it there")
    issues = list(getattr(exc, "issues", []) or [])
    if not issues or not any(getattr(i, "path", "") or getattr(i, "code", "") for i in issues):
        return str(exc)
    names = _segment_names(exc)
    text = "; ".join(_key_issue(issue, names).rstrip("。.") for issue in issues[:3])
    if len(issues) > 3:
        text += " " + fill(tr("… and %1 more"), len(issues) - 3)
    return text


class _Refused:
    """A refused file as a batch row keeps it (``file_message``): what
    :func:`problem_text` reads of a ``ModelFileError``."""

    def __init__(self, text: str, **attributes) -> None:
        self.text = text
        self.__dict__.update(attributes)

    def __str__(self) -> str:
        return self.text


def message_text(message) -> str | None:
    """A batch row's ``models.errors.file_message`` (a file not valued) in the
    UI's language, or None for a message of another kind."""
    code = getattr(message, "code", "")
    p = getattr(message, "params", None) or {}
    if code == "load_error":
        return problem_text(_Refused(
            str(message), code=p.get("code", ""), params=p.get("params", {}), issues=p.get("issues", []),
            newer_version=p.get("newer_version", False), segment_names=p.get("segment_names", []),
            segment_names_en=p.get("segment_names_en", [])))
    if code == "invalid_input":
        return problem_text(_Refused(str(message), code="", params={}, issues=p.get("issues", []),
                                     newer_version=False, segment_names=[], segment_names_en=[]))
    return None


def describe(exc, path) -> str:
    """The text of a failed open: the file once, then what is wrong (up to
    five problems of the document, and how many more)."""
    shown = os.fsdecode(path) if path is not None else ""
    code = getattr(exc, "code", "")
    if code:
        problem = file_problem(code, getattr(exc, "params", {}) or {})
        if problem is not None:
            return fill(tr("Cannot open “%1”: %2."), shown, problem)
    if getattr(exc, "newer_version", False):
        return fill(tr("Cannot open “%1”: it was written by a newer version of Valuation Workbench; "
                       "open it there. The file was not changed."), shown)
    issues = list(getattr(exc, "issues", []) or [])
    if not issues or not any(getattr(i, "path", "") or getattr(i, "code", "") for i in issues):
        # an error the engine did not classify: its own words, the file named once
        text = str(exc)
        prefix = f"{shown}: "
        return fill(tr("Cannot open “%1”: %2"), shown, text[len(prefix):] if text.startswith(prefix) else text)
    names = _segment_names(exc)
    lines = [fill(tr("Cannot open “%1”: the model breaks these rules:"), shown)]
    for issue in issues[:5]:
        text = _key_issue(issue, names)
        # the key path too, for whoever looks for it in the file's text
        lines.append(f"• {text} ({issue.path})" if issue.path and issue.path not in text else f"• {text}")
    if len(issues) > 5:
        lines.append(fill(tr("… and %1 more"), len(issues) - 5))
    return "\n".join(lines)
