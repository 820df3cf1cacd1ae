#!/usr/bin/env python3
"""Update the app's translation sources and compile them.

    python scripts/build_translations.py          # lupdate + lrelease
    python scripts/build_translations.py --release-only

``pyside6-lupdate`` collects every ``tr()``/``translate()`` string of
``desktop_app`` into ``resources/translations/app_<lang>.ts`` (the sensitivity
plots in ``desktop_app/plots`` into their own ``plots_zh_CN.ts``), keeping the
translations already there; ``pyside6-lrelease`` compiles each ``.ts`` to the
``.qm`` the app loads. Placeholders are Qt's ``%1``…``%9``, filled by
``desktop_app.i18n.fill``. Source strings are English; ``app_zh_CN.ts`` holds
the Simplified Chinese. The .qm files are committed, and a test checks they
are up to date with the .ts.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # the tools live beside the Python that has PySide6
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")


def sources() -> list[str]:
    files = sorted(p for p in (ROOT / "desktop_app").rglob("*.py") if "plots" not in p.relative_to(ROOT).parts)
    return [str(p.relative_to(ROOT)) for p in files]


def plot_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "plots").glob("*.py"))


def lupdate() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"app_{lang}.ts"
        cmd = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources(), "-ts", str(ts)]
        subprocess.run(cmd, cwd=ROOT, check=True)
        if lang == "en":  # the source language: mark it so lrelease does not warn
            text = ts.read_text(encoding="utf-8")
            if 'sourcelanguage="en"' not in text:
                text = text.replace("<TS version=", '<TS sourcelanguage="en" version=', 1)
            ts.write_text(text, encoding="utf-8")
    cmd = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *plot_sources(),
           "-ts", str(TRANSLATIONS / "plots_zh_CN.ts")]
    subprocess.run(cmd, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def release_all() -> list[Path]:
    written = []
    for ts in sorted([*TRANSLATIONS.glob("app_*.ts"), *TRANSLATIONS.glob("plots_*.ts")]):
        qm = ts.with_suffix(".qm")
        lrelease(ts, qm)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true", help="only compile the .ts to .qm")
    args = parser.parse_args(argv)
    if not args.release_only:
        lupdate()
    for qm in release_all():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
