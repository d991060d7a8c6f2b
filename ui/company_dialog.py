"""File > Company details: the issuer every invoice prints and every VERI*FACTU record carries."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.enums import LimitPolicy, NegativeStockPolicy
from app.errors import ConflictError, TrastiendaError, ValidationError
from app.services.company import CompanyData, find_company, save_company
from ui.common.fields import CheckField, ChoiceField, DecimalField, TextField
from ui.common.form import Form
from ui.common.logo_field import LogoField

NUMBER_FIELDS = ("contract_alert_days", "attachment_limit_mb", "leave_days_per_year", "hr_retention_years",
                 "document_alert_days")


class CompanyDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Company details"))
        self.form = Form(self)
        f = self.form
        f.add("legal_name", self.tr("&Legal name"), TextField())
        f.add("trade_name", self.tr("&Trade name"), TextField())
        f.add("tax_id", self.tr("&NIF"), TextField())
        f.add("street", self.tr("St&reet"), TextField())
        f.add("postal_code", self.tr("&Postal code"), TextField())
        f.add("city", self.tr("Cit&y"), TextField())
        f.add("province", self.tr("Pro&vince"), TextField())
        f.add("country", self.tr("C&ountry"), TextField())
        f.add("email", self.tr("&E-mail"), TextField())
        f.add("phone", self.tr("P&hone"), TextField())
        f.add("iban", self.tr("&IBAN (printed for payment)"), TextField())
        f.add("logo", self.tr("Lo&go"), LogoField())
        f.add("simplified_invoice_limit", self.tr("Si&mplified invoices up to"), ChoiceField([
            (self.tr("400 EUR (general rule)"), Decimal(400)),
            (self.tr("3,000 EUR (sectors of RD 1619/2012 art. 4.2)"), Decimal(3000))]))
        f.add("verifactu_production", self.tr("VERI*FACTU"),
              CheckField(self.tr("QR codes point at the AEAT's production site (not its test site)")))
        f.add("negative_stock", self.tr("Negative stoc&k"), ChoiceField([
            (self.tr("Warn and ask before recording it"), NegativeStockPolicy.WARN.value),
            (self.tr("Refuse"), NegativeStockPolicy.REFUSE.value)]))
        f.fields["negative_stock"].setToolTip(self.tr(
            "A delivery, transfer or invoice that would leave a warehouse with less than nothing: "
            "ask the clerk first, or never allow it."))
        f.add("contract_alert_days", self.tr("Contract &alerts (days ahead)"), DecimalField(places=0))
        f.add("contract_invoices_posted", self.tr("Contract invoices"),
              CheckField(self.tr("\"Generate invoices\" posts them (otherwise they stay drafts)")))
        f.add("attachment_limit_mb", self.tr("Largest attachment (M&B)"), DecimalField(places=0))
        self._add_employee_settings(f)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.version: int | None = None
        current = find_company(db)
        if current is not None:
            self.version = current.version
            self.form.load({name: Decimal(value) if name in NUMBER_FIELDS else value
                            for name in self.form.fields for value in [getattr(current, name)]})
        else:
            self.form.load({"country": "ES", "simplified_invoice_limit": Decimal(400), "verifactu_production": False,
                            "negative_stock": NegativeStockPolicy.WARN.value, "contract_alert_days": Decimal(30),
                            "contract_invoices_posted": False, "attachment_limit_mb": Decimal(20),
                            "leave_days_per_year": Decimal(22), "leave_over_balance": LimitPolicy.WARN.value,
                            "hr_retention_years": Decimal(4), "document_alert_days": Decimal(30)})

    def _add_employee_settings(self, f: Form) -> None:
        """Leave and personal-data settings (the Employees tab)."""
        f.add_section(self.tr("Employees"))
        f.add("leave_days_per_year", self.tr("Vacation &days a year"), DecimalField(places=0))
        f.fields["leave_days_per_year"].setToolTip(self.tr(
            "Working days of vacation for everyone, unless an employee's allowance for the year says otherwise."))
        f.add("leave_over_balance", self.tr("Va&cation beyond the balance"), ChoiceField([
            (self.tr("Warn and ask before saving it"), LimitPolicy.WARN.value),
            (self.tr("Refuse"), LimitPolicy.REFUSE.value)]))
        f.add("hr_retention_years", self.tr("Keep per&sonal data (years after leaving)"), DecimalField(places=0))
        f.fields["hr_retention_years"].setToolTip(self.tr(
            "After this, the personal data of someone who has left may be anonymised (4 years by default)."))
        f.add("document_alert_days", self.tr("Employee doc&ument alerts (days ahead)"), DecimalField(places=0))
        for name in ("leave_days_per_year", "hr_retention_years", "document_alert_days"):
            f.fields[name].setMaximumWidth(100)

    def save(self) -> bool:
        try:
            values = self.form.values()
            values["country"] = values["country"] or "ES"
            values["legal_name"] = values["legal_name"] or ""
            values["tax_id"] = values["tax_id"] or ""
            view = save_company(self.db, CompanyData(**values), self.version)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except ConflictError as exc:
            self.form.show_general(str(exc))
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.version = view.version
        self.accept()
        return True
