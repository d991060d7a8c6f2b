"""Declarative base and the columns every business row carries."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app.domain.types import UTCDateTime, utcnow

# Stable constraint names let Alembic alter tables on SQLite (batch mode).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> uuid.UUID:
    """Client-made keys: offline copies never collide."""
    return uuid.uuid4()


class Record:
    """Mixin: UUID key, optimistic-lock version, UTC audit stamps."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow
    )
    updated_by: Mapped[str | None] = mapped_column(String(64))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # Every concrete model uses `version` for optimistic locking: an UPDATE
        # whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class Archivable:
    """Rows that others refer to are archived, never deleted."""

    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None
