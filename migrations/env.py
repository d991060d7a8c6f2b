"""Alembic environment: one history for SQLite (batch mode) and PostgreSQL.

Run through app.db.migrate, which hands over an open connection; the plain
``alembic`` command line also works with ``-x db=URL``.
"""

from __future__ import annotations

from alembic import context

import app.domain  # noqa: F401 - registers every table
from app.domain.base import Base
from app.domain.search import include_object

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        user_module_prefix="app.domain.types.",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
        from app.db.audit_triggers import repair

        repair(connection)  # a migration that rebuilt a table (SQLite batch mode) dropped its audit triggers
        from app.db import change_feed

        change_feed.repair(connection)  # a new table joins the server's change feed


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from app.db.engine import make_engine

    engine = make_engine(context.get_x_argument(as_dictionary=True).get("db"))
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; use `python main.py db upgrade`.")
run_migrations_online()
