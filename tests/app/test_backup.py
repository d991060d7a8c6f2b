"""Backups of the local database: taken while the app writes, restored only when proven sound."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import backup
from app.db.backup import BackupError, backup_database, check_database_file, restore_database
from app.db.engine import make_engine
from app.db.migrate import head_revision, known_revisions
from app.db.session import Database
from app.domain.parties import Party, PartyAddress
from app.services import parties
from app.services.parties import AddressData, PartyData


def add_party(db: Database, name: str) -> None:
    parties.create_party(db, PartyData(legal_name=name, addresses=[AddressData(street=f"Calle {name}")]))


def count(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT count(*) FROM party").fetchone()[0],
                conn.execute("SELECT count(*) FROM party_address").fetchone()[0])
    finally:
        conn.close()


def live_path(db: Database) -> Path:
    return Path(db.engine.url.database)


# -- backing up ------------------------------------------------------------------------------

def test_a_backup_taken_while_another_connection_writes_is_one_consistent_and_complete_moment(sqlite_db,
                                                                                           tmp_path):
    committed = [0]
    stop = threading.Event()
    writer_db = Database(make_engine(live_path(sqlite_db)), user="writer")

    def write() -> None:
        n = 0
        while not stop.is_set() and n < 400:
            n += 1
            add_party(writer_db, f"Cliente {n:04d}")  # a party and its address in one transaction
            committed[0] = n

    thread = threading.Thread(target=write)
    thread.start()
    try:
        seen = []
        for i in range(3):
            while committed[0] < 5 * (i + 1):
                stop.wait(0.01)
            before = committed[0]
            target = tmp_path / f"backup{i}.sqlite3"
            info = backup_database(sqlite_db, target)
            after = committed[0]
            assert info.revision == head_revision() and info.current
            n_parties, n_addresses = count(target)
            assert n_parties == n_addresses, "a transaction was copied half-way"
            assert before <= n_parties <= after + 1, (before, n_parties, after)
            seen.append(n_parties)
            assert not (tmp_path / f"backup{i}.sqlite3-wal").exists()
    finally:
        stop.set()
        thread.join()
        writer_db.dispose()
    assert seen == sorted(seen)
    # The backup is itself a Trastienda database: it opens as one.
    from app.db.open import open_database

    opened = open_database(tmp_path / "backup2.sqlite3", upgrade=False)
    try:
        with opened.session() as s:
            assert s.scalar(select(func.count()).select_from(Party)) == seen[-1]
            assert s.scalar(select(func.count()).select_from(PartyAddress)) == seen[-1]
    finally:
        opened.dispose()


def test_a_failed_backup_leaves_no_partial_file_and_the_old_backup_in_place(sqlite_db, tmp_path, monkeypatch):
    target = tmp_path / "backup.sqlite3"
    target.write_bytes(b"yesterday's backup")

    def broken(_path):
        raise BackupError("checked and refused")

    monkeypatch.setattr(backup, "check_database_file", broken)
    with pytest.raises(BackupError):
        backup_database(sqlite_db, target)
    assert target.read_bytes() == b"yesterday's backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []


def test_a_database_of_another_program_is_not_backed_up_as_a_trastienda_one(tmp_path):
    other = tmp_path / "notes.sqlite3"
    _other_app(other, other)
    with pytest.raises(BackupError, match=f"{other} is a SQLite database but not a Trastienda one"):
        backup_database(other, tmp_path / "copy.sqlite3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_a_shared_server_is_not_backed_up_here():
    with pytest.raises(BackupError, match="pg_dump"):
        backup_database("postgresql+psycopg://clerk@server/shop", "/tmp/x.sqlite3")


# -- restoring -------------------------------------------------------------------------------

def test_restoring_a_backup_brings_its_data_back_and_keeps_the_replaced_database(sqlite_db, tmp_path):
    add_party(sqlite_db, "Bar Paco")
    saved = tmp_path / "saved.sqlite3"
    backup_database(sqlite_db, saved)
    add_party(sqlite_db, "Typed after the backup")
    live = live_path(sqlite_db)
    sqlite_db.dispose()
    before = count(live)

    result = restore_database(saved, live)

    assert result.kept is not None and result.kept.name.startswith(f"{live.name}.")
    assert result.kept.name.endswith(".before-restore")
    assert count(live) == (before[0] - 1, before[1] - 1)
    assert count(result.kept) == before  # the replaced database, write-ahead log folded in
    assert check_database_file(result.kept).revision == head_revision()
    assert not live.with_name(live.name + "-wal").exists() or live.with_name(live.name + "-wal").stat().st_size == 0
    assert [p for p in tmp_path.iterdir() if p.suffix == ".part"] == []
    database = Database(make_engine(live))
    try:
        with database.session() as s:
            names = set(s.scalars(select(Party.legal_name)))
    finally:
        database.dispose()
    assert "Bar Paco" in names and "Typed after the backup" not in names


def test_an_older_schema_is_restored_for_the_start_up_migration_to_upgrade(sqlite_db, tmp_path):
    saved = tmp_path / "old.sqlite3"
    backup_database(sqlite_db, saved)
    previous = sorted(known_revisions() - {head_revision()})[-1]
    conn = sqlite3.connect(saved)
    conn.execute("UPDATE alembic_version SET version_num = ?", (previous,))
    conn.commit()
    conn.close()
    live = live_path(sqlite_db)
    sqlite_db.dispose()
    result = restore_database(saved, live)
    assert result.info.revision == previous and not result.info.current


def test_restoring_onto_a_computer_with_no_database_yet(sqlite_db, tmp_path):
    saved = tmp_path / "saved.sqlite3"
    backup_database(sqlite_db, saved)
    live = tmp_path / "new" / "trastienda.sqlite3"
    result = restore_database(saved, live)
    assert result.kept is None and check_database_file(live).current


def _text_file(path: Path, _good: Path) -> None:
    path.write_text("Facturas de enero\n" * 200, encoding="utf-8")


def _other_app(path: Path, _good: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not ours')")
    conn.commit()
    conn.close()


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupted(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    page = 4096
    for start in range(page * 3, len(data), page * 7):  # scribble over a few pages past the schema
        data[start + 8:start + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))


def _newer(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "why"), [
    (_text_file, "is not a SQLite database"),
    (_other_app, "not a Trastienda one"),
    (_truncated, "is damaged"),
    (_corrupted, "is damaged"),
    (_newer, "newer Trastienda"),
], ids=["text-file", "another-app", "truncated", "corrupted", "newer-schema"])
def test_a_file_that_is_not_a_sound_trastienda_backup_is_refused_and_the_live_database_untouched(
        sqlite_db, tmp_path, make, why):
    add_party(sqlite_db, "Bar Paco")
    good = tmp_path / "good.sqlite3"
    backup_database(sqlite_db, good)
    live = live_path(sqlite_db)
    sqlite_db.dispose()
    bad = tmp_path / "refused.sqlite3"
    make(bad, good)
    files_before = sorted(p.name for p in live.parent.iterdir())
    live_before = live.read_bytes()

    with pytest.raises(BackupError, match=why) as refused:
        restore_database(bad, live)

    assert str(bad) in str(refused.value)
    assert live.read_bytes() == live_before
    assert sorted(p.name for p in live.parent.iterdir()) == files_before  # no temp, no before-restore copy


def test_the_live_database_itself_is_not_a_backup_of_itself(sqlite_db):
    live = live_path(sqlite_db)
    sqlite_db.dispose()
    with pytest.raises(BackupError, match="the database itself"):
        restore_database(live, live)
