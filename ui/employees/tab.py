"""Employees: the staff list by department, and the employee's file.

Salary, IBAN and social security number are confidential: they appear in
the form of the person opened, never as list columns (the service does not
even select them for the list).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.db.session import Database
from app.errors import TrastiendaError
from app.services import departments, employees
from app.services.employees import PAYMENTS_PER_YEAR, EmployeeData
from app.services.listing import ListQuery
from ui.common.fields import ChoiceField, DateField, DecimalField, TextField, as_id
from ui.common.form import Form
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column
from ui.employees.lookup import LabelledLookup, employee_choices, employee_value

MAX_DEPARTMENTS = 1000  # a pick list, not a paged list: a company has tens of departments


class EmployeesTab(RecordTab):
    list_name = "employees"
    default_sort = "last_name"
    _fixed_today: dt.date | None = None

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(db, parent)
        if today is not None:  # "current staff" and the birth-date check use the same day
            self._fixed_today = today
            self.list.set_filter("today", today)

    # -- labels --------------------------------------------------------------------------
    def noun(self) -> str:
        return self.tr("employee")

    def noun_plural(self) -> str:
        return self.tr("employees")

    def noun_singular(self) -> str:
        return self.tr("employee")

    # -- the list ------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=75),
            Column("last_name", self.tr("Last name"), width=190),
            Column("first_name", self.tr("First name"), width=130),
            Column("department", self.tr("Department"), width=170),
            Column("position", self.tr("Position"), width=190),
            Column("email", self.tr("E-mail"), width=240),
            Column("phone", self.tr("Phone"), width=110),
            Column("hire_date", self.tr("Hired"), kind="date", width=90),
        ]

    def list_rows(self, db, query):
        return employees.list_employees(db, query)

    def count_rows(self, db, query):
        return employees.count_employees(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        self.department_filter: QComboBox = panel.add_choice_filter("department_id", self.tr("All departments"), [])
        self.department_filter.setMinimumWidth(180)
        self.current_filter = QCheckBox(self.tr("&Current staff only"), panel)
        self.current_filter.setObjectName("filter_active_only")
        self.current_filter.setToolTip(self.tr("Leave out those whose employment has ended."))
        self.current_filter.toggled.connect(lambda on: panel.set_filter("active_only", on))
        panel.filter_bar.addWidget(self.current_filter)

    def activate(self) -> None:
        super().activate()
        self.load_departments()

    def load_departments(self) -> None:
        """Fill the department filter and the form's pick list (again: someone may have added one)."""
        page = departments.list_departments(self.db, ListQuery(limit=MAX_DEPARTMENTS))
        choices = [(r["name"], r["__id"]) for r in page.rows]
        combo = self.department_filter
        chosen = combo.currentData()
        with QSignalBlocker(combo):  # refilling must not read the list again
            while combo.count() > 1:
                combo.removeItem(1)
            for label, dept_id in choices:
                combo.addItem(label, dept_id)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        if chosen is not None and index < 0:  # the department filtered on is gone
            self.list.set_filter("department_id", None)
        field: ChoiceField = self.form.fields["department_id"]
        current = field.currentData()
        with QSignalBlocker(field):  # not an edit of the record open
            field.set_choices(choices)
        if current is not None and field.currentData() != current:  # the open record's, archived meanwhile
            self._offer_department(current)
            with QSignalBlocker(field):
                field.set_value(current)

    # -- the form -------------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        form.add("first_name", self.tr("&First name"), TextField())
        form.add("last_name", self.tr("&Last name"), TextField())
        form.add("tax_id", self.tr("&NIF / NIE"), TextField())
        form.add("code", self.tr("C&ode"), TextField())
        form.fields["code"].setPlaceholderText(self.tr("Given automatically"))
        form.add_section(self.tr("Job"))
        form.add("department_id", self.tr("&Department"), ChoiceField(blank=self.tr("No department")))
        form.add("position", self.tr("&Position"), TextField())
        form.add("manager_id", self.tr("Mana&ger"), LabelledLookup(lambda text: employee_choices(self.db, text)))
        form.fields["manager_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        form.add("hire_date", self.tr("&Hire date"), DateField())
        form.add("end_date", self.tr("&End date"), DateField())
        form.fields["end_date"].setToolTip(self.tr("The last day of employment; empty while employed."))
        form.add("weekly_hours", self.tr("&Weekly hours"), DecimalField(2))
        form.add_section(self.tr("Pay and social security (confidential)"))
        form.add("salary", self.tr("Salar&y (gross a year)"), DecimalField(2))
        form.add("payments_per_year", self.tr("Paymen&ts a year"),
                 ChoiceField([(str(n), n) for n in sorted(PAYMENTS_PER_YEAR, reverse=True)]))
        form.add("iban", self.tr("&IBAN"), TextField())
        form.add("social_security_number", self.tr("Social sec&urity no."), TextField())
        form.add_section(self.tr("Personal and contact"))
        form.add("birth_date", self.tr("&Birth date"), DateField())
        form.add("street", self.tr("St&reet"), TextField())
        form.add("postal_code", self.tr("Postal code"), TextField())
        form.add("city", self.tr("City"), TextField())
        form.add("province", self.tr("Province"), TextField())
        form.add("country", self.tr("Country"), TextField())
        form.fields["country"].setMaxLength(2)
        form.add("phone", self.tr("Phone"), TextField())
        form.add("email", self.tr("E-&mail"), TextField())
        form.add("emergency_contact", self.tr("Emergency contact"), TextField())
        for name in ("weekly_hours", "salary", "payments_per_year", "postal_code", "country",
                     "hire_date", "end_date", "birth_date", "code"):
            form.fields[name].setMaximumWidth(140)

    # -- form <-> service -----------------------------------------------------------------
    def blank_values(self) -> dict[str, Any]:
        return {**super().blank_values(), "country": "ES", "payments_per_year": 14}

    def view_to_form(self, view) -> dict[str, Any]:
        values = super().view_to_form(view)
        values["manager_id"] = employee_value(self.db, view.manager_id)
        self._offer_department(view.department_id)
        return values

    def _offer_department(self, department_id: uuid.UUID | None) -> None:
        # An archived department is not offered for new choices, but a person still
        # in it must keep it on save, not silently lose it to "No department".
        field: ChoiceField = self.form.fields["department_id"]
        if department_id is None or field.findData(department_id) >= 0:
            return
        try:
            dept = departments.get_department(self.db, department_id)
        except TrastiendaError:
            return
        with QSignalBlocker(field):
            field.addItem(self.tr("{0} (archived)").replace("{0}", dept.name), dept.id)

    def form_to_data(self, values: dict[str, Any]) -> EmployeeData:
        values = dict(values)
        for name in ("first_name", "last_name", "tax_id"):
            values[name] = values[name] or ""
        values["country"] = values["country"] or "ES"
        values["department_id"] = as_id(values["department_id"])
        values["manager_id"] = as_id(values["manager_id"])
        return EmployeeData(**values)

    def describe(self, view) -> str:
        return f"{view.code} · {view.full_name}"

    def get(self, record_id: str):
        return employees.get_employee(self.db, uuid.UUID(record_id))

    def create(self, data: EmployeeData):
        return employees.create_employee(self.db, data, today=self._fixed_today)

    def update(self, record_id: str, data: EmployeeData, version: int | None):
        return employees.update_employee(self.db, uuid.UUID(record_id), data, version, today=self._fixed_today)

    def archive(self, record_id: str):
        return employees.archive_employee(self.db, uuid.UUID(record_id))
