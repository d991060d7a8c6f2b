"""Contract lifecycle: activation, notice, renewal with price indexation, termination, ending.

The rules, as a clerk would state them:

- A draft stays a draft until someone activates it.
- An active contract whose end date has passed renews by itself when it renews
  automatically and nobody gave notice: the next period starts the day after
  the old end and lasts ``renewal_months`` (or as long as the period that just
  ended). Prices rise by the contract's ``indexation_percent`` if it has one.
  Otherwise (no automatic renewal, or notice given) it ends. A contract nobody
  looked at for two years renews once per missed period, each one recorded.
- Notice must reach the other party by the *notice deadline*: end date minus
  ``notice_days``. Later notice cannot stop an automatic renewal (the clerk is
  told so and may terminate instead). Notice on an open-ended contract sets
  its end ``notice_days`` after the notice.
- A manual renewal (``renew``) starts the next period now; on an ended
  contract it reopens it with a period from today (history kept). A terminated
  contract is never renewed.
- Termination is an early end by agreement or breach: a reason is required; it
  takes effect at once (no renewal, no alert) and billing stops at
  ``terminated_on``, which may be a later date (e.g. the end of the month).

Every change writes a ContractEvent in the same transaction; nothing is half
written when a check fails. ``refresh_statuses`` applies the date rules to all
contracts and is idempotent; the app runs it at start.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Date, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.functions import FunctionElement

from app.db.session import Database
from app.domain.company import Company
from app.domain.contracts import Contract, ContractEvent
from app.domain.enums import ContractEventKind, ContractStatus
from app.domain.types import utcnow
from app.i18n import _
from app.locale_format import format_date
from app.money import HUNDRED, round_money, to_decimal
from app.services.common import check_version, get_or_404
from app.services.validation import Validator

RUNNING = (ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN)
DEFAULT_ALERT_DAYS = 30
PRICE_STEP = Decimal("0.0001")
_CHUNK = 500  # contracts per transaction in refresh_statuses: short locks, bounded memory
_MAX_CATCH_UP = 1200  # periods renewed in one go: 100 years of monthly renewals


# -- dates ----------------------------------------------------------------------------

def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _months_between(start: dt.date, day: dt.date) -> int | None:
    """k when ``day`` is exactly ``start`` plus k months (clamped), else None."""
    k = (day.year - start.year) * 12 + day.month - start.month
    return k if add_months(start, k) == day else None


def notice_deadline(end_date: dt.date | None, notice_days: int) -> dt.date | None:
    """The last day notice can be given for the contract to end at ``end_date``."""
    return None if end_date is None else end_date - dt.timedelta(days=notice_days or 0)


def next_period(c: Contract, start: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The period a renewal starts: ``renewal_months`` long, or as long as the current one.

    Periods stay anchored on the contract's start so month ends do not drift
    (a contract from 31 January renews on 30 April, then 31 July).
    """
    current_start = c.period_start or c.start_date
    start = start or c.end_date + dt.timedelta(days=1)
    months = c.renewal_months or _months_between(current_start, c.end_date + dt.timedelta(days=1))
    if months:
        offset = _months_between(c.start_date, start)
        end = add_months(c.start_date, offset + months) if offset is not None else add_months(start, months)
        return start, end - dt.timedelta(days=1)
    return start, start + (c.end_date - current_start)


class _DaysBefore(FunctionElement):
    """``date - n days`` in SQL, the same on SQLite and PostgreSQL."""

    type = Date()
    inherit_cache = True


@compiles(_DaysBefore)
def _days_before_pg(element, compiler, **kw):
    day, days = list(element.clauses)
    return f"({compiler.process(day, **kw)} - {compiler.process(days, **kw)})"


@compiles(_DaysBefore, "sqlite")
def _days_before_sqlite(element, compiler, **kw):
    day, days = list(element.clauses)
    return f"date({compiler.process(day, **kw)}, '-' || {compiler.process(days, **kw)} || ' days')"


NOTICE_BY = case((Contract.end_date.is_not(None), _DaysBefore(Contract.end_date, Contract.notice_days)), else_=None)
# The next date someone must act on: the notice deadline while notice can still stop a
# renewal, else the end. NULL for contracts not running.
ALERT_ON = case(
    (and_(Contract.status == ContractStatus.ACTIVE, Contract.notice_days > 0), NOTICE_BY),
    (Contract.status.in_(RUNNING), Contract.end_date),
    else_=None,
)


def alert_clause(today: dt.date, days: int):
    """Running contracts ending (or already past their end) within ``days``, or whose notice
    deadline falls between today and ``days`` from now."""
    until = today + dt.timedelta(days=days)
    return and_(
        Contract.status.in_(RUNNING), Contract.end_date.is_not(None),
        or_(Contract.end_date <= until,
            and_(Contract.status == ContractStatus.ACTIVE, Contract.notice_days > 0,
                 NOTICE_BY >= today, NOTICE_BY <= until)),
    )


def alert_days(db_or_session: Database | Session) -> int:
    """The company's "needs attention" window in days (30 when there is no company yet)."""
    stmt = select(Company.contract_alert_days).order_by(Company.created_at, Company.id).limit(1)
    if isinstance(db_or_session, Session):
        value = db_or_session.execute(stmt).scalar()
    else:
        with db_or_session.session() as s:
            value = s.execute(stmt).scalar()
    return DEFAULT_ALERT_DAYS if value is None else int(value)


def count_alerts(db: Database, today: dt.date | None = None, days: int | None = None) -> int:
    """How many contracts (not archived) need attention: the number on the tab's badge."""
    today = today or dt.date.today()
    with db.session() as s:
        n = alert_days(s) if days is None else days
        stmt = select(func.count()).select_from(Contract).where(
            Contract.archived_at.is_(None), alert_clause(today, n))
        return s.execute(stmt).scalar_one()


def alert_text(status: str | None, end: dt.date | None, notice_by: dt.date | None, today: dt.date,
               days: int) -> str:
    """"Notice by 03/04/2026", "Ends in 12 days", "Ended 3 days ago" — or "" when nothing is due."""
    if status not in RUNNING or end is None:
        return ""
    until = today + dt.timedelta(days=days)
    if status == ContractStatus.ACTIVE and notice_by is not None and notice_by < end and today <= notice_by <= until:
        return _("Notice by {date}").format(date=format_date(notice_by))
    if end > until:
        return ""
    n = (end - today).days
    if n > 1:
        return _("Ends in {n} days").format(n=n)
    if n == 1:
        return _("Ends tomorrow")
    if n == 0:
        return _("Ends today")
    return _("Ended {n} days ago").format(n=-n) if n < -1 else _("Ended yesterday")


# -- events -----------------------------------------------------------------------------

@dataclass(frozen=True)
class EventView:
    id: uuid.UUID
    kind: ContractEventKind
    date: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    percent: Decimal | None
    note: str | None
    details: dict | None
    at: dt.datetime


@dataclass(frozen=True)
class StatusChange:
    """What ``refresh_statuses`` did to one contract."""

    contract_id: uuid.UUID
    reference: str | None
    title: str
    old_status: ContractStatus
    new_status: ContractStatus
    renewals: int  # periods renewed in this run
    end_date: dt.date | None


def record_event(s: Session, c: Contract, kind: ContractEventKind, day: dt.date, **kw) -> ContractEvent:
    """Add one history row; ``at`` strictly increases within a transaction so the order written is kept."""
    written = s.info.setdefault("contract_events", [])
    at = utcnow()
    if written and at <= written[-1].at:
        at = written[-1].at + dt.timedelta(microseconds=1)
    event = ContractEvent(contract_id=c.id, kind=kind, date=day, at=at, **kw)
    s.add(event)
    written.append(event)
    return event


def _written(s: Session) -> list[EventView]:
    """The events this transaction wrote, in the order written."""
    s.flush()
    return [_event_view(e) for e in s.info.get("contract_events", [])]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _index(s: Session, c: Contract, percent: Decimal, day: dt.date) -> None:
    """Raise every line's price and the value by ``percent``; the old and new prices go in the event."""
    factor = 1 + percent / HUNDRED
    lines = []
    for ln in c.lines:
        old = ln.unit_price
        ln.unit_price = (old * factor).quantize(PRICE_STEP, rounding=ROUND_HALF_UP)
        lines.append({"position": ln.position, "description": ln.description, "old": str(old),
                      "new": str(ln.unit_price)})
    details: dict = {"lines": lines}
    if c.value is not None:
        old_value, c.value = c.value, round_money(c.value * factor)
        details["value"] = {"old": str(old_value), "new": str(c.value)}
    record_event(s, c, ContractEventKind.INDEXED, day, percent=percent, details=details,
                 period_start=c.period_start, period_end=c.end_date)


def _renew(s: Session, c: Contract, day: dt.date, *, start: dt.date | None = None, percent: Decimal | None,
           note: str | None, automatic: bool) -> None:
    previous = {"start": _iso(c.period_start or c.start_date), "end": _iso(c.end_date), "status": c.status.value}
    c.period_start, c.end_date = next_period(c, start)
    c.renewals = (c.renewals or 0) + 1
    c.status = ContractStatus.ACTIVE
    c.notice_given_on = None
    record_event(s, c, ContractEventKind.RENEWED, day, period_start=c.period_start, period_end=c.end_date,
                 note=note, details={"automatic": automatic, "previous": previous, "renewal": c.renewals})
    if percent:
        _index(s, c, percent, day)


def _due(c: Contract, today: dt.date) -> bool:
    return c.status in RUNNING and c.end_date is not None and c.end_date < today


def catch_up(s: Session, c: Contract, today: dt.date) -> int:
    """Apply the date rules to one loaded contract; returns how many periods it renewed."""
    renewed = 0
    while _due(c, today) and renewed < _MAX_CATCH_UP:
        if c.status == ContractStatus.ACTIVE and c.auto_renew and c.notice_given_on is None:
            _renew(s, c, c.end_date + dt.timedelta(days=1), percent=c.indexation_percent, note=None, automatic=True)
            renewed += 1
        else:
            c.status = ContractStatus.ENDED
            record_event(s, c, ContractEventKind.ENDED, c.end_date, period_start=c.period_start or c.start_date,
                         period_end=c.end_date)
    return renewed


def refresh_statuses(db: Database, today: dt.date | None = None) -> list[StatusChange]:
    """Bring every contract's status up to ``today`` (renew or end what has passed its end date).

    Idempotent: a second run changes nothing. Safe with two clients starting at
    once: each batch locks its contracts (PostgreSQL) and re-checks them, so a
    period renewed by the other client is not renewed again.
    """
    today = today or dt.date.today()
    due = and_(Contract.status.in_(RUNNING), Contract.end_date.is_not(None), Contract.end_date < today)
    with db.session() as s:
        ids = list(s.scalars(select(Contract.id).where(due).order_by(Contract.id)))
    changes: list[StatusChange] = []
    for i in range(0, len(ids), _CHUNK):
        with db.session() as s:
            stmt = select(Contract).where(Contract.id.in_(ids[i:i + _CHUNK]), due).order_by(Contract.id)
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update(of=Contract)
            for c in s.scalars(stmt.options(selectinload(Contract.lines))).all():
                old = c.status
                n = catch_up(s, c, today)
                changes.append(StatusChange(c.id, c.reference, c.title, old, c.status, n, c.end_date))
    return changes


# -- clerk actions --------------------------------------------------------------------------

def _load(s: Session, contract_id: uuid.UUID, expected_version: int | None) -> Contract:
    stmt = select(Contract).where(Contract.id == contract_id).options(selectinload(Contract.lines))
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=Contract)
    c = s.scalars(stmt).first() or get_or_404(s, Contract, contract_id, what=_("contract"))
    check_version(c, expected_version)
    return c


def status_name(status: ContractStatus) -> str:
    return {ContractStatus.DRAFT: _("a draft"), ContractStatus.ACTIVE: _("active"),
            ContractStatus.NOTICE_GIVEN: _("under notice"), ContractStatus.ENDED: _("ended"),
            ContractStatus.TERMINATED: _("terminated")}[status]


def _refuse_status(v: Validator, c: Contract, what: str) -> None:
    v.error("status", _("Cannot {what}: the contract is {status}.").format(what=what, status=status_name(c.status)))


def activate(db: Database, contract_id: uuid.UUID, *, today: dt.date | None = None,
             expected_version: int | None = None) -> list[EventView]:
    """Draft -> active. If its end date has already passed, the date rules apply at once
    (it renews or ends), each step recorded. Returns the events written."""
    today = today or dt.date.today()
    with db.session() as s:
        c = _load(s, contract_id, expected_version)
        v = Validator()
        if c.status != ContractStatus.DRAFT:
            _refuse_status(v, c, _("activate"))
        v.done()
        c.status = ContractStatus.ACTIVE
        c.period_start = c.period_start or c.start_date
        record_event(s, c, ContractEventKind.ACTIVATED, today, period_start=c.period_start,
                             period_end=c.end_date)
        catch_up(s, c, today)
        return _written(s)


def give_notice(db: Database, contract_id: uuid.UUID, day: dt.date | None = None, note: str | None = None, *,
                today: dt.date | None = None, expected_version: int | None = None) -> list[EventView]:
    """Active -> notice given on ``day``: the contract ends at its end date and does not renew.

    Open-ended contracts get an end date ``notice_days`` after the notice.
    Refused (field ``date``) after the notice deadline of a renewing contract.
    """
    today = today or dt.date.today()
    v = Validator()
    day = v.date("date", day)
    note = v.text("note", note, max_len=500)
    with db.session() as s:
        c = _load(s, contract_id, expected_version)
        if c.status != ContractStatus.ACTIVE:
            _refuse_status(v, c, _("give notice"))
        elif day is not None:
            deadline = notice_deadline(c.end_date, c.notice_days)
            if day > today:
                v.error("date", _("The notice date cannot be in the future."))
            elif day < c.start_date:
                v.error("date", _("The notice date is before the contract starts ({date}).").format(
                    date=format_date(c.start_date)))
            elif c.end_date is not None and c.auto_renew and day > deadline:
                v.error("date", _("Too late for this period: notice was due by {deadline}, so the contract renews on "
                                  "{renews}. Give notice in the next period, or terminate it.").format(
                    deadline=format_date(deadline),
                    renews=format_date(c.end_date + dt.timedelta(days=1))))
            elif c.end_date is not None and day > c.end_date:
                v.error("date", _("The contract already ended on {date}.").format(date=format_date(c.end_date)))
        v.done()
        details = None
        if c.end_date is None:
            c.end_date = day + dt.timedelta(days=c.notice_days or 0)
            details = {"end_date_set": c.end_date.isoformat()}
        c.status = ContractStatus.NOTICE_GIVEN
        c.notice_given_on = day
        record_event(s, c, ContractEventKind.NOTICE_GIVEN, day, period_start=c.period_start or c.start_date,
                             period_end=c.end_date, note=note, details=details)
        catch_up(s, c, today)
        return _written(s)


def renew(db: Database, contract_id: uuid.UUID, percent: Decimal | str | int | None = None, note: str | None = None,
          *, today: dt.date | None = None, expected_version: int | None = None) -> list[EventView]:
    """Start the next period now, with prices raised by ``percent`` (None: the contract's own
    indexation percent; 0: no change). Active or under notice: the next period follows on from
    the current one (notice is withdrawn). Ended: reopened with a period from today.
    Refused for drafts, terminated and open-ended contracts."""
    today = today or dt.date.today()
    v = Validator()
    given = v.decimal("percent", percent, required=False, min_value=Decimal(-100), max_value=Decimal(100), places=4)
    note = v.text("note", note, max_len=500)
    with db.session() as s:
        c = _load(s, contract_id, expected_version)
        if c.status not in (*RUNNING, ContractStatus.ENDED):
            _refuse_status(v, c, _("renew"))
        elif c.end_date is None:
            v.error("end_date", _("An open-ended contract has no period to renew."))
        v.done()
        start = None
        if c.status == ContractStatus.ENDED:
            start = max(c.end_date + dt.timedelta(days=1), today)
        pct = to_decimal(given) if percent not in (None, "") else c.indexation_percent
        _renew(s, c, today, start=start, percent=pct, note=note, automatic=False)
        catch_up(s, c, today)
        return _written(s)


def terminate(db: Database, contract_id: uuid.UUID, day: dt.date | None, reason: str | None, *,
              expected_version: int | None = None) -> list[EventView]:
    """End the contract early on ``day`` for ``reason`` (both required). No renewal, no alert;
    billing stops at ``terminated_on``. Drafts are archived instead; ended contracts are done."""
    v = Validator()
    day = v.date("date", day)
    reason = v.required("reason", reason, max_len=500)
    with db.session() as s:
        c = _load(s, contract_id, expected_version)
        if c.status not in RUNNING:
            _refuse_status(v, c, _("terminate"))
        elif day is not None and day < c.start_date:
            v.error("date", _("The contract only starts on {date}.").format(date=format_date(c.start_date)))
        elif day is not None and c.end_date is not None and day > c.end_date:
            v.error("date", _("The contract already ends on {date}: that is not an early end.").format(
                date=format_date(c.end_date)))
        v.done()
        c.status = ContractStatus.TERMINATED
        c.terminated_on = day
        c.termination_reason = reason
        record_event(s, c, ContractEventKind.TERMINATED, day, period_start=c.period_start or c.start_date,
                     period_end=day, note=reason)
        return _written(s)


# -- history ----------------------------------------------------------------------------------

def _event_view(e: ContractEvent) -> EventView:
    return EventView(e.id, e.kind, e.date, e.period_start, e.period_end, e.percent, e.note, e.details, e.at)


# In the order recorded: a catch-up writes its periods in date order anyway, and an action
# dated ahead (a termination at the month's end) still shows after what came before it.
_NEWEST_FIRST = (ContractEvent.at.desc(), ContractEvent.date.desc(), ContractEvent.id)


def contract_history(db: Database, contract_id: uuid.UUID) -> list[EventView]:
    """The contract's events, newest (last recorded) first."""
    with db.session() as s:
        get_or_404(s, Contract, contract_id, what=_("contract"))
        rows = s.scalars(select(ContractEvent).where(ContractEvent.contract_id == contract_id)
                         .order_by(*_NEWEST_FIRST)).all()
        return [_event_view(e) for e in rows]


__all__ = [
    "ALERT_ON", "NOTICE_BY", "RUNNING", "EventView", "StatusChange", "activate", "add_months", "alert_clause",
    "alert_days", "alert_text", "catch_up", "contract_history", "count_alerts", "give_notice", "next_period",
    "notice_deadline", "refresh_statuses", "renew", "terminate",
]
