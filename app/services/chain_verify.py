"""Verifying the VERI*FACTU record chain from what is stored, record by record.

Each record's hash is recomputed from its stored fields and the previous
record's hash, so changing any hashed field, a hash, the order or the link of
one record breaks the chain exactly there. Each record is also compared with
the invoice it records, and every posted or cancelled invoice must have its
records: deleting the newest records (which no hash can reveal) shows up as
invoices without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, exists, select

from app.compliance.verifactu import (
    Cancellation,
    Registration,
    format_amount,
    parse_timestamp,
)
from app.db.session import Database
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice
from app.domain.verifactu import ChainRecordKind, InvoiceRecord
from app.i18n import _
from app.locale_format import format_date

R = InvoiceRecord
_BATCH = 5000


@dataclass(frozen=True)
class ChainBreak:
    """The first thing wrong: a record (its sequence) or an invoice without its record (no sequence)."""

    issuer_tax_id: str
    sequence: int | None
    invoice_number: str | None
    reason: str
    installation: int = 0  # 0: the server's chain; else the workstation whose offline postings it holds

    def describe(self) -> str:
        if self.sequence is None:
            return _("Invoice {number}: {reason}").format(number=self.invoice_number, reason=self.reason)
        if self.installation:
            return _("Record {seq} of {issuer}, workstation {ws}'s chain (invoice {number}): {reason}").format(
                seq=self.sequence, issuer=self.issuer_tax_id, ws=self.installation, number=self.invoice_number,
                reason=self.reason)
        return _("Record {seq} of {issuer} (invoice {number}): {reason}").format(
            seq=self.sequence, issuer=self.issuer_tax_id, number=self.invoice_number, reason=self.reason)


@dataclass(frozen=True)
class ChainReport:
    records: int  # records checked (all of them when the chain is whole)
    issuers: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _recomputed_hash(row) -> str:
    if row.kind == ChainRecordKind.REGISTRATION:
        return Registration(
            issuer_tax_id=row.issuer_tax_id, invoice_number=row.invoice_number, issue_date=row.issue_date,
            tipo_factura=row.tipo_factura or "", cuota_total=row.cuota_total, importe_total=row.importe_total,
            previous_hash=row.previous_hash, generated_at=row.generated_at_text,
        ).huella()
    return Cancellation(
        issuer_tax_id=row.issuer_tax_id, invoice_number=row.invoice_number, issue_date=row.issue_date,
        previous_hash=row.previous_hash, generated_at=row.generated_at_text,
    ).huella()


def _check_own_fields(row) -> str | None:
    """Is the record consistent in itself (hash, time)?"""
    try:
        computed = _recomputed_hash(row)
    except (ValueError, TypeError) as exc:
        return _("its stored fields are not valid for the AEAT ({error})").format(error=exc)
    if computed != row.hash:
        return _("its stored fields do not give its hash (stored {stored}, recomputed {computed})").format(
            stored=row.hash, computed=computed)
    if parse_timestamp(row.generated_at_text) != row.generated_at:
        return _("its stored time {stored} differs from the time it hashed ({text})").format(
            stored=row.generated_at.isoformat(), text=row.generated_at_text)
    return None


def _check_link(row, prev) -> str | None:
    """Does the record follow the previous one of its issuer's chain?"""
    expected = 1 if prev is None else prev.sequence + 1
    if row.sequence != expected:
        return _("sequence {found} where {expected} was expected: records are missing").format(
            found=row.sequence, expected=expected)
    prev_hash = "" if prev is None else prev.hash
    if row.previous_hash != prev_hash:
        if prev is None:
            return _("it is the first record but names a previous hash {hash}").format(hash=row.previous_hash)
        return _("it does not chain to record {prev}: it names previous hash {named}, record {prev} has {actual}"
                 ).format(prev=prev.sequence, named=row.previous_hash or "-", actual=prev.hash)
    if prev is not None and (row.previous_invoice_number, row.previous_issue_date) != (
            prev.invoice_number, prev.issue_date):
        return _("it names {number} as the previous record's invoice, but record {prev} is {actual}").format(
            number=row.previous_invoice_number, prev=prev.sequence, actual=prev.invoice_number)
    if prev is not None and row.generated_at < prev.generated_at:
        return _("it was generated ({at}) before record {prev} ({prev_at})").format(
            at=row.generated_at_text, prev=prev.sequence, prev_at=prev.generated_at_text)
    return None


def _check_invoice(row) -> str | None:
    """Does the invoice still read what its record says?"""
    if row.inv_id is None:
        return _("the invoice it records no longer exists")
    if (row.inv_number, row.inv_date) != (row.invoice_number, row.issue_date):
        return _("the invoice now reads {number} of {date}").format(
            number=row.inv_number, date=format_date(row.inv_date))
    if row.kind == ChainRecordKind.CANCELLATION:
        if row.inv_status != InvoiceStatus.CANCELLED:
            return _("the invoice it cancels is not cancelled")
        return None
    if row.inv_status not in (InvoiceStatus.POSTED, InvoiceStatus.CANCELLED):
        return _("the invoice it records is not posted")
    cuota, importe = row.inv_tax + row.inv_recargo, row.inv_base + row.inv_tax + row.inv_recargo
    if (cuota, importe) != (row.cuota_total, row.importe_total):
        return _("the invoice now totals {importe} (tax {cuota}); the record says {r_importe} (tax {r_cuota})").format(
            importe=format_amount(importe), cuota=format_amount(cuota),
            r_importe=format_amount(row.importe_total), r_cuota=format_amount(row.cuota_total))
    return None


def _first_unrecorded(session) -> ChainBreak | None:
    """A posted or cancelled invoice without its registration, or cancelled without its cancellation."""
    def missing(kind: ChainRecordKind):
        return ~exists().where(and_(R.invoice_id == Invoice.id, R.kind == kind))

    checks = [
        (Invoice.status.in_([InvoiceStatus.POSTED, InvoiceStatus.CANCELLED]) & missing(ChainRecordKind.REGISTRATION),
         _("it is posted but has no VERI*FACTU registration record")),
        ((Invoice.status == InvoiceStatus.CANCELLED) & missing(ChainRecordKind.CANCELLATION),
         _("it is cancelled but its cancellation has no VERI*FACTU record")),
    ]
    for condition, reason in checks:
        number = session.execute(
            select(Invoice.full_number).where(condition).order_by(Invoice.posted_at, Invoice.full_number).limit(1)
        ).scalar()
        if number is not None:
            return ChainBreak(issuer_tax_id="", sequence=None, invoice_number=number, reason=reason)
    return None


def verify_chain(db: Database) -> ChainReport:
    """Recompute every record of every chain (per issuer and installation); report the first thing wrong.

    Read-only. Records are streamed in chain order, so memory stays flat
    however long the chain. ``broken`` names the first record (issuer,
    sequence, invoice number) whose hash, link, time or invoice does not
    hold, or else the first posted or cancelled invoice missing its record.
    """
    columns = [
        R.issuer_tax_id, R.installation, R.sequence, R.kind, R.invoice_number, R.issue_date, R.tipo_factura, R.cuota_total,
        R.importe_total, R.previous_hash, R.previous_invoice_number, R.previous_issue_date, R.hash,
        R.generated_at, R.generated_at_text,
        Invoice.id.label("inv_id"), Invoice.full_number.label("inv_number"), Invoice.issue_date.label("inv_date"),
        Invoice.status.label("inv_status"), Invoice.base_total.label("inv_base"),
        Invoice.tax_total.label("inv_tax"), Invoice.recargo_total.label("inv_recargo"),
    ]
    query = (select(*columns).outerjoin(Invoice, Invoice.id == R.invoice_id)
             .order_by(R.issuer_tax_id, R.installation, R.sequence).execution_options(yield_per=_BATCH))
    checked = issuers = 0
    with db.session() as s:
        prev = None
        for row in s.execute(query):
            if prev is None or prev.issuer_tax_id != row.issuer_tax_id:
                issuers, prev = issuers + 1, None
            elif prev.installation != row.installation:  # each workstation's chain starts anew
                prev = None
            reason = _check_link(row, prev) or _check_own_fields(row) or _check_invoice(row)
            if reason:
                return ChainReport(checked, issuers, ChainBreak(row.issuer_tax_id, row.sequence,
                                                                row.invoice_number, reason, row.installation))
            checked += 1
            prev = row
        return ChainReport(checked, issuers, _first_unrecorded(s))
