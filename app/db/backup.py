"""Back up and restore the local SQLite database (``main.py backup``/``restore``, File > Back up…).

A backup is a plain ``.sqlite3`` file that is itself a Trastienda database: it
opens with ``--db FILE``. It is taken with SQLite's online backup API, so it is
one consistent moment of the database while the app keeps writing (WAL mode),
and it appears whole or not at all (written beside the target, checked, then
renamed over it).

A restore never touches the current database until the restored copy has been
checked where it will live: not a SQLite file, another program's database, a
damaged file or one written by a newer Trastienda are refused with the file's
name and what is wrong. The current file is then kept as
``<name>.<time>.before-restore`` and the copy takes its place. An older
schema is fine: the normal start-up migration upgrades it.

A shared PostgreSQL server is backed up by its administrator (``pg_dump``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.db import migrate
from app.errors import TrastiendaError
from app.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every Trastienda database has had since its first revision.
CORE_TABLES = frozenset({"alembic_version", "company", "party", "invoice", "invoice_line", "product"})
BEFORE_RESTORE = "before-restore"


class BackupError(TrastiendaError):
    """A backup cannot be taken or a file cannot be restored; the message names the file and why."""


@dataclass(frozen=True)
class BackupInfo:
    """A checked Trastienda database file."""

    path: Path
    revision: str
    current: bool  # the schema of this version (False: older, upgraded when next opened)


@dataclass(frozen=True)
class Restored:
    live: Path
    kept: Path | None  # the database that was replaced (None: there was none)
    info: BackupInfo


# -- which file ----------------------------------------------------------------------------

def local_path(db) -> Path:
    """The SQLite file behind ``db`` (a Database, an engine, a URL, a path or None for the local default).

    A shared server is refused: its administrator backs it up with pg_dump.
    """
    from app.db.engine import resolve_url

    if isinstance(db, Engine):
        url = db.url
    elif hasattr(db, "engine"):  # a Database
        url = db.engine.url
    else:
        url = resolve_url(db)
    if url.get_backend_name() != "sqlite":
        raise BackupError(_("A shared PostgreSQL server is backed up by its administrator (pg_dump), "
                            "not by Trastienda."))
    if not url.database or url.database == ":memory:":
        raise BackupError(_("An in-memory database has no file to back up."))
    return Path(url.database).resolve()


# -- checking a file -----------------------------------------------------------------------

def check_database_file(path: str | Path) -> BackupInfo:
    """Prove ``path`` is an undamaged Trastienda database this version can open, or raise BackupError.

    Read-only (SQLite's ``immutable``): the file is never changed, and a stray
    ``-wal`` beside it is not read.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("{file}: there is no such file.").format(file=path))
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise BackupError(_("{file} is not a SQLite database, so not a Trastienda backup.").format(file=path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(_("{file} cannot be opened: {why}.").format(file=path, why=exc)) from None
    try:
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise BackupError(_("{file} is damaged ({why}); it cannot be restored.").format(
                file=path, why=exc)) from None
        if problems != ["ok"]:
            raise BackupError(_("{file} is damaged ({why}); it cannot be restored.").format(
                file=path, why="; ".join(problems)))
        missing = CORE_TABLES - tables
        if missing:
            raise BackupError(_("{file} is a SQLite database but not a Trastienda one (it has no {tables} table).")
                              .format(file=path, tables=", ".join(sorted(missing))))
        if "sync_state" in tables:
            raise BackupError(_("{file} is a shared server's offline copy, not a database of this computer.")
                              .format(file=path))
        revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()
    if len(revisions) != 1:
        raise BackupError(_("{file} has no schema revision; it is not a Trastienda database.").format(file=path))
    revision = revisions[0]
    if revision not in migrate.known_revisions():
        raise BackupError(_("{file} was written by a newer Trastienda (schema revision {revision}); "
                            "install that version to restore it.").format(file=path, revision=revision))
    return BackupInfo(path, revision, revision == migrate.head_revision())


# -- backing up ----------------------------------------------------------------------------

def backup_database(db_or_path, target: str | Path) -> BackupInfo:
    """Write a consistent copy of the local database to ``target``, checked, whole or not at all.

    Safe while the app (or any other connection) writes: the online backup API
    copies one moment of the database. ``target`` is replaced only once the
    copy has passed ``check_database_file``.
    """
    source = local_path(db_or_path)
    target = Path(target).expanduser().resolve()
    if not source.is_file():
        raise BackupError(_("{file}: there is no database to back up.").format(file=source))
    if target == source:
        raise BackupError(_("{file} is the database itself; choose another file for the backup.").format(file=target))
    if not target.parent.is_dir():
        raise BackupError(_("{folder}: there is no such folder.").format(folder=target.parent))
    tmp = _temp_beside(target)
    try:
        src = sqlite3.connect(source, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)  # all pages in one step: one read transaction, one moment
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        try:
            info = check_database_file(tmp)
        except BackupError as exc:  # what is wrong is the database's: name it, not the temporary copy
            raise BackupError(str(exc).replace(str(tmp), str(source))) from None
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupError(_("Cannot back up {file}: {why}.").format(file=source, why=exc)) from None
    except OSError as exc:
        raise BackupError(_("Cannot write {file}: {why}.").format(file=target, why=exc.strerror or exc)) from None
    finally:
        _remove(tmp)
    return BackupInfo(target, info.revision, info.current)


# -- restoring -----------------------------------------------------------------------------

def restore_database(backup_file: str | Path, live_path) -> Restored:
    """Replace the local database with ``backup_file``, keeping the current one beside it.

    Close every connection to the live database first (the app disposes its
    engine). Nothing changes unless the copy passes every check; the current file
    is kept as ``<name>.<time>.before-restore``.
    """
    backup_file = Path(backup_file).expanduser().resolve()
    live = local_path(live_path)
    check_database_file(backup_file)  # refuse early, before copying a large wrong file
    if backup_file == live:
        raise BackupError(_("{file} is the database itself.").format(file=backup_file))
    live.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(live)
    try:
        shutil.copyfile(backup_file, tmp)
        _fsync(tmp)
        info = check_database_file(tmp)  # the copy that will live there, not the one that was read
        kept = None
        if live.exists():
            _settle(live)
            kept = _free_name(live.with_name(f"{live.name}.{_stamp()}.{BEFORE_RESTORE}"))
            shutil.copy2(live, kept)
            _fsync(kept)
        for suffix in ("-wal", "-shm", "-journal"):  # the old file's; never to be applied to the new one
            _remove(live.with_name(live.name + suffix))
        os.replace(tmp, live)
        _fsync_dir(live.parent)
    except OSError as exc:
        raise BackupError(_("Cannot restore into {file}: {why}.").format(file=live, why=exc.strerror or exc)) from None
    finally:
        _remove(tmp)
    return Restored(live, kept, BackupInfo(backup_file, info.revision, info.current))


def _settle(live: Path) -> None:
    """Refuse a replica; fold the live file's write-ahead log into it, so the kept copy is complete
    and no log is left over to be applied to the restored file."""
    conn = sqlite3.connect(live, timeout=5)
    try:
        replica = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").fetchone()
        busy = 0 if replica else conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.DatabaseError:
        replica, busy = None, 0  # a damaged live file is exactly what a restore is for: kept as it is
    finally:
        conn.close()
    if replica:
        raise BackupError(_("{file} is a shared server's offline copy; restore only this computer's database.")
                          .format(file=live))
    if busy:
        raise BackupError(_("{file} is in use by another program (another Trastienda?); close it and try again.")
                          .format(file=live))


# -- files ----------------------------------------------------------------------------------

def _stamp() -> str:
    return dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate


def _temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _fsync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a directory; its renames are journaled by NTFS
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
