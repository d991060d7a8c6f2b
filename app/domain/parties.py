"""Customers and suppliers, their addresses and payment terms."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.types import Percent


class PaymentTerm(Record, Archivable, Base):
    """When an invoice falls due: e.g. "30 days" or "30/60/90 days"."""

    __tablename__ = "payment_term"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    # Comma-separated day offsets from the issue date, one per instalment.
    days: Mapped[str] = mapped_column(String(60), default="0")


class Party(Record, Archivable, Base):
    __tablename__ = "party"
    __table_args__ = (
        Index("ix_party_legal_name", "legal_name"),
        Index("ix_party_tax_id", "tax_id"),
        Index("ix_party_code", "code", unique=True),
    )

    code: Mapped[str] = mapped_column(String(20))  # e.g. C000123, P000012
    legal_name: Mapped[str] = mapped_column(String(200))
    trade_name: Mapped[str | None] = mapped_column(String(200))
    # Spanish NIF/NIE/CIF (compact, e.g. "B12345674") or EU VAT ("FR40303265045").
    tax_id: Mapped[str | None] = mapped_column(String(20))
    is_customer: Mapped[bool] = mapped_column(Boolean, default=True)
    is_supplier: Mapped[bool] = mapped_column(Boolean, default=False)
    # Billing address inline: every invoice and list needs it.
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="ES")
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    iban: Mapped[str | None] = mapped_column(String(34))
    payment_term_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payment_term.id"))
    language: Mapped[str] = mapped_column(String(5), default="es")
    # Tax profile
    recargo_equivalencia: Mapped[bool] = mapped_column(Boolean, default=False)
    irpf_percent: Mapped[Decimal | None] = mapped_column(Percent())  # 15 or 7; None = no withholding
    notes: Mapped[str | None] = mapped_column(String(2000))

    payment_term: Mapped[PaymentTerm | None] = relationship(lazy="joined")
    addresses: Mapped[list[PartyAddress]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="PartyAddress.position"
    )


class PartyAddress(Record, Base):
    """Further addresses of a party (delivery sites, branches)."""

    __tablename__ = "party_address"

    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party.id"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    label: Mapped[str] = mapped_column(String(80), default="")
    street: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="ES")

    party: Mapped[Party] = relationship(back_populates="addresses")
