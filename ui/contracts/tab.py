"""Contracts: the list with status, end date and what needs attention (highlighted) and the contract form.

A contract names a customer or supplier, or for an employment contract an
employee; the form shows the one field the chosen kind needs. The price
lines are edited in a small grid, and files hang under the form.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus
from app.errors import FieldError, ValidationError
from app.services import contract_lifecycle as life
from app.services import contracts, parties, reference
from app.services.contracts import ContractData
from app.services.listing import ListQuery
from ui.common import dialogs, theme
from ui.common.fields import CheckField, ChoiceField, DateField, DecimalField, NotesField, TextField, as_id
from ui.common.form import Form
from ui.common.formatting import ParseError
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column
from ui.contracts.attachments import AttachmentsBox
from ui.contracts.billing_dialog import add_billing_button
from ui.contracts.lifecycle import LifecycleBox
from ui.contracts.lines import LinesEditor, line_label
from ui.contracts.summary import SummaryAction
from ui.employees.lookup import LabelledLookup, employee_choices, employee_value

ENDING_SOON = "warning_bg"  # soft amber: needs attention (ends, or notice due, within the alert days)
OVERDUE = "error_bg"  # soft red: past its end date and still active (until the status refresh)
_RUNNING = (ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN)
_CLOSED = (ContractStatus.ENDED, ContractStatus.TERMINATED)
_PARTY_KINDS = (ContractKind.CUSTOMER, ContractKind.SUPPLIER)
_LINE_FIELD = re.compile(r"^lines\[(\d+)\]")


class ContractsTab(RecordTab):
    sig_changed = Signal()  # a contract was saved or changed status (the window's badge counts again)

    list_name = "contracts"
    default_sort = "start_date"  # the newest first: what a clerk usually comes for
    default_descending = True
    _fixed_today: dt.date | None = None
    _party_role = "customer"  # read by the party search on a worker thread; a plain str
    alert_days = life.DEFAULT_ALERT_DAYS  # the company setting, read with each page of the list

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(db, parent)
        if today is not None:  # tests, and a clerk checking "as of": the highlight and the filter agree
            self._fixed_today = today
            self.list.set_filter("today", today)

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- labels --------------------------------------------------------------------------
    def noun(self) -> str:
        return self.tr("contract")

    def noun_plural(self) -> str:
        return self.tr("contracts")

    def noun_singular(self) -> str:
        return self.tr("contract")

    def kind_labels(self) -> dict[str, str]:
        return {ContractKind.CUSTOMER.value: self.tr("Customer"), ContractKind.SUPPLIER.value: self.tr("Supplier"),
                ContractKind.EMPLOYMENT.value: self.tr("Employment")}

    def status_labels(self) -> dict[str, str]:
        return {ContractStatus.DRAFT.value: self.tr("Draft"), ContractStatus.ACTIVE.value: self.tr("Active"),
                ContractStatus.NOTICE_GIVEN.value: self.tr("Notice given"),
                ContractStatus.ENDED.value: self.tr("Ended"), ContractStatus.TERMINATED.value: self.tr("Terminated")}

    def frequency_labels(self) -> dict[str, str]:
        return {BillingFrequency.MONTHLY.value: self.tr("Monthly"),
                BillingFrequency.QUARTERLY.value: self.tr("Quarterly"),
                BillingFrequency.YEARLY.value: self.tr("Yearly"), BillingFrequency.ONE_OFF.value: self.tr("Once")}

    # -- the list ------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("reference", self.tr("Reference"), width=110),
            Column("title", self.tr("Title"), width=420),
            Column("counterparty", self.tr("With"), width=260),
            Column("kind", self.tr("Kind"), kind="choice", choices=self.kind_labels(), width=90),
            Column("status", self.tr("Status"), kind="choice", choices=self.status_labels(), width=95),
            Column("start_date", self.tr("Start"), kind="date", width=85),
            Column("end_date", self.tr("End"), kind="date", width=85),
            Column("value", self.tr("Value"), kind="money", width=100),
            Column("alert_text", self.tr("Attention"), width=150, sortable=False),
        ]

    def list_rows(self, db, query):
        # Worker thread: plain values only. The "Attention" text depends on today and the setting.
        days = self.alert_days = life.alert_days(db)
        page = contracts.list_contracts(db, query)
        today = self.today()
        for row in page.rows:
            row["alert_text"] = life.alert_text(row["status"], row["end_date"], row["notice_by"], today, days)
        return page

    def count_rows(self, db, query):
        return contracts.count_contracts(db, query)

    def row_brush(self, row: dict) -> QBrush | None:
        if not row.get("alert_text"):
            return None
        return theme.brush(OVERDUE if row["end_date"] < self.today() else ENDING_SOON)

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("kind", self.tr("All kinds"), [(t, k) for k, t in self.kind_labels().items()])
        panel.add_choice_filter("status", self.tr("All statuses"), [(t, s) for s, t in self.status_labels().items()])
        self.alerts_filter = QCheckBox(self.tr("Needs attention"), panel)
        self.alerts_filter.setObjectName("filter_alerts")
        self.alerts_filter.setToolTip(self.tr("Running contracts that end, or whose notice deadline falls, within "
                                              "the days set in the company details (30 unless changed). Amber rows "
                                              "need attention; red rows are past their end date."))
        self.alerts_filter.toggled.connect(lambda on: panel.set_filter("alerts", True if on else None))
        panel.filter_bar.addWidget(self.alerts_filter)
        self.billing_button = add_billing_button(self, panel)  # "Generate invoices…" (contract billing)

    # -- the form -------------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        kinds = [(t, k) for k, t in self.kind_labels().items()]
        form.add("kind", self.tr("&Kind"), ChoiceField(kinds))
        form.add("title", self.tr("&Title"), TextField())
        form.add("reference", self.tr("Re&ference"), TextField())
        form.fields["reference"].setMaxLength(40)
        form.add("party_id", self.tr("Cust&omer"), LabelledLookup(self._search_parties))
        form.fields["party_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        form.add("employee_id", self.tr("E&mployee"), LabelledLookup(lambda text: employee_choices(self.db, text)))
        form.fields["employee_id"].setPlaceholderText(self.tr("Type part of the name, code or NIF"))
        form.add("status", self.tr("Stat&us"), ChoiceField([(t, s) for s, t in self.status_labels().items()]))
        form.add("start_date", self.tr("Sta&rt date"), DateField())
        form.add("end_date", self.tr("&End date"), DateField())
        form.fields["end_date"].setToolTip(self.tr("Leave empty for an open-ended contract."))
        form.add("value", self.tr("Value"), DecimalField(2))
        form.add_section(self.tr("Renewal and notice"))
        form.add("auto_renew", self.tr("Renewal"), CheckField(self.tr("Renews automatically")))
        form.add("renewal_months", self.tr("Renews for (months)"), DecimalField(0))
        form.add("notice_days", self.tr("Not&ice (days)"), DecimalField(0))
        form.add_section(self.tr("Billing"))
        form.add("billing_frequency", self.tr("&Billing"),
                 ChoiceField([(t, f) for f, t in self.frequency_labels().items()], blank=self.tr("Not billed")))
        form.add("billing_day", self.tr("Billing da&y"), DecimalField(0))
        form.fields["billing_day"].setToolTip(self.tr("Day of the month, 1 to 31 (in shorter months, the last day)."))
        form.fields["status"].setToolTip(self.tr("A new contract is a draft, or active if it is already running; "
                                                 "afterwards the status changes with the buttons below."))
        form.add("indexation_percent", self.tr("Inde&xation %"), DecimalField(4))
        self.lines = LinesEditor()
        form.add("lines", self.tr("Lines"), self.lines)
        self.lines.sig_changed.connect(form.sig_edited)
        form.add("notes", self.tr("&Notes"), NotesField())
        for name in ("renewal_months", "notice_days", "billing_day", "indexation_percent", "value"):
            form.fields[name].setMaximumWidth(140)
        form.fields["kind"].currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self._on_kind_changed()

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        self.lifecycle = LifecycleBox(self.db, self.editor, today=self.today, may_act=self._may_act)
        self.lifecycle.sig_done.connect(self._on_lifecycle_done)
        layout.addWidget(self.lifecycle)
        self.attachments = AttachmentsBox(self.db, self.editor)
        self.attachments.sig_status.connect(self.sig_status)
        layout.addWidget(self.attachments)
        self.summary = SummaryAction(self.db, self.editor)  # "Summary PDF…": follows the contract shown
        self.summary.sig_status.connect(self.sig_status)
        self.attachments.sig_contract.connect(self.summary.set_contract)
        layout.addWidget(self.summary)

    def activate(self) -> None:
        super().activate()
        self.lines.set_tax_rates([(r.name, r.id) for r in reference.tax_rates(self.db)])

    def _may_act(self) -> bool:
        if self.record_id is None:
            return False
        if self.dirty:
            dialogs.inform(self, self.tr("Unsaved changes"),
                           self.tr("Save or discard the changes to this contract first."))
            return False
        return True

    def _on_lifecycle_done(self, message: str) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        self._show(self.get(record_id))
        self.list.refresh(keep_id=record_id)
        self.sig_status.emit(message)
        self.sig_changed.emit()

    def _search_parties(self, text: str) -> list[tuple[str, Any]]:
        # Runs on a worker thread: reads only the plain role string, never a widget.
        page = parties.list_parties(self.db, ListQuery(search=text, limit=20, filters={"role": self._party_role}))
        return [(f"{r['code']} · {r['legal_name']}", r["__id"]) for r in page.rows]

    def _on_kind_changed(self) -> None:
        kind = self.form.fields["kind"].value()
        by_party = kind in _PARTY_KINDS
        self._party_role = "supplier" if kind == ContractKind.SUPPLIER else "customer"
        layout = self.form.layout_
        party, employee = self.form.fields["party_id"], self.form.fields["employee_id"]
        layout.setRowVisible(party.parentWidget(), by_party)
        layout.setRowVisible(employee.parentWidget(), not by_party)
        caption = layout.labelForField(party.parentWidget())
        if caption is not None:
            caption.setText(self.tr("Su&pplier") if kind == ContractKind.SUPPLIER else self.tr("Cust&omer"))
        hidden = employee if by_party else party
        try:
            hidden.value()
        except ParseError:  # half-typed text in a field now hidden would block saving, unseen
            hidden.set_value(None)

    # -- form <-> service -----------------------------------------------------------------
    def blank_values(self) -> dict[str, Any]:
        self.attachments.set_contract(None)
        self.lifecycle.set_contract(None)
        self.form.fields["status"].setEnabled(True)
        return {**super().blank_values(), "kind": ContractKind.CUSTOMER.value, "status": ContractStatus.DRAFT.value,
                "auto_renew": False, "notice_days": 0, "lines": []}

    def view_to_form(self, view) -> dict[str, Any]:
        values = super().view_to_form(view)
        values["kind"], values["status"] = view.kind.value, view.status.value
        values["billing_frequency"] = view.billing_frequency.value if view.billing_frequency else None
        values["party_id"] = (view.party_id, self._party_label(view)) if view.party_id else None
        values["employee_id"] = employee_value(self.db, view.employee_id)
        values["lines"] = list(view.lines)
        self.attachments.set_contract(view.id)
        self.lifecycle.set_contract(view)
        self.form.fields["status"].setEnabled(False)  # changed by the lifecycle buttons only
        return values

    def _party_label(self, view) -> str:
        # The list gives the name; the code comes from the party, as in the suggestions.
        return f"{parties.get_party(self.db, view.party_id).code} · {view.counterparty}"

    def form_to_data(self, values: dict[str, Any]) -> ContractData:
        kind = values["kind"]
        by_party = kind in _PARTY_KINDS
        return ContractData(
            kind=kind, title=values["title"] or "", start_date=values["start_date"],
            party_id=as_id(values["party_id"]) if by_party else None,
            employee_id=as_id(values["employee_id"]) if not by_party else None,
            reference=values["reference"], end_date=values["end_date"], status=values["status"],
            auto_renew=values["auto_renew"], renewal_months=_whole(values["renewal_months"]),
            notice_days=_whole(values["notice_days"]), value=values["value"],
            billing_frequency=values["billing_frequency"], billing_day=_whole(values["billing_day"]),
            indexation_percent=values["indexation_percent"], notes=values["notes"], lines=values["lines"])

    def describe(self, view) -> str:
        return f"{view.reference} · {view.title}" if view.reference else view.title

    def get(self, record_id: str):
        return contracts.get_contract(self.db, uuid.UUID(record_id))

    def create(self, data: ContractData):
        try:
            view = contracts.create_contract(self.db, data)
        except ValidationError as exc:
            raise self._name_lines(exc) from None
        self.sig_changed.emit()
        return view

    def update(self, record_id: str, data: ContractData, version: int | None):
        try:
            view = contracts.update_contract(self.db, uuid.UUID(record_id), data, version)
        except ValidationError as exc:
            raise self._name_lines(exc) from None
        self.sig_changed.emit()
        return view

    def archive(self, record_id: str):
        view = contracts.archive_contract(self.db, uuid.UUID(record_id))
        self.sig_changed.emit()
        return view

    def _name_lines(self, exc: ValidationError) -> ValidationError:
        """``lines[2].quantity`` becomes "Line 3: …" under the grid, counted as the clerk sees the rows."""
        out = []
        for error in exc.errors:
            if m := _LINE_FIELD.match(error.field):
                row = self.lines.grid_row(int(m.group(1)))
                out.append(FieldError("lines", f"{line_label(row)}: {error.message}"))
            else:
                out.append(error)
        return ValidationError(out)


def _whole(value) -> int | None:
    """A DecimalField(places=0) value as the int the service expects."""
    return None if value is None else int(value)
