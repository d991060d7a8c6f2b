"""What the stock count services share: the count's view, finding and locking a count, id chunks."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.domain.enums import StockCountStatus
from app.domain.inventory import StockCount, StockCountLine, Warehouse
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.services.lookups import as_uuid

CHUNK = 5_000  # ids per IN (...) list: SQLite binds at most 32,766 values per statement


@dataclass(frozen=True)
class StockCountView:
    id: uuid.UUID
    version: int
    reference: str
    warehouse_id: uuid.UUID
    warehouse_code: str
    warehouse_name: str
    date: dt.date
    status: StockCountStatus
    notes: str | None
    posted_at: dt.datetime | None
    lines: int
    counted: int
    differences: int  # counted lines whose count is not what the sheet expected
    adjustments: int  # lines that got an adjustment move when posted

    @property
    def uncounted(self) -> int:
        return self.lines - self.counted

    @property
    def is_draft(self) -> bool:
        return self.status == StockCountStatus.DRAFT


def chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def count_key(count_id: Any) -> uuid.UUID:
    found = as_uuid(count_id)
    if found is None:
        raise NotFoundError(_("No stock count with id {id}.").format(id=count_id))
    return found


def lock_count(s: Session, count_id: Any, *, read: bool = False) -> StockCount:
    """The count row, locked: FOR UPDATE to post or cancel, FOR SHARE to type counts (PostgreSQL)."""
    count = s.execute(select(StockCount).where(StockCount.id == count_key(count_id))
                      .with_for_update(read=read).execution_options(populate_existing=True)).scalar()
    if count is None:
        raise NotFoundError(_("No stock count with id {id}.").format(id=count_id))
    return count


def find_count(s: Session, count_id: Any) -> StockCount:
    count = s.get(StockCount, count_key(count_id))
    if count is None:
        raise NotFoundError(_("No stock count with id {id}.").format(id=count_id))
    return count


def check_draft(count: StockCount) -> None:
    if count.status == StockCountStatus.POSTED:
        raise ValidationError("status", _("Stock count {ref} is already posted; it cannot change.")
                              .format(ref=count.reference))
    if count.status == StockCountStatus.CANCELLED:
        raise ValidationError("status", _("Stock count {ref} is cancelled; it cannot change.")
                              .format(ref=count.reference))


def view_of(s: Session, count: StockCount) -> StockCountView:
    line = StockCountLine
    lines, counted, differences, adjustments = s.execute(select(
        func.count(), func.count(line.counted),
        func.count().filter(and_(line.counted.is_not(None), line.counted != line.expected)),
        func.count(line.move_id),
    ).where(line.count_id == count.id)).one()
    wh = s.get(Warehouse, count.warehouse_id)
    return StockCountView(count.id, count.version, count.reference, count.warehouse_id, wh.code, wh.name,
                          count.date, count.status, count.notes, count.posted_at, lines, counted,
                          differences, adjustments)


__all__ = ["CHUNK", "StockCountView", "check_draft", "chunks", "count_key", "find_count", "lock_count", "view_of"]
