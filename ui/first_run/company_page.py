"""The welcome's "Set up my company" page: the issuer's essentials and how invoices are numbered.

The same Form and fields as File > Company details (ui/company_dialog.py), cut to
what a first invoice needs; the rest keeps its defaults until that dialog changes it.
Everything is saved in one call (app.services.first_run.set_up_company), so a wrong
field marks itself and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.db.session import Database
from app.domain.invoices import NUMBER_DIGITS
from app.errors import TrastiendaError, ValidationError
from app.services.company import CompanyData
from app.services.first_run import FirstSeries, SetUp, default_series, set_up_company
from ui.common.fields import DecimalField, TextField
from ui.common.form import Form
from ui.common.formatting import ParseError
from ui.common.logo_field import LogoField

COMPANY_FIELDS = ("legal_name", "tax_id", "street", "postal_code", "city", "province", "logo")


class CompanyPage(QWidget):
    sig_saved = Signal(object)  # SetUp
    sig_back = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.series = default_series(db)
        intro = QLabel(self.tr(
            "What every invoice must show. The rest (e-mail, IBAN, stock and staff settings) "
            "can wait for File > Company details."), self)
        intro.setWordWrap(True)
        self.form = Form(self)
        f = self.form
        f.add("legal_name", self.tr("&Legal name"), TextField())
        f.add("tax_id", self.tr("&NIF"), TextField())
        f.add("street", self.tr("St&reet"), TextField())
        f.add("postal_code", self.tr("&Postal code"), TextField())
        f.add("city", self.tr("Cit&y"), TextField())
        f.add("province", self.tr("Pro&vince"), TextField())
        f.add("logo", self.tr("Lo&go"), LogoField())
        f.add_section(self.tr("Invoice numbering"))
        f.add("prefix", self.tr("Pre&fix"), TextField())
        f.add("next_number", self.tr("Ne&xt number"), DecimalField(places=0))
        f.fields["prefix"].setMaximumWidth(120)
        f.fields["next_number"].setMaximumWidth(120)
        f.fields["next_number"].setToolTip(self.tr(
            "1 to start afresh; coming from another program, its last invoice number this year plus one."))
        self.preview = QLabel(self)
        self.preview.setObjectName("number_preview")
        f.layout_.addRow("", self.preview)
        f.load({"prefix": self.series.prefix, "next_number": Decimal(self.series.next_number)})
        for name in ("prefix", "next_number"):
            f.fields[name].textChanged.connect(self._show_preview)
        self._show_preview()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Save and start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        back = buttons.addButton(self.tr("&Back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("back")
        self.save_button.clicked.connect(self.save)
        back.clicked.connect(self.sig_back.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_window()
        self.form.fields["legal_name"].setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():  # an error line shown, say
            QTimer.singleShot(0, self._fit_window)
        return super().event(event)

    def _fit_window(self) -> None:
        """Grow the welcome (it opens at the size of its choices) so no row is squeezed: the
        logo's preview, the error lines. Its layout's minimum leaves out the wrapped labels."""
        window = self.window()
        need = window.heightForWidth(window.width())
        if need > window.height():
            window.resize(window.width(), need)

    def _show_preview(self) -> None:
        """The number the first invoice will carry, as posting formats it."""
        prefix = self.form.fields["prefix"].text().strip()
        try:
            number = self.form.fields["next_number"].value()
        except ParseError:
            number = None
        if number is None or number < 1:
            self.preview.clear()
            return
        year = dt.date.today().year
        text = (f"{prefix}{year}-{int(number):0{NUMBER_DIGITS}d}" if self.series.yearly_reset
                else f"{prefix}{int(number):0{NUMBER_DIGITS}d}")
        self.preview.setText(self.tr("The first invoice will be number %1.").replace("%1", text))

    def save(self) -> SetUp | None:
        try:
            values = self.form.values()
            company = CompanyData(**{name: values[name] or ("" if name in ("legal_name", "tax_id") else None)
                                     for name in COMPANY_FIELDS})
            first = FirstSeries(prefix=values["prefix"] or "", next_number=values["next_number"])
            done = set_up_company(self.db, company, first)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return None
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return None
        self.sig_saved.emit(done)
        return done
