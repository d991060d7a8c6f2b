"""A clerk's leave work in the Employees tab: ask for days off, answer the warnings, decide, look at who is away.

The staff (made straight in the database): Marta heads the company; Pepe
(Ventas) reports to her and manages Ana and Luis (Ventas); Rosa works in
Almacén and reports to nobody. The tester login has every role (HR).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from sqlalchemy import func, select

from app.domain.employees import Holiday, LeaveRequest, PersonalDataAudit
from app.domain.enums import LeaveStatus, LimitPolicy
from app.services import employee_documents, leave
from app.services.company import find_company
from app.services.leave import LeaveRequestData
from tests.leave_staff import Staff, as_login, make_staff
from tests.ui.conftest import type_text, wait_idle
from ui.company_dialog import CompanyDialog
from ui.common import theme
from ui.employees.calendar import ABSENCE_ROLE, OFF_DAY, REQUESTED_ROLE, AwayCalendar, kind_colour, lighter
from ui.common.fields import find_data
from ui.employees.leave_settings import AllowanceDialog, HolidaysDialog
from ui.employees.leave_request import LeaveRequestDialog
from ui.employees.leave_tab import LeaveTab
from ui.employees.tab import EmployeesTab

D = dt.date
TODAY = D(2026, 3, 2)


@pytest.fixture
def staff(db) -> Staff:
    return make_staff(db)



def _count(db, model, *where) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _ask(db, employee_id, start, end, kind="vacation", **kw):
    return leave.create_leave_request(db, LeaveRequestData(employee_id, kind, start, end, **kw), confirm=True)


def leave_tab(qtbot, db) -> LeaveTab:
    """The Leave inner tab, on show in the Employees tab, its list read."""
    container = EmployeesTab(db, today=TODAY)
    qtbot.addWidget(container)
    container.resize(1300, 760)
    container.show()
    container.activate()
    container.tabs.setCurrentWidget(container.leave)
    wait_idle(qtbot, container.leave.model)
    return container.leave


def select_row(qtbot, tab: LeaveTab, employee: str) -> None:
    wait_idle(qtbot, tab.model)
    rows = [r for r in range(tab.model.rowCount()) if tab.model.index(r, 1).data() == employee]
    assert len(rows) == 1, f"{employee} is not listed once"
    tab.list.table.setCurrentIndex(tab.model.index(rows[0], 0))


def fill(qtbot, dialog: LeaveRequestDialog, employee: tuple, kind: str, start: str, end: str) -> None:
    dialog.form.fields["employee_id"].set_value(employee)
    dialog.form.fields["kind"].set_value(kind)
    type_text(qtbot, dialog.form.fields["start_date"], start)
    type_text(qtbot, dialog.form.fields["end_date"], end)


def test_the_leave_and_calendar_tabs_are_inner_tabs_of_employees(qtbot, db, staff):
    tab = leave_tab(qtbot, db)
    container = tab.parentWidget().parentWidget().parentWidget()
    titles = [container.tabs.tabText(i).replace("&", "") for i in range(container.tabs.count())]
    assert titles[-2:] == ["Leave", "Who is away"]
    assert container.current_record_tab() is tab
    assert tab.model.rowCount() == 0 and tab.summary.text().startswith("Select a request")


def test_a_request_typed_in_the_dialog_is_checked_then_saved_and_listed(qtbot, db, staff):
    tab = leave_tab(qtbot, db)
    results = []

    def run(dialog: LeaveRequestDialog) -> None:
        qtbot.addWidget(dialog)
        fill(qtbot, dialog, (staff.rosa, "E00005 · Rosa Sanz"), "vacation", "13/03/2026", "09/03/2026")
        results.append(dialog.save())  # ends before it starts
        results.append(dialog.form.error_text("end_date") or dialog.form.error_text("start_date"))
        results.append(_count(db, LeaveRequest))
        type_text(qtbot, dialog.form.fields["start_date"], "09/03/2026")
        type_text(qtbot, dialog.form.fields["end_date"], "13/03/2026")
        dialog.form.fields["end_date"].editingFinished.emit()
        results.append(dialog.days.text())
        results.append(dialog.save())

    tab.run_dialog = run
    tab.action_new()  # Ctrl+N from the window's File menu lands here
    assert results[0] is False and results[1] and results[2] == 0  # refused, named, nothing written
    assert results[3] == "Working days: 5"
    assert results[4] is True
    stored = leave.list_leave_requests(db, staff.rosa)
    assert [(r.start_date, r.end_date, r.days, r.status) for r in stored] == [
        (D(2026, 3, 9), D(2026, 3, 13), Decimal(5), LeaveStatus.REQUESTED)]
    select_row(qtbot, tab, "Rosa Sanz")
    assert tab.model.index(tab.list.table.currentIndex().row(), 4).data() == "Requested"
    assert tab.balance.text() == "Vacation 2026: 22 days, 0 taken, 5 pending, 17 left"


def test_a_colleague_away_is_asked_about_no_writes_nothing_and_yes_writes_the_request(qtbot, db, staff, answers):
    luis = _ask(db, staff.luis, D(2026, 3, 4), D(2026, 3, 10))
    leave.set_allowance(db, staff.ana, 2026, 2)  # Ana has 2 days; she asks for 5
    dialog = LeaveRequestDialog(db)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, (staff.ana, "E00003 · Ana García"), "vacation", "02/03/2026", "06/03/2026")

    answers["answers"] = [False]
    assert dialog.save() is False
    title, text = answers["asked"][-1]
    assert title == "Check this request"
    assert "E00004 Luis Gil (04/03/2026–10/03/2026)" in text
    assert "3 days beyond the vacation balance." in text
    assert _count(db, LeaveRequest) == 1 and dialog.saved is None  # only Luis's
    assert not dialog.form.general_error.isHidden()  # "Not saved: …"

    answers["answers"] = [True]
    assert dialog.save() is True
    assert len(answers["asked"]) == 2
    assert _count(db, LeaveRequest) == 2
    assert dialog.saved.employee_id == staff.ana and dialog.saved.days == Decimal(5)
    assert leave.get_leave_request(db, luis.id).status == LeaveStatus.REQUESTED  # untouched


def test_hr_approves_from_the_list_and_the_balance_follows(qtbot, db, staff, answers):
    ana = _ask(db, staff.ana, D(2026, 3, 2), D(2026, 3, 6))
    tab = leave_tab(qtbot, db)
    select_row(qtbot, tab, "Ana García")
    assert tab.approve_button.isEnabled() and tab.reject_button.isEnabled()
    assert "Vacation, 02/03/2026 to 06/03/2026 (5 working days), requested" in tab.summary.text()
    assert tab.balance.text() == "Vacation 2026: 22 days, 0 taken, 5 pending, 17 left"

    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.APPROVED
    assert answers["asked"] == []  # nobody else away, within the balance: no question
    qtbot.waitUntil(lambda: "approved" in tab.summary.text())
    assert tab.balance.text() == "Vacation 2026: 22 days, 5 taken, 0 pending, 17 left"
    assert not tab.approve_button.isEnabled() and tab.cancel_button.isEnabled()

    answers["answers"] = [False]  # "Cancel the leave of …?" No: nothing changes
    assert tab.cancel_request() is False
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.APPROVED
    answers["answers"] = [True]
    assert tab.cancel_request() is True
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.CANCELLED


def test_approving_over_a_colleague_asks_first(qtbot, db, staff, answers):
    _ask(db, staff.luis, D(2026, 3, 4), D(2026, 3, 10))
    ana = _ask(db, staff.ana, D(2026, 3, 2), D(2026, 3, 6))
    tab = leave_tab(qtbot, db)
    select_row(qtbot, tab, "Ana García")
    answers["answers"] = [False]
    assert tab.approve() is False
    assert "E00004 Luis Gil" in answers["asked"][-1][1]
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.REQUESTED
    answers["answers"] = [True]
    assert tab.approve() is True
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.APPROVED


def test_only_hr_or_the_manager_decides_and_the_refusal_is_said(qtbot, db, staff, answers):
    ana = _ask(db, staff.ana, D(2026, 3, 2), D(2026, 3, 6))
    clerk = as_login(db, "rosa")  # no HR role, manages nobody
    tab = leave_tab(qtbot, clerk)
    select_row(qtbot, tab, "Ana García")
    assert tab.approve() is False
    title, text = answers["asked"][-1]
    assert title == "Not approved" and "manager" in text
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.REQUESTED
    assert not tab.allowance_button.isVisibleTo(tab)  # HR only

    manager = as_login(db, "pepe")
    tab = leave_tab(qtbot, manager)
    tab.mine_filter.setChecked(True)  # "To decide by me"
    wait_idle(qtbot, tab.model)
    assert [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())] == ["Ana García"]
    select_row(qtbot, tab, "Ana García")
    answers["answers"] = [True]  # "Reject the request of …?"
    assert tab.reject() is True
    assert leave.get_leave_request(db, ana.id).status == LeaveStatus.REJECTED


def test_the_reason_of_a_sick_leave_is_for_hr_only(qtbot, db, staff):
    clerk = as_login(db, "rosa")
    dialog = LeaveRequestDialog(clerk)
    qtbot.addWidget(dialog)
    reason = dialog.form.fields["reason"]
    assert reason.isEnabled()  # vacation: anyone may say why
    dialog.form.fields["kind"].set_value("sick")
    assert not reason.isEnabled() and "HR" in reason.placeholderText()
    dialog.form.fields["kind"].set_value("personal")
    assert reason.isEnabled()

    hr_dialog = LeaveRequestDialog(db)
    qtbot.addWidget(hr_dialog)
    hr_dialog.form.fields["kind"].set_value("sick")
    assert hr_dialog.form.fields["reason"].isEnabled()
    fill(qtbot, hr_dialog, (staff.luis, "E00004 · Luis Gil"), "sick", "16/03/2026", "18/03/2026")
    type_text(qtbot, hr_dialog.form.fields["reason"], "Gripe")
    assert hr_dialog.save() is True

    tab = leave_tab(qtbot, clerk)
    select_row(qtbot, tab, "Luis Gil")
    assert "confidential" in tab.reason.text() and "Gripe" not in tab.reason.text()
    assert not tab.reveal_button.isVisibleTo(tab)

    tab = leave_tab(qtbot, db)
    select_row(qtbot, tab, "Luis Gil")
    audits = _count(db, PersonalDataAudit, PersonalDataAudit.employee_id == staff.luis)
    assert "Gripe" not in tab.reason.text() and tab.reveal_button.isVisibleTo(tab)  # not read by selecting
    assert tab.reveal_reason() is True
    assert tab.reason.text() == "Reason: Gripe"
    assert _count(db, PersonalDataAudit, PersonalDataAudit.employee_id == staff.luis) == audits + 1


def test_the_calendar_shows_who_is_away_day_by_day(qtbot, qtmodeltester, db, staff):
    leave.add_holiday(db, D(2026, 3, 19), "San José")
    ana = _ask(db, staff.ana, D(2026, 3, 2), D(2026, 3, 6))
    leave.set_leave_status(db, ana.id, "approved", ana.version)
    _ask(db, staff.luis, D(2026, 3, 4), D(2026, 3, 10))  # requested, over a weekend
    _ask(db, staff.rosa, D(2026, 3, 23), D(2026, 3, 23), "personal", half_day=True)
    _ask(db, staff.pepe, D(2026, 3, 30), D(2026, 4, 2))  # into April
    gone = _ask(db, staff.marta, D(2026, 3, 11), D(2026, 3, 12))
    leave.set_leave_status(db, gone.id, "rejected", gone.version)  # not away
    calendar = AwayCalendar(db, today=TODAY)
    qtbot.addWidget(calendar)
    calendar.activate()
    model = calendar.model
    qtmodeltester.check(model)
    assert calendar.month_label.text() == "March 2026"
    assert model.columnCount() == 31
    people = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert people == ["E00003 Ana García", "E00004 Luis Gil", "E00002 Pepe López", "E00005 Rosa Sanz"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Su\n1"

    def cell(person: int, day: int, role=Qt.ItemDataRole.BackgroundRole):
        return model.index(person, day - 1).data(role)

    def colour(person: int, day: int):
        brush = cell(person, day)
        return brush.color() if isinstance(brush, QBrush) else None

    vacation, off_day = kind_colour("vacation"), theme.colour(OFF_DAY)
    assert [colour(0, d) == vacation for d in (1, 2, 6, 7, 9)] == [False, True, True, False, False]
    assert colour(0, 1) == off_day  # a Sunday
    assert colour(1, 4) == lighter(vacation) and cell(1, 4, REQUESTED_ROLE) is True  # requested: pale, hatched
    assert colour(1, 7) == off_day and cell(1, 7, REQUESTED_ROLE) is False  # his weekend costs no day
    assert cell(1, 7, ABSENCE_ROLE) is not None  # yet the tooltip still says he is away
    assert colour(1, 11) is None
    assert all(colour(r, 19) == off_day for r in range(model.rowCount()))  # San José, for everyone
    assert "Holiday: San José" in cell(0, 19, Qt.ItemDataRole.ToolTipRole)
    assert cell(3, 23, Qt.ItemDataRole.DisplayRole) == "½"
    assert colour(3, 23) == lighter(kind_colour("personal")) and cell(3, 24) is None  # a half day, requested
    tip = cell(0, 3, Qt.ItemDataRole.ToolTipRole)
    assert "Vacation · Approved" in tip and "02/03/2026 to 06/03/2026" in tip
    assert calendar.empty_label.text() == "4 people away this month."

    calendar.department_filter.setCurrentIndex(find_data(calendar.department_filter, staff.almacen))
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == ["E00005 Rosa Sanz"]
    calendar.department_filter.setCurrentIndex(0)
    calendar.move_month(1)
    qtmodeltester.check(model)
    assert calendar.month_label.text() == "April 2026" and model.columnCount() == 30
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == ["E00002 Pepe López"]
    assert [colour(0, d) == lighter(vacation) for d in (1, 2, 3)] == [True, True, False]
    calendar.set_month(2026, 2)
    assert model.columnCount() == 28 and model.rowCount() == 0
    assert calendar.empty_label.text() == "Nobody is away this month."


def test_holidays_are_added_and_removed_and_allowances_set_by_hr(qtbot, db, staff, answers):
    dialog = HolidaysDialog(db, year=2026)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.fields["date"], "19/03/2026")
    type_text(qtbot, dialog.form.fields["name"], "San José")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [(h.date, h.name) for h in dialog.holidays()] == [(D(2026, 3, 19), "San José")]
    type_text(qtbot, dialog.form.fields["date"], "19/03/2026")
    type_text(qtbot, dialog.form.fields["name"], "Otra vez")
    assert dialog.add(D(2026, 3, 19), "Otra vez") is False
    assert "already a holiday" in dialog.form.error_text("date")
    assert _count(db, Holiday) == 1
    dialog.table.selectRow(0)
    answers["answers"] = [True]
    assert dialog.remove_selected() is True
    assert dialog.holidays() == [] and _count(db, Holiday) == 0

    clerk_dialog = HolidaysDialog(as_login(db, "rosa"), year=2026)
    qtbot.addWidget(clerk_dialog)
    assert not clerk_dialog.add_button.isEnabled() and "Only HR" in clerk_dialog.note.text()

    allowance = AllowanceDialog(db, employee=(staff.ana, "E00003 · Ana García"), year=2026)
    qtbot.addWidget(allowance)
    assert allowance.form.fields["days"].text() == "22"  # the company's default until set
    type_text(qtbot, allowance.form.fields["days"], "-1")
    assert allowance.save() is False and allowance.form.error_text("days")
    type_text(qtbot, allowance.form.fields["days"], "25")
    type_text(qtbot, allowance.form.fields["carried_over"], "3")
    assert allowance.save() is True
    b = leave.leave_balance(db, staff.ana, 2026)
    assert (b.allowance, b.carried_over, b.remaining) == (Decimal(25), Decimal(3), Decimal(28))
    refused = AllowanceDialog(as_login(db, "rosa"), employee=(staff.ana, "E00003 · Ana García"), year=2026)
    qtbot.addWidget(refused)
    assert not refused.form.isEnabled() and refused.save() is False
    assert leave.leave_balance(db, staff.ana, 2026).allowance == Decimal(25)


COMPANY = (("legal_name", "Suministros Ebro SL"), ("tax_id", "B58378431"), ("street", "Calle Mayor 1"),
           ("postal_code", "50001"), ("city", "Zaragoza"))


def test_company_employee_settings_are_checked_and_saved(qtbot, db):
    dialog = CompanyDialog(db)
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    assert (fields["leave_days_per_year"].text(), fields["hr_retention_years"].text()) == ("22", "4")
    for name, text in COMPANY:
        type_text(qtbot, fields[name], text)
    type_text(qtbot, fields["leave_days_per_year"], "61")  # beyond 60
    type_text(qtbot, fields["hr_retention_years"], "0")  # at least a year
    assert dialog.save() is False
    assert dialog.form.error_text("leave_days_per_year") and dialog.form.error_text("hr_retention_years")
    assert find_company(db) is None
    type_text(qtbot, fields["leave_days_per_year"], "23")
    type_text(qtbot, fields["hr_retention_years"], "5")
    type_text(qtbot, fields["document_alert_days"], "45")
    fields["leave_over_balance"].set_value(LimitPolicy.REFUSE.value)
    assert dialog.save() is True
    saved = find_company(db)
    assert (saved.leave_days_per_year, saved.leave_over_balance, saved.hr_retention_years,
            saved.document_alert_days) == (23, LimitPolicy.REFUSE, 5, 45)
    again = CompanyDialog(db)
    qtbot.addWidget(again)
    assert again.form.fields["leave_over_balance"].value() == "refuse"
    assert again.form.fields["document_alert_days"].text() == "45"


def test_the_employees_tab_counts_requests_to_decide_and_documents_expiring(qtbot, db, staff, tmp_path):
    from ui.main_window import MainWindow

    _ask(db, staff.ana, D(2026, 3, 2), D(2026, 3, 6))
    permit = tmp_path / "permiso.pdf"
    permit.write_bytes(b"%PDF-1.4 permiso de trabajo")
    employee_documents.add_document_file(db, staff.rosa, permit, "permit", "Permiso",
                                         dt.date.today() + dt.timedelta(days=10))
    window = MainWindow(db, "test", remember=False)
    qtbot.addWidget(window)
    badge = window.employees_badge
    qtbot.waitUntil(lambda: badge.count == 2, timeout=10_000)
    index = window.tabs.indexOf(window.tab_by_key["employees"])
    assert window.tabs.tabText(index) == "&Employees (2)"
    assert window.tabs.tabToolTip(index) == "1 leave requests to decide, 1 documents expiring soon"

    employees_tab = window.tab_by_key["employees"]
    employees_tab.tabs.setCurrentWidget(employees_tab.leave)
    window.show_tab("employees")
    select_row(qtbot, employees_tab.leave, "Ana García")
    assert employees_tab.leave.approve() is True  # the inner tab says it changed: the badge counts again
    qtbot.waitUntil(lambda: badge.count == 1, timeout=10_000)
    assert window.tabs.tabText(index) == "&Employees (1)"
