"""Stock figures over the levels: value per warehouse (today or as of a date), and the proof.

``check_stock_levels`` is what ``main.py stock check`` runs: every level must
equal the sum of its moves in quantity and value, and carry the reorder flag
its rule and quantity say. ``rebuild_stock_levels`` makes them so again after
a bulk load that wrote moves only (the demo, a benchmark).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.inventory import Product, StockLevel, StockMove, StockRule, Warehouse
from app.services.stock import _QUANTUM, _VALUE


# -- valuation --------------------------------------------------------------------------------

@dataclass(frozen=True)
class WarehouseValue:
    warehouse_id: uuid.UUID
    code: str
    name: str
    quantity: Decimal  # units of every product together (a rough size, not a money figure)
    value: Decimal  # to cents
    products: int  # products with stock other than zero


def stock_value(db: Database, on_date: dt.date | None = None) -> list[WarehouseValue]:
    """Stock value per warehouse at weighted average cost: today, or as of the end of ``on_date``.

    Today's figures are the sums of the stock levels. As of a date they are
    today's minus what the moves dated after it brought in or took out (each
    move carries its value, so this is exact); a recent date reads only the
    recent moves, through the index on the move date.
    """
    with db.session() as s:
        rows = s.execute(select(StockLevel.warehouse_id, func.sum(StockLevel.quantity), func.sum(StockLevel.value),
                                func.count().filter(StockLevel.quantity != 0))
                         .group_by(StockLevel.warehouse_id)).all()
        figures = {w: [Decimal(q), Decimal(v), int(n)] for w, q, v, n in rows}
        if on_date is not None:
            later: dict[tuple, list[Decimal]] = {}
            for column, sign in ((StockMove.to_warehouse_id, 1), (StockMove.from_warehouse_id, -1)):
                moved = s.execute(select(column, StockMove.product_id, func.sum(StockMove.quantity),
                                         func.sum(StockMove.value))
                                  .where(column.is_not(None), StockMove.date > on_date)
                                  .group_by(column, StockMove.product_id)).all()
                for w, p, q, v in moved:
                    t = later.setdefault((w, p), [Decimal(0), Decimal(0)])
                    t[0] += sign * q
                    t[1] += sign * v
            now = _level_quantities(s, later)
            for (w, p), (q, v) in later.items():
                f = figures.setdefault(w, [Decimal(0), Decimal(0), 0])
                today = now.get((w, p), Decimal(0))
                then = today - q
                f[0] -= q
                f[1] -= v
                f[2] += (then != 0) - (today != 0)
        out = []
        for w in s.scalars(select(Warehouse).order_by(Warehouse.is_default.desc(), Warehouse.code)):
            q, v, n = figures.get(w.id, (Decimal(0), Decimal(0), 0))
            if w.archived_at is not None and q == 0 and v == 0:
                continue
            out.append(WarehouseValue(w.id, w.code, w.name, Decimal(q).quantize(_QUANTUM),
                                      Decimal(v).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), n))
        return out


def _level_quantities(s: Session, keys) -> dict[tuple, Decimal]:
    """Today's quantity of these (warehouse, product) pairs, read in batches by primary key."""
    keys = list(keys)
    out: dict[tuple, Decimal] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        products = {p for _w, p in chunk}
        for p, w, q in s.execute(select(StockLevel.product_id, StockLevel.warehouse_id, StockLevel.quantity)
                                 .where(StockLevel.product_id.in_(products))):
            out[(w, p)] = q
    return out


# -- the proof: every level is the sum of its moves ----------------------------------------------

@dataclass(frozen=True)
class LevelDifference:
    product_id: uuid.UUID
    sku: str
    warehouse_id: uuid.UUID
    warehouse: str
    level_quantity: Decimal
    moves_quantity: Decimal
    level_value: Decimal
    moves_value: Decimal
    level_due: bool = False  # the stored "due for reorder" flag
    rule_due: bool = False  # what the rule and the moves say it should be


@dataclass(frozen=True)
class StockCheck:
    levels: int  # level rows compared
    moves: int
    differences: list[LevelDifference]

    @property
    def ok(self) -> bool:
        return not self.differences


def _sum_moves(s: Session, products: set | None = None) -> tuple[dict[tuple, list[Decimal]], int]:
    """Quantity and value in minus out per (product, warehouse) over every move, and the number of moves.

    One pass over the moves, grouped by product and both sides: a transfer
    counts out of its source and into its destination.
    """
    sums: dict[tuple, list[Decimal]] = {}
    moves = 0
    query = (select(StockMove.product_id, StockMove.from_warehouse_id, StockMove.to_warehouse_id,
                    func.sum(StockMove.quantity), func.sum(StockMove.value), func.count())
             .group_by(StockMove.product_id, StockMove.from_warehouse_id, StockMove.to_warehouse_id))
    if products is not None:
        query = query.where(StockMove.product_id.in_(products))
    rows = s.execute(query)
    for p, src, dst, q, v, n in rows:
        moves += n
        for w, sign in ((dst, 1), (src, -1)):
            if w is not None:
                t = sums.setdefault((p, w), [Decimal(0), Decimal(0)])
                t[0] += sign * q
                t[1] += sign * v
    return sums, moves


def check_stock_levels(db: Database) -> StockCheck:
    """Sums every move per product and warehouse in SQL and compares with the stored levels.

    A level without moves must be zero; moves without a level row are a
    difference too, and so is a "due for reorder" flag that does not follow
    from the rule's point and the summed quantity. Read-only.
    """
    with db.session() as s:
        sums, moves = _sum_moves(s)
        levels = {(p, w): (q, v, due) for p, w, q, v, due in s.execute(
            select(StockLevel.product_id, StockLevel.warehouse_id, StockLevel.quantity, StockLevel.value,
                   StockLevel.due))}
        points = {(p, w): point for p, w, point in s.execute(
            select(StockRule.product_id, StockRule.warehouse_id, StockRule.reorder_point))}
        bad = []
        for key in sorted(set(sums) | set(levels) | set(points), key=lambda k: (k[0].hex, k[1].hex)):
            mq, mv = sums.get(key, (Decimal(0), Decimal(0)))
            lq, lv, ldue = levels.get(key, (Decimal(0), Decimal(0), False))
            rdue = points.get(key) is not None and mq <= points[key]
            if mq != lq or mv != lv or ldue != rdue:
                bad.append((key, lq, mq, lv, mv, ldue, rdue))
        skus = dict(s.execute(select(Product.id, Product.sku).where(
            Product.id.in_({k[0] for k, *_ in bad}))).all()) if bad else {}
        codes = dict(s.execute(select(Warehouse.id, Warehouse.code)).all())
        diffs = [LevelDifference(p, skus.get(p, "?"), w, codes.get(w, "?"), lq, mq, lv, mv, ldue, rdue)
                 for (p, w), lq, mq, lv, mv, ldue, rdue in bad]
        return StockCheck(len(levels), moves, diffs)


def rebuild_stock_levels(s: Session, products: set | None = None) -> int:
    """Makes every level (of ``products`` only, when given) the sum of its moves again: after a bulk
    load that wrote moves only, or a replica's pull that brought the server's moves.

    Average costs become value / quantity, or the product's cost where there is no stock.
    """
    sums, _moves = _sum_moves(s, products)
    only = (lambda q: q.where(Product.id.in_(products))) if products is not None else (lambda q: q)
    costs = dict(s.execute(only(select(Product.id, Product.cost))).all())
    rules = select(StockRule.product_id, StockRule.warehouse_id, StockRule.reorder_point)
    if products is not None:
        rules = rules.where(StockRule.product_id.in_(products))
    points = {(p, w): point for p, w, point in s.execute(rules)}
    for key in points:  # every rule has its level row, so its due flag has a home
        sums.setdefault(key, [Decimal(0), Decimal(0)])
    levels = StockLevel.__table__.delete()
    s.execute(levels if products is None else levels.where(StockLevel.product_id.in_(products)))
    rows = [{"product_id": p, "warehouse_id": w, "quantity": q.quantize(_QUANTUM), "value": v.quantize(_VALUE),
             "avg_cost": (v / q).quantize(_VALUE, rounding=ROUND_HALF_UP) if q > 0 else costs.get(p),
             "due": points.get((p, w)) is not None and q <= points[(p, w)]}
            for (p, w), (q, v) in sums.items()]
    for i in range(0, len(rows), 5000):
        s.execute(StockLevel.__table__.insert(), rows[i:i + 5000])
    return len(rows)
