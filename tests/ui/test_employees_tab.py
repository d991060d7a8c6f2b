"""A clerk keeps the staff file: the form and its errors, the list by department, search, archive."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt

from app.services import departments, employees
from app.services.departments import DepartmentData
from app.services.employees import EmployeeData
from app.services.listing import ListQuery
from tests.ui.conftest import type_text, wait_idle
from ui.common.table_model import ROW_ROLE
from ui.employees.tab import EmployeesTab

TODAY = dt.date(2026, 3, 2)
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(n: int) -> str:
    return f"{n:08d}{LETTERS[n % 23]}"


def make_tab(qtbot, db) -> EmployeesTab:
    tab = EmployeesTab(db, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def hire(db, first, last, n, **kw) -> employees.EmployeeView:
    return employees.create_employee(db, EmployeeData(first_name=first, last_name=last, tax_id=dni(n),
                                                      hire_date=dt.date(2021, 1, 1), **kw), today=TODAY)


def last_names(tab) -> list[str]:
    return [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]


def test_a_wrong_nif_a_date_that_does_not_exist_and_letters_in_the_salary_are_refused_then_saved(qtbot, sqlite_db):
    sales = departments.create_department(sqlite_db, DepartmentData("COM", "Comercial"))
    tab = make_tab(qtbot, sqlite_db)
    tab.action_new()
    fields = tab.form.fields
    assert tab.focusWidget() is fields["first_name"]  # typing starts at once
    type_text(qtbot, fields["first_name"], "Íñigo")
    type_text(qtbot, fields["last_name"], "Núñez Peña")
    type_text(qtbot, fields["tax_id"], "12345678A")  # wrong control letter
    type_text(qtbot, fields["birth_date"], "31/02/1990")
    type_text(qtbot, fields["hire_date"], "01/03/2024")
    type_text(qtbot, fields["salary"], "28.OOO")  # letter O for zero
    fields["department_id"].setFocus()
    qtbot.keyClick(fields["department_id"], Qt.Key.Key_Down)  # "No department" -> Comercial
    assert fields["department_id"].value() == sales.id
    assert tab.action_save() is False
    assert tab.form.error_text("birth_date") and tab.form.error_text("salary")
    assert employees.count_employees(sqlite_db) == 0
    assert (fields["birth_date"].text(), fields["salary"].text()) == ("31/02/1990", "28.OOO")  # nothing lost

    type_text(qtbot, fields["birth_date"], "28/02/1990")
    type_text(qtbot, fields["salary"], "28.000,555")  # a third decimal: refused, not rounded
    assert tab.action_save() is False
    assert tab.form.error_text("salary") and tab.form.error_text("birth_date") == ""
    type_text(qtbot, fields["salary"], "28.000,50")
    assert tab.action_save() is False  # now the service speaks: the NIF
    assert tab.form.error_text("tax_id")
    assert tab.form.error_text("salary") == ""
    assert fields["tax_id"].text() == "12345678A"
    assert employees.count_employees(sqlite_db) == 0

    type_text(qtbot, fields["tax_id"], "12345678Z")
    type_text(qtbot, fields["iban"], "ES91 2100 0418 4502 0005 1332")
    type_text(qtbot, fields["social_security_number"], "28 12345678 40")
    assert tab.action_save() is True
    wait_idle(qtbot, tab.model)
    assert last_names(tab) == ["Núñez Peña"]
    assert tab.model.index(0, 3).data() == "Comercial"
    saved = employees.get_employee(sqlite_db, tab.record_id)
    assert (saved.tax_id, saved.salary, saved.birth_date, saved.department_id, saved.code) == \
        ("12345678Z", Decimal("28000.50"), dt.date(1990, 2, 28), sales.id, "E00001")
    assert saved.iban and saved.social_security_number
    assert tab.title.text().startswith("E00001 · Íñigo Núñez Peña")


def test_salary_iban_and_social_security_stay_out_of_the_list(qtbot, sqlite_db):
    hire(sqlite_db, "Ana", "García", 12345678, salary=Decimal("31000"), iban="ES9121000418450200051332",
         social_security_number="281234567840")
    tab = make_tab(qtbot, sqlite_db)
    keys = [c.key for c in tab.model.columns]
    assert not {"salary", "iban", "social_security_number", "tax_id"} & set(keys)
    row = tab.model.index(0, 0).data(ROW_ROLE)
    assert not {"salary", "iban", "social_security_number"} & set(row)
    tab.open_record(str(row["__id"]))
    assert tab.form.fields["iban"].text() == "ES9121000418450200051332"  # the form of the person shows them
    assert tab.form.fields["salary"].value() == Decimal("31000")


def test_the_list_by_department_search_current_staff_and_archive(qtbot, sqlite_db, answers):
    sales = departments.create_department(sqlite_db, DepartmentData("COM", "Comercial"))
    store = departments.create_department(sqlite_db, DepartmentData("ALM", "Almacén"))
    hire(sqlite_db, "Ana", "García", 11111111, department_id=sales.id)
    hire(sqlite_db, "Luis", "Benítez", 22222222, department_id=store.id)
    hire(sqlite_db, "Eva", "Zamora", 33333333, department_id=store.id, end_date=TODAY - dt.timedelta(days=1))
    hire(sqlite_db, "Rosa", "Calvo", 44444444)
    tab = make_tab(qtbot, sqlite_db)
    assert last_names(tab) == ["Benítez", "Calvo", "García", "Zamora"]  # by last name

    combo = tab.department_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["All departments", "Almacén", "Comercial"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Almacén
    wait_idle(qtbot, tab.model)
    assert last_names(tab) == ["Benítez", "Zamora"]
    assert {tab.model.index(r, 3).data() for r in range(2)} == {"Almacén"}

    tab.current_filter.setChecked(True)  # Zamora left yesterday (the tab's today)
    wait_idle(qtbot, tab.model)
    assert last_names(tab) == ["Benítez"]
    tab.current_filter.setChecked(False)
    combo.setCurrentIndex(0)
    wait_idle(qtbot, tab.model)
    assert len(last_names(tab)) == 4

    type_text(qtbot, tab.list.search, dni(44444444))  # the NIF finds a person without being a column
    qtbot.waitUntil(lambda: last_names(tab) == ["Calvo"], timeout=5000)
    tab.list.search.clear()
    qtbot.waitUntil(lambda: len(last_names(tab)) == 4, timeout=5000)

    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(2, 0))  # García
    answers["answers"] = [False]
    tab.action_archive()
    assert "García" in answers["asked"][-1][1]
    wait_idle(qtbot, tab.model)
    assert len(last_names(tab)) == 4
    answers["answers"] = [True]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, tab.model)
    assert last_names(tab) == ["Benítez", "Calvo", "Zamora"]
    assert employees.count_employees(sqlite_db, ListQuery(filters={"include_archived": True})) == 4


def test_manager_and_an_archived_department_are_kept_on_save(qtbot, sqlite_db):
    old = departments.create_department(sqlite_db, DepartmentData("OLD", "Taller antiguo"))
    boss = hire(sqlite_db, "Marta", "Jefa Ruiz", 55555555)
    worker = hire(sqlite_db, "Pedro", "Obrero", 66666666, department_id=old.id)
    departments.archive_department(sqlite_db, old.id)
    tab = make_tab(qtbot, sqlite_db)
    assert tab.department_filter.findData(old.id) < 0  # archived: not offered as a filter

    tab.open_record(str(worker.id))
    fields = tab.form.fields
    assert fields["department_id"].currentText() == "Taller antiguo (archived)"
    assert not tab.dirty
    type_text(qtbot, fields["manager_id"], "jefa")
    popup = fields["manager_id"].completer_.popup()
    qtbot.waitUntil(lambda: not fields["manager_id"].busy and popup.isVisible(), timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tab.action_save() is True
    saved = employees.get_employee(sqlite_db, worker.id)
    assert (saved.manager_id, saved.department_id) == (boss.id, old.id)

    tab.open_record(str(worker.id))
    assert fields["manager_id"].text() == f"{boss.code} · Marta Jefa Ruiz"

    type_text(qtbot, fields["manager_id"], "nadie")  # typed, never chosen: refused, not dropped
    qtbot.waitUntil(lambda: not fields["manager_id"].busy, timeout=5000)
    assert tab.action_save() is False
    assert tab.form.error_text("manager_id")
    assert employees.get_employee(sqlite_db, worker.id).manager_id == boss.id


def test_the_employee_model_passes_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester, sqlite_db):
    for i in range(45):
        hire(sqlite_db, "Persona", f"Apellido {i:03d}", 10000000 + i)
    tab = EmployeesTab(sqlite_db, today=TODAY)
    qtbot.addWidget(tab)
    tab.model.page_size = 20
    tab.model._query = replace(tab.model.query, limit=20)
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(tab.model)
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 45
    for r in range(45):  # scroll through: the other pages are read
        tab.model.index(r, 1).data()
    wait_idle(qtbot, tab.model)
    qtmodeltester.check(tab.model)
    assert [tab.model.index(r, 1).data() for r in range(45)] == [f"Apellido {i:03d}" for i in range(45)]
