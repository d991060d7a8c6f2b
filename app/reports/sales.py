"""Sales by customer, by product and by month: posted invoices and credit notes of a period.

What counts as a sale is what the invoice list shows as posted: invoices,
simplified invoices and credit notes (factura rectificativa), the latter with
their negative amounts, so a credit note lowers the figures of its own month.
Cancelled invoices and drafts are left out. Every amount is summed in SQL
from the stored totals, never recomputed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, select

from app.db.session import Database
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.inventory import Product
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.parties import Party
from app.domain.types import Money, Quantity
from app.i18n import _
from app.money import ZERO
from app.reports.base import Period, ReportColumn, Rows, a_year_before, report, sum_rows

_AMOUNTS = ("base", "tax", "recargo", "irpf", "total")


def posted_in(period: Period, filters: dict[str, Any]) -> list:
    """The WHERE of "posted in the period", with the customer and series filters."""
    where = [Invoice.status == InvoiceStatus.POSTED, Invoice.issue_date >= period.start,
             Invoice.issue_date <= period.end]
    if "customer" in filters:
        where.append(Invoice.party_id == filters["customer"])
    if "series" in filters:
        where.append(Invoice.series_id == filters["series"])
    return where


def amount_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("base", _("Base"), "money", 75),
        ReportColumn("tax", _("IVA"), "money", 65),
        ReportColumn("recargo", _("Recargo"), "money", 60),
        ReportColumn("irpf", _("IRPF"), "money", 60),
        ReportColumn("total", _("Total"), "money", 75),
    )


def _sums() -> list:
    return [func.sum(Invoice.base_total, type_=Money()), func.sum(Invoice.tax_total, type_=Money()),
            func.sum(Invoice.recargo_total, type_=Money()), func.sum(Invoice.irpf_total, type_=Money()),
            func.sum(Invoice.total, type_=Money())]


def _counts() -> list:
    credit = Invoice.kind == InvoiceKind.CREDIT_NOTE
    return [func.sum(case((credit, 0), else_=1)), func.sum(case((credit, 1), else_=0))]


def _amounts(values) -> dict[str, Decimal]:
    return {k: (v if v is not None else ZERO) for k, v in zip(_AMOUNTS, values)}


# -- by customer -------------------------------------------------------------------------------

def _customer_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("code", _("Code"), "text", 55),
        ReportColumn("name", _("Customer"), "text", 170),
        ReportColumn("tax_id", _("NIF"), "text", 70),
        ReportColumn("invoices", _("Invoices"), "quantity", 50),
        ReportColumn("credit_notes", _("Credit notes"), "quantity", 55),
        *amount_columns(),
    )


@report("sales-by-customer", title=lambda: _("Sales by customer"),
        description=lambda: _("Posted invoices and credit notes of the period per customer, largest first."),
        columns=_customer_columns, empty=lambda: _("No posted invoices in this period."),
        filters=("customer", "series"), landscape=True)
def sales_by_customer(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    grouped = (select(Invoice.party_id, *_counts(), *_sums())
               .where(*posted_in(period, filters)).group_by(Invoice.party_id).subquery())
    stmt = (select(grouped, Party.code, Party.legal_name, Party.tax_id)
            .outerjoin(Party, Party.id == grouped.c.party_id))
    with db.session() as s:
        read = s.execute(stmt).all()
    rows = []
    for party_id, invoices, credits, *amounts, code, name, tax_id in read:
        if party_id is None:
            code, name = "", _("(simplified invoices without a customer)")
        rows.append({"code": code, "name": name, "tax_id": tax_id or "", "invoices": invoices,
                     "credit_notes": credits, **_amounts(amounts)})
    rows.sort(key=lambda r: (-r["base"], r["code"]))
    return Rows(rows, sum_rows(rows, ("invoices", "credit_notes", *_AMOUNTS), "name"),
                (_("Credit notes are counted with their negative amounts; cancelled invoices are left out."),))


# -- by product --------------------------------------------------------------------------------

def _product_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("sku", _("SKU"), "text", 80),
        ReportColumn("name", _("Product"), "text", 220),
        ReportColumn("lines", _("Lines"), "quantity", 50),
        ReportColumn("quantity", _("Quantity"), "quantity", 65),
        ReportColumn("base", _("Base"), "money", 80),
        ReportColumn("share", _("Share %"), "percent", 55),
    )


@report("sales-by-product", title=lambda: _("Sales by product"),
        description=lambda: _("Quantity and base of each product sold in the period (credit notes subtract)."),
        columns=_product_columns, empty=lambda: _("No posted invoices in this period."),
        filters=("customer", "series"))
def sales_by_product(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    # Read from two indexes alone (ix_invoice_sales, then ix_invoice_line_sales), names joined once grouped.
    grouped = (select(InvoiceLine.product_id, func.count().label("lines"),
                      func.sum(InvoiceLine.quantity, type_=Quantity()).label("quantity"),
                      func.sum(InvoiceLine.amount, type_=Money()).label("base"))
               .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
               .where(*posted_in(period, filters)).group_by(InvoiceLine.product_id).subquery())
    stmt = (select(Product.sku, Product.name, grouped.c.lines, grouped.c.quantity, grouped.c.base)
            .select_from(grouped).outerjoin(Product, Product.id == grouped.c.product_id))
    with db.session() as s:
        read = s.execute(stmt).all()
    total = sum((r[4] or ZERO for r in read), ZERO)
    hundred = Decimal(100)
    cent = Decimal("0.01")
    rows = []
    for sku, name, lines, quantity, base in read:
        base = base or ZERO
        rows.append({"sku": sku or "", "name": name if sku is not None else _("(lines without a product)"),
                     "lines": lines, "quantity": quantity or ZERO, "base": base,
                     "share": (base * hundred / total).quantize(cent) if total else ZERO})
    rows.sort(key=lambda r: (-r["base"], r["sku"]))
    totals = sum_rows(rows, ("lines", "base"), "name")
    totals["share"] = Decimal("100.00") if total else ZERO
    return Rows(rows, totals, (_("Bases are the lines' amounts before tax; credit notes subtract."),))


# -- by month ----------------------------------------------------------------------------------

MONTHS = (lambda: _("January"), lambda: _("February"), lambda: _("March"), lambda: _("April"),
          lambda: _("May"), lambda: _("June"), lambda: _("July"), lambda: _("August"),
          lambda: _("September"), lambda: _("October"), lambda: _("November"), lambda: _("December"))


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]()} {year}"


def _month_columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("month", _("Month"), "text", 90),
        ReportColumn("invoices", _("Invoices"), "quantity", 55),
        ReportColumn("credit_notes", _("Credit notes"), "quantity", 55),
        *amount_columns(),
        ReportColumn("last_year", _("Base a year before"), "money", 80),
        ReportColumn("change", _("Change %"), "percent", 55),
    )


def base_by_day(db: Database, start: dt.date, end: dt.date, filters: dict[str, Any]) -> dict[dt.date, Decimal]:
    """Posted base per issue date: read in index order (status, issue date), folded into months by the caller."""
    stmt = (select(Invoice.issue_date, func.sum(Invoice.base_total, type_=Money()))
            .where(*posted_in(Period(start, end), filters)).group_by(Invoice.issue_date))
    with db.session() as s:
        return {d: v for d, v in s.execute(stmt)}


@report("sales-by-month", title=lambda: _("Sales by month"),
        description=lambda: _("Invoices, credit notes and amounts per month, beside the same month a year before."),
        columns=_month_columns, empty=lambda: _("No posted invoices in this period."),
        filters=("customer", "series"), landscape=True)
def sales_by_month(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    stmt = (select(Invoice.issue_date, *_counts(), *_sums())
            .where(*posted_in(period, filters)).group_by(Invoice.issue_date))
    months: dict[tuple[int, int], list] = {}
    with db.session() as s:
        for day, invoices, credits, *amounts in s.execute(stmt):
            m = months.setdefault((day.year, day.month), [0, 0, *([ZERO] * len(_AMOUNTS))])
            m[0] += invoices
            m[1] += credits
            for i, v in enumerate(amounts):
                m[2 + i] += v or ZERO
    before = _year_before(period)
    earlier: dict[tuple[int, int], Decimal] = {}
    for day, base in base_by_day(db, before.start, before.end, filters).items():
        earlier[(day.year + 1, day.month)] = earlier.get((day.year + 1, day.month), ZERO) + (base or ZERO)
    rows = []
    for (year, month), (invoices, credits, *amounts) in sorted(months.items()):
        row = {"month": month_name(year, month), "invoices": invoices, "credit_notes": credits,
               **dict(zip(_AMOUNTS, amounts))}
        last = earlier.get((year, month), ZERO)
        row["last_year"] = last
        row["change"] = ((row["base"] - last) * 100 / abs(last)).quantize(Decimal("0.1")) if last else None
        rows.append(row)
    totals = sum_rows(rows, ("invoices", "credit_notes", *_AMOUNTS, "last_year"), "month")
    if rows and totals["last_year"]:
        totals["change"] = ((totals["base"] - totals["last_year"]) * 100 / abs(totals["last_year"])
                           ).quantize(Decimal("0.1"))
    return Rows(rows, totals, (_("Credit notes are counted with their negative amounts; cancelled invoices are "
                                 "left out. A year before: the same days one year earlier."),))


def _year_before(period: Period) -> Period:
    return Period(a_year_before(period.start), a_year_before(period.end))
