"""Contracts with customers, suppliers and employees."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, LargeBinary, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import BillingFrequency, ContractEventKind, ContractKind, ContractStatus, db_enum
from app.domain.types import Money, Percent, Price, Quantity, UTCDateTime


class Contract(Record, Archivable, Base):
    __tablename__ = "contract"
    __table_args__ = (
        Index("ix_contract_start_date", "start_date"),
        Index("ix_contract_end_date", "end_date"),
        Index("ix_contract_status_end_date", "status", "end_date"),
        Index("ix_contract_reference", "reference"),
        Index("ix_contract_title", "title"),
    )

    kind: Mapped[ContractKind] = mapped_column(db_enum(ContractKind))
    status: Mapped[ContractStatus] = mapped_column(db_enum(ContractStatus), default=ContractStatus.DRAFT)
    party_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("party.id"), index=True)
    employee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employee.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(40))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)  # None: open-ended
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_months: Mapped[int | None] = mapped_column(SmallInteger)
    notice_days: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[Decimal | None] = mapped_column(Money())
    billing_frequency: Mapped[BillingFrequency | None] = mapped_column(db_enum(BillingFrequency))
    billing_day: Mapped[int | None] = mapped_column(SmallInteger)
    billed_until: Mapped[dt.date | None] = mapped_column(Date)  # last day of the last billed period
    indexation_percent: Mapped[Decimal | None] = mapped_column(Percent())
    notes: Mapped[str | None] = mapped_column(String(4000))
    # Lifecycle: when notice was given (the contract then ends at end_date), when and why
    # it was terminated early; the current period started on period_start (a renewal moves it).
    notice_given_on: Mapped[dt.date | None] = mapped_column(Date)
    terminated_on: Mapped[dt.date | None] = mapped_column(Date)
    termination_reason: Mapped[str | None] = mapped_column(String(500))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    renewals: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    lines: Mapped[list[ContractLine]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="ContractLine.position"
    )
    attachments: Mapped[list[ContractAttachment]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="ContractAttachment.created_at"
    )


class ContractLine(Record, Base):
    """A price line billed every period."""

    __tablename__ = "contract_line"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product.id"))
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_price: Mapped[Decimal] = mapped_column(Price())
    tax_rate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tax_rate.id"))

    contract: Mapped[Contract] = relationship(back_populates="lines")


class ContractAttachment(Record, Base):
    """Files live in the database so that they back up and sync with it."""

    __tablename__ = "contract_attachment"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    contract: Mapped[Contract] = relationship(back_populates="attachments")


class ContractEvent(Record, Base):
    """The contract's history: one row per status change, renewal or price indexation.

    Append-only. ``details`` holds what changed in plain JSON (for an
    indexation: each line's price before and after).
    """

    __tablename__ = "contract_event"
    __table_args__ = (Index("ix_contract_event_contract_id_date", "contract_id", "date"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id"))
    kind: Mapped[ContractEventKind] = mapped_column(db_enum(ContractEventKind))
    date: Mapped[dt.date] = mapped_column(Date)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    percent: Mapped[Decimal | None] = mapped_column(Percent())
    note: Mapped[str | None] = mapped_column(String(500))
    details: Mapped[dict | None] = mapped_column(JSON)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ContractBilling(Record, Base):
    """One billed period of a contract: the unique key is what makes billing idempotent.

    Two runs (or two clerks) billing the same period collide on
    (contract_id, period_start); the loser's transaction rolls back, so a
    period is never invoiced twice.
    """

    __tablename__ = "contract_billing"
    __table_args__ = (UniqueConstraint("contract_id", "period_start"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id"))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoice.id"), index=True)
