"""Stock moves and stock on hand.

Moves are immutable: there is no update or delete. A mistake is corrected by
``reverse_move``, which records the opposite move (warehouses swapped, same
kind, quantity and cost) pointing at the original through ``reverses_id``.
Stock on hand is never stored; it is the sum of moves, computed in SQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, lazyload

from app.db.session import Database
from app.domain.enums import StockMoveKind
from app.domain.inventory import Product, StockMove, Warehouse
from app.domain.invoices import Invoice
from app.domain.parties import Party
from app.i18n import _
from app.money import QUANTITY_SCALE, ZERO
from app.services.common import get_or_404, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import filter_choice, reference
from app.services.validation import Validator

_QUANTUM = Decimal(1).scaleb(-QUANTITY_SCALE)


@dataclass
class StockMoveData:
    """What a stock move form holds.

    receipt: ``to_warehouse_id`` only, ``unit_cost`` required;
    delivery: ``from_warehouse_id`` only; adjustment: exactly one of them
    (into = gain, out of = loss); transfer: both, and different.
    """

    kind: StockMoveKind | str
    product_id: uuid.UUID | None
    quantity: Decimal | str | int
    from_warehouse_id: uuid.UUID | None = None
    to_warehouse_id: uuid.UUID | None = None
    unit_cost: Decimal | str | int | None = None
    date: dt.date | None = None  # today when empty
    reference: str | None = None
    reason: str | None = None
    party_id: uuid.UUID | None = None
    invoice_id: uuid.UUID | None = None


@dataclass(frozen=True)
class StockMoveView:
    id: uuid.UUID
    kind: StockMoveKind
    product_id: uuid.UUID
    from_warehouse_id: uuid.UUID | None
    to_warehouse_id: uuid.UUID | None
    quantity: Decimal
    unit_cost: Decimal | None
    date: dt.date
    reference: str | None
    reason: str | None
    party_id: uuid.UUID | None
    invoice_id: uuid.UUID | None
    reverses_id: uuid.UUID | None
    created_at: dt.datetime


def _validate_shape(v: Validator, data: StockMoveData) -> dict:
    """Checks that need no database."""
    kind = v.choice("kind", data.kind, StockMoveKind)
    src, dst = data.from_warehouse_id, data.to_warehouse_id
    if kind == StockMoveKind.RECEIPT:
        if dst is None:
            v.error("to_warehouse_id", _("A receipt goes into a warehouse: choose it."))
        if src is not None:
            v.error("from_warehouse_id", _("A receipt comes from outside: leave the source empty."))
    elif kind == StockMoveKind.DELIVERY:
        if src is None:
            v.error("from_warehouse_id", _("A delivery leaves a warehouse: choose it."))
        if dst is not None:
            v.error("to_warehouse_id", _("A delivery goes outside: leave the destination empty."))
    elif kind == StockMoveKind.ADJUSTMENT:
        if (src is None) == (dst is None):
            v.error("to_warehouse_id", _("An adjustment adds to one warehouse or takes from one: choose exactly one."))
    elif kind == StockMoveKind.TRANSFER:
        if src is None:
            v.error("from_warehouse_id", _("A transfer needs the warehouse it leaves."))
        if dst is None:
            v.error("to_warehouse_id", _("A transfer needs the warehouse it goes to."))
        if src is not None and src == dst:
            v.error("to_warehouse_id", _("A transfer goes to a different warehouse."))
    return {
        "kind": kind,
        "quantity": v.decimal("quantity", data.quantity, positive=True, places=QUANTITY_SCALE),
        "unit_cost": v.decimal("unit_cost", data.unit_cost, required=kind == StockMoveKind.RECEIPT,
                               min_value=ZERO, places=4),
        "date": v.date("date", data.date or dt.date.today()),
        "reference": v.text("reference", data.reference, max_len=80),
        "reason": v.text("reason", data.reason, max_len=200),
    }


def _check_refs(s: Session, v: Validator, data: StockMoveData, values: dict) -> None:
    product = reference(s, v, "product_id", Product, data.product_id, what=_("product"), required=True)
    if product is not None and not product.stocked:
        v.error("product_id", _("{name} is a service: services have no stock.").format(name=product.name))
    for field in ("from_warehouse_id", "to_warehouse_id"):
        if v.ok(field):
            wh = reference(s, v, field, Warehouse, getattr(data, field), what=_("warehouse"))
            values[field] = wh.id if wh is not None else None
    party = reference(s, v, "party_id", Party, data.party_id, what=_("party"), allow_archived=True)
    invoice = reference(s, v, "invoice_id", Invoice, data.invoice_id, what=_("invoice"), allow_archived=True)
    values["product_id"] = product.id if product is not None else None
    values["party_id"] = party.id if party is not None else None
    values["invoice_id"] = invoice.id if invoice is not None else None


def _view(m: StockMove) -> StockMoveView:
    return to_view(StockMoveView, m)


# -- public API ------------------------------------------------------------------

def record_move(db: Database, data: StockMoveData) -> StockMoveView:
    """Records one move after checking its shape, product and warehouses; nothing is written on error.

    Stock may go below zero (a delivery typed before its receipt): the move is
    recorded and the shortage shows in stock on hand.
    """
    v = Validator()
    values = _validate_shape(v, data)
    with db.session() as s:
        _check_refs(s, v, data, values)
        v.done()
        move = StockMove(**values)
        s.add(move)
        s.flush()
        return _view(move)


def reverse_move(db: Database, move_id: uuid.UUID, reason: str, date: dt.date | None = None) -> StockMoveView:
    """Records the opposite of a move (warehouses swapped) with ``reverses_id`` set.

    A move is reversed at most once, and a reversal is not itself reversed
    (record a new move instead): both refused on field ``move_id``.
    """
    v = Validator()
    reason_text = v.required("reason", reason, max_len=200)
    v.done()
    with db.session() as s:
        # The row lock makes two clerks reversing the same move at once take turns (PostgreSQL).
        original = s.execute(select(StockMove).where(StockMove.id == _key(move_id))
                             .options(lazyload(StockMove.product)).with_for_update(of=StockMove)).scalar()
        if original is None:
            get_or_404(s, StockMove, move_id, what=_("stock move"))
        if original.reverses_id is not None:
            v.error("move_id", _("This move is itself a reversal; record a new move instead."))
        elif s.execute(select(StockMove.id).where(StockMove.reverses_id == original.id)).first():
            v.error("move_id", _("This move has already been reversed."))
        v.done()
        move = StockMove(
            kind=original.kind, product_id=original.product_id,
            from_warehouse_id=original.to_warehouse_id, to_warehouse_id=original.from_warehouse_id,
            quantity=original.quantity, unit_cost=original.unit_cost, date=date or dt.date.today(),
            reference=original.reference, reason=reason_text, party_id=original.party_id,
            invoice_id=original.invoice_id, reverses_id=original.id,
        )
        s.add(move)
        s.flush()
        return _view(move)


def _key(move_id: uuid.UUID | str) -> uuid.UUID | None:
    try:
        return move_id if isinstance(move_id, uuid.UUID) else uuid.UUID(str(move_id))
    except ValueError:
        return None


def get_move(db: Database, move_id: uuid.UUID) -> StockMoveView:
    with db.session() as s:
        return _view(get_or_404(s, StockMove, move_id, what=_("stock move")))


def stock_on_hand(db: Database, product_id: uuid.UUID, warehouse_id: uuid.UUID | None = None,
                  on_date: dt.date | None = None) -> Decimal:
    """In minus out over all moves of the product (up to ``on_date`` if given), summed in SQL.

    Without a warehouse: the whole company's stock (transfers cancel out).
    """
    with db.session() as s:
        return _on_hand(s, product_id, warehouse_id, on_date)


def _on_hand(s: Session, product_id: uuid.UUID, warehouse_id: uuid.UUID | None, on_date: dt.date | None) -> Decimal:
    qty = StockMove.quantity
    stmt = select(StockMove).where(StockMove.product_id == product_id)
    if warehouse_id is None:
        # Transfers move stock between our own warehouses: they change no total.
        stmt = stmt.where(or_(StockMove.from_warehouse_id.is_(None), StockMove.to_warehouse_id.is_(None)))
        signed = case((StockMove.to_warehouse_id.is_not(None), qty), else_=-qty)
    else:
        stmt = stmt.where(or_(StockMove.to_warehouse_id == warehouse_id, StockMove.from_warehouse_id == warehouse_id))
        signed = case((StockMove.to_warehouse_id == warehouse_id, qty), else_=-qty)
    if on_date is not None:
        stmt = stmt.where(StockMove.date <= on_date)
    total = s.execute(stmt.with_only_columns(func.sum(signed))).scalar()
    return (total if total is not None else Decimal(0)).quantize(_QUANTUM)


def on_hand_sql(product_id: Any) -> ColumnElement[Decimal]:
    """Company-wide stock on hand of ``product_id`` as a correlated scalar subquery (0 with no moves).

    ``product_id`` is the outer column to correlate with (``Product.id``), so a
    product list selects it per row: the database computes it only for the
    rows it returns (one index range on ``ix_stock_move_product_date`` each),
    never for the whole catalogue. Same arithmetic as ``stock_on_hand``.
    """
    qty, src, dst = StockMove.quantity, StockMove.from_warehouse_id, StockMove.to_warehouse_id
    # Transfers move stock between our own warehouses: they change no total. They
    # count as 0 here rather than being filtered out, so the only condition is the
    # product and every planner (even without statistics) walks the product index.
    signed = case((and_(dst.is_not(None), src.is_(None)), qty),
                  (and_(src.is_not(None), dst.is_(None)), -qty), else_=0)
    return select(func.coalesce(func.sum(signed), 0)).where(StockMove.product_id == product_id).scalar_subquery()


@dataclass(frozen=True)
class WarehouseStock:
    warehouse_id: uuid.UUID
    code: str
    name: str
    quantity: Decimal
    archived: bool


def stock_by_warehouse(db: Database, product_id: uuid.UUID) -> list[WarehouseStock]:
    """Stock on hand of one product in each warehouse, default warehouse first, then by code.

    Every active warehouse is listed (0 where the product has no moves); an
    archived one only while it still holds stock (or a shortage), so nothing is
    hidden. Quantities agree with ``stock_on_hand(db, product_id, warehouse)``.
    """
    with db.session() as s:
        totals: dict[uuid.UUID, Decimal] = {}
        for column, sign in ((StockMove.to_warehouse_id, 1), (StockMove.from_warehouse_id, -1)):
            rows = s.execute(select(column, func.sum(StockMove.quantity))
                             .where(StockMove.product_id == product_id, column.is_not(None))
                             .group_by(column)).all()
            for warehouse_id, total in rows:
                totals[warehouse_id] = totals.get(warehouse_id, Decimal(0)) + sign * total
        warehouses = s.execute(select(Warehouse).order_by(Warehouse.is_default.desc(), Warehouse.code)).scalars()
        return [
            WarehouseStock(w.id, w.code, w.name, totals.get(w.id, Decimal(0)).quantize(_QUANTUM), w.archived)
            for w in warehouses
            if w.archived_at is None or totals.get(w.id, Decimal(0)) != 0
        ]


_src = aliased(Warehouse, name="src")
_dst = aliased(Warehouse, name="dst")

MOVE_COLUMNS = [
    ListColumn("date", _("Date"), StockMove.date),
    ListColumn("kind", _("Kind"), StockMove.kind),
    ListColumn("sku", _("SKU"), Product.sku, searchable=True),
    ListColumn("product", _("Product"), Product.name, searchable=True),
    ListColumn("from_warehouse", _("From"), func.coalesce(_src.code, ""), searchable=True),
    ListColumn("to_warehouse", _("To"), func.coalesce(_dst.code, ""), searchable=True),
    ListColumn("quantity", _("Quantity"), StockMove.quantity, align="right"),
    ListColumn("unit_cost", _("Unit cost"), StockMove.unit_cost, align="right", sortable=False),
    ListColumn("reference", _("Reference"), StockMove.reference, searchable=True),
]


def _move_base(filters: dict) -> Select:
    stmt = (
        select(*[c.expr.label(c.key) for c in MOVE_COLUMNS], StockMove.reverses_id.label("reverses_id"))
        .select_from(StockMove)
        .join(Product, Product.id == StockMove.product_id)
        .outerjoin(_src, _src.id == StockMove.from_warehouse_id)
        .outerjoin(_dst, _dst.id == StockMove.to_warehouse_id)
    )
    if filters.get("product_id"):
        stmt = stmt.where(StockMove.product_id == filters["product_id"])
    if filters.get("warehouse_id"):
        wh = filters["warehouse_id"]
        stmt = stmt.where(or_(StockMove.from_warehouse_id == wh, StockMove.to_warehouse_id == wh))
    if (kind := filter_choice(filters, "kind", StockMoveKind)) is not None:
        stmt = stmt.where(StockMove.kind == kind)
    if filters.get("date_from"):
        stmt = stmt.where(StockMove.date >= filters["date_from"])
    if filters.get("date_to"):
        stmt = stmt.where(StockMove.date <= filters["date_to"])
    return stmt


def list_moves(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``product_id``, ``warehouse_id`` (either side), ``kind``, ``date_from``/``date_to`` (inclusive).

    Rows also carry ``reverses_id`` so a screen can mark reversals.
    """
    with db.session() as s:
        return run_list(s, _move_base(query.filters), MOVE_COLUMNS, StockMove.id, query, "date")


def count_moves(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _move_base(query.filters), MOVE_COLUMNS, query.search)

