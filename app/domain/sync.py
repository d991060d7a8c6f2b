"""The shared server's side of offline work: a feed of changed rows, and the changes already applied.

``sync_change``: one row per inserted, changed or deleted business row, written by the server's
own triggers (``app.db.change_feed``) with the id of the transaction that made the change. A
replica pulls "what changed since" by transaction id, not by the feed's own sequence: a
transaction that started early and committed late has a low sequence number yet becomes
visible after rows numbered above it, and a cursor on the sequence would skip it for ever.

``sync_applied``: the id of every change a replica pushed, stored in the transaction that
applied it. A push repeated after a cut (the server committed, the answer never arrived) finds
its change here and applies nothing twice.

Both tables exist in a local file too (one schema everywhere), where they stay empty.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Identity, Index, Integer, String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.base import Base
from app.domain.types import UTCDateTime


class SyncChange(Base):
    __tablename__ = "sync_change"
    __table_args__ = (Index("ix_sync_change_txid", "txid"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), Identity(), primary_key=True)
    txid: Mapped[int] = mapped_column(BigInteger, nullable=False)  # txid_current() of the writing transaction
    table_name: Mapped[str] = mapped_column(String(63), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)


class SyncApplied(Base):
    __tablename__ = "sync_applied"

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    applied_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, server_default=func.now())
    login: Mapped[str] = mapped_column(String(140), nullable=False)
