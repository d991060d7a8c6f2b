"""Who the app says you are: the login and roles the database gives, on PostgreSQL and on a local file."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import create_engine, text

from app.db.identity import SERVER_ROLES, identity, local_user, server_identity
from app.db.open import open_database
from app.db.server_admin import ensure_groups
from app.db.session import Database
from app.domain.employees import Employee, PersonalDataAudit
from app.services import access, employees
from app.services.employees import EmployeeData
from tests.conftest import pg_admin_url

pytestmark = pytest.mark.postgres


def test_the_server_roles_are_the_applications():
    assert set(SERVER_ROLES.values()) == access.ALL_ROLES


@pytest.fixture
def logins(pg_database_url):
    """Two throwaway roles (a clerk, an HR clerk); the trastienda_* group roles are created if missing."""
    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    suffix = uuid.uuid4().hex[:8]
    clerk, hr = f"clerk_{suffix}", f"rrhh_{suffix}"
    with engine.connect() as conn:
        for group in SERVER_ROLES:
            conn.execute(text(f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; "
                              f"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"))
        conn.execute(text(f'CREATE ROLE "{clerk}" NOLOGIN'))
        conn.execute(text(f'CREATE ROLE "{hr}" NOLOGIN IN ROLE trastienda_hr'))
    try:
        yield engine, clerk, hr
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{clerk}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{hr}"'))
        engine.dispose()


def test_roles_come_from_membership_of_the_trastienda_roles(logins):
    engine, clerk, hr = logins
    with engine.connect() as conn:
        assert server_identity(conn) == ("postgres", access.ALL_ROLES)  # a superuser holds every role
        conn.execute(text(f'SET ROLE "{clerk}"'))
        assert server_identity(conn) == (clerk, frozenset())
        conn.execute(text("RESET ROLE"))
        conn.execute(text(f'SET ROLE "{hr}"'))
        assert server_identity(conn) == (hr, frozenset({access.HR}))
        conn.execute(text("RESET ROLE"))


def test_opening_a_database_gives_its_user_and_roles(pg_database_url, tmp_path):
    pg = open_database(pg_database_url, upgrade=False)
    assert (pg.user, pg.roles) == ("postgres", access.ALL_ROLES)
    pg.dispose()
    local = open_database(tmp_path / "mine.sqlite3")
    assert local.user == local_user() and local.roles == access.ALL_ROLES
    assert identity(local.engine) == (local_user(), None)
    made = employees.create_employee(local, EmployeeData(first_name="Ana", last_name="Gil", tax_id="12345678Z",
                                                         hire_date=dt.date(2024, 1, 8)))
    with local.session() as s:  # the audit trail and the row's stamp name the person at the computer
        assert s.get(Employee, made.id).updated_by == local_user()
        assert s.query(PersonalDataAudit.user).scalar() == local_user()
    local.dispose()


def test_an_accountant_is_a_clerk_and_an_admin_holds_every_role(logins):
    """The group roles nest as the app's roles do: the server's membership is the app's implication."""
    engine, _clerk, _hr = logins
    suffix = uuid.uuid4().hex[:8]
    accountant, boss = f"conta_{suffix}", f"jefa_{suffix}"
    with engine.connect() as conn:
        ensure_groups(conn)  # idempotent: other test processes share the cluster
        conn.execute(text(f'CREATE ROLE "{accountant}" NOLOGIN IN ROLE trastienda_accountant'))
        conn.execute(text(f'CREATE ROLE "{boss}" NOLOGIN IN ROLE trastienda_admin'))
    try:
        with engine.connect() as conn:
            conn.execute(text(f'SET ROLE "{accountant}"'))
            assert server_identity(conn) == (accountant, frozenset({access.ACCOUNTANT, access.CLERK}))
            conn.execute(text(f'SET ROLE "{boss}"'))
            assert server_identity(conn) == (boss, access.ALL_ROLES)
            conn.execute(text("RESET ROLE"))
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{accountant}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{boss}"'))


@pytest.mark.parametrize("roles, held", [
    ({"clerk"}, {"clerk"}),
    ({"accountant"}, {"accountant", "clerk"}),
    ({"hr"}, {"hr"}),
    ({"admin"}, {"clerk", "accountant", "hr", "admin"}),
    (set(), set()),
    (None, {"clerk", "accountant", "hr", "admin"}),  # the owner of a local file
])
def test_what_each_role_holds_in_the_app(sqlite_db, roles, held):
    db = Database(sqlite_db.engine, user="someone", roles=None if roles is None else frozenset(roles))
    assert {r for r in access.ALL_ROLES if access.has_role(db, r)} == held
