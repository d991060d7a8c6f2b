"""Correcting posted invoices: credit notes (facturas rectificativas) and cancellation.

A posted invoice is never edited or deleted. A mistake is corrected by a
credit note "por diferencias" in the credit-note series, naming the original
and the reason (R1..R5), with negative quantities for what it takes back; or
the invoice is cancelled (anulada), which VERI*FACTU records as a
cancellation in the chain.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.db.session import Database
from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.types import utcnow
from app.errors import ValidationError
from app.i18n import _
from app.services.common import check_version, get_or_404
from app.services.invoices import InvoiceData, InvoiceLineData, InvoiceView, _view, create_draft
from app.services.validation import Validator


@dataclass(frozen=True)
class CreditLine:
    """Take back ``quantity`` (positive) of one line of the original invoice."""

    line_id: uuid.UUID
    quantity: Decimal | str


def create_credit_note(db: Database, invoice_id: uuid.UUID, reason: CorrectionReason | str, *,
                       lines: list[CreditLine] | None = None, issue_date: dt.date | None = None,
                       notes: str | None = None) -> InvoiceView:
    """A draft credit note for the whole posted invoice, or for chosen lines and quantities.

    It copies each chosen line's description, price, discount and IVA with the
    quantity negated, goes to the same customer, and refers to the original's
    number and date. A quantity above what the line sold is refused on that
    line (``lines[i].quantity``). Posting it checks again that all credit
    notes together never take back more than the invoice was.
    """
    with db.session() as s:
        original = get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        if original.status != InvoiceStatus.POSTED:
            raise ValidationError("status", _("Only a posted invoice can be corrected by a credit note."))
        if original.kind == InvoiceKind.CREDIT_NOTE:
            raise ValidationError("kind", _("A credit note is not corrected by another credit note; "
                                            "issue a new invoice instead."))
        by_id = {l.id: l for l in original.lines}
        v = Validator()
        chosen: list[tuple[InvoiceLine, Decimal]] = []
        for i, item in enumerate(lines if lines is not None else
                                 [CreditLine(l.id, l.quantity) for l in original.lines]):
            line = by_id.get(item.line_id if isinstance(item.line_id, uuid.UUID) else uuid.UUID(str(item.line_id)))
            if line is None:
                v.error(f"lines[{i}].line_id", _("That line is not on invoice {number}.").format(
                    number=original.full_number))
                continue
            qty = v.decimal(f"lines[{i}].quantity", item.quantity, places=4, positive=True)
            if qty is not None and qty > line.quantity:
                v.error(f"lines[{i}].quantity", _("The invoice sold {sold} of this line.").format(sold=line.quantity))
            if qty is not None:
                chosen.append((line, qty))
        if not chosen and not v.errors:
            v.error("lines", _("Choose at least one line to take back."))
        v.done()
        data = InvoiceData(
            kind=InvoiceKind.CREDIT_NOTE, issue_date=issue_date or dt.date.today(), party_id=original.party_id,
            corrected_invoice_id=original.id, correction_reason=reason, notes=notes,
            lines=[InvoiceLineData(description=l.description, quantity=-qty, unit_price=l.unit_price,
                                   discount_percent=l.discount_percent, tax_rate_id=l.tax_rate_id,
                                   product_id=l.product_id) for l, qty in chosen],
        )
    return create_draft(db, data)


def cancel_invoice(db: Database, invoice_id: uuid.UUID, reason: str, expected_version: int | None = None,
                   *, now: dt.datetime | None = None) -> InvoiceView:
    """Cancel (anular) a posted invoice: it keeps its number, and the chain gets a cancellation record.

    Refused for drafts (delete them instead), for invoices already cancelled
    and for invoices with payments (refund them first), with the reason on
    ``reason`` when it is empty.
    """
    from app.services.chain import append_cancellation

    v = Validator()
    why = v.required("reason", reason, max_len=500)
    v.done()
    with db.session() as s:
        inv = s.execute(select(Invoice).where(Invoice.id == invoice_id).with_for_update(of=Invoice)).scalar()
        if inv is None:
            get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        check_version(inv, expected_version)
        if inv.status == InvoiceStatus.DRAFT:
            raise ValidationError("status", _("A draft is not cancelled: delete it."))
        if inv.status == InvoiceStatus.CANCELLED:
            raise ValidationError("status", _("Invoice {number} is already cancelled.").format(number=inv.full_number))
        if inv.paid_total != 0:
            raise ValidationError("status", _("Invoice {number} has payments: refund them before cancelling it.")
                                  .format(number=inv.full_number))
        inv.status = InvoiceStatus.CANCELLED
        inv.updated_at = now or utcnow()
        s.flush()
        append_cancellation(s, inv, now=inv.updated_at, reason=why)
        s.flush()
        return _view(s, inv)
