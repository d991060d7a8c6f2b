"""A shared profile's handle: one Database for the window, aimed at the server or at the offline copy.

The window and every tab keep the Database they were built with. For a shared profile that is a
``Link``: it is a Database (services and ``isinstance`` checks take it as one) whose target, the
server's Database or the replica's, is flipped between user actions. Nothing else changes when it
flips: a form keeps what was typed, and its next Save opens a session on whichever side the link
points at then, so a save made offline lands in the replica, where the capture triggers put it in
the outbox in the same transaction.

It flips to the replica by itself when an action finds the server unreachable (``session()``
notices it), or when the caller's probe says so (``go_offline``); it flips back once a sync has
sent the outbox (``go_online``). Listeners hear of every flip, on whatever thread it happened:
the window re-emits that on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app.db.session import Database
from app.errors import DatabaseUnavailableError, LoginRefusedError
from app.i18n import _
from app.sync import replica
from app.sync.replica import ReplicaError
from app.sync.service import SyncReport, open_replica, sync

PROBE_CONNECT_TIMEOUT_S = 3  # the probe runs every few seconds: a down server must not hold it long
PROBE_STATEMENT_TIMEOUT_MS = 3000


_WROTE = "trastienda_wrote"


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context) -> None:
    session.info[_WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def is_unreachable(exc: BaseException) -> bool:
    """The server could not be reached or stopped answering: the case for working offline. A refused
    password, a schema of another version, a missing database or an unusable copy are not: working
    offline would not fix them, and they are said as they are."""
    from app.db.engine import DatabaseMissingError
    from app.db.migrate import SchemaMismatchError

    return (isinstance(exc, DatabaseUnavailableError)
            and not isinstance(exc, (LoginRefusedError, SchemaMismatchError, ReplicaError, DatabaseMissingError)))


def open_offline(path: Path, user: str, database: str | None = None) -> Database:
    """This profile's replica for ``user``, as the window opens it without a server. ReplicaError, in
    words a clerk can act on, when there is none, or it is another login's or another database's."""
    db = open_replica(path, user=None)
    try:
        state = replica.get_state(db.engine)
        if state.get("user") != user:
            raise ReplicaError(_("This computer's offline copy is {owner}'s, not {user}'s: each login keeps its "
                                 "own. Log in to the server as {user} to make yours.").format(
                                     owner=state.get("user") or "?", user=user))
        if database is not None and state.get("database") != database:
            raise ReplicaError(_("This computer's offline copy is of the database {theirs}, not {database}. "
                                 "Log in to the server to make a fresh one.").format(
                                     theirs=state.get("database") or "?", database=database))
    except BaseException:
        db.dispose()
        raise
    return db


def copy_owner(path: Path) -> str | None:
    """Whose offline copy ``path`` is (None: none, or not readable): decides the login dialog's button."""
    if not path.exists():
        return None
    try:
        db = open_replica(path)
    except DatabaseUnavailableError:
        return None
    try:
        return replica.get_state(db.engine).get("user")
    finally:
        db.dispose()


class Link(Database):
    """A Database aimed at the shared server or at this computer's replica of it.

    ``server``: the server's Database when logged in; ``offline``: the replica's Database when starting
    without one, and then ``url``: the server's, password included (in memory only), to reconnect with.
    """

    def __init__(self, replica_path: Path, url: URL | None = None, *, server: Database | None = None,
                 offline: Database | None = None):  # noqa: D107 - no Database.__init__: every attribute delegates
        if server is None and (offline is None or url is None):
            raise ValueError("a Link needs the server, or the replica and the server's URL")
        self.replica_path = replica_path
        self.url = server.engine.url if server is not None else url
        self._server = server
        self._replica = offline
        self._target: Database = server if server is not None else offline
        self._listeners: list[Callable[[bool, str], None]] = []
        self._write_listeners: list[Callable[[], None]] = []
        self._flip = threading.Lock()
        self._syncing = threading.Lock()
        self.reason = ""  # why the link is offline, as said to the clerk

    # -- what a Database is: delegated to the side in use ---------------------------------
    @property
    def target(self) -> Database:
        return self._target

    @property
    def engine(self):  # type: ignore[override]
        return self._target.engine

    @property
    def user(self) -> str | None:  # type: ignore[override]
        return self._target.user

    @property
    def roles(self) -> frozenset[str]:  # type: ignore[override]
        return self._target.roles

    @property
    def offline(self) -> bool:  # type: ignore[override]
        return self._target.offline

    def __getattr__(self, name: str):
        """Anything else a Database has (or gains later), as the side in use has it."""
        if name.startswith("__") or name in ("_target", "_server", "_replica"):
            raise AttributeError(name)
        return getattr(self._target, name)

    @property
    def server(self) -> Database | None:
        return self._server

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The side in use's session. An action that finds the server gone flips the link to the replica,
        so the clerk's next try is kept there; the error says so."""
        target = self._target
        try:
            with target.session() as s:
                yield s
            if target.offline and s.info.get(_WROTE):
                for listener in list(self._write_listeners):
                    listener()
        except DatabaseUnavailableError as exc:
            if target is not self._server or not is_unreachable(exc):
                raise
            if not self.go_offline(str(exc)):
                raise
            raise DatabaseUnavailableError(
                str(exc) + " " + _("Trastienda now works on this computer's offline copy.")) from None

    def dispose(self) -> None:
        for db in (self._server, self._replica):
            if db is not None:
                db.dispose()

    # -- flipping -------------------------------------------------------------------------
    def add_listener(self, listener: Callable[[bool, str], None]) -> None:
        """``listener(offline, reason)`` after each flip, on the thread that flipped."""
        self._listeners.append(listener)

    def add_write_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` after each action that wrote to the replica (one more change waits to be sent)."""
        self._write_listeners.append(listener)

    def go_offline(self, reason: str) -> bool:
        """Aim at the replica (opened now if need be); False when there is none this login may use, and
        then ``reason`` says why, too."""
        with self._flip:
            if self._target.offline:
                return True
            try:
                if self._replica is None:
                    self._replica = open_offline(self.replica_path, self._server.user or "",
                                                 self.url.database)
            except ReplicaError as exc:
                self.reason = reason + " " + str(exc)
                return False
            self._target, self.reason = self._replica, reason
        self._tell(True, reason)
        return True

    def go_online(self, server: Database) -> None:
        """Aim at ``server`` again (the Database a successful reconnect or sync used)."""
        with self._flip:
            if self._server is not None and self._server is not server:
                self._server.dispose()
            self._server, self._target, self.reason = server, server, ""
            old, self._replica = self._replica, None
        if old is not None:
            old.dispose()  # a NullPool engine: an action still running on it keeps its own connection
        self._tell(False, "")

    def use_server(self, server: Database) -> None:
        """Sync with ``server`` from now on (the clerk logged in again while offline); the link flips to
        it only once a sync has sent the outbox (``go_online``)."""
        with self._flip:
            if self._server is not None and self._server is not server and self._target is not self._server:
                self._server.dispose()
            self._server, self.url = server, server.engine.url

    def _tell(self, offline: bool, reason: str) -> None:
        for listener in list(self._listeners):
            listener(offline, reason)

    # -- the server: probing, reconnecting, syncing (worker threads) ------------------------
    def probe(self) -> bool:
        """Whether the server answers a ``SELECT 1`` within seconds. A refused password counts as an
        answer: the server is there (``reconnect`` then says what is wrong)."""
        from app.db.engine import check_connection, make_engine

        engine = make_engine(self.url, statement_timeout_ms=PROBE_STATEMENT_TIMEOUT_MS,
                             connect_timeout_s=PROBE_CONNECT_TIMEOUT_S)
        try:
            check_connection(engine)
        except DatabaseUnavailableError as exc:
            return not is_unreachable(exc)
        finally:
            engine.dispose()
        return True

    def reconnect(self) -> Database:
        """The server's Database, opened again when the link has none that works (raises why not)."""
        from app.db.engine import check_connection
        from app.db.open import open_database

        if self._server is not None:
            check_connection(self._server.engine)  # the pool replaces the connections the outage broke
            return self._server
        return open_database(self.url, upgrade=False)

    def sync(self, progress=None) -> tuple[SyncReport, Database] | None:
        """Push the outbox and pull (making the copy the first time), on the server as it answers now;
        None when a sync is already running. Does not flip: the caller goes online afterwards."""
        if not self._syncing.acquire(blocking=False):
            return None
        try:
            server = self.reconnect()
            try:
                return sync(self.replica_path, server, progress=progress), server
            except BaseException:
                if server is not self._server:
                    server.dispose()
                raise
        finally:
            self._syncing.release()

    @property
    def syncing(self) -> bool:
        return self._syncing.locked()

    def pending(self) -> int:
        """Changes waiting in the outbox (0 when there is no copy yet)."""
        return self._count(replica.pending)

    def open_conflicts(self) -> int:
        return self._count(replica.open_conflicts)

    def _count(self, fn) -> int:
        if not self.replica_path.exists():
            return 0
        from app.db.engine import make_engine

        engine = make_engine(self.replica_path)
        try:
            return fn(engine) if replica.is_replica(engine) else 0
        finally:
            engine.dispose()
