"""The company, its customers and suppliers, with a realistic tax mix.

Customers: mostly companies (CIF), some people (DNI/NIE), ~10% small shops
under recargo de equivalencia, ~5% professionals with IRPF 15%, ~3% EU
companies (intra-community supplies, exempt E5). Suppliers are companies.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.demo import identifiers as ids
from app.demo import names
from app.demo.common import DemoContext, audit, stamp
from app.domain.enums import PaymentMethod
from app.services.setup import PAYMENT_TERMS, payment_term_id

TERM_DAYS = {name: tuple(int(d) for d in days.split(",")) for name, days in PAYMENT_TERMS}


@dataclass(frozen=True)
class PartyRef:
    """What the invoice and contract generators need to know of a party."""

    id: uuid.UUID
    code: str
    name: str
    tax_id: str | None
    address: str
    recargo: bool
    irpf: Decimal | None
    term_days: tuple[int, ...]
    eu: bool
    method: PaymentMethod
    weight: float  # how much this customer buys, relative to the others
    late_days: int  # how late it usually pays


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def spanish_address(rng: random.Random) -> dict:
    city, province, first_code, span = rng.choice(names.CITIES)
    number = rng.randrange(1, 160)
    street = f"{rng.choice(names.STREET_TYPES)} {rng.choice(names.STREET_NAMES)}, {number}"
    if rng.random() < 0.3:
        street += f", {rng.randrange(1, 8)}.º {rng.choice('ABCD')}"
    return {"street": street, "postal_code": f"{first_code + rng.randrange(span):05d}",
            "city": city, "province": province, "country": "ES"}


def address_line(a: dict) -> str:
    province = f" ({a['province']})" if a.get("province") and a["province"] != a["city"] else ""
    country = "" if a["country"] == "ES" else f", {a['country']}"
    return f"{a['street']}, {a['postal_code']} {a['city']}{province}{country}"


def person_name(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(names.FIRST_NAMES_F if rng.random() < 0.5 else names.FIRST_NAMES_M)
    return first, f"{rng.choice(names.SURNAMES)} {rng.choice(names.SURNAMES)}"


def company_name(rng: random.Random, letter: str) -> str:
    core = rng.choice(names.COMPANY_CORES) if rng.random() < 0.4 else rng.choice(names.SURNAMES)
    return f"{rng.choice(names.COMPANY_ACTIVITIES)} {core} {rng.choice(names.LEGAL_FORMS[letter])}"


def _unique(rng: random.Random, used: set[str], make) -> str:
    while True:
        value = make(rng)
        if value not in used:
            used.add(value)
            return value


def build_company(ctx: DemoContext) -> dict:
    rng = ctx.rng("company")
    addr = {"street": "Calle del Coso, 87", "postal_code": "50001", "city": "Zaragoza",
            "province": "Zaragoza", "country": "ES"}
    return {
        **audit(rng, stamp(ctx.start, rng)), **addr,
        "legal_name": "Suministros y Servicios del Ebro SL", "trade_name": "Trastienda Ebro",
        "tax_id": ids.cif(rng, "B"), "email": "administracion@suministrosebro.es",
        "phone": ids.spanish_phone(rng, mobile=False), "iban": ids.spanish_iban(rng, "2085"),
        "logo": None, "logo_mime": None,
    }


def _customer_profile(rng: random.Random, used: set[str], r: float) -> dict:
    """Name, tax id, address and tax profile of one customer; ``r`` in [0, 1) picks the profile."""
    values: dict = {"recargo_equivalencia": False, "irpf_percent": None, "language": "es", "trade_name": None}
    if r < 0.03:
        country = rng.choice(tuple(names.EU_CITIES))
        city, postal = rng.choice(names.EU_CITIES[country])
        values.update(legal_name=rng.choice(names.EU_COMPANY_NAMES[country]), language="en",
                      tax_id=_unique(rng, used, lambda g: ids.eu_vat(g, country)),
                      street=f"{rng.randrange(1, 90)} {rng.choice(('rue', 'Rua', 'Straße', 'Via'))} "
                             f"{rng.choice(names.SURNAMES)}",
                      postal_code=postal, city=city, province=None, country=country)
        return values
    values.update(spanish_address(rng))
    if r < 0.13:  # a shop run by a person: recargo de equivalencia
        first, last = person_name(rng)
        values.update(legal_name=f"{first} {last}", trade_name=f"{rng.choice(names.SHOP_KINDS)} {first}",
                      tax_id=_unique(rng, used, ids.dni), recargo_equivalencia=True)
    elif r < 0.18:  # a professional: IRPF withholding
        first, last = person_name(rng)
        values.update(legal_name=f"{first} {last}", trade_name=f"{rng.choice(names.PROFESSIONS)} {first} {last.split()[0]}",
                      tax_id=_unique(rng, used, ids.dni), irpf_percent=Decimal(15))
    elif r < 0.36:  # a private customer or sole trader
        first, last = person_name(rng)
        values.update(legal_name=f"{first} {last}",
                      tax_id=_unique(rng, used, ids.nie if rng.random() < 0.12 else ids.dni))
    else:
        letter = rng.choices("ABFEJ", weights=(10, 80, 3, 4, 3))[0]
        values.update(legal_name=company_name(rng, letter), tax_id=_unique(rng, used, lambda g: ids.cif(g, letter)))
    return values


def _contact(rng: random.Random, values: dict) -> None:
    person = values["tax_id"][0].isdigit() or values["tax_id"][0] in "XYZ"
    if person:
        first = values["legal_name"].split()[0]
        values["email"] = f"{slug(first)}.{slug(values['legal_name'].split()[1])}@{rng.choice(names.EMAIL_DOMAINS)}"
    else:
        values["email"] = f"{rng.choice(('info', 'administracion', 'compras', 'facturas'))}@" \
                          f"{slug(' '.join(values['legal_name'].split()[:2]))}.{'es' if values['country'] == 'ES' else 'eu'}"
    values["phone"] = ids.spanish_phone(rng, mobile=person) if values["country"] == "ES" else None
    values["iban"] = ids.spanish_iban(rng, rng.choice(names.BANK_CODES)) \
        if values["country"] == "ES" and rng.random() < 0.7 else None


def build_parties(ctx: DemoContext, customers: int) -> tuple[list[dict], list[dict], list[PartyRef], list[PartyRef]]:
    """Party rows, extra address rows, and refs of customers and suppliers."""
    rng = ctx.rng("parties")
    used: set[str] = set()
    rows: list[dict] = []
    addresses: list[dict] = []
    customer_refs: list[PartyRef] = []
    supplier_refs: list[PartyRef] = []
    suppliers = max(2, customers // 10)
    for n in range(customers + suppliers):
        is_customer = n < customers
        if is_customer:
            # A golden-ratio sequence instead of rng.random(): even 40 customers get every profile
            # in about the right share, and the profiles stay spread over the codes.
            values = _customer_profile(rng, used, (n + 0.5) * 0.6180339887498949 % 1.0)
        else:
            values = {**spanish_address(rng), "recargo_equivalencia": False, "irpf_percent": None,
                      "language": "es", "trade_name": None}
            letter = rng.choices("AB", weights=(25, 75))[0]
            values.update(legal_name=company_name(rng, letter), tax_id=_unique(rng, used, lambda g: ids.cif(g, letter)))
        _contact(rng, values)
        code = f"C{n + 1:06d}" if is_customer else f"P{n - customers + 1:06d}"
        term = rng.choices(list(TERM_DAYS), weights=(30, 35, 12, 13, 10))[0]
        if values["recargo_equivalencia"] or (values["tax_id"][0].isdigit() and not values["irpf_percent"]):
            term = "Contado" if rng.random() < 0.7 else "30 días"
        created = stamp(ctx.random_day(rng, last=ctx.start + (ctx.today - ctx.start) / 3), rng)
        row = {**audit(rng, created), **values, "code": code, "is_customer": is_customer,
               "is_supplier": not is_customer or rng.random() < 0.03, "payment_term_id": payment_term_id(term),
               "notes": rng.choice((None, None, None, "Llamar antes de entregar", "Enviar facturas por correo")),
               "archived_at": None}
        rows.append(row)
        if rng.random() < 0.15 and values["country"] == "ES":
            for pos in range(rng.randrange(1, 3)):
                extra = spanish_address(rng)
                addresses.append({**audit(rng, created), **extra, "party_id": row["id"], "position": pos,
                                  "label": rng.choice(("Almacén", "Tienda", "Obra", "Delegación", "Entrega"))})
        method = PaymentMethod.TRANSFER if rng.random() < 0.65 else PaymentMethod.DIRECT_DEBIT
        if term == "Contado":
            method = rng.choice((PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.TRANSFER))
        ref = PartyRef(
            id=row["id"], code=code, name=values["legal_name"], tax_id=values["tax_id"],
            address=address_line(values), recargo=values["recargo_equivalencia"], irpf=values["irpf_percent"],
            term_days=TERM_DAYS[term], eu=values["country"] != "ES", method=method,
            weight=rng.paretovariate(1.3), late_days=rng.choice((0, 0, 0, 5, 10, 20, 45)),
        )
        (customer_refs if is_customer else supplier_refs).append(ref)
    return rows, addresses, customer_refs, supplier_refs
