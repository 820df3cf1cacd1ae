"""Names and the money unit as a reader of one language sees them.

A model is written in Chinese; a segment or the company may carry an English
name (``name_en``). An English reader sees the English name where there is
one, the name as written otherwise. The money unit (``company.unit``, 亿元 for
the samples) reads in English as the currency code and a scale, the way
English broker tables head their columns: 亿元 → ``CNY 100m``, 万元 →
``CNY 10k``. A unit we cannot read is shown as written.

``lang`` is ``"zh"`` or ``"en"`` (as ``models.status.status_label`` takes it).
"""
from __future__ import annotations

# the longest spelling first: 人民币元 before 元
_CURRENCIES = (("人民币元", "CNY"), ("港元", "HKD"), ("港币", "HKD"), ("美元", "USD"), ("欧元", "EUR"),
               ("日元", "JPY"), ("元", "CNY"))
_SCALES = {"": "", "千": "k", "万": "10k", "十万": "100k", "百万": "m", "千万": "10m", "亿": "100m",
           "十亿": "bn", "百亿": "10bn", "千亿": "100bn", "万亿": "trn"}


def is_english(lang: str) -> bool:
    return not str(lang).lower().startswith("zh")


def unit_text(unit: str, lang: str) -> str:
    """The money unit ``unit`` for a reader of ``lang``."""
    unit = str(unit)
    if not is_english(lang):
        return unit
    text = unit.strip()
    for written, code in _CURRENCIES:
        if text.endswith(written):
            scale = _SCALES.get(text[: -len(written)].strip())
            if scale is not None:
                return f"{code} {scale}" if scale else code
    return unit


def _english(entry) -> str | None:
    value = entry.get("name_en") if isinstance(entry, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def entry_name(entry: dict, lang: str) -> str:
    """The name of a segment or company entry (a dict of the file) for a reader of ``lang``."""
    english = _english(entry) if is_english(lang) else None
    return english or str(entry.get("name", ""))


def segment_name(model, index: int, lang: str) -> str:
    """Segment ``index``'s name for a reader of ``lang``."""
    return entry_name(model.segments[index], lang)


def segment_names(model, lang: str) -> list[str]:
    return [segment_name(model, i, lang) for i in range(model.segment_count)]


def name_field(model, index: int, lang: str) -> str:
    """The field a rename edits in ``lang``: the one the reader sees."""
    return "name_en" if is_english(lang) and _english(model.segments[index]) else "name"


def company_name(model, lang: str) -> str:
    return entry_name(model.doc.get("company") or {}, lang)
