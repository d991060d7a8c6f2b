"""One session per user action, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.base import Record
from app.errors import ConflictError, DatabaseUnavailableError, PermissionDeniedError
from app.i18n import _

INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE: a GRANT, a row-level policy or a server rule said no
UNDEFINED_OBJECT = "42704"  # "invalid role OID": the login was dropped while connected
SCHEMA_MOVED = {"42P01", "42703", "42883"}  # undefined table, column, function


class Database:
    """An engine plus a session factory; the handle services are given."""

    def __init__(self, engine: Engine, user: str | None = None, roles: frozenset[str] | None = None):
        """``roles``: what the person acting may do (``app.services.access``).

        None means the owner of the database, who holds every role: the one
        person using a local file, or a test. A shared server's login passes
        the roles the server gives it.
        """
        from app.domain.roles import ALL_ROLES

        self.engine = engine
        self.user = user
        self.roles: frozenset[str] = ALL_ROLES if roles is None else frozenset(roles)
        # A shared profile's replica, used while the server cannot be reached (``app.sync``).
        self.offline = False
        # The replica's workstation number (given by the server): what offline work numbers with.
        self.workstation: int | None = None
        self._factory = sessionmaker(engine, expire_on_commit=False, autoflush=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: commits if the block ends normally, rolls back otherwise."""
        session = self._factory()
        session.info["user"] = self.user
        session.info["roles"] = self.roles
        session.info["offline"] = self.offline
        session.info["workstation"] = self.workstation
        try:
            yield session
            session.commit()
        except StaleDataError:
            session.rollback()
            raise ConflictError(
                _("Someone else changed this record since you opened it. Reload it and try again.")
            ) from None
        except DBAPIError as exc:
            session.rollback()
            refusal = self._refusal(exc) or self._unreachable(exc) or self._schema_moved(exc)
            if refusal is None:
                raise
            raise refusal from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _refusal(self, exc: DBAPIError) -> PermissionDeniedError | None:
        """The server's "insufficient privilege" as a PermissionDeniedError a person can read.

        The server is the gate (``app.db.server_admin``): whatever the app let
        through, a refused statement ends the transaction, rolled back whole.
        A rule that names its column (``RAISE ... USING COLUMN``) gives the field.
        """
        orig = exc.orig
        state = getattr(orig, "sqlstate", None)
        lines = str(orig).strip().splitlines()
        detail = lines[0] if lines else ""
        user = self.user or _("this login")
        if state == UNDEFINED_OBJECT and "role" in detail:
            return PermissionDeniedError(_("The server no longer knows the login {user}: it was removed. "
                                           "Ask your administrator.").format(user=user))
        if state != INSUFFICIENT_PRIVILEGE:
            return None
        diag = getattr(orig, "diag", None)
        field = getattr(diag, "column_name", None) or None
        return PermissionDeniedError(
            _("The server does not let {user} do this: {detail}").format(user=user, detail=detail), field)

    def _unreachable(self, exc: DBAPIError) -> DatabaseUnavailableError | None:
        """A shared server that could not be reached again (the pool reconnecting after a lost
        connection): the same sentence as at login. Errors the server itself raised carry a
        SQLSTATE and are left alone; so are SQLite's."""
        if self.dialect != "postgresql" or not isinstance(exc, OperationalError):
            return None
        if getattr(exc.orig, "sqlstate", None):
            return None
        from app.db.engine import explain_connect_error

        return explain_connect_error(self.engine.url, exc, mid_session=True)

    def _schema_moved(self, exc: DBAPIError) -> DatabaseUnavailableError | None:
        """A table, column or function missing on a shared server that matched at login: the server
        was upgraded (or rolled back) while this client ran. Say which side to upgrade, as at login."""
        if self.dialect != "postgresql" or getattr(exc.orig, "sqlstate", None) not in SCHEMA_MOVED:
            return None
        from app.db.migrate import SchemaMismatchError, check_schema

        try:
            check_schema(self.engine)
        except SchemaMismatchError as mismatch:
            return mismatch
        return None

    def dispose(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _stamp_updated_by(session: Session, _flush_context, _instances) -> None:
    user = session.info.get("user")
    if not user:
        return
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Record):
            obj.updated_by = user
