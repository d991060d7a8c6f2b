"""What the offline-sync tests do as a clerk, and what they check after a sync: nothing lost, nothing
applied twice, and the replica equal to what its login sees on the server."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

from sqlalchemy import func, select

from app.db.engine import make_engine
from app.domain.inventory import StockLevel, StockMove
from app.domain.parties import Party
from app.domain.sync import SyncApplied
from app.services import parties, products, stock
from app.services.parties import PartyData
from app.services.setup import tax_rate_id
from app.services.stock_reports import check_stock_levels
from app.sync import pull, replica
from app.sync.service import open_replica

# -- what a clerk does ------------------------------------------------------------------------------

def customers(db, names: list[str], city: str = "Zaragoza") -> list[uuid.UUID]:
    return [parties.create_party(db, PartyData(legal_name=n, city=city)).id for n in names]


def warehouse(db) -> uuid.UUID:
    from app.domain.inventory import Warehouse

    with db.session() as s:
        return s.execute(select(Warehouse.id).order_by(Warehouse.code)).scalars().first()


def stocked_product(db, sku: str, qty: int) -> tuple[uuid.UUID, uuid.UUID]:
    product = products.create_product(db, products.ProductData(
        sku=sku, name=f"Producto {sku}", sale_price=D("2.00"), tax_rate_id=tax_rate_id("IVA21"), cost=D("0.50")))
    main = warehouse(db)
    stock.record_move(db, stock.StockMoveData(kind="receipt", product_id=product.id, quantity=qty,
                                              to_warehouse_id=main, unit_cost=D("0.50")))
    return product.id, main


@dataclass
class Work:
    """Offline work, and what the server must show for it once synced."""

    new: list[str] = field(default_factory=list)  # legal names of customers made offline
    cities: dict[uuid.UUID, str] = field(default_factory=dict)  # customer edited offline -> its new city
    delivered: int = 0  # units sold offline


def offline_work(offline, tag: str, edit: list[uuid.UUID], product: uuid.UUID, main: uuid.UUID,
                  *, new: int, moves: int) -> Work:
    work = Work()
    for i in range(new):  # codes given: two computers' automatic codes collide (test_sync_faults has the xfail)
        work.new.append(parties.create_party(offline, PartyData(legal_name=f"{tag} nuevo {i}",
                                                                code=f"{tag}-{i:04d}")).legal_name)
    for i, party_id in enumerate(edit):
        view = parties.get_party(offline, party_id)
        parties.update_party(offline, party_id, PartyData(legal_name=view.legal_name, city=f"{tag} ciudad {i}",
                                                           phone=f"600 {i:03d} 000"), view.version)
        work.cities[party_id] = f"{tag} ciudad {i}"
    for i in range(moves):
        stock.record_move(offline, stock.StockMoveData(kind="delivery", product_id=product, quantity=i + 1,
                                                       from_warehouse_id=main), allow_negative=True)
        work.delivered += i + 1
    return work


def outbox_ids(path: Path) -> list[uuid.UUID]:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            return [uuid.UUID(c) for c in conn.execute(select(replica.sync_outbox.c.change_id)).scalars()]
    finally:
        engine.dispose()


# -- what must hold after the next clean sync ------------------------------------------------------

def assert_applied_once(owner, work: Work, change_ids: list[uuid.UUID]) -> None:
    with owner.session() as s:
        counts = dict(s.execute(select(Party.legal_name, func.count()).where(Party.legal_name.in_(work.new))
                                .group_by(Party.legal_name)).all())
        assert counts == {name: 1 for name in work.new}, "an offline customer lost or made twice"
        cities = dict(s.execute(select(Party.id, Party.city).where(Party.id.in_(list(work.cities)))).all())
        assert cities == work.cities
        recorded = s.execute(select(func.count()).select_from(SyncApplied)
                             .where(SyncApplied.change_id.in_(change_ids))).scalar_one()
        assert recorded == len(change_ids)


def assert_stock(owner, product: uuid.UUID, main: uuid.UUID, expected: int, moves: int) -> None:
    assert check_stock_levels(owner).ok
    assert stock.stock_on_hand(owner, product, main) == expected
    with owner.session() as s:
        assert s.execute(select(func.count()).select_from(StockMove)
                         .where(StockMove.product_id == product)).scalar_one() == moves


def _hashable(value):
    """JSON columns (a VERI*FACTU record's breakdown) compare as their canonical text."""
    import json

    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value


def _snapshot(conn, cols_of) -> dict[str, set[tuple]]:
    seen = {}
    for table in pull.replicated_tables():
        cols = cols_of(table)
        if cols:
            seen[table.name] = {tuple(_hashable(v) for v in row) for row in conn.execute(select(*cols))}
    level = StockLevel.__table__.c
    seen["stock_level"] = set(conn.execute(select(level.product_id, level.warehouse_id, level.quantity,
                                                  level.value, level.due)).all())
    return seen


def assert_replica_equals_server(path: Path, server) -> None:
    """Every row, every column the login may read, is the same in the replica as on the server;
    nothing waits in the outbox."""
    readable: dict[str, list] = {}
    with server.engine.connect() as conn:
        on_server = _snapshot(conn, lambda t: readable.setdefault(t.name, pull.readable_columns(conn, t)))
    engine = make_engine(path)
    try:
        assert replica.pending(engine) == 0
        with engine.connect() as conn:
            local = _snapshot(conn, lambda t: readable[t.name])
    finally:
        engine.dispose()
    assert local.keys() == on_server.keys()
    for name in on_server:
        assert local[name] == on_server[name], (
            f"{name}: only local {list(local[name] - on_server[name])[:3]}, "
            f"only on the server {list(on_server[name] - local[name])[:3]}")


class Offline:
    """``with Offline(path) as db``: the replica opened as the app opens it without a server."""

    def __init__(self, path: Path):
        self.db = open_replica(path)

    def __enter__(self):
        return self.db

    def __exit__(self, *exc) -> None:
        self.db.dispose()


def run_tag() -> str:
    """A tag for a test's names, codes and SKUs: the tests of a module share one server (``shop``)."""
    return uuid.uuid4().hex[:6]


def pull_cursor(path: Path) -> str | None:
    engine = make_engine(path)
    try:
        return replica.get_state(engine).get("cursor")
    finally:
        engine.dispose()
