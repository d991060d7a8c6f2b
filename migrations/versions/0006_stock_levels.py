"""Inventory: stock levels kept with every move, valuation, per-warehouse rules, stock counts.

- ``stock_move.value``: the stock value each move carried (quantity x unit cost).
  Existing moves are valued at their own unit cost, or the product's cost.
- ``stock_level``: stock on hand and value per product and warehouse, filled
  from the existing moves (it is their sum).
- ``stock_rule``: reorder point and target (and a shelf location) per product and
  warehouse. A product's old single reorder point and target move to the
  default warehouse.
- ``stock_count`` / ``stock_count_line``: physical counts.
- ``company.negative_stock`` (warn by default), ``invoice.warehouse_id`` and
  ``invoice.moves_stock``.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

from app.domain.search import INVOICE_SEARCH, PRODUCT_SEARCH
from app.domain.types import Price, Quantity, UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_Q4 = Decimal("0.0001")


def _audit() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
    ]


def _rebuild(table, search, changes) -> None:
    """A batch ALTER; on SQLite the table is copied, so its search index is dropped and made again."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for statement in search.sqlite_drop():
            op.execute(statement)
    with op.batch_alter_table(table) as batch:
        changes(batch)
    if sqlite:
        for statement in search.sqlite_create():
            op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()

    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("negative_stock", sa.Enum("warn", "refuse", name="negativestockpolicy",
                                                             native_enum=False, length=24),
                                   server_default="warn", nullable=False))

    def invoice_changes(batch):
        batch.add_column(sa.Column("warehouse_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("moves_stock", sa.Boolean(), server_default=sa.true(), nullable=False))
        batch.create_foreign_key(op.f("fk_invoice_warehouse_id_warehouse"), "warehouse", ["warehouse_id"], ["id"])

    _rebuild("invoice", INVOICE_SEARCH, invoice_changes)
    op.add_column("stock_move", sa.Column("value", Price(), server_default="0", nullable=False))
    # "Has this move been reversed?" is asked on every reversal and cancellation.
    op.create_index("ix_stock_move_reverses_id", "stock_move", ["reverses_id"])

    op.create_table(
        "stock_level",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", Quantity(), nullable=False),
        sa.Column("value", Price(), nullable=False),
        sa.Column("avg_cost", Price(), nullable=True),
        sa.Column("due", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], name=op.f("fk_stock_level_product_id_product")),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouse.id"], name=op.f("fk_stock_level_warehouse_id_warehouse")),
        sa.PrimaryKeyConstraint("product_id", "warehouse_id", name=op.f("pk_stock_level")),
    )
    op.create_index("ix_stock_level_warehouse_id", "stock_level", ["warehouse_id"])
    op.create_index("ix_stock_level_due", "stock_level", ["product_id"], sqlite_where=sa.text("due = 1"),
                    postgresql_where=sa.text("due"))
    op.create_table(
        "stock_rule",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("location", sa.String(length=40), nullable=True),
        sa.Column("reorder_point", Quantity(), nullable=True),
        sa.Column("reorder_target", Quantity(), nullable=True),
        *_audit(),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], name=op.f("fk_stock_rule_product_id_product")),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouse.id"], name=op.f("fk_stock_rule_warehouse_id_warehouse")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_rule")),
        sa.UniqueConstraint("product_id", "warehouse_id", name=op.f("uq_stock_rule_product_id_warehouse_id")),
    )
    op.create_index("ix_stock_rule_warehouse_id", "stock_rule", ["warehouse_id"])
    op.create_table(
        "stock_count",
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("status", sa.Enum("draft", "posted", "cancelled", name="stockcountstatus", native_enum=False,
                                    length=24), nullable=False),
        sa.Column("notes", sa.String(length=500), nullable=True),
        sa.Column("posted_at", UTCDateTime(timezone=True), nullable=True),
        *_audit(),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouse.id"], name=op.f("fk_stock_count_warehouse_id_warehouse")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count")),
        sa.UniqueConstraint("reference", name=op.f("uq_stock_count_reference")),
    )
    op.create_index("ix_stock_count_date", "stock_count", ["date"])
    op.create_index("ix_stock_count_warehouse_id", "stock_count", ["warehouse_id"])
    op.create_table(
        "stock_count_line",
        sa.Column("count_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("expected", Quantity(), nullable=False),
        sa.Column("counted", Quantity(), nullable=True),
        sa.Column("adjusted", Quantity(), nullable=True),
        sa.Column("move_id", sa.Uuid(), nullable=True),
        *_audit(),
        sa.ForeignKeyConstraint(["count_id"], ["stock_count.id"], name=op.f("fk_stock_count_line_count_id_stock_count")),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], name=op.f("fk_stock_count_line_product_id_product")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_line")),
        sa.UniqueConstraint("count_id", "product_id", name=op.f("uq_stock_count_line_count_id_product_id")),
    )
    op.create_index("ix_stock_count_line_product_id", "stock_count_line", ["product_id"])
    op.create_index("ix_stock_count_line_count_id_position", "stock_count_line", ["count_id", "position"])

    _backfill(bind)

    def product_changes(batch):
        batch.drop_column("reorder_point")
        batch.drop_column("reorder_target")

    _rebuild("product", PRODUCT_SEARCH, product_changes)


def _backfill(bind) -> None:
    """Values the existing moves and fills stock_level and stock_rule from them, through the column types."""
    product = sa.table("product", sa.column("id", sa.Uuid()), sa.column("cost", Price()),
                       sa.column("reorder_point", Quantity()), sa.column("reorder_target", Quantity()))
    move = sa.table("stock_move", sa.column("id", sa.Uuid()), sa.column("product_id", sa.Uuid()),
                    sa.column("from_warehouse_id", sa.Uuid()), sa.column("to_warehouse_id", sa.Uuid()),
                    sa.column("quantity", Quantity()), sa.column("unit_cost", Price()), sa.column("value", Price()),
                    sa.column("created_at", UTCDateTime()))
    level = sa.table("stock_level", sa.column("product_id", sa.Uuid()), sa.column("warehouse_id", sa.Uuid()),
                     sa.column("quantity", Quantity()), sa.column("value", Price()), sa.column("avg_cost", Price()),
                     sa.column("due", sa.Boolean()))
    warehouse = sa.table("warehouse", sa.column("id", sa.Uuid()), sa.column("is_default", sa.Boolean()),
                         sa.column("code", sa.String()))
    rule = sa.table("stock_rule", sa.column("id", sa.Uuid()), sa.column("version", sa.Integer()),
                    sa.column("created_at", UTCDateTime()), sa.column("updated_at", UTCDateTime()),
                    sa.column("product_id", sa.Uuid()), sa.column("warehouse_id", sa.Uuid()),
                    sa.column("reorder_point", Quantity()), sa.column("reorder_target", Quantity()))

    costs = dict(bind.execute(sa.select(product.c.id, product.c.cost)).all())
    totals: dict[tuple, list[Decimal]] = {}
    updates = []
    rows = bind.execute(sa.select(move.c.id, move.c.product_id, move.c.from_warehouse_id, move.c.to_warehouse_id,
                                  move.c.quantity, move.c.unit_cost).order_by(move.c.created_at)).all()
    for move_id, product_id, src, dst, qty, unit_cost in rows:
        cost = unit_cost if unit_cost is not None else (costs.get(product_id) or Decimal(0))
        value = (qty * cost).quantize(_Q4, rounding=ROUND_HALF_UP)
        updates.append({"b_id": move_id, "b_cost": cost, "b_value": value})
        for wh, sign in ((dst, 1), (src, -1)):
            if wh is not None:
                t = totals.setdefault((product_id, wh), [Decimal(0), Decimal(0)])
                t[0] += sign * qty
                t[1] += sign * value
    if updates:
        bind.execute(move.update().where(move.c.id == sa.bindparam("b_id"))
                     .values(unit_cost=sa.bindparam("b_cost"), value=sa.bindparam("b_value")), updates)
    default = bind.execute(sa.select(warehouse.c.id).order_by(warehouse.c.is_default.desc(), warehouse.c.code)
                           .limit(1)).scalar()
    old_rules = bind.execute(sa.select(product.c.id, product.c.reorder_point, product.c.reorder_target).where(
        sa.or_(product.c.reorder_point.is_not(None), product.c.reorder_target.is_not(None)))).all()
    points = {(p, default): point for p, point, _target in old_rules} if default is not None else {}
    for key in points:  # every rule has its level row, so the due flag has a home
        totals.setdefault(key, [Decimal(0), Decimal(0)])
    if totals:
        bind.execute(level.insert(), [
            {"product_id": p, "warehouse_id": w, "quantity": q, "value": v,
             "avg_cost": (v / q).quantize(_Q4, rounding=ROUND_HALF_UP) if q > 0 else costs.get(p),
             "due": points.get((p, w)) is not None and q <= points[(p, w)]}
            for (p, w), (q, v) in totals.items()])

    if default is not None and old_rules:
        stamp = dt.datetime.now(dt.timezone.utc)
        bind.execute(rule.insert(), [
            {"id": uuid.uuid4(), "version": 1, "created_at": stamp, "updated_at": stamp, "product_id": p,
             "warehouse_id": default, "reorder_point": point, "reorder_target": target}
            for p, point, target in old_rules])


def downgrade() -> None:
    def product_changes(batch):
        batch.add_column(sa.Column("reorder_point", Quantity(), nullable=True))
        batch.add_column(sa.Column("reorder_target", Quantity(), nullable=True))

    _rebuild("product", PRODUCT_SEARCH, product_changes)
    op.drop_index("ix_stock_count_line_count_id_position", table_name="stock_count_line")
    op.drop_index("ix_stock_count_line_product_id", table_name="stock_count_line")
    op.drop_table("stock_count_line")
    op.drop_index("ix_stock_count_warehouse_id", table_name="stock_count")
    op.drop_index("ix_stock_count_date", table_name="stock_count")
    op.drop_table("stock_count")
    op.drop_index("ix_stock_rule_warehouse_id", table_name="stock_rule")
    op.drop_table("stock_rule")
    op.drop_index("ix_stock_level_due", table_name="stock_level")
    op.drop_index("ix_stock_level_warehouse_id", table_name="stock_level")
    op.drop_table("stock_level")
    op.drop_index("ix_stock_move_reverses_id", table_name="stock_move")
    with op.batch_alter_table("stock_move") as batch:
        batch.drop_column("value")

    def invoice_changes(batch):
        batch.drop_constraint(op.f("fk_invoice_warehouse_id_warehouse"), type_="foreignkey")
        batch.drop_column("moves_stock")
        batch.drop_column("warehouse_id")

    _rebuild("invoice", INVOICE_SEARCH, invoice_changes)
    with op.batch_alter_table("company") as batch:
        batch.drop_column("negative_stock")
