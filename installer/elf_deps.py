"""Shared-library dependencies of the Linux bundle (ELF files), for the spec,
the build script and the smoke test.

- :func:`prune_binaries` (the spec, before collecting): PyInstaller collects a
  system library because some binary it analysed needs it; when the spec
  then drops that binary (a Qt plugin, an excluded module), the library
  stays behind with nothing left that links it. Those are dropped too,
  repeatedly, since a dropped library may have been the only user of another.
- :func:`missing_dependencies` (after building, and in the smoke test on the
  unpacked archive): every ELF file of the bundle, run through ``ldd`` with
  the bundle's library folder on ``LD_LIBRARY_PATH`` (as the bootloader sets
  it), must find every library it needs in the bundle or on the system.

Needs binutils' ``readelf`` and glibc's ``ldd``; importable without them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

#: Loaded by the bootloader with dlopen, so no file NEEDs it.
KEEP_UNREFERENCED = ("libpython",)
BINARY_KINDS = ("BINARY", "EXTENSION")


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


@lru_cache(maxsize=None)
def dynamic_section(path: str) -> tuple[tuple[str, ...], str | None]:
    """(NEEDED names, SONAME) of an ELF file; ((), None) for anything else."""
    if not is_elf(Path(path)):
        return (), None
    readelf = shutil.which("readelf")
    if readelf is None:
        raise RuntimeError("readelf (binutils) is needed to read the bundle's libraries")
    out = subprocess.run([readelf, "-d", path], capture_output=True, text=True).stdout
    needed, soname = [], None
    for line in out.splitlines():
        if "[" not in line:
            continue
        value = line.split("[", 1)[1].rsplit("]", 1)[0]
        if "(NEEDED)" in line:
            needed.append(value)
        elif "(SONAME)" in line:
            soname = value
    return tuple(needed), soname


def needed(path: str | Path) -> list[str]:
    return list(dynamic_section(str(path))[0])


def _is_prunable(dest: str, kind: str) -> bool:
    """A system library PyInstaller put at the top of the bundle."""
    name = dest.replace("\\", "/")
    return (kind == "BINARY" and "/" not in name and name.startswith("lib") and ".so" in name
            and not name.startswith(KEEP_UNREFERENCED))


def unreferenced(needs: dict[str, Iterable[str]], aliases: dict[str, set[str]],
                 candidates: Iterable[str]) -> set[str]:
    """Which ``candidates`` no remaining file needs, applied until nothing changes.

    ``needs``: file -> the names it NEEDs (every file of the bundle);
    ``aliases``: candidate -> the names it answers to (file name, SONAME).
    """
    dropped: set[str] = set()
    pending = set(candidates)
    while True:
        wanted = {name for file, names in needs.items() if file not in dropped for name in names}
        newly = {c for c in pending if not (aliases.get(c, {c}) & wanted)}
        if not newly:
            return dropped
        dropped |= newly
        pending -= newly


def prune_binaries(binaries: list, read: Callable[[str], tuple] = dynamic_section) -> tuple[list, list[str]]:
    """PyInstaller's binaries TOC without the top-level system libraries that
    no remaining binary needs (nor symlinks to them); returns (kept, dropped names)."""
    needs: dict[str, tuple[str, ...]] = {}
    aliases: dict[str, set[str]] = {}
    for dest, src, kind in binaries:
        if kind not in BINARY_KINDS:
            continue
        names, soname = read(str(src))
        needs[dest] = names
        if _is_prunable(dest, kind):
            aliases[dest] = {dest} | ({soname} if soname else set())
    dropped = unreferenced(needs, aliases, aliases)
    kept = [entry for entry in binaries
            if entry[0] not in dropped
            and not (entry[2] == "SYMLINK" and Path(str(entry[1])).name in dropped)]
    return kept, sorted(dropped)


def library_dir(bundle: Path) -> Path:
    """Where the bootloader points LD_LIBRARY_PATH: ``_internal`` (PyInstaller 6)."""
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def elf_files(bundle: Path) -> list[Path]:
    return [p for p in sorted(bundle.rglob("*"))
            if p.is_file() and not p.is_symlink() and is_elf(p)]


def missing_dependencies(bundle: Path) -> dict[str, list[str]]:
    """ELF file (relative to the bundle) -> the libraries ``ldd`` finds
    neither in the bundle nor on the system; empty when all resolve."""
    ldd = shutil.which("ldd")
    if ldd is None:
        raise RuntimeError("ldd (glibc) is needed to check the bundle's libraries")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LD_")}
    env["LD_LIBRARY_PATH"] = str(library_dir(bundle))
    missing: dict[str, list[str]] = {}
    for path in elf_files(bundle):
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, env=env)
        lost = [line.split("=>", 1)[0].strip() for line in result.stdout.splitlines()
                if "not found" in line]
        if lost:
            missing[str(path.relative_to(bundle))] = lost
    return missing
