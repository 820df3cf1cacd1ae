"""Start-up: arguments, which file opens, fonts, settings, the --selftest."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase

import models
from desktop_app import app as app_module
from desktop_app.settings import DEFAULTS, Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(qtbot, qapp, settings, recovery_dir, modals):
    windows = []

    def run(argv):
        win = app_module.start(app_module.parse_args(argv + ["--without-plots", "--lang", "en"]),
                               qapp, settings, str(recovery_dir))
        windows.append(win)
        return win

    yield run
    for win in windows:
        win.document.undo_stack.setClean()
        win.close()
        win.deleteLater()


def test_first_start_opens_the_bundled_sample_untitled(started):
    win = started([])
    assert win.document.path is None
    assert win.document.model.company_name == "联影医疗"
    assert win.header.ddm.value.text() == "695.41"
    assert win.header.ddm.title.text() == "DDM valuation (CNY 100m)"


def test_file_argument_then_last_file(tmp_path, started, settings, sample_model):
    target = tmp_path / "a.vwm.json"
    sample_model.set(("market", "price"), 100.0)
    models.save_model(sample_model, target)
    win = started([str(target)])
    assert win.document.path == str(target)
    assert win.document.model.get(("market", "price")) == 100.0
    assert settings.get("last_file") == str(target)
    win2 = started([])                       # no FILE: reopen the last one
    assert win2.document.path == str(target)


def test_broken_file_argument_falls_back_to_the_sample_and_says_so(tmp_path, started, modals):
    bad = tmp_path / "bad.vwm.json"
    bad.write_text("{", encoding="utf-8")
    modals.answer("warning", 0)
    win = started([str(bad)])
    assert win.document.path is None and win.document.model.company_name == "联影医疗"
    assert any("not valid JSON" in t for t in win.messages.texts())
    assert modals.calls and modals.calls[0][0] == "warning"


@pytest.mark.parametrize("literal, says", [
    ("1" + "0" * 320, "Ticker must be text; the file has a number. (company.ticker)"),
    ('"\\ud800主营"', "Ticker: is not valid text"),
])
def test_a_file_with_a_huge_integer_or_a_lone_surrogate_does_not_stop_the_start(tmp_path, started, modals,
                                                                                   sample_path, literal, says):
    """Such a file once killed the app at start-up (OverflowError), or loaded
    and could then never be saved: now the loader refuses it, and the start
    falls back to the sample and says why (issue 8, item 4)."""
    import json
    doc = json.loads(sample_path.read_text(encoding="utf-8"))
    doc["company"]["ticker"] = "__X__"
    bad = tmp_path / "bad.vwm.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False).replace('"__X__"', literal), encoding="utf-8")
    modals.answer("warning", 0)
    win = started([str(bad)])
    assert win.document.path is None and win.document.model.company_name == "联影医疗"
    assert any(says in t and str(bad) in t for t in win.messages.texts()), win.messages.texts()
    assert modals.calls and modals.calls[0][0] == "warning"


def test_parse_args():
    args = app_module.parse_args(["m.vwm.json", "--selftest", "--without-plots"])
    assert args.file == "m.vwm.json" and args.selftest and args.without_plots


def test_a_cjk_font_is_chosen(qapp):
    families = app_module.setup_fonts(qapp)
    assert families, "fonts-noto-cjk (or another CJK font) must be installed"
    assert qapp.font().families()[0] == families[0]
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(families[0])
    assert app_module.choose_font_families(["Arial", "Noto Sans CJK SC", "SimHei"]) == ["Noto Sans CJK SC", "SimHei"]


def test_settings_defaults_and_round_trip(settings):
    assert settings.get("autosave_interval_s") == 120
    assert settings.get("language") == "system"
    assert settings.get("recent_files") == []
    settings.set("autosave_interval_s", 60)
    assert settings.get("autosave_interval_s") == 60
    for n in range(12):
        settings.add_recent_file(f"/m{n}.json")
    files = settings.get("recent_files")
    assert files[0] == "/m11.json" and len(files) == 10
    settings.qsettings.setValue("autosave_interval_s", "garbage")
    assert settings.get("autosave_interval_s") == 120     # a bad stored value falls back
    settings.qsettings.setValue("recent_files", "/only.json")
    assert settings.get("recent_files") == ["/only.json"]  # QSettings' single-item list
    assert set(DEFAULTS) >= {"language", "autosave_interval_s", "recent_files", "window_geometry"}


def test_window_layout_is_restored(qtbot, make_window, document, settings):
    win = make_window(document)
    win.messages_dock.hide()
    win.page.main_splitter.setSizes([300, 500])
    sizes = win.page.main_splitter.sizes()
    win.save_layout()
    win.close()
    from desktop_app.document import Document
    win2 = make_window(Document(document.model.copy(), None))
    assert not win2.messages_dock.isVisible()
    restored = win2.page.main_splitter.sizes()
    assert restored[0] / sum(restored) == pytest.approx(sizes[0] / sum(sizes), abs=0.02)
    assert settings.get("window_geometry") == win.saveGeometry()


def test_selftest_runs_and_prints_the_totals():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--selftest"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DDM 695.41 亿元  dynamic 576.69 亿元"


def test_the_selftest_builds_the_plot_and_fails_without_it(tmp_path):
    """The installer's smoke test relies on --selftest to exercise pyqtgraph:
    the plot waits for the first paint (issue 17), the selftest waits for it
    too, and a plot that cannot be built fails it."""
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from desktop_app.plots import sweeps\n"
        "def broken(self, *args, **kwargs):\n"
        "    raise ImportError('no pyqtgraph here')\n"
        "if sys.argv[1] == 'broken':\n"
        "    sweeps.SweepView.__init__ = broken\n"
        "from desktop_app import app\n"
        "code = app.main(['--selftest'])\n"
        "print('exit', code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    runs = {how: subprocess.run([sys.executable, "-c", code, how], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=120) for how in ("whole", "broken")}
    assert runs["whole"].stdout.strip().splitlines()[-1] == "exit 0", runs["whole"].stderr
    assert runs["broken"].stdout.strip().splitlines()[-1] == "exit 1"
    assert "the sensitivity plot was not built" in runs["broken"].stderr


def test_edit_latency_benchmark_runs_and_checks_the_screen(qapp, settings):
    """The benchmark's own screen check (header, DDM table and repaint after
    each edit) passes on a short run; no timing is asserted here."""
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        import edit_latency
    finally:
        sys.path.pop(0)
    out = edit_latency.run(qapp, models.load_model(ROOT / "resources" / "samples" / "united-imaging-688271.json"),
                           20, False, settings)
    assert out["edits"] == 20 and out["p50_ms"] > 0 and out["p95_ms"] >= out["p50_ms"]
