"""Clerks pressing "Generate invoices" at the same moment: every period is billed exactly once.

Real concurrent transactions: threads with their own connections, on SQLite
and on the PostgreSQL server (the ``db`` fixture).
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.domain.company import Company
from app.domain.contracts import ContractBilling
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice
from app.services import contract_billing as billing
from app.services.chain import verify_chain
from tests.app.invoicing import customer
from tests.app.test_contract_billing import make_contract

CONTRACTS, MONTHS, CLERKS = 12, 6, 4
UNTIL = dt.date(2026, MONTHS, 28)  # every billing day (1..28) of the 6th month has come


@pytest.mark.parametrize("post", [False, True], ids=["drafts", "posted"])
def test_clerks_billing_at_once_bill_every_period_exactly_once(db, post):
    with db.session() as s:
        s.add(Company(legal_name="Servicios Ebro SL", tax_id="B50000000", street="C/ Mayor 1",
                      postal_code="50001", city="Zaragoza"))
    party = customer(db, street="C/ Sol 2", postal_code="50002", city="Zaragoza")
    for n in range(CONTRACTS):
        make_contract(db, party, reference=f"CT-{n:03d}", day=1 + n % 28)
    periods = CONTRACTS * MONTHS
    assert len(billing.due_periods(db, UNTIL)) == periods
    start = threading.Barrier(CLERKS)

    def clerk(_n):
        start.wait(30)
        return billing.generate_invoices(db, UNTIL, post=post, today=UNTIL)

    with ThreadPoolExecutor(CLERKS) as pool:
        results = list(pool.map(clerk, range(CLERKS)))
    assert all(r.ok for r in results), [r.failed for r in results]
    assert sum(len(r.billed) for r in results) == periods
    for r in results:  # each clerk either billed a period or found it billed
        assert len(r.billed) + r.already_billed == periods
    with db.session() as s:
        invoices = s.execute(select(func.count()).select_from(Invoice)).scalar_one()
        keys = s.execute(select(ContractBilling.contract_id, ContractBilling.period_start)).all()
        billed_invoices = set(s.execute(select(ContractBilling.invoice_id)).scalars())
        posted = s.execute(select(func.count()).select_from(Invoice)
                           .where(Invoice.status == InvoiceStatus.POSTED)).scalar_one()
    assert invoices == periods == len(keys) == len(set(keys)) == len(billed_invoices)
    assert posted == (periods if post else 0)
    assert billing.due_periods(db, UNTIL) == []
    if post:
        assert verify_chain(db).ok  # numbers and chain intact under the race
