"""The model document: the JSON of docs/model-file.md, validated and normalized.

``Model`` keeps the document itself (a plain dict) so that unknown keys and key
order survive a load → save round trip untouched. Numbers are normalized to
Python floats (integers where the format says integer); years stay string keys
in ``actuals``/``forecast``/``company_forecast``, as in the file. The rules a
document must satisfy live in models/checks.py.
"""
from __future__ import annotations

from typing import Any

from .checks import FORMAT_NAME, FORMAT_VERSION, check_document, copy_json, path_text  # noqa: F401 (re-exported)
from .errors import ModelFileError
from .limits import MAX_FADE_YEARS  # noqa: F401 (re-exported)

DEFAULT_WEIGHTS = (1.0 / 3.0, 2.0 / 3.0)

Path = tuple[Any, ...]


class Model:
    """A valid (or, after ``set``, possibly invalid) valuation model document."""

    __slots__ = ("doc",)

    def __init__(self, doc: dict) -> None:
        self.doc = doc

    # -- construction -------------------------------------------------
    @classmethod
    def from_dict(cls, doc: Any, *, owned: bool = False) -> "Model":
        """Validate and normalize a parsed JSON document; raise ModelFileError.
        ``owned=True``: the caller hands ``doc`` over (e.g. just parsed), so it
        is normalized in place rather than copied."""
        try:
            normalized, issues = check_document(doc, copy=not owned)
        except RecursionError:
            raise ModelFileError("", "the document is nested too deeply to be a model", code="nested") from None
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            first = errors[0]
            error = ModelFileError(first.path, first.message,
                                   newer_version=first.code == "newer_version", issues=errors)
            error.segment_names = _segment_names(doc)
            error.segment_names_en = _segment_names(doc, "name_en")
            raise error
        return cls(normalized)

    def to_dict(self) -> dict:
        return copy_json(self.doc)

    def copy(self) -> "Model":
        return Model(copy_json(self.doc))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self.doc == other.doc

    def __repr__(self) -> str:
        return f"Model({self.company_name!r}, {len(self.doc.get('segments', []))} segments, years {self.years[:1]}…{self.years[-1:]})"

    # -- paths --------------------------------------------------------
    def get(self, path: Path) -> Any:
        node: Any = self.doc
        for part in path:
            node = node[part]
        return node

    def set(self, path: Path, value: Any) -> None:
        """Set a value by path, creating missing intermediate objects. No validation."""
        node: Any = self.doc
        for part in path[:-1]:
            if isinstance(node, dict) and part not in node:
                node[part] = {}
            node = node[part]
        node[path[-1]] = value

    def delete(self, path: Path) -> None:
        node: Any = self.doc
        for part in path[:-1]:
            node = node[part]
        if isinstance(node, dict):
            node.pop(path[-1], None)
        else:
            del node[path[-1]]

    # -- convenient views ----------------------------------------------
    @property
    def company_name(self) -> str:
        return str(self.doc.get("company", {}).get("name", ""))

    @property
    def unit(self) -> str:
        unit = (self.doc.get("company") or {}).get("unit")
        return unit if isinstance(unit, str) and unit.strip() else "亿元"

    @property
    def years(self) -> list[int]:
        return list(self.doc.get("years", []))

    @property
    def first_forecast_year(self) -> int:
        return int(self.doc["first_forecast_year"])

    @property
    def actual_years(self) -> list[int]:
        ffy = self.first_forecast_year
        return [y for y in self.years if y < ffy]

    @property
    def forecast_years(self) -> list[int]:
        ffy = self.first_forecast_year
        return [y for y in self.years if y >= ffy]

    @property
    def base_year(self) -> int:
        value = self.doc["valuation"].get("base_year")
        return self.first_forecast_year if value is None else int(value)

    @property
    def segments(self) -> list[dict]:
        return self.doc["segments"]

    @property
    def segment_count(self) -> int:
        return len(self.doc["segments"])

    @property
    def segment_names(self) -> list[str]:
        return [s["name"] for s in self.doc["segments"]]

    @property
    def market_cap(self) -> float:
        market = self.doc["market"]
        return float(market["price"]) * float(market["shares"])

    @property
    def terminal_growth(self) -> float:
        return float(self.doc["valuation"]["terminal_growth"])

    def segment_terminal_growth(self, i: int) -> float:
        seg = self.doc["segments"][i]
        value = seg.get("terminal_growth")
        return float(self.doc["valuation"]["terminal_growth"] if value is None else value)

    def segment_fade_years(self, i: int) -> int:
        seg = self.doc["segments"][i]
        value = seg.get("fade_years")
        return int(self.doc["valuation"]["fade_years"] if value is None else value)

    @property
    def dynamic_weights(self) -> tuple[float, float]:
        w = self.doc["valuation"].get("dynamic_weights")
        return (float(w[0]), float(w[1])) if w else DEFAULT_WEIGHTS

    def valuation_amount(self, key: str) -> float:
        """excess_cash, minority_interest or equity_investments (default 0)."""
        value = self.doc["valuation"].get(key)
        return 0.0 if value is None else float(value)

    def company_forecast_value(self, key: str, year: int) -> float:
        table = (self.doc.get("company_forecast") or {}).get(key) or {}
        value = table.get(str(year))
        return 0.0 if value is None else float(value)


def _segment_names(doc: Any, key: str = "name") -> list:
    """The names a refused document gives its segments (None where a name is
    not non-empty text), so messages can name a segment as the tables would
    (``key``: ``"name_en"`` for the English names)."""
    segments = doc.get("segments") if isinstance(doc, dict) else None
    if not isinstance(segments, list):
        return []
    return [s[key] if isinstance(s, dict) and isinstance(s.get(key), str) and s[key].strip() else None
            for s in segments]
