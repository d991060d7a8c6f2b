"""What the benchmarks share: best-of timing and the databases they run on (a temporary SQLite file, a scratch
PostgreSQL database created and dropped)."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import migrate
from app.db.engine import make_engine
from app.db.session import Database
from app.services.setup import ensure_reference_data
from tests.conftest import PG_SERVER_URL


def best_of(rounds: int, fn) -> float:
    """The fastest of ``rounds`` calls, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _ready(engine) -> Database:
    migrate.upgrade(engine)
    db = Database(engine, user="bench")
    ensure_reference_data(db)
    return db


@contextmanager
def scratch_databases(pg: bool) -> Iterator[Iterator[tuple[str, Database]]]:
    """Yields an iterator of (backend label, fresh migrated Database): SQLite, then PostgreSQL if ``pg``.

    Each database is disposed (and the PostgreSQL one dropped) before the next is made.
    """
    def each() -> Iterator[tuple[str, Database]]:
        with tempfile.TemporaryDirectory() as tmp:
            db = _ready(make_engine(os.path.join(tmp, "bench.sqlite3")))
            try:
                yield "SQLite", db
            finally:
                db.dispose()
        if not pg:
            return
        name = f"trastienda_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(make_url(PG_SERVER_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            db = _ready(make_engine(make_url(PG_SERVER_URL).set(database=name)))
            try:
                yield "PostgreSQL", db
            finally:
                db.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    yield each()
