"""Contracts with customers, suppliers and employees."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus, db_enum
from app.domain.types import Money, Percent, Price, Quantity


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
