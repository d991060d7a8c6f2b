"""Stock moves, stock levels and their value.

Moves are immutable: there is no update or delete. A mistake is corrected by
``reverse_move``, which records the opposite move (warehouses swapped, same
kind, quantity and value) pointing at the original through ``reverses_id``.

Every move updates, in its own transaction, the ``stock_level`` rows of the
warehouses it touches, so stock on hand is read from one row instead of summed
over millions of moves; ``stock_reports.check_stock_levels`` (``main.py stock check``) proves
that every level still equals the sum of its moves.

Concurrency: a move first locks the level rows it changes (created if missing,
then ``SELECT ... FOR UPDATE`` in a fixed order on PostgreSQL; the database
write lock on SQLite), then reads the quantity on hand, so two clerks
delivering the last unit take turns and the second sees what the first left.

Valuation is the weighted average cost per product and warehouse: a receipt
brings its unit cost in and the average becomes value / quantity; anything
leaving a warehouse leaves at that average and does not change it; a transfer
carries the value it took out of the source into the destination.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, true, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased, lazyload

from app.db.session import Database
from app.domain.company import Company
from app.domain.enums import NegativeStockPolicy, StockMoveKind
from app.domain.inventory import Product, StockLevel, StockMove, StockRule, Warehouse
from app.domain.invoices import Invoice
from app.domain.parties import Party
from app.errors import FieldError, NegativeStockWarning, Shortage, ValidationError
from app.i18n import _
from app.money import QUANTITY_SCALE, ZERO
from app.services.common import get_or_404, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import filter_choice, reference
from app.services.validation import Validator

_QUANTUM = Decimal(1).scaleb(-QUANTITY_SCALE)
_VALUE = Decimal("0.0001")
_LOCK_BATCH = 500


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


# -- levels, valuation and the negative-stock policy --------------------------------------------

def _value(quantity: Decimal, unit_cost: Decimal) -> Decimal:
    return (quantity * unit_cost).quantize(_VALUE, rounding=ROUND_HALF_UP)


def take_write_lock(s: Session) -> None:
    """On SQLite, make this transaction the writer before it reads anything.

    A WAL reader that later writes fails at once if someone else wrote in
    between; taking the write lock first makes it wait its turn instead.
    PostgreSQL needs nothing here: the level rows are locked one by one.
    """
    if s.get_bind().dialect.name == "sqlite":
        s.execute(update(StockLevel).where(literal(False)).values(quantity=StockLevel.quantity)
                  .execution_options(synchronize_session=False))


def _lock_levels(s: Session, keys: Iterable[tuple[uuid.UUID, uuid.UUID]]) -> dict[tuple, StockLevel]:
    """The level rows of these (product, warehouse) pairs, created if missing and locked, in a fixed order."""
    keys = sorted(set(keys), key=lambda k: (k[0].hex, k[1].hex))
    if not keys:
        return {}
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    rows = [{"product_id": p, "warehouse_id": w, "quantity": Decimal(0), "value": Decimal(0)} for p, w in keys]
    s.execute(insert(StockLevel).values(rows).on_conflict_do_nothing())
    levels: dict[tuple, StockLevel] = {}
    # In key order, a batch at a time (rows are locked in the ORDER BY's order, which is the
    # keys' order): two movers never wait on each other crosswise.
    for i in range(0, len(keys), _LOCK_BATCH):
        chunk = keys[i:i + _LOCK_BATCH]
        found = s.execute(select(StockLevel)
                          .where(tuple_(StockLevel.product_id, StockLevel.warehouse_id).in_(chunk))
                          .order_by(StockLevel.product_id, StockLevel.warehouse_id)
                          .with_for_update().execution_options(populate_existing=True)).scalars()
        for level in found:
            levels[(level.product_id, level.warehouse_id)] = level
    return levels


def refresh_due(s: Session, levels: Iterable[StockLevel]) -> None:
    """Marks each level due for reorder (or not) from its rule's point and its quantity now."""
    levels = list(levels)
    if not levels:
        return
    points = {(p, w): point for p, w, point in s.execute(
        select(StockRule.product_id, StockRule.warehouse_id, StockRule.reorder_point)
        .where(StockRule.product_id.in_({l.product_id for l in levels})))}
    for level in levels:
        point = points.get((level.product_id, level.warehouse_id))
        due = point is not None and level.quantity <= point
        if level.due != due:
            level.due = due


def negative_stock_policy(s: Session) -> NegativeStockPolicy:
    policy = s.execute(select(Company.negative_stock)).scalars().first()
    return policy or NegativeStockPolicy.WARN


@dataclass
class PlannedMove:
    """A move about to be written: the validated values of one ``StockMove``.

    ``value`` is given only for a reversal (it takes back exactly what the
    original moved); ``field`` names the form field a shortage belongs to.
    """

    values: dict
    value: Decimal | None = None
    field: str = "quantity"


def write_moves(s: Session, planned: list[PlannedMove], *, allow_negative: bool) -> list[StockMove]:
    """Writes the moves and updates the levels they change, all or nothing.

    Each move is valued (see the module docstring). A warehouse left below zero
    by a move that takes from it is a shortage: with the company's "refuse"
    policy a ValidationError on the move's field; with "warn" a
    NegativeStockWarning unless ``allow_negative``. Either way nothing is
    written: the caller's transaction is rolled back.
    """
    keys = []
    for m in planned:
        for side in ("from_warehouse_id", "to_warehouse_id"):
            if m.values.get(side) is not None:
                keys.append((m.values["product_id"], m.values[side]))
    levels = _lock_levels(s, keys)
    products = {p.id: p for p in s.scalars(select(Product).options(lazyload(Product.tax_rate))
                                           .where(Product.id.in_({m.values["product_id"] for m in planned})))}
    shortages: list[Shortage] = []
    short_fields: list[str] = []
    written: list[StockMove] = []
    for m in planned:
        values = dict(m.values)
        product = products[values["product_id"]]
        src = levels.get((product.id, values.get("from_warehouse_id")))
        dst = levels.get((product.id, values.get("to_warehouse_id")))
        qty = values["quantity"]
        if src is not None:
            before = src.quantity
            cost = src.avg_cost if src.avg_cost is not None else product.cost
            if m.value is not None:
                value, cost = m.value, values.get("unit_cost") if values.get("unit_cost") is not None else cost
            elif qty == src.quantity and src.quantity > 0:
                value = src.value  # empties the warehouse: no rounding residue stays behind
            else:
                value = _value(qty, cost)
            src.quantity -= qty
            src.value -= value
            if src.quantity < 0:
                code = s.get(Warehouse, values["from_warehouse_id"]).code
                shortages.append(Shortage(f"{product.sku} - {product.name}", code, before, qty, m.field))
                short_fields.append(m.field)
            values["unit_cost"] = cost
        else:
            cost = values.get("unit_cost")
            if cost is None:
                cost = dst.avg_cost if dst.avg_cost is not None else product.cost
            if m.value is not None:
                value = m.value
            elif dst.quantity + qty == 0:
                value = -dst.value  # fills a shortage exactly: nothing of value is left over
            else:
                value = _value(qty, cost)
            values["unit_cost"] = cost
        if dst is not None:
            dst.quantity += qty
            dst.value += value
            if dst.quantity > 0:
                dst.avg_cost = (dst.value / dst.quantity).quantize(_VALUE, rounding=ROUND_HALF_UP)
            else:
                dst.avg_cost = values["unit_cost"]
        if src is not None and src.avg_cost is None:
            src.avg_cost = values["unit_cost"]
        move = StockMove(**values, value=value)
        s.add(move)
        written.append(move)
    refresh_due(s, levels.values())
    if shortages:
        if negative_stock_policy(s) == NegativeStockPolicy.REFUSE:
            raise ValidationError([FieldError(f, _("Not enough stock: {what}. The company does not allow "
                                                   "negative stock.").format(what=x))
                                   for f, x in zip(short_fields, shortages)])
        if not allow_negative:
            raise NegativeStockWarning(shortages)
    s.flush()
    return written


# -- public API ------------------------------------------------------------------

def record_move(db: Database, data: StockMoveData, *, allow_negative: bool = False) -> StockMoveView:
    """Records one move after checking its shape, product and warehouses; nothing is written on error.

    A move that leaves a warehouse below zero follows the company's policy:
    refused (ValidationError on ``quantity``), or, by default, a
    NegativeStockWarning the clerk answers by calling again with
    ``allow_negative=True``.
    """
    v = Validator()
    values = _validate_shape(v, data)
    with db.session() as s:
        take_write_lock(s)
        _check_refs(s, v, data, values)
        v.done()
        (move,) = write_moves(s, [PlannedMove(values)], allow_negative=allow_negative)
        return _view(move)


def reverse_move(db: Database, move_id: uuid.UUID, reason: str, date: dt.date | None = None,
                 *, allow_negative: bool = False) -> StockMoveView:
    """Records the opposite of a move (warehouses swapped, same value) with ``reverses_id`` set.

    A move is reversed at most once, and a reversal is not itself reversed
    (record a new move instead): both refused on field ``move_id``. Reversing a
    receipt whose goods have left follows the negative-stock policy.
    """
    v = Validator()
    reason_text = v.required("reason", reason, max_len=200)
    v.done()
    with db.session() as s:
        take_write_lock(s)
        move = reverse_in(s, move_id, reason_text, date, allow_negative=allow_negative)
        return _view(move)


def reverse_in(s: Session, move_id: uuid.UUID, reason: str, date: dt.date | None,
               *, allow_negative: bool, field: str = "move_id") -> StockMove:
    """``reverse_move`` inside the caller's transaction (cancelling an invoice reverses its deliveries)."""
    v = Validator()
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
    values = dict(
        kind=original.kind, product_id=original.product_id,
        from_warehouse_id=original.to_warehouse_id, to_warehouse_id=original.from_warehouse_id,
        quantity=original.quantity, unit_cost=original.unit_cost, date=date or dt.date.today(),
        reference=original.reference, reason=reason, party_id=original.party_id,
        invoice_id=original.invoice_id, reverses_id=original.id,
    )
    (move,) = write_moves(s, [PlannedMove(values, value=original.value, field=field)], allow_negative=allow_negative)
    return move


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
    """Stock on hand of a product: in one warehouse, or the whole company's without one.

    Today's figure is read from the stock levels (one indexed row per
    warehouse); ``on_date`` sums the moves dated up to that day instead.
    """
    with db.session() as s:
        if on_date is None:
            stmt = select(func.sum(StockLevel.quantity)).where(StockLevel.product_id == product_id)
            if warehouse_id is not None:
                stmt = stmt.where(StockLevel.warehouse_id == warehouse_id)
            total = s.execute(stmt).scalar()
            return (total if total is not None else Decimal(0)).quantize(_QUANTUM)
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
    """Company-wide stock on hand of ``product_id`` as a correlated scalar subquery (0 without levels).

    ``product_id`` is the outer column (``Product.id``); the database reads the
    product's few level rows by primary key, only for the rows a page returns.
    """
    return (select(func.coalesce(func.sum(StockLevel.quantity), 0))
            .where(StockLevel.product_id == product_id).scalar_subquery())


def value_sql(product_id: Any) -> ColumnElement[Decimal]:
    """Company-wide stock value of ``product_id`` (correlated, like ``on_hand_sql``)."""
    return (select(func.coalesce(func.sum(StockLevel.value), 0))
            .where(StockLevel.product_id == product_id).scalar_subquery())


def to_order_sql(product_id: Any) -> ColumnElement[Decimal]:
    """What to order of ``product_id``: over its warehouses at or below their reorder point,
    the target (or the point, without a target) minus the stock on hand. NULL when nothing is due."""
    on_hand = func.coalesce(StockLevel.quantity, 0)
    wanted = func.coalesce(StockRule.reorder_target, StockRule.reorder_point) - on_hand
    return (select(func.sum(wanted))
            .select_from(StockRule)
            .outerjoin(StockLevel, and_(StockLevel.product_id == StockRule.product_id,
                                        StockLevel.warehouse_id == StockRule.warehouse_id))
            .where(StockRule.product_id == product_id, StockRule.reorder_point.is_not(None),
                   on_hand <= StockRule.reorder_point)
            .scalar_subquery())


def due_for_reorder() -> Select:
    """The products some warehouse holds at or below their reorder point (ids, possibly repeated).

    Read from the levels' due flag through a partial index that holds only the
    due ones, so it costs what is due, not the catalogue or the rules.
    """
    return select(StockLevel.product_id).where(StockLevel.due == true())


@dataclass(frozen=True)
class WarehouseStock:
    warehouse_id: uuid.UUID
    code: str
    name: str
    quantity: Decimal
    archived: bool
    value: Decimal = ZERO
    avg_cost: Decimal | None = None
    location: str | None = None
    reorder_point: Decimal | None = None
    reorder_target: Decimal | None = None
    rule_version: int | None = None

    @property
    def to_order(self) -> Decimal | None:
        """The suggested quantity to order for this warehouse, None when not at its reorder point."""
        if self.reorder_point is None or self.quantity > self.reorder_point:
            return None
        return (self.reorder_target if self.reorder_target is not None else self.reorder_point) - self.quantity


def stock_by_warehouse(db: Database, product_id: uuid.UUID) -> list[WarehouseStock]:
    """Stock on hand, value and rules of one product in each warehouse, default warehouse first, then by code.

    Every active warehouse is listed (0 where the product has no moves); an
    archived one only while it still holds stock (or a shortage), so nothing is
    hidden. Quantities agree with ``stock_on_hand(db, product_id, warehouse)``.
    """
    with db.session() as s:
        levels = {l.warehouse_id: l for l in s.scalars(select(StockLevel).where(StockLevel.product_id == product_id))}
        rules = {r.warehouse_id: r for r in s.scalars(select(StockRule).where(StockRule.product_id == product_id))}
        warehouses = s.execute(select(Warehouse).order_by(Warehouse.is_default.desc(), Warehouse.code)).scalars()
        out = []
        for w in warehouses:
            level, rule = levels.get(w.id), rules.get(w.id)
            qty = level.quantity if level is not None else Decimal(0)
            if w.archived_at is not None and qty == 0:
                continue
            out.append(WarehouseStock(
                w.id, w.code, w.name, qty.quantize(_QUANTUM), w.archived,
                value=(level.value if level is not None else Decimal(0)).quantize(Decimal("0.01")),
                avg_cost=level.avg_cost if level is not None else None,
                location=rule.location if rule else None,
                reorder_point=rule.reorder_point if rule else None,
                reorder_target=rule.reorder_target if rule else None,
                rule_version=rule.version if rule else None))
        return out


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
