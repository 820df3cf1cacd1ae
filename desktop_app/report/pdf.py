"""The report as a PDF, laid out by hand on QPdfWriter with QPainter.

Qt's PDF engine embeds a subset of every font it draws with, so the Chinese
reads on a machine without a CJK font; charts are painted as vectors. The
layout is one pass that places every block on pages as drawing operations;
headings record their page, so the table of contents (whose size is known
before its numbers are) draws the right page numbers when the pages are
painted. Tables repeat their header on a new page and never split a row;
a heading never ends a page.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen,
                           QTextLayout, QTextOption)

from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

from . import charts
from .content import (Contents, Figure, FigureRow, Heading, LevelScale, Paragraph, Report, Table, TitleBlock)
from .texts import text

DPI = 300
PT = DPI / 72.0                       # device units per point
PAGE_W, PAGE_H = 595.28, 841.89       # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 52.0, 58.0, 56.0
BODY_PT, H1_PT, H2_PT, TABLE_PT, CAPTION_PT, NOTE_PT = 10.0, 14.0, 11.5, 8.0, 9.0, 8.0
ACCENT = QColor("#1f4e8c")
MUTED = QColor("#6b6b6b")
RULE = QColor("#b9c3cf")
GROUP_FILL = QColor("#eef2f7")
HEAD_FILL = QColor("#dfe6ef")

Op = Callable[[QPainter], None]

#: A run that must not break: Latin letters, digits and signs (a hyphen may end it).
_TOKEN = re.compile(r"-?[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef-]+-?")


def font(families: list[str], size: float, bold: bool = False) -> QFont:
    """The report's font. Its ``locl`` feature is off: in a Han run Noto Sans
    CJK SC localizes digits to glyphs its character map does not reach, and
    Qt's PDF engine writes no text for those (a reader would copy "5.3" as
    " ."); the ideographs are the SC forms anyway."""
    f = QFont()
    f.setFeature(QFont.Tag("locl"), 0)
    if families:
        f.setFamilies(families)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)


class Layout:
    """Places blocks on pages; units are device pixels (``PT`` per point)."""

    def __init__(self, device, report: Report, families: list[str]):
        self.device = device
        self.report = report
        self.families = families
        self.lang = report.language
        self.left = MARGIN_X * PT
        self.width = (PAGE_W - 2 * MARGIN_X) * PT
        self.top = MARGIN_TOP * PT
        self.bottom = (PAGE_H - MARGIN_BOTTOM) * PT
        self.pages: list[Page] = []
        self.y = 0.0
        self.anchor_pages: dict[str, int] = {}
        #: every table row placed: (table anchor, page, top, bottom, kind, cell lines) — the tests read it
        self.rows_placed: list[tuple] = []
        #: every line of text placed by ``text_line``: (page, x, width, text) — the tests read it
        self.texts_placed: list[tuple] = []
        self.body = font(families, BODY_PT)
        self.bold = font(families, BODY_PT, True)
        self.h1 = font(families, H1_PT, True)
        self.h2 = font(families, H2_PT, True)
        self.table = font(families, TABLE_PT)
        self.table_bold = font(families, TABLE_PT, True)
        self.caption = font(families, CAPTION_PT, True)
        self.note = font(families, NOTE_PT)
        self.new_page()

    # -- pages -------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.top

    @property
    def page_number(self) -> int:
        return len(self.pages)

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > self.top + 1:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].ops.append(op)

    def metrics(self, f: QFont) -> QFontMetricsF:
        return QFontMetricsF(f, self.device)

    # -- text ---------------------------------------------------------------------
    def wrap(self, s: str, f: QFont, width: float) -> list[str]:
        """Line breaks as Qt makes them (CJK breaks between characters)."""
        if not s:
            return [""]
        layout = QTextLayout(s, f, self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        units = s.encode("utf-16-le")
        return [units[2 * a:2 * (a + n)].decode("utf-16-le").rstrip("\n\u2028") for a, n in spans]

    def line_height(self, f: QFont, factor: float = 1.45) -> float:
        return self.metrics(f).height() * factor

    def text_line(self, x: float, y: float, s: str, f: QFont, color=QColor("#202020")) -> None:
        ascent = self.metrics(f).ascent()
        self.texts_placed.append((self.page_number, x, self.metrics(f).horizontalAdvance(s.rstrip()), s))

        def op(p: QPainter, x=x, y=y, s=s, f=f, color=color):
            p.setFont(f)
            p.setPen(color)
            p.drawText(QPointF(x, y + ascent), s)
        self.add(op)

    def paragraph(self, s: str, f: QFont, color=QColor("#202020"), indent: float = 0.0, after: float = 6.0,
                  factor: float = 1.55) -> None:
        lh = self.line_height(f, factor)
        lines = self.wrap(s, f, self.width - indent)
        for k, line in enumerate(lines):
            if lh > self.room():
                self.new_page()
            self.text_line(self.left + indent, self.y + (lh - self.metrics(f).height()) / 2, line, f, color)
            self.y += lh
        self.y += after * PT

    # -- blocks -------------------------------------------------------------------
    def place(self, block, following=None) -> None:
        if isinstance(block, Heading):
            self.heading(block, following)
        elif isinstance(block, Paragraph):
            self.place_paragraph(block)
        elif isinstance(block, LevelScale):
            self.level_scale(block)
        elif isinstance(block, Table):
            self.place_table(block)
        elif isinstance(block, Figure):
            self.figures((block,))
        elif isinstance(block, FigureRow):
            self.figures(block.figures)
        elif isinstance(block, Contents):
            self.contents(block)

    def _following_height(self, following: list) -> float:
        """What must stay on the heading's page: star lines and level scales,
        then the first figure or table whole (or three lines of text)."""
        height = 0.0
        for block in following:
            if isinstance(block, Paragraph) and block.style == "stars":
                height += self.line_height(font(self.families, 12.0), 1.3) + 4 * PT
                continue
            if isinstance(block, LevelScale):
                return height + 28 * PT
            if isinstance(block, (Figure, FigureRow, Table)):
                return height + self._block_height(block)
            break
        return height + 3 * self.line_height(self.body)

    def heading(self, h: Heading, following) -> None:
        f = self.h1 if h.level in (0, 1) else self.h2
        lh = self.line_height(f, 1.3)
        before = (14.0 if h.level in (0, 1) else 8.0) * PT
        # keep with what follows (never a heading alone at the foot of a page)
        keep = before + lh + min(self._following_height(following or []), self.bottom - self.top - lh - before)
        if self.y > self.top + 1:
            self.ensure(keep)
        if self.y > self.top + 1:
            self.y += before
        self.anchor_pages[h.anchor] = self.page_number
        self.text_line(self.left, self.y, h.label, f, ACCENT)
        self.y += lh
        if h.level in (0, 1):
            y = self.y

            def rule(p: QPainter, y=y):
                p.setPen(QPen(ACCENT, 0.8 * PT))
                p.drawLine(QPointF(self.left, y), QPointF(self.left + self.width, y))
            self.add(rule)
            self.y += 6 * PT
        else:
            self.y += 2 * PT

    def place_paragraph(self, para: Paragraph) -> None:
        if para.style == "lead":
            self.ensure(3 * self.line_height(self.body))
            self.paragraph(para.text, self.bold, after=2.0)
        elif para.style == "note":
            self.paragraph(para.text, self.note, MUTED, after=6.0, factor=1.4)
        elif para.style == "stars":
            self.paragraph(para.text, font(self.families, 12.0), QColor("#c8860b"), after=4.0, factor=1.3)
        else:
            self.paragraph(para.text, self.body)

    def level_scale(self, block: LevelScale) -> None:
        h = 20 * PT
        self.ensure(h + 8 * PT)
        y = self.y
        box_w = 62 * PT

        def op(p: QPainter, y=y):
            p.setFont(self.table)
            for k, label in enumerate(block.labels):
                r = QRectF(self.left + k * (box_w + 3 * PT), y, box_w, h)
                chosen = k + 1 == block.level
                p.setPen(QPen(RULE, 0.6 * PT))
                p.setBrush(ACCENT if chosen else QColor("#f4f6f9"))
                p.drawRect(r)
                p.setFont(self.table_bold if chosen else self.table)
                p.setPen(QColor("#ffffff") if chosen else MUTED)
                p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), label)
        self.add(op)
        self.y += h + 8 * PT

    # -- tables -------------------------------------------------------------------
    def _col_widths(self, t: Table) -> list[float]:
        """Relative widths, except that no column is narrower than its widest
        unbreakable token (a number, a Latin word): words never break inside."""
        total = sum(t.widths)
        widths = [self.width * w / total for w in t.widths]
        need = [0.0] * len(widths)
        bold = self.metrics(self.table_bold)
        for row in ((t.columns, True),) + tuple((r.cells, r.kind == "total") for r in t.rows if r.kind == "data"
                                                  or r.kind == "total"):
            cells, is_bold = row
            if len(cells) != len(widths):
                continue
            for k, cell in enumerate(cells):
                for token in _TOKEN.findall(cell):
                    need[k] = max(need[k], bold.horizontalAdvance(token) + 7 * PT)
        for _ in range(len(widths)):
            short = [k for k in range(len(widths)) if widths[k] < need[k] - 0.01]
            if not short:
                break
            deficit = sum(need[k] - widths[k] for k in short)
            for k in short:
                widths[k] = need[k]
            slack = {k: widths[k] - need[k] for k in range(len(widths)) if k not in short and widths[k] > need[k]}
            room = sum(slack.values())
            if room <= 0:
                break
            take = min(deficit, room)
            for k, free in slack.items():
                widths[k] -= take * free / room
        scale = self.width / sum(widths)
        return [w * scale for w in widths]

    def _cell_lines(self, s: str, f: QFont, w: float) -> list[str]:
        return self.wrap(s, f, max(w - 6 * PT, 10 * PT))

    def _row_layout(self, cells, widths, f):
        lh = self.line_height(f, 1.3)
        lines = [self._cell_lines(c, f, w) for c, w in zip(cells, widths)]
        return lines, max(len(x) for x in lines) * lh + 5 * PT

    def _caption_height(self, number: str, title: str) -> float:
        return self.line_height(self.caption, 1.4) * len(self.wrap(self._caption(number, title), self.caption, self.width)) \
            + 2 * PT

    def _caption(self, number: str, title: str) -> str:
        return f"{number}{text('colon', self.lang)}{title}" if number else title

    def _block_height(self, block) -> float:
        if isinstance(block, Figure):
            return self._caption_height(block.number, block.title) + block.height * PT + 26 * PT
        if isinstance(block, FigureRow):
            return max(self._block_height(f) for f in block.figures)
        if isinstance(block, Table):
            widths = self._col_widths(block)
            head = self._row_layout(block.columns, widths, self.table_bold)[1] if any(block.columns) else 0
            heights = [self._row_layout(r.cells if r.kind != "group" else r.cells[:1],
                                        widths if r.kind != "group" else [self.width], self.table)[1]
                       for r in block.rows] or [0.0]
            cap = self._caption_height(block.number, block.title)
            whole = cap + head + sum(heights) + 20 * PT
            if whole <= (self.bottom - self.top) * 0.45:
                return whole        # placed whole (see place_table)
            return cap + head + sum(heights[:2])
        return 0.0

    def caption_line(self, number: str, title: str) -> None:
        for line in self.wrap(self._caption(number, title), self.caption, self.width):
            self.text_line(self.left, self.y, line, self.caption, ACCENT)
            self.y += self.line_height(self.caption, 1.4)
        self.y += 2 * PT

    def place_table(self, t: Table) -> None:
        widths = self._col_widths(t)
        has_header = any(t.columns)
        head_lines, head_h = self._row_layout(t.columns, widths, self.table_bold) if has_header else ([], 0.0)
        rows = []
        for row in t.rows:
            f = self.table_bold if row.kind in ("group", "total") else self.table
            if row.kind == "group":
                lines, h = self._row_layout((row.cells[0],), [self.width], f)
            elif len(row.cells) == 2 and len(widths) > 2:
                lines, h = self._row_layout(row.cells, self._line_widths(widths), f)
            else:
                lines, h = self._row_layout(row.cells, widths, f)
            rows.append((row, lines, h, f))
        cap_h = self._caption_height(t.number, t.title)
        first_h = rows[0][2] if rows else 0
        # a group title stays with its rows (when the group fits on a page)
        group_h = {}
        for k, (row, _, h, _) in enumerate(rows):
            if row.kind == "group":
                total = h
                for other in rows[k + 1:]:
                    if other[0].kind == "group":
                        break
                    total += other[2]
                group_h[k] = total
        whole = cap_h + head_h + sum(r[2] for r in rows) + 20 * PT
        if whole <= (self.bottom - self.top) * 0.45:
            self.ensure(whole)      # a small table is never split
        start = group_h.get(0, first_h + (rows[1][2] if len(rows) > 1 else 0))
        if cap_h + head_h + start > self.bottom - self.top:
            start = first_h
        self.ensure(cap_h + head_h + start)

        if t.number:
            self.anchor_pages[t.anchor] = self.page_number
        self.caption_line(t.number, t.title)
        if has_header:
            self._draw_row(t, t.columns, head_lines, head_h, widths, self.table_bold, "head")
        for k, (row, lines, h, f) in enumerate(rows):
            need = group_h.get(k, h)
            if need > self.bottom - self.top - head_h:
                need = h
            if need > self.room():
                self.new_page()
                if has_header:
                    self._draw_row(t, t.columns, head_lines, head_h, widths, self.table_bold, "head")
            if row.kind == "group":
                self._draw_row(t, row.cells[:1], lines, h, [self.width], f, "group")
            elif len(row.cells) == 2 and len(widths) > 2:
                self._draw_row(t, row.cells, lines, h, self._line_widths(widths), f, row.kind, ("l", "r"))
            else:
                self._draw_row(t, row.cells, lines, h, widths, f, row.kind)
        y = self.y

        def close(p: QPainter, y=y):
            p.setPen(QPen(ACCENT, 0.8 * PT))
            p.drawLine(QPointF(self.left, y), QPointF(self.left + self.width, y))
        self.add(close)
        self.y += 3 * PT
        if t.source:
            self.paragraph(t.source, self.note, MUTED, after=8.0, factor=1.3)
        else:
            self.y += 8 * PT

    @staticmethod
    def _line_widths(widths: list[float]) -> list[float]:
        """A company line: its label over the first two columns, its value over the rest."""
        return [widths[0] + widths[1], sum(widths[2:])]

    def _draw_row(self, t: Table, cells, lines, h, widths, f, kind, align=None) -> None:
        y = self.y
        align = align or (t.align if kind not in ("group",) else ("l",))
        self.rows_placed.append((t.anchor, self.page_number, y, y + h, kind, lines, list(widths)))
        lh = self.line_height(f, 1.3)
        ascent_pad = (lh - self.metrics(f).height()) / 2

        def op(p: QPainter, y=y):
            if kind == "head":
                p.fillRect(QRectF(self.left, y, self.width, h), HEAD_FILL)
                p.setPen(QPen(ACCENT, 0.8 * PT))
                p.drawLine(QPointF(self.left, y), QPointF(self.left + self.width, y))
            elif kind == "group":
                p.fillRect(QRectF(self.left, y, self.width, h), GROUP_FILL)
            p.setPen(QPen(RULE, 0.4 * PT))
            p.drawLine(QPointF(self.left, y + h), QPointF(self.left + self.width, y + h))
            p.setFont(f)
            p.setPen(QColor("#202020"))
            x = self.left
            ascent = QFontMetricsF(f, p.device()).ascent()
            for col, (cell_lines, w) in enumerate(zip(lines, widths)):
                a = align[col] if col < len(align) else "l"
                if kind == "head":
                    a = "l" if col == 0 else "c"
                for k, s in enumerate(cell_lines):
                    yy = y + 2.5 * PT + k * lh + ascent_pad + ascent
                    sw = QFontMetricsF(f, p.device()).horizontalAdvance(s)
                    if a == "r":
                        xx = x + w - 3 * PT - sw
                    elif a == "c":
                        xx = x + (w - sw) / 2
                    else:
                        xx = x + 3 * PT
                    p.drawText(QPointF(xx, yy), s)
                x += w
        self.add(op)
        self.y += h

    # -- figures --------------------------------------------------------------------
    def figures(self, figs) -> None:
        gap = 14 * PT
        n = len(figs)
        w = (self.width - gap * (n - 1)) / n
        need = max(self._block_height(f) for f in figs)
        self.ensure(need)
        y0 = self.y
        bottoms = []
        for k, fig in enumerate(figs):
            x = self.left + k * (w + gap)
            self.anchor_pages[fig.anchor] = self.page_number
            y = y0
            for line in self.wrap(self._caption(fig.number, fig.title), self.caption, w):
                self.text_line(x, y, line, self.caption, ACCENT)
                y += self.line_height(self.caption, 1.4)
            rect = QRectF(x, y + 2 * PT, w, fig.height * PT)

            def draw(p: QPainter, rect=rect, chart=fig.chart):
                charts.draw_chart(p, rect, chart, PT, self.families)
            self.add(draw)
            y = rect.bottom() + 3 * PT
            for s in (fig.note, fig.source):
                if s:
                    for line in self.wrap(s, self.note, w):
                        self.text_line(x, y, line, self.note, MUTED)
                        y += self.line_height(self.note, 1.3)
            bottoms.append(y)
        self.y = max(bottoms) + 10 * PT

    # -- contents -----------------------------------------------------------------------
    def contents(self, block: Contents) -> None:
        entries = [("h", h) for h in self.report.headings() if h.level in (1, 2) or h.anchor == "disclaimer"]
        captions = self.report.captions()
        lh = self.line_height(self.body, 1.5)
        sub_lh = self.line_height(self.table, 1.55)
        self.ensure(self.line_height(self.h1, 1.3) + 6 * lh)
        self.heading(Heading(0, "", block.title, "contents"), None)
        for kind, h in entries:
            if lh > self.room():
                self.new_page()
            f = self.bold if h.level in (0, 1) else self.body
            self._toc_line(h.label, h.anchor, f, lh, 0.0 if h.level in (0, 1) else 14 * PT)
        if captions:
            self.y += 8 * PT
            self.ensure(self.line_height(self.h2, 1.3) + 3 * sub_lh)
            self.text_line(self.left, self.y, block.figures_title, self.h2, ACCENT)
            self.y += self.line_height(self.h2, 1.5)
            for c in captions:
                if sub_lh > self.room():
                    self.new_page()
                self._toc_line(self._caption(c.number, c.title), c.anchor, self.table, sub_lh, 0.0)

    def _toc_line(self, label: str, anchor: str, f: QFont, lh: float, indent: float) -> None:
        y = self.y
        pages = self.anchor_pages

        def op(p: QPainter, y=y):
            m = QFontMetricsF(f, p.device())
            number = str(pages.get(anchor, ""))
            nw = m.horizontalAdvance(number)
            avail = self.width - indent - nw - 24 * PT
            shown = m.elidedText(label, Qt.TextElideMode.ElideRight, avail)
            base = y + (lh - m.height()) / 2 + m.ascent()
            p.setFont(f)
            p.setPen(QColor("#202020"))
            p.drawText(QPointF(self.left + indent, base), shown)
            p.drawText(QPointF(self.left + self.width - nw, base), number)
            start = self.left + indent + m.horizontalAdvance(shown) + 6 * PT
            end = self.left + self.width - nw - 6 * PT
            if end > start:
                pen = QPen(MUTED, 0.6 * PT)
                pen.setStyle(Qt.PenStyle.DotLine)
                p.setPen(pen)
                p.drawLine(QPointF(start, base), QPointF(end, base))
        self.add(op)
        self.y += lh

    # -- the title block ------------------------------------------------------------------
    def title_block(self, t: TitleBlock) -> None:
        big = font(self.families, 22.0, True)
        y = self.y
        name = f"{t.company} ({t.ticker})" if t.ticker else t.company
        for line in self.wrap(name, big, self.width):     # a long (English) name takes two lines
            self.text_line(self.left, y, line, big, ACCENT)
            y += self.line_height(big, 1.1)
        y += self.line_height(big, 0.2)
        if t.subtitle:
            self.text_line(self.left, y, t.subtitle, self.body, MUTED)
            y += self.line_height(self.body, 1.4)
        line = f"{t.kind}  |  {t.date}" if t.date else t.kind
        self.text_line(self.left, y, line, self.bold)
        y += self.line_height(self.bold, 1.6) + 4 * PT
        col_w = (self.width - 2 * 8 * PT) / 3
        row_h = self.line_height(self.table, 1.75)
        heights = []
        # key facts
        x0 = self.left
        self._box_title(x0, y, col_w, text("key_facts", self.lang))
        yy = y + row_h * 1.2
        for caption, value in t.facts:
            self._kv(x0, yy, col_w, caption, value)
            yy += row_h
        heights.append(yy - y)
        # the two valuations
        x1 = self.left + col_w + 8 * PT
        self._box_title(x1, y, col_w, text("valuation_results", self.lang))
        yy = y + row_h * 1.2
        for m in t.methods:
            self.text_line(x1 + 3 * PT, yy, m["title"], self.table_bold)
            yy += row_h
            self._kv(x1, yy, col_w, text("value", self.lang), m["value"])
            yy += row_h
            self._kv(x1, yy, col_w, text("upside", self.lang), m["upside"])
            yy += row_h
            self._badge(x1, yy, col_w, text("status", self.lang), m["status"], m["status_code"], row_h)
            yy += row_h * 1.15
        heights.append(yy - y)
        # the four dimensions
        if t.ratings:
            x2 = self.left + 2 * (col_w + 8 * PT)
            self._box_title(x2, y, col_w, text("four_dimensions", self.lang))
            yy = y + row_h * 1.2
            stars_font = font(self.families, 10.0)
            sx = x2 + 3 * PT + max(self.metrics(self.table).horizontalAdvance(c) for c, _ in t.ratings) + 8 * PT
            for caption, value in t.ratings:
                self.text_line(x2 + 3 * PT, yy, caption, self.table)
                self.text_line(sx, yy - 1 * PT, value, stars_font, QColor("#c8860b"))
                yy += row_h
            heights.append(yy - y)
        self.y = y + max(heights) + 10 * PT

    def _box_title(self, x, y, w, title) -> None:
        def op(p: QPainter):
            p.fillRect(QRectF(x, y, w, self.line_height(self.table_bold, 1.5)), HEAD_FILL)
        self.add(op)
        self.text_line(x + 3 * PT, y + 2 * PT, title, self.table_bold, ACCENT)

    def _kv(self, x, y, w, caption, value) -> None:
        self.text_line(x + 3 * PT, y, caption, self.table, MUTED)
        vw = self.metrics(self.table_bold).horizontalAdvance(value)
        self.text_line(x + w - 3 * PT - vw, y, value, self.table_bold)

    def _badge(self, x, y, w, caption, label, code, row_h) -> None:
        self.text_line(x + 3 * PT, y, caption, self.table, MUTED)
        m = self.metrics(self.table_bold)
        bw = m.horizontalAdvance(label) + 10 * PT
        rect = QRectF(x + w - 3 * PT - bw, y - 1.5 * PT, bw, m.height() + 3 * PT)

        def op(p: QPainter):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(STATUS_COLORS.get(code, "#b0b4b9")))
            p.drawRoundedRect(rect, 3 * PT, 3 * PT)
            p.setFont(self.table_bold)
            p.setPen(QColor(STATUS_TEXT_COLORS.get(code, "#2b2b2b")))
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
        self.add(op)


def layout_report(device, report: Report, families: list[str]) -> Layout:
    layout = Layout(device, report, families)
    layout.title_block(report.title)
    blocks = list(report.blocks)
    for k, block in enumerate(blocks):
        layout.place(block, blocks[k + 1:k + 4])
    return layout


def render_pdf(report: Report, families: list[str], title: str = "") -> bytes:
    """The report as PDF bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    writer.setTitle(title or report.running_head)
    writer.setCreator("Valuation Workbench")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("cannot start the PDF")
    try:
        layout = layout_report(writer, report, families)
        total = len(layout.pages)
        head_font = font(families, 7.5)
        for index, page in enumerate(layout.pages):
            if index:
                writer.newPage()
            for op in page.ops:
                op(painter)
            _furniture(painter, report, index + 1, total, head_font)
    finally:
        painter.end()
    return searchable_cjk(bytes(buffer.data()), radical_map(families))


_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


_RADICALS = range(0x2E80, 0x2FE0)      # CJK Radicals Supplement and Kangxi Radicals


def radical_map(families: list[str]) -> dict[int, int]:
    return dict(_radical_map(tuple(families)))


@functools.lru_cache(maxsize=4)
def _radical_map(families: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Radical → the ideograph drawn with the same glyph in the report's font
    (⼼ U+2F3C → 心 U+5FC3, ⻚ U+2EDA → 页 U+9875); NFKC where the font gives none."""
    import unicodedata

    from PySide6.QtGui import QRawFont

    mapping: dict[int, int] = {}
    raw = QRawFont.fromFont(font(list(families), 10.0))
    if raw.isValid():
        radicals = "".join(chr(c) for c in _RADICALS)
        ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))
        by_glyph: dict[int, int] = {}
        for code, glyph in zip(range(0x4E00, 0xA000), raw.glyphIndexesForString(ideographs)):
            if glyph:
                by_glyph.setdefault(glyph, code)
        for code, glyph in zip(_RADICALS, raw.glyphIndexesForString(radicals)):
            if glyph and glyph in by_glyph:
                mapping[code] = by_glyph[glyph]
    for code in _RADICALS:
        folded = unicodedata.normalize("NFKC", chr(code))
        if code not in mapping and len(folded) == 1 and ord(folded) <= 0xFFFF and ord(folded) != code:
            mapping[code] = ord(folded)
    return tuple(sorted(mapping.items()))


def searchable_cjk(pdf: bytes, radicals: dict[int, int]) -> bytes:
    """Make the Chinese in the PDF copy and search as typed.

    Qt's PDF engine writes each embedded font's ToUnicode map from the font's
    reverse character map, which picks the lowest code point of a glyph: for
    the many ideographs whose glyph a Kangxi radical shares (心 U+5FC3 and
    ⼼ U+2F3C), a reader then copies the radical, and a search for 心 fails.
    The maps are written uncompressed, so each radical's target is rewritten to
    its ideograph (``radical_map``) in place, four hex digits for four: no byte moves, and the
    cross-reference offsets stay right. Only the targets change (in a
    ``bfchar`` line the second code, in a ``bfrange`` line what follows the
    two source codes); glyph ids are left alone.
    """
    def fix_cmap(match: re.Match) -> bytes:
        body = match.group(1)
        out = []
        section = None
        for line in body.split(b"\n"):
            if line.rstrip().endswith(b"beginbfchar"):
                section = 1
            elif line.rstrip().endswith(b"beginbfrange"):
                section = 2
            elif line.startswith(b"end"):
                section = None
            elif section:
                codes = list(_HEX4.finditer(line))
                if len(codes) > section:
                    cut = codes[section - 1].end()
                    tail = _HEX4.sub(lambda m: b"<%04X>" % radicals.get(int(m.group(1), 16), int(m.group(1), 16)), line[cut:])
                    line = line[:cut] + tail
            out.append(line)
        return b"begincmap" + b"\n".join(out) + b"endcmap"

    fixed = _CMAP.sub(fix_cmap, pdf)
    assert len(fixed) == len(pdf)
    return fixed


def _furniture(p: QPainter, report: Report, number: int, total: int, f: QFont) -> None:
    """Running head and the page number, on every page."""
    p.setFont(f)
    p.setPen(MUTED)
    left, right = MARGIN_X * PT, (PAGE_W - MARGIN_X) * PT
    head_y = (MARGIN_TOP - 22) * PT
    m = QFontMetricsF(f, p.device())
    kind_w = m.horizontalAdvance(report.title.kind)
    head = m.elidedText(report.running_head, Qt.TextElideMode.ElideRight, right - left - kind_w - 12 * PT)
    p.drawText(QRectF(left, head_y, right - left, 12 * PT), int(Qt.AlignmentFlag.AlignLeft), head)
    p.drawText(QRectF(left, head_y, right - left, 12 * PT), int(Qt.AlignmentFlag.AlignRight), report.title.kind)
    p.setPen(QPen(RULE, 0.5 * PT))
    p.drawLine(QPointF(left, head_y + 12 * PT), QPointF(right, head_y + 12 * PT))
    p.setPen(MUTED)
    foot_y = (PAGE_H - MARGIN_BOTTOM + 20) * PT
    p.drawText(QRectF(left, foot_y, right - left, 12 * PT), int(Qt.AlignmentFlag.AlignHCenter),
               text("page", report.language, number, total))
