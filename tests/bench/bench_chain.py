"""Benchmark of the VERI*FACTU chain: appending (one transaction per record, as posting
does) and verifying, each against a bare baseline measured in the same run.

    .venv/bin/python -m tests.bench.bench_chain --records 20000 --db /tmp/bench_chain.sqlite3
    .venv/bin/python -m tests.bench.bench_chain --records 20000 \
        --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_chain

Baselines: appending is compared with inserting one minimal row per
transaction (the commit is the floor of any posting); verifying with
streaming the same rows and doing nothing with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, text

from app.domain.company import Company
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.verifactu import InvoiceRecord
from app.services.chain import append_registration, verify_chain
from app.services.setup import series_id, tax_rate_id
from tests.bench.bench_demo import _drop_pg, _remove_sqlite, fresh_database

D = Decimal
T0 = dt.datetime(2026, 1, 2, 8, 0, tzinfo=dt.timezone.utc)


def _posted_invoices(db, n: int) -> list[uuid.UUID]:
    """``n`` posted invoices with one line each, written in bulk (posting itself is not measured here)."""
    ids = [uuid.uuid4() for _ in range(n)]
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))
        s.flush()
        common = dict(version=1, created_at=now, updated_at=now, kind="invoice", status=InvoiceStatus.POSTED.value,
                      series_id=series_id("F"), fiscal_year=2026, party_name="Ferretería López SL",
                      party_tax_id="B12345674", issue_date=dt.date(2026, 1, 2), posted_at=now, currency="EUR",
                      recargo_equivalencia=False, base_total=D("100.00"), tax_total=D("21.00"),
                      recargo_total=D("0.00"), irpf_total=D("0.00"), total=D("121.00"), paid_total=D("0.00"))
        s.execute(Invoice.__table__.insert(), [
            dict(common, id=i, number=k + 1, full_number=f"F2026-{k + 1:06d}") for k, i in enumerate(ids)])
        s.execute(InvoiceLine.__table__.insert(), [
            dict(id=uuid.uuid4(), version=1, created_at=now, updated_at=now, invoice_id=i, position=0,
                 description="Tornillería", quantity=D(1), unit_price=D(100), discount_percent=D(0),
                 tax_rate_id=tax_rate_id("IVA21"), tax_percent=D(21), recargo_percent=D(0), amount=D("100.00"))
            for i in ids])
    return ids


def bench_append(db, ids: list[uuid.UUID]) -> float:
    started = time.perf_counter()
    for k, inv_id in enumerate(ids):
        with db.session() as s:
            append_registration(s, s.get(Invoice, inv_id), now=T0 + dt.timedelta(seconds=k))
    return time.perf_counter() - started


def baseline_append(db, n: int) -> float:
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_row (id VARCHAR(32) PRIMARY KEY, n INTEGER)"))
    started = time.perf_counter()
    for k in range(n):
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO bench_row (id, n) VALUES (:id, :n)"), {"id": uuid.uuid4().hex, "n": k})
    elapsed = time.perf_counter() - started
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_row"))
    return elapsed


def baseline_read(db) -> float:
    started = time.perf_counter()
    with db.session() as s:
        for _ in s.execute(select(InvoiceRecord.__table__).order_by(InvoiceRecord.issuer_tax_id,
                                                                    InvoiceRecord.sequence)
                           .execution_options(yield_per=5000)):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--db", default="/tmp/bench_chain.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    url, db = fresh_database(args.db)
    ids = _posted_invoices(db, args.records)
    n = len(ids)
    base_append = baseline_append(db, n)
    append = bench_append(db, ids)
    base_read = baseline_read(db)
    started = time.perf_counter()
    report = verify_chain(db)
    verify = time.perf_counter() - started
    assert report.ok and report.records == n, report
    print(f"{url.get_backend_name()}: {n:,} records")
    print(f"  append : {n / append:8,.0f} records/s ({append:.2f} s); "
          f"baseline 1-row commits {n / base_append:8,.0f}/s; ratio {append / base_append:.1f}x")
    print(f"  verify : {n / verify:8,.0f} records/s ({verify:.2f} s); "
          f"baseline read {n / base_read:8,.0f}/s; ratio {verify / base_read:.1f}x")
    db.dispose()
    if not args.keep:
        if url.get_backend_name() == "sqlite":
            _remove_sqlite(Path(url.database))
        else:
            _drop_pg(url)


if __name__ == "__main__":
    main()
