"""Open a database from a file path or a SQLAlchemy URL, and check it works.

SQLite gets WAL, foreign keys, synchronous=FULL and a busy timeout on every
connection. PostgreSQL connections give up within seconds when the server
is unreachable (connect timeout, TCP keepalives) and a statement is cancelled
by the server after ``STATEMENT_TIMEOUT_MS``, so nothing hangs. Failures to
connect become one DatabaseUnavailableError whose message says what is wrong
and what to do, never a driver traceback.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from app.db import audit_triggers
from app.db.paths import default_database_path
from app.db.watchdog import GRACE_S, LostWhileCommitting, NotAnswering, watch_engine
from app.errors import DatabaseUnavailableError, LoginRefusedError
from app.i18n import _
from app.sync import capture

SQLITE_BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30_000
QUERY_CANCELED = "57014"  # SQLSTATE of a statement the server cancelled (its statement timeout)
# A server that vanishes mid-session (cable pulled, host down) is noticed within ~25 s
# instead of the operating system's two hours.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


class DatabaseMissingError(DatabaseUnavailableError):
    """The server is there and let the user in, but has no database of that name (``db upgrade`` creates it)."""


def resolve_url(db: str | Path | URL | None) -> URL:
    """``None`` means the local default; a bare path is a SQLite file; a URL object is used as it is
    (a connection profile's, which may carry a password in memory)."""
    if isinstance(db, URL):
        return db
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
    """A human label for the status bar and messages, ``user@host:port/database``; never shows a
    password (nor TLS file paths)."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{user}{url.host or 'localhost'}{port}/{url.database or ''}"


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


def make_engine(db: str | Path | URL | None, *, echo: bool = False,
                statement_timeout_ms: int | None = STATEMENT_TIMEOUT_MS,
                connect_timeout_s: int = CONNECT_TIMEOUT_S) -> Engine:
    """An engine for a SQLite file or a PostgreSQL server.

    PostgreSQL: TLS settings come from the URL's query (``sslmode``, ``sslrootcert``,
    as a connection profile builds it); connecting gives up after ``connect_timeout_s``;
    the server cancels any statement running longer than ``statement_timeout_ms``
    (None or 0: no limit; an ``options`` parameter in the URL replaces ours).
    """
    url = resolve_url(db)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, poolclass=NullPool if url.database else None)
        event.listen(engine, "connect", _sqlite_pragmas)
        audit_triggers.install_sqlite_login(engine)  # who the audit triggers record
        capture.install_capture_flag(engine)  # an offline replica's outbox triggers ask it
        return engine
    if url.get_backend_name() == "postgresql":
        connect_args: dict = {"connect_timeout": connect_timeout_s, "application_name": "trastienda", **KEEPALIVES}
        if statement_timeout_ms and "options" not in url.query:
            connect_args["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
        engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)
        watch_engine(engine, hard_limit_s=statement_timeout_ms / 1000 + GRACE_S if statement_timeout_ms else None)
        event.listen(engine, "handle_error", _explain_lost_server)
        return engine
    raise DatabaseUnavailableError(
        _("Unsupported database {backend}: use a SQLite file or a postgresql+psycopg:// URL.").format(
            backend=url.get_backend_name()
        )
    )


def _explain_lost_server(ctx) -> Exception | None:
    """A connection lost, cut by the watch or a statement cancelled by the server's timeout, in the
    middle of work: one DatabaseUnavailableError a person can act on, wherever it happened. (The pool
    still discards the broken connection. Connecting and the pool's ping are left to their callers.)"""
    if ctx.is_pre_ping or ctx.connection is None:
        return None
    orig = ctx.original_exception
    if isinstance(orig, (NotAnswering, LostWhileCommitting)):
        ctx.is_disconnect = True
    if ctx.is_disconnect or getattr(orig, "sqlstate", None) == QUERY_CANCELED:
        return explain_connect_error(ctx.engine.url, orig)
    return None


def explain_connect_error(url: URL, exc: Exception, *, mid_session: bool = False) -> DatabaseUnavailableError:
    """Turn a driver error into one line a person can act on. ``mid_session``: the app was working
    with this server a moment ago (reconnecting failed), so the address is not in question."""
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
    tls = _explain_tls_error(url, where, low, msg)
    if tls is not None:
        return tls
    if "no password supplied" in low:
        return LoginRefusedError(
            _("The server at {where} asks for a password and none was given.").format(where=where),
            password_missing=True)
    if "password authentication failed" in low or ("role" in low and "does not exist" in low):
        return LoginRefusedError(
            _("The server at {where} refused the user name or password. Check them and try again.").format(where=where)
        )
    if "database" in low and "does not exist" in low:
        return DatabaseMissingError(
            _("The database {name} does not exist on the server. Create it with `python main.py db upgrade --db URL`.").format(
                name=url.database
            )
        )
    if "permission denied" in low or "not permitted" in low:
        return DatabaseUnavailableError(
            _("The server at {where} does not let this user connect to that database: ask its admin.").format(where=where)
        )
    if "failed to resolve host" in low or "could not translate host name" in low:
        return DatabaseUnavailableError(
            _("The server name {host} is unknown: check the address (is the network up?).").format(host=url.host))
    if "connection lost while committing" in low:
        return DatabaseUnavailableError(
            _("The connection to the server at {where} was lost while saving: the change may or may not have been "
              "saved. When the server is back, look the record up before entering it again.").format(where=where))
    if "stopped answering while committing" in low:
        return DatabaseUnavailableError(
            _("The server at {where} stopped answering while saving: the change may or may not have been saved. "
              "When the server is back, look the record up before entering it again.").format(where=where))
    if "stopped answering" in low:
        return DatabaseUnavailableError(
            _("The server at {where} stopped answering; what was not finished was not saved. "
              "Try again in a moment, or ask its admin whether it is running.").format(where=where))
    if "statement timeout" in low:
        return DatabaseUnavailableError(
            _("The server at {where} did not answer in time; try again, or ask its admin whether it is busy.").format(
                where=where))
    if any(k in low for k in ("server closed the connection", "terminating connection", "consuming input failed",
                              "connection is lost", "ssl syscall error")):
        return DatabaseUnavailableError(
            _("The connection to the server at {where} was lost; what was not finished was not saved. "
              "Try again when the server is back.").format(where=where))
    if any(k in low for k in ("connection refused", "could not connect", "timeout", "timed out",
                              "connection failed", "could not translate host name", "name or service not known")):
        if mid_session:
            return DatabaseUnavailableError(
                _("The server at {where} is not answering; nothing was saved. Try again in a moment, or ask its "
                  "admin whether it is running.").format(where=where))
        return DatabaseUnavailableError(
            _("Cannot reach the database server at {where}: is it running and is the address right?").format(where=where)
        )
    return DatabaseUnavailableError(_("Cannot use the database {where}: {msg}").format(where=where, msg=msg))


def _explain_tls_error(url: URL, where: str, low: str, msg: str) -> DatabaseUnavailableError | None:
    """The TLS (sslmode) failures, each with what to change; None when the error is not about TLS."""
    ca = url.query.get("sslrootcert") or _("(none given)")
    if "server does not support ssl" in low:
        return DatabaseUnavailableError(
            _("The server at {where} does not offer encrypted (TLS) connections, but this connection requires them. "
              "Ask its admin to turn TLS on, or lower the TLS mode to prefer.").format(where=where))
    if "root certificate file" in low and ("does not exist" in low or "could not read" in low):
        return DatabaseUnavailableError(
            _("The CA certificate file {ca} cannot be read: give the file that signed the server's certificate "
              "(sslrootcert).").format(ca=ca))
    if "does not match host name" in low:
        return DatabaseUnavailableError(
            _("The server's certificate is not made out to {host}: connect with the name on the certificate, "
              "or use TLS mode verify-ca.").format(host=url.host))
    if "ssl" in low and any(k in low for k in ("certificate verify failed", "signature failure", "self-signed",
                                                "self signed", "unable to get local issuer", "unknown ca",
                                                "certificate has expired")):
        return DatabaseUnavailableError(
            _("The server's certificate could not be verified with the CA file {ca}: check that the profile has the "
              "CA certificate that signed the server's certificate, and that the certificate has not expired.").format(
                ca=ca))
    if "no encryption" in low and "pg_hba.conf" in low:
        return DatabaseUnavailableError(
            _("The server at {where} accepts only encrypted connections: set the TLS mode to require or higher.").format(
                where=where))
    if "ssl error" in low:
        return DatabaseUnavailableError(
            _("The encrypted (TLS) connection to {where} failed: {msg}").format(where=where, msg=msg))
    return None


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
