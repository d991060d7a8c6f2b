"""Open a database for use: connect, migrate when asked, seed reference data."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from app.db import migrate
from app.db.engine import check_connection, make_engine
from app.db.identity import identity
from app.db.session import Database
from app.sync import replica


def open_database(db: str | Path | URL | None, *, upgrade: bool | None = None, user: str | None = None) -> Database:
    """Return a ready Database, or raise DatabaseUnavailableError with a clear message.

    ``upgrade``:
    - None (the GUI and most commands): a local SQLite file behind the code's
      schema is migrated, after a backup copy; a shared PostgreSQL database
      never is: its administrator upgrades it (``server upgrade``), and a
      client meeting another revision refuses (``migrate.SchemaMismatchError``,
      saying which side to upgrade).
    - True (``db upgrade``, ``server init``/``upgrade``): migrate whichever it is,
      creating a PostgreSQL database that does not exist yet.
    - False (audits such as ``chain verify``): never migrate; a mismatch is reported.

    A database upgraded by a newer Trastienda is refused in every case.
    Reference data is seeded once the schema is right.
    """
    from app.services.setup import ensure_reference_data

    engine = make_engine(db)
    try:
        if engine.dialect.name == "sqlite" and _is_replica(engine):
            # An offline copy is never migrated here: a rebuilt table would lose its outbox triggers, and a
            # copy of another revision is the server's to replace (``open_replica`` says how).
            engine.dispose()
            from app.sync.service import open_replica

            return open_replica(Path(engine.url.database), user=user)
        if upgrade or (upgrade is None and engine.dialect.name == "sqlite"):
            migrate.upgrade(engine)
        else:
            check_connection(engine)
            migrate.check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    login, roles = identity(engine)
    database = Database(engine, user=user or login, roles=roles)
    ensure_reference_data(database)
    return database


def _is_replica(engine) -> bool:
    try:
        return replica.is_replica(engine)
    except Exception:  # not a database at all: the usual path says so
        return False
