"""Tax rates: IVA, recargo de equivalencia and IRPF withholding."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import TaxKind, db_enum
from app.domain.types import Percent


class TaxRate(Record, Archivable, Base):
    __tablename__ = "tax_rate"

    code: Mapped[str] = mapped_column(String(20), unique=True)  # IVA21, IVA0, EXENTO_E1, RE5.2, IRPF15
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[TaxKind] = mapped_column(db_enum(TaxKind))
    percent: Mapped[Decimal] = mapped_column(Percent())
    # For exempt operations: the legal reason (E1..E6, art. 20 LIVA ...).
    exemption_reason: Mapped[str | None] = mapped_column(String(200))
    # For an IVA rate: the recargo de equivalencia applied with it.
    recargo_rate_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tax_rate.id"))

    recargo_rate: Mapped[TaxRate | None] = relationship(remote_side="TaxRate.id", lazy="joined")

    @property
    def exempt(self) -> bool:
        return self.exemption_reason is not None
