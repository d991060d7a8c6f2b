"""Values between a replica's outbox (SQLite's stored forms, in JSON) and the server (Python values)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import LargeBinary

_SQLITE = sqlite.dialect()


def from_storage(col: Column, raw: Any) -> Any:
    """What SQLite stored (as the outbox triggers wrote it) as the column's Python value."""
    if raw is None:
        return None
    if isinstance(col.type, LargeBinary):
        return bytes.fromhex(raw)
    impl = col.type.dialect_impl(_SQLITE)
    process = impl.result_processor(_SQLITE, None)
    return process(raw) if process is not None else raw


def to_json(value: Any) -> str:
    """A value for the conflicts inbox, readable and comparable."""
    return json.dumps(value, default=_plain, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)
