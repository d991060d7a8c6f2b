"""Payments received against posted invoices.

The invoice's ``paid_total`` is kept equal to the sum of its payments in the
same transaction that records one, under a row lock on the invoice, so two
clerks entering the same bank transfer cannot together pay more than is owed.

A posted credit note settles what it takes back of the invoice it corrects: a
payment of method ``credit_note``, referencing the credit note's number, up to
what is still owed (``settle_with_credit``; cancelling the credit note takes it
back with a reversing payment). So the invoice list, the aging report and the dashboard see the debt a
credit note cancelled as gone, on the credit note's date. What a credit note
takes back of an invoice already paid is a refund owed to the customer, which
is not tracked here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
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
    if method == PaymentMethod.CREDIT_NOTE:
        v.error("method", _("A credit note settles the invoice it corrects when it is posted; "
                            "it is not entered as a payment."))
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


def settle_with_credit(s: Session, credit_note: Invoice) -> Decimal:
    """In the posting of ``credit_note``: pay what it takes back of the invoice it corrects, up to
    what is still owed there. Returns the amount settled (0 when nothing was owed)."""
    if credit_note.corrected_invoice_id is None:
        return Decimal("0.00")
    original = _locked_invoice(s, credit_note.corrected_invoice_id)
    amount = min(-credit_note.total, original.total - original.paid_total)
    if amount <= 0 or original.status != InvoiceStatus.POSTED:
        return Decimal("0.00")
    s.add(Payment(invoice_id=original.id, date=credit_note.issue_date, amount=amount,
                  method=PaymentMethod.CREDIT_NOTE, reference=credit_note.full_number))
    original.paid_total = original.paid_total + amount
    return amount


def unsettle_credit(s: Session, credit_note: Invoice, date: dt.date) -> Decimal:
    """In the cancellation of ``credit_note``: what it settled is owed again from ``date``, by a
    reversing (negative) payment beside the settling one: payments are added, never deleted (the
    server lets an accountant add them only), and the aging of a date in between still sees the
    credit. Returns the amount owed again."""
    if credit_note.corrected_invoice_id is None:
        return Decimal("0.00")
    original = _locked_invoice(s, credit_note.corrected_invoice_id)
    amount = s.execute(select(func.coalesce(func.sum(Payment.amount), 0)).where(
        Payment.invoice_id == original.id, Payment.method == PaymentMethod.CREDIT_NOTE,
        Payment.reference == credit_note.full_number)).scalar_one()
    if amount <= 0:
        return Decimal("0.00")
    s.add(Payment(invoice_id=original.id, date=date, amount=-amount, method=PaymentMethod.CREDIT_NOTE,
                  reference=credit_note.full_number))
    original.paid_total = original.paid_total - amount
    return Decimal(amount)


def list_payments(db: Database, invoice_id: uuid.UUID) -> list[PaymentView]:
    """The invoice's payments, oldest first."""
    with db.session() as s:
        get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        stmt = (select(Payment).where(Payment.invoice_id == as_uuid(invoice_id))
                .order_by(Payment.date, Payment.created_at, Payment.id))
        return [to_view(PaymentView, p) for p in s.scalars(stmt)]
