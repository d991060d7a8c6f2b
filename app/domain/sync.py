"""The shared server's side of offline work: a feed of changed rows, and the changes already applied.

``sync_change``: one row per inserted, changed or deleted business row, written by the server's
own triggers (``app.db.change_feed``) with the id of the transaction that made the change. A
replica pulls "what changed since" by transaction id, not by the feed's own sequence: a
transaction that started early and committed late has a low sequence number yet becomes
visible after rows numbered above it, and a cursor on the sequence would skip it for ever.

``sync_applied``: the id of every change a replica pushed, stored in the transaction that
applied it. A push repeated after a cut (the server committed, the answer never arrived) finds
its change here and applies nothing twice.

``workstation``: each computer that keeps an offline copy, registered by the server when the copy
is made. Its ``number`` (given by the server, never reused) is what the copy's own work carries so
that two computers working offline never make the same thing: the codes it gives new records
(``app.services.codes``), the invoice series reserved for it (``invoice_series.workstation_id``)
and its own VERI*FACTU chain (``verifactu_record.installation``, the SIF's NumeroInstalacion).

These tables exist in a local file too (one schema everywhere), where they stay empty.
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


class Workstation(Base):
    __tablename__ = "workstation"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # Given by the server (an identity): unique for ever, so nothing two copies make can collide.
    number: Mapped[int] = mapped_column(Integer, Identity(), unique=True)
    login: Mapped[str] = mapped_column(String(140), nullable=False)  # whose copy (the server sets it)
    label: Mapped[str] = mapped_column(String(80), nullable=False)  # the computer's name, for people
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, server_default=func.now())
