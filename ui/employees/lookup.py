"""Picking an employee by typing part of the name, code or NIF (contracts, managers)."""

from __future__ import annotations

from typing import Any

from app.db.session import Database
from app.services import employees
from app.services.listing import ListQuery
from ui.common.fields import LookupField

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
