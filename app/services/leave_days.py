"""What leave costs: working days, company holidays, yearly vacation allowances and balances.

A working day is Monday to Friday and not a company holiday; a half day
(start and end on the same working day) is 0.5. A request's days are counted
when it is made and kept on it (``LeaveRequest.days``); a request that spans
New Year counts, in each year's balance, the working days that fall in it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.company import Company
from app.domain.employees import Employee, Holiday, LeaveAllowance, LeaveRequest
from app.domain.enums import LeaveKind, LeaveStatus, LimitPolicy
from app.errors import PermissionDeniedError, ValidationError
from app.i18n import _
from app.locale_format import format_decimal
from app.services import access
from app.services.common import get_or_404, to_view
from app.services.lookups import reference
from app.services.validation import Validator

HALF = Decimal("0.5")
MAX_DAYS = Decimal(366)
FIRST_YEAR, LAST_YEAR = 1990, 2199
DEFAULT_DAYS_PER_YEAR = 22
ACTIVE = (LeaveStatus.REQUESTED, LeaveStatus.APPROVED)  # statuses that hold days
MAX_SPAN = dt.timedelta(days=731)  # one request covers at most two years (a long sick leave is 545 days)


@dataclass(frozen=True)
class HolidayView:
    id: uuid.UUID
    date: dt.date
    name: str


@dataclass(frozen=True)
class AllowanceView:
    id: uuid.UUID
    version: int
    employee_id: uuid.UUID
    year: int
    days: Decimal
    carried_over: Decimal


@dataclass(frozen=True)
class LeaveBalance:
    """One employee's vacation days in one year; ``remaining`` may be negative (policy "warn")."""

    year: int
    allowance: Decimal
    carried_over: Decimal
    taken: Decimal  # approved
    pending: Decimal  # requested, not decided yet
    remaining: Decimal  # allowance + carried_over - taken - pending


# -- counting ------------------------------------------------------------------------------

def holidays_between(s: Session, start: dt.date, end: dt.date) -> set[dt.date]:
    return set(s.execute(select(Holiday.date).where(Holiday.date.between(start, end))).scalars())


def days_by_year(start: dt.date, end: dt.date, half_day: bool, holidays: Iterable[dt.date]) -> dict[int, Decimal]:
    """Working days of [start, end] per calendar year (years without any are left out)."""
    off = set(holidays)
    out: dict[int, Decimal] = {}
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in off:
            out[day.year] = out.get(day.year, Decimal(0)) + 1
        day += dt.timedelta(days=1)
    if half_day and start == end and out:
        out[start.year] = HALF
    return out


def request_days_by_year(s: Session, r: LeaveRequest) -> dict[int, Decimal]:
    """A stored request's days per year: its own count when within one year (a holiday added
    later does not change it), else the working days of each year's part."""
    if r.start_date.year == r.end_date.year:
        return {r.start_date.year: r.days}
    return days_by_year(r.start_date, r.end_date, False, holidays_between(s, r.start_date, r.end_date))


def working_days(db: Database, start: dt.date, end: dt.date, half_day: bool = False) -> Decimal:
    """What a request from ``start`` to ``end`` would take, for a form to show before saving."""
    if end < start:
        return Decimal(0)
    check_span(start, end)
    with db.session() as s:
        return sum(days_by_year(start, end, half_day, holidays_between(s, start, end)).values(), Decimal(0))


def check_span(start: dt.date, end: dt.date, v: Validator | None = None) -> None:
    """Refuses (on ``end_date``) dates further apart than one request may cover."""
    if end - start > MAX_SPAN:
        message = _("One request covers at most two years; ask for the rest in another one.")
        if v is None:
            raise ValidationError("end_date", message)
        v.error("end_date", message)


def fmt_days(days: Decimal) -> str:
    """``3``, ``2,5`` (``2.5`` in English): days without the zeros of the column's scale."""
    return format_decimal(days)


# -- holidays ------------------------------------------------------------------------------

def add_holiday(db: Database, date: dt.date | None, name: str | None) -> HolidayView:
    """HR only. One holiday a date: a second one on ``date`` is refused. Requests already made keep their days."""
    access.require(db, access.HR, _("Only HR staff may change the holiday calendar."), "date")
    v = Validator()
    day = v.date("date", date)
    title = v.text("name", name, required=True, max_len=120)
    with db.session() as s:
        if day is not None and s.execute(select(Holiday.id).where(Holiday.date == day)).first():
            v.error("date", _("{date:%d/%m/%Y} is already a holiday.").format(date=day))
        v.done()
        holiday = Holiday(date=day, name=title)
        s.add(holiday)
        s.flush()
        return to_view(HolidayView, holiday)


def remove_holiday(db: Database, holiday_id: uuid.UUID) -> None:
    """HR only. Nothing refers to a holiday, so it is deleted; requests already made keep their days."""
    access.require(db, access.HR, _("Only HR staff may change the holiday calendar."), "date")
    with db.session() as s:
        s.delete(get_or_404(s, Holiday, holiday_id, what=_("holiday")))


def list_holidays(db: Database, year: int) -> list[HolidayView]:
    """The holidays of ``year`` by date. Anyone may read them: the calendar greys them out for all."""
    _check_year(year)
    with db.session() as s:
        rows = s.execute(select(Holiday).where(Holiday.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
                         .order_by(Holiday.date)).scalars()
        return [to_view(HolidayView, h) for h in rows]


# -- allowances and balances ---------------------------------------------------------------

def _check_year(year: object, v: Validator | None = None) -> int | None:
    ok = isinstance(year, int) and not isinstance(year, bool) and FIRST_YEAR <= year <= LAST_YEAR
    if not ok:
        message = _("Give a year between {first} and {last}.").format(first=FIRST_YEAR, last=LAST_YEAR)
        if v is None:
            raise ValidationError("year", message)
        v.error("year", message)
        return None
    return year  # type: ignore[return-value]


def usable_employee(s: Session, v: Validator, employee_id: object) -> Employee | None:
    """An employee whose data may still be processed: not archived, blocked or anonymised."""
    employee = reference(s, v, "employee_id", Employee, employee_id, what=_("employee"), required=True)
    if employee is not None and employee.anonymised_at is not None:
        v.error("employee_id", _("This employee's personal data has been anonymised."))
    elif employee is not None and employee.blocked_at is not None:
        v.error("employee_id", _("This employee's personal data is blocked."))
    return employee


def readable_employee(db: Database, s: Session, employee_id: uuid.UUID) -> Employee:
    """The employee, unless blocked and the reader is no admin (blocked data is for admins only)."""
    employee = get_or_404(s, Employee, employee_id, what=_("employee"))
    if employee.blocked_at is not None and not access.has_role(db, access.ADMIN):
        raise PermissionDeniedError(_("This employee's personal data is blocked."), "employee_id")
    return employee


def set_allowance(
    db: Database, employee_id: uuid.UUID, year: int, days: Decimal | str | int | None,
    carried_over: Decimal | str | int | None = Decimal(0),
) -> AllowanceView:
    """HR only. Creates or replaces one employee's allowance for ``year``; days 0–366 with 2 decimals."""
    access.require(db, access.HR, _("Only HR staff may set leave allowances."), "days")
    v = Validator()
    year = _check_year(year, v)
    amount = v.decimal("days", days, min_value=Decimal(0), max_value=MAX_DAYS, places=2)
    carried = v.decimal("carried_over", Decimal(0) if carried_over is None else carried_over,
                        min_value=Decimal(0), max_value=MAX_DAYS, places=2)
    with db.session() as s:
        employee = usable_employee(s, v, employee_id)
        v.done()
        row = s.execute(select(LeaveAllowance).where(LeaveAllowance.employee_id == employee.id,
                                                     LeaveAllowance.year == year)).scalar()
        if row is None:
            row = LeaveAllowance(employee_id=employee.id, year=year, days=amount, carried_over=carried)
            s.add(row)
        else:
            row.days, row.carried_over = amount, carried
        s.flush()
        return to_view(AllowanceView, row)


def company_leave_policy(s: Session) -> tuple[int, LimitPolicy]:
    """(vacation days a year, what to do beyond the balance); the defaults while no company is set up."""
    row = s.execute(select(Company.leave_days_per_year, Company.leave_over_balance)
                    .order_by(Company.created_at, Company.id).limit(1)).first()
    if row is None:
        return DEFAULT_DAYS_PER_YEAR, LimitPolicy.WARN
    return row[0], row[1]


def balance_in(s: Session, employee_id: uuid.UUID, year: int, exclude: uuid.UUID | None = None) -> LeaveBalance:
    """The balance read in an open session; ``exclude`` leaves one request out (the one being decided)."""
    row = s.execute(select(LeaveAllowance).where(LeaveAllowance.employee_id == employee_id,
                                                 LeaveAllowance.year == year)).scalar()
    allowance = row.days if row is not None else Decimal(company_leave_policy(s)[0])
    carried = row.carried_over if row is not None else Decimal(0)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    stmt = select(LeaveRequest).where(
        LeaveRequest.employee_id == employee_id, LeaveRequest.kind == LeaveKind.VACATION,
        LeaveRequest.status.in_(ACTIVE), LeaveRequest.start_date <= last, LeaveRequest.end_date >= first)
    if exclude is not None:
        stmt = stmt.where(LeaveRequest.id != exclude)
    used = {LeaveStatus.REQUESTED: Decimal(0), LeaveStatus.APPROVED: Decimal(0)}
    for r in s.execute(stmt).scalars():
        used[r.status] += request_days_by_year(s, r).get(year, Decimal(0))
    taken, pending = used[LeaveStatus.APPROVED], used[LeaveStatus.REQUESTED]
    return LeaveBalance(year=year, allowance=allowance, carried_over=carried, taken=taken, pending=pending,
                        remaining=allowance + carried - taken - pending)


def leave_balance(db: Database, employee_id: uuid.UUID, year: int) -> LeaveBalance:
    """One employee's vacation balance for ``year``. A blocked employee's is for admins only."""
    _check_year(year)
    with db.session() as s:
        employee = readable_employee(db, s, employee_id)
        return balance_in(s, employee.id, year)
