"""Scenarios of a clerk entering what customers paid."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app.domain.enums import InvoiceStatus, PaymentMethod
from app.domain.invoices import Invoice, Payment
from app.errors import NotFoundError, ValidationError
from app.services import invoices, payments
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.payments import PaymentData
from app.services.setup import tax_rate_id
from tests.app.invoicing import DAY, D, count, customer, post


@pytest.fixture
def posted(db) -> uuid.UUID:
    """A posted invoice of 121.00."""
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=customer(db), lines=[
        InvoiceLineData(description="Reparación", quantity=D("1"), unit_price=D("100"), tax_rate_id=tax_rate_id("IVA21"))]))
    post(db, draft.id, 1)
    return draft.id


def test_partial_payments_then_paid_in_full(db, posted):
    first = payments.record_payment(db, posted, PaymentData(DAY + dt.timedelta(days=5), D("21.00"),
                                                             PaymentMethod.CASH, "Recibo 12"))
    assert (first.amount, first.method, first.reference) == (D("21.00"), PaymentMethod.CASH, "Recibo 12")
    inv = invoices.get_invoice(db, posted)
    assert (inv.paid_total, inv.outstanding) == (D("21.00"), D("100.00"))
    payments.record_payment(db, posted, PaymentData(DAY + dt.timedelta(days=30), "100.00"))
    inv = invoices.get_invoice(db, posted)
    assert (inv.paid_total, inv.outstanding) == (D("121.00"), D("0.00"))
    listed = payments.list_payments(db, posted)
    assert [(p.date, p.amount, p.method) for p in listed] == [
        (DAY + dt.timedelta(days=5), D("21.00"), PaymentMethod.CASH),
        (DAY + dt.timedelta(days=30), D("100.00"), PaymentMethod.TRANSFER)]
    with pytest.raises(ValidationError) as err:
        payments.record_payment(db, posted, PaymentData(DAY, D("0.01")))
    assert err.value.field == "amount"  # nothing is owed any more


def test_overpayment_is_refused_and_nothing_is_written(db, posted):
    payments.record_payment(db, posted, PaymentData(DAY, D("100")))
    with pytest.raises(ValidationError) as err:
        payments.record_payment(db, posted, PaymentData(DAY, D("21.01")))
    assert err.value.field == "amount" and "21.00" in err.value.message_for("amount")
    assert count(db, Payment) == 1
    assert invoices.get_invoice(db, posted).paid_total == D("100.00")


@pytest.mark.parametrize("data, field", [
    (PaymentData(DAY, D("0")), "amount"),
    (PaymentData(DAY, D("-5")), "amount"),
    (PaymentData(DAY, D("1.001")), "amount"),
    (PaymentData(DAY, 10.5), "amount"),
    (PaymentData(None, D("10")), "date"),
    (PaymentData(DAY, D("10"), method="bitcoin"), "method"),
    (PaymentData(DAY, D("10"), reference="r" * 81), "reference"),
])
def test_bad_payment_names_the_field(db, posted, data, field):
    with pytest.raises(ValidationError) as err:
        payments.record_payment(db, posted, data)
    assert field in err.value.fields
    assert count(db, Payment) == 0 and invoices.get_invoice(db, posted).paid_total == D("0")


def test_only_posted_invoices_take_payments(db, posted):
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=customer(db, "Otro SL", "A58818501"),
                                                  lines=[InvoiceLineData(description="x", unit_price=D("5"),
                                                                         tax_rate_id=tax_rate_id("IVA21"))]))
    with pytest.raises(ValidationError) as err:
        payments.record_payment(db, draft.id, PaymentData(DAY, D("1")))
    assert err.value.field == "status"
    with db.session() as s:
        s.get(Invoice, posted).status = InvoiceStatus.CANCELLED
    with pytest.raises(ValidationError) as err:
        payments.record_payment(db, posted, PaymentData(DAY, D("1")))
    assert err.value.field == "status"
    assert count(db, Payment) == 0


def test_payment_on_an_unknown_invoice(db):
    with pytest.raises(NotFoundError):
        payments.record_payment(db, uuid.uuid4(), PaymentData(DAY, D("1")))
    with pytest.raises(NotFoundError):
        payments.list_payments(db, uuid.uuid4())


def test_a_payment_moves_the_invoice_version(db, posted):
    """Another form open on the invoice must notice the payment."""
    before = invoices.get_invoice(db, posted).version
    payments.record_payment(db, posted, PaymentData(DAY, D("10")))
    assert invoices.get_invoice(db, posted).version == before + 1


def test_two_clerks_entering_the_same_transfer_cannot_overpay(db, posted):
    """The second clerk waits for the first one's lock, then sees nothing is owed (PostgreSQL)."""
    if db.dialect != "postgresql":
        pytest.skip("row locks are a server matter; SQLite serialises writers by itself")
    import threading

    from sqlalchemy import select

    results: list[object] = []
    with db.session() as first:
        inv = first.execute(select(Invoice).where(Invoice.id == posted).with_for_update(of=Invoice)).scalar_one()

        def second_clerk() -> None:
            try:
                results.append(payments.record_payment(db, posted, PaymentData(DAY, D("121.00"))))
            except ValidationError as exc:
                results.append(exc)

        worker = threading.Thread(target=second_clerk)
        worker.start()
        worker.join(timeout=0.5)
        assert worker.is_alive() and results == []  # blocked behind the first clerk's lock
        first.add(Payment(invoice_id=inv.id, date=DAY, amount=D("121.00")))
        inv.paid_total = D("121.00")
    worker.join(timeout=10)
    assert len(results) == 1 and isinstance(results[0], ValidationError) and results[0].field == "amount"
    assert count(db, Payment) == 1
