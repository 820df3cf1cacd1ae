#!/usr/bin/env python3
"""Render the main window with the bundled sample to PNG, in both languages.

    QT_QPA_PLATFORM=offscreen python3 scripts/screenshot.py [--out docs/screenshots] [--size 1600x1000] [--pages]

Writes main-window-zh.png and main-window-en.png (the README shows them);
with ``--pages`` also ``pages/<key>-zh.png`` and ``pages/<key>-en.png``: the
window with each page of ``desktop_app.pages.PAGES`` in front.
Settings go to a temporary file, so the user's are never touched.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def render(app, language: str, out: Path, size: tuple[int, int], settings_path: str,
           pages: bool = False) -> list[Path]:
    from PySide6.QtCore import QSettings

    import models
    from desktop_app import i18n
    from desktop_app.app import SAMPLE_PATH
    from desktop_app.document import Document
    from desktop_app.main_window import MainWindow
    from desktop_app.settings import Settings

    i18n.install(app, language)
    settings = Settings(QSettings(settings_path, QSettings.Format.IniFormat))
    document = Document(models.load_model(SAMPLE_PATH), None, recovery_dir=None)
    window = MainWindow(document, settings, with_plots=True)
    window.resize(*size)
    window.show()
    settle(app)   # the header's analysis line starts after the first paint and runs off the GUI thread
    suffix = "zh" if language.startswith("zh") else "en"
    targets = [out / f"main-window-{suffix}.png"]
    if not window.grab().save(str(targets[0])):
        raise SystemExit(f"could not write {targets[0]}")
    if pages:
        from desktop_app.pages import PAGES

        (out / "pages").mkdir(exist_ok=True)
        for spec in PAGES:
            page = window.pages.page(spec.key)
            if page is None:
                raise SystemExit(f"the page {spec.key!r} could not be built")
            window.pages.setCurrentWidget(page)
            settle(app)   # the page's first state, its runner's results (off the GUI thread), its layout
            target = out / "pages" / f"{spec.key}-{suffix}.png"
            if not window.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            targets.append(target)
    window.close()
    document.close_cleanly()
    window.deleteLater()
    app.processEvents()
    return targets


def settle(app, seconds: float = 1.5) -> None:
    """Let queued work finish: events, timers and results from worker threads."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--pages", action="store_true", help="also every page in front (docs/screenshots/pages)")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from desktop_app.app import create_application

    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="vw-screenshot-") as tmp:
        for n, language in enumerate(("zh_CN", "en")):
            for path in render(app, language, out, (width, height), os.path.join(tmp, f"s{n}.ini"), args.pages):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
