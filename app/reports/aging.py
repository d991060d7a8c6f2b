"""Receivables aging as of a date: what each customer owed then, by days past due.

What a customer owes on an invoice is what the invoice list calls its
outstanding amount (total less payments) for the states unpaid, partly paid
and overdue; credit notes are not receivables (nothing is collected on them):
posted, they settle what they take back of the invoice they correct, as a
payment of that invoice on their date (``app.services.payments``).
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

from sqlalchemy import Date, Integer, String, Uuid, bindparam, column, select, text, type_coerce
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


@dataclass
class Owed:
    """What one customer (or everyone, when not read per customer) owed on the date, per bucket."""

    invoices: int
    late: int  # of which past their due date
    buckets: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), ZERO)


def _raw_key(value) -> str:
    """A UUID, or its text as SQLite stores it (hex) or PostgreSQL gives it, as one comparable key."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _open_grouped(s: Session, as_of: dt.date, party_id: uuid.UUID | None, per_party: bool):
    """Open invoices issued by ``as_of``, counted and summed per due date (and customer).

    Grouped in the order of ix_invoice_open (due date, customer), which holds just the open invoices and
    every column read, so nothing is sorted. SQLite's planner does not pick that partial index by itself
    until ANALYZE has run (it prefers the wide sales index for "status = 'posted'", reading ten times
    more), and SQLAlchemy renders no index hint for SQLite: hence this one statement in SQL, with
    ``INDEXED BY`` there.
    """
    party = ", party_id" if per_party else ""
    one = " AND party_id = :party_id" if party_id is not None else ""
    indexed = " INDEXED BY ix_invoice_open" if s.get_bind().dialect.name == "sqlite" else ""
    stmt = text(f"SELECT due_date{party}, count(*) AS invoices, sum(total - paid_total) AS owed "
                f"FROM invoice{indexed} WHERE {OPEN_TERMS} AND issue_date <= :as_of{one} "
                f"GROUP BY due_date{party}")
    params = [bindparam("as_of", as_of, type_=Date)]
    if party_id is not None:
        params.append(bindparam("party_id", party_id, type_=Uuid))
    columns = [column("due_date", Date), *([column("party_id", Uuid)] if per_party else []),
               column("invoices", Integer), column("owed", Money())]
    return stmt.bindparams(*params).columns(*columns)


def owed_as_of(s: Session, as_of: dt.date, party_id: uuid.UUID | None = None, *, per_party: bool = True
               ) -> dict[uuid.UUID | None, Owed]:
    """What was owed at the end of ``as_of``, per customer (or all together, under None, unless ``per_party``)."""
    stmt = _open_grouped(s, as_of, party_id, per_party)
    owed: dict[uuid.UUID | None, Owed] = {}
    bucket_of_due: dict[dt.date | None, str] = {}

    def add(party, due, invoices: int, amount: Decimal) -> None:
        bucket = bucket_of_due.get(due)
        if bucket is None:
            bucket = bucket_of_due[due] = bucket_of(0 if due is None else (as_of - due).days)
        entry = owed.get(party)
        if entry is None:
            entry = owed[party] = Owed(0, 0, {b: ZERO for b in BUCKETS})
        entry.buckets[bucket] += amount
        entry.invoices += invoices
        if bucket != "current":
            entry.late += invoices

    for row in s.execute(stmt):
        add(row[1] if per_party else None, row[0], row[-2], row[-1])
    # Payments made after the date come back: onto invoices still open (already counted above), or as
    # what was owed then on invoices paid in full since. The only SQL condition is the payment's date, so
    # the planner walks ix_payment_date and looks each invoice up; the invoice's own terms are checked here
    # (given to SQL, they make SQLite walk every posted invoice instead).
    paid_later: dict[object, list] = {}
    # Ids are only keys here: read as stored, made UUIDs once per customer (at 190k payments, converting
    # every value was a third of the time), and what is owed now comes as one amount.
    paid_later: dict[object, list] = {}
    adjust = (select(type_coerce(Payment.invoice_id, String), Payment.amount, type_coerce(Invoice.party_id, String),
                     Invoice.due_date, (Invoice.total - Invoice.paid_total).label("owed_now"), Invoice.issue_date,
                     Invoice.status, Invoice.kind)
              .join(Invoice, Invoice.id == Payment.invoice_id).where(Payment.date > as_of))
    wanted_party = None if party_id is None else _raw_key(party_id)
    for invoice_id, amount, party, due, owed_now, issued, status, kind in s.execute(adjust):
        if (issued > as_of or status != InvoiceStatus.POSTED or kind == InvoiceKind.CREDIT_NOTE
                or (wanted_party is not None and _raw_key(party) != wanted_party)):
            continue
        entry = paid_later.get(invoice_id)
        if entry is None:
            paid_later[invoice_id] = [party, due, owed_now, amount]
        else:
            entry[3] += amount
    parties: dict[object, uuid.UUID | None] = {None: None}
    for party, due, owed_now, amount in paid_later.values():
        then = owed_now + amount  # a credit note's reversal is a negative payment: then can be less
        if owed_now > 0:  # counted above with what is owed now
            change, invoices = (amount, 0) if then > 0 else (-owed_now, -1)
        elif then > 0:  # paid in full since: not counted above
            change, invoices = then, 1
        else:
            continue
        if change:
            if party not in parties:
                parties[party] = party if isinstance(party, uuid.UUID) else uuid.UUID(party)
            add(parties[party] if per_party else None, due, invoices, change)
    return owed


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
    with db.session() as s:
        per_party = {p: {"invoices": o.invoices, **o.buckets} for p, o in owed_as_of(
            s, as_of, filters.get("customer")).items() if o.total > 0}
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
