"""A shared profile's local replica: a SQLite file of what its user may see, plus the sync bookkeeping.

The replica has the app's whole schema (so every screen and command works on it unchanged), the
outbox triggers (``app.sync.capture``) and three tables of its own:

- ``sync_state``: whose copy of which server this is (the server's company id, database and login),
  the schema revision it was made with, the pull cursor, the workstation's id;
- ``sync_outbox``: the local changes not yet on the server, in order;
- ``sync_conflict``: what a push could not apply as it was (a field both sides changed, a row gone,
  a change the server refused), kept for the clerk to decide, never dropped.

A replica has no audit trail of its own: the server writes the trail when the changes arrive.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    inspect,
    select,
)

from app.db.paths import data_dir
from app.errors import DatabaseUnavailableError
from app.i18n import _

LOCAL = MetaData()
sync_state = Table("sync_state", LOCAL, Column("key", String(40), primary_key=True), Column("value", Text))
sync_outbox = Table(
    "sync_outbox", LOCAL,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(32), nullable=False, unique=True),
    Column("table_name", String(63), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("action", String(10), nullable=False),
    Column("changes", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("tx", String(32)),  # the local transaction that made it: a push applies those together
)
sync_conflict = Table(
    "sync_conflict", LOCAL,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(32), nullable=False),
    Column("table_name", String(63), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(63)),  # None: the whole change (a row gone, a refusal)
    Column("server_value", Text),  # JSON
    Column("local_value", Text),  # JSON
    Column("reason", Text, nullable=False),
    Column("created_at", String(32), nullable=False, server_default=func.strftime("%Y-%m-%d %H:%M:%f", "now")),
    Column("resolved_at", String(32)),
)


# Drafts a clerk posted offline in a series the server numbers: posted on the server at the next sync.
sync_posting = Table(
    "sync_posting", LOCAL,
    Column("invoice_id", String(36), primary_key=True),
    Column("requested_at", String(32), nullable=False,
           server_default=func.strftime("%Y-%m-%d %H:%M:%f", "now")),
)


# Rows a push could not apply as sent (a conflict, a refusal): the next pull reads them again from the
# server, so the copy shows what the server kept (the clerk's values wait in sync_conflict).
sync_refetch = Table(
    "sync_refetch", LOCAL,
    Column("table_name", String(63), primary_key=True),
    Column("row_id", String(36), primary_key=True),
)


class ReplicaError(DatabaseUnavailableError):
    """The replica cannot be used with this server or login, or is not a replica at all."""


def way_out(*, damaged: bool = False) -> str:
    """The commands that save a refused copy's unsynced work and replace it (``NAME``: the profile; the command
    line puts the real one in, ``app.sync.recover.for_profile``)."""
    if damaged:
        return _("`python main.py --profile NAME sync --export FILE` saves what can be read of it; `python main.py "
                 "--profile NAME sync --fresh --export FILE` also downloads a fresh copy, keeping this one.")
    return _("`python main.py --profile NAME sync --export FILE` saves its unsynced changes; `python main.py "
             "--profile NAME sync --fresh --export FILE` also downloads a fresh copy, keeping this one.")


def replica_path(profile_name: str) -> Path:
    """Where a profile's replica lives: ``replicas/<name>-<hash>.sqlite3`` in the data folder."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", profile_name).strip("_")[:40] or "profile"
    digest = hashlib.sha256(profile_name.encode("utf-8")).hexdigest()[:8]
    folder = data_dir() / "replicas"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{slug}-{digest}.sqlite3"


def is_replica(engine: Engine) -> bool:
    with engine.connect() as conn:
        return inspect(conn).has_table("sync_state")


def get_state(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {k: v for k, v in conn.execute(select(sync_state.c.key, sync_state.c.value))}


def set_state(conn, **values: str | None) -> None:
    """Write ``values`` into sync_state on ``conn`` (in the caller's transaction)."""
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    for key, value in values.items():
        stmt = sqlite_insert(sync_state).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def roles_text(roles) -> str:
    """The server's roles of the replica's login, as ``sync_state`` keeps them."""
    return ",".join(sorted(roles))


def state_roles(state: dict[str, str]) -> frozenset[str] | None:
    """The roles ``sync_state`` keeps (None: none recorded)."""
    text = state.get("roles")
    return None if text is None else frozenset(r for r in text.split(",") if r)


def pending(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(sync_outbox)).scalar_one()


def open_conflicts(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(sync_conflict)
                            .where(sync_conflict.c.resolved_at.is_(None))).scalar_one()


def make_bookkeeping(conn) -> None:
    LOCAL.create_all(conn)


@dataclass(frozen=True)
class ServerIdentity:
    """What a replica must match: the server's data (its company row), its database and the login."""

    company_id: str
    database: str
    user: str
    revision: str


def check_matches(state: dict[str, str], server: ServerIdentity) -> None:
    """Refuse (ReplicaError) a replica of another server, another login or another schema revision."""
    if state.get("company_id") != server.company_id or state.get("database") != server.database:
        raise ReplicaError(_("This computer's offline copy belongs to another server or company ({theirs}), not to "
                             "{database}.").format(theirs=state.get("database") or "?", database=server.database)
                           + " " + way_out())
    if state.get("user") != server.user:
        raise ReplicaError(_("This computer's offline copy is {owner}'s, not {user}'s: each login keeps its own.")
                           .format(owner=state.get("user") or "?", user=server.user) + " " + way_out())
    if state.get("revision") != server.revision:
        raise ReplicaError(_("The server's schema moved on ({server}) since this offline copy was made ({local}).")
                           .format(server=server.revision, local=state.get("revision") or "?") + " " + way_out())


def export_outbox(engine: Engine, path: Path) -> int:
    """Write the unsynced changes, the drafts waiting to be posted at sync and the open conflicts to ``path``
    (JSON), atomically; returns how many."""
    with engine.connect() as conn:
        changes = [dict(r._mapping) for r in conn.execute(select(sync_outbox).order_by(sync_outbox.c.seq))]
        conflicts = [dict(r._mapping) for r in conn.execute(
            select(sync_conflict).where(sync_conflict.c.resolved_at.is_(None)).order_by(sync_conflict.c.seq))]
        state = {k: v for k, v in conn.execute(select(sync_state.c.key, sync_state.c.value))}
        postings = ([dict(r._mapping) for r in conn.execute(select(sync_posting).order_by(sync_posting.c.requested_at))]
                    if inspect(conn).has_table("sync_posting") else [])
    for change in changes:
        change["changes"] = json.loads(change["changes"])
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps({"replica": state, "changes": changes, "to_post": postings, "conflicts": conflicts},
                              ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    tmp.replace(path)
    return len(changes) + len(postings) + len(conflicts)


def record_conflicts(conn, rows: list[dict]) -> None:
    """Keep ``rows`` for the clerk, and have the next pull read their records again from the server."""
    if rows:
        conn.execute(insert(sync_conflict), rows)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        keys = {(r["table_name"], r["row_id"]) for r in rows}
        conn.execute(sqlite_insert(sync_refetch).on_conflict_do_nothing(),
                     [{"table_name": t, "row_id": i} for t, i in sorted(keys)])

