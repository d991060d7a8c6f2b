"""Small helpers the invoicing scenarios share: customers, products, fake posting.

Products are written directly (the inventory service is a separate piece of
work); posting is simulated by setting the fields the posting step will set.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.enums import InvoiceStatus
from app.domain.inventory import Product
from app.domain.invoices import Invoice
from app.domain.types import utcnow
from app.services import parties
from app.services.parties import PartyData
from app.services.setup import tax_rate_id

D = Decimal
DAY = dt.date(2026, 3, 2)


def customer(db, name: str = "Ferretería López SL", tax_id: str | None = "B12345674", **kw) -> uuid.UUID:
    return parties.create_party(db, PartyData(legal_name=name, tax_id=tax_id, **kw)).id


def product(db, name: str, price: str, rate: str = "IVA21", *, archived: bool = False) -> uuid.UUID:
    with db.session() as s:
        p = Product(sku=f"SKU-{uuid.uuid4().hex[:10]}", name=name, sale_price=D(price),
                    tax_rate_id=tax_rate_id(rate), archived_at=utcnow() if archived else None)
        s.add(p)
        s.flush()
        return p.id


def post(db, invoice_id: uuid.UUID, number: int, prefix: str = "F") -> None:
    """Stand-in for the posting step (a later issue): number it and freeze it."""
    with db.session() as s:
        inv = s.get(Invoice, invoice_id)
        inv.status = InvoiceStatus.POSTED
        inv.fiscal_year = inv.issue_date.year
        inv.number = number
        inv.full_number = f"{prefix}{inv.fiscal_year}-{number:06d}"
        inv.posted_at = utcnow()


def count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()
