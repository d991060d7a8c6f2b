"""The admin commands as a person types them: real processes, real databases."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db.migrate import head_revision
from tests.conftest import pg_admin_url

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL,
    )


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for name in ("db", "demo", "gui", "--db"):
        assert name in out.stdout


def test_db_upgrade_then_current_on_a_new_sqlite_file(tmp_path):
    path = tmp_path / "sub" / "shop.sqlite3"
    up = run("db", "upgrade", "--db", str(path))
    assert up.returncode == 0, up.stderr
    assert path.exists()
    cur = run("--db", str(path), "db", "current")
    assert cur.returncode == 0, cur.stderr
    assert cur.stdout.strip() == head_revision()


def test_default_database_lives_in_the_user_data_dir(tmp_path):
    out = run("db", "upgrade", env_extra={"TRASTIENDA_DATA_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "trastienda.sqlite3").exists()


@pytest.mark.parametrize("order", ["before", "after"])
def test_demo_accepts_db_before_or_after_the_command(tmp_path, order):
    path = tmp_path / "demo.sqlite3"
    sizes = ["--customers", "5", "--products", "5", "--invoices", "20", "--contracts", "3", "--employees", "3"]
    args = ["--db", str(path), "demo", *sizes] if order == "before" else ["demo", *sizes, "--db", str(path)]
    out = run(*args)
    assert out.returncode == 0, out.stderr
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM invoice")).scalar() == 20
    engine.dispose()


def test_a_file_that_is_not_a_database_gets_one_clear_line(tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"These are my notes, not a database.\n" * 200)
    before = junk.read_bytes()
    for args in (["db", "upgrade", "--db", str(junk)], ["--db", str(junk), "demo"], ["db", "current", "--db", str(junk)]):
        out = run(*args)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        assert "not a Trastienda database" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    assert junk.read_bytes() == before


def test_server_down_gets_one_clear_line():
    out = run("db", "upgrade", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/trastienda")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "Cannot reach the database server" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_unknown_user_gets_one_clear_line_without_the_password():
    out = run("db", "current", "--db", "postgresql+psycopg://nobody_here:s3cret@127.0.0.1:5432/postgres")
    assert out.returncode == 1
    assert "refused the user name or password" in out.stderr
    assert "s3cret" not in out.stderr and "Traceback" not in out.stderr


def test_unsupported_url_is_explained():
    out = run("db", "upgrade", "--db", "mysql://root@127.0.0.1/x")
    assert out.returncode == 1 and "Unsupported database" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.postgres
def test_db_upgrade_and_demo_on_a_new_postgresql_database():
    name = f"trastienda_cli_{uuid.uuid4().hex[:8]}"
    url = pg_admin_url().set(database=name).render_as_string(hide_password=False)
    admin = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        up = run("db", "upgrade", "--db", url)  # creates the database itself
        assert up.returncode == 0, up.stderr
        cur = run("db", "current", "--db", url)
        assert cur.stdout.strip() == head_revision()
        demo = run("--db", url, "demo", "--customers", "5", "--products", "5", "--invoices", "30",
                   "--contracts", "3", "--employees", "3")
        assert demo.returncode == 0, demo.stderr
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM invoice")).scalar() == 30
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
