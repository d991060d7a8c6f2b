"""Demo work on an offline copy: what a clerk types while the server is away, through the services.

``generate_demo`` fills an empty database in bulk; an offline copy is never empty (it holds the
server's data) and everything typed on it must reach the server through its outbox. So ``demo``
on a copy (``--profile NAME --offline demo``) types instead: new customers and invoices for
customers and products the copy already holds, each through the service a clerk's form calls.
Invoices are posted: in the series kept for this computer they are numbered at once; otherwise
they wait to be posted at the next sync.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.db.session import Database
from app.demo.names import CITIES, COMPANY_ACTIVITIES, COMPANY_CORES
from app.domain.inventory import Product
from app.domain.parties import Party
from app.errors import PostingQueued, TrastiendaError
from app.services import invoices, parties, posting
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData

@dataclass
class OfflineDemoReport:
    customers: int = 0
    invoices: int = 0
    numbered: list[str] | None = None  # posted here, in the series kept for this computer
    queued: int = 0  # posted at the next sync
    refused: list[str] | None = None  # "draft <id>: why"


def _valid_cif(rng: random.Random) -> str:
    from stdnum.es import cif

    body = f"B{rng.randrange(10**7):07d}"
    return body + cif.calc_check_digits(body)[-1]


def type_offline_work(db: Database, *, seed: int = 1, customers: int = 5, invoices_n: int = 20,
                      progress=None) -> OfflineDemoReport:
    """Create ``customers`` customers and ``invoices_n`` posted invoices on the copy ``db``, as a clerk would."""
    rng = random.Random(seed)
    report = OfflineDemoReport(numbered=[], refused=[])
    new = []
    for i in range(customers):
        town, province, postal = rng.choice(CITIES)[:3]
        name = f"{rng.choice(COMPANY_ACTIVITIES)} {rng.choice(COMPANY_CORES)} SL"
        new.append(parties.create_party(db, PartyData(
            legal_name=name, tax_id=_valid_cif(rng), street=f"Calle Mayor {rng.randint(1, 90)}",
            postal_code=f"{postal:05d}", city=town, province=province)).id)
        report.customers += 1
        if progress:
            progress("customers", i + 1, customers)
    with db.session() as s:
        known = list(s.execute(select(Party.id).where(Party.is_customer.is_(True), Party.tax_id.is_not(None),
                                                      Party.archived_at.is_(None)).limit(500)).scalars())
        goods = [(p.id, p.sale_price, p.tax_rate_id) for p in s.scalars(
            select(Product).where(Product.archived_at.is_(None)).order_by(Product.sku).limit(500))]
    buyers = new + known
    if not buyers or not goods:
        return report
    for i in range(invoices_n):
        lines = []
        for product_id, price, rate in rng.sample(goods, k=min(len(goods), rng.randint(1, 4))):
            lines.append(InvoiceLineData(description=None, product_id=product_id, quantity=Decimal(rng.randint(1, 5)),
                                         unit_price=price, tax_rate_id=rate))
        draft = invoices.create_draft(db, InvoiceData(issue_date=dt.date.today(), party_id=rng.choice(buyers),
                                                      moves_stock=True, lines=lines))
        report.invoices += 1
        try:
            report.numbered.append(posting.post_invoice(db, draft.id, allow_negative=True).full_number)
        except PostingQueued:
            report.queued += 1
        except TrastiendaError as exc:
            report.refused.append(f"{draft.id}: {exc}")
        if progress:
            progress("invoices", i + 1, invoices_n)
    return report
