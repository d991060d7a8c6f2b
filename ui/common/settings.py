"""Where the window remembers its size, column layouts and last tab."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.db.paths import data_dir


def settings() -> QSettings:
    """An INI file beside the local database, so a test's data dir isolates it too."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
