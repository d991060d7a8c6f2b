"""Draft invoices: create, update, get, delete, list.

A draft has no number and may change freely; posting (a later step) numbers
it and freezes it. Every save re-reads the customer, products and tax rates,
snapshots them on the invoice and stores totals computed only by
``app.services.totals.compute_totals`` (see ``invoice_drafts``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, case, select, text
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.domain.invoices import OPEN_TERMS, Invoice
from app.domain.taxes import TaxRate
from app.domain.types import utcnow
from app.errors import ValidationError
from app.domain.search import INVOICE_SEARCH
from app.i18n import _
from app.services.common import apply, check_version, get_or_404, to_view
from app.services.invoice_drafts import as_uuid, check_draft
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.totals import LineInput, TaxGroup, compute_totals
from app.services.validation import Validator


@dataclass
class InvoiceLineData:
    """One line of the invoice form. Empty fields take the product's values."""

    description: str | None = None  # default: the product's name
    quantity: Decimal | str | int | None = Decimal(1)
    unit_price: Decimal | str | int | None = None  # default: the product's sale price
    discount_percent: Decimal | str | int | None = Decimal(0)
    tax_rate_id: uuid.UUID | None = None  # default: the product's IVA rate
    product_id: uuid.UUID | None = None


@dataclass
class InvoiceData:
    """What an invoice form holds; every field a plain value."""

    issue_date: dt.date | None = None
    party_id: uuid.UUID | None = None  # required for full invoices and most credit notes
    lines: list[InvoiceLineData] = field(default_factory=list)
    kind: InvoiceKind | str = InvoiceKind.INVOICE
    series_id: uuid.UUID | None = None  # default: the default series of ``kind``
    operation_date: dt.date | None = None
    due_date: dt.date | None = None  # default: first instalment of the party's payment term
    notes: str | None = None
    corrected_invoice_id: uuid.UUID | None = None  # credit notes only
    correction_reason: CorrectionReason | str | None = None  # credit notes only
    warehouse_id: uuid.UUID | None = None  # where the goods leave from (or return to); None = the default
    moves_stock: bool = True  # posting delivers the product lines (a credit note: takes them back)


@dataclass(frozen=True)
class InvoiceLineView:
    id: uuid.UUID
    position: int
    product_id: uuid.UUID | None
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    tax_rate_id: uuid.UUID
    tax_percent: Decimal
    recargo_percent: Decimal
    amount: Decimal


@dataclass(frozen=True)
class InvoiceView:
    id: uuid.UUID
    version: int
    kind: InvoiceKind
    status: InvoiceStatus
    series_id: uuid.UUID
    series_code: str
    fiscal_year: int | None
    number: int | None
    full_number: str | None
    party_id: uuid.UUID | None
    party_name: str
    party_tax_id: str | None
    party_address: str | None
    issue_date: dt.date
    operation_date: dt.date | None
    due_date: dt.date | None
    posted_at: dt.datetime | None
    currency: str
    recargo_equivalencia: bool
    irpf_percent: Decimal | None
    corrected_invoice_id: uuid.UUID | None
    correction_reason: CorrectionReason | None
    notes: str | None
    warehouse_id: uuid.UUID | None
    moves_stock: bool
    base_total: Decimal
    tax_total: Decimal
    recargo_total: Decimal
    irpf_total: Decimal
    total: Decimal
    paid_total: Decimal
    outstanding: Decimal  # total - paid_total: what the customer still owes
    lines: tuple[InvoiceLineView, ...]
    tax_groups: tuple[TaxGroup, ...]  # one per IVA rate (and recargo, exemption), for the PDF


def _tax_groups(s: Session, inv: Invoice) -> tuple[TaxGroup, ...]:
    """The breakdown per rate group, from the lines' snapshots (same function as the totals)."""
    reasons = dict(s.execute(select(TaxRate.id, TaxRate.exemption_reason)).all())
    inputs = [
        LineInput(l.quantity, l.unit_price, l.discount_percent, l.tax_percent, l.recargo_percent,
                  reasons.get(l.tax_rate_id))
        for l in inv.lines
    ]
    totals = compute_totals(inputs, recargo_equivalencia=inv.recargo_equivalencia, irpf_percent=inv.irpf_percent)
    return totals.groups


def _view(s: Session, inv: Invoice) -> InvoiceView:
    lines = tuple(to_view(InvoiceLineView, l) for l in inv.lines)
    return to_view(
        InvoiceView, inv, series_code=inv.series.code, outstanding=inv.total - inv.paid_total,
        lines=lines, tax_groups=_tax_groups(s, inv),
    )


def status_words(status: InvoiceStatus) -> str:
    """"posted", "cancelled"... in the clerk's language, for messages."""
    return {InvoiceStatus.DRAFT: _("a draft"), InvoiceStatus.POSTED: _("posted"),
            InvoiceStatus.CANCELLED: _("cancelled")}.get(status, str(status))


def _refuse_unless_draft(inv: Invoice, doing: str) -> None:
    if inv.status != InvoiceStatus.DRAFT:
        raise ValidationError(
            "status",
            _("Only a draft can be {doing}; this invoice is {status}. Correct it with a credit note.").format(
                doing=doing, status=status_words(inv.status)),
        )


# -- public API ----------------------------------------------------------------

def create_draft(db: Database, data: InvoiceData) -> InvoiceView:
    """Saves a new draft with snapshots and stored totals; writes nothing when any field is wrong."""
    with db.session() as s:
        checked = check_draft(s, data)
        inv = Invoice(status=InvoiceStatus.DRAFT, **checked.values)
        inv.lines = checked.lines
        s.add(inv)
        s.flush()
        return _view(s, inv)


def update_draft(
    db: Database, invoice_id: uuid.UUID, data: InvoiceData, expected_version: int | None = None
) -> InvoiceView:
    """Replaces a draft's header and lines and recomputes its totals.

    Refuses a posted or cancelled invoice (error on ``status``) and a form
    opened before someone else's save (ConflictError).
    """
    with db.session() as s:
        inv = get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        check_version(inv, expected_version)
        _refuse_unless_draft(inv, _("changed"))
        checked = check_draft(s, data)
        # One UPDATE, one version step: without this, loading the old lines to
        # replace them would autoflush the half-applied header first.
        with s.no_autoflush:
            apply(inv, checked.values)
            inv.lines = checked.lines  # delete-orphan drops the old lines
            # Replacing only the lines would not touch the invoice row; the version
            # must still move so that another open form of this draft is refused.
            inv.updated_at = utcnow()
        s.flush()
        return _view(s, inv)


def get_invoice(db: Database, invoice_id: uuid.UUID) -> InvoiceView:
    """The invoice with its lines and its tax breakdown per rate group."""
    with db.session() as s:
        return _view(s, get_or_404(s, Invoice, invoice_id, what=_("invoice")))


def delete_draft(db: Database, invoice_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Deletes a draft and its lines. Posted and cancelled invoices are kept for ever."""
    with db.session() as s:
        inv = get_or_404(s, Invoice, invoice_id, what=_("invoice"))
        check_version(inv, expected_version)
        _refuse_unless_draft(inv, _("deleted"))
        s.delete(inv)


INVOICE_COLUMNS = [
    ListColumn("full_number", _("Number"), Invoice.full_number, searchable=True),
    ListColumn("issue_date", _("Date"), Invoice.issue_date),
    ListColumn("party_name", _("Customer"), Invoice.party_name, searchable=True),
    ListColumn("party_tax_id", _("NIF"), Invoice.party_tax_id, searchable=True),
    ListColumn("status", _("Status"), Invoice.status),
    ListColumn("kind", _("Kind"), Invoice.kind),
    ListColumn("base_total", _("Base"), Invoice.base_total, align="right"),
    ListColumn("total", _("Total"), Invoice.total, align="right"),
    ListColumn("due_date", _("Due"), Invoice.due_date),
]


class InvoiceState(StrEnum):
    """What a clerk reads in the list: the status, refined by payments and the due date."""

    DRAFT = "draft"
    UNPAID = "unpaid"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    CREDIT_NOTE = "credit_note"  # a posted credit note: nothing to collect


def payment_state(today: dt.date) -> ColumnElement[str]:
    """The list's state column, computed in SQL from status, totals, payments and due date."""
    posted = Invoice.status == InvoiceStatus.POSTED
    return case(
        (Invoice.status == InvoiceStatus.DRAFT, InvoiceState.DRAFT.value),
        (Invoice.status == InvoiceStatus.CANCELLED, InvoiceState.CANCELLED.value),
        (and_(posted, Invoice.kind == InvoiceKind.CREDIT_NOTE), InvoiceState.CREDIT_NOTE.value),
        (Invoice.paid_total >= Invoice.total, InvoiceState.PAID.value),
        (Invoice.due_date < today, InvoiceState.OVERDUE.value),
        (Invoice.paid_total > 0, InvoiceState.PARTLY_PAID.value),
        else_=InvoiceState.UNPAID.value,
    )


def _invoice_base(filters: dict) -> Select:
    """The list's SELECT with its filters; a bad filter value is a ValidationError on its key."""
    v = Validator()
    today = filters.get("today") or dt.date.today()
    state = payment_state(today)
    stmt = select(*[c.expr.label(c.key) for c in INVOICE_COLUMNS], state.label("state"))
    if filters.get("state"):
        wanted = v.choice("state", filters["state"], InvoiceState)
        stmt = stmt.where(state == wanted.value)
    if filters.get("open"):
        # What customers still owe: the terms of ix_invoice_open, so that index serves the filter.
        stmt = stmt.where(text(OPEN_TERMS))
    if filters.get("status"):
        status = v.choice("status", filters["status"], InvoiceStatus)
        stmt = stmt.where(Invoice.status == status)
    if filters.get("kind"):
        kind = v.choice("kind", filters["kind"], InvoiceKind)
        stmt = stmt.where(Invoice.kind == kind)
    for key, column in (("party_id", Invoice.party_id), ("series_id", Invoice.series_id)):
        if filters.get(key) is not None:
            value = as_uuid(filters[key])
            if value is None:
                v.error(key, _("Unknown id."))
            stmt = stmt.where(column == value)
    date_from = v.date("date_from", filters.get("date_from"), required=False)
    date_to = v.date("date_to", filters.get("date_to"), required=False)
    if date_from:
        stmt = stmt.where(Invoice.issue_date >= date_from)
    if date_to:
        stmt = stmt.where(Invoice.issue_date <= date_to)
    v.done()
    return stmt


def list_invoices(db: Database, query: ListQuery = ListQuery()) -> Page:
    """One page of invoices, sorted and searched in SQL (keyset paging).

    Filters: ``status``, ``state`` (an InvoiceState, with ``today`` for
    overdue), ``open`` (posted and not fully paid: unpaid, partly paid or overdue), ``kind``, ``party_id``, ``series_id``, ``date_from`` and
    ``date_to`` (issue date, both inclusive). Rows carry ``state``. Default sort: ``issue_date``
    (the UI asks for it descending). Each row carries its id as ``__id``.
    """
    with db.session() as s:
        return run_list(s, _invoice_base(query.filters), INVOICE_COLUMNS, Invoice.id, query, "issue_date",
                        search_index=INVOICE_SEARCH)


def count_invoices(db: Database, query: ListQuery = ListQuery()) -> int:
    """How many invoices the same search and filters find."""
    with db.session() as s:
        return count_rows(s, _invoice_base(query.filters), INVOICE_COLUMNS, query.search, INVOICE_SEARCH)
