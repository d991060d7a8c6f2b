"""One session per user action, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.base import Record
from app.errors import ConflictError
from app.i18n import _


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
        try:
            yield session
            session.commit()
        except StaleDataError:
            session.rollback()
            raise ConflictError(
                _("Someone else changed this record since you opened it. Reload it and try again.")
            ) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

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
