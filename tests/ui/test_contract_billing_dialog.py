"""Contracts > Generate invoices…: the clerk previews the periods due, bills them, and sees what failed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.contracts import ContractBilling
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice
from tests.app import printing as pdf
from tests.app.invoicing import customer
from tests.app.test_contract_billing import make_contract
from tests.ui.conftest import type_text
from ui.company_dialog import CompanyDialog
from ui.contracts.billing_dialog import BillingDialog


def _count(db, *where):
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Invoice).where(*where)).scalar_one()


def test_preview_generate_and_failures(qtbot, sqlite_db):
    db = sqlite_db
    pdf.make_company(db, contract_invoices_posted=True)
    good = customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid")
    no_nif = customer(db, "Bar Pepe", tax_id=None, code="C2", street="Calle Sol 2", postal_code="28002", city="Madrid")
    make_contract(db, good, reference="CT-GOOD", start=dt.date(2026, 1, 1))
    make_contract(db, no_nif, reference="CT-NONIF", start=dt.date(2026, 3, 1), day=31)
    dialog = BillingDialog(db, today=dt.date(2026, 2, 15))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.generate_button.isEnabled(), timeout=10_000)
    assert dialog.mode.value() is True  # the company setting
    assert dialog.table.rowCount() == 2  # January and February of CT-GOOD
    assert dialog.table.item(0, 2).text() == "01/01/2026 – 31/01/2026"

    type_text(qtbot, dialog.until, "31/02/2026")  # not a date: marked, nothing to generate
    dialog.until.editingFinished.emit()
    assert dialog.until_error.text() and not dialog.generate_button.isEnabled()
    type_text(qtbot, dialog.until, "31/03/2026")
    dialog.until.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4 and dialog.generate_button.isEnabled(), timeout=10_000)
    assert [dialog.table.item(r, 0).text() for r in range(4)].count("CT-NONIF") == 1
    assert dialog.table.item(3, 3).text() == "31/03/2026"  # billing day 31 in March

    billed = []
    dialog.sig_billed.connect(billed.append)
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(billed), timeout=30_000)
    result = billed[0]
    assert len(result.billed) == 4 and len(result.failed) == 1
    assert "4 invoices made" in dialog.outcome.text()
    assert not dialog.failures.isHidden() and "CT-NONIF" in dialog.failures.toPlainText()
    assert _count(db, Invoice.status == InvoiceStatus.POSTED) == 3 and _count(db) == 4
    qtbot.waitUntil(lambda: not dialog.generate_button.isEnabled() and "Nothing" in dialog.summary.text(),
                    timeout=10_000)
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(ContractBilling)).scalar_one() == 4


def test_cancel_stops_between_periods(qtbot, sqlite_db):
    db = sqlite_db
    party = customer(db)
    make_contract(db, party, start=dt.date(2024, 1, 1))
    dialog = BillingDialog(db, today=dt.date(2026, 12, 31))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.generate_button.isEnabled(), timeout=10_000)
    dialog.mode.set_value(False)
    assert dialog.table.rowCount() == 36
    billed = []
    dialog.sig_billed.connect(billed.append)
    dialog.generate()
    dialog._on_cancel()  # Cancel pressed while the worker bills: it stops between periods
    assert dialog.isVisible() is False and dialog.result is None  # not closed, still running
    qtbot.waitUntil(lambda: bool(billed), timeout=30_000)
    assert billed[0].cancelled and len(billed[0].billed) < 36
    assert "Cancelled" in dialog.outcome.text()


def test_company_dialog_edits_the_contract_settings(qtbot, sqlite_db):
    from app.services.company import find_company

    pdf.make_company(sqlite_db)
    dialog = CompanyDialog(sqlite_db)
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    assert fields["contract_alert_days"].text() == "30" and fields["attachment_limit_mb"].text() == "20"
    type_text(qtbot, fields["attachment_limit_mb"], "500")
    assert dialog.save() is False and dialog.form.error_text("attachment_limit_mb")
    type_text(qtbot, fields["attachment_limit_mb"], "5")
    type_text(qtbot, fields["contract_alert_days"], "45")
    fields["contract_invoices_posted"].setChecked(True)
    assert dialog.save() is True
    saved = find_company(sqlite_db)
    assert (saved.contract_alert_days, saved.contract_invoices_posted, saved.attachment_limit_mb) == (45, True, 5)


def test_the_contracts_tab_opens_it_and_reads_the_list_again_after_a_run(qtbot, sqlite_db):
    from ui.contracts.tab import ContractsTab

    party = customer(sqlite_db)
    make_contract(sqlite_db, party, start=dt.date(2026, 1, 1))
    tab = ContractsTab(sqlite_db, today=dt.date(2026, 1, 31))
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.billing_button, Qt.MouseButton.LeftButton)
    dialog = tab.billing_dialog
    qtbot.waitUntil(lambda: dialog.generate_button.isEnabled(), timeout=10_000)
    assert dialog.table.rowCount() == 1
    billed = []
    dialog.sig_billed.connect(billed.append)
    dialog.generate()
    qtbot.waitUntil(lambda: bool(billed), timeout=30_000)
    assert len(billed[0].billed) == 1 and _count(sqlite_db) == 1
    dialog.reject()
