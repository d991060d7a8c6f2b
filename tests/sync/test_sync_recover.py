"""The way out of an offline copy that cannot be used, from the command line: ``sync --export FILE`` saves its
unsynced changes and open conflicts (from the local file alone), ``sync --fresh --export FILE`` also downloads a
fresh copy, keeping the old file as ``<file>.<timestamp>.old``. Nothing a clerk typed is lost on the way."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import profiles
from app.db.engine import make_engine
from app.domain.parties import Party
from app.services import parties
from app.services.parties import PartyData
from app.sync import replica
from app.sync.replica import replica_path
from app.sync.service import sync
from tests.server.cluster import free_port
from tests.sync.checks import Offline, assert_replica_equals_server, customers, run_tag
from tests.sync.test_sync_cli import run

pytestmark = pytest.mark.postgres
PROFILE = "Oficina Norte"  # a name with a space: the commands in the messages quote it
QUOTED = "'Oficina Norte'"


def _profile(db, *, port: int | None = None) -> None:
    url = db.engine.url
    known = any(p.name == PROFILE for p in profiles.list_profiles())
    profiles.save_profile(profiles.Profile(PROFILE, host=url.host, port=port or url.port or 5432,
                                           database=url.database, user=url.username, sslmode="disable"),
                          original=PROFILE if known else None)


@dataclass
class Said:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """``cli("sync", ...)``: ``python main.py --profile PROFILE ...`` run in this process (the data folder is
    ``tmp_path``); its exit code and what it printed."""
    import main

    monkeypatch.setenv("TRASTIENDA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PGPASSWORD", raising=False)

    def call(*args: str) -> Said:
        capsys.readouterr()
        code = main.main(["--profile", PROFILE, *args])
        out = capsys.readouterr()
        return Said(code, out.out, out.err)
    return call


def _copy_with_work(cli, clerk, owner, tag: str) -> tuple[Path, list[str]]:
    """The clerk's copy, made by ``sync``, with one open conflict and three unsynced changes."""
    _profile(clerk)
    (both, edited) = customers(clerk, [f"Ambos {tag}", f"Editado {tag}"])
    made = cli("sync")
    assert made.returncode == 0, made.stderr
    path = replica_path(PROFILE)
    with Offline(path) as offline:
        parties.update_party(offline, both, PartyData(legal_name=f"Ambos {tag}", city="Jaca"), 1)
    parties.update_party(owner, both, PartyData(legal_name=f"Ambos {tag}", city="Tarazona"), 1)
    synced = cli("sync")
    assert synced.returncode == 0 and "Kept for you to decide" in synced.stdout, synced.stdout + synced.stderr
    names = [f"Sin red {tag} {i}" for i in range(2)]
    with Offline(path) as offline:
        for name in names:
            parties.create_party(offline, PartyData(legal_name=name))
        parties.update_party(offline, edited, PartyData(legal_name=f"Editado {tag}", city="Calatayud"), 1)
        assert (replica.pending(offline.engine), replica.open_conflicts(offline.engine)) == (3, 1)
    return path, names


def _names(db, tag: str) -> set[str]:
    with db.session() as s:
        return set(s.execute(select(Party.legal_name).where(Party.legal_name.like(f"%{tag}%"))).scalars())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _kept(path: Path) -> Path:
    (old,) = path.parent.glob(path.name + ".*.old")
    return old


def _outbox(path: Path) -> int:
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]


def _spoil(how: str, path: Path, login):
    """Make the copy unusable for the profile as it is now; returns the login the profile then uses."""
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            if how == "server":
                replica.set_state(conn, company_id="00000000-0000-0000-0000-000000000000", database="otra")
            elif how == "revision":
                replica.set_state(conn, revision="0009")  # made by the release before
    finally:
        engine.dispose()
    if how == "login":
        other = login("clerk")
        _profile(other)
        return other
    return None


REFUSED = {"login": "not {other}'s: each login keeps its own", "server": "belongs to another server or company (otra)",
           "revision": "made by another version of Trastienda (0009)"}


@pytest.mark.parametrize("how", ["login", "server", "revision"])
def test_a_refused_copy_is_exported_then_replaced_and_nothing_is_lost(how, login, owner, tmp_path, cli):
    clerk, tag = login("clerk"), run_tag()
    path, names = _copy_with_work(cli, clerk, owner, tag)
    user = _spoil(how, path, login) or clerk

    refused = cli("sync")
    assert refused.returncode == 1
    said = refused.stderr
    assert REFUSED[how].format(other=user.user) in said, said
    assert f"`python main.py --profile {QUOTED} sync --export FILE` saves its unsynced changes" in said
    assert f"`python main.py --profile {QUOTED} sync --fresh --export FILE` also downloads a fresh copy" in said
    if how == "revision":  # working on it offline is refused the same way
        offline = cli("--offline", "invoice", "list")
        assert offline.returncode == 1 and REFUSED[how] in offline.stderr and "sync --export FILE" in offline.stderr

    before = _digest(path)
    fresh = cli("sync", "--fresh")
    assert fresh.returncode == 1
    assert "holds 3 unsynced changes and 1 open conflicts" in fresh.stderr, fresh.stderr
    assert f"--profile {QUOTED} sync --fresh --export FILE" in fresh.stderr
    assert _digest(path) == before and not list(tmp_path.rglob("*.old"))

    exported = cli("sync", "--export", str(tmp_path / "pendiente.json"))
    assert exported.returncode == 0, exported.stderr
    assert "3 unsynced changes and 1 open conflicts" in exported.stdout
    data = json.loads((tmp_path / "pendiente.json").read_text(encoding="utf-8"))
    assert sorted(c["changes"]["legal_name"] for c in data["changes"] if c["action"] == "insert") == names
    assert [c["changes"]["city"] for c in data["changes"] if c["action"] == "update"] == [["Zaragoza", "Calatayud"]]
    assert [(c["field"], json.loads(c["local_value"])) for c in data["conflicts"]] == [("city", "Jaca")]
    assert data["replica"]["user"] == clerk.user and _digest(path) == before  # read, not touched

    again = cli("sync", "--export", str(tmp_path / "pendiente.json"))
    assert again.returncode == 1 and "exists already" in again.stderr  # an earlier export is never overwritten

    replaced = cli("sync", "--fresh", "--export", str(tmp_path / "al-cambiar.json"))
    assert replaced.returncode == 0, replaced.stderr
    assert "Fresh offline copy made" in replaced.stdout and "The old copy is kept as" in replaced.stdout
    assert json.loads((tmp_path / "al-cambiar.json").read_text(encoding="utf-8"))["changes"] == data["changes"]
    old = _kept(path)
    assert _digest(old) == before and _outbox(old) == 3  # the old file as it was, its changes in it
    state = replica.get_state(make_engine(path))
    assert state["user"] == user.user and state["revision"] != "0009" and state["database"] != "otra"
    assert_replica_equals_server(path, user)  # a working copy
    assert cli("sync").returncode == 0

    if how == "login":  # its owner can still send the old copy's changes: nothing was lost
        assert sync(old, clerk).pushed == 3
        assert _names(owner, tag) >= set(names)


def test_fresh_is_refused_while_changes_wait_and_replaces_a_copy_with_none(login, owner, tmp_path, cli):
    clerk, tag = login("clerk"), run_tag()
    _profile(clerk)
    assert cli("sync").returncode == 0
    path = replica_path(PROFILE)
    with Offline(path) as offline:
        parties.create_party(offline, PartyData(legal_name=f"Esperando {tag}"))
    refused = cli("sync", "--fresh")
    assert refused.returncode == 1 and "holds 1 unsynced changes and 0 open conflicts" in refused.stderr
    assert not list(tmp_path.rglob("*.old"))

    assert cli("sync").returncode == 0  # sent: nothing waits any more
    replaced = cli("sync", "--fresh")
    assert replaced.returncode == 0, replaced.stderr
    assert _outbox(_kept(path)) == 0
    assert_replica_equals_server(path, clerk)
    with Offline(path) as offline:
        assert _names(offline, tag) == {f"Esperando {tag}"}


def test_export_needs_no_server(login, owner, tmp_path, cli):
    clerk, tag = login("clerk"), run_tag()
    path, names = _copy_with_work(cli, clerk, owner, tag)
    _profile(clerk, port=free_port())  # nothing listens there
    assert "Cannot reach" in cli("sync").stderr
    exported = run(tmp_path, "--profile", PROFILE, "sync", "--export", str(tmp_path / "sin-red.json"))  # a process
    assert exported.returncode == 0 and "3 unsynced changes and 1 open conflicts" in exported.stdout, exported.stderr
    data = json.loads((tmp_path / "sin-red.json").read_text(encoding="utf-8"))
    assert len(data["changes"]) == 3 and len(data["conflicts"]) == 1


# -- a damaged file ----------------------------------------------------------------------------------

def _zero_last_outbox_leaf(path: Path) -> int:
    """Overwrite with zeros the outbox's last leaf page (in key order); returns how many entries stay readable."""
    with closing(sqlite3.connect(path)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        leaves = conn.execute("SELECT pageno, ncell FROM dbstat WHERE name = 'sync_outbox' AND pagetype = 'leaf' "
                              "ORDER BY path").fetchall()
    assert len(leaves) >= 3 and not Path(str(path) + "-wal").exists()
    with open(path, "r+b") as f:
        f.seek((leaves[-1][0] - 1) * size)
        f.write(b"\0" * size)
    return sum(n for _page, n in leaves[:-1])


@pytest.mark.parametrize("damage", ["not-sqlite", "truncated", "outbox-page"])
def test_a_damaged_copy_is_named_and_what_can_be_read_is_saved_before_a_fresh_copy(
        damage, login, tmp_path, cli):
    clerk, tag = login("clerk"), run_tag()
    _profile(clerk)
    assert cli("sync").returncode == 0
    path = replica_path(PROFILE)
    with Offline(path) as offline:
        for i in range(60):  # a few pages of outbox
            parties.create_party(offline, PartyData(legal_name=f"Sin red {tag} {i:03d}", city="Teruel"))
    readable = None
    if damage == "not-sqlite":
        path.write_bytes(b"esto no es una base de datos\n" * 500)
    elif damage == "truncated":
        with open(path, "r+b") as f:
            f.truncate(4096)  # the first page only
    else:
        readable = _zero_last_outbox_leaf(path)
    before = _digest(path)

    refused = cli("sync")
    assert refused.returncode == 1 and str(path) in refused.stderr, refused.stderr
    assert "cannot be read" in refused.stderr or "damaged" in refused.stderr
    assert f"`python main.py --profile {QUOTED} sync --export FILE` saves what can be read of it" in refused.stderr
    assert "Traceback" not in refused.stderr
    fresh = cli("sync", "--fresh")
    assert fresh.returncode == 1 and "may hold unsynced changes" in fresh.stderr

    out = tmp_path / "rescate.json"
    exported = cli("sync", "--export", str(out))
    if readable is None:  # nothing to read: said, and the file left alone
        assert exported.returncode == 1 and "Nothing can be read from the offline copy" in exported.stderr
        assert "left as it is" in exported.stderr and not out.exists()
    else:
        assert exported.returncode == 0 and "could not be read" in exported.stderr, exported.stderr
        data = json.loads(out.read_text(encoding="utf-8"))
        assert [c["changes"]["legal_name"] for c in data["changes"]] == [
            f"Sin red {tag} {i:03d}" for i in range(readable)]
        assert data["unreadable"] and data["replica"]["user"] == clerk.user
    assert _digest(path) == before

    replaced = cli("sync", "--fresh", "--export", str(tmp_path / "rescate-2.json"))
    assert replaced.returncode == 0, replaced.stderr
    assert _digest(_kept(path)) == before  # the damaged file kept, as it was
    assert_replica_equals_server(path, clerk)
    assert cli("sync").returncode == 0
