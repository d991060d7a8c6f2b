"""The Leave inner tab: every request in a lazy list, a new request, approve, reject, cancel.

The list reads pages from ``app.services.leave`` (filters by status, kind,
department and "to decide by me"). Selecting a request shows the employee's
vacation balance for its year; a sick leave's reason is for HR only and is
read on request ("Show reason"), because the service records every reading.
Approving asks first when the service raises ``LeaveWarning`` (colleagues of
the same department away, days beyond the balance), as a new request does
(ui/employees/leave_request.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.enums import LeaveKind, LeaveStatus
from app.errors import ConflictError, LeaveWarning, NotFoundError, TrastiendaError, ValidationError
from app.services import access, departments, leave
from app.services.leave import LeaveRequestView
from app.services.listing import ListQuery
from ui.common import dialogs, theme
from ui.common.formatting import format_date
from ui.common.list_panel import ListPanel
from ui.common.table_model import ROW_ROLE, Column, LazyTableModel
from ui.common.fields import find_data
from ui.employees.leave_common import kind_label, kind_labels, status_label, status_labels
from ui.employees.leave_request import LeaveRequestDialog, warning_text
from ui.employees.leave_settings import AllowanceDialog, HolidaysDialog, balance_text, days_text

REQUESTED = "pending_bg"  # waits for a decision
CLOSED = "inactive_bg"  # rejected or cancelled: no longer holds days
MAX_DEPARTMENTS = 1000
DECIDABLE = (LeaveStatus.REQUESTED.value,)
CANCELLABLE = (LeaveStatus.REQUESTED.value, LeaveStatus.APPROVED.value)


class LeaveTab(QWidget):
    sig_status = Signal(str)
    sig_changed = Signal()  # a request made or decided: the calendar and the badge read again
    sig_open_employee = Signal(str)  # Enter on a request: the person's file in the Staff tab

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self._fixed_today = today
        self.hr = access.has_role(db, access.HR)
        self._activated = False
        # How a dialog is run; tests replace it to fill the dialog in and save without a modal loop.
        self.run_dialog: Callable[[QDialog], Any] = lambda dialog: dialog.exec()

        self.model = LazyTableModel(db, self.columns(), leave.list_leave, leave.count_leave, sort="start_date",
                                    descending=True, row_brush=self.row_brush, parent=self)
        self.list = ListPanel("leave", self.model, self.tr("requests"), self, noun_singular=self.tr("request"))
        self._add_filters(self.list)

        self.new_button = self._button(self.tr("&New request…"), "new_leave", self.tr("Ask for days off (Ctrl+N)"))
        self.approve_button = self._button(self.tr("A&pprove"), "approve_leave", self.tr("Approve the request"))
        self.reject_button = self._button(self.tr("Re&ject…"), "reject_leave", self.tr("Reject the request"))
        self.cancel_button = self._button(self.tr("&Cancel request…"), "cancel_leave",
                                          self.tr("Cancel a request or approved leave; its days go back (Delete)"))
        self.holidays_button = self._button(self.tr("Hol&idays…"), "leave_holidays",
                                            self.tr("The company's holidays, which are not counted as leave"))
        self.allowance_button = self._button(self.tr("Allo&wance…"), "leave_allowance",
                                             self.tr("An employee's vacation days for a year"))
        self.allowance_button.setVisible(self.hr)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.approve_button, self.reject_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.holidays_button)
        buttons.addWidget(self.allowance_button)

        self.details = QGroupBox(self.tr("Request"), self)
        self.details.setObjectName("leave_details")
        self.summary = QLabel(self.details)
        self.summary.setObjectName("leave_summary")
        self.summary.setWordWrap(True)
        self.balance = QLabel(self.details)
        self.balance.setObjectName("leave_balance")
        self.balance.setStyleSheet("font-weight: bold;")
        self.reason = QLabel(self.details)
        self.reason.setObjectName("leave_reason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Show &reason"), self.details)
        self.reveal_button.setObjectName("reveal_reason")
        self.reveal_button.setToolTip(self.tr("Shown to HR only; each showing is recorded"))
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.reveal_button)
        col = QVBoxLayout(self.details)
        col.addWidget(self.summary)
        col.addWidget(self.balance)
        col.addLayout(reason_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)

        self.new_button.clicked.connect(self.new_request)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel_request)
        self.holidays_button.clicked.connect(self.edit_holidays)
        self.allowance_button.clicked.connect(self.edit_allowance)
        self.reveal_button.clicked.connect(self.reveal_reason)
        self.list.sig_current.connect(lambda _id: self._show_details())
        self.list.sig_delete.connect(lambda _id: self.cancel_request())
        self.list.sig_open.connect(self._on_open)
        self.model.sig_reset.connect(self._show_details)  # a reset clears the current row without a signal
        self._show_details()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    # -- the list -------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=75),
            Column("employee", self.tr("Employee"), width=200),
            Column("department", self.tr("Department"), width=150),
            Column("kind", self.tr("Kind"), "choice", width=100, choices=kind_labels()),
            Column("status", self.tr("Status"), "choice", width=95, choices=status_labels()),
            Column("start_date", self.tr("From"), "date", width=90),
            Column("end_date", self.tr("To"), "date", width=90),
            Column("days", self.tr("Days"), "quantity", width=60),
        ]

    def row_brush(self, row: dict) -> QBrush | None:
        status = str(row.get("status"))
        if status == LeaveStatus.REQUESTED.value:
            return theme.brush(REQUESTED)
        if status in (LeaveStatus.REJECTED.value, LeaveStatus.CANCELLED.value):
            return theme.brush(CLOSED)
        return None

    def _add_filters(self, panel: ListPanel) -> None:
        self.status_filter = panel.add_choice_filter(
            "status", self.tr("All statuses"), [(label, value) for value, label in status_labels().items()])
        self.kind_filter = panel.add_choice_filter(
            "kind", self.tr("All kinds"), [(label, value) for value, label in kind_labels().items()])
        self.department_filter: QComboBox = panel.add_choice_filter("department_id", self.tr("All departments"), [])
        self.department_filter.setMinimumWidth(160)
        self.mine_filter = panel.add_check_filter("pending_for_me", self.tr("To decide by &me"))
        self.mine_filter.setToolTip(self.tr("Requests waiting for your decision"))

    def load_departments(self) -> None:
        combo = self.department_filter
        chosen = combo.currentData()
        rows = departments.list_departments(self.db, ListQuery(limit=MAX_DEPARTMENTS)).rows
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for r in rows:
                combo.addItem(r["name"], r["__id"])
            index = find_data(combo, chosen)
            combo.setCurrentIndex(max(index, 0))
        if chosen is not None and index < 0:  # the department filtered on was archived
            self.list.set_filter("department_id", None)

    def current_row(self) -> dict | None:
        index = self.list.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    # -- what the container calls -----------------------------------------------------------
    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.load_departments()
        self.list.start()

    def reload_after_change(self) -> None:
        """People or departments changed elsewhere: names and departments in the list."""
        if self._activated:
            self.load_departments()
            self.list.refresh()

    def action_new(self) -> None:
        self.new_request()

    def action_find(self) -> None:
        self.list.focus_search()

    def action_refresh(self) -> None:
        self.list.refresh()

    def action_archive(self) -> None:
        self.cancel_request()

    def save_state(self) -> None:
        self.list.save_header()

    def may_close(self) -> bool:
        return True

    # -- actions ----------------------------------------------------------------------------
    def new_request(self) -> LeaveRequestView | None:
        dialog = LeaveRequestDialog(self.db, self)
        self.run_dialog(dialog)
        view = dialog.saved
        dialog.deleteLater()
        if view is None:
            return None
        self._changed(view, self.tr("Leave requested: {0}."))
        return view

    def approve(self) -> bool:
        return self._decide(LeaveStatus.APPROVED)

    def reject(self) -> bool:
        row = self.current_row()
        if row is None or str(row["status"]) not in DECIDABLE:
            return False
        if not dialogs.confirm(self, self.tr("Reject"), self.tr("Reject the request of {0}?")
                               .replace("{0}", self._describe(row)), yes=self.tr("Reject"), no=self.tr("Keep it")):
            return False
        return self._decide(LeaveStatus.REJECTED)

    def cancel_request(self) -> bool:
        row = self.current_row()
        if row is None or str(row["status"]) not in CANCELLABLE:
            return False
        if not dialogs.confirm(self, self.tr("Cancel leave"), self.tr(
                "Cancel the leave of {0}? Its days go back to the balance.").replace("{0}", self._describe(row)),
                yes=self.tr("Cancel leave"), no=self.tr("Keep it")):
            return False
        return self._decide(LeaveStatus.CANCELLED)

    def edit_holidays(self) -> None:
        row = self.current_row()
        year = row["start_date"].year if row else self.today().year
        self.run_dialog(HolidaysDialog(self.db, self, year))
        self.sig_changed.emit()  # the calendar shades holidays
        self._show_details()

    def edit_allowance(self) -> None:
        row = self.current_row()
        employee = (row["employee_id"], f"{row['code']} · {row['employee']}") if row else None
        year = row["start_date"].year if row else self.today().year
        dialog = AllowanceDialog(self.db, self, employee=employee, year=year)
        self.run_dialog(dialog)
        if dialog.saved is not None:
            self.sig_status.emit(self.tr("Allowance saved."))
            self._show_details()

    def reveal_reason(self) -> bool:
        """HR: read the reason of the sick leave selected (the service records the reading)."""
        row = self.current_row()
        if row is None or not self.hr:
            return False
        try:
            view = leave.get_leave_request(self.db, uuid.UUID(str(row["__id"])))
        except TrastiendaError as exc:
            self.reason.setText(str(exc))
            return False
        self.reason.setText(self.tr("Reason: {0}").replace("{0}", view.reason or self.tr("none given")))
        self.reveal_button.hide()
        self.sig_status.emit(self.tr("Reason shown; the showing is recorded."))
        return True

    # -- internals ----------------------------------------------------------------------------
    def _decide(self, status: LeaveStatus) -> bool:
        row = self.current_row()
        if row is None:
            return False
        leave_id, version = uuid.UUID(str(row["__id"])), row.get("version")
        titles = {LeaveStatus.APPROVED: self.tr("Not approved"), LeaveStatus.REJECTED: self.tr("Not rejected"),
                  LeaveStatus.CANCELLED: self.tr("Not cancelled")}
        try:
            try:
                view = leave.set_leave_status(self.db, leave_id, status, version)
            except LeaveWarning as warning:  # approving: colleagues away, or beyond the balance
                if not dialogs.confirm(self, self.tr("Check this request"),
                                       warning_text(warning, self.tr("Approve it anyway?")),
                                       yes=self.tr("Approve anyway"), no=self.tr("Go back")):
                    self.sig_status.emit(self.tr("Not approved."))
                    return False
                view = leave.set_leave_status(self.db, leave_id, status, version, confirm=True)
        except (ConflictError, NotFoundError) as exc:
            dialogs.inform(self, titles[status], self.tr("{0}\nThe list is read again.").replace("{0}", str(exc)))
            self.list.refresh()
            return False
        except ValidationError as exc:
            dialogs.inform(self, titles[status], "\n".join(e.message for e in exc.errors))
            return False
        except TrastiendaError as exc:  # PermissionDeniedError: not HR, not their manager
            dialogs.inform(self, titles[status], str(exc))
            return False
        done = {LeaveStatus.APPROVED: self.tr("Approved: {0}."), LeaveStatus.REJECTED: self.tr("Rejected: {0}."),
                LeaveStatus.CANCELLED: self.tr("Cancelled: {0}.")}
        self._changed(view, done[status], self._describe(row))
        return True

    def _changed(self, view: LeaveRequestView, message: str, what: str | None = None) -> None:
        self.list.refresh(keep_id=str(view.id))
        self.sig_changed.emit()
        if what is None:
            what = f"{kind_label(view.kind)} {format_date(view.start_date)}–{format_date(view.end_date)}"
        self.sig_status.emit(message.replace("{0}", what))

    def _describe(self, row: dict) -> str:
        return (f"{row['code']} {row['employee']} ({kind_label(row['kind'])}, "
                f"{format_date(row['start_date'])}–{format_date(row['end_date'])})")

    def _on_open(self, _record_id: str) -> None:
        row = self.current_row()
        if row is not None:
            self.sig_open_employee.emit(str(row["employee_id"]))

    def _show_details(self) -> None:
        row = self.current_row()
        status = str(row["status"]) if row else None
        self.approve_button.setEnabled(status in DECIDABLE)
        self.reject_button.setEnabled(status in DECIDABLE)
        self.cancel_button.setEnabled(status in CANCELLABLE)
        self.reveal_button.hide()
        if row is None:
            self.summary.setText(self.tr("Select a request to see the employee's vacation balance."))
            self.balance.clear()
            self.reason.clear()
            return
        days = days_text(row["days"])
        half = self.tr(", half day") if row.get("half_day") else ""
        self.summary.setText(
            self.tr("{who}: {kind}, {start} to {end} ({days} working days{half}), {status}")
            .replace("{who}", f"{row['code']} · {row['employee']}").replace("{kind}", kind_label(row["kind"]))
            .replace("{start}", format_date(row["start_date"])).replace("{end}", format_date(row["end_date"]))
            .replace("{days}", days).replace("{half}", half).replace("{status}", status_label(status).lower()))
        self.balance.setText(self._balance(row))
        self._show_reason(row)

    def _balance(self, row: dict) -> str:
        employee_id = uuid.UUID(str(row["employee_id"]))
        years = sorted({row["start_date"].year, row["end_date"].year})
        try:
            return "\n".join(balance_text(leave.leave_balance(self.db, employee_id, y)) for y in years)
        except TrastiendaError as exc:
            return str(exc)

    def _show_reason(self, row: dict) -> None:
        if str(row["kind"]) == LeaveKind.SICK.value:
            # Health data: read only when HR asks, so each reading is a deliberate, recorded one.
            self.reason.setText(self.tr("Reason: confidential (HR only)."))
            self.reveal_button.setVisible(self.hr)
            return
        try:
            view = leave.get_leave_request(self.db, uuid.UUID(str(row["__id"])))
        except TrastiendaError as exc:
            self.reason.setText(str(exc))
            return
        self.reason.setText(self.tr("Reason: {0}").replace("{0}", view.reason) if view.reason else "")
