"""One Alembic history for SQLite and PostgreSQL, matching the models."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import migrate
from app.db.engine import make_engine
from app.db.open import open_database
from app.domain.base import Base
from app.domain.search import include_object


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include_object})
        return compare_metadata(ctx, Base.metadata)


def test_migrated_schema_matches_the_models(db):
    # `db` was built from the migrations alone (empty -> head) on each backend.
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _diff(db.engine) == []


def test_downgrade_to_empty_and_back(tmp_path):
    engine = make_engine(tmp_path / "x.sqlite3")
    migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    from alembic import command

    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


NEXT_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("motto", sa.String(80)))


def downgrade():
    with op.batch_alter_table("company") as batch:
        batch.drop_column("motto")
'''


def test_pending_migration_backs_up_the_sqlite_file_first(tmp_path, monkeypatch):
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    from app.services.parties import PartyData, create_party

    create_party(db, PartyData(legal_name="Cliente de antes"))
    db.dispose()
    shipped_head = migrate.head_revision()
    # A newer version of the app ships one more migration.
    newer = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_motto.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer)

    engine = make_engine(path)
    backup = migrate.upgrade(engine)
    engine.dispose()
    assert backup is not None and backup.parent == path.parent and backup.name.startswith("shop.sqlite3.")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == shipped_head
        assert old.execute("SELECT legal_name FROM party").fetchall() == [("Cliente de antes",)]
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"
        assert "motto" in [r[1] for r in new.execute("PRAGMA table_info(company)")]
        assert new.execute("SELECT legal_name FROM party").fetchall() == [("Cliente de antes",)]


def test_up_to_date_database_is_not_backed_up_again(tmp_path):
    path = tmp_path / "shop.sqlite3"
    open_database(path).dispose()
    engine = make_engine(path)
    assert migrate.upgrade(engine) is None
    engine.dispose()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")] == []


def test_sqlite_connection_settings(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10000}


def test_money_is_exact_on_both_backends(db):
    from decimal import Decimal

    from app.domain.parties import Party
    from app.domain.taxes import TaxRate
    from app.services.setup import tax_rate_id

    with db.session() as s:
        rate = s.get(TaxRate, tax_rate_id("RE5.2"))
        assert rate.percent == Decimal("5.2000")
        s.add(Party(code="Z1", legal_name="Exacto", irpf_percent=Decimal("0.1")))
    with db.session() as s:
        from sqlalchemy import select
        assert s.scalars(select(Party.irpf_percent).where(Party.code == "Z1")).one() == Decimal("0.1000")
    with pytest.raises(Exception):
        with db.session() as s:
            s.add(Party(code="Z2", legal_name="Too precise", irpf_percent=Decimal("0.00001")))


def test_the_head_read_from_the_files_is_alembics_head():
    # Start-up reads the head without importing Alembic; it must agree with Alembic.
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_an_up_to_date_start_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "shop.sqlite3"
    open_database(db).dispose()
    code = ("import sys; from app.db.open import open_database; open_database(sys.argv[1]).dispose(); "
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True,
                         cwd=migrate.MIGRATIONS_DIR.parent)
    assert out.stdout.strip() == "False"
