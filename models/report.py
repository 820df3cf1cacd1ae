"""Tabular views of a valuation result, shared by the CLI and CSV export."""
from __future__ import annotations

from .status import status_label
from .terminal import printable
from .valuation import ValuationResult

RESULT_COLUMNS = ("method", "item", "forecast_value", "perpetual_value", "earnings_base", "multiple",
                  "explicit_value", "post_explicit_value", "business_value", "upside", "status")


def result_rows(result: ValuationResult) -> list[list]:
    """Wide rows: one per segment and per company item, for each method."""
    rows: list[list] = []
    for method in (result.ddm, result.dynamic):
        for seg in method.segments:
            if method.method == "ddm":
                rows.append(["ddm", seg.name, seg.forecast_value, seg.perpetual_value, None, None,
                             None, None, seg.business_value, None, None])
            else:
                rows.append(["dynamic", seg.name, None, None, seg.earnings_base, seg.multiple,
                             seg.explicit_value, seg.post_explicit_value, seg.business_value, None, None])
        for item, value in (("segment_total", method.segment_total), ("excess_cash", method.excess_cash),
                            ("minority_interest", -method.minority_interest),
                            ("equity_investments", method.equity_investments)):
            rows.append([method.method, item] + [None] * 6 + [value, None, None])
        rows.append([method.method, "total"] + [None] * 6 + [method.total, method.upside, method.status])
    rows.append(["market", "market_cap"] + [None] * 6 + [result.market_cap, None, None])
    return rows


def text_report(result: ValuationResult, unit: str = "亿元", name: str = "") -> str:
    """A plain-text summary for the terminal: every number says what it is;
    the model's names are shown terminal-safe (``models.terminal.printable``)."""
    lines = [f"{name}  market cap {result.market_cap:,.2f} {unit}".strip()]
    for method, title in ((result.ddm, "DDM"), (result.dynamic, "Dynamic")):
        lines.append("")
        lines.append(f"{title} equity value: {method.total:,.2f} {unit}  upside {method.upside:+.1%} vs market cap  "
                     f"{status_label(method.status, 'zh')} / {status_label(method.status, 'en')}")
        for seg in method.segments:
            if method.method == "ddm":
                lines.append(f"  {seg.name}: forecast value {seg.forecast_value:,.2f} + perpetual value "
                             f"{seg.perpetual_value:,.2f} = business value {seg.business_value:,.2f}")
            else:
                used = (f"multiple {seg.multiple:g}" if seg.mode == "composite" else
                        "justified multiple " + ("NM" if seg.justified_multiple is None
                                                 else format(seg.justified_multiple, ".2f")))
                lines.append(f"  {seg.name}: earnings base {seg.earnings_base:,.2f} × {used}; "
                             f"explicit value {seg.explicit_value:,.2f} + post-explicit value "
                             f"{seg.post_explicit_value:,.2f} = business value {seg.business_value:,.2f}")
        lines.append(f"  + excess cash {method.excess_cash:,.2f} − minority interest {method.minority_interest:,.2f}"
                     f" + equity investments {method.equity_investments:,.2f}")
    m = result.multiples
    def show(v, nm):
        return "NM" if nm else ("—" if v is None else f"{v:.2f}")
    lines.append("")
    lines.append(f"P/S {show(m.ps, m.ps_nm)} ({m.ps_basis})  P/E {show(m.pe, m.pe_nm)} ({m.pe_basis})  "
                 f"P/B {show(m.pb, m.pb_nm)} ({m.pb_basis})")
    for w in result.warnings:
        lines.append(f"warning: {w}")
    # Each line is one line: a newline or ESC inside a name is shown escaped.
    return "\n".join(printable(line) for line in lines)
