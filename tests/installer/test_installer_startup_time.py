"""installer/startup_time.py decides "painted" from an xwd capture: flat is not painted."""
from __future__ import annotations

import struct


def fake_xwd(pixels: bytes, width: int = 10, height: int = 10) -> bytes:
    header_size = 100 + 8  # 25 CARD32 fields + a window name
    fields = [0] * 25
    fields[0], fields[4], fields[5], fields[12], fields[19] = header_size, width, height, width * 4, 0
    return struct.pack(">25I", *fields) + b"name\x00\x00\x00\x00" + pixels


def test_flat_capture_is_not_painted(startup_time):
    st = startup_time
    assert not st.painted(fake_xwd(b"\xf0\xf0\xf0\x00" * 100))
    assert not st.painted(b"")


def test_varied_capture_is_painted(startup_time):
    st = startup_time
    assert st.painted(fake_xwd(bytes(range(256)) * 2))
