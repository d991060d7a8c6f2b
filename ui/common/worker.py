"""Run database work off the GUI thread and hand the result back on it.

Every job opens its own session (the services do), so no Session or ORM
object ever crosses a thread. Results come back through a queued Qt signal,
the one safe way to reach widgets from a worker (the Electrum pattern).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

WORKERS = 3  # a first page, a count and a lookup at once; SQLite readers do not block each other


class _Bridge(QObject):
    """Lives on the GUI thread for the whole run; workers emit on it, Qt queues to the GUI thread.

    One long-lived object rather than one per job: nothing is created or deleted
    across threads, so no job can report to an object that is already gone.
    """

    sig_result = Signal(int, bool, object)  # job id, succeeded, result or exception


_bridge: _Bridge | None = None
_executor: ThreadPoolExecutor | None = None
_callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None, QObject | None]] = {}
_ids = itertools.count(1)
_running = 0


def _deliver(job: int, ok: bool, value: Any) -> None:
    global _running
    on_done, on_failed, owner = _callbacks.pop(job, (None, None, None))
    _running -= 1
    if owner is not None and not shiboken6.isValid(owner):
        return  # the tab was closed while its list was being read
    callback = on_done if ok else on_failed
    if callback is not None:
        callback(value)


def _work(job: int, fn: Callable[[], Any]) -> None:  # worker thread: touch no widget here
    try:
        result = fn()
    except Exception as exc:  # delivered to the GUI thread, which decides what to show
        _bridge.sig_result.emit(job, False, exc)
    else:
        _bridge.sig_result.emit(job, True, result)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Call ``fn()`` on a worker thread; ``on_done(result)`` or ``on_failed(exc)`` runs on the GUI thread.

    Call it from the GUI thread. With an ``owner``, the answer is dropped if the
    owner was deleted meanwhile.
    """
    global _bridge, _executor, _running
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.sig_result.connect(_deliver)
        _executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="trastienda-db")
    job = next(_ids)
    _callbacks[job] = (on_done, on_failed, owner)
    _running += 1
    _executor.submit(_work, job, fn)


def wait_for_done(timeout_ms: int = 10_000) -> bool:
    """Process events until every job has reported (tests, benchmarks, shutdown)."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_ms / 1000
    while _running > 0 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    return _running == 0


class LatestOnly:
    """At most one job at a time; while it runs, only the newest request waits.

    A clerk typing "garcía" fires six searches; the ones overtaken before they
    start never run, so a slow count cannot pile up behind itself.
    """

    def __init__(self, owner: QObject | None = None) -> None:
        self._owner = owner
        self._running = False
        self._waiting: tuple | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_failed: Callable[[Exception], None] | None = None) -> None:
        if self._running:
            self._waiting = (fn, on_done, on_failed)
            return
        self._start(fn, on_done, on_failed)

    def _start(self, fn, on_done, on_failed) -> None:
        self._running = True

        def wrap(callback):
            def inner(value):
                self._running = False
                nxt, self._waiting = self._waiting, None
                try:
                    if callback is not None:
                        callback(value)
                finally:
                    if nxt is not None:
                        self._start(*nxt)
            return inner

        run_in_background(fn, wrap(on_done), wrap(on_failed), self._owner)
