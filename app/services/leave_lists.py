"""Leave across employees: the Leave tab's paged list, the calendar of who is away, the badge.

No list shows a reason. A blocked employee's leave is shown to admins only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.employees import Department, Employee, LeaveRequest
from app.domain.enums import LeaveKind, LeaveStatus
from app.errors import ValidationError
from app.i18n import _
from app.services import access
from app.services.leave_access import decidable
from app.services.leave_days import ACTIVE, MAX_SPAN
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import as_uuid, filter_choice
from app.services.validation import Validator

LEAVE_COLUMNS = [
    ListColumn("code", _("Code"), Employee.code, searchable=True),
    ListColumn("employee", _("Employee"), Employee.first_name + " " + Employee.last_name, searchable=True),
    # Outer join: coalesce so that sorting by department pages past employees without one.
    ListColumn("department", _("Department"), func.coalesce(Department.name, ""), searchable=True),
    ListColumn("kind", _("Kind"), LeaveRequest.kind),
    ListColumn("status", _("Status"), LeaveRequest.status),
    ListColumn("start_date", _("From"), LeaveRequest.start_date),
    ListColumn("end_date", _("To"), LeaveRequest.end_date),
    ListColumn("days", _("Days"), LeaveRequest.days, align="right"),
]


@dataclass(frozen=True)
class Absence:
    """One request on the calendar of who is away."""

    employee_id: uuid.UUID
    code: str
    name: str  # "Ana García Pérez"
    department: str  # "" without one
    kind: LeaveKind
    status: LeaveStatus  # requested or approved
    start: dt.date
    end: dt.date
    half_day: bool
    leave_id: uuid.UUID


def _filter_id(filters: dict, key: str) -> uuid.UUID | None:
    value = filters.get(key)
    if value is None or value == "":
        return None
    found = as_uuid(value)
    if found is None:
        what = {"department_id": _("department"), "employee_id": _("employee")}.get(key, key)
        raise ValidationError(key, _("Unknown {what}.").format(what=what))
    return found


def _filter_date(filters: dict, key: str) -> dt.date | None:
    value = filters.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, dt.date):
        raise ValidationError(key, _("Not a date."))
    return value


def _visible(db: Database, stmt: Select) -> Select:
    return stmt if access.has_role(db, access.ADMIN) else stmt.where(Employee.blocked_at.is_(None))


def _leave_base(db: Database, s: Session, filters: dict) -> Select:
    stmt = (select(*[c.expr.label(c.key) for c in LEAVE_COLUMNS], LeaveRequest.employee_id.label("employee_id"),
                   LeaveRequest.half_day.label("half_day"), LeaveRequest.version.label("version"))
            .select_from(LeaveRequest).join(Employee, Employee.id == LeaveRequest.employee_id)
            .outerjoin(Department, Department.id == Employee.department_id))
    stmt = _visible(db, stmt)
    status = filter_choice(filters, "status", LeaveStatus)
    if status is not None:
        stmt = stmt.where(LeaveRequest.status == status)
    kind = filter_choice(filters, "kind", LeaveKind)
    if kind is not None:
        stmt = stmt.where(LeaveRequest.kind == kind)
    for key, column in (("department_id", Employee.department_id), ("employee_id", LeaveRequest.employee_id)):
        wanted = _filter_id(filters, key)
        if wanted is not None:
            stmt = stmt.where(column == wanted)
    first, last = _filter_date(filters, "from"), _filter_date(filters, "to")
    if first is not None:
        stmt = stmt.where(LeaveRequest.end_date >= first)
    if last is not None:
        stmt = stmt.where(LeaveRequest.start_date <= last)
    if filters.get("pending_for_me"):
        stmt = stmt.where(LeaveRequest.status == LeaveStatus.REQUESTED, decidable(db, s))
    return stmt


def list_leave(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Requests across employees, one page, default order by start date.

    Filters: ``status``, ``kind``, ``department_id``, ``employee_id``, ``from``/``to``
    (dates: requests overlapping them), ``pending_for_me`` (requested, and this login
    may decide). Rows also carry ``employee_id``, ``half_day``, ``version`` and ``__id``.
    """
    with db.session() as s:
        return run_list(s, _leave_base(db, s, query.filters), LEAVE_COLUMNS, LeaveRequest.id, query, "start_date")


def count_leave(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _leave_base(db, s, query.filters), LEAVE_COLUMNS, query.search)


def pending_approvals(db: Database) -> int:
    """How many requests wait for this login's decision (the Leave tab's badge)."""
    return count_leave(db, ListQuery(filters={"pending_for_me": True}))


def absences(db: Database, start: dt.date, end: dt.date, department_id: uuid.UUID | None = None) -> list[Absence]:
    """Requested and approved leave overlapping [start, end], by person then date."""
    v = Validator()
    first = v.date("start", start)
    last = v.date("end", end)
    v.date_order("start", first, "end", last)
    v.done()
    stmt = (select(LeaveRequest.employee_id, Employee.code, Employee.first_name, Employee.last_name,
                   func.coalesce(Department.name, ""), LeaveRequest.kind, LeaveRequest.status,
                   LeaveRequest.start_date, LeaveRequest.end_date, LeaveRequest.half_day, LeaveRequest.id)
            .join(Employee, Employee.id == LeaveRequest.employee_id)
            .outerjoin(Department, Department.id == Employee.department_id)
            .where(LeaveRequest.status.in_(ACTIVE), LeaveRequest.start_date <= last, LeaveRequest.end_date >= first,
                   # No request spans more than MAX_SPAN: this bound keeps the date index's range to the month.
                   LeaveRequest.start_date >= first - MAX_SPAN)
            .order_by(Employee.last_name, Employee.first_name, Employee.code, LeaveRequest.start_date))
    if department_id is not None:
        stmt = stmt.where(Employee.department_id == department_id)
    with db.session() as s:
        return [Absence(eid, code, f"{fn} {ln}", dept, kind, status, a, b, half, lid)
                for eid, code, fn, ln, dept, kind, status, a, b, half, lid in s.execute(_visible(db, stmt))]
