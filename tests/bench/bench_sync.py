"""The offline sync (issue #9): push and pull 10,000 changed rows, and the first download of a
100,000-invoice demo, each against a plain bulk copy of the same rows measured in the same run.

    .venv/bin/python -m tests.bench.bench_sync [--rows 10000] [--invoices 100000] [--skip-download] [--demo-triggers]

Everything runs against this machine's PostgreSQL, in scratch databases made by ``server init``
(dropped at the end, also on error or Ctrl+C), with a clerk's login, as the app does it:

1. push: a clerk's replica is made (``app.sync.service.sync``), then, offline on it
   (``open_replica``), the services create 40 % new customers, edit 40 % existing ones (phone and
   city) and record 20 % stock receipts (untimed); ``sync`` sending them is timed (the pull that
   follows in the same sync brings the pushed rows back: the split is printed).
2. pull: the owner inserts 40 % new customers and edits 40 % (SQL) and writes 20 % stock moves
   through the stock service (untimed); the clerk's ``sync`` bringing them is timed.
3. download: a second scratch server gets the demo data (``main.py demo --invoices N``, the other
   sizes at their defaults, as the owner; untimed, its time printed; by default with the server's
   triggers off for that load, see ``_load_demo``, ``--demo-triggers`` for the real thing), then
   ``VACUUM ANALYZE``; a new clerk's first ``sync`` is timed.

Baselines, in the same run, on the same rows:
- push: the 10,000 rows' values (as the server holds them afterwards) inserted by psycopg
  ``executemany`` into TEMP copies (``LIKE``) of their tables, one transaction: the cheapest way
  the same rows reach the server. Beside it, the same rows (new ids and codes) inserted into the real
  tables, where the server's audit-trail and change-feed triggers fire on each row as they do on a
  push's, then rolled back: what the server must do at least to store them.
- pull and download: the same rows read from the server with psycopg as the clerk and written with
  plain ``sqlite3`` ``executemany`` into a fresh SQLite file (same columns, primary key only, one
  transaction): sync writes a SQLite file, so the baseline writes one too.
Targets (issue #9): 10,000 rows under 10 s (1,000 rows/s) and within 5x the baseline, PASS/MISS.
Each part checks its result by counts (every row there, every change once) before timing counts.
At the default sizes a run takes about 20 minutes on 2 cores, most of it the untimed demo load
(11-12 min for 100,000 invoices); ``--invoices 20000`` or ``--skip-download`` for a quicker look.
Unit tests never assert times.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import signal
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from decimal import Decimal
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from app.db.engine import make_engine
from app.db.open import open_database
from app.db.server_admin import add_user, init_server, remove_user
from app.db.session import Database
from app.domain.base import Base
from app.domain.inventory import StockLevel, Warehouse
from app.domain.parties import Party
from app.domain.types import utcnow
from app.services import company, parties, products, stock
from app.services.setup import tax_rate_id
from app.sync import pull, replica
from app.sync.service import open_replica, sync
from tests.conftest import PG_SERVER_URL

TARGET_RATE = 1000  # rows/s: 10,000 rows under 10 s
TARGET_RATIO = 5.0
PHONE = "976 000 009"  # what the offline edits write
NOTE = "bench-sync pulled"  # what the server's edits write


# -- scratch servers and logins -------------------------------------------------------------

@contextmanager
def scratch_server(label: str) -> Iterator[tuple[object, Database]]:
    """A database made by ``init_server`` (URL, owner Database); dropped at the end whatever happens."""
    name = f"trastienda_bench_sync_{label}_{uuid.uuid4().hex[:8]}"
    url = make_url(PG_SERVER_URL).set(database=name)
    engine = make_engine(url)
    try:
        init_server(engine)
        yield url, Database(engine, user="postgres")
    finally:
        engine.dispose()
        admin = create_engine(make_url(PG_SERVER_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def clerk_login(url, owner: Database) -> Iterator[Database]:
    """A new clerk login, opened as the app opens a shared server; the login is removed at the end."""
    name = f"clerk_bench_{uuid.uuid4().hex[:8]}"
    add_user(owner.engine, name, "clerk")
    try:
        db = open_database(url.set(username=name), upgrade=False)
        try:
            yield db
        finally:
            db.dispose()
    finally:
        remove_user(owner.engine, name)


def _psycopg(db: Database) -> psycopg.Connection:
    u = db.engine.url
    return psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database)


# -- figures --------------------------------------------------------------------------------

@dataclasses.dataclass
class Result:
    part: str
    rows: int
    ours: float
    baseline: float
    # The same rows into the real tables, where the server's own triggers (audit trail, change feed) fire.
    with_triggers: float | None = None

    def lines(self) -> list[str]:
        rate, ratio = self.rows / self.ours, self.ours / self.baseline
        extra = [] if self.with_triggers is None else [
            f"  baseline into the real tables, the server's triggers firing: {self.with_triggers:.2f} s, "
            f"ratio {self.ours / self.with_triggers:.1f}x: within {TARGET_RATIO:.0f}x "
            f"{'PASS' if self.ours / self.with_triggers <= TARGET_RATIO else 'MISS'}"]
        return [f"{self.part}: {self.rows:,} rows",
                f"  ours     {self.ours:8.2f} s  {rate:10,.0f} rows/s",
                f"  baseline {self.baseline:8.2f} s  {self.rows / self.baseline:10,.0f} rows/s",
                f"  ratio    {ratio:8.1f}x", *extra,
                f"  target {TARGET_RATE:,} rows/s (10,000 rows under 10 s): {'PASS' if rate >= TARGET_RATE else 'MISS'}"
                f";  within {TARGET_RATIO:.0f}x the baseline: {'PASS' if ratio <= TARGET_RATIO else 'MISS'}"]


def _timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def _check(what: str, got, expected) -> None:
    if got != expected:
        raise SystemExit(f"WRONG RESULT: {what}: {got!r}, expected {expected!r}")
    print(f"  ok: {what} = {got!r}")


def _timed_sync(path: Path, clerk: Database):
    """``sync``, timed, with the moment the push ended (its last progress call)."""
    marks: dict[str, float] = {}

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage == "push":
            marks["push"] = time.perf_counter()

    started = time.perf_counter()
    report = sync(path, clerk, progress=progress)
    took = time.perf_counter() - started
    push_end = marks.get("push")
    split = f"push {push_end - started:.2f} s, then pull {took - (push_end - started):.2f} s" if push_end else ""
    return report, took, split


# -- baselines ------------------------------------------------------------------------------

for kind, adapt in ((uuid.UUID, lambda v: v.hex), (Decimal, str), (dt.datetime, dt.datetime.isoformat),
                    (dt.date, dt.date.isoformat), (dict, json.dumps), (list, json.dumps)):
    sqlite3.register_adapter(kind, adapt)


def pg_baseline(owner: Database, wanted: dict[str, list[uuid.UUID]]) -> float:
    """Seconds to executemany the rows ``wanted`` (table: ids), as the server holds them, into TEMP copies."""
    with _psycopg(owner) as conn:
        loaded = {}
        for table, ids in wanted.items():
            cur = conn.execute(f'SELECT * FROM "{table}" WHERE id = ANY(%s)', (ids,))
            loaded[table] = ([d.name for d in cur.description], cur.fetchall())
            conn.execute(f'CREATE TEMP TABLE "bench_{table}" (LIKE "{table}" INCLUDING DEFAULTS)')
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cur:
            for table, (cols, rows) in loaded.items():
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join(["%s"] * len(cols))
                cur.executemany(f'INSERT INTO "bench_{table}" ({names}) VALUES ({marks})', rows)
        conn.commit()
        took = time.perf_counter() - started
        copied = sum(conn.execute(f'SELECT count(*) FROM "bench_{t}"').fetchone()[0] for t in loaded)
    _check("baseline rows inserted", copied, sum(len(ids) for ids in wanted.values()))
    return took


def pg_trigger_baseline(owner: Database, wanted: dict[str, list[uuid.UUID]]) -> float:
    """Seconds to executemany copies of the rows ``wanted`` (new ids, new codes) into the real tables, where
    every insert fires the server's audit and change-feed triggers, as a push's do; rolled back after."""
    with _psycopg(owner) as conn:
        loaded = {}
        for table, ids in wanted.items():
            cur = conn.execute(f'SELECT * FROM "{table}" WHERE id = ANY(%s)', (ids,))
            cols = [d.name for d in cur.description]
            rows = []
            for n, row in enumerate(cur.fetchall()):
                values = dict(zip(cols, row, strict=True))
                values["id"] = uuid.uuid4()
                if "code" in values:
                    values["code"] = f"ZB{n:08d}"  # party.code is unique
                rows.append(tuple(Jsonb(v) if isinstance(v, (dict, list)) else v for v in values.values()))
            loaded[table] = (cols, rows)
        started = time.perf_counter()
        with conn.cursor() as cur:
            for table, (cols, rows) in loaded.items():
                names = ", ".join(f'"{c}"' for c in cols)
                cur.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(["%s"] * len(cols))})', rows)
        took = time.perf_counter() - started
        conn.rollback()
    return took


def sqlite_baseline(clerk: Database, wanted: dict[str, list[uuid.UUID] | None], path: Path) -> tuple[int, float]:
    """Rows and seconds to read the rows ``wanted`` (table: ids, None for all) as the clerk and executemany them
    into a fresh SQLite file (same columns, primary key only)."""
    with _psycopg(clerk) as conn, ExitStack() as stack:
        columns = {}
        for table in wanted:
            cols = conn.execute("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 "
                                "AND NOT attisdropped AND has_column_privilege(attrelid, attnum, 'SELECT') "
                                "ORDER BY attnum", (table,)).fetchall()
            columns[table] = [c[0] for c in cols]
        conn.rollback()
        local = sqlite3.connect(path)
        stack.callback(local.close)
        for table, cols in columns.items():
            local.execute(f'CREATE TABLE "{table}" ({", ".join(f"{c!r}" for c in cols)}, PRIMARY KEY ("id"))')
        local.commit()
        started = time.perf_counter()
        copied = 0
        for table, ids in wanted.items():
            names = ", ".join(f'"{c}"' for c in columns[table])
            query = f'SELECT {names} FROM "{table}"' + ("" if ids is None else " WHERE id = ANY(%s)")
            with conn.cursor(name=f"bench_{table}") as cur:  # server-side: read in chunks, as sync does
                cur.itersize = pull.CHUNK
                cur.execute(query, None if ids is None else (ids,))
                insert_sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns[table]))})'
                while rows := cur.fetchmany(pull.CHUNK):
                    local.executemany(insert_sql, rows)
                    copied += len(rows)
        local.commit()
        conn.rollback()
        took = time.perf_counter() - started
    return copied, took


# -- counts ---------------------------------------------------------------------------------

def _count(db: Database, query, **params) -> int:
    with db.engine.connect() as conn:
        return conn.execute(query if not isinstance(query, str) else text(query), params).scalar_one()


def _ids(db: Database, query: str) -> list[uuid.UUID]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(query)).scalars())


def _seed_parties(owner: Database, n: int, prefix: str, code_from: int) -> list[dict]:
    """``n`` customers written by the owner in one transaction (as an import would); their rows."""
    now = utcnow()
    rows = [dict(id=uuid.uuid4(), code=f"C{code_from + i:06d}", legal_name=f"{prefix} {i:05d} SL", city="Zaragoza",
                 version=1, created_at=now, updated_at=now, updated_by="postgres") for i in range(n)]
    with owner.engine.begin() as conn:
        for at in range(0, n, 1000):
            conn.execute(insert(Party), rows[at:at + 1000])
    return rows


def _warehouse(db: Database) -> uuid.UUID:
    with db.session() as s:
        return s.execute(select(Warehouse.id).order_by(Warehouse.code)).scalars().first()


def _products(clerk: Database, n: int) -> list[uuid.UUID]:
    rate = tax_rate_id("IVA21")
    return [products.create_product(clerk, products.ProductData(
        sku=f"BENCH-{i:04d}", name=f"Artículo {i}", sale_price=Decimal("2.00"), cost=Decimal("1.00"),
        tax_rate_id=rate)).id for i in range(n)]


def _stock_total(db: Database) -> Decimal:
    return _count(db, select(func.coalesce(func.sum(StockLevel.quantity), 0)))


# -- part 1: push ---------------------------------------------------------------------------

def _split(rows: int) -> tuple[int, int, int]:
    new, edits = rows * 2 // 5, rows * 2 // 5
    return new, edits, rows - new - edits


def _one_connection(db: Database) -> None:
    """Untimed setup only: a replica's engine opens a new SQLite connection for every session (NullPool),
    and each new connection parses the schema with its outbox triggers (about 8 ms here). For the 10,000
    service calls of the offline work, one kept connection instead, with the same listeners (pragmas,
    capture flag, transaction ids); the timed syncs open the replica as the app does."""
    old = db.engine.pool
    db.engine.pool = QueuePool(old._creator, pool_size=1, max_overflow=2, reset_on_return=old._reset_on_return,
                               _dispatch=old.dispatch, dialect=old._dialect)
    old.dispose()


def _offline_work(path: Path, edited: list[dict], product_ids: list[uuid.UUID], new: int, moves: int) -> None:
    """The clerk's day offline, through the services. An edit saves the form as it was filled from the
    seeded row (version 1), not read again first: that read is a service call the push never sees."""
    offline = open_replica(path)
    _one_connection(offline)
    try:
        for i in range(new):
            parties.create_party(offline, parties.PartyData(legal_name=f"Bench Offline {i:05d} SL", city="Huesca"))
        for row in edited:
            parties.update_party(offline, row["id"], parties.PartyData(
                code=row["code"], legal_name=row["legal_name"], city="Teruel", phone=PHONE), expected_version=1)
        main = _warehouse(offline)
        for i in range(moves):
            stock.record_move(offline, stock.StockMoveData(
                kind="receipt", product_id=product_ids[i % len(product_ids)], quantity=3, to_warehouse_id=main,
                unit_cost=Decimal("1.10"), reference="bench-offline"))
        _check("changes waiting in the outbox", replica.pending(offline.engine), new + len(edited) + moves)
    finally:
        offline.dispose()


def part_push(url, owner: Database, clerk: Database, path: Path, rows: int) -> Result:
    new, edits, moves = _split(rows)
    edited = _seed_parties(owner, edits, "Cliente", 1)
    product_ids = _products(clerk, 50)
    report, took = _timed(lambda: sync(path, clerk))
    print(f"  replica made: {report.pulled:,} rows in {took:.1f} s (untimed)")
    _, took = _timed(lambda: _offline_work(path, edited, product_ids, new, moves))
    print(f"  offline on the replica through the services: {new:,} new customers, {edits:,} edits, "
          f"{moves:,} stock receipts in {took:.1f} s (untimed)")
    applied_before = _count(owner, "SELECT count(*) FROM sync_applied")
    report, took, split = _timed_sync(path, clerk)
    print(f"  sync: {took:.2f} s ({split}); pulled back {report.pulled:,}")
    _check("changes pushed", (report.pushed, report.skipped, len(report.conflicts)), (rows, 0, 0))
    _check("changes recorded applied on the server", _count(owner, "SELECT count(*) FROM sync_applied")
           - applied_before, rows)
    _check("new customers on the server", _count(owner, "SELECT count(*) FROM party WHERE legal_name LIKE "
                                                 "'Bench Offline %'"), new)
    _check("edited customers on the server", _count(owner, "SELECT count(*) FROM party WHERE phone = :p AND "
                                                    "city = 'Teruel' AND version = 2", p=PHONE), edits)
    _check("stock receipts on the server", _count(owner, "SELECT count(*) FROM stock_move WHERE reference = "
                                                  "'bench-offline'"), moves)
    _check("stock on hand on the server", _stock_total(owner), Decimal(3 * moves))
    offline = open_replica(path)
    try:
        _check("outbox left on the replica", replica.pending(offline.engine), 0)
    finally:
        offline.dispose()
    wanted = {"party": _ids(owner, f"SELECT id FROM party WHERE legal_name LIKE 'Bench Offline %' OR phone = '{PHONE}'"),
              "stock_move": _ids(owner, "SELECT id FROM stock_move WHERE reference = 'bench-offline'")}
    return Result("push (sync sending the offline changes)", rows, took, pg_baseline(owner, wanted),
                  pg_trigger_baseline(owner, wanted))


# -- part 2: pull ---------------------------------------------------------------------------

def part_pull(owner: Database, clerk: Database, path: Path, tmp: Path, rows: int) -> Result:
    new, edits, moves = _split(rows)
    started = time.perf_counter()
    new_ids = [r["id"] for r in _seed_parties(owner, new, "Bench Server", 500_000)]
    with owner.engine.begin() as conn:
        edit_ids = list(conn.execute(text("UPDATE party SET notes = :n, version = version + 1 WHERE id IN (SELECT id "
                                          "FROM party WHERE code < 'C5' ORDER BY code LIMIT :k) RETURNING id"),
                                     {"n": NOTE, "k": edits}).scalars())
    product_ids = _ids(owner, "SELECT id FROM product ORDER BY sku")
    main = _warehouse(owner)
    with owner.session() as s:
        moved = stock.write_moves(s, [stock.PlannedMove(dict(
            kind="delivery", product_id=product_ids[i % len(product_ids)], quantity=Decimal(1), from_warehouse_id=main,
            date=dt.date.today(), reference="bench-server")) for i in range(moves)], allow_negative=True)
        move_ids = [m.id for m in moved]
    print(f"  on the server: {new:,} new customers, {len(edit_ids):,} edits (SQL as the owner), {moves:,} deliveries "
          f"(stock service) in {time.perf_counter() - started:.1f} s (untimed)")
    report, took, split = _timed_sync(path, clerk)
    print(f"  sync: {took:.2f} s ({split}); pulled {report.pulled:,} rows")
    offline = open_replica(path)
    try:
        _check("customers on the replica = the server's", _count(offline, "SELECT count(*) FROM party"),
               _count(clerk, "SELECT count(*) FROM party"))
        _check("new customers on the replica", _count(offline, "SELECT count(*) FROM party WHERE legal_name LIKE "
                                                      "'Bench Server %'"), new)
        _check("edited customers on the replica", _count(offline, "SELECT count(*) FROM party WHERE notes = :n",
                                                         n=NOTE), edits)
        _check("deliveries on the replica", _count(offline, "SELECT count(*) FROM stock_move WHERE reference = "
                                                   "'bench-server'"), moves)
        _check("stock on hand on the replica = the server's", _stock_total(offline), _stock_total(owner))
    finally:
        offline.dispose()
    wanted = {"party": new_ids + edit_ids, "stock_move": move_ids}
    copied, base = sqlite_baseline(clerk, wanted, tmp / "pull-baseline.sqlite3")
    _check("baseline rows written to SQLite", copied, new + len(edit_ids) + moves)
    return Result("pull (sync bringing the server's changes)", new + len(edit_ids) + moves, took, base)


# -- part 3: first download of a demo database ----------------------------------------------

def _load_demo(url, invoices: int, triggers: bool):
    """``main.py demo --invoices N`` as the owner. Without ``triggers`` the owner's bulk load runs with the
    server's triggers off (session_replication_role, superuser only): the same rows in every table a
    replica holds, but no audit trail, no change feed (neither is downloaded) and no chain re-check of
    each record (the demo's chain is made by the posting code anyway), which would take most of the run."""
    from app.demo import generate_demo

    target = url if triggers else url.update_query_dict({"options": "-c session_replication_role=replica"})
    db = Database(make_engine(target), user="postgres")
    try:
        return generate_demo(db, invoices=invoices)
    finally:
        db.dispose()


def part_download(invoices: int, tmp: Path, triggers: bool) -> Result:
    with scratch_server("demo") as (url, owner):
        stats, took = _timed(lambda: _load_demo(url, invoices, triggers))
        with owner.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))  # a settled server: neither side pays for setting hint bits
        print(f"  demo data (main.py demo --invoices {invoices:,}, server triggers {'on' if triggers else 'off'}) "
              f"on the server: {stats.rows:,} rows in {took:.0f} s (untimed)")
        with clerk_login(url, owner) as clerk:
            path = tmp / "demo-replica.sqlite3"
            report, took, _ = _timed_sync(path, clerk)
            print(f"  first sync: {took:.2f} s, {report.pulled:,} rows")
            tables = [t.name for t in pull.replicated_tables()]
            visible = {}
            with clerk.engine.connect() as conn:
                for t in tables:
                    if pull.readable_columns(conn, Base.metadata.tables[t]) is not None:
                        visible[t] = conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                conn.rollback()
            _check("rows downloaded = rows the clerk may read", report.pulled, sum(visible.values()))
            offline = open_replica(path)
            try:
                local = {t: _count(offline, f'SELECT count(*) FROM "{t}"') for t in visible}
            finally:
                offline.dispose()
            _check("tables whose replica count differs from the server's",
                   {t: (local[t], n) for t, n in visible.items() if local[t] != n}, {})
            _check("invoices on the replica", local.get("invoice"), _count(owner, "SELECT count(*) FROM invoice"))
            copied, base = sqlite_baseline(clerk, dict.fromkeys(visible), tmp / "download-baseline.sqlite3")
            _check("baseline rows written to SQLite", copied, report.pulled)
    return Result(f"first download ({invoices:,}-invoice demo)", report.pulled, took, base)


# -- main -----------------------------------------------------------------------------------

def _interrupt_on_term(_signum, _frame) -> None:
    raise KeyboardInterrupt  # the scratch databases and logins go as on Ctrl+C


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="changed rows pushed, and pulled (default 10,000)")
    parser.add_argument("--invoices", type=int, default=100_000, help="demo invoices for the download (default 100,000)")
    parser.add_argument("--skip-download", action="store_true", help="only push and pull")
    parser.add_argument("--demo-triggers", action="store_true",
                        help="load the demo with the server's triggers on, exactly as main.py demo (much slower)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt_on_term)
    results: list[Result] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_sync_") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["TRASTIENDA_DATA_DIR"] = str(tmp / "data")  # never the real data folder
        print(f"PostgreSQL {make_url(PG_SERVER_URL).render_as_string(hide_password=True)}, "
              f"{os.cpu_count()} cores, {args.rows:,} rows, {args.invoices:,} demo invoices")
        with scratch_server("rows") as (url, owner):
            company.save_company(owner, company.CompanyData(legal_name="Suministros Ebro SL", tax_id="B58378431",
                                                            street="Calle Mayor 1", postal_code="50001",
                                                            city="Zaragoza"))
            with clerk_login(url, owner) as clerk:
                path = tmp / "replica.sqlite3"
                print("1. push")
                results.append(part_push(url, owner, clerk, path, args.rows))
                print("2. pull")
                results.append(part_pull(owner, clerk, path, tmp, args.rows))
        if not args.skip_download:
            print("3. first download")
            results.append(part_download(args.invoices, tmp, args.demo_triggers))
    print(f"\nResults ({os.cpu_count()} cores, whole run {time.perf_counter() - started:.0f} s):")
    for r in results:
        print("\n".join(r.lines()))


if __name__ == "__main__":
    main()
