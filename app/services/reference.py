"""Reference data a form offers in its pick lists: payment terms, tax rates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.db.session import Database
from app.domain.enums import TaxKind
from app.domain.parties import PaymentTerm
from app.domain.taxes import TaxRate


@dataclass(frozen=True)
class PaymentTermView:
    id: uuid.UUID
    name: str
    days: str


@dataclass(frozen=True)
class TaxRateView:
    id: uuid.UUID
    code: str
    name: str
    kind: str
    percent: Decimal
    recargo_percent: Decimal | None  # the recargo de equivalencia that goes with an IVA rate
    exemption_reason: str | None


def payment_terms(db: Database) -> list[PaymentTermView]:
    """Active payment terms, shortest first."""
    with db.session() as s:
        rows = s.execute(select(PaymentTerm).where(PaymentTerm.archived_at.is_(None))).scalars().all()
        views = [PaymentTermView(t.id, t.name, t.days) for t in rows]
    return sorted(views, key=lambda t: (max(int(d) for d in t.days.split(",") if d.strip()), t.name))


def tax_rates(db: Database, kind: TaxKind | str = TaxKind.IVA) -> list[TaxRateView]:
    """Active rates of one kind, highest percent first (IVA 21 at the top)."""
    with db.session() as s:
        rows = s.execute(
            select(TaxRate).where(TaxRate.kind == TaxKind(kind), TaxRate.archived_at.is_(None))
            .order_by(TaxRate.percent.desc(), TaxRate.code)
        ).scalars().all()
        return [
            TaxRateView(r.id, r.code, r.name, str(r.kind), r.percent,
                        r.recargo_rate.percent if r.recargo_rate is not None else None, r.exemption_reason)
            for r in rows
        ]
