"""The contract renewals calendar, and headcount and leave per department.

Renewals: every running contract whose end falls in the period, with the day
notice must be given by; an automatic renewal is projected period after
period, so a calendar of a year shows each renewal it will meet.

Headcount: people employed at the start and at the end of the period, those
hired and those who left in it, and the working days of approved leave that
fall inside it, per kind, per department.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select

from app.db.session import Database
from app.domain.contracts import Contract
from app.domain.employees import Department, Employee, LeaveRequest
from app.domain.enums import ContractStatus, LeaveKind, LeaveStatus
from app.domain.parties import Party
from app.i18n import _
from app.reports.base import Period, ReportColumn, Rows, report, sum_rows
from app.services.contract_lifecycle import RUNNING, add_months, notice_deadline
from app.services.leave_days import days_by_year, holidays_between

_MAX_RENEWALS = 400  # a monthly renewal over the longest period allowed, with room to spare


def _renewal_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("end_date", _("Ends"), "date", 55),
        ReportColumn("notice_by", _("Notice by"), "date", 55),
        ReportColumn("reference", _("Reference"), "text", 65),
        ReportColumn("title", _("Contract"), "text", 170),
        ReportColumn("who", _("With"), "text", 140),
        ReportColumn("kind", _("Kind"), "choice", 55, {"customer": _("Customer"), "supplier": _("Supplier"),
                                                      "employment": _("Employment")}),
        ReportColumn("then", _("Then"), "text", 110),
        ReportColumn("value", _("Value"), "money", 70),
    )


@report("contract-renewals", title=lambda: _("Contract renewals calendar"),
        description=lambda: _("Running contracts ending in the period, with the notice deadline; automatic "
                              "renewals are projected."),
        columns=_renewal_columns, empty=lambda: _("No contract ends or renews in this period."),
        filters=("customer",), landscape=True)
def contract_renewals(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    stmt = (select(Contract, Party.legal_name, Employee.first_name, Employee.last_name)
            .outerjoin(Party, Party.id == Contract.party_id).outerjoin(Employee, Employee.id == Contract.employee_id)
            .where(Contract.archived_at.is_(None), Contract.status.in_(RUNNING), Contract.end_date.is_not(None),
                   Contract.end_date <= period.end,
                   or_(Contract.end_date >= period.start, Contract.auto_renew)))
    if "customer" in filters:
        stmt = stmt.where(Contract.party_id == filters["customer"])
    rows = []
    with db.session() as s:
        for c, party, first, last in s.execute(stmt):
            who = party or " ".join(x for x in (first, last) if x)
            months = c.renewal_months or 0
            renews = c.auto_renew and months > 0 and c.status != ContractStatus.NOTICE_GIVEN
            end = c.end_date
            for _i in range(_MAX_RENEWALS):
                if end > period.end:
                    break
                if end >= period.start:
                    rows.append({
                        "end_date": end, "notice_by": notice_deadline(end, c.notice_days) if c.notice_days else None,
                        "reference": c.reference or "", "title": c.title, "who": who, "kind": c.kind.value,
                        "then": (_("Renews for {n} months").format(n=months) if renews else _("Ends")),
                        "value": c.value,
                    })
                if not renews:
                    break
                end = add_months(end, months)
    rows.sort(key=lambda r: (r["end_date"], r["reference"], r["title"]))
    return Rows(rows, sum_rows(rows, ("value",), "title", _("{n} ends or renewals").format(n=len(rows))),
                (_("Value is each contract's stated value; a contract given notice ends instead of renewing."),))


# -- headcount and leave --------------------------------------------------------------------------

_LEAVE_KEYS = {LeaveKind.VACATION: "vacation", LeaveKind.SICK: "sick"}  # the rest is "other"


def _headcount_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("code", _("Code"), "text", 45),
        ReportColumn("department", _("Department"), "text", 150),
        ReportColumn("at_start", _("At start"), "quantity", 50),
        ReportColumn("hired", _("Hired"), "quantity", 45),
        ReportColumn("left", _("Left"), "quantity", 45),
        ReportColumn("at_end", _("At end"), "quantity", 50),
        ReportColumn("vacation", _("Vacation days"), "quantity", 60),
        ReportColumn("sick", _("Sick days"), "quantity", 55),
        ReportColumn("other", _("Other leave days"), "quantity", 65),
    )


@report("headcount", title=lambda: _("Headcount and leave per department"),
        description=lambda: _("People at the start and end of the period, hires, leavers, and working days of "
                              "approved leave in it, per department."),
        columns=_headcount_columns, empty=lambda: _("Nobody was employed in this period."),
        filters=("department",), landscape=True)
def headcount(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    start, end = period.start, period.end
    department = filters.get("department")
    per: dict[Any, dict[str, Any]] = {}

    def row(dep_id) -> dict[str, Any]:
        return per.setdefault(dep_id, {"at_start": 0, "hired": 0, "left": 0, "at_end": 0,
                                       "vacation": Decimal(0), "sick": Decimal(0), "other": Decimal(0)})

    with db.session() as s:
        people = select(Employee.id, Employee.department_id, Employee.hire_date, Employee.end_date).where(
            Employee.hire_date <= end, or_(Employee.end_date.is_(None), Employee.end_date >= start))
        if department is not None:
            people = people.where(Employee.department_id == department)
        department_of = {}
        for emp_id, dep_id, hired, left in s.execute(people):
            department_of[emp_id] = dep_id
            r = row(dep_id)
            r["at_start"] += hired <= start and (left is None or left >= start)
            r["at_end"] += left is None or left >= end
            r["hired"] += hired >= start
            r["left"] += left is not None and left <= end
        leave = select(LeaveRequest.employee_id, LeaveRequest.kind, LeaveRequest.start_date, LeaveRequest.end_date,
                       LeaveRequest.half_day, LeaveRequest.days).where(
            LeaveRequest.status == LeaveStatus.APPROVED, LeaveRequest.start_date <= end, LeaveRequest.end_date >= start)
        holidays = holidays_between(s, start, end)
        for emp_id, kind, first, last, half, days in s.execute(leave):
            if emp_id not in department_of:
                continue
            if first >= start and last <= end and first.year == last.year:
                taken = days  # the request's own count, as the leave screens show it
            else:
                taken = sum(days_by_year(max(first, start), min(last, end), half, holidays).values(), Decimal(0))
            row(department_of[emp_id])[_LEAVE_KEYS.get(kind, "other")] += taken
        names = {d: (c, n) for d, c, n in s.execute(select(Department.id, Department.code, Department.name))}
    rows = []
    for dep_id, r in per.items():
        code, name = names.get(dep_id, ("", _("(no department)")))
        rows.append({"code": code, "department": name, **r})
    rows.sort(key=lambda r: (r["code"] == "", r["code"]))
    return Rows(rows, sum_rows(rows, ("at_start", "hired", "left", "at_end", "vacation", "sick", "other"),
                               "department"),
                (_("Leave days are the working days of approved leave inside the period."),))

