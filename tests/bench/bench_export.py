"""Benchmark of list export (CSV and XLSX) against the bare csv module writing the same rows.

    .venv/bin/python -m tests.bench.bench_export --rows 100000 --db /tmp/bench_export.sqlite3
    .venv/bin/python -m tests.bench.bench_export --rows 100000 \
        --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_export

A fresh database gets ``--rows`` demo products (``generate_demo``, no invoices),
then the products list, as the Products tab shows it (default sort, every
column), is exported to CSV and to XLSX with ``app.services.export``. Two
baselines are measured in the same run:

- read: paging through the same list with the same service and page size,
  writing nothing (what any export must pay to get the rows);
- csv: the rows read, already in memory, written by ``csv.writer`` with
  ``str()`` of each value (the cheapest a CSV can be written).

The writers are also timed alone, fed the rows from memory through the same
``export_rows`` (best of three), against the bare ``csv.writer``: the ratios
that say what the Spanish-Excel formatting and XlsxWriter cost on this
machine, whatever else runs on it. The database is deleted afterwards unless
--keep (then --reuse skips building it).
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from app.db.open import open_database
from app.demo import generate_demo
from app.services import products
from app.services.export import PAGE_SIZE, ExportColumn, export_rows
from app.services.listing import ListQuery, Page
from tests.bench.bench_demo import _drop_pg, _remove_sqlite, fresh_database

# The Products tab's columns (ui/inventory/products.py), as an export receives them.
COLUMNS = [
    ExportColumn("sku", "SKU"),
    ExportColumn("name", "Name", width=260),
    ExportColumn("category", "Category"),
    ExportColumn("on_hand", "On hand", "quantity"),
    ExportColumn("unit", "Unit"),
    ExportColumn("to_order", "To order", "quantity"),
    ExportColumn("stock_value", "Stock value", "money"),
    ExportColumn("sale_price", "Price", "price"),
    ExportColumn("cost", "Cost", "price"),
    ExportColumn("kind", "Kind", "choice", {"product": "Product", "service": "Service"}),
    ExportColumn("ean", "EAN"),
]


def read_all(db, query: ListQuery) -> list[dict]:
    rows, q = [], replace(query, limit=PAGE_SIZE)
    while True:
        page = products.list_products(db, q)
        rows += page.rows
        if not page.has_more:
            return rows
        q = replace(q, after=page.next_after)


def bare_csv(rows: list[dict], path: Path) -> None:
    keys = [c.key for c in COLUMNS]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow([c.title for c in COLUMNS])
        writer.writerows([["" if row[k] is None else str(row[k]) for k in keys] for row in rows])


def from_memory(rows: list[dict]):
    """A list function serving ``rows`` in pages, as a service would, without a database."""
    def list_fn(_db, query: ListQuery) -> Page:
        start = int(query.after[1]) if query.after else 0
        end = min(start + query.limit, len(rows))
        return Page(rows[start:end], ("", str(end)) if end < len(rows) else None)
    return list_fn


def best_of(n: int, fn) -> float:
    return min(timed(fn)[0] for _ in range(n))


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/bench_export.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use the database as it is (built with --keep)")
    args = parser.parse_args(argv)

    if args.reuse:
        db, url = open_database(args.db), None
    else:
        url, db = fresh_database(args.db)
        seconds, _stats = timed(lambda: generate_demo(db, products=args.rows, invoices=0, customers=1,
                                                      contracts=0, employees=0))
        print(f"built {args.rows:,} products in {seconds:.1f} s")
    query = ListQuery(sort="name")
    total = products.count_products(db, query)
    print(f"database: {args.db}  products listed: {total:,}  page size: {PAGE_SIZE:,}  cores: {os.cpu_count()}")

    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        out = Path(folder)
        t_read, rows = timed(lambda: read_all(db, query))
        t_bare, _ = timed(lambda: bare_csv(rows, out / "bare.csv"))
        t_csv, n_csv = timed(lambda: export_rows(db, products.list_products, query, COLUMNS, out / "e.csv", "csv"))
        t_xlsx, n_xlsx = timed(lambda: export_rows(db, products.list_products, query, COLUMNS, out / "e.xlsx",
                                                   "xlsx"))
        assert n_csv == n_xlsx == len(rows) == total
        memory = from_memory(rows)
        w_bare = best_of(3, lambda: bare_csv(rows, out / "bare.csv"))
        w_csv = best_of(3, lambda: export_rows(db, memory, query, COLUMNS, out / "m.csv", "csv"))
        w_xlsx = best_of(3, lambda: export_rows(db, memory, query, COLUMNS, out / "m.xlsx", "xlsx"))
        sizes = {name: (out / name).stat().st_size for name in ("bare.csv", "e.csv", "e.xlsx")}

    n = len(rows)
    print(f"read only (paging, no file):   {t_read:6.2f} s  {n / t_read:>10,.0f} rows/s")
    print(f"bare csv.writer (in memory):   {t_bare:6.2f} s  {n / t_bare:>10,.0f} rows/s  "
          f"{sizes['bare.csv'] / 2**20:.1f} MiB")
    print(f"baseline read + bare write:    {t_read + t_bare:6.2f} s  {n / (t_read + t_bare):>10,.0f} rows/s")
    print(f"export CSV:                    {t_csv:6.2f} s  {n / t_csv:>10,.0f} rows/s  "
          f"{sizes['e.csv'] / 2**20:.1f} MiB  {t_csv / (t_read + t_bare):.2f}x the baseline's time")
    print(f"export XLSX:                   {t_xlsx:6.2f} s  {n / t_xlsx:>10,.0f} rows/s  "
          f"{sizes['e.xlsx'] / 2**20:.1f} MiB  {t_xlsx / (t_read + t_bare):.2f}x the baseline's time")
    print(f"writing alone, rows from memory (best of 3): bare csv.writer {w_bare:.2f} s, "
          f"export CSV {w_csv:.2f} s = {w_csv / w_bare:.2f}x, export XLSX {w_xlsx:.2f} s = {w_xlsx / w_bare:.2f}x")
    db.dispose()
    if url is not None and not args.keep:
        if url.get_backend_name() == "sqlite":
            _remove_sqlite(Path(url.database))
        else:
            _drop_pg(url)


if __name__ == "__main__":
    main()
