"""Company settings for invoicing: the simplified-invoice limit, the VERI*FACTU host.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.types import Money

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("simplified_invoice_limit", Money(), nullable=True))
        batch.add_column(sa.Column("verifactu_production", sa.Boolean(), server_default=sa.false(),
                                   nullable=False))
    # 400 EUR, written through the column type (a scaled integer on SQLite, NUMERIC on PostgreSQL).
    company = sa.table("company", sa.column("simplified_invoice_limit", Money()))
    bind.execute(company.update().values(simplified_invoice_limit=sa.literal(400, Money())))
    with op.batch_alter_table("company") as batch:
        batch.alter_column("simplified_invoice_limit", existing_type=Money(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.drop_column("verifactu_production")
        batch.drop_column("simplified_invoice_limit")
