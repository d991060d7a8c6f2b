"""A posted credit note settles what it takes back of the invoice it corrects.

Before, the corrected invoice stayed owed in full (the list, the aging report and the dashboard
all agreed on the wrong figure); now the credit is a payment of method credit_note on the credit
note's date, up to what was still owed, and cancelling the credit note makes it owed again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from app.domain.enums import PaymentMethod
from app.errors import ValidationError
from app.reports import Period, run_report
from app.services import invoices, payments
from app.services.corrections import CreditLine, cancel_invoice, create_credit_note
from app.services.listing import ListQuery
from app.services.posting import post_invoice
from tests.app.test_posting import DAY, company, draft

LATER = DAY + dt.timedelta(days=10)


@pytest.fixture
def shop(db):
    company(db)
    return db


def _state(db, invoice_id) -> str:
    rows = invoices.list_invoices(db, ListQuery(filters={"today": LATER})).rows
    return next(r["state"] for r in rows if r["__id"] == invoice_id)


def _owed(db, as_of: dt.date) -> D:
    report = run_report(db, "receivables-aging", Period(as_of, as_of), {})
    return report.totals["total"] if report.totals else D("0.00")


def test_a_whole_credit_note_settles_its_invoice_on_its_own_date(shop):
    invoice = post_invoice(shop, draft(shop, qty="4", price="25.00").id)  # 100 + 21 IVA
    assert _owed(shop, LATER) == D("121.00")
    note = post_invoice(shop, create_credit_note(shop, invoice.id, "R1", issue_date=LATER).id)
    after = invoices.get_invoice(shop, invoice.id)
    assert after.paid_total == D("121.00") and after.outstanding == 0
    assert _state(shop, invoice.id) == "paid"
    [settled] = payments.list_payments(shop, invoice.id)
    assert (settled.amount, settled.method, settled.reference, settled.date) == (
        D("121.00"), PaymentMethod.CREDIT_NOTE, note.full_number, LATER)
    assert _owed(shop, LATER) == D("0.00")
    assert _owed(shop, LATER - dt.timedelta(days=1)) == D("121.00")  # before the credit note, still owed


def test_a_partial_credit_note_leaves_the_rest_to_pay_and_never_more(shop):
    invoice = post_invoice(shop, draft(shop, qty="4", price="25.00", due_date=DAY + dt.timedelta(days=30)).id)
    line = invoice.lines[0]
    post_invoice(shop, create_credit_note(shop, invoice.id, "R1", lines=[CreditLine(line.id, "1")],
                                          issue_date=DAY).id)  # -30.25
    assert invoices.get_invoice(shop, invoice.id).outstanding == D("90.75")
    assert _state(shop, invoice.id) == "partly_paid"
    with pytest.raises(ValidationError) as too_much:
        payments.record_payment(shop, invoice.id, payments.PaymentData(date=DAY, amount="121.00"))
    assert too_much.value.field == "amount"
    payments.record_payment(shop, invoice.id, payments.PaymentData(date=DAY, amount="90.75"))
    assert _state(shop, invoice.id) == "paid" and _owed(shop, LATER) == D("0.00")


def test_a_credit_note_on_a_paid_invoice_settles_nothing(shop):
    invoice = post_invoice(shop, draft(shop).id)
    payments.record_payment(shop, invoice.id, payments.PaymentData(date=DAY, amount=str(invoice.total)))
    post_invoice(shop, create_credit_note(shop, invoice.id, "R1", issue_date=DAY).id)
    paid = invoices.get_invoice(shop, invoice.id)
    assert paid.paid_total == invoice.total  # a refund is owed to the customer; no payment invented
    assert [p.method for p in payments.list_payments(shop, invoice.id)] == [PaymentMethod.TRANSFER]


def test_cancelling_the_credit_note_makes_the_invoice_owed_again(shop):
    invoice = post_invoice(shop, draft(shop).id)
    note = post_invoice(shop, create_credit_note(shop, invoice.id, "R1", issue_date=DAY).id)
    assert invoices.get_invoice(shop, invoice.id).outstanding == 0
    cancel_invoice(shop, note.id, "Emitida por error")
    back = invoices.get_invoice(shop, invoice.id)
    assert back.outstanding == invoice.total and back.paid_total == 0
    settled, reversed_ = payments.list_payments(shop, invoice.id)  # added, never deleted
    assert settled.amount == -reversed_.amount == invoice.total
    assert {settled.reference, reversed_.reference} == {note.full_number}
    today = dt.date.today()
    assert _owed(shop, today) == invoice.total
    assert _owed(shop, max(DAY, today - dt.timedelta(days=1))) == (0 if today > DAY else invoice.total)


def test_a_clerk_cannot_enter_a_credit_note_as_a_payment(shop):
    invoice = post_invoice(shop, draft(shop).id)
    with pytest.raises(ValidationError) as refused:
        payments.record_payment(shop, invoice.id, payments.PaymentData(date=DAY, amount="1.00",
                                                                       method=PaymentMethod.CREDIT_NOTE))
    assert refused.value.field == "method"
    assert invoices.get_invoice(shop, invoice.id).paid_total == 0
