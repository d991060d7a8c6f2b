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

from app.db.session import Database
from app.domain.company import Company
from app.errors import NotFoundError
from app.i18n import _
from app.services.common import to_view


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
