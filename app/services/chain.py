"""Appending to the VERI*FACTU record chain, inside the caller's transaction.

``append_registration`` and ``append_cancellation`` are called by posting and
cancelling with their own Session, after they have changed the invoice, so
the invoice and its record commit or roll back together.

Writers of one issuer's chain are serialised before the last record is read,
so two posters never chain onto the same record (a fork) and sequences run
1..N without gaps:

- PostgreSQL: ``SELECT ... FOR UPDATE`` on the company row (the issuer). The
  next statement, which reads the last record, runs after the lock is granted
  and, under READ COMMITTED, sees what the previous holder committed.
- SQLite: the database's write lock. pysqlite (engine.py keeps its default,
  "legacy" transaction control) opens a transaction only before an INSERT,
  UPDATE or DELETE, and that statement takes the write lock; reads before it
  run outside any transaction. So after flushing the caller's changes, either
  a transaction is open (a write ran: we hold the lock and WAL gives us the
  newest data) or none is, and we open one with ``BEGIN IMMEDIATE``, which
  takes the write lock at once, waiting up to the busy timeout. A plain
  ``BEGIN`` would not do: its first read would pin an old snapshot and the
  later INSERT would fail with SQLITE_BUSY_SNAPSHOT instead of waiting.

Chains are per issuer and installation (the SIF's NumeroInstalacion). The
server's is installation 0: every posting made online and every cancellation.
A computer working offline cannot know the server chain's last link, so the
invoices it posts offline, in the series the server keeps for it
(``invoice_series.workstation_id``), chain in its own installation, numbered
by its workstation number; the server checks each such record as that chain's
next link when the copy syncs. ``chain_of`` says which chain an invoice joins.

The unique constraints (issuer, installation, sequence) and (issuer,
installation, previous_hash) are the backstop: if the lock were ever bypassed, the second writer fails instead of
forking the chain. Verification lives in ``app.services.chain_verify``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.compliance.verifactu import (
    Cancellation,
    Registration,
    format_timestamp,
    madrid_time,
)
from app.compliance.verifactu import importe_total as _importe_total
from app.domain.company import Company
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice
from app.domain.types import utcnow
from app.domain.verifactu import ChainRecordKind, InvoiceRecord
from app.errors import ValidationError
from app.i18n import _
from app.services.chain_verify import ChainBreak, ChainReport, verify_chain

__all__ = [
    "ChainBreak", "ChainReport", "append_cancellation", "append_registration", "cuota_total",
    "importe_total", "tipo_factura", "verify_chain",
]

DESCRIPTION_MAX = 500  # DescripcionOperacion
_EXEMPTION_CODE = re.compile(r"\s*(E[1-8])\b")


# -- what the AEAT calls each amount ------------------------------------------------

def tipo_factura(kind: InvoiceKind, correction_reason: str | None) -> str | None:
    """TipoFactura: F1 full invoice, F2 simplified, R1..R5 credit note (its reason); None if unknown."""
    if kind == InvoiceKind.INVOICE:
        return "F1"
    if kind == InvoiceKind.SIMPLIFIED:
        return "F2"
    if kind == InvoiceKind.CREDIT_NOTE and correction_reason:
        return str(correction_reason)
    return None


def cuota_total(inv: Invoice) -> Decimal:
    """CuotaTotal: the IVA plus the recargo de equivalencia charged."""
    return inv.tax_total + inv.recargo_total


def importe_total(inv: Invoice) -> Decimal:
    """ImporteTotal of an invoice (see ``app.compliance.verifactu.importe_total``)."""
    return _importe_total(inv.base_total, inv.tax_total, inv.recargo_total)


# -- locking and reading the chain's end -------------------------------------------

def chain_of(session: Session, invoice: Invoice) -> int:
    """The chain (installation) an invoice's registration joins: its series' workstation, else 0 (the server's)."""
    from app.domain.invoices import InvoiceSeries
    from app.domain.sync import Workstation

    return session.execute(select(Workstation.number).join(InvoiceSeries, InvoiceSeries.workstation_id == Workstation.id)
                           .where(InvoiceSeries.id == invoice.series_id)).scalar() or 0


def _lock_chain(session: Session, chain: int) -> Company:
    """Take the issuer's chain lock for this transaction and return the issuer."""
    if session.info.get("offline") and chain != session.info.get("workstation"):
        # The server's chain is one sequence there: a record made here could not know its last link.
        # Only this workstation's own chain (its reserved series) is appended offline.
        raise ValidationError("status", _("Posting and cancelling invoices need the server: you are working "
                                          "offline. The draft is saved and can be posted when the server is back."))
    session.flush()  # the caller's changes first: on SQLite their UPDATE may already take the lock
    conn = session.connection()
    query = select(Company).order_by(Company.created_at, Company.id).limit(1)
    if conn.dialect.name == "sqlite":
        if not conn.connection.dbapi_connection.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        query = query.with_for_update()
    company = session.execute(query.execution_options(populate_existing=True)).scalar()
    if company is None or not (company.tax_id or "").strip():
        raise ValidationError("company", _("Fill in your company's NIF before posting: "
                                           "every VERI*FACTU record carries it."))
    return company


def _last_record(session: Session, issuer_tax_id: str, chain: int) -> InvoiceRecord | None:
    return session.execute(
        select(InvoiceRecord).where(InvoiceRecord.issuer_tax_id == issuer_tax_id, InvoiceRecord.installation == chain)
        .order_by(InvoiceRecord.sequence.desc()).limit(1)
    ).scalar()


def _has_record(session: Session, inv: Invoice, kind: ChainRecordKind) -> bool:
    return session.execute(
        select(InvoiceRecord.id).where(InvoiceRecord.invoice_id == inv.id, InvoiceRecord.kind == kind).limit(1)
    ).first() is not None


def _chain_fields(last: InvoiceRecord | None, now: dt.datetime | None) -> dict:
    """Sequence, link to the previous record and the generation time (never before the previous one)."""
    moment = madrid_time(now or utcnow())
    if last is not None and moment < last.generated_at:
        # Another workstation's clock ran ahead: a record cannot be generated
        # before the one it chains onto, so it takes that record's time.
        moment = madrid_time(last.generated_at)
    return dict(
        sequence=1 if last is None else last.sequence + 1,
        previous_hash="" if last is None else last.hash,
        previous_invoice_number=None if last is None else last.invoice_number,
        previous_issue_date=None if last is None else last.issue_date,
        generated_at=moment,
        generated_at_text=format_timestamp(moment),
    )


# -- what sending the record needs --------------------------------------------------

def _description(inv: Invoice) -> str:
    seen: list[str] = []
    for line in inv.lines:
        text = " ".join(line.description.split())
        if text and text not in seen:
            seen.append(text)
    text = "; ".join(seen) or (inv.notes or "").strip() or inv.full_number or ""
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1] + "…"


def _percent(value) -> str:
    """A rate as the AEAT writes it (TipoImpositivo "21.00"), keeping any finer digits."""
    cents = value.quantize(Decimal("0.01"))
    return f"{cents:f}" if cents == value else f"{value.normalize():f}"


def _breakdown(session: Session, inv: Invoice) -> list[dict]:
    from app.services.invoices import (
        _tax_groups,  # the same groups the totals and the PDF use
    )

    groups = []
    for g in _tax_groups(session, inv):
        code = _EXEMPTION_CODE.match(g.exemption_reason or "")
        groups.append({
            "tax_percent": _percent(g.tax_percent), "recargo_percent": _percent(g.recargo_percent),
            "exemption": code.group(1) if code else None,
            "base": str(g.base), "tax": str(g.tax), "recargo": str(g.recargo),
        })
    return groups


# -- appending ----------------------------------------------------------------------

def append_registration(session: Session, invoice: Invoice, now: dt.datetime | None = None) -> InvoiceRecord:
    """Append the registration record (RegistroAlta) of a just-posted invoice to its issuer's chain.

    Runs in the caller's transaction and guarantees, on SQLite and PostgreSQL
    alike, that the record follows the issuer's latest committed record
    (sequence + 1, its hash as ``previous_hash``), whatever other clerks post
    at the same moment. Refuses (ValidationError) an invoice that is not
    posted, one already registered, a credit note without its reason and a
    company without NIF. ``now`` (aware; default: the clock) is the
    generation time, recorded in Spanish local time with its offset.
    """
    if invoice.status != InvoiceStatus.POSTED or not invoice.full_number:
        raise ValidationError("status", _("Only a posted invoice gets a VERI*FACTU registration record."))
    tipo = tipo_factura(invoice.kind, invoice.correction_reason)
    if tipo is None:
        raise ValidationError("correction_reason", _("A credit note needs its reason (R1 to R5)."))
    installation = chain_of(session, invoice)
    company = _lock_chain(session, installation)
    if _has_record(session, invoice, ChainRecordKind.REGISTRATION):
        raise ValidationError("status", _("Invoice {number} already has its VERI*FACTU record.")
                              .format(number=invoice.full_number))
    corrected = session.get(Invoice, invoice.corrected_invoice_id) if invoice.corrected_invoice_id else None
    chain = _chain_fields(_last_record(session, company.tax_id, installation), now)
    record = InvoiceRecord(
        installation=installation, kind=ChainRecordKind.REGISTRATION, issuer_tax_id=company.tax_id.strip(), issuer_name=company.legal_name,
        invoice_id=invoice.id, invoice_number=invoice.full_number, issue_date=invoice.issue_date,
        tipo_factura=tipo, cuota_total=cuota_total(invoice), importe_total=importe_total(invoice),
        description=_description(invoice),
        operation_date=invoice.operation_date if invoice.operation_date != invoice.issue_date else None,
        recipient_name=invoice.party_name or None, recipient_tax_id=invoice.party_tax_id or None,
        tipo_rectificativa="I" if invoice.kind == InvoiceKind.CREDIT_NOTE else None,
        corrected_invoice_number=corrected.full_number if corrected else None,
        corrected_issue_date=corrected.issue_date if corrected else None,
        breakdown=_breakdown(session, invoice),
        **chain,
    )
    record.hash = Registration(
        issuer_tax_id=record.issuer_tax_id, invoice_number=record.invoice_number, issue_date=record.issue_date,
        tipo_factura=tipo, cuota_total=record.cuota_total, importe_total=record.importe_total,
        previous_hash=record.previous_hash, generated_at=record.generated_at_text,
    ).huella()
    session.add(record)
    session.flush()  # a conflict surfaces here, inside the caller's transaction
    return record


def append_cancellation(session: Session, invoice: Invoice, now: dt.datetime | None = None,
                        reason: str | None = None) -> InvoiceRecord:
    """Append the cancellation record (RegistroAnulacion) of a just-cancelled invoice to the chain.

    Same guarantees as ``append_registration``. Refuses (ValidationError) an
    invoice that is not cancelled, one never registered and one whose
    cancellation is already recorded. ``reason`` is kept for the audit trail.
    """
    if invoice.status != InvoiceStatus.CANCELLED or not invoice.full_number:
        raise ValidationError("status", _("Only a cancelled invoice gets a VERI*FACTU cancellation record."))
    company = _lock_chain(session, 0)  # cancelling takes an accountant on the server: the server's chain
    if not _has_record(session, invoice, ChainRecordKind.REGISTRATION):
        raise ValidationError("status", _("Invoice {number} has no VERI*FACTU record to cancel.")
                              .format(number=invoice.full_number))
    if _has_record(session, invoice, ChainRecordKind.CANCELLATION):
        raise ValidationError("status", _("The cancellation of invoice {number} is already recorded.")
                              .format(number=invoice.full_number))
    chain = _chain_fields(_last_record(session, company.tax_id, 0), now)
    record = InvoiceRecord(
        installation=0, kind=ChainRecordKind.CANCELLATION, issuer_tax_id=company.tax_id.strip(), issuer_name=company.legal_name,
        invoice_id=invoice.id, invoice_number=invoice.full_number, issue_date=invoice.issue_date,
        reason=(reason or "").strip()[:500] or None,
        **chain,
    )
    record.hash = Cancellation(
        issuer_tax_id=record.issuer_tax_id, invoice_number=record.invoice_number, issue_date=record.issue_date,
        previous_hash=record.previous_hash, generated_at=record.generated_at_text,
    ).huella()
    session.add(record)
    session.flush()
    return record
