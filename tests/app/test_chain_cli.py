"""`python main.py chain verify` as an auditor types it: a real process on a real database."""

from __future__ import annotations

from sqlalchemy import text

from tests.app.test_chain import _three_posted, shop  # noqa: F401 - fixture
from tests.app.test_cli import run


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def test_chain_verify_says_ok_then_names_the_record_changed_by_hand(shop):  # noqa: F811 - fixture
    _three_posted(shop)
    ok = run("chain", "verify", "--db", _url(shop))
    assert (ok.returncode, ok.stdout.strip(), ok.stderr) == (0, "Chain OK: 3 records", "")

    with shop.engine.begin() as conn:
        conn.execute(text("UPDATE verifactu_record SET importe_total = importe_total * 2 WHERE sequence = 2"))
    broken = run("--db", _url(shop), "chain", "verify")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "Record 2 of B50000000 (invoice F2026-000002)" in broken.stdout
    assert "do not give its hash" in broken.stdout and "after 1 good records" in broken.stdout


def test_chain_verify_on_an_empty_database_is_ok(db):
    out = run("chain", "verify", "--db", _url(db))
    assert (out.returncode, out.stdout.strip()) == (0, "Chain OK: 0 records")


def test_chain_verify_on_a_missing_file_does_not_create_it(tmp_path):
    missing = tmp_path / "nowhere.sqlite3"
    out = run("chain", "verify", "--db", str(missing))
    assert out.returncode == 1 and "does not exist" in out.stderr and not missing.exists()


def test_chain_verify_does_not_migrate_an_old_database(tmp_path):
    from alembic import command

    from app.db import migrate
    from app.db.engine import make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    out = run("chain", "verify", "--db", str(path))
    assert out.returncode == 1 and "db upgrade" in out.stderr and "Traceback" not in out.stderr
    assert migrate.current_revision(engine) == "0004"
    engine.dispose()
