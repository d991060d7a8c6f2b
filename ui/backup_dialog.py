"""File > Back up… and File > Restore from backup…: the local database's backups (``app.db.backup``).

Backing up runs off the GUI thread: the clerk keeps working while the copy is
taken. Restoring checks the chosen file first, asks, closes the database,
puts the backup in place and opens a new main window on it (as Switch
profile… does). Both are hidden on a shared server, which its administrator
backs up with pg_dump.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from app.db import backup
from app.db.session import Database
from app.errors import TrastiendaError
from ui.common import dialogs
from ui.common.worker import run_in_background, wait_for_done


def tr(text: str) -> str:
    return QApplication.translate("", text)


def available(database: Database) -> bool:
    """A local SQLite file: not a shared server, nor a shared profile's offline copy."""
    from app.sync.link import Link

    return database.dialect == "sqlite" and not isinstance(database, Link)


def add_backup_actions(window: QMainWindow, menu: QMenu) -> list[QAction]:
    """The two File menu entries, visible only for a local database."""
    actions = [
        window._action(menu, tr("&Back up…"), lambda: back_up(window), None, "backup"),
        window._action(menu, tr("&Restore from backup…"), lambda: restore(window), None, "restore_backup"),
    ]
    local = available(window.database)
    for action in actions:
        action.setVisible(local)
        action.setEnabled(local)
    return actions


def _suggested_name() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return str(Path(folder) / f"trastienda-{dt.date.today():%Y-%m-%d}.sqlite3")


def _say(window: QMainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 8000)


# -- backing up ------------------------------------------------------------------------------

def back_up(window: QMainWindow) -> None:
    path = dialogs.choose_save_path(window, tr("Back up the database"), _suggested_name(),
                                    [(tr("Trastienda backup (*.sqlite3)"), ".sqlite3")])
    if not path:
        return
    database = window.database
    window.statusBar().showMessage(tr("Backing up to {0}…").replace("{0}", path))

    def done(info: backup.BackupInfo) -> None:
        _say(window, tr("Backed up to {0}.").replace("{0}", str(info.path)))

    def failed(exc: Exception) -> None:
        window.statusBar().clearMessage()
        why = str(exc) if isinstance(exc, TrastiendaError) else tr("Unexpected error: {0}").replace("{0}", repr(exc))
        dialogs.inform(window, tr("The backup was not made"), why)

    run_in_background(lambda: backup.backup_database(database, path), done, failed, owner=window)


# -- restoring -------------------------------------------------------------------------------

def restore(window: QMainWindow) -> QMainWindow | None:
    """Put a backup in place of the database and reopen the window on it; returns the new window, or None."""
    path = dialogs.choose_open_path(window, tr("Restore from backup"),
                                    [tr("Trastienda backups (*.sqlite3 *.bak *.before-restore)"),
                                     tr("All files (*)")])
    if not path:
        return None
    try:
        live = backup.local_path(window.database)
        info = _busy(lambda: backup.check_database_file(path))
    except TrastiendaError as exc:
        dialogs.inform(window, tr("Cannot restore this file"), str(exc))
        return None
    question = (tr("Replace the database {live} with the backup {file} (schema revision {rev})?\n\n"
                   "Everything typed since that backup was taken is replaced. The current database is kept "
                   "beside it as {name}.<time>.before-restore.")
                .replace("{live}", str(live)).replace("{file}", str(info.path)).replace("{rev}", info.revision)
                .replace("{name}", live.name))
    if not dialogs.confirm(window, tr("Restore from backup"), question, yes=tr("Restore")):
        return None
    if not window.may_close():  # unsaved edits: the tab asks, and may keep the window
        return None
    window.save_state()
    wait_for_done()  # no list still reading the file about to be replaced
    window.database.dispose()
    try:
        restored = _busy(lambda: backup.restore_database(path, live))
    except TrastiendaError as exc:
        dialogs.inform(window, tr("Cannot restore this file"),
                       str(exc) + "\n\n" + tr("Your database was not changed."))
        return None  # the window goes on with the database it had
    return _reopen(window, restored)


def _reopen(window: QMainWindow, restored: backup.Restored) -> QMainWindow | None:
    from app.db.engine import describe
    from app.db.open import open_database
    from ui.app import Opened, show_window

    kept = (tr("The database it replaced is kept as {0}.").replace("{0}", str(restored.kept))
            if restored.kept is not None else "")
    try:
        database = _busy(lambda: open_database(restored.live))  # an older schema is upgraded here
    except TrastiendaError as exc:
        dialogs.inform(window, tr("Restart Trastienda"),
                       tr("The backup was restored, but the database could not be opened again: {0}\n"
                          "Start Trastienda again.").replace("{0}", str(exc)) + ("\n" + kept if kept else ""))
        window.close()
        return None
    new = show_window(Opened(database, describe(database.engine.url), getattr(window, "profile_name", None)))
    window.hide()
    window.deleteLater()
    _say(new, tr("Restored {0}.").replace("{0}", str(restored.info.path)) + (" " + kept if kept else ""))
    dialogs.inform(new, tr("Backup restored"),
                   tr("Restored {0}.").replace("{0}", str(restored.info.path)) + ("\n" + kept if kept else ""))
    return new


def _busy(fn):
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QApplication.restoreOverrideCursor()
