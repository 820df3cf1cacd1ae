"""Issue 12, what the pages look like: no line of text runs past the margins
(a long English company name wraps in the title), the running head never
runs into the report's kind, the sweep chart's band names have no grid line
through them, and table 4's Chinese headers break where they were told to."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

import models
from desktop_app.report import report_families
from desktop_app.report.content import Figure, build_report
from desktop_app.report.pdf import DPI, MARGIN_X, PAGE_W, layout_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"
LONG_NAME = "Shanghai United Imaging Healthcare Medical Equipment and Radiotherapy Systems Holdings Co., Ltd."


@pytest.fixture(scope="module")
def qapp_module():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])


def _layout(model, lang):
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    painter = QPainter(writer)
    try:
        return layout_report(writer, build_report(model, lang), report_families())
    finally:
        painter.end()


def _long_named(**names):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["company"].update(names)
    return models.Model.from_dict(doc)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("long_name", [False, True])
def test_no_line_of_text_runs_past_the_margins(qapp_module, lang, long_name):
    model = _long_named(name_en=LONG_NAME, name="上海联影医疗科技股份有限公司医学影像与放射治疗设备及维保服务集团") \
        if long_name else models.load_model(SAMPLE)
    layout = _layout(model, lang)
    assert layout.texts_placed
    for page, x, width, s in layout.texts_placed:
        assert x >= layout.left - 1e-6, (page, s)
        assert x + width <= layout.left + layout.width + 1e-6, (page, s)
    title = [s for page, x, w, s in layout.texts_placed if page == 1][:3]
    if long_name and lang == "en":
        assert len([s for s in title if s and s in LONG_NAME + " (688271.SH)"]) >= 2     # the title wraps


def test_the_running_head_is_cut_short_before_the_reports_kind(qapp_module, tmp_path):
    import re
    import shutil
    import subprocess
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    from desktop_app.report import export_report
    out = tmp_path / "long.pdf"
    export_report(_long_named(name_en=LONG_NAME * 2), out, "en")
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    head = next(line for line in text.splitlines() if "Company valuation report" in line)
    assert "…" in head and re.search(r"\s{2,}Company valuation report\s*$", head), head


def _render(chart, w_pt, h_pt, scale=4.0):
    from desktop_app.report import charts
    image = QImage(int(w_pt * scale), int(h_pt * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    dpm = round(scale * 72 / 0.0254)          # fonts in points at the drawing's scale, as on the PDF
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        placed = charts.draw_chart(painter, QRectF(0, 0, w_pt * scale, h_pt * scale), chart, scale,
                                   report_families())
    finally:
        painter.end()
    return image, placed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_grid_line_runs_through_a_band_name_or_the_market_cap(qapp_module, lang):
    from desktop_app.report.charts import GRID
    fig = next(b for b in build_report(models.load_model(SAMPLE), lang).blocks
               if isinstance(b, Figure) and b.anchor == "figure.sweep")
    image, placed = _render(fig.chart, PAGE_W - 2 * MARGIN_X, fig.height)     # as the PDF draws it
    grids = [y for kind, y in placed if kind == "grid"]
    boxes = [box for kind, box in placed if kind in ("band_label", "market_cap_label")]
    assert len([1 for kind, _ in placed if kind == "band_label"]) >= 3 and grids
    crossed = 0
    for box in boxes:
        for y in grids:
            if not box.top() + 1 < y < box.bottom() - 1:
                continue
            crossed += 1
            row = int(round(y))
            xs = range(int(box.left()) + 1, int(box.right()) - 1)
            grey = sum(1 for x in xs if QColor(image.pixel(x, row)) == GRID)
            assert grey < 0.1 * len(xs), (box, y)       # a grid line would colour the whole row
    assert crossed >= 1          # the sample puts the 1,000 line behind "偏高估"


def test_table_4_chinese_header_lines_are_whole_words(qapp_module):
    layout = _layout(models.load_model(SAMPLE), "zh_CN")
    head = next(r for r in layout.rows_placed if r[0] == "table.dynamic" and r[4] == "head")
    lines = head[5]
    assert ["护城河", "持续性"] in lines and ["显性期", "价值"] in lines and ["显性期后", "价值"] in lines


def test_table_4_keeps_english_segment_names_to_three_lines(qapp_module):
    """Eleven columns share the page: in English the business column gets
    the room the short note columns do not need, so a name like "Imaging &
    radiotherapy equipment (domestic)" takes at most three lines (it took four)."""
    layout = _layout(models.load_model(SAMPLE), "en")
    rows = [r for r in layout.rows_placed if r[0] == "table.dynamic" and r[4] == "data" and len(r[5]) == 11]
    assert len(rows) == 3
    assert max(len(r[5][0]) for r in rows) <= 3
    assert "".join(rows[0][5][0]) == "Imaging & radiotherapy equipment (domestic)"
