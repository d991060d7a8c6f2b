"""Receivables aging as of a date: what each customer owed then, by days past due.

What a customer owes on an invoice is what the invoice list calls its
outstanding amount (total less payments) for the states unpaid, partly paid
and overdue; credit notes are not receivables (nothing is collected on them).
As of a past date the payments made after it are added back:

    owed then = (total - paid_total) + payments dated after the date

so only the invoices open today and those paid since are read, never the
whole history; the index ``ix_invoice_open`` holds just the open ones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice, Payment
from app.domain.parties import Party
from app.domain.types import Money
from app.i18n import _
from app.money import ZERO
from app.reports.base import Period, ReportColumn, Rows, report, sum_rows

BUCKETS = ("current", "d1_30", "d31_60", "d61_90", "d90")


def bucket_titles() -> dict[str, str]:
    return {"current": _("Not yet due"), "d1_30": _("1-30 days"), "d31_60": _("31-60 days"),
            "d61_90": _("61-90 days"), "d90": _("Over 90 days")}


def days_late(owed: "Owed", as_of: dt.date) -> int:
    return 0 if owed.due is None else (as_of - owed.due).days


def bucket_of(days_late: int) -> str:
    if days_late <= 0:
        return "current"
    if days_late <= 30:
        return "d1_30"
    if days_late <= 60:
        return "d31_60"
    if days_late <= 90:
        return "d61_90"
    return "d90"


@dataclass(frozen=True)
class Owed:
    invoice_id: uuid.UUID
    party_id: uuid.UUID | None
    due: dt.date | None  # None: the invoice states no due date, so it is never late (as in the invoice list)
    amount: Decimal


def open_today_where() -> list:
    """The terms of an open receivable today; they match ``ix_invoice_open``'s, so the index serves them."""
    return [Invoice.status == InvoiceStatus.POSTED, Invoice.kind != InvoiceKind.CREDIT_NOTE,
            Invoice.paid_total < Invoice.total]


def owed_as_of(s: Session, as_of: dt.date, party_id: uuid.UUID | None = None) -> Iterator[Owed]:
    """Every invoice with something owed at the end of ``as_of``, and how much."""
    due = Invoice.due_date
    where = [Invoice.issue_date <= as_of]
    if party_id is not None:
        where.append(Invoice.party_id == party_id)
    later = (select(Payment.invoice_id, func.sum(Payment.amount, type_=Money()).label("amount"))
             .where(Payment.date > as_of).group_by(Payment.invoice_id).subquery())
    paid_later: dict[uuid.UUID, tuple] = {}
    for invoice_id, party, when, amount in s.execute(
            select(Invoice.id, Invoice.party_id, due, later.c.amount).join(later, later.c.invoice_id == Invoice.id)
            .where(*where, Invoice.status == InvoiceStatus.POSTED, Invoice.kind != InvoiceKind.CREDIT_NOTE)):
        paid_later[invoice_id] = (party, when, amount or ZERO)
    for invoice_id, party, when, total, paid in s.execute(
            select(Invoice.id, Invoice.party_id, due, Invoice.total, Invoice.paid_total)
            .where(*open_today_where(), *where)):
        extra = paid_later.pop(invoice_id, (None, None, ZERO))[2]
        yield Owed(invoice_id, party, when, total - paid + extra)
    for invoice_id, (party, when, amount) in paid_later.items():
        if amount > 0:
            yield Owed(invoice_id, party, when, amount)


def _columns() -> tuple[ReportColumn, ...]:
    titles = bucket_titles()
    return (
        ReportColumn("code", _("Code"), "text", 55),
        ReportColumn("name", _("Customer"), "text", 170),
        ReportColumn("invoices", _("Invoices"), "quantity", 50),
        *(ReportColumn(b, titles[b], "money", 68) for b in BUCKETS),
        ReportColumn("total", _("Owed"), "money", 75),
    )


@report("receivables-aging", title=lambda: _("Receivables aging"),
        description=lambda: _("What each customer owed on the date, by days past the due date."),
        columns=_columns, empty=lambda: _("No customer owed anything on this date."), as_of=True,
        filters=("customer",), landscape=True)
def receivables_aging(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    as_of = period.end
    per_party: dict[uuid.UUID | None, dict[str, Any]] = {}
    with db.session() as s:
        for owed in owed_as_of(s, as_of, filters.get("customer")):
            row = per_party.setdefault(owed.party_id, {"invoices": 0, **{b: ZERO for b in BUCKETS}})
            row["invoices"] += 1
            row[bucket_of(days_late(owed, as_of))] += owed.amount
        ids = [p for p in per_party if p is not None]
        names = {}
        for i in range(0, len(ids), 900):
            names.update({p: (c, n) for p, c, n in s.execute(
                select(Party.id, Party.code, Party.legal_name).where(Party.id.in_(ids[i:i + 900])))})
    rows = []
    for party_id, row in per_party.items():
        code, name = names.get(party_id, ("", _("(simplified invoices without a customer)")))
        rows.append({"code": code, "name": name, **row, "total": sum((row[b] for b in BUCKETS), ZERO)})
    rows.sort(key=lambda r: (-r["total"], r["code"]))
    return Rows(rows, sum_rows(rows, ("invoices", *BUCKETS, "total"), "name"),
                (_("Days are counted from each invoice's due date; one without a due date is not yet due, as "
                   "in the invoice list. Credit notes are not receivables."),))
