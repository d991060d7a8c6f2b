"""Offline work: the server's feed of changed rows (by transaction id) and the pushed changes applied.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.db import change_feed
from app.domain.types import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_change",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), sa.Identity(), nullable=False),
        sa.Column("txid", sa.BigInteger(), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_change")),
    )
    op.create_index("ix_sync_change_txid", "sync_change", ["txid"])
    op.create_table(
        "sync_applied",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("applied_at", UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("login", sa.String(length=140), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_sync_applied")),
    )
    change_feed.install(op.get_bind())  # PostgreSQL only


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in change_feed.fed_tables(bind):
            op.execute(f'DROP TRIGGER IF EXISTS {change_feed.TRIGGER} ON "{table}"')
        op.execute(f"DROP FUNCTION IF EXISTS {change_feed.FUNCTION}()")
    op.drop_table("sync_applied")
    op.drop_index("ix_sync_change_txid", table_name="sync_change")
    op.drop_table("sync_change")
