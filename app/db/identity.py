"""Who is using the database, and which roles the database itself gives them.

A local SQLite file belongs to the person logged in to the computer: they
are its user and hold every role. On PostgreSQL the login is the user and
the roles come from the server: a superuser holds every role; anyone else
holds ``clerk``, ``accountant``, ``hr`` or ``admin`` by being a member
(directly or through another group) of the PostgreSQL group role
``trastienda_clerk``, ``trastienda_accountant``, ``trastienda_hr`` or
``trastienda_admin`` (``python main.py server init`` makes them, with
``trastienda_admin`` a member of every other group and
``trastienda_accountant`` of ``trastienda_clerk``). A server where those
roles do not exist gives nobody but a superuser any role.
"""

from __future__ import annotations

import getpass

from sqlalchemy import Connection, Engine, text

# PostgreSQL group role -> application role (app.domain.roles).
SERVER_ROLES = {"trastienda_clerk": "clerk", "trastienda_accountant": "accountant",
                "trastienda_hr": "hr", "trastienda_admin": "admin"}
GROUP_OF = {role: group for group, role in SERVER_ROLES.items()}


def local_user() -> str:
    try:
        return getpass.getuser()[:64]
    except (KeyError, OSError):  # no login name in a bare container or service
        return "local"


def server_identity(conn: Connection) -> tuple[str, frozenset[str]]:
    """(login, application roles) of the connection's current PostgreSQL user."""
    user, superuser = conn.execute(text(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    if superuser:
        return user, frozenset(SERVER_ROLES.values())
    member_of = conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names) AND pg_has_role(current_user, oid, 'MEMBER')"),
        {"names": list(SERVER_ROLES)}).scalars()
    return user, frozenset(SERVER_ROLES[name] for name in member_of)


def identity(engine: Engine) -> tuple[str, frozenset[str] | None]:
    """(user, roles); roles None means every role (the owner of a local file)."""
    if engine.dialect.name != "postgresql":
        return local_user(), None
    with engine.connect() as conn:
        return server_identity(conn)
