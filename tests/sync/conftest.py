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


@pytest.fixture
def fault_proxy():
    """A FaultProxy (``tests.sync.proxy``) in front of this machine's PostgreSQL."""
    from tests.conftest import pg_admin_url
    from tests.sync.proxy import FaultProxy

    pg = pg_admin_url()
    with FaultProxy(pg.host or "127.0.0.1", pg.port or 5432) as proxy:
        yield proxy


@pytest.fixture
def via_proxy(shop, login):  # noqa: F811 - after ``login`` so its relayed engines close first
    """``via_proxy(proxy, clerk)``: the same login's server Database, its every connection relayed by ``proxy``."""
    url = shop[0]
    made: list[Database] = []

    def make(proxy, db: Database) -> Database:
        relayed = open_database(url.set(host="127.0.0.1", port=proxy.port, username=db.user), upgrade=False)
        made.append(relayed)
        return relayed

    yield make
    for db in made:
        db.dispose()
