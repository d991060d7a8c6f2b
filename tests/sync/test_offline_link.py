"""The window's handle on a shared profile (``app.sync.link``) and the conflicts inbox (``app.sync.conflicts``),
without Qt: a lost server flips the handle to the replica, a sync brings it back, and both decisions on a
conflict end with the same value on both sides."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.engine import make_engine
from app.db.session import Database
from app.domain.parties import Party
from app.errors import DatabaseUnavailableError
from app.services import parties
from app.services.parties import PartyData
from app.sync import conflicts, replica
from app.sync.link import Link, is_unreachable, open_offline
from app.sync.replica import ReplicaError
from tests.sync.checks import run_tag

pytestmark = pytest.mark.postgres


def _link(tmp_path, server: Database) -> Link:
    return Link(tmp_path / "replica.sqlite3", server=server)


def _server_count(owner, name: str) -> int:
    with owner.session() as s:
        return len(s.execute(select(Party.id).where(Party.legal_name == name)).all())


def test_a_lost_server_flips_the_link_to_the_replica_and_a_sync_brings_the_work_back(
        login, owner, fault_proxy, via_proxy, tmp_path):
    tag = run_tag()
    server = via_proxy(fault_proxy, login("clerk"))
    link = _link(tmp_path, server)
    heard: list[tuple[bool, str]] = []
    link.add_listener(lambda offline, reason: heard.append((offline, reason)))
    assert isinstance(link, Database) and not link.offline and link.dialect == "postgresql"
    report, _db = link.sync()  # the first download
    assert report.created

    fault_proxy.refuse()
    fault_proxy.cut()
    assert not link.probe()
    with pytest.raises(DatabaseUnavailableError, match="offline copy") as lost:
        parties.create_party(link, PartyData(legal_name=f"{tag} Perdido SL"))
    assert is_unreachable(lost.value)
    assert link.offline and link.dialect == "sqlite" and heard == [(True, heard[0][1])]
    assert heard[0][1] and str(lost.value).startswith(heard[0][1])  # why: the server's words, then what happened

    kept = parties.create_party(link, PartyData(legal_name=f"{tag} Offline SL"))  # the clerk saves again
    assert link.pending() == 1 and _server_count(owner, f"{tag} Offline SL") == 0
    assert link.user == server.user and link.roles == server.roles

    fault_proxy.refuse(False)
    assert link.probe()
    report, back = link.sync()
    link.go_online(back)
    assert report.pushed == 1 and not link.offline and heard[-1] == (False, "")
    assert _server_count(owner, f"{tag} Offline SL") == 1 and _server_count(owner, f"{tag} Perdido SL") == 0
    assert parties.get_party(link, kept.id).legal_name == f"{tag} Offline SL"  # read from the server now
    assert link.pending() == 0


def test_a_second_sync_while_one_runs_does_nothing(login, tmp_path):
    link = _link(tmp_path, login("clerk"))
    assert link._syncing.acquire(blocking=False)
    try:
        assert link.sync() is None and link.syncing
    finally:
        link._syncing.release()


def test_without_a_replica_the_link_stays_on_the_server_and_says_why(login, fault_proxy, via_proxy, tmp_path):
    link = _link(tmp_path, via_proxy(fault_proxy, login("clerk")))
    fault_proxy.refuse()
    fault_proxy.cut()
    with pytest.raises(DatabaseUnavailableError) as lost:
        parties.create_party(link, PartyData(legal_name="Nadie SL"))
    assert "offline copy" not in str(lost.value) and not link.offline
    assert "There is no offline copy" in link.reason


def test_another_logins_copy_is_refused_plainly(login, tmp_path):
    ana, luis = login("clerk"), login("clerk")
    path = tmp_path / "replica.sqlite3"
    _link(tmp_path, ana).sync()
    with pytest.raises(ReplicaError, match=f"{ana.user}'s, not {luis.user}'s"):
        open_offline(path, luis.user)
    link = Link(path, server=luis)
    assert not link.go_offline("gone") and f"not {luis.user}'s" in link.reason


def _conflicting(login, owner, tmp_path, tag: str):
    """A customer whose city was changed on both sides: Huesca here, Teruel on the server."""
    clerk = login("clerk")
    link = _link(tmp_path, clerk)
    ruiz = parties.create_party(clerk, PartyData(legal_name=f"{tag} Ruiz SL", city="Zaragoza"))
    link.sync()
    offline = open_offline(link.replica_path, clerk.user)
    view = parties.get_party(offline, ruiz.id)
    parties.update_party(offline, ruiz.id, PartyData(legal_name=view.legal_name, city="Huesca"), view.version)
    offline.dispose()
    online = parties.get_party(owner, ruiz.id)
    parties.update_party(owner, ruiz.id, PartyData(legal_name=online.legal_name, city="Teruel"), online.version)
    report, _db = link.sync()
    assert [c["field"] for c in report.conflicts] == ["city"]
    return link, ruiz.id


def _replica_city(path, party_id) -> str:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            return conn.execute(select(Party.city).where(Party.id == party_id)).scalar_one()
    finally:
        engine.dispose()


def test_use_mine_reaches_the_server_at_the_next_sync(login, owner, tmp_path):
    tag = run_tag()
    link, party_id = _conflicting(login, owner, tmp_path, tag)
    engine = make_engine(link.replica_path)
    try:
        [conflict] = conflicts.open_conflicts(engine)
        assert conflict.record == f"Customer or supplier {parties.get_party(owner, party_id).code} {tag} Ruiz SL"
        assert (conflict.field_label, conflict.server_value, conflict.local_value) == ("City", "Teruel", "Huesca")
        conflicts.use_mine(engine, conflict.seq)
        assert conflicts.open_conflicts(engine) == [] and replica.pending(engine) == 1
    finally:
        engine.dispose()
    report, _db = link.sync()
    assert report.pushed == 1 and report.conflicts == []
    assert parties.get_party(owner, party_id).city == "Huesca"
    assert _replica_city(link.replica_path, party_id) == "Huesca"


def test_keep_the_servers_leaves_the_servers_value_on_both_sides(login, owner, tmp_path):
    tag = run_tag()
    link, party_id = _conflicting(login, owner, tmp_path, tag)
    engine = make_engine(link.replica_path)
    try:
        [conflict] = conflicts.open_conflicts(engine)
        conflicts.keep_server(engine, conflict.seq)
        assert conflicts.open_conflicts(engine) == [] and replica.pending(engine) == 0
    finally:
        engine.dispose()
    report, _db = link.sync()
    assert report.pushed == 0
    assert parties.get_party(owner, party_id).city == "Teruel"
    assert _replica_city(link.replica_path, party_id) == "Teruel"


def test_the_probe_gives_up_on_a_server_that_stops_answering(login, fault_proxy, via_proxy, tmp_path):
    link = _link(tmp_path, via_proxy(fault_proxy, login("clerk")))
    assert link.probe()
    fault_proxy.hang()  # the connection opens, no byte ever comes back: the connect timeout ends it
    try:
        assert not link.probe()
    finally:
        fault_proxy.hang(False)
    assert link.probe()


def test_the_probe_connects_with_its_own_short_timeout(login, tmp_path, monkeypatch):
    import psycopg

    from app.sync import link as link_module

    seen: list = []
    real = psycopg.Connection.connect.__func__

    def spy(cls, *args, **kwargs):
        seen.append(kwargs.get("connect_timeout"))
        return real(cls, *args, **kwargs)

    link = _link(tmp_path, login("clerk"))
    monkeypatch.setattr(psycopg.Connection, "connect", classmethod(spy))
    assert link.probe()
    assert seen == [link_module.PROBE_CONNECT_TIMEOUT_S]
