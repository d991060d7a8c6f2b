"""Audit trail: the audit_log table, append-only, filled by triggers on every business table.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.db import audit_triggers
from app.domain.types import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

REFUSAL = "The audit trail cannot be changed or deleted."

# PostgreSQL: only the table's owner (whoever runs the migrations) may rewrite the trail,
# whatever privileges someone grants later; TRUNCATE skips row triggers, so it is guarded too.
PG_GUARD = f"""
CREATE OR REPLACE FUNCTION trastienda_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
        RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$fn$"""
PG_GUARD_TRIGGERS = [
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION trastienda_audit_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION trastienda_audit_append_only()",
]
SQLITE_GUARD_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_{ev.lower()} BEFORE {ev} ON audit_log BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for ev in ("UPDATE", "DELETE")
]


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), sa.Identity(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("login", sa.String(length=140), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_table_name_row_id_id", "audit_log", ["table_name", "row_id", "id"])
    op.create_index("ix_audit_log_parent_id_id", "audit_log", ["parent_id", "id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("REVOKE ALL ON audit_log FROM PUBLIC"))
        bind.execute(sa.text(PG_GUARD))
        for statement in PG_GUARD_TRIGGERS:
            bind.execute(sa.text(statement))
    else:
        for statement in SQLITE_GUARD_TRIGGERS:
            bind.execute(sa.text(statement))
    audit_triggers.install(bind)
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(f"REVOKE ALL ON FUNCTION {audit_triggers.PG_FUNCTION}() FROM PUBLIC"))


def downgrade() -> None:
    bind = op.get_bind()
    audit_triggers.uninstall(bind)
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log"))
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log"))
        bind.execute(sa.text("DROP FUNCTION IF EXISTS trastienda_audit_append_only()"))
    else:
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
    op.drop_index("ix_audit_log_parent_id_id", table_name="audit_log")
    op.drop_index("ix_audit_log_table_name_row_id_id", table_name="audit_log")
    op.drop_table("audit_log")
