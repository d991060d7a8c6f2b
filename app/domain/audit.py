"""The audit trail of every business row: written by the database's own triggers, read by admins.

Nothing in the app inserts here: triggers do (``app.db.audit_triggers``), so a
change made by any client, the app or psql, is recorded in its transaction.
The rows are append-only: PostgreSQL refuses UPDATE and DELETE to anyone but
the table's owner, SQLite to everyone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Identity, Index, Integer, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.base import Base
from app.domain.types import UTCDateTime

INSERT = "insert"
UPDATE = "update"
ARCHIVE = "archive"
RESTORE = "restore"
DELETE = "delete"
ACTIONS = (INSERT, UPDATE, ARCHIVE, RESTORE, DELETE)


class AuditLog(Base):
    """One change to one row. ``changes``: ``{"field": [old, new]}`` for an update (archive, restore),
    ``{"field": new}`` for an insert, ``{"field": old}`` for a delete; values as the database stores them."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_table_name_row_id_id", "table_name", "row_id", "id"),
        Index("ix_audit_log_parent_id_id", "parent_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), Identity(), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, server_default=func.now())
    # The server login (PostgreSQL), or the app's user of a local file; "ana as trastienda_hr" after SET ROLE.
    login: Mapped[str] = mapped_column(String(140), nullable=False)
    table_name: Mapped[str] = mapped_column(String(63), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    # The row a child belongs to (an invoice line's invoice): its form shows this history too.
    parent_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10), nullable=False)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"), nullable=False)
