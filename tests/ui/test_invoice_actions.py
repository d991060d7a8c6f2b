"""From the editor: post a draft, see the refusal beside the field, credit it, cancel it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.company import Company
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.services import invoices, parties
from app.services.parties import PartyData
from app.services.stock import stock_on_hand
from tests.ui.conftest import wait_idle
from tests.ui.test_invoices_tab import make_draft, make_tab, shop  # noqa: F401 - the fixture

D = Decimal


def test_post_refusal_then_post_credit_note_and_cancel(qtbot, shop, answers):  # noqa: F811
    db, customer, screws, _book = shop
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))
    draft = make_draft(db, customer.id, dt.date(2026, 3, 2), (screws.id, D(100)))
    tab = make_tab(qtbot, db)
    tab.open_record(str(draft.id))
    assert tab.actions.post_button.isVisibleTo(tab.editor)
    assert not tab.actions.credit_button.isVisibleTo(tab.editor)

    answers["answers"] = [True]
    assert tab.actions.post() is False  # the customer has no address: said beside the customer
    assert "address" in tab.form.error_text("party_id")
    assert invoices.get_invoice(db, draft.id).status == InvoiceStatus.DRAFT

    view = parties.get_party(db, customer.id)
    parties.update_party(db, customer.id, PartyData(legal_name=view.legal_name, tax_id=view.tax_id,
                                                    street="Calle Alta 3", postal_code="28001", city="Madrid"),
                         view.version)
    # Nothing of TORN-6 in stock yet (warn policy): the clerk is asked, and "Go back" numbers nothing.
    answers["answers"] = [True, False]
    assert tab.actions.post() is False
    assert answers["asked"][-1][0] == "Not enough stock" and "TORN-6" in answers["asked"][-1][1]
    assert invoices.get_invoice(db, draft.id).status == InvoiceStatus.DRAFT
    assert stock_on_hand(db, screws.id) == 0
    answers["answers"] = [True, True]
    assert tab.actions.post() is True
    assert stock_on_hand(db, screws.id) == D(-100)  # delivered from the default warehouse: a shortage shows
    posted = invoices.get_invoice(db, draft.id)
    assert posted.full_number == "F2026-000001" and tab.read_only
    assert tab.actions.credit_button.isVisibleTo(tab.editor) and not tab.actions.post_button.isVisibleTo(tab.editor)
    wait_idle(qtbot, tab.model)
    assert tab.model.index(0, 0).data() == "F2026-000001"

    answers["answers"] = ["R1"]
    tab.actions.credit_note()
    credit = tab.view
    assert credit.kind == InvoiceKind.CREDIT_NOTE and credit.status == InvoiceStatus.DRAFT
    assert credit.corrected_invoice_id == posted.id and credit.lines[0].quantity == D(-100)
    assert not tab.read_only  # the clerk may now lower quantities before posting it

    tab.open_record(str(posted.id))
    answers["answers"] = [None]  # asked why, and cancelled the question: nothing happens
    tab.actions.cancel()
    assert invoices.get_invoice(db, posted.id).status == InvoiceStatus.POSTED
    answers["answers"] = ["Emitida por error"]
    tab.actions.cancel()
    assert invoices.get_invoice(db, posted.id).status == InvoiceStatus.CANCELLED
    assert stock_on_hand(db, screws.id) == 0  # the goods came back
    assert not tab.actions.cancel_button.isVisibleTo(tab.editor)


def test_a_payment_is_recorded_from_the_editor_and_the_list_shows_it(qtbot, shop, answers):  # noqa: F811
    db, customer, screws, _book = shop
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))
    view = parties.get_party(db, customer.id)
    parties.update_party(db, customer.id, PartyData(legal_name=view.legal_name, tax_id=view.tax_id,
                                                    street="Calle Alta 3", postal_code="28001", city="Madrid"),
                         view.version)
    from app.services.posting import post_invoice
    from tests.ui.conftest import type_text

    posted = post_invoice(db, make_draft(db, customer.id, dt.date.today(), (screws.id, D(100))).id,
                          allow_negative=True)
    tab = make_tab(qtbot, db)
    tab.open_record(str(posted.id))
    assert tab.actions.pay_button.isVisibleTo(tab.editor)

    def pay(dialog, text):
        type_text(qtbot, dialog.form.fields["amount"], text)
        dialog.save()

    tab.actions.pay(lambda d: pay(d, "1.000,00"))  # more than is owed: refused, nothing recorded
    assert invoices.get_invoice(db, posted.id).paid_total == 0
    tab.actions.pay(lambda d: pay(d, "5,00"))
    assert invoices.get_invoice(db, posted.id).paid_total == D("5.00")
    wait_idle(qtbot, tab.model)
    assert tab.model.index(tab.model.row_of_id(str(posted.id)), 4).data() == "Partly paid"


def test_the_draft_chooses_its_warehouse_and_whether_it_moves_stock(qtbot, shop, answers):  # noqa: F811
    from app.services import inventory
    from app.services.inventory import WarehouseData

    db, customer, screws, _book = shop
    north = inventory.create_warehouse(db, WarehouseData(code="NOR", name="Norte"))
    draft = make_draft(db, customer.id, dt.date(2026, 3, 2), (screws.id, D(1)))
    tab = make_tab(qtbot, db)
    tab.open_record(str(draft.id))
    assert tab.warehouse.currentText() == "Default warehouse" and tab.moves_stock.isChecked()
    tab.warehouse.set_value(north.id)
    tab.moves_stock.setChecked(False)
    assert tab.action_save() is True
    saved = invoices.get_invoice(db, draft.id)
    assert saved.warehouse_id == north.id and saved.moves_stock is False
    tab.open_record(str(draft.id))  # and read back into the form
    assert tab.warehouse.currentData() == north.id and not tab.moves_stock.isChecked()
