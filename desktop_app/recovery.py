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
import re
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

import models

# A session id is a plain file-name stem (ours are uuid4 hex): never a path
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

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
        """The session's two files, always inside :attr:`directory`; an id
        that is not a plain name (``../elsewhere/x``) raises ValueError."""
        if not _SESSION_ID.fullmatch(session_id or ""):
            raise ValueError(f"not a recovery session id: {session_id!r}")
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
        """Delete the session's recovery files (nothing outside the folder)."""
        try:
            paths = self._paths(session_id)
        except ValueError:
            return
        for p in paths:
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
                saved_at = float(meta.get("saved_at", 0.0))
                original = meta.get("original_path")
            except (OSError, ValueError, KeyError, TypeError, OverflowError):
                continue
            # the metadata names its own files only: a session that is not this
            # file's own plain name (e.g. "../victimdir/victim") is ignored
            if session + ".meta.json" != meta_path.name or not _SESSION_ID.fullmatch(session):
                continue
            if original is not None and not isinstance(original, str):
                continue
            if not 0.0 <= saved_at < 1e11:   # NaN, negative or far future: a time we cannot show
                saved_at = 0.0
            model_path = self.directory / f"{session}.vwm.json"
            if not model_path.exists() or session_alive(session, pid):
                continue
            entries.append(RecoveryEntry(session, str(model_path), original, saved_at))
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
    except (OSError, OverflowError):
        return False
    return True
