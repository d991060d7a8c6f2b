"""The shared server's feed of changed rows (``sync_change``), written by triggers so no client skips it.

Every insert, update and delete of a row a replica may hold appends ``(txid, table, row id)`` in the
same transaction, through one SECURITY DEFINER function: a login needs no privilege on the feed to
have its changes fed, and gets none to write it. The feed holds ids only; what a login then reads
of those rows is what its grants and row-level policies let it read.

PostgreSQL only: a local file has no replicas. ``repair`` (run after every migration, as the audit
triggers' is) recreates missing triggers, so a new table is fed from the migration that makes it.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

FUNCTION = "trastienda_feed"
TRIGGER = "trastienda_feed"
FEED_TABLE = "sync_change"
# Bookkeeping, not data a replica holds.
NOT_FED = frozenset({"audit_log", "alembic_version", "sync_change", "sync_applied"})


def fed_tables(bind: Connection) -> list[str]:
    """Every table with an ``id`` a replica may hold (the derived stock levels included)."""
    from app.domain.search import is_search_object

    insp = inspect(bind)
    return sorted(name for name in insp.get_table_names()
                  if name not in NOT_FED and not is_search_object(name)
                  and any(c["name"] == "id" for c in insp.get_columns(name)))


def function_sql(schema: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "{schema}", pg_temp AS $fn$
BEGIN
    INSERT INTO {FEED_TABLE} (txid, table_name, row_id)
    VALUES (txid_current(), TG_TABLE_NAME, (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    RETURN NULL;
END
$fn$"""


def install(bind: Connection, tables: list[str] | None = None) -> None:
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT current_schema()")).scalar_one()
    bind.execute(text(function_sql(schema)))
    for table in fed_tables(bind) if tables is None else tables:
        bind.execute(text(f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"'))
        bind.execute(text(f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                          f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"))


def missing(bind: Connection) -> list[str]:
    """Fed tables without their trigger (empty when all is well, and on SQLite)."""
    if bind.dialect.name != "postgresql" or not inspect(bind).has_table(FEED_TABLE):
        return []
    have = set(bind.execute(text(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname = :n AND c.relnamespace = current_schema()::regnamespace"), {"n": TRIGGER}).scalars())
    return [t for t in fed_tables(bind) if t not in have]


def repair(bind: Connection) -> list[str]:
    """Feed the tables that are not fed yet; returns them."""
    found = missing(bind)
    if found:
        install(bind, found)
    return found
