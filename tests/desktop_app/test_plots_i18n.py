"""Translations of the sensitivity plots: complete, compiled, current, and
applied live (a LanguageChange retranslates titles, axes and band labels)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6 import QtCore  # noqa: E402

import models  # noqa: E402

from desktop_app import i18n  # noqa: E402
from desktop_app.plots import SensitivityPanel  # noqa: E402
from tests.desktop_app.plots_helpers import sample, state_of  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "plots_zh_CN.ts"
QM = TS.with_suffix(".qm")
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "plots").glob("*.py"))

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else None


def test_every_plot_string_is_translated_keeping_placeholders():
    root = ET.parse(TS).getroot()
    messages = [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
                for ctx in root.iter("context") for m in ctx.iter("message")]
    assert len(messages) > 80
    for context, source, translation in messages:
        assert translation.get("type") != "unfinished" and translation.text, (context, source)
        # One dialect with the rest of the app: Qt's %1…%9, every one kept by the translation.
        assert not re.search(r"\{\w*\}", source), source
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation.text)), \
            (source, translation.text)


@pytest.mark.skipif(_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed")
def test_committed_qm_is_what_lrelease_makes(tmp_path):
    out = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on plots_zh_CN.ts and commit the .qm"


@pytest.mark.skipif(_tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_ts_holds_every_string_of_the_plots(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    result = subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *SOURCES,
                             "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True, text=True)
    assert "0 new" in result.stdout, result.stdout


def test_panel_retranslates_to_chinese_live(qtbot, qapp):
    i18n.install(qapp, "en")
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    panel.show()
    model, result = sample()
    panel.update_state(state_of(model, result))
    view = panel.views["discount_rate"]
    assert view.plot.titleLabel.text == "Value vs discount rate"
    assert view.plot.getAxis("left").labelText == "Equity value (CNY 100m)"
    i18n.install(qapp, "zh_CN")   # the app's way: the unit and the names follow the language too
    try:
        qtbot.waitUntil(lambda: view.plot.titleLabel.text == "价值与贴现率")
        assert panel.tabs.tabText(2) == "热力图"
        assert [label.text for label in view.bands.labels] == [
            "严重高估", "高估", "偏高估", "合理估值", "偏低估", "低估", "严重低估"]
        assert view.plot.getAxis("left").labelText == "股权价值（亿元）"
        assert "百分点" in view.plot.getAxis("bottom").labelText
        assert panel.views["tornado"].table.horizontalHeaderItem(1).text() == "驱动因素"
        assert panel.scope_combo.itemText(0) == "公司整体"
        # Numbers survive the language change.
        assert view.totals["ddm"].size == 41
    finally:
        i18n.install(qapp, "en")
    qtbot.waitUntil(lambda: view.plot.titleLabel.text == "Value vs discount rate")


def test_names_with_percent_digits_are_shown_as_typed(qtbot, qapp):
    """A segment called "50%2x" is not a template: "Segment: %1" is filled in
    one pass, in both languages."""
    i18n.install(qapp, "en")
    model, result = sample()
    model.set(("segments", 0, "name"), "50%2x %1")
    model.set(("segments", 0, "name_en"), "50%2x %1")
    result = models.valuate(model)
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    panel.update_state(state_of(model, result))
    assert panel.scope_combo.itemText(1) == "Segment: 50%2x %1"
    translator = QtCore.QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.scope_combo.itemText(0) == "公司整体")
        assert panel.scope_combo.itemText(1) == "分部：50%2x %1"
    finally:
        qapp.removeTranslator(translator)
