"""Fixtures for offline work: a shared server (a scratch database made by ``server init`` on this
machine's PostgreSQL), clerks' logins on it, and replicas in a temporary data folder."""

from __future__ import annotations

import uuid

import pytest

from app.db.open import open_database
from app.db.server_admin import add_user, remove_user
from app.db.session import Database
from app.errors import NotFoundError
from tests.server.conftest import shop  # noqa: F401 - the server database fixture

pytestmark = pytest.mark.postgres


@pytest.fixture
def login(shop):  # noqa: F811
    """``login("clerk")``: a new login in that role, opened as the app opens a shared server."""
    url, engine, _report = shop
    made: list[tuple[str, Database]] = []

    def make(role: str = "clerk") -> Database:
        name = f"{role}_{uuid.uuid4().hex[:8]}"
        add_user(engine, name, role)
        db = open_database(url.set(username=name), upgrade=False)
        made.append((name, db))
        return db

    yield make
    for name, db in made:
        db.dispose()
        try:
            remove_user(engine, name)
        except NotFoundError:
            pass


@pytest.fixture
def owner(shop) -> Database:  # noqa: F811
    return Database(shop[1], user="postgres")
