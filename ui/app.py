"""Start the desktop app on a database."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from app.db.engine import describe
from app.db.open import open_database
from ui.main_window import MainWindow


def run_gui(db: str | None, argv: list[str] | None = None) -> int:
    """Open (and if needed migrate, after a backup) the database, then show the window.

    Database problems are raised as DatabaseUnavailableError before any window
    appears, so main.py prints one clear line and exits non-zero.
    """
    database = open_database(db)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    configure_application(app)
    window = MainWindow(database, describe(database.engine.url))
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()


def configure_application(app: QApplication) -> None:
    app.setApplicationName("Trastienda")
    app.setOrganizationName("Trastienda")
    app.setApplicationDisplayName("Trastienda")
