"""The issuer: the user's own business as printed on every invoice.

There is one company row per database. Documents get it as a plain
``CompanyView`` (logo bytes included), never as a live ORM object.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from app import locale_format
from app.db.session import Database
from app.domain.company import Company
from app.domain.enums import LimitPolicy, NegativeStockPolicy
from app.errors import NotFoundError
from app.i18n import _
from app.services.common import apply, check_version, to_view
from app.services.logo import logo_values
from app.services.validation import Validator


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # CompanyData.logo: leave the stored logo as it is


@dataclass
class CompanyData:
    """What the company settings form holds."""

    legal_name: str
    tax_id: str
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str = "ES"
    trade_name: str | None = None
    email: str | None = None
    phone: str | None = None
    iban: str | None = None
    simplified_invoice_limit: Decimal | str = Decimal(400)
    verifactu_production: bool = False
    negative_stock: NegativeStockPolicy | str = NegativeStockPolicy.WARN  # a move that would leave less than nothing
    contract_alert_days: int | Decimal | str | None = 30  # contracts ending (or notice due) this soon are flagged
    contract_invoices_posted: bool = False  # "Generate invoices" posts them (else leaves drafts)
    attachment_limit_mb: int | Decimal | str | None = 20  # the largest contract attachment accepted
    leave_days_per_year: int | Decimal | str | None = 22  # vacation days unless an employee's allowance says otherwise
    leave_over_balance: LimitPolicy | str = LimitPolicy.WARN  # vacation beyond the balance: ask first, or refuse
    hr_retention_years: int | Decimal | str | None = 4  # personal data kept this long after someone leaves
    document_alert_days: int | Decimal | str | None = 30  # employee documents expiring this soon are flagged
    # PNG or JPEG bytes printed on invoices (app.services.logo checks them); None removes it.
    # A form that does not show the logo leaves the default, KEEP, and the stored one stays.
    logo: bytes | None | _Keep = KEEP


SIMPLIFIED_LIMITS = (Decimal(400), Decimal(3000))  # RD 1619/2012 art. 4.1 and 4.2


@dataclass(frozen=True)
class CompanyView:
    id: uuid.UUID
    legal_name: str
    trade_name: str | None
    tax_id: str
    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str
    email: str | None
    phone: str | None
    iban: str | None
    logo: bytes | None
    logo_mime: str | None
    simplified_invoice_limit: Decimal
    verifactu_production: bool
    version: int = 0
    negative_stock: NegativeStockPolicy = NegativeStockPolicy.WARN
    contract_alert_days: int = 30
    contract_invoices_posted: bool = False
    attachment_limit_mb: int = 20
    leave_days_per_year: int = 22
    leave_over_balance: LimitPolicy = LimitPolicy.WARN
    hr_retention_years: int = 4
    document_alert_days: int = 30

    @property
    def address_lines(self) -> tuple[str, ...]:
        """Street, then postal code and town (and province when it differs), then a foreign country."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        if self.province and self.province != self.city:
            town = f"{town} ({self.province})" if town else self.province
        lines = [self.street or "", town]
        if self.country and self.country != "ES":
            lines.append(self.country)
        return tuple(line for line in lines if line)


def _load(s: Session) -> Company | None:
    # The oldest row wins should a restore ever leave two: the issuer must not flip.
    return s.execute(
        select(Company).options(undefer(Company.logo)).order_by(Company.created_at, Company.id).limit(1)
    ).scalar()


def find_company(db: Database) -> CompanyView | None:
    """The issuer's details, or None while the company has not been set up."""
    with db.session() as s:
        company = _load(s)
        return to_view(CompanyView, company) if company is not None else None


def get_company(db: Database) -> CompanyView:
    """The issuer's details; NotFoundError naming what to do when none is set up."""
    company = find_company(db)
    if company is None:
        raise NotFoundError(_("The company's details (legal name, NIF, address) are not set up yet: "
                              "enter them before printing invoices."))
    return company


def save_company(db: Database, data: CompanyData, expected_version: int | None = None) -> CompanyView:
    """Create or update the issuer. Everything an invoice must show is required and checked
    (name, NIF, full address, and a logo given: a PNG or JPEG of at most 2 MB); nothing is
    written while any field is wrong."""
    values = company_values(data)
    with db.session() as s:
        company = _load(s)
        if company is None:
            company = Company(**values)
            s.add(company)
        else:
            check_version(company, expected_version)
            apply(company, values)
        s.flush()
        return to_view(CompanyView, company)


def company_values(data: CompanyData, v: Validator | None = None) -> dict:
    """The checked column values of ``data``; ValidationError naming every wrong field.

    Given a ``v``, its errors are collected there instead (``v.done()`` is the caller's),
    so another form's fields can be checked in the same pass (app.services.first_run).
    """
    own = v is None
    v = v or Validator()
    country = (data.country or "ES").strip().upper()
    values = {
        "legal_name": v.required("legal_name", data.legal_name),
        "trade_name": v.text("trade_name", data.trade_name),
        "tax_id": v.tax_id("tax_id", data.tax_id, country, required=True),
        "street": v.required("street", data.street),
        "postal_code": v.required("postal_code", data.postal_code, max_len=10),
        "city": v.required("city", data.city, max_len=100),
        "province": v.text("province", data.province, max_len=100),
        "country": country,
        "email": v.email("email", data.email),
        "phone": v.text("phone", data.phone, max_len=40),
        "iban": v.iban("iban", data.iban),
        "verifactu_production": bool(data.verifactu_production),
        "negative_stock": v.choice("negative_stock", data.negative_stock or NegativeStockPolicy.WARN,
                                   NegativeStockPolicy),
    }
    limit = v.decimal("simplified_invoice_limit", data.simplified_invoice_limit, places=2)
    if limit is not None and limit not in SIMPLIFIED_LIMITS:
        low, high = (locale_format.format_number(n, 0) for n in SIMPLIFIED_LIMITS)
        v.error("simplified_invoice_limit", _("The limit is {low} EUR, or {high} EUR for the sectors art. 4.2 lists.")
                .format(low=low, high=high))
    values["simplified_invoice_limit"] = limit
    values["contract_invoices_posted"] = bool(data.contract_invoices_posted)
    values["leave_over_balance"] = v.choice("leave_over_balance", data.leave_over_balance or LimitPolicy.WARN,
                                            LimitPolicy)
    for name, low, high in (("contract_alert_days", 0, 365), ("attachment_limit_mb", 1, 100),
                            ("leave_days_per_year", 0, 60), ("hr_retention_years", 1, 30),
                            ("document_alert_days", 0, 365)):
        number = v.decimal(name, getattr(data, name), places=0, min_value=Decimal(low), max_value=Decimal(high))
        values[name] = int(number) if number is not None else None
    if data.logo is not KEEP:
        values.update(logo_values(data.logo, v))
    if own:
        v.done()
    return values
