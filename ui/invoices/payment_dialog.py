"""Record a payment received against a posted invoice: date, amount, method, reference."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.enums import PaymentMethod
from app.errors import TrastiendaError, ValidationError
from app.services.invoices import InvoiceView
from app.services.payments import PaymentData, record_payment
from ui.common.fields import ChoiceField, DateField, DecimalField, TextField
from ui.common.form import Form
from ui.common.formatting import format_decimal


class PaymentDialog(QDialog):
    def __init__(self, db: Database, invoice: InvoiceView, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.invoice = invoice
        self.recorded = None
        self.setWindowTitle(self.tr("Payment of {0}").replace("{0}", invoice.full_number or ""))
        owed = QLabel(self.tr("Still owed: {0}").replace("{0}", format_decimal(invoice.outstanding, 2)), self)
        self.form = Form(self)
        self.form.add("date", self.tr("&Date"), DateField())
        self.form.add("amount", self.tr("&Amount"), DecimalField(2))
        labels = {PaymentMethod.TRANSFER: self.tr("Bank transfer"), PaymentMethod.CASH: self.tr("Cash"),
                  PaymentMethod.CARD: self.tr("Card"), PaymentMethod.DIRECT_DEBIT: self.tr("Direct debit"),
                  PaymentMethod.OTHER: self.tr("Other")}
        self.form.add("method", self.tr("&Method"), ChoiceField([(labels[m], m.value) for m in labels]))
        self.form.add("reference", self.tr("&Reference"), TextField())
        self.form.load({"date": dt.date.today(), "amount": invoice.outstanding, "method": PaymentMethod.TRANSFER.value})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(owed)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            values = self.form.values()
            self.recorded = record_payment(self.db, uuid.UUID(str(self.invoice.id)), PaymentData(**values))
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.accept()
        return True
