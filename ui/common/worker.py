"""Run database work off the GUI thread and hand the result back on it.

Every job opens its own session (the services do), so no Session or ORM
object ever crosses a thread. Results come back through a queued Qt signal,
the one safe way to reach widgets from a worker (the Electrum pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:  # worker thread: touch no widget here
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, which decides what to show
            self.relay.sig_failed.emit(exc)
        else:
            self.relay.sig_done.emit(result)


_live: set[_Relay] = set()  # keeps relays alive until their job reports


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Call ``fn()`` on a pool thread; ``on_done(result)`` or ``on_failed(exc)`` runs on the GUI thread.

    With an ``owner``, the answer is dropped if the owner was deleted meanwhile
    (a tab closed while its list was being read).
    """
    relay = _Relay()
    _live.add(relay)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if owner is not None and not shiboken6.isValid(owner):
            return
        if callback is not None:
            callback(value)

    relay.sig_done.connect(lambda result: finish(on_done, result))
    relay.sig_failed.connect(lambda exc: finish(on_failed, exc))
    pool().start(_Job(fn, relay))


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
