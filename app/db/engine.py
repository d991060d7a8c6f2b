"""Open a database from a file path or a SQLAlchemy URL, and check it works.

SQLite gets WAL, foreign keys, synchronous=FULL and a busy timeout on every
connection. Failures to connect become one DatabaseUnavailableError whose
message says what is wrong and what to do, never a driver traceback.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from app.db.paths import default_database_path
from app.errors import DatabaseUnavailableError
from app.i18n import _

SQLITE_BUSY_TIMEOUT_MS = 10_000


def resolve_url(db: str | Path | None) -> URL:
    """``None`` means the local default; a bare path is a SQLite file."""
    if db is None or str(db) == "":
        return make_url(f"sqlite:///{default_database_path()}")
    text_db = str(db)
    if "://" in text_db:
        try:
            url = make_url(text_db)
        except ArgumentError:
            raise DatabaseUnavailableError(_("Not a valid database URL: {url}").format(url=text_db)) from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    return make_url(f"sqlite:///{Path(text_db).expanduser().resolve()}")


def describe(url: URL) -> str:
    """A human label for the status bar and messages; never shows a password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _unicode_lower(value):
    return value.lower() if isinstance(value, str) else value


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # SQLite's own lower() folds ASCII only; "ñandú" must find "ÑANDÚ" as on PostgreSQL.
    dbapi_conn.create_function("lower", 1, _unicode_lower, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(db: str | Path | URL | None, *, echo: bool = False) -> Engine:
    url = db if isinstance(db, URL) else resolve_url(db)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, poolclass=NullPool if url.database else None)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.get_backend_name() == "postgresql":
        return create_engine(
            url,
            echo=echo,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 5, "application_name": "trastienda"},
        )
    raise DatabaseUnavailableError(
        _("Unsupported database {backend}: use a SQLite file or a postgresql+psycopg:// URL.").format(
            backend=url.get_backend_name()
        )
    )


def explain_connect_error(url: URL, exc: Exception) -> DatabaseUnavailableError:
    """Turn a driver error into one line a person can act on."""
    where = describe(url)
    msg = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else ""
    low = str(exc).lower()
    if url.get_backend_name() == "sqlite":
        if "file is not a database" in low or "file is encrypted" in low:
            return DatabaseUnavailableError(
                _("{where} is not a Trastienda database (not a SQLite file). Choose another file with --db.").format(where=where)
            )
        if "unable to open" in low:
            return DatabaseUnavailableError(
                _("Cannot open {where}: check that the folder exists and you may write to it.").format(where=where)
            )
        return DatabaseUnavailableError(_("Cannot use {where}: {msg}").format(where=where, msg=msg))
    if ("password authentication failed" in low or "no password supplied" in low
            or ("role" in low and "does not exist" in low)):
        return DatabaseUnavailableError(
            _("The server at {where} refused the user name or password. Check them and try again.").format(where=where)
        )
    if "database" in low and "does not exist" in low:
        return DatabaseUnavailableError(
            _("The database {name} does not exist on the server. Create it with `python main.py db upgrade --db URL`.").format(
                name=url.database
            )
        )
    if "permission denied" in low or "not permitted" in low:
        return DatabaseUnavailableError(
            _("The server at {where} does not let this user connect to that database: ask its admin.").format(where=where)
        )
    if any(k in low for k in ("connection refused", "could not connect", "timeout", "timed out",
                              "connection failed", "could not translate host name", "name or service not known")):
        return DatabaseUnavailableError(
            _("Cannot reach the database server at {where}: is it running and is the address right?").format(where=where)
        )
    return DatabaseUnavailableError(_("Cannot use the database {where}: {msg}").format(where=where, msg=msg))


def check_connection(engine: Engine) -> None:
    """Open one connection and run a query, or raise DatabaseUnavailableError."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                # Reading the schema makes SQLite look at the file header.
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
            else:
                conn.execute(text("SELECT 1")).scalar()
    except (OperationalError, DatabaseError) as exc:
        raise explain_connect_error(engine.url, exc) from None
