"""Posting: numbers without gaps, frozen invoices, legal checks, credit notes, cancellation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.company import Company
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice, InvoiceSeries
from app.errors import ConflictError, ValidationError
from app.services import invoices, payments
from app.services.corrections import CreditLine, cancel_invoice, create_credit_note
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.posting import post_invoice
from app.services.setup import series_id, tax_rate_id
from tests.app.invoicing import customer, product

D = Decimal
DAY = dt.date(2026, 3, 2)


def company(db, **kw) -> None:
    values = dict(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                  postal_code="50001", city="Zaragoza", province="Zaragoza")
    values.update(kw)
    with db.session() as s:
        s.add(Company(**values))


def draft(db, party=None, *, day=DAY, kind="invoice", qty="2", price="50.00", **kw):
    party = party or customer(db, street="Calle Alta 3", postal_code="28001", city="Madrid")
    item = product(db, "Tornillos", price)
    return invoices.create_draft(db, InvoiceData(issue_date=day, party_id=party, kind=kind, **kw,
                                                 lines=[InvoiceLineData(product_id=item, quantity=qty)]))


def next_number(db, code="F") -> int:
    with db.session() as s:
        return s.get(InvoiceSeries, series_id(code)).next_number


@pytest.fixture
def shop(db):
    company(db)
    return db


def test_posting_numbers_drafts_in_order_and_freezes_them(shop):
    first, second = draft(shop), draft(shop)
    a = post_invoice(shop, first.id)
    b = post_invoice(shop, second.id, second.version)
    assert (a.status, a.number, a.full_number) == (InvoiceStatus.POSTED, 1, "F2026-000001")
    assert b.full_number == "F2026-000002" and a.posted_at is not None
    with pytest.raises(ValidationError) as err:
        invoices.update_draft(shop, a.id, InvoiceData(issue_date=DAY, party_id=a.party_id,
                                                       lines=[InvoiceLineData(description="x", quantity=1,
                                                                              unit_price="1",
                                                                              tax_rate_id=tax_rate_id("IVA21"))]))
    assert err.value.field == "status"
    with pytest.raises(ValidationError):
        post_invoice(shop, a.id)  # posting twice gives no second number
    assert next_number(shop) == 3


def test_a_deleted_draft_leaves_no_gap(shop):
    drafts = [draft(shop) for _ in range(3)]
    invoices.delete_draft(shop, drafts[1].id)
    numbers = [post_invoice(shop, d.id).number for d in (drafts[0], drafts[2])]
    assert numbers == [1, 2]


def test_a_stale_form_is_refused(shop):
    d = draft(shop)
    invoices.update_draft(shop, d.id, InvoiceData(issue_date=DAY, party_id=d.party_id, lines=[
        InvoiceLineData(description="Otra cosa", quantity=1, unit_price="3", tax_rate_id=tax_rate_id("IVA21"))]),
        d.version)
    with pytest.raises(ConflictError):
        post_invoice(shop, d.id, d.version)
    assert next_number(shop) == 1


@pytest.mark.parametrize("case", ["no_nif", "no_address", "simplified_over_limit", "no_company_address"])
def test_what_the_law_requires_is_checked_and_nothing_is_numbered(db, case):
    company(db, street=None if case == "no_company_address" else "Calle Mayor 1")
    if case == "no_nif":
        d = draft(db, customer(db, tax_id=None, street="Calle Alta 3", postal_code="28001", city="Madrid"))
        field = "party_id"
    elif case == "no_address":
        d = draft(db, customer(db))
        field = "party_id"
    elif case == "simplified_over_limit":
        d = draft(db, kind="simplified", qty="10", price="40.00")  # 484 EUR with IVA > 400
        field = "total"
    else:
        d = draft(db)
        field = "company"
    with pytest.raises(ValidationError) as err:
        post_invoice(db, d.id)
    assert field in err.value.fields
    assert invoices.get_invoice(db, d.id).status == InvoiceStatus.DRAFT
    assert next_number(db, "S" if case == "simplified_over_limit" else "F") == 1


def test_the_simplified_limit_is_a_company_setting(db):
    company(db, simplified_invoice_limit=D("3000"))
    d = draft(db, kind="simplified", qty="10", price="40.00")
    assert post_invoice(db, d.id).full_number == "S2026-000001"


def test_numbers_follow_dates_within_a_series(shop):
    post_invoice(shop, draft(shop, day=dt.date(2026, 3, 5)).id)
    earlier = draft(shop, day=dt.date(2026, 3, 4))
    with pytest.raises(ValidationError) as err:
        post_invoice(shop, earlier.id)
    assert err.value.field == "issue_date"
    assert next_number(shop) == 2


def test_a_new_year_starts_at_one(shop):
    post_invoice(shop, draft(shop, day=dt.date(2026, 12, 30)).id)
    assert post_invoice(shop, draft(shop, day=dt.date(2027, 1, 2)).id).full_number == "F2027-000001"
    with pytest.raises(ValidationError):
        post_invoice(shop, draft(shop, day=dt.date(2026, 12, 31)).id)


def test_no_path_through_the_orm_changes_a_posted_invoice(shop):
    posted = post_invoice(shop, draft(shop).id)
    for change in ("party_name", "line", "delete", "total"):
        with pytest.raises(ValidationError):
            with shop.session() as s:
                inv = s.get(Invoice, posted.id)
                if change == "party_name":
                    inv.party_name = "Otro"
                elif change == "line":
                    inv.lines[0].quantity = D("5")
                elif change == "delete":
                    s.delete(inv)
                else:
                    inv.total = D("1")
    assert invoices.get_invoice(shop, posted.id) == posted
    payments.record_payment(shop, posted.id, payments.PaymentData(date=DAY, amount="10.00"))  # still allowed


def test_credit_notes_take_back_whole_or_part_and_never_more(shop):
    posted = post_invoice(shop, draft(shop, qty="4", price="25.00").id)  # 100 + 21 IVA
    line = posted.lines[0]
    part = create_credit_note(shop, posted.id, "R1", lines=[CreditLine(line.id, "1")], issue_date=DAY)
    assert part.kind == "credit_note" and part.lines[0].quantity == D("-1") and part.total == D("-30.25")
    assert part.corrected_invoice_id == posted.id
    numbered = post_invoice(shop, part.id)
    assert numbered.full_number == "R2026-000001"
    with pytest.raises(ValidationError) as err:
        create_credit_note(shop, posted.id, "R1", lines=[CreditLine(line.id, "5")], issue_date=DAY)
    assert err.value.field == "lines[0].quantity"
    whole = create_credit_note(shop, posted.id, "R1", issue_date=DAY)  # 4 more: more than is left
    with pytest.raises(ValidationError) as err:
        post_invoice(shop, whole.id)
    assert err.value.field == "lines"
    assert next_number(shop, "R") == 2


def test_cancelling_keeps_the_number_and_refuses_paid_invoices(shop):
    posted = post_invoice(shop, draft(shop).id)
    with pytest.raises(ValidationError) as err:
        cancel_invoice(shop, posted.id, "")
    assert err.value.field == "reason"
    cancelled = cancel_invoice(shop, posted.id, "Emitida por error")
    assert cancelled.status == InvoiceStatus.CANCELLED and cancelled.full_number == posted.full_number
    paid = post_invoice(shop, draft(shop).id)
    payments.record_payment(shop, paid.id, payments.PaymentData(date=DAY, amount="1.00"))
    with pytest.raises(ValidationError):
        cancel_invoice(shop, paid.id, "Emitida por error")


def test_the_list_shows_paid_partly_paid_overdue_and_unpaid(shop):
    views = [post_invoice(shop, draft(shop, due_date=DAY + dt.timedelta(days=30)).id) for _ in range(4)]
    payments.record_payment(shop, views[0].id, payments.PaymentData(date=DAY, amount=str(views[0].total)))
    payments.record_payment(shop, views[1].id, payments.PaymentData(date=DAY, amount="1.00"))
    draft(shop)
    today = DAY + dt.timedelta(days=10)
    rows = invoices.list_invoices(shop, ListQuery(filters={"today": today})).rows
    states = {r["__id"]: r["state"] for r in rows}
    assert [states[v.id] for v in views] == ["paid", "partly_paid", "unpaid", "unpaid"]
    late = invoices.list_invoices(shop, ListQuery(filters={"today": DAY + dt.timedelta(days=31),
                                                           "state": "overdue"})).rows
    assert {r["__id"] for r in late} == {views[1].id, views[2].id, views[3].id}
    assert len(invoices.list_invoices(shop, ListQuery(filters={"state": "draft"})).rows) == 1
