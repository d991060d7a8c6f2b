"""Picking an employee by typing part of the name, code or NIF (contracts, managers), or a department."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker

from app.db.session import Database
from app.errors import TrastiendaError
from app.services import departments, employees
from app.services.listing import ListQuery
from ui.common.fields import ChoiceField, LookupField, find_data

SUGGESTIONS = 20


def employee_label(code: str, full_name: str) -> str:
    # The code first: typing a whole code picks the person at once (see LookupField).
    return f"{code} · {full_name}"


def employee_choices(db: Database, text: str) -> list[tuple[str, Any]]:
    """Suggestions for a LookupField, run off the GUI thread; archived people are left out."""
    page = employees.list_employees(db, ListQuery(search=text, limit=SUGGESTIONS))
    return [(employee_label(r["code"], f"{r['first_name']} {r['last_name']}"), r["__id"]) for r in page.rows]


def employee_value(db: Database, employee_id) -> tuple[Any, str] | None:
    """(id, label) to load into a LookupField; None when there is nobody to show."""
    if employee_id is None:
        return None
    view = employees.get_employee(db, employee_id)
    return view.id, employee_label(view.code, view.full_name)


class LabelledLookup(LookupField):
    """A LookupField that Form.load can fill: the value is ``(id, label)`` or None.

    Form.load hands each widget one value, and a LookupField needs the label too,
    or it would hold an id while showing an empty box.
    """

    def set_value(self, value: Any, label: str = "") -> None:
        if isinstance(value, tuple):
            value, label = value
        super().set_value(value, label)


def offer_archived_department(db: Database, field: ChoiceField, department_id: uuid.UUID | None) -> None:
    """Keep a record's archived department choosable in ``field``.

    An archived department is not offered for new choices, but a record still
    in it (a person, a sub-department) keeps it on save rather than silently
    losing it to "none".
    """
    if department_id is None or find_data(field, department_id) >= 0:
        return
    try:
        dept = departments.get_department(db, department_id)
    except TrastiendaError:
        return
    with QSignalBlocker(field):
        field.addItem(QCoreApplication.translate("Departments", "{0} (archived)").replace("{0}", dept.name), dept.id)
