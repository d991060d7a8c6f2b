"""Setting up a shared PostgreSQL server: schema, group roles, grants, logins.

``init_server`` and ``upgrade_server`` migrate the schema and (re)apply, in one
transaction, the group roles, the privilege matrix, the rules and the
row-level policies of ``app.db.server_grants``. There is no migration for
any of it: roles are not per database, and the grants must follow every
table a migration adds. ``add_user``, ``set_role`` and ``remove_user`` manage
the logins: each is a member of one group role.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text

from app.db.identity import GROUP_OF
from app.db.server_grants import (  # noqa: F401 - re-exported: the names the commands and tests use
    GROUPS,
    MATRIX,
    ServerReport,
    apply_grants,
    ensure_groups,
    grants_for,
    run_sql,
)
from app.domain.roles import ALL_ROLES
from app.errors import DatabaseUnavailableError, NotFoundError, ValidationError
from app.i18n import _

USER_NAME = re.compile(r"[a-z_][a-z0-9_.-]{0,62}")


def _require_postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        raise ValidationError("db", _("Server commands need a PostgreSQL URL (postgresql+psycopg://USER@HOST/DB); "
                                      "a local file needs no set-up."))


def init_server(engine: Engine) -> ServerReport:
    """Makes the database ready for several logins, idempotently.

    Migrates the schema to head (creating the database if the login may),
    seeds the reference data, makes the group roles and applies the matrix,
    rules and policies. Running it again changes nothing.
    """
    from app.db import migrate
    from app.db.session import Database
    from app.services.setup import ensure_reference_data

    _require_postgres(engine)
    migrate.upgrade(engine)
    ensure_reference_data(Database(engine, user=engine.url.username))
    with engine.begin() as conn:
        return apply_grants(conn)


def upgrade_server(engine: Engine) -> ServerReport:
    """Migrates the schema to head and applies the grants again (a migration may add tables)."""
    return init_server(engine)


# -- logins ----------------------------------------------------------------------------------------

def _check_name(name: str | None) -> str:
    name = (name or "").strip()
    if not USER_NAME.fullmatch(name):
        raise ValidationError("name", _("A user name is 1 to 63 lower-case letters, digits, _ . or -, "
                                        "starting with a letter or _."))
    if name in GROUPS or name.startswith("pg_"):
        raise ValidationError("name", _("{name} is reserved: choose another user name.").format(name=name))
    return name


def _check_role(role: str | None) -> str:
    role = (role or "").strip().lower()
    if role not in ALL_ROLES:
        raise ValidationError("role", _("The role is one of: {roles}.").format(
            roles=", ".join(sorted(ALL_ROLES))))
    return role


def _existing(conn: Connection, name: str) -> bool:
    """Whether the login exists; refuses (ValidationError) a superuser, who is not ours to change."""
    row = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if row is not None and row[0]:
        raise ValidationError("name", _("{name} is a superuser: change it with the server's own tools.")
                              .format(name=name))
    return row is not None


def add_user(engine: Engine, name: str, role: str, password: str | None = None) -> None:
    """A login role ``name`` in the group of ``role``, with a password when given.

    The password is hashed (SCRAM) by the client library before it is sent,
    so it is never in a statement, a server log or anywhere on disk.
    """
    from psycopg import sql

    _require_postgres(engine)
    name, role = _check_name(name), _check_role(role)
    if password is not None and (not password or "\x00" in password):
        raise ValidationError("password", _("The password is empty or holds a NUL character."))
    with engine.begin() as conn:
        ensure_groups(conn)
        if _existing(conn, name):
            raise ValidationError("name", _("{name} already exists: change its role with `server set-role`.")
                                  .format(name=name))
        statement = sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(sql.Identifier(name),
                                                                      sql.Identifier(GROUP_OF[role]))
        if password is not None:
            pgconn = conn.connection.driver_connection.pgconn
            verifier = pgconn.encrypt_password(password.encode(), name.encode()).decode()
            statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(verifier))
        run_sql(conn, statement)


def set_role(engine: Engine, name: str, role: str) -> None:
    """Moves the login to the group of ``role`` (out of every other Trastienda group)."""
    from psycopg import sql

    _require_postgres(engine)
    name, role = _check_name(name), _check_role(role)
    with engine.begin() as conn:
        ensure_groups(conn)
        if not _existing(conn, name):
            raise NotFoundError(_("There is no user {name} on this server.").format(name=name))
        for group in GROUPS:
            run_sql(conn, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(name)))
        run_sql(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_OF[role]), sql.Identifier(name)))


def remove_user(engine: Engine, name: str) -> None:
    """Drops the login (its sessions lose every privilege at their next statement).

    Refuses a superuser, a group role, the login doing it and a role that owns something.
    """
    from psycopg import sql
    from sqlalchemy.exc import DBAPIError

    _require_postgres(engine)
    name = _check_name(name)
    with engine.begin() as conn:
        if not _existing(conn, name):
            raise NotFoundError(_("There is no user {name} on this server.").format(name=name))
        if conn.execute(text("SELECT current_user")).scalar() == name:
            raise ValidationError("name", _("You cannot remove the login you are using."))
        try:
            with conn.begin_nested():
                run_sql(conn, sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "2BP01":  # dependent_objects_still_exist
                raise
            raise ValidationError("name", _("{name} owns objects on this server; reassign them first.")
                                  .format(name=name)) from None


def server_engine(url) -> Engine:
    """An engine for the server commands, or DatabaseUnavailableError when the URL is not PostgreSQL."""
    from sqlalchemy.engine import URL

    from app.db.engine import make_engine, resolve_url

    resolved = url if isinstance(url, URL) else resolve_url(url)  # a profile's URL keeps its password
    if resolved.get_backend_name() != "postgresql":
        raise DatabaseUnavailableError(_("Server commands need a PostgreSQL URL (postgresql+psycopg://USER@HOST/DB); "
                                         "a local file needs no set-up."))
    return make_engine(resolved)
