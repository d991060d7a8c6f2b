"""A replica's outbox: every local change is captured by SQLite triggers, in the change's transaction.

Each replicated table gets three triggers that append to ``sync_outbox`` one entry per inserted,
changed or deleted row: a fresh change id (what makes a push idempotent), the table, the row id
(dashed), the action and the values as SQLite stores them:

- insert: ``{"column": value, ...}`` for every column but the bookkeeping ones;
- update: ``{"column": [old, new], ...}`` for the columns that changed (old is what the server
  had, as far as this replica knows: the push merges field by field against it);
- delete: ``{}``.

Binary columns are written as hexadecimal text. Version and stamps are left out: the server
keeps its own. The triggers fire only while ``trastienda_capturing()`` answers 1: every
connection of a replica registers it (``install_capture_flag``), and applying what was pulled
from the server turns it off on that connection. A tool that does not register it (the sqlite3
shell) cannot write a replicated table at all, so no local change escapes the outbox.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.types import LargeBinary

from app.db.audit_triggers import (
    _json_object,
    _json_remove,
    _literal,
    _path,
    _quote,
    _sqlite_uuid,
)
from app.db.change_feed import NOT_FED

OUTBOX = "sync_outbox"
NOISE = ("version", "created_at", "updated_at", "updated_by")
# Derived on each side from what is captured (stock levels from the moves): never pushed.
NOT_CAPTURED = frozenset(NOT_FED | {"stock_level"})
_APPLYING = "trastienda_applying"
_TX = "trastienda_tx"
_NO_KEY = _literal(_path("~"))


def captured_tables(bind: Connection) -> list[str]:
    from app.domain.search import is_search_object

    insp = inspect(bind)
    return sorted(name for name in insp.get_table_names()
                  if name not in NOT_CAPTURED and not name.startswith(("sqlite_", "sync_"))
                  and not is_search_object(name) and any(c["name"] == "id" for c in insp.get_columns(name)))


def _columns(bind: Connection, table: str) -> list[tuple[str, bool]]:
    return [(c["name"], isinstance(c["type"], LargeBinary)) for c in inspect(bind).get_columns(table)
            if c["name"] not in NOISE]


def _trigger(bind: Connection, table: str, ev: str) -> str:
    cols = _columns(bind, table)

    def value(row: str, name: str, binary: bool) -> str:
        v = f"{row}.{_quote(name)}"
        return f"hex({v})" if binary else v

    when = " WHEN trastienda_capturing()"
    if ev == "insert":
        changes = _json_object([(c, value("NEW", c, b)) for c, b in cols if c != "id"])
    elif ev == "update":
        changes = _json_remove(
            _json_object([(c, f"json_array({value('OLD', c, b)}, {value('NEW', c, b)})") for c, b in cols]),
            [f"CASE WHEN OLD.{_quote(c)} IS NOT NEW.{_quote(c)} THEN {_NO_KEY} ELSE {_literal(_path(c))} END"
             for c, _b in cols])
        when += " AND (" + " OR ".join(f"OLD.{_quote(c)} IS NOT NEW.{_quote(c)}" for c, _b in cols) + ")"
    else:
        changes = "'{}'"
    row = "OLD" if ev == "delete" else "NEW"
    return (
        f"CREATE TRIGGER {trigger_name(table, ev)} AFTER {ev.upper()} ON {_quote(table)}{when} BEGIN "
        f"INSERT INTO {OUTBOX} (change_id, table_name, row_id, action, changes, created_at, tx) VALUES ("
        f"lower(hex(randomblob(16))), {_literal(table)}, {_sqlite_uuid(row + '.' + _quote('id'))}, "
        f"{_literal(ev)}, {changes}, strftime('%Y-%m-%d %H:%M:%f', 'now'), trastienda_tx()); END"
    )


def trigger_name(table: str, ev: str) -> str:
    return f"outbox_{table}_{ev}"


def install(bind: Connection) -> None:
    """(Re)create the outbox triggers of every replicated table, from the columns as they are now."""
    for table in captured_tables(bind):
        for ev in ("insert", "update", "delete"):
            bind.execute(text(f"DROP TRIGGER IF EXISTS {trigger_name(table, ev)}"))
            bind.execute(text(_trigger(bind, table, ev)))


def missing(bind: Connection) -> list[str]:
    have = set(bind.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    return [t for t in captured_tables(bind)
            if any(trigger_name(t, ev) not in have for ev in ("insert", "update", "delete"))]


def install_capture_flag(engine: Engine) -> None:
    """Every connection of ``engine`` answers ``trastienda_capturing()``: 1 unless applying a pull, and
    ``trastienda_tx()``: an id of the transaction running on it, new at each begin.

    The outbox keeps that id with each change, so a push applies what one local transaction did (an
    invoice posted offline: its lines, number, series step, VERI*FACTU record and stock moves) all
    together or not at all, however the server answers each part.
    """

    def on_connect(dbapi_conn, record) -> None:
        info = record.info
        dbapi_conn.create_function("trastienda_capturing", 0, lambda: 0 if info.get(_APPLYING) else 1)
        dbapi_conn.create_function("trastienda_tx", 0, lambda: info.get(_TX))

    def on_begin(conn) -> None:
        conn.connection.info[_TX] = uuid.uuid4().hex

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)


def set_applying(conn: Connection, applying: bool) -> None:
    """Turn capture off (pulled rows are the server's, not local changes) or back on, on ``conn``."""
    info = conn.connection.info  # the pooled connection's own dict: the one the function reads
    if applying:
        info[_APPLYING] = True
    else:
        info.pop(_APPLYING, None)
