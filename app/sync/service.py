"""Offline work with a shared profile: make the replica, open it, and sync it (push, then pull)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from app.db import audit_triggers, migrate
from app.db.engine import make_engine
from app.db.session import Database
from app.errors import DatabaseUnavailableError
from app.i18n import _
from app.sync import capture, pull, push, replica
from app.sync.replica import ReplicaError, ServerIdentity

Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    pushed: int = 0
    skipped: int = 0
    pulled: int = 0
    conflicts: list[dict] = field(default_factory=list)
    created: bool = False


def server_identity(server: Database) -> ServerIdentity:
    with server.engine.connect() as conn:
        company = conn.execute(text("SELECT id FROM company ORDER BY created_at, id LIMIT 1")).scalar()
        database = conn.execute(text("SELECT current_database()")).scalar_one()
    if company is None:
        raise DatabaseUnavailableError(_("The server has no company set up yet: there is nothing to work on offline."))
    return ServerIdentity(company_id=str(company), database=database, user=server.user or "",
                          revision=migrate.current_revision(server.engine) or "")


def open_replica(path: Path, *, user: str | None = None) -> Database:
    """The replica at ``path`` as a Database marked offline; ReplicaError if it is not one."""
    if not path.exists():
        raise ReplicaError(_("There is no offline copy on this computer yet ({path}): connect to the server once "
                             "to make it.").format(path=path))
    engine = make_engine(path)
    try:
        if not replica.is_replica(engine):
            raise ReplicaError(_("{path} is not an offline copy of a server.").format(path=path))
        state = replica.get_state(engine)
    except ReplicaError:
        engine.dispose()
        raise
    except Exception as exc:  # not a SQLite file at all, or a broken one
        engine.dispose()
        raise ReplicaError(_("The offline copy {path} cannot be read ({reason}). Export what can be saved, then "
                             "download a fresh copy.").format(path=path, reason=str(exc).splitlines()[0])) from None
    if state.get("revision") != migrate.head_revision():
        engine.dispose()
        raise ReplicaError(_("The offline copy {path} was made by another version of Trastienda ({rev}). Export its "
                             "unsynced changes, then download a fresh copy.").format(path=path, rev=state.get("revision")))
    db = Database(engine, user=user or state.get("user"), roles=replica.state_roles(state))
    db.offline = True
    return db


def create_replica(path: Path, server: Database, *, progress: Progress | None = None) -> int:
    """Download what ``server``'s login may see into a new replica at ``path``; returns the rows."""
    identity = server_identity(server)
    if identity.revision != migrate.head_revision():
        raise migrate.schema_mismatch(identity.revision, shared=True) or ReplicaError("schema")
    part = path.with_name(path.name + ".part")
    for leftover in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(part)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            audit_triggers.uninstall(conn)  # the server keeps the trail, when the changes arrive
            replica.make_bookkeeping(conn)
            capture.install(conn)
            replica.set_state(conn, company_id=identity.company_id, database=identity.database,
                              user=identity.user, revision=identity.revision,
                              roles=replica.roles_text(server.roles))
        rows = pull.pull(engine, server.engine, progress=progress)
    finally:
        engine.dispose()
    part.replace(path)  # only a complete download becomes the replica
    return rows


def sync(path: Path, server: Database, *, progress: Progress | None = None) -> SyncReport:
    """Push the replica's outbox, then pull the server's changes; makes the replica if there is none."""
    report = SyncReport()
    if not path.exists():
        report.pulled = create_replica(path, server, progress=progress)
        report.created = True
        return report
    engine = make_engine(path)
    try:
        if not replica.is_replica(engine):
            raise ReplicaError(_("{path} is not an offline copy of a server.").format(path=path))
        replica.check_matches(replica.get_state(engine), server_identity(server))
        pushed = push.push(engine, server, progress=(lambda d, t: progress("push", d, t)) if progress else None)
        report.pushed, report.skipped, report.conflicts = pushed.applied, pushed.skipped, pushed.conflicts
        report.pulled = pull.pull(engine, server.engine, progress=progress)
        with engine.begin() as conn:
            replica.set_state(conn, roles=replica.roles_text(server.roles))
    finally:
        engine.dispose()
    return report
