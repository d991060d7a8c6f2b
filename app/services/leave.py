"""Leave requests: asked for, checked against the balance and the department, decided, read.

This module is the one the UI imports: it also re-exports holidays,
allowances and balances (``app.services.leave_days``) and the lists and the
calendar (``app.services.leave_lists``).

Rules a request meets before anything is written:
- it takes at least one working day and does not overlap the same person's
  other requested or approved leave;
- vacation beyond the balance is refused or, by company setting, needs
  ``confirm=True`` (``LeaveWarning.over_balance``), as do colleagues of the
  same department away on some of the days (``LeaveWarning.clashes``);
- the reason of a sick leave is restricted: only HR writes and reads it, and
  every writing and reading of one is in the personal-data audit trail.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, inspect, or_, select
from sqlalchemy.orm import Session, undefer

from app.db.session import Database
from app.domain.employees import Employee, LeaveRequest
from app.domain.enums import LeaveKind, LeaveStatus, LimitPolicy
from app.errors import Clash, LeaveWarning, PermissionDeniedError
from app.i18n import _
from app.services import access, hr_audit
from app.services.common import check_version, get_or_404, to_view
from app.services.leave_access import acting_employee, may_decide
from app.services.leave_days import (  # noqa: F401 - re-exported for the UI
    ACTIVE, AllowanceView, HolidayView, LeaveBalance, add_holiday, balance_in, check_span, company_leave_policy,
    days_by_year, fmt_days, holidays_between, leave_balance, list_holidays, readable_employee, remove_holiday,
    request_days_by_year, set_allowance, usable_employee, working_days,
)
from app.services.leave_lists import (  # noqa: F401 - re-exported: one module for the UI
    LEAVE_COLUMNS, Absence, absences, count_leave, list_leave, pending_approvals,
)
from app.services.lookups import reference
from app.services.stock import take_write_lock
from app.services.validation import Validator

REASON_FIELD = "leave_reason"  # as the audit trail names it
_NEXT_STATUSES = {
    LeaveStatus.REQUESTED: {LeaveStatus.APPROVED, LeaveStatus.REJECTED, LeaveStatus.CANCELLED},
    LeaveStatus.APPROVED: {LeaveStatus.CANCELLED},
}


@dataclass
class LeaveRequestData:
    employee_id: uuid.UUID | None
    kind: LeaveKind | str
    start_date: dt.date | None
    end_date: dt.date | None
    half_day: bool = False
    reason: str | None = None  # for a sick leave: HR only


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
    days: Decimal  # working days, counted when the request was made
    reason: str | None  # None when hidden
    reason_hidden: bool  # a sick leave's reason, withheld from whoever is not HR
    approved_by_id: uuid.UUID | None


def _server_shows_reasons(s: Session) -> bool:
    """A shared server lets only HR read the column (``app.db.server_admin``); a local file, anyone."""
    if s.get_bind().dialect.name != "postgresql":
        return True
    return bool(s.execute(select(func.has_column_privilege("leave_request", "reason", "SELECT"))).scalar())


def _load_reasons(db: Database, s: Session, rows: list[LeaveRequest]) -> None:
    """Reads into ``rows`` the reasons this login may see: HR every one, anyone else those of a leave
    that is not sick, where the server lets them. The model defers the column, so nothing else reads it."""
    hr = access.has_role(db, access.HR)
    wanted = [r.id for r in rows if "reason" in inspect(r).unloaded and (hr or r.kind != LeaveKind.SICK)]
    if wanted and (hr or _server_shows_reasons(s)):
        # Fills the unloaded column of the objects the session already holds.
        s.execute(select(LeaveRequest).where(LeaveRequest.id.in_(wanted)).options(undefer(LeaveRequest.reason))).all()


def _view(db: Database, r: LeaveRequest) -> LeaveRequestView:
    hidden = (r.kind == LeaveKind.SICK and not access.has_role(db, access.HR)) or "reason" in inspect(r).unloaded
    return to_view(LeaveRequestView, r, reason=None if hidden else r.reason, reason_hidden=hidden)


def _sick_reasons_read(db: Database, s: Session, rows: list[LeaveRequest]) -> None:
    """HR read at least one sick leave's reason: one audit entry per employee and reading."""
    if not access.has_role(db, access.HR):
        return
    for employee_id in dict.fromkeys(r.employee_id for r in rows if r.kind == LeaveKind.SICK and r.reason):
        hr_audit.record(s, employee_id, hr_audit.VIEW, [REASON_FIELD])


# -- checks ---------------------------------------------------------------------------------

def _dates(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def _check_own(s: Session, v: Validator, employee: Employee, start: dt.date, end: dt.date) -> None:
    if start < employee.hire_date:
        v.error("start_date", _("Before the hire date ({date}).").format(date=_dates(employee.hire_date)))
    if employee.end_date is not None and end > employee.end_date:
        v.error("end_date", _("After the employment ends ({date}).").format(date=_dates(employee.end_date)))
    other = s.execute(select(LeaveRequest).where(
        LeaveRequest.employee_id == employee.id, LeaveRequest.status.in_(ACTIVE),
        LeaveRequest.start_date <= end, LeaveRequest.end_date >= start,
    ).order_by(LeaveRequest.start_date).limit(1)).scalar()
    if other is not None:
        v.error("start_date", _("Overlaps this employee's other leave from {start} to {end}.").format(
            start=_dates(other.start_date), end=_dates(other.end_date)))


def _over_balance(
    s: Session, v: Validator, field: str, employee_id: uuid.UUID, per_year: dict[int, Decimal],
    exclude: uuid.UUID | None = None,
) -> tuple[Decimal | None, list[str]]:
    """Vacation days beyond the balance: a FieldError under policy "refuse", else (days, notes) to warn."""
    _days, policy = company_leave_policy(s)
    total, notes = Decimal(0), []
    for year, days in sorted(per_year.items()):
        left = balance_in(s, employee_id, year, exclude).remaining
        over = days - max(left, Decimal(0))
        if over <= 0:
            continue
        text = _("only {left} days left in {year}").format(left=fmt_days(max(left, Decimal(0))), year=year)
        if policy == LimitPolicy.REFUSE:
            v.error(field, _("Beyond the vacation balance: {days} days asked, {text}.").format(
                days=fmt_days(days), text=text))
        total += over
        notes.append(_("{over} days beyond the vacation balance ({text}).").format(over=fmt_days(over), text=text))
    return (total, notes) if total and policy == LimitPolicy.WARN else (None, [])


def _clashes(db: Database, s: Session, employee: Employee, start: dt.date, end: dt.date) -> list[Clash]:
    """Colleagues of the same department (still employed, not blocked) away on some of the days."""
    if employee.department_id is None:
        return []
    stmt = (select(Employee.code, Employee.first_name, Employee.last_name, LeaveRequest.start_date,
                   LeaveRequest.end_date)
            .join(Employee, Employee.id == LeaveRequest.employee_id)
            .where(Employee.department_id == employee.department_id, Employee.id != employee.id,
                   Employee.archived_at.is_(None), Employee.anonymised_at.is_(None),
                   or_(Employee.end_date.is_(None), Employee.end_date >= start),
                   LeaveRequest.status.in_(ACTIVE), LeaveRequest.start_date <= end, LeaveRequest.end_date >= start)
            .order_by(LeaveRequest.start_date, Employee.code))
    if not access.has_role(db, access.ADMIN):
        stmt = stmt.where(Employee.blocked_at.is_(None))
    return [Clash(f"{code} {first} {last}", a, b) for code, first, last, a, b in s.execute(stmt)]


def _warn(over: Decimal | None, notes: list[str], clashes: list[Clash]) -> None:
    if over is None and not clashes:
        return
    parts = list(notes)
    if clashes:
        parts.append(_("Also away from the same department: {who}.").format(who="; ".join(str(c) for c in clashes)))
    raise LeaveWarning(" ".join(parts), clashes=clashes, over_balance=over)


def _lock_person(s: Session, employee_id: uuid.UUID) -> None:
    """One person's leave is decided one transaction at a time.

    The overlap and balance checks must read what the previous request of the
    same person wrote. On SQLite the caller took the write lock before reading
    anything (``take_write_lock``); on PostgreSQL an advisory lock on the person
    (no table privilege needed, released at commit) makes a second clerk wait.
    """
    if s.get_bind().dialect.name == "postgresql":
        key = uuid.UUID(str(employee_id)).int & ((1 << 63) - 1)
        s.execute(select(func.pg_advisory_xact_lock(key)))


# -- public API -------------------------------------------------------------------------------

def create_leave_request(db: Database, data: LeaveRequestData, confirm: bool = False) -> LeaveRequestView:
    """A new request in status ``requested`` with its working days counted.

    Field errors (ValidationError), a sick reason from someone not HR
    (PermissionDeniedError on ``reason``) and, unless ``confirm``, a
    LeaveWarning all leave nothing written.
    """
    v = Validator()
    kind = v.choice("kind", data.kind, LeaveKind)
    start = v.date("start_date", data.start_date)
    end = v.date("end_date", data.end_date)
    v.date_order("start_date", start, "end_date", end)
    if start and end:
        check_span(start, end, v)
    half = bool(data.half_day)
    if half and start and end and start != end:
        v.error("half_day", _("A half day starts and ends on the same day."))
    reason = v.text("reason", data.reason, max_len=500)
    if kind == LeaveKind.SICK and reason and not access.has_role(db, access.HR):
        raise PermissionDeniedError(_("Only HR staff may record the reason of a sick leave."), "reason")
    with db.session() as s:
        take_write_lock(s)
        employee = usable_employee(s, v, data.employee_id)
        if employee is not None:
            _lock_person(s, employee.id)
        per_year: dict[int, Decimal] = {}
        if start and end and v.ok("end_date") and v.ok("half_day"):
            per_year = days_by_year(start, end, half, holidays_between(s, start, end))
            if not per_year:
                v.error("end_date", _("No working day in these dates: weekends and holidays do not count."))
            if employee is not None and v.ok("employee_id"):
                _check_own(s, v, employee, start, end)
        over, notes = None, []
        if kind == LeaveKind.VACATION and per_year and employee is not None and not v.errors:
            over, notes = _over_balance(s, v, "end_date", employee.id, per_year)
        v.done()
        if not confirm:
            _warn(over, notes, _clashes(db, s, employee, start, end))
        leave = LeaveRequest(employee_id=employee.id, kind=kind, status=LeaveStatus.REQUESTED, start_date=start,
                             end_date=end, half_day=half, days=sum(per_year.values(), Decimal(0)), reason=reason)
        s.add(leave)
        if kind == LeaveKind.SICK and reason:
            hr_audit.record(s, employee.id, hr_audit.CHANGE, [REASON_FIELD])
        s.flush()
        return _view(db, leave)


def set_leave_status(
    db: Database, leave_id: uuid.UUID, status: LeaveStatus | str, expected_version: int | None = None,
    confirm: bool = False, *, approved_by_id: uuid.UUID | None = None,
) -> LeaveRequestView:
    """requested → approved / rejected / cancelled; approved → cancelled. Anything else: ValidationError on ``status``.

    Approving or rejecting: HR, or the requester's manager (or higher up), never
    for one's own request unless HR; cancelling: those, or the requester.
    Others get PermissionDeniedError on ``status``. ``approved_by_id`` is the
    acting login's employee; HR may instead name who decided (on paper).
    Approving re-checks the balance and the department, as a new request does.
    """
    v = Validator()
    new = v.choice("status", status, LeaveStatus)
    hr = access.has_role(db, access.HR)
    if approved_by_id is not None and not hr:
        raise PermissionDeniedError(_("Only HR staff may record who else decided."), "approved_by_id")
    with db.session() as s:
        take_write_lock(s)
        leave = get_or_404(s, LeaveRequest, leave_id, what=_("leave request"))
        _lock_person(s, leave.employee_id)
        check_version(leave, expected_version)
        if new is not None and new not in _NEXT_STATUSES.get(leave.status, set()):
            v.error("status", _("A {old} request cannot become {new}.").format(
                old=_leave_status_words(leave.status), new=_leave_status_words(new)))
        v.done()
        employee = s.get(Employee, leave.employee_id)
        actor = acting_employee(db, s)
        deciding = new in (LeaveStatus.APPROVED, LeaveStatus.REJECTED)
        own = actor is not None and actor.id == employee.id
        if not (may_decide(db, s, actor, employee) or (new == LeaveStatus.CANCELLED and own)):
            raise PermissionDeniedError(
                _("Only HR staff or the employee's manager may decide this request.") if deciding
                else _("Only HR staff, the employee or their manager may cancel this request."), "status")
        decider = actor
        if deciding and approved_by_id is not None:
            decider = reference(s, v, "approved_by_id", Employee, approved_by_id, what=_("employee"))
        over, notes = None, []
        if new == LeaveStatus.APPROVED and leave.kind == LeaveKind.VACATION:
            over, notes = _over_balance(s, v, "status", employee.id, request_days_by_year(s, leave), leave.id)
        v.done()
        if new == LeaveStatus.APPROVED and not confirm:
            _warn(over, notes, _clashes(db, s, employee, leave.start_date, leave.end_date))
        leave.status = new
        if deciding:
            leave.approved_by_id = decider.id if decider is not None else None
        s.flush()
        _load_reasons(db, s, [leave])
        return _view(db, leave)


def get_leave_request(db: Database, leave_id: uuid.UUID) -> LeaveRequestView:
    """One request; a sick leave's reason only for HR (and audited when there is one)."""
    with db.session() as s:
        leave = get_or_404(s, LeaveRequest, leave_id, what=_("leave request"))
        readable_employee(db, s, leave.employee_id)
        _load_reasons(db, s, [leave])
        _sick_reasons_read(db, s, [leave])
        return _view(db, leave)


def list_leave_requests(db: Database, employee_id: uuid.UUID) -> list[LeaveRequestView]:
    """One employee's requests, oldest first (a person has few: no paging).

    Sick leave reasons: hidden (``reason_hidden``) unless HR; HR reading any
    writes one audit entry. A blocked employee's requests are for admins only.
    """
    with db.session() as s:
        readable_employee(db, s, employee_id)
        rows = list(s.execute(select(LeaveRequest).where(LeaveRequest.employee_id == employee_id)
                              .order_by(LeaveRequest.start_date, LeaveRequest.id)).scalars())
        _load_reasons(db, s, rows)
        _sick_reasons_read(db, s, rows)
        return [_view(db, r) for r in rows]


def _leave_status_words(status: LeaveStatus) -> str:
    """"requested", "approved"... in the clerk's language, for messages."""
    return {LeaveStatus.REQUESTED: _("requested"), LeaveStatus.APPROVED: _("approved"),
            LeaveStatus.REJECTED: _("rejected"), LeaveStatus.CANCELLED: _("cancelled")}.get(status, str(status))
