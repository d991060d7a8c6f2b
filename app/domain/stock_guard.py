"""A done stock move cannot be changed or deleted by any path through our ORM layer.

The stock service only ever adds moves; a mistake is corrected by a reverse
move. This hook is the backstop for every other path (a future service, a
script, a sync applying rows), so that stock on hand always stays the sum of
moves that really happened.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.domain.inventory import StockMove
from app.errors import ValidationError
from app.i18n import _


def _refuse() -> None:
    raise ValidationError("move_id", _("A done stock move cannot be changed or deleted; record a reverse move."))


@event.listens_for(Session, "before_flush")
def _guard_done_moves(session: Session, _context, _instances) -> None:
    for obj in session.deleted:
        if isinstance(obj, StockMove):
            _refuse()
    for obj in session.dirty:
        if isinstance(obj, StockMove):
            state = inspect(obj)
            if any(a.history.has_changes() for a in state.attrs if a.key in obj.__table__.c):
                _refuse()
