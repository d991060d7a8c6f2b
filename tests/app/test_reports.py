"""Scenarios of a manager reading the reports: every total reconciles with the lists it sums.

One demo book (three years of invoices, credit notes, payments, stock,
contracts and people) per backend, shared by the module: the reports only read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.demo import generate_demo
from app.domain.employees import Employee
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice, Payment
from app.errors import ValidationError
from app.reports import REPORTS, Period, run_report
from app.reports.aging import bucket_of
from app.services.contract_billing import due_periods
from app.services.invoices import count_invoices, list_invoices
from app.services.listing import ListQuery
from app.services.stock_reports import stock_value
from tests.conftest import _fresh_pg, _fresh_sqlite

TODAY = dt.date(2026, 11, 20)
YEAR = Period(dt.date(2026, 1, 1), TODAY)
QUARTER = Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
ZERO = Decimal("0.00")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def book(request, sqlite_template, tmp_path_factory):
    if request.param == "sqlite":
        db = _fresh_sqlite(sqlite_template, tmp_path_factory.mktemp("reports"))
    else:
        db = _fresh_pg(request.getfixturevalue("pg_database_url"))
    generate_demo(db, seed=11, today=TODAY, customers=40, products=60, invoices=1500, contracts=30, employees=15)
    yield db
    db.dispose()


def _all(db, list_fn, filters) -> list[dict]:
    rows, query = [], ListQuery(filters=filters, limit=1000)
    while True:
        page = list_fn(db, query)
        rows += page.rows
        if not page.has_more:
            return rows
        query = ListQuery(filters=filters, limit=1000, after=page.next_after)


def _posted_sums(db, period: Period) -> dict[str, Decimal]:
    with db.session() as s:
        base, tax, recargo, irpf, total = s.execute(select(
            func.sum(Invoice.base_total), func.sum(Invoice.tax_total), func.sum(Invoice.recargo_total),
            func.sum(Invoice.irpf_total), func.sum(Invoice.total)).where(
            Invoice.status == InvoiceStatus.POSTED, Invoice.issue_date.between(period.start, period.end))).one()
    # Summed through the ORM's column types on either backend by reading the rows back once more:
    with db.session() as s:
        invoices = s.execute(select(Invoice.base_total, Invoice.tax_total, Invoice.recargo_total, Invoice.irpf_total,
                                    Invoice.total).where(Invoice.status == InvoiceStatus.POSTED,
                                                         Invoice.issue_date.between(period.start, period.end))).all()
    return {k: sum((r[i] for r in invoices), ZERO) for i, k in enumerate(("base", "tax", "recargo", "irpf", "total"))}


# -- the VAT book -----------------------------------------------------------------------------------

def test_the_vat_book_totals_are_the_posted_invoices_of_the_period_credit_notes_subtracting(book):
    report = run_report(book, "vat-book", QUARTER)
    listed = _all(book, list_invoices, {"status": "posted", "date_from": QUARTER.start, "date_to": QUARTER.end})
    assert listed and report.rows
    # The invoice list (what the clerk sees) and the book agree on base and total, credit notes included.
    assert report.totals["base"] == sum((r["base_total"] for r in listed), ZERO)
    assert report.totals["total"] == sum((r["total"] for r in listed), ZERO)
    sums = _posted_sums(book, QUARTER)
    for key in ("base", "tax", "recargo", "irpf", "total"):
        assert report.totals[key] == sums[key], key
    credit_rows = [r for r in report.rows if r["kind"] == "credit_note"]
    assert credit_rows and all(r["base"] < 0 for r in credit_rows)
    assert {r["number"] for r in report.rows} == {r["full_number"] for r in listed}


def test_each_invoice_s_rows_add_up_to_its_stored_totals(book):
    report = run_report(book, "vat-book", QUARTER)
    per: dict[str, list[dict]] = {}
    for row in report.rows:
        per.setdefault(row["number"], []).append(row)
    with book.session() as s:
        stored = {n: (b, t, r, i, tot) for n, b, t, r, i, tot in s.execute(select(
            Invoice.full_number, Invoice.base_total, Invoice.tax_total, Invoice.recargo_total, Invoice.irpf_total,
            Invoice.total).where(Invoice.full_number.in_(list(per))))}
    several = 0
    for number, rows in per.items():
        base, tax, recargo, irpf, total = stored[number]
        several += len(rows) > 1
        assert sum((r["base"] for r in rows), ZERO) == base
        assert sum((r["tax"] for r in rows), ZERO) == tax
        assert sum((r["recargo"] or ZERO for r in rows), ZERO) == recargo
        assert rows[0]["total"] == total and all(r["total"] is None for r in rows[1:])
        assert (rows[0]["irpf"] or ZERO) == irpf
    assert several > 0  # invoices with more than one IVA rate were in the period
    dates = [r["issue_date"] for r in report.rows]
    assert dates == sorted(dates)


# -- sales --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sales-by-customer", "sales-by-month"])
def test_sales_reports_total_what_the_vat_book_totals(book, name):
    report = run_report(book, name, YEAR)
    book_totals = run_report(book, "vat-book", YEAR).totals
    for key in ("base", "tax", "recargo", "irpf", "total"):
        assert report.totals[key] == book_totals[key], key
        assert report.totals[key] == sum((r[key] for r in report.rows), ZERO)
    invoices = count_invoices(book, ListQuery(filters={"status": "posted", "date_from": YEAR.start,
                                                      "date_to": YEAR.end}))
    assert report.totals["invoices"] + report.totals["credit_notes"] == invoices


def test_sales_by_product_sums_the_lines_to_the_period_s_base(book):
    report = run_report(book, "sales-by-product", YEAR)
    assert report.totals["base"] == _posted_sums(book, YEAR)["base"]
    assert report.rows == sorted(report.rows, key=lambda r: (-r["base"], r["sku"]))
    assert abs(sum(r["share"] for r in report.rows) - 100) < Decimal("0.5")


def test_sales_by_month_compares_each_month_with_the_same_month_a_year_before(book):
    report = run_report(book, "sales-by-month", YEAR)
    assert [r["month"] for r in report.rows][:2] == ["January 2026", "February 2026"]
    before = run_report(book, "sales-by-month", Period(dt.date(2025, 1, 1), dt.date(2025, 11, 20)))
    assert [r["last_year"] for r in report.rows] == [r["base"] for r in before.rows]


def test_a_customer_filter_narrows_every_sales_figure_to_that_customer(book):
    top = run_report(book, "sales-by-customer", YEAR).rows[0]
    only = run_report(book, "sales-by-customer", YEAR, {"customer": top["code"]})
    assert len(only.rows) == 1 and only.rows[0]["base"] == top["base"]
    assert top["code"] in only.filters_text
    by_tax_id = run_report(book, "vat-book", YEAR, {"customer": top["tax_id"]})
    assert by_tax_id.totals["base"] == top["base"]


# -- receivables aging ---------------------------------------------------------------------------------

def test_aging_today_is_what_the_invoice_list_shows_as_owed(book):
    report = run_report(book, "receivables-aging", Period(TODAY, TODAY))
    open_rows = _all(book, list_invoices, {"open": True, "today": TODAY})
    assert report.totals["total"] == sum((r["total"] for r in open_rows), ZERO) - _paid_of(book, open_rows)
    assert report.totals["invoices"] == len(open_rows)
    overdue = count_invoices(book, ListQuery(filters={"state": "overdue", "today": TODAY}))
    late = sum(1 for r in open_rows if r["due_date"] is not None and r["due_date"] < TODAY)
    assert overdue == late and overdue > 0
    assert report.totals["total"] == sum((report.totals[b] for b in ("current", "d1_30", "d31_60", "d61_90", "d90")),
                                         ZERO)


def _paid_of(db, rows) -> Decimal:
    ids = [r["__id"] for r in rows]
    with db.session() as s:
        return sum((p for (p,) in s.execute(select(Invoice.paid_total).where(Invoice.id.in_(ids)))), ZERO)


def test_aging_as_of_a_past_date_adds_back_the_payments_made_since(book):
    as_of = dt.date(2026, 6, 30)
    report = run_report(book, "receivables-aging", Period(as_of, as_of))
    # Brute force over every posted invoice: total less the payments dated by then.
    expected: Counter = Counter()
    with book.session() as s:
        paid: dict = {}
        for invoice_id, amount in s.execute(select(Payment.invoice_id, Payment.amount).where(Payment.date <= as_of)):
            paid[invoice_id] = paid.get(invoice_id, ZERO) + amount
        for invoice_id, kind, total, due in s.execute(select(Invoice.id, Invoice.kind, Invoice.total,
                                                             Invoice.due_date).where(
                Invoice.status == InvoiceStatus.POSTED, Invoice.issue_date <= as_of)):
            owed = total - paid.get(invoice_id, ZERO)
            if kind.value != "credit_note" and owed > 0:
                expected[bucket_of(0 if due is None else (as_of - due).days)] += owed
    for bucket in ("current", "d1_30", "d31_60", "d61_90", "d90"):
        assert report.totals[bucket] == expected[bucket], bucket
    assert report.totals["total"] > 0


# -- stock, contracts, people ----------------------------------------------------------------------------

@pytest.mark.parametrize("on_date", [TODAY, dt.date(2026, 3, 31)])
def test_stock_valuation_totals_each_warehouse_as_its_stock_value(book, on_date):
    report = run_report(book, "stock-valuation", Period(on_date, on_date))
    expected = sum((w.value for w in stock_value(book, None if on_date == TODAY else on_date)), ZERO)
    assert report.totals["value"] == expected
    assert abs(sum((r["value"] for r in report.rows), ZERO) - expected) <= Decimal("0.01") * len(report.rows)
    one = stock_value(book)[0]
    only = run_report(book, "stock-valuation", Period(on_date, on_date), {"warehouse": one.code})
    assert {r["warehouse"] for r in only.rows} == {one.code}


def test_renewals_list_every_running_contract_ending_in_the_period_in_date_order(book):
    period = Period(TODAY, dt.date(2027, 11, 20))
    report = run_report(book, "contract-renewals", period)
    assert report.rows
    ends = [r["end_date"] for r in report.rows]
    assert ends == sorted(ends) and all(period.start <= d <= period.end for d in ends)
    assert all(r["notice_by"] is None or r["notice_by"] <= r["end_date"] for r in report.rows)


def test_headcount_counts_people_by_their_hire_and_end_dates(book):
    report = run_report(book, "headcount", YEAR)
    with book.session() as s:
        people = s.execute(select(Employee.hire_date, Employee.end_date)).all()
    at_end = sum(1 for h, e in people if h <= YEAR.end and (e is None or e >= YEAR.end))
    hired = sum(1 for h, _e in people if YEAR.start <= h <= YEAR.end)
    assert report.totals["at_end"] == at_end and report.totals["hired"] == hired
    assert report.totals["at_start"] + report.totals["hired"] - report.totals["left"] >= report.totals["at_end"] - 1
    assert report.totals["vacation"] > 0


# -- periods that hold nothing, and bad input --------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(REPORTS))
@pytest.mark.parametrize("period,says", [
    (Period(dt.date(2026, 6, 30), dt.date(2026, 1, 1)), "Swap the dates"),
    (Period(dt.date(1492, 1, 1), dt.date(1492, 12, 31)), "too far"),
    (Period(dt.date(3000, 1, 1), dt.date(3000, 12, 31)), "too far"),
])
def test_a_reversed_or_far_period_is_an_empty_report_with_a_note(book, name, period, says):
    report = run_report(book, name, period)
    if REPORTS[name].as_of and says == "Swap the dates":
        return  # an "as of" report reads one date: 30/06/2026 is a fine one
    assert report.rows == [] and report.totals is None
    assert any(says in n for n in report.notes)


@pytest.mark.parametrize("name", ["vat-book", "sales-by-customer", "sales-by-month", "sales-by-product",
                                  "contract-renewals"])
def test_a_period_without_data_says_so(book, name):
    report = run_report(book, name, Period(dt.date(1990, 1, 1), dt.date(1990, 12, 31)))
    assert report.rows == [] and report.notes == (REPORTS[name].empty(),)


def test_unknown_filter_values_name_the_filter(book):
    with pytest.raises(ValidationError) as err:
        run_report(book, "vat-book", YEAR, {"customer": "C999999"})
    assert err.value.field == "customer"
    with pytest.raises(ValidationError) as err:
        run_report(book, "headcount", YEAR, {"warehouse": "MAIN"})
    assert err.value.field == "warehouse"
    with pytest.raises(ValidationError) as err:
        run_report(book, "no-such-report", YEAR)
    assert err.value.field == "report"


# -- the contracts to bill filter -------------------------------------------------------------------------

def test_contracts_to_bill_hold_every_contract_with_a_period_due(book):
    from app.services.contracts import list_contracts

    until = TODAY + dt.timedelta(days=7)
    listed = {r["__id"] for r in _all(book, list_contracts, {"to_bill_by": until})}
    due = {str(d.contract_id) for d in due_periods(book, until)}
    assert due and due <= {str(i) for i in listed}


def test_aging_for_one_customer_is_that_customer_s_row(book):
    as_of = dt.date(2026, 6, 30)
    everyone = run_report(book, "receivables-aging", Period(as_of, as_of))
    row = next(r for r in everyone.rows if r["code"] and r["d90"] == 0 and r["current"] > 0)
    only = run_report(book, "receivables-aging", Period(as_of, as_of), {"customer": row["code"]})
    assert only.rows == [row]
