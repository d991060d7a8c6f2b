"""Invoice series: the numbering sequences invoices are posted in.

Posting (a later step) takes ``next_number`` under a lock on the series row.
Here a clerk sets series up; the rules protect numbers already given: a
series that holds invoices keeps its kind, and its next number never goes
back to a number already used.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import InvoiceKind
from app.domain.invoices import Invoice, InvoiceSeries
from app.errors import ValidationError
from app.i18n import _
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.validation import Validator

MAX_NUMBER = 10**9 - 1  # printed with up to 9 digits; the column is a 32-bit integer


@dataclass
class SeriesData:
    code: str
    name: str
    kind: InvoiceKind | str = InvoiceKind.INVOICE
    prefix: str = ""
    yearly_reset: bool = True
    next_number: int = 1
    is_default: bool = False  # the series a new invoice of this kind gets
    workstation_id: uuid.UUID | None = None  # kept for that computer's offline postings (a shared server)


@dataclass(frozen=True)
class SeriesView:
    id: uuid.UUID
    version: int
    code: str
    name: str
    kind: InvoiceKind
    prefix: str
    yearly_reset: bool
    year: int | None
    next_number: int
    is_default: bool
    workstation_id: uuid.UUID | None
    archived_at: dt.datetime | None


@dataclass(frozen=True)
class WorkstationView:
    id: uuid.UUID
    number: int
    label: str  # the computer's name
    login: str  # whose offline copy


def _validate(data: SeriesData) -> dict:
    v = Validator()
    code = v.required("code", data.code, max_len=10)
    if code and any(c.isspace() for c in code):
        v.error("code", _("A code has no spaces."))
    prefix = v.text("prefix", data.prefix, max_len=20) or ""
    if any(c.isspace() for c in prefix):
        v.error("prefix", _("The prefix is printed in the invoice number: no spaces."))
    number = None
    if isinstance(data.next_number, bool) or not isinstance(data.next_number, (int, Decimal, str)):
        v.error("next_number", _("Not a whole number."))
    else:
        number = v.decimal("next_number", data.next_number, min_value=Decimal(1),
                           max_value=Decimal(MAX_NUMBER), places=0)
    out = {
        "code": code,
        "name": v.required("name", data.name, max_len=80),
        "kind": v.choice("kind", data.kind, InvoiceKind),
        "prefix": prefix,
        "yearly_reset": bool(data.yearly_reset),
        "next_number": int(number) if number is not None else None,
        "is_default": bool(data.is_default),
        "workstation_id": data.workstation_id,
    }
    v.done()
    return out


def _check_code_free(s: Session, code: str, own_id: uuid.UUID | None) -> None:
    clash = s.execute(select(InvoiceSeries.id).where(InvoiceSeries.code == code)).scalar()
    if clash is not None and clash != own_id:
        raise ValidationError("code", _("Code {code} is already used by another series.").format(code=code))


def _last_number_used(s: Session, series: InvoiceSeries, yearly_reset: bool) -> int:
    """The highest number already given in the sequence ``next_number`` continues."""
    stmt = select(func.max(Invoice.number)).where(Invoice.series_id == series.id, Invoice.number.is_not(None))
    if yearly_reset:
        # Numbering restarts each year: only the latest year's numbers are still "ahead".
        latest = s.execute(select(func.max(Invoice.fiscal_year)).where(Invoice.series_id == series.id)).scalar()
        stmt = stmt.where(Invoice.fiscal_year == latest)
    return s.execute(stmt).scalar() or 0


def _check_workstation(s: Session, values: dict) -> None:
    """A series kept for a computer: that computer exists, and the series is not everyone's default."""
    from app.domain.sync import Workstation

    ws_id = values["workstation_id"]
    if ws_id is None:
        return
    number = s.execute(select(Workstation.number).where(Workstation.id == ws_id)).scalar()
    if number is None:
        raise ValidationError("workstation_id", _(
            "That workstation does not exist: a computer gets its number when it first makes its offline copy."))
    if values["is_default"]:
        raise ValidationError("is_default", _(
            "A series kept for workstation {n} cannot be the default for everyone's new invoices.").format(n=number))


def _keep_next_number(series: InvoiceSeries, today: dt.date | None = None) -> None:
    """A next number chosen for a yearly series that has not numbered a year yet belongs to this year.

    Without a year, posting takes the invoice's year as a new one and starts it at 1,
    dropping the number the clerk chose (say 120, continuing another program's numbering).
    """
    if series.yearly_reset and series.year is None and series.next_number != 1:
        series.year = (today or dt.date.today()).year


def _make_default(s: Session, series: InvoiceSeries) -> None:
    """One default per kind: the others of that kind stop being it."""
    others = s.scalars(select(InvoiceSeries).where(
        InvoiceSeries.kind == series.kind, InvoiceSeries.is_default.is_(True), InvoiceSeries.id != series.id))
    for other in others:
        other.is_default = False


# -- public API ----------------------------------------------------------------

def list_series(db: Database, include_archived: bool = False) -> list[SeriesView]:
    """Every series (a handful), ordered by kind then code."""
    with db.session() as s:
        stmt = select(InvoiceSeries).order_by(InvoiceSeries.kind, InvoiceSeries.code)
        if not include_archived:
            stmt = stmt.where(InvoiceSeries.archived_at.is_(None))
        return [to_view(SeriesView, r) for r in s.scalars(stmt)]


def get_series(db: Database, series_id: uuid.UUID) -> SeriesView:
    with db.session() as s:
        return to_view(SeriesView, get_or_404(s, InvoiceSeries, series_id, what=_("series")))


def create_series(db: Database, data: SeriesData, today: dt.date | None = None) -> SeriesView:
    """A new series with a unique code; as default it replaces the old default of its kind.

    A next number other than 1 on a yearly series is this year's (``today``'s), as in ``update_series``.
    """
    values = _validate(data)
    with db.session() as s:
        _check_code_free(s, values["code"], None)
        _check_workstation(s, values)
        series = InvoiceSeries(**values)
        _keep_next_number(series, today)
        s.add(series)
        s.flush()
        if series.is_default:
            _make_default(s, series)
        s.flush()
        return to_view(SeriesView, series)


def update_series(
    db: Database, series_id: uuid.UUID, data: SeriesData, expected_version: int | None = None,
    today: dt.date | None = None,
) -> SeriesView:
    """Saves the series form; never lets numbering go back over numbers already used.

    A next number set on a yearly series that has not posted yet is this year's (``today``'s):
    the first invoice posted in it this year gets that number, not 1.
    """
    values = _validate(data)
    with db.session() as s:
        series = get_or_404(s, InvoiceSeries, series_id, what=_("series"))
        check_version(series, expected_version)
        v = Validator()
        if values["code"] != series.code:
            _check_code_free(s, values["code"], series.id)
        _check_workstation(s, values)
        has_invoices = s.execute(select(Invoice.id).where(Invoice.series_id == series.id).limit(1)).first()
        if values["kind"] != series.kind and has_invoices:
            v.error("kind", _("This series already holds invoices: its kind cannot change."))
        elif values["kind"] != series.kind and series.is_default:
            v.error("kind", _("Make another series the default of its kind first."))
        last = _last_number_used(s, series, values["yearly_reset"])
        if values["next_number"] <= last:
            v.error("next_number", _("Number {n} is already used: the next number must be above it.").format(n=last))
        if series.is_default and not values["is_default"]:
            v.error("is_default", _("Make another series the default instead."))
        v.done()
        apply(series, values)
        _keep_next_number(series, today)
        s.flush()
        if series.is_default:
            _make_default(s, series)
        s.flush()
        return to_view(SeriesView, series)


def archive_series(db: Database, series_id: uuid.UUID) -> SeriesView:
    """Hides a series from new invoices; its invoices keep pointing at it."""
    with db.session() as s:
        series = get_or_404(s, InvoiceSeries, series_id, what=_("series"))
        if series.is_default:
            raise ValidationError("is_default", _("Make another series the default before archiving this one."))
        archive(series)
        s.flush()
        return to_view(SeriesView, series)


def restore_series(db: Database, series_id: uuid.UUID) -> SeriesView:
    with db.session() as s:
        series = get_or_404(s, InvoiceSeries, series_id, what=_("series"))
        restore(series)
        s.flush()
        return to_view(SeriesView, series)


def reserve_series(db: Database, code: str, workstation: int | None) -> SeriesView:
    """Keep series ``code`` for workstation number ``workstation``'s offline postings (None: give it back).

    Only that computer numbers it, and only offline, so its numbers stay correlative while nobody can
    reach the server; the server numbers every other series. Give a series back only once its computer
    has synced: an invoice it posted offline after that would reach the server without its chain.
    """
    from app.domain.sync import Workstation

    with db.session() as s:
        series = s.execute(select(InvoiceSeries).where(InvoiceSeries.code == code.strip())).scalar()
        if series is None:
            raise ValidationError("code", _("There is no series {code}.").format(code=code))
        ws_id = None
        if workstation is not None:
            ws_id = s.execute(select(Workstation.id).where(Workstation.number == workstation)).scalar()
            if ws_id is None:
                raise ValidationError("workstation_id", _(
                    "There is no workstation {n}: a computer gets its number when it first makes its offline "
                    "copy.").format(n=workstation))
        _check_workstation(s, {"workstation_id": ws_id, "is_default": series.is_default})
        series.workstation_id = ws_id
        s.flush()
        return to_view(SeriesView, series)


def list_workstations(db: Database) -> list[WorkstationView]:
    """The computers that keep an offline copy of this server, by number."""
    from app.domain.sync import Workstation

    with db.session() as s:
        return [WorkstationView(w.id, w.number, w.label, w.login)
                for w in s.scalars(select(Workstation).order_by(Workstation.number))]
