"""What a source yields, before it meets a model: reported figures in 元
(ratios as decimals), keyed by metric and period."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ._table import SourceError, Table

#: History metrics that are ratios (decimals): never converted between money units.
RATIO_METRICS = frozenset({
    "operating_margin", "net_margin_deducted", "roe", "roic", "revenue_growth", "operating_profit_growth",
    "net_profit_growth", "ocf_to_revenue", "net_payables_to_assets", "payout_ratio", "rd_to_revenue",
    "gross_margin", "net_margin",
})

#: Interim period kinds: a Tushare end_date's month-day → the label's suffix.
INTERIM_KINDS = {"0331": "Q1", "0630": "H1", "0930": "Q3"}


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: ``kind`` is ``FY`` (annual), ``Q1``, ``H1``, ``Q3`` (year to
    date, as statements report them) or ``TTM``."""

    year: int
    kind: str = "FY"

    @property
    def label(self) -> str:
        return str(self.year) if self.kind == "FY" else f"{self.year}{self.kind}"

    @property
    def annual(self) -> bool:
        return self.kind == "FY"


_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$")
_LABEL = re.compile(r"^(?:FY)?(\d{4})(?:A|E|年|年度|FY)?(?:\s*(Q1|H1|Q3|TTM|一季报|中报|半年报|三季报))?$",
                    re.IGNORECASE)
_LABEL_KIND = {"q1": "Q1", "h1": "H1", "q3": "Q3", "ttm": "TTM", "一季报": "Q1", "中报": "H1",
               "半年报": "H1", "三季报": "Q3"}


def parse_period(cell, table: Table, index: int, column: str) -> Period | None:
    """``20241231``/``2024-12-31``/``2024`` → 2024 annual; ``20250630``/``2025H1`` → 2025 H1.

    A quarter end other than March, June, September or December, or text that is
    no period, is an error naming the cell; an empty cell is None."""
    from ._table import is_missing, text_in

    if is_missing(cell):
        return None
    text = unicodedata.normalize("NFKC", text_in(cell))
    if isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    text = text.replace("/", "-").strip()
    match = _DATE.match(text)
    if match:
        year, mmdd = int(match.group(1)), match.group(2) + match.group(3)
        if mmdd == "1231":
            return Period(year)
        if mmdd in INTERIM_KINDS:
            return Period(year, INTERIM_KINDS[mmdd])
        raise SourceError(table.where(), f"{text!r} is not a quarter end (03-31, 06-30, 09-30 or 12-31)",
                          table.row_numbers[index], column, "import_not_quarter_end", {"found": text})
    match = _LABEL.match(text.replace(" ", ""))
    if match:
        kind = match.group(2)
        return Period(int(match.group(1)), _LABEL_KIND[kind.lower()] if kind else "FY")
    raise SourceError(table.where(), f"expected a period such as 20241231, 2024-12-31, 2024 or 2025H1, "
                      f"found {text!r}", table.row_numbers[index], column, "import_period", {"found": text})


@dataclass
class Figures:
    """Figures read from one source. Money is in 元; shares in 股; ratios decimal."""

    file: str
    layout: str                                   # "tushare", "akshare" or "template"
    company: dict[Period, dict[str, float]] = field(default_factory=dict)   # period → metric → value
    #: classification (分类类型; "" for a template) → segment name → year → {revenue, gross_profit, net_profit}
    segments: dict[str, dict[str, dict[int, dict[str, float]]]] = field(default_factory=dict)
    ticker: str | None = None
    name: str | None = None
    price: float | None = None                    # per share, in 元
    shares: float | None = None                   # the share count now, in 股 (a template's shares row without a period)
    notes: list[str] = field(default_factory=list)

    def put_company(self, period: Period, metric: str, value: float) -> None:
        self.company.setdefault(period, {})[metric] = value

    def put_segment(self, classification: str, name: str, year: int, key: str, value: float) -> None:
        self.segments.setdefault(classification, {}).setdefault(name, {}).setdefault(year, {})[key] = value
