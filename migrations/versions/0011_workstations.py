"""Offline work that numbers: workstations, series reserved for one, a VERI*FACTU chain per installation.

- ``workstation``: each computer keeping an offline copy, numbered by the server.
- ``invoice_series.workstation_id``: a series reserved for one workstation's offline postings.
- ``verifactu_record.installation``: the chain a record belongs to (0: the server's; a workstation's
  number: the invoices it posted offline). The chain's unique keys now hold per installation.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_OLD_KEYS = (("uq_verifactu_record_issuer_tax_id_sequence", ["issuer_tax_id", "sequence"]),
             ("uq_verifactu_record_issuer_tax_id_previous_hash", ["issuer_tax_id", "previous_hash"]))
_NEW_KEYS = (("uq_verifactu_record_issuer_tax_id_installation_sequence", ["issuer_tax_id", "installation", "sequence"]),
             ("uq_verifactu_record_issuer_tax_id_installation_previous_hash",
              ["issuer_tax_id", "installation", "previous_hash"]))


def upgrade() -> None:
    op.create_table(
        "workstation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), sa.Identity(), nullable=False),
        sa.Column("login", sa.String(length=140), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("created_at", UTCDateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation")),
        sa.UniqueConstraint("number", name=op.f("uq_workstation_number")),
    )
    with op.batch_alter_table("invoice_series") as batch:
        batch.add_column(sa.Column("workstation_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(op.f("fk_invoice_series_workstation_id_workstation"), "workstation",
                                 ["workstation_id"], ["id"])
    with op.batch_alter_table("verifactu_record") as batch:
        batch.add_column(sa.Column("installation", sa.Integer(), server_default="0", nullable=False))
        for name, _cols in _OLD_KEYS:
            batch.drop_constraint(name, type_="unique")
        for name, cols in _NEW_KEYS:
            batch.create_unique_constraint(name, cols)


def downgrade() -> None:
    with op.batch_alter_table("verifactu_record") as batch:
        for name, _cols in _NEW_KEYS:
            batch.drop_constraint(name, type_="unique")
        for name, cols in _OLD_KEYS:
            batch.create_unique_constraint(name, cols)
        batch.drop_column("installation")
    with op.batch_alter_table("invoice_series") as batch:
        batch.drop_constraint(op.f("fk_invoice_series_workstation_id_workstation"), type_="foreignkey")
        batch.drop_column("workstation_id")
    op.drop_table("workstation")
