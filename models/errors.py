"""Errors and issues the engine reports.

Every message names *where* (a key path such as
``segments[1].forecast.2026.growth``) and *what rule* was broken, so the CLI can
print one line and the GUI can mark the right cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

from .paths import parse_path, path_text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One finding about a model: an error (nothing is computed) or a warning
    (computed, but the analyst should look).

    ``location`` is where, as the key-path tuple the code uses (e.g.
    ``("segments", 1, "discount_rate")``); ``path`` is its text for messages
    and the CLI (``segments[1].discount_rate``), rendered by
    :func:`models.paths.path_text`. Make one with :meth:`at`; an issue made
    from the text alone gets its ``location`` parsed from it.
    """

    path: str
    message: str
    severity: Severity = "error"
    code: str = ""
    #: Values a translated message needs (segment name, rates, years), by code.
    params: dict = field(default_factory=dict, compare=False, hash=False)
    location: tuple = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.location and self.path:
            object.__setattr__(self, "location", parse_path(self.path))

    @classmethod
    def at(cls, location: Iterable[Any], message: str, severity: Severity = "error", code: str = "",
           params: dict | None = None) -> "Issue":
        location = tuple(location)
        return cls(path_text(location), message, severity, code, params or {}, location)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class Message(str):
    """A sentence the engine writes for a person: its English text (what the
    CLI prints; a ``str``, so it compares, joins and prints as one) carrying a
    ``code`` and the ``params`` a translated version needs. The GUI says it in
    its own language from the code (desktop_app/engine_messages.py) and falls
    back to the English text for a code it does not know."""

    code: str
    params: dict

    def __new__(cls, text: str, code: str = "", params: dict | None = None) -> "Message":
        self = super().__new__(cls, text)
        self.code = code
        self.params = dict(params or {})
        return self

    def __reduce__(self):
        return (Message, (str(self), self.code, self.params))


def message_of(exc: BaseException) -> Message:
    """An error's text with its ``code`` and ``params`` (empty when it has none)."""
    return Message(str(exc), getattr(exc, "code", "") or "", getattr(exc, "params", None))


def file_message(exc: BaseException) -> Message:
    """Why a file of a batch was not valued, as a ``Message``: a refused file
    (``ModelFileError``) as code ``load_error`` with what the GUI's loader
    messages need (the error's own ``code`` and ``params``, ``issues``,
    ``newer_version``, the segments' names), a model the method refuses
    (``InvalidInputError``) as ``invalid_input`` with its ``issues``."""
    if isinstance(exc, ModelFileError):
        return Message(str(exc), "load_error", {
            "code": exc.code, "params": exc.params, "issues": list(exc.issues), "newer_version": exc.newer_version,
            "segment_names": list(exc.segment_names), "segment_names_en": list(exc.segment_names_en)})
    if isinstance(exc, InvalidInputError):
        return Message(str(exc), "invalid_input", {"issues": list(exc.issues)})
    return message_of(exc)


class ModelError(ValueError):
    """Base class of the engine's user-facing errors."""


class ModelFileError(ModelError):
    """A model document that cannot be loaded: names the key path and the rule."""

    def __init__(self, key_path: str, rule: str, *, newer_version: bool = False,
                 issues: list[Issue] | None = None, code: str = "", params: dict | None = None) -> None:
        self.key_path = key_path
        self.rule = rule
        self.newer_version = newer_version
        #: For an error about the file as a whole (not JSON, not a file, too
        #: large, …): what is wrong as a code and its values (``params["file"]``:
        #: the file as messages show it), so the GUI can say it in its language.
        self.code = code
        self.params = dict(params or {})
        #: The segments' names of a refused document (None where not text),
        #: for messages that name a segment as the tables do.
        self.segment_names: list = []
        #: … and their English names (``name_en``; None where not given).
        self.segment_names_en: list = []
        self.issues = issues or [Issue(key_path, rule, "error", code, self.params)]
        text = f"{key_path}: {rule}" if key_path else rule
        if len(self.issues) > 1:
            text += f" (and {len(self.issues) - 1} more problem{'s' if len(self.issues) > 2 else ''})"
        super().__init__(text)


class InvalidInputError(ModelError):
    """The model breaks a rule of the method (e.g. discount rate ≤ terminal growth)."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        first = str(self.issues[0]) if self.issues else "invalid input"
        more = len(self.issues) - 1
        super().__init__(first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""))


class InvalidEditError(ModelError):
    """A value typed into a cell that cannot be applied; the message is for the user.

    ``code`` names the rule (for a translated message) and ``params`` the
    values it needs (e.g. ``{"year": 2025}``)."""

    def __init__(self, message: str, code: str = "", params: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})
