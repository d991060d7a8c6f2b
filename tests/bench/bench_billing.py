"""Recurring billing throughput: ``generate_invoices`` against plain ``create_draft`` of the same invoices.

    .venv/bin/python -m tests.bench.bench_billing [--contracts 1000] [--periods 12] \
        [--db /tmp/bench_billing.sqlite3 | --db postgresql+psycopg://postgres@127.0.0.1/trastienda_bench_billing]

The database is created fresh with --contracts monthly customer contracts of
two price lines, each --periods months behind. The baseline creates the same
drafts (same lines, same period text) with ``invoices.create_draft`` and no
billing bookkeeping; then ``generate_invoices`` bills every period (working
out the due periods, one transaction per period with its ContractBilling row
and billed_until) and a second run proves nothing is billed twice. The ratio
is what the bookkeeping costs per invoice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from decimal import Decimal

from sqlalchemy import create_engine, func, select, text
from app.db.engine import resolve_url

from app.db.open import open_database
from app.domain.contracts import Contract, ContractBilling, ContractLine
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus
from app.services import contract_billing as billing
from app.services import parties
from app.services.invoices import InvoiceData, InvoiceLineData, create_draft
from app.services.parties import PartyData
from app.services.setup import tax_rate_id


def fresh(url: str) -> None:
    parsed = resolve_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(parsed.database + suffix):
                os.remove(parsed.database + suffix)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/bench_billing.sqlite3")
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--periods", type=int, default=12)
    args = parser.parse_args()
    fresh(args.db)
    db = open_database(args.db, upgrade=True)
    start = dt.date(2025, 1, 1)
    until = dt.date(2025 + (args.periods - 1) // 12, (args.periods - 1) % 12 + 1, 28)  # every billing day has come
    party = parties.create_party(db, PartyData(legal_name="Hotel Sol SA", tax_id="B12345674")).id
    iva = tax_rate_id("IVA21")
    with db.session() as s:
        for n in range(args.contracts):
            c = Contract(kind=ContractKind.CUSTOMER, status=ContractStatus.ACTIVE, party_id=party, title="Mantenimiento",
                         reference=f"CT-{n:05d}", start_date=start, billing_frequency=BillingFrequency.MONTHLY,
                         billing_day=1 + n % 28)
            c.lines = [ContractLine(position=0, description="Cuota mensual", quantity=Decimal(1),
                                    unit_price=Decimal("100"), tax_rate_id=iva),
                       ContractLine(position=1, description="Soporte", quantity=Decimal(2),
                                    unit_price=Decimal("12.50"), tax_rate_id=iva)]
            s.add(c)
    due = billing.due_periods(db, until)
    assert len(due) == args.contracts * args.periods, len(due)

    t0 = time.perf_counter()
    for d in due:  # the baseline: the same drafts, no bookkeeping
        create_draft(db, InvoiceData(issue_date=d.period.invoice_date, party_id=party, moves_stock=False, lines=[
            InvoiceLineData(description=billing.period_text(text_, d.period), quantity=q, unit_price=p, tax_rate_id=iva)
            for text_, q, p in (("Cuota mensual", Decimal(1), Decimal("100")), ("Soporte", Decimal(2), Decimal("12.50")))]))
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    result = billing.generate_invoices(db, until, post=False)
    billed = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = billing.generate_invoices(db, until, post=False)
    second = time.perf_counter() - t0
    with db.session() as s:
        keys = s.execute(select(func.count()).select_from(ContractBilling)).scalar_one()
    db.dispose()
    n = len(due)
    assert result.ok and len(result.billed) == n == keys and again.billed == []
    print(f"{args.db}: {args.contracts} contracts x {args.periods} periods = {n} invoices")
    print(f"  baseline create_draft      {baseline:8.1f} s  {n / baseline:8.1f} invoices/s")
    print(f"  generate_invoices          {billed:8.1f} s  {n / billed:8.1f} invoices/s  "
          f"(x{billed / baseline:.2f} the baseline)")
    print(f"  second run (nothing due)   {second:8.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
