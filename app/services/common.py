"""Helpers every area's service shares."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.domain.base import Record
from app.domain.types import utcnow
from app.errors import ConflictError, NotFoundError
from app.i18n import _

R = TypeVar("R", bound=Record)
V = TypeVar("V")


def get_or_404(session: Session, model: type[R], record_id: uuid.UUID | str, *, what: str) -> R:
    try:
        key = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
    except ValueError:
        raise NotFoundError(_("No {what} with id {id}.").format(what=what, id=record_id)) from None
    obj = session.get(model, key)
    if obj is None:
        raise NotFoundError(_("No {what} with id {id}.").format(what=what, id=record_id))
    return obj


def check_version(obj: Record, expected: int | None) -> None:
    """Refuse to save over a change someone else made since the form was opened."""
    if expected is not None and obj.version != expected:
        raise ConflictError(
            _("Someone else changed this record since you opened it. Reload it and try again.")
        )


def to_view(view_cls: type[V], obj: Any, **extra: Any) -> V:
    """Copy the view dataclass's fields from an ORM object into plain values."""
    values = {}
    for f in dataclasses.fields(view_cls):  # type: ignore[arg-type]
        if f.name in extra:
            values[f.name] = extra[f.name]
        else:
            values[f.name] = getattr(obj, f.name)
    return view_cls(**values)


def apply(obj: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


def archive(obj: Any) -> None:
    if obj.archived_at is None:
        obj.archived_at = utcnow()


def restore(obj: Any) -> None:
    obj.archived_at = None
