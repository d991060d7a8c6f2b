"""The Staff inner tab: the staff list by department, and the employee's file.

Salary, payments a year, IBAN and social security number are confidential.
They are never list columns (the service does not even select them), and
the form shows them to HR only, once the clerk asks: "Show confidential
data" reads them through the service, which records the showing. A form
that did not show them saves them as ``KEEP``, so the stored values stay.
Everyone else sees a one-line note instead of the section.

A blocked person (only an administrator opens one) shows a banner with the
reason and cannot be edited; an anonymised one likewise.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.db.session import Database
from app.errors import PermissionDeniedError, TrastiendaError
from app.services import access, contracts, departments, employees
from app.services.employees import PAYMENTS_PER_YEAR, RESTRICTED_FIELDS, EmployeeData
from app.services.listing import ListQuery
from ui.common import theme
from ui.common.fields import ChoiceField, DateField, DecimalField, TextField, as_id, find_data
from ui.common.form import Form
from ui.common.formatting import format_date
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column
from ui.employees.lookup import LabelledLookup, employee_choices, employee_value, offer_archived_department

MAX_DEPARTMENTS = 1000  # a pick list, not a paged list: a company has tens of departments
CONCEALED = "••••"
# Fields that cannot be typed in (concealed, or a blocked record) look it, not only behave it.
READ_ONLY_STYLE = 'QLineEdit[readOnly="true"] { background: $window; color: $muted_text; }'
BANNER_STYLE = ("background: $error_bg; color: $error_strong_text; border: 1px solid $error_border; padding: 6px;"
                " font-weight: bold;")


class StaffTab(RecordTab):
    sig_changed = Signal()  # an employee was saved, archived or blocked (the organisation tree reads again)

    list_name = "employees"
    default_sort = "last_name"
    _fixed_today: dt.date | None = None

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        self.hr = access.has_role(db, access.HR)  # build_form (called by RecordTab) needs it
        self.revealed = False  # the confidential fields hold the stored values (or a new person's)
        self.read_only = False  # blocked or anonymised
        self.view: employees.EmployeeView | None = None
        super().__init__(db, parent)
        if today is not None:  # "current staff" and the birth-date check use the same day
            self._fixed_today = today
            self.list.set_filter("today", today)
        self._add_privacy_button()
        theme.style(self.form, READ_ONLY_STYLE)

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- labels --------------------------------------------------------------------------
    def noun(self) -> str:
        return self.tr("employee")

    def noun_plural(self) -> str:
        return self.tr("employees")

    def noun_singular(self) -> str:
        return self.tr("employee")

    # -- the list ------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=75),
            Column("last_name", self.tr("Last name"), width=190),
            Column("first_name", self.tr("First name"), width=130),
            Column("department", self.tr("Department"), width=170),
            Column("position", self.tr("Position"), width=190),
            Column("email", self.tr("E-mail"), width=240),
            Column("phone", self.tr("Phone"), width=110),
            Column("hire_date", self.tr("Hired"), kind="date", width=90),
        ]

    def list_rows(self, db, query):
        return employees.list_employees(db, query)

    def count_rows(self, db, query):
        return employees.count_employees(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        self.department_filter: QComboBox = panel.add_choice_filter("department_id", self.tr("All departments"), [])
        self.department_filter.setMinimumWidth(180)
        self.current_filter = QCheckBox(self.tr("Current staff only"), panel)
        self.current_filter.setObjectName("filter_active_only")
        self.current_filter.setToolTip(self.tr("Leave out those whose employment has ended."))
        self.current_filter.toggled.connect(lambda on: panel.set_filter("active_only", on))
        panel.filter_bar.addWidget(self.current_filter)
        self.blocked_filter: QCheckBox | None = None
        if access.has_role(self.db, access.ADMIN):  # nobody else sees blocked people at all
            self.blocked_filter = panel.add_check_filter("blocked", self.tr("Bloc&ked only"))
            self.blocked_filter.setToolTip(self.tr("Only the people whose personal data is blocked."))
        # Alt+X: the D of "documents" is taken by the Departments tab and the Department field.
        self.expiring_button = QPushButton(self.tr("E&xpiring documents…"), panel)
        self.expiring_button.setObjectName("expiring_documents")
        self.expiring_button.setToolTip(self.tr("Documents that expire soon or have expired, and whose they are"))
        self.expiring_button.setVisible(self.hr)  # the documents are HR's alone
        self.expiring_button.clicked.connect(self.action_expiring_documents)
        panel.filter_bar.addWidget(self.expiring_button)

    def activate(self) -> None:
        super().activate()
        self.load_departments()
        self.load_positions()

    def action_expiring_documents(self):
        """The documents expiring soon or expired (HR only); choosing one opens its person here."""
        if not self.hr:
            return None
        from ui.employees.expiring import ExpiringDocumentsDialog

        dialog = ExpiringDocumentsDialog(self.db, self.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_open_employee.connect(self.open_record)
        dialog.show()
        return dialog

    def load_positions(self) -> None:
        """Suggest the positions already in use (again: a save may have added one)."""
        try:
            self.positions.setStringList(employees.positions_in_use(self.db))
        except TrastiendaError as exc:
            self.sig_status.emit(str(exc))

    def reload_after_change(self) -> None:
        """A department was renamed, moved or archived: the list shows department names."""
        if self.list._started:
            self.list.refresh(keep_id=self.list.current_id())

    def load_departments(self) -> None:
        """Fill the department filter and the form's pick list (again: someone may have added one)."""
        page = departments.list_departments(self.db, ListQuery(limit=MAX_DEPARTMENTS))
        choices = [(r["name"], r["__id"]) for r in page.rows]
        combo = self.department_filter
        chosen = combo.currentData()
        with QSignalBlocker(combo):  # refilling must not read the list again
            while combo.count() > 1:
                combo.removeItem(1)
            for label, dept_id in choices:
                combo.addItem(label, dept_id)
            index = find_data(combo, chosen)
            combo.setCurrentIndex(max(index, 0))
        if chosen is not None and index < 0:  # the department filtered on is gone
            self.list.set_filter("department_id", None)
        field: ChoiceField = self.form.fields["department_id"]
        current = field.currentData()
        with QSignalBlocker(field):  # not an edit of the record open
            field.set_choices(choices)
        if current is not None and field.currentData() != current:  # the open record's, archived meanwhile
            offer_archived_department(self.db, field, current)
            with QSignalBlocker(field):
                field.set_value(current)

    # -- the form -------------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        form.add("first_name", self.tr("&First name"), TextField())
        form.add("last_name", self.tr("&Last name"), TextField())
        form.add("tax_id", self.tr("&NIF / NIE"), TextField())
        form.add("code", self.tr("C&ode"), TextField())
        form.fields["code"].setPlaceholderText(self.tr("Given automatically"))
        form.add_section(self.tr("Job"))
        form.add("department_id", self.tr("&Department"), ChoiceField(blank=self.tr("No department")))
        position = form.add("position", self.tr("&Position"), TextField())
        # Free text, but typing part of one already in use offers it: "Comercial" stays one spelling.
        self.positions = QStringListModel(form)
        completer = QCompleter(self.positions, position)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        position.setCompleter(completer)
        form.add("manager_id", self.tr("Mana&ger"), LabelledLookup(lambda text: employee_choices(self.db, text)))
        form.fields["manager_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        form.add("hire_date", self.tr("Hire date"), DateField())
        form.add("end_date", self.tr("&End date"), DateField())
        form.fields["end_date"].setToolTip(self.tr("The last day of employment; empty while employed."))
        form.add("weekly_hours", self.tr("&Weekly hours"), DecimalField(2))
        form.add("user_name", self.tr("Login"), TextField()).setMaxLength(64)
        form.fields["user_name"].setToolTip(self.tr("The user name this person signs in with (to approve their "
                                                    "team's leave); empty if they do not use the program."))
        self.contracts_label = QLabel(form)
        self.contracts_label.setObjectName("employment_contracts")
        self.contracts_label.setWordWrap(True)
        self.contracts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contracts_label.setToolTip(self.tr("Employment contracts naming this person (Contracts tab)."))
        form.layout_.addRow(self.tr("Employment contract"), self.contracts_label)
        if self.hr:
            self._build_confidential(form)
        else:
            self.confidential_note = QLabel(self.tr("<b>Pay and social security</b> — Confidential: HR only"), form)
            self.confidential_note.setObjectName("confidential_note")
            form.layout_.addRow(self.confidential_note)
        form.add_section(self.tr("Personal and contact"))
        form.add("birth_date", self.tr("&Birth date"), DateField())
        form.add("street", self.tr("St&reet"), TextField())
        form.add("postal_code", self.tr("Postal code"), TextField())
        form.add("city", self.tr("City"), TextField())
        form.add("province", self.tr("Province"), TextField())
        form.add("country", self.tr("Country"), TextField())
        form.fields["country"].setMaxLength(2)
        form.add("phone", self.tr("Phone"), TextField())
        form.add("email", self.tr("E-&mail"), TextField())
        form.add("emergency_contact", self.tr("Emergency contact"), TextField())
        for name in ("weekly_hours", "salary", "payments_per_year", "postal_code", "country",
                     "hire_date", "end_date", "birth_date", "code"):
            if name in form.fields:
                form.fields[name].setMaximumWidth(140)

    def _build_confidential(self, form: Form) -> None:
        form.add_section(self.tr("Pay and social security (confidential)"))
        self.reveal_button = QPushButton(self.tr("Show &confidential data"), form)
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setToolTip(self.tr("Shown to HR only; each showing is recorded"))
        self.reveal_button.clicked.connect(self.action_reveal)
        form.layout_.addRow("", self.reveal_button)
        form.add("salary", self.tr("Salar&y (gross a year)"), DecimalField(2))
        form.add("payments_per_year", self.tr("Paymen&ts a year"),
                 ChoiceField([(str(n), n) for n in sorted(PAYMENTS_PER_YEAR, reverse=True)]))
        form.add("iban", self.tr("&IBAN"), TextField())
        form.add("social_security_number", self.tr("Social sec&urity no."), TextField())

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        # The banner goes right under the title: it is the first thing to read about a blocked person.
        self.banner = QLabel(self.editor)
        self.banner.setObjectName("block_banner")
        self.banner.setWordWrap(True)
        theme.style(self.banner, BANNER_STYLE)
        self.banner.hide()
        layout.insertWidget(1, self.banner)
        self.documents = None
        if self.hr:
            from ui.employees.documents import DocumentsBox

            self.documents = DocumentsBox(self.db, self.editor)
            self.documents.setObjectName("employee_documents")
            self.documents.sig_status.connect(self.sig_status)
            self.documents.today = self.today
            self.documents.sig_changed.connect(self.sig_changed)
            layout.addWidget(self.documents)

    def _add_privacy_button(self) -> None:
        from ui.employees.privacy import PrivacyButton

        self.privacy = PrivacyButton(self.db, self, self.editor)
        self.privacy.setObjectName("privacy")
        self.privacy.setVisible(self.hr)  # everything in it takes the HR role
        buttons = self.editor.layout().itemAt(self.editor.layout().count() - 1).layout()
        buttons.insertWidget(2, self.privacy)  # after Save and Archive
        self.privacy.sig_status.connect(self.sig_status)
        self.privacy.sig_employee.connect(self._on_privacy_changed)

    # -- the confidential fields ------------------------------------------------------------
    def _set_confidential(self, shown: bool, values: dict[str, Any] | None = None) -> None:
        """Fill the restricted fields (``values``) or hide them behind placeholders."""
        self.revealed = shown
        if not self.hr:
            return
        for name in RESTRICTED_FIELDS:
            widget = self.form.fields[name]
            with QSignalBlocker(widget):  # not an edit of the record
                if isinstance(widget, QComboBox):
                    widget.setPlaceholderText(CONCEALED)
                    if shown:
                        widget.set_value((values or {}).get(name))
                    else:
                        widget.setCurrentIndex(-1)
                    widget.setEnabled(shown and not self.read_only)
                else:
                    widget.set_value((values or {}).get(name) if shown else None)
                    widget.setPlaceholderText("" if shown else CONCEALED)
                    _set_read_only(widget, not shown or self.read_only)
        self.reveal_button.setEnabled(not shown and self.record_id is not None)

    def action_reveal(self) -> bool:
        """Read the confidential fields of the person open (the service records the showing)."""
        if not self.hr or self.record_id is None or self.revealed:
            return False
        try:
            data = employees.get_restricted(self.db, uuid.UUID(self.record_id))
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self._set_confidential(True, {name: getattr(data, name) for name in RESTRICTED_FIELDS})
        self.form.fields["salary"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.sig_status.emit(self.tr("Confidential data shown; the showing is recorded."))
        return True

    # -- read-only records (blocked, anonymised) ----------------------------------------------
    def _set_read_only(self, on: bool) -> None:
        self.read_only = on
        for name, widget in self.form.fields.items():
            if name in RESTRICTED_FIELDS:
                continue  # _set_confidential decides
            if isinstance(widget, QLineEdit):
                _set_read_only(widget, on)
            elif isinstance(widget, QComboBox):
                widget.setEnabled(not on)
        self.save_button.setEnabled(not on)

    def _show_banner(self, view: employees.EmployeeView | None) -> None:
        text = ""
        if view is not None and view.blocked:
            text = self.tr("Personal data blocked: {0}").replace("{0}", view.block_reason or "")
        elif view is not None and view.anonymised:
            text = self.tr("Anonymised on {0}: the personal data was erased; the record stays for what refers "
                           "to it.").replace("{0}", format_date(view.anonymised_at.date()))
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # -- RecordTab overrides ---------------------------------------------------------------
    def action_new(self) -> None:
        super().action_new()
        if self.record_id is None and self.editor_open:  # a new person: nothing stored to conceal
            self.view = None
            self._show_banner(None)
            self._set_read_only(False)
            self._set_confidential(True, {"payments_per_year": 14})
            self.privacy.set_employee(None)
            self.contracts_label.setText(self.tr("None yet: add one in the Contracts tab once the person is saved."))
            if self.documents is not None:
                self.documents.set_employee(None)

    def action_save(self) -> bool:
        if self.editor_open and self.read_only:
            self.sig_status.emit(self.tr("This record cannot be changed: {0}").replace("{0}", self.banner.text()))
            return False
        saved = super().action_save()
        if saved:
            self.load_positions()  # a new position is offered from now on
        return saved

    def open_record(self, record_id: str) -> None:
        try:
            super().open_record(record_id)
        except PermissionDeniedError as exc:  # blocked since the list was read
            self.sig_status.emit(str(exc))
            self.list.refresh()

    def _show(self, view: Any) -> None:
        self.view = view
        super()._show(view)
        self._show_banner(view)
        self._set_read_only(view.blocked or view.anonymised)
        self._set_confidential(False)
        self.archive_button.setEnabled(not view.blocked)
        self.privacy.set_employee(view)
        if self.documents is not None:
            self.documents.set_employee(None if view.anonymised else view.id, read_only=view.blocked)
        self.contracts_label.setText(self._contracts_text(view.id))

    def _contracts_text(self, employee_id: uuid.UUID) -> str:
        """"CT-00005 · Contrato temporal · Active · 11/02/2014 – 20/01/2028", newest first, one per line."""
        if not self.hr:
            return self.tr("Kept by HR")  # an employment contract's value is the salary
        rows = contracts.list_contracts(self.db, ListQuery(filters={"employee_id": employee_id}, sort="start_date",
                                                           descending=True, limit=5)).rows
        if not rows:
            return self.tr("None")
        return "\n".join(
            " · ".join(part for part in (r["reference"], r["title"], str(r["status"]).replace("_", " ").capitalize(),
                                         f"{format_date(r['start_date'])} – {format_date(r['end_date']) or '…'}")
                       if part)
            for r in rows)

    def _on_privacy_changed(self, view: employees.EmployeeView | None) -> None:
        """Blocked, unblocked or anonymised: show the record as it is now, or close it if no longer readable."""
        self.sig_changed.emit()
        if view is None:
            self.editor.hide()
            self.record_id = None
            self._set_dirty(False)
            self.list.refresh()
            return
        self._show(view)
        self.list.refresh(keep_id=str(view.id))

    # -- form <-> service -----------------------------------------------------------------
    def blank_values(self) -> dict[str, Any]:
        return {**super().blank_values(), "country": "ES", "payments_per_year": 14}

    def view_to_form(self, view) -> dict[str, Any]:
        values = super().view_to_form(view)
        try:
            values["manager_id"] = employee_value(self.db, view.manager_id)
        except PermissionDeniedError:  # the manager's own data is blocked: keep the link, show no name
            values["manager_id"] = (view.manager_id, self.tr("(blocked)"))
        offer_archived_department(self.db, self.form.fields["department_id"], view.department_id)
        return values

    def form_to_data(self, values: dict[str, Any]) -> EmployeeData:
        values = dict(values)
        for name in ("first_name", "last_name", "tax_id"):
            values[name] = values[name] or ""
        values["country"] = values["country"] or "ES"
        values["department_id"] = as_id(values["department_id"])
        values["manager_id"] = as_id(values["manager_id"])
        if not self.revealed:  # not shown, so not changed: the service keeps what it stores
            for name in RESTRICTED_FIELDS:
                values.pop(name, None)
        return EmployeeData(**values)

    def describe(self, view) -> str:
        return f"{view.code} · {view.full_name}"

    def get(self, record_id: str):
        return employees.get_employee(self.db, uuid.UUID(record_id))

    def create(self, data: EmployeeData):
        view = employees.create_employee(self.db, data, today=self._fixed_today)
        self.sig_changed.emit()
        return view

    def update(self, record_id: str, data: EmployeeData, version: int | None):
        view = employees.update_employee(self.db, uuid.UUID(record_id), data, version, today=self._fixed_today)
        self.sig_changed.emit()
        return view

    def archive(self, record_id: str):
        view = employees.archive_employee(self.db, uuid.UUID(record_id))
        self.sig_changed.emit()
        return view


def _set_read_only(widget: QLineEdit, on: bool) -> None:
    if widget.isReadOnly() != on:
        widget.setReadOnly(on)
        widget.style().unpolish(widget)  # a style sheet selects on readOnly only when polished again
        widget.style().polish(widget)
