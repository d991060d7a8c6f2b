"""``main.py screenshot``: the main window, offscreen, on one tab with its first rows."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from app.errors import ValidationError


def take_screenshot(db: str | None, tab: str, output: str, size: tuple[int, int] = (1440, 900),
                    language: str | None = None, *, theme: str | None = None) -> int:
    """Open the window at ``size`` (in ``theme``: light or dark; None: TRASTIENDA_THEME, else light
    offscreen), wait until the tab's list is read, save a PNG, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    target = Path(output)
    if target.suffix.lower() != ".png":
        raise ValidationError("output", "The screenshot is saved as PNG: name the file *.png.")
    from PySide6.QtWidgets import QApplication

    from app.db.engine import describe
    from app.db.open import open_database
    from ui.app import configure_application
    from ui.main_window import MainWindow

    database = open_database(db)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app, language, theme=theme)
    try:
        window = MainWindow(database, describe(database.engine.url), remember=False, tab=tab)
        window.resize(*size)
        window.show()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            app.processEvents()
            if not window.busy():
                break
            time.sleep(0.01)
        for _ in range(5):  # let the view paint the rows that just arrived
            app.processEvents()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(target)):
            raise ValidationError("output", f"Could not write {target}.")
        window.close()
    finally:
        database.dispose()
    print(target)
    return 0
