"""The report as one self-contained HTML file.

Charts are inline SVG drawn by the same painters as the PDF (QSvgGenerator),
styles are inline in one ``<style>`` element; the file references nothing
outside itself (no ``http``, ``file:`` or relative address: links inside it are
fragments, ``#…``). Fonts are named, not embedded: a browser picks its own CJK
font.
"""
from __future__ import annotations

from html import escape

from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS

from .charts import chart_svg
from .content import Contents, Figure, FigureRow, Heading, LevelScale, Paragraph, Report, Table
from .texts import text

CONTENT_WIDTH_PT = 491.0   # the PDF's text width, so charts keep their proportions

CSS = """
body { font-family: %(families)s; color: #202020; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.6; font-size: 15px; }
h1.title { color: #1f4e8c; margin-bottom: 0; }
.subtitle { color: #6b6b6b; margin: 0; }
.kind { font-weight: bold; margin: .3em 0 1em; }
.facts { display: flex; gap: 1em; flex-wrap: wrap; }
.facts > div { flex: 1 1 12em; border-top: 2px solid #1f4e8c; }
.facts h3 { font-size: .85em; background: #dfe6ef; color: #1f4e8c; margin: 0; padding: .2em .4em; }
.facts table { width: 100%%; font-size: .85em; border-collapse: collapse; }
.facts td { padding: .15em .4em; } .facts td.v { text-align: right; font-weight: bold; }
.badge { border-radius: 4px; padding: 0 .5em; font-weight: bold; }
.stars { color: #c8860b; font-size: 1.15em; }
h2 { color: #1f4e8c; border-bottom: 1px solid #1f4e8c; padding-bottom: .1em; margin-top: 1.6em; }
h3 { color: #1f4e8c; margin-bottom: .3em; }
p.lead { font-weight: bold; margin-bottom: .1em; }
p.note, .source { color: #6b6b6b; font-size: .8em; }
table.data { border-collapse: collapse; width: 100%%; font-size: .78em; margin: .3em 0; }
table.data th { background: #dfe6ef; border-top: 1.5px solid #1f4e8c; padding: .25em .35em; text-align: center; }
table.data th:first-child { text-align: left; }
table.data td { border-bottom: 1px solid #b9c3cf; padding: .25em .35em; vertical-align: top; }
table.data td.r { text-align: right; white-space: nowrap; } table.data td.c { text-align: center; }
table.data tr.group td { background: #eef2f7; font-weight: bold; }
table.data tr.total td { font-weight: bold; }
table.data tr:last-child td { border-bottom: 1.5px solid #1f4e8c; }
.caption { color: #1f4e8c; font-weight: bold; margin: 1em 0 .2em; }
figure { margin: 0 0 1em; } .figrow { display: flex; gap: 1.2em; } .figrow figure { flex: 1; }
.levels span { display: inline-block; width: 5.5em; text-align: center; border: 1px solid #b9c3cf;
               background: #f4f6f9; color: #6b6b6b; margin-right: 3px; font-size: .85em; }
.levels span.on { background: #1f4e8c; color: #fff; font-weight: bold; }
nav ol { list-style: none; padding-left: 0; } nav ol ol { padding-left: 1.2em; }
nav a { color: #1f4e8c; text-decoration: none; }
"""


def _p(s: str) -> str:
    return escape(s).replace("\u2028", "<br>")      # content.LINE_BREAK: a header's chosen break


def render_html(report: Report, families: list[str]) -> str:
    lang = report.language
    family_css = ", ".join(f'"{f}"' for f in families) + ", sans-serif" if families else "sans-serif"
    out = [f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh_CN" else "en"}">\n<head>\n<meta charset="utf-8">',
           f"<title>{_p(report.running_head)} — {_p(report.title.kind)}</title>",
           f"<style>{CSS % {'families': family_css}}</style>\n</head>\n<body>"]
    out.append(_title(report))
    for block in report.blocks:
        out.append(_block(block, report, families))
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def _title(report: Report) -> str:
    t = report.title
    lang = report.language
    name = f"{t.company} ({t.ticker})" if t.ticker else t.company
    parts = [f'<header><h1 class="title">{_p(name)}</h1>']
    if t.subtitle:
        parts.append(f'<p class="subtitle">{_p(t.subtitle)}</p>')
    parts.append(f'<p class="kind">{_p(t.kind)}{"  |  " + _p(t.date) if t.date else ""}</p><div class="facts">')
    rows = "".join(f"<tr><td>{_p(c)}</td><td class=v>{_p(v)}</td></tr>" for c, v in t.facts)
    parts.append(f'<div><h3>{_p(text("key_facts", lang))}</h3><table>{rows}</table></div>')
    rows = ""
    for m in t.methods:
        code = m["status_code"]
        badge = (f'<span class="badge" style="background:{STATUS_COLORS.get(code, "#b0b4b9")};'
                 f'color:{STATUS_TEXT_COLORS.get(code, "#2b2b2b")}">{_p(m["status"])}</span>')
        rows += (f'<tr><td colspan=2><b>{_p(m["title"])}</b></td></tr>'
                 f'<tr><td>{_p(text("value", lang))}</td><td class=v>{_p(m["value"])}</td></tr>'
                 f'<tr><td>{_p(text("upside", lang))}</td><td class=v>{_p(m["upside"])}</td></tr>'
                 f'<tr><td>{_p(text("status", lang))}</td><td class=v>{badge}</td></tr>')
    parts.append(f'<div><h3>{_p(text("valuation_results", lang))}</h3><table>{rows}</table></div>')
    if t.ratings:
        rows = "".join(f'<tr><td>{_p(c)}</td><td class="v stars">{_p(v)}</td></tr>' for c, v in t.ratings)
        parts.append(f'<div><h3>{_p(text("four_dimensions", lang))}</h3><table>{rows}</table></div>')
    parts.append("</div></header>")
    return "\n".join(parts)


def _id(anchor: str) -> str:
    return "s-" + anchor.replace(".", "-")


def _caption(number: str, title: str, lang: str) -> str:
    return f"{number}{text('colon', lang)}{title}" if number else title


def _block(block, report: Report, families: list[str]) -> str:
    lang = report.language
    if isinstance(block, Heading):
        tag = "h2" if block.level in (0, 1) else "h3"
        return f'<{tag} id="{_id(block.anchor)}">{_p(block.label)}</{tag}>'
    if isinstance(block, Paragraph):
        cls = {"lead": "lead", "note": "note", "stars": "stars"}.get(block.style)
        return f'<p class="{cls}">{_p(block.text)}</p>' if cls else f"<p>{_p(block.text)}</p>"
    if isinstance(block, LevelScale):
        spans = "".join(f'<span class="on">{_p(s)}</span>' if k + 1 == block.level else f"<span>{_p(s)}</span>"
                        for k, s in enumerate(block.labels))
        return f'<p class="levels">{spans}</p>'
    if isinstance(block, Table):
        return _table(block, lang)
    if isinstance(block, Figure):
        return _figure(block, lang, families, CONTENT_WIDTH_PT)
    if isinstance(block, FigureRow):
        w = (CONTENT_WIDTH_PT - 14 * (len(block.figures) - 1)) / len(block.figures)
        return '<div class="figrow">' + "".join(_figure(f, lang, families, w) for f in block.figures) + "</div>"
    if isinstance(block, Contents):
        return _contents(block, report)
    raise TypeError(f"unknown block {block!r}")


def _table(t: Table, lang: str) -> str:
    parts = [f'<div class="caption" id="{_id(t.anchor)}">{_p(_caption(t.number, t.title, lang))}</div>',
             '<table class="data">']
    if any(t.columns):
        parts.append("<tr>" + "".join(f"<th>{_p(c)}</th>" for c in t.columns) + "</tr>")
    for row in t.rows:
        if row.kind == "group":
            parts.append(f'<tr class="group"><td colspan="{len(t.columns)}">{_p(row.cells[0])}</td></tr>')
            continue
        cls = ' class="total"' if row.kind == "total" else ""
        if len(row.cells) == 2 and len(t.columns) > 2:
            parts.append(f'<tr{cls}><td colspan="2">{_p(row.cells[0])}</td>'
                         f'<td class="r" colspan="{len(t.columns) - 2}">{_p(row.cells[1])}</td></tr>')
            continue
        cells = "".join(f'<td class="{t.align[k]}">{_p(c)}</td>' if t.align[k] != "l" else f"<td>{_p(c)}</td>"
                        for k, c in enumerate(row.cells))
        parts.append(f"<tr{cls}>{cells}</tr>")
    parts.append("</table>")
    if t.source:
        parts.append(f'<div class="source">{_p(t.source)}</div>')
    return "\n".join(parts)


def _figure(f: Figure, lang: str, families: list[str], width_pt: float) -> str:
    svg = chart_svg(f.chart, width_pt, f.height, families, f.title, prefix=_id(f.anchor))
    notes = "".join(f'<div class="source">{_p(s)}</div>' for s in (f.note, f.source) if s)
    return (f'<figure id="{_id(f.anchor)}"><div class="caption">{_p(_caption(f.number, f.title, lang))}</div>'
            f"{svg}{notes}</figure>")


def _contents(block: Contents, report: Report) -> str:
    lang = report.language
    groups: list[tuple[Heading, list[Heading]]] = []
    for h in report.headings():
        if h.level == 1 or h.anchor == "disclaimer":
            groups.append((h, []))
        elif h.level == 2 and groups:
            groups[-1][1].append(h)
    items = []
    for h, subs in groups:
        sub = "".join(f'<li><a href="#{_id(s.anchor)}">{_p(s.label)}</a></li>' for s in subs)
        items.append(f'<li><a href="#{_id(h.anchor)}"><b>{_p(h.label)}</b></a>{"<ol>" + sub + "</ol>" if sub else ""}</li>')
    caps = "".join(f'<li><a href="#{_id(c.anchor)}">{_p(_caption(c.number, c.title, lang))}</a></li>'
                   for c in report.captions())
    return (f'<nav><h2 id="s-contents">{_p(block.title)}</h2><ol>{"".join(items)}</ol>'
            f'<h3>{_p(block.figures_title)}</h3><ol>{caps}</ol></nav>')
