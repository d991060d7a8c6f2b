"""The welcome on a new local database: set the company up, connect to a server, try demo data, or later."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.db.open import open_database
from app.db.profiles import LOCAL
from app.services.company import CompanyData, find_company, save_company
from app.services.first_run import default_series
from app.services.invoices import count_invoices
from app.services.parties import count_parties
from tests.ui.conftest import type_text
from ui import app as ui_app
from ui import first_run
from ui.first_run import welcome
from ui.first_run.welcome import COMPANY, DEMO, LATER, WelcomeDialog
from ui.profiles_dialog import ProfilesDialog

COMPANY_TYPED = (("legal_name", "Suministros Ebro SL"), ("tax_id", "B12345678"), ("street", "Calle Mayor 1"),
                 ("postal_code", "50001"), ("city", "Zaragoza"), ("province", "Zaragoza"))


def when_modal(kind: type, act: Callable[[QDialog], None], seen: list, timeout_s: float = 30) -> None:
    """Act on the next modal dialog of ``kind`` once its exec() loop runs, as a person would."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            act(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def started(qtbot, monkeypatch):
    """Run the plain start (``main.py`` with no --db or --profile) without entering the event loop;
    gives the windows it shows."""
    shown = []
    real_show = ui_app.show_window

    def show(opened):
        window = real_show(opened)
        qtbot.addWidget(window)
        shown.append(window)
        return window

    monkeypatch.setattr(ui_app, "show_window", show)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    return shown


def open_welcome(qtbot, db) -> WelcomeDialog:
    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_company(qtbot, dialog: WelcomeDialog, typed=COMPANY_TYPED) -> None:
    qtbot.keyClick(dialog.company_button, Qt.Key.Key_Space)  # the keyboard picks the choice
    page = dialog.company_page
    assert dialog.pages.currentWidget() is page
    for name, text in typed:
        type_text(qtbot, page.form.fields[name], text)


def test_the_plain_start_on_a_new_local_database_welcomes_and_later_opens_the_window(qtbot, started):
    seen = []
    when_modal(WelcomeDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape), seen)  # Esc: later
    assert ui_app.run_gui(None) == 0
    assert len(seen) == 1 and seen[0].choice == LATER
    assert len(started) == 1 and started[0].profile_name == LOCAL  # the window opens on the empty file


def test_no_welcome_once_a_company_exists_nor_for_a_db_given(qtbot, started, monkeypatch, tmp_path):
    local = open_database(None)
    save_company(local, CompanyData("Suministros Ebro SL", "B58378431", "Calle Mayor 1", "50001", "Zaragoza"))
    local.dispose()
    asked = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: asked.append(self) or 0)
    assert ui_app.run_gui(None) == 0
    assert ui_app.run_gui(str(tmp_path / "other.sqlite3")) == 0  # --db: an empty file, still no welcome
    assert asked == [] and len(started) == 2


def test_company_setup_saves_the_company_and_the_first_series(qtbot, sqlite_db):
    dialog = open_welcome(qtbot, sqlite_db)
    fill_company(qtbot, dialog, (*COMPANY_TYPED[:1], ("tax_id", "B58378431"), *COMPANY_TYPED[2:],
                                 ("prefix", "FV"), ("next_number", "125")))
    page = dialog.company_page
    assert "FV" in page.preview.text() and "000125" in page.preview.text()
    qtbot.keyClick(page.form.fields["next_number"], Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice == COMPANY
    company = find_company(sqlite_db)
    assert (company.legal_name, company.tax_id, company.city) == ("Suministros Ebro SL", "B58378431", "Zaragoza")
    series = default_series(sqlite_db)
    assert (series.prefix, series.next_number, series.year) == ("FV", 125, time.localtime().tm_year)
    assert not first_run.needs_welcome(ui_app.Opened(sqlite_db, "", LOCAL))  # not shown again


def test_a_wrong_nif_is_shown_by_its_field_and_nothing_is_saved(qtbot, sqlite_db):
    before = default_series(sqlite_db)
    dialog = open_welcome(qtbot, sqlite_db)
    fill_company(qtbot, dialog, (*COMPANY_TYPED, ("prefix", "FV"), ("next_number", "125")))
    page = dialog.company_page
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.error_text("tax_id") and page.form.fields["tax_id"].text() == "B12345678"
    assert page.form.error_text("legal_name") == ""
    assert dialog.isVisible() and dialog.pages.currentWidget() is page
    assert find_company(sqlite_db) is None
    assert default_series(sqlite_db) == before  # the series is not half-saved either
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # Esc on the form goes back to the choices
    assert dialog.isVisible() and dialog.pages.currentIndex() == 0


def test_demo_data_fills_the_database_off_the_gui_thread(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(welcome, "DEMO_SIZES", dict(customers=6, products=8, invoices=20, contracts=2, employees=3))
    dialog = open_welcome(qtbot, sqlite_db)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.demo_running and dialog.demo_bar.isVisible()  # the dialog answers while it works
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not stopped halfway
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert dialog.choice == DEMO and dialog.result() == QDialog.DialogCode.Accepted
    assert find_company(sqlite_db) is not None
    assert count_invoices(sqlite_db) == 20 and count_parties(sqlite_db) > 6


def test_connect_opens_the_profiles_and_a_cancel_comes_back_to_the_choices(qtbot, sqlite_db):
    dialog = WelcomeDialog(sqlite_db, connect=first_run.connect_to_server)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = []
    when_modal(ProfilesDialog, lambda d: d.reject(), seen)
    qtbot.mouseClick(dialog.server_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and dialog.isVisible() and dialog.choice == LATER


def test_a_server_chosen_at_the_welcome_is_what_the_window_opens_on(qtbot, started, monkeypatch, sqlite_db):
    server = ui_app.Opened(sqlite_db, "Office (server:5432/shop)", "Office")
    monkeypatch.setattr(first_run, "connect_to_server", lambda _parent: server)
    when_modal(WelcomeDialog, lambda d: qtbot.mouseClick(d.server_button, Qt.MouseButton.LeftButton), [])
    assert ui_app.run_gui(None) == 0
    assert started[0].profile_name == "Office" and started[0].database is sqlite_db


def test_the_company_form_starts_from_the_default_series(qtbot, sqlite_db):
    dialog = open_welcome(qtbot, sqlite_db)
    dialog._on_company()
    fields = dialog.company_page.form.fields
    assert fields["prefix"].text() == "F" and fields["next_number"].value() == Decimal(1)
    assert dialog.company_page.focusWidget() is fields["legal_name"]
