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
from sqlalchemy.orm import aliased

from app.db.session import Database
from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.domain.inventory import StockMove
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.types import utcnow
from app.errors import ValidationError
from app.i18n import _
from app.services.common import check_version, get_or_404
from app.services.invoices import InvoiceData, InvoiceLineData, InvoiceView, _view, create_draft
from app.services.payments import unsettle_credit
from app.services.stock import reverse_in
from app.services.validation import Validator


@dataclass(frozen=True)
class CreditLine:
    """Take back ``quantity`` (positive) of one line of the original invoice."""

    line_id: uuid.UUID
    quantity: Decimal | str


def create_credit_note(db: Database, invoice_id: uuid.UUID, reason: CorrectionReason | str, *,
                       lines: list[CreditLine] | None = None, issue_date: dt.date | None = None,
                       notes: str | None = None, returns_goods: bool = True) -> InvoiceView:
    """A draft credit note for the whole posted invoice, or for chosen lines and quantities.

    It copies each chosen line's description, price, discount and IVA with the
    quantity negated, goes to the same customer, and refers to the original's
    number and date. A quantity above what the line sold is refused on that
    line (``lines[i].quantity``). Posting it checks again that all credit
    notes together never take back more than the invoice was.

    ``returns_goods``: the customer sends the products back, so posting the
    credit note brings them into the warehouse the invoice delivered from.
    Leave it off for a credit note that only corrects a price or a tax.
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
            warehouse_id=_delivered_from(s, original), moves_stock=returns_goods,
            lines=[InvoiceLineData(description=l.description, quantity=-qty, unit_price=l.unit_price,
                                   discount_percent=l.discount_percent, tax_rate_id=l.tax_rate_id,
                                   product_id=l.product_id) for l, qty in chosen],
        )
    return create_draft(db, data)


def _delivered_from(s, original: Invoice) -> uuid.UUID | None:
    """The warehouse the original's goods left from (where a return goes back to)."""
    if original.warehouse_id is not None:
        return original.warehouse_id
    return s.execute(select(StockMove.from_warehouse_id).where(
        StockMove.invoice_id == original.id, StockMove.from_warehouse_id.is_not(None)).limit(1)).scalar()


def cancel_invoice(db: Database, invoice_id: uuid.UUID, reason: str, expected_version: int | None = None,
                   *, now: dt.datetime | None = None, allow_negative: bool = False) -> InvoiceView:
    """Cancel (anular) a posted invoice: it keeps its number, and the chain gets a cancellation record.

    Its stock moves are reversed in the same transaction: the goods of a
    cancelled invoice come back (a cancelled credit note's returns leave
    again, under the negative-stock policy).

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
        if inv.kind == InvoiceKind.CREDIT_NOTE:
            unsettle_credit(s, inv, inv.updated_at.date())  # what it settled on the invoice it corrected is owed again
        s.flush()
        reversal = aliased(StockMove)
        moves = s.scalars(select(StockMove.id).where(
            StockMove.invoice_id == inv.id, StockMove.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == StockMove.id).exists())
            .order_by(StockMove.created_at)).all()
        for move_id in moves:
            reverse_in(s, move_id, _("Invoice {number} cancelled").format(number=inv.full_number),
                       (now or utcnow()).date(), allow_negative=allow_negative, field="status")
        append_cancellation(s, inv, now=inv.updated_at, reason=why)
        s.flush()
        return _view(s, inv)
