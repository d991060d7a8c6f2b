"""File > Back up… and File > Restore from backup… as a clerk uses them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine

from app.db.backup import backup_database, check_database_file
from app.db.session import Database
from app.services import parties
from app.services.parties import PartyData
from ui import app as ui_app
from ui import backup_dialog
from ui.common import dialogs
from ui.main_window import MainWindow


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db, str(db.engine.url.database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    return window


def action(window: MainWindow, name: str):
    return next(a for a in window.actions() if a.objectName() == name)


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT legal_name FROM party ORDER BY legal_name")]
    finally:
        conn.close()


@pytest.fixture
def open_file(monkeypatch):
    def answer(path):
        monkeypatch.setattr(dialogs, "choose_open_path", lambda *_a: str(path))
    return answer


@pytest.fixture
def new_windows(qtbot):
    """The window a restore opens (``ui.app`` keeps it); closed and its database disposed after the test."""
    yield
    window = ui_app._live.pop("window", None)
    if window is not None:
        window.close()
        window.database.dispose()
        window.deleteLater()
    # The windows a restore replaced were hidden and left to deleteLater: delete them now, or a later
    # test's QApplication.exec() finds a top-level window still alive and never quits.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_back_up_writes_a_checked_copy_off_the_gui_thread_and_says_so(qtbot, sqlite_db, tmp_path, save_to):
    parties.create_party(sqlite_db, PartyData(legal_name="Bar Paco"))
    window = make_window(qtbot, sqlite_db)
    target = tmp_path / "copia.sqlite3"
    asked = save_to(target)
    action(window, "backup").trigger()
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=10_000)
    assert asked["suggested"].endswith(".sqlite3")
    assert check_database_file(target).current
    assert names(target) == ["Bar Paco"]


def test_restore_asks_then_reopens_the_window_on_the_restored_data(qtbot, sqlite_db, tmp_path, answers, open_file,
                                                                    new_windows):
    parties.create_party(sqlite_db, PartyData(legal_name="Bar Paco"))
    saved = tmp_path / "saved.sqlite3"
    backup_database(sqlite_db, saved)
    parties.create_party(sqlite_db, PartyData(legal_name="Typed after the backup"))
    live = Path(sqlite_db.engine.url.database)
    window = make_window(qtbot, sqlite_db)
    open_file(saved)
    answers["answers"] = [True]

    action(window, "restore_backup").trigger()

    title, question = answers["asked"][0]
    assert title == "Restore from backup" and str(saved) in question and str(live) in question
    assert answers["asked"][-1][0] == "Backup restored"
    new = ui_app._live["window"]
    assert new is not window and new.isVisible() and not window.isVisible()
    assert names(live) == ["Bar Paco"]
    kept = [p for p in live.parent.iterdir() if p.name.endswith(".before-restore")]
    assert len(kept) == 1 and names(kept[0]) == ["Bar Paco", "Typed after the backup"]
    assert parties.count_parties(new.database) == 1  # the new window reads the restored file


def test_restore_answered_no_changes_nothing(qtbot, sqlite_db, tmp_path, answers, open_file, new_windows):
    saved = tmp_path / "saved.sqlite3"
    backup_database(sqlite_db, saved)
    live = Path(sqlite_db.engine.url.database)
    window = make_window(qtbot, sqlite_db)
    open_file(saved)
    answers["answers"] = [False]
    action(window, "restore_backup").trigger()
    assert [t for t, _q in answers["asked"]] == ["Restore from backup"]
    assert "window" not in ui_app._live and window.isVisible()
    assert not [p for p in live.parent.iterdir() if p.name.endswith(".before-restore")]


def test_a_file_that_is_not_a_backup_is_refused_before_anything_is_asked(qtbot, sqlite_db, tmp_path, answers,
                                                                         open_file, new_windows):
    bogus = tmp_path / "facturas.sqlite3"
    bogus.write_text("hello", encoding="utf-8")
    live = Path(sqlite_db.engine.url.database)
    window = make_window(qtbot, sqlite_db)
    before = live.read_bytes()
    open_file(bogus)
    action(window, "restore_backup").trigger()
    assert len(answers["asked"]) == 1
    title, text = answers["asked"][0]
    assert title == "Cannot restore this file" and str(bogus) in text and "not a SQLite database" in text
    assert live.read_bytes() == before and window.isVisible()


def test_the_actions_are_for_a_local_file_only(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    assert action(window, "backup").isVisible() and action(window, "restore_backup").isEnabled()
    shared = Database(create_engine("postgresql+psycopg://clerk@127.0.0.1:1/shop"))  # never connects
    assert not backup_dialog.available(shared)
