"""Where the window remembers its size, column layouts and last tab."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from app.db.paths import data_dir

_scratch: Path | None = None  # set by forget(): settings go to a throwaway file


def settings() -> QSettings:
    """An INI file beside the local database, so a test's data dir isolates it too."""
    folder = _scratch or data_dir()
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def forget() -> None:
    """Neither read nor keep the clerk's layout (screenshots and benchmarks look the same everywhere)."""
    global _scratch
    _scratch = Path(tempfile.mkdtemp(prefix="trastienda-settings-"))
