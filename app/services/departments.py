"""Departments: a tree of codes and names employees belong to."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from app.db.session import Database
from app.domain.employees import Department, Employee
from app.i18n import _
from app.services import access
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import reference
from app.services.validation import Validator


@dataclass
class DepartmentData:
    code: str
    name: str
    parent_id: uuid.UUID | None = None


@dataclass(frozen=True)
class DepartmentView:
    id: uuid.UUID
    version: int
    code: str
    name: str
    parent_id: uuid.UUID | None
    archived_at: dt.datetime | None


def _validate(v: Validator, data: DepartmentData) -> dict:
    return {
        "code": v.required("code", data.code, max_len=10),
        "name": v.required("name", data.name, max_len=120),
    }


def _check_in_db(s: Session, v: Validator, data: DepartmentData, values: dict, own: Department | None) -> None:
    own_id = own.id if own is not None else None
    if values["code"] and v.ok("code"):
        clash = s.execute(select(Department.id).where(Department.code == values["code"])).scalar()
        if clash is not None and clash != own_id:
            v.error("code", _("Code {code} is already used by another department.").format(code=values["code"]))
    # An unchanged parent that was archived since does not block saving the rest of the form.
    unchanged = own is not None and data.parent_id is not None and own.parent_id == data.parent_id
    parent = reference(s, v, "parent_id", Department, data.parent_id, what=_("department"),
                       allow_archived=unchanged)
    values["parent_id"] = parent.id if parent is not None else None
    if parent is not None and own_id is not None:
        # Walk up from the new parent: meeting ourselves would close a loop.
        seen: set[uuid.UUID] = set()
        node: Department | None = parent
        while node is not None and node.id not in seen:
            if node.id == own_id:
                v.error("parent_id", _("A department cannot sit under itself or one of its sub-departments."))
                break
            seen.add(node.id)
            node = s.get(Department, node.parent_id) if node.parent_id is not None else None


def create_department(db: Database, data: DepartmentData) -> DepartmentView:
    """Validates first (code unique, parent exists); writes nothing when any field is wrong."""
    v = Validator()
    values = _validate(v, data)
    with db.session() as s:
        _check_in_db(s, v, data, values, None)
        v.done()
        dept = Department(**values)
        s.add(dept)
        s.flush()
        return to_view(DepartmentView, dept)


def update_department(
    db: Database, department_id: uuid.UUID, data: DepartmentData, expected_version: int | None = None
) -> DepartmentView:
    """Saves the form; refuses a parent that would make a cycle, or a stale version."""
    v = Validator()
    values = _validate(v, data)
    with db.session() as s:
        dept = get_or_404(s, Department, department_id, what=_("department"))
        check_version(dept, expected_version)
        _check_in_db(s, v, data, values, dept)
        v.done()
        apply(dept, values)
        s.flush()
        return to_view(DepartmentView, dept)


def archive_department(db: Database, department_id: uuid.UUID) -> DepartmentView:
    with db.session() as s:
        dept = get_or_404(s, Department, department_id, what=_("department"))
        archive(dept)
        s.flush()
        return to_view(DepartmentView, dept)


def restore_department(db: Database, department_id: uuid.UUID) -> DepartmentView:
    with db.session() as s:
        dept = get_or_404(s, Department, department_id, what=_("department"))
        restore(dept)
        s.flush()
        return to_view(DepartmentView, dept)


def get_department(db: Database, department_id: uuid.UUID) -> DepartmentView:
    with db.session() as s:
        return to_view(DepartmentView, get_or_404(s, Department, department_id, what=_("department")))


_parent = aliased(Department, name="parent")

DEPARTMENT_COLUMNS = [
    ListColumn("code", _("Code"), Department.code, searchable=True),
    ListColumn("name", _("Name"), Department.name, searchable=True),
    ListColumn("parent", _("Part of"), func.coalesce(_parent.name, ""), searchable=True),
]


def _base(filters: dict) -> Select:
    stmt = (select(*[c.expr.label(c.key) for c in DEPARTMENT_COLUMNS])
            .select_from(Department).outerjoin(_parent, _parent.id == Department.parent_id))
    if not filters.get("include_archived"):
        stmt = stmt.where(Department.archived_at.is_(None))
    return stmt


def list_departments(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``include_archived``."""
    with db.session() as s:
        return run_list(s, _base(query.filters), DEPARTMENT_COLUMNS, Department.id, query, "name")


def count_departments(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _base(query.filters), DEPARTMENT_COLUMNS, query.search)


# -- the organisation chart -----------------------------------------------------------------

@dataclass(frozen=True)
class OrgDepartment:
    id: uuid.UUID
    code: str
    name: str
    parent_id: uuid.UUID | None
    archived: bool  # only listed while current staff are still in it


@dataclass(frozen=True)
class OrgEmployee:
    id: uuid.UUID
    code: str
    full_name: str
    position: str | None
    department_id: uuid.UUID | None
    manager_id: uuid.UUID | None
    reports: int = 0  # current staff this person manages directly


@dataclass(frozen=True)
class OrgChart:
    departments: list[OrgDepartment]  # by name
    employees: list[OrgEmployee]  # within a department: managers first, head down; then by last name, first name


def org_chart(db: Database, today: dt.date | None = None) -> OrgChart:
    """Departments and the people working in them on ``today``, for the organisation tree.

    Current staff are those not archived whose employment has not ended before
    ``today`` (as the list's "current staff" filter). Anonymised people are left
    out, and blocked ones too unless the reader is an administrator. Archived
    departments are listed only while someone current is still in them, so nobody
    disappears from the tree.

    Within a department, those who manage someone on the chart come first, the
    head before the managers under them in the same department; then everyone
    else by last name.
    """
    today = today or dt.date.today()
    stmt = (select(Employee.id, Employee.code, Employee.first_name, Employee.last_name, Employee.position,
                   Employee.department_id, Employee.manager_id)
            .where(Employee.archived_at.is_(None), Employee.anonymised_at.is_(None),
                   (Employee.end_date.is_(None)) | (Employee.end_date >= today))
            .order_by(Employee.last_name, Employee.first_name, Employee.code))
    if not access.has_role(db, access.ADMIN):
        stmt = stmt.where(Employee.blocked_at.is_(None))
    with db.session() as s:
        rows = s.execute(stmt).all()
        reports: dict[uuid.UUID, int] = {}
        for r in rows:
            if r.manager_id is not None:
                reports[r.manager_id] = reports.get(r.manager_id, 0) + 1
        people = _heads_first([OrgEmployee(r.id, r.code, f"{r.first_name} {r.last_name}", r.position,
                                           r.department_id, r.manager_id, reports.get(r.id, 0)) for r in rows])
        used = {p.department_id for p in people if p.department_id is not None}
        depts = s.execute(select(Department).order_by(Department.name, Department.code)).scalars()
        listed = [OrgDepartment(d.id, d.code, d.name, d.parent_id, d.archived_at is not None)
                  for d in depts if d.archived_at is None or d.id in used]
    return OrgChart(listed, people)


def _heads_first(people: list[OrgEmployee]) -> list[OrgEmployee]:
    """Managers before the rest of their department, each after their own manager there (stable: by name else)."""
    by_id = {p.id: p for p in people}

    def depth(person: OrgEmployee) -> int:
        # How many managers above this one sit in the same department (a loop in old data stops the walk).
        n, seen, boss = 0, {person.id}, by_id.get(person.manager_id)
        while boss is not None and boss.id not in seen and boss.department_id == person.department_id:
            n += 1
            seen.add(boss.id)
            boss = by_id.get(boss.manager_id)
        return n

    return sorted(people, key=lambda p: (0, depth(p)) if p.reports else (1, 0))
