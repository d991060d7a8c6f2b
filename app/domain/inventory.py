"""Products and services, warehouses and stock moves."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import ProductKind, StockMoveKind, db_enum
from app.domain.types import Price, Quantity
from app.domain.taxes import TaxRate
from app.money import ZERO


class Product(Record, Archivable, Base):
    __tablename__ = "product"
    __table_args__ = (
        Index("ix_product_sku", "sku", unique=True),
        Index("ix_product_ean", "ean"),
        Index("ix_product_name", "name"),
        Index("ix_product_category", "category"),
    )

    sku: Mapped[str] = mapped_column(String(40))
    ean: Mapped[str | None] = mapped_column(String(13))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProductKind] = mapped_column(db_enum(ProductKind), default=ProductKind.PRODUCT)
    unit: Mapped[str] = mapped_column(String(10), default="ud")
    category: Mapped[str | None] = mapped_column(String(80))
    sale_price: Mapped[Decimal] = mapped_column(Price(), default=ZERO)
    cost: Mapped[Decimal] = mapped_column(Price(), default=ZERO)
    tax_rate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tax_rate.id"))
    reorder_point: Mapped[Decimal | None] = mapped_column(Quantity())
    reorder_target: Mapped[Decimal | None] = mapped_column(Quantity())

    tax_rate: Mapped[TaxRate] = relationship(lazy="joined")

    @property
    def stocked(self) -> bool:
        return self.kind == ProductKind.PRODUCT


class Warehouse(Record, Archivable, Base):
    __tablename__ = "warehouse"

    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    street: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    is_default: Mapped[bool] = mapped_column(default=False)


class StockMove(Record, Base):
    """A done move is immutable; a mistake is corrected by a reverse move.

    Receipts have only a destination, deliveries only a source, transfers
    both; an adjustment has one of them (gain into, loss out of).
    """

    __tablename__ = "stock_move"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(
            "from_warehouse_id IS NOT NULL OR to_warehouse_id IS NOT NULL", name="has_warehouse"
        ),
        Index("ix_stock_move_product_date", "product_id", "date"),
        Index("ix_stock_move_date", "date"),
    )

    kind: Mapped[StockMoveKind] = mapped_column(db_enum(StockMoveKind))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    from_warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"), index=True)
    to_warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_cost: Mapped[Decimal | None] = mapped_column(Price())
    date: Mapped[dt.date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str | None] = mapped_column(String(200))
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    party_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("party.id"))
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stock_move.id"))

    product: Mapped[Product] = relationship(lazy="joined")
