"""Leave settings reachable from the Leave tab: the company's holidays and one employee's yearly allowance.

Anyone may look at the holidays (the calendar greys them out for all); only
HR changes them or sets an allowance, and the service checks that again.
Requests already made keep the days counted when they were made.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.services import access, leave
from app.services.leave import HolidayView, LeaveBalance
from app.services.leave_days import FIRST_YEAR, LAST_YEAR
from ui.common import dialogs
from ui.common.fields import DateField, DecimalField, TextField, as_id
from ui.common.form import Form
from ui.common.formatting import ParseError, format_date, format_decimal
from ui.employees.lookup import LabelledLookup, employee_choices

HOLIDAY_ROLE = Qt.ItemDataRole.UserRole


class YearField(QSpinBox):
    """A year, typed or stepped with the arrow keys; a Form field like the others."""

    def __init__(self, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(FIRST_YEAR, LAST_YEAR)
        self.setValue(year)
        self.setMaximumWidth(100)

    def set_value(self, value: int | None) -> None:
        if value is not None:
            self.setValue(int(value))


def days_text(days: Decimal) -> str:
    return format_decimal(days, None)


def balance_text(b: LeaveBalance) -> str:
    """"Vacation 2026: 22 + 3 carried over, 10 taken, 2 pending, 13 left"."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)

    if b.carried_over:
        given = tr("{days} + {carried} carried over").replace("{days}", days_text(b.allowance)).replace(
            "{carried}", days_text(b.carried_over))
    else:
        given = tr("{days} days").replace("{days}", days_text(b.allowance))
    return (tr("Vacation {year}: {given}, {taken} taken, {pending} pending, {left} left")
            .replace("{year}", str(b.year)).replace("{given}", given).replace("{taken}", days_text(b.taken))
            .replace("{pending}", days_text(b.pending)).replace("{left}", days_text(b.remaining)))


class HolidaysDialog(QDialog):
    """The holidays of one year: the list, and for HR a date and a name to add, and Remove."""

    def __init__(self, db: Database, parent: QWidget | None = None, year: int | None = None):
        super().__init__(parent)
        self.setObjectName("holidays_dialog")
        self.db = db
        self.hr = access.has_role(db, access.HR)
        self.setWindowTitle(self.tr("Holidays"))
        self.year = YearField(year or dt.date.today().year, self)
        self.year.setObjectName("holiday_year")
        year_caption = QLabel(self.tr("&Year"), self)
        year_caption.setBuddy(self.year)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("holidays")
        self.table.setAccessibleName(self.tr("Holidays"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Holiday")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 130)
        self.table.setWordWrap(False)
        self.form = Form(self)
        self.form.add("date", self.tr("&Date"), DateField())
        self.form.add("name", self.tr("&Name"), TextField()).setMaxLength(120)
        self.form.fields["name"].setPlaceholderText(self.tr("e.g. Fiesta del Pilar"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("add_holiday")
        self.remove_button = QPushButton(self.tr("&Remove…"), self)
        self.remove_button.setObjectName("remove_holiday")
        self.note = QLabel(self)
        self.note.setObjectName("holidays_note")
        self.note.setWordWrap(True)
        self.note.setText(self.tr("Weekends and these days are not counted as leave. Requests already made "
                                  "keep the days counted when they were made.") if self.hr else
                          self.tr("Only HR staff change the holiday calendar."))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(year_caption)
        top.addWidget(self.year)
        top.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(self.form, 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(adding)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.resize(460, 480)

        for widget in (self.form, self.add_button, self.remove_button):
            widget.setEnabled(self.hr)
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.add_button.clicked.connect(self._on_add)
        self.form.fields["name"].returnPressed.connect(self._on_add)
        self.table.itemSelectionChanged.connect(self._enable)
        self.reload()

    # -- public API -----------------------------------------------------------------------
    def holidays(self) -> list[HolidayView]:
        return [self.table.item(r, 0).data(HOLIDAY_ROLE) for r in range(self.table.rowCount())]

    def reload(self) -> None:
        try:
            found = leave.list_holidays(self.db, self.year.value())
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            found = []
        self.table.setRowCount(len(found))
        for row, h in enumerate(found):
            date = QTableWidgetItem(f"{weekday_name(h.date)} {format_date(h.date)}")
            date.setData(HOLIDAY_ROLE, h)
            self.table.setItem(row, 0, date)
            self.table.setItem(row, 1, QTableWidgetItem(h.name))
        self._enable()

    def add(self, date: dt.date | None, name: str | None) -> bool:
        """Add a holiday (HR); errors are shown next to the date or the name."""
        try:
            added = leave.add_holiday(self.db, date, name)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.form.load({"date": None, "name": None})
        if added.date.year != self.year.value():
            self.year.setValue(added.date.year)  # reloads
        else:
            self.reload()
        self._select(added.id)
        self.form.fields["date"].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def remove_selected(self) -> bool:
        holiday = self.current()
        if holiday is None:
            return False
        if not dialogs.confirm(self, self.tr("Remove holiday"), self.tr(
                "Remove {0} ({1}) from the holidays? Requests already made keep their days.")
                .replace("{0}", holiday.name).replace("{1}", format_date(holiday.date))):
            return False
        try:
            leave.remove_holiday(self.db, holiday.id)
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.reload()
        return True

    def current(self) -> HolidayView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(HOLIDAY_ROLE) if rows else None

    # -- slots ---------------------------------------------------------------------------
    def _on_add(self) -> None:
        try:
            values = self.form.values()
        except ValidationError as exc:
            self.form.show_errors(exc)
            return
        self.add(values["date"], values["name"])

    def _select(self, holiday_id: uuid.UUID) -> None:
        for row, h in enumerate(self.holidays()):
            if h.id == holiday_id:
                self.table.selectRow(row)

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.hr and self.current() is not None)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)


def weekday_name(date: dt.date) -> str:
    from PySide6.QtCore import QCoreApplication

    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    return QCoreApplication.translate("Leave", names[date.weekday()])


class AllowanceDialog(QDialog):
    """One employee's vacation days for a year, and the days carried over from the last (HR)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, employee: tuple[Any, str] | None = None,
                 year: int | None = None):
        super().__init__(parent)
        self.setObjectName("allowance_dialog")
        self.db = db
        self.setWindowTitle(self.tr("Vacation allowance"))
        self.saved = None
        self.form = Form(self)
        f = self.form
        f.add("employee_id", self.tr("&Employee"), LabelledLookup(lambda text: employee_choices(db, text)))
        f.fields["employee_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        f.add("year", self.tr("&Year"), YearField(year or dt.date.today().year))
        # No fixed decimals: "22" and "2.5" read as typed; the service refuses a third decimal.
        f.add("days", self.tr("&Days"), DecimalField(None))
        f.add("carried_over", self.tr("&Carried over"), DecimalField(None))
        f.fields["carried_over"].setToolTip(self.tr("Days left from the year before that may still be taken."))
        for name in ("days", "carried_over"):
            f.fields[name].setMaximumWidth(100)
        self.balance = QLabel(self)
        self.balance.setObjectName("allowance_balance")
        self.balance.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.balance)
        layout.addWidget(buttons)
        self.resize(460, 240)
        if employee is not None:
            f.fields["employee_id"].set_value(employee)
        f.fields["employee_id"].sig_chosen.connect(lambda _id: self.show_balance())
        f.fields["year"].valueChanged.connect(lambda _y: self.show_balance())
        self.show_balance()
        if not access.has_role(db, access.HR):
            self.form.setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.form.show_general(self.tr("Only HR staff may set leave allowances."))

    def show_balance(self) -> None:
        """The current allowance and balance of the employee and year chosen, loaded into the fields."""
        employee_id = self.form.fields["employee_id"]._id
        if employee_id is None:
            self.balance.setText(self.tr("Choose an employee to see their balance."))
            return
        try:
            b = leave.leave_balance(self.db, as_id(employee_id), self.form.fields["year"].value())
        except TrastiendaError as exc:
            self.balance.setText(str(exc))
            return
        self.form.load({"days": b.allowance, "carried_over": b.carried_over})
        self.balance.setText(balance_text(b))

    def save(self) -> bool:
        try:
            values = self.form.values()
            self.saved = leave.set_allowance(self.db, as_id(values["employee_id"]), values["year"], values["days"],
                                             values["carried_over"])
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except (TrastiendaError, ParseError) as exc:
            self.form.show_general(str(exc))
            return False
        self.accept()
        return True
