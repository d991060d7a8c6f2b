"""``main.py backup -o FILE`` and ``main.py restore FILE``: the local database's backups (``app.db.backup``)."""

from __future__ import annotations

import sys

from app.db import backup
from app.errors import TrastiendaError
from app.i18n import _


def backup_command(db: str | None, *, output: str) -> int:
    """Write a checked, consistent copy of the local database (the default one without --db) to ``output``."""
    source = backup.local_path(db)
    info = backup.backup_database(source, output)
    print(_("Backed up {source} to {target} (schema revision {revision}).").format(
        source=source, target=info.path, revision=info.revision))
    return 0


def restore_command(db: str | None, *, file: str, yes: bool) -> int:
    """Replace the local database with a checked backup; the current one is kept as ``*.before-restore``.

    Asks first in a terminal; with no terminal to ask in (a script, CI) it
    needs ``--yes`` and says so instead of waiting for an answer.
    """
    live = backup.local_path(db)
    info = backup.check_database_file(file)  # a wrong file is refused before anything is asked
    if not yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise TrastiendaError(_("restore replaces {live}; there is no terminal to ask in, so add --yes to "
                                    "confirm.").format(live=live))
        answer = input(_("Replace {live} with the backup {file} (schema revision {revision})? The current database "
                         "is kept as {name}.<time>.before-restore. [y/N] ").format(
            live=live, file=info.path, revision=info.revision, name=live.name))
        if answer.strip().lower() not in ("y", "yes", "s", "si", "sí"):
            print(_("Nothing restored."))
            return 1
    restored = backup.restore_database(file, live)
    if restored.kept is not None:
        print(_("The database it replaced is kept as {kept}.").format(kept=restored.kept))
    note = "" if restored.info.current else _(" (an older schema: Trastienda upgrades it when it next opens it)")
    print(_("Restored {file} into {live}, schema revision {revision}{note}.").format(
        file=restored.info.path, live=restored.live, revision=restored.info.revision, note=note))
    return 0
