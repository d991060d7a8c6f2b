"""Benchmark of stock counts: starting a count of a big warehouse, typing the counts, posting the adjustments.

    .venv/bin/python -m tests.bench.bench_counts --products 100000 --adjustments 10000 --db /tmp/bench_counts.sqlite3
    .venv/bin/python -m tests.bench.bench_counts --products 100000 --adjustments 10000 \
        --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_counts

Each figure is compared with a bare baseline measured in the same run, on the same database:

- start_count (one line per product, numbered in walking order) against a bare
  ``INSERT ... SELECT`` of the same rows into a copy of the line table with the
  same key and indexes (no numbering, no ordering, no count row);
- set_counted of every line (100,000 counted quantities in one call, as a CSV
  import does) against a bare executemany UPDATE of the same rows;
- post_count with ``--adjustments`` differences against a bare executemany
  INSERT of as many move-like rows plus an UPDATE of as many level rows, in one
  transaction (what any posting must at least write). ``--batched-locks`` runs
  the posting with the stock levels locked in batches instead of one query per
  level (a what-if for app.services.stock, which this benchmark does not change);
  ``--position-index`` adds an index on the lines' (count_id, position), the
  walking order every grid page and sheet export sorts by (a what-if for a
  migration).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select, text

from app.domain.inventory import Product, StockCountLine, StockLevel, StockMove, StockRule
from app.services import stock_counts
from app.services.listing import ListQuery
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock_reports import check_stock_levels
from tests.bench.bench_demo import _drop_pg, _remove_sqlite, fresh_database

MAIN = fixed_id("warehouse", "MAIN")
CHUNK = 5_000


def _catalogue(db, n: int, rng: random.Random) -> None:
    """``n`` stocked products, each received once into MAIN (moves and levels agree); a third on shelves."""
    now = dt.datetime.now(dt.timezone.utc)
    audit = dict(version=1, created_at=now, updated_at=now)
    products, moves, levels, rules = [], [], [], []
    for k in range(n):
        pid = uuid.uuid4()
        qty = Decimal(rng.randrange(1, 200))
        cost = Decimal(rng.randrange(10, 5000)) / 100
        products.append(dict(audit, id=pid, sku=f"B-{k:07d}", ean=None, name=f"Artículo de prueba {k}",
                             kind="product", unit="ud", category=f"Cat {k % 20}", sale_price=cost * 2,
                             cost=cost, tax_rate_id=tax_rate_id("IVA21"), archived_at=None))
        moves.append(dict(audit, id=uuid.uuid4(), kind="receipt", product_id=pid, to_warehouse_id=MAIN,
                          quantity=qty, unit_cost=cost, value=qty * cost, date=dt.date(2026, 1, 2)))
        levels.append(dict(product_id=pid, warehouse_id=MAIN, quantity=qty, value=qty * cost, avg_cost=cost))
        if k % 3 == 0:
            rules.append(dict(audit, id=uuid.uuid4(), product_id=pid, warehouse_id=MAIN,
                              location=f"{'ABCDEFGH'[k % 8]}-{k % 40:02d}"))
    with db.session() as s:
        for table, rows in ((Product, products), (StockMove, moves), (StockLevel, levels), (StockRule, rules)):
            for i in range(0, len(rows), CHUNK):
                s.execute(table.__table__.insert(), rows[i:i + CHUNK])


def baseline_lines(db) -> float:
    """A bare INSERT ... SELECT of the same rows into a copy of the line table (same key and indexes),
    without numbering them in walking order: the floor of writing 100,000 lines."""
    uuid_type = "UUID" if db.dialect == "postgresql" else "CHAR(32)"
    uuid_sql = "gen_random_uuid()" if db.dialect == "postgresql" else "lower(hex(randomblob(16)))"
    count_sql = "gen_random_uuid()" if db.dialect == "postgresql" else "'c'"
    with db.engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE bench_line (id {uuid_type} PRIMARY KEY, count_id {uuid_type} NOT NULL, "
                          f"position INTEGER, product_id {uuid_type} NOT NULL, expected NUMERIC(18, 4), "
                          f"counted NUMERIC(18, 4), UNIQUE (count_id, product_id))"))
        conn.execute(text("CREATE INDEX ix_bench_line_product ON bench_line (product_id)"))
    started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(text(f"WITH c AS (SELECT {count_sql} AS id) "
                          f"INSERT INTO bench_line (id, count_id, position, product_id, expected) "
                          f"SELECT {uuid_sql}, c.id, 0, p.id, l.quantity FROM c, product p "
                          f"JOIN stock_level l ON l.product_id = p.id"
                          if db.dialect == "postgresql" else
                          f"INSERT INTO bench_line (id, count_id, position, product_id, expected) "
                          f"SELECT {uuid_sql}, {count_sql}, 0, p.id, l.quantity FROM product p "
                          f"JOIN stock_level l ON l.product_id = p.id"))
    elapsed = time.perf_counter() - started
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_line"))
    return elapsed


def _lock_levels_batched(s, keys):
    """What-if for app.services.stock._lock_levels: the same rows created and locked by one ordered query
    per warehouse and 5,000 products instead of one query per row (same lock order: product, then
    warehouse). Used with --batched-locks only."""
    from sqlalchemy.dialects import postgresql, sqlite

    keys = sorted(set(keys), key=lambda k: (k[0].hex, k[1].hex))
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    levels = {}
    for i in range(0, len(keys), CHUNK):
        part = keys[i:i + CHUNK]
        s.execute(insert(StockLevel).values([{"product_id": p, "warehouse_id": w, "quantity": Decimal(0),
                                              "value": Decimal(0)} for p, w in part]).on_conflict_do_nothing())
        for warehouse in sorted({w for _p, w in part}, key=lambda w: w.hex):
            stmt = (select(StockLevel).where(StockLevel.warehouse_id == warehouse,
                                             StockLevel.product_id.in_([p for p, w in part if w == warehouse]))
                    .order_by(StockLevel.product_id).with_for_update()
                    .execution_options(populate_existing=True))
            for level in s.scalars(stmt):
                levels[(level.product_id, level.warehouse_id)] = level
    return levels


def baseline_updates(db, n: int) -> float:
    """A bare executemany UPDATE of ``n`` rows by primary key, one transaction."""
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_upd (id INTEGER PRIMARY KEY, v NUMERIC(18, 4))"))
        conn.execute(text("INSERT INTO bench_upd (id, v) VALUES (:id, 0)"), [{"id": k} for k in range(n)])
    started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE bench_upd SET v = :v WHERE id = :id"), [{"id": k, "v": k % 7} for k in range(n)])
    elapsed = time.perf_counter() - started
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_upd"))
    return elapsed


def baseline_posting(db, n: int) -> float:
    """A bare executemany INSERT of ``n`` move-like rows and UPDATE of ``n`` level-like rows, one transaction."""
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_move (id VARCHAR(36) PRIMARY KEY, product_id VARCHAR(36), "
                          "quantity NUMERIC(18, 4), value NUMERIC(18, 4), reference VARCHAR(80))"))
        conn.execute(text("CREATE TABLE bench_level (id INTEGER PRIMARY KEY, q NUMERIC(18, 4))"))
        conn.execute(text("INSERT INTO bench_level (id, q) VALUES (:id, 5)"), [{"id": k} for k in range(n)])
    started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO bench_move (id, product_id, quantity, value, reference) "
                          "VALUES (:id, :p, 1, 1, 'INV')"),
                     [{"id": uuid.uuid4().hex, "p": uuid.uuid4().hex} for _ in range(n)])
        conn.execute(text("UPDATE bench_level SET q = q - 1 WHERE id = :id"), [{"id": k} for k in range(n)])
    elapsed = time.perf_counter() - started
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_move"))
        conn.execute(text("DROP TABLE bench_level"))
    return elapsed


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--adjustments", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/bench_counts.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--position-index", action="store_true",
                        help="what-if: an index on stock_count_line (count_id, position), which no migration makes yet")
    parser.add_argument("--batched-locks", action="store_true",
                        help="what-if: lock the stock levels in batches (see _lock_levels_batched)")
    args = parser.parse_args()
    if args.batched_locks:
        from app.services import stock

        stock._lock_levels = _lock_levels_batched
    rng = random.Random(7)
    url, db = fresh_database(args.db)
    _, load = _timed(lambda: _catalogue(db, args.products, rng))
    if args.position_index:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_bench_count_line_position ON stock_count_line (count_id, position)"))
    if db.dialect == "postgresql":  # a shop's database has planner statistics; a fresh bulk load has none yet
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    print(f"{url.get_backend_name()}: {args.products:,} products loaded in {load:.1f} s")

    base_start = baseline_lines(db)
    count, start = _timed(lambda: stock_counts.start_count(db, MAIN))
    assert count.lines == args.products, count
    print(f"  start_count   : {start:6.2f} s for {count.lines:,} lines; bare INSERT ... SELECT into the same table shape "
          f"{base_start:.2f} s; "
          f"ratio {start / base_start:.1f}x")

    with db.session() as s:
        lines = s.execute(select(StockCountLine.id, StockCountLine.expected)
                          .where(StockCountLine.count_id == count.id).order_by(StockCountLine.position)).all()
    changed = set(rng.sample(range(len(lines)), min(args.adjustments, len(lines))))
    entries = [(line_id, expected + (1 if k % 2 else -1) if k in changed else expected)
               for k, (line_id, expected) in enumerate(lines)]
    base_set = baseline_updates(db, len(entries))
    _, typed = _timed(lambda: stock_counts.set_counted(db, count.id, entries))
    print(f"  set_counted   : {typed:6.2f} s for {len(entries):,} quantities; bare executemany UPDATE "
          f"{base_set:.2f} s; ratio {typed / base_set:.1f}x")

    _, page = _timed(lambda: stock_counts.list_count_lines(db, count.id))
    _, last = _timed(lambda: stock_counts.list_count_lines(
        db, count.id, ListQuery(offset=len(lines) - 200)))
    _, search = _timed(lambda: stock_counts.list_count_lines(db, count.id, ListQuery(search="B-0099")))
    print(f"  grid pages    : first {page * 1000:.0f} ms, last (offset) {last * 1000:.0f} ms, "
          f"search {search * 1000:.0f} ms")

    pdf, pdf_time = _timed(lambda: stock_counts.count_sheet_pdf(db, count.id))
    csv_data, csv_time = _timed(lambda: stock_counts.count_sheet_csv(db, count.id))
    print(f"  sheet         : PDF {pdf_time:.2f} s ({len(pdf) / 1e6:.1f} MB), CSV {csv_time:.2f} s "
          f"({len(csv_data) / 1e6:.1f} MB)")

    _, summary_time = _timed(lambda: stock_counts.post_summary(db, count.id))
    base_post = baseline_posting(db, len(changed))
    result, post = _timed(lambda: stock_counts.post_count(db, count.id, uncounted="skip"))
    assert result.adjustments == len(changed), result
    print(f"  post_summary  : {summary_time:6.2f} s")
    print(f"  post_count    : {post:6.2f} s for {result.adjustments:,} adjustments "
          f"({result.adjustments / post:,.0f}/s); bare insert+update {base_post:.2f} s; ratio {post / base_post:.1f}x")
    check, verify = _timed(lambda: check_stock_levels(db))
    assert check.ok, check.differences[:5]
    with db.session() as s:
        moves = s.execute(select(func.count()).select_from(StockMove)).scalar_one()
    print(f"  check_stock_levels ok over {check.levels:,} levels and {moves:,} moves ({verify:.2f} s)")
    db.dispose()
    if not args.keep:
        if url.get_backend_name() == "sqlite":
            _remove_sqlite(Path(url.database))
        else:
            _drop_pg(url)


if __name__ == "__main__":
    main()
