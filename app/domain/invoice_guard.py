"""A posted invoice cannot be changed by any path that goes through our ORM layer.

Services already refuse; this hook is the backstop for every other path (a
future service, a script, a sync applying rows). Once posted, an invoice may
only receive payments (``paid_total``) and be cancelled (status to
``cancelled``, which VERI*FACTU records); its lines are frozen, and it is
never deleted. Corrections go through a credit note.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice, InvoiceLine
from app.errors import ValidationError
from app.i18n import _

# Columns a posted invoice may still change.
_MUTABLE_WHEN_POSTED = {"paid_total", "status", "updated_at", "updated_by", "version"}


def _stored_status(inv: Invoice) -> InvoiceStatus | None:
    """The status as last read from the database (None for a new invoice)."""
    state = inspect(inv)
    if state.pending or state.transient:
        return None
    history = state.attrs.status.history
    if history.deleted:
        return history.deleted[0]
    return inv.status


def _refuse(inv: Invoice | None) -> None:
    number = inv.full_number if inv is not None else ""
    raise ValidationError("status", _("Posted invoice {number} cannot be changed or deleted; "
                                      "correct it with a credit note.").format(number=number))


@event.listens_for(Session, "before_flush")
def _guard_posted_invoices(session: Session, _context, _instances) -> None:
    for obj in session.dirty:
        if isinstance(obj, Invoice) and _stored_status(obj) in (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED):
            state = inspect(obj)
            changed = {a.key for a in state.attrs if a.key in obj.__table__.c and a.history.has_changes()}
            if changed - _MUTABLE_WHEN_POSTED:
                _refuse(obj)
            if _stored_status(obj) == InvoiceStatus.CANCELLED and "status" in changed:
                _refuse(obj)
            if "status" in changed and obj.status not in (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED):
                _refuse(obj)
    for obj in session.deleted:
        if isinstance(obj, Invoice) and _stored_status(obj) in (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED):
            _refuse(obj)
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, InvoiceLine):
            parent = obj.invoice if obj.invoice is not None else session.get(Invoice, obj.invoice_id)
            if parent is not None and _stored_status(parent) in (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED):
                if obj in session.dirty and not session.is_modified(obj, include_collections=False):
                    continue
                _refuse(parent)
