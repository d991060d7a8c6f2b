"""Scenarios of a clerk browsing the invoice list: paging, sorting, searching, filters."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.domain.enums import InvoiceKind, InvoiceStatus
from app.errors import ValidationError
from app.services import invoices
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.setup import tax_rate_id
from tests.app.invoicing import DAY, D, customer, post

# Names that sort the same under any collation (PostgreSQL's locale or Python's).
NAMES = [("Alfa SL", "B12345674"), ("Bravo SA", "A58818501"), ("Charlie SL", "B87654323"),
         ("Delta SC", None), ("Eco SL", "12345678Z")]
N = 250


@pytest.fixture
def book(db) -> dict[uuid.UUID, dict]:
    """250 invoices over 50 days (five a day, so dates tie), every third one posted."""
    ids = [customer(db, name, tax_id) for name, tax_id in NAMES]
    made: dict[uuid.UUID, dict] = {}
    number = 0
    for i in range(N):
        simplified = i % 10 == 9
        view = invoices.create_draft(db, InvoiceData(
            kind=InvoiceKind.SIMPLIFIED if simplified else InvoiceKind.INVOICE,
            issue_date=DAY + dt.timedelta(days=i % 50),
            party_id=ids[i % 5],
            lines=[InvoiceLineData(description="Artículo", quantity=D(1 + i % 3),
                                   unit_price=D(10 + i % 7), tax_rate_id=tax_rate_id("IVA21"))],
        ))
        row = {"issue_date": view.issue_date, "total": view.total, "party_name": view.party_name,
               "due_date": view.due_date,
               "full_number": None, "status": InvoiceStatus.DRAFT, "kind": view.kind, "party_id": view.party_id}
        if i % 3 == 0 and not simplified:
            number += 1
            post(db, view.id, number)
            row.update(status=InvoiceStatus.POSTED, full_number=invoices.get_invoice(db, view.id).full_number)
        made[view.id] = row
    return made


def _walk(db, sort: str, descending: bool, limit: int = 17) -> list[uuid.UUID]:
    seen, after = [], None
    while True:
        page = invoices.list_invoices(db, ListQuery(sort=sort, descending=descending, limit=limit, after=after))
        assert len(page.rows) <= limit
        seen += [uuid.UUID(str(r["__id"])) for r in page.rows]
        if not page.has_more:
            return seen
        after = page.next_after


# One book, every sort both ways: building 250 invoices is the slow part.
SORTS = ["issue_date", "total", "party_name", "full_number", "status", "due_date"]


def test_paging_visits_every_invoice_once_in_order(db, book):
    for sort in SORTS:
        for descending in (False, True):
            seen = _walk(db, sort, descending)
            assert len(seen) == N and set(seen) == set(book), (sort, descending)

            # Ties (same date, same total, drafts without number) are broken by id, as in SQL.
            def key(i, sort=sort):
                value = book[i][sort]
                return ("" if value is None else value, i)

            assert seen == sorted(book, key=key, reverse=descending), (sort, descending)
    # Five invoices share each date: pages of 3 cut through the ties and still miss nothing.
    assert _walk(db, "issue_date", True, limit=3) == _walk(db, "issue_date", True, limit=250)


def test_default_sort_is_the_issue_date(db, book):
    rows = invoices.list_invoices(db, ListQuery(descending=True, limit=5)).rows
    assert [r["issue_date"] for r in rows] == [DAY + dt.timedelta(days=49)] * 5
    first = rows[0]
    assert set(first) >= {"full_number", "issue_date", "party_name", "party_tax_id", "status", "kind",
                          "base_total", "total", "due_date", "__id"}
    aligned = {c.key for c in invoices.INVOICE_COLUMNS if c.align == "right"}
    assert aligned == {"base_total", "total"}


def test_filters_and_search(db, book):
    def found(**kw) -> set[uuid.UUID]:
        search = kw.pop("search", "")
        query = ListQuery(search=search, filters=kw, limit=1000)
        rows = invoices.list_invoices(db, query).rows
        assert invoices.count_invoices(db, query) == len(rows)
        return {uuid.UUID(str(r["__id"])) for r in rows}

    def expected(pred) -> set[uuid.UUID]:
        return {i for i, row in book.items() if pred(row)}

    assert found(status="posted") == expected(lambda r: r["status"] == InvoiceStatus.POSTED)
    assert found(status=InvoiceStatus.DRAFT, kind="simplified") == expected(
        lambda r: r["status"] == InvoiceStatus.DRAFT and r["kind"] == InvoiceKind.SIMPLIFIED)
    bravo = next(r["party_id"] for r in book.values() if r["party_name"] == "Bravo SA")
    assert found(party_id=bravo) == expected(lambda r: r["party_id"] == bravo)
    start, end = DAY + dt.timedelta(days=10), DAY + dt.timedelta(days=14)
    in_range = found(date_from=start, date_to=end)
    assert len(in_range) == 25 and in_range == expected(lambda r: start <= r["issue_date"] <= end)
    assert found(search="bravo") == expected(lambda r: r["party_name"] == "Bravo SA")
    assert found(search="A58818501") == expected(lambda r: r["party_name"] == "Bravo SA")
    assert found(search="F2026-000003") == expected(lambda r: r["full_number"] == "F2026-000003")
    assert found(search="eco", status="draft", date_to=start) == expected(
        lambda r: r["party_name"] == "Eco SL" and r["status"] == InvoiceStatus.DRAFT and r["issue_date"] <= start)
    assert invoices.count_invoices(db) == N


@pytest.mark.parametrize("filters, field", [
    ({"status": "paid"}, "status"),
    ({"kind": "proforma"}, "kind"),
    ({"party_id": "nobody"}, "party_id"),
    ({"date_from": "yesterday"}, "date_from"),
])
def test_a_bad_filter_names_itself(db, filters, field):
    with pytest.raises(ValidationError) as err:
        invoices.list_invoices(db, ListQuery(filters=filters))
    assert err.value.field == field


def test_empty_list(db):
    page = invoices.list_invoices(db, ListQuery(sort="total", descending=True))
    assert page.rows == [] and not page.has_more
    assert invoices.count_invoices(db, ListQuery(filters={"status": "posted"})) == 0


def test_totals_in_the_list_are_exact_decimals(db):
    party = customer(db)
    invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, lines=[
        InvoiceLineData(description="Tornillo", quantity=D("3"), unit_price=D("0.335"), tax_rate_id=tax_rate_id("IVA21"))]))
    row = invoices.list_invoices(db).rows[0]
    assert row["base_total"] == Decimal("1.01") and row["total"] == Decimal("1.22")
    assert isinstance(row["total"], Decimal)
