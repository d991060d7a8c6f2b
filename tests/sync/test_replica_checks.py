"""A replica that does not fit (broken, another server's, another login's, an older schema): a clear message and a
safe path (export the unsynced changes, then download afresh), never a silent loss."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.services import parties
from app.services.parties import PartyData
from app.sync import replica
from app.sync.replica import ReplicaError
from app.sync.service import open_replica, sync

pytestmark = pytest.mark.postgres


def _offline_change(path, name: str) -> None:
    db = open_replica(path)
    try:
        parties.create_party(db, PartyData(legal_name=name))
    finally:
        db.dispose()


def test_a_broken_file_is_named_and_refused(tmp_path):
    path = tmp_path / "replica.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ReplicaError) as caught:
        open_replica(path)
    assert str(path) in str(caught.value) and "cannot be read" in str(caught.value)


def test_another_logins_copy_is_refused_and_its_changes_can_be_exported(login, tmp_path):
    ana, luis = login("clerk"), login("clerk")
    path = tmp_path / "replica.sqlite3"
    sync(path, ana)
    _offline_change(path, "De Ana SL")
    with pytest.raises(ReplicaError) as caught:
        sync(path, luis)
    assert f"is {ana.user}'s, not {luis.user}'s" in str(caught.value)
    engine = open_replica(path).engine
    try:
        exported = tmp_path / "unsynced.json"
        assert replica.export_outbox(engine, exported) == 1
        data = json.loads(exported.read_text(encoding="utf-8"))
        assert data["changes"][0]["changes"]["legal_name"] == "De Ana SL"
        assert data["replica"]["user"] == ana.user
    finally:
        engine.dispose()
    assert sync(path, ana).pushed == 1  # its owner still syncs it: nothing was lost


def test_another_servers_copy_is_refused(login, owner, tmp_path):
    clerk = login("clerk")
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    engine = open_replica(path).engine
    with engine.begin() as conn:
        replica.set_state(conn, company_id="00000000-0000-0000-0000-000000000000", database="otra")
    engine.dispose()
    with pytest.raises(ReplicaError) as caught:
        sync(path, clerk)
    assert "belongs to another server or company (otra)" in str(caught.value)


def test_a_server_whose_schema_moved_on_is_refused_before_anything_is_sent(login, tmp_path):
    clerk = login("clerk")
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    _offline_change(path, "Pendiente SL")
    engine = open_replica(path).engine
    with engine.begin() as conn:
        replica.set_state(conn, revision="0009")  # made by the release before
    engine.dispose()
    with pytest.raises(ReplicaError) as caught:
        open_replica(path)
    assert "another version of Trastienda (0009)" in str(caught.value)
    with pytest.raises(ReplicaError) as caught:
        sync(path, clerk)
    assert "schema moved on" in str(caught.value)
    with clerk.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM party WHERE legal_name = 'Pendiente SL'")).scalar() == 0
