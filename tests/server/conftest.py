"""Fixtures for the tests of a shared server."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from app.db.engine import make_engine
from app.db.server_admin import init_server
from app.db.session import Database
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
