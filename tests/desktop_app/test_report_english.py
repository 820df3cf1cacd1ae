"""Issue 9 item 5 in the report: the English report names the segments and the
company by their English names and reads the unit as CNY 100m; the only
Chinese left is the user's own text without an English version (notes,
descriptions). The Chinese report keeps the names as written."""
from __future__ import annotations

import dataclasses

from desktop_app.report.content import build_report
from tests.desktop_app.english_walker import CJK, foreign_texts, user_texts


def strings(node, where="report"):
    if isinstance(node, str):
        yield where, node
    elif dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            yield from strings(getattr(node, field.name), f"{where}.{field.name}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{where}[{key}]")
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from strings(value, where)


def test_the_english_report_is_english_but_for_the_users_text(sample_model):
    texts = list(strings(build_report(sample_model, "en")))
    bad = foreign_texts(texts, user_texts(sample_model))
    assert not bad, bad[:10]
    joined = "\n".join(t for _, t in texts)
    assert "Imaging & radiotherapy equipment (domestic)" in joined and "Maintenance services & other" in joined
    assert "CNY 100m" in joined and "亿元" not in joined and "100M CNY" not in joined
    assert any(CJK.search(t) for _, t in texts)   # the notes are the user's, in Chinese: still there


def test_the_chinese_report_keeps_the_names_as_written(sample_model):
    joined = "\n".join(t for _, t in strings(build_report(sample_model, "zh_CN")))
    assert "医学影像设备及放射治疗设备（国内）" in joined and "亿元" in joined
    assert "CNY 100m" not in joined
