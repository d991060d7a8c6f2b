"""VERI*FACTU record chain: one append-only row per registration or cancellation.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.types import Money, UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table: plain CREATE TABLE on both backends (batch mode is for ALTERs on SQLite).
    op.create_table(
        "verifactu_record",
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issuer_tax_id", sa.String(length=20), nullable=False),
        sa.Column("issuer_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.Enum("registration", "cancellation", name="chainrecordkind", native_enum=False,
                                  length=24), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_number", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("tipo_factura", sa.String(length=2), nullable=True),
        sa.Column("cuota_total", Money(), nullable=True),
        sa.Column("importe_total", Money(), nullable=True),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("previous_invoice_number", sa.String(length=60), nullable=True),
        sa.Column("previous_issue_date", sa.Date(), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("generated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("generated_at_text", sa.String(length=32), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("operation_date", sa.Date(), nullable=True),
        sa.Column("recipient_name", sa.String(length=200), nullable=True),
        sa.Column("recipient_tax_id", sa.String(length=20), nullable=True),
        sa.Column("tipo_rectificativa", sa.String(length=1), nullable=True),
        sa.Column("corrected_invoice_number", sa.String(length=60), nullable=True),
        sa.Column("corrected_issue_date", sa.Date(), nullable=True),
        sa.Column("breakdown", sa.JSON(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], name=op.f("fk_verifactu_record_invoice_id_invoice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifactu_record")),
        sa.UniqueConstraint("issuer_tax_id", "previous_hash",
                            name=op.f("uq_verifactu_record_issuer_tax_id_previous_hash")),
        sa.UniqueConstraint("issuer_tax_id", "sequence", name=op.f("uq_verifactu_record_issuer_tax_id_sequence")),
    )
    op.create_index(op.f("ix_verifactu_record_invoice_id"), "verifactu_record", ["invoice_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_verifactu_record_invoice_id"), table_name="verifactu_record")
    op.drop_table("verifactu_record")
