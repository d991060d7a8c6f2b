"""The conflicts inbox of a replica: what a push could not apply as it was, and the clerk's decision.

A conflict is one field both sides changed (the server's value stayed, the clerk's waits here), or a
whole change (``field`` None) the server refused or could not apply because the record is gone.
Nothing leaves the inbox unless the clerk decides:

- keep the server's: the replica already shows the server's value; the conflict is marked resolved;
- use mine: the clerk's value is written onto the replica's row as an ordinary local change, so the
  capture triggers put it in the outbox (old = what the server has, new = mine) and the next push
  applies it; then the conflict is resolved;
- dismiss (whole changes only), after reading it, or export every open one first (``export``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, LargeBinary, Table, select, update

from app.domain.base import Base
from app.domain.types import utcnow
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.sync import replica

_NAMING = ("code", "sku", "full_number", "legal_name", "name", "first_name", "last_name", "title", "description")


def table_title(table: str) -> str:
    """A table as a clerk names what it holds."""
    titles = {
        "party": _("Customer or supplier"), "party_address": _("Address"), "product": _("Product"),
        "warehouse": _("Warehouse"), "stock_move": _("Stock move"), "stock_rule": _("Reorder rule"),
        "stock_count": _("Stock count"), "stock_count_line": _("Stock count line"), "invoice": _("Invoice"),
        "invoice_line": _("Invoice line"), "invoice_series": _("Invoice series"), "payment": _("Payment"),
        "contract": _("Contract"), "contract_line": _("Contract line"), "contract_event": _("Contract event"),
        "contract_attachment": _("Contract attachment"), "employee": _("Employee"), "department": _("Department"),
        "leave_request": _("Leave request"), "leave_allowance": _("Leave allowance"), "holiday": _("Holiday"),
        "employee_document": _("Employee document"), "company": _("Company details"),
    }
    return titles.get(table, table.replace("_", " ").capitalize())


def field_title(name: str) -> str:
    return name.removesuffix("_id").replace("_", " ").capitalize()


@dataclass(frozen=True)
class Conflict:
    """One open conflict as the inbox shows it. Values are Python values of the column's type;
    a whole change's ``local_value`` is a dict of field -> value (None: the server refused it as a whole)."""

    seq: int
    table: str
    row_id: str
    record: str  # "Customer or supplier C000012 Ferretería Ruiz SL"
    field: str | None
    field_label: str
    server_value: Any
    local_value: Any
    reason: str
    created_at: str

    @property
    def whole(self) -> bool:
        return self.field is None


def _table(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def from_json(col: Column | None, raw: str | None) -> Any:
    """A value the inbox kept (``app.sync.values.to_json``) as the column's Python value."""
    from app.services.history import column_value

    return None if raw is None else column_value(col, json.loads(raw), None)


def _label(conn, table: Table | None, row_id: str, typed: dict | None = None) -> str:
    """"Customer or supplier C000012 Ferretería Ruiz SL"; a record gone from this computer is named by
    what was typed, when that names it."""
    if table is None:
        return row_id
    naming = [table.c[n] for n in _NAMING if n in table.c][:3]
    title = table_title(table.name)
    if not naming:
        return title
    row = conn.execute(select(*naming).where(table.c.id == uuid.UUID(row_id))).first()
    if row is None:
        named = " ".join(str(typed[c.name]) for c in naming if typed and typed.get(c.name) not in (None, ""))
        return _("{title} {name} (no longer on this computer)").format(title=title, name=named).replace("  ", " ")
    text = " ".join(str(v) for v in row if v not in (None, ""))
    return f"{title} {text}".strip()


def open_conflicts(engine: Engine) -> list[Conflict]:
    """The open conflicts of the replica behind ``engine``, oldest first."""
    c = replica.sync_conflict.c
    out = []
    with engine.connect() as conn:
        rows = conn.execute(select(replica.sync_conflict).where(c.resolved_at.is_(None)).order_by(c.seq)).all()
        for r in rows:
            table = _table(r.table_name)
            col = table.c.get(r.field) if table is not None and r.field else None
            if r.field is None:
                raw = json.loads(r.local_value) if r.local_value else None
                local = None if raw is None else {
                    k: from_json(table.c.get(k) if table is not None else None, json.dumps(v)) for k, v in raw.items()}
            else:
                local = from_json(col, r.local_value)
            out.append(Conflict(seq=r.seq, table=r.table_name, row_id=r.row_id,
                                record=_label(conn, table, r.row_id, local if r.field is None else None),
                                field=r.field,
                                field_label=field_title(r.field) if r.field else "",
                                server_value=from_json(col, r.server_value), local_value=local,
                                reason=r.reason, created_at=r.created_at))
    return out


def current_row(engine: Engine, conflict: Conflict) -> dict[str, Any] | None:
    """The record as this computer has it now (what a refused change left on it), or None."""
    table = _table(conflict.table)
    if table is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == uuid.UUID(conflict.row_id))).first()
    return None if row is None else dict(row._mapping)


def _resolve(conn, seq: int) -> None:
    c = replica.sync_conflict.c
    done = conn.execute(update(replica.sync_conflict).where(c.seq == seq, c.resolved_at.is_(None))
                        .values(resolved_at=utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")[:23]))
    if done.rowcount != 1:
        raise NotFoundError(_("This conflict was already settled."))


def keep_server(engine: Engine, seq: int) -> None:
    """The server's value stays (the replica already has it): the conflict is settled."""
    with engine.begin() as conn:
        _resolve(conn, seq)


def dismiss(engine: Engine, seq: int) -> None:
    """A whole change refused or gone, read and let go by the clerk."""
    keep_server(engine, seq)


def use_mine(engine: Engine, seq: int) -> None:
    """Write the clerk's value onto the replica's row as a local change (the outbox takes it, the next
    push applies it over the server's value) and settle the conflict, in one local transaction."""
    c = replica.sync_conflict.c
    with engine.begin() as conn:
        r = conn.execute(select(replica.sync_conflict).where(c.seq == seq, c.resolved_at.is_(None))).first()
        if r is None:
            raise NotFoundError(_("This conflict was already settled."))
        table = _table(r.table_name)
        if r.field is None or table is None or r.field not in table.c:
            raise ValidationError("field", _("This change cannot be applied field by field: export it, or enter it "
                                             "again by hand."))
        col = table.c[r.field]
        if isinstance(col.type, LargeBinary):
            raise ValidationError(r.field, _("A file cannot be restored from the inbox: attach it again."))
        values: dict[str, Any] = {r.field: from_json(col, r.local_value)}
        if "version" in table.c:  # an open form notices the change, as after any save
            values["version"] = table.c.version + 1
        if "updated_at" in table.c:
            values["updated_at"] = utcnow()
        changed = conn.execute(update(table).where(table.c.id == uuid.UUID(r.row_id)).values(**values))
        if changed.rowcount != 1:
            raise NotFoundError(_("{record} is no longer on this computer.").format(
                record=_label(conn, table, r.row_id)))
        _resolve(conn, seq)


def export(engine: Engine, path: Path) -> int:
    """Every unsynced change and open conflict to ``path`` (JSON), as ``replica.export_outbox``."""
    return replica.export_outbox(engine, path)
