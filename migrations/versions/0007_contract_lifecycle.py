"""Contracts: lifecycle dates, history events, billed periods, and the company's contract settings.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.types import Percent, UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _audit() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("contract") as batch:
        batch.add_column(sa.Column("notice_given_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("terminated_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("termination_reason", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("renewals", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("contract_alert_days", sa.Integer(), server_default="30", nullable=False))
        batch.add_column(sa.Column("contract_invoices_posted", sa.Boolean(), server_default=sa.false(),
                                   nullable=False))
        batch.add_column(sa.Column("attachment_limit_mb", sa.Integer(), server_default="20", nullable=False))
    op.create_table(
        "contract_event",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum("created", "activated", "notice_given", "renewed", "indexed", "ended", "terminated",
                                  name="contracteventkind", native_enum=False, length=24), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("percent", Percent(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        *_audit(),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_contract_event_contract_id_contract")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_event")),
    )
    op.create_index("ix_contract_event_contract_id_date", "contract_event", ["contract_id", "date"])
    op.create_table(
        "contract_billing",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        *_audit(),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"],
                                name=op.f("fk_contract_billing_contract_id_contract")),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], name=op.f("fk_contract_billing_invoice_id_invoice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_billing")),
        sa.UniqueConstraint("contract_id", "period_start", name=op.f("uq_contract_billing_contract_id_period_start")),
    )
    op.create_index("ix_contract_billing_invoice_id", "contract_billing", ["invoice_id"])
    # The current period of existing contracts started with them.
    contract = sa.table("contract", sa.column("period_start", sa.Date()), sa.column("start_date", sa.Date()))
    op.get_bind().execute(contract.update().values(period_start=contract.c.start_date))


def downgrade() -> None:
    op.drop_index("ix_contract_billing_invoice_id", table_name="contract_billing")
    op.drop_table("contract_billing")
    op.drop_index("ix_contract_event_contract_id_date", table_name="contract_event")
    op.drop_table("contract_event")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("attachment_limit_mb")
        batch.drop_column("contract_invoices_posted")
        batch.drop_column("contract_alert_days")
    with op.batch_alter_table("contract") as batch:
        batch.drop_column("renewals")
        batch.drop_column("period_start")
        batch.drop_column("termination_reason")
        batch.drop_column("terminated_on")
        batch.drop_column("notice_given_on")
