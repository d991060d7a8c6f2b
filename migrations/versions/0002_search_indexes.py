"""Substring search indexes for invoices, parties and products.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import text

from app.domain.search import SEARCH_INDEXES

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for index in SEARCH_INDEXES:
            for statement in index.sqlite_create():
                bind.execute(text(statement))
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
    # Without it search still works, reading the table instead of an index.
    try:
        with bind.begin_nested():
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:  # noqa: BLE001 - the reason is logged; the schema stays valid
        log.warning("pg_trgm is not available, search will not use an index: %s", exc)
        return
    for index in SEARCH_INDEXES:
        for name, column in index.pg_indexes():
            bind.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {index.table} "
                              f"USING gin ({column} gin_trgm_ops)"))


def downgrade() -> None:
    bind = op.get_bind()
    for index in SEARCH_INDEXES:
        if bind.dialect.name == "sqlite":
            for statement in index.sqlite_drop():
                bind.execute(text(statement))
        else:
            for name, _column in index.pg_indexes():
                bind.execute(text(f"DROP INDEX IF EXISTS {name}"))
