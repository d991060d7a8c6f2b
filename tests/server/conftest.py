"""Fixtures for the tests of a shared server."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import create_engine, text

from app.db.engine import make_engine
from app.db.open import open_database
from app.db.server_admin import add_user, init_server, remove_user
from app.db.session import Database
from app.errors import NotFoundError
from app.services import company
from tests.conftest import pg_admin_url


@pytest.fixture(scope="module")
def shop():
    """A database made by ``init_server``, with a company; dropped at the end."""
    name = f"trastienda_sec_{uuid.uuid4().hex[:10]}"
    url = pg_admin_url().set(database=name)
    engine = make_engine(url)
    try:
        report = init_server(engine)
        owner = Database(engine, user="postgres")
        company.save_company(owner, company.CompanyData(legal_name="Suministros Ebro SL", tax_id="B58378431",
                                                        street="Calle Mayor 1", postal_code="50001", city="Zaragoza"))
        yield url, engine, report
    finally:
        engine.dispose()
        admin = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def login(shop):
    """``login("clerk")``: a new login in that role, opened as the app opens a shared server; removed after."""
    url, engine, _report = shop
    made: list[tuple[str, Database]] = []

    def make(role: str = "clerk") -> Database:
        name = f"{role}_{uuid.uuid4().hex[:8]}"
        add_user(engine, name, role)
        made.append((name, open_database(url.set(username=name), upgrade=False)))
        return made[-1][1]

    yield make
    for name, database in made:
        database.dispose()
        try:
            remove_user(engine, name)
        except NotFoundError:
            pass


@pytest.fixture
def owner(shop) -> Database:
    return Database(shop[1], user="postgres")


@contextmanager
def raw(db: Database):
    """A psql-like autocommit connection as ``db``'s login."""
    url = db.engine.url
    with psycopg.connect(host=url.host, port=url.port or 5432, user=url.username, dbname=url.database,
                         autocommit=True) as conn:
        yield conn
