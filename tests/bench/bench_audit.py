"""What the audit triggers cost: 10,000 invoice-line inserts with and without them.

    .venv/bin/python -m tests.bench.bench_audit [--lines 10000] [--rounds 3] [--pg]

On a fresh SQLite file and, with ``--pg``, a scratch PostgreSQL database
(created and dropped), ``--lines`` invoice lines are inserted into 100 draft
invoices three ways, each timed best of ``--rounds``:
- bulk: one transaction, executemany in batches of 1,000 (an import, the demo);
- rows: one transaction, one INSERT statement per line (what the ORM does for a form);
- commits: 200 lines, one transaction each (clerks saving, one line at a time), scaled to ``--lines``.
First with the invoice_line triggers dropped (the baseline), then with them.
Prints seconds, lines per second, the ratio to the baseline and the audit rows written.
Unit tests never assert times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import uuid
from decimal import Decimal

from sqlalchemy import text

from app.db import audit_triggers
from app.db.session import Database
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.types import utcnow
from app.services.setup import series_id, tax_rate_id
from tests.bench.common import scratch_databases

D = Decimal
COMMITS = 200


def _invoices(db: Database, count: int) -> list[uuid.UUID]:
    now = utcnow()
    rows = [dict(id=uuid.uuid4(), kind=InvoiceKind.INVOICE, status=InvoiceStatus.DRAFT, series_id=series_id("F"),
                 issue_date=dt.date(2026, 3, 2), party_name="Bench SL", version=1, created_at=now, updated_at=now)
            for _ in range(count)]
    with db.engine.begin() as conn:
        conn.execute(Invoice.__table__.insert(), rows)
    return [r["id"] for r in rows]


def _lines(invoices: list[uuid.UUID], n: int) -> list[dict]:
    now = utcnow()
    rate = tax_rate_id("IVA21")
    return [dict(id=uuid.uuid4(), invoice_id=invoices[i % len(invoices)], position=i, description=f"Línea {i}",
                 quantity=D("2.0000"), unit_price=D("10.5000"), discount_percent=D("0.00"), tax_rate_id=rate,
                 tax_percent=D("21.00"), recargo_percent=D("0.00"), amount=D("21.00"),
                 version=1, created_at=now, updated_at=now)
            for i in range(n)]


def _bulk(db, rows) -> None:
    with db.engine.begin() as conn:
        for at in range(0, len(rows), 1000):
            conn.execute(InvoiceLine.__table__.insert(), rows[at:at + 1000])


def _rows(db, rows) -> None:
    stmt = InvoiceLine.__table__.insert()
    with db.engine.begin() as conn:
        for row in rows:
            conn.execute(stmt, row)


def _commits(db, rows) -> None:
    stmt = InvoiceLine.__table__.insert()
    for row in rows[:COMMITS]:
        with db.engine.begin() as conn:
            conn.execute(stmt, row)


def _best(db, invoices, n, rounds, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        rows = _lines(invoices, n)
        started = time.perf_counter()
        fn(db, rows)
        best = min(best, time.perf_counter() - started)
        with db.engine.begin() as conn:  # every round starts from the same tables
            conn.execute(text("DELETE FROM invoice_line"))
            conn.execute(text("DELETE FROM audit_log"))
    return best


def measure(db: Database, n: int, rounds: int) -> None:
    if db.dialect == "sqlite":  # a scratch file: let the bench empty the trail between rounds (PostgreSQL lets the owner)
        with db.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
    invoices = _invoices(db, 100)
    ways = {"bulk (executemany, 1 tx)": _bulk, "rows (1 INSERT each, 1 tx)": _rows,
            f"commits ({COMMITS} tx, scaled)": _commits}
    results: dict[str, list[float]] = {}
    for label, audited in (("without triggers", False), ("with triggers", True)):
        with db.engine.begin() as conn:
            (audit_triggers.install if audited else audit_triggers.uninstall)(conn, ["invoice_line"])
        for way, fn in ways.items():
            took = _best(db, invoices, n, rounds, fn)
            if way.startswith("commits"):
                took *= n / COMMITS
            results.setdefault(way, []).append(took)
    for way, (base, audited) in results.items():
        print(f"  {way:28s} {base:7.2f} s ({n / base:9,.0f}/s)  ->  {audited:7.2f} s ({n / audited:9,.0f}/s)"
              f"  {audited / base:5.2f}x")
    rows = _lines(invoices, 100)
    _bulk(db, rows)
    with db.engine.connect() as conn:
        written = conn.execute(text("SELECT count(*) FROM audit_log WHERE table_name = 'invoice_line'")).scalar()
    print(f"  (100 lines inserted with triggers: {written} audit rows)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pg", action="store_true", help="also on a scratch PostgreSQL database")
    args = ap.parse_args()
    with scratch_databases(args.pg) as databases:
        for backend, db in databases:
            print(f"{backend}, {args.lines:,} invoice lines: without triggers -> with triggers")
            measure(db, args.lines, args.rounds)

if __name__ == "__main__":
    main()
