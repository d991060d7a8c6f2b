"""Invoices, their lines, series and payments.

A draft has no number. Posting (the invoicing issue) takes the next number of
the series under a lock, snapshots the parties' names and tax ids, and makes
the invoice immutable. Totals are stored so that lists of a million invoices
sort and sum without touching the lines.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, UniqueConstraint, text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import (
    CorrectionReason,
    InvoiceKind,
    InvoiceStatus,
    PaymentMethod,
    db_enum,
)
from app.domain.types import Money, Percent, Price, Quantity, UTCDateTime
from app.money import ZERO


# Posted, not a credit note, not fully paid: an invoice a customer still owes on (see ix_invoice_open).
OPEN_TERMS = "status = 'posted' AND kind <> 'credit_note' AND paid_total < total"

NUMBER_DIGITS = 6  # an invoice number's digits after its series prefix: F2026-000123

class InvoiceSeries(Record, Archivable, Base):
    __tablename__ = "invoice_series"

    code: Mapped[str] = mapped_column(String(10), unique=True)  # "F", "R", "S"
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[InvoiceKind] = mapped_column(db_enum(InvoiceKind))
    prefix: Mapped[str] = mapped_column(String(20), default="")  # printed before the number
    yearly_reset: Mapped[bool] = mapped_column(Boolean, default=True)
    year: Mapped[int | None] = mapped_column(Integer)  # the year next_number belongs to
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    # Reserved for one computer's offline work: only that computer numbers it, offline, so its
    # numbers stay correlative with no gap or duplicate while nobody can reach the server.
    workstation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("workstation.id"))


class Invoice(Record, Base):
    """Never archived nor deleted once posted: cancelled at most."""

    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("series_id", "fiscal_year", "number"),
        Index("ix_invoice_issue_date_id", "issue_date", "id"),
        Index("ix_invoice_party_issue_date", "party_id", "issue_date"),
        # The reports' and the dashboard's sums read this index alone (no table rows): posted invoices of a
        # period, with the amounts they add up. It is also the "status, then date" index the lists use.
        Index("ix_invoice_sales", "status", "issue_date", "party_id", "kind", "base_total", "tax_total",
              "recargo_total", "irpf_total", "total", "id"),
        # What customers owe today: a few percent of the invoices, read whole by the aging report and the
        # dashboard. Queries must spell these terms as OPEN_TERMS does for SQLite to use it.
        Index("ix_invoice_open", "due_date", "party_id", "issue_date", "total", "paid_total",
              sqlite_where=text(OPEN_TERMS), postgresql_where=text(OPEN_TERMS)),
        Index("ix_invoice_full_number", "full_number"),
        Index("ix_invoice_party_name", "party_name"),
        Index("ix_invoice_due_date", "due_date"),
        Index("ix_invoice_total", "total"),
    )

    kind: Mapped[InvoiceKind] = mapped_column(db_enum(InvoiceKind), default=InvoiceKind.INVOICE)
    status: Mapped[InvoiceStatus] = mapped_column(db_enum(InvoiceStatus), default=InvoiceStatus.DRAFT)
    series_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoice_series.id"))
    fiscal_year: Mapped[int | None] = mapped_column(SmallInteger)
    number: Mapped[int | None] = mapped_column(Integer)  # empty until posted
    full_number: Mapped[str | None] = mapped_column(String(40))  # e.g. "F2026-000123"
    party_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("party.id"))
    # Where the goods leave from (a credit note: where they come back to); empty = the default warehouse.
    warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"))
    # Posting moves the stock of the product lines: a delivery for an invoice, a return
    # receipt for a credit note. Off for goods that already left on a delivery note, or
    # a credit note that only corrects a price.
    moves_stock: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Snapshots taken when the draft is saved and frozen at posting (RD 1619/2012 art. 6).
    party_name: Mapped[str] = mapped_column(String(200), default="")
    party_tax_id: Mapped[str | None] = mapped_column(String(20))
    party_address: Mapped[str | None] = mapped_column(String(400))
    issue_date: Mapped[dt.date] = mapped_column(Date)
    operation_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    posted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    recargo_equivalencia: Mapped[bool] = mapped_column(Boolean, default=False)
    irpf_percent: Mapped[Decimal | None] = mapped_column(Percent())
    # Credit notes: the invoice corrected and why.
    corrected_invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    correction_reason: Mapped[CorrectionReason | None] = mapped_column(db_enum(CorrectionReason))
    notes: Mapped[str | None] = mapped_column(String(2000))
    # Stored totals (kept equal to the lines by the invoice service).
    base_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    tax_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    recargo_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    irpf_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    paid_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)

    series: Mapped[InvoiceSeries] = relationship(lazy="joined")
    lines: Mapped[list[InvoiceLine]] = relationship(
        back_populates="invoice", cascade="all, delete-orphan", order_by="InvoiceLine.position"
    )
    payments: Mapped[list[Payment]] = relationship(back_populates="invoice", order_by="Payment.date")


class InvoiceLine(Record, Base):
    __tablename__ = "invoice_line"
    # An invoice's lines, and what the sales by product sum of them, read from the index alone.
    __table_args__ = (Index("ix_invoice_line_sales", "invoice_id", "product_id", "quantity", "amount"),)

    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoice.id"))
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product.id"), index=True)
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_price: Mapped[Decimal] = mapped_column(Price())
    discount_percent: Mapped[Decimal] = mapped_column(Percent(), default=ZERO)
    tax_rate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tax_rate.id"))
    # Snapshots of the rates at the time the line was written.
    tax_percent: Mapped[Decimal] = mapped_column(Percent())
    recargo_percent: Mapped[Decimal] = mapped_column(Percent(), default=ZERO)
    amount: Mapped[Decimal] = mapped_column(Money())  # quantity x price x (1 - discount), rounded

    invoice: Mapped[Invoice] = relationship(back_populates="lines")


class Payment(Record, Base):
    __tablename__ = "payment"
    # The aging report as of a past date reads the payments made since, with their amounts.
    __table_args__ = (Index("ix_payment_date", "date", "invoice_id", "amount"),)

    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoice.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money())
    method: Mapped[PaymentMethod] = mapped_column(db_enum(PaymentMethod), default=PaymentMethod.TRANSFER)
    reference: Mapped[str | None] = mapped_column(String(80))

    invoice: Mapped[Invoice] = relationship(back_populates="payments")
