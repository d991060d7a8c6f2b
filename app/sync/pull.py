"""Pulling from the shared server into a replica: the first download, then what changed since the cursor.

The cursor is a transaction id, not a position in the feed. A pull reads, in one REPEATABLE READ
snapshot of the server, the snapshot's ``xmin`` (every transaction below it has ended) and the
rows fed by transactions at or above the previous pull's ``xmin``. A transaction that was still
running at the previous pull (a long one, committing late, whatever its place in the feed) is at
or above that ``xmin``, so it is read now: nothing is skipped. Some rows are read twice; applying
a row twice changes nothing.

The rows are read as the login reads them (its grants, row-level policies and column privileges):
a row the feed names but the login cannot read (deleted, or hidden since) leaves the replica.
The whole pull is applied in one local transaction, and the new cursor is written in it.
Local changes still waiting in the outbox are laid again over the pulled rows, so what the clerk
typed stays on screen until the server has it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable

from sqlalchemy import Column, Connection, Engine, Table, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from app.db.change_feed import NOT_FED
from app.domain.base import Base
from app.errors import DatabaseUnavailableError
from app.sync import capture, replica
from app.sync.values import from_storage

Progress = Callable[[str, int, int], None]  # (what, done, total)
CHUNK = 2000


def replicated_tables() -> list[Table]:
    """The tables a replica holds, parents before children."""
    from app.domain.search import is_search_object

    return [t for t in Base.metadata.sorted_tables
            if t.name not in NOT_FED and not is_search_object(t.name) and "id" in t.c]


def readable_columns(server: Connection, table: Table) -> list[Column] | None:
    """The columns of ``table`` the login may read (None: not the table at all)."""
    rows = server.execute(text(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0 AND NOT attisdropped "
        "AND has_column_privilege(attrelid, attnum, 'SELECT')"), {"t": table.name}).scalars().all()
    names = set(rows)
    cols = [c for c in table.c if c.name in names]
    return cols if any(c.name == "id" for c in cols) else None


def _filler(col: Column):
    """A value for a column the login may not read, where the replica needs one (NOT NULL)."""
    default = col.default.arg if col.default is not None and not callable(col.default.arg) else None
    if default is not None or col.nullable:
        return default
    python = getattr(col.type, "python_type", str)
    return {str: "", int: 0, bool: False}.get(python, None)


def _upsert(local: Connection, table: Table, cols: list[Column], rows: list[dict]) -> None:
    if not rows:
        return
    hidden = {c.name: _filler(c) for c in table.c if c not in cols}
    values = [{**hidden, **r} for r in rows]
    stmt = sqlite_insert(table)
    local.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                             set_={c.name: stmt.excluded[c.name] for c in cols if c.name != "id"}),
                  values)


def _server_snapshot(server_engine: Engine):
    conn = server_engine.connect().execution_options(isolation_level="REPEATABLE READ")
    conn.begin()
    horizon = conn.execute(text("SELECT txid_snapshot_xmin(txid_current_snapshot())")).scalar_one()
    return conn, int(horizon)


def pull(local_engine: Engine, server_engine: Engine, *, progress: Progress | None = None) -> int:
    """Bring the replica up to the server; returns how many rows were written or removed locally."""
    state = replica.get_state(local_engine)
    cursor = state.get("cursor")
    server, horizon = _server_snapshot(server_engine)
    try:
        with local_engine.connect() as local:
            local.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a subset of the server: parents may be hidden
            local.commit()
            capture.set_applying(local, True)
            try:
                with local.begin():
                    if cursor is None:
                        done = _download(server, local, progress)
                        stock_products = None  # every level
                    else:
                        done, stock_products = _changes(server, local, int(cursor), progress)
                    _lay_pending_over(local)
                    _rebuild_levels(local, stock_products)
                    replica.set_state(local, cursor=str(horizon))
            finally:
                capture.set_applying(local, False)
                local.exec_driver_sql("PRAGMA foreign_keys=ON")
                local.commit()
    finally:
        _end_snapshot(server)
    return done


def _end_snapshot(server: Connection) -> None:
    """End the read-only snapshot. Nothing was written there, so a link lost by now loses nothing: a pull
    already applied is not reported as failed (the error that stopped one midway is already on its way)."""
    try:
        server.rollback()
    except (DBAPIError, DatabaseUnavailableError):
        pass
    server.close()


def _download(server: Connection, local: Connection, progress: Progress | None) -> int:
    tables = [(t, readable_columns(server, t)) for t in replicated_tables()]
    tables = [(t, cols) for t, cols in tables if cols is not None]
    total = sum(server.execute(text(f'SELECT count(*) FROM "{t.name}"')).scalar_one() for t, _c in tables)
    done = 0
    for table, cols in tables:
        local.execute(delete(table))
        result = server.execution_options(yield_per=CHUNK).execute(select(*cols))
        for part in result.partitions():
            _upsert(local, table, cols, [dict(r._mapping) for r in part])
            done += len(part)
            if progress:
                progress(table.name, done, total)
    return done


def _changes(server: Connection, local: Connection, cursor: int, progress: Progress | None) -> tuple[int, set]:
    """Applies what changed since ``cursor``; returns the rows and the products whose stock moved."""
    changed: dict[str, set[str]] = {}
    for name, row_id in server.execute(text(
            "SELECT DISTINCT table_name, row_id FROM sync_change WHERE txid >= :c"), {"c": cursor}):
        changed.setdefault(name, set()).add(row_id)
    # Records a push could not apply as sent: read again, so the copy shows what the server kept
    # (a record the server refused is not there, and leaves the copy; the inbox keeps its values).
    for name, row_id in local.execute(select(replica.sync_refetch.c.table_name, replica.sync_refetch.c.row_id)):
        changed.setdefault(name, set()).add(row_id)
    local.execute(delete(replica.sync_refetch))
    total = sum(len(ids) for ids in changed.values())
    done = 0
    stock_products: set = set()
    for table in replicated_tables():
        ids = changed.get(table.name)
        if not ids:
            continue
        cols = readable_columns(server, table)
        keys = sorted(ids)
        for start in range(0, len(keys), CHUNK):
            chunk = [uuid.UUID(k) for k in keys[start:start + CHUNK]]
            rows = [] if cols is None else [dict(r._mapping) for r in
                                             server.execute(select(*cols).where(table.c.id.in_(chunk)))]
            seen = {r["id"] for r in rows}
            gone = [k for k in chunk if k not in seen]
            if table.name in ("stock_move", "stock_rule"):
                stock_products.update(r["product_id"] for r in rows)
                if gone:
                    stock_products.update(local.execute(select(table.c.product_id).where(table.c.id.in_(gone)))
                                          .scalars())
            if gone:  # first: a row the server refused may hold a code the server gave to the row pulled now
                local.execute(delete(table).where(table.c.id.in_(gone)))
            _upsert(local, table, cols or [], rows)
            done += len(chunk)
            if progress:
                progress(table.name, done, total)
    return done, stock_products


def _rebuild_levels(local: Connection, products: set | None) -> None:
    """Stock levels are derived: the replica sums its moves (the server's, as pulled) again."""
    from sqlalchemy.orm import Session

    from app.services.stock_reports import rebuild_stock_levels

    if products is not None and not products:
        return
    with Session(bind=local) as s:
        rebuild_stock_levels(s, products)
        s.flush()


def _lay_pending_over(local: Connection) -> None:
    """Local edits not pushed yet win on screen over what was just pulled (the push merges them later)."""
    tables = {t.name: t for t in replicated_tables()}
    pending = local.execute(select(replica.sync_outbox).where(replica.sync_outbox.c.action == "update")
                            .order_by(replica.sync_outbox.c.seq)).all()
    for entry in pending:
        table = tables.get(entry.table_name)
        if table is None:
            continue
        values = {name: from_storage(table.c[name], pair[1]) for name, pair in json.loads(entry.changes).items()
                  if name in table.c}
        if values:
            local.execute(table.update().where(table.c.id == uuid.UUID(entry.row_id))
                          .values(**values))
    removed: Iterable = local.execute(select(replica.sync_outbox.c.table_name, replica.sync_outbox.c.row_id)
                                      .where(replica.sync_outbox.c.action == "delete")).all()
    for name, row_id in removed:
        table = tables.get(name)
        if table is not None:
            local.execute(delete(table).where(table.c.id == uuid.UUID(row_id)))
