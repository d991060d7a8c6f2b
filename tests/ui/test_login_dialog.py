"""Logging in and switching profiles with the real widgets, against a server that checks passwords."""

from __future__ import annotations

import time
from collections.abc import Callable

import keyring
import pytest
import shiboken6
from keyring.backends import fail
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.db import credentials, profiles
from app.db.paths import data_dir
from app.db.profiles import LOCAL, Profile
from tests.server.cluster import (
    SUPERUSER,
    SUPERUSER_PASSWORD,
    migrated_cluster,
)
from tests.ui.conftest import type_text
from ui import app as ui_app
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.profiles_dialog import ProfileEditor, ProfilesDialog

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def server():
    with migrated_cluster() as cluster:
        yield cluster


@pytest.fixture
def office(server) -> Profile:
    return profiles.save_profile(Profile("Office", host="127.0.0.1", port=server.port, database="shop", user=SUPERUSER))


def open_dialog(qtbot, profile: Profile, **kwargs) -> LoginDialog:
    dialog = LoginDialog(profile, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def when_modal(kind: type, act: Callable[[QDialog], None], timeout_s: float = 20) -> None:
    """Act on the next modal dialog of ``kind`` once its exec() loop runs (as a person would)."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_a_wrong_password_shows_in_the_dialog_then_the_right_one_logs_in(qtbot, office, memory_keyring):
    dialog = open_dialog(qtbot, office)
    assert dialog.user.text() == SUPERUSER and dialog.focusWidget() is dialog.password
    type_text(qtbot, dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=5_000)  # within seconds
    assert "refused the user name or password" in dialog.error_text()
    assert "not-the-password" not in dialog.error_text()
    assert dialog.isVisible() and dialog.database is None
    assert dialog.focusWidget() is dialog.password and dialog.password.selectedText() == "not-the-password"

    type_text(qtbot, dialog.password, SUPERUSER_PASSWORD)
    dialog.remember.setChecked(True)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.database is not None, timeout=5_000)
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.database.user == SUPERUSER
        assert memory_keyring.entries() == {("Trastienda", f"Office:{SUPERUSER}"): SUPERUSER_PASSWORD}
        assert profiles.last_profile().name == "Office"
    finally:
        dialog.database.dispose()


def test_a_server_that_is_down_is_shown_in_the_dialog_within_seconds(qtbot, server, office):
    dialog = open_dialog(qtbot, office)
    type_text(qtbot, dialog.password, SUPERUSER_PASSWORD)
    server.stop()
    try:
        started = time.monotonic()
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        assert not dialog.login_button.isEnabled() and dialog.status.isVisible()  # "Connecting…", the GUI alive
        qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=5_000)
        assert time.monotonic() - started < 5
    finally:
        server.start()
    assert dialog.error_text().startswith("Cannot reach the database server at ")
    assert dialog.login_button.isEnabled() and dialog.database is None


def test_cancel_logs_in_to_nothing_and_a_user_is_required(qtbot, office):
    dialog = open_dialog(qtbot, office)
    type_text(qtbot, dialog.user, "")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "Type your user name." and not dialog.busy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.database is None


def test_without_a_keyring_remember_me_is_off_and_says_why(qtbot, office):
    keyring.set_keyring(fail.Keyring())
    dialog = open_dialog(qtbot, office, remember=True)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "no keyring" in dialog.remember.toolTip()


def test_at_start_a_remembered_password_opens_without_a_dialog(qtbot, office):
    credentials.store_password("Office", SUPERUSER, SUPERUSER_PASSWORD)
    opened = ui_app.open_profile(office)
    try:
        assert opened.profile == "Office" and opened.database.user == SUPERUSER
        assert opened.where == f"Office (127.0.0.1:{office.port}/shop)"
    finally:
        opened.database.dispose()


def test_at_start_a_refused_remembered_password_is_forgotten_and_the_dialog_says_so(qtbot, office, memory_keyring):
    credentials.store_password("Office", SUPERUSER, "an-old-password")
    seen = {}

    def cancel(dialog: LoginDialog) -> None:
        seen["error"], seen["password"] = dialog.error_text(), dialog.password.text()
        dialog.reject()

    when_modal(LoginDialog, cancel)
    assert ui_app.open_profile(office) is None  # cancelled
    assert "refused the user name or password" in seen["error"]
    assert "The remembered password was forgotten." in seen["error"]
    assert seen["password"] == ""
    assert memory_keyring.entries() == {}


def test_profiles_are_added_with_errors_beside_their_fields_and_removed(qtbot, answers, memory_keyring):
    chooser = ProfilesDialog(current=LOCAL)
    qtbot.addWidget(chooser)
    assert chooser.selected().is_local
    assert not chooser.edit_button.isEnabled() and not chooser.remove_button.isEnabled()

    def fill(editor: ProfileEditor) -> None:
        fields = editor.form.fields
        type_text(qtbot, fields["name"], "Almacén")
        type_text(qtbot, fields["port"], "99999")
        fields["sslmode"].set_value("verify-full")
        assert editor.save() is False
        assert set(n for n in fields if editor.form.error_text(n)) == {"host", "port", "user", "sslrootcert"}
        assert not profiles.profiles_path().exists()  # nothing written while anything is wrong
        type_text(qtbot, fields["host"], "almacen.lan")
        type_text(qtbot, fields["port"], "5432")
        type_text(qtbot, fields["user"], "luis")
        fields["sslmode"].set_value("require")
        assert editor.save() is True

    when_modal(ProfileEditor, fill)
    chooser.add_profile()
    assert chooser.selected() == Profile("Almacén", host="almacen.lan", port=5432, database="trastienda", user="luis",
                                         sslmode="require")
    assert chooser.edit_button.isEnabled()
    credentials.store_password("Almacén", "luis", "pw")

    answers["answers"] = [True]
    chooser.remove_profile()
    assert [p.name for p in profiles.list_profiles()] == [LOCAL]
    assert memory_keyring.entries() == {}
    assert answers["asked"][0][0] == "Remove profile"


def test_switch_profile_rebuilds_the_window_on_the_server_and_leaves_no_password_on_disk(
        qtbot, sqlite_db, office, memory_keyring):
    credentials.store_password("Office", SUPERUSER, SUPERUSER_PASSWORD)
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3")  # not qtbot's: switching deletes it
    window.show()
    switch = next(a for a in window.actions() if a.objectName() == "switch_profile")
    assert switch.text() == "Switch &profile…"

    def choose_office(chooser: ProfilesDialog) -> None:
        chooser.reload(select="Office")
        qtbot.mouseClick(chooser.open_button, Qt.MouseButton.LeftButton)

    when_modal(ProfilesDialog, choose_office)
    new = ui_app.switch_profile(window)
    try:
        assert new is not None and new is not window and not window.isVisible()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(window)  # the old window is gone, not just hidden
        assert new.isVisible() and new.profile_name == "Office"
        assert new.database.dialect == "postgresql" and new.database.user == SUPERUSER
        assert new.db_label.text() == f"Database: Office (127.0.0.1:{office.port}/shop)"
        assert new.user_label.text() == f"User: {SUPERUSER}"
        qtbot.waitUntil(lambda: not new.busy(), timeout=10_000)
        new.save_state()
    finally:
        ui_app._live.pop("window", None)
        new.close()
        new.database.dispose()
    written = [p for p in data_dir().rglob("*") if p.is_file()]
    assert any(p.name == "settings.ini" for p in written) and any(p.name == "profiles.json" for p in written)
    assert [p for p in written if SUPERUSER_PASSWORD.encode() in p.read_bytes()] == []


def test_a_cancelled_choice_keeps_the_window(qtbot, sqlite_db):
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    when_modal(ProfilesDialog, lambda chooser: chooser.reject())
    assert ui_app.switch_profile(window) is None
    assert window.isVisible() and window.database is sqlite_db


def test_start_up_asks_to_log_in_and_a_cancelled_login_offers_the_profiles(qtbot, office):
    profiles.remember_last("Office")  # used last time, no password remembered
    steps: list[tuple[str, str]] = []

    def choose_this_computer(chooser: ProfilesDialog) -> None:
        steps.append(("choose", chooser.selected().name))
        chooser.reload(select=LOCAL)
        qtbot.keyClick(chooser.list, Qt.Key.Key_Return)

    def cancel_login(dialog: LoginDialog) -> None:
        steps.append(("login", dialog.profile.name))
        when_modal(ProfilesDialog, choose_this_computer)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    def quit_once_shown() -> None:
        window = ui_app._live.get("window")
        if window is None or not window.isVisible():
            QTimer.singleShot(50, quit_once_shown)
            return
        steps.append(("window", window.profile_name))
        window.close()  # the last window: the app quits, run_gui returns

    when_modal(LoginDialog, cancel_login)
    QTimer.singleShot(50, quit_once_shown)
    assert ui_app.run_gui(None) == 0
    assert steps == [("login", "Office"), ("choose", "Office"), ("window", LOCAL)]
    assert profiles.last_profile().is_local
