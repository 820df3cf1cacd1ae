"""``<file>.lock`` beside an open model file, so a second Valuation
Workbench that opens the same file can warn (Qt's QLockFile: pid, host and
stale-lock detection)."""
from __future__ import annotations

from PySide6.QtCore import QLockFile


def lock_holder(path: str) -> str | None:
    """Who else has ``path`` open ("pid 123 on host"), or None. A lock left
    by a crashed process is stale and does not count."""
    lock = QLockFile(path + ".lock")
    if lock.tryLock(0):
        lock.unlock()
        return None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # e.g. a read-only folder: nothing to learn
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
    if isinstance(info, tuple) and len(info) >= 2 and not isinstance(info[0], bool):
        return f"pid {info[0]} on {info[1]}"
    if isinstance(info, tuple) and len(info) >= 3 and info[0]:
        return f"pid {info[1]} on {info[2]}"
    return "?"


class FileLock:
    """The lock this process holds on the file it has open (at most one)."""

    def __init__(self) -> None:
        self._lock: QLockFile | None = None

    def hold(self, path: str | None) -> None:
        """Release the lock held so far and, if ``path``, lock ``path``
        (silently not, when another process holds it or the folder is
        read-only)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        if path:
            lock = QLockFile(path + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock

    def release(self) -> None:
        self.hold(None)
