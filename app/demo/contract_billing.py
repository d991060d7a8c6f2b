"""A few billed contract periods, each pointing at an invoice the demo issued in that period.

They mark the last period some customer contracts have been billed for (the
one ending on their ``billed_until``), so "Generate invoices" on a demo
database starts right after them, as it would in a shop that bills monthly.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db.session import Database
from app.demo.common import DemoContext, audit, stamp
from app.domain.contracts import Contract
from app.domain.enums import ContractKind, InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice
from app.services.contract_billing import MONTHS

MAX_ROWS = 8


def build_contract_billings(db: Database, ctx: DemoContext) -> list[dict]:
    rng = ctx.rng("contract-billing")
    rows: list[dict] = []
    with db.session() as s:
        contracts = s.execute(select(Contract.id, Contract.party_id, Contract.start_date, Contract.billing_frequency,
                                     Contract.billed_until)
                              .where(Contract.kind == ContractKind.CUSTOMER, Contract.billed_until.is_not(None),
                                     Contract.billing_frequency.in_(list(MONTHS)))
                              .order_by(Contract.reference)).all()
        for cid, party_id, start, frequency, end in contracts:
            first = end + dt.timedelta(days=1)
            y, m = divmod(first.year * 12 + first.month - 1 - MONTHS[frequency], 12)
            period_start = max(dt.date(y, m + 1, 1), start)
            invoice = s.execute(select(Invoice.id, Invoice.issue_date).where(
                Invoice.party_id == party_id, Invoice.kind == InvoiceKind.INVOICE,
                Invoice.status == InvoiceStatus.POSTED, Invoice.issue_date.between(period_start, end))
                .order_by(Invoice.issue_date, Invoice.id).limit(1)).first()
            if invoice is None:
                continue
            rows.append({**audit(rng, stamp(invoice.issue_date, rng)), "contract_id": cid,
                         "period_start": period_start, "period_end": end, "invoice_id": invoice.id})
            if len(rows) == MAX_ROWS:
                break
    return rows
