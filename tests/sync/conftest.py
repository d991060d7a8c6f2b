"""Fixtures for offline work: a shared server (a scratch database made by ``server init`` on this
machine's PostgreSQL), clerks' logins on it, and replicas in a temporary data folder."""

from __future__ import annotations

import pytest

from app.db.open import open_database
from app.db.session import Database
from tests.server.conftest import login, owner, shop  # noqa: F401 - the server fixtures

pytestmark = pytest.mark.postgres


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
