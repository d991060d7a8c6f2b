"""Benchmark of the demo generator against a plain executemany baseline in the same run.

    .venv/bin/python -m tests.bench.bench_demo --invoices 1000000 --db /tmp/bench_demo.sqlite3
    .venv/bin/python -m tests.bench.bench_demo --invoices 1000000 \
        --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench

The database is created fresh (an existing file or PostgreSQL database of that
name is deleted first), migrated and seeded, filled, measured, and deleted
again unless --keep. The baseline is the cheapest bulk insert there is: one
executemany of as many (id, int) rows as invoices into a temporary table, on
the same connection type, so the ratio says how far the demo is from it on
this machine whatever else runs on it.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from app.db import migrate
from app.db.engine import make_engine, resolve_url
from app.db.open import open_database
from app.demo import generate_demo
from app.demo.bulk import database_size


def _remove_sqlite(path: Path) -> None:
    for p in [path, Path(f"{path}-wal"), Path(f"{path}-shm"), *path.parent.glob(f"{path.name}.*.bak")]:
        if p.exists():
            p.unlink()


def _drop_pg(url) -> None:
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def fresh_database(target: str):
    url = resolve_url(target)
    if url.get_backend_name() == "sqlite":
        _remove_sqlite(Path(url.database))
    else:
        _drop_pg(url)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url, open_database(url)


def baseline(db, rows: int) -> float:
    """Seconds for one executemany of ``rows`` minimal rows (uuid hex, int) in one transaction."""
    data = [(uuid.UUID(int=n, version=4).hex, n) for n in range(rows)]
    pool_conn = db.engine.raw_connection()
    try:
        cur = pool_conn.cursor()
        cur.execute("CREATE TEMP TABLE bench_baseline (id CHAR(32) PRIMARY KEY, n BIGINT NOT NULL)")
        pool_conn.commit()
        started = time.perf_counter()
        cur.executemany("INSERT INTO bench_baseline (id, n) VALUES (%s, %s)" if db.dialect != "sqlite"
                        else "INSERT INTO bench_baseline (id, n) VALUES (?, ?)", data)
        pool_conn.commit()
        return time.perf_counter() - started
    finally:
        pool_conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--products", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default="/tmp/bench_demo.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)

    url, db = fresh_database(args.db)
    print(f"database: {url.render_as_string(hide_password=True)}  cores: {os.cpu_count()}")
    base_seconds = baseline(db, args.invoices)
    base_rate = args.invoices / base_seconds
    print(f"baseline: executemany of {args.invoices:,} (id, int) rows: {base_seconds:.1f} s, {base_rate:,.0f} rows/s")

    last = [time.perf_counter()]

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "invoices" and (done % 200_000 == 0 or done == total):
            now = time.perf_counter()
            print(f"  invoices {done:>9,}/{total:,}  (+{now - last[0]:.1f} s)", flush=True)
            last[0] = now

    stats = generate_demo(db, seed=args.seed, invoices=args.invoices, customers=args.customers,
                          products=args.products, progress=progress)
    size = database_size(db) or 0
    for table, n in sorted(stats.counts.items(), key=lambda kv: -kv[1]):
        print(f"  {table:<20} {n:>10,}")
    print(f"generate_demo: {stats.elapsed:.1f} s for {stats.rows:,} rows = {stats.rows_per_second:,.0f} rows/s")
    print(f"ratio to baseline: {stats.rows_per_second / base_rate:.2f}x its rows/s; "
          f"{stats.elapsed / base_seconds:.1f}x its time for {stats.rows / args.invoices:.1f}x its rows")
    print(f"database size: {size / 2**20:,.0f} MiB")
    db.dispose()
    if not args.keep:
        if url.get_backend_name() == "sqlite":
            _remove_sqlite(Path(url.database))
        else:
            _drop_pg(url)


if __name__ == "__main__":
    main()
