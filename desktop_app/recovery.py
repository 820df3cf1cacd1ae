"""Crash recovery files: what autosave writes and what the next start offers.

One folder holds, per session, ``<session>.vwm.json`` (the model, written
atomically by the engine) and ``<session>.meta.json`` (process id, session id,
the user's file, when). A session whose process is gone left *orphans*: the
next start offers them. Sessions alive in this process register themselves
here, so their files are never offered while they are open.
"""
from __future__ import annotations

import json
import os
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

import models

# Objects (documents) alive in this process, by session id: their recovery
# files are not offered for restore (they are not crashed, they are open).
_LIVE_SESSIONS: "weakref.WeakValueDictionary[str, object]" = weakref.WeakValueDictionary()


def register_live(session_id: str, owner: object) -> None:
    """``owner`` (weakly held) has ``session_id`` open in this process."""
    _LIVE_SESSIONS[session_id] = owner


def unregister_live(session_id: str) -> None:
    _LIVE_SESSIONS.pop(session_id, None)


@dataclass
class RecoveryEntry:
    session_id: str
    model_path: str
    original_path: str | None
    saved_at: float  # seconds since the epoch


class RecoveryStore:
    """Recovery files in one folder (see the module docstring)."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)

    def _paths(self, session_id: str) -> tuple[Path, Path]:
        return (self.directory / f"{session_id}.vwm.json",
                self.directory / f"{session_id}.meta.json")

    def write(self, session_id: str, model, original_path: str | None) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        model_path, meta_path = self._paths(session_id)
        models.save_model(model, str(model_path), backup=False)
        meta = {"pid": os.getpid(), "session": session_id,
                "original_path": original_path, "saved_at": time.time()}
        tmp = meta_path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, meta_path)
        return str(model_path)

    def discard(self, session_id: str) -> None:
        for p in self._paths(session_id):
            try:
                p.unlink()
            except OSError:
                pass

    def orphans(self) -> list[RecoveryEntry]:
        """Recovery files whose session is no longer running (a crash),
        newest first."""
        if not self.directory.is_dir():
            return []
        entries = []
        for meta_path in sorted(self.directory.glob("*.meta.json")):
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                session = str(meta["session"])
                pid = int(meta.get("pid", -1))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            model_path = self.directory / f"{session}.vwm.json"
            if not model_path.exists() or session_alive(session, pid):
                continue
            entries.append(RecoveryEntry(session, str(model_path), meta.get("original_path"),
                                         float(meta.get("saved_at", 0.0))))
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries


def session_alive(session: str, pid: int) -> bool:
    if pid == os.getpid():
        return session in _LIVE_SESSIONS
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
