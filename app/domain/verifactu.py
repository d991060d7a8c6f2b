"""The VERI*FACTU record chain: one append-only row per registration or cancellation.

Each posted invoice gets a registration record (RegistroAlta) and each
cancellation a cancellation record (RegistroAnulacion), chained per issuer:
a record's ``previous_hash`` is the ``hash`` of the record before it
(``sequence - 1``). The row keeps the data, never the XML: the hashed fields
exactly as hashed (``generated_at_text`` is the FechaHoraHusoGenRegistro
text), plus what sending the record to the AEAT will need (issuer name,
recipient, description, breakdown, corrected invoice, the previous record's
identity for Encadenamiento/RegistroAnterior).

Rows are never modified or deleted through our ORM layer: the hooks below
refuse it with ChainRecordImmutableError. Anything that must change later
(the AEAT's answer to a submission) belongs in another table.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from app.domain.base import Base, Record
from app.domain.enums import db_enum
from app.domain.types import Money, UTCDateTime
from app.errors import TrastiendaError
from app.i18n import _


class ChainRecordKind(enum.StrEnum):
    REGISTRATION = "registration"  # RegistroAlta
    CANCELLATION = "cancellation"  # RegistroAnulacion


class ChainRecordImmutableError(TrastiendaError):
    """Someone tried to change or delete a VERI*FACTU record: the law forbids it."""


class InvoiceRecord(Record, Base):
    __tablename__ = "verifactu_record"
    __table_args__ = (
        # One chain per issuer, numbered 1..N without gaps: a second writer that
        # read the same "last record" fails here instead of forking the chain.
        UniqueConstraint("issuer_tax_id", "installation", "sequence"),
        # Each record has exactly one successor: a fork is refused even if the
        # sequence were right. The first record's previous_hash is "".
        UniqueConstraint("issuer_tax_id", "installation", "previous_hash"),
    )

    # Which chain (the SIF's NumeroInstalacion): 0 is the server's; a workstation's number is the chain of
    # the invoices it posts offline in the series reserved for it (see app.services.chain).
    installation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    sequence: Mapped[int] = mapped_column(Integer)
    issuer_tax_id: Mapped[str] = mapped_column(String(20))  # IDEmisorFactura
    issuer_name: Mapped[str] = mapped_column(String(200))  # NombreRazonEmisor
    kind: Mapped[ChainRecordKind] = mapped_column(db_enum(ChainRecordKind))
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoice.id"), index=True)
    invoice_number: Mapped[str] = mapped_column(String(60))  # NumSerieFactura
    issue_date: Mapped[dt.date] = mapped_column(Date)  # FechaExpedicionFactura
    # Registration only (NULL on cancellations):
    tipo_factura: Mapped[str | None] = mapped_column(String(2))  # F1, F2, R1..R5
    cuota_total: Mapped[Decimal | None] = mapped_column(Money())  # IVA + recargo
    importe_total: Mapped[Decimal | None] = mapped_column(Money())  # base + IVA + recargo
    # The chain.
    previous_hash: Mapped[str] = mapped_column(String(64), default="")
    previous_invoice_number: Mapped[str | None] = mapped_column(String(60))
    previous_issue_date: Mapped[dt.date | None] = mapped_column(Date)
    hash: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    generated_at_text: Mapped[str] = mapped_column(String(32))  # FechaHoraHusoGenRegistro as hashed
    # For sending a registration (RegistroAlta), frozen with the record:
    description: Mapped[str | None] = mapped_column(String(500))  # DescripcionOperacion
    operation_date: Mapped[dt.date | None] = mapped_column(Date)  # FechaOperacion, if not the issue date
    recipient_name: Mapped[str | None] = mapped_column(String(200))  # Destinatarios/NombreRazon
    recipient_tax_id: Mapped[str | None] = mapped_column(String(20))  # Destinatarios/NIF or IDOtro
    tipo_rectificativa: Mapped[str | None] = mapped_column(String(1))  # "I": por diferencias
    corrected_invoice_number: Mapped[str | None] = mapped_column(String(60))  # FacturasRectificadas
    corrected_issue_date: Mapped[dt.date | None] = mapped_column(Date)
    # Desglose: [{"tax_percent", "recargo_percent", "exemption", "base", "tax", "recargo"}],
    # numbers as decimal strings (JSON has no exact decimal).
    breakdown: Mapped[list | None] = mapped_column(JSON)
    # Cancellation only: why the clerk cancelled (kept for the audit; not sent).
    reason: Mapped[str | None] = mapped_column(String(500))

    @property
    def is_first(self) -> bool:
        """The first record of its issuer's chain (Encadenamiento/PrimerRegistro = S)."""
        return self.previous_hash == ""


def _refuse(record: InvoiceRecord | None) -> None:
    where = f" {record.sequence} ({record.invoice_number})" if record is not None else ""
    raise ChainRecordImmutableError(
        _("VERI*FACTU record{where} cannot be changed or deleted: records are only ever appended.").format(where=where)
    )


@event.listens_for(Session, "before_flush")
def _guard_records(session: Session, _context, _instances) -> None:
    # Runs before any SQL of the flush, so the refusal leaves nothing half written.
    for obj in session.deleted:
        if isinstance(obj, InvoiceRecord):
            _refuse(obj)
    for obj in session.dirty:
        if isinstance(obj, InvoiceRecord) and session.is_modified(obj, include_collections=False):
            _refuse(obj)


@event.listens_for(Session, "do_orm_execute")
def _guard_bulk_statements(state: ORMExecuteState) -> None:
    # session.execute(update(InvoiceRecord)...) bypasses the flush; refuse it too.
    if (state.is_update or state.is_delete) and any(
        m.class_ is InvoiceRecord for m in state.all_mappers
    ):
        _refuse(None)
