"""Posting throughput with concurrent posters, against one poster in the same run.

    .venv/bin/python -m tests.bench.bench_posting [--posters 8] [--invoices 1600] \
        [--db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_posting]

The database is created fresh (dropped first), filled with drafts, and each
phase posts its share of them into the one series: first a single process
(the baseline), then --posters processes at once. Every posting numbers the
invoice under the series lock and appends its VERI*FACTU record, so this is
the rate a busy office can post at; the ratio says what concurrency adds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.open import open_database
from app.services.chain_verify import verify_chain
from tests.server.posting_worker import post_all
from tests.server.test_concurrent_posting import _drafts


def fresh(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_posting")
    parser.add_argument("--posters", type=int, default=8)
    parser.add_argument("--invoices", type=int, default=1600, help="posted by the concurrent phase")
    args = parser.parse_args()
    fresh(args.db)
    db = open_database(args.db, upgrade=True)
    single = max(100, args.invoices // args.posters)
    ids = _drafts(db, single + args.invoices)
    db.dispose()
    t0 = time.perf_counter()
    post_all(args.db, ids[:single], 0, 0.0)
    one = time.perf_counter() - t0
    rest = ids[single:]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(args.posters) as pool:
        t0 = time.perf_counter()
        pool.starmap(post_all, [(args.db, rest[k::args.posters], k + 1, 0.0) for k in range(args.posters)])
        many = time.perf_counter() - t0
    db = open_database(args.db)
    report = verify_chain(db)
    db.dispose()
    print(f"one poster:   {single} invoices in {one:.2f} s = {single / one:.0f} invoices/s (baseline)")
    print(f"{args.posters} posters:    {len(rest)} invoices in {many:.2f} s = {len(rest) / many:.0f} invoices/s "
          f"({(len(rest) / many) / (single / one):.2f}x the baseline)")
    print(f"chain: {'OK' if report.ok else 'BROKEN'}, {report.records} records")
    fresh(args.db)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
