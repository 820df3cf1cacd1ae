"""Long pure-Python engine work in one helper process, so that the GUI thread
never waits for Python's GIL while it is done.

The runner's worker is a thread: while it runs pure-Python work (parsing and
checking thousands of model files), the GUI thread must win the GIL for every
call Qt makes into Python (each cell a table paints), and a repaint can then
wait for a whole chunk of files. ``call(function, *args)`` runs the function
in a helper process instead (one, started on first use with the "spawn"
method: forking a process that runs Qt's threads is unsafe) and waits for it;
the waiting thread holds no GIL. ``function`` and its arguments and result
must be picklable (module-level functions of ``models``).

Where no helper process can be started (a frozen bundle has no Python
interpreter to spawn; the process died), the function runs in the calling
thread, as before. The helper ends itself when the process that started it
is gone (killed, crashed): it is never left behind.
"""
from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from concurrent.futures import BrokenExecutor
from typing import Any, Callable

_lock = threading.Lock()
_pool = None      # a concurrent.futures.ProcessPoolExecutor, made on first use
_disabled = bool(getattr(sys, "frozen", False))


def available() -> bool:
    return not _disabled


def call(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)``, computed in the helper process when there is one.
    What the function raises is raised here."""
    pool = _get_pool()
    if pool is None:
        return function(*args)
    try:
        future = pool.submit(function, *args)
    except (RuntimeError, OSError):          # shut down meanwhile, or cannot start
        return _here_from_now_on(function, args)
    try:
        return future.result()
    except BrokenExecutor:                   # the helper could not start or died (BrokenProcessPool)
        return _here_from_now_on(function, args)


def _here_from_now_on(function: Callable[..., Any], args: tuple) -> Any:
    global _disabled
    with _lock:
        _disabled = True
    shutdown()
    return function(*args)


def _get_pool():
    global _pool, _disabled
    with _lock:
        if _disabled:
            return None
        if _pool is None:
            try:      # the process machinery is imported when first needed (a bundle may lack it)
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=watch_parent, initargs=(os.getpid(),))
                atexit.register(shutdown)   # before the interpreter tears its modules down
            except (ImportError, OSError, ValueError):
                _disabled = True
                return None
        return _pool


#: How often the helper looks whether the process that started it is still there.
PARENT_CHECK_S = 0.5


def watch_parent(parent_pid: int) -> None:
    """In the helper: end it when ``parent_pid`` is no longer its parent (the
    app was killed or crashed, its exit hooks never ran; the helper would
    otherwise wait on its queue for ever). A daemon thread, so it never
    keeps the helper alive."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="vw-helper-parent-watch", daemon=True).start()


def shutdown() -> None:
    """Stop the helper process (at exit); a later ``call`` starts another."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
