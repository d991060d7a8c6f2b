"""The window a clerk starts: tabs, menus with shortcuts, status bar, remembered layout."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from app.db.engine import make_engine
from app.db.migrate import current_revision, head_revision
from app.services import parties
from tests.ui.conftest import wait_idle
from ui.main_window import TAB_KEYS, MainWindow

ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    return window


def test_the_window_has_the_six_tabs_and_says_where_and_who_in_the_status_bar(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    assert window.windowTitle().startswith("Trastienda")
    titles = [window.tabs.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&")
              for i in range(window.tabs.count())]
    assert titles == ["Dashboard", "Invoices", "Contracts", "Inventory", "Employees", "Customers & suppliers"]
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("/tmp/shop.sqlite3" in t for t in texts)
    assert any(t.startswith("User: ") for t in texts)
    assert window.connection_label.text() == "Local file"


def test_menus_show_the_standard_shortcuts(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    shortcuts = {a.objectName(): a.shortcut() for a in window.actions() if a.objectName()}
    assert shortcuts["new"] == QKeySequence(QKeySequence.StandardKey.New)
    assert shortcuts["save"] == QKeySequence(QKeySequence.StandardKey.Save)
    assert shortcuts["find"] == QKeySequence(QKeySequence.StandardKey.Find)
    assert shortcuts["close"] == QKeySequence(Qt.Key.Key_Escape)
    assert shortcuts["archive"] == QKeySequence(Qt.Key.Key_Delete)
    assert shortcuts["show_dashboard"] == QKeySequence("Ctrl+1")
    assert shortcuts["show_invoices"] == QKeySequence("Ctrl+2")
    assert shortcuts["show_parties"] == QKeySequence("Ctrl+6")
    assert shortcuts["refresh"] == QKeySequence("F5") and shortcuts["reports"] == QKeySequence("Ctrl+R")
    every = [k.toString() for a in window.actions() for k in a.shortcuts() if not k.isEmpty()]
    assert len(every) == len(set(every)), "a shortcut claimed twice triggers nothing"
    menu_texts = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
    assert "&New" in menu_texts and "&Save" in menu_texts


def test_keyboard_only_create_a_customer_and_find_it_after_a_restart(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    tab = window.current_tab()
    assert tab is window.tab_by_key["parties"]
    wait_idle(qtbot, tab.model)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.editor.isVisible()
    name = tab.form.fields["legal_name"]
    assert name.hasFocus()
    qtbot.keyClicks(name, "Talleres Ochoa SL")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, tab.model)
    assert parties.count_parties(sqlite_db) == 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert not tab.editor.isVisible()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.list.search.hasFocus()
    # A size the offscreen screen (800x600) holds and the window's minimum allows.
    width = min(max(window.minimumSizeHint().width(), 700) + 1, 798)
    window.resize(width, 551)
    window.close()  # saves the layout and the tab

    again = make_window(qtbot, sqlite_db)
    assert again.current_tab() is again.tab_by_key["parties"]
    assert (again.width(), again.height()) == (width, 551)
    model = again.current_tab().model
    wait_idle(qtbot, model)
    assert model.index(0, 1).data() == "Talleres Ochoa SL"


def test_every_tab_shows_and_reads_its_list(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    for key in TAB_KEYS:
        window.show_tab(key)
        qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)


def test_screenshot_command_writes_a_png_of_the_tab(tmp_path):
    db = tmp_path / "shop.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "main.py", "--db", str(db), "demo", "--customers", "20", "--products", "20",
                    "--invoices", "50", "--contracts", "5", "--employees", "5"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    out = tmp_path / "invoices.png"
    done = subprocess.run([sys.executable, "main.py", "screenshot", "--tab", "invoices", "-o", str(out),
                           "--db", str(db)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    bad = subprocess.run([sys.executable, "main.py", "screenshot", "--tab", "invoices", "-o", str(tmp_path / "x.jpg"),
                          "--db", str(db)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "png" in bad.stderr.lower()


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
