"""What a product's shelf label shows, read from the catalogue (the PDF is app.documents.barcode_labels)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from app.db.session import Database
from app.documents.barcode_labels import LabelItem
from app.domain.inventory import Product
from app.errors import NotFoundError
from app.i18n import _
from app.services.lookups import as_uuid


def label_items(db: Database, product_ids: Iterable[uuid.UUID | str]) -> list[LabelItem]:
    """One label item (one copy) per product, in the order of ``product_ids``; duplicates kept once.

    Each carries the stored sale price (without IVA) and the percent of the
    product's IVA rate, archived rate or product included: a label is printed
    for what is on the shelf. One query. An unknown id raises NotFoundError.
    """
    order: list[uuid.UUID] = []
    for raw in product_ids:
        key = as_uuid(raw)
        if key is None:
            raise NotFoundError(_("No product with id {id}.").format(id=raw))
        if key not in order:
            order.append(key)
    if not order:
        return []
    with db.session() as s:
        found = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_(order)))}
        missing = [str(k) for k in order if k not in found]
        if missing:
            raise NotFoundError(_("No product with id {id}.").format(id=", ".join(missing)))
        return [LabelItem(name=p.name, sku=p.sku, ean=p.ean, price=p.sale_price, tax_percent=p.tax_rate.percent,
                          copies=1, unit=p.unit) for p in (found[k] for k in order)]
