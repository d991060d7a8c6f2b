"""Benchmark of the product CSV import against a plain ORM insert of the same products.

    .venv/bin/python -m tests.bench.bench_import --rows 10000 --db /tmp/bench_import.sqlite3
    .venv/bin/python -m tests.bench.bench_import --rows 10000 \
        --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_import

A Spanish Excel-style CSV (Windows-1252, ``;``, decimal commas, valid EAN-13s)
of ``--rows`` products is read and checked (the preview, with the database
rules), then imported in one transaction into a fresh database. The baseline,
in a second fresh database, is the cheapest way to write the same rows: the
ORM adding as many Product objects in one transaction, with no check at all.
"""

from __future__ import annotations

import argparse
import time
from decimal import Decimal
from pathlib import Path

from app.compliance.identifiers import ean13_check_digit
from app.domain.inventory import Product
from app.services.product_import import import_products, read_product_csv
from app.services.setup import tax_rate_id
from tests.bench.bench_demo import _drop_pg, _remove_sqlite, fresh_database


def make_csv(rows: int) -> bytes:
    lines = ["Referencia;Descripción;Familia;PVP;Coste;IVA;Código de barras"]
    for n in range(rows):
        first12 = f"84{n:010d}"
        lines.append(f"REF-{n:06d};Artículo de ferretería nº {n};Tornillería;{n % 900 + 1},{n % 100:02d};"
                     f"{n % 500},5;{(21, 10, 4)[n % 3]};{first12}{ean13_check_digit(first12)}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def baseline(db, rows: int) -> float:
    started = time.perf_counter()
    with db.session() as s:
        s.add_all([Product(sku=f"REF-{n:06d}", name=f"Artículo de ferretería nº {n}", category="Tornillería",
                           sale_price=Decimal(f"{n % 900 + 1}.{n % 100:02d}"), cost=Decimal(f"{n % 500}.5"),
                           tax_rate_id=tax_rate_id(("IVA21", "IVA10", "IVA4")[n % 3]), unit="ud")
                   for n in range(rows)])
    return time.perf_counter() - started


def drop(url) -> None:
    if url.get_backend_name() == "sqlite":
        _remove_sqlite(Path(url.database))
    else:
        _drop_pg(url)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/bench_import.sqlite3")
    args = parser.parse_args(argv)
    data = make_csv(args.rows)
    print(f"file: {len(data) / 2**20:.1f} MiB, {args.rows:,} rows; database: {args.db}")

    url, db = fresh_database(args.db)
    base = baseline(db, args.rows)
    db.dispose()
    drop(url)

    url, db = fresh_database(args.db)
    started = time.perf_counter()
    preview = read_product_csv(data, db)
    t_preview = time.perf_counter() - started
    assert not preview.errors, preview.errors[:3]
    started = time.perf_counter()
    result = import_products(db, preview)
    t_import = time.perf_counter() - started
    assert result.created == args.rows
    db.dispose()
    drop(url)

    n = args.rows
    print(f"baseline ORM insert, no checks: {base:6.2f} s  {n / base:>9,.0f} rows/s")
    print(f"preview (read + every check):   {t_preview:6.2f} s  {n / t_preview:>9,.0f} rows/s")
    print(f"import (checks again + write):  {t_import:6.2f} s  {n / t_import:>9,.0f} rows/s  "
          f"{t_import / base:.2f}x the baseline's time")
    print(f"file to catalogue:              {t_preview + t_import:6.2f} s  {n / (t_preview + t_import):>9,.0f} rows/s")


if __name__ == "__main__":
    main()
