"""The audit trail: written by the database itself for every change, whoever makes it, and read by admins.

Scenarios run on SQLite and on the real PostgreSQL (the ``db`` fixture).
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, exc, func, inspect, select, text

from app.db import audit_triggers, migrate
from app.db.engine import make_engine
from app.db.identity import local_user
from app.db.session import Database
from app.domain.audit import AuditLog
from app.domain.employees import Holiday
from app.domain.enums import DocumentKind, LeaveKind
from app.domain.types import utcnow
from app.errors import PermissionDeniedError, ValidationError
from app.services import employee_documents, employees, history, invoices, leave, parties, products
from app.services.employees import EmployeeData
from app.services.history import MASK, record_history
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.leave import LeaveRequestData
from app.services.parties import AddressData, PartyData
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.conftest import pg_admin_url

D = Decimal


def _login(db: Database, app_user: str | None) -> str:
    """Who the trail names: the server login on PostgreSQL, the app's user of a local file."""
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT session_user")).scalar_one()
    return app_user or local_user()


def _rows(db: Database, table: str, row_id) -> list[AuditLog]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.table_name == table, AuditLog.row_id == str(row_id))
                              .order_by(AuditLog.id)))


def _everything_written(db: Database) -> str:
    with db.engine.connect() as conn:
        return "\n".join(conn.execute(text("SELECT CAST(changes AS TEXT) FROM audit_log")).scalars())


def _ana(**kw) -> EmployeeData:
    values = dict(first_name="Ana", last_name="García Pérez", tax_id="12345678Z", hire_date=dt.date(2015, 3, 1),
                  social_security_number="281234567840", iban="ES9121000418450200051332", city="Madrid",
                  salary=D("28000.00"), payments_per_year=14)
    values.update(kw)
    return EmployeeData(**values)


# -- what is recorded ------------------------------------------------------------------------------
def test_a_clerks_changes_through_the_app_are_in_the_record_history(db):
    before = utcnow()
    party = parties.create_party(db, PartyData(legal_name="Ferretería López SL", tax_id="B12345674", city="Zaragoza"))
    changed = parties.update_party(db, party.id, PartyData(legal_name="Ferretería López SL", tax_id="B12345674",
                                                           city="Huesca", email="hola@lopez.es"), party.version)
    parties.archive_party(db, party.id)
    parties.restore_party(db, party.id)
    after = utcnow()

    entries = record_history(db, "party", party.id)
    assert [e.action for e in entries] == ["restore", "archive", "update", "insert"]  # newest first
    restore, archive, update, insert = entries
    assert update.changes == {"city": ("Zaragoza", "Huesca"), "email": (None, "hola@lopez.es")}
    assert insert.changes["legal_name"] == (None, "Ferretería López SL")
    assert insert.changes["is_customer"] == (None, True) and "id" not in insert.changes
    assert "version" not in update.changes and "updated_at" not in update.changes  # the entry says who and when
    assert archive.changes["archived_at"][0] is None and isinstance(archive.changes["archived_at"][1], dt.datetime)
    assert restore.changes["archived_at"][1] is None
    assert {e.login for e in entries} == {_login(db, "tester")}
    assert all(e.table == "party" and e.row_id == party.id for e in entries)
    assert all(before - dt.timedelta(seconds=5) <= e.at <= after + dt.timedelta(seconds=5) for e in entries)
    assert all(e.at.tzinfo is not None for e in entries)
    assert changed.version == 2


def test_a_change_made_with_raw_sql_is_recorded_too(db):
    party = parties.create_party(db, PartyData(legal_name="Droguería Martín SL"))
    with db.engine.begin() as conn:  # psql, a script, another program: no app in between
        conn.execute(text("UPDATE party SET city = 'Teruel', notes = 'O''Brien; DROP TABLE party; --' WHERE id = :id"),
                     {"id": party.id.hex if db.dialect == "sqlite" else party.id})
    latest = record_history(db, "party", party.id)[0]
    assert latest.action == "update"
    assert latest.changes == {"city": (None, "Teruel"), "notes": (None, "O'Brien; DROP TABLE party; --")}
    assert latest.login == _login(db, None)  # no app session: the computer's login, or the server's


def test_an_update_that_changes_nothing_but_the_bookkeeping_writes_no_entry(db):
    party = parties.create_party(db, PartyData(legal_name="Bazar Sol"))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE party SET version = version + 1, updated_by = 'x'"))
    assert [r.action for r in _rows(db, "party", party.id)] == ["insert"]


def test_values_come_back_typed_alike_on_both_databases(db):
    made = products.create_product(db, ProductData(sku="TOR-8", name="Tornillo 8 mm", sale_price=D("0.1500"),
                                                   cost=D("0.0700"), tax_rate_id=tax_rate_id("IVA21")))
    products.update_product(db, made.id, ProductData(sku="TOR-8", name="Tornillo 8 mm", sale_price=D("0.1800"),
                                                     cost=D("0.0700"), tax_rate_id=tax_rate_id("IVA10")), made.version)
    update = record_history(db, "product", made.id)[0]
    assert update.changes == {"sale_price": (D("0.1500"), D("0.1800")),
                              "tax_rate_id": (tax_rate_id("IVA21"), tax_rate_id("IVA10"))}
    old, new = update.changes["sale_price"]
    assert isinstance(old, Decimal) and str(new) == "0.1800"


def test_restricted_values_never_reach_the_trail(db):
    ana = employees.create_employee(db, _ana())
    employees.update_employee(db, ana.id, _ana(salary=D("31000.00"), iban="ES7921000813610123456789",
                                               city="Toledo"), ana.version)
    leave.create_leave_request(db, LeaveRequestData(employee_id=ana.id, kind=LeaveKind.SICK,
                                                    start_date=dt.date(2026, 3, 2), end_date=dt.date(2026, 3, 3),
                                                    reason="Gripe con fiebre alta"), confirm=True)
    entries = record_history(db, "employee", ana.id)
    update = next(e for e in entries if e.table == "employee" and e.action == "update")
    assert update.changes["salary"] == (MASK, MASK)
    assert update.changes["iban"] == (MASK, MASK)
    assert update.changes["city"] == (MASK, MASK)  # personal data too: anonymising must leave no copy here
    assert "social_security_number" not in update.changes  # unchanged
    insert = next(e for e in entries if e.table == "employee" and e.action == "insert")
    for name in ("salary", "payments_per_year", "iban", "social_security_number"):
        assert insert.changes[name] == (None, MASK), name
    sick = next(e for e in entries if e.table == "leave_request")  # a child row shows on the employee's form
    assert sick.changes["reason"] == (None, MASK)
    written = _everything_written(db)
    for secret in ("28000", "31000", "2800000", "ES9121000418450200051332", "ES7921000813610123456789",
                   "281234567840", "Gripe", "García", "12345678Z", "Madrid", "Toledo"):
        assert secret not in written, secret


def test_file_contents_are_left_out_and_deletes_keep_the_old_values(db):
    ana = employees.create_employee(db, _ana())
    doc = employee_documents.add_document(db, ana.id, DocumentKind.CERTIFICATE, "Título", "titulo.pdf",
                                          b"%PDF-1.4 secreto")
    added = next(e for e in record_history(db, "employee", ana.id) if e.table == "employee_document")
    assert added.action == "insert" and added.row_id == doc.id
    assert "data" not in added.changes and added.changes["title"] == (None, MASK)
    assert "secreto" not in _everything_written(db)
    party = parties.create_party(db, PartyData(legal_name="Bazar Sol", addresses=[AddressData(street="Calle A 1")]))
    parties.update_party(db, party.id, PartyData(legal_name="Bazar Sol"), party.version)  # drops the address
    gone = next(e for e in record_history(db, "party", party.id) if e.table == "party_address" and e.action == "delete")
    assert gone.changes["street"] == ("Calle A 1", None)


def test_an_invoice_history_shows_its_lines(db):
    shop = parties.create_party(db, PartyData(legal_name="Ferretería López SL", tax_id="B12345674"))
    line = InvoiceLineData(description="Caja", quantity=D("1"), unit_price=D("100"), tax_rate_id=tax_rate_id("IVA21"))
    draft = invoices.create_draft(db, InvoiceData(issue_date=dt.date(2026, 3, 2), party_id=shop.id, lines=[line]))
    line.quantity = D("3")
    invoices.update_draft(db, draft.id, InvoiceData(issue_date=dt.date(2026, 3, 2), party_id=shop.id, lines=[line]),
                          draft.version)
    entries = record_history(db, "invoice", draft.id)
    lines = [e for e in entries if e.table == "invoice_line"]
    assert {e.action for e in lines} == {"insert", "delete"}  # saving a draft replaces its lines
    assert any(e.changes.get("quantity") == (None, D("3")) for e in lines if e.action == "insert")
    header = [e for e in entries if e.table == "invoice"]
    assert [e.action for e in header] == ["update", "insert"]
    assert header[0].changes["total"] == (D("121.00"), D("363.00"))
    assert record_history(db, "invoice", draft.id, children=False) == header


# -- who may read it, and bad input ----------------------------------------------------------------
def test_only_an_admin_reads_the_history(db):
    party = parties.create_party(db, PartyData(legal_name="Bazar Sol"))
    for roles in (frozenset(), frozenset({"hr"})):
        with pytest.raises(PermissionDeniedError):
            record_history(Database(db.engine, user="clerk", roles=roles), "party", party.id)
    assert record_history(Database(db.engine, user="jefa", roles=frozenset({"admin"})), "party", party.id)


@pytest.mark.parametrize("table, row_id, field", [
    ("nope", uuid.uuid4(), "table"), ("audit_log", uuid.uuid4(), "table"), ("stock_level", uuid.uuid4(), "table"),
    ("party'; DROP TABLE party; --", uuid.uuid4(), "table"), ("party", "not-an-id", "row_id"),
    ("party", "x" * 10_000, "row_id"), ("party", "\x00", "row_id"),
])
def test_an_unknown_table_or_a_malformed_id_names_the_field(db, table, row_id, field):
    with pytest.raises(ValidationError) as caught:
        record_history(db, table, row_id)
    assert caught.value.field == field and len(str(caught.value)) < 200
    assert history.has_history(table) == (field == "row_id")


def test_a_row_without_changes_has_an_empty_history(db):
    assert record_history(db, "party", uuid.uuid4()) == []


# -- nobody rewrites it ----------------------------------------------------------------------------
def test_the_trail_cannot_be_changed_or_deleted_from_the_app(db):
    parties.create_party(db, PartyData(legal_name="Bazar Sol"))
    if db.dialect == "postgresql":
        pytest.skip("the test login owns the database; the non-owner case is the next test")
    for statement in ("UPDATE audit_log SET login = 'nadie'", "DELETE FROM audit_log"):
        with pytest.raises(exc.IntegrityError, match="cannot be changed or deleted"):
            with db.engine.begin() as conn:
                conn.execute(text(statement))
    with db.engine.connect() as conn:
        assert "nadie" not in conn.execute(text("SELECT login FROM audit_log")).scalars().all()


@pytest.fixture
def pg_role(db):
    """A NOLOGIN role on this machine's server, dropped afterwards; privileges are its own after SET ROLE."""
    if db.dialect != "postgresql":
        pytest.skip("server roles are PostgreSQL's")
    name = f"audit_probe_{uuid.uuid4().hex[:10]}"
    with db.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))
    yield name
    with db.engine.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{name}"'))
        conn.execute(text(f'DROP ROLE "{name}"'))


def _sqlstate(error: exc.DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def test_a_server_role_is_recorded_and_cannot_rewrite_the_trail_even_when_granted(db, pg_role):
    party = parties.create_party(db, PartyData(legal_name="Bazar Sol"))
    with db.engine.begin() as conn:
        conn.execute(text(f'GRANT SELECT, UPDATE ON party TO "{pg_role}"'))
    with db.engine.begin() as conn:
        conn.execute(text(f'SET LOCAL ROLE "{pg_role}"'))
        conn.execute(text("UPDATE party SET city = 'Soria' WHERE id = :id"), {"id": party.id})
        with pytest.raises(exc.ProgrammingError) as denied:  # it has no privilege on the trail at all
            with conn.begin_nested():
                conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
        assert _sqlstate(denied.value) == "42501"
    latest = record_history(db, "party", party.id)[0]
    assert latest.changes == {"city": (None, "Soria")}
    assert latest.login == f"{_login(db, None)} as {pg_role}"
    # Even a careless GRANT does not let a non-owner rewrite the trail.
    with db.engine.begin() as conn:
        conn.execute(text(f'GRANT SELECT, UPDATE, DELETE, TRUNCATE ON audit_log TO "{pg_role}"'))
    for statement in ("UPDATE audit_log SET login = 'nadie'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(exc.DBAPIError) as refused:
            with db.engine.begin() as conn:
                conn.execute(text(f'SET LOCAL ROLE "{pg_role}"'))
                conn.execute(text(statement))
        assert _sqlstate(refused.value) == "42501", statement
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE login = 'nadie'")).scalar() == 0
        assert conn.execute(select(func.count()).select_from(AuditLog)).scalar() > 0



def test_a_temporary_table_cannot_catch_a_logins_own_audit_rows(db, pg_role):
    party = parties.create_party(db, PartyData(legal_name="Bazar Sol"))
    with db.engine.begin() as conn:
        conn.execute(text(f'GRANT SELECT, UPDATE ON party TO "{pg_role}"'))
    with db.engine.begin() as conn:
        conn.execute(text(f'SET LOCAL ROLE "{pg_role}"'))
        conn.execute(text("CREATE TEMPORARY TABLE audit_log (LIKE pg_catalog.pg_class) ON COMMIT DROP"))  # a decoy
        conn.execute(text("UPDATE party SET city = 'Ávila' WHERE id = :id"), {"id": party.id})
    assert record_history(db, "party", party.id)[0].changes == {"city": (None, "Ávila")}

# -- the schema ------------------------------------------------------------------------------------
def test_every_business_table_has_current_triggers(db):
    with db.engine.connect() as conn:
        assert audit_triggers.problems(conn) == []
        audited = set(audit_triggers.audited_tables(conn))
    assert {"party", "invoice", "invoice_line", "employee", "contract", "product", "stock_move"} <= audited
    assert not audited & {"audit_log", "stock_level", "alembic_version"}


NEXT_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("warehouse", recreate="always") as batch:
        batch.add_column(sa.Column("phone", sa.String(30)))
    op.add_column("holiday", sa.Column("region", sa.String(30)))


def downgrade():
    op.drop_column("holiday", "region")
    with op.batch_alter_table("warehouse") as batch:
        batch.drop_column("phone")
'''


def test_a_later_migration_that_rebuilds_or_alters_a_table_keeps_it_audited(tmp_path, monkeypatch):
    newer = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_phone.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer)
    engine = make_engine(tmp_path / "shop.sqlite3")
    migrate.upgrade(engine)
    with engine.begin() as conn:
        assert audit_triggers.problems(conn) == []
        conn.execute(text("INSERT INTO holiday (id, date, name, region, version, created_at, updated_at) VALUES "
                          "('00000000000000000000000000000001', '2026-05-02', 'Fiesta', 'Madrid', 1, '2026-01-01', "
                          "'2026-01-01')"))
        conn.execute(text("INSERT INTO warehouse (id, code, name, phone, is_default, version, created_at, updated_at) "
                          "VALUES ('00000000000000000000000000000002', 'W2', 'Nave', '976000000', 0, 1, '2026-01-01', "
                          "'2026-01-01')"))
        changes = dict(conn.execute(text("SELECT table_name, changes FROM audit_log")).all())
    assert '"region":"Madrid"' in changes["holiday"] and '"phone":"976000000"' in changes["warehouse"]
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_engine(request, tmp_path):
    """An engine on a database with no schema yet."""
    if request.param == "sqlite":
        engine = make_engine(tmp_path / "down.sqlite3")
        yield engine
        engine.dispose()
        return
    name = f"trastienda_audit_down_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(pg_admin_url().set(database=name))
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_downgrade_removes_the_trail_and_upgrade_brings_it_back(empty_engine):
    from alembic import command

    engine = empty_engine
    migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with engine.begin() as conn:
        assert not inspect(conn).has_table("audit_log")
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE 'audit%'")).scalar() == 0
        else:
            assert conn.execute(text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%audit%'")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'trastienda_audit%'")).scalar() == 0
        now = utcnow()
        conn.execute(Holiday.__table__.insert().values(  # writes work without the trail
            id=uuid.uuid4(), date=dt.date(2026, 5, 2), name="Fiesta", version=1, created_at=now, updated_at=now))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert audit_triggers.problems(conn) == []
        assert conn.execute(select(func.count()).select_from(AuditLog)).scalar() == 0


def test_the_demos_bulk_load_leaves_the_trail_out_and_the_triggers_in_place(db):
    from app.demo import generate_demo

    stats = generate_demo(db, seed=3, customers=5, products=5, invoices=200, contracts=2, employees=2,
                          today=dt.date(2026, 1, 20))
    with db.engine.connect() as conn:
        assert audit_triggers.problems(conn) == []
        audited = dict(conn.execute(text("SELECT table_name, count(*) FROM audit_log GROUP BY table_name")).all())
    assert audited.get("invoice_line", 0) == 0 and audited.get("payment", 0) == 0  # thousands of generated rows
    assert audited.get("party") == stats.counts["party"]  # the small tables go through like any client's rows
    party = parties.create_party(db, PartyData(legal_name="Cliente después de la demo"))
    shop = InvoiceLineData(description="Caja", quantity=D("1"), unit_price=D("5"), tax_rate_id=tax_rate_id("IVA21"))
    draft = invoices.create_draft(db, InvoiceData(issue_date=dt.date(2026, 1, 20), party_id=party.id, lines=[shop]))
    assert {e.table for e in record_history(db, "invoice", draft.id)} == {"invoice", "invoice_line"}


def test_a_login_that_may_not_turn_triggers_off_loads_the_demo_audited(db, pg_role):
    from app.demo.bulk import _pg_triggers_off

    pool_conn = db.engine.raw_connection()
    try:
        conn = pool_conn.driver_connection
        conn.execute(f'SET ROLE "{pg_role}"')
        conn.commit()
        assert _pg_triggers_off(conn) is False
        assert conn.execute("SHOW session_replication_role").fetchone()[0] == "origin"
        conn.execute("RESET ROLE")
        conn.commit()
        assert _pg_triggers_off(conn) is True  # the superuser may
        conn.execute("RESET session_replication_role")
        conn.commit()
    finally:
        pool_conn.close()
