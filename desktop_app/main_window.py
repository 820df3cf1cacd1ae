"""The main window, a shell: the header, the page switcher (one page, the valuation, for now), the
messages and sensitivity docks, the menus. It assembles the pages and the file session and computes
nothing; the pages bring their own actions and menus."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMessageBox, QVBoxLayout, QWidget

import models
from desktop_app import i18n
from desktop_app import file_tools
from desktop_app.controller import Controller
from desktop_app.file_session import FileSession, QtDialogs
from desktop_app.i18n import fill
from desktop_app.pages.host import PageHost
from desktop_app.pages.valuation import ValuationPage
from desktop_app.widgets.first_paint import FirstPaint
from desktop_app.widgets.header import HeaderWidget
from desktop_app.widgets.messages import MessagesPanel


def load_plots_panel_class():
    """The sensitivity panel class; raises what importing it raises (the window then starts without it)."""
    from desktop_app.plots import SensitivityPanel  # noqa: PLC0415 - optional, owned by issue 5
    return SensitivityPanel


class MainWindow(QMainWindow):
    def __init__(self, document, settings, with_plots: bool = True, parent=None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        #: What waits until the window has painted once (the header's Monte Carlo, ...).
        self.first_paint = FirstPaint(self)
        self.controller = Controller(document, self)
        self.setObjectName("MainWindow")
        self.header = HeaderWidget()
        self.messages = MessagesPanel()
        self.page = ValuationPage(document, self.controller, self)
        self.pages = PageHost(document, self.controller, self.page, self)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.header)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.messages_dock = self._dock("messagesDock", self.messages, Qt.DockWidgetArea.RightDockWidgetArea)
        self.plots_panel = self.plots_dock = None
        if with_plots:
            try:
                self.plots_panel = load_plots_panel_class()(self, runner=self.controller.runner, settings_store=settings,
                                                            build_after=self.first_paint)
            except Exception as exc:  # noqa: BLE001 - the tables work without the plots
                self.messages.log(fill(self.tr("The sensitivity panel is unavailable: %1"), f"{type(exc).__name__}: {exc}"))
            else:
                self.plots_dock = self._dock("sensitivityDock", self.plots_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.session = FileSession(document, settings, QtDialogs(self), lambda: self.controller.state, self)
        self.session.logged.connect(self.messages.log)
        self.session.statusMessage.connect(self.status)
        self.controller.add_view(self.header)
        self.controller.add_view(self.messages)
        if self.plots_panel is not None:
            self.controller.add_view(self.plots_panel)
        self.controller.runner.failed.connect(self.messages.report_failure)
        self.pages.failed.connect(self.messages.log)
        document.editRejected.connect(self._on_rejected)
        self.page.refused.connect(self._on_rejected)
        document.dirtyChanged.connect(lambda dirty: self._update_title())
        document.pathChanged.connect(lambda path: self._update_title())
        document.autosaved.connect(lambda path: self.status(self.tr("Autosaved to the recovery file"), 3000))
        self.messages.issueActivated.connect(self.go_to_issue)
        self._create_actions()
        self._create_menus()
        self.retranslate()
        self.controller.recompute(True)
        self.resize(1600, 1000)
        self._layout_restored = self._restore_layout()

    def _dock(self, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, name: str, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        K = QKeySequence
        s = self.session
        self.act_new = self._action("actNew", s.new_file, K(K.StandardKey.New))
        self.act_open = self._action("actOpen", lambda: s.open_file(), K(K.StandardKey.Open))
        self.act_save = self._action("actSave", s.save, K(K.StandardKey.Save))
        self.act_save_as = self._action("actSaveAs", s.save_as, K(K.StandardKey.SaveAs))
        self.act_export = self._action("actExport", lambda: s.export_csv())
        self.act_report = self._action("actReport", lambda: s.export_report(self))
        self.act_quit = self._action("actQuit", self.close, K(K.StandardKey.Quit))
        self.act_autosave = self._action("actAutosave", s.choose_autosave_interval)
        self.act_about = self._action("actAbout", self.about)
        self.act_undo = self.act_redo = None
        for action, key in zip(self.page.edit_actions(), (K.StandardKey.Copy, K.StandardKey.Paste)):
            action.setShortcuts([K(key)])
            self.addAction(action)
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", *i18n.LANGUAGES):
            act = QAction(self)
            act.setCheckable(True)
            act.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            self.language_actions[code] = act

    def _make_undo_actions(self) -> None:
        """Undo and redo from the stack (its texts follow the commands); made
        again on a language switch, since the prefix is fixed at creation."""
        stack, K = self.document.undo_stack, QKeySequence
        old = (self.act_undo, self.act_redo)
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        redo = list(K.keyBindings(K.StandardKey.Redo))   # + Ctrl+Y and Ctrl+Shift+Z on every platform
        self.act_undo.setShortcuts(list(K.keyBindings(K.StandardKey.Undo)))
        self.act_redo.setShortcuts(redo + [k for k in (K("Ctrl+Y"), K("Ctrl+Shift+Z")) if k not in redo])
        # after the stack has moved: the cursor on the cell that changed (as Excel does)
        self.act_undo.triggered.connect(lambda: self._select_changed(stack.command(stack.index())))
        self.act_redo.triggered.connect(lambda: self._select_changed(stack.command(stack.index() - 1)))
        for action, name in ((self.act_undo, "actUndo"), (self.act_redo, "actRedo")):
            action.setObjectName(name)
            self.addAction(action)
        if old[0] is not None:
            before = self.menu_edit.actions()[0]
            self.menu_edit.insertActions(before, [self.act_undo, self.act_redo])
            for action in old:
                self.menu_edit.removeAction(action)
                self.removeAction(action)
                action.deleteLater()
        else:
            self.menu_edit.addActions([self.act_undo, self.act_redo])

    def _select_changed(self, command) -> None:
        self.page.select_changed(getattr(getattr(command, "record", None), "paths", ()))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addActions([self.act_save, self.act_save_as])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_export, self.act_report])
        self.file_tools: list = []   # joined after the first paint, before Quit
        file_tools.install_after_first_paint(self, self.menu_file, self.menu_file.addSeparator())
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self._make_undo_actions()
        self.menu_edit.addSeparator()
        self.menu_edit.addActions(self.page.edit_actions())
        for menu in self.page.menus():
            bar.addMenu(menu)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.messages_dock.toggleViewAction())
        if self.plots_dock is not None:
            self.menu_view.addAction(self.plots_dock.toggleViewAction())
        self.menu_settings = bar.addMenu("")
        self.menu_language = self.menu_settings.addMenu("")
        self.menu_language.addActions(list(self.language_actions.values()))
        self.menu_settings.addAction(self.act_autosave)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.session.recent_files()
        if not files:
            self.menu_recent.addAction(self.tr("(none)")).setEnabled(False)
            return
        for n, path in enumerate(files):
            act = self.menu_recent.addAction(f"&{n + 1} {path}" if n < 9 else path)
            act.triggered.connect(lambda checked=False, p=path: self.session.open_file(p))

    # translation ---------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for action, text in ((self.act_new, self.tr("&New")), (self.act_open, self.tr("&Open…")),
                             (self.act_save, self.tr("&Save")), (self.act_save_as, self.tr("Save &As…")),
                             (self.act_export, self.tr("&Export tables to CSV…")), (self.act_quit, self.tr("&Quit")),
                             (self.act_report, self.tr("Export the &report (PDF or HTML)…")),
                             (self.act_autosave, self.tr("&Autosave interval…")),
                             (self.act_about, self.tr("&About Valuation Workbench")),
                             (self.language_actions["system"], self.tr("Follow the system"))):
            action.setText(text)
        for code, name in i18n.LANGUAGES.items():
            self.language_actions[code].setText(name)
        current = self.settings.get("language")
        for code, act in self.language_actions.items():
            act.setChecked(code == current)
        for menu, title in ((self.menu_file, self.tr("&File")), (self.menu_recent, self.tr("Open &recent")),
                            (self.menu_edit, self.tr("&Edit")), (self.menu_view, self.tr("&View")),
                            (self.menu_settings, self.tr("Se&ttings")), (self.menu_language, self.tr("&Language")),
                            (self.menu_help, self.tr("&Help"))):
            menu.setTitle(title)
        self._make_undo_actions()
        self.messages_dock.setWindowTitle(self.tr("Messages"))
        if self.plots_dock is not None:
            self.plots_dock.setWindowTitle(self.tr("Sensitivity"))
        self.page.retranslate()
        for tool in self.file_tools:
            tool.retranslate()
        self._update_title()

    def set_language(self, code: str) -> None:
        self.settings.set("language", code)
        i18n.install(QApplication.instance(), code)
        # LanguageChange events reach the widgets later; retranslate now
        self.retranslate()
        self.header.retranslate()
        self.messages.retranslate()
        self.controller.recompute(False)

    def _update_title(self) -> None:
        name = self.document.display_name() or self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {self.tr('Valuation Workbench')}")
        self.setWindowModified(self.document.is_dirty)

    def status(self, text: str, milliseconds: int) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def _on_rejected(self, message: str) -> None:
        self.messages.log(message, error=True)
        self.status(message.replace("\n", "  "), 8000)

    def go_to_issue(self, location: tuple) -> bool:
        """Show the page and the cell an engine issue is about."""
        for page in self.pages.pages():
            if page.locate(tuple(location)):
                self.pages.setCurrentWidget(page)
                return True
        return False

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Valuation Workbench"), self.about_text())

    def about_text(self) -> str:
        return fill(self.tr("<b>估值工作台 Valuation Workbench</b><br>Engine version %1<br>"
                            "Segment forecasts, DDM and dynamic valuation, offline."), models.__version__)

    # layout and closing ----------------------------------------------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_layout_done", False):
            self._layout_done = True
            if not self._layout_restored:
                self._default_layout()
                QTimer.singleShot(0, self._default_layout)  # again once the docks have their sizes

    def _default_layout(self) -> None:
        self.resizeDocks([self.messages_dock], [185], Qt.Orientation.Horizontal)
        if self.plots_dock is not None:
            self.resizeDocks([self.plots_dock], [self.plots_dock.minimumSizeHint().height()],
                             Qt.Orientation.Vertical)
        self.page.default_layout()

    def _restore_layout(self) -> bool:
        """Window geometry, docks and the page's splitters as the user left them."""
        restored = False
        geometry = self.settings.get("window_geometry")
        if not geometry.isEmpty():
            restored = bool(self.restoreGeometry(geometry))
        state = self.settings.get("window_state")
        if not state.isEmpty():
            restored = bool(self.restoreState(state)) and restored
        self.page.restore_state(self.settings.get("splitter_state"))
        return restored

    def save_layout(self) -> None:
        self.settings.set("window_geometry", self.saveGeometry())
        self.settings.set("window_state", self.saveState())
        self.settings.set("splitter_state", self.page.save_state())

    def closeEvent(self, event):
        if not self.session.maybe_save():
            event.ignore()
            return
        self.save_layout()
        if self.document.path:
            self.settings.set("last_file", self.document.path)
        self.settings.sync()
        self.document.close_cleanly()
        event.accept()
