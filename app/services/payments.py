"""Payments received against posted invoices.

The invoice's ``paid_total`` is kept equal to the sum of its payments in the
same transaction that records one, under a row lock on the invoice, so two
clerks entering the same bank transfer cannot together pay more than is owed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import InvoiceStatus, PaymentMethod
from app.domain.invoices import Invoice, Payment
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.services.common import get_or_404, to_view
from app.services.invoice_drafts import as_uuid
from app.services.validation import Validator


@dataclass
class PaymentData:
    date: dt.date | None
    amount: Decimal | str | int | None
    method: PaymentMethod | str = PaymentMethod.TRANSFER
    reference: str | None = None  # bank reference, receipt number ...


@dataclass(frozen=True)
class PaymentView:
    id: uuid.UUID
    invoice_id: uuid.UUID
    date: dt.date
    amount: Decimal
    method: PaymentMethod
    reference: str | None


def _locked_invoice(s: Session, invoice_id: uuid.UUID | str) -> Invoice:
    """The invoice, locked until commit (PostgreSQL; SQLite serialises writers anyway)."""
    key = as_uuid(invoice_id)
    inv = None
    if key is not None:
        inv = s.execute(select(Invoice).where(Invoice.id == key).with_for_update(of=Invoice)).scalar()
    if inv is None:
        raise NotFoundError(_("No {what} with id {id}.").format(what=_("invoice"), id=invoice_id))
    return inv


# -- public API ----------------------------------------------------------------

def record_payment(db: Database, invoice_id: uuid.UUID, data: PaymentData) -> PaymentView:
    """Records a payment on a posted invoice and adds it to the invoice's paid total.

    Refuses drafts and cancelled invoices (error on ``status``) and an amount
    that is not positive or exceeds what is still owed (error on ``amount``).
    Refunds of credit notes are not payments and are refused here.
    """
    v = Validator()
    date = v.date("date", data.date)
    amount = v.decimal("amount", data.amount, positive=True, places=2)
    method = v.choice("method", data.method, PaymentMethod)
    reference = v.text("reference", data.reference, max_len=80)
    v.done()
    with db.session() as s:
        inv = _locked_invoice(s, invoice_id)
        if inv.status != InvoiceStatus.POSTED:
            raise ValidationError("status", _("Payments are recorded on posted invoices only."))
        outstanding = inv.total - inv.paid_total
        assert amount is not None
        if outstanding <= 0:
            raise ValidationError("amount", _("Nothing is owed on this invoice."))
        if amount > outstanding:
            raise ValidationError(
                "amount", _("Only {owed} is still owed on this invoice.").format(owed=outstanding))
        payment = Payment(invoice_id=inv.id, date=date, amount=amount, method=method, reference=reference)
        s.add(payment)
        # Bumps the invoice's version too: a payment is a change others must see.
        inv.paid_total = inv.paid_total + amount
        s.flush()
        return to_view(PaymentView, payment)


def list_payments(db: Database, invoice_id: uuid.UUID) -> list[PaymentView]:
    """The invoice's payments, oldest first."""
    with db.session() as s:
        get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        stmt = (select(Payment).where(Payment.invoice_id == as_uuid(invoice_id))
                .order_by(Payment.date, Payment.created_at, Payment.id))
        return [to_view(PaymentView, p) for p in s.scalars(stmt)]
