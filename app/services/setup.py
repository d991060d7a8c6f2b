"""Reference data every database needs: tax rates, series, terms, a warehouse.

Ids are fixed (uuid5 of the code), so every install, replica and server
agrees on them, and running this twice changes nothing.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import InvoiceKind, TaxKind
from app.domain.inventory import Warehouse
from app.domain.invoices import InvoiceSeries
from app.domain.parties import PaymentTerm
from app.domain.taxes import TaxRate

_NAMESPACE = uuid.UUID("5b0c6f3e-6a2b-4c39-9a7e-7f1d2c3b4a50")


def fixed_id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{kind}:{code}")


# code, name, kind, percent, exemption reason, recargo code
TAX_RATES: list[tuple[str, str, TaxKind, str, str | None, str | None]] = [
    ("RE5.2", "Recargo de equivalencia 5,2%", TaxKind.RECARGO, "5.2", None, None),
    ("RE1.4", "Recargo de equivalencia 1,4%", TaxKind.RECARGO, "1.4", None, None),
    ("RE0.5", "Recargo de equivalencia 0,5%", TaxKind.RECARGO, "0.5", None, None),
    ("RE1.75", "Recargo de equivalencia 1,75% (tabaco)", TaxKind.RECARGO, "1.75", None, None),
    ("RE0", "Recargo de equivalencia 0%", TaxKind.RECARGO, "0", None, None),
    ("IVA21", "IVA general 21%", TaxKind.IVA, "21", None, "RE5.2"),
    ("IVA10", "IVA reducido 10%", TaxKind.IVA, "10", None, "RE1.4"),
    ("IVA4", "IVA superreducido 4%", TaxKind.IVA, "4", None, "RE0.5"),
    ("IVA0", "IVA 0%", TaxKind.IVA, "0", None, "RE0"),
    ("EXENTO_E1", "Exento art. 20 LIVA", TaxKind.IVA, "0", "E1: Exenta por el artículo 20 de la Ley del IVA", None),
    ("EXENTO_E2", "Exento art. 21 LIVA (exportación)", TaxKind.IVA, "0", "E2: Exenta por el artículo 21 de la Ley del IVA", None),
    ("EXENTO_E5", "Exento art. 25 LIVA (entrega intracomunitaria)", TaxKind.IVA, "0", "E5: Exenta por el artículo 25 de la Ley del IVA", None),
    ("IRPF15", "Retención IRPF 15%", TaxKind.IRPF, "15", None, None),
    ("IRPF7", "Retención IRPF 7%", TaxKind.IRPF, "7", None, None),
]

# code, name, kind, prefix, default
SERIES = [
    ("F", "Facturas", InvoiceKind.INVOICE, "F", True),
    ("R", "Facturas rectificativas", InvoiceKind.CREDIT_NOTE, "R", True),
    ("S", "Facturas simplificadas", InvoiceKind.SIMPLIFIED, "S", True),
]

PAYMENT_TERMS = [
    ("Contado", "0"),
    ("30 días", "30"),
    ("60 días", "60"),
    ("30/60 días", "30,60"),
    ("30/60/90 días", "30,60,90"),
]


def _ensure(session: Session, model, key: uuid.UUID, **values) -> None:
    if session.get(model, key) is None:
        session.add(model(id=key, **values))


def seed_reference_data(session: Session) -> None:
    for code, name, kind, percent, reason, re_code in TAX_RATES:
        _ensure(
            session, TaxRate, fixed_id("tax", code), code=code, name=name, kind=kind,
            percent=Decimal(percent), exemption_reason=reason,
            recargo_rate_id=fixed_id("tax", re_code) if re_code else None,
        )
        session.flush()
    for code, name, kind, prefix, default in SERIES:
        _ensure(session, InvoiceSeries, fixed_id("series", code), code=code, name=name, kind=kind,
                prefix=prefix, is_default=default, yearly_reset=True, next_number=1)
    for name, days in PAYMENT_TERMS:
        _ensure(session, PaymentTerm, fixed_id("term", name), name=name, days=days)
    if session.execute(select(Warehouse.id).limit(1)).first() is None:
        session.add(Warehouse(id=fixed_id("warehouse", "MAIN"), code="MAIN", name="Almacén principal", is_default=True))
    session.flush()


def ensure_reference_data(db: Database) -> None:
    with db.session() as s:
        seed_reference_data(s)


def tax_rate_id(code: str) -> uuid.UUID:
    return fixed_id("tax", code)


def series_id(code: str) -> uuid.UUID:
    return fixed_id("series", code)


def payment_term_id(name: str) -> uuid.UUID:
    return fixed_id("term", name)
