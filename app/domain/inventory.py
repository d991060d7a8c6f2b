"""Products and services, warehouses and stock moves."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, UniqueConstraint, Uuid, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import ProductKind, StockCountStatus, StockMoveKind, db_enum
from app.domain.types import Price, Quantity, UTCDateTime
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

    ``unit_cost`` is what one unit was valued at: the supplier's price on a
    receipt, the source warehouse's weighted average cost on anything that
    leaves one. ``value`` is the amount of stock value the move carried
    (quantity x unit cost, to 4 decimals), so a warehouse's stock value is the
    sum of its moves' values just as its quantity is the sum of their quantities.
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
    value: Mapped[Decimal] = mapped_column(Price(), default=Decimal(0), server_default="0")
    date: Mapped[dt.date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str | None] = mapped_column(String(200))
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    party_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("party.id"))
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stock_move.id"), index=True)

    product: Mapped[Product] = relationship(lazy="joined")


class StockLevel(Base):
    """Stock on hand and its value for one product in one warehouse.

    Derived data, kept in the same transaction as every move: ``quantity`` and
    ``value`` always equal the sums of the moves in and out of the warehouse
    (``main.py stock check`` proves it). The row is also the lock two clerks
    moving the same product in the same warehouse take turns on. Never synced
    or edited by hand: it can be rebuilt from the moves at any time.
    """

    __tablename__ = "stock_level"
    __table_args__ = (
        Index("ix_stock_level_warehouse_id", "warehouse_id"),
        # Only the few levels due for reorder are in this index: the "to reorder"
        # filter and the tab's badge read it instead of every rule and level.
        Index("ix_stock_level_due", "product_id", sqlite_where=text("due = 1"), postgresql_where=text("due")),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"), primary_key=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), primary_key=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal(0))
    value: Mapped[Decimal] = mapped_column(Price(), default=Decimal(0))
    # Weighted average cost of one unit; kept when the quantity reaches 0 so the
    # next delivery (or a shortage) is still valued at the last known cost.
    avg_cost: Mapped[Decimal | None] = mapped_column(Price())
    # At or below the reorder point of its rule (see StockRule); kept with every
    # move and every rule change, like the quantity.
    due: Mapped[bool] = mapped_column(default=False, server_default=false())


class StockRule(Record, Base):
    """What the clerk decides for one product in one warehouse: where it lives and when to reorder."""

    __tablename__ = "stock_rule"
    __table_args__ = (
        UniqueConstraint("product_id", "warehouse_id"),
        Index("ix_stock_rule_warehouse_id", "warehouse_id"),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"))
    location: Mapped[str | None] = mapped_column(String(40))  # aisle / shelf / bin inside the warehouse
    reorder_point: Mapped[Decimal | None] = mapped_column(Quantity())
    reorder_target: Mapped[Decimal | None] = mapped_column(Quantity())


class StockCount(Record, Base):
    """A physical count of one warehouse: a sheet, the counted quantities, then one posting."""

    __tablename__ = "stock_count"
    __table_args__ = (Index("ix_stock_count_date", "date"),)

    reference: Mapped[str] = mapped_column(String(40), unique=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[StockCountStatus] = mapped_column(db_enum(StockCountStatus), default=StockCountStatus.DRAFT)
    notes: Mapped[str | None] = mapped_column(String(500))
    posted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    lines: Mapped[list[StockCountLine]] = relationship(
        back_populates="count", cascade="all, delete-orphan", order_by="StockCountLine.position")


class StockCountLine(Record, Base):
    __tablename__ = "stock_count_line"
    __table_args__ = (
        UniqueConstraint("count_id", "product_id"),
        Index("ix_stock_count_line_count_id_position", "count_id", "position"),  # the sheet's walking order
    )

    count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stock_count.id"))
    position: Mapped[int] = mapped_column(default=0)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"), index=True)
    expected: Mapped[Decimal] = mapped_column(Quantity())  # on hand when the sheet was made
    counted: Mapped[Decimal | None] = mapped_column(Quantity())  # empty until counted
    # The adjustment posted for this line (counted minus on hand at posting); None before posting.
    adjusted: Mapped[Decimal | None] = mapped_column(Quantity())
    move_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    count: Mapped[StockCount] = relationship(back_populates="lines")
