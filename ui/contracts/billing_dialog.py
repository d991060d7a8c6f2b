"""Contracts > Generate invoices…: preview the periods due up to a date, bill them off the GUI thread.

The preview and the run both go through ``app.services.contract_billing`` in
a worker (``run_in_background``); the worker reports progress through a Qt
signal queued to the GUI thread and is stopped through a ``threading.Event``
checked between periods, never by touching a widget.
"""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.services.contract_billing import BillingResult, DuePeriod, due_periods, generate_invoices, \
    invoices_posted_by_default
from ui.common import theme
from ui.common.fields import ChoiceField, DateField
from ui.common.formatting import ParseError, format_date, format_decimal
from ui.common.worker import run_in_background


class BillingDialog(QDialog):
    sig_progress = Signal(int, int)  # emitted on the worker thread; queued to the GUI thread
    sig_billed = Signal(object)  # BillingResult, once a run ends (the tab refreshes its list)

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.due: list[DuePeriod] = []
        self.result: BillingResult | None = None
        self.running = False
        self.cancel_event = threading.Event()
        self.setWindowTitle(self.tr("Generate invoices"))
        self.resize(820, 520)

        self.until = DateField(self)
        self.until.setObjectName("until")
        self.until.set_value(self.today)
        self.until.editingFinished.connect(self.refresh)
        self.mode = ChoiceField([(self.tr("Drafts (post them later)"), False), (self.tr("Posted (numbered)"), True)],
                                parent=self)
        self.mode.setObjectName("mode")
        self.until_error = QLabel(self)
        theme.style(self.until_error, "color: $error_text;")
        form = QFormLayout()
        form.addRow(self.tr("Bill &up to"), self.until)
        form.addRow("", self.until_error)
        form.addRow(self.tr("&Invoices"), self.mode)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("due_periods")
        self.table.setHorizontalHeaderLabels([self.tr("Contract"), self.tr("Customer"), self.tr("Period"),
                                              self.tr("Invoice date"), self.tr("Amount (base)")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self.tr("Reading the periods due…"), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.failures = QPlainTextEdit(self)
        self.failures.setObjectName("failures")
        self.failures.setReadOnly(True)
        self.failures.setVisible(False)
        self.failures.setMaximumHeight(120)

        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setObjectName("generate")
        self.generate_button.setEnabled(False)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._on_cancel)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome)
        layout.addWidget(self.failures)
        layout.addLayout(row)
        self.sig_progress.connect(self._on_progress)
        run_in_background(lambda: invoices_posted_by_default(db), self._on_setting, lambda _exc: None, self)
        self.refresh()

    # -- preview ------------------------------------------------------------------------------------
    def _until(self) -> dt.date | None:
        try:
            value = self.until.value()
        except ParseError as exc:
            self.until_error.setText(str(exc))
            self.until.mark_error(str(exc))
            return None
        if value is None:
            self.until_error.setText(self.tr("Choose the date to bill up to."))
            self.until.mark_error(self.until_error.text())
            return None
        self.until_error.setText("")
        self.until.mark_error(None)
        return value

    def refresh(self) -> None:
        if self.running:
            return
        until = self._until()
        self.generate_button.setEnabled(False)
        if until is None:
            return
        self.summary.setText(self.tr("Reading the periods due…"))
        run_in_background(lambda: due_periods(self.db, until), self._on_due, self._on_failed, self)

    def _on_setting(self, posted: bool) -> None:
        self.mode.set_value(bool(posted))

    def _on_due(self, due: list[DuePeriod]) -> None:
        self.due = due
        self.table.setRowCount(len(due))
        for r, d in enumerate(due):
            p = d.period
            period = f"{format_date(p.start)} – {format_date(p.end)}"
            if p.partial:
                period += f" ({p.days}/{p.full_days})"
            cells = [d.reference or d.title, d.customer, period, format_date(p.invoice_date), format_decimal(d.base, 2)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        total = sum((d.base for d in due), start=type(due[0].base)(0)) if due else 0
        self.summary.setText(self.tr("{n} periods due, {total} EUR before tax.").replace("{n}", str(len(due)))
                             .replace("{total}", format_decimal(total, 2)) if due
                             else self.tr("Nothing to bill up to this date."))
        self.generate_button.setEnabled(bool(due))

    def _on_failed(self, exc: Exception) -> None:
        self.running = False
        self.progress.setVisible(False)
        self.summary.setText(str(exc))
        self.cancel_button.setText(self.tr("Close"))

    # -- run --------------------------------------------------------------------------------------
    def generate(self) -> None:
        until = self._until()
        if until is None or not self.due or self.running:
            return
        post = bool(self.mode.value())
        self.running = True
        self.cancel_event.clear()
        self.generate_button.setEnabled(False)
        self.until.setEnabled(False)
        self.mode.setEnabled(False)
        self.progress.setRange(0, len(self.due))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.outcome.setText(self.tr("Billing…"))
        run_in_background(
            lambda: generate_invoices(self.db, until, post=post, progress=self.sig_progress.emit,
                                      cancelled=self.cancel_event.is_set),
            self._on_done, self._on_failed, self)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_done(self, result: BillingResult) -> None:
        self.running = False
        self.result = result
        self.progress.setVisible(False)
        self.until.setEnabled(True)
        self.mode.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        parts = [self.tr("{n} invoices made.").replace("{n}", str(len(result.billed)))]
        if result.drafts_posted:
            parts.append(self.tr("{n} earlier drafts posted.").replace("{n}", str(result.drafts_posted)))
        if result.already_billed:
            parts.append(self.tr("{n} periods were already billed by someone else.")
                         .replace("{n}", str(result.already_billed)))
        if result.cancelled:
            parts.append(self.tr("Cancelled: the rest is still due."))
        if result.failed:
            parts.append(self.tr("{n} problems:").replace("{n}", str(len(result.failed))))
        self.outcome.setText(" ".join(parts))
        self.failures.setVisible(bool(result.failed))
        self.failures.setPlainText("\n".join(
            f"{f.reference or f.title} {format_date(f.period_start)}–{format_date(f.period_end)}: {f.message}"
            + (self.tr(" (kept as a draft)") if f.draft_kept else "") for f in result.failed))
        self.sig_billed.emit(result)
        self.refresh()

    def _on_cancel(self) -> None:
        if self.running:
            self.cancel_event.set()
            self.outcome.setText(self.tr("Stopping after the current period…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.running:  # Esc while billing: stop between periods, keep the dialog until it has
            self._on_cancel()
            return
        super().reject()


def add_billing_button(tab, panel) -> QPushButton:
    """The contracts tab's hook: a "Generate invoices…" button on the list's filter bar; the list
    is read again after a run (billed_until moved on)."""
    button = QPushButton(QCoreApplication.translate("BillingDialog", "Generate invoices…"), panel)
    button.setObjectName("generate_invoices")
    button.setToolTip(QCoreApplication.translate(
        "BillingDialog", "Invoice every contract period due up to a date, each period once"))

    def open_dialog() -> None:
        dialog = BillingDialog(tab.db, tab, today=getattr(tab, "_fixed_today", None))
        dialog.sig_billed.connect(lambda _result: panel.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tab.billing_dialog = dialog
        dialog.open()

    button.clicked.connect(open_dialog)
    panel.filter_bar.addWidget(button)
    return button
