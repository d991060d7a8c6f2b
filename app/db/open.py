"""Open a database for use: connect, migrate when asked, seed reference data."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from app.db import migrate
from app.db.engine import check_connection, make_engine
from app.db.identity import identity
from app.db.session import Database
from app.errors import DatabaseUnavailableError
from app.i18n import _


def open_database(db: str | Path | URL | None, *, upgrade: bool = True, user: str | None = None) -> Database:
    """Return a ready Database, or raise DatabaseUnavailableError with a clear message.

    With ``upgrade`` (the GUI and most commands), a database behind the code's
    schema is migrated (after a backup copy for SQLite) and the reference data
    is seeded; without it, a schema mismatch is reported instead.
    """
    from app.services.setup import ensure_reference_data

    engine = make_engine(db)
    if upgrade:
        migrate.upgrade(engine)
    else:
        check_connection(engine)
        current = migrate.current_revision(engine)
        if current != migrate.head_revision():
            engine.dispose()
            raise DatabaseUnavailableError(
                _("The database schema is at {current}, this version of Trastienda needs {head}. "
                  "Run `python main.py db upgrade`.").format(current=current or _("empty"), head=migrate.head_revision())
            )
    login, roles = identity(engine)
    database = Database(engine, user=user or login, roles=roles)
    ensure_reference_data(database)
    return database
