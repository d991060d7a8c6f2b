"""The window a clerk starts: it opens on the local database and stays up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.db.migrate import current_revision, head_revision
from app.db.engine import make_engine
from PySide6.QtWidgets import QLabel

from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_shows_the_database_in_the_status_bar(qtbot, sqlite_db):
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Trastienda")
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("/tmp/shop.sqlite3" in t for t in texts)


def test_starting_the_app_creates_the_local_database_and_keeps_running(tmp_path):
    env = dict(os.environ, TRASTIENDA_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    db_file = tmp_path / "trastienda.sqlite3"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if db_file.exists():
                engine = make_engine(db_file)
                try:
                    if current_revision(engine) == head_revision():
                        break
                finally:
                    engine.dispose()
            time.sleep(0.3)
        time.sleep(2)
        assert proc.poll() is None, proc.stderr.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    engine = make_engine(db_file)
    assert current_revision(engine) == head_revision()
    engine.dispose()
