"""The dashboard's figures: a few aggregate queries, each served by an index.

Every figure carries the list behind it (``Target``: a tab, a list in it and
that list's own filters), so the window opens exactly the rows a figure
counts; tests check each figure against the list it opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.db.session import Database
from app.domain.employees import LeaveRequest
from app.domain.enums import InvoiceStatus, LeaveStatus
from app.domain.inventory import Product, StockLevel
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.parties import Party
from app.domain.types import Money, Price
from app.errors import PermissionDeniedError
from app.i18n import _
from app.locale_format import format_number
from app.money import ZERO
from app.reports.aging import BUCKETS, bucket_titles, owed_as_of
from app.reports.base import Period, a_year_before
from app.reports.sales import base_by_day, month_name, posted_in
from app.services.contract_lifecycle import count_alerts
from app.services.contracts import count_contracts
from app.services.listing import ListQuery
from app.services.products import count_products

TOP = 8  # bars in the top customers and top products charts
TOP_PRODUCT_DAYS = 30  # products are read line by line: a month keeps the dashboard under a second at 1M invoices
BILL_AHEAD_DAYS = 7


@dataclass(frozen=True)
class Target:
    """The list behind a figure: ``tab`` (as in the window's TAB_KEYS), a list within it, its filters."""

    tab: str
    view: str = ""  # "" for the tab's main list; "leave" (employees), "products" (inventory)
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    value: Decimal | int
    kind: str  # money | count
    detail: str = ""  # "+12.3 % on the same days of 2025" (in the UI language), "3 overdue"
    tone: str = "normal"  # normal | good | warning | bad
    target: Target | None = None


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    kpis: tuple[Kpi, ...]
    months: tuple[str, ...]  # "January" ... up to this month
    revenue_this_year: tuple[Decimal, ...]  # base per month of this year, up to this month
    revenue_last_year: tuple[Decimal, ...]  # base per month of last year, all twelve
    aging: tuple[tuple[str, str, Decimal], ...]  # (bucket, title, owed)
    top_customers: tuple[tuple[str, Decimal], ...]  # this year's base, largest first
    top_products: tuple[tuple[str, Decimal], ...]  # the last TOP_PRODUCT_DAYS days' base, largest first
    stock_by_warehouse: tuple[tuple[str, Decimal], ...]
    unavailable: tuple[str, ...] = ()  # parts this login may not read (sales, receivables, stock, leave ...)

    def kpi(self, key: str) -> Kpi:
        return next(k for k in self.kpis if k.key == key)


def _change(now: Decimal, before: Decimal, year: int) -> tuple[str, str]:
    if not before:
        return _("nothing on the same days of {year}").format(year=year), "normal"
    pct = (now - before) * 100 / abs(before)
    text = _("{pct} % on the same days of {year}").format(pct=format_number(pct, 1, sign=True), year=year)
    return text, ("good" if pct >= 0 else "warning")


def _revenue(db: Database, today: dt.date) -> tuple[list[Kpi], tuple, tuple, tuple]:
    last_year_start = dt.date(today.year - 1, 1, 1)
    by_day = base_by_day(db, last_year_start, today, {})
    this_months = [ZERO] * today.month
    last_months = [ZERO] * 12
    for day, base in by_day.items():
        if day.year == today.year:
            this_months[day.month - 1] += base or ZERO
        else:
            last_months[day.month - 1] += base or ZERO
    a_year_ago = a_year_before(today)

    def between(first: dt.date, last: dt.date) -> Decimal:
        return sum((v or ZERO for d, v in by_day.items() if first <= d <= last), ZERO)

    month_first = today.replace(day=1)
    month_now = this_months[-1]
    month_before = between(a_year_before(month_first), a_year_ago)
    year_now = sum(this_months, ZERO)
    year_before = between(last_year_start, a_year_ago)
    kpis = []
    for key, title, now, before, first in (
            ("revenue_month", _("Sales this month"), month_now, month_before, month_first),
            ("revenue_year", _("Sales this year"), year_now, year_before, today.replace(month=1, day=1))):
        detail, tone = _change(now, before, today.year - 1)
        kpis.append(Kpi(key, title, now, "money", detail, tone, Target("invoices", filters={
            "status": InvoiceStatus.POSTED.value, "date_from": first, "date_to": today})))
    months = tuple(month_name(today.year, m).rsplit(" ", 1)[0] for m in range(1, 13))
    return kpis, months, tuple(this_months), tuple(last_months)


def _receivables(db: Database, today: dt.date) -> tuple[list[Kpi], tuple]:
    with db.session() as s:
        everyone = owed_as_of(s, today, per_party=False).get(None)
    sums = everyone.buckets if everyone else {b: ZERO for b in BUCKETS}
    count, overdue_count = (everyone.invoices, everyone.late) if everyone else (0, 0)
    outstanding = sum(sums.values(), ZERO)
    overdue = outstanding - sums["current"]
    titles = bucket_titles()
    kpis = [
        Kpi("receivables", _("Owed by customers"), outstanding, "money",
            _("{n} invoices not fully paid").format(n=count), "normal", Target("invoices", filters={"open": True})),
        Kpi("overdue", _("Overdue"), overdue, "money", _("{n} invoices past their due date").format(n=overdue_count),
            "bad" if overdue else "good", Target("invoices", filters={"state": "overdue"})),
    ]
    return kpis, tuple((b, titles[b], sums[b]) for b in BUCKETS)


def _drafts(db: Database, today: dt.date) -> list[Kpi]:
    with db.session() as s:
        drafts = s.execute(select(func.count()).select_from(Invoice).where(
            Invoice.status == InvoiceStatus.DRAFT)).scalar_one()
    return [Kpi("drafts", _("Invoices to post"), drafts, "count", _("drafts waiting"),
                "warning" if drafts else "good", Target("invoices", filters={"status": InvoiceStatus.DRAFT.value}))]


def _stock(db: Database, today: dt.date) -> list[Kpi]:
    with db.session() as s:
        stock = s.execute(select(func.coalesce(func.sum(StockLevel.value, type_=Price()), 0))).scalar_one()
    reorder = count_products(db, ListQuery(filters={"below_reorder": True}))
    return [
        Kpi("reorder", _("Products to reorder"), reorder, "count", _("at or below their reorder point"),
            "warning" if reorder else "good", Target("inventory", "products", {"below_reorder": True})),
        Kpi("stock_value", _("Stock value"), Decimal(stock).quantize(Decimal("0.01")), "money",
            _("at average cost, every warehouse"), "normal", Target("inventory", "warehouses")),
    ]


def _contracts(db: Database, today: dt.date) -> list[Kpi]:
    attention = count_alerts(db, today)
    bill_by = today + dt.timedelta(days=BILL_AHEAD_DAYS)
    to_bill = count_contracts(db, ListQuery(filters={"to_bill_by": bill_by}))
    return [
        Kpi("contracts_attention", _("Contracts ending"), attention, "count", _("ending or notice due soon"),
            "warning" if attention else "good", Target("contracts", filters={"alerts": True})),
        Kpi("contracts_to_bill", _("Contracts to bill"), to_bill, "count",
            _("periods due within {n} days").format(n=BILL_AHEAD_DAYS), "warning" if to_bill else "good",
            Target("contracts", filters={"to_bill_by": bill_by})),
    ]


def _away(db: Database, today: dt.date) -> list[Kpi]:
    week_start = today - dt.timedelta(days=today.weekday())
    week_end = week_start + dt.timedelta(days=6)
    with db.session() as s:
        away = s.execute(select(func.count(func.distinct(LeaveRequest.employee_id))).where(
            LeaveRequest.status == LeaveStatus.APPROVED, LeaveRequest.start_date <= week_end,
            LeaveRequest.end_date >= week_start)).scalar_one()
    return [Kpi("away", _("Away this week"), away, "count", _("people on approved leave"), "normal",
                Target("employees", "leave", {"status": LeaveStatus.APPROVED.value, "from": week_start,
                                              "to": week_end}))]


def _top(db: Database, today: dt.date) -> tuple[tuple, tuple]:
    year = Period(today.replace(month=1, day=1), today)
    recent = Period(today - dt.timedelta(days=TOP_PRODUCT_DAYS - 1), today)
    with db.session() as s:
        customers = s.execute(select(Invoice.party_id, func.sum(Invoice.base_total, type_=Money()).label("base"))
                              .where(*posted_in(year, {}), Invoice.party_id.is_not(None))
                              .group_by(Invoice.party_id).order_by(func.sum(Invoice.base_total).desc())
                              .limit(TOP)).all()
        names = dict(s.execute(select(Party.id, Party.legal_name).where(
            Party.id.in_([c[0] for c in customers]))).all()) if customers else {}
        products = s.execute(select(InvoiceLine.product_id, func.sum(InvoiceLine.amount, type_=Money()))
                             .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
                             .where(*posted_in(recent, {}), InvoiceLine.product_id.is_not(None))
                             .group_by(InvoiceLine.product_id).order_by(func.sum(InvoiceLine.amount).desc())
                             .limit(TOP)).all()
        product_names = dict(s.execute(select(Product.id, Product.name).where(
            Product.id.in_([p[0] for p in products]))).all()) if products else {}
    return (tuple((names.get(p, "?"), v or ZERO) for p, v in customers),
            tuple((product_names.get(p, "?"), v or ZERO) for p, v in products))


def dashboard(db: Database, today: dt.date | None = None) -> Dashboard:
    """Every figure of the dashboard as of ``today`` that this login may read (no Qt: the window runs it
    off the GUI thread).

    On a shared server each part is read on its own: a part the login's role may not read (HR reads no
    invoices, an accountant no stock) is left out and named in ``unavailable``, the rest still shows.
    """
    from app.services.stock_reports import stock_value

    today = today or dt.date.today()
    unavailable: list[str] = []

    def read(part: str, fn, empty):
        try:
            return fn(db, today)
        except PermissionDeniedError:
            unavailable.append(part)
            return empty

    revenue, months, this_year, last_year = read("sales", _revenue, ([], (), (), ()))
    receivables, aging = read("receivables", _receivables, ([], ()))
    kpis = [*revenue, *receivables]
    for part, fn in (("drafts", _drafts), ("stock", _stock), ("contracts", _contracts), ("leave", _away)):
        kpis += read(part, fn, [])
    customers, products = read("top", _top, ((), ()))
    warehouses = read("stock_by_warehouse", lambda d, _t: tuple((w.name, w.value) for w in stock_value(d)), ())
    return Dashboard(today, tuple(kpis), months[:today.month], this_year, last_year, aging, customers, products,
                     warehouses, tuple(unavailable))
