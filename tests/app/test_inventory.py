"""Scenarios of a clerk keeping the catalogue, the warehouses and the stock."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.compliance.identifiers import ean13_check_digit
from app.domain.inventory import Product, StockMove, Warehouse
from app.errors import ConflictError, NegativeStockWarning, NotFoundError, ValidationError
from app.services import inventory
from app.services.inventory import ProductData, StockMoveData, WarehouseData
from app.services.listing import ListQuery
from app.services.setup import fixed_id, tax_rate_id

IVA21 = tax_rate_id("IVA21")
MAIN = fixed_id("warehouse", "MAIN")


def _count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def _product(db, sku="TORN-6", **kw):
    kw.setdefault("name", "Tornillo 6 mm")
    kw.setdefault("tax_rate_id", IVA21)
    return inventory.create_product(db, ProductData(sku=sku, **kw))


def _all_pages(fetch, query: ListQuery) -> list[dict]:
    rows, after = [], None
    while True:
        page = fetch(ListQuery(search=query.search, sort=query.sort, descending=query.descending,
                               limit=query.limit, after=after, filters=query.filters))
        rows += page.rows
        if not page.has_more:
            return rows
        after = page.next_after


# -- products ----------------------------------------------------------------------

def test_create_a_product_and_find_it_by_sku_or_barcode(db):
    view = _product(db, ean=" 8412345678905 ", category="Ferretería", sale_price="0.1250", cost=Decimal("0.05"))
    assert view.ean == "8412345678905"
    assert view.sale_price == Decimal("0.1250")
    assert view.version == 1
    assert inventory.get_product(db, view.id) == view
    assert inventory.find_product_by_code(db, "TORN-6").id == view.id
    assert inventory.find_product_by_code(db, "8412345678905").id == view.id
    assert inventory.find_product_by_code(db, "NOPE") is None
    assert inventory.find_product_by_code(db, "  ") is None
    inventory.archive_product(db, view.id)
    assert inventory.find_product_by_code(db, "TORN-6") is None


@pytest.mark.parametrize(
    "field, changes",
    [
        ("sku", {"sku": "  "}),
        ("sku", {"sku": "X" * 41}),
        ("name", {"name": ""}),
        ("ean", {"ean": "8412345678906"}),  # wrong check digit
        ("ean", {"ean": "12345670"}),  # EAN-8, not EAN-13
        ("kind", {"kind": "gift"}),
        ("unit", {"unit": ""}),
        ("sale_price", {"sale_price": Decimal("-1")}),
        ("sale_price", {"sale_price": Decimal("1.00001")}),
        ("cost", {"cost": "abc"}),
        ("cost", {"cost": Decimal("-0.01")}),
        ("tax_rate_id", {"tax_rate_id": None}),
        ("tax_rate_id", {"tax_rate_id": uuid.uuid4()}),
        ("tax_rate_id", {"tax_rate_id": tax_rate_id("IRPF15")}),  # not an IVA rate
        ("tax_rate_id", {"tax_rate_id": tax_rate_id("RE5.2")}),
    ],
)
def test_bad_product_input_names_the_field_and_writes_nothing(db, field, changes):
    data = ProductData(sku="A-1", name="Algo", tax_rate_id=IVA21)
    for k, v in changes.items():
        setattr(data, k, v)
    before = _count(db, Product)
    with pytest.raises(ValidationError) as err:
        inventory.create_product(db, data)
    assert field in err.value.fields
    assert err.value.message_for(field)
    assert _count(db, Product) == before == 0


def test_an_archived_tax_rate_cannot_be_chosen(db):
    from app.domain.taxes import TaxRate
    from app.domain.types import utcnow

    with db.session() as s:
        s.get(TaxRate, tax_rate_id("IVA4")).archived_at = utcnow()
    with pytest.raises(ValidationError) as err:
        _product(db, tax_rate_id=tax_rate_id("IVA4"))
    assert err.value.field == "tax_rate_id"
    assert _count(db, Product) == 0


def test_duplicate_sku_is_refused_even_against_an_archived_product(db):
    first = _product(db, sku="DUP")
    with pytest.raises(ValidationError) as err:
        _product(db, sku="DUP", name="Otro")
    assert err.value.fields == {"sku"}
    inventory.archive_product(db, first.id)
    with pytest.raises(ValidationError):
        _product(db, sku="DUP", name="Otro")
    assert _count(db, Product) == 1


def test_barcode_is_unique_among_active_products_only(db):
    old = _product(db, sku="OLD", ean=_ean(1))
    with pytest.raises(ValidationError) as err:
        _product(db, sku="NEW", ean=_ean(1))
    assert err.value.field == "ean"
    inventory.archive_product(db, old.id)
    new = _product(db, sku="NEW", ean=_ean(1))
    assert inventory.find_product_by_code(db, _ean(1)).id == new.id
    with pytest.raises(ValidationError) as err:
        inventory.restore_product(db, old.id)
    assert err.value.field == "ean"
    assert inventory.get_product(db, old.id).archived_at is not None


def test_update_keeps_its_own_sku_and_barcode(db):
    view = _product(db, ean=_ean(7))
    data = ProductData(sku="TORN-6", name="Tornillo 6 mm inox", tax_rate_id=IVA21, ean=_ean(7),
                       sale_price=Decimal("0.20"))
    updated = inventory.update_product(db, view.id, data, view.version)
    assert updated.name == "Tornillo 6 mm inox"
    assert updated.version == 2


def test_failed_product_update_leaves_the_row_untouched(db):
    view = _product(db)
    other = _product(db, sku="OTHER")
    for bad in (
        ProductData(sku="OTHER", name="X", tax_rate_id=IVA21),
        ProductData(sku="TORN-6", name="X", tax_rate_id=IVA21, cost=Decimal("-3")),
        ProductData(sku="TORN-6", name="X", tax_rate_id=tax_rate_id("IRPF7")),
    ):
        with pytest.raises(ValidationError):
            inventory.update_product(db, view.id, bad, view.version)
    assert inventory.get_product(db, view.id) == view
    assert inventory.get_product(db, other.id) == other


def test_stale_product_form_is_a_conflict(db):
    view = _product(db)
    inventory.update_product(db, view.id, ProductData(sku="TORN-6", name="v2", tax_rate_id=IVA21), view.version)
    with pytest.raises(ConflictError):
        inventory.update_product(db, view.id, ProductData(sku="TORN-6", name="v3", tax_rate_id=IVA21), view.version)
    assert inventory.get_product(db, view.id).name == "v2"


def test_a_product_with_stock_moves_cannot_become_a_service(db):
    view = _product(db)
    inventory.record_move(db, StockMoveData("receipt", view.id, 5, to_warehouse_id=MAIN, unit_cost=1))
    with pytest.raises(ValidationError) as err:
        inventory.update_product(db, view.id, ProductData(sku="TORN-6", name="x", tax_rate_id=IVA21, kind="service"))
    assert err.value.field == "kind"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(price=st.decimals(min_value=-1000, max_value=1000, places=6, allow_nan=False, allow_infinity=False))
def test_any_price_is_either_stored_exactly_or_refused_on_its_field(sqlite_db, price):
    sku = f"H{uuid.uuid4().hex[:10]}"
    before = _count(sqlite_db, Product)
    try:
        view = inventory.create_product(sqlite_db, ProductData(sku=sku, name="H", tax_rate_id=IVA21, sale_price=price))
    except ValidationError as err:
        assert err.fields == {"sale_price"}
        assert price < 0 or price != price.quantize(Decimal("0.0001"))
        assert _count(sqlite_db, Product) == before
    else:
        assert price >= 0 and view.sale_price == price
        assert inventory.get_product(sqlite_db, view.id).sale_price == price


def test_product_list_pages_both_ways_searches_and_filters(db):
    for i in range(65):
        _product(db, sku=f"SKU{i:03d}", name=f"Artículo {i:03d}", ean=_ean(i),
                 category="Pintura" if i % 3 == 0 else "Ferretería", kind="service" if i == 64 else "product",
                 sale_price=Decimal(i) / 4)
    expected = [f"Artículo {i:03d}" for i in range(65)]
    up = _all_pages(lambda q: inventory.list_products(db, q), ListQuery(limit=7))
    assert [r["name"] for r in up] == expected
    down = _all_pages(lambda q: inventory.list_products(db, q), ListQuery(limit=7, descending=True))
    assert [r["name"] for r in down] == expected[::-1]
    by_price = _all_pages(lambda q: inventory.list_products(db, q), ListQuery(sort="sale_price", limit=10))
    assert [r["sale_price"] for r in by_price] == sorted(Decimal(i) / 4 for i in range(65))
    assert {r["sku"] for r in by_price} == {f"SKU{i:03d}" for i in range(65)}

    assert [r["sku"] for r in inventory.list_products(db, ListQuery(search="sku01")).rows] == [
        f"SKU{i:03d}" for i in range(10, 20)]
    assert [r["sku"] for r in inventory.list_products(db, ListQuery(search=_ean(42))).rows] == ["SKU042"]
    assert inventory.count_products(db, ListQuery(search="pintura")) == 22
    assert inventory.count_products(db, ListQuery(filters={"category": "Pintura"})) == 22
    assert [r["sku"] for r in inventory.list_products(db, ListQuery(filters={"kind": "service"})).rows] == ["SKU064"]
    with pytest.raises(ValidationError) as err:
        inventory.list_products(db, ListQuery(filters={"kind": "gadget"}))
    assert err.value.field == "kind"
    inventory.archive_product(db, inventory.find_product_by_code(db, "SKU000").id)
    assert inventory.count_products(db) == 64
    assert inventory.count_products(db, ListQuery(filters={"include_archived": True})) == 65
    assert {c.key: c.align for c in inventory.PRODUCT_COLUMNS}["sale_price"] == "right"


# -- warehouses --------------------------------------------------------------------

def test_warehouses_have_unique_codes_and_one_default(db):
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Almacén norte", is_default=True))
    assert inventory.get_warehouse(db, MAIN).is_default is False
    with pytest.raises(ValidationError) as err:
        inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Otro"))
    assert err.value.field == "code"
    with pytest.raises(ValidationError) as err:
        inventory.create_warehouse(db, WarehouseData(code="", name=""))
    assert err.value.fields == {"code", "name"}
    assert _count(db, Warehouse) == 2
    with pytest.raises(ValidationError):
        inventory.update_warehouse(db, north.id, WarehouseData(code="MAIN", name="x"), north.version)
    assert inventory.get_warehouse(db, north.id) == north
    inventory.update_warehouse(db, north.id, WarehouseData(code="NORTE", name="Norte"), north.version)
    with pytest.raises(ConflictError):
        inventory.update_warehouse(db, north.id, WarehouseData(code="NORTE", name="Nord"), north.version)
    inventory.archive_warehouse(db, north.id)
    assert [r["code"] for r in inventory.list_warehouses(db).rows] == ["MAIN"]
    assert inventory.count_warehouses(db, ListQuery(filters={"include_archived": True})) == 2


# -- stock moves -------------------------------------------------------------------

def test_stock_on_hand_is_the_sum_of_receipts_deliveries_transfers_and_reversals(db):
    p = _product(db)
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    rec = inventory.record_move(db, StockMoveData("receipt", p.id, Decimal("100"), to_warehouse_id=MAIN,
                                                  unit_cost=Decimal("0.0500"), reference="ALB-1"))
    inventory.record_move(db, StockMoveData("delivery", p.id, Decimal("30.5"), from_warehouse_id=MAIN))
    inventory.record_move(db, StockMoveData("transfer", p.id, 20, from_warehouse_id=MAIN, to_warehouse_id=north))
    inventory.record_move(db, StockMoveData("adjustment", p.id, 2, from_warehouse_id=north, reason="Rotos"))
    inventory.record_move(db, StockMoveData("adjustment", p.id, Decimal("0.5"), to_warehouse_id=MAIN))
    assert inventory.stock_on_hand(db, p.id, MAIN) == Decimal("50")  # 100 - 30.5 - 20 + 0.5
    assert inventory.stock_on_hand(db, p.id, north) == Decimal("18")
    assert inventory.stock_on_hand(db, p.id) == Decimal("68")

    with pytest.raises(NegativeStockWarning):  # its goods have left: the clerk is asked first
        inventory.reverse_move(db, rec.id, "Albarán duplicado")
    rev = inventory.reverse_move(db, rec.id, "Albarán duplicado", allow_negative=True)
    assert rev.reverses_id == rec.id
    assert (rev.from_warehouse_id, rev.to_warehouse_id) == (MAIN, None)
    assert rev.quantity == rec.quantity and rev.kind == rec.kind
    assert inventory.stock_on_hand(db, p.id, MAIN) == Decimal("-50")  # shortage shows, it is not hidden
    assert inventory.stock_on_hand(db, p.id) == Decimal("-32")
    assert inventory.stock_on_hand(db, _product(db, sku="EMPTY").id) == Decimal("0")

    # The same totals, computed by hand from the listed moves.
    rows = _all_pages(lambda q: inventory.list_moves(db, q), ListQuery(limit=2, filters={"product_id": p.id}))
    assert len(rows) == 6
    by_hand = sum((r["quantity"] if r["to_warehouse"] == "MAIN" else -r["quantity"])
                  for r in rows if "MAIN" in (r["from_warehouse"], r["to_warehouse"]))
    assert by_hand == inventory.stock_on_hand(db, p.id, MAIN)


def test_a_move_is_reversed_once_and_a_reversal_is_not_reversed(db):
    p = _product(db)
    move = inventory.record_move(db, StockMoveData("receipt", p.id, 5, to_warehouse_id=MAIN, unit_cost=0))
    rev = inventory.reverse_move(db, move.id, "error")
    before = _count(db, StockMove)
    for target in (move.id, rev.id):
        with pytest.raises(ValidationError) as err:
            inventory.reverse_move(db, target, "again")
        assert err.value.field == "move_id"
    with pytest.raises(ValidationError) as err:
        inventory.reverse_move(db, move.id, "  ")
    assert err.value.field == "reason"
    with pytest.raises(NotFoundError):
        inventory.reverse_move(db, uuid.uuid4(), "x")
    assert _count(db, StockMove) == before
    assert not hasattr(inventory, "update_move") and not hasattr(inventory, "delete_move")


@pytest.mark.parametrize(
    "field, kind, changes",
    [
        ("to_warehouse_id", "receipt", {}),
        ("from_warehouse_id", "receipt", {"from": "MAIN", "to": "MAIN"}),
        ("unit_cost", "receipt", {"to": "MAIN", "unit_cost": None}),
        ("unit_cost", "receipt", {"to": "MAIN", "unit_cost": Decimal("-1")}),
        ("from_warehouse_id", "delivery", {"to": "MAIN"}),
        ("to_warehouse_id", "delivery", {"from": "MAIN", "to": "MAIN"}),
        ("to_warehouse_id", "adjustment", {}),
        ("to_warehouse_id", "adjustment", {"from": "MAIN", "to": "MAIN"}),
        ("to_warehouse_id", "transfer", {"from": "MAIN", "to": "MAIN"}),
        ("from_warehouse_id", "transfer", {"to": "MAIN"}),
        ("to_warehouse_id", "transfer", {"from": "MAIN", "to": "GHOST"}),
        ("quantity", "delivery", {"from": "MAIN", "quantity": 0}),
        ("quantity", "delivery", {"from": "MAIN", "quantity": Decimal("-2")}),
        ("quantity", "delivery", {"from": "MAIN", "quantity": Decimal("0.00001")}),
        ("kind", "theft", {"from": "MAIN"}),
        ("product_id", "delivery", {"from": "MAIN", "product": "service"}),
        ("product_id", "delivery", {"from": "MAIN", "product": None}),
        ("product_id", "delivery", {"from": "MAIN", "product": "ghost"}),
        ("from_warehouse_id", "delivery", {"from": "ARCHIVED"}),
    ],
)
def test_bad_moves_name_the_field_and_write_nothing(db, field, kind, changes):
    stocked = _product(db)
    service = _product(db, sku="SERV", kind="service")
    gone = inventory.create_warehouse(db, WarehouseData(code="OLD", name="Cerrado"))
    inventory.archive_warehouse(db, gone.id)
    warehouses = {"MAIN": MAIN, "GHOST": uuid.uuid4(), "ARCHIVED": gone.id, None: None}
    products = {"stocked": stocked.id, "service": service.id, "ghost": uuid.uuid4(), None: None}
    data = StockMoveData(
        kind, products[changes.get("product", "stocked")], changes.get("quantity", 1),
        from_warehouse_id=warehouses[changes.get("from")], to_warehouse_id=warehouses[changes.get("to")],
        unit_cost=changes.get("unit_cost", Decimal("1")),
    )
    with pytest.raises(ValidationError) as err:
        inventory.record_move(db, data)
    assert field in err.value.fields
    assert err.value.message_for(field)
    assert _count(db, StockMove) == 0


def test_move_list_filters_by_product_warehouse_kind_and_dates(db):
    a, b = _product(db, sku="A"), _product(db, sku="B")
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    day = dt.date(2024, 3, 1)
    for i in range(62):
        inventory.record_move(db, StockMoveData("receipt", a.id if i % 2 else b.id, i + 1, to_warehouse_id=MAIN,
                                                unit_cost=1, date=day + dt.timedelta(days=i % 31)))
    inventory.record_move(db, StockMoveData("transfer", a.id, 1, from_warehouse_id=MAIN, to_warehouse_id=north,
                                            date=day))
    everything = inventory.count_moves(db)
    assert everything == 63
    up = _all_pages(lambda q: inventory.list_moves(db, q), ListQuery(limit=9))
    down = _all_pages(lambda q: inventory.list_moves(db, q), ListQuery(limit=9, descending=True))
    assert len(up) == len({(r["date"], r["quantity"], r["sku"], r["kind"]) for r in up}) == 63
    assert [r["date"] for r in up] == sorted(r["date"] for r in up)
    assert up == down[::-1]
    assert inventory.count_moves(db, ListQuery(filters={"product_id": a.id})) == 32
    assert inventory.count_moves(db, ListQuery(filters={"warehouse_id": north})) == 1
    assert inventory.count_moves(db, ListQuery(filters={"kind": "transfer"})) == 1
    march_first_week = ListQuery(filters={"date_from": day, "date_to": day + dt.timedelta(days=6)})
    assert inventory.count_moves(db, march_first_week) == 7 * 2 + 1
    assert inventory.count_moves(db, ListQuery(search="norte")) == 1
