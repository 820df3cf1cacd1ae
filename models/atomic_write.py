"""Writing an output file atomically, with the mode other people expect.

Every file the engine writes (model files, their ``.bak``, CSV and the CLI's
``--out``) follows the same rules:

- the bytes go to a temp file in the target's folder, are flushed and fsynced,
  then replace the target with ``os.replace``: a reader sees the complete old
  file or the complete new one, never a part;
- a new file gets the mode the user's umask gives (0644 under umask 022), not
  the 0600 of a temp file; a file that is overwritten keeps its mode;
- a symlink is written through: its final target gets the new bytes and the
  link stays a link (the same as saving a model);
- a target that exists and is not a regular file (a FIFO, a device, a socket,
  a folder) is refused: replacing it would surprise, writing into it could
  block forever.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO, Callable

_umask_lock = threading.Lock()


class WriteError(OSError):
    """An OSError whose text is its message alone: "cannot write F: reason",
    without the "[Errno N]" a user has no use for (the GUI shows ``str``)."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def current_umask() -> int:
    """The process's umask, read without changing it where the OS allows
    (Linux shows it in /proc/self/status); elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The permission bits a newly created regular file gets (0o666 minus the umask)."""
    return 0o666 & ~current_umask()


def resolve_target(path: str | os.PathLike, verb: str = "write") -> Path:
    """The file a write to ``path`` replaces: a symlink's final target, and
    only if it is a regular file or does not exist yet.

    Raises OSError (with ``strerror`` naming the rule) for anything else.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        st = target.stat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise WriteError(exc.errno, f"cannot {verb} {target}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise WriteError(errno.EISDIR, f"cannot {verb} {target}: it is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(errno.EINVAL, f"cannot {verb} {target}: it is not a regular file "
                      f"({_kind(st.st_mode)}); give the name of a file")
    return target


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def mode_for(target: Path) -> int:
    """The mode ``target`` should have after a write: its own when it exists,
    else what the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return new_file_mode()


def apply_mode(fd: int, target: Path) -> None:
    """Give the temp file behind ``fd`` the mode ``target`` should have. A
    file system that refuses modes (some network shares) keeps its own: the
    write goes on."""
    try:
        os.fchmod(fd, mode_for(target))
    except OSError:
        pass


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None] | bytes) -> Path:
    """Replace ``path`` (resolved with ``resolve_target``) by what ``write``
    writes to a binary handle (or by the given bytes); returns the file written.

    On failure raises OSError whose ``strerror`` names the file and the reason
    (no ``[Errno N]``); the old file is untouched and no temp file remains.
    """
    target = resolve_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            apply_mode(handle.fileno(), target)
            if isinstance(write, (bytes, bytearray)):
                handle.write(write)
            else:
                write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        fsync_dir(folder)
    except OSError as exc:
        raise WriteError(exc.errno, f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return target


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
