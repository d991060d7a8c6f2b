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
_GONE = "gone: the record was deleted on the server, or you may no longer see it"


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
            groups = [[e for e in group if uuid.UUID(e.change_id) in first_time]
                      for group in _by_transaction(entries)]
            groups = [g for g in groups if g]
            fresh = [e for g in groups for e in g]
            report.skipped += len(entries) - len(fresh)
            report.applied += len(fresh)
            try:
                with s.begin_nested():
                    conflicts = _apply_runs(s, fresh, server.user)
            except (DBAPIError, TrastiendaError) as exc:
                if _lost(exc):
                    raise
                conflicts = [c for g in groups for c in _apply_together(s, g, server.user)]
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
                    found.extend(_apply_runs(s, [entry], user))
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


def _pairs(table: Table, entry) -> dict:
    return {k: (from_storage(table.c[k], old), from_storage(table.c[k], new))
            for k, (old, new) in json.loads(entry.changes).items() if k in table.c}


def _merge(table: Table, entry, pairs: dict, theirs_now) -> tuple[dict, list[dict]]:
    """Field by field against the server's row as it is now: what to set, and what goes to the inbox."""
    conflicts, merged = [], {}
    posting = _posts(table, pairs)
    for name, (old, new) in pairs.items():
        theirs = theirs_now[name]
        if theirs == new:
            continue
        if theirs == old or posting:
            merged[name] = new
        else:
            conflicts.append(_conflict(entry, name, theirs, new, "changed on both sides"))
    return merged, conflicts


def _posts(table: Table, pairs: dict) -> bool:
    """An invoice posted offline (in the series kept for that computer): it is applied whole, as it was
    numbered and printed there, or refused whole (the server's rules: it must still be a draft there).
    A field merge could leave a posted invoice that differs from the one the customer holds."""
    if table.name != "invoice" or "status" not in pairs:
        return False
    from app.domain.enums import InvoiceStatus

    return pairs["status"][1] == InvoiceStatus.POSTED


def _planned_move(row_id: uuid.UUID, values: dict):
    from app.services.stock import PlannedMove

    kept = values.pop("value", None)  # a reversal takes back exactly what the original moved
    return PlannedMove(values={**values, "id": row_id}, value=kept if values.get("reverses_id") else None)


# -- the quick way: runs of like changes ---------------------------------------------------------------
#
# A batch is first applied as runs of consecutive changes of one table and action, a statement or two per
# run, in one savepoint. Each run sees what the runs before it wrote, and an update run merges each change
# against the row as the changes before it left it, so the result is the one of applying the changes one
# by one. If the server refuses anything, ``push`` rolls the savepoint back and applies the batch a local
# transaction at a time (``_apply_together``) to find what it refuses and keep the rest.

def _apply_runs(s: Session, entries: list, user: str | None) -> list[dict]:
    from itertools import groupby

    conflicts: list[dict] = []
    now = utcnow()
    for (name, action), run in groupby(entries, key=lambda e: (e.table_name, e.action)):
        table, run = Base.metadata.tables[name], list(run)
        if action == "insert":
            _insert_run(s, table, run, user, now)
        elif action == "delete":
            s.execute(delete(table).where(table.c.id.in_([uuid.UUID(e.row_id) for e in run])))
        else:
            conflicts.extend(_update_run(s, table, run, user, now))
    return conflicts


def _insert_run(s: Session, table: Table, run: list, user: str | None, now) -> None:
    rows = [(uuid.UUID(e.row_id), {k: from_storage(table.c[k], v) for k, v in json.loads(e.changes).items()
                                   if k in table.c}) for e in run]
    if table.name == "stock_move":
        from app.services.stock import write_moves

        write_moves(s, [_planned_move(row_id, values) for row_id, values in rows], allow_negative=True)
        return
    stamps = {k: v for k, v in (("version", 1), ("created_at", now), ("updated_at", now), ("updated_by", user))
              if k in table.c}
    s.execute(insert(table), [{"id": row_id, **stamps, **values} for row_id, values in rows])


def _update_run(s: Session, table: Table, run: list, user: str | None, now) -> list[dict]:
    from sqlalchemy import bindparam

    parsed = [(e, uuid.UUID(e.row_id), _pairs(table, e)) for e in run]
    names = sorted({k for _e, _r, pairs in parsed for k in pairs})
    ids = sorted({row_id for _e, row_id, _p in parsed})
    current = {r.id: dict(r._mapping) for r in s.execute(
        select(table.c.id, *[table.c[n] for n in names]).where(table.c.id.in_(ids)).order_by(table.c.id)
        .with_for_update())}
    conflicts: list[dict] = []
    merged: dict[uuid.UUID, dict] = {}
    for entry, row_id, pairs in parsed:
        row = current.get(row_id)
        if row is None:
            conflicts.append(_conflict(entry, None, None, {k: n for k, (_o, n) in pairs.items()}, _GONE))
            continue
        changed, found = _merge(table, entry, pairs, row)
        conflicts.extend(found)
        row.update(changed)  # the next change to this row merges against it
        merged.setdefault(row_id, {}).update(changed)
    stamps = {k: v for k, v in (("updated_at", now), ("updated_by", user)) if k in table.c}
    by_columns: dict[tuple, list[dict]] = {}
    for row_id, values in merged.items():
        if values:
            by_columns.setdefault(tuple(sorted(values)), []).append(
                {"_id": row_id, **{f"_{k}": v for k, v in values.items()}})
    for columns, params in by_columns.items():
        sets = {c: bindparam(f"_{c}") for c in columns}
        if "version" in table.c:
            sets["version"] = table.c.version + 1
        s.execute(update(table).where(table.c.id == bindparam("_id")).values(**sets, **stamps)
                  .execution_options(synchronize_session=False), params)
    return conflicts
