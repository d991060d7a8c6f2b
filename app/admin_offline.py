"""Admin commands of offline work: the offline copy (sync, export, fresh), series kept for a workstation,
and demo work typed on a copy. ``main.py`` calls them; ``app.admin`` has the others."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from app.admin import shell_quote, profile_target, resolve_url
from app.errors import ValidationError
from app.i18n import _


def offline_target(name: str):
    """What ``--profile NAME --offline`` opens: that profile's offline copy (it must exist and be usable)."""
    from app.sync.replica import ReplicaError, replica_path
    from app.sync.service import open_replica

    path = replica_path(name)
    if not path.exists():
        raise ReplicaError(_("There is no offline copy of {name} on this computer yet: run "
                             "`python main.py --profile {quoted} sync` once while the server is reachable.").format(
                                 name=name, quoted=shell_quote(name)))
    with _replica_errors_for(name):
        open_replica(path).dispose()  # another version's or a broken copy: said here, with the way out
    return str(path)


@contextmanager
def _replica_errors_for(name: str):
    """A refused copy's message gives the commands with this profile's name in them."""
    from app.sync.recover import for_profile
    from app.sync.replica import ReplicaError

    try:
        yield
    except ReplicaError as exc:
        raise ReplicaError(for_profile(str(exc), shell_quote(name))) from None


def sync_command(name: str, *, export: str | None = None, fresh: bool = False) -> int:
    """``--profile NAME sync [--fresh] [--export FILE]``: push this computer's offline changes, then pull
    (progress on stderr); ``--export`` saves the copy's unsynced work to FILE from the local file alone;
    ``--fresh`` downloads a new copy, the old one kept as ``<file>.<timestamp>.old``."""
    from app.sync import recover
    from app.sync.replica import replica_path

    path = replica_path(name)
    with _replica_errors_for(name):
        if export and (path.exists() or not fresh):
            _export_copy(path, Path(export), fresh=fresh)
            if not fresh:
                print(_("To replace the copy: `python main.py --profile {quoted} sync --fresh --export FILE` "
                        "(the old one is kept).").format(quoted=shell_quote(name)))
                return 0
        elif fresh:
            recover.refuse_unsaved(path)  # before asking the server anything
        url = profile_target(name)
        if url is None:
            raise ValidationError("profile", _("{name} is this computer's own database: it has no offline copy "
                                               "to sync.").format(name=name))
        return _fresh(path, url) if fresh else _sync(path, url)


def _export_copy(path: Path, out: Path, *, fresh: bool) -> None:
    from app.sync import recover
    from app.sync.replica import ReplicaError

    saved = recover.export_copy(path, out)
    if not saved.written:
        message = _("Nothing can be read from the offline copy {path} ({reason}): no export was written, and the "
                    "file is left as it is.").format(path=path, reason=saved.problems[0])
        if not fresh:
            raise ReplicaError(message)
        print(message, file=sys.stderr)
        return
    print(_("Saved to {file}: {changes} unsynced changes and {conflicts} open conflicts of the offline copy "
            "{path}.").format(file=out, changes=saved.changes, conflicts=saved.conflicts, path=path))
    if saved.problems:
        print(_("Part of the copy could not be read, so the file may miss some: {problems}").format(
            problems="; ".join(saved.problems)), file=sys.stderr)


def _progress():
    shown = {"what": None}

    def progress(what: str, done: int, total: int) -> None:
        if what != shown["what"] or done == total or done % 5000 < 2000:
            print(f"  {what}: {done}/{total}", file=sys.stderr)
            shown["what"] = what
    return progress


def _fresh(path: Path, url) -> int:
    from app.db.open import open_database
    from app.sync.recover import fresh_copy

    server = open_database(url, upgrade=False)
    try:
        rows, kept = fresh_copy(path, server, progress=_progress())
    finally:
        server.dispose()
    print(_("Fresh offline copy made: {rows} rows.").format(rows=rows))
    if kept is not None:
        print(_("The old copy is kept as {kept}.").format(kept=kept))
    return 0


def _sync(path: Path, url) -> int:
    from app.db.open import open_database
    from app.sync.recover import unsynced
    from app.sync.replica import ReplicaError, way_out
    from app.sync.service import open_replica, sync

    if path.exists():
        open_replica(path).dispose()  # a broken copy or another version's: refused clearly, before the server
        if unsynced(path) is None:  # its header reads, its outbox does not
            raise ReplicaError(_("The offline copy {path} is damaged: its unsynced changes cannot all be read.")
                               .format(path=path) + " " + way_out(damaged=True))
    server = open_database(url, upgrade=False)
    try:
        report = sync(path, server, progress=_progress())
    finally:
        server.dispose()
    if report.created:
        print(_("Offline copy made: {rows} rows.").format(rows=report.pulled))
    else:
        print(_("Synced: {pushed} changes sent ({skipped} already there), {pulled} rows brought up to date.").format(
            pushed=report.pushed, skipped=report.skipped, pulled=report.pulled))
    if report.posted:
        print(_("Posted at sync (drafts posted offline): {numbers}.").format(numbers=", ".join(report.posted)))
    for c in report.conflicts:
        print(_("  Kept for you to decide: {table} {row} {field}: {reason}").format(
            table=c["table_name"], row=c["row_id"][:8], field=c["field"] or "", reason=c["reason"]))
    return 0


def series_command(action: str, db, *, code: str | None = None, workstation: int | None = None) -> int:
    """``series workstations|keep|release``: which computer numbers which series offline."""
    from app.db.open import open_database
    from app.services import series

    database = open_database(resolve_url(db), upgrade=False)
    try:
        if action == "workstations":
            kept: dict = {}
            for view in series.list_series(database):
                if view.workstation_id is not None:
                    kept.setdefault(view.workstation_id, []).append(view.code)
            stations = series.list_workstations(database)
            for w in stations:
                print(_("{n}\t{label}\t{login}\tseries: {codes}").format(
                    n=w.number, label=w.label, login=w.login, codes=", ".join(kept.get(w.id, [])) or "-"))
            if not stations:
                print(_("No computer keeps an offline copy of this database yet."))
            return 0
        view = series.reserve_series(database, code or "", workstation if action == "keep" else None)
    finally:
        database.dispose()
    if action == "keep":
        print(_("Series {code} is kept for workstation {n}: only it numbers the series, offline.").format(
            code=view.code, n=workstation))
    else:
        print(_("Series {code} is numbered by the server again.").format(code=view.code))
    return 0


def offline_demo(database, *, seed: int, sizes: dict[str, int], progress) -> int:
    from app.demo.offline import type_offline_work

    invoices = sizes["invoices"]
    report = type_offline_work(database, seed=seed, customers=min(sizes["customers"], invoices),
                               invoices_n=invoices, progress=progress)
    print(_("Typed on the offline copy: {c} customers, {i} invoices ({n} numbered here, {q} to be posted at the "
            "next sync). Run `sync` to send them.").format(c=report.customers, i=report.invoices,
                                                           n=len(report.numbered), q=report.queued))
    for line in report.refused:
        print(_("  Not posted: {why}").format(why=line), file=sys.stderr)
    return 1 if report.refused else 0
