"""What the first paint constructs (issue 17): the window the app opens
builds the visible pages only; hidden tabs build when first shown; the
engine's optional heavy libraries are not imported by start-up."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pyqtgraph as pg
from PySide6 import QtWidgets

from desktop_app.widgets.lazy import LazyPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plot_items_made(monkeypatch):
    """Counts every pyqtgraph PlotItem constructed while the test runs."""
    made = []
    original = pg.PlotItem.__init__

    def counting_init(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(pg.PlotItem, "__init__", counting_init)
    return made


def plot_items_in(window: QtWidgets.QWidget) -> list:
    return [item for view in window.findChildren(pg.GraphicsView) if view.scene() is not None
            for item in view.scene().items() if isinstance(item, pg.PlotItem)]


def run_app_script(code: str, tmp_path: Path) -> dict:
    """Run ``code`` (which starts the app) in a fresh interpreter, offscreen,
    in an empty home; its last printed line, read as JSON."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_first_paint_builds_only_the_visible_tab(qtbot, make_window, document, plot_items_made):
    window = make_window(document, with_plots=True)   # constructed, shown and exposed
    panel = window.plots_panel
    visible_keys = panel.TAB_KEYS[panel.tabs.currentIndex()]
    assert visible_keys == ("discount_rate",)
    # one plot (value vs discount rate) of the panel's ten, and nothing built off screen
    assert len(plot_items_made) == 1
    assert len(plot_items_in(window)) == 1
    assert list(panel.built_views()) == ["discount_rate"]
    pages = window.findChildren(LazyPage)
    assert len(pages) >= len(panel.TAB_KEYS)
    assert [p.objectName() for p in pages if p.is_built and not p.isVisible()] == []
    assert len(LazyPage.unbuilt_in(window)) == len(pages) - sum(p.isVisible() for p in pages)
    assert not panel._settings_page.is_built          # the hidden ranges & shocks editor
    assert not window.findChildren(QtWidgets.QDoubleSpinBox)
    # the visible plot shows the engine's numbers already
    view = panel.views["discount_rate"]
    assert not view.stale and view.curves["ddm"].getData()[0] is not None


def test_the_visible_plot_waits_for_the_first_paint(qtbot, document, settings, plot_items_made):
    """Issue 17: the main window's first frame shows the panel's bar and an
    empty plot area the plot's size; the plot is built and drawn right after
    that first paint."""
    from desktop_app.main_window import MainWindow
    from desktop_app.plots.sizes import SWEEP_MINIMUM_SIZE

    window = MainWindow(document, settings, with_plots=True)
    qtbot.addWidget(window)
    panel = window.plots_panel
    page = panel._pages[0]
    assert panel.held and page.held and not window.first_paint.done
    window.show()
    QtWidgets.QApplication.sendPostedEvents()
    # shown, laid out, not yet painted: nothing of pyqtgraph built, the room kept
    assert page.isVisible() and not page.is_built and plot_items_made == []
    assert (page.minimumWidth(), page.minimumHeight()) == SWEEP_MINIMUM_SIZE
    assert page.height() >= SWEEP_MINIMUM_SIZE[1]
    qtbot.waitUntil(lambda: window.first_paint.done, timeout=5000)
    assert not panel.held and page.is_built and len(plot_items_made) == 1
    view = panel.built_views()["discount_rate"]
    assert view.widget.isVisible() and not view.stale
    assert view.curves["ddm"].getData()[0] is not None       # drawn from the engine
    assert page.minimumHeight() == 0 and not page.autoFillBackground()
    window.document.undo_stack.setClean()
    window.close()


def test_a_view_asked_for_before_the_first_paint_is_built_at_once(qtbot, document, settings,
                                                                  plot_items_made):
    from desktop_app.main_window import MainWindow

    window = MainWindow(document, settings, with_plots=True)
    qtbot.addWidget(window)
    panel = window.plots_panel
    assert panel.held
    tornado = panel.views["tornado"]          # an export, a test: they do not wait
    assert panel.built_views() == {"tornado": tornado} and len(plot_items_made) == len(tornado.plots)
    panel.release()
    panel.release()                           # once only
    assert not panel.held and sorted(panel.built_views()) == ["tornado"]   # hidden: nothing more
    window.document.undo_stack.setClean()


def test_a_hidden_tab_builds_when_first_shown_and_draws_at_once(qtbot, make_window, document,
                                                                plot_items_made):
    window = make_window(document, with_plots=True)
    panel = window.plots_panel
    tornado_tab = next(i for i, keys in enumerate(panel.TAB_KEYS) if keys == ("tornado",))
    assert "tornado" not in panel.built_views()
    panel.tabs.setCurrentIndex(tornado_tab)
    tornado = panel.built_views()["tornado"]
    assert len(plot_items_made) == 1 + len(tornado.plots)   # DDM and dynamic
    assert tornado.widget.isVisible()
    assert tornado.table.rowCount() > 0                    # drawn from the engine, not empty
    # shown again later: nothing rebuilt
    panel.tabs.setCurrentIndex(0)
    panel.tabs.setCurrentIndex(tornado_tab)
    assert panel.built_views()["tornado"] is tornado
    assert len(plot_items_made) == 1 + len(tornado.plots)


def test_start_up_imports_neither_pandas_nor_openpyxl(tmp_path):
    """The app as ``valuation-workbench`` starts it (window shown, events
    processed) in a fresh interpreter: the spreadsheet libraries and
    pyqtgraph's exporters stay unloaded until an import or an export needs them."""
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop_app import app\n"
        "from desktop_app.settings import Settings\n"
        "qapp = app.create_application([sys.argv[0]])\n"
        f"settings = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        f"window = app.start(app.parse_args(['--lang', 'en']), qapp, settings, {str(tmp_path / 'rec')!r})\n"
        "qapp.processEvents()\n"
        "print(json.dumps({'shown': window.isVisible(), 'panel': window.plots_panel is not None,\n"
        "                  'loaded': sorted(m for m in ('pandas', 'openpyxl', 'pyqtgraph.exporters')\n"
        "                                   if m in sys.modules)}))\n"
        "window.document.close_cleanly()\n"
    )
    report = run_app_script(code, tmp_path)
    assert report == {"shown": True, "panel": True, "loaded": []}


def test_the_ranges_editor_builds_when_opened_with_the_current_config(qtbot, make_window, document):
    from desktop_app.plots import SweepRange

    window = make_window(document, with_plots=True)
    panel = window.plots_panel
    panel.set_config(panel.config.with_range("discount_rate", SweepRange(-0.03, 0.025, 12)))
    assert not panel._settings_page.is_built          # a config change builds nothing
    panel.settings_button.setChecked(True)
    assert panel._settings_page.is_built and panel.settings.isVisible()
    assert panel.settings.config == panel.config
    start, stop, steps = panel.settings.range_spins["discount_rate"]
    assert (start.value(), stop.value(), steps.value()) == pytest.approx((-3.0, 2.5, 12))


def test_the_first_paint_fits_only_the_tables_on_screen_once_each(qtbot, make_window, document, monkeypatch):
    """Issue 17: before the first paint each table in view is fitted to its
    contents once (not at construction and again at each model reset), and
    the tables in tabs not shown are not measured at all."""
    from desktop_app.widgets.spreadsheet import SpreadsheetView

    fitted = []
    qt_fit = QtWidgets.QTableView.resizeColumnsToContents
    monkeypatch.setattr(QtWidgets.QTableView, "resizeColumnsToContents",
                        lambda self: (fitted.append(self.objectName()), qt_fit(self)))
    window = make_window(document)
    page = window.page
    on_screen = sorted(v.objectName() for v in window.findChildren(SpreadsheetView) if v.isVisible())
    assert sorted(fitted) == on_screen
    assert {"forecastView", "totalsView", "ddmView", "dynamicView"} <= set(on_screen)
    hidden = [page.segment_params_view, page.company_params_view]
    assert not any(v.isVisible() or v.objectName() in fitted for v in hidden)
    assert all(v._fit_pending for v in hidden)


#: Loaded right after the first paint: pyqtgraph and the visible sensitivity
#: plot's module, the Monte Carlo and the reverse solves (the header's analysis
#: line fills in then), the File menu's tools.
AFTER_THE_FIRST_PAINT = ("pyqtgraph", "desktop_app.plots.sweeps", "desktop_app.analysis_feed", "models.analysis.implied", "models.analysis.montecarlo",
                         "desktop_app.file_tools.imports", "desktop_app.file_tools.workbook",
                         "desktop_app.file_tools.coverage")
#: Modules the first paint does not need: the above, the worker thread's pool,
#: the exports, the messages of a file that would not load, the sensitivity
#: tabs not shown.
NOT_BEFORE_THE_FIRST_PAINT = AFTER_THE_FIRST_PAINT + (
    "concurrent.futures", "desktop_app.export", "models.csv_export", "desktop_app.load_errors", "desktop_app.plots.heatmap",
    "desktop_app.plots.tornado", "desktop_app.plots.bridge", "desktop_app.plots.settings_editor")


def test_what_the_first_paint_waits_for_runs_after_it(tmp_path):
    """The app as ``valuation-workbench`` starts it, in a fresh interpreter,
    seen at the moment its window has painted once: the header's analysis
    line is laid out but its feed (and the worker thread the Monte Carlo runs
    on, and their modules) is not there yet; right after, it is."""
    code = (
        "import json, sys, threading, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop_app import app\n"
        "from desktop_app.settings import Settings\n"
        "from desktop_app.widgets.first_paint import FirstPaint\n"
        f"WATCHED = {NOT_BEFORE_THE_FIRST_PAINT!r}\n"
        "seen = {}\n"
        "def state():\n"
        "    analysis = window.header.analysis\n"
        "    return {'modules': sorted(m for m in WATCHED if m in sys.modules),\n"
        "            'workers': sorted(t.name for t in threading.enumerate() if t.name.startswith('runner')),\n"
        "            'feed': analysis.feed is not None, 'button': analysis.button.isVisible(),\n"
        "            'lines': all(line.isVisible() for line in analysis.lines.values()),\n"
        "            'tools': len(window.file_tools),\n"
        "            'plots': sorted(window.plots_panel.built_views()),\n"
        "            'dock': window.plots_dock.height(),\n"
        "            'menu': [a.objectName() for a in window.menu_file.actions() if a.objectName()]}\n"
        "run_now = FirstPaint.run_now\n"
        "def at_first_paint(self):\n"
        "    if not self.done:\n"
        "        seen.update(state(), painted=self.painted, waiting=self.pending)\n"
        "    run_now(self)\n"
        "FirstPaint.run_now = at_first_paint\n"
        "qapp = app.create_application([sys.argv[0]])\n"
        f"settings = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        f"window = app.start(app.parse_args(['--lang', 'en']), qapp, settings, {str(tmp_path / 'rec')!r})\n"
        "deadline = time.monotonic() + 30\n"
        "while not window.first_paint.done and time.monotonic() < deadline:\n"
        "    qapp.processEvents()\n"
        "    time.sleep(0.001)\n"
        "after = state()\n"
        "while not window.header.analysis.probabilities['ddm'].full_text and time.monotonic() < deadline:\n"
        "    qapp.processEvents()\n"
        "    time.sleep(0.001)\n"
        "after['figures'] = window.header.analysis.probabilities['ddm'].full_text\n"
        "print(json.dumps({'at_first_paint': seen, 'after': after}))\n"
        "window.document.close_cleanly()\n"
    )
    report = run_app_script(code, tmp_path)
    first, after = report["at_first_paint"], report["after"]
    at_first = {"painted": True, "waiting": 3, "modules": [], "workers": [], "feed": False,
                "button": True, "lines": True, "tools": 0, "plots": []}
    assert {k: first[k] for k in at_first} == at_first
    assert first["menu"][-1] == "actQuit" and "actImport" not in first["menu"]
    assert after["feed"] and set(AFTER_THE_FIRST_PAINT) <= set(after["modules"]) and after["tools"] == 3
    # the tools' actions in their place: after the exports, before Quit
    menu = after["menu"]
    assert menu.index("actReport") < menu.index("actImport") < menu.index("actQuit") == len(menu) - 1
    assert after["button"] and after["lines"]
    # the plot, right after: in the room the first frame kept for it (the dock did not move)
    assert after["plots"] == ["discount_rate"] and after["dock"] == first["dock"] > 240
    assert after["figures"].startswith("P(")          # the Monte Carlo ran and the line shows it


def test_work_asked_for_before_the_first_paint_runs_after_it_in_order(qtbot):
    from desktop_app.widgets.first_paint import FirstPaint

    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    first_paint = FirstPaint(window)
    ran = []
    first_paint.later(lambda: ran.append(("a", first_paint.painted)))
    first_paint.later(lambda: ran.append(("b", first_paint.painted)))
    QtWidgets.QApplication.processEvents()
    assert ran == [] and first_paint.pending == 2          # not shown, not painted: nothing runs
    window.resize(300, 200)
    window.show()
    qtbot.waitUntil(lambda: first_paint.done)
    assert ran == [("a", True), ("b", True)]
    first_paint.later(lambda: ran.append(("c", True)))  # after start-up: at once
    assert ran[-1] == ("c", True) and first_paint.pending == 0


def test_a_failing_piece_of_deferred_work_does_not_stop_the_others(qtbot):
    from desktop_app.widgets.first_paint import FirstPaint

    first_paint = FirstPaint(QtWidgets.QWidget())
    ran = []
    first_paint.later(lambda: 1 / 0)
    first_paint.later(lambda: ran.append("after"))
    with pytest.raises(ZeroDivisionError):
        first_paint.run_now()
    assert ran == ["after"] and first_paint.done


def test_a_window_shown_but_never_painted_runs_the_work_after_the_fallback(qtbot):
    """A window that is shown but not exposed (minimised from the start, say)
    paints nothing: the work still runs, ``fallback_ms`` after the show."""
    from desktop_app.widgets.first_paint import FirstPaint

    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)          # shown, yet never painted
    first_paint = FirstPaint(window, fallback_ms=30)
    ran = []
    first_paint.later(lambda: ran.append(first_paint.painted))
    window.show()
    qtbot.waitUntil(lambda: first_paint.done, timeout=3000)
    assert ran == [False]


def test_the_start_up_trace_marks_when_the_plot_first_paints(qtbot, document, settings, tmp_path,
                                                             monkeypatch):
    """installer/startup_time.py's "complete" figure: with VW_STARTUP_TRACE set
    the app writes ``plot-painted`` once the plot built after the first paint
    has painted, on the machine-wide monotonic clock; unset, nothing."""
    import time

    from desktop_app import startup_trace
    from desktop_app.main_window import MainWindow

    def started_window():
        window = MainWindow(document, settings, with_plots=True)
        qtbot.addWidget(window)
        startup_trace.watch_window(window)
        before = time.monotonic()
        window.show()
        qtbot.waitUntil(lambda: window.first_paint.done, timeout=5000)
        return window, before

    trace = tmp_path / "trace.txt"
    monkeypatch.delenv(startup_trace.ENVIRONMENT, raising=False)
    window, _ = started_window()
    qtbot.wait(50)
    assert not trace.exists()
    window.close()
    monkeypatch.setenv(startup_trace.ENVIRONMENT, str(trace))
    window, before = started_window()
    assert not window.plots_panel.held
    qtbot.waitUntil(trace.exists, timeout=5000)
    window.plots_panel.views["discount_rate"].widget.viewport().repaint()   # later paints: no new line
    name, when, cpu = trace.read_text(encoding="ascii").split()
    assert name == "plot-painted" and before < float(when) <= time.monotonic()
    assert 0 < float(cpu) <= time.process_time()
    assert len(trace.read_text(encoding="ascii").splitlines()) == 1
    window.close()


def test_the_released_plot_paints_before_the_rest_of_the_deferred_work(qtbot):
    """The plot built after the first paint is laid out and painted within
    the release, before the next deferred piece (the header's Monte Carlo)
    starts its worker: the window is complete first."""
    from PySide6.QtCore import QEvent, QObject

    from desktop_app.plots import SensitivityPanel

    class Deferred:
        done = False

        def __init__(self):
            self.work = []

        def later(self, work):
            self.work.append(work)

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    deferred = Deferred()
    panel = SensitivityPanel(build_after=deferred)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    first = Paints()
    panel.installEventFilter(first)
    panel.show()
    qtbot.waitUntil(lambda: first.count > 0)       # the first paint, as the window's
    paints = Paints()
    panel._pages[0].built.connect(lambda content: content.viewport().installEventFilter(paints))
    assert panel.held and deferred.work == [panel.release] and panel.built_views() == {}
    deferred.work[0]()                      # no event processed from here to the assertion
    assert not panel.held and list(panel.built_views()) == ["discount_rate"]
    assert paints.count >= 1
