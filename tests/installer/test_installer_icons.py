"""The committed icons are what installer/make_icons.py draws, in valid containers."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC, "not a PNG stream"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_committed_svg_is_the_scripts_drawing(icons):
    assert (ICON_DIR / "valuation-workbench.svg").read_text(encoding="utf-8") == icons.SVG


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_committed_png_sizes(icons, size):
    assert size in icons.PNG_SIZES
    data = (ICON_DIR / icons.png_name(size)).read_bytes()
    assert png_size(data) == (size, size)


def test_generate_renders_opaque_tile_with_transparent_corners(qapp, icons, tmp_path):
    # qapp: the suite's one QApplication exists first, so make_icons reuses it
    from PySide6.QtGui import QImage

    icons.generate(tmp_path)
    image = QImage(str(tmp_path / icons.png_name(64)))
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 0).alpha() == 0          # outside the rounded tile
    assert image.pixelColor(32, 56).alpha() == 255       # inside it
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in ICON_DIR.iterdir()
                                                     if p.name.startswith("valuation-workbench")}


def test_ico_holds_every_size_as_png():
    data = (ICON_DIR / "valuation-workbench.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        blob = data[offset:offset + length]
        real = png_size(blob)
        assert real[0] == (w or 256) and real[1] == (h or 256)
        assert (planes, bpp) == (1, 32)
        sizes.append(real[0])
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_icns_lengths_are_consistent():
    data = (ICON_DIR / "valuation-workbench.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    pos, types = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4].decode("ascii"), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        types[kind] = png_size(data[pos + 8:pos + length])[0]
        pos += length
    assert pos == len(data)
    assert types == {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512}


def test_pack_ico_stores_256_as_zero(icons):
    fake = {16: PNG_MAGIC + b"a" * 20, 256: PNG_MAGIC + b"b" * 20}
    data = icons.pack_ico(fake)
    first = struct.unpack("<BBBBHHII", data[6:22])
    second = struct.unpack("<BBBBHHII", data[22:38])
    assert first[:2] == (16, 16) and second[:2] == (0, 0)
    assert data[second[7]:second[7] + second[6]] == fake[256]
