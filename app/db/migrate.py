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


def head_revision() -> str:
    """The newest revision in migrations/versions, read from the files without Alembic.

    A test checks it against Alembic's own answer.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations/versions must have exactly one head, found {sorted(heads)}")
    return heads.pop()


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
