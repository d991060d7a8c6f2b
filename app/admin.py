"""The admin commands behind main.py, headless (no Qt)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.db import migrate
from app.db.engine import describe, make_engine, resolve_url
from app.errors import TrastiendaError, ValidationError
from app.i18n import _


def print_error(exc: TrastiendaError) -> None:
    """One clear line per problem on stderr; never a traceback."""
    if isinstance(exc, ValidationError):
        for err in exc.errors:
            print(f"trastienda: error: {err.field}: {err.message}", file=sys.stderr)
    else:
        print(f"trastienda: error: {exc}", file=sys.stderr)


def db_command(action: str, db: str | None, *, verbose: bool = False) -> int:
    url = resolve_url(db)
    engine = make_engine(url, echo=verbose)
    try:
        if action == "upgrade":
            from app.db.open import open_database

            exists = engine.dialect.name == "sqlite" and Path(url.database).exists()
            before = migrate.current_revision(engine) if exists else None
            database = open_database(url)
            database.dispose()
            now = migrate.current_revision(engine)
            print(_("Database {where} is at revision {rev}{note}.").format(
                where=describe(url), rev=now,
                note=_(" (was {rev})").format(rev=before) if before and before != now else "",
            ))
            return 0
        if action == "current":
            if url.get_backend_name() == "sqlite" and not Path(url.database).exists():
                print(_("{where} does not exist; create it with `python main.py db upgrade --db {where}`").format(
                    where=describe(url)), file=sys.stderr)
                return 1
            rev = migrate.current_revision(engine)
            head = migrate.head_revision()
            if rev is None:
                print(_("{where}: empty (no schema); run `python main.py db upgrade`").format(where=describe(url)))
                return 1
            print(f"{rev}" + ("" if rev == head else _(" (this version needs {head}: run `db upgrade`)").format(head=head)))
            return 0
    finally:
        engine.dispose()
    raise ValueError(action)


def demo_command(db: str | None, *, seed: int, sizes: dict[str, int], verbose: bool = False) -> int:
    from app.db.open import open_database
    from app.demo import generate_demo

    url = resolve_url(db)
    database = open_database(url)
    started = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 1.0 or done == total:
            last[0] = now
            print(f"\r{stage}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)
            if done == total:
                print(file=sys.stderr)

    try:
        stats = generate_demo(database, seed=seed, progress=progress, **sizes)
    finally:
        database.dispose()
    elapsed = time.perf_counter() - started
    print(_("Demo data written to {where} in {s:.1f} s:").format(where=describe(url), s=elapsed))
    for table, count in stats.counts.items():
        print(f"  {table:<20} {count:>12,}")
    if stats.database_bytes:
        print(_("Database size: {mib:,.1f} MiB").format(mib=stats.database_bytes / 2**20))
    return 0
