"""SensitivityPanel: the five sensitivity views in tabs, a company/segment
selector and the editable ranges and shocks.

An ordinary view of the controller's state: the controller calls
``update_state(state, structure_changed)`` after every recompute. Only the
views on the visible tab ask the engine at once, through the runner (today
synchronously, so what is shown is current in the same frame); the others are
marked stale and ask when their tab is shown or when they are exported.

A tab's views are *built* when the tab is first shown (or a view is first
asked for through ``views``): start-up constructs only the plots of the
visible tab (issue 17). In the main window even that waits for the window's
first paint (``build_after``): the first frame shows the header and the
tables, and the panel's bar with an empty plot area; pyqtgraph is imported
and the visible plot built and drawn right after. This module imports no
pyqtgraph: the views' modules load with their tab."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from desktop_app import pyside_guard
from desktop_app import engine_messages, i18n
from desktop_app.i18n import fill
from desktop_app.runner import Runner
from desktop_app.widgets.lazy import LazyPage

from .colors import BACKGROUND
from .config import HEATMAP_FIELDS, PlotContext, SensitivityConfig, config_from_json, config_to_json
from .sizes import SWEEP_MINIMUM_SIZE

if TYPE_CHECKING:
    from .base import PlotView
    from .settings_editor import SettingsEditor


class SensitivityPanel(QtWidgets.QWidget):
    """Live sensitivity pictures of a model (see module docstring)."""

    #: Emitted after the visible views asked for their numbers: they are
    #: drawn by then, unless a request is slow (the runner's ``delivered``).
    redrawn = QtCore.Signal()

    TAB_KEYS: tuple[tuple[str, ...], ...] = (
        ("discount_rate",),
        ("terminal_growth", "margin", "growth"),
        ("heatmap",),
        ("tornado",),
        ("bridge",),
    )

    def __init__(self, parent: QtWidgets.QWidget | None = None,
                 config: SensitivityConfig | None = None, runner: Runner | None = None,
                 settings_store: Any = None, build_after: Any = None) -> None:
        """``settings_store``: the app's settings (``get``/``set``); the ranges,
        shocks and heat-map choices are then restored from it and kept in it
        as they change (``config``, when given, wins over the stored one).
        ``build_after``: a :class:`~desktop_app.widgets.first_paint.FirstPaint`;
        the visible tab is then built and drawn after that first paint, not
        when the panel is first shown (asking for a view builds it at once)."""
        # Idempotent; the app and the tests apply it already, but the panel is
        # also used alone (scripts/render_plots.py, the benchmark).
        pyside_guard.apply()
        super().__init__(parent)
        self._model: Any = None
        self._result: Any = None
        self._segment: int | None = None
        self._store = settings_store
        if config is None and settings_store is not None:
            config = config_from_json(settings_store.get("sensitivity_config"))
        self._config = config or SensitivityConfig()
        self._segment_names: list[str] = []
        #: Executes the views' requests; the window passes the controller's.
        self.runner = runner if runner is not None else Runner(parent=self)

        #: Every view by key; a view is built on first access (see _build_tab).
        self.views: Mapping[str, PlotView] = _Views(self)
        self._built: dict[str, PlotView] = {}

        # Top bar: scope, settings toggle, export menu.
        self.scope_label = QtWidgets.QLabel()
        self.scope_combo = QtWidgets.QComboBox()
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.settings_button = QtWidgets.QToolButton()
        self.settings_button.setCheckable(True)
        # A push button with a menu: the style keeps room for the menu arrow
        # beside the text (a tool button in instant-popup mode draws the arrow
        # over the text's corner).
        self.export_button = QtWidgets.QPushButton()
        self.export_button.setObjectName("plotsExportButton")
        self.export_menu = QtWidgets.QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        bar = QtWidgets.QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.scope_label)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.export_button)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("sensitivityTabs")
        self._pages: list[LazyPage] = []
        #: The visible tab waits for the window's first paint (see ``build_after``).
        self.held = build_after is not None and not build_after.done
        for index in range(len(self.TAB_KEYS)):
            page = LazyPage(lambda i=index: self._build_tab(i), held=self.held)
            page.setObjectName(f"sensitivityPage{index}")
            if self.held:
                # the room its plot will take, in the plots' background (no grey flash before it)
                page.setMinimumSize(*SWEEP_MINIMUM_SIZE)
                page.setAutoFillBackground(True)
                palette = page.palette()
                palette.setColor(page.backgroundRole(), BACKGROUND)
                page.setPalette(palette)
            self._pages.append(page)
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        # the ranges & shocks editor (hidden until asked for) is built on first show too
        self._settings_page = LazyPage(self._build_settings)
        self._settings_page.setObjectName("sensitivitySettingsPage")
        self.settings_scroll = QtWidgets.QScrollArea()
        self.settings_scroll.setWidget(self._settings_page)
        self.settings_scroll.setWidgetResizable(True)
        self.settings_scroll.setVisible(False)
        self.settings_button.toggled.connect(self.settings_scroll.setVisible)

        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.settings_scroll)
        splitter.setStretchFactor(0, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._fill_scope_combo([])
        self.retranslate()
        self._push_context()
        if self.held:
            build_after.later(self.release)

    def release(self) -> None:
        """Build and draw the visible tab now (the window has painted once)."""
        if not self.held:
            return
        self.held = False
        for page in self._pages:
            page.setMinimumSize(0, 0)   # the content's own minimum and background from now on
            page.setAutoFillBackground(False)
            page.release()
        self._draw_visible()
        # on screen now, before the rest of what waited for the first paint (the header's Monte Carlo
        # starts a worker, the File tools load): the page's layout, then its paint
        if self.isVisible():
            QtWidgets.QApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
            for view in self.visible_views():
                widget = view.widget   # a graphics view paints on its viewport
                (widget.viewport() if isinstance(widget, QtWidgets.QAbstractScrollArea) else widget).repaint()

    # -- building the tabs -------------------------------------------------------
    def _new_view(self, key: str) -> PlotView:
        own = {"runner": self.runner, "parent": self}
        from .sweeps import SweepView   # (pyqtgraph: with the first view, not with the panel)
        if key == "discount_rate":
            return SweepView("discount_rate", "discount_rate_shift", "discount_rate", **own)
        if key == "terminal_growth":
            return SweepView("terminal_growth", "terminal_growth", "terminal_growth", methods=("ddm",), **own)
        if key in ("margin", "growth"):
            return SweepView(key, f"{key}_shift", key, **own)
        # the hidden tabs' modules load with their tab (start-up imports only the first tab's)
        if key == "heatmap":
            from .heatmap import HeatmapView as view_class
        elif key == "tornado":
            from .tornado import TornadoView as view_class
        else:
            from .bridge import BridgeView as view_class
        view = view_class(**own)
        if key == "heatmap":
            view.configEdited.connect(self.set_config)   # its drivers, method and ranges
        return view

    def _build_tab(self, index: int) -> QtWidgets.QWidget:
        """The page of tab ``index``: its views, built now, on the current
        context and language (drawn when shown, see ``_draw_visible``)."""
        context = self._context()
        views = []
        try:
            for key in self.TAB_KEYS[index]:
                view = self._new_view(key)   # in the current language: every view translates itself when made
                view.set_context(context)
                views.append(view)
        except Exception as exc:  # noqa: BLE001 - the tables and the other tabs work without this one
            return self._build_failure(exc, views)
        self._built.update(zip(self.TAB_KEYS[index], views))
        if len(views) == 1:
            return views[0].widget
        page = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for view in views:
            row.addWidget(view.widget)
        return page

    def _build_failure(self, exc: Exception, made: list) -> QtWidgets.QWidget:
        """The page of a tab whose views could not be built (pyqtgraph missing
        from a broken install, say): it says why, and so do the messages (the
        runner's ``failed``, as for a view that fails to draw); the tab stays
        without views, the rest of the window works."""
        for view in made:
            view.deleteLater()
        reason = f"{type(exc).__name__}: {exc}"
        self.runner.failed.emit(self.tr("Sensitivity"), reason)
        label = QtWidgets.QLabel()
        label.setObjectName("plotsBuildFailure")
        label.setProperty("reason", reason)   # the text follows the language (retranslate)
        label.setWordWrap(True)
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._say_failure(label)
        return label

    def _say_failure(self, label: QtWidgets.QLabel) -> None:
        label.setText(fill(self.tr("This picture cannot be drawn: %1"), label.property("reason")))

    def _build_settings(self) -> SettingsEditor:
        from .settings_editor import SettingsEditor
        editor = SettingsEditor(self._config)
        editor.configChanged.connect(self.set_config)
        return editor

    @property
    def settings(self) -> SettingsEditor:
        """The ranges & shocks editor (built now if it was not yet)."""
        return self._settings_page.content()

    def _view(self, key: str) -> PlotView:
        if key not in self._built:
            index = next(i for i, keys in enumerate(self.TAB_KEYS) if key in keys)
            self._pages[index].content()
        if key not in self._built:
            raise LookupError(f"the sensitivity view {key!r} could not be built (see the messages)")
        return self._built[key]

    def built_views(self) -> dict[str, PlotView]:
        """The views built so far (those of the tabs shown or asked for)."""
        return dict(self._built)

    # -- the controller's entry point -----------------------------------------
    def update_state(self, state: Any, structure_changed: bool = False) -> None:
        """Show the controller's state (``state.model`` valued as
        ``state.result``; the invalid state when ``result`` is None). The
        views on the visible tab ask the engine now and, their requests being
        fast, are current when this returns (when the panel is hidden, nothing
        is asked until it is shown)."""
        model = state.model if state is not None else None
        result = state.result if state is not None else None
        self._model = model
        self._result = result
        names = i18n.segment_names(model) if model is not None else []
        if names != self._segment_names:
            self._fill_scope_combo(names)
        self._push_context()

    # -- scope and config ------------------------------------------------------
    @property
    def segment(self) -> int | None:
        return self._segment

    def set_segment(self, segment: int | None) -> None:
        """Apply the drivers to the whole company (None) or to segment i only."""
        self.scope_combo.setCurrentIndex(0 if segment is None else segment + 1)

    @property
    def config(self) -> SensitivityConfig:
        return self._config

    def set_config(self, config: SensitivityConfig) -> None:
        changed = [f for f in ("discount_rate", "terminal_growth", "margin", "growth", "shocks",
                               *HEATMAP_FIELDS)
                   if getattr(config, f) != getattr(self._config, f)]
        self._config = config
        if changed and self._store is not None:
            self._store.set("sensitivity_config", config_to_json(config))
        if self._settings_page.is_built and self.settings.config is not config:
            self.settings.set_config(config)
        if changed:
            context = self._context()
            for view in self._built.values():
                if set(view.config_fields) & set(changed):
                    view.set_context(context)
            self._draw_visible()

    def _fill_scope_combo(self, names: list[str]) -> None:
        self._segment_names = names
        keep = self._segment if self._segment is not None and self._segment < len(names) else None
        blocker = QtCore.QSignalBlocker(self.scope_combo)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Company"))
        for name in names:
            self.scope_combo.addItem(fill(self.tr("Segment: %1"), name))
        self.scope_combo.setCurrentIndex(0 if keep is None else keep + 1)
        del blocker
        self._segment = keep

    def _scope_changed(self, index: int) -> None:
        segment = None if index <= 0 else index - 1
        if segment != self._segment:
            self._segment = segment
            self._push_context()

    # -- drawing ---------------------------------------------------------------
    def _context(self) -> PlotContext:
        return PlotContext(self._model, self._result, self._segment, self._config)

    def _push_context(self) -> None:
        context = self._context()
        for view in self._built.values():
            view.set_context(context)
        self._draw_visible()

    def visible_views(self) -> list[PlotView]:
        """The views of the current tab (built now if they were not; none if they cannot be)."""
        index = max(self.tabs.currentIndex(), 0)
        self._pages[index].content()
        return [self._built[k] for k in self.TAB_KEYS[index] if k in self._built]

    def _draw_visible(self) -> None:
        """Draw the current tab's views, unless the panel itself is hidden
        (a closed dock): then everything stays stale until it is shown; nor
        while the panel waits for the window's first paint (``release``)."""
        if not self.isVisible() or self.held:
            return
        for view in self.visible_views():
            view.ensure_current()
        self.redrawn.emit()

    def showEvent(self, event: QtCore.QEvent) -> None:
        super().showEvent(event)
        self._draw_visible()

    def _tab_changed(self, _index: int) -> None:
        self._draw_visible()
        self._fill_export_menu()

    def view(self, key: str) -> PlotView:
        return self.views[key]

    # -- export ----------------------------------------------------------------
    def _fill_export_menu(self) -> None:
        menu = self.export_menu
        menu.clear()
        for view in self.visible_views():
            title = view.title()
            for kind, text in (("png", self.tr("%1: image (PNG)…")),
                               ("svg", self.tr("%1: vector image (SVG)…")),
                               ("csv", self.tr("%1: data (CSV)…"))):
                action = menu.addAction(fill(text, title))
                action.triggered.connect(lambda _=False, v=view, k=kind: self.export_with_dialog(v, k))

    def export_with_dialog(self, view: PlotView, kind: str) -> str | None:
        """Ask for a file name and export ``view`` as ``kind`` (png, svg, csv).
        Returns the path written, or None when cancelled or failed."""
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)"),
                   "csv": self.tr("CSV file (*.csv)")}
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"{view.key}.{kind}", filters[kind])
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            getattr(view, f"export_{kind}")(path)
        except OSError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Export failed"),
                                          fill(self.tr("Could not write %1: %2"),
                                               path, engine_messages.os_error(exc, writing=True)))
            return None
        return path

    # -- language --------------------------------------------------------------
    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
            self._push_context()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.scope_label.setText(self.tr("Drivers applied to:"))
        self.settings_button.setText(self.tr("Ranges && shocks"))
        self.export_button.setText(self.tr("Export"))
        titles = (self.tr("Discount rate"), self.tr("Growth, margins, terminal growth"),
                  self.tr("Heat map"), self.tr("Tornado"), self.tr("Sum of the parts"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        blocker = QtCore.QSignalBlocker(self.scope_combo)
        if self.scope_combo.count():
            self.scope_combo.setItemText(0, self.tr("Company"))
            for i, name in enumerate(self._segment_names, start=1):
                self.scope_combo.setItemText(i, fill(self.tr("Segment: %1"), name))
        del blocker
        for view in self._built.values():
            view.retranslate()
        for label in self.findChildren(QtWidgets.QLabel, "plotsBuildFailure"):
            self._say_failure(label)
        if self._settings_page.is_built:
            self.settings.retranslate()


class _Views(Mapping):
    """The panel's views by key (``SensitivityPanel.TAB_KEYS`` order); asking
    for a view builds its tab if it was not built yet."""

    def __init__(self, panel: SensitivityPanel) -> None:
        self._panel = panel
        self._keys = tuple(key for keys in panel.TAB_KEYS for key in keys)

    def __getitem__(self, key: str) -> PlotView:
        if key not in self._keys:
            raise KeyError(key)
        return self._panel._view(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
