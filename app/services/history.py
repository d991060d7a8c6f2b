"""A record's history: who changed what and when, read from the audit trail the database writes.

Admins only: the trail names every login and every change. The values come
back as Python values of the column's type (Decimal, date, UUID, bool...),
the same on SQLite and PostgreSQL, except restricted ones, which the trail
never held: they read ``MASK`` ("***").
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Column, Date, Enum, Text, Uuid, cast, select, union_all
from sqlalchemy.engine import Dialect

from app.db.audit_triggers import MASK, NOT_AUDITED
from app.db.session import Database
from app.domain.audit import DELETE, INSERT, AuditLog
from app.domain.base import Base
from app.domain.types import ScaledDecimal, UTCDateTime
from app.errors import ValidationError
from app.i18n import _
from app.services import access

__all__ = ["MASK", "HistoryEntry", "has_history", "record_history"]

DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class HistoryEntry:
    """One change. ``changes``: field -> (old, new); old is None for an insert, new for a delete."""

    at: dt.datetime
    login: str
    action: str
    table: str  # the record's own table, or a child's ("invoice_line" in an invoice's history)
    row_id: uuid.UUID
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    # What the ids in ``changes`` point at, as a person names it ("C-0007 Ferretería Ruiz SL"),
    # for those records that still exist.
    labels: dict[uuid.UUID, str] = field(default_factory=dict)


def has_history(table: str) -> bool:
    """Whether the database keeps an audit trail for ``table``."""
    return table in Base.metadata.tables and table not in NOT_AUDITED


def record_history(db: Database, table: str, row_id: uuid.UUID | str, *, children: bool = True,
                   limit: int = DEFAULT_LIMIT) -> list[HistoryEntry]:
    """The changes to one row, newest first (at most ``limit``); with ``children``, those of its
    child rows too (an invoice's lines and payments). Admins only (PermissionDeniedError);
    an unknown table or a malformed id is a ValidationError naming it. Reads, never writes."""
    access.require(db, access.ADMIN, _("Only an administrator may read the history of changes."))
    if not has_history(table):
        raise ValidationError("table", _("There is no history of {table}.").format(table=table[:63]))
    try:
        key = str(row_id if isinstance(row_id, uuid.UUID) else uuid.UUID(str(row_id)))
    except ValueError:
        raise ValidationError("row_id", _("This is not a record id: {value}").format(value=str(row_id)[:40])) from None
    columns = (AuditLog.id, AuditLog.at, AuditLog.login, AuditLog.action, AuditLog.table_name, AuditLog.row_id,
               cast(AuditLog.changes, Text).label("changes"))
    own = select(*columns).where(AuditLog.table_name == table, AuditLog.row_id == key)
    query = union_all(own, select(*columns).where(AuditLog.parent_id == key)) if children else own
    query = query.subquery()
    with db.session() as s:
        rows = s.execute(select(query).order_by(query.c.id.desc()).limit(limit)).all()
        # A union loses the column types: the time comes back as stored (text on SQLite).
        entries = [HistoryEntry(at=_time(r.at), login=r.login, action=r.action, table=r.table_name,
                                row_id=uuid.UUID(r.row_id),
                                changes=_changes(r.table_name, r.action, r.changes, db.engine.dialect))
                   for r in rows]
        labels = _labels(s, entries)
    for entry in entries:
        entry.labels.update({v: labels[v] for pair in entry.changes.values() for v in pair if v in labels})
    return entries


# The columns that name a record, in the order they are read: a code or number, then a name.
_NAMING = ("code", "full_number", "legal_name", "name", "first_name", "last_name", "title")
_CHUNK = 500


def _labels(s, entries: list[HistoryEntry]) -> dict[uuid.UUID, str]:
    """Every id a foreign key in ``entries`` holds, as the record it points at is named."""
    wanted: dict[str, set[uuid.UUID]] = {}
    for entry in entries:
        columns = Base.metadata.tables[entry.table].c if entry.table in Base.metadata.tables else None
        if columns is None:
            continue
        for name, pair in entry.changes.items():
            col = columns.get(name)
            if col is None or not col.foreign_keys:
                continue
            target = next(iter(col.foreign_keys)).column.table.name
            wanted.setdefault(target, set()).update(v for v in pair if isinstance(v, uuid.UUID))
    out: dict[uuid.UUID, str] = {}
    for target, ids in wanted.items():
        table = Base.metadata.tables[target]
        naming = [table.c[n] for n in _NAMING if n in table.c]
        if not naming:
            continue
        ids_list = sorted(ids)
        for start in range(0, len(ids_list), _CHUNK):
            chunk = ids_list[start:start + _CHUNK]
            for row in s.execute(select(table.c.id, *naming).where(table.c.id.in_(chunk))):
                text = " ".join(str(v) for v in row[1:] if v not in (None, ""))
                if text:
                    out[row[0]] = text
    return out


def _time(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, None)


def _changes(table: str, action: str, raw: str, dialect: Dialect) -> dict[str, tuple[Any, Any]]:
    data = json.loads(raw, parse_float=Decimal)
    columns = Base.metadata.tables[table].c if table in Base.metadata.tables else {}
    order = {name: n for n, name in enumerate(columns.keys())} if columns else {}
    out: dict[str, tuple[Any, Any]] = {}
    # The table's own column order, the same on both databases (PostgreSQL's JSON sorts its keys).
    for name, value in sorted(data.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])):
        col = columns.get(name) if columns else None
        if action == INSERT:
            out[name] = (None, column_value(col, value, dialect))
        elif action == DELETE:
            out[name] = (column_value(col, value, dialect), None)
        else:
            old, new = value
            out[name] = (column_value(col, old, dialect), column_value(col, new, dialect))
    return out


def column_value(col: Column | None, value: Any, dialect: Dialect | None) -> Any:
    """A stored value (SQLite's storage form, or PostgreSQL's JSON of it) as the column's Python value.

    ``dialect`` None: a plain JSON form instead (decimals as text, times in ISO form), as the offline
    conflicts inbox keeps values (``app.sync.values.to_json``).
    """
    if value is None or value == MASK or col is None:
        return value
    kind = col.type
    try:
        if isinstance(kind, ScaledDecimal):
            return Decimal(str(value)) if dialect is None else kind.process_result_value(value, dialect)
        if isinstance(kind, UTCDateTime):
            moment = dt.datetime.fromisoformat(value)
            return moment if dialect is None else kind.process_result_value(moment, None)
        if isinstance(kind, Uuid):
            return uuid.UUID(str(value))
        if isinstance(kind, Boolean):
            return bool(value)
        if isinstance(kind, Date):
            return dt.date.fromisoformat(value)
        if isinstance(kind, Enum) and kind.enum_class is not None and issubclass(kind.enum_class, enum.Enum):
            return kind.enum_class(value)
    except (TypeError, ValueError, ArithmeticError):
        return value  # a value the column no longer describes (its type changed since): shown as stored
    return value
