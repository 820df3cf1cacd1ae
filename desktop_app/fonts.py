"""The CJK-capable fonts the app and the report prefer (Chinese never shows as boxes)."""
from __future__ import annotations

# CJK-capable UI fonts, best first; Qt falls back along the list per glyph.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
             "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "Noto Sans CJK TC",
             "Noto Sans CJK JP")


def choose_font_families(available: list[str]) -> list[str]:
    """The CJK-capable families present on this system, in preference order."""
    present = set(available)
    return [f for f in CJK_FONTS if f in present]
