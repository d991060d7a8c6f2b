"""Where Trastienda keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Trastienda"
APP_AUTHOR = "Trastienda"


def data_dir() -> Path:
    """Per-user data directory (overridable with TRASTIENDA_DATA_DIR, e.g. for tests)."""
    override = os.environ.get("TRASTIENDA_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    """The "This computer" profile's database file."""
    return data_dir() / "trastienda.sqlite3"
