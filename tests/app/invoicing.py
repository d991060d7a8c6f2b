"""Small helpers the invoicing scenarios share: customers, products, fake posting.

Products are written directly (the inventory service is a separate piece of
work); posting is simulated by setting the fields the posting step will set.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.enums import InvoiceStatus, StockMoveKind
from app.domain.inventory import Product
from app.domain.invoices import Invoice
from app.domain.types import utcnow
from app.services import parties
from app.services.parties import PartyData
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock import StockMoveData, record_move

D = Decimal
DAY = dt.date(2026, 3, 2)


def customer(db, name: str = "Ferretería López SL", tax_id: str | None = "B12345674", **kw) -> uuid.UUID:
    return parties.create_party(db, PartyData(legal_name=name, tax_id=tax_id, **kw)).id


def product(db, name: str, price: str, rate: str = "IVA21", *, archived: bool = False,
            stock: str | None = "1000") -> uuid.UUID:
    """A stocked product with ``stock`` units received into the main warehouse (posting delivers them)."""
    with db.session() as s:
        p = Product(sku=f"SKU-{uuid.uuid4().hex[:10]}", name=name, sale_price=D(price), cost=(D(price) / 2).quantize(D("0.0001")),
                    tax_rate_id=tax_rate_id(rate))
        s.add(p)
        s.flush()
        product_id = p.id
    if stock is not None:
        record_move(db, StockMoveData(kind=StockMoveKind.RECEIPT, product_id=product_id, quantity=stock,
                                      to_warehouse_id=fixed_id("warehouse", "MAIN"), unit_cost=(D(price) / 2).quantize(D("0.0001"))))
    if archived:
        with db.session() as s:
            s.get(Product, product_id).archived_at = utcnow()
    return product_id


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
