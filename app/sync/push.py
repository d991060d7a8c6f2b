"""Pushing a replica's outbox to the shared server: each change applied once, merged field by field.

The outbox is sent in order, a batch per server transaction. Each change first records its id in
``sync_applied``: a change already there (a push cut after the server committed, before this
computer heard of it) is skipped, so a change sent twice is applied once. Then, on the server,
under a row lock:

- insert: the row as typed offline (a stock move goes through the stock rules, so the server's
  levels move by its quantity and it is valued at the server's average cost: stock travels as
  moves, never as totals);
- update: for each field the clerk changed, if the server still has the value the clerk started
  from, the new value is set (an invoice posted offline is the exception: it is applied whole or
  refused whole, see ``_posts``); if the server already has the new value, nothing; if the server's
  value moved on, the server's value stays and the clerk's goes to the conflicts inbox. Edits
  to different fields therefore merge. Archiving is a field like any other (``archived_at``):
  an edit made on one side to a record archived on the other is applied and the record stays
  archived; restoring it is a separate, explicit decision;
- delete: the row goes, if it is still there.

What one local transaction did is applied together, in one savepoint: a change the server refuses
(its rules, a constraint) rolls back the whole of its transaction, and every part goes to the inbox,
the refused one with the server's words. So an invoice posted offline arrives with its number, lines,
VERI*FACTU record and stock moves, or not at all. A connection lost meanwhile (cut, backend ended, statement
cancelled by the server's timeout) is no refusal: the push fails with the app's
DatabaseUnavailableError, the server undoes the batch, and the outbox keeps it for the next sync.
Only once the server has committed the batch does the replica drop those entries and record the
conflicts, in one local transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, Table, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.base import Base
from app.domain.sync import SyncApplied
from app.domain.types import utcnow
from app.errors import DatabaseUnavailableError, TrastiendaError
from app.sync import replica
from app.sync.values import from_storage, to_json

BATCH = 500


@dataclass
class PushReport:
    applied: int = 0
    skipped: int = 0  # sent before: applied once already
    conflicts: list[dict] = field(default_factory=list)


def push(local_engine: Engine, server: Database, *, batch: int = BATCH,
         progress: Callable[[int, int], None] | None = None) -> PushReport:
    report = PushReport()
    total = replica.pending(local_engine)
    done = 0
    while True:
        entries = _next_batch(local_engine, batch)
        if not entries:
            return report
        conflicts: list[dict] = []
        with server.session() as s:
            first_time = _first_time(s, entries, server.user)
            for group in _by_transaction(entries):
                fresh = [e for e in group if uuid.UUID(e.change_id) in first_time]
                report.skipped += len(group) - len(fresh)
                if fresh:
                    conflicts.extend(_apply_together(s, fresh, server.user))
                    report.applied += len(fresh)
        with local_engine.begin() as local:
            local.execute(delete(replica.sync_outbox).where(replica.sync_outbox.c.seq <= entries[-1].seq))
            replica.record_conflicts(local, conflicts)
        report.conflicts.extend(conflicts)
        done += len(entries)
        if progress:
            progress(done, max(total, done))


def _next_batch(local_engine: Engine, batch: int) -> list:
    """The next ``batch`` entries, and the rest of the last one's local transaction: never split."""
    outbox = replica.sync_outbox
    with local_engine.connect() as local:
        entries = local.execute(select(outbox).order_by(outbox.c.seq).limit(batch)).all()
        if entries and entries[-1].tx is not None:
            # One writer at a time: a transaction's entries are consecutive.
            entries += local.execute(select(outbox).where(outbox.c.seq > entries[-1].seq, outbox.c.tx == entries[-1].tx)
                                     .order_by(outbox.c.seq)).all()
    return entries


def _by_transaction(entries: list) -> list[list]:
    groups: list[list] = []
    for entry in entries:
        if groups and entry.tx is not None and groups[-1][-1].tx == entry.tx:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def _first_time(s: Session, entries: list, user: str | None) -> set[uuid.UUID]:
    """Record the batch's changes as applied (in the batch's transaction), a statement per thousand rather
    than one each; returns the ids of those no earlier push applied."""
    ids = [uuid.UUID(e.change_id) for e in entries]
    fresh: set[uuid.UUID] = set()
    for at in range(0, len(ids), 1000):
        rows = [{"change_id": i, "login": user or ""} for i in ids[at:at + 1000]]
        fresh.update(s.execute(pg_insert(SyncApplied).values(rows).on_conflict_do_nothing()
                               .returning(SyncApplied.change_id)).scalars())
    return fresh


class _Refused(Exception):
    def __init__(self, entry, cause: Exception):
        super().__init__(str(cause))
        self.entry, self.cause = entry, cause


def _apply_together(s: Session, group: list, user: str | None) -> list[dict]:
    """Apply what one local transaction did, in one savepoint; a refusal of any part refuses it all (the
    inbox gets every part, with the server's words), so nothing reaches the server half done."""
    try:
        with s.begin_nested():
            found: list[dict] = []
            for entry in group:
                try:
                    found.extend(_apply(s, entry, user))
                except (DBAPIError, TrastiendaError) as exc:
                    if _lost(exc):  # not the server's answer to this change: the whole batch is undone
                        raise
                    raise _Refused(entry, exc) from exc
        return found
    except _Refused as refused:
        reason = _refusal(refused.cause)
        together = f"not applied: made together with a change the server refused ({reason})"
        # What was sent goes to the inbox whole (a new record's every value), never lost.
        return [_conflict(e, None, None, _sent(e), reason if e is refused.entry else together) for e in group]


def _lost(exc: Exception) -> bool:
    """The connection went (cut, server gone, backend terminated): no refusal to put in the inbox."""
    return isinstance(exc, DatabaseUnavailableError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


def _refusal(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _sent(entry) -> dict | None:
    """The values a refused change carried (a new record's every value, an edit's new values), as the
    column's values, like the inbox keeps a field's."""
    table: Table = Base.metadata.tables[entry.table_name]
    changes = json.loads(entry.changes)
    if entry.action == "update":
        changes = {k: pair[1] for k, pair in changes.items()}
    return {k: from_storage(table.c[k], v) if k in table.c else v for k, v in changes.items()} or None


def _conflict(entry, name, server_value, local_value, reason: str) -> dict:
    return {"change_id": entry.change_id, "table_name": entry.table_name, "row_id": entry.row_id, "field": name,
            "server_value": None if server_value is None else to_json(server_value),
            "local_value": None if local_value is None else to_json(local_value), "reason": reason}


def _apply(s: Session, entry, user: str | None) -> list[dict]:
    table: Table = Base.metadata.tables[entry.table_name]
    row_id = uuid.UUID(entry.row_id)
    changes = json.loads(entry.changes)
    now = utcnow()
    if entry.action == "insert":
        values = {k: from_storage(table.c[k], v) for k, v in changes.items() if k in table.c}
        if table.name == "stock_move":
            _insert_move(s, row_id, values)
        else:
            stamps = {k: v for k, v in (("version", 1), ("created_at", now), ("updated_at", now),
                                        ("updated_by", user)) if k in table.c}
            s.execute(insert(table).values(id=row_id, **stamps, **values))
        return []
    if entry.action == "delete":
        s.execute(delete(table).where(table.c.id == row_id))
        return []
    pairs = {k: (from_storage(table.c[k], old), from_storage(table.c[k], new))
             for k, (old, new) in changes.items() if k in table.c}
    current = s.execute(select(*[table.c[k] for k in pairs]).where(table.c.id == row_id).with_for_update()).first()
    if current is None:
        return [_conflict(entry, None, None, {k: n for k, (_o, n) in pairs.items()},
                          "gone: the record was deleted on the server, or you may no longer see it")]
    conflicts, merged = [], {}
    posting = _posts(table, pairs)
    for name, (old, new) in pairs.items():
        theirs = current._mapping[name]
        if theirs == new:
            continue
        if theirs == old or posting:
            merged[name] = new
        else:
            conflicts.append(_conflict(entry, name, theirs, new, "changed on both sides"))
    if merged:
        stamps = {k: v for k, v in (("updated_at", now), ("updated_by", user)) if k in table.c}
        if "version" in table.c:
            stamps["version"] = table.c.version + 1
        s.execute(update(table).where(table.c.id == row_id).values(**merged, **stamps))
    return conflicts


def _posts(table: Table, pairs: dict) -> bool:
    """An invoice posted offline (in the series kept for that computer): it is applied whole, as it was
    numbered and printed there, or refused whole (the server's rules: it must still be a draft there).
    A field merge could leave a posted invoice that differs from the one the customer holds."""
    if table.name != "invoice" or "status" not in pairs:
        return False
    from app.domain.enums import InvoiceStatus

    return pairs["status"][1] == InvoiceStatus.POSTED


def _insert_move(s: Session, row_id: uuid.UUID, values: dict) -> None:
    """A stock move typed offline: written through the stock rules, which move the server's levels."""
    from app.services.stock import PlannedMove, write_moves

    kept = values.pop("value", None)  # a reversal takes back exactly what the original moved
    planned = PlannedMove(values={**values, "id": row_id}, value=kept if values.get("reverses_id") else None)
    write_moves(s, [planned], allow_negative=True)
