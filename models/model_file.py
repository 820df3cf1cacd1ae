"""Reading and writing model files (format version 1, docs/model-file.md).

Saving is atomic: the new text goes to a temp file in the target's folder, is
flushed and fsynced, then replaces the target with ``os.replace``. The target
is therefore always the complete old file or the complete new one. The
previous version is kept beside it as ``<file>.bak``.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

from .atomic_write import WriteError, apply_mode, fsync_dir, resolve_target
from . import limits
from .checks import printable
from .errors import ModelFileError
from .model import Model

MAX_FILE_BYTES = limits.MAX_FILE_BYTES

_READ_CHUNK = 1024 * 1024
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
#: What a model file is, said wherever something else was given.
EXPECTED = 'a model file is expected (JSON text with "format": "valuation-workbench-model")'


class _DuplicateKey(Exception):
    pass


def _no_duplicate_keys(pairs: list) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def _shown(path: str | os.PathLike) -> str:
    """A path as a message shows it (a name that is not valid UTF-8 escaped)."""
    return printable(os.fsdecode(path))


def _file_problem(name: str | None, rule: str, code: str, **params) -> ModelFileError:
    """An error about the file as a whole: names the file when it is known;
    ``code`` and ``params`` say the same for a translated message."""
    return ModelFileError("", f"{name}: {rule}" if name else rule, code=code, params={"file": name, **params})


#: What a file that is not a model looks like (code → the English text).
_LOOKS = {
    "xlsx": "looks like an Excel workbook (.xlsx), not a model file",
    "zip": "looks like a ZIP archive, not a model file",
    "xls": "looks like an Excel workbook (.xls) or another Office document, not a model file",
    "csv": "looks like a CSV table, not a model file",
}


def _looks_like_kind(data: bytes, name: str | None) -> str | None:
    """What a file that is not a model looks like (a key of ``_LOOKS``), when
    it is recognisable: the mistakes a newcomer makes (a workbook or a table
    instead of a model)."""
    suffix = os.path.splitext(name or "")[1].lower()
    if data.startswith(b"PK\x03\x04"):
        head = data[:64 * 1024]
        if suffix in (".xlsx", ".xlsm", ".xltx") or b"xl/" in head or b"[Content_Types].xml" in head:
            return "xlsx"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    text = data[:64 * 1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text or text[:1] in (b"{", b"["):
        return None
    if suffix in (".csv", ".tsv") or _table_like(text):
        return "csv"
    return None


def _table_like(text: bytes) -> bool:
    """The first lines hold the same number (≥ 1) of one separator."""
    lines = [line for line in text.splitlines()[:5] if line.strip()]
    if not lines:
        return False
    for sep in (b",", b"\t", b";"):
        counts = {line.count(sep) for line in lines}
        if len(counts) == 1 and counts.pop() >= 1:
            return True
    return False


def loads_model(text: str | bytes, *, name: str | None = None) -> Model:
    """Parse a model from JSON text; raise ModelFileError naming the problem.
    ``name`` (the file's path, for messages) is named in file-level errors."""
    if isinstance(text, bytes):
        looks = _looks_like_kind(text, name)
        if looks:
            raise _file_problem(name, f"{_LOOKS[looks]}; {EXPECTED}", "looks_like", kind=looks)
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _file_problem(name, f"the file is not UTF-8 text (byte {exc.start}); {EXPECTED}", "not_utf8",
                                byte=exc.start) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise _file_problem(name, "the file is empty", "empty")
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        looks = _looks_like_kind(text[:64 * 1024].encode("utf-8", "surrogatepass"), name)
        if looks:
            raise _file_problem(name, f"{_LOOKS[looks]}; {EXPECTED}", "looks_like", kind=looks) from None
        raise _file_problem(name, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                            "not_json", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise _file_problem(name, "not valid JSON: nested too deeply", "nested") from None
    except _DuplicateKey as exc:
        key = printable(str(exc.args[0]))
        raise ModelFileError("", f"the key {key!r} appears twice in one object; which one is meant is unclear",
                             code="duplicate_key", params={"file": name, "key": key}) from None
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        digits = "digits" in str(exc)
        reason = "a number with thousands of digits" if digits else str(exc)
        raise _file_problem(name, f"not valid JSON: {reason}", "huge_number" if digits else "not_json") from None
    return Model.from_dict(doc, owned=True)


def read_model_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a model file, read safely: anything that is not a regular
    file (a folder, a FIFO, a device such as /dev/zero, a socket) is refused
    before a read could block or run forever, and at most MAX_FILE_BYTES are
    read. Raises ModelFileError in plain words (no errno codes)."""
    shown = _shown(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_problem(shown, exc) from None
    _refuse_special(shown, info)
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(shown, info.st_size)
    try:
        # O_NONBLOCK: opening a FIFO swapped in since the stat must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY | _O_CLOEXEC)
    except OSError as exc:
        raise _os_problem(shown, exc) from None
    try:
        _refuse_special(shown, os.fstat(fd))      # what was opened, not what was looked at
        chunks = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(_READ_CHUNK, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_FILE_BYTES:               # it grew while being read
            raise _too_large(shown, total, grew=True)
        return b"".join(chunks)
    except OSError as exc:
        raise _os_problem(shown, exc) from None
    finally:
        os.close(fd)


def _refuse_special(shown: str, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        code, kind = "folder", "a folder"
    elif stat.S_ISFIFO(mode):
        code, kind = "fifo", "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        code, kind = "device", "a device"
    elif stat.S_ISSOCK(mode):
        code, kind = "socket", "a socket"
    else:
        code, kind = "other", "something other than a file"
    what = "a file" if stat.S_ISDIR(mode) else "a regular file"
    raise _file_problem(shown, f"is {kind}, not {what}; {EXPECTED}", "not_regular", kind=code)


def _too_large(shown: str, size: int, grew: bool = False) -> ModelFileError:
    what = "grew beyond" if grew else f"is {size:,} bytes, more than"
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return _file_problem(shown, f"the file {what} the {limit} MB a model file can have", "too_large",
                         size=size, grew=grew, limit_mb=limit)


#: errno → (reason code, the English text)
_PLAIN_OS_ERRORS = {
    errno.ENOENT: ("not_found", "file not found"),
    errno.ENOTDIR: ("not_found_path", "file not found (a part of the path is not a folder)"),
    errno.EACCES: ("permission", "permission denied"),
    errno.EPERM: ("permission", "permission denied"),
    errno.EISDIR: ("is_folder", "is a folder, not a file"),
    errno.ELOOP: ("link_loop", "too many levels of symbolic links"),
    errno.ENAMETOOLONG: ("name_too_long", "the path is too long"),
}


def _os_problem(shown: str, exc: OSError) -> ModelFileError:
    detail = (exc.strerror or type(exc).__name__).lower()
    reason_code, reason = _PLAIN_OS_ERRORS.get(exc.errno, ("other", "cannot read it: " + detail))
    if reason.startswith("file not found"):
        return ModelFileError("", f"{reason}: {shown}", code="os_error",
                              params={"file": shown, "reason": reason_code, "detail": detail})
    return _file_problem(shown, reason, "os_error", reason=reason_code, detail=detail)


def load_model(path: str | os.PathLike) -> Model:
    """Load and validate a model file (read_model_bytes, then loads_model)."""
    return loads_model(read_model_bytes(path), name=_shown(path))


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
        fsync_dir(folder)
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
