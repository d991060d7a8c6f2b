"""Create or upgrade the schema with Alembic, safely.

- A SQLite file with a pending migration is first copied to a timestamped
  backup beside it (``name.sqlite3.2026-11-21T101500.bak``).
- A PostgreSQL database that does not exist is created when the server lets
  the user do so.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.db.engine import check_connection, explain_connect_error
from app.errors import DatabaseUnavailableError
from app.i18n import _

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    check_connection(engine)
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    backup = None
    if engine.dialect.name == "sqlite" and current is not None:
        db_path = Path(engine.url.database)
        if db_path.exists():
            backup = backup_sqlite(db_path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return backup


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()
