"""The one runner for engine work a view needs.

A view describes what it wants as a :class:`Request` (a pure function of the
engine, usually from ``models.requests``, with its arguments) and hands it to
the runner with a callback that shows the response. The runner:

- runs a request at once, on the GUI thread, unless it is marked ``slow``
  (today's sensitivity requests take a millisecond or two);
- runs a slow request on one worker thread and delivers its response by a
  queued Qt signal, i.e. on the GUI thread, where the view may touch widgets;
- keeps only the newest request per ``key``: a queued request that a newer one
  supersedes is cancelled, and a response that arrives after a newer request
  was made is dropped (``dropped``), never shown;
- reports every failure, of the engine or of the view showing the response,
  through ``failed(title, reason)`` (the window shows it in the messages
  panel) and to the view's own failure callback; one failure repeated on
  every edit is reported once, until that view succeeds again.

``Runner(synchronous=True)`` runs slow requests at once too (tests, scripts).

A slow request runs while the user keeps editing: its arguments must not be
changed by the GUI meanwhile, so pass copies (``model.copy()``), not the
document's live model.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Hashable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

if TYPE_CHECKING:
    import concurrent.futures

#: How long the worker may hold the GIL before the GUI thread gets it back
#: (Python's default is 5 ms): a worker running Python code (the Monte Carlo
#: between numpy calls, a scenario's figures) would otherwise hold every
#: edit's repaint up by up to that much at each switch.
GIL_SWITCH_INTERVAL_S = 0.0005

Done = Callable[[Any], None]
Failed = Callable[[str], None]


@dataclass(frozen=True)
class Request:
    """``function(*args, **kwargs)``, asked for by the view ``key``.

    ``title``: what the user reads before the reason when it fails (the
    view's title, translated). ``slow``: run it off the GUI thread."""

    key: Hashable
    function: Callable[..., Any]
    args: tuple = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    slow: bool = False
    title: str = ""

    def run(self) -> Any:
        return self.function(*self.args, **self.kwargs)


def failure_text(exc: BaseException) -> str:
    """What a failure says: the engine refuses with a ValueError whose text
    names what is wrong (in the UI's language where it carries a code the GUI
    knows, desktop_app/engine_messages.py); anything else is a bug, named by
    its type."""
    if isinstance(exc, ValueError) and str(exc):
        from desktop_app import engine_messages
        return engine_messages.text(exc)
    return f"{type(exc).__name__}: {exc}"


@dataclass
class _Pending:
    ticket: int
    request: Request
    done: Done
    failed: Failed | None
    future: concurrent.futures.Future | None = None


class Runner(QObject):
    """Executes requests for views (see the module docstring)."""

    #: A request or the showing of its response failed: (title, reason).
    failed = Signal(str, str)
    #: A response reached its view: (key, response).
    delivered = Signal(object, object)
    #: A response arrived after a newer request for the same key: (key,).
    dropped = Signal(object)
    # worker thread → GUI thread: (ticket, key, ok, response or reason)
    _outcome = Signal(int, object, bool, object)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._ticket = 0
        self._latest: dict[Hashable, int] = {}
        self._pending: dict[Hashable, _Pending] = {}
        self._reported: dict[Hashable, str] = {}
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:  # quitting drops what is still queued
            app.aboutToQuit.connect(self.shutdown)

    # -- asking ----------------------------------------------------------------
    def submit(self, request: Request, done: Done, failed: Failed | None = None) -> int:
        """Run ``request`` and call ``done(response)`` on the GUI thread, or
        ``failed(reason)``. Returns the request's ticket. Supersedes any
        earlier request with the same key."""
        if request.slow and not self.synchronous:
            return self._submit_slow(request, done, failed)
        return self.run_now(request, done, failed)

    def run_now(self, request: Request, done: Done, failed: Failed | None = None) -> int:
        """Run ``request`` here and now, even if it is slow (an export needs
        the numbers before it writes)."""
        ticket = self._supersede(request.key)
        try:
            response = request.run()
        except Exception as exc:  # noqa: BLE001 - reported, and shown by the view
            self._fail(request, failed, failure_text(exc))
            return ticket
        self._show(request, done, failed, response)
        return ticket

    def is_busy(self, key: Hashable | None = None) -> bool:
        """Whether a slow request (for ``key``, or any) is still on its way."""
        return bool(self._pending) if key is None else key in self._pending

    def cancel(self, key: Hashable) -> None:
        """Forget the request for ``key``: its response, if any, is dropped."""
        self._supersede(key)

    def shutdown(self) -> None:
        """Drop every pending request and stop the worker (at exit)."""
        for key in list(self._pending):
            self._supersede(key)
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    # -- internals ---------------------------------------------------------------
    def _supersede(self, key: Hashable) -> int:
        self._ticket += 1
        self._latest[key] = self._ticket
        old = self._pending.pop(key, None)
        if old is not None and old.future is not None:
            old.future.cancel()  # not started yet: never runs; running: its result is dropped
        return self._ticket

    def _submit_slow(self, request: Request, done: Done, failed: Failed | None) -> int:
        ticket = self._supersede(request.key)
        if self._executor is None:
            import concurrent.futures   # with the first slow request (none before the first paint)
            if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
                sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
            self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1,
                                                                   thread_name_prefix="runner")
            # the worker thread ends with its runner (a closed window's), not only at quit
            self.destroyed.connect(functools.partial(_stop_worker, self._executor))
        pending = _Pending(ticket, request, done, failed)
        self._pending[request.key] = pending
        pending.future = self._executor.submit(self._work, ticket, request)
        return ticket

    def _work(self, ticket: int, request: Request) -> None:
        """On the worker thread: compute, then post the outcome to the GUI thread."""
        try:
            outcome = (True, request.run())
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread as a failure
            outcome = (False, failure_text(exc))
        try:
            self._outcome.emit(ticket, request.key, *outcome)
        except RuntimeError:  # the runner was deleted meanwhile (the window closed)
            pass

    def _deliver(self, ticket: int, key: Hashable, ok: bool, value: Any) -> None:
        pending = self._pending.get(key)
        if pending is None or pending.ticket != ticket or self._latest.get(key) != ticket:
            self.dropped.emit(key)
            return
        del self._pending[key]
        if ok:
            self._show(pending.request, pending.done, pending.failed, value)
        else:
            self._fail(pending.request, pending.failed, value)

    def _show(self, request: Request, done: Done, failed: Failed | None, response: Any) -> None:
        try:
            done(response)
        except Exception as exc:  # noqa: BLE001 - a view's bug must not stop the other views
            self._fail(request, failed, failure_text(exc))
            return
        self._reported.pop(request.key, None)
        self.delivered.emit(request.key, response)

    def _fail(self, request: Request, failed: Failed | None, reason: str) -> None:
        if failed is not None:
            try:
                failed(reason)
            except Exception as exc:  # noqa: BLE001 - reported below with the first reason
                reason = f"{reason}; {failure_text(exc)}"
        if self._reported.get(request.key) != reason:
            self._reported[request.key] = reason
            self.failed.emit(request.title, reason)


def _stop_worker(executor, *args) -> None:
    """Stop a destroyed runner's worker thread (what is queued is dropped)."""
    executor.shutdown(wait=False, cancel_futures=True)
