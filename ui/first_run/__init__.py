"""The first start on this computer: a short welcome before the main window (issue 11).

Only ``ui.app.run_gui`` calls ``welcome_if_new``, and only for the default start
("This computer" used last, no --db or --profile), so a --db run, a screenshot, a test
that builds MainWindow, or "This computer" picked after a server's login was cancelled
never sees it. Once a company exists it is never shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.errors import DatabaseUnavailableError, TrastiendaError
from app.services.company import find_company
from ui.first_run.welcome import DEMO_SIZES, SERVER, WelcomeDialog

if TYPE_CHECKING:
    from ui.app import Opened

__all__ = ["DEMO_SIZES", "WelcomeDialog", "needs_welcome", "welcome_if_new"]


def needs_welcome(opened: Opened) -> bool:
    """The local file has no company yet (a database that cannot be read is not asked about)."""
    from app.db.profiles import LOCAL

    if opened.profile != LOCAL:
        return False
    try:
        return find_company(opened.database) is None
    except TrastiendaError:
        return False


def welcome_if_new(opened: Opened) -> Opened:
    """Show the welcome on a new local database; what to open the window on afterwards."""
    if not needs_welcome(opened):
        return opened
    dialog = WelcomeDialog(opened.database, connect=connect_to_server)
    dialog.exec()
    if dialog.choice == SERVER and dialog.opened is not None:
        opened.database.dispose()  # the empty local file is not used this time
        return dialog.opened
    return opened


def connect_to_server(parent: QWidget) -> Opened | None:
    """The profiles to choose (or add) a server from, then its login: the same flow as File > Switch profile."""
    from app.db.profiles import LOCAL
    from ui.app import open_profile
    from ui.profiles_dialog import ProfilesDialog

    while True:
        chooser = ProfilesDialog(parent, current=LOCAL)
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            return None
        if chooser.chosen.is_local:
            return None  # "This computer" is what is open already: back to the welcome's choices
        try:
            opened = open_profile(chooser.chosen, parent)
        except DatabaseUnavailableError as exc:
            QMessageBox.warning(parent, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
            continue
        if opened is not None:
            return opened
