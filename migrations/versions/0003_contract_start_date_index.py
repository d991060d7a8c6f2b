"""Index the contracts list's default sort (start date).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain CREATE INDEX (no batch copy), which leaves the search triggers alone.
    op.create_index("ix_contract_start_date", "contract", ["start_date"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_contract_start_date", table_name="contract")
