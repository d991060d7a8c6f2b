"""An administrator opens a record's History from its form: when, who, what, each field before and after."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import text

from app.db.session import Database
from app.services import employees, parties
from app.services.employees import EmployeeData
from app.services.parties import PartyData
from tests.ui.conftest import type_text, wait_idle
from tests.ui.test_parties_tab import make_tab
from ui.common import dialogs
from ui.common.history_dialog import HistoryDialog, value_text
from ui.employees.tab import EmployeesTab
from ui.inventory.tab import InventoryTab

TODAY = dt.date(2026, 3, 2)


def _open(qtbot, tab, record_id) -> None:
    tab.open_record(str(record_id))
    qtbot.waitUntil(lambda: tab.editor_open)


def _history(qtbot, tab) -> HistoryDialog:
    qtbot.mouseClick(tab.history_button, Qt.MouseButton.LeftButton)
    dialog = tab.window().findChild(HistoryDialog, "history_dialog")
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_an_admin_sees_who_changed_a_customer_from_the_form_and_from_outside(qtbot, db, tmp_path):
    party = parties.create_party(db, PartyData(legal_name="Ferretería López SL", city="Zaragoza"))
    tab = make_tab(qtbot, db)
    _open(qtbot, tab, party.id)
    assert tab.history_button.isVisible() and tab.history_button.isEnabled()
    type_text(qtbot, tab.form.fields["city"], "Huesca")
    assert tab.action_save() is True
    with db.engine.begin() as conn:  # someone with psql
        conn.execute(text("UPDATE party SET phone = '976 000 000' WHERE legal_name = 'Ferretería López SL'"))

    dialog = _history(qtbot, tab)
    rows = dialog.rows()
    tops = [r for r in rows if r[0]]
    assert [r[2] for r in tops] == ["Changed", "Changed", "Created"]  # newest first
    assert ["", "", "", "Phone", "—", "976 000 000"] in rows
    assert ["", "", "", "City", "Zaragoza", "Huesca"] in rows
    assert tops[1][3] == "City"
    login = "tester" if db.dialect == "sqlite" else _server_login(db)
    assert tops[1][1] == login
    assert dialog.tree.topLevelItem(0).isExpanded() and not dialog.tree.topLevelItem(2).isExpanded()
    assert "3 changes" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "history.png"))


def _server_login(db) -> str:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT session_user")).scalar_one()


def test_a_new_record_has_no_history_yet_and_a_clerk_never_sees_the_button(qtbot, sqlite_db):
    tab = make_tab(qtbot, sqlite_db)
    tab.action_new()
    assert not tab.history_button.isEnabled()
    assert tab.action_history() is None
    clerk = make_tab(qtbot, Database(sqlite_db.engine, user="clerk", roles=frozenset()))
    party = parties.create_party(sqlite_db, PartyData(legal_name="Bazar Sol"))
    _open(qtbot, clerk, party.id)
    assert not clerk.history_button.isVisible()


def test_a_refusal_from_the_service_is_explained_not_raised(qtbot, sqlite_db, answers):
    tab = make_tab(qtbot, sqlite_db)
    party = parties.create_party(sqlite_db, PartyData(legal_name="Bazar Sol"))
    _open(qtbot, tab, party.id)
    tab.db = Database(sqlite_db.engine, user="demoted", roles=frozenset())  # lost the admin role meanwhile
    assert tab.action_history() is None
    assert answers["asked"] and "administrator" in answers["asked"][-1][1]


def test_an_employees_pay_changes_show_as_masked(qtbot, db, tmp_path):
    ana = employees.create_employee(db, EmployeeData(first_name="Ana", last_name="García", tax_id="12345678Z",
                                                     hire_date=dt.date(2015, 1, 1), salary=Decimal("28000.00"),
                                                     payments_per_year=14), today=TODAY)
    employees.update_employee(db, ana.id, EmployeeData(first_name="Ana", last_name="García Pérez",
                                                       tax_id="12345678Z", hire_date=dt.date(2015, 1, 1),
                                                       salary=Decimal("29500.00")), ana.version, today=TODAY)
    container = EmployeesTab(db, today=TODAY)
    qtbot.addWidget(container)
    container.resize(1300, 800)
    container.show()
    container.activate()
    staff = container.staff
    wait_idle(qtbot, staff.model)
    _open(qtbot, staff, ana.id)
    dialog = _history(qtbot, staff)
    rows = dialog.rows()
    assert ["", "", "", "Salary", "***", "***"] in rows
    assert ["", "", "", "Last name", "***", "***"] in rows  # personal data is masked like pay
    assert not any("28000" in cell or "28.000" in cell or "29500" in cell or "29.500" in cell
                   for row in rows for cell in row)
    dialog.grab().save(str(tmp_path / "history_employee.png"))


def test_the_product_form_has_history_too(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    container = InventoryTab(sqlite_db)
    qtbot.addWidget(container)
    products = container.products
    assert products.history_table_name() == "product" and not products.history_button.isHidden()


def test_values_read_as_a_clerk_reads_them():
    assert value_text(None) == "—"
    assert value_text(True) == "Yes"
    assert value_text("a\nb") == "a ⏎ b"
    assert value_text("x" * 500).endswith("…") and len(value_text("x" * 500)) == 121
    assert value_text("***") == "***"


def test_a_link_to_another_record_reads_as_that_records_name(qtbot, db):
    from app.services import reference

    terms = reference.payment_terms(db)
    assert len(terms) >= 2
    party = parties.create_party(db, PartyData(legal_name="Ferretería López SL", payment_term_id=terms[0].id))
    view = parties.get_party(db, party.id)
    parties.update_party(db, party.id, PartyData(legal_name=view.legal_name, payment_term_id=terms[1].id),
                         view.version)
    tab = make_tab(qtbot, db)
    _open(qtbot, tab, party.id)
    rows = _history(qtbot, tab).rows()
    assert ["", "", "", "Payment term", terms[0].name, terms[1].name] in rows
    assert not any("…" in cell for row in rows for cell in row[4:])  # no bare ids left
