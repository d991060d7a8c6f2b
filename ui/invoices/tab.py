"""Invoices: the list, and the draft editor with its line grid and live totals.

A draft is edited freely; a posted or cancelled invoice opens read-only (it is
corrected with a credit note, never edited). Delete on a draft deletes it after
a confirmation; on a posted invoice it says why it cannot.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from app.domain.enums import InvoiceKind, InvoiceStatus
from app.errors import ConflictError, NotFoundError, TrastiendaError, ValidationError
from app.money import ZERO
from app.services import inventory, invoices, parties, reference, series
from app.services.invoices import InvoiceData, InvoiceView
from app.services.listing import ListQuery
from app.services.totals import Totals
from ui.common import dialogs, theme
from ui.common.fields import CheckField, ChoiceField, DateField, LookupField, NotesField
from ui.common.form import Form
from ui.common.formatting import format_date, format_decimal
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column
from ui.invoices.actions import InvoiceActions
from ui.invoices.lines_editor import LinesEditor
from ui.invoices.lines_model import LineRow
from ui.invoices.pickers import CustomerPicker, ProductPicker
from ui.invoices.printing import InvoicePrinting
from ui.invoices.totals_panel import TotalsPanel

_BRUSHES = {"draft": "pending_bg", "cancelled": "inactive_bg", "overdue": "error_bg"}  # theme colours
_KEPT = ("operation_date", "corrected_invoice_id", "correction_reason")  # not on this form; kept as they are


class InvoicesTab(RecordTab):
    list_name = "invoices"
    default_sort = "issue_date"
    default_descending = True

    view: InvoiceView | None = None
    read_only = False
    _quiet = 0  # > 0 while the tab itself changes fields (not an edit by the clerk)
    _kept: dict[str, Any] = {}
    _widened = False

    # -- the list -------------------------------------------------------------------------
    def noun(self) -> str:
        return self.tr("invoice")

    def noun_plural(self) -> str:
        return self.tr("invoices")

    def noun_singular(self) -> str:
        return self.tr("invoice")

    def status_labels(self) -> dict[str, str]:
        return {InvoiceStatus.DRAFT.value: self.tr("Draft"), InvoiceStatus.POSTED.value: self.tr("Posted"),
                InvoiceStatus.CANCELLED.value: self.tr("Cancelled")}

    def state_labels(self) -> dict[str, str]:
        return {"draft": self.tr("Draft"), "unpaid": self.tr("Unpaid"), "partly_paid": self.tr("Partly paid"),
                "paid": self.tr("Paid"), "overdue": self.tr("Overdue"), "cancelled": self.tr("Cancelled"),
                "credit_note": self.tr("Posted")}

    def kind_labels(self) -> dict[str, str]:
        return {InvoiceKind.INVOICE.value: self.tr("Invoice"), InvoiceKind.SIMPLIFIED.value: self.tr("Simplified"),
                InvoiceKind.CREDIT_NOTE.value: self.tr("Credit note")}

    def columns(self) -> list[Column]:
        return [
            Column("full_number", self.tr("Number"), width=100),
            Column("issue_date", self.tr("Date"), "date", width=80),
            Column("party_name", self.tr("Customer"), width=180),
            Column("party_tax_id", self.tr("NIF"), width=120),
            # Status refined by payments and the due date, computed in SQL (not sortable).
            Column("state", self.tr("Status"), "choice", width=84, choices=self.state_labels(), sortable=False),
            Column("kind", self.tr("Kind"), "choice", width=78, choices=self.kind_labels()),
            Column("base_total", self.tr("Base"), "money", width=88),
            Column("total", self.tr("Total"), "money", width=88),
            Column("due_date", self.tr("Due"), "date", width=82),
        ]

    def list_rows(self, db, query):
        return invoices.list_invoices(db, query)

    def count_rows(self, db, query):
        return invoices.count_invoices(db, query)

    def row_brush(self, row: dict):
        state = row.get("state")
        return theme.brush(_BRUSHES[state]) if state in _BRUSHES else None

    def add_filters(self, panel: ListPanel) -> None:
        states = [(t, v) for v, t in self.state_labels().items() if v != "credit_note"]
        panel.add_choice_filter("state", self.tr("All statuses"), states)
        panel.add_date_range("date_from", "date_to")

    # -- the editor -----------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        self.products = ProductPicker(self.db)
        self.customers = CustomerPicker(self.db)
        self.party = form.add("party_id", self.tr("C&ustomer"), LookupField(self.customers.search))
        self.party.setPlaceholderText(self.tr("Type part of the name or NIF"))
        self.kind = form.add("kind", self.tr("&Kind"), ChoiceField())
        self.series_field = form.add("series_id", self.tr("Se&ries"), ChoiceField(blank=self.tr("Default series")))
        form.add("issue_date", self.tr("Issue &date"), DateField())
        due = form.add("due_date", self.tr("Due da&te"), DateField())
        due.setPlaceholderText(self.tr("From the payment terms"))
        self.warehouse = form.add("warehouse_id", self.tr("&Warehouse"),
                                  ChoiceField(blank=self.tr("Default warehouse")))
        self.moves_stock = form.add("moves_stock", self.tr("Stock"), CheckField(self.tr("Mo&ves stock")))
        self.moves_stock.setToolTip(self.tr(
            "Posting delivers the products of this invoice from the warehouse (a credit note takes them back "
            "into it). Untick it when the goods left on a delivery note, or a credit note only corrects a price."))
        self.moves_stock.setChecked(True)
        notes = form.add("notes", self.tr("&Notes"), NotesField())
        notes.setFixedHeight(48)
        self._set_kinds(with_credit_note=False)
        self.party.sig_chosen.connect(self._on_customer)
        self.kind.currentIndexChanged.connect(self._on_kind)

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        self.banner = QLabel(self.editor)
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        theme.style(self.banner, "background: $info_bg; padding: 4px; border-radius: 3px;")
        self.banner.hide()
        layout.insertWidget(1, self.banner)
        # The header is short: the grid gets the height, the header only what it needs.
        scroll = self.form.parentWidget().parentWidget()
        if isinstance(scroll, QScrollArea):
            layout.setStretchFactor(scroll, 0)
            scroll.setMinimumHeight(self.form.sizeHint().height() + 4)

        self.lines = LinesEditor(self.products, self.editor)
        caption = self.lines_caption = QLabel(self.tr("&Lines (Enter moves on, Delete removes a line)"), self.editor)
        caption.setBuddy(self.lines.view)
        self.lines.view.setAccessibleName(self.tr("Lines"))
        # The grid is the form's "lines" field: read with the others, errors under it.
        self.form.fields["lines"] = self.lines
        self.form.errors["lines"] = self.lines.error_label
        self.lines.sig_edited.connect(self.form.sig_edited)
        self.lines.model.sig_changed.connect(self._update_totals)

        self.totals = TotalsPanel(self.editor)
        layout.addWidget(caption)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.totals)
        QWidget.setTabOrder(self.form.fields["notes"], self.lines.view)
        QWidget.setTabOrder(self.lines.view, self.save_button)
        self.actions = InvoiceActions(self, self.editor)
        layout.addLayout(self.actions.row)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self.editor, self.actions.post)
        self.printing = InvoicePrinting(self, self.list)
        self.list.layout().addLayout(self.printing.row)
        self.archive_button.setText(self.tr("Delete dr&aft…"))
        self.archive_button.setToolTip(self.tr("Delete this draft (Delete)"))

    def activate(self) -> None:
        super().activate()
        self._load_reference()

    def _load_reference(self) -> None:
        self.lines.model.set_rates(reference.tax_rates(self.db))
        self._series = series.list_series(self.db)
        rows = inventory.list_warehouses(self.db, ListQuery(limit=500, sort="code")).rows
        self.warehouse.set_choices([(f"{r['code']} · {r['name']}", r["__id"]) for r in rows])
        self._quiet += 1
        try:
            self._on_kind()
        finally:
            self._quiet -= 1

    # -- the actions ----------------------------------------------------------------------
    def action_new(self) -> None:
        if not self._may_leave():
            return
        self._set_dirty(False)  # asked already; the base class must not ask again
        self._prepare(None)
        super().action_new()
        self.actions.update()
        self._widen()

    def action_save(self) -> bool:
        if not self.editor_open:
            return False
        self.lines.commit_editor()  # Ctrl+S with a cell still open saves what it shows
        if self.read_only:
            self.sig_status.emit(self.tr("A posted invoice cannot be changed; correct it with a credit note."))
            return False
        self.lines.model.clear_service_errors()
        return super().action_save()

    def action_preview(self):
        return self.printing.preview()

    def action_print(self) -> None:
        self.printing.print_current()

    def action_close(self) -> None:
        if self.lines.editing():
            self.lines.close_editor()  # Esc in a cell drops the cell's typing, not the invoice
            self.lines.view.setFocus()
            return
        super().action_close()

    def open_record(self, record_id: str) -> None:
        super().open_record(record_id)
        if self.editor_open:
            self._widen()

    def archive_record(self, record_id: str) -> None:
        """Delete on an invoice: a draft is deleted after a confirmation; a posted one never."""
        try:
            view = invoices.get_invoice(self.db, uuid.UUID(record_id))
        except NotFoundError as exc:
            self.sig_status.emit(str(exc))
            self.list.refresh()
            return
        if view.status != InvoiceStatus.DRAFT:
            dialogs.inform(self, self.tr("Cannot delete"), self.tr(
                "Invoice {number} is {status}: posted invoices are kept for ever and cannot be deleted. "
                "Correct a posted invoice with a credit note.").replace("{number}", view.full_number or "")
                .replace("{status}", self.status_labels()[view.status.value].lower()))
            return
        if not dialogs.confirm(self, self.tr("Delete draft"), self.tr(
                "Delete the draft invoice for {customer} of {date} ({total})? This cannot be undone.")
                .replace("{customer}", view.party_name or self.tr("no customer"))
                .replace("{date}", format_date(view.issue_date)).replace("{total}", format_decimal(view.total, 2))):
            return
        try:
            invoices.delete_draft(self.db, view.id, view.version)
        except ConflictError:
            dialogs.inform(self, self.tr("Not deleted"), self.tr(
                "Someone else changed this draft a moment ago. Look at it again before deleting it."))
            self.list.refresh()
            return
        except TrastiendaError as exc:
            dialogs.inform(self, self.tr("Not deleted"), str(exc))
            return
        if self.record_id == record_id:
            self.editor.hide()
            self.record_id = None
            self._set_dirty(False)
        self.list.refresh()
        self.list.table.setFocus()
        self.sig_status.emit(self.tr("Deleted the draft for {0}.").replace("{0}", view.party_name or self.tr("no customer")))

    # -- RecordTab hooks ------------------------------------------------------------------
    def blank_values(self) -> dict[str, Any]:
        return {"party_id": None, "kind": InvoiceKind.INVOICE.value, "series_id": None,
                "issue_date": dt.date.today(), "due_date": None, "notes": None, "lines": []}

    def _show(self, view: InvoiceView) -> None:
        self._prepare(view)
        super()._show(view)
        self.archive_button.setEnabled(not self.read_only)
        self.actions.update()

    def show_view(self, view: InvoiceView) -> None:
        """Open ``view`` in the editor (after posting, crediting, cancelling) and find it in the list."""
        self._show(view)
        self.editor.show()
        self._widen()
        self.list.refresh(keep_id=str(view.id))

    def view_to_form(self, view: InvoiceView) -> dict[str, Any]:
        known = self.products.many(line.product_id for line in view.lines if line.product_id)
        rows = [LineRow(product_id=line.product_id, product=known.get(line.product_id), description=line.description,
                        quantity=line.quantity, unit_price=line.unit_price, discount_percent=line.discount_percent,
                        tax_rate_id=line.tax_rate_id, stored_amount=line.amount, tax_percent=line.tax_percent)
                for line in view.lines]
        label = f"{view.party_name} [{view.party_tax_id}]" if view.party_tax_id else view.party_name
        party = (view.party_id, label) if view.party_id else None
        return {"party_id": party, "kind": view.kind.value, "series_id": view.series_id,
                "issue_date": view.issue_date, "due_date": view.due_date, "notes": view.notes, "lines": rows,
                "warehouse_id": view.warehouse_id, "moves_stock": view.moves_stock}

    def form_to_data(self, values: dict[str, Any]) -> InvoiceData:
        return InvoiceData(issue_date=values["issue_date"], party_id=values["party_id"], lines=values["lines"],
                           kind=values["kind"] or InvoiceKind.INVOICE, series_id=values["series_id"],
                           due_date=values["due_date"], notes=values["notes"], warehouse_id=values["warehouse_id"],
                           moves_stock=values["moves_stock"], **self._kept)

    def describe(self, view: InvoiceView) -> str:
        who = view.party_name or self.tr("no customer")
        if view.status == InvoiceStatus.DRAFT:
            return self.tr("Draft {kind} · {who}").replace("{kind}", self.kind_labels()[view.kind.value].lower()) \
                .replace("{who}", who)
        return f"{view.full_number} · {self.status_labels()[view.status.value]} · {who}"

    def get(self, record_id: str) -> InvoiceView:
        return invoices.get_invoice(self.db, uuid.UUID(record_id))

    def create(self, data: InvoiceData) -> InvoiceView:
        return self._saving(lambda: invoices.create_draft(self.db, data))

    def update(self, record_id: str, data: InvoiceData, version: int | None) -> InvoiceView:
        return self._saving(lambda: invoices.update_draft(self.db, uuid.UUID(record_id), data, version))

    def archive(self, record_id: str) -> None:
        invoices.delete_draft(self.db, uuid.UUID(record_id))

    # -- internals ------------------------------------------------------------------------
    def _saving(self, save) -> InvoiceView:
        try:
            return save()
        except ValidationError as exc:
            # Line errors mark their cells and are re-worded "Line 3, Quantity: …" for the form.
            raise ValidationError(self.lines.show_service_errors(exc)) from exc

    def _may_leave(self) -> bool:
        if self.editor_open:
            self.lines.commit_editor()  # a cell still being typed counts as a change to keep or discard
        return super()._may_leave()

    def _on_edited(self) -> None:
        if not self._quiet:
            super()._on_edited()

    def _prepare(self, view: InvoiceView | None) -> None:
        """Before a form load: read-only or not, the customer's tax profile, what is kept unseen."""
        self._quiet += 1
        try:
            self._prepare_quietly(view)
        finally:
            self._quiet -= 1

    def _prepare_quietly(self, view: InvoiceView | None) -> None:
        if not self.lines.model.rates:
            self._load_reference()
        self.view = view
        self.read_only = view is not None and view.status != InvoiceStatus.DRAFT
        self._kept = {key: getattr(view, key) for key in _KEPT} if view is not None else {}
        self._set_kinds(with_credit_note=view is not None and view.kind == InvoiceKind.CREDIT_NOTE)
        self.lines.set_read_only(self.read_only)
        for name, widget in self.form.fields.items():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(self.read_only)
            elif name != "lines":
                widget.setEnabled(not self.read_only and not (name == "kind" and view is not None
                                                               and view.kind == InvoiceKind.CREDIT_NOTE))
        if self.read_only:
            self.lines.model.set_profile(view.recargo_equivalencia, view.irpf_percent)
            self.banner.setText(self.tr("This invoice is {status}: it cannot be changed. Corrections are made "
                                        "with a credit note.").replace(
                "{status}", self.status_labels()[view.status.value].lower()))
        elif view is not None and view.party_id is not None:
            self._on_customer(view.party_id)
        else:
            self.lines.model.set_profile(False, None)
        self.banner.setVisible(self.read_only)
        self.save_button.setEnabled(not self.read_only)
        self.lines_caption.setText(self.tr("&Lines") if self.read_only else
                                   self.tr("&Lines (Enter moves on, Delete removes a line)"))

    def _set_kinds(self, with_credit_note: bool) -> None:
        kinds = [InvoiceKind.INVOICE, InvoiceKind.SIMPLIFIED] + ([InvoiceKind.CREDIT_NOTE] if with_credit_note else [])
        labels = self.kind_labels()
        self.kind.set_choices([(labels[k.value], k.value) for k in kinds])

    def _on_kind(self, *_args) -> None:
        kind = self.kind.value() or InvoiceKind.INVOICE.value
        self.series_field.set_choices([(f"{s.code} · {s.name}", s.id) for s in getattr(self, "_series", [])
                                       if s.kind.value == kind])

    def _on_customer(self, party_id: Any) -> None:
        """The customer's recargo and IRPF decide the totals, as they will on saving."""
        if party_id is None:
            self.lines.model.set_profile(False, None)
            return
        try:
            party = parties.get_party(self.db, uuid.UUID(str(party_id)))
        except NotFoundError:
            self.lines.model.set_profile(False, None)
            return
        self.lines.model.set_profile(bool(party.recargo_equivalencia), party.irpf_percent)

    def _update_totals(self) -> None:
        if self.read_only and self.view is not None:
            v = self.view
            totals = Totals(line_amounts=tuple(line.amount for line in v.lines), groups=v.tax_groups,
                            base=v.base_total, tax=v.tax_total, recargo=v.recargo_total,
                            irpf_percent=v.irpf_percent or ZERO, irpf=v.irpf_total, total=v.total)
            self.totals.show_totals(totals)
            return
        totals, left_out = self.lines.model.totals()
        self.totals.show_totals(totals, left_out)

    def _widen(self) -> None:
        # The editor needs room for the grid: the first time it opens it takes most of the width.
        if not self._widened:
            self._widened = True
            width = max(self.splitter.width(), 1000)
            self.splitter.setSizes([int(width * 0.46), int(width * 0.54)])

