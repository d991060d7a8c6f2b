"""The Departments inner tab: codes and names, each optionally part of another department."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal

from app.services import departments
from app.services.departments import DepartmentData
from app.services.listing import ListQuery
from ui.common.fields import ChoiceField, TextField, as_id
from ui.common.form import Form
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column
from ui.employees.lookup import offer_archived_department

MAX_DEPARTMENTS = 1000  # a pick list: a company has tens of departments


class DepartmentsTab(RecordTab):
    sig_changed = Signal()  # a department was saved or archived (staff pick lists and the tree read again)

    list_name = "employees_departments"
    default_sort = "name"

    # -- labels --------------------------------------------------------------------------
    def noun(self) -> str:
        return self.tr("department")

    def noun_plural(self) -> str:
        return self.tr("departments")

    def noun_singular(self) -> str:
        return self.tr("department")

    # -- the list ------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=90),
            Column("name", self.tr("Name"), width=260),
            Column("parent", self.tr("Part of"), width=260),
        ]

    def list_rows(self, db, query):
        return departments.list_departments(db, query)

    def count_rows(self, db, query):
        return departments.count_departments(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_check_filter("include_archived", self.tr("Show archi&ved"))

    def activate(self) -> None:
        super().activate()
        self.load_parents()

    def load_parents(self, keep: bool = True) -> None:
        """Fill the "Part of" pick list; the department open is not offered as its own parent.

        ``keep``: the form's choice stays (a refill while editing), else it is left to the caller.
        """
        page = departments.list_departments(self.db, ListQuery(limit=MAX_DEPARTMENTS))
        field: ChoiceField = self.form.fields["parent_id"]
        current = field.currentData() if keep else None
        own = uuid.UUID(self.record_id) if self.record_id else None
        with QSignalBlocker(field):  # refilling is not an edit of the record open
            field.set_choices([(f"{r['name']} ({r['code']})", r["__id"]) for r in page.rows if r["__id"] != own])
        if current is not None and field.currentData() != current:
            offer_archived_department(self.db, field, current)
            with QSignalBlocker(field):
                field.set_value(current)

    # -- the form -------------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        form.add("code", self.tr("Co&de"), TextField()).setMaxLength(10)
        form.add("name", self.tr("&Name"), TextField()).setMaxLength(120)
        parent = form.add("parent_id", self.tr("&Part of"), ChoiceField(blank=self.tr("(top level)")))
        parent.setToolTip(self.tr("The department this one belongs to, for the organisation tree."))
        form.fields["code"].setMaximumWidth(140)

    def action_new(self) -> None:
        super().action_new()
        if self.record_id is None:
            self.load_parents(keep=False)  # every department is a possible parent again

    def view_to_form(self, view) -> dict[str, Any]:
        values = super().view_to_form(view)
        self.load_parents(keep=False)
        offer_archived_department(self.db, self.form.fields["parent_id"], view.parent_id)
        return values

    def form_to_data(self, values: dict[str, Any]) -> DepartmentData:
        return DepartmentData(code=values["code"] or "", name=values["name"] or "",
                              parent_id=as_id(values["parent_id"]))

    def describe(self, view) -> str:
        return f"{view.code} · {view.name}"

    def get(self, record_id: str):
        return departments.get_department(self.db, uuid.UUID(record_id))

    def create(self, data: DepartmentData):
        view = departments.create_department(self.db, data)
        self.sig_changed.emit()
        return view

    def update(self, record_id: str, data: DepartmentData, version: int | None):
        view = departments.update_department(self.db, uuid.UUID(record_id), data, version)
        self.sig_changed.emit()
        return view

    def archive(self, record_id: str):
        view = departments.archive_department(self.db, uuid.UUID(record_id))
        self.sig_changed.emit()
        return view
