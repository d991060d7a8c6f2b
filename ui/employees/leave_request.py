"""A new leave request: who, what kind, from, to, half a day, why.

A sick leave's reason is health data: the field is disabled for whoever is
not HR (the service refuses it too). A request that is valid but worth a
second look (colleagues of the same department away, days beyond the
balance) comes back as ``LeaveWarning`` with nothing written; the clerk is
asked, and "yes" sends it again with ``confirm=True``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.enums import LeaveKind
from app.errors import LeaveWarning, PermissionDeniedError, TrastiendaError, ValidationError
from app.services import access, leave
from app.services.leave import LeaveRequestData, LeaveRequestView
from ui.common import dialogs
from ui.common.fields import CheckField, ChoiceField, DateField, TextField, as_id
from ui.common.form import Form
from ui.common.formatting import ParseError, format_date
from ui.employees.leave_common import kind_labels
from ui.employees.leave_settings import days_text
from ui.employees.lookup import LabelledLookup, employee_choices


def warning_text(warning: LeaveWarning, question: str) -> str:
    """The clashes and the days over the balance, one per line, then the question."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)

    parts = []
    if warning.over_balance is not None:
        parts.append(tr("{0} days beyond the vacation balance.").replace("{0}", days_text(warning.over_balance)))
    if warning.clashes:
        lines = "\n".join(f"• {c.who} ({format_date(c.start)}–{format_date(c.end)})" for c in warning.clashes)
        parts.append(tr("Also away from the same department on some of these days:\n{0}").replace("{0}", lines))
    if not parts:
        parts.append(str(warning))
    return "\n\n".join([*parts, question])


class LeaveRequestDialog(QDialog):
    """A new request: who, what kind, from, to, half day, reason. ``saved`` holds it once stored."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, employee: tuple[Any, str] | None = None):
        super().__init__(parent)
        self.setObjectName("leave_request_dialog")
        self.db = db
        self.hr = access.has_role(db, access.HR)
        self.saved: LeaveRequestView | None = None
        self.setWindowTitle(self.tr("New leave request"))
        self.form = Form(self)
        f = self.form
        f.add("employee_id", self.tr("&Employee"), LabelledLookup(lambda text: employee_choices(db, text)))
        f.fields["employee_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        f.add("kind", self.tr("&Kind"), ChoiceField([(label, value) for value, label in kind_labels().items()]))
        f.add("start_date", self.tr("&From"), DateField())
        f.add("end_date", self.tr("&To"), DateField())
        f.add("half_day", "", CheckField(self.tr("&Half a day (from and to the same day)")))
        f.add("reason", self.tr("&Reason"), TextField()).setMaxLength(500)
        for name in ("start_date", "end_date"):
            f.fields[name].setMaximumWidth(120)
        self.days = QLabel(self)
        self.days.setObjectName("leave_days")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.days)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

        f.load({"kind": LeaveKind.VACATION.value, "half_day": False})
        if employee is not None:
            f.fields["employee_id"].set_value(employee)
        f.fields["kind"].currentIndexChanged.connect(lambda _i: self._apply_kind())
        for name in ("start_date", "end_date"):
            f.fields[name].editingFinished.connect(self._show_days)
        f.fields["half_day"].toggled.connect(self._on_half_day)
        self._apply_kind()
        self._show_days()

    # -- public API -----------------------------------------------------------------------
    def request_data(self) -> LeaveRequestData:
        """What was typed; ValidationError for what cannot even be read (a date that does not exist)."""
        values = self.form.values()
        return LeaveRequestData(as_id(values["employee_id"]), values["kind"], values["start_date"],
                                values["end_date"], bool(values["half_day"]), values["reason"])

    def save(self) -> bool:
        """Store the request; a warning is asked about first. False (the dialog stays open) when not saved."""
        try:
            data = self.request_data()
            try:
                self.saved = leave.create_leave_request(self.db, data)
            except LeaveWarning as warning:
                if not dialogs.confirm(self, self.tr("Check this request"),
                                       warning_text(warning, self.tr("Save the request anyway?")),
                                       yes=self.tr("Save anyway"), no=self.tr("Go back")):
                    self.form.show_general(self.tr("Not saved: change the dates, or save anyway."))
                    return False
                self.saved = leave.create_leave_request(self.db, data, confirm=True)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except PermissionDeniedError as exc:
            if exc.field in self.form.fields:
                self.form.show_errors(ValidationError(exc.field, str(exc)))
            else:
                self.form.show_general(str(exc))
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.accept()
        return True

    # -- slots ----------------------------------------------------------------------------
    def _apply_kind(self) -> None:
        """A sick leave's reason is health data: only HR may record it."""
        reason: TextField = self.form.fields["reason"]
        restricted = self.form.fields["kind"].value() == LeaveKind.SICK.value and not self.hr
        if restricted:
            reason.clear()
        reason.setEnabled(not restricted)
        reason.setPlaceholderText(self.tr("Only HR staff record the reason of a sick leave") if restricted
                                  else self.tr("Optional"))
        if self.form.fields["kind"].value() == LeaveKind.SICK.value and self.hr:
            reason.setToolTip(self.tr("Confidential: shown to HR only; every reading is recorded."))
        else:
            reason.setToolTip("")

    def _on_half_day(self, on: bool) -> None:
        start, end = self.form.fields["start_date"], self.form.fields["end_date"]
        if on and start.text().strip() and not end.text().strip():
            end.setText(start.text())
        self._show_days()

    def _show_days(self) -> None:
        try:
            start = self.form.fields["start_date"].value()
            end = self.form.fields["end_date"].value() or start
        except ParseError:
            start = end = None
        if start is None or end < start:
            self.days.setText(self.tr("Weekends and holidays are not counted."))
            return
        try:
            n = leave.working_days(self.db, start, end, self.form.fields["half_day"].value())
        except ValidationError as exc:  # dates years apart
            self.days.setText(" ".join(e.message for e in exc.errors))
            return
        except TrastiendaError:
            return
        self.days.setText(self.tr("Working days: {0}").replace("{0}", days_text(n)))
