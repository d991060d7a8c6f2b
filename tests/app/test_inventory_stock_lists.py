"""Stock on hand where a clerk reads it: in the product list and per warehouse."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.compliance.identifiers import ean13_check_digit
from app.errors import ValidationError
from app.services import inventory
from app.services.inventory import ProductData, StockMoveData, StockRuleData, WarehouseData
from app.services.listing import ListQuery
from app.services.setup import fixed_id, tax_rate_id

IVA21 = tax_rate_id("IVA21")
MAIN = fixed_id("warehouse", "MAIN")


def _product(db, sku, **kw):
    kw.setdefault("name", f"Artículo {sku}")
    kw.setdefault("tax_rate_id", IVA21)
    return inventory.create_product(db, ProductData(sku=sku, **kw))


def _receipt(db, product_id, qty, warehouse=MAIN):
    return inventory.record_move(db, StockMoveData("receipt", product_id, Decimal(qty), to_warehouse_id=warehouse,
                                                   unit_cost=Decimal("1")))


def _on_hand_column(db, query: ListQuery = ListQuery(limit=500)) -> dict[str, Decimal | None]:
    rows, after = [], None
    while True:
        page = inventory.list_products(db, ListQuery(search=query.search, sort=query.sort, limit=query.limit,
                                                     descending=query.descending, after=after,
                                                     filters=query.filters))
        rows += page.rows
        if not page.has_more:
            return {r["sku"]: r["on_hand"] for r in rows}
        after = page.next_after


def test_the_product_list_shows_company_stock_on_hand_as_stock_on_hand_counts_it(db):
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    tornillo = _product(db, "TORN-6")
    rec = _receipt(db, tornillo.id, "100")
    inventory.record_move(db, StockMoveData("delivery", tornillo.id, Decimal("30.5"), from_warehouse_id=MAIN))
    inventory.record_move(db, StockMoveData("transfer", tornillo.id, 20, from_warehouse_id=MAIN,
                                            to_warehouse_id=north))
    inventory.record_move(db, StockMoveData("adjustment", tornillo.id, 2, from_warehouse_id=north, reason="Rotos"))
    inventory.record_move(db, StockMoveData("adjustment", tornillo.id, Decimal("0.0001"), to_warehouse_id=MAIN))
    tuerca = _product(db, "TUER-6")
    _receipt(db, tuerca.id, "10")
    inventory.record_move(db, StockMoveData("delivery", tuerca.id, 3, from_warehouse_id=north),
                          allow_negative=True)  # a shortage there
    _product(db, "NADA")
    _product(db, "MONTAJE", kind="service", name="Montaje")

    assert _on_hand_column(db) == {"TORN-6": Decimal("67.5001"), "TUER-6": Decimal("7"), "NADA": Decimal("0"),
                                   "MONTAJE": None}
    assert _on_hand_column(db)["TORN-6"] == inventory.stock_on_hand(db, tornillo.id)
    inventory.reverse_move(db, rec.id, "Albarán duplicado", allow_negative=True)
    assert _on_hand_column(db)["TORN-6"] == Decimal("-32.4999") == inventory.stock_on_hand(db, tornillo.id)
    # Pages of one row, sorted either way, carry the same figures (computed per returned row).
    assert _on_hand_column(db, ListQuery(limit=1, sort="sku", descending=True)) == _on_hand_column(db)
    assert _on_hand_column(db, ListQuery(search="tuer")) == {"TUER-6": Decimal("7")}
    assert {c.key: c.sortable for c in inventory.PRODUCT_COLUMNS}["on_hand"] is False
    with pytest.raises(ValidationError) as err:
        inventory.list_products(db, ListQuery(sort="on_hand"))
    assert err.value.field == "sort"


def test_below_reorder_point_lists_stocked_products_at_or_under_their_point_in_some_warehouse(db):
    def ean(n: int) -> str:
        return f"84{n:010d}" + ean13_check_digit(f"84{n:010d}")

    cases = {  # sku: (stock, reorder point in MAIN)
        "UNDER": ("4", "5"), "AT": ("5", "5"), "OVER": ("6", "5"), "NO-POINT": ("0", None), "EMPTY": (None, "1"),
    }
    for i, (sku, (stock, point)) in enumerate(cases.items()):
        p = _product(db, sku, ean=ean(i))
        if point:
            inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, reorder_point=point))
        if stock and stock != "0":
            _receipt(db, p.id, stock)
    # A point is per warehouse: plenty in NORTE does not cover a shortfall in MAIN, and the other way round.
    split = _product(db, "SPLIT")
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    inventory.set_stock_rule(db, StockRuleData(split.id, MAIN, reorder_point="5"))
    _receipt(db, split.id, "3")
    _receipt(db, split.id, "30", north)
    covered = _product(db, "COVERED")
    inventory.set_stock_rule(db, StockRuleData(covered.id, north, reorder_point="5"))
    _receipt(db, covered.id, "6", north)

    below = ListQuery(filters={"below_reorder": True})
    assert sorted(_on_hand_column(db, below)) == ["AT", "EMPTY", "SPLIT", "UNDER"]
    assert inventory.count_products(db, below) == 4
    assert inventory.count_products(db, ListQuery(filters={"below_reorder": True}, search="under")) == 1
    inventory.archive_product(db, inventory.find_product_by_code(db, "AT").id)
    assert sorted(_on_hand_column(db, below)) == ["EMPTY", "SPLIT", "UNDER"]
    assert inventory.count_products(db, ListQuery(filters={"below_reorder": True, "include_archived": True})) == 4


def test_stock_by_warehouse_lists_every_active_warehouse_and_archived_ones_holding_stock(db):
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    closed = inventory.create_warehouse(db, WarehouseData(code="VIEJO", name="Almacén viejo")).id
    empty_closed = inventory.create_warehouse(db, WarehouseData(code="CERRADO", name="Cerrado")).id
    p = _product(db, "TORN-6")
    _receipt(db, p.id, "100")
    inventory.record_move(db, StockMoveData("transfer", p.id, 20, from_warehouse_id=MAIN, to_warehouse_id=north))
    inventory.record_move(db, StockMoveData("delivery", p.id, Decimal("2.5"), from_warehouse_id=north))
    inventory.record_move(db, StockMoveData("transfer", p.id, 4, from_warehouse_id=MAIN, to_warehouse_id=closed))
    inventory.archive_warehouse(db, closed)
    inventory.archive_warehouse(db, empty_closed)

    stock = inventory.stock_by_warehouse(db, p.id)
    assert [(w.code, w.quantity, w.archived) for w in stock] == [
        ("MAIN", Decimal("76"), False), ("NORTE", Decimal("17.5"), False), ("VIEJO", Decimal("4"), True)]
    for w in stock:
        assert w.quantity == inventory.stock_on_hand(db, p.id, w.warehouse_id)
    assert sum(w.quantity for w in stock) == inventory.stock_on_hand(db, p.id)

    other = _product(db, "SIN-MOVS")
    assert [(w.code, w.quantity) for w in inventory.stock_by_warehouse(db, other.id)] == [
        ("MAIN", Decimal("0")), ("NORTE", Decimal("0"))]
