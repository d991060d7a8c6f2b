"""Posting: a draft becomes a numbered, immutable invoice.

Numbers are correlative per series and year with no gap and no duplicate,
however many clerks post at once:

- The posting transaction's first statement writes the series row (an
  UPDATE that changes nothing). On PostgreSQL that takes the row lock, so
  posters of one series queue there; on SQLite it takes the database's write
  lock before anything is read, so no poster numbers from a stale snapshot.
- The number, the invoice and its VERI*FACTU record are written in that same
  transaction: a failure anywhere rolls all of it back and the number is
  given again to the next poster. Drafts have no number, so deleting one
  leaves no gap.

Before numbering, the draft is checked again against today's data (the
customer may have lost an NIF since the draft was saved) and against what
RD 1619/2012 art. 6 requires an invoice to show; every missing item is named.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import locale_format
from app.db.session import Database
from app.domain.company import Company
from app.domain.enums import InvoiceKind, InvoiceStatus, StockMoveKind
from app.domain.inventory import Product, StockMove, Warehouse
from app.domain.invoices import NUMBER_DIGITS, Invoice, InvoiceSeries
from app.domain.sync import Workstation
from app.domain.types import utcnow
from app.errors import FieldError, NotFoundError, PostingQueued, ValidationError
from app.i18n import _
from app.services.common import apply, check_version
from app.services.invoice_drafts import check_draft
from app.services.invoices import InvoiceData, InvoiceLineData, InvoiceView, _view, status_words
from app.services.payments import settle_with_credit
from app.services.stock import PlannedMove, write_moves



def format_number(series: InvoiceSeries, year: int, number: int) -> str:
    """``F2026-000123`` for a series reset yearly, ``F000123`` for one that runs on."""
    if series.yearly_reset:
        return f"{series.prefix}{year}-{number:0{NUMBER_DIGITS}d}"
    return f"{series.prefix}{number:0{NUMBER_DIGITS}d}"


def _draft_as_form(inv: Invoice) -> InvoiceData:
    return InvoiceData(
        issue_date=inv.issue_date, party_id=inv.party_id, kind=inv.kind, series_id=inv.series_id,
        operation_date=inv.operation_date, due_date=inv.due_date, notes=inv.notes,
        corrected_invoice_id=inv.corrected_invoice_id, correction_reason=inv.correction_reason,
        warehouse_id=inv.warehouse_id, moves_stock=inv.moves_stock,
        lines=[InvoiceLineData(description=l.description, quantity=l.quantity, unit_price=l.unit_price,
                               discount_percent=l.discount_percent, tax_rate_id=l.tax_rate_id,
                               product_id=l.product_id) for l in inv.lines],
    )


def _missing_for_law(s: Session, inv: Invoice, company: Company | None) -> list[FieldError]:
    """What RD 1619/2012 art. 6 (art. 7 for simplified invoices) requires and this invoice lacks."""
    problems: list[FieldError] = []
    if company is None or not company.legal_name or not company.tax_id:
        problems.append(FieldError("company", _("Fill in your company's name and NIF before posting.")))
    elif not (company.street and company.postal_code and company.city):
        problems.append(FieldError("company", _("Fill in your company's full address before posting.")))
    full = inv.kind == InvoiceKind.INVOICE or (
        inv.kind == InvoiceKind.CREDIT_NOTE and inv.corrected_invoice_id is not None
        and s.get(Invoice, inv.corrected_invoice_id).kind == InvoiceKind.INVOICE)
    if full:
        if not inv.party_tax_id:
            problems.append(FieldError("party_id", _("The customer has no NIF: a full invoice must show it.")))
        if not inv.party_address:
            problems.append(FieldError("party_id", _("The customer has no address: a full invoice must show it.")))
    if inv.kind == InvoiceKind.SIMPLIFIED and company is not None:
        limit = company.simplified_invoice_limit
        if inv.total > limit:
            problems.append(FieldError("total", _(
                "A simplified invoice may total at most {limit} EUR with tax; this one totals {total}. "
                "Make it a full invoice.").format(limit=locale_format.format_number(limit),
                                                  total=locale_format.format_number(inv.total))))
    if inv.kind == InvoiceKind.CREDIT_NOTE and inv.corrected_invoice_id is not None:
        original = s.get(Invoice, inv.corrected_invoice_id)
        credited = s.execute(select(func.coalesce(func.sum(Invoice.total), 0)).where(
            Invoice.corrected_invoice_id == original.id, Invoice.status == InvoiceStatus.POSTED,
            Invoice.id != inv.id)).scalar_one()
        if original.total + credited + inv.total < 0:
            problems.append(FieldError("lines", _(
                "This credit note takes back more than is left of {number}: {left} EUR.").format(
                    number=original.full_number, left=locale_format.format_number(original.total + credited))))
    return problems


def _next_number(s: Session, series: InvoiceSeries, year: int) -> tuple[int, dt.date | None]:
    """The number to give, and the date of the series' latest numbered invoice of that year."""
    if series.yearly_reset and (series.year is None or year > series.year):
        series.year, series.next_number = year, 1
    elif series.yearly_reset and year < series.year:
        raise ValidationError("issue_date", _(
            "Series {code} is already numbering {year}: an invoice dated in {old} can no longer be posted in it.")
            .format(code=series.code, year=series.year, old=year))
    last_date = s.execute(select(func.max(Invoice.issue_date)).where(
        Invoice.series_id == series.id, Invoice.status != InvoiceStatus.DRAFT,
        Invoice.fiscal_year == year)).scalar()
    number = series.next_number
    series.next_number = number + 1
    return number, last_date


class _Deferred(Exception):
    pass


def _check_reservation(code: str, reserved_for: int | None, offline: bool, here: int | None) -> None:
    """A series reserved for a workstation is numbered only there, offline; any other only by the server."""
    if reserved_for is None:
        return
    if not offline:
        raise ValidationError("series_id", _(
            "Series {code} is kept for the offline work of workstation {ws}: post this invoice in another series."
        ).format(code=code, ws=reserved_for))
    if reserved_for != here:
        raise ValidationError("series_id", _(
            "Series {code} is kept for workstation {ws}, not this computer: post this invoice in another series."
        ).format(code=code, ws=reserved_for))


def post_invoice(db: Database, invoice_id: uuid.UUID, expected_version: int | None = None,
                 *, now: dt.datetime | None = None, allow_negative: bool = False) -> InvoiceView:
    """See ``_post``; offline, a draft of a series the server numbers is queued instead (PostingQueued)."""
    try:
        return _post(db, invoice_id, expected_version, now=now, allow_negative=allow_negative)
    except _Deferred:
        pass
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from app.sync.replica import sync_posting

    with db.session() as s:
        s.execute(sqlite_insert(sync_posting).values(invoice_id=str(invoice_id)).on_conflict_do_nothing())
    raise PostingQueued(_("You are working offline: this draft is checked and will be posted, with the next "
                          "number of its series, when this computer syncs with the server. To number it now, "
                          "post it in the series kept for this computer."))


def _post(db: Database, invoice_id: uuid.UUID, expected_version: int | None = None,
          *, now: dt.datetime | None = None, allow_negative: bool = False) -> InvoiceView:
    """Number the draft in its series and freeze it, with its VERI*FACTU record and its
    stock moves, in one transaction.

    Refuses (ValidationError naming each problem, nothing numbered, nothing
    written) a draft that is not valid today or lacks what the law requires,
    and a form opened before someone else's change (ConflictError). When its
    deliveries would leave a warehouse short, the company's negative-stock
    policy decides: refused, or a NegativeStockWarning (nothing written) until
    the clerk confirms with ``allow_negative=True``.
    """
    from app.services.chain import append_registration

    with db.session() as s:
        found = s.execute(select(Invoice.series_id, InvoiceSeries.code, Workstation.number)
                          .join(InvoiceSeries, InvoiceSeries.id == Invoice.series_id)
                          .outerjoin(Workstation, Workstation.id == InvoiceSeries.workstation_id)
                          .where(Invoice.id == invoice_id)).first()
        offline, here = s.info.get("offline"), s.info.get("workstation")
    if found is None:
        raise NotFoundError(_("This invoice no longer exists."))
    series_id, code, reserved_for = found
    _check_reservation(code, reserved_for, offline, here)
    # Offline, a series the server numbers cannot be numbered here: the draft is checked now, posted at sync.
    deferred = offline and reserved_for is None
    with db.session() as s:
        # First statement: take the series lock (see the module docstring).
        s.execute(update(InvoiceSeries).where(InvoiceSeries.id == series_id)
                  .values(next_number=InvoiceSeries.next_number).execution_options(synchronize_session=False))
        inv = s.get(Invoice, invoice_id)
        if inv is None:
            raise NotFoundError(_("This invoice no longer exists."))
        check_version(inv, expected_version)
        if inv.status != InvoiceStatus.DRAFT:
            raise ValidationError("status", _("Only a draft can be posted; this invoice is already {status}.")
                                  .format(status=status_words(inv.status)))
        checked = check_draft(s, _draft_as_form(inv))  # today's customer, rates and rules
        with s.no_autoflush:
            apply(inv, checked.values)
            inv.lines = checked.lines
        s.flush()  # the lines are written while the invoice is a draft: a server refuses lines of a posted one
        if inv.series_id != series_id:  # the draft was moved to another series meanwhile
            raise ValidationError("series_id", _("The invoice changed series while posting; post it again."))
        company = s.execute(select(Company)).scalars().first()
        problems = _missing_for_law(s, inv, company)
        if problems:
            raise ValidationError(problems)
        if deferred:
            raise _Deferred()  # nothing of this session is kept: the draft stays as it was saved
        series = s.get(InvoiceSeries, series_id)
        year = inv.issue_date.year
        number, last_date = _next_number(s, series, year)
        if last_date is not None and inv.issue_date < last_date:
            raise ValidationError("issue_date", _(
                "Invoices of series {code} must be numbered in date order: the last one posted is dated {date}.")
                .format(code=series.code, date=locale_format.format_date(last_date)))
        inv.number, inv.fiscal_year = number, year
        inv.full_number = format_number(series, year, number)
        inv.status = InvoiceStatus.POSTED
        inv.posted_at = now or utcnow()
        s.flush()
        if inv.moves_stock:
            write_moves(s, invoice_moves(s, inv), allow_negative=allow_negative)
        if inv.kind == InvoiceKind.CREDIT_NOTE:
            settle_with_credit(s, inv)  # what it takes back is no longer owed on the invoice it corrects
        append_registration(s, inv, now=inv.posted_at)
        s.flush()
        return _view(s, inv)


def invoice_moves(s: Session, inv: Invoice) -> list[PlannedMove]:
    """The stock moves posting ``inv`` makes: one per line of a stocked product.

    A positive quantity leaves the invoice's warehouse (a delivery); a negative
    one, as on a credit note, comes back into it (a return receipt) valued at
    what the original delivery of that product took out, or at the current
    average cost when there is none.
    """
    stocked = [(i, l) for i, l in enumerate(inv.lines) if l.product_id is not None and l.quantity != 0]
    if not stocked:
        return []
    products = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_({l.product_id for _, l in stocked})))}
    stocked = [(i, l) for i, l in stocked if products[l.product_id].stocked]
    if not stocked:
        return []
    warehouse = _warehouse_for(s, inv)
    costs: dict[uuid.UUID, Decimal] = {}
    if inv.corrected_invoice_id is not None:  # what the original's deliveries were valued at
        for product_id, cost in s.execute(select(StockMove.product_id, StockMove.unit_cost).where(
                StockMove.invoice_id == inv.corrected_invoice_id, StockMove.kind == StockMoveKind.DELIVERY,
                StockMove.reverses_id.is_(None))):
            costs[product_id] = cost
    planned = []
    for i, line in stocked:
        out = line.quantity > 0
        planned.append(PlannedMove({
            "kind": StockMoveKind.DELIVERY if out else StockMoveKind.RECEIPT,
            "product_id": line.product_id,
            "from_warehouse_id": warehouse.id if out else None,
            "to_warehouse_id": None if out else warehouse.id,
            "quantity": abs(line.quantity), "unit_cost": None if out else costs.get(line.product_id),
            "date": inv.issue_date, "reference": inv.full_number, "reason": None,
            "party_id": inv.party_id, "invoice_id": inv.id,
        }, field=f"lines[{i}].quantity"))
    return planned


def _warehouse_for(s: Session, inv: Invoice) -> Warehouse:
    if inv.warehouse_id is not None:
        warehouse = s.get(Warehouse, inv.warehouse_id)
        if warehouse.archived_at is not None:
            raise ValidationError("warehouse_id", _("Warehouse {code} is archived; choose another one.")
                                  .format(code=warehouse.code))
        return warehouse
    warehouse = s.execute(select(Warehouse).where(Warehouse.archived_at.is_(None))
                          .order_by(Warehouse.is_default.desc(), Warehouse.code).limit(1)).scalar()
    if warehouse is None:
        raise ValidationError("warehouse_id", _(
            "This invoice sells stocked products but there is no warehouse: create one in Inventory, "
            "or untick \"Moves stock\"."))
    return warehouse
