"""Clerks delivering the last units at the same moment: stock is never counted twice or lost.

Real concurrent transactions: threads with their own connections, on SQLite
and on the PostgreSQL server.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from sqlalchemy import update

from app.domain.company import Company
from app.domain.enums import NegativeStockPolicy, StockMoveKind
from app.errors import NegativeStockWarning, ValidationError
from app.services import inventory
from app.services.inventory import ProductData, StockMoveData
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock import PlannedMove, take_write_lock, write_moves

MAIN = fixed_id("warehouse", "MAIN")


def _shop(db, stock: str, policy=NegativeStockPolicy.WARN):
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", negative_stock=policy))
    p = inventory.create_product(db, ProductData(sku="LAST", name="La última", tax_rate_id=tax_rate_id("IVA21")))
    inventory.record_move(db, StockMoveData("receipt", p.id, stock, to_warehouse_id=MAIN, unit_cost="2.00"))
    return p


def _deliver(db, product_id):
    return inventory.record_move(db, StockMoveData("delivery", product_id, "1", from_warehouse_id=MAIN))


def test_the_second_clerk_waits_for_the_first_and_sees_what_it_left(db):
    p = _shop(db, "1")
    first_holds_lock = threading.Event()
    committing = threading.Event()
    second_done = threading.Event()

    def first():
        with db.session() as s:  # one transaction, held open until the second is waiting on it
            take_write_lock(s)
            write_moves(s, [PlannedMove({"kind": StockMoveKind.DELIVERY, "product_id": p.id,
                                         "from_warehouse_id": MAIN, "to_warehouse_id": None,
                                         "quantity": Decimal(1), "unit_cost": None, "date": dt.date.today(),
                                         "reference": "first", "reason": None, "party_id": None,
                                         "invoice_id": None})], allow_negative=False)
            first_holds_lock.set()
            # The second clerk cannot finish while this transaction holds the level.
            assert not second_done.wait(1.0)
            committing.set()

    def second():
        first_holds_lock.wait(10)
        try:
            _deliver(db, p.id)
            return "delivered"
        except NegativeStockWarning as warning:
            return warning
        finally:
            second_done.set()

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(first), pool.submit(second)
        a.result(timeout=60)
        outcome = b.result(timeout=60)
    assert committing.is_set()
    assert isinstance(outcome, NegativeStockWarning)
    assert outcome.shortages[0].on_hand == Decimal(0)  # it saw the first delivery, committed
    assert inventory.stock_on_hand(db, p.id, MAIN) == Decimal(0)
    assert inventory.count_moves(db) == 2  # the receipt and one delivery
    assert inventory.check_stock_levels(db).ok


@pytest.mark.parametrize("policy, refused", [(NegativeStockPolicy.WARN, NegativeStockWarning),
                                             (NegativeStockPolicy.REFUSE, ValidationError)])
def test_many_clerks_deliver_at_once_and_exactly_the_stock_leaves(db, policy, refused):
    stock, clerks = 5, 12
    p = _shop(db, str(stock), policy)
    start = threading.Barrier(clerks)

    def clerk(_n):
        start.wait(30)
        try:
            _deliver(db, p.id)
            return "delivered"
        except refused:
            return "refused"

    with ThreadPoolExecutor(clerks) as pool:
        outcomes = list(pool.map(clerk, range(clerks)))
    assert outcomes.count("delivered") == stock and outcomes.count("refused") == clerks - stock
    assert inventory.stock_on_hand(db, p.id, MAIN) == Decimal(0)
    assert inventory.count_moves(db) == stock + 1
    report = inventory.check_stock_levels(db)
    assert report.ok, report.differences


def test_two_clerks_moving_two_products_in_opposite_order_do_not_deadlock(db):
    a = _shop(db, "50")
    b = inventory.create_product(db, ProductData(sku="OTHER", name="Otra", tax_rate_id=tax_rate_id("IVA21")))
    inventory.record_move(db, StockMoveData("receipt", b.id, "50", to_warehouse_id=MAIN, unit_cost="1.00"))
    with db.session() as s:
        s.execute(update(Company).values(negative_stock=NegativeStockPolicy.REFUSE))

    def moves(first, second):
        return [PlannedMove({"kind": StockMoveKind.DELIVERY, "product_id": x.id, "from_warehouse_id": MAIN,
                             "to_warehouse_id": None, "quantity": Decimal(1), "unit_cost": None, "date": dt.date.today(),
                             "reference": None, "reason": None, "party_id": None, "invoice_id": None})
                for x in (first, second)]

    def clerk(order):
        for _ in range(20):
            with db.session() as s:
                take_write_lock(s)
                write_moves(s, moves(*order), allow_negative=False)

    with ThreadPoolExecutor(2) as pool:
        for f in [pool.submit(clerk, (a, b)), pool.submit(clerk, (b, a))]:
            f.result(timeout=120)
    assert inventory.stock_on_hand(db, a.id) == Decimal(10) and inventory.stock_on_hand(db, b.id) == Decimal(10)
    assert inventory.check_stock_levels(db).ok
