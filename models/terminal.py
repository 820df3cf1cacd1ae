"""Text that is safe to print on a terminal, on one line.

A model's names, key paths and file paths are the user's text: a newline
would split the CLI's one-line error, an ESC sequence would retitle or clear
the terminal, a bidi override would reorder what is shown, and a lone
surrogate cannot be encoded at all. ``printable`` shows each of them as a
visible escape instead.
"""
from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: C0 and C1 controls and DEL; line and paragraph separators; the bidi
#: embeddings, overrides and isolates; lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same but C0: JSON escapes those inside strings itself, and its own line
#: breaks (indented output) sit between tokens.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control or invisible-reordering character shown as
    an escape (``\\n``, ``\\x1b``, ``\\u202e``); other text unchanged."""
    return _UNSAFE.sub(_escape, text)


def json_printable(text: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with the
    characters JSON leaves raw but a terminal obeys (DEL, C1, separators,
    bidi controls, lone surrogates) written as ``\\uXXXX`` escapes: still the
    same JSON. C0 controls are already escaped by ``json``."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
