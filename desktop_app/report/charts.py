"""The report's charts, drawn with QPainter so they stay vector in the PDF
(QPdfWriter) and in the HTML (QSvgGenerator → inline SVG).

Each painter takes the target rectangle in device units and ``pt``, the device
units per typographic point, so one drawing serves both devices. The data are
the plain dicts ``content.py`` builds from the engine's requests; the status
colours are the app's (``desktop_app.theme``).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from desktop_app.numbers import MONEY, PERCENT, format_value
from desktop_app.theme import STATUS_COLORS

from .content import Chart

PALETTE = ("#1f5fa8", "#e08a1e", "#3f9e4d", "#8e5ea2", "#c0392b", "#16a2b8", "#7f7f7f", "#bcbd22")
METHOD_COLORS = {"ddm": "#1f5fa8", "dynamic": "#e08a1e"}
FOREGROUND = QColor("#303030")
GRID = QColor("#d9d9d9")
INVALID = QColor("#cfcfcf")
BAND_ALPHA = 0.28          # the status bands behind the sweep


def _font(families: list[str], size_pt: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFeature(QFont.Tag("locl"), 0)     # see pdf.font: digits must stay reachable for copying
    if families:
        font.setFamilies(families)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values from one at or below ``lo`` to one at or above ``hi``."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo]
    raw = (hi - lo) / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]


class _Ctx:
    def __init__(self, painter: QPainter, pt: float, families: list[str]):
        self.p = painter
        self.pt = pt
        self.families = families
        self.small = _font(families, 7.0)
        self.normal = _font(families, 7.5)
        self.bold = _font(families, 7.5, True)
        #: what was placed where, for the tests: ("grid", y), ("band_label", rect), ("market_cap_label", rect)
        self.placed: list[tuple] = []

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.p.device())

    def pen(self, color, width_pt: float = 0.75, style=Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(QColor(color), width_pt * self.pt)
        pen.setStyle(style)
        return pen

    def text(self, rect: QRectF, flags, s: str, font: QFont | None = None, color=FOREGROUND) -> None:
        self.p.setFont(font or self.normal)
        self.p.setPen(QColor(color))
        self.p.drawText(rect, int(flags), s)

    def width(self, s: str, font: QFont | None = None) -> float:
        return self.metrics(font or self.normal).horizontalAdvance(s)

    def height(self, font: QFont | None = None) -> float:
        return self.metrics(font or self.normal).height()


def draw_chart(painter: QPainter, rect: QRectF, chart: Chart, pt: float, families: list[str]) -> list[tuple]:
    """Draw ``chart`` into ``rect``; returns what was placed where (``_Ctx.placed``)."""
    ctx = _Ctx(painter, pt, families)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    try:
        {"pie": _pie, "lines": _lines, "sweep": _sweep, "heatmap": _heatmap, "tornado": _tornado,
         "multiple": _multiple}[chart.kind](ctx, rect, chart.data)
    finally:
        painter.restore()
    return ctx.placed


# -- figures 1–2 -----------------------------------------------------------------------
def _pie(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    parts = data["parts"]
    line_h = ctx.height(ctx.small)
    legend_h = sum(max(1, math.ceil(ctx.width(f"{x['name']}  {x['share_text']}", ctx.small) /
                                    max(rect.width() - 16 * pt, 1))) * line_h + 3 * pt for x in parts)
    size = max(40 * pt, min(rect.width() * 0.7, rect.height() - legend_h - 8 * pt))
    pie = QRectF(rect.center().x() - size / 2, rect.top() + 2 * pt, size, size)
    start = 90 * 16
    for k, part in enumerate(parts):
        span = -int(round(part["share"] * 360 * 16))
        p.setPen(QPen(QColor("#ffffff"), 0.75 * pt))
        p.setBrush(QColor(PALETTE[k % len(PALETTE)]))
        p.drawPie(pie, start, span)
        mid = math.radians((start + span / 2) / 16)
        r = size * 0.36
        c = pie.center()
        label = QRectF(c.x() + r * math.cos(mid) - 30 * pt, c.y() - r * math.sin(mid) - 6 * pt, 60 * pt, 12 * pt)
        if part["share"] >= 0.06:
            ctx.text(label, Qt.AlignmentFlag.AlignCenter, part["share_text"], ctx.bold, "#ffffff")
        start += span
    y = pie.bottom() + 6 * pt
    for k, part in enumerate(parts):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(PALETTE[k % len(PALETTE)]))
        p.drawRect(QRectF(rect.left() + 2 * pt, y + 2 * pt, 7 * pt, 7 * pt))
        box = QRectF(rect.left() + 13 * pt, y, rect.width() - 15 * pt, rect.bottom() - y)
        s = f"{part['name']}  {part['share_text']} ({part['value_text']})"
        p.setFont(ctx.small)
        bounds = ctx.metrics(ctx.small).boundingRect(box, int(Qt.TextFlag.TextWordWrap), s)
        ctx.text(box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, s, ctx.small)
        y += bounds.height() + 3 * pt


# -- axes helpers ----------------------------------------------------------------------------
def _plot_area(ctx: _Ctx, rect: QRectF, left_labels: list[str], top: float = 16.0, bottom: float = 26.0,
               right: float = 8.0) -> QRectF:
    pt = ctx.pt
    left = max((ctx.width(s, ctx.small) for s in left_labels), default=0) + 8 * pt
    return QRectF(rect.left() + left, rect.top() + top * pt, rect.width() - left - right * pt,
                  rect.height() - (top + bottom) * pt)


def _y_axis(ctx: _Ctx, area: QRectF, ticks: list[float], lo: float, hi: float, fmt) -> None:
    p, pt = ctx.p, ctx.pt
    for t in ticks:
        y = area.bottom() - (t - lo) / (hi - lo) * area.height()
        p.setPen(ctx.pen(GRID, 0.5))
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        ctx.placed.append(("grid", y))
        ctx.text(QRectF(area.left() - 60 * pt, y - 6 * pt, 56 * pt, 12 * pt),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fmt(t), ctx.small)
    p.setPen(ctx.pen(FOREGROUND, 0.75))
    p.drawLine(area.bottomLeft(), area.bottomRight())


def _legend(ctx: _Ctx, rect: QRectF, items: list[tuple[str, str]]) -> None:
    """A row of (colour, name) swatches across the top of ``rect``."""
    p, pt = ctx.p, ctx.pt
    x = rect.left() + 4 * pt
    y = rect.top() + 2 * pt
    for color, name in items:
        w = ctx.width(name, ctx.small) + 20 * pt
        if x + w > rect.right():
            x = rect.left() + 4 * pt
            y += 10 * pt
        p.setPen(ctx.pen(color, 1.6))
        p.drawLine(QPointF(x, y + 5 * pt), QPointF(x + 10 * pt, y + 5 * pt))
        ctx.text(QRectF(x + 13 * pt, y, w, 10 * pt), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 name, ctx.small)
        x += w + 6 * pt


# -- figures 3–6 -----------------------------------------------------------------------------
def _lines(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    years, series = data["years"], data["series"]
    values = [v for s in series for v in s["values"] if v is not None]
    lo, hi = min(values + [0.0]), max(values + [0.0])
    pad = (hi - lo) * 0.12 or 0.05
    ticks = nice_ticks(lo - pad, hi + pad)
    lo, hi = min(ticks[0], lo - pad), max(ticks[-1], hi + pad)
    labels = [format_value(t, PERCENT, 0) for t in ticks]
    rows = 1 + int(sum(ctx.width(s["name"], ctx.small) + 26 * pt for s in series) > rect.width())
    area = _plot_area(ctx, rect, labels, top=16 + 10 * rows, bottom=16)
    _y_axis(ctx, area, ticks, lo, hi, lambda t: format_value(t, PERCENT, 0))
    n = len(years)
    step = area.width() / max(n, 1)
    xs = [area.left() + step * (k + 0.5) for k in range(n)]
    for x, year in zip(xs, years):
        ctx.text(QRectF(x - 30 * pt, area.bottom() + 2 * pt, 60 * pt, 12 * pt), Qt.AlignmentFlag.AlignHCenter,
                 year, ctx.small)
    def ymap(v):
        return area.bottom() - (v - lo) / (hi - lo) * area.height()

    labels_at: dict[int, list] = {}
    for k, s in enumerate(series):
        color = QColor(PALETTE[k % len(PALETTE)])
        pts = [(xs[i], ymap(v), s["derived"][i], s["labels"][i], i)
               for i, v in enumerate(s["values"]) if v is not None]
        p.setPen(ctx.pen(color, 1.4))
        for a, b in zip(pts, pts[1:]):
            p.drawLine(QPointF(a[0], a[1]), QPointF(b[0], b[1]))
        for x, y, derived, label, i in pts:
            p.setPen(ctx.pen(color, 1.2))
            p.setBrush(QColor("#ffffff") if derived else color)
            p.drawEllipse(QPointF(x, y), 2.4 * pt, 2.4 * pt)
            labels_at.setdefault(i, []).append((y, label, color, x))
    # each year's labels sit beside their points, pushed apart so none overlaps
    label_h = 9 * pt
    for items in labels_at.values():
        items.sort(key=lambda item: item[0])
        placed = []
        for idx, (y, label, color, x) in enumerate(items):
            # above its point; the lowest of several below its point
            below = len(items) > 1 and idx == len(items) - 1
            top = y + 2 * pt if below else y - label_h - 3 * pt
            if placed and top < placed[-1] + label_h:
                top = placed[-1] + label_h
            placed.append(top)
            if below:   # left of its point, clear of the line leaving it to the right
                ctx.text(QRectF(x - 64 * pt, top, 60 * pt, label_h), Qt.AlignmentFlag.AlignRight, label, ctx.small,
                         color)
            else:
                ctx.text(QRectF(x + 4 * pt, top, 60 * pt, label_h), Qt.AlignmentFlag.AlignLeft, label, ctx.small,
                         color)
    _legend(ctx, QRectF(rect.left(), rect.top(), rect.width(), 10 * pt * rows + 4 * pt),
            [(PALETTE[k % len(PALETTE)], s["name"]) for k, s in enumerate(series)])


# -- value against discount rate, over the status bands ------------------------------------------
def _sweep(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    x = data["x"]
    finite = [v for s in data["series"] for v in s["values"] if v is not None and math.isfinite(v)]
    lo, hi = min(finite + [data["market_cap"]]), max(finite + [data["market_cap"]])
    pad = (hi - lo) * 0.08 or 1.0
    ticks = nice_ticks(lo - pad, hi + pad)
    lo, hi = min(ticks[0], lo - pad), max(ticks[-1], hi + pad)
    area = _plot_area(ctx, rect, [format_value(t, MONEY, 0) for t in ticks], top=28, bottom=28, right=14)

    def ymap(v):
        return area.bottom() - (v - lo) / (hi - lo) * area.height()

    def xmap(v):
        return area.left() + (v - x[0]) / (x[-1] - x[0]) * area.width()

    edges = [-math.inf] + data["edges"] + [math.inf]
    labels = []
    for k, code in enumerate(data["statuses"]):
        b_lo, b_hi = max(edges[k], lo), min(edges[k + 1], hi)
        if b_hi <= b_lo:
            continue
        band = QRectF(area.left(), ymap(b_hi), area.width(), ymap(b_lo) - ymap(b_hi))
        color = QColor(STATUS_COLORS[code])
        color.setAlphaF(BAND_ALPHA)
        p.fillRect(band, color)
        if band.height() > 9 * pt:
            labels.append((band, code, data["status_labels"][k]))
    _y_axis(ctx, area, ticks, lo, hi, lambda t: format_value(t, MONEY, 0))
    # the band names over the grid, each on its band's colour: no grid line runs through a name
    for band, code, label in labels:
        w, h = ctx.width(label, ctx.small) + 4 * pt, ctx.height(ctx.small)
        box = QRectF(band.right() - 2 * pt - w, band.top() + 1 * pt, w, h)
        p.fillRect(box, band_on_white(code))
        ctx.text(box, Qt.AlignmentFlag.AlignCenter, label, ctx.small, "#505050")
        ctx.placed.append(("band_label", box))
    for t in nice_ticks(x[0], x[-1], 8):
        xx = xmap(t)
        ctx.text(QRectF(xx - 25 * pt, area.bottom() + 2 * pt, 50 * pt, 10 * pt), Qt.AlignmentFlag.AlignHCenter,
                 ("+" if t > 1e-12 else "") + format_value(t, PERCENT), ctx.small)
    ctx.text(QRectF(area.left(), area.bottom() + 13 * pt, area.width(), 11 * pt), Qt.AlignmentFlag.AlignHCenter,
             data["x_label"], ctx.small)
    ctx.text(QRectF(rect.left(), rect.top() + 8 * pt, rect.width(), 10 * pt), Qt.AlignmentFlag.AlignLeft,
             data["y_label"], ctx.small)
    p.setPen(ctx.pen("#333333", 1.0, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(area.left(), ymap(data["market_cap"])), QPointF(area.right(), ymap(data["market_cap"])))
    # its name above the line, on the fair band's colour (the market cap is where the upside is 0)
    label = f"{data['market_cap_label']} {format_value(data['market_cap'], MONEY)}"
    box = QRectF(area.left() + 2 * pt, ymap(data["market_cap"]) - 1.5 * pt - ctx.height(ctx.small),
                 ctx.width(label, ctx.small) + 4 * pt, ctx.height(ctx.small))
    p.fillRect(box, band_on_white("fair"))
    ctx.text(box, Qt.AlignmentFlag.AlignCenter, label, ctx.small)
    ctx.placed.append(("market_cap_label", box))
    for s in data["series"]:
        color = METHOD_COLORS.get(s["method"], "#000000")
        path = QPainterPath()
        started = False
        for xv, yv in zip(x, s["values"]):
            if yv is None or not math.isfinite(yv):
                started = False
                continue
            point = QPointF(xmap(xv), ymap(yv))
            if started:
                path.lineTo(point)
            else:
                path.moveTo(point)
                started = True
        p.setPen(ctx.pen(color, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(QColor(color))
        p.drawEllipse(QPointF(xmap(0.0), ymap(s["base"])), 2.8 * pt, 2.8 * pt)
    _legend(ctx, QRectF(rect.left() + rect.width() * 0.45, rect.top(), rect.width() * 0.55, 12 * pt),
            [(METHOD_COLORS.get(s["method"], "#000"), s["name"]) for s in data["series"]])


# -- the heat map -------------------------------------------------------------------------------
def band_on_white(code: str) -> QColor:
    """A status band's colour as it shows on the white page (its tint, opaque)."""
    c = QColor(STATUS_COLORS[code])
    mix = lambda v: round(255 + (v - 255) * BAND_ALPHA)  # noqa: E731
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()))


def _status_index(x: float, thresholds: list[float]) -> int:
    k = 0
    for t in thresholds:
        if x >= t:
            k += 1
    return k


def _heatmap(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    xs, ys, grid = data["x"], data["y"], data["upside"]
    y_labels = [format_value(v, PERCENT) for v in ys]
    area = _plot_area(ctx, rect, y_labels + ["00.0%"], top=6, bottom=46, right=6)
    nx, ny = len(xs), len(ys)
    cw, ch = area.width() / nx, area.height() / ny
    for j in range(ny):
        # one rectangle per run of cells with the same status (a smaller file, no seams inside a run)
        codes = [None if v is None else _status_index(v, data["thresholds"]) for v in grid[j]]
        start = 0
        for i in range(1, nx + 1):
            if i < nx and codes[i] == codes[start]:
                continue
            code = codes[start]
            color = INVALID if code is None else QColor(STATUS_COLORS[data["statuses"][code]])
            # a hair of overlap so no seam shows between runs and rows
            p.fillRect(QRectF(area.left() + start * cw, area.bottom() - (j + 1) * ch,
                              (i - start) * cw + 0.4 * pt, ch + 0.4 * pt), color)
            start = i
    p.setPen(ctx.pen(FOREGROUND, 0.75))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(area)
    for k in range(0, nx, max(1, nx // 8)):
        cx = area.left() + (k + 0.5) * cw
        ctx.text(QRectF(cx - 22 * pt, area.bottom() + 2 * pt, 44 * pt, 10 * pt), Qt.AlignmentFlag.AlignHCenter,
                 ("+" if xs[k] > 1e-12 else "") + format_value(xs[k], PERCENT), ctx.small)
    for k in range(0, ny, max(1, ny // 8)):
        cy = area.bottom() - (k + 0.5) * ch
        ctx.text(QRectF(rect.left(), cy - 5 * pt, area.left() - rect.left() - 4 * pt, 10 * pt),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_value(ys[k], PERCENT), ctx.small)
    ctx.text(QRectF(area.left(), area.bottom() + 12 * pt, area.width(), 10 * pt), Qt.AlignmentFlag.AlignHCenter,
             f"{data['x_label']} →   ↑ {data['y_label']}", ctx.small)
    # the model's own point
    bx, by = data["base"]
    i = min(range(nx), key=lambda k: abs(xs[k] - bx))
    j = min(range(ny), key=lambda k: abs(ys[k] - by))
    center = QPointF(area.left() + (i + 0.5) * cw, area.bottom() - (j + 0.5) * ch)
    p.setPen(ctx.pen("#000000", 1.2))
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(center, 3.2 * pt, 3.2 * pt)
    # legend: the statuses' colours, then the invalid region
    x = area.left()
    y = area.bottom() + 25 * pt
    items = list(zip(data["statuses"], data["status_labels"])) + [(None, data["invalid_label"])]
    for code, name in items:
        w = ctx.width(name, ctx.small) + 14 * pt
        if x + w > rect.right():
            x = area.left()
            y += 10 * pt
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(STATUS_COLORS[code]) if code else INVALID)
        p.drawRect(QRectF(x, y + 1.5 * pt, 8 * pt, 7 * pt))
        ctx.text(QRectF(x + 10 * pt, y, w, 10 * pt), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 name, ctx.small)
        x += w + 4 * pt


# -- the tornado ------------------------------------------------------------------------------------
def _tornado(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    bars = data["bars"]
    names = [b["driver"] for b in bars]
    label_w = max(ctx.width(s, ctx.small) for s in names) + 8 * pt
    area = QRectF(rect.left() + label_w + 40 * pt, rect.top() + 6 * pt, rect.width() - label_w - 80 * pt,
                  rect.height() - 30 * pt)
    values = [v for b in bars for v in (b["low_value"], b["high_value"], b["base_value"])]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.05 or 1.0
    lo, hi = lo - pad, hi + pad

    def xmap(v):
        return area.left() + (v - lo) / (hi - lo) * area.width()

    row_h = area.height() / len(bars)
    base = bars[0]["base_value"]
    for k, b in enumerate(bars):
        y = area.top() + k * row_h
        ctx.text(QRectF(rect.left(), y, label_w, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                 b["driver"], ctx.small)
        for value, color, text_value in ((b["low_value"], "#d9822b", b["low_text"]),
                                         (b["high_value"], "#4f86c6", b["high_text"])):
            x0, x1 = sorted((xmap(base), xmap(value)))
            p.fillRect(QRectF(x0, y + row_h * 0.2, max(x1 - x0, 0.5 * pt), row_h * 0.6), QColor(color))
            right = value >= base
            box = QRectF(x1 + 2 * pt, y, 60 * pt, row_h) if right else QRectF(x0 - 62 * pt, y, 60 * pt, row_h)
            ctx.text(box, (Qt.AlignmentFlag.AlignLeft if right else Qt.AlignmentFlag.AlignRight)
                     | Qt.AlignmentFlag.AlignVCenter, text_value, ctx.small)
    p.setPen(ctx.pen("#000000", 1.0))
    p.drawLine(QPointF(xmap(base), area.top()), QPointF(xmap(base), area.bottom()))
    ctx.text(QRectF(xmap(base) - 60 * pt, area.bottom() + 2 * pt, 120 * pt, 10 * pt), Qt.AlignmentFlag.AlignHCenter,
             data["base_text"], ctx.small)
    ctx.text(QRectF(area.left(), area.bottom() + 12 * pt, area.width(), 10 * pt), Qt.AlignmentFlag.AlignHCenter,
             data["x_label"], ctx.small)
    x = rect.left()
    for color, name in (("#d9822b", data["low_label"]), ("#4f86c6", data["high_label"])):
        p.fillRect(QRectF(x, area.bottom() + 15 * pt, 8 * pt, 6 * pt), QColor(color))
        ctx.text(QRectF(x + 10 * pt, area.bottom() + 13 * pt, 100 * pt, 10 * pt),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name, ctx.small)
        x += ctx.width(name, ctx.small) + 22 * pt


# -- a multiple against industry, peers and own history ---------------------------------------------
def _multiple(ctx: _Ctx, rect: QRectF, data: dict) -> None:
    p, pt = ctx.p, ctx.pt
    values = [data["value"]] + [q["value"] for q in data["points"]] + [v for v in (data["industry"] or []) if v is not None]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.15 or 1.0
    ticks = nice_ticks(max(lo - pad, 0.0), hi + pad)
    lo, hi = ticks[0], ticks[-1]
    label_w = max(ctx.width(q["label"], ctx.small) for q in data["points"] + [{"label": data["ours_label"]},
                                                                            {"label": data["industry_label"]}])
    area = QRectF(rect.left() + label_w + 10 * pt, rect.top() + 4 * pt, rect.width() - label_w - 20 * pt,
                  rect.height() - 20 * pt)

    def xmap(v):
        return area.left() + (v - lo) / (hi - lo) * area.width()

    rows = [(data["ours_label"], data["value"], data["text"], "ours")] + \
        [(q["label"], q["value"], q["text"], q["kind"]) for q in data["points"]]
    row_h = area.height() / (len(rows) + (1 if data["industry"] else 0))
    if data["industry"]:
        a, b = data["industry"]
        band = QRectF(xmap(a), area.top(), xmap(b) - xmap(a), area.height())
        p.fillRect(band, QColor(176, 180, 185, 80))
        y = area.bottom() - row_h
        ctx.text(QRectF(rect.left(), y, label_w, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                 data["industry_label"], ctx.small)
        p.setPen(ctx.pen("#707070", 3.0))
        p.drawLine(QPointF(xmap(a), y + row_h / 2), QPointF(xmap(b), y + row_h / 2))
    for k, (label, value, text_value, kind) in enumerate(rows):
        y = area.top() + k * row_h
        ctx.text(QRectF(rect.left(), y, label_w, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                 label, ctx.bold if kind == "ours" else ctx.small)
        color = QColor("#c0392b") if kind == "ours" else QColor("#1f5fa8" if kind == "peer" else "#3f9e4d")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        c = QPointF(xmap(value), y + row_h / 2)
        r = (3.8 if kind == "ours" else 3.0) * pt
        if kind == "own":
            p.drawPolygon(QPolygonF([c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)]))
        else:
            p.drawEllipse(c, r, r)
        ctx.text(QRectF(c.x() + 5 * pt, y, 50 * pt, row_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 text_value, ctx.small)
    p.setPen(ctx.pen(FOREGROUND, 0.75))
    p.drawLine(area.bottomLeft(), area.bottomRight())
    for t in ticks:
        ctx.text(QRectF(xmap(t) - 20 * pt, area.bottom() + 2 * pt, 40 * pt, 10 * pt), Qt.AlignmentFlag.AlignHCenter,
                 format_value(t, "multiple", 1), ctx.small)


# -- SVG for the HTML ---------------------------------------------------------------------------------
def chart_svg(chart: Chart, width_pt: float, height_pt: float, families: list[str], title: str = "",
              prefix: str = "c") -> str:
    """The chart as an inline ``<svg>`` element (no XML prolog, no namespace URIs:
    inline SVG in HTML needs neither, and the file keeps no external reference).
    Its element ids start with ``prefix``: ids are global in an HTML page, and
    every chart's generator numbers its clip paths from 1."""
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    version = getattr(QSvgGenerator, "SvgVersion", None)
    generator = QSvgGenerator(version.Svg11) if version is not None else QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)
    generator.setSize(QSize(int(math.ceil(width_pt)), int(math.ceil(height_pt))))
    generator.setViewBox(QRectF(0, 0, width_pt, height_pt))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("cannot draw a chart")
    try:
        draw_chart(painter, QRectF(0, 0, width_pt, height_pt), chart, 1.0, families)
    finally:
        painter.end()
    svg = bytes(buffer.data()).decode("utf-8")
    return clean_svg(svg, width_pt, height_pt, prefix)


def clean_svg(svg: str, width_pt: float, height_pt: float, prefix: str = "c") -> str:
    import re
    svg = svg[svg.index("<svg"):]
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    if ids:
        pattern = re.compile(r'(\bid="|url\(#|href="#)(' + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
                             + r')(?=[")])')
        svg = pattern.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    svg = re.sub(r'font-family="([^"]*)"', lambda m: f'font-family="{m.group(1)},sans-serif"'
                 if "sans-serif" not in m.group(1) else m.group(0), svg)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    svg = re.sub(r'<svg\b[^>]*>', f'<svg viewBox="0 0 {width_pt:g} {height_pt:g}" width="100%" '
                 f'preserveAspectRatio="xMidYMid meet" role="img">', svg, count=1)
    svg = re.sub(r'<desc>.*?</desc>', "", svg, flags=re.S)
    return svg
