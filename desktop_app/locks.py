"""``<file>.lock`` beside an open model file, so a second Valuation
Workbench that opens the same file can warn (Qt's QLockFile: pid, host and
stale-lock detection)."""
from __future__ import annotations

import os

from PySide6.QtCore import QLockFile, QSysInfo


def lock_holder(path: str) -> str | None:
    """Who else has ``path`` open ("pid 123 on host"), or None. A lock left
    by a crashed process is stale and does not count, nor one this process
    holds (another window of this same instance)."""
    lock = QLockFile(path + ".lock")
    if lock.tryLock(0):
        lock.unlock()
        return None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # e.g. a read-only folder: nothing to learn
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname); some versions lead with a bool
    if isinstance(info, tuple) and info and isinstance(info[0], bool):
        info = info[1:] if info[0] else ()
    if isinstance(info, tuple) and len(info) >= 2:
        pid, host = info[0], info[1]
        if pid == os.getpid() and host == QSysInfo.machineHostName():
            return None
        return f"pid {pid} on {host}"
    return "?"


class FileLock:
    """The lock this process holds on the file it has open (at most one)."""

    def __init__(self) -> None:
        self._lock: QLockFile | None = None
        self.path: str | None = None   # the file locked, when the lock is held

    def hold(self, path: str | None) -> None:
        """Release the lock held so far and, if ``path``, lock ``path``
        (silently not, when another process holds it or the folder is
        read-only)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
            self.path = None
        if path:
            lock = QLockFile(path + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock
                self.path = path

    def release(self) -> None:
        self.hold(None)
