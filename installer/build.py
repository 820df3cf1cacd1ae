#!/usr/bin/env python3
"""Build the shippable app: PyInstaller one-folder bundle, then the platform package.

    python installer/build.py              # bundle + package for this platform
    python installer/build.py --smoke-test # ... then run installer/smoke_test.py on it

Outputs (under ``build/``, git-ignored):
- ``build/dist/valuation-workbench/``: the one-folder bundle (all platforms);
- Linux: ``build/valuation-workbench-<version>-linux-<arch>.tar.xz`` holding the
  bundle, a .desktop entry, hicolor icons and ``install.sh``;
- Windows: ``build/valuation-workbench-<version>-windows-<arch>-setup.exe`` when
  Inno Setup's ``iscc`` is on PATH (``installer/valuation-workbench.iss``),
  and a .zip of the bundle in any case;
- macOS: ``build/dist/Valuation Workbench.app`` and a .zip of it.

The version comes from ``models/_version.py`` (via ``bundle_config.read_version``),
the same string the About box and ``--version`` show. Needs PyInstaller
(``pip install -e ".[build]"``); nothing is downloaded.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg  # noqa: E402
import elf_deps  # noqa: E402

SPEC = cfg.INSTALLER_DIR / "valuation-workbench.spec"
LINUX_DIR = cfg.INSTALLER_DIR / "linux"
ISS = cfg.INSTALLER_DIR / "valuation-workbench.iss"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XZ_PRESET = 6


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Freeze the app with the committed spec; returns the one-folder bundle."""
    import importlib.util
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit("PyInstaller is not installed for this Python: "
                         "python3 -m pip install -e \".[build]\"")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
           str(SPEC)]
    log("running " + " ".join(cmd))
    started = time.monotonic()
    if subprocess.run(cmd, cwd=cfg.ROOT).returncode != 0:
        raise SystemExit("PyInstaller failed (see its output above)")
    log(f"PyInstaller finished in {time.monotonic() - started:.0f} s")
    bundle = dist / cfg.APP_NAME
    exe = bundle / (cfg.APP_NAME + (".exe" if os.name == "nt" else ""))
    if not exe.is_file():
        raise SystemExit(f"PyInstaller produced no executable at {exe}")
    return bundle


def strip_debug_info(bundle: Path) -> None:
    """Drop debug info from libpython and the standard library's extension
    modules (``lib-dynload``): a pyenv build carries ~18 MB and ~6 MB of it.

    A global ``strip`` breaks auditwheel-patched libraries (numpy's OpenBLAS),
    so the spec keeps ``strip=False`` and this touches only these known-safe
    files, which come from the Python build itself.
    """
    strip = shutil.which("strip")
    if not strip:
        log("strip not found: libpython and lib-dynload left as they are")
        return
    internal = bundle / "_internal"
    files = sorted(internal.glob("libpython3*.so*")) + sorted(internal.glob("python3*/lib-dynload/*.so"))
    files = [f for f in files if f.is_file() and not f.is_symlink()]
    before = sum(f.stat().st_size for f in files)
    for lib in files:
        subprocess.run([strip, "--strip-debug", str(lib)], check=True)
    after = sum(f.stat().st_size for f in files)
    log(f"stripped debug info from libpython and {len(files) - 1} lib-dynload modules: "
        f"{before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


def check_no_dropped_lib_needed(bundle: Path) -> int:
    """Fail the build if a shipped ELF file links a library the spec dropped.

    The spec leaves out the GTK stack that only the GTK3 theme plugin needs;
    this proves with ``readelf -d`` that nothing left in the bundle NEEDs it
    (else the app would load the user's copy, or fail). Returns files checked.
    """
    readelf = shutil.which("readelf")
    if not readelf:
        raise SystemExit("readelf (binutils) is needed to check the bundle's libraries")
    checked = 0
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        result = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True)
        needed = [line.split("[", 1)[1].rstrip("]") for line in result.stdout.splitlines()
                  if "(NEEDED)" in line and "[" in line]
        dropped = [name for name in needed if cfg.is_excluded_system_lib(name)]
        if dropped:
            raise SystemExit(f"{path.relative_to(bundle)} links {', '.join(dropped)}, "
                             "which bundle_config.EXCLUDED_SYSTEM_LIBS drops")
        checked += 1
    log(f"readelf: none of {checked} ELF files links a dropped library")
    return checked


def check_dependencies(bundle: Path) -> int:
    """Fail the build if an ELF file of the bundle needs a library found
    neither in the bundle nor on this system (``ldd``, with the bundle's
    library folder on LD_LIBRARY_PATH as at run time). Returns files checked."""
    missing = elf_deps.missing_dependencies(bundle)
    if missing:
        lines = [f"  {path}: {', '.join(names)}" for path, names in sorted(missing.items())]
        raise SystemExit("bundled files need libraries that resolve nowhere:\n" + "\n".join(lines))
    count = len(elf_deps.elf_files(bundle))
    log(f"ldd: every library the {count} ELF files need resolves (bundle or system)")
    return count


def _add_tree(tar: tarfile.TarFile, path: Path, arcname: str) -> None:
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info
    tar.add(path, arcname=arcname, filter=normalise)


def linux_archive(bundle: Path, out_dir: Path, version: str) -> Path:
    """``<name>-<version>-linux-<arch>.tar.xz``: bundle + .desktop + icons + install.sh.

    xz (``tar xf`` unpacks it; GNU tar and busybox tar read it) is a third
    smaller than gzip for this bundle; ``xz`` itself compresses when it is
    installed (multi-threaded), else Python's lzma, to the same format."""
    base = cfg.archive_basename(version)
    stage = out_dir / "stage" / base
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / cfg.APP_NAME, symlinks=True)
    shutil.copy2(LINUX_DIR / f"{cfg.APP_NAME}.desktop", stage / f"{cfg.APP_NAME}.desktop")
    shutil.copy2(LINUX_DIR / "install.sh", stage / "install.sh")
    (stage / "install.sh").chmod(0o755)
    icons = cfg.ROOT / "resources" / "icons"
    shutil.copy2(icons / f"{cfg.APP_NAME}-256.png", stage / f"{cfg.APP_NAME}.png")
    for size in HICOLOR_SIZES:
        target = stage / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"{cfg.APP_NAME}-{size}.png", target / f"{cfg.APP_NAME}.png")
    scalable = stage / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / f"{cfg.APP_NAME}.svg", scalable / f"{cfg.APP_NAME}.svg")
    (stage / "README.txt").write_text(
        f"{cfg.DISPLAY_NAME} ({cfg.DISPLAY_NAME_ZH}) {version}\n\n"
        "Install for this user (no network needed):   ./install.sh\n"
        "Or run in place:                             ./valuation-workbench/valuation-workbench\n"
        "Remove:                                      ./install.sh --uninstall\n"
        "System-wide (as root):                       PREFIX=/usr/local ./install.sh\n",
        encoding="utf-8")
    archive = out_dir / f"{base}{cfg.LINUX_ARCHIVE_SUFFIX}"
    log(f"writing {archive}")
    started, cpu = time.monotonic(), _children_cpu_s()
    write_tar_xz(archive, stage, base)
    log(f"compressed in {time.monotonic() - started:.0f} s ({_children_cpu_s() - cpu:.0f} s of xz CPU time)")
    shutil.rmtree(stage.parent)
    return archive


def _children_cpu_s() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_tar_xz(archive: Path, folder: Path, arcname: str) -> None:
    """``folder`` as ``arcname/`` in an xz-compressed tar (owner root, names only)."""
    xz = shutil.which("xz")
    partial = archive.with_name(archive.name + ".part")
    if xz is None:
        with tarfile.open(partial, "w:xz", preset=XZ_PRESET) as tar:
            _add_tree(tar, folder, arcname)
    else:
        with open(partial, "wb") as out:
            proc = subprocess.Popen([xz, f"-{XZ_PRESET}", "-T0", "-c"], stdin=subprocess.PIPE, stdout=out)
            try:
                with tarfile.open(fileobj=proc.stdin, mode="w|") as tar:
                    _add_tree(tar, folder, arcname)
            finally:
                proc.stdin.close()
                code = proc.wait()
        if code != 0:
            partial.unlink(missing_ok=True)
            raise SystemExit(f"xz failed (exit {code})")
    partial.replace(archive)


def zip_folder(folder: Path, archive: Path) -> Path:
    log(f"writing {archive}")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def windows_packages(bundle: Path, out_dir: Path, version: str) -> list[Path]:
    outputs = [zip_folder(bundle, out_dir / f"{cfg.archive_basename(version)}.zip")]
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc:
        cmd = [iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}",
               f"/DOutputDir={out_dir}",
               f"/DOutputBase={cfg.archive_basename(version)}-setup", str(ISS)]
        log("running " + " ".join(cmd))
        subprocess.run(cmd, check=True)
        outputs.append(out_dir / f"{cfg.archive_basename(version)}-setup.exe")
    else:
        log("iscc (Inno Setup) not on PATH: no setup.exe, only the .zip")
    return outputs


def mac_packages(dist: Path, out_dir: Path, version: str) -> list[Path]:
    app = dist / f"{cfg.DISPLAY_NAME}.app"
    if not app.is_dir():
        raise SystemExit(f"no {app}: the spec's BUNDLE step did not run")
    archive = out_dir / f"{cfg.archive_basename(version)}.zip"
    subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(archive)], check=True)
    return [archive]


def check_version_consistency(version: str) -> None:
    """The installed package (if any) must carry the same version as the source."""
    try:
        from importlib.metadata import PackageNotFoundError, version as dist_version
        installed = dist_version(cfg.APP_NAME)
    except PackageNotFoundError:
        return
    if installed != version:
        raise SystemExit(f"installed {cfg.APP_NAME} is {installed} but models/_version.py "
                         f"says {version}: reinstall (pip install -e .) before building")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Valuation Workbench installer.")
    parser.add_argument("--out", type=Path, default=cfg.ROOT / "build",
                        help="output folder (default: build/)")
    parser.add_argument("--skip-freeze", action="store_true",
                        help="reuse an existing build/dist bundle; only package it")
    parser.add_argument("--smoke-test", action="store_true",
                        help="run installer/smoke_test.py on the result")
    args = parser.parse_args(argv)

    version = cfg.read_version()
    check_version_consistency(version)
    out = args.out.resolve()
    dist, work = out / "dist", out / "pyinstaller"
    out.mkdir(parents=True, exist_ok=True)
    log(f"{cfg.DISPLAY_NAME} {version} on {platform.system()} {platform.machine()}")

    bundle = dist / cfg.APP_NAME if args.skip_freeze else run_pyinstaller(dist, work)
    system = platform.system()
    if system == "Linux":
        check_no_dropped_lib_needed(bundle)
        strip_debug_info(bundle)
        check_dependencies(bundle)
        packages = [linux_archive(bundle, out, version)]
    elif system == "Windows":
        packages = windows_packages(bundle, out, version)
    elif system == "Darwin":
        packages = mac_packages(dist, out, version)
    else:
        raise SystemExit(f"unsupported platform {system}")

    log(f"bundle {bundle}: {folder_size(bundle) / 1e6:.0f} MB")
    for package in packages:
        log(f"package {package}: {package.stat().st_size / 1e6:.0f} MB")

    if args.smoke_test:
        target = packages[0] if system == "Linux" else bundle
        cmd = [sys.executable, str(cfg.INSTALLER_DIR / "smoke_test.py"), str(target)]
        log("running " + " ".join(cmd))
        return subprocess.run(cmd).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
