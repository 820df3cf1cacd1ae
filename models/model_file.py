"""Reading and writing model files (format version 1, docs/model-file.md).

Saving is atomic: the new text goes to a temp file in the target's folder, is
flushed and fsynced, then replaces the target with ``os.replace``. The target
is therefore always the complete old file or the complete new one. The
previous version is kept beside it as ``<file>.bak``.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .atomic_write import WriteError, apply_mode, resolve_target
from .errors import ModelFileError
from .model import Model

MAX_FILE_BYTES = 64 * 1024 * 1024


class _DuplicateKey(Exception):
    pass


def _no_duplicate_keys(pairs: list) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def loads_model(text: str | bytes) -> Model:
    """Parse a model from JSON text; raise ModelFileError naming the problem."""
    if isinstance(text, bytes):
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelFileError("", f"the file is not UTF-8 text (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ModelFileError("", "the file is empty")
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ModelFileError("", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ModelFileError("", "not valid JSON: nested too deeply") from None
    except _DuplicateKey as exc:
        raise ModelFileError("", f"the key {exc.args[0]!r} appears twice in one object; which one is meant is unclear") from None
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        raise ModelFileError("", f"not valid JSON: {exc}") from None
    return Model.from_dict(doc)


def load_model(path: str | os.PathLike) -> Model:
    """Load and validate a model file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ModelFileError("", f"{p}: the file is {size} bytes, larger than a model file can be")
        data = p.read_bytes()
    except ModelFileError:
        raise
    except OSError as exc:
        raise ModelFileError("", f"cannot read {p}: {exc.strerror or exc}") from None
    return loads_model(data)


def dumps_model(model: Model) -> str:
    """The file text of a model: UTF-8 JSON, two-space indent, Chinese kept readable."""
    return json.dumps(model.doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def save_model(model: Model, path: str | os.PathLike, backup: bool = True) -> None:
    """Write a model atomically; keep the previous file as ``<path>.bak``.

    On failure raises OSError whose message names the path and the reason;
    the old file is left byte-identical and no temp file remains.
    """
    # Write through a symlink (the real file gets the new version, the link
    # stays); refuse a FIFO, device or folder rather than replace it.
    target = resolve_target(path, "save")
    try:
        data = dumps_model(model).encode("utf-8")
    except ValueError as exc:  # NaN/inf slipped into the document
        raise OSError(f"cannot save {target}: the model holds a value JSON cannot store ({exc})") from None
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            # An overwritten file keeps its mode; a new one gets what the
            # umask gives (mkstemp's 0600 would shut colleagues out).
            apply_mode(handle.fileno(), target)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists() and backup:
            _write_backup(target, folder)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
        sweep_stale_temp_files(target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(exc.errno, f"cannot save {target}: {reason}") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


STALE_TEMP_SECONDS = 600


def _write_backup(target: Path, folder: Path) -> None:
    """Copy the current file to ``<file>.bak`` atomically (copy to a temp, then
    replace); the copy has the mode of the file it copies (``copy2``)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.bak.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        shutil.copy2(target, tmp)
        os.replace(tmp, str(target) + ".bak")
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def sweep_stale_temp_files(target: str | os.PathLike, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove temp files a killed save left beside ``target`` (``.<name>.*.tmp``
    older than ``older_than`` seconds); returns what was removed."""
    import time

    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    removed = []
    now = time.time()
    try:
        candidates = list(folder.glob(f".{target.name}.*.tmp"))
    except OSError:
        return removed
    for path in candidates:
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed


def _fsync_dir(folder: Path) -> None:
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
