"""Customers and suppliers: create, update, archive, get, list."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.parties import Party, PartyAddress, PaymentTerm
from app.domain.search import PARTY_SEARCH
from app.i18n import _
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.lookups import reference
from app.services import codes
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.validation import Validator

IRPF_RATES = (Decimal("15"), Decimal("7"))
LANGUAGES = ("es", "en", "ca", "eu", "gl", "fr", "de", "it", "pt")


@dataclass
class AddressData:
    street: str
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str = "ES"
    label: str = ""


@dataclass
class PartyData:
    """What a party form holds; every field a plain value."""

    legal_name: str
    tax_id: str | None = None
    trade_name: str | None = None
    is_customer: bool = True
    is_supplier: bool = False
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str = "ES"
    email: str | None = None
    phone: str | None = None
    iban: str | None = None
    payment_term_id: uuid.UUID | None = None
    language: str = "es"
    recargo_equivalencia: bool = False
    irpf_percent: Decimal | None = None
    notes: str | None = None
    code: str | None = None  # given automatically when empty
    addresses: list[AddressData] = field(default_factory=list)


@dataclass(frozen=True)
class PartyView:
    id: uuid.UUID
    version: int
    code: str
    legal_name: str
    trade_name: str | None
    tax_id: str | None
    is_customer: bool
    is_supplier: bool
    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str
    email: str | None
    phone: str | None
    iban: str | None
    payment_term_id: uuid.UUID | None
    language: str
    recargo_equivalencia: bool
    irpf_percent: Decimal | None
    notes: str | None
    archived_at: dt.datetime | None
    addresses: tuple[AddressData, ...] = ()


def _validate(v: Validator, data: PartyData) -> dict:
    country = (data.country or "ES").strip().upper()
    if len(country) != 2 or not country.isalpha():
        v.error("country", _("Use the two-letter country code, e.g. ES or FR."))
    out = {
        "legal_name": v.required("legal_name", data.legal_name),
        "trade_name": v.text("trade_name", data.trade_name),
        "tax_id": v.tax_id("tax_id", data.tax_id, country),
        "is_customer": bool(data.is_customer),
        "is_supplier": bool(data.is_supplier),
        "street": v.text("street", data.street),
        "postal_code": v.text("postal_code", data.postal_code, max_len=10),
        "city": v.text("city", data.city, max_len=100),
        "province": v.text("province", data.province, max_len=100),
        "country": country,
        "email": v.email("email", data.email),
        "phone": v.text("phone", data.phone, max_len=40),
        "iban": v.iban("iban", data.iban),
        "payment_term_id": data.payment_term_id,
        "language": data.language,
        "recargo_equivalencia": bool(data.recargo_equivalencia),
        "irpf_percent": None,
        "notes": v.text("notes", data.notes, max_len=2000),
    }
    if not (data.is_customer or data.is_supplier):
        v.error("is_customer", _("A party is a customer, a supplier or both."))
    if country == "ES" and out["postal_code"] and not (len(out["postal_code"]) == 5 and out["postal_code"].isdigit()):
        v.error("postal_code", _("A Spanish postal code has 5 digits."))
    if data.language not in LANGUAGES:
        v.error("language", _("Unknown language {lang!r}.").format(lang=data.language))
    if data.irpf_percent is not None:
        irpf = v.decimal("irpf_percent", data.irpf_percent, places=4)
        if irpf is not None and irpf not in IRPF_RATES:
            v.error("irpf_percent", _("IRPF withholding is 15% or 7%."))
        out["irpf_percent"] = irpf
    v.text("code", data.code, max_len=20)  # the code itself is set by create/update
    for i, a in enumerate(data.addresses):
        v.required(f"addresses[{i}].street", a.street)
        v.text(f"addresses[{i}].label", a.label, max_len=80)
        v.text(f"addresses[{i}].postal_code", a.postal_code, max_len=10)
        v.text(f"addresses[{i}].city", a.city, max_len=100)
        v.text(f"addresses[{i}].province", a.province, max_len=100)
    return out


def _next_code(session: Session, data: PartyData) -> str:
    prefix = "C" if data.is_customer else "P"
    offline = codes.offline_prefix(session, prefix)
    if offline is not None:
        return codes.next_free(session, Party.code, offline, codes.OFFLINE_DIGITS)
    count = session.execute(select(func.count()).select_from(Party)).scalar_one()
    n = count + 1
    while session.execute(select(Party.id).where(Party.code == f"{prefix}{n:06d}")).first():
        n += 1
    return f"{prefix}{n:06d}"


def _check_unique_code(session: Session, v: Validator, code: str, own_id: uuid.UUID | None) -> None:
    if not v.ok("code"):  # refused already (too long, a NUL): not sent to the database
        return
    clash = session.execute(select(Party.id).where(Party.code == code)).scalar()
    if clash is not None and clash != own_id:
        v.error("code", _("Code {code} is already used by another party.").format(code=code))


def _view(p: Party) -> PartyView:
    addresses = tuple(
        AddressData(a.street, a.postal_code, a.city, a.province, a.country, a.label) for a in p.addresses
    )
    return to_view(PartyView, p, addresses=addresses)


def _set_addresses(p: Party, addresses: list[AddressData]) -> None:
    p.addresses = [
        PartyAddress(position=i, label=a.label, street=a.street.strip(), postal_code=a.postal_code,
                     city=a.city, province=a.province, country=(a.country or "ES").upper())
        for i, a in enumerate(addresses)
    ]


# -- public API ----------------------------------------------------------------

def create_party(db: Database, data: PartyData) -> PartyView:
    """Validates everything first; writes nothing when any field is wrong."""
    v = Validator()
    values = _validate(v, data)
    with db.session() as s:
        reference(s, v, "payment_term_id", PaymentTerm, data.payment_term_id, what=_("payment term"))
        code = (data.code or "").strip() or _next_code(s, data)
        _check_unique_code(s, v, code, None)
        v.done()
        party = Party(code=code, **values)
        _set_addresses(party, data.addresses)
        s.add(party)
        s.flush()
        return _view(party)


def update_party(db: Database, party_id: uuid.UUID, data: PartyData, expected_version: int | None = None) -> PartyView:
    """Saves the form over the stored row; refuses if someone saved in between."""
    v = Validator()
    values = _validate(v, data)
    with db.session() as s:
        party = get_or_404(s, Party, party_id, what=_("party"))
        check_version(party, expected_version)
        reference(s, v, "payment_term_id", PaymentTerm, data.payment_term_id, what=_("payment term"))
        new_code = (data.code or "").strip()
        if new_code and new_code != party.code:
            _check_unique_code(s, v, new_code, party.id)
        v.done()
        if new_code:
            party.code = new_code
        apply(party, values)
        _set_addresses(party, data.addresses)
        s.flush()
        return _view(party)


def archive_party(db: Database, party_id: uuid.UUID) -> PartyView:
    with db.session() as s:
        party = get_or_404(s, Party, party_id, what=_("party"))
        archive(party)
        s.flush()
        return _view(party)


def restore_party(db: Database, party_id: uuid.UUID) -> PartyView:
    with db.session() as s:
        party = get_or_404(s, Party, party_id, what=_("party"))
        restore(party)
        s.flush()
        return _view(party)


def get_party(db: Database, party_id: uuid.UUID) -> PartyView:
    with db.session() as s:
        return _view(get_or_404(s, Party, party_id, what=_("party")))


PARTY_COLUMNS = [
    ListColumn("code", _("Code"), Party.code, searchable=True),
    ListColumn("legal_name", _("Name"), Party.legal_name, searchable=True),
    ListColumn("trade_name", _("Trade name"), Party.trade_name, searchable=True),
    ListColumn("tax_id", _("NIF"), Party.tax_id, searchable=True),
    ListColumn("city", _("City"), Party.city, searchable=True),
    ListColumn("email", _("E-mail"), Party.email, searchable=True),
    ListColumn("phone", _("Phone"), Party.phone),
]


def _party_base(filters: dict) -> "select":
    stmt = select(*[c.expr.label(c.key) for c in PARTY_COLUMNS])
    if not filters.get("include_archived"):
        stmt = stmt.where(Party.archived_at.is_(None))
    role = filters.get("role")
    if role == "customer":
        stmt = stmt.where(Party.is_customer.is_(True))
    elif role == "supplier":
        stmt = stmt.where(Party.is_supplier.is_(True))
    return stmt


def list_parties(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``role`` (customer|supplier), ``include_archived``."""
    with db.session() as s:
        return run_list(s, _party_base(query.filters), PARTY_COLUMNS, Party.id, query, "legal_name",
                        search_index=PARTY_SEARCH)


def count_parties(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _party_base(query.filters), PARTY_COLUMNS, query.search, PARTY_SEARCH)
