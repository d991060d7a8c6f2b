"""Products, services and warehouses: create, update, archive, get, list."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, case, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import ProductKind
from app.domain.inventory import Product, StockMove, Warehouse
from app.domain.search import PRODUCT_SEARCH
from app.i18n import _
from app.money import ZERO
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import as_uuid, filter_choice, iva_rate
from app.services.stock import due_for_reorder, on_hand_sql, to_order_sql, value_sql
from app.services.validation import Validator, is_storable


@dataclass
class ProductData:
    """What a product form holds; every field a plain value."""

    sku: str
    name: str
    tax_rate_id: uuid.UUID | None = None
    kind: ProductKind | str = ProductKind.PRODUCT
    unit: str = "ud"
    category: str | None = None
    ean: str | None = None
    sale_price: Decimal | str | int = ZERO
    cost: Decimal | str | int = ZERO


@dataclass(frozen=True)
class ProductView:
    id: uuid.UUID
    version: int
    sku: str
    ean: str | None
    name: str
    kind: ProductKind
    unit: str
    category: str | None
    sale_price: Decimal
    cost: Decimal
    tax_rate_id: uuid.UUID
    archived_at: dt.datetime | None


@dataclass
class WarehouseData:
    code: str
    name: str
    street: str | None = None
    city: str | None = None
    is_default: bool = False


@dataclass(frozen=True)
class WarehouseView:
    id: uuid.UUID
    version: int
    code: str
    name: str
    street: str | None
    city: str | None
    is_default: bool
    archived_at: dt.datetime | None


# -- products: validation -------------------------------------------------------

def _validate_product(v: Validator, data: ProductData) -> dict:
    """Checks that need no database; the caller adds the database checks."""
    out = {
        "sku": v.required("sku", data.sku, max_len=40),
        "name": v.required("name", data.name),
        "kind": v.choice("kind", data.kind, ProductKind),
        "unit": v.required("unit", data.unit, max_len=10),
        "category": v.text("category", data.category, max_len=80),
        "ean": v.ean13("ean", data.ean),
        "sale_price": v.decimal("sale_price", data.sale_price, min_value=ZERO, places=4),
        "cost": v.decimal("cost", data.cost, min_value=ZERO, places=4),
        "tax_rate_id": data.tax_rate_id,
    }
    return out


@dataclass
class ProductCodes:
    """The SKUs and active barcodes of many products read at once, for checking a whole file of rows.

    ``_check_product_in_db`` asks it instead of querying per row; the rules are the same.
    """

    skus: dict[str, uuid.UUID]
    eans: dict[str, set[uuid.UUID]]

    @classmethod
    def read(cls, s: Session, skus, eans) -> ProductCodes:
        found_skus: dict[str, uuid.UUID] = {}
        found_eans: dict[str, set[uuid.UUID]] = {}
        skus, eans = sorted({x for x in skus if x}), sorted({x for x in eans if x})
        for i in range(0, len(skus), 500):
            found_skus.update(s.execute(select(Product.sku, Product.id).where(Product.sku.in_(skus[i:i + 500]))).all())
        for i in range(0, len(eans), 500):
            for ean, product_id in s.execute(select(Product.ean, Product.id).where(
                    Product.ean.in_(eans[i:i + 500]), Product.archived_at.is_(None))):
                found_eans.setdefault(ean, set()).add(product_id)
        return cls(found_skus, found_eans)


def _check_product_in_db(s: Session, v: Validator, values: dict, own: Product | None,
                         codes: ProductCodes | None = None) -> None:
    rate = iva_rate(s, v, "tax_rate_id", values["tax_rate_id"])
    if rate is not None:
        values["tax_rate_id"] = rate.id
    own_id = own.id if own is not None else None
    if values["sku"] and v.ok("sku"):
        # SKUs stay unique across archived products too: old documents still name them.
        if codes is not None:
            clash = codes.skus.get(values["sku"])
        else:
            clash = s.execute(select(Product.id).where(Product.sku == values["sku"])).scalar()
        if clash is not None and clash != own_id:
            v.error("sku", _("SKU {sku} is already used by another product.").format(sku=values["sku"]))
    if values["ean"] and v.ok("ean"):
        # Barcodes are unique among active products only: a retired product's code gets reused.
        if codes is not None:
            taken = bool(codes.eans.get(values["ean"], set()) - {own_id})
        else:
            stmt = select(Product.id).where(Product.ean == values["ean"], Product.archived_at.is_(None))
            if own_id is not None:
                stmt = stmt.where(Product.id != own_id)
            taken = s.execute(stmt.limit(1)).first() is not None
        if taken:
            v.error("ean", _("Barcode {ean} is already used by another product.").format(ean=values["ean"]))
    if own is not None and own.kind == ProductKind.PRODUCT and values["kind"] == ProductKind.SERVICE:
        # Its stock moves would be left counting a thing that is no longer stocked.
        if s.execute(select(StockMove.id).where(StockMove.product_id == own.id).limit(1)).first():
            v.error("kind", _("This product has stock moves; it cannot become a service."))


def _product_view(p: Product) -> ProductView:
    return to_view(ProductView, p)


# -- products: public API ---------------------------------------------------------

def create_product(db: Database, data: ProductData) -> ProductView:
    """Validates every field (and SKU/EAN uniqueness) first; writes nothing when any is wrong."""
    v = Validator()
    values = _validate_product(v, data)
    with db.session() as s:
        _check_product_in_db(s, v, values, None)
        v.done()
        product = Product(**values)
        s.add(product)
        s.flush()
        return _product_view(product)


def update_product(
    db: Database, product_id: uuid.UUID, data: ProductData, expected_version: int | None = None
) -> ProductView:
    """Saves the form over the stored row; refuses if someone saved in between."""
    v = Validator()
    values = _validate_product(v, data)
    with db.session() as s:
        product = get_or_404(s, Product, product_id, what=_("product"))
        check_version(product, expected_version)
        _check_product_in_db(s, v, values, product)
        v.done()
        apply(product, values)
        s.flush()
        return _product_view(product)


def archive_product(db: Database, product_id: uuid.UUID) -> ProductView:
    """Hides the product from lists and lookups; its history stays."""
    with db.session() as s:
        product = get_or_404(s, Product, product_id, what=_("product"))
        archive(product)
        s.flush()
        return _product_view(product)


def restore_product(db: Database, product_id: uuid.UUID) -> ProductView:
    """Brings an archived product back, unless its barcode now belongs to another active product."""
    with db.session() as s:
        product = get_or_404(s, Product, product_id, what=_("product"))
        if product.ean and product.archived_at is not None:
            clash = s.execute(select(Product.id).where(
                Product.ean == product.ean, Product.archived_at.is_(None), Product.id != product.id)).first()
            if clash is not None:
                v = Validator()
                v.error("ean", _("Barcode {ean} is now used by another product.").format(ean=product.ean))
                v.done()
        restore(product)
        s.flush()
        return _product_view(product)


def get_product(db: Database, product_id: uuid.UUID) -> ProductView:
    with db.session() as s:
        return _product_view(get_or_404(s, Product, product_id, what=_("product")))


def products_by_ids(db: Database, ids) -> dict[uuid.UUID, ProductView]:
    """The products with these ids, in one query; archived ones included (old documents
    still name them), unknown ids simply absent from the result.

    For a screen that shows many lines at once (an invoice's products by SKU).
    """
    keys = {k for k in (as_uuid(i) for i in ids) if k is not None}
    if not keys:
        return {}
    with db.session() as s:
        return {p.id: _product_view(p) for p in s.scalars(select(Product).where(Product.id.in_(keys)))}


def find_product_by_code(db: Database, code: str) -> ProductView | None:
    """The active product whose SKU or EAN is exactly ``code`` (SKU wins); None if none.

    Meant for barcode scanners and quick entry: one indexed lookup, no LIKE.
    """
    text = (code or "").strip()
    if not text or not is_storable(text):  # a NUL or broken text names no product (PostgreSQL refuses it)
        return None
    with db.session() as s:
        active = Product.archived_at.is_(None)
        product = s.execute(select(Product).where(Product.sku == text, active)).scalar()
        if product is None and text.isdigit():
            product = s.execute(select(Product).where(Product.ean == text, active).limit(1)).scalar()
        return _product_view(product) if product is not None else None


# Services have no stock: their "on hand" is empty rather than a misleading 0.
_SERVICE = Product.kind == ProductKind.SERVICE
_ON_HAND = case((_SERVICE, None), else_=on_hand_sql(Product.id))

PRODUCT_COLUMNS = [
    ListColumn("sku", _("SKU"), Product.sku, searchable=True),
    ListColumn("ean", _("EAN"), Product.ean, searchable=True),
    ListColumn("name", _("Name"), Product.name, searchable=True),
    ListColumn("category", _("Category"), Product.category, searchable=True),
    ListColumn("kind", _("Kind"), Product.kind),
    ListColumn("unit", _("Unit"), Product.unit),
    ListColumn("sale_price", _("Price"), Product.sale_price, align="right"),
    ListColumn("cost", _("Cost"), Product.cost, align="right"),
    # Read per returned row from the stock levels (a few rows by primary key each);
    # sorting by them would compute them for the whole catalogue.
    ListColumn("on_hand", _("On hand"), _ON_HAND, align="right", sortable=False),
    ListColumn("stock_value", _("Stock value"), case((_SERVICE, None), else_=value_sql(Product.id)),
               align="right", sortable=False),
    ListColumn("to_order", _("To order"), case((_SERVICE, None), else_=to_order_sql(Product.id)),
               align="right", sortable=False),
]


def _product_base(filters: dict) -> Select:
    stmt = select(*[c.expr.label(c.key) for c in PRODUCT_COLUMNS])
    if not filters.get("include_archived"):
        stmt = stmt.where(Product.archived_at.is_(None))
    if (kind := filter_choice(filters, "kind", ProductKind)) is not None:
        stmt = stmt.where(Product.kind == kind)
    if filters.get("category"):
        stmt = stmt.where(Product.category == filters["category"])
    if filters.get("below_reorder"):
        # Only products with a reorder rule can be due: the rule index drives it.
        stmt = stmt.where(Product.kind == ProductKind.PRODUCT, Product.id.in_(due_for_reorder()))
    return stmt


def list_products(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``kind`` (product|service), ``category`` (exact), ``include_archived``,
    ``below_reorder`` ("to reorder": stocked products at or below their reorder point in some warehouse).

    Rows carry ``on_hand`` and ``stock_value`` (company-wide, None for services)
    and ``to_order`` (the suggested quantity, None when nothing is due), computed
    only for the page's rows; they cannot be sorted by.
    """
    with db.session() as s:
        return run_list(s, _product_base(query.filters), PRODUCT_COLUMNS, Product.id, query, "name",
                        search_index=PRODUCT_SEARCH)


def count_products(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _product_base(query.filters), PRODUCT_COLUMNS, query.search, PRODUCT_SEARCH)


# -- warehouses -------------------------------------------------------------------

def _validate_warehouse(data: WarehouseData) -> dict:
    v = Validator()
    out = {
        "code": v.required("code", data.code, max_len=10),
        "name": v.required("name", data.name, max_len=120),
        "street": v.text("street", data.street),
        "city": v.text("city", data.city, max_len=100),
        "is_default": bool(data.is_default),
    }
    v.done()
    return out


def _check_warehouse_code(s: Session, code: str, own_id: uuid.UUID | None) -> None:
    clash = s.execute(select(Warehouse.id).where(Warehouse.code == code)).scalar()
    if clash is not None and clash != own_id:
        v = Validator()
        v.error("code", _("Code {code} is already used by another warehouse.").format(code=code))
        v.done()


def _set_default(s: Session, warehouse: Warehouse) -> None:
    """Only one default warehouse: choosing one clears the others."""
    if warehouse.is_default:
        for other in s.execute(select(Warehouse).where(Warehouse.is_default.is_(True), Warehouse.id != warehouse.id)).scalars():
            other.is_default = False


def create_warehouse(db: Database, data: WarehouseData) -> WarehouseView:
    """Validates first (code unique); writes nothing when any field is wrong."""
    values = _validate_warehouse(data)
    with db.session() as s:
        _check_warehouse_code(s, values["code"], None)
        warehouse = Warehouse(**values)
        s.add(warehouse)
        s.flush()
        _set_default(s, warehouse)
        s.flush()
        return to_view(WarehouseView, warehouse)


def update_warehouse(
    db: Database, warehouse_id: uuid.UUID, data: WarehouseData, expected_version: int | None = None
) -> WarehouseView:
    """Saves the form over the stored row; refuses if someone saved in between."""
    values = _validate_warehouse(data)
    with db.session() as s:
        warehouse = get_or_404(s, Warehouse, warehouse_id, what=_("warehouse"))
        check_version(warehouse, expected_version)
        _check_warehouse_code(s, values["code"], warehouse.id)
        apply(warehouse, values)
        _set_default(s, warehouse)
        s.flush()
        return to_view(WarehouseView, warehouse)


def archive_warehouse(db: Database, warehouse_id: uuid.UUID) -> WarehouseView:
    """No new moves may use an archived warehouse; its history stays."""
    with db.session() as s:
        warehouse = get_or_404(s, Warehouse, warehouse_id, what=_("warehouse"))
        archive(warehouse)
        s.flush()
        return to_view(WarehouseView, warehouse)


def restore_warehouse(db: Database, warehouse_id: uuid.UUID) -> WarehouseView:
    with db.session() as s:
        warehouse = get_or_404(s, Warehouse, warehouse_id, what=_("warehouse"))
        restore(warehouse)
        s.flush()
        return to_view(WarehouseView, warehouse)


def get_warehouse(db: Database, warehouse_id: uuid.UUID) -> WarehouseView:
    with db.session() as s:
        return to_view(WarehouseView, get_or_404(s, Warehouse, warehouse_id, what=_("warehouse")))


WAREHOUSE_COLUMNS = [
    ListColumn("code", _("Code"), Warehouse.code, searchable=True),
    ListColumn("name", _("Name"), Warehouse.name, searchable=True),
    ListColumn("city", _("City"), Warehouse.city, searchable=True),
    ListColumn("is_default", _("Default"), Warehouse.is_default, align="center"),
]


def _warehouse_base(filters: dict) -> Select:
    stmt = select(*[c.expr.label(c.key) for c in WAREHOUSE_COLUMNS])
    if not filters.get("include_archived"):
        stmt = stmt.where(Warehouse.archived_at.is_(None))
    return stmt


def list_warehouses(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``include_archived``."""
    with db.session() as s:
        return run_list(s, _warehouse_base(query.filters), WAREHOUSE_COLUMNS, Warehouse.id, query, "code")


def count_warehouses(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _warehouse_base(query.filters), WAREHOUSE_COLUMNS, query.search)
