#!/usr/bin/env python3
"""Generate the application icon in every format the platforms want.

Writes, into ``resources/icons/`` (or ``--out DIR``):

- ``valuation-workbench.svg``: the source drawing (a rising bar chart under a
  valuation curve on a dark blue tile), written by this script so the drawing
  lives in one place;
- ``valuation-workbench-<N>.png`` for N in :data:`PNG_SIZES` (window icons,
  the Linux .desktop entry, hicolor theme sizes), rendered from the SVG with
  Qt's ``QSvgRenderer``;
- ``valuation-workbench.ico`` (Windows; PNG-compressed entries, Vista and later)
  and ``valuation-workbench.icns`` (macOS; PNG entries), both packed here with
  plain Python, so no image library and no network is needed.

Run ``python installer/make_icons.py`` after changing the drawing and commit
the outputs; ``tests/installer/test_installer_icons.py`` checks they match.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
NAME = "valuation-workbench"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry type -> pixel size (PNG payloads are accepted for all of these).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128),
              ("ic08", 256), ("ic09", 512))

SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Valuation Workbench</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1f4e8c"/>
      <stop offset="1" stop-color="#0d2748"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" ry="44" fill="url(#tile)"/>
  <line x1="44" y1="204" x2="212" y2="204" stroke="#9fb8d9" stroke-width="6" stroke-linecap="round"/>
  <rect x="56" y="150" width="28" height="50" rx="4" fill="#5fa8ff"/>
  <rect x="98" y="124" width="28" height="76" rx="4" fill="#5fa8ff"/>
  <rect x="140" y="96" width="28" height="104" rx="4" fill="#5fa8ff"/>
  <rect x="182" y="62" width="28" height="138" rx="4" fill="#8cc4ff"/>
  <path d="M 44 128 C 90 118, 130 84, 212 44" fill="none" stroke="#ffc53d"
        stroke-width="10" stroke-linecap="round"/>
  <circle cx="212" cy="44" r="13" fill="#ffc53d" stroke="#0d2748" stroke-width="4"/>
</svg>
"""


def png_name(size: int) -> str:
    return f"{NAME}-{size}.png"


def render_pngs(svg_bytes: bytes, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Render the SVG at each size with Qt; returns PNG bytes per size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(QByteArray(svg_bytes))
    if not renderer.isValid():
        raise RuntimeError("the icon SVG does not parse")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError(f"could not encode the {size}px PNG")
        buffer.close()
        out[size] = bytes(data)
    del app
    return out


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO container whose entries are PNG streams (size 256 is stored as 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def pack_icns(pngs: dict[int, bytes]) -> bytes:
    """An Apple ICNS container with PNG entries."""
    body = b""
    for icon_type, size in ICNS_TYPES:
        blob = pngs[size]
        body += icon_type.encode("ascii") + struct.pack(">I", len(blob) + 8) + blob
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def generate(out_dir: Path) -> list[Path]:
    """Write every icon file into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    svg_bytes = SVG.encode("utf-8")
    pngs = render_pngs(svg_bytes, PNG_SIZES)
    written: list[Path] = []

    def write(name: str, data: bytes) -> None:
        path = out_dir / name
        path.write_bytes(data)
        written.append(path)

    write(f"{NAME}.svg", svg_bytes)
    for size in PNG_SIZES:
        write(png_name(size), pngs[size])
    write(f"{NAME}.ico", pack_ico({s: pngs[s] for s in ICO_SIZES}))
    write(f"{NAME}.icns", pack_icns(pngs))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICON_DIR,
                        help="output folder (default: resources/icons)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
