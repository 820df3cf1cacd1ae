"""Key paths into a model document: the tuple the code uses and the text
messages and the CLI print.

``("segments", 1, "forecast", "2026", "growth")`` ⇄ ``segments[1].forecast.2026.growth``.
List indexes are ints and print in brackets; object keys are strings (year
keys stay strings, as in the file).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def path_text(path: Iterable[Any]) -> str:
    """The one text form of a key path (messages, the CLI, JSON output). A key
    that is not valid Unicode (a lone surrogate) is shown escaped, so a
    message can always be printed and shown."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + printable(str(part))
    return out


def printable(text: str) -> str:
    """``text`` with lone surrogates escaped (``\\ud800``): always encodable."""
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def parse_path(text: str) -> tuple:
    """The tuple of a key path written by :func:`path_text` (for issues made
    from text by older code); ``""`` → ``()``."""
    return tuple(int(m.group(1)) if m.group(1) is not None else m.group(2) for m in _PART.finditer(text or ""))
