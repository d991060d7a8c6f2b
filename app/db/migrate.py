"""Create or upgrade the schema with Alembic, safely.

- A SQLite file with a pending migration is first copied to a timestamped
  backup beside it (``name.sqlite3.2026-11-21T101500.bak``).
- A PostgreSQL database that does not exist is created when the server lets
  the user do so.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.db.engine import check_connection, explain_connect_error
from app.errors import DatabaseUnavailableError
from app.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w-]+|None)['\"]?", re.MULTILINE)


def alembic_config() -> Config:
    # Alembic is imported only when a migration runs: it costs ~0.1 s of every start-up.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _revision_graph() -> tuple[set[str], set[str]]:
    """(every revision, every revision some other one follows), read from migrations/versions."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    return revisions, parents


def head_revision() -> str:
    """The newest revision in migrations/versions, read from the files without Alembic.

    A test checks it against Alembic's own answer.
    """
    revisions, parents = _revision_graph()
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations/versions must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    """Every revision this version of Trastienda ships; one outside it was made by a newer version."""
    return _revision_graph()[0]


def current_revision(engine: Engine) -> str | None:
    check_connection(engine)
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_postgres_database(engine: Engine) -> bool:
    """Create the target database if missing; True when it was created."""
    url = engine.url
    try:
        with engine.connect():
            return False
    except OperationalError as exc:
        if "does not exist" not in str(exc):
            raise explain_connect_error(url, exc) from None
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            name = url.database.replace('"', '""')
            conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    except ProgrammingError as exc:
        raise DatabaseUnavailableError(
            _("The database {name} does not exist and you may not create it: ask the server's admin. ({msg})").format(
                name=url.database, msg=str(exc.orig).strip()
            )
        ) from None
    except OperationalError as exc:
        raise explain_connect_error(url, exc) from None
    finally:
        admin.dispose()
    return True


def backup_sqlite(path: Path) -> Path:
    """Consistent copy of a live SQLite file (WAL included) beside it."""
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> Path | None:
    """Bring the schema to ``revision``. Returns the backup made, if any."""
    if engine.dialect.name == "postgresql":
        ensure_postgres_database(engine)
    elif engine.url.database and engine.url.database != ":memory:":
        Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    check_connection(engine)
    current = current_revision(engine)
    if current == head_revision() and revision == "head":
        return None
    if current is not None and current not in known_revisions():
        # Alembic would only say "Can't locate revision": say who must upgrade what.
        raise schema_mismatch(current, shared=engine.dialect.name != "sqlite")
    backup = None
    if engine.dialect.name == "sqlite" and current is not None:
        db_path = Path(engine.url.database)
        if db_path.exists():
            backup = backup_sqlite(db_path)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return backup


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


# -- the schema handshake ----------------------------------------------------------------

class SchemaMismatchError(DatabaseUnavailableError):
    """The database's schema is not the one this version of Trastienda was built for.

    ``newer``: the database was upgraded by a newer Trastienda (its revision is
    unknown here), so this copy of the app is the one to upgrade; otherwise the
    database is behind (or empty) and is the one to upgrade.
    """

    def __init__(self, message: str, *, current: str | None, head: str, newer: bool):
        self.current, self.head, self.newer = current, head, newer
        super().__init__(message)

    def __reduce__(self):
        return _rebuild_mismatch, (str(self), self.current, self.head, self.newer)


def _rebuild_mismatch(message: str, current: str | None, head: str, newer: bool) -> SchemaMismatchError:
    return SchemaMismatchError(message, current=current, head=head, newer=newer)


def schema_mismatch(current: str | None, *, shared: bool) -> SchemaMismatchError | None:
    """The refusal for a database at revision ``current``, or None when it is this version's own.

    ``shared``: a server's database (upgraded by its administrator with
    ``server upgrade``), not a local file (upgraded by ``db upgrade``, or by
    the app itself on start).
    """
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        if shared:
            message = _("The server was upgraded by a newer Trastienda (revision {current}). "
                        "Install the new version.")
        else:
            message = _("This database was upgraded by a newer Trastienda (revision {current}). "
                        "Install the new version.")
        return SchemaMismatchError(message.format(current=current), current=current, head=head, newer=True)
    if shared:
        if current is None:
            message = _("The server's database has no Trastienda schema yet; this Trastienda needs revision {head}. "
                        "Ask your administrator to run `python main.py server init`.")
        else:
            message = _("The server's database is at revision {current}; this Trastienda needs {head}. "
                        "Ask your administrator to run `python main.py server upgrade`.")
    else:
        message = _("The database schema is at {current}, this version of Trastienda needs {head}. "
                    "Run `python main.py db upgrade`.")
    return SchemaMismatchError(message.format(current=current or _("empty"), head=head),
                               current=current, head=head, newer=False)


def check_schema(engine: Engine) -> None:
    """Refuse (SchemaMismatchError) a database whose schema is not this version's own.

    Run when a database is opened without migrating it: a client meets a
    server schema other than its own and says which side to upgrade, instead
    of failing later on a missing column.
    """
    problem = schema_mismatch(current_revision(engine), shared=engine.dialect.name != "sqlite")
    if problem is not None:
        raise problem
