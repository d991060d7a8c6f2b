"""A clerk keeps the staff file: the form and its errors, the list by department, search, archive."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.db.session import Database
from app.services import access, departments, employees
from app.services.departments import DepartmentData
from app.services.employees import EmployeeData
from app.services.listing import ListQuery
from tests.ui.conftest import type_text, wait_idle
from ui.common.table_model import ROW_ROLE
from ui.employees.staff import StaffTab
from ui.employees.tab import EmployeesTab

TODAY = dt.date(2026, 3, 2)
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(n: int) -> str:
    return f"{n:08d}{LETTERS[n % 23]}"


def make_container(qtbot, db) -> EmployeesTab:
    container = EmployeesTab(db, today=TODAY)
    qtbot.addWidget(container)
    container.resize(1300, 800)
    container.show()
    container.activate()
    return container


def make_tab(qtbot, db) -> StaffTab:
    """The Staff inner tab, on show in the Employees tab."""
    container = make_container(qtbot, db)
    assert container.current_record_tab() is container.staff
    wait_idle(qtbot, container.staff.model)
    return container.staff


def hire(db, first, last, n, hire_date=dt.date(2021, 1, 1), **kw) -> employees.EmployeeView:
    return employees.create_employee(db, EmployeeData(first_name=first, last_name=last, tax_id=dni(n),
                                                      hire_date=hire_date, **kw), today=TODAY)


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
    assert (saved.tax_id, saved.birth_date, saved.department_id, saved.code) == \
        ("12345678Z", dt.date(1990, 2, 28), sales.id, "E00001")
    pay = employees.get_restricted(sqlite_db, saved.id)
    assert (pay.salary, pay.payments_per_year) == (Decimal("28000.50"), 14)
    assert pay.iban and pay.social_security_number
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
    assert tab.form.fields["iban"].text() == ""  # hidden until HR asks to see them
    assert tab.form.fields["iban"].placeholderText() == "••••"
    assert tab.action_reveal() is True  # the form of the person shows them on request
    assert tab.form.fields["iban"].text() == "ES9121000418450200051332"
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
    tab = EmployeesTab(sqlite_db, today=TODAY).staff
    qtbot.addWidget(tab.parentWidget())
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


# -- the container: staff, departments, organisation -------------------------------------------

def inner_labels(container) -> list[str]:
    return [container.tabs.tabText(i) for i in range(container.tabs.count())]


def test_departments_are_kept_in_their_own_tab_and_the_staff_tab_offers_them(qtbot, db):
    container = make_container(qtbot, db)
    assert inner_labels(container)[:3] == ["&Staff", "&Departments", "&Organisation"]
    container.tabs.setCurrentWidget(container.departments)
    depts = container.departments
    assert container.current_record_tab() is depts
    wait_idle(qtbot, depts.model)
    container.action_new()  # the window's File > New reaches the tab on show
    fields = depts.form.fields
    type_text(qtbot, fields["code"], "DIR")
    type_text(qtbot, fields["name"], "Dirección")
    assert container.action_save() is True
    top = departments.get_department(db, uuid.UUID(depts.record_id))

    depts.action_new()
    type_text(qtbot, fields["code"], "COM")
    type_text(qtbot, fields["name"], "Comercial")
    fields["parent_id"].setFocus()
    qtbot.keyClick(fields["parent_id"], Qt.Key.Key_Down)  # (top level) -> Dirección (DIR)
    assert fields["parent_id"].value() == top.id
    assert depts.action_save() is True
    wait_idle(qtbot, depts.model)
    rows = {depts.model.index(r, 0).data(): depts.model.index(r, 2).data() for r in range(depts.model.rowCount())}
    assert rows == {"COM": "Dirección", "DIR": ""}

    depts.open_record(str(top.id))  # Dirección under Comercial would close a loop: refused, nothing written
    assert fields["parent_id"].findData(top.id) < 0  # not offered as its own parent
    fields["parent_id"].setFocus()
    qtbot.keyClick(fields["parent_id"], Qt.Key.Key_Down)
    assert fields["parent_id"].currentText() == "Comercial (COM)"
    assert depts.action_save() is False
    assert depts.form.error_text("parent_id")
    assert departments.get_department(db, top.id).parent_id is None

    type_text(qtbot, fields["code"], "COM")  # a code already used: named on its field
    fields["parent_id"].setCurrentIndex(0)
    assert depts.action_save() is False
    assert depts.form.error_text("code")
    assert departments.get_department(db, top.id).code == "DIR"

    container.tabs.setCurrentWidget(container.staff)  # shown again: the new departments are offered
    combo = container.staff.department_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["All departments", "Comercial", "Dirección"]
    assert container.staff.form.fields["department_id"].findText("Comercial") >= 0


def tree_texts(item) -> list:
    """An item as [text, [children…]] (leaves as text) for comparing whole trees."""
    children = [tree_texts(item.child(i)) for i in range(item.childCount())]
    return [item.text(0), children] if children else item.text(0)


def org_tree(container) -> list:
    tree = container.org.tree
    return [tree_texts(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount())]


def test_the_organisation_tree_nests_departments_and_current_staff_and_opens_a_person(qtbot, db):
    top = departments.create_department(db, DepartmentData("DIR", "Dirección"))
    sales = departments.create_department(db, DepartmentData("COM", "Comercial", top.id))
    store = departments.create_department(db, DepartmentData("ALM", "Almacén", top.id))
    old = departments.create_department(db, DepartmentData("OLD", "Taller antiguo"))
    departments.create_department(db, DepartmentData("GONE", "Cerrado"))
    boss = hire(db, "Marta", "Ruiz", 11111111, department_id=top.id, position="Directora")
    hire(db, "Ana", "García", 22222222, department_id=sales.id, position="Comercial")
    hire(db, "Luis", "Benítez", 33333333, department_id=sales.id)
    hire(db, "Eva", "Zamora", 44444444, department_id=store.id, end_date=TODAY - dt.timedelta(days=1))  # left
    hire(db, "Pedro", "Obrero", 55555555, department_id=old.id, position="Tornero")
    hire(db, "Rosa", "Calvo", 66666666, position="Becaria")
    archived = hire(db, "Iván", "Archivado", 77777777, department_id=sales.id)
    employees.archive_employee(db, archived.id)
    departments.archive_department(db, old.id)
    departments.archive_department(db, departments.list_departments(db, ListQuery(search="GONE")).rows[0]["__id"])

    container = make_container(qtbot, db)
    assert org_tree(container) == []  # not read until shown
    container.tabs.setCurrentWidget(container.org)
    assert org_tree(container) == [
        ["Dirección", ["Marta Ruiz — Directora", "Almacén",  # Eva left yesterday: Almacén has nobody now
                       ["Comercial", ["Luis Benítez", "Ana García — Comercial"]]]],
        ["Taller antiguo (archived)", ["Pedro Obrero — Tornero"]],  # archived, but someone still works there
        ["No department", ["Rosa Calvo — Becaria"]],
    ]
    assert container.org.summary.text() == "4 departments, 5 people"  # "Cerrado" is archived and empty

    # Shown again after a change elsewhere: read again.
    container.tabs.setCurrentWidget(container.staff)
    hire(db, "Nuevo", "Almacenero", 88888888, department_id=store.id, position="Mozo")
    container.tabs.setCurrentWidget(container.org)
    assert ["Almacén", ["Nuevo Almacenero — Mozo"]] in org_tree(container)[0][1]

    # Double-click on a person: the Staff tab shows their file.
    tree = container.org.tree
    item = container.org.find_item("employee", str(boss.id))
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    # A real double-click: press-release, then the double-click event (QTest's alone lacks the first press).
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert container.current_record_tab() is container.staff
    assert container.staff.editor_open and container.staff.record_id == str(boss.id)
    assert container.staff.title.text().startswith(f"{boss.code} · Marta Ruiz")

    # Double-clicking a department opens nothing.
    container.tabs.setCurrentWidget(container.org)
    dept_item = container.org.find_item("department", str(top.id))
    container.org.tree.itemActivated.emit(dept_item, 0)
    assert container.current_record_tab() is container.org


def test_the_org_chart_leaves_out_anonymised_people_and_blocked_ones_but_for_an_admin(db):
    top = departments.create_department(db, DepartmentData("DIR", "Dirección"))
    kept = hire(db, "Marta", "Ruiz", 11111111, department_id=top.id)
    blocked = hire(db, "Bea", "Bloqueada", 22222222, department_id=top.id)
    gone = hire(db, "Ana", "Antigua", 33333333, department_id=top.id, hire_date=dt.date(2015, 1, 1),
                end_date=dt.date(2020, 1, 31))
    employees.block_employee(db, blocked.id, "Solicitud de supresión")
    employees.anonymise_employee(db, gone.id, today=TODAY)
    hr_only = Database(db.engine, user="hr", roles=frozenset({access.HR}))

    chart = departments.org_chart(hr_only, TODAY)
    assert [p.id for p in chart.employees] == [kept.id]
    admin_chart = departments.org_chart(db, TODAY)  # the owner of the file holds every role
    assert [p.full_name for p in admin_chart.employees] == ["Bea Bloqueada", "Marta Ruiz"]
    assert [(d.code, d.parent_id) for d in admin_chart.departments] == [("DIR", None)]
    # Anonymised, Ana is left out even on a day she still worked here.
    assert gone.id not in {p.id for p in departments.org_chart(db, dt.date(2020, 1, 15)).employees}


class _Counter(QWidget):
    from PySide6.QtCore import Signal as _Signal

    sig_status = _Signal(str)
    sig_changed = _Signal()

    def __init__(self):
        super().__init__()
        self.activated = 0
        self.reloaded = 0

    def activate(self):
        self.activated += 1

    def reload_after_change(self):
        self.reloaded += 1


def test_another_part_adds_an_inner_tab_that_is_activated_and_told_of_changes(qtbot, db):
    container = make_container(qtbot, db)
    extra = _Counter()
    before = container.tabs.count()
    index = container.add_inner_tab(extra, "E&xtra")
    assert index == before and inner_labels(container)[-1] == "E&xtra"
    statuses = []
    container.sig_status.connect(statuses.append)
    extra.sig_status.emit("hello")
    assert statuses == ["hello"]
    container.tabs.setCurrentWidget(extra)
    assert extra.activated == 1 and extra.reloaded == 0
    container.tabs.setCurrentWidget(container.staff)
    changed = []
    container.sig_changed.connect(lambda: changed.append(True))
    hire(db, "Ana", "García", 11111111)
    container.staff.action_new()
    fields = container.staff.form.fields
    type_text(qtbot, fields["first_name"], "Luis")
    type_text(qtbot, fields["last_name"], "Benítez")
    type_text(qtbot, fields["tax_id"], dni(22222222))
    type_text(qtbot, fields["hire_date"], "01/02/2024")
    assert container.action_save() is True
    assert changed == [True]
    container.tabs.setCurrentWidget(extra)
    assert (extra.activated, extra.reloaded) == (2, 1)  # the staff changed: read again


def test_the_department_filter_survives_a_reload_of_the_departments(qtbot, db):
    """Ids read again from the database are equal, not identical: the chosen department must be found again."""
    from app.services import departments
    from app.services.departments import DepartmentData
    from ui.employees.tab import EmployeesTab

    sales = departments.create_department(db, DepartmentData("VEN", "Ventas"))
    departments.create_department(db, DepartmentData("ALM", "Almacén"))
    tab = EmployeesTab(db)
    qtbot.addWidget(tab)
    tab.activate()
    staff = tab.staff
    combo = staff.department_filter
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i) == "Ventas"))
    assert staff.list._filters.get("department_id") == sales.id
    for _ in range(2):
        staff.load_departments()
        assert combo.currentText() == "Ventas"
        assert staff.list._filters.get("department_id") == sales.id
    assert [combo.itemText(i) for i in range(combo.count())].count("Ventas") == 1


def test_the_employee_file_names_their_employment_contracts(qtbot, sqlite_db):
    from app.domain.enums import ContractKind
    from app.services import contracts
    from app.services.contracts import ContractData

    tab = make_tab(qtbot, sqlite_db)
    ana = hire(sqlite_db, "Ana", "Gil", 1)
    luis = hire(sqlite_db, "Luis", "Mora", 2)
    contracts.create_contract(sqlite_db, ContractData(
        kind=ContractKind.EMPLOYMENT, title="Contrato temporal", reference="CT-7", start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2021, 12, 31), employee_id=ana.id))
    contracts.create_contract(sqlite_db, ContractData(
        kind=ContractKind.EMPLOYMENT, title="Contrato indefinido", reference="CT-9", start_date=dt.date(2022, 1, 1),
        employee_id=ana.id, status="active"))
    tab.open_record(str(ana.id))
    assert tab.contracts_label.text().splitlines() == [
        "CT-9 · Contrato indefinido · Active · 01/01/2022 – …",
        "CT-7 · Contrato temporal · Draft · 01/01/2021 – 31/12/2021",
    ]
    tab.open_record(str(luis.id))
    assert tab.contracts_label.text() == "None"


# -- the organisation tree's order, the positions offered (issue 7) ------------------------------------

def test_in_the_organisation_tree_the_head_of_a_department_comes_first_then_the_rest_by_last_name(qtbot, db):
    top = departments.create_department(db, DepartmentData("DIR", "Dirección"))
    sales = departments.create_department(db, DepartmentData("COM", "Comercial", top.id))
    ceo = hire(db, "Marta", "Ruiz", 11111111, department_id=top.id, position="Directora")
    hire(db, "Alberto", "Alonso", 22222222, department_id=top.id, position="Asistente")
    head = hire(db, "Zoe", "Zamora", 33333333, department_id=sales.id, manager_id=ceo.id)  # her boss is elsewhere
    middle = hire(db, "Marco", "Medina", 44444444, department_id=sales.id, manager_id=head.id)
    hire(db, "Ana", "Abad", 55555555, department_id=sales.id, manager_id=middle.id)
    hire(db, "Bea", "Benítez", 66666666, department_id=sales.id, manager_id=head.id)
    hire(db, "Luis", "López", 77777777, department_id=sales.id)
    # Carla managed only someone who has left: she manages nobody now, so she is not put first.
    carla = hire(db, "Carla", "Castro", 88888888, department_id=sales.id)
    hire(db, "Eva", "Ida", 99999999, department_id=sales.id, manager_id=carla.id, end_date=TODAY - dt.timedelta(days=1))

    chart = departments.org_chart(db, TODAY)
    in_sales = [(p.full_name, p.reports) for p in chart.employees if p.department_id == sales.id]
    assert in_sales == [("Zoe Zamora", 2), ("Marco Medina", 1), ("Ana Abad", 0), ("Bea Benítez", 0),
                        ("Carla Castro", 0), ("Luis López", 0)]
    assert [p.full_name for p in chart.employees if p.department_id == top.id] == ["Marta Ruiz", "Alberto Alonso"]

    container = make_container(qtbot, db)
    container.tabs.setCurrentWidget(container.org)
    assert org_tree(container) == [
        ["Dirección", ["Marta Ruiz — Directora", "Alberto Alonso — Asistente",
                       ["Comercial", ["Zoe Zamora", "Marco Medina", "Ana Abad", "Bea Benítez", "Carla Castro",
                                      "Luis López"]]]],
    ]
    assert container.org.find_item("employee", str(head.id)).toolTip(0) == "Manages 2 people"
    assert container.org.find_item("employee", str(middle.id)).toolTip(0) == "Manages 1 person"
    assert container.org.find_item("employee", str(carla.id)).toolTip(0) == ""


def test_the_position_field_offers_the_positions_in_use_and_learns_new_ones(qtbot, db):
    hire(db, "Ana", "García", 11111111, position="Jefa de ventas")
    hire(db, "Luis", "Benítez", 22222222, position="Comercial")
    hire(db, "Rosa", "Calvo", 33333333, position="Comercial")  # once in the list
    hire(db, "Iván", "Izquierdo", 44444444, position="almacenero")
    hire(db, "Teo", "Toledo", 55555555, position="Técnico de ventas")
    hire(db, "Sin", "Puesto", 66666666)
    gone = hire(db, "Olga", "Archivada", 77777777, position="Vendedora archivada")
    employees.archive_employee(db, gone.id)
    blocked = hire(db, "Bea", "Bloqueada", 88888888, position="Vendedora bloqueada")
    employees.block_employee(db, blocked.id, "Solicitud de supresión")
    hr = Database(db.engine, user="hr", roles=frozenset({access.HR}))
    in_use = ["almacenero", "Comercial", "Jefa de ventas", "Técnico de ventas"]  # case and accents aside
    assert employees.positions_in_use(hr) == in_use
    assert employees.positions_in_use(db) == sorted(in_use + ["Vendedora bloqueada"], key=str.casefold)  # an admin

    tab = make_tab(qtbot, hr)
    position = tab.form.fields["position"]
    completer = position.completer()
    assert completer.model().stringList() == in_use
    tab.action_new()
    type_text(qtbot, position, "VENT")  # any part of it, in any case
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    offered = [completer.completionModel().index(r, 0).data() for r in range(completer.completionModel().rowCount())]
    assert offered == ["Jefa de ventas", "Técnico de ventas"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert position.text() == "Técnico de ventas"

    type_text(qtbot, position, "Mozo de almacén")  # still free text: a new one is kept as typed
    fields = tab.form.fields
    type_text(qtbot, fields["first_name"], "Nuevo")
    type_text(qtbot, fields["last_name"], "Mozo")
    type_text(qtbot, fields["tax_id"], dni(12121212))
    type_text(qtbot, fields["hire_date"], "01/02/2024")
    assert tab.action_save() is True
    assert employees.get_employee(hr, uuid.UUID(tab.record_id)).position == "Mozo de almacén"
    assert "Mozo de almacén" in completer.model().stringList()  # offered from this save on

    container = tab.parentWidget()
    while not isinstance(container, EmployeesTab):
        container = container.parentWidget()
    container.tabs.setCurrentWidget(container.departments)
    hire(db, "Otra", "Persona", 13131313, position="Recepcionista")  # saved elsewhere meanwhile
    assert "Recepcionista" not in completer.model().stringList()
    container.tabs.setCurrentWidget(container.staff)  # shown again: read again
    assert "Recepcionista" in completer.model().stringList()
