"""What watching every wait of a PostgreSQL connection costs (``app.db.watchdog``).

Round trips of ``SELECT 1`` (the shortest statement there is, so the watch's share is the largest it
can be) on one engine made by ``make_engine`` (watched), against the same engine with the watch
taken off its connections, in the same run.

    .venv/bin/python -m tests.bench.bench_watch [--statements 5000]
"""

from __future__ import annotations

import argparse

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db.engine import make_engine
from tests.bench.common import best_of
from tests.conftest import PG_SERVER_URL


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=5000)
    args = parser.parse_args()
    engine = make_engine(make_url(PG_SERVER_URL))
    try:
        with engine.connect() as conn:
            dbapi = conn.connection.dbapi_connection
            watch = dbapi.server_watch
            select = text("SELECT 1")

            def run() -> None:
                for _ in range(args.statements):
                    conn.execute(select).scalar()

            dbapi.server_watch = None
            bare = best_of(5, run)
            dbapi.server_watch = watch
            watched = best_of(5, run)
    finally:
        engine.dispose()
    n = args.statements
    print(f"{n} x SELECT 1 on one connection, best of 5")
    print(f"  unwatched (baseline): {bare:8.1f} ms  ({bare * 1000 / n:6.1f} µs a statement)")
    print(f"  watched:              {watched:8.1f} ms  ({watched * 1000 / n:6.1f} µs a statement)  "
          f"ratio {watched / bare:.2f}x")


if __name__ == "__main__":
    main()
