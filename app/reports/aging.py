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
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Uuid, func, literal, select, text
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.invoices import OPEN_TERMS, Invoice, Payment
from app.domain.parties import Party
from app.domain.types import Money
from app.i18n import _
from app.money import ZERO
from app.reports.base import Period, ReportColumn, Rows, report, sum_rows

BUCKETS = ("current", "d1_30", "d31_60", "d61_90", "d90")


def bucket_titles() -> dict[str, str]:
    return {"current": _("Not yet due"), "d1_30": _("1-30 days"), "d31_60": _("31-60 days"),
            "d61_90": _("61-90 days"), "d90": _("Over 90 days")}


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
    """What was owed on invoices of one customer falling due on one day (summed in SQL)."""

    party_id: uuid.UUID | None
    due: dt.date | None  # None: the invoices state no due date, so they are never late (as in the invoice list)
    invoices: int
    amount: Decimal


def days_late(owed: Owed, as_of: dt.date) -> int:
    return 0 if owed.due is None else (as_of - owed.due).days


def open_today_where() -> list:
    """The terms of an open receivable today, spelt as ``ix_invoice_open``'s so that SQLite uses the index
    (it does not with the same terms as bound parameters)."""
    return [text(OPEN_TERMS)]


def owed_as_of(s: Session, as_of: dt.date, party_id: uuid.UUID | None = None, *, per_party: bool = True
               ) -> list[Owed]:
    """What was owed at the end of ``as_of``, per customer (unless not ``per_party``) and due date."""
    paid_later: dict[uuid.UUID, Decimal] = {}
    for invoice_id, amount in s.execute(select(Payment.invoice_id, Payment.amount).where(Payment.date > as_of)):
        paid_later[invoice_id] = paid_later.get(invoice_id, ZERO) + amount
    # ix_invoice_open holds just the open invoices and every column read here.
    party = Invoice.party_id if per_party else literal(None, Uuid()).label("party_id")
    open_today = (select(party, Invoice.due_date, func.count(),
                         func.sum(Invoice.total, type_=Money()), func.sum(Invoice.paid_total, type_=Money()))
                  .where(*open_today_where(), Invoice.issue_date <= as_of)
                  .group_by(*([Invoice.party_id] if per_party else []), Invoice.due_date))
    if party_id is not None:
        open_today = open_today.where(Invoice.party_id == party_id)
    groups: dict[tuple, list] = {(p, d): [n, total - paid] for p, d, n, total, paid in s.execute(open_today)}
    # Payments made after the date come back: onto invoices still open (already counted), or as what
    # was owed then on invoices paid in full since.
    ids = list(paid_later)
    for i in range(0, len(ids), 900):
        for invoice_id, party, due, total, paid in s.execute(
                select(Invoice.id, Invoice.party_id, Invoice.due_date, Invoice.total, Invoice.paid_total).where(
                    Invoice.id.in_(ids[i:i + 900]), Invoice.issue_date <= as_of,
                    Invoice.status == InvoiceStatus.POSTED, Invoice.kind != InvoiceKind.CREDIT_NOTE)):
            if party_id is not None and party != party_id:
                continue
            party = party if per_party else None
            group = groups.setdefault((party, due), [0, ZERO])
            if paid < total:
                group[1] += paid_later[invoice_id]
            elif total - paid + paid_later[invoice_id] > 0:
                group[0] += 1
                group[1] += total - paid + paid_later[invoice_id]
    return [Owed(p, d, n, amount) for (p, d), (n, amount) in groups.items() if amount > 0]


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
            row["invoices"] += owed.invoices
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
