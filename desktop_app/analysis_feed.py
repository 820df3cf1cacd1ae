"""The Monte Carlo and the reverse solves, kept in step with the document.

One ``AnalysisFeed`` per controller (``feed_for(controller)``), shared by the
header (the probability of the current status, the price-implied value of a
chosen driver) and the Analysis page (the whole run and the reverse-solve
tables). After every recompute of the controller it asks the controller's
runner, off the GUI thread (``slow=True``), for:

- ``montecarlo``: ``MonteCarloRequest(copy of the model).run``;
- ``implied``: the chosen driver's implied value, company-wide, per method;
- ``tables``: ``ImpliedTableRequest(copy).run`` (only while a page asks for
  the tables: ``want_tables``).

The requests go out ``delay_ms`` (45 ms) after the last of a burst of edits,
so a run never competes with the typing it follows; a synchronous runner
(tests) gets them at once.

Each request works on a copy of the model taken on the GUI thread. A newer
edit supersedes the requests on their way: the runner drops their responses,
and the feed sets the cancel flag the running one polls, so a long run stops
between chunks. The feed numbers the states it has seen (``serial``); each
result keeps the serial of the model it belongs to, so a view can tell a
current result from one that is still being replaced (``is_current``).
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from models.analysis.implied import METHODS, ImpliedTableRequest, implied_value
from models.analysis.montecarlo import MonteCarloRequest
from models.sensitivity import DRIVERS

from desktop_app.runner import Request

KINDS = ("montecarlo", "implied", "tables")
DEFAULT_DRIVER = "growth_shift"
DELAY_MS = 45


def compute_montecarlo(model, cancelled):
    """The run for ``model`` (a private copy), polled for ``cancelled``."""
    return MonteCarloRequest(model).run(cancelled=cancelled)


def compute_implied(model, driver: str, cancelled):
    """``{method: ImpliedResult}`` of ``driver``, company-wide, target upside 0."""
    out = {}
    for method in METHODS:
        if cancelled():
            from models.analysis.montecarlo import Cancelled
            raise Cancelled()
        out[method] = implied_value(model, driver, method)
    return out


def compute_tables(model, cancelled):
    return ImpliedTableRequest(model).run(cancelled=cancelled)


@dataclass
class Outcome:
    """The latest delivered result of one kind: ``value`` (None before the
    first, or after a failure: ``error``) for the model numbered ``serial``."""

    value: Any = None
    serial: int = -1
    error: str | None = None
    driver: str | None = None     # the driver of an ``implied`` result


class AnalysisFeed(QObject):
    """See the module docstring."""

    #: A kind's result arrived, or the model changed so it is being replaced: (kind,).
    changed = Signal(str)

    def __init__(self, controller, parent: QObject | None = None):
        super().__init__(parent if parent is not None else controller)
        self.controller = controller
        self.runner = controller.runner
        self.serial = 0
        self.outcomes: dict[str, Outcome] = {k: Outcome() for k in KINDS}
        self._flags: dict[str, threading.Event] = {}
        self._table_clients = 0
        self.driver = DEFAULT_DRIVER
        self._state = None
        #: The runs start this long after the last edit (a burst of edits
        #: starts one run, at its end); 0: at once. A synchronous runner never waits.
        self.delay_ms = DELAY_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._submit_all)
        controller.recomputed.connect(self._on_state)
        if controller.state is not None:
            self._on_state(controller.state)

    # asking ---------------------------------------------------------------------------
    @property
    def want_tables(self) -> bool:
        return self._table_clients > 0

    def add_table_client(self) -> None:
        """A view that shows the reverse-solve tables exists: compute them on every edit."""
        self._table_clients += 1
        if self._table_clients == 1 and self._state is not None:
            self._submit("tables")

    def remove_table_client(self) -> None:
        self._table_clients = max(0, self._table_clients - 1)
        if not self._table_clients:
            self._cancel("tables")

    def set_driver(self, driver: str) -> None:
        """The driver whose price-implied value the header shows."""
        if driver not in DRIVERS:
            raise ValueError(f"unknown driver {driver!r}")
        if driver != self.driver:
            self.driver = driver
            if self._state is not None:
                self._submit("implied")
            self.changed.emit("implied")

    def is_current(self, kind: str) -> bool:
        """Whether the shown result of ``kind`` belongs to the model on screen."""
        out = self.outcomes[kind]
        return out.serial == self.serial and (kind != "implied" or out.driver == self.driver)

    def result(self, kind: str):
        return self.outcomes[kind].value

    # following the controller ------------------------------------------------------------
    def _on_state(self, state) -> None:
        self._state = state
        self.serial += 1
        for kind in KINDS:
            self._cancel(kind)      # a run for the model before stops at its next check; its outcome is dropped
        if self.runner.synchronous:
            self._submit_all()
        else:
            # after the views have shown the edit (and at most one run per burst of queued edits)
            self._timer.start(max(0, self.delay_ms))
        for kind in KINDS:
            self.changed.emit(kind)

    def _submit_all(self) -> None:
        for kind in KINDS:
            if kind != "tables" or self.want_tables:
                self._submit(kind)

    def _cancel(self, kind: str) -> None:
        flag = self._flags.pop(kind, None)
        if flag is not None:
            flag.set()
        self.runner.cancel(("analysis", id(self), kind))

    def _submit(self, kind: str) -> None:
        state = self._state
        old = self._flags.get(kind)
        if old is not None:
            old.set()            # the run on its way stops at its next check
        if state is None or state.result is None:
            self._flags.pop(kind, None)
            self.outcomes[kind] = Outcome(None, self.serial,
                                          QCoreApplication.translate("AnalysisFeed", "the model is invalid"),
                                          self.driver)
            return
        flag = threading.Event()
        self._flags[kind] = flag
        model = state.model.copy()      # the worker's own: later edits do not reach it
        serial, driver = self.serial, self.driver
        module = globals()
        if kind == "montecarlo":
            fn, args = module["compute_montecarlo"], (model, flag.is_set)
        elif kind == "implied":
            fn, args = module["compute_implied"], (model, driver, flag.is_set)
        else:
            fn, args = module["compute_tables"], (model, flag.is_set)
        title = {"montecarlo": QCoreApplication.translate("AnalysisFeed", "Monte Carlo"),
                 "implied": QCoreApplication.translate("AnalysisFeed", "What the price implies"),
                 "tables": QCoreApplication.translate("AnalysisFeed", "Reverse solve")}[kind]
        request = Request(("analysis", id(self), kind), fn, args, slow=True, title=title)
        self.runner.submit(request,
                           lambda value, k=kind, s=serial, d=driver: self._done(k, s, d, value),
                           lambda reason, k=kind, s=serial, d=driver: self._failed(k, s, d, reason))

    def _done(self, kind: str, serial: int, driver: str, value) -> None:
        self.outcomes[kind] = Outcome(value, serial, None, driver)
        self.changed.emit(kind)

    def _failed(self, kind: str, serial: int, driver: str, reason: str) -> None:
        self.outcomes[kind] = Outcome(None, serial, reason, driver)
        self.changed.emit(kind)


_feeds: "weakref.WeakKeyDictionary[Any, AnalysisFeed]" = weakref.WeakKeyDictionary()


def feed_for(controller) -> AnalysisFeed:
    """The controller's feed, made on first use."""
    feed = _feeds.get(controller)
    if feed is None:
        feed = AnalysisFeed(controller)
        _feeds[controller] = feed
    return feed
