"""The audit trail's triggers: the database itself writes ``audit_log``, so no client can skip it.

Every change to a business row (insert, update, archive, restore, delete)
appends one row to ``audit_log``: when (the database's clock), who, the
table, the row, and the changed fields ``{"field": [old, new]}`` (an insert
records ``{"field": new}``, a delete ``{"field": old}``). Restricted values
are written as ``"***"``; binary columns are left out; the bookkeeping columns
(version, created_at, updated_at, updated_by) are left out too, because the
audit row itself says who and when, and an UPDATE that changes nothing else
writes no row.

- PostgreSQL: one plpgsql function, SECURITY DEFINER (a login needs no
  privilege on ``audit_log`` to have its changes recorded, and gets none to
  write it), diffing ``to_jsonb(OLD)`` and ``to_jsonb(NEW)``. Who: the
  server login (``session_user``), plus the role acted as after ``SET ROLE``.
- SQLite: three triggers per table generated from the table's columns as the
  database has them now. Who: ``trastienda_user()``, a function every
  connection the app opens registers (``install_sqlite_login``): the user of
  the session's ``Database``, else the computer's login. A tool that does not
  register it (the sqlite3 shell) cannot write audited tables: so be it.

A later migration that adds a column keeps PostgreSQL right by itself; on
SQLite it must call ``install(bind, ["that_table"])`` afterwards (a batch-mode
rebuild drops the table's triggers; ALTER TABLE ADD COLUMN leaves them stale).
A new table is audited by calling ``install(bind, ["new_table"])``.
``problems(bind)`` lists tables whose triggers are missing or stale; a test
checks it is empty at head.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.orm import Session
from sqlalchemy.types import LargeBinary

log = logging.getLogger(__name__)

AUDIT_TABLE = "audit_log"
MASK = "***"
# The audit row says who and when; these only say it again.
NOISE = ("version", "created_at", "updated_at", "updated_by")
# An employee's personal data is masked, not only the restricted fields: the trail must not keep a copy of
# what anonymising erases (GDPR art. 17). It still shows which fields changed, when and by whom.
MASKED: dict[str, tuple[str, ...]] = {
    "employee": ("salary", "payments_per_year", "iban", "social_security_number", "first_name", "last_name", "tax_id",
                 "birth_date", "street", "postal_code", "city", "province", "phone", "email", "emergency_contact",
                 "user_name", "block_reason"),
    "leave_request": ("reason",),
    "employee_document": ("title", "filename"),
}
# Derived (rebuilt from stock moves) or not business rows at all.
NOT_AUDITED = frozenset({AUDIT_TABLE, "alembic_version", "stock_level"})
# Append-only logs: the insert is the row itself (with its own time and author), so only
# an UPDATE or DELETE (tampering) is recorded. Saves an audit row per stock move,
# per VERI*FACTU record, per contract event and per personal-data audit entry.
APPEND_ONLY = frozenset({"stock_move", "verifactu_record", "contract_event", "personal_data_audit"})
# A child row's history also shows on its parent's form (an invoice's lines and payments).
PARENT_COLUMN: dict[str, str] = {
    "invoice_line": "invoice_id", "payment": "invoice_id", "verifactu_record": "invoice_id",
    "contract_line": "contract_id", "contract_attachment": "contract_id", "contract_event": "contract_id",
    "contract_billing": "contract_id",
    "party_address": "party_id",
    "stock_count_line": "count_id", "stock_rule": "product_id", "stock_move": "product_id",
    "employee_document": "employee_id", "leave_request": "employee_id", "leave_allowance": "employee_id",
    "personal_data_audit": "employee_id",
}
PG_FUNCTION = "trastienda_audit"
PG_TRIGGER = "trastienda_audit"
_SQLITE_EVENTS = ("insert", "update", "delete")


def audited_tables(bind: Connection) -> list[str]:
    """Tables of this database that get audit triggers: every table with an ``id`` but the excluded."""
    from app.domain.search import is_search_object  # here: opening an engine need not load the models

    insp = inspect(bind)
    return sorted(
        name for name in insp.get_table_names()
        if name not in NOT_AUDITED and not is_search_object(name) and not name.startswith("sqlite_")
        and any(c["name"] == "id" for c in insp.get_columns(name))
    )


def install(bind: Connection, tables: Iterable[str] | None = None) -> None:
    """(Re)create the audit triggers of ``tables`` (default: every audited table), from their current columns."""
    names = audited_tables(bind) if tables is None else list(tables)
    if bind.dialect.name == "postgresql":
        bind.execute(text(pg_function_sql(bind.execute(text("SELECT current_schema()")).scalar_one())))
    for table in names:
        for statement in _drop_sql(bind, table) + _create_sql(bind, table):
            bind.execute(text(statement))


def uninstall(bind: Connection, tables: Iterable[str] | None = None) -> None:
    """Drop the audit triggers of ``tables``; with no tables, of every table, and the function."""
    names = audited_tables(bind) if tables is None else list(tables)
    for table in names:
        for statement in _drop_sql(bind, table):
            bind.execute(text(statement))
    if tables is None and bind.dialect.name == "postgresql":
        bind.execute(text(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()"))


def problems(bind: Connection) -> list[str]:
    """Audited tables whose triggers are missing or do not match their columns (empty when all is well)."""
    found: list[str] = []
    for table in audited_tables(bind):
        if bind.dialect.name == "sqlite":
            expected = _create_sql(bind, table)
            actual = [bind.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
                                   {"n": _sqlite_name(table, ev)}).scalar() for ev in _sqlite_events(table)]
        else:
            expected = [(_pg_type(table), _pg_args(bind, table))]
            row = bind.execute(text(
                "SELECT tgtype, tgargs FROM pg_trigger WHERE tgrelid = to_regclass(:t) AND tgname = :n"),
                {"t": _quote(table), "n": PG_TRIGGER}).one_or_none()
            actual = [None if row is None else (row.tgtype, tuple(bytes(row.tgargs).decode().split("\0")[:-1]))]
        if any(a is None for a in actual):
            found.append(f"{table}: no audit trigger")
        elif actual != expected:
            found.append(f"{table}: audit trigger out of date")
    return found


# -- the SQL --------------------------------------------------------------------------------
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _columns(bind: Connection, table: str) -> tuple[list[str], list[str]]:
    """(recorded columns, binary columns left out)."""
    recorded, binary = [], []
    for col in inspect(bind).get_columns(table):
        if isinstance(col["type"], LargeBinary):
            binary.append(col["name"])
        elif col["name"] not in NOISE:
            recorded.append(col["name"])
    if "id" not in recorded:
        raise ValueError(f"{table} has no id column: it cannot be audited")
    return recorded, binary


def _drop_sql(bind: Connection, table: str) -> list[str]:
    if bind.dialect.name == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON {_quote(table)}"]
    return [f"DROP TRIGGER IF EXISTS {_sqlite_name(table, ev)}" for ev in _SQLITE_EVENTS]


def _create_sql(bind: Connection, table: str) -> list[str]:
    if bind.dialect.name == "postgresql":
        events = "UPDATE OR DELETE" if table in APPEND_ONLY else "INSERT OR UPDATE OR DELETE"
        args = ", ".join(_literal(a) for a in _pg_args(bind, table))
        return [f"CREATE TRIGGER {PG_TRIGGER} AFTER {events} ON {_quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}({args})"]
    return [_sqlite_trigger(bind, table, ev) for ev in _sqlite_events(table)]


def _pg_args(bind: Connection, table: str) -> tuple[str, str, str]:
    _recorded, binary = _columns(bind, table)
    return ",".join(MASKED.get(table, ())), ",".join(binary), PARENT_COLUMN.get(table, "")


def _pg_type(table: str) -> int:
    """pg_trigger.tgtype of our trigger: ROW (1) | INSERT (4) | DELETE (8) | UPDATE (16), AFTER."""
    return 1 | 8 | 16 | (0 if table in APPEND_ONLY else 4)


def pg_function_sql(schema: str) -> str:
    """The one trigger function. Arguments: masked columns, left-out columns, parent column (comma lists).

    Its search path is fixed to ``schema`` with pg_temp last: a SECURITY DEFINER function must not
    find a temporary ``audit_log`` a login made to catch its own audit rows.
    """
    noise = ", ".join(f"'{c}'" for c in NOISE)
    return f"""
CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {_quote(schema)}, pg_temp AS $fn$
DECLARE
    masked text[] := coalesce(string_to_array(nullif(TG_ARGV[0], ''), ','), '{{}}');
    left_out text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{{}}') || ARRAY[{noise}];
    parent text := nullif(TG_ARGV[2], '');
    acting text := nullif(current_setting('role'), 'none');
    old_row jsonb;
    new_row jsonb;
    changes jsonb;
    act text := lower(TG_OP);
    rid text;
    k text;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - left_out; END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - left_out; END IF;
    rid := coalesce(new_row, old_row)->>'id';
    IF parent IS NOT NULL THEN parent := coalesce(new_row, old_row)->>parent; END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, jsonb_build_array(o.value, n.value)) INTO changes
          FROM jsonb_each(new_row) n JOIN jsonb_each(old_row) o ON o.key = n.key
         WHERE n.value IS DISTINCT FROM o.value;
        IF changes IS NULL THEN RETURN NULL; END IF;
        IF old_row->>'archived_at' IS NULL AND new_row->>'archived_at' IS NOT NULL THEN act := 'archive';
        ELSIF old_row->>'archived_at' IS NOT NULL AND new_row->>'archived_at' IS NULL THEN act := 'restore';
        END IF;
        FOREACH k IN ARRAY masked LOOP
            IF changes ? k THEN
                changes := jsonb_set(changes, ARRAY[k], jsonb_build_array(
                    CASE WHEN changes->k->0 = 'null'::jsonb THEN NULL ELSE to_jsonb('{MASK}'::text) END,
                    CASE WHEN changes->k->1 = 'null'::jsonb THEN NULL ELSE to_jsonb('{MASK}'::text) END));
            END IF;
        END LOOP;
    ELSE  -- the id is the audit row's row_id already
        changes := coalesce(new_row, old_row) - 'id';
        FOREACH k IN ARRAY masked LOOP
            IF changes->k IS NOT NULL AND changes->k <> 'null'::jsonb THEN
                changes := jsonb_set(changes, ARRAY[k], to_jsonb('{MASK}'::text));
            END IF;
        END LOOP;
    END IF;
    INSERT INTO {AUDIT_TABLE} (at, login, table_name, row_id, parent_id, action, changes)
    VALUES (now(), session_user || coalesce(' as ' || nullif(acting, session_user), ''), TG_TABLE_NAME,
            rid, parent, act, changes);
    RETURN NULL;
END
$fn$"""


def _sqlite_events(table: str) -> tuple[str, ...]:
    return ("update", "delete") if table in APPEND_ONLY else _SQLITE_EVENTS


def _sqlite_name(table: str, ev: str) -> str:
    return f"audit_{table}_{ev}"


def _sqlite_uuid(expr: str) -> str:
    # SQLAlchemy keeps a UUID in SQLite as 32 hex digits; the trail writes the usual dashed form.
    return (f"substr({expr}, 1, 8) || '-' || substr({expr}, 9, 4) || '-' || substr({expr}, 13, 4) || '-' || "
            f"substr({expr}, 17, 4) || '-' || substr({expr}, 21, 12)")


def _json_object(pairs: Sequence[tuple[str, str]]) -> str:
    """json_object(k1, v1, ...) for any number of pairs: SQLite caps a function's arguments at 127."""
    head = ", ".join(f"{_literal(k)}, {v}" for k, v in pairs[:60])
    expr = f"json_object({head})"
    for start in range(60, len(pairs), 60):
        more = ", ".join(f"{_literal(_path(k))}, {v}" for k, v in pairs[start:start + 60])
        expr = f"json_insert({expr}, {more})"
    return expr


def _json_remove(expr: str, paths: Sequence[str]) -> str:
    for start in range(0, len(paths), 120):
        expr = f"json_remove({expr}, {', '.join(paths[start:start + 120])})"
    return expr


def _path(column: str) -> str:
    return '$."' + column + '"'


_NO_KEY = _literal(_path("~"))  # a key no row has: removing it removes nothing


def _sqlite_trigger(bind: Connection, table: str, ev: str) -> str:
    recorded, _binary = _columns(bind, table)
    masked = set(MASKED.get(table, ()))
    q = {c: _quote(c) for c in recorded}

    def value(row: str, c: str) -> str:
        v = f"{row}.{q[c]}"
        return f"CASE WHEN {v} IS NULL THEN NULL ELSE '{MASK}' END" if c in masked else v

    row = "OLD" if ev == "delete" else "NEW"
    when = ""
    action = _literal(ev)
    if ev == "update":
        changes = _json_remove(
            _json_object([(c, f"json_array({value('OLD', c)}, {value('NEW', c)})") for c in recorded]),
            [f"CASE WHEN OLD.{q[c]} IS NOT NEW.{q[c]} THEN {_NO_KEY} ELSE {_literal(_path(c))} END" for c in recorded])
        when = " WHEN " + " OR ".join(f"OLD.{q[c]} IS NOT NEW.{q[c]}" for c in recorded)
        if "archived_at" in recorded:
            action = ('CASE WHEN OLD."archived_at" IS NULL AND NEW."archived_at" IS NOT NULL THEN \'archive\' '
                      'WHEN OLD."archived_at" IS NOT NULL AND NEW."archived_at" IS NULL THEN \'restore\' '
                      "ELSE 'update' END")
    else:  # the id is the audit row's row_id already
        changes = _json_object([(c, value(row, c)) for c in recorded if c != "id"])
    parent = PARENT_COLUMN.get(table)
    parent_sql = _sqlite_uuid(f"{row}.{_quote(parent)}") if parent else "NULL"
    row_id = _sqlite_uuid(f'{row}."id"')
    return (
        f"CREATE TRIGGER {_sqlite_name(table, ev)} AFTER {ev.upper()} ON {_quote(table)}{when} BEGIN "
        f"INSERT INTO {AUDIT_TABLE} (at, login, table_name, row_id, parent_id, action, changes) VALUES ("
        f"strftime('%Y-%m-%d %H:%M:%f', 'now') || '000', trastienda_user(), {_literal(table)}, "
        f"{row_id}, {parent_sql}, {action}, {changes}); END"
    )


# -- who, on SQLite -----------------------------------------------------------------------------
_USER_KEY = "trastienda_audit_user"


def install_sqlite_login(engine: Engine) -> None:
    """Every connection of ``engine`` answers ``trastienda_user()`` with the session's user."""
    from app.db.identity import local_user

    fallback = local_user()

    def on_connect(dbapi_conn, record) -> None:
        info = record.info
        dbapi_conn.create_function("trastienda_user", 0, lambda: info.get(_USER_KEY) or fallback)

    def on_checkin(_dbapi_conn, record) -> None:
        if record is not None:
            record.info.pop(_USER_KEY, None)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "checkin", on_checkin)


@event.listens_for(Session, "after_begin")
def _remember_user(session: Session, _transaction, connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.info[_USER_KEY] = session.info.get("user")


def repair(bind: Connection) -> list[str]:
    """Recreate missing or stale triggers (after any migration run); returns the problems it fixed.

    A safety net for a migration that rebuilt or altered a table and forgot ``install``.
    Does nothing on a database without the audit trail (before revision 0009).
    """
    if not inspect(bind).has_table(AUDIT_TABLE) or inspect(bind).has_table("sync_state"):
        return []  # no trail yet; or an offline replica, whose changes the server records when they arrive
    found = problems(bind)
    if found:
        install(bind, [p.split(":")[0] for p in found])
        log.info("audit triggers recreated: %s", "; ".join(found))
    return found
