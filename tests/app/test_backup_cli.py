"""``main.py backup`` and ``main.py restore`` as an admin types them: real processes, stdin closed."""

from __future__ import annotations

import sqlite3

from app.db.migrate import head_revision
from tests.app.test_cli import run


def parties(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT legal_name FROM party ORDER BY legal_name")]
    finally:
        conn.close()


def add_party(path, name: str) -> None:
    from app.db.engine import make_engine
    from app.db.session import Database
    from app.services.parties import PartyData, create_party

    db = Database(make_engine(path))
    try:
        create_party(db, PartyData(legal_name=name))
    finally:
        db.dispose()


def test_backup_then_restore_of_the_default_local_database(tmp_path):
    env = {"TRASTIENDA_DATA_DIR": str(tmp_path / "data")}
    assert run("db", "upgrade", env_extra=env).returncode == 0
    live = tmp_path / "data" / "trastienda.sqlite3"
    add_party(live, "Bar Paco")
    saved = tmp_path / "saved.sqlite3"

    out = run("backup", "-o", str(saved), env_extra=env)
    assert out.returncode == 0, out.stderr
    assert str(saved) in out.stdout and head_revision() in out.stdout
    add_party(live, "Zapatería Luz")

    refused = run("restore", str(saved), env_extra=env)  # stdin is not a terminal: no waiting for an answer
    assert refused.returncode == 1
    assert "--yes" in refused.stderr and refused.stderr.count("\n") == 1
    assert parties(live) == ["Bar Paco", "Zapatería Luz"]

    done = run("restore", str(saved), "--yes", env_extra=env)
    assert done.returncode == 0, done.stderr
    assert parties(live) == ["Bar Paco"]
    kept = [p for p in live.parent.iterdir() if p.name.endswith(".before-restore")]
    assert len(kept) == 1 and str(kept[0]) in done.stdout
    assert parties(kept[0]) == ["Bar Paco", "Zapatería Luz"]


def test_restore_refuses_a_file_that_is_not_a_backup_in_one_line(tmp_path):
    live = tmp_path / "shop.sqlite3"
    assert run("db", "upgrade", "--db", str(live)).returncode == 0
    before = live.read_bytes()
    bogus = tmp_path / "facturas.sqlite3"
    bogus.write_text("not a database at all\n", encoding="utf-8")
    out = run("restore", str(bogus), "--yes", "--db", str(live))
    assert out.returncode == 1
    assert out.stderr.startswith("trastienda: error: ") and out.stderr.count("\n") == 1
    assert str(bogus) in out.stderr and "not a SQLite database" in out.stderr
    assert live.read_bytes() == before


def test_a_shared_server_is_sent_to_pg_dump(tmp_path):
    out = run("backup", "-o", str(tmp_path / "x.sqlite3"), "--db", "postgresql+psycopg://clerk@127.0.0.1:1/shop")
    assert out.returncode == 1
    assert "pg_dump" in out.stderr and out.stderr.count("\n") == 1
    assert not (tmp_path / "x.sqlite3").exists()


def test_backup_of_a_database_that_does_not_exist_says_so(tmp_path):
    out = run("backup", "-o", str(tmp_path / "x.sqlite3"), "--db", str(tmp_path / "missing.sqlite3"))
    assert out.returncode == 1
    assert "missing.sqlite3" in out.stderr and "no database to back up" in out.stderr
