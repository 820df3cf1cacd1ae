#!/usr/bin/env python3
"""Offline wheelhouse: download every dependency once, install later with no network.

On a machine with PyPI access::

    python installer/wheelhouse.py build --dest build/wheelhouse [--extras test]
    # for another platform, e.g. Windows analysts:
    python installer/wheelhouse.py build --dest build/wheelhouse-win \\
        --platform win_amd64 --python-version 3.11

Copy the folder to the offline workstation, then::

    python installer/wheelhouse.py install --dest WHEELHOUSE [--venv DIR] [--extras test]
    # or, without this script:
    python -m pip install --no-index --find-links WHEELHOUSE valuation-workbench

``build`` makes the project's own wheel (``pip wheel --no-deps``) and downloads
wheels (never sdists: the workstation has no compiler) of everything it needs
with ``pip download``. ``install`` runs ``pip install --no-index`` so pip can
not reach any index, then checks that the installed app imports and reports
the expected version.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg  # noqa: E402

DIST_NAME = cfg.APP_NAME
WHEEL_PREFIX = DIST_NAME.replace("-", "_")


# Run in the installed environment: the app's modules import, and the package
# data (a sample, the icon, compiled translations) came along in the wheel.
PACKAGE_DATA_CHECK = (
    "import desktop_app, PySide6.QtWidgets, pyqtgraph, pandas, resources, pathlib; "
    "r = pathlib.Path(resources.__file__).parent; "
    "assert (r / 'samples' / 'united-imaging-688271.json').is_file(), 'no sample'; "
    "assert (r / 'icons' / 'valuation-workbench.svg').is_file(), 'no icon'; "
    "assert list((r / 'translations').glob('*_zh_CN.qm')), 'no translations'"
)


def requirement(version: str, extras: list[str]) -> str:
    """``valuation-workbench[test]==0.1.0``: pinned to this checkout's version."""
    extra = f"[{','.join(sorted(set(extras)))}]" if extras else ""
    return f"{DIST_NAME}{extra}=={version}"


def project_wheel(dest: Path, version: str) -> Path:
    return dest / f"{WHEEL_PREFIX}-{version}-py3-none-any.whl"


def build_commands(dest: Path, version: str, extras: list[str], python: str = sys.executable,
                   platform: str | None = None, python_version: str | None = None,
                   root: Path = cfg.ROOT) -> list[list[str]]:
    """The pip commands ``build`` runs, in order (pure: used by the tests)."""
    wheel = [python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(dest), str(root)]
    extra = f"[{','.join(sorted(set(extras)))}]" if extras else ""
    download = [python, "-m", "pip", "download", "--dest", str(dest),
                "--only-binary=:all:", "--find-links", str(dest)]
    if platform or python_version:
        download += ["--implementation", "cp"]
        if platform:
            download += ["--platform", platform]
        if python_version:
            download += ["--python-version", python_version]
    download.append(f"{project_wheel(dest, version)}{extra}")
    return [wheel, download]


def install_commands(dest: Path, version: str, extras: list[str], python: str = sys.executable,
                     venv: Path | None = None) -> list[list[str]]:
    """The commands ``install`` runs: an optional venv, then pip with no index at all."""
    commands: list[list[str]] = []
    if venv is not None:
        commands.append([python, "-m", "venv", str(venv)])
        python = str(venv_python(venv))
    commands.append([python, "-m", "pip", "install", "--no-index", "--find-links", str(dest),
                     requirement(version, extras)])
    commands.append([python, "-m", "models", "--version"])
    commands.append([python, "-c", PACKAGE_DATA_CHECK])
    return commands


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("[wheelhouse] " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build or install from an offline wheelhouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "install"):
        p = sub.add_parser(name)
        p.add_argument("--dest", type=Path, default=cfg.ROOT / "build" / "wheelhouse",
                       help="the wheelhouse folder (default: build/wheelhouse)")
        p.add_argument("--extras", action="append", default=[], choices=["test", "build"],
                       help="also include an optional dependency group (repeatable)")
        p.add_argument("--python", default=sys.executable,
                       help="the Python whose pip runs (default: this one)")
    b = sub.choices["build"]
    b.add_argument("--platform", help="a pip platform tag, e.g. win_amd64, macosx_14_0_arm64")
    b.add_argument("--python-version", help="target Python, e.g. 3.11 (with --platform)")
    i = sub.choices["install"]
    i.add_argument("--venv", type=Path, help="create this virtual environment and install into it")
    args = parser.parse_args(argv)

    version = cfg.read_version()
    dest = args.dest.resolve()
    if args.command == "build":
        dest.mkdir(parents=True, exist_ok=True)
        for cmd in build_commands(dest, version, args.extras, args.python,
                                  args.platform, args.python_version):
            run(cmd)
        wheels = sorted(dest.glob("*.whl"))
        size = sum(w.stat().st_size for w in wheels)
        print(f"[wheelhouse] {len(wheels)} wheels, {size / 1e6:.0f} MB in {dest}")
        return 0

    if not project_wheel(dest, version).is_file():
        print(f"[wheelhouse] {project_wheel(dest, version).name} not in {dest}: "
              "run 'build' first (or copy the whole folder)", file=sys.stderr)
        return 2
    commands = install_commands(dest, version, args.extras, args.python,
                                args.venv.resolve() if args.venv else None)
    # Only the wheelhouse counts: no pip configuration file (a mirror, extra
    # find-links) may supply a package the folder lacks.
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull)
    env.pop("PIP_FIND_LINKS", None)
    env.pop("PIP_INDEX_URL", None)
    env.pop("PIP_EXTRA_INDEX_URL", None)
    env.pop("PYTHONPATH", None)
    for cmd in commands[:-2]:
        run(cmd, env=env)
    # check from an empty folder, so that a checkout in the current folder
    # cannot stand in for what was installed
    with tempfile.TemporaryDirectory(prefix="vw-wheelhouse-") as elsewhere:
        reported = run(commands[-2], capture_output=True, text=True, cwd=elsewhere,
                       env=env).stdout.strip()
        if version not in reported:
            print(f"[wheelhouse] installed app reports {reported!r}, expected {version}",
                  file=sys.stderr)
            return 1
        run(commands[-1], cwd=elsewhere, env=env)
    print(f"[wheelhouse] installed offline: {reported}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
