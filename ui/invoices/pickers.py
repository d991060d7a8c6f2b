"""Type-ahead pickers of the invoice editor: products by SKU, name or EAN; customers by name or NIF.

``search`` runs on a worker thread (LookupField calls it there); the other
lookups are single indexed reads the GUI thread may make when a choice is made.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.db.session import Database
from app.services import parties, products
from app.services.listing import ListQuery
from app.services.products import ProductView
from ui.common.formatting import format_decimal

SUGGESTIONS = 20


def product_label(sku: str, name: str, ean: str | None, price) -> str:
    # SKU first and the EAN in brackets: LookupField picks a lone exact match by either.
    text = f"{sku} {name}"
    if ean:
        text += f" [{ean}]"
    if price is not None:
        text += f" · {format_decimal(price, 2) if price == round(price, 2) else format_decimal(price, None)}"
    return text


def party_label(legal_name: str, tax_id: str | None, code: str) -> str:
    return f"{legal_name} [{tax_id}]" if tax_id else f"{legal_name} ({code})"


class ProductPicker:
    def __init__(self, db: Database):
        self.db = db

    def search(self, text: str) -> list[tuple[str, Any]]:
        page = products.list_products(self.db, ListQuery(search=text, limit=SUGGESTIONS, sort="sku"))
        return [(product_label(r["sku"], r["name"], r["ean"], r["sale_price"]), r["__id"]) for r in page.rows]

    def get(self, product_id: Any) -> ProductView:
        return products.get_product(self.db, uuid.UUID(str(product_id)))

    def by_code(self, code: str) -> ProductView | None:
        """A scanned EAN or a full SKU typed without waiting for the suggestions."""
        return products.find_product_by_code(self.db, code)

    def many(self, ids) -> dict[uuid.UUID, ProductView]:
        return products.products_by_ids(self.db, ids)


class CustomerPicker:
    def __init__(self, db: Database):
        self.db = db

    def search(self, text: str) -> list[tuple[str, Any]]:
        query = ListQuery(search=text, limit=SUGGESTIONS, filters={"role": "customer"})
        page = parties.list_parties(self.db, query)
        return [(party_label(r["legal_name"], r["tax_id"], r["code"]), r["__id"]) for r in page.rows]
