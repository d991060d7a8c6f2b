"""Offline work with a shared profile: make the replica, open it, and sync it (push, then pull)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db import audit_triggers, migrate
from app.db.engine import explain_connect_error, make_engine
from app.db.session import Database
from app.errors import DatabaseUnavailableError, TrastiendaError
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
    posted: list[str] = field(default_factory=list)  # numbers given at sync to drafts posted offline


def server_identity(server: Database) -> ServerIdentity:
    with server.engine.connect() as conn:
        company = conn.execute(text("SELECT id FROM company ORDER BY created_at, id LIMIT 1")).scalar()
        database = conn.execute(text("SELECT current_database()")).scalar_one()
    if company is None:
        raise DatabaseUnavailableError(_("The server has no company set up yet: there is nothing to work on offline."))
    return ServerIdentity(company_id=str(company), database=database, user=server.user or "",
                          revision=migrate.current_revision(server.engine) or "")


def register_workstation(server: Database, keep: str | None = None) -> tuple[str, int]:
    """This computer's workstation on the server: the one ``keep`` names, if it is still this login's (a
    fresh copy replacing an old one keeps its number, so the series kept for it stay kept), else a new one
    with the number the server gives. Returns its id and number."""
    import socket
    import uuid

    if keep is not None:
        with server.engine.connect() as conn:
            number = conn.execute(text("SELECT number FROM workstation WHERE id = :id AND login = :login"),
                                  {"id": uuid.UUID(keep), "login": server.user or ""}).scalar()
        if number is not None:
            return keep, int(number)
    label = (socket.gethostname() or "?")[:80]
    with server.engine.begin() as conn:
        number = conn.execute(
            text("INSERT INTO workstation (id, login, label) VALUES (:id, :login, :label) RETURNING number"),
            {"id": uuid.uuid4(), "login": server.user or "", "label": label}).scalar_one()
        ws_id = conn.execute(text("SELECT id FROM workstation WHERE number = :n"), {"n": number}).scalar_one()
    return str(ws_id), int(number)


def post_queued(engine, server: Database) -> tuple[list[str], list[dict]]:
    """Post on the server the drafts a clerk posted offline in a series the server numbers, in the order
    asked; returns the numbers given and the refusals (kept in the inbox with the server's words)."""
    import uuid

    from sqlalchemy import delete, select

    from app.domain.enums import InvoiceStatus
    from app.domain.invoices import Invoice
    from app.services.posting import post_invoice
    from app.sync.values import to_json

    with engine.connect() as conn:
        queued = conn.execute(select(replica.sync_posting.c.invoice_id)
                              .order_by(replica.sync_posting.c.requested_at)).scalars().all()
    numbers, refused = [], []
    for invoice_id in queued:
        try:
            with server.session() as s:  # a sync cut after posting, before forgetting the request
                status, number = s.execute(select(Invoice.status, Invoice.full_number)
                                           .where(Invoice.id == uuid.UUID(invoice_id))).first() or (None, None)
            if status is None or status == InvoiceStatus.DRAFT:
                number = post_invoice(server, uuid.UUID(invoice_id)).full_number
            numbers.append(number)
            conflict = None
        except DatabaseUnavailableError:
            raise  # the link went: the request stays queued for the next sync
        except TrastiendaError as exc:
            conflict = {"change_id": uuid.uuid4().hex, "table_name": "invoice", "row_id": invoice_id,
                        "field": None, "server_value": None, "local_value": to_json({"status": "posted"}),
                        "reason": _("Not posted at sync: {reason}").format(reason=str(exc))}
            refused.append(conflict)
        with engine.begin() as conn:
            conn.execute(delete(replica.sync_posting).where(replica.sync_posting.c.invoice_id == invoice_id))
            if conflict is not None:
                replica.record_conflicts(conn, [conflict])
    return numbers, refused


def open_replica(path: Path, *, user: str | None = None) -> Database:
    """The replica at ``path`` as a Database marked offline; ReplicaError if it is not one."""
    if not path.exists():
        raise ReplicaError(_("There is no offline copy on this computer yet ({path}): connect to the server once "
                             "to make it.").format(path=path))
    engine = make_engine(path)
    try:
        if not replica.is_replica(engine):
            raise ReplicaError(_("{path} is not an offline copy of a server.").format(path=path)
                               + " " + replica.way_out(damaged=True))
        state = replica.get_state(engine)
    except ReplicaError:
        engine.dispose()
        raise
    except Exception as exc:  # not a SQLite file at all, or a broken one
        engine.dispose()
        raise ReplicaError(_("The offline copy {path} cannot be read ({reason}).").format(
            path=path, reason=str(exc).splitlines()[0]) + " " + replica.way_out(damaged=True)) from None
    if state.get("revision") != migrate.head_revision():
        engine.dispose()
        raise ReplicaError(_("The offline copy {path} was made by another version of Trastienda ({rev}).").format(
            path=path, rev=state.get("revision")) + " " + replica.way_out())
    db = Database(engine, user=user or state.get("user"), roles=replica.state_roles(state))
    db.offline = True
    db.workstation = int(state["workstation"]) if state.get("workstation") else None
    return db


def create_replica(path: Path, server: Database, *, progress: Progress | None = None,
                   workstation: str | None = None) -> int:
    """Download what ``server``'s login may see into a new replica at ``path``; returns the rows."""
    identity = server_identity(server)
    if identity.revision != migrate.head_revision():
        raise migrate.schema_mismatch(identity.revision, shared=True) or ReplicaError("schema")
    part = path.with_name(path.name + ".part")
    for leftover in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
        leftover.unlink(missing_ok=True)
    ws_id, number = register_workstation(server, keep=workstation)
    engine = make_engine(part)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            audit_triggers.uninstall(conn)  # the server keeps the trail, when the changes arrive
            replica.make_bookkeeping(conn)
            capture.install(conn)
            replica.set_state(conn, company_id=identity.company_id, database=identity.database,
                              user=identity.user, revision=identity.revision,
                              roles=replica.roles_text(server.roles), workstation_id=ws_id,
                              workstation=str(number))
        rows = pull.pull(engine, server.engine, progress=progress)
    finally:
        engine.dispose()
    part.replace(path)  # only a complete download becomes the replica
    return rows


def _reconnect_explained(fn):
    """Connecting again in the middle of a sync (the server restarting, gone) fails with the app's sentence, as a
    session's reconnect does (``Database._unreachable``), not the driver's: the pull connects outside a session."""

    @functools.wraps(fn)
    def wrapper(path: Path, server: Database, *args, **kwargs):
        try:
            return fn(path, server, *args, **kwargs)
        except OperationalError as exc:
            if server.dialect != "postgresql" or getattr(exc.orig, "sqlstate", None):
                raise
            raise explain_connect_error(server.engine.url, exc, mid_session=True) from None
    return wrapper


@_reconnect_explained
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
            raise ReplicaError(_("{path} is not an offline copy of a server.").format(path=path)
                               + " " + replica.way_out(damaged=True))
        replica.check_matches(replica.get_state(engine), server_identity(server))
        pushed = push.push(engine, server, progress=(lambda d, t: progress("push", d, t)) if progress else None)
        report.pushed, report.skipped, report.conflicts = pushed.applied, pushed.skipped, pushed.conflicts
        report.posted, refused = post_queued(engine, server)
        report.conflicts.extend(refused)
        report.pulled = pull.pull(engine, server.engine, progress=progress)
        with engine.begin() as conn:
            replica.set_state(conn, roles=replica.roles_text(server.roles))
    finally:
        engine.dispose()
    return report
