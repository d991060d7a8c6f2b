"""Printable invoices: find them, and gather what their PDF shows.

An ``InvoiceDocument`` is the invoice's view, the issuer, the VERI*FACTU QR
URL (test or production host as the company setting says) and, for a credit
note, the number and date of the invoice it corrects, and the language of
its customer, which its labels, numbers and dates follow. Rendering it is
``app.documents.invoice_pdf``'s job; this module only reads.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.compliance.qr import importe_total, validar_qr_url
from app.db.session import Database
from app.documents.invoice_pdf import CorrectedInvoice, InvoiceDocument, render_invoice
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice, InvoiceSeries
from app.domain.parties import Party
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.services.company import CompanyView, get_company
from app.services.common import get_or_404
from app.services.invoices import InvoiceView, _view

# A posted invoice keeps its QR once cancelled: its registration record still exists.
_NUMBERED = (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED)


def qr_url_for(view: InvoiceView, company: CompanyView) -> str | None:
    """The ValidarQR URL of a numbered invoice; None for a draft (nothing is registered yet)."""
    if view.status not in _NUMBERED or not view.full_number:
        return None
    return validar_qr_url(company.tax_id, view.full_number, view.issue_date,
                          importe_total(view.base_total, view.tax_total, view.recargo_total),
                          production=company.verifactu_production)


def find_invoice_by_number(db: Database, full_number: str) -> uuid.UUID:
    """The id of the invoice numbered ``full_number`` (e.g. "F2026-000123"), as printed.

    NotFoundError naming the number when there is none; a ValidationError on
    ``number`` when that invoice is still a draft (drafts have no legal number).
    """
    wanted = (full_number or "").strip()
    with db.session() as s:
        found = s.execute(select(Invoice.id, Invoice.status).where(Invoice.full_number == wanted)).all()
    if not found:
        raise NotFoundError(_("No invoice numbered {number}.").format(number=wanted or "''"))
    invoice_id, status = found[0]
    if status == InvoiceStatus.DRAFT:
        raise ValidationError("number", _("Invoice {number} is still a draft: post it before printing it.").format(
            number=wanted))
    return invoice_id


def posted_invoice_ids(db: Database, date_from: dt.date, date_to: dt.date) -> list[uuid.UUID]:
    """Ids of the posted invoices issued from ``date_from`` to ``date_to`` (both included).

    In the order a binder keeps them: by issue date, then series, year and number.
    """
    if date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    with db.session() as s:
        return list(s.execute(
            select(Invoice.id)
            .join(InvoiceSeries, InvoiceSeries.id == Invoice.series_id)
            .where(Invoice.status == InvoiceStatus.POSTED,
                   Invoice.issue_date >= date_from, Invoice.issue_date <= date_to)
            .order_by(Invoice.issue_date, InvoiceSeries.code, Invoice.fiscal_year, Invoice.number)
        ).scalars())


def _corrected(s: Session, view: InvoiceView) -> CorrectedInvoice | None:
    if view.corrected_invoice_id is None:
        return None
    row = s.execute(select(Invoice.full_number, Invoice.issue_date)
                    .where(Invoice.id == view.corrected_invoice_id)).first()
    if row is None or not row.full_number:
        return None
    return CorrectedInvoice(row.full_number, row.issue_date)


def _language(s: Session, view: InvoiceView) -> str:
    # The customer's language as it is now (a reprint follows a corrected preference). A credit
    # note without a customer takes the one of the invoice it corrects; no customer at all
    # (a simplified invoice to the public): Spanish.
    party_id = view.party_id
    if party_id is None and view.corrected_invoice_id is not None:
        party_id = s.execute(select(Invoice.party_id).where(Invoice.id == view.corrected_invoice_id)).scalar()
    if party_id is None:
        return "es"
    return s.execute(select(Party.language).where(Party.id == party_id)).scalar() or "es"


def invoice_document(db: Database, invoice_id: uuid.UUID, company: CompanyView | None = None) -> InvoiceDocument:
    """Everything the PDF of one invoice shows, read in plain values, in its customer's language."""
    company = company or get_company(db)
    # One session for all of it: opening one costs more than its queries (~5 ms on SQLite
    # here), and a batch reads a thousand invoices.
    with db.session() as s:
        view = _view(s, get_or_404(s, Invoice, invoice_id, what=_("invoice")))
        corrected, language = _corrected(s, view), _language(s, view)
    return InvoiceDocument(view, company, qr_url_for(view, company), corrected, language)


def invoice_documents(db: Database, invoice_ids: Iterable[uuid.UUID]) -> Iterator[InvoiceDocument]:
    """The documents of many invoices, read one at a time as a batch renderer asks for them."""
    company = get_company(db)
    for invoice_id in invoice_ids:
        yield invoice_document(db, invoice_id, company)


def invoice_pdf(db: Database, invoice_id: uuid.UUID) -> bytes:
    """The PDF of one invoice (preview, print, save): what ``render_invoice`` guarantees."""
    doc = invoice_document(db, invoice_id)
    return render_invoice(doc.invoice, doc.company, qr_url=doc.qr_url, corrected=doc.corrected,
                          language=doc.language)
