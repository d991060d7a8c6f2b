"""Stock levels at scale: 100,000 products and 5,000,000 stock moves.

    .venv/bin/python -m tests.bench.bench_stock [--backend sqlite|postgresql|both]
        [--products 100000] [--moves 5000000] [--reuse]

Loads the catalogue with the demo generator, adds random receipts, deliveries
and transfers in bulk up to --moves, and builds the stock levels from them.
Then it times, each as the median of 30 runs:

- the first page (200 rows, sorted by name) of the product list with stock on
  hand, stock value and the quantity to order, through ``list_products``;
  baseline: a raw SQL query of the same figures from the level table, and the
  same figures summed from the moves (what the list would cost without levels);
- the stock of one product through ``stock_on_hand``; baseline: the raw SQL
  sum over its level rows, and over its moves.

Ratios are against the raw level query measured in the same run; the goals are
under 100 ms for the page and under 10 ms for one product. The databases
(/tmp/trastienda_bench_stock.sqlite3 and trastienda_bench_stock on the local
PostgreSQL) are kept for --reuse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.db.open import open_database
from app.demo import bulk, generate_demo
from app.demo.common import uuid_hex
from app.demo.invoices import MOVE_COLUMNS
from app.domain.inventory import Product, StockMove, Warehouse
from app.services import inventory
from app.services.listing import ListQuery
from app.services.stock_reports import rebuild_stock_levels

SQLITE = Path("/tmp/trastienda_bench_stock.sqlite3")
PG = "postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_stock"
RUNS = 30


def _fresh_pg(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def load(url: str, products: int, moves: int) -> None:
    t0 = time.perf_counter()
    db = open_database(url, upgrade=True)
    generate_demo(db, products=products, customers=200, invoices=0, contracts=0, employees=1)
    with db.session() as s:
        catalogue = s.execute(select(Product.id, Product.cost).where(Product.kind == "product")).all()
        warehouses = [w.hex for w in s.scalars(select(Warehouse.id))]
        have = s.execute(select(func.count()).select_from(StockMove)).scalar_one()
    store = bulk.StorageForm.for_dialect(db.dialect)
    rng = random.Random(5)
    ids = [(p.hex, int(c * 10_000)) for p, c in catalogue]
    start = dt.date(2023, 1, 1)
    days = [(start + dt.timedelta(days=d)).isoformat() for d in range(3 * 365)]
    remaining = moves - have
    with bulk.raw_writer(db) as writer:
        while remaining > 0:
            rows = []
            for _ in range(min(100_000, remaining)):
                pid, cost4 = ids[rng.randrange(len(ids))]
                r = rng.random()
                qty = rng.randrange(1, 20)
                wh = warehouses[rng.randrange(len(warehouses))]
                if r < 0.55:
                    kind, src, dst = "receipt", None, wh
                elif r < 0.95:
                    kind, src, dst = "delivery", wh, None
                else:
                    kind, src, dst = "transfer", wh, warehouses[(warehouses.index(wh) + 1) % len(warehouses)]
                day = days[rng.randrange(len(days))]
                ts = f"{day} 10:00:00.000000"
                rows.append((uuid_hex(rng.getrandbits(128)), 1, ts, ts, "bench", kind, pid, src, dst,
                             store.scaled4(qty * 10_000), store.scaled4(cost4), store.scaled4(qty * cost4), day,
                             None, None, None, None, None))
            writer.write("stock_move", MOVE_COLUMNS, rows)
            writer.commit()
            remaining -= len(rows)
    with db.session() as s:
        rebuild_stock_levels(s)
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    db.dispose()
    print(f"  loaded in {time.perf_counter() - t0:.0f} s", flush=True)


def median_ms(fn) -> float:
    fn()  # warm the caches: a clerk's second look, not the disk's first
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


PAGE_FROM_LEVELS = """
SELECT p.sku, p.name, p.sale_price,
       (SELECT coalesce(sum(l.quantity), 0) FROM stock_level l WHERE l.product_id = p.id) AS on_hand,
       (SELECT coalesce(sum(l.value), 0) FROM stock_level l WHERE l.product_id = p.id) AS stock_value
FROM product p WHERE p.archived_at IS NULL ORDER BY p.name, p.id LIMIT 200
"""
PAGE_FROM_MOVES = """
SELECT p.sku, p.name, p.sale_price,
       (SELECT coalesce(sum(CASE WHEN m.to_warehouse_id IS NOT NULL AND m.from_warehouse_id IS NULL THEN m.quantity
                                 WHEN m.from_warehouse_id IS NOT NULL AND m.to_warehouse_id IS NULL THEN -m.quantity
                                 ELSE 0 END), 0)
          FROM stock_move m WHERE m.product_id = p.id) AS on_hand,
       (SELECT coalesce(sum(CASE WHEN m.to_warehouse_id IS NOT NULL AND m.from_warehouse_id IS NULL THEN m.value
                                 WHEN m.from_warehouse_id IS NOT NULL AND m.to_warehouse_id IS NULL THEN -m.value
                                 ELSE 0 END), 0)
          FROM stock_move m WHERE m.product_id = p.id) AS stock_value
FROM product p WHERE p.archived_at IS NULL ORDER BY p.name, p.id LIMIT 200
"""
ONE_FROM_LEVELS = "SELECT sum(quantity) FROM stock_level WHERE product_id = :p"
ONE_FROM_MOVES = """SELECT sum(CASE WHEN to_warehouse_id IS NOT NULL THEN quantity ELSE -quantity END)
FROM stock_move WHERE product_id = :p AND (from_warehouse_id IS NULL OR to_warehouse_id IS NULL)"""


def measure(url: str) -> list[tuple[str, float, float]]:
    db = open_database(url)
    with db.session() as s:
        n_products = s.execute(select(func.count()).select_from(Product)).scalar_one()
        n_moves = s.execute(select(func.count()).select_from(StockMove)).scalar_one()
        busiest = s.execute(select(StockMove.product_id).group_by(StockMove.product_id)
                            .order_by(func.count().desc()).limit(1)).scalar_one()
    key = busiest.hex if db.dialect == "sqlite" else busiest
    print(f"  {n_products:,} products, {n_moves:,} moves; one product = the busiest one", flush=True)

    def raw(sql, **params):
        def run():
            with db.engine.connect() as conn:
                conn.execute(text(sql), params).all()
        return run

    page = ListQuery(limit=200, sort="name")
    results = []
    base = median_ms(raw(PAGE_FROM_LEVELS))
    results.append(("first page, raw SQL from levels (baseline)", base, 1.0))
    app_ms = median_ms(lambda: inventory.list_products(db, page))
    results.append(("first page, list_products (goal < 100 ms)", app_ms, app_ms / base))
    moves_ms = median_ms(raw(PAGE_FROM_MOVES))
    results.append(("first page, raw SQL summing moves", moves_ms, moves_ms / base))
    due = ListQuery(limit=200, sort="name", filters={"below_reorder": True})
    due_ms = median_ms(lambda: inventory.list_products(db, due))
    results.append(("first page 'to reorder', list_products", due_ms, due_ms / base))
    count_ms = median_ms(lambda: inventory.count_products(db, ListQuery(filters={"below_reorder": True})))
    results.append(("count 'to reorder' (the tab badge)", count_ms, count_ms / base))

    one_base = median_ms(raw(ONE_FROM_LEVELS, p=key))
    results.append(("one product, raw SQL from levels (baseline)", one_base, 1.0))
    one_app = median_ms(lambda: inventory.stock_on_hand(db, busiest))
    results.append(("one product, stock_on_hand (goal < 10 ms)", one_app, one_app / one_base))
    one_moves = median_ms(raw(ONE_FROM_MOVES, p=key))
    results.append(("one product, raw SQL summing moves", one_moves, one_moves / one_base))
    by_wh = median_ms(lambda: inventory.stock_by_warehouse(db, busiest))
    results.append(("one product per warehouse, stock_by_warehouse", by_wh, by_wh / one_base))
    t0 = time.perf_counter()
    report = inventory.check_stock_levels(db)
    results.append((f"stock check of every level ({'OK' if report.ok else 'WRONG'})",
                    (time.perf_counter() - t0) * 1000, float("nan")))
    db.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--moves", type=int, default=5_000_000)
    parser.add_argument("--reuse", action="store_true", help="measure the databases a previous run loaded")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        url = f"sqlite:///{SQLITE}" if backend == "sqlite" else PG
        print(f"{backend}:", flush=True)
        if not args.reuse:
            if backend == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{SQLITE}{suffix}").unlink(missing_ok=True)
            else:
                _fresh_pg(url)
            load(url, args.products, args.moves)
        for name, ms, ratio in measure(url):
            print(f"  {name:<55} {ms:9.2f} ms   {ratio:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
