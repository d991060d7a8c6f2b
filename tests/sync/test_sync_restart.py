"""The shared server restarted (fast shutdown, then started again on the same port) in the middle of a sync.

A restart ends every backend at once: the push's transaction is rolled back by the server, the pull's
snapshot goes, and for a moment nobody can connect. The sync that was running fails with the app's one
sentence (a DatabaseUnavailableError naming the server), within seconds, never a driver's traceback and
never a hang. The next sync after the restart leaves no row lost, none applied twice, the replica equal to
what its login sees on the server, the stock levels the sum of the moves, and the outbox empty.

The server is a throwaway cluster of this module's own (``tests/server/cluster.py``): the office server on
this machine is shared with the other tests and must not be restarted.
"""

from __future__ import annotations

import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text, update

from app.db.engine import make_engine
from app.db.open import open_database
from app.db.server_admin import add_user, init_server
from app.db.session import Database
from app.domain.parties import Party
from app.domain.sync import SyncApplied
from app.errors import DatabaseUnavailableError
from app.services import company, parties
from app.sync import push, replica
from app.sync.service import sync
from tests.server.cluster import PG_BIN, SUPERUSER, Cluster, _as_postgres, running_cluster
from tests.sync.checks import (
    Offline,
    assert_applied_once,
    assert_replica_equals_server,
    assert_stock,
    customers,
    offline_work,
    outbox_ids,
    pull_cursor,
    run_tag,
    stocked_product,
)

pytestmark = pytest.mark.postgres
FAILS_WITHIN = 15.0  # seconds: a restart takes about one; the connect timeout and the watch are a few more


# -- the server, and restarting it ------------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    """A throwaway cluster with a database made by ``server init`` and a company."""
    with running_cluster() as made:
        engine = make_engine(made.url(database="shop"))
        try:
            init_server(engine)
            company.save_company(Database(engine, user=SUPERUSER), company.CompanyData(
                legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1", postal_code="50001",
                city="Zaragoza"))
            made.owner_engine = engine
            yield made
        finally:
            engine.dispose()


@pytest.fixture
def owner(cluster) -> Database:
    return Database(cluster.owner_engine, user=SUPERUSER)


@pytest.fixture
def clerk(cluster):
    """A new clerk's login, opened as the app opens a shared server."""
    name, password = f"clerk_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    add_user(cluster.owner_engine, name, "clerk", password)
    db = open_database(cluster.url(name, password, database="shop"), upgrade=False)
    yield db
    db.dispose()


def stop(cluster: Cluster) -> None:
    """Fast shutdown: every backend is ended (its transaction rolled back), then a checkpoint."""
    subprocess.run([*_as_postgres(), str(PG_BIN / "pg_ctl"), "-D", str(cluster.data), "-m", "fast", "-w", "-t", "30",
                    "stop"], check=True, capture_output=True, timeout=60)


def restart(cluster: Cluster) -> None:
    stop(cluster)
    cluster.start()  # same data, same port


class RestartWhen(threading.Thread):
    """Restarts the server from another thread once ``ready()`` (polled, at most ``within`` seconds) says so."""

    def __init__(self, cluster: Cluster, ready: Callable[[], bool], within: float = 20.0):
        super().__init__(daemon=True)
        self.cluster, self.ready, self.within = cluster, ready, within
        self.restarted = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            deadline = time.monotonic() + self.within
            while not self.ready():
                if time.monotonic() > deadline:
                    raise AssertionError("the moment to restart never came")
                time.sleep(0.002)
            restart(self.cluster)
            self.restarted.set()
        except BaseException as exc:  # noqa: BLE001 - reported by finish()
            self.error = exc

    def finish(self) -> None:
        self.join(60)
        assert not self.is_alive(), "the restart did not end"
        if self.error is not None:
            raise self.error
        assert self.restarted.is_set()


def in_push(cluster: Cluster, login: str) -> Callable[[], bool]:
    """Whether the login's backend is inside the push's transaction on the server (read afresh each time)."""
    admin = cluster.admin_engine("shop")

    def ready() -> bool:
        with admin.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE usename = :u "
                                     "AND query ILIKE '%sync_applied%'"), {"u": login}).scalar_one() > 0
    return ready


def failed_clearly(cluster: Cluster, attempt: Callable[[], object]) -> DatabaseUnavailableError:
    """``attempt()`` fails with the app's sentence naming the server, within seconds."""
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError) as lost:
        attempt()
    assert time.monotonic() - started < FAILS_WITHIN
    message = str(lost.value)
    assert f"127.0.0.1:{cluster.port}/shop" in message and "\n" not in message, message
    assert "psycopg" not in message and "sqlalchemy" not in message.lower(), message
    return lost.value


def applied(owner: Database, change_ids: list[uuid.UUID]) -> int:
    with owner.session() as s:
        return s.execute(select(func.count()).select_from(SyncApplied)
                         .where(SyncApplied.change_id.in_(change_ids))).scalar_one()


def pending(path: Path) -> int:
    engine = make_engine(path)
    try:
        return replica.pending(engine)
    finally:
        engine.dispose()


# -- a restart in the middle of a push --------------------------------------------------------------

def test_a_server_restarted_while_a_push_is_applied_fails_the_sync_and_the_next_one_applies_each_change_once(
        cluster, owner, clerk, tmp_path):
    run = run_tag()
    known = customers(clerk, [f"Cliente {run} {i:03d}" for i in range(40)])
    product, main = stocked_product(clerk, f"R{run}", 500)
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:  # one batch of the push: the restart undoes all of it on the server
        work = offline_work(offline, f"Off{run}", known, product, main, new=300, moves=12)
    change_ids = outbox_ids(path)
    assert len(change_ids) == 300 + 40 + 12 < push.BATCH

    restarter = RestartWhen(cluster, in_push(cluster, clerk.user))
    restarter.start()
    failed_clearly(cluster, lambda: sync(path, clerk))
    restarter.finish()
    assert applied(owner, change_ids) == 0  # the server rolled the batch back
    assert outbox_ids(path) == change_ids  # and this computer still has every change, in order

    report = sync(path, clerk)  # the next sync, on a fresh connection to the restarted server
    assert (report.pushed, report.skipped, report.conflicts) == (len(change_ids), 0, [])
    assert_applied_once(owner, work, change_ids)
    assert_stock(owner, product, main, 500 - work.delivered, moves=1 + 12)
    assert_replica_equals_server(path, clerk)
    assert sync(path, clerk).pushed == 0


@pytest.mark.parametrize("back", [False, True], ids=["down-at-the-next-batch", "back-by-the-next-batch"])
def test_a_server_restarted_between_batches_keeps_the_batches_it_committed(back, cluster, owner, clerk, tmp_path):
    """down: the next batch finds nobody to connect to and the push fails, keeping the rest for later;
    back: the next batch runs on a fresh connection and the push goes on."""
    run = run_tag()
    known = customers(clerk, [f"Cliente {run} {i:02d}" for i in range(10)])
    product, main = stocked_product(clerk, f"R{run}", 100)
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:
        work = offline_work(offline, f"Off{run}", known, product, main, new=25, moves=5)
    change_ids = outbox_ids(path)
    assert len(change_ids) == 40

    batches: list[int] = []

    def after_batch(done: int, _total: int) -> None:
        batches.append(done)
        if len(batches) == 2:  # two batches committed on the server and dropped from the outbox
            restart(cluster) if back else stop(cluster)

    engine = make_engine(path)
    try:
        if back:
            assert push.push(engine, clerk, batch=7, progress=after_batch).applied == len(change_ids)
            assert replica.pending(engine) == 0
        else:
            failed_clearly(cluster, lambda: push.push(engine, clerk, batch=7, progress=after_batch))
            assert batches == [7, 14] and replica.pending(engine) == len(change_ids) - 14
            cluster.start()
            assert applied(owner, change_ids) == 14
    finally:
        engine.dispose()

    report = sync(path, clerk)
    assert report.conflicts == [] and report.skipped == 0
    assert_applied_once(owner, work, change_ids)
    assert_stock(owner, product, main, 100 - work.delivered, moves=1 + 5)
    assert_replica_equals_server(path, clerk)


def test_a_server_stopped_between_the_push_and_the_pull_fails_the_pull_only(cluster, owner, clerk, tmp_path):
    run = run_tag()
    known = customers(clerk, [f"Cliente {run} {i:02d}" for i in range(6)])
    product, main = stocked_product(clerk, f"R{run}", 30)
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:
        work = offline_work(offline, f"Off{run}", known, product, main, new=8, moves=3)
    change_ids = outbox_ids(path)
    (office,) = customers(owner, [f"Oficina {run}"])
    cursor = pull_cursor(path)

    def stop_once_pushed(what: str, _done: int, _total: int) -> None:
        if what == "push":
            stop(cluster)

    try:
        failed_clearly(cluster, lambda: sync(path, clerk, progress=stop_once_pushed))
    finally:
        cluster.start()
    assert pending(path) == 0 and pull_cursor(path) == cursor  # pushed and known to be; nothing pulled yet
    assert applied(owner, change_ids) == len(change_ids)

    report = sync(path, clerk)
    assert (report.pushed, report.skipped) == (0, 0)
    assert_applied_once(owner, work, change_ids)
    assert_stock(owner, product, main, 30 - work.delivered, moves=1 + 3)
    assert_replica_equals_server(path, clerk)
    with Offline(path) as offline:
        assert parties.get_party(offline, office).legal_name == f"Oficina {run}"


# -- a restart in the middle of a pull --------------------------------------------------------------

def _restart_at(cluster: Cluster, table: str):
    """A progress callback restarting the server once, after the first chunk of ``table`` is applied locally."""
    fired: list[bool] = []

    def progress(what: str, done: int, total: int) -> None:
        if what == table and done < total and not fired:
            fired.append(True)
            restart(cluster)
    return progress, fired


def test_a_server_restarted_during_the_first_download_leaves_no_copy_and_the_next_sync_makes_a_whole_one(
        cluster, owner, clerk, tmp_path):
    run = run_tag()
    with owner.engine.begin() as conn:  # a shop with history
        conn.execute(insert(Party), [{"code": f"M{run}{i:05d}", "legal_name": f"Masivo {run} {i}", "city": "Huesca"}
                                     for i in range(4500)])
    path = tmp_path / "replica.sqlite3"
    progress, fired = _restart_at(cluster, "party")
    failed_clearly(cluster, lambda: sync(path, clerk, progress=progress))
    assert fired and not path.exists()  # only a complete download becomes the copy

    assert sync(path, clerk).created
    assert_replica_equals_server(path, clerk)
    with Offline(path) as offline:
        assert parties.count_parties(offline) == parties.count_parties(clerk)


def test_a_server_restarted_during_an_incremental_pull_changes_nothing_locally_until_the_next_sync(
        cluster, owner, clerk, tmp_path):
    run = run_tag()
    with owner.engine.begin() as conn:
        conn.execute(insert(Party), [{"code": f"M{run}{i:05d}", "legal_name": f"Masivo {run} {i}", "city": "Huesca"}
                                     for i in range(3000)])
    known = customers(clerk, [f"Cliente {run} {i:02d}" for i in range(5)])
    product, main = stocked_product(clerk, f"R{run}", 40)
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:
        work = offline_work(offline, f"Off{run}", known, product, main, new=10, moves=2)
    change_ids = outbox_ids(path)
    with owner.engine.begin() as conn:  # meanwhile at the office: edits, new customers, archived, removed
        conn.execute(update(Party).where(Party.code.like(f"M{run}%"), Party.code < f"M{run}02500")
                     .values(city="Teruel", version=Party.version + 1))
        conn.execute(insert(Party), [{"code": f"N{run}{i:05d}", "legal_name": f"Nuevo {run} {i}"} for i in range(800)])
        conn.execute(Party.__table__.delete().where(Party.code.between(f"M{run}02900", f"M{run}02999")))
    cursor = pull_cursor(path)

    progress, fired = _restart_at(cluster, "party")
    failed_clearly(cluster, lambda: sync(path, clerk, progress=progress))
    assert fired and pull_cursor(path) == cursor  # the pull is one local transaction: none of it applied
    assert pending(path) == 0 and applied(owner, change_ids) == len(change_ids)  # the push had landed
    with Offline(path) as offline:
        assert parties.get_party(offline, known[0]).city == work.cities[known[0]]  # what the clerk typed stays

    report = sync(path, clerk)
    assert report.pushed == 0 and pull_cursor(path) != cursor
    assert_applied_once(owner, work, change_ids)
    assert_stock(owner, product, main, 40 - work.delivered, moves=1 + 2)
    assert_replica_equals_server(path, clerk)
    with Offline(path) as offline:
        assert parties.count_parties(offline) == parties.count_parties(clerk)
