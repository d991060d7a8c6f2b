"""Start the desktop app on a database: the profile used last, a login when a server needs one.

``--db`` opens that database directly. Otherwise the last profile opens:
"This computer" at once (on a new file with no company, after the welcome of
``ui.first_run``); a shared server with its remembered password, or
through the login dialog. A login cancelled offers the profiles to choose
from, or to quit. File > Switch profile… (``switch_profile``) rebuilds the
main window on another profile's database.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.db import credentials, profiles
from app.db.engine import describe
from app.db.open import open_database
from app.db.profiles import Profile
from app.db.session import Database
from app.errors import DatabaseUnavailableError, LoginRefusedError, TrastiendaError
from app.sync import replica
from app.sync.link import Link, is_unreachable, open_offline
from ui.main_window import MainWindow


@dataclass
class Opened:
    database: Database
    where: str  # for the status bar
    profile: str | None  # None: a --db given on the command line


_live: dict[str, MainWindow] = {}  # the window on show: top-level windows need a Python owner


def run_gui(db: str | None, argv: list[str] | None = None, *, profile: str | None = None,
            language: str | None = None) -> int:
    """Open (and for a local file migrate, after a backup) the database, then show the window.

    Problems with a ``--db`` or the local file are raised as DatabaseUnavailableError
    before any window appears, so main.py prints one clear line and exits non-zero.
    A shared server's problems are shown in the login dialog instead.
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    configure_application(app, language)
    if db is not None:
        database = open_database(db)
        opened = Opened(database, describe(database.engine.url), None)
    else:
        start = profiles.get_profile(profile) if profile else _last_profile()
        opened = _open_at_start(start)
        if opened is None:
            return 0  # the person chose to quit
        if profile is None and start.is_local:  # the plain start on a new local file: the welcome first
            from ui.first_run import welcome_if_new

            opened = welcome_if_new(opened)
    show_window(opened)
    try:
        return app.exec()
    finally:
        window = _live.pop("window", None)
        if window is not None:
            window.database.dispose()


def configure_application(app: QApplication, language: str | None = None, *, theme: str | None = None) -> None:
    """Names, and the UI language (``language`` or the chosen one: ``ui.i18n``), the window icon and the
    colour scheme (``theme``: light, dark or system; None: TRASTIENDA_THEME, else the system's)."""
    from ui.common import icons
    from ui.common.theme import apply_theme
    from ui.i18n import install_language

    app.setApplicationName("Trastienda")
    app.setOrganizationName("Trastienda")
    app.setApplicationDisplayName("Trastienda")
    install_language(app, language)
    app.setWindowIcon(icons.app_icon())
    apply_theme(app, theme)


def show_window(opened: Opened) -> MainWindow:
    window = MainWindow(opened.database, opened.where)
    window.profile_name = opened.profile
    if isinstance(opened.database, Link):
        from ui.sync import attach

        attach(window, opened.database, _profile_or_none(opened.profile))
    window.show()
    _live["window"] = window
    return window


# -- opening a profile --------------------------------------------------------------------


def _last_profile() -> Profile:
    try:
        return profiles.last_profile()
    except TrastiendaError as exc:  # a damaged profiles file: say so, work locally
        QMessageBox.warning(None, QApplication.translate("App", "Connection profiles"), str(exc))
        return profiles.LOCAL_PROFILE


def _profile_or_none(name: str | None) -> Profile | None:
    try:
        return profiles.get_profile(name) if name else None
    except TrastiendaError:
        return None


def _linked(profile: Profile, database: Database) -> Opened:
    """A shared profile's server Database, wrapped so the window can go offline with it."""
    link = Link(replica.replica_path(profile.name), server=database)
    return Opened(link, where_label(profile, database), profile.name)


def _offline_at_start(profile: Profile, password: str | None) -> tuple[Opened | None, str]:
    """The profile's copy when the server is unreachable at start, or (None, why it cannot be used)."""
    path = replica.replica_path(profile.name)
    if not path.exists():
        return None, ""
    try:
        copy = open_offline(path, profile.user, profile.database)
    except DatabaseUnavailableError as exc:
        return None, str(exc)
    link = Link(path, profile.url(password, user=profile.user), offline=copy)
    return Opened(link, where_label(profile, copy), profile.name), ""


def where_label(profile: Profile, database: Database) -> str:
    if profile.is_local:
        return describe(database.engine.url)
    return f"{profile.name} ({profile.host}:{profile.port}/{profile.database})"


def open_profile(profile: Profile, parent: QWidget | None = None) -> Opened | None:
    """The profile's database, or None when the login was cancelled.

    "This computer" opens (and migrates) the local file, raising DatabaseUnavailableError
    on trouble. A shared server is tried with its remembered password first; without one,
    or when it fails, the login dialog asks and shows why.
    """
    from ui.login_dialog import LoginDialog

    if profile.is_local:
        database = open_database(None)
        _remember_last(profile.name)
        return Opened(database, where_label(profile, database), profile.name)
    error, retry_password = "", ""
    remembered = credentials.stored_password(profile.name, profile.user) is not None
    if remembered:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            database = credentials.open_profile_with_stored_password(profile)
            if database is not None:
                return _linked(profile, database)
        except LoginRefusedError as exc:
            error = str(exc) + " " + QApplication.translate("App", "The remembered password was forgotten.")
        except DatabaseUnavailableError as exc:  # down, unreachable, TLS: the password may be fine
            error = str(exc)
            retry_password = credentials.stored_password(profile.name, profile.user) or ""
            if is_unreachable(exc):  # work on this computer's copy, said in the window's banner
                offline, why = _offline_at_start(profile, retry_password or None)
                if offline is not None:
                    return offline
                error = f"{error} {why}".strip()
        finally:
            QApplication.restoreOverrideCursor()
    dialog = LoginDialog(profile, parent, error=error, password=retry_password, remember=remembered,
                         offline_copy=replica.replica_path(profile.name))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
        return None
    if dialog.offline:
        link = Link(replica.replica_path(profile.name), dialog.offline_url, offline=dialog.database)
        return Opened(link, where_label(profile, dialog.database), profile.name)
    return _linked(profile, dialog.database)


def _open_at_start(profile: Profile) -> Opened | None:
    """Open ``profile``; a cancelled login offers the profiles (or quitting) until one opens."""
    from ui.profiles_dialog import ProfilesDialog

    if profile.is_local:
        return open_profile(profile)  # trouble with the local file: one clear line on the command line
    while True:
        try:
            opened = open_profile(profile)
        except DatabaseUnavailableError as exc:
            QMessageBox.warning(None, QApplication.translate("App", "Cannot open the database"), str(exc))
            opened = None
        if opened is not None:
            return opened
        chooser = ProfilesDialog(None, current=profile.name, quit_text=True)
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            return None
        profile = chooser.chosen


def switch_profile(window: MainWindow) -> MainWindow | None:
    """File > Switch profile…: choose a profile, log in, and rebuild the main window on it.

    Unsaved edits are asked about first; a cancelled choice or login keeps the
    current window as it was. Returns the new window, or None.
    """
    from ui.profiles_dialog import ProfilesDialog

    if not window.may_close():
        return None
    chooser = ProfilesDialog(window, current=getattr(window, "profile_name", None))
    if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
        return None
    try:
        opened = open_profile(chooser.chosen, window)
    except DatabaseUnavailableError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
        return None
    if opened is None:
        return None
    window.save_state()
    new = show_window(opened)
    old = window.database
    window.hide()
    window.deleteLater()
    old.dispose()
    return new


def reopen_window(window: MainWindow) -> MainWindow | None:
    """The same database in a new window (built in the language now installed: View > Language).
    Unsaved edits are asked about first; None when the clerk keeps them."""
    if not window.may_close():
        return None
    window.save_state()
    new = show_window(Opened(window.database, window.where, getattr(window, "profile_name", None)))
    new.setGeometry(window.geometry())
    new.tabs.setCurrentIndex(window.tabs.currentIndex())
    window.hide()
    window.deleteLater()
    return new


def _remember_last(name: str) -> None:
    try:
        profiles.remember_last(name)
    except TrastiendaError:
        pass  # the profiles file cannot be written: the next start opens "This computer"
