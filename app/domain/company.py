"""The user's own business: the issuer printed on every invoice."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, Integer, LargeBinary, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.base import Base, Record
from app.domain.enums import LimitPolicy, NegativeStockPolicy, db_enum
from app.domain.types import Money


class Company(Record, Base):
    __tablename__ = "company"

    legal_name: Mapped[str] = mapped_column(String(200))
    trade_name: Mapped[str | None] = mapped_column(String(200))
    tax_id: Mapped[str] = mapped_column(String(20))  # NIF/CIF, compact form
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="ES")
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    iban: Mapped[str | None] = mapped_column(String(34))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    # A factura simplificada may total at most this, tax included: 400 EUR, or 3,000 EUR
    # for the sectors RD 1619/2012 art. 4.2 lists (retail, hospitality, transport...).
    simplified_invoice_limit: Mapped[Decimal] = mapped_column(Money(), default=Decimal(400))
    # VERI*FACTU QR codes point at the AEAT's test host until this is switched on.
    verifactu_production: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A move (or a posted invoice) that would leave a warehouse below zero: ask first, or refuse.
    negative_stock: Mapped[NegativeStockPolicy] = mapped_column(
        db_enum(NegativeStockPolicy), default=NegativeStockPolicy.WARN, server_default=NegativeStockPolicy.WARN.value)
    # Contracts: how many days ahead an end or a notice deadline is flagged; whether
    # "Generate invoices" posts them or leaves drafts; the largest attachment accepted.
    contract_alert_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    contract_invoices_posted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    attachment_limit_mb: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    # Employees: vacation days a year unless an employee's own allowance says otherwise,
    # leave beyond the balance, years personal data is kept after someone leaves, and
    # how many days before a document expires the Employees tab warns.
    leave_days_per_year: Mapped[int] = mapped_column(Integer, default=22, server_default="22")
    leave_over_balance: Mapped[LimitPolicy] = mapped_column(
        db_enum(LimitPolicy), default=LimitPolicy.WARN, server_default=LimitPolicy.WARN.value)
    hr_retention_years: Mapped[int] = mapped_column(Integer, default=4, server_default="4")
    document_alert_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
