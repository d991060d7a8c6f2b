"""Scenarios of leave: asking for days off, the balance, the department, deciding, reading, the calendar.

The staff (made straight in the database so these scenarios depend on nothing
but leave): Marta heads the company; Pepe (Ventas) reports to her and manages
Ana and Luis (Ventas); Rosa works in Almacén and reports to nobody.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.employees import Employee, Holiday, LeaveAllowance, LeaveRequest, PersonalDataAudit
from app.domain.types import utcnow
from app.errors import Clash, ConflictError, LeaveWarning, NotFoundError, PermissionDeniedError, ValidationError
from app.services import leave
from app.services.company import CompanyData, find_company, save_company
from app.services.leave import LeaveRequestData
from app.services.listing import ListQuery
from tests.leave_staff import Staff, as_login, make_staff

D = dt.date
COMPANY = dict(legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1", postal_code="50001",
               city="Zaragoza")


def _count(db, model, *where) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


@pytest.fixture
def staff(db) -> Staff:
    return make_staff(db)


def _ask(db, employee_id, start, end=None, kind="vacation", confirm=True, **kw):
    return leave.create_leave_request(db, LeaveRequestData(employee_id, kind, start, end or start, **kw),
                                      confirm=confirm)


def _set(db, employee_id, **values) -> None:
    with db.session() as s:
        e = s.get(Employee, employee_id)
        for k, v in values.items():
            setattr(e, k, v)


def _audit(db, employee_id, action) -> list[str]:
    with db.session() as s:
        return list(s.execute(select(PersonalDataAudit.fields).where(PersonalDataAudit.employee_id == employee_id,
                                                                       PersonalDataAudit.action == action)).scalars())


# -- working days and holidays --------------------------------------------------------------

def test_working_days_leave_out_weekends_and_holidays_and_half_days_count_half(db, staff):
    assumption = leave.add_holiday(db, D(2024, 8, 15), "Asunción")
    assert leave.list_holidays(db, 2024) == [assumption] and leave.list_holidays(db, 2025) == []
    week = _ask(db, staff.ana, D(2024, 8, 12), D(2024, 8, 18))  # Monday to Sunday, Thursday a holiday
    assert week.days == 4 == leave.working_days(db, D(2024, 8, 12), D(2024, 8, 18))
    morning = _ask(db, staff.ana, D(2024, 3, 4), kind="personal", half_day=True)
    assert (morning.days, morning.half_day) == (Decimal("0.5"), True)

    for start, end, half in ((D(2024, 8, 17), D(2024, 8, 18), False), (D(2024, 8, 15), D(2024, 8, 15), True)):
        with pytest.raises(ValidationError) as err:  # a weekend; a half day on the holiday
            _ask(db, staff.luis, start, end, half_day=half)
        assert err.value.fields == {"end_date"} and "working day" in err.value.message_for("end_date")
    assert _count(db, LeaveRequest) == 2

    with pytest.raises(ValidationError) as err:
        leave.add_holiday(db, D(2024, 8, 15), "Otra")
    assert err.value.fields == {"date"} and "15/08/2024" in str(err.value)
    with pytest.raises(ValidationError) as err:
        leave.add_holiday(db, None, " ")
    assert err.value.fields == {"date", "name"}
    with pytest.raises(ValidationError) as err:
        leave.list_holidays(db, 1066)
    assert err.value.field == "year"
    clerk = as_login(db, "pepe")
    with pytest.raises(PermissionDeniedError):
        leave.add_holiday(clerk, D(2024, 12, 25), "Navidad")
    with pytest.raises(PermissionDeniedError):
        leave.remove_holiday(clerk, assumption.id)
    assert leave.list_holidays(clerk, 2024) == [assumption]  # reading them is for everyone
    assert _count(db, Holiday) == 1

    leave.remove_holiday(db, assumption.id)
    assert leave.list_holidays(db, 2024) == [] and leave.working_days(db, D(2024, 8, 12), D(2024, 8, 18)) == 5
    with pytest.raises(ValidationError) as err:
        leave.working_days(db, D(1, 1, 1), D(9999, 12, 31))
    assert err.value.fields == {"end_date"}
    assert leave.get_leave_request(db, week.id).days == 4  # counted when made
    with pytest.raises(NotFoundError):
        leave.remove_holiday(db, assumption.id)


# -- balances -------------------------------------------------------------------------------

def test_balance_counts_allowance_carry_over_taken_and_pending_per_year(db, staff):
    assert leave.leave_balance(db, staff.ana, 2024) == leave.LeaveBalance(2024, 22, 0, 0, 0, 22)  # no company yet
    save_company(db, CompanyData(**COMPANY, leave_days_per_year=25))
    assert leave.leave_balance(db, staff.ana, 2024).allowance == 25
    for day in (D(2024, 12, 25), D(2025, 1, 1)):
        leave.add_holiday(db, day, "Fiesta")
    first = leave.set_allowance(db, staff.ana, 2024, "20", "3.5")
    again = leave.set_allowance(db, staff.ana, 2024, Decimal(21), Decimal("2.5"))  # replaces, one row a year
    assert (again.id, again.days, again.carried_over, again.version) == (first.id, 21, Decimal("2.5"), 2)
    assert _count(db, LeaveAllowance) == 1

    # 23/12/2024–03/01/2025: six working days in 2024 and two in 2025 (Christmas and New Year off).
    winter = _ask(db, staff.ana, D(2024, 12, 23), D(2025, 1, 3))
    assert winter.days == 8
    _ask(db, staff.ana, D(2024, 6, 3), D(2024, 6, 7))
    _ask(db, staff.ana, D(2024, 5, 6), D(2024, 5, 10), kind="sick")  # not vacation: no balance
    assert leave.leave_balance(db, staff.ana, 2024) == leave.LeaveBalance(2024, 21, Decimal("2.5"), 0, 11,
                                                                          Decimal("12.5"))
    assert leave.leave_balance(db, staff.ana, 2025) == leave.LeaveBalance(2025, 25, 0, 0, 2, 23)
    leave.set_leave_status(db, winter.id, "approved")
    assert leave.leave_balance(db, staff.ana, 2024) == leave.LeaveBalance(2024, 21, Decimal("2.5"), 6, 5,
                                                                          Decimal("12.5"))
    assert leave.leave_balance(db, staff.ana, 2025) == leave.LeaveBalance(2025, 25, 0, 2, 0, 23)
    leave.set_leave_status(db, winter.id, "cancelled")
    assert leave.leave_balance(db, staff.ana, 2025).remaining == 25
    assert leave.leave_balance(db, staff.luis, 2024).remaining == 25


@pytest.mark.parametrize(
    "field, args",
    [
        ("days", dict(days="367")),
        ("days", dict(days="1.234")),
        ("days", dict(days=None)),
        ("days", dict(days="mucho")),
        ("carried_over", dict(carried_over="-1")),
        ("year", dict(year=1800)),
        ("year", dict(year="2024")),
        ("employee_id", dict(employee_id=uuid.uuid4())),
    ],
)
def test_bad_allowance_names_the_field_and_writes_nothing(db, staff, field, args):
    leave.set_allowance(db, staff.ana, 2024, 22, 1)
    values = dict(employee_id=staff.ana, year=2024, days="23", carried_over="0") | args
    with pytest.raises(ValidationError) as err:
        leave.set_allowance(db, **values)
    assert field in err.value.fields
    assert leave.leave_balance(db, staff.ana, 2024).allowance == 22 and _count(db, LeaveAllowance) == 1


def test_only_hr_sets_allowances_and_never_for_blocked_or_anonymised_people(db, staff):
    with pytest.raises(PermissionDeniedError):
        leave.set_allowance(as_login(db, "pepe"), staff.ana, 2024, 30)
    _set(db, staff.luis, blocked_at=utcnow())
    _set(db, staff.rosa, anonymised_at=utcnow())
    for who in (staff.luis, staff.rosa):
        with pytest.raises(ValidationError) as err:
            leave.set_allowance(db, who, 2024, 30)
        assert err.value.fields == {"employee_id"}
    assert _count(db, LeaveAllowance) == 0


def test_vacation_beyond_the_balance_warns_or_refuses_as_the_company_says(db, staff):
    company = save_company(db, CompanyData(**COMPANY))
    assert company.leave_over_balance == "warn"
    leave.set_allowance(db, staff.ana, 2024, 5)
    july = _ask(db, staff.ana, D(2024, 7, 1), D(2024, 7, 5), confirm=False)  # exactly the five days: no question
    leave.set_leave_status(db, july.id, "approved")

    with pytest.raises(LeaveWarning) as warned:
        _ask(db, staff.ana, D(2024, 7, 8), D(2024, 7, 9), confirm=False)
    assert (warned.value.over_balance, warned.value.clashes) == (2, [])
    assert "only 0 days left in 2024" in str(warned.value)
    assert _count(db, LeaveRequest) == 1
    extra = _ask(db, staff.ana, D(2024, 7, 8), D(2024, 7, 9), confirm=True)
    assert leave.leave_balance(db, staff.ana, 2024).remaining == -2
    with pytest.raises(LeaveWarning) as warned:  # approving asks again
        leave.set_leave_status(db, extra.id, "approved")
    assert warned.value.over_balance == 2
    assert leave.get_leave_request(db, extra.id).status == "requested"
    assert _ask(db, staff.ana, D(2024, 7, 10), kind="personal", confirm=False).days == 1  # not vacation

    save_company(db, CompanyData(**COMPANY, leave_over_balance="refuse"), company.version)
    with pytest.raises(ValidationError) as err:  # refuse: even when the clerk would say yes
        _ask(db, staff.ana, D(2024, 7, 15), D(2024, 7, 16), confirm=True)
    assert err.value.fields == {"end_date"} and "only 0 days left in 2024" in err.value.message_for("end_date")
    with pytest.raises(ValidationError) as err:
        leave.set_leave_status(db, extra.id, "approved", confirm=True)
    assert err.value.fields == {"status"}
    assert _count(db, LeaveRequest) == 3 and leave.get_leave_request(db, extra.id).status == "requested"
    assert leave.set_leave_status(db, extra.id, "rejected").status == "rejected"  # saying no needs no balance
    nextyear = _ask(db, staff.ana, D(2025, 1, 7), D(2025, 1, 8), confirm=False)  # 2025 has the company's 22
    assert nextyear.days == 2


# -- a request's own rules ------------------------------------------------------------------

@pytest.mark.parametrize(
    "field, changes",
    [
        ("employee_id", {"employee_id": None}),
        ("employee_id", {"employee_id": uuid.uuid4()}),
        ("kind", {"kind": "sabbatical"}),
        ("start_date", {"start_date": None}),
        ("start_date", {"start_date": "2024-08-01"}),
        ("end_date", {"end_date": D(2024, 7, 31)}),
        ("half_day", {"half_day": True}),
        ("end_date", {"start_date": D(2024, 8, 3), "end_date": D(2024, 8, 4)}),  # a weekend
        ("start_date", {"start_date": D(2019, 12, 30), "end_date": D(2019, 12, 31)}),  # before the hire date
        ("reason", {"reason": "x" * 501}),
        ("end_date", {"end_date": D(2026, 8, 3)}),  # more than two years in one request
    ],
)
def test_bad_leave_request_names_the_field_and_writes_nothing(db, staff, field, changes):
    data = LeaveRequestData(staff.ana, "vacation", D(2024, 8, 1), D(2024, 8, 2))
    for k, v in changes.items():
        setattr(data, k, v)
    with pytest.raises(ValidationError) as err:
        leave.create_leave_request(db, data, confirm=True)
    assert field in err.value.fields
    assert err.value.message_for(field)
    assert _count(db, LeaveRequest) == 0


def test_leave_after_the_employment_ends_or_overlapping_ones_own_is_refused(db, staff):
    _set(db, staff.luis, end_date=D(2024, 8, 31))
    with pytest.raises(ValidationError) as err:
        _ask(db, staff.luis, D(2024, 8, 26), D(2024, 9, 6))
    assert err.value.fields == {"end_date"} and "31/08/2024" in str(err.value)

    summer = _ask(db, staff.ana, D(2024, 8, 5), D(2024, 8, 9))
    with pytest.raises(ValidationError) as err:
        _ask(db, staff.ana, D(2024, 8, 8), D(2024, 8, 13), kind="personal")
    assert err.value.fields == {"start_date"}
    assert "05/08/2024" in str(err.value) and "09/08/2024" in str(err.value)
    _ask(db, staff.ana, D(2024, 9, 2), half_day=True)
    with pytest.raises(ValidationError) as err:  # the other half of that day: one request a day
        _ask(db, staff.ana, D(2024, 9, 2), half_day=True)
    assert err.value.fields == {"start_date"}
    assert _count(db, LeaveRequest) == 2
    leave.set_leave_status(db, summer.id, "cancelled")
    assert _ask(db, staff.ana, D(2024, 8, 8), D(2024, 8, 13)).days == 4  # cancelled leave frees the days


def test_blocked_or_anonymised_people_get_no_leave_and_blocked_ones_are_for_admins(db, staff):
    _ask(db, staff.luis, D(2024, 8, 5))
    _set(db, staff.luis, blocked_at=utcnow())
    _set(db, staff.rosa, anonymised_at=utcnow())
    for who in (staff.luis, staff.rosa):
        with pytest.raises(ValidationError) as err:
            _ask(db, who, D(2024, 9, 2))
        assert err.value.fields == {"employee_id"}
    assert _count(db, LeaveRequest) == 1
    hr = as_login(db, "rrhh", "hr")
    with pytest.raises(PermissionDeniedError):
        leave.list_leave_requests(hr, staff.luis)
    with pytest.raises(PermissionDeniedError):
        leave.leave_balance(hr, staff.luis, 2024)
    assert len(leave.list_leave_requests(db, staff.luis)) == 1  # the fixture's owner is an admin
    assert leave.leave_balance(db, staff.luis, 2024).pending == 1


# -- the department -------------------------------------------------------------------------

def test_colleagues_of_the_department_away_on_the_same_days_are_a_warning(db, staff):
    luis = _ask(db, staff.luis, D(2024, 8, 5), D(2024, 8, 9))
    leave.set_leave_status(db, luis.id, "approved")
    _ask(db, staff.pepe, D(2024, 8, 9), D(2024, 8, 12))
    _ask(db, staff.rosa, D(2024, 8, 5), D(2024, 8, 9))  # Almacén: another department
    rejected = _ask(db, staff.marta, D(2024, 8, 7))
    leave.set_leave_status(db, rejected.id, "rejected")
    before = _count(db, LeaveRequest)

    with pytest.raises(LeaveWarning) as warned:
        _ask(db, staff.ana, D(2024, 8, 7), D(2024, 8, 9), confirm=False)
    assert warned.value.clashes == [Clash("E00004 Luis Gil", D(2024, 8, 5), D(2024, 8, 9)),
                                    Clash("E00002 Pepe López", D(2024, 8, 9), D(2024, 8, 12))]
    assert warned.value.over_balance is None and "E00004 Luis Gil (05/08/2024–09/08/2024)" in str(warned.value)
    assert _count(db, LeaveRequest) == before

    leave.set_allowance(db, staff.ana, 2024, 1)
    with pytest.raises(LeaveWarning) as warned:  # both questions at once
        _ask(db, staff.ana, D(2024, 8, 7), D(2024, 8, 9), confirm=False)
    assert (warned.value.over_balance, len(warned.value.clashes)) == (2, 2)

    _set(db, staff.pepe, blocked_at=utcnow())  # HR without admin does not learn of him
    _set(db, staff.luis, end_date=D(2024, 8, 6))  # left before the days: not a colleague any more
    hr = as_login(db, "rrhh", "hr")
    leave.set_allowance(hr, staff.ana, 2024, 22)
    assert _ask(hr, staff.ana, D(2024, 8, 7), D(2024, 8, 9), confirm=False).days == 3
    ana2 = _ask(db, staff.ana, D(2024, 8, 12), confirm=True)
    with pytest.raises(LeaveWarning) as warned:  # approving asks again; the admin sees Pepe
        leave.set_leave_status(db, ana2.id, "approved")
    assert [c.who for c in warned.value.clashes] == ["E00002 Pepe López"]
    assert leave.set_leave_status(db, ana2.id, "approved", confirm=True).status == "approved"


# -- deciding -------------------------------------------------------------------------------

def test_request_and_decide_leave(db, staff):
    summer = _ask(db, staff.ana, D(2024, 8, 1), D(2024, 8, 15))
    doctor = _ask(db, staff.ana, D(2024, 3, 4), kind="personal", half_day=True)
    assert (summer.status, summer.days, summer.approved_by_id) == ("requested", 11, None)
    assert [r.id for r in leave.list_leave_requests(db, staff.ana)] == [doctor.id, summer.id]
    assert leave.list_leave_requests(db, staff.luis) == []

    approved = leave.set_leave_status(db, summer.id, "approved", summer.version, approved_by_id=staff.marta)
    assert (approved.status, approved.approved_by_id, approved.version) == ("approved", staff.marta, 2)
    with pytest.raises(ConflictError):
        leave.set_leave_status(db, summer.id, "cancelled", expected_version=summer.version)
    for bad, status in ((summer.id, "rejected"), (summer.id, "requested"), (doctor.id, "requested"),
                        (doctor.id, "postponed")):
        with pytest.raises(ValidationError) as err:
            leave.set_leave_status(db, bad, status)
        assert err.value.fields == {"status"}
    with pytest.raises(ValidationError) as err:
        leave.set_leave_status(db, doctor.id, "rejected", approved_by_id=uuid.uuid4())
    assert err.value.fields == {"approved_by_id"}
    assert leave.get_leave_request(db, doctor.id).status == "requested"
    cancelled = leave.set_leave_status(db, summer.id, "cancelled", approved.version)  # approved → cancelled
    assert (cancelled.status, cancelled.approved_by_id) == ("cancelled", staff.marta)
    assert leave.set_leave_status(db, doctor.id, "rejected").approved_by_id is None  # HR without an employee
    with pytest.raises(ValidationError):
        leave.set_leave_status(db, doctor.id, "cancelled")  # a decision is final
    with pytest.raises(NotFoundError):
        leave.set_leave_status(db, uuid.uuid4(), "cancelled")


def test_a_manager_decides_for_their_reports_and_those_below_but_not_for_others_or_themselves(db, staff):
    ana = _ask(db, staff.ana, D(2024, 8, 5))
    luis = _ask(db, staff.luis, D(2024, 9, 2))
    rosa = _ask(db, staff.rosa, D(2024, 8, 5))
    pepes = _ask(db, staff.pepe, D(2024, 10, 7))
    pepe, marta, ana_login, nobody = as_login(db, "pepe"), as_login(db, "marta"), as_login(db, "ana"), as_login(db, "nobody")
    hr = as_login(db, "rrhh", "hr")

    assert leave.pending_approvals(pepe) == 2 and leave.pending_approvals(marta) == 3
    assert leave.pending_approvals(ana_login) == leave.pending_approvals(nobody) == 0
    assert leave.pending_approvals(hr) == leave.pending_approvals(db) == 4
    mine = leave.list_leave(pepe, ListQuery(filters={"pending_for_me": True})).rows
    assert sorted(r["code"] for r in mine) == ["E00003", "E00004"]

    decided = leave.set_leave_status(pepe, ana.id, "approved")
    assert (decided.status, decided.approved_by_id) == ("approved", staff.pepe)
    refusals = [(pepe, rosa.id, "approved"), (pepe, pepes.id, "approved"), (ana_login, luis.id, "approved"),
                (ana_login, luis.id, "cancelled"), (nobody, luis.id, "rejected"), (pepe, rosa.id, "cancelled")]
    for who, leave_id, status in refusals:
        with pytest.raises(PermissionDeniedError) as err:
            leave.set_leave_status(who, leave_id, status)
        assert err.value.field == "status"
    with pytest.raises(PermissionDeniedError) as err:  # only HR names another decider
        leave.set_leave_status(pepe, luis.id, "approved", approved_by_id=staff.marta)
    assert err.value.field == "approved_by_id"
    assert [leave.get_leave_request(db, x.id).status for x in (luis, rosa, pepes)] == ["requested"] * 3

    assert leave.set_leave_status(marta, luis.id, "rejected").approved_by_id == staff.marta  # two levels up
    assert leave.set_leave_status(marta, pepes.id, "approved").status == "approved"
    assert leave.set_leave_status(ana_login, ana.id, "cancelled").status == "cancelled"  # one's own
    assert leave.pending_approvals(pepe) == leave.pending_approvals(marta) == 0
    assert leave.pending_approvals(hr) == 1
    own = _ask(hr, staff.rosa, D(2024, 11, 4))
    assert leave.set_leave_status(as_login(db, "rosa", "hr"), own.id, "approved").approved_by_id == staff.rosa


# -- sick leave reasons ---------------------------------------------------------------------

def test_the_reason_of_a_sick_leave_is_for_hr_only_and_every_reading_is_audited(db, staff):
    clerk, hr = as_login(db, "pepe"), as_login(db, "rrhh", "hr")
    with pytest.raises(PermissionDeniedError) as err:
        _ask(clerk, staff.ana, D(2024, 5, 6), kind="sick", reason="Gripe")
    assert err.value.field == "reason"
    assert _count(db, LeaveRequest) == 0 and _audit(db, staff.ana, "change") == []
    flu = _ask(hr, staff.ana, D(2024, 5, 6), D(2024, 5, 8), kind="sick", reason="Gripe")
    assert flu.reason == "Gripe" and not flu.reason_hidden
    assert _audit(db, staff.ana, "change") == ["leave_reason"]
    _ask(clerk, staff.ana, D(2024, 6, 3), kind="sick")  # without a reason anyone records it
    _ask(hr, staff.ana, D(2024, 9, 2), kind="sick", reason="Operación")
    _ask(clerk, staff.ana, D(2024, 10, 7), kind="personal", reason="Mudanza")

    seen = leave.list_leave_requests(clerk, staff.ana)
    assert [(r.kind, r.reason, r.reason_hidden) for r in seen] == [
        ("sick", None, True), ("sick", None, True), ("sick", None, True), ("personal", "Mudanza", False)]
    assert leave.get_leave_request(clerk, flu.id).reason is None
    assert _audit(db, staff.ana, "view") == []
    assert [r.reason for r in leave.list_leave_requests(hr, staff.ana)] == ["Gripe", None, "Operación", "Mudanza"]
    assert _audit(db, staff.ana, "view") == ["leave_reason"]  # one entry for the reading
    assert leave.get_leave_request(hr, flu.id).reason == "Gripe"
    assert _audit(db, staff.ana, "view") == ["leave_reason"] * 2
    leave.list_leave_requests(hr, staff.luis)  # no sick reason read: nothing to audit
    assert _audit(db, staff.luis, "view") == []
    assert all("reason" not in row for row in leave.list_leave(hr).rows)


# -- lists and the calendar -----------------------------------------------------------------

def test_leave_list_pages_both_ways_sorts_searches_and_filters(db, staff):
    people = [staff.ana, staff.luis, staff.rosa, staff.pepe, staff.marta]
    monday = D(2024, 1, 1)
    made = []
    for i in range(23):
        start = monday + dt.timedelta(weeks=i)
        made.append(_ask(db, people[i % 5], start, start + dt.timedelta(days=i % 3),
                         kind=("vacation", "personal")[i % 2]))
    for r in made[:6]:
        leave.set_leave_status(db, r.id, "approved")

    def pages(db_, q):
        rows, after = [], None
        while True:
            page = leave.list_leave(db_, dataclasses.replace(q, after=after))
            rows += page.rows
            if not page.has_more:
                return rows
            after = page.next_after

    for sort in ("code", "employee", "department", "kind", "status", "start_date", "end_date", "days"):
        up = pages(db, ListQuery(sort=sort, limit=4))
        down = pages(db, ListQuery(sort=sort, limit=4, descending=True))
        assert len(up) == len({r["__id"] for r in up}) == 23, sort
        assert up == down[::-1], sort
    first = leave.list_leave(db).rows[0]
    assert {k for k in first} >= {"code", "employee", "department", "kind", "status", "start_date", "end_date",
                                  "days", "employee_id", "half_day", "version", "__id"}
    assert (first["code"], first["employee"], first["department"], first["days"]) == ("E00003", "Ana García",
                                                                                      "Ventas", 1)

    def count(**filters):
        return leave.count_leave(db, ListQuery(filters=filters))

    assert count() == 23 and count(status="approved") == 6 and count(kind="personal") == 11
    assert count(department_id=staff.ventas) == 14 and count(employee_id=staff.rosa) == 5
    assert count(**{"from": D(2024, 1, 9), "to": D(2024, 1, 15)}) == 2  # 8–9 and 15–17 January, not the 1st
    assert leave.count_leave(db, ListQuery(search="ventas gil")) == 5
    assert leave.count_leave(db, ListQuery(search="E00005")) == 5
    for bad in ({"status": "maybe"}, {"department_id": "x"}, {"from": "2024-01-01"}):
        with pytest.raises(ValidationError) as err:
            leave.count_leave(db, ListQuery(filters=bad))
        assert err.value.field == next(iter(bad))
    _set(db, staff.rosa, blocked_at=utcnow())
    assert leave.count_leave(as_login(db, "rrhh", "hr")) == 18
    assert leave.count_leave(as_login(db, "jefa", "admin")) == 23


def test_the_calendar_shows_who_is_away_when(db, staff):
    luis = _ask(db, staff.luis, D(2024, 8, 5), D(2024, 8, 9))
    leave.set_leave_status(db, luis.id, "approved")
    ana = _ask(db, staff.ana, D(2024, 8, 9), half_day=True, kind="personal")
    _ask(db, staff.rosa, D(2024, 8, 1), D(2024, 8, 12))
    leave.set_leave_status(db, _ask(db, staff.pepe, D(2024, 8, 6)).id, "rejected")
    _ask(db, staff.marta, D(2024, 8, 12), D(2024, 8, 16))  # after the window

    away = leave.absences(db, D(2024, 8, 5), D(2024, 8, 9))
    assert [(a.code, a.status, a.start, a.end) for a in away] == [
        ("E00003", "requested", D(2024, 8, 9), D(2024, 8, 9)),
        ("E00004", "approved", D(2024, 8, 5), D(2024, 8, 9)),
        ("E00005", "requested", D(2024, 8, 1), D(2024, 8, 12)),
    ]
    assert away[0] == leave.Absence(staff.ana, "E00003", "Ana García", "Ventas", "personal", "requested",
                                    D(2024, 8, 9), D(2024, 8, 9), True, ana.id)
    assert [a.code for a in leave.absences(db, D(2024, 8, 1), D(2024, 8, 31), staff.ventas)] == ["E00003", "E00004"]
    _set(db, staff.rosa, blocked_at=utcnow())
    assert [a.code for a in leave.absences(as_login(db, "pepe"), D(2024, 8, 5), D(2024, 8, 9))] == ["E00003", "E00004"]
    assert len(leave.absences(db, D(2024, 8, 5), D(2024, 8, 9))) == 3  # an admin sees the blocked too
    with pytest.raises(ValidationError) as err:
        leave.absences(db, D(2024, 8, 9), D(2024, 8, 5))
    assert err.value.fields == {"end"}


def test_the_calendar_finds_the_longest_leave_a_request_may_cover(db, staff):
    # The query bounds the start date by the longest span a request may have (two years); a leave that long,
    # seen from its last month, is still in the calendar.
    long = _ask(db, staff.luis, D(2022, 12, 31), D(2024, 12, 31), kind="sick")  # 731 days: the most allowed
    assert [a.leave_id for a in leave.absences(db, D(2024, 12, 31), D(2024, 12, 31))] == [long.id]
    with pytest.raises(ValidationError) as err:  # one day more is refused, so the bound never hides a request
        _ask(db, staff.ana, D(2022, 12, 30), D(2024, 12, 31), kind="sick")
    assert err.value.field == "end_date"


# -- company settings -----------------------------------------------------------------------

def test_company_leave_and_hr_settings_are_checked_and_kept(db):
    view = save_company(db, CompanyData(**COMPANY))
    assert (view.leave_days_per_year, view.leave_over_balance, view.hr_retention_years,
            view.document_alert_days) == (22, "warn", 4, 30)
    bad = dict(leave_days_per_year=61, leave_over_balance="sometimes", hr_retention_years=0,
               document_alert_days=366)
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(**COMPANY, **bad), view.version)
    assert err.value.fields == set(bad)
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(**COMPANY, leave_days_per_year="2.5", hr_retention_years=31), view.version)
    assert err.value.fields == {"leave_days_per_year", "hr_retention_years"}
    assert find_company(db) == view  # nothing written
    saved = save_company(db, CompanyData(**COMPANY, leave_days_per_year="0", leave_over_balance="refuse",
                                         hr_retention_years=30, document_alert_days=0), view.version)
    assert (saved.leave_days_per_year, saved.leave_over_balance, saved.hr_retention_years,
            saved.document_alert_days) == (0, "refuse", 30, 0) and find_company(db) == saved
