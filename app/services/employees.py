"""Employees and their leave requests: create, update, archive, get, list.

Departments live in ``app.services.departments``. Leave balances, payroll
and GDPR restrictions on salary/IBAN/NSS belong to later issues.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.employees import Department, Employee, LeaveRequest
from app.domain.enums import LeaveKind, LeaveStatus
from app.i18n import _
from app.money import ZERO
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import reference
from app.services.validation import Validator

PAYMENTS_PER_YEAR = (12, 14)
MAX_WEEKLY_HOURS = Decimal(60)


@dataclass
class EmployeeData:
    """What an employee form holds; every field a plain value."""

    first_name: str
    last_name: str
    tax_id: str  # DNI or NIE
    hire_date: dt.date | None
    code: str | None = None  # E00001… given automatically when empty
    social_security_number: str | None = None
    birth_date: dt.date | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str = "ES"
    phone: str | None = None
    email: str | None = None
    iban: str | None = None
    emergency_contact: str | None = None
    department_id: uuid.UUID | None = None
    position: str | None = None
    manager_id: uuid.UUID | None = None
    end_date: dt.date | None = None
    weekly_hours: Decimal | str | int | None = None
    salary: Decimal | str | int | None = None  # gross per year
    payments_per_year: int = 14


@dataclass(frozen=True)
class EmployeeView:
    id: uuid.UUID
    version: int
    code: str
    first_name: str
    last_name: str
    full_name: str
    tax_id: str
    social_security_number: str | None
    birth_date: dt.date | None
    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str
    phone: str | None
    email: str | None
    iban: str | None
    emergency_contact: str | None
    department_id: uuid.UUID | None
    position: str | None
    manager_id: uuid.UUID | None
    hire_date: dt.date
    end_date: dt.date | None
    weekly_hours: Decimal | None
    salary: Decimal | None
    payments_per_year: int
    archived_at: dt.datetime | None


@dataclass
class LeaveRequestData:
    employee_id: uuid.UUID | None
    kind: LeaveKind | str
    start_date: dt.date | None
    end_date: dt.date | None
    half_day: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class LeaveRequestView:
    id: uuid.UUID
    version: int
    employee_id: uuid.UUID
    kind: LeaveKind
    status: LeaveStatus
    start_date: dt.date
    end_date: dt.date
    half_day: bool
    reason: str | None
    approved_by_id: uuid.UUID | None


# -- employees: validation --------------------------------------------------------------

def _validate(v: Validator, data: EmployeeData, today: dt.date) -> dict:
    """Checks that need no database; the caller adds the reference checks."""
    country = (data.country or "ES").strip().upper()
    if len(country) != 2 or not country.isalpha():
        v.error("country", _("Use the two-letter country code, e.g. ES or FR."))
    out = {
        "first_name": v.required("first_name", data.first_name, max_len=100),
        "last_name": v.required("last_name", data.last_name, max_len=150),
        "tax_id": v.person_tax_id("tax_id", data.tax_id, required=True),
        "social_security_number": v.social_security_number("social_security_number", data.social_security_number),
        "birth_date": v.date("birth_date", data.birth_date, required=False),
        "street": v.text("street", data.street),
        "postal_code": v.text("postal_code", data.postal_code, max_len=10),
        "city": v.text("city", data.city, max_len=100),
        "province": v.text("province", data.province, max_len=100),
        "country": country,
        "phone": v.text("phone", data.phone, max_len=40),
        "email": v.email("email", data.email),
        "iban": v.iban("iban", data.iban),
        "emergency_contact": v.text("emergency_contact", data.emergency_contact),
        "position": v.text("position", data.position, max_len=120),
        "hire_date": v.date("hire_date", data.hire_date),
        "end_date": v.date("end_date", data.end_date, required=False),
        "weekly_hours": v.decimal("weekly_hours", data.weekly_hours, required=False, min_value=ZERO,
                                  max_value=MAX_WEEKLY_HOURS, places=2),
        "salary": v.decimal("salary", data.salary, required=False, min_value=ZERO, places=2),
        "payments_per_year": data.payments_per_year,
    }
    if out["birth_date"] and out["birth_date"] > today:
        v.error("birth_date", _("The birth date is in the future."))
    if out["birth_date"] and out["hire_date"] and out["hire_date"] <= out["birth_date"]:
        v.error("hire_date", _("The hire date must be after the birth date."))
    v.date_order("hire_date", out["hire_date"], "end_date", out["end_date"])
    if isinstance(data.payments_per_year, bool) or data.payments_per_year not in PAYMENTS_PER_YEAR:
        v.error("payments_per_year", _("Salary is paid in 12 or 14 payments a year."))
    return out


def _check_refs(s: Session, v: Validator, data: EmployeeData, values: dict, own: Employee | None) -> None:
    own_id = own.id if own is not None else None
    dept = reference(s, v, "department_id", Department, data.department_id, what=_("department"),
                     allow_archived=own is not None and own.department_id == data.department_id)
    values["department_id"] = dept.id if dept is not None else None
    values["manager_id"] = None
    if data.manager_id is not None and own_id is not None and data.manager_id == own_id:
        v.error("manager_id", _("An employee cannot be their own manager."))
        return
    manager = reference(s, v, "manager_id", Employee, data.manager_id, what=_("employee"),
                        allow_archived=own is not None and own.manager_id == data.manager_id)
    if manager is None:
        return
    values["manager_id"] = manager.id
    # Walk up the chain of managers: meeting ourselves would close a loop.
    seen: set[uuid.UUID] = set()
    node: Employee | None = manager
    while node is not None and node.id not in seen and own_id is not None:
        if node.id == own_id:
            v.error("manager_id", _("This would make the employee manage their own manager."))
            return
        seen.add(node.id)
        node = s.get(Employee, node.manager_id) if node.manager_id is not None else None


def _check_code(s: Session, v: Validator, code: str, own_id: uuid.UUID | None) -> None:
    clash = s.execute(select(Employee.id).where(Employee.code == code)).scalar()
    if clash is not None and clash != own_id:
        v.error("code", _("Code {code} is already used by another employee.").format(code=code))


def _next_code(s: Session) -> str:
    n = s.execute(select(func.count()).select_from(Employee)).scalar_one() + 1
    while s.execute(select(Employee.id).where(Employee.code == f"E{n:05d}")).first():
        n += 1
    return f"E{n:05d}"


def _view(e: Employee) -> EmployeeView:
    return to_view(EmployeeView, e)


# -- employees: public API ----------------------------------------------------------------

def create_employee(db: Database, data: EmployeeData, today: dt.date | None = None) -> EmployeeView:
    """Validates every field and reference first; writes nothing when any is wrong."""
    v = Validator()
    values = _validate(v, data, today or dt.date.today())
    code = v.text("code", data.code, max_len=20)
    with db.session() as s:
        _check_refs(s, v, data, values, None)
        if code:
            _check_code(s, v, code, None)
        v.done()
        employee = Employee(code=code or _next_code(s), **values)
        s.add(employee)
        s.flush()
        return _view(employee)


def update_employee(
    db: Database, employee_id: uuid.UUID, data: EmployeeData, expected_version: int | None = None,
    today: dt.date | None = None,
) -> EmployeeView:
    """Saves the form over the stored row; refuses if someone saved in between.

    An empty code keeps the stored one.
    """
    v = Validator()
    values = _validate(v, data, today or dt.date.today())
    code = v.text("code", data.code, max_len=20)
    with db.session() as s:
        employee = get_or_404(s, Employee, employee_id, what=_("employee"))
        check_version(employee, expected_version)
        _check_refs(s, v, data, values, employee)
        if code:
            _check_code(s, v, code, employee.id)
        v.done()
        apply(employee, values)
        if code:
            employee.code = code
        s.flush()
        return _view(employee)


def archive_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    with db.session() as s:
        employee = get_or_404(s, Employee, employee_id, what=_("employee"))
        archive(employee)
        s.flush()
        return _view(employee)


def restore_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    with db.session() as s:
        employee = get_or_404(s, Employee, employee_id, what=_("employee"))
        restore(employee)
        s.flush()
        return _view(employee)


def get_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    with db.session() as s:
        return _view(get_or_404(s, Employee, employee_id, what=_("employee")))


EMPLOYEE_COLUMNS = [
    ListColumn("code", _("Code"), Employee.code, searchable=True),
    ListColumn("last_name", _("Last name"), Employee.last_name, searchable=True),
    ListColumn("first_name", _("First name"), Employee.first_name, searchable=True),
    # Outer join: coalesce so that sorting by department pages past employees without one.
    ListColumn("department", _("Department"), func.coalesce(Department.name, ""), searchable=True),
    ListColumn("position", _("Position"), Employee.position, searchable=True),
    ListColumn("email", _("E-mail"), Employee.email, searchable=True),
    ListColumn("phone", _("Phone"), Employee.phone),
    ListColumn("hire_date", _("Hired"), Employee.hire_date),
]
# Searched but not shown: the NIF finds a person without printing it on every row.
_SEARCH_ONLY = [ListColumn("tax_id", _("NIF"), Employee.tax_id, searchable=True, sortable=False)]


def _employee_base(filters: dict) -> Select:
    stmt = (select(*[c.expr.label(c.key) for c in EMPLOYEE_COLUMNS])
            .select_from(Employee).outerjoin(Department, Department.id == Employee.department_id))
    if not filters.get("include_archived"):
        stmt = stmt.where(Employee.archived_at.is_(None))
    if filters.get("department_id"):
        stmt = stmt.where(Employee.department_id == filters["department_id"])
    if filters.get("active_only"):
        today = filters.get("today") or dt.date.today()
        stmt = stmt.where(or_(Employee.end_date.is_(None), Employee.end_date >= today))
    return stmt


def list_employees(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``department_id``, ``active_only`` (no end date, or not yet past; ``today`` may be
    given), ``include_archived``. Search also finds the NIF/NIE."""
    with db.session() as s:
        return run_list(s, _employee_base(query.filters), EMPLOYEE_COLUMNS + _SEARCH_ONLY, Employee.id, query,
                        "last_name")


def count_employees(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _employee_base(query.filters), EMPLOYEE_COLUMNS + _SEARCH_ONLY, query.search)


# -- leave requests ----------------------------------------------------------------------

_NEXT_STATUSES = {LeaveStatus.REQUESTED: {LeaveStatus.APPROVED, LeaveStatus.REJECTED, LeaveStatus.CANCELLED}}


def create_leave_request(db: Database, data: LeaveRequestData) -> LeaveRequestView:
    """A new request in status ``requested``; nothing is written when a field is wrong."""
    v = Validator()
    kind = v.choice("kind", data.kind, LeaveKind)
    start = v.date("start_date", data.start_date)
    end = v.date("end_date", data.end_date)
    v.date_order("start_date", start, "end_date", end)
    if data.half_day and start and end and start != end:
        v.error("half_day", _("A half day starts and ends on the same day."))
    reason = v.text("reason", data.reason, max_len=500)
    with db.session() as s:
        employee = reference(s, v, "employee_id", Employee, data.employee_id, what=_("employee"), required=True)
        v.done()
        leave = LeaveRequest(employee_id=employee.id, kind=kind, status=LeaveStatus.REQUESTED, start_date=start,
                             end_date=end, half_day=bool(data.half_day), reason=reason)
        s.add(leave)
        s.flush()
        return to_view(LeaveRequestView, leave)


def list_leave_requests(db: Database, employee_id: uuid.UUID) -> list[LeaveRequestView]:
    """One employee's requests, oldest first (a person has few: no paging)."""
    with db.session() as s:
        get_or_404(s, Employee, employee_id, what=_("employee"))
        rows = s.execute(select(LeaveRequest).where(LeaveRequest.employee_id == employee_id)
                         .order_by(LeaveRequest.start_date, LeaveRequest.id)).scalars()
        return [to_view(LeaveRequestView, r) for r in rows]


def set_leave_status(
    db: Database, leave_id: uuid.UUID, status: LeaveStatus | str, approved_by_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> LeaveRequestView:
    """Decides a pending request: approved/rejected (by an employee) or cancelled.

    Only a ``requested`` request changes; anything else is refused on ``status``.
    """
    v = Validator()
    new = v.choice("status", status, LeaveStatus)
    with db.session() as s:
        leave = get_or_404(s, LeaveRequest, leave_id, what=_("leave request"))
        check_version(leave, expected_version)
        if new is not None and new not in _NEXT_STATUSES.get(leave.status, set()):
            v.error("status", _("A {old} request cannot become {new}.").format(old=leave.status.value, new=new.value))
        needs_decider = new in (LeaveStatus.APPROVED, LeaveStatus.REJECTED)
        decider = reference(s, v, "approved_by_id", Employee, approved_by_id, what=_("employee"),
                            required=needs_decider)
        v.done()
        leave.status = new
        leave.approved_by_id = decider.id if decider is not None else None
        s.flush()
        return to_view(LeaveRequestView, leave)
