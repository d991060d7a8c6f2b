"""The lookups the invoice editor makes: every product of an invoice's lines in one read."""

from __future__ import annotations

import uuid
from decimal import Decimal

from app.services import products
from app.services.products import ProductData
from app.services.setup import tax_rate_id


def test_products_by_ids_returns_each_known_product_once_archived_included(db):
    a = products.create_product(db, ProductData(sku="TORN-6", name="Tornillo 6 mm", tax_rate_id=tax_rate_id("IVA21"),
                                                sale_price=Decimal("0.1250")))
    b = products.create_product(db, ProductData(sku="LIB-1", name="Libro", tax_rate_id=tax_rate_id("IVA4")))
    products.archive_product(db, b.id)
    found = products.products_by_ids(db, [a.id, str(b.id), a.id, uuid.uuid4(), "not an id", None])
    assert set(found) == {a.id, b.id}
    assert found[a.id].sku == "TORN-6" and found[a.id].sale_price == Decimal("0.1250")
    assert found[a.id].tax_rate_id == tax_rate_id("IVA21")
    assert found[b.id].archived_at is not None
    assert products.products_by_ids(db, []) == {}
