"""Mapping the engine's issue paths onto cells."""
from __future__ import annotations

import re

_SEGMENT = re.compile(r"^segments\[(\d+)\](?:\.(.*))?$")


def split_segment_path(path: str) -> tuple[int, str] | None:
    """``"segments[1].forecast.2026.growth"`` → ``(1, "forecast.2026.growth")``;
    ``"segments[0]"`` → ``(0, "")``; anything else → None."""
    m = _SEGMENT.match(path or "")
    if not m:
        return None
    return int(m.group(1)), m.group(2) or ""


def join_messages(issues) -> tuple[str, str]:
    """(worst severity, one message per line) for a list of issues."""
    severity = "error" if any(i.severity == "error" for i in issues) else "warning"
    return severity, "\n".join(i.message for i in issues)
