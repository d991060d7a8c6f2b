"""Posting a stock count: the stock on hand becomes what was counted, in one transaction.

Each counted line is compared with the stock on hand *at posting*, under the
lock of its stock level (moves made since the sheet was printed are real and
stay), and each difference becomes an adjustment move written by
``stock.write_moves``, which moves the levels and their value with it. The
count row is locked ``FOR UPDATE`` and its status checked under that lock,
so a count posts once even when two clerks press Post together.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Uuid, and_, bindparam, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import StockCountStatus, StockMoveKind
from app.domain.inventory import Product, StockCount, StockCountLine, StockLevel
from app.domain.types import Price, Quantity, utcnow
from app.errors import ValidationError
from app.i18n import _
from app.services.count_common import StockCountView, check_draft, chunks, find_count, lock_count, view_of
from app.services.stock import PlannedMove, take_write_lock, write_moves

UNCOUNTED = ("skip", "zero")
MOVES_PER_WRITE = 2_000  # write_moves binds 4 values per level: SQLite allows 32,766 per statement
_VALUE = Decimal("0.0001")


@dataclass(frozen=True)
class PostSummary:
    """What posting would do now (the confirmation a clerk reads before posting)."""

    adjustments: int
    gains: int
    losses: int
    value_difference: Decimal  # stock value gained minus lost, to cents
    uncounted: int


@dataclass(frozen=True)
class PostResult:
    count: StockCountView
    adjustments: int
    value_difference: Decimal  # as the moves carried it, to cents


def _check_uncounted(s: Session, count: StockCount, uncounted: str | None) -> int:
    if uncounted is not None and uncounted not in UNCOUNTED:
        raise ValidationError("uncounted", _("Unknown choice {value!r}: skip or zero.").format(value=uncounted))
    missing = s.execute(select(func.count()).where(StockCountLine.count_id == count.id,
                                                   StockCountLine.counted.is_(None))).scalar_one()
    if missing and uncounted is None:
        raise ValidationError("uncounted", _(
            "{n} lines of {ref} are not counted. Say what they mean: skip them (their stock stays as it is) "
            "or count them as zero.").format(n=missing, ref=count.reference))
    return missing


def _ensure_levels(s: Session, count: StockCount) -> None:
    """A level row for every line counted above zero that has none, so posting can lock it."""
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    has_level = (select(StockLevel.product_id).where(StockLevel.product_id == StockCountLine.product_id,
                                                     StockLevel.warehouse_id == count.warehouse_id).exists())
    source = (select(StockCountLine.product_id, literal(count.warehouse_id, Uuid()),
                     literal(Decimal(0), Quantity()), literal(Decimal(0), Price()))
              .where(StockCountLine.count_id == count.id, StockCountLine.counted.is_not(None),
                     StockCountLine.counted != 0, ~has_level))
    s.execute(insert(StockLevel).from_select(["product_id", "warehouse_id", "quantity", "value"], source)
              .on_conflict_do_nothing())


def _differences(s: Session, count: StockCount, *, lock: bool) -> list[tuple]:
    """(line id, product id, counted, on hand, level value, average cost, product cost) of the counted
    lines whose count is not the stock on hand now.

    With ``lock`` the level rows are locked in product order, the order
    ``write_moves`` locks them in, so posting never deadlocks with a clerk's
    move; a move committed meanwhile is waited for and its result compared.
    """
    on_hand = func.coalesce(StockLevel.quantity, literal(Decimal(0), Quantity()))
    stmt = (select(StockCountLine.id, StockCountLine.product_id, StockCountLine.counted, on_hand,
                   func.coalesce(StockLevel.value, literal(Decimal(0), Price())), StockLevel.avg_cost, Product.cost)
            .join(Product, Product.id == StockCountLine.product_id)
            # Locking: _ensure_levels made the levels needed (FOR UPDATE refuses the nullable side of a join).
            .join(StockLevel, and_(StockLevel.product_id == StockCountLine.product_id,
                                   StockLevel.warehouse_id == count.warehouse_id), isouter=not lock)
            .where(StockCountLine.count_id == count.id, StockCountLine.counted.is_not(None),
                   StockCountLine.counted != on_hand)
            .order_by(StockCountLine.product_id))
    if lock:
        stmt = stmt.with_for_update(of=StockLevel)
    return s.execute(stmt).all()


def _estimated_value(diff: Decimal, on_hand: Decimal, value: Decimal, avg: Decimal | None, cost: Decimal) -> Decimal:
    """The stock value an adjustment of ``diff`` would carry, the way ``write_moves`` values it."""
    unit = avg if avg is not None else cost
    if diff < 0 and -diff == on_hand and on_hand > 0:
        return -value  # empties the warehouse: takes exactly its value
    if diff > 0 and on_hand + diff == 0:
        return -value  # fills a shortage exactly
    return (diff * unit).quantize(_VALUE, rounding=ROUND_HALF_UP)


def post_summary(db: Database, count_id: Any, uncounted: str | None = None) -> PostSummary:
    """How many adjustments posting would write now and the stock value they would add (negative: lose).

    ``uncounted="zero"`` includes the uncounted lines as zero. Read-only.
    """
    with db.session() as s:
        count = find_count(s, count_id)
        rows = [(r[2] - r[3], r) for r in _differences(s, count, lock=False)]
        missing = s.execute(select(func.count()).where(StockCountLine.count_id == count.id,
                                                       StockCountLine.counted.is_(None))).scalar_one()
        if uncounted == "zero" and missing:
            zero = (select(StockLevel.quantity, StockLevel.value, StockLevel.avg_cost, Product.cost)
                    .join(StockCountLine, and_(StockCountLine.product_id == StockLevel.product_id,
                                               StockLevel.warehouse_id == count.warehouse_id))
                    .join(Product, Product.id == StockLevel.product_id)
                    .where(StockCountLine.count_id == count.id, StockCountLine.counted.is_(None),
                           StockLevel.quantity != 0))
            rows += [(-q, (None, None, Decimal(0), q, v, a, c)) for q, v, a, c in s.execute(zero)]
        total = sum((_estimated_value(d, r[3], r[4], r[5], r[6]) for d, r in rows), Decimal(0))
        gains = sum(1 for d, _r in rows if d > 0)
        return PostSummary(len(rows), gains, len(rows) - gains, total.quantize(Decimal("0.01"), ROUND_HALF_UP),
                           missing)


def post_count(db: Database, count_id: Any, *, uncounted: str | None = None, allow_negative: bool = False,
               date: dt.date | None = None) -> PostResult:
    """Posts a draft count in ONE transaction: stock on hand becomes what was counted.

    For each counted line the difference is counted minus the stock on hand
    now (under lock), and each difference other than zero becomes an
    adjustment move dated ``date`` (today by default), reason "Stock count
    <ref>", reference the count's; lines record ``adjusted`` and ``move_id``.
    Lines not counted are refused (field ``uncounted``) unless ``uncounted``
    says "skip" (their stock stays) or "zero" (counted as 0). A count posts
    once: a second posting, even at the same moment, is refused on ``status``.
    """
    with db.session() as s:
        take_write_lock(s)
        count = lock_count(s, count_id)
        check_draft(count)
        if _check_uncounted(s, count, uncounted) and uncounted == "zero":
            table = StockCountLine.__table__
            s.execute(update(table).where(table.c.count_id == count.id, table.c.counted.is_(None))
                      .values(counted=literal(Decimal(0), Quantity()), version=table.c.version + 1,
                              updated_at=utcnow(), updated_by=db.user))
        day = date or dt.date.today()
        table = StockCountLine.__table__
        stamp = {"version": table.c.version + 1, "updated_at": utcnow(), "updated_by": db.user}
        # Every counted line is settled at 0; the lines that differ get their adjustment below.
        s.execute(update(table).where(table.c.count_id == count.id, table.c.counted.is_not(None))
                  .values(adjusted=literal(Decimal(0), Quantity()), **stamp))
        _ensure_levels(s, count)
        rows = _differences(s, count, lock=True)
        planned = []
        reason = _("Stock count {ref}").format(ref=count.reference)[:200]
        for _line_id, product_id, counted, on_hand, *_rest in rows:
            diff = counted - on_hand
            gain = diff > 0
            planned.append(PlannedMove({
                "kind": StockMoveKind.ADJUSTMENT, "product_id": product_id,
                "from_warehouse_id": None if gain else count.warehouse_id,
                "to_warehouse_id": count.warehouse_id if gain else None,
                "quantity": abs(diff), "unit_cost": None, "date": day, "reference": count.reference,
                "reason": reason, "party_id": None, "invoice_id": None,
            }, field="counted"))
        moves: dict[uuid.UUID, Any] = {}
        value = Decimal(0)
        for part in chunks(planned, MOVES_PER_WRITE):  # rows are in product order: so are the chunks
            for move in write_moves(s, list(part), allow_negative=allow_negative):
                moves[move.product_id] = move
                value += move.value if move.to_warehouse_id is not None else -move.value
        stmt = (update(table).where(table.c.id == bindparam("b_id"))
                .values(adjusted=bindparam("b_adjusted", type_=Quantity()), move_id=bindparam("b_move", type_=Uuid()),
                        **stamp))
        params = [{"b_id": line_id, "b_adjusted": counted - on_hand, "b_move": moves[product_id].id}
                  for line_id, product_id, counted, on_hand, *_rest in rows]
        for part in chunks(params):
            s.execute(stmt, list(part), execution_options={"synchronize_session": False})
        count.status = StockCountStatus.POSTED
        count.posted_at = utcnow()
        s.flush()
        return PostResult(view_of(s, count), len(planned), value.quantize(Decimal("0.01"), ROUND_HALF_UP))
