"""What a clerk does to an invoice beyond editing it: post, credit, cancel.

Each action is one service call in one transaction; the editor shows the
result, and a refusal comes back with the fields it is about (a customer
without NIF is marked on the customer field).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.errors import ConflictError, NegativeStockWarning, PostingQueued, TrastiendaError, ValidationError
from app.services.corrections import cancel_invoice, create_credit_note
from app.services.posting import post_invoice
from ui.common import dialogs

if TYPE_CHECKING:
    from ui.invoices.tab import InvoicesTab


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def reason_labels() -> list[tuple[str, CorrectionReason]]:
    return [
        (tr("R1 · Error founded in law (art. 80 Uno, Dos, Seis LIVA)"), CorrectionReason.R1),
        (tr("R2 · Customer in insolvency proceedings (art. 80 Tres)"), CorrectionReason.R2),
        (tr("R3 · Uncollectable debt (art. 80 Cuatro)"), CorrectionReason.R3),
        (tr("R4 · Any other cause"), CorrectionReason.R4),
    ]


class InvoiceActions:
    """The Post / Credit note / Cancel buttons under the invoice editor."""

    def __init__(self, tab: InvoicesTab, parent: QWidget):
        self.tab = tab
        self.post_button = QPushButton(tr("&Post…"), parent)
        self.post_button.setObjectName("post")
        self.post_button.setToolTip(tr("Number this draft and freeze it (Ctrl+Shift+P)"))
        self.credit_button = QPushButton(tr("Credit &note…"), parent)
        self.credit_button.setObjectName("credit_note")
        self.cancel_button = QPushButton(tr("Ca&ncel invoice…"), parent)
        self.cancel_button.setObjectName("cancel_invoice")
        self.pay_button = QPushButton(tr("Record pa&yment…"), parent)
        self.pay_button.setObjectName("record_payment")
        self.row = QHBoxLayout()
        for button in (self.post_button, self.pay_button, self.credit_button, self.cancel_button):
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.post_button.clicked.connect(self.post)
        self.credit_button.clicked.connect(self.credit_note)
        self.cancel_button.clicked.connect(self.cancel)
        self.pay_button.clicked.connect(self.pay)

    def update(self) -> None:
        view = self.tab.view
        draft = view is None or view.status == InvoiceStatus.DRAFT
        posted = view is not None and view.status == InvoiceStatus.POSTED
        self.post_button.setVisible(draft)
        self.credit_button.setVisible(posted and view.kind != InvoiceKind.CREDIT_NOTE)
        self.cancel_button.setVisible(posted)
        self.pay_button.setVisible(posted and view.kind != InvoiceKind.CREDIT_NOTE and view.outstanding > 0)

    # -- post ---------------------------------------------------------------------------------
    def post(self) -> bool:
        tab = self.tab
        if not tab.editor_open or tab.read_only:
            return False
        if (tab.dirty or tab.record_id is None) and not tab.action_save():
            return False  # the draft must be saved (and valid) before it is numbered
        view = tab.view
        if not dialogs.confirm(tab, tr("Post invoice"), tr(
                "Post this invoice for {who}? It gets the next number of its series and can no longer be "
                "changed; corrections are made with a credit note.").replace("{who}", view.party_name or "—"),
                yes=tr("Post"), no=tr("Not yet")):
            return False
        try:
            posted = self._short_of_stock_ok(
                lambda allow: post_invoice(tab.db, view.id, tab.version, allow_negative=allow), tr("Post"))
            if posted is None:
                return False
        except ValidationError as exc:
            tab.form.show_errors(exc)
            tab.sig_status.emit(tr("Not posted: see the marked fields."))
            return False
        except ConflictError as exc:
            dialogs.inform(tab, tr("Not posted"), str(exc))
            return False
        except PostingQueued:
            dialogs.inform(tab, tr("Posted at the next sync"), tr(
                "You are working offline. This draft is checked and will be posted, with the next number of its "
                "series, as soon as this computer syncs with the server. Invoices of the series kept for this "
                "computer are numbered and printed at once."))
            tab.sig_status.emit(tr("Draft waiting to be posted at the next sync."))
            return False
        except TrastiendaError as exc:
            tab.form.show_general(str(exc))
            return False
        tab.show_view(posted)
        tab.sig_status.emit(tr("Posted invoice {0}.").replace("{0}", posted.full_number))
        return True

    def _short_of_stock_ok(self, run, doing: str):
        """``run(allow_negative)``; when stock would go below zero, list the shortages and ask first.

        None when the clerk says no (nothing was written).
        """
        try:
            return run(False)
        except NegativeStockWarning as warning:
            lines = "\n".join(f"• {s}" for s in warning.shortages)
            if not dialogs.confirm(self.tab, tr("Not enough stock"), tr(
                    "There is not enough stock for this:\n{0}\n\nThe warehouse will show a shortage until "
                    "the goods are received. Go ahead?").replace("{0}", lines), yes=doing, no=tr("Go back")):
                self.tab.sig_status.emit(tr("Nothing done: not enough stock."))
                return None
            return run(True)

    # -- credit note ----------------------------------------------------------------------------
    def credit_note(self) -> None:
        tab, view = self.tab, self.tab.view
        if view is None or view.status != InvoiceStatus.POSTED:
            return
        if view.kind == InvoiceKind.SIMPLIFIED:
            reason = CorrectionReason.R5  # the one reason for simplified invoices
        else:
            reason = dialogs.choose(tab, tr("Credit note"), tr("Why is invoice {0} corrected?")
                                    .replace("{0}", view.full_number), reason_labels())
            if reason is None:
                return
        try:
            draft = create_credit_note(tab.db, view.id, reason)
        except TrastiendaError as exc:
            dialogs.inform(tab, tr("No credit note"), str(exc))
            return
        tab.show_view(draft)
        tab.sig_status.emit(tr("Draft credit note for {0}: remove the lines or lower the quantities you do not "
                               "take back, then post it.").replace("{0}", view.full_number))

    # -- cancel -------------------------------------------------------------------------------------
    def cancel(self) -> None:
        tab, view = self.tab, self.tab.view
        if view is None or view.status != InvoiceStatus.POSTED:
            return
        reason = dialogs.ask_text(tab, tr("Cancel invoice"), tr(
            "Cancel (anular) invoice {0}? It keeps its number and is recorded as cancelled. Why?")
            .replace("{0}", view.full_number))
        if reason is None:
            return
        try:
            cancelled = self._short_of_stock_ok(
                lambda allow: cancel_invoice(tab.db, uuid.UUID(str(view.id)), reason, tab.version,
                                             allow_negative=allow), tr("Cancel invoice"))
            if cancelled is None:
                return
        except TrastiendaError as exc:
            dialogs.inform(tab, tr("Not cancelled"), str(exc))
            return
        tab.show_view(cancelled)
        tab.sig_status.emit(tr("Cancelled invoice {0}.").replace("{0}", cancelled.full_number))

    # -- payment -------------------------------------------------------------------------------
    def pay(self, dialog_runner=None) -> None:
        """Ask for the payment; ``dialog_runner(dialog)`` replaces ``exec`` in tests."""
        from ui.invoices.payment_dialog import PaymentDialog

        tab, view = self.tab, self.tab.view
        if view is None or view.status != InvoiceStatus.POSTED:
            return
        dialog = PaymentDialog(tab.db, view, tab)
        (dialog_runner or (lambda d: d.exec()))(dialog)
        if dialog.recorded is not None:
            from app.services.invoices import get_invoice

            tab.show_view(get_invoice(tab.db, view.id))
            tab.sig_status.emit(tr("Recorded a payment on {0}.").replace("{0}", view.full_number))
