"""A way out for an offline copy that cannot be used: save its unsynced work to a file, download a fresh copy.

A copy is refused (``ReplicaError``) when it is another login's, another server's, made by another version,
or not a readable file at all. Its outbox and open conflicts are then the only record of what the clerk
typed offline, so nothing here writes to it:

- ``export_copy`` reads the copy read-only, with nothing but SQLite (no server, no schema check, no
  migration) and writes its unsynced changes and open conflicts to a JSON file (``replica.export_outbox``).
  A damaged file gives what can still be read, table by table and row by row, and says what could not;
- ``fresh_copy`` downloads a new copy beside the old one; only once the download is complete is the old file
  renamed ``<file>.<timestamp>.old`` (with its ``-wal``/``-shm``) and the new one put in its place. The old
  file is never deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from app.db.session import Database
from app.errors import ValidationError
from app.i18n import _
from app.sync import replica
from app.sync.replica import ReplicaError

_SIDECARS = ("-wal", "-shm")  # SQLite's files beside the database: they hold committed pages too


@dataclass
class Exported:
    """What ``export_copy`` wrote: counts, and what could not be read (empty: the copy was read whole)."""

    changes: int = 0
    conflicts: int = 0
    problems: list[str] = field(default_factory=list)
    written: bool = True  # False: nothing at all could be read, so no file was written


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def unsynced(path: Path) -> tuple[int, int] | None:
    """(unsynced changes, open conflicts) in the copy at ``path``; (0, 0) without a copy or bookkeeping;
    None when the copy cannot be read, so whether it holds any is unknown."""
    if not path.exists():
        return 0, 0
    try:
        with closing(_read_only(path)) as conn:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # NOT INDEXED: the rows themselves are read, not only the smaller index on change_id
            changes = (conn.execute("SELECT count(*) FROM sync_outbox NOT INDEXED").fetchone()[0]
                       if "sync_outbox" in tables else 0)
            conflicts = (conn.execute("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL").fetchone()[0]
                         if "sync_conflict" in tables else 0)
            if "sync_posting" in tables:  # drafts posted offline, to be numbered at sync: unsynced work too
                changes += conn.execute("SELECT count(*) FROM sync_posting").fetchone()[0]
            return changes, conflicts
    except sqlite3.Error:
        return None


def refuse_unsaved(path: Path) -> None:
    """ReplicaError when replacing the copy at ``path`` would leave unsynced work behind unsaved."""
    counts = unsynced(path)
    if counts is None:
        raise ReplicaError(_("The offline copy {path} cannot be read, so it may hold unsynced changes: save what can "
                             "be read of it in the same command, with `python main.py --profile NAME sync --fresh "
                             "--export FILE`.").format(path=path))
    changes, conflicts = counts
    if changes or conflicts:
        raise ReplicaError(_("The offline copy {path} holds {changes} unsynced changes and {conflicts} open conflicts "
                             "that a fresh copy would not have: save them in the same command, with `python main.py "
                             "--profile NAME sync --fresh --export FILE`.").format(
                                 path=path, changes=changes, conflicts=conflicts))


def export_copy(path: Path, out: Path) -> Exported:
    """Write the unsynced changes and open conflicts of the copy at ``path`` to ``out`` (JSON, never over an
    existing file), whatever copy it is; reads only the local file."""
    if not path.exists():
        raise ReplicaError(_("There is no offline copy on this computer ({path}): nothing to export.").format(
            path=path))
    if out.exists():
        raise ValidationError("export", _("{file} exists already: give a new file name, so that no earlier export is "
                                          "overwritten.").format(file=out))
    if not out.parent.is_dir():
        raise ValidationError("export", _("Cannot write {file}: the folder {folder} does not exist.").format(
            file=out, folder=out.parent))
    engine = create_engine("sqlite://", creator=lambda: _read_only(path), poolclass=NullPool)
    try:
        try:
            replica.export_outbox(engine, out)
            data = json.loads(out.read_text(encoding="utf-8"))
            return Exported(changes=len(data["changes"]) + len(data["to_post"]), conflicts=len(data["conflicts"]))
        except (DBAPIError, sqlite3.Error, ValueError):  # damaged, or not a copy: read what can be read
            out.unlink(missing_ok=True)
            return _salvage(path, out)
    except OSError as exc:  # the export's folder: full, read-only, not allowed
        raise ValidationError("export", _("Cannot write {file}: {reason}").format(
            file=out, reason=exc.strerror or exc)) from None
    finally:
        engine.dispose()


def _salvage(path: Path, out: Path) -> Exported:
    problems: list[str] = []
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return Exported(problems=[str(exc)], written=False)
    with closing(conn):
        conn.row_factory = sqlite3.Row
        state = {r["key"]: r["value"] for r in _rows(conn, "sync_state", "", problems)}
        changes = [dict(r) for r in _rows(conn, "sync_outbox", "", problems)]
        conflicts = [dict(r) for r in _rows(conn, "sync_conflict", "AND resolved_at IS NULL", problems)]
        postings = [dict(r) for r in _rows(conn, "sync_posting", "", problems)] if _has(conn, "sync_posting") else []
    if not (state or changes or conflicts) and problems:
        return Exported(problems=problems, written=False)
    for change in changes:
        change.pop("salvage_rowid", None)
        try:
            change["changes"] = json.loads(change["changes"])
        except (TypeError, ValueError):
            pass  # kept as the text it is
    for row in conflicts + postings:
        row.pop("salvage_rowid", None)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(json.dumps({"replica": state, "changes": changes, "to_post": postings, "conflicts": conflicts,
                               "unreadable": problems}, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    tmp.replace(out)
    return Exported(changes=len(changes) + len(postings), conflicts=len(conflicts), problems=problems)


def _has(conn: sqlite3.Connection, table: str) -> bool:
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() \
            is not None
    except sqlite3.Error:
        return False


def _rows(conn: sqlite3.Connection, table: str, where: str, problems: list[str]) -> list:
    """The rows of ``table`` in order, one at a time, up to the first that cannot be read (noted in ``problems``)."""
    rows: list = []
    last = -(2 ** 63)
    try:
        sql = (f"SELECT rowid AS salvage_rowid, * FROM {table} NOT INDEXED WHERE rowid > ? {where} "
               "ORDER BY rowid LIMIT 1")
        while (row := conn.execute(sql, (last,)).fetchone()) is not None:
            rows.append(row)
            last = row["salvage_rowid"]
    except sqlite3.Error as exc:
        problems.append(f"{table}: {exc}")
    return rows


def fresh_copy(path: Path, server: Database, *, progress=None) -> tuple[int, Path | None]:
    """Download a new copy for ``server``'s login and put it at ``path``; returns the rows and where the old
    copy was kept (None: there was none). Until the download is complete the old copy stays where it was."""
    from app.sync.service import create_replica

    staging = path.with_name(path.name + ".new")
    for leftover in (staging, *(Path(str(staging) + s) for s in _SIDECARS)):
        leftover.unlink(missing_ok=True)
    rows = create_replica(staging, server, progress=progress, workstation=_workstation_of(path))
    kept = _keep_old(path) if path.exists() else None
    staging.replace(path)
    return rows, kept


def _workstation_of(path: Path) -> str | None:
    """The workstation id the old copy at ``path`` was made for, if it can be read (the new copy keeps it
    when it is the same login's: ``register_workstation``)."""
    if not path.exists():
        return None
    try:
        with closing(_read_only(path)) as conn:
            row = conn.execute("SELECT value FROM sync_state WHERE key = 'workstation_id'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _keep_old(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept, n = path.with_name(f"{path.name}.{stamp}.old"), 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.{stamp}-{n}.old")
    path.replace(kept)
    for suffix in _SIDECARS:  # committed work may still sit in the -wal: it goes with its file
        side = Path(str(path) + suffix)
        if side.exists():
            side.replace(Path(str(kept) + suffix))
    return kept


def for_profile(message: str, quoted: str) -> str:
    """``message`` with the profile's name (shell-quoted) in place of ``NAME`` in the commands it gives."""
    return message.replace("--profile NAME ", f"--profile {quoted} ")
