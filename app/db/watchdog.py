"""Noticing a shared server that stops answering in the middle of work.

The server cancels a slow statement itself (``statement_timeout``), and TCP
keepalives notice a vanished host while a connection is idle. Neither helps
when the server hangs while the client waits for a reply: the host is frozen,
its virtual machine paused, or its processes stopped. The kernel keeps the
socket open and the clerk's window would wait for ever.

So every wait of a PostgreSQL connection is watched. A wait longer than
``SUSPECT_AFTER_S`` makes the watch ask the server whether it is alive: a
fresh connection, given ``PROBE_TIMEOUT_S`` to get through the handshake. A
server that is just busy with a long report answers the probe and the wait
goes on (asked again every ``RECHECK_S``). A server that does not answer,
or a wait longer than the statement timeout plus ``GRACE_S`` (the server
should have cancelled it itself), has its waiting connections cut: the
socket is shut down, the blocked call returns at once with ``NotAnswering``,
and the transaction is lost on both sides (nothing half-written: the server
rolls back a transaction whose connection is gone). Only a COMMIT already
sent has an unknown outcome: the server may read it when it wakes, so that
error says the change may have been saved.

The hook is psycopg's ``Connection.wait``, the one place every blocking call
of a connection (execute, fetch, commit, rollback, the pool's ping) goes
through. It is psycopg's own method, not a public extension point:
``tests/server/test_server_freeze.py`` proves the watch still sees the
traffic after any upgrade of psycopg.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg

log = logging.getLogger(__name__)

SUSPECT_AFTER_S = 3.0
PROBE_TIMEOUT_S = 3  # libpq's connect_timeout (it takes whole seconds, at least 2)
RECHECK_S = 5.0
GRACE_S = 15.0
_TICK_S = 0.25


class NotAnswering(psycopg.OperationalError):
    """The server stopped answering and the watch cut the connection."""


class LostWhileCommitting(psycopg.OperationalError):
    """The connection broke after COMMIT was sent: the server may have committed."""


# libpq's words for a server that could not be reached at all; any other error means it answered.
_UNREACHABLE = ("timeout expired", "timed out", "connection refused", "could not connect",
                "no route to host", "network is unreachable", "server closed the connection")


@dataclass(eq=False)
class _Wait:
    conn: psycopg.Connection
    watch: ServerWatch
    since: float
    cut: bool = False


@dataclass(eq=False)
class ServerWatch:
    """The watch of one server (one engine): how to probe it and how long a wait may last."""

    probe: Callable[[], None]  # connects and disconnects, raising psycopg.OperationalError on failure
    hard_limit_s: float | None = None  # a wait this long is cut even if the server answers probes
    suspect_after_s: float = SUSPECT_AFTER_S
    recheck_s: float = RECHECK_S
    _alive_at: float = field(default=0.0)

    def server_answers(self) -> bool:
        try:
            self.probe()
        except psycopg.OperationalError as exc:
            text = str(exc).lower()
            if any(k in text for k in _UNREACHABLE):
                log.warning("server probe failed: %s", str(exc).strip().splitlines()[0] if str(exc) else exc)
                return False
        except Exception:  # noqa: BLE001 - anything else: it answered something
            log.exception("server probe")
        self._alive_at = time.monotonic()
        return True


class _Watcher:
    """One thread for every watched connection of the process, running while any connection waits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waits: set[_Wait] = set()
        self._thread: threading.Thread | None = None

    def begin(self, conn: psycopg.Connection, watch: ServerWatch) -> _Wait:
        wait = _Wait(conn, watch, time.monotonic())
        with self._lock:
            self._waits.add(wait)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="trastienda-server-watch", daemon=True)
                self._thread.start()
        return wait

    def end(self, wait: _Wait) -> None:
        with self._lock:
            self._waits.discard(wait)

    def _run(self) -> None:
        while True:
            time.sleep(_TICK_S)
            with self._lock:
                if not self._waits:
                    self._thread = None
                    return
                waits = list(self._waits)
            now = time.monotonic()
            by_watch: dict[ServerWatch, list[_Wait]] = {}
            for wait in waits:
                by_watch.setdefault(wait.watch, []).append(wait)
            for watch, group in by_watch.items():
                self._check(watch, group, now)

    def _check(self, watch: ServerWatch, group: list[_Wait], now: float) -> None:
        longest = max(now - w.since for w in group)
        if watch.hard_limit_s is not None and longest > watch.hard_limit_s:
            self._cut([w for w in group if now - w.since > watch.hard_limit_s])
            return
        if longest < watch.suspect_after_s or now - watch._alive_at < watch.recheck_s:
            return
        if not watch.server_answers():
            with self._lock:
                still = [w for w in group if w in self._waits]
            self._cut(still)

    @staticmethod
    def _cut(waits: list[_Wait]) -> None:
        for wait in waits:
            wait.cut = True
            try:
                fd = wait.conn.pgconn.socket
                # A duplicate of the descriptor: shutting it down ends the connection itself,
                # and the blocked read returns at once; closing the duplicate leaves psycopg's.
                sock = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                finally:
                    sock.close()
            except (OSError, psycopg.Error) as exc:  # already closed: nothing to cut
                log.debug("cutting a connection: %s", exc)


_WATCHER = _Watcher()


class WatchedConnection(psycopg.Connection):
    """A psycopg connection whose every wait is watched by its server's ``ServerWatch``."""

    server_watch: ServerWatch | None = None
    _committing = False

    def commit(self) -> None:
        # A COMMIT cut short has an unknown outcome: the server may have read it before hanging
        # and commit when it wakes. The error says so instead of claiming nothing was saved.
        self._committing = True
        try:
            super().commit()
        finally:
            self._committing = False

    def wait(self, *args, **kwargs):
        watch = self.server_watch
        if watch is None:
            return super().wait(*args, **kwargs)
        wait = _WATCHER.begin(self, watch)
        try:
            return super().wait(*args, **kwargs)
        except psycopg.OperationalError as exc:
            if wait.cut:
                seconds = round(time.monotonic() - wait.since)
                during = " while committing" if self._committing else ""
                raise NotAnswering(f"the server stopped answering{during} (no reply in {seconds} s)") from exc
            if self._committing and self.broken:
                raise LostWhileCommitting(f"connection lost while committing: {exc}") from exc
            raise
        finally:
            _WATCHER.end(wait)


def watch_engine(engine, *, hard_limit_s: float | None) -> ServerWatch:
    """Make ``engine`` (PostgreSQL over psycopg) open watched connections; returns the watch."""
    from sqlalchemy import event

    target: dict = {}

    def probe() -> None:
        cargs, cparams = target["args"]
        psycopg.connect(*cargs, **{**cparams, "connect_timeout": PROBE_TIMEOUT_S}).close()

    watch = ServerWatch(probe, hard_limit_s=hard_limit_s)

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, cargs, cparams):
        target["args"] = (tuple(cargs), dict(cparams))
        conn = WatchedConnection.connect(*cargs, **cparams)
        conn.server_watch = watch
        return conn

    return watch
