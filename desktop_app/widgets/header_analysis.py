"""The header's analysis line, one per method: the probability of the
method's current status in the latest Monte Carlo, and the value of a chosen
driver at which the method's total meets the market cap ("Price implies
revenue growth +3.1 pp"). Kept apart from ``header.py``.

The figures come from the controller's ``AnalysisFeed`` (computed off the
GUI thread); until the figures of the model on screen arrive, the line is
greyed out (the numbers of the model before, being replaced). The driver is
chosen from the button's menu (or the lines' context menu) and remembered in
the settings (``header_implied_driver``). Per edit the line only stores the
state; its text changes when new figures arrive.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolButton

from models.sensitivity import DRIVERS
from models.status import status_label
from desktop_app import i18n
from desktop_app.analysis_text import driver_names, driver_value, implied_phrases, none_text
from desktop_app.i18n import fill
from desktop_app.plots.labels import pct

SETTING = "header_implied_driver"


class AnalysisLine(QLabel):
    """One method's line (re-rendered on a language change)."""

    def __init__(self, owner: "HeaderAnalysis", method: str, parent=None):
        super().__init__(parent)
        self.owner, self.method = owner, method
        self.setObjectName(f"analysisLine_{method}")
        self.setProperty("role", "caption")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: owner.menu.exec(self.mapToGlobal(pos)))

        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided at the right when the header is too narrow (the tooltip has it all)."""
        if text != self.full_text:
            self.full_text = text
            self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                  max(self.contentsRect().width(), 1)) \
            if self.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored else self.full_text
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.owner.render()
        super().changeEvent(event)


class HeaderAnalysis(QObject):
    """See the module docstring. ``lines[method]`` are the labels; ``button``
    opens the driver menu."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines = {m: AnalysisLine(self, m) for m in ("ddm", "dynamic")}
        self.probabilities = {m: AnalysisLine(self, m) for m in ("ddm", "dynamic")}
        for m, label in self.probabilities.items():
            label.setObjectName(f"statusProbability_{m}")
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            # it lies over the value's cell: clicks and selection go to the value
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for line in self.lines.values():
            # may be clipped in a narrow header (the tooltip has it all); never widens the header
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.feed = None
        self.settings = None
        self.state = None
        self.menu = QMenu()
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for d in DRIVERS:
            act = QAction(self)
            act.setCheckable(True)
            act.setData(d)
            act.triggered.connect(lambda checked=False, d=d: self.choose(d))
            self.group.addAction(act)
            self.menu.addAction(act)
            self.actions[d] = act
        self.button = QToolButton()
        self.button.setObjectName("impliedDriverButton")
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAutoRaise(True)
        self.button.setText("▾")
        self.button.setFixedWidth(18)
        # no taller than a caption line: the title row keeps its height
        self.button.setFixedHeight(self.lines["ddm"].fontMetrics().height() + 2)
        for line in (*self.lines.values(), *self.probabilities.values()):
            line.setVisible(False)
        self.button.setVisible(False)
        self.retranslate()

    # wiring ------------------------------------------------------------------------------
    def bind(self, feed, settings=None) -> None:
        """Follow ``feed``; ``settings`` (a ``desktop_app.settings.Settings``)
        remembers the chosen driver."""
        self.feed, self.settings = feed, settings
        driver = settings.get(SETTING) if settings is not None else feed.driver
        if driver not in DRIVERS:
            driver = feed.driver
        feed.set_driver(driver)
        self.actions[feed.driver].setChecked(True)
        feed.changed.connect(self._feed_changed)
        self.reveal()
        self.render()

    def reveal(self) -> None:
        """Show the (still empty) lines and the driver button: what :meth:`bind`
        shows, for a header whose feed is bound later."""
        for line in (*self.lines.values(), *self.probabilities.values()):
            line.setVisible(True)
        self.button.setVisible(True)

    def choose(self, driver: str) -> None:
        """Show the price-implied value of ``driver`` (remembered)."""
        if self.feed is None:
            return
        self.actions[driver].setChecked(True)
        if self.settings is not None:
            self.settings.set(SETTING, driver)
        self.feed.set_driver(driver)
        self.render()

    def update_state(self, state) -> None:
        self.state = state      # rendered when the feed says the figures changed

    def _feed_changed(self, kind: str) -> None:
        if kind in ("montecarlo", "implied"):
            self.render()

    def retranslate(self) -> None:
        names = driver_names()
        for d, act in self.actions.items():
            act.setText(names[d])
        self.button.setToolTip(self.tr("Choose the driver whose price-implied value the header shows"))
        self.render()

    # text --------------------------------------------------------------------------------
    def probability_text(self, method: str) -> str:
        """"P(overvalued) 67%": the share of the latest run's valid draws in the method's current status."""
        feed, state = self.feed, self.state
        if feed is None or state is None or state.result is None:
            return ""
        status = getattr(getattr(state.result, method, None), "status", None)
        mc = feed.result("montecarlo")
        if mc is None or status is None:
            return ""
        p = mc.method(method).status_probabilities.get(status)
        return "" if p is None else fill(self.tr("P(%1) %2"), status_label(status, i18n.engine_lang()),
                                         pct(p, 0, signed=False))

    def probability_tip(self, method: str) -> str:
        state, mc = self.state, self.feed.result("montecarlo") if self.feed is not None else None
        status = getattr(getattr(getattr(state, "result", None), method, None), "status", None)
        if mc is None or status is None:
            return ""
        return fill(self.tr("Probability of “%1” in the latest Monte Carlo (%2 draws)"),
                    status_label(status, i18n.engine_lang()), f"{mc.draws:,}")

    def text(self, method: str) -> str:
        """"Price implies revenue growth +19.2 pp": the chosen driver's value at the market cap."""
        feed = self.feed
        if feed is None or self.state is None or self.state.result is None:
            return ""
        implied = feed.result("implied")
        driver = feed.outcomes["implied"].driver
        if implied is None or driver is None or method not in implied:
            return ""
        r = implied[method]
        value = driver_value(driver, r.value) if r.value is not None else none_text(r.reason)
        return fill(implied_phrases()[driver], value)

    def render(self) -> None:
        if self.feed is None:
            return
        mc_current = self.feed.is_current("montecarlo")
        implied_current = self.feed.is_current("implied")
        for method in self.lines:
            for label, text, current in ((self.lines[method], self.text(method), implied_current),
                                         (self.probabilities[method], self.probability_text(method), mc_current)):
                if label.full_text != text:
                    label.set_full_text(text)
                    label.setToolTip(text if label is self.lines[method] else self.probability_tip(method))
                if label.isEnabled() != current:
                    label.setEnabled(current)     # greyed: the figures of the model before
