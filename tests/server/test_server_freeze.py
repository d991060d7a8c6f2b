"""A server that stops answering in the middle of work: a clear message within seconds, never a hang,
nothing half-written; a server that is only busy is waited for.

The throwaway cluster is frozen whole (SIGSTOP of the postmaster and every backend), as a hung host
would be: the kernel keeps the sockets open, so only the client's own watch can notice.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from app.db.engine import make_engine
from app.db.session import Database
from app.domain.parties import Party
from app.errors import DatabaseUnavailableError
from app.services import parties
from tests.server.cluster import SUPERUSER, migrated_cluster
from tests.ui.conftest import type_text, wait_idle

pytestmark = pytest.mark.postgres
# The watch asks the server after 3 s of silence and gives the probe 3 s: well under 10 s in all.
MID_SESSION = 10.0


@pytest.fixture(scope="module")
def server():
    with migrated_cluster() as cluster:
        yield cluster


@pytest.fixture
def db(server):
    database = Database(make_engine(server.url(database="shop")), user=SUPERUSER)
    yield database
    database.dispose()


def _names(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [name for (name,) in conn.execute(text("SELECT legal_name FROM party ORDER BY 1"))]


def test_a_server_frozen_mid_transaction_is_a_clear_error_within_seconds_and_nothing_is_saved(server, db):
    parties.create_party(db, parties.PartyData(legal_name="Antes SL"))
    with pytest.raises(DatabaseUnavailableError) as lost:
        with db.session() as session:
            session.connection()  # the transaction is open on the server
            server.freeze()
            started = time.monotonic()
            session.add(Party(code="C-FROZEN", legal_name="Congelada SL"))
            session.flush()  # the INSERT waits for a server that never answers
    took = time.monotonic() - started
    server.thaw()
    assert took < MID_SESSION
    assert str(lost.value) == (f"The server at {SUPERUSER}@127.0.0.1:{server.port}/shop stopped answering; what was "
                               "not finished was not saved. Try again in a moment, or ask its admin whether it is "
                               "running.")
    # Back again: the next action works on a fresh connection, and the cut transaction left nothing
    # (the server woke, read the INSERT, then found the connection gone and rolled back).
    assert _names(db) == ["Antes SL"]


def test_a_commit_cut_short_says_the_change_may_have_been_saved(server, db):
    """The COMMIT already sat in the server's socket when it froze: it commits on waking. Claiming
    "not saved" would make the clerk type it twice, so the message says to look first."""
    with pytest.raises(DatabaseUnavailableError) as lost:
        with db.session() as session:
            session.add(Party(code="C-COMMIT", legal_name="Quizás SL"))
            session.flush()
            server.freeze()
            started = time.monotonic()
    took = time.monotonic() - started
    server.thaw()
    assert took < MID_SESSION
    assert str(lost.value) == (f"The server at {SUPERUSER}@127.0.0.1:{server.port}/shop stopped answering while "
                               "saving: the change may or may not have been saved. When the server is back, look the "
                               "record up before entering it again.")
    assert "Quizás SL" in _names(db)  # it was: hence the message


def test_a_server_frozen_while_the_app_was_idle_is_a_clear_error_within_seconds(server, db):
    parties.create_party(db, parties.PartyData(legal_name="Idle SL"))  # a pooled connection, now idle
    server.freeze()
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseUnavailableError) as lost:
            parties.create_party(db, parties.PartyData(legal_name="Nunca SL"))
        took = time.monotonic() - started
    finally:
        server.thaw()
    # The pool's ping is cut (~6 s), then the reconnect gives up after the connect timeout (5 s).
    assert took < MID_SESSION + 5
    assert str(lost.value) == (f"The server at {SUPERUSER}@127.0.0.1:{server.port}/shop is not answering; nothing "
                               "was saved. Try again in a moment, or ask its admin whether it is running.")
    assert "Nunca SL" not in _names(db)


def test_a_server_busy_with_a_long_statement_is_waited_for(server, db):
    """The probe gets an answer, so a slow report (here 7 s of pg_sleep) is not cut."""
    started = time.monotonic()
    with db.session() as session:
        assert session.execute(text("SELECT pg_sleep(7), 42")).one()[1] == 42
    assert time.monotonic() - started >= 7


def test_a_save_on_a_frozen_server_shows_the_message_and_keeps_what_was_typed(qtbot, server, db):
    from ui.parties.tab import PartiesTab

    tab = PartiesTab(db)
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    tab.action_new()
    type_text(qtbot, tab.form.fields["legal_name"], "Ferreteria Helada SL")
    server.freeze()
    started = time.monotonic()
    try:
        assert tab.action_save() is False
        took = time.monotonic() - started
    finally:
        server.thaw()
    assert took < MID_SESSION + 5
    shown = tab.form.general_error.text()
    assert shown.startswith(f"The server at {SUPERUSER}@127.0.0.1:{server.port}/shop is not answering")
    assert tab.form.fields["legal_name"].text() == "Ferreteria Helada SL"  # nothing typed is lost
    assert tab.action_save() is True  # the server is back: the same form saves
    assert "Ferreteria Helada SL" in _names(db)
