"""Shared fixtures: a fresh database per test on SQLite and on the real PostgreSQL.

``db`` is parametrised over both backends, so every service test runs twice.
PostgreSQL: a database named trastienda_test_<pid> is created, migrated once,
emptied before each test and dropped at the end. Point the suite at another
server with TRASTIENDA_TEST_PG_URL (a URL to the server, e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read the English texts whatever the machine's locale (and so do the commands they run);
# the language tests choose Spanish themselves.
os.environ["TRASTIENDA_LANG"] = "en"

from app.db import migrate  # noqa: E402
from app.db.engine import make_engine  # noqa: E402
from app.db.session import Database  # noqa: E402
from app.domain.base import Base  # noqa: E402
from app.services.setup import ensure_reference_data  # noqa: E402

PG_SERVER_URL = os.environ.get(
    "TRASTIENDA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data directory from a test."""
    monkeypatch.setenv("TRASTIENDA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """Never touch the real user keyring: a fresh in-memory one per test, in child processes too."""
    import keyring

    from tests.keyring_memory import MemoryKeyring

    monkeypatch.delenv("TRASTIENDA_TEST_KEYRING_FILE", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_memory.MemoryKeyring")
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    return path


def pg_admin_url():
    return make_url(PG_SERVER_URL)


@pytest.fixture(scope="session")
def pg_database_url():
    """Create trastienda_test_<pid>, migrate it, drop it when the session ends."""
    admin_url = pg_admin_url()
    name = f"trastienda_test_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - environment problem
        pytest.fail(f"PostgreSQL at {admin_url.render_as_string(hide_password=True)} is not usable: {exc}")
    url = admin_url.set(database=name)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fresh_sqlite(template: Path, tmp_path: Path) -> Database:
    path = tmp_path / "trastienda.sqlite3"
    shutil.copyfile(template, path)
    db = Database(make_engine(path), user="tester")
    ensure_reference_data(db)
    return db


def _fresh_pg(url) -> Database:
    engine = make_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} CASCADE"))
    db = Database(engine, user="tester")
    ensure_reference_data(db)
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, sqlite_template, tmp_path) -> Database:
    if request.param == "sqlite":
        database = _fresh_sqlite(sqlite_template, tmp_path)
    else:
        database = _fresh_pg(request.getfixturevalue("pg_database_url"))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_template, tmp_path) -> Database:
    database = _fresh_sqlite(sqlite_template, tmp_path)
    yield database
    database.dispose()
