"""Scenarios of a clerk keeping the staff file: departments, employees."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.employees import Department, Employee
from app.errors import ConflictError, ValidationError
from app.services import departments, employees
from app.services.departments import DepartmentData
from app.services.employees import EmployeeData
from app.services.listing import ListQuery

TODAY = dt.date(2024, 6, 1)
# Valid DNIs: the letter is TRWAGMYFPDXBNJZSQVHLCKE[number % 23].
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _dni(n: int) -> str:
    return f"{n:08d}{LETTERS[n % 23]}"


def _staff_dni(i: int) -> str:
    # 611ddd111 with ddd in 111..173: no "0" digit, so searching "05" cannot hit a NIF by accident.
    return _dni(61111111 + i * 1000)


def _count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _ana(**kw) -> EmployeeData:
    values = dict(first_name="Ana", last_name="García Pérez", tax_id="12345678z", hire_date=dt.date(2020, 3, 1),
                  social_security_number="28 12345678 40", birth_date=dt.date(1990, 5, 17),
                  iban="ES91 2100 0418 4502 0005 1332", email="ana@example.es", position="Contable",
                  weekly_hours=Decimal("40"), salary=Decimal("28000.00"), payments_per_year=14)
    values.update(kw)
    return EmployeeData(**values)


# -- departments -------------------------------------------------------------------

def test_departments_form_a_tree_without_cycles(db):
    admin = departments.create_department(db, DepartmentData("ADM", "Administración"))
    accounts = departments.create_department(db, DepartmentData("CONT", "Contabilidad", admin.id))
    payroll = departments.create_department(db, DepartmentData("NOM", "Nóminas", accounts.id))
    for parent in (admin.id, payroll.id):  # itself, or its own grandchild
        with pytest.raises(ValidationError) as err:
            departments.update_department(db, admin.id, DepartmentData("ADM", "Administración", parent), admin.version)
        assert err.value.field == "parent_id"
    assert departments.get_department(db, admin.id) == admin
    with pytest.raises(ValidationError) as err:
        departments.create_department(db, DepartmentData("ADM", "Otra"))
    assert err.value.field == "code"
    with pytest.raises(ValidationError) as err:
        departments.create_department(db, DepartmentData("X", "X", uuid.uuid4()))
    assert err.value.field == "parent_id"
    with pytest.raises(ValidationError) as err:
        departments.create_department(db, DepartmentData("", ""))
    assert err.value.fields == {"code", "name"}
    assert _count(db, Department) == 3
    moved = departments.update_department(db, payroll.id, DepartmentData("NOM", "Nóminas", admin.id), payroll.version)
    assert moved.parent_id == admin.id and moved.version == 2
    with pytest.raises(ConflictError):
        departments.update_department(db, payroll.id, DepartmentData("NOM", "N", None), payroll.version)
    rows = departments.list_departments(db).rows
    assert [(r["code"], r["parent"]) for r in rows] == [("ADM", ""), ("CONT", "Administración"),
                                                         ("NOM", "Administración")]
    departments.archive_department(db, accounts.id)
    assert departments.count_departments(db) == 2
    with pytest.raises(ValidationError) as err:
        departments.create_department(db, DepartmentData("AUD", "Auditoría", accounts.id))
    assert err.value.field == "parent_id"


# -- employees ---------------------------------------------------------------------

def test_hire_an_employee_with_automatic_code(db):
    dept = departments.create_department(db, DepartmentData("ADM", "Administración"))
    ana = employees.create_employee(db, _ana(department_id=dept.id), today=TODAY)
    assert ana.code == "E00001"
    assert ana.tax_id == "12345678Z"
    secret = employees.get_restricted(db, ana.id)
    assert secret.social_security_number == "281234567840"
    assert secret.iban == "ES9121000418450200051332"
    assert secret.salary == Decimal("28000.00") and secret.payments_per_year == 14
    assert not hasattr(ana, "salary") and not hasattr(ana, "iban")  # views never carry restricted data
    assert ana.full_name == "Ana García Pérez"
    assert employees.get_employee(db, ana.id) == ana
    luis = employees.create_employee(db, _ana(first_name="Luis", tax_id="X1234567L", manager_id=ana.id,
                                              social_security_number=None, iban=None), today=TODAY)
    assert luis.code == "E00002" and luis.tax_id == "X1234567L" and luis.manager_id == ana.id
    named = employees.create_employee(db, _ana(code="JEFA", tax_id=_dni(1)), today=TODAY)
    assert named.code == "JEFA"
    with pytest.raises(ValidationError) as err:
        employees.create_employee(db, _ana(code="JEFA", tax_id=_dni(2)), today=TODAY)
    assert err.value.field == "code"
    with pytest.raises(ValidationError) as err:
        employees.update_employee(db, ana.id, _ana(manager_id=luis.id), ana.version, today=TODAY)
    assert err.value.field == "manager_id"  # Luis already reports to Ana


@pytest.mark.parametrize(
    "field, changes",
    [
        ("first_name", {"first_name": " "}),
        ("last_name", {"last_name": ""}),
        ("tax_id", {"tax_id": ""}),
        ("tax_id", {"tax_id": "12345678A"}),
        ("tax_id", {"tax_id": "B12345674"}),  # a company CIF is not a person
        ("social_security_number", {"social_security_number": "281234567841"}),
        ("social_security_number", {"social_security_number": "2812345"}),
        ("iban", {"iban": "ES9121000418450200051333"}),
        ("email", {"email": "ana@"}),
        ("country", {"country": "España"}),
        ("birth_date", {"birth_date": TODAY + dt.timedelta(days=1)}),
        ("hire_date", {"hire_date": None}),
        ("hire_date", {"birth_date": dt.date(2021, 1, 1)}),
        ("end_date", {"end_date": dt.date(2020, 2, 29)}),
        ("manager_id", {"manager_id": uuid.uuid4()}),
        ("department_id", {"department_id": uuid.uuid4()}),
        ("salary", {"salary": Decimal("-1")}),
        ("salary", {"salary": Decimal("1000.001")}),
        ("payments_per_year", {"payments_per_year": 13}),
        ("weekly_hours", {"weekly_hours": Decimal("60.5")}),
        ("weekly_hours", {"weekly_hours": Decimal("-1")}),
        ("code", {"code": "X" * 21}),
    ],
)
def test_bad_employee_input_names_the_field_and_writes_nothing(db, field, changes):
    stored = employees.create_employee(db, _ana(tax_id=_dni(99)), today=TODAY)
    before = _count(db, Employee)
    with pytest.raises(ValidationError) as err:
        employees.create_employee(db, _ana(**changes), today=TODAY)
    assert field in err.value.fields
    assert err.value.message_for(field)
    with pytest.raises(ValidationError) as err:
        employees.update_employee(db, stored.id, _ana(**changes), stored.version, today=TODAY)
    assert field in err.value.fields
    assert _count(db, Employee) == before == 1
    assert employees.get_employee(db, stored.id) == stored
    assert employees.get_restricted(db, stored.id) == employees.RestrictedData(
        Decimal("28000.00"), 14, "ES9121000418450200051332", "281234567840")


def test_an_employee_is_not_their_own_manager_and_stale_forms_conflict(db):
    ana = employees.create_employee(db, _ana(), today=TODAY)
    with pytest.raises(ValidationError) as err:
        employees.update_employee(db, ana.id, _ana(manager_id=ana.id), ana.version, today=TODAY)
    assert err.value.field == "manager_id"
    v2 = employees.update_employee(db, ana.id, _ana(position="Jefa de contabilidad"), ana.version, today=TODAY)
    assert v2.version == 2 and v2.code == "E00001"
    with pytest.raises(ConflictError):
        employees.update_employee(db, ana.id, _ana(position="Becaria"), ana.version, today=TODAY)
    assert employees.get_employee(db, ana.id).position == "Jefa de contabilidad"


def test_employee_list_pages_both_ways_searches_and_filters(db):
    sales = departments.create_department(db, DepartmentData("VEN", "Ventas"))
    store = departments.create_department(db, DepartmentData("ALM", "Almacén"))
    for i in range(63):
        dept = (sales.id, store.id, None)[i % 3]
        employees.create_employee(db, _ana(first_name=f"Nombre{i:02d}", last_name=f"Apellido {i % 20:02d}",
                                           tax_id=_staff_dni(i), department_id=dept,
                                           end_date=dt.date(2024, 1, 31) if i % 7 == 0 else None,
                                           hire_date=dt.date(2020, 1, 1) + dt.timedelta(days=i % 10)), today=TODAY)

    def pages(q):
        rows, after = [], None
        while True:
            page = employees.list_employees(db, dataclasses.replace(q, after=after))
            rows += page.rows
            if not page.has_more:
                return rows
            after = page.next_after

    for sort in ("last_name", "department", "hire_date", "email"):
        up = pages(ListQuery(sort=sort, limit=10))
        down = pages(ListQuery(sort=sort, limit=10, descending=True))
        assert len(up) == len({r["__id"] for r in up}) == 63, sort
        assert up == down[::-1], sort
    assert [r["department"] for r in pages(ListQuery(sort="department", limit=10))][:21] == [""] * 21

    # Every word must appear in some column: "05" finds last names ending 05 and codes E00005, E0005x.
    found = employees.list_employees(db, ListQuery(search="apellido 05")).rows
    assert sorted(r["first_name"] for r in found) == [
        f"Nombre{i:02d}" for i in range(63) if i % 20 == 5 or "05" in f"E{i + 1:05d}"]
    assert employees.count_employees(db, ListQuery(search="apellido 05")) == len(found) == 14
    assert [r["first_name"] for r in employees.list_employees(db, ListQuery(search=_staff_dni(42))).rows] == ["Nombre42"]
    assert employees.count_employees(db, ListQuery(search="ventas")) == 21
    assert employees.count_employees(db, ListQuery(search="nombre1 almacén")) == 4  # Nombre10, 13, 16, 19 work in the store
    assert employees.count_employees(db, ListQuery(filters={"department_id": store.id})) == 21
    assert employees.count_employees(db, ListQuery(filters={"active_only": True, "today": TODAY})) == 63 - 9
    assert employees.count_employees(db, ListQuery(filters={"active_only": True,
                                                            "today": dt.date(2024, 1, 31)})) == 63
    first = employees.list_employees(db).rows[0]["__id"]
    employees.archive_employee(db, first)
    assert employees.count_employees(db) == 62
    assert employees.count_employees(db, ListQuery(filters={"include_archived": True})) == 63
    assert "tax_id" not in employees.list_employees(db).rows[0]
