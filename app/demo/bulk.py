"""Fast writers for the demo generator, bypassing the ORM where volume demands it.

Two paths:
- ``insert_objects``: SQLAlchemy Core executemany of Python values (Decimal,
  UUID, aware datetime, enum); the column types convert them, so small tables
  can never disagree with the ORM about storage.
- ``RawWriter``: rows already in storage form go straight to the driver:
  ``executemany`` on the sqlite3 connection, ``COPY ... FROM STDIN`` on psycopg.
  The storage forms match what SQLAlchemy writes (checked by the ORM-read tests):
  UUID as 32 hex digits, dates as ``YYYY-MM-DD``, UTC datetimes as
  ``YYYY-MM-DD HH:MM:SS.ffffff`` (the PostgreSQL session runs in UTC so the same
  text means the same instant), ScaledDecimal as scaled integers on SQLite and
  as decimal text on PostgreSQL (see ``StorageForm``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Table, text

from app.db import audit_triggers
from app.db.session import Database
from app.domain.base import Base

# Below this many invoices the index rebuild costs more than it saves.
REBUILD_INDEXES_FROM = 200_000
BULK_TABLES = ("invoice", "invoice_line", "payment")


def _pg_money(value: int) -> str:
    # Exact: |value| < 2**53 / 100, so the nearest double rounds back to these cents.
    return "%.2f" % (value / 100)


def _pg_scaled4(value: int) -> str:
    return "%.4f" % (value / 10_000)


@dataclass(frozen=True)
class StorageForm:
    """How scaled decimals are written raw: money in cents, scale-4 values in 1/10000."""

    money: Callable[[int], Any]
    scaled4: Callable[[int], Any]

    @classmethod
    def for_dialect(cls, dialect: str) -> StorageForm:
        if dialect == "sqlite":
            return cls(money=int, scaled4=int)
        return cls(money=_pg_money, scaled4=_pg_scaled4)


def insert_objects(db: Database, table: Table | str, rows: list[dict]) -> int:
    """Insert rows of Python values through SQLAlchemy Core, in one transaction."""
    if not rows:
        return 0
    table = Base.metadata.tables[table] if isinstance(table, str) else table
    with db.engine.begin() as conn:
        for start in range(0, len(rows), 5_000):
            conn.execute(table.insert(), rows[start:start + 5_000])
    return len(rows)


class RawWriter:
    """Writes storage-form tuples on one driver connection, one transaction per ``commit``."""

    def __init__(self, dbapi_conn, dialect: str):
        self._conn = dbapi_conn
        self.dialect = dialect
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    def write(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        key = (table, tuple(columns))
        if self.dialect == "sqlite":
            sql = self._sql.get(key)
            if sql is None:
                sql = self._sql[key] = (
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
                )
            self._conn.executemany(sql, rows)
            return
        with self._conn.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                write_row = copy.write_row
                for row in rows:
                    write_row(row)

    def commit(self) -> None:
        self._conn.commit()


def _bulk_indexes() -> list:
    return [ix for name in BULK_TABLES for ix in Base.metadata.tables[name].indexes]


@contextmanager
def raw_writer(db: Database, *, rebuild_indexes: bool = False) -> Iterator[RawWriter]:
    """A RawWriter tuned for a one-off load, restored to the app's settings afterwards.

    SQLite: synchronous=OFF, no foreign-key checks and a large cache for the
    load only (the rows are consistent by construction, and the tests run
    ``PRAGMA foreign_key_check``); WAL stays on so a reader never sees a broken file.
    PostgreSQL: the session time zone is UTC and commits do not wait for the disk.
    With ``rebuild_indexes``, the secondary indexes of the invoice tables are
    dropped first and built once at the end (sorting beats a million random
    B-tree inserts); they are rebuilt even when the load fails.
    The audit trail skips the generated rows (a million audit rows would double
    the load and say only "the demo wrote this"): on SQLite the invoice tables'
    audit triggers are dropped for the load and recreated after it, even when it
    fails; on PostgreSQL triggers are off for this session only
    (``session_replication_role = replica``) when the login may set it (a
    superuser), and otherwise the server audits every row as it does any client's.
    """
    engine = db.engine
    dialect = engine.dialect.name
    indexes = _bulk_indexes() if rebuild_indexes else []
    if dialect == "sqlite":
        with engine.begin() as sa_conn:
            audit_triggers.uninstall(sa_conn, BULK_TABLES)
    pool_conn = engine.raw_connection()
    conn = pool_conn.driver_connection
    replica = False
    try:
        if dialect == "sqlite":
            conn.commit()
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-524288")  # 512 MiB
            conn.execute("PRAGMA temp_store=MEMORY")
        else:
            replica = _pg_triggers_off(conn)
            conn.execute("SET TIME ZONE 'UTC'")
            conn.execute("SET synchronous_commit TO OFF")
            conn.execute("SET maintenance_work_mem TO '256MB'")
        for ix in indexes:
            conn.execute(f"DROP INDEX IF EXISTS {ix.name}")
        conn.commit()
        yield RawWriter(conn, dialect)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        try:
            if replica:  # never hand a connection without triggers back to the pool
                conn.execute("RESET session_replication_role")
                conn.commit()
            if indexes:
                with engine.begin() as sa_conn:
                    for ix in indexes:
                        ix.create(sa_conn, checkfirst=True)
            if dialect == "sqlite":
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            pool_conn.close()
            if dialect == "sqlite":
                with engine.begin() as sa_conn:
                    audit_triggers.install(sa_conn, BULK_TABLES)


def _pg_triggers_off(conn) -> bool:
    """Turn this session's triggers off if the login may (a superuser); True when done."""
    import psycopg

    try:
        conn.execute("SET session_replication_role = replica")
        return True
    except psycopg.errors.InsufficientPrivilege:
        conn.rollback()
        return False


def database_size(db: Database) -> int | None:
    """Bytes the database takes: the SQLite file plus its WAL, or pg_database_size."""
    url = db.engine.url
    if db.dialect == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        path = Path(url.database)
        return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists())
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
