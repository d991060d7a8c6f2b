"""A clerk downloads a replica, works offline, and syncs: changes merge field by field, nothing is lost."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from app.domain.inventory import StockLevel
from app.services import parties, products, stock
from app.services.parties import PartyData
from app.services.setup import tax_rate_id
from app.sync import replica
from app.sync.service import open_replica, sync

pytestmark = pytest.mark.postgres


def _party(db, name: str, **kw):
    return parties.create_party(db, PartyData(legal_name=name, **kw))


def test_offline_edits_and_server_edits_to_other_fields_merge(login, tmp_path):
    clerk = login("clerk")
    ruiz = _party(clerk, "Ferretería Ruiz SL", city="Zaragoza")
    path = tmp_path / "replica.sqlite3"
    report = sync(path, clerk)
    assert report.created and report.pulled > 0

    offline = open_replica(path)
    try:
        view = parties.get_party(offline, ruiz.id)
        parties.update_party(offline, ruiz.id, PartyData(legal_name=view.legal_name, city="Huesca"), view.version)
        nuevo = _party(offline, "Nuevo Offline SL")
        assert replica.pending(offline.engine) == 2
    finally:
        offline.dispose()
    online = parties.get_party(clerk, ruiz.id)  # meanwhile, on the server: another field
    parties.update_party(clerk, ruiz.id, PartyData(legal_name=online.legal_name, city="Zaragoza",
                                                    phone="976 111 222"), online.version)

    report = sync(path, clerk)
    assert report.pushed == 2 and report.conflicts == []
    merged = parties.get_party(clerk, ruiz.id)
    assert (merged.city, merged.phone) == ("Huesca", "976 111 222")
    assert parties.get_party(clerk, nuevo.id).legal_name == "Nuevo Offline SL"
    offline = open_replica(path)
    try:
        local = parties.get_party(offline, ruiz.id)
        assert (local.city, local.phone) == ("Huesca", "976 111 222")
        assert replica.pending(offline.engine) == 0
    finally:
        offline.dispose()
    assert sync(path, clerk).pushed == 0  # nothing twice


def test_the_same_field_changed_on_both_sides_keeps_the_servers_and_inboxes_the_clerks(login, tmp_path):
    clerk = login("clerk")
    ruiz = _party(clerk, "Ferretería Ruiz SL", city="Zaragoza")
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    offline = open_replica(path)
    view = parties.get_party(offline, ruiz.id)
    parties.update_party(offline, ruiz.id, PartyData(legal_name=view.legal_name, city="Huesca"), view.version)
    offline.dispose()
    online = parties.get_party(clerk, ruiz.id)
    parties.update_party(clerk, ruiz.id, PartyData(legal_name=online.legal_name, city="Teruel"), online.version)

    report = sync(path, clerk)
    assert [(c["field"], c["reason"]) for c in report.conflicts] == [("city", "changed on both sides")]
    assert parties.get_party(clerk, ruiz.id).city == "Teruel"
    offline = open_replica(path)
    try:
        assert replica.open_conflicts(offline.engine) == 1
        assert parties.get_party(offline, ruiz.id).city == "Teruel"
    finally:
        offline.dispose()


def _warehouse(db):
    from app.domain.inventory import Warehouse

    with db.session() as s:
        return s.execute(select(Warehouse.id).order_by(Warehouse.code)).scalars().first()


def _move(db, kind, product_id, qty, **kw):
    return stock.record_move(db, stock.StockMoveData(kind=kind, product_id=product_id, quantity=qty, **kw),
                             allow_negative=True)


def test_stock_offline_travels_as_moves_never_as_totals(login, tmp_path):
    clerk = login("clerk")
    product = products.create_product(clerk, products.ProductData(sku="TORN-6", name="Tornillo", sale_price=D("1.00"), tax_rate_id=tax_rate_id("IVA21"),
                                                                  cost=D("0.50")))
    main = _warehouse(clerk)
    _move(clerk, "receipt", product.id, 10, to_warehouse_id=main, unit_cost=D("0.50"))
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    offline = open_replica(path)
    _move(offline, "delivery", product.id, 3, from_warehouse_id=main)  # sold offline: 7 left here
    assert stock.stock_on_hand(offline, product.id, main) == 7
    offline.dispose()
    _move(clerk, "delivery", product.id, 2, from_warehouse_id=main)  # sold at the office meanwhile: 8 there

    report = sync(path, clerk)
    assert report.pushed == 1 and report.conflicts == []
    assert stock.stock_on_hand(clerk, product.id, main) == 5  # 10 - 2 - 3: both sales count
    offline = open_replica(path)
    try:
        assert stock.stock_on_hand(offline, product.id, main) == 5
        with offline.session() as s:
            level = s.execute(select(StockLevel).where(StockLevel.product_id == product.id)).scalar_one()
            assert level.quantity == 5 and level.value == D("2.50")
    finally:
        offline.dispose()
