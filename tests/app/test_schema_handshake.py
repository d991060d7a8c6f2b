"""A client meeting a schema other than its own says which side to upgrade, and migrates only what it may.

A shared PostgreSQL database is upgraded by its administrator (``server upgrade``);
a client never migrates it on start. A local SQLite file is migrated on start, after
a backup. A database upgraded by a newer Trastienda is refused everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from app.db import migrate
from app.db.engine import make_engine
from app.db.migrate import SchemaMismatchError
from app.db.open import open_database
from app.errors import DatabaseUnavailableError
from tests.conftest import pg_admin_url

ROOT = Path(__file__).resolve().parents[2]
NEWER = "9999_from_the_future"


def previous_revision() -> str:
    """The revision just before this version's head: a server one release behind."""
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(migrate.head_revision()).down_revision
    assert isinstance(down, str)
    return down


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def stamp(engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def revision_of(url) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


# -- PostgreSQL: scratch databases copied from a template one release behind ----------------

@pytest.fixture(scope="module")
def pg_admin():
    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _drop(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="module")
def behind_template(pg_admin):
    """A database migrated to the revision before head (migrating is the slow part: once per module)."""
    name = f"trastienda_hs_tpl_{uuid.uuid4().hex[:8]}"
    url = pg_admin_url().set(database=name)
    engine = make_engine(url)
    migrate.upgrade(engine, previous_revision())  # creates the database, then migrates it
    engine.dispose()
    yield name
    _drop(pg_admin, name)


@pytest.fixture
def pg_scratch(pg_admin, behind_template):
    """A fresh copy of the template: (url, name); dropped afterwards."""
    name = f"trastienda_hs_{uuid.uuid4().hex[:8]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{behind_template}"'))
    yield pg_admin_url().set(database=name), name
    _drop(pg_admin, name)


@pytest.mark.postgres
def test_a_client_meeting_a_server_behind_refuses_and_does_not_migrate_it(pg_scratch):
    url, _name = pg_scratch
    older, head = previous_revision(), migrate.head_revision()
    with pytest.raises(SchemaMismatchError) as caught:
        open_database(url)  # what the app does on start
    assert str(caught.value) == (
        f"The server's database is at revision {older}; this Trastienda needs {head}. "
        "Ask your administrator to run `python main.py server upgrade`.")
    assert caught.value.newer is False and caught.value.current == older and caught.value.head == head
    assert isinstance(caught.value, DatabaseUnavailableError)  # the GUI and main.py show it as one line
    assert revision_of(url) == older  # the client did not touch the server's schema


@pytest.mark.postgres
def test_the_app_start_on_a_server_behind_prints_one_line_and_leaves_it_alone(pg_scratch, tmp_path):
    url, _name = pg_scratch
    picture = tmp_path / "never.png"
    out = run("--db", url.render_as_string(hide_password=False), "screenshot", "--tab", "parties",
              "-o", str(picture))
    assert out.returncode == 1
    assert "server upgrade" in out.stderr and previous_revision() in out.stderr
    assert "Traceback" not in out.stderr and not picture.exists()  # refused before any window
    assert revision_of(url) == previous_revision()


@pytest.mark.postgres
def test_once_the_administrator_upgrades_the_server_the_client_opens_it(pg_scratch):
    url, _name = pg_scratch
    open_database(url, upgrade=True).dispose()  # `db upgrade` / `server upgrade`
    assert revision_of(url) == migrate.head_revision()
    database = open_database(url)
    try:
        from app.services.parties import PartyData, count_parties, create_party

        create_party(database, PartyData(legal_name="Cliente tras la actualización"))
        assert count_parties(database) == 1
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_server_upgraded_by_a_newer_trastienda_is_refused_and_the_client_is_told_to_update(pg_scratch):
    url, _name = pg_scratch
    open_database(url, upgrade=True).dispose()
    engine = make_engine(url)
    stamp(engine, NEWER)
    engine.dispose()
    message = f"The server was upgraded by a newer Trastienda (revision {NEWER}). Install the new version."
    for upgrade in (None, False, True):  # even an admin's `db upgrade` cannot go back in time
        with pytest.raises(SchemaMismatchError) as caught:
            open_database(url, upgrade=upgrade)
        assert str(caught.value) == message and caught.value.newer is True
    out = run("db", "upgrade", "--db", url.render_as_string(hide_password=False))
    assert out.returncode == 1 and message in out.stderr and "Traceback" not in out.stderr
    assert revision_of(url) == NEWER


@pytest.mark.postgres
def test_a_server_database_without_the_schema_is_not_set_up_by_a_client(pg_admin):
    name = f"trastienda_hs_empty_{uuid.uuid4().hex[:8]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_admin_url().set(database=name)
    try:
        with pytest.raises(SchemaMismatchError) as caught:
            open_database(url)
        assert "server init" in str(caught.value) and migrate.head_revision() in str(caught.value)
        engine = make_engine(url)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []  # nothing created
        engine.dispose()
    finally:
        _drop(pg_admin, name)


@pytest.mark.postgres
def test_a_missing_server_database_is_not_created_by_a_client(pg_admin):
    name = f"trastienda_hs_missing_{uuid.uuid4().hex[:8]}"
    url = pg_admin_url().set(database=name)
    try:
        with pytest.raises(DatabaseUnavailableError, match="does not exist"):
            open_database(url)
        with pg_admin.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}).scalar() == 0
    finally:
        _drop(pg_admin, name)


# -- SQLite: a local file -----------------------------------------------------------------------

def test_a_local_file_behind_is_migrated_on_start_after_a_backup(tmp_path):
    path = tmp_path / "shop.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine, previous_revision())
    engine.dispose()
    open_database(path).dispose()
    assert revision_of(path) == migrate.head_revision()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")]


def test_a_local_file_from_a_newer_trastienda_is_refused_untouched(sqlite_template, tmp_path):
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(path)
    stamp(engine, NEWER)
    engine.dispose()
    for upgrade in (None, False, True):
        with pytest.raises(SchemaMismatchError) as caught:
            open_database(path, upgrade=upgrade)
        assert str(caught.value) == (f"This database was upgraded by a newer Trastienda (revision {NEWER}). "
                                     "Install the new version.")
    assert revision_of(path) == NEWER
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".bak")]  # not even a backup: nothing to do
    out = run("chain", "verify", "--db", str(path))
    assert out.returncode == 1 and "newer Trastienda" in out.stderr and "Traceback" not in out.stderr


def test_the_refusal_says_which_side_to_upgrade():
    head, older = migrate.head_revision(), previous_revision()
    assert migrate.schema_mismatch(head, shared=True) is None
    assert migrate.schema_mismatch(head, shared=False) is None
    behind = migrate.schema_mismatch(older, shared=True)
    assert behind is not None and not behind.newer and "server upgrade" in str(behind)
    local = migrate.schema_mismatch(older, shared=False)
    assert local is not None and "db upgrade" in str(local)
    ahead = migrate.schema_mismatch(NEWER, shared=True)
    assert ahead is not None and ahead.newer and "Install the new version" in str(ahead)
    assert migrate.head_revision() in migrate.known_revisions() and older in migrate.known_revisions()
    import pickle

    again = pickle.loads(pickle.dumps(ahead))  # crosses worker processes intact
    assert (str(again), again.current, again.head, again.newer) == (str(ahead), NEWER, head, True)


@pytest.mark.postgres
def test_a_server_upgraded_while_the_client_runs_is_named_at_the_next_action(pg_scratch):
    """The handshake passed at login; then the admin ran a newer ``server upgrade``. The next action
    fails on the moved schema, and the message says to install the new version, not "column missing"."""
    from app.services import parties

    url, _name = pg_scratch
    migrate.upgrade(make_engine(url))
    db = open_database(url)
    try:
        parties.create_party(db, parties.PartyData(legal_name="Antes SL"))
        admin = make_engine(url)
        with admin.begin() as conn:  # what a newer release's migration might do
            conn.execute(text("ALTER TABLE party RENAME COLUMN legal_name TO registered_name"))
        stamp(admin, NEWER)
        admin.dispose()
        with pytest.raises(SchemaMismatchError) as caught:
            parties.create_party(db, parties.PartyData(legal_name="Después SL"))
        assert str(caught.value) == (f"The server was upgraded by a newer Trastienda (revision {NEWER}). "
                                     "Install the new version.")
    finally:
        db.dispose()
