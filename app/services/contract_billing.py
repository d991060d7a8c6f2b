"""Recurring billing: every period of a customer contract becomes one invoice, once.

How the billing terms map to periods (what a Spanish SME expects of a service
or subscription contract: billed in advance, at the start of each period):

- Periods are runs of 1 (monthly), 3 (quarterly) or 12 (yearly) calendar
  months counted from the contract's start month: a quarterly contract that
  starts in February bills Feb-Apr, May-Jul... A one-off contract has a single
  period, from its start to its end (or its start day when open-ended),
  invoiced on the start date.
- The invoice date is the billing day within the period's first month,
  clamped to that month's last day (day 31 bills on 30 April, 28 or 29
  February), and never before the period's first day.
- The first period starts on the start date and the last one is cut at the
  end date or, for a terminated contract, at ``terminated_on`` (the last day
  of service). A cut period is prorated by days: each line's quantity is
  multiplied by days billed / days of the whole period (4 decimals), and its
  description says so ("17/31 días").
- Billed: customer contracts that are active, notice given, ended or
  terminated (an ended one still owes the periods before its end that nobody
  billed: no period is forgotten). Never drafts, archived contracts, supplier
  contracts (they bill us) or employment contracts.
- A period is due when its invoice date is on or before ``until`` and it was
  not billed: no ContractBilling row for (contract, period start) and not
  before ``billed_until`` (data billed before this module existed).

Idempotence: each period is one transaction that writes the invoice and its
ContractBilling row; the UNIQUE(contract_id, period_start) key makes a second
run, or a second clerk at the same moment, fail on that row and roll its
invoice back: it is counted as already billed.

Posted mode: ``post_invoice`` opens its own transaction, so the invoice is
created and billed in one transaction and posted in the next. A crash (or a
posting refusal: customer without NIF...) in between leaves the period billed
by a draft; a later posted-mode run posts every contract draft dated up to its
``until`` before billing new periods. Contract invoices never move stock
(``moves_stock=False``): recurring lines are services and fees; goods sent
under a contract leave on their own delivery, so billing never stops on a
negative-stock question.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.db.session import Database
from app.domain.company import Company
from app.domain.contracts import Contract, ContractBilling
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus, InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice
from app.domain.parties import Party
from app.errors import TrastiendaError, ValidationError
from app.i18n import _
from app.money import round_money
from app.services.invoice_drafts import check_draft, default_series
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.stock import take_write_lock

MONTHS = {BillingFrequency.MONTHLY: 1, BillingFrequency.QUARTERLY: 3, BillingFrequency.YEARLY: 12}
BILLED_STATUSES = (ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN, ContractStatus.ENDED,
                   ContractStatus.TERMINATED)
QUANTUM = Decimal("0.0001")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    invoice_date: dt.date
    days: int  # days billed
    full_days: int  # days of the whole period (more than ``days`` when cut)

    @property
    def partial(self) -> bool:
        return self.days != self.full_days


@dataclass(frozen=True)
class DuePeriod:
    """One period to bill, as plain values (for the preview and the run)."""

    contract_id: uuid.UUID
    reference: str | None
    title: str
    customer: str
    period: Period
    base: Decimal  # the period's amount before tax (prorated)


@dataclass(frozen=True)
class BilledPeriod:
    due: DuePeriod
    invoice_id: uuid.UUID
    total: Decimal
    posted: bool


@dataclass(frozen=True)
class BillingFailure:
    contract_id: uuid.UUID
    reference: str | None
    title: str
    period_start: dt.date | None
    period_end: dt.date | None
    field: str
    message: str
    draft_kept: bool = False  # billed by a draft that posting refused


@dataclass
class BillingResult:
    billed: list[BilledPeriod] = field(default_factory=list)
    already_billed: int = 0  # billed by someone else meanwhile (or an earlier run)
    drafts_posted: int = 0  # drafts of earlier runs posted by this one
    failed: list[BillingFailure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


# -- periods --------------------------------------------------------------------------

def _month_start(year: int, month0: int) -> dt.date:
    """The first day of month ``month0`` (0-based, may exceed 11) of ``year``."""
    y, m = divmod(month0, 12)
    return dt.date(year + y, m + 1, 1)


def billing_date(month_first: dt.date, billing_day: int | None) -> dt.date:
    """The billing day in that month, clamped to its last day (31 -> 30 April, 28/29 February)."""
    last = calendar.monthrange(month_first.year, month_first.month)[1]
    return month_first.replace(day=min(max(billing_day or 1, 1), last))


def contract_periods(frequency: BillingFrequency, billing_day: int | None, start: dt.date,
                     last_day: dt.date | None, after: dt.date | None, until: dt.date) -> Iterator[Period]:
    """The contract's periods after ``after`` (billed up to) whose invoice date is on or before ``until``.

    ``last_day`` is the last day of service (end date or termination), None when open-ended.
    """
    first = start if after is None or after < start else after + dt.timedelta(days=1)
    if last_day is not None and first > last_day:
        return
    if frequency == BillingFrequency.ONE_OFF:
        end = last_day or start
        whole = (end - start).days + 1
        if first <= end and start <= until:
            yield Period(first, end, start, (end - first).days + 1, whole)
        return
    n = MONTHS[frequency]
    k = ((first.year - start.year) * 12 + first.month - start.month) // n  # the period holding ``first``
    while True:
        full_start = _month_start(start.year, start.month - 1 + k * n)
        full_end = _month_start(start.year, start.month - 1 + (k + 1) * n) - dt.timedelta(days=1)
        k += 1
        if last_day is not None and full_start > last_day:
            return
        p_start = max(full_start, first)
        p_end = full_end if last_day is None else min(full_end, last_day)
        invoice_date = max(billing_date(full_start, billing_day), p_start)
        if invoice_date > until:
            return
        yield Period(p_start, p_end, invoice_date, (p_end - p_start).days + 1, (full_end - full_start).days + 1)


def last_day_of_service(c: Contract) -> dt.date | None:
    days = [d for d in (c.end_date, c.terminated_on) if d is not None]
    return min(days) if days else None


def prorated(quantity: Decimal, period: Period) -> Decimal:
    if not period.partial:
        return quantity
    return (quantity * period.days / period.full_days).quantize(QUANTUM, rounding=ROUND_HALF_UP)


def period_text(description: str, period: Period) -> str:
    """The invoice line names the period it bills (in the invoice's language: Spanish)."""
    text = f"{description} — {period.start:%d/%m/%Y} a {period.end:%d/%m/%Y}"
    if period.partial:
        text += f" ({period.days}/{period.full_days} días)"
    return text[:500]


# -- due periods --------------------------------------------------------------------

def _billable(s: Session, contract_ids: list[uuid.UUID] | None = None):
    stmt = (select(Contract).where(
        Contract.kind == ContractKind.CUSTOMER, Contract.status.in_(BILLED_STATUSES),
        Contract.billing_frequency.is_not(None), Contract.archived_at.is_(None))
        .options(selectinload(Contract.lines)).order_by(Contract.start_date, Contract.id))
    if contract_ids is not None:
        stmt = stmt.where(Contract.id.in_(contract_ids))
    return s.execute(stmt).scalars()


def _due_in_session(s: Session, until: dt.date, contract_ids: list[uuid.UUID] | None = None) -> list[DuePeriod]:
    billed: dict[uuid.UUID, set[dt.date]] = {}
    for cid, start in s.execute(select(ContractBilling.contract_id, ContractBilling.period_start)):
        billed.setdefault(cid, set()).add(start)
    names = dict(s.execute(select(Party.id, Party.legal_name)).all())
    out: list[DuePeriod] = []
    for c in _billable(s, contract_ids):
        done = billed.get(c.id, set())
        for p in contract_periods(c.billing_frequency, c.billing_day, c.start_date, last_day_of_service(c),
                                  c.billed_until, until):
            if p.start in done:
                continue
            base = sum((round_money(prorated(ln.quantity, p) * ln.unit_price) for ln in c.lines), Decimal("0.00"))
            out.append(DuePeriod(c.id, c.reference, c.title, names.get(c.party_id, ""), p, base))
    out.sort(key=lambda d: (d.period.invoice_date, d.reference or "", d.contract_id.hex))
    return out


def due_periods(db: Database, until: dt.date, contract_ids: list[uuid.UUID] | None = None) -> list[DuePeriod]:
    """Every (contract, period) not yet billed whose invoice date is on or before ``until``,
    oldest first: a contract nobody billed for five months has five."""
    if not isinstance(until, dt.date):
        raise ValidationError("until", _("Choose the date to bill up to."))
    with db.session() as s:
        return _due_in_session(s, until, contract_ids)


# -- billing run ----------------------------------------------------------------------

def _issue_date(s: Session, planned: dt.date, post: bool, today: dt.date) -> dt.date:
    """The draft keeps its planned date. A posted invoice is issued when it is posted (today; or
    on its planned date when billed ahead), and never before the series' latest posting,
    since numbers go in date order; its lines still name the period billed."""
    if not post:
        return planned
    planned = max(planned, today)
    series = default_series(s, InvoiceKind.INVOICE)
    if series is None:
        return planned
    latest = s.execute(select(Invoice.issue_date).where(
        Invoice.series_id == series.id, Invoice.status != InvoiceStatus.DRAFT)
        .order_by(Invoice.issue_date.desc()).limit(1)).scalar()
    return max(planned, latest) if latest else planned


def _bill_one(db: Database, due: DuePeriod, post: bool, today: dt.date) -> tuple[uuid.UUID, Decimal] | None:
    """Invoice + ContractBilling + billed_until in one transaction; None when already billed."""
    p = due.period
    with db.session() as s:
        take_write_lock(s)  # SQLite: be the writer before reading, wait for a concurrent run
        c = s.get(Contract, due.contract_id)
        if c is None or (c.billed_until is not None and c.billed_until >= p.end) or s.execute(
                select(ContractBilling.id).where(ContractBilling.contract_id == c.id,
                                                 ContractBilling.period_start == p.start)).first():
            return None
        if not c.lines:
            raise ValidationError("lines", _("The contract has no price lines to bill."))
        data = InvoiceData(
            issue_date=_issue_date(s, p.invoice_date, post, today), party_id=c.party_id, moves_stock=False,
            notes=_("Contract {ref}: {title}").format(ref=c.reference or "-", title=c.title)[:1000],
            lines=[InvoiceLineData(description=period_text(ln.description, p), quantity=prorated(ln.quantity, p),
                                   unit_price=ln.unit_price, tax_rate_id=ln.tax_rate_id, product_id=ln.product_id)
                   for ln in c.lines])
        checked = check_draft(s, data)
        inv = Invoice(status=InvoiceStatus.DRAFT, **checked.values)
        inv.lines = checked.lines
        s.add(inv)
        s.flush()
        s.add(ContractBilling(contract_id=c.id, period_start=p.start, period_end=p.end, invoice_id=inv.id))
        s.flush()  # the idempotence key: a concurrent run's row makes this raise IntegrityError
        # A plain UPDATE (no version step): billing must not make a contract form open
        # elsewhere fail to save, and the form never writes billed_until.
        s.execute(update(Contract).where(Contract.id == c.id, or_(
            Contract.billed_until.is_(None), Contract.billed_until < p.end)).values(billed_until=p.end)
            .execution_options(synchronize_session=False))
        return inv.id, inv.total


def _pending_drafts(db: Database, until: dt.date, contract_ids: list[uuid.UUID] | None) -> list[tuple]:
    """Contract invoices still in draft (a posted run cut short, or a refused posting)."""
    with db.session() as s:
        stmt = (select(Invoice.id, ContractBilling.contract_id, ContractBilling.period_start,
                       ContractBilling.period_end, Contract.reference, Contract.title)
                .join(ContractBilling, ContractBilling.invoice_id == Invoice.id)
                .join(Contract, Contract.id == ContractBilling.contract_id)
                .where(Invoice.status == InvoiceStatus.DRAFT, ContractBilling.period_start <= until)
                .order_by(Invoice.issue_date, ContractBilling.period_start))
        if contract_ids is not None:
            stmt = stmt.where(ContractBilling.contract_id.in_(contract_ids))
        return list(s.execute(stmt).all())


def _redate_draft(db: Database, invoice_id: uuid.UUID, today: dt.date) -> None:
    """A draft left by an earlier run may now be older than its series' latest posting: move it up."""
    with db.session() as s:
        inv = s.get(Invoice, invoice_id)
        if inv is None or inv.status != InvoiceStatus.DRAFT:
            return
        issue = _issue_date(s, inv.issue_date, True, today)
        if issue != inv.issue_date:
            if inv.due_date is not None:
                inv.due_date += issue - inv.issue_date
            inv.issue_date = issue


def _post(db: Database, invoice_id: uuid.UUID, today: dt.date) -> TrastiendaError | None:
    """Post a contract draft; None when posted (by us or, meanwhile, by someone else).

    Another run may post a later-dated invoice between our draft and its
    posting (numbers go in date order): the draft is moved up to that date and
    posted again, a few times at most.
    """
    from app.services.posting import post_invoice

    for _attempt in range(5):
        _redate_draft(db, invoice_id, today)
        try:
            post_invoice(db, invoice_id)
            return None
        except ValidationError as exc:
            with db.session() as s:
                if s.get(Invoice, invoice_id).status != InvoiceStatus.DRAFT:
                    return None  # someone else posted it meanwhile
            if exc.fields != {"issue_date"}:
                return exc
            problem: TrastiendaError = exc
        except TrastiendaError as exc:
            return exc
    return problem


def _failure(exc: TrastiendaError, contract_id, reference, title, start, end, *, draft_kept=False):
    errors = exc.errors if isinstance(exc, ValidationError) else []
    if errors:
        return [BillingFailure(contract_id, reference, title, start, end, e.field, e.message, draft_kept)
                for e in errors]
    return [BillingFailure(contract_id, reference, title, start, end, "", str(exc), draft_kept)]


def invoices_posted_by_default(db: Database) -> bool:
    with db.session() as s:
        return bool(s.execute(select(Company.contract_invoices_posted)).scalars().first())


def generate_invoices(db: Database, until: dt.date, *, post: bool | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      contract_ids: list[uuid.UUID] | None = None, today: dt.date | None = None) -> BillingResult:
    """Bill every due period up to ``until``: one invoice (draft, or posted when ``post``;
    default: the company setting) per period, each in its own transaction.

    Guarantees: a period is never billed twice, however many runs overlap
    (the loser of a race counts it in ``already_billed``); a contract that
    fails (customer without NIF when posting, no lines...) is reported in
    ``failed`` and does not stop the others; ``cancelled()`` stops between
    periods, keeping what was billed.
    """
    if post is None:
        post = invoices_posted_by_default(db)
    today = today or dt.date.today()
    result = BillingResult()
    pending = _pending_drafts(db, until, contract_ids) if post else []
    due = due_periods(db, until, contract_ids)
    total, done = len(pending) + len(due), 0
    for invoice_id, cid, start, end, reference, title in pending:
        if cancelled and cancelled():
            result.cancelled = True
            return result
        problem = _post(db, invoice_id, today)
        if problem is None:
            result.drafts_posted += 1
        else:
            result.failed += _failure(problem, cid, reference, title, start, end, draft_kept=True)
        done += 1
        if progress:
            progress(done, total)
    for d in due:
        if cancelled and cancelled():
            result.cancelled = True
            break
        try:
            made = _bill_one(db, d, post, today)
        except IntegrityError:
            made = None
        except TrastiendaError as exc:
            result.failed += _failure(exc, d.contract_id, d.reference, d.title, d.period.start, d.period.end)
            made = False
        if made is None:
            result.already_billed += 1
        elif made:
            invoice_id, amount = made
            problem = _post(db, invoice_id, today) if post else None
            if problem is not None:
                result.failed += _failure(problem, d.contract_id, d.reference, d.title, d.period.start,
                                          d.period.end, draft_kept=True)
            result.billed.append(BilledPeriod(d, invoice_id, amount, post and problem is None))
        done += 1
        if progress:
            progress(done, total)
    return result
