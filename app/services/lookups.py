"""Checks that a form's references point at rows a clerk may still use.

Unlike ``get_or_404`` (the record being edited is gone), a bad reference in a
form is the clerk's input: it becomes a FieldError on that field, collected
with the other errors of the form before anything is written.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from app.domain.base import Record
from app.domain.enums import TaxKind
from app.domain.taxes import TaxRate
from app.i18n import _
from app.services.validation import Validator

R = TypeVar("R", bound=Record)


def as_uuid(value: object) -> uuid.UUID | None:
    """A UUID from a UUID or its text; None for anything else."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def reference(
    session: Session,
    v: Validator,
    field: str,
    model: type[R],
    record_id: object,
    *,
    what: str,
    required: bool = False,
    allow_archived: bool = False,
) -> R | None:
    """The referenced row, or None with a FieldError on ``field`` explaining why."""
    if record_id is None or record_id == "":
        if required:
            v.error(field, _("This field is required."))
        return None
    key = as_uuid(record_id)
    obj = session.get(model, key) if key is not None else None
    if obj is None:
        v.error(field, _("Unknown {what}.").format(what=what))
        return None
    if not allow_archived and getattr(obj, "archived_at", None) is not None:
        v.error(field, _("This {what} is archived; restore it first.").format(what=what))
        return None
    return obj


def iva_rate(session: Session, v: Validator, field: str, tax_rate_id: object) -> TaxRate | None:
    """An existing, non-archived IVA rate (not recargo or IRPF), else a FieldError."""
    if tax_rate_id is None or tax_rate_id == "":
        v.error(field, _("This field is required."))
        return None
    key = as_uuid(tax_rate_id)
    rate = session.get(TaxRate, key) if key is not None else None
    if rate is None or rate.archived_at is not None or rate.kind != TaxKind.IVA:
        v.error(field, _("Unknown tax rate: choose one of the IVA rates."))
        return None
    return rate


E = TypeVar("E")


def filter_choice(filters: dict, key: str, enum_cls: type[E]) -> E | None:
    """A list filter's enum value; an unknown value is a ValidationError on ``key``, not a crash."""
    value = filters.get(key)
    if value is None or value == "":
        return None
    v = Validator()
    chosen = v.choice(key, value, enum_cls)
    v.done()
    return chosen
