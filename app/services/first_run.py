"""Setting a new database up in one step: the issuer and how its invoices are numbered.

The welcome shown on a fresh local database (ui/first_run) asks for both at
once; they are checked together and written in one transaction, so a wrong
NIF leaves the series untouched and a wrong prefix leaves no company behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select

from app.db.session import Database
from app.domain.company import Company
from app.domain.enums import InvoiceKind
from app.domain.invoices import InvoiceSeries
from app.errors import ConflictError, NotFoundError, ValidationError
from app.i18n import _
from app.services import series as series_service
from app.services.common import to_view
from app.services.company import CompanyData, CompanyView, _load, company_values
from app.services.series import SeriesData, SeriesView
from app.services.setup import ensure_reference_data
from app.services.validation import Validator


@dataclass
class FirstSeries:
    """The default invoice series as a business starts using the app.

    ``next_number`` continues a previous program's numbering (its last number + 1)
    for the current year; 1 starts afresh.
    """

    prefix: str = "F"
    next_number: int | Decimal | str = 1


@dataclass(frozen=True)
class SetUp:
    company: CompanyView
    series: SeriesView


def _default_series(s) -> InvoiceSeries:
    found = s.execute(select(InvoiceSeries).where(
        InvoiceSeries.kind == InvoiceKind.INVOICE, InvoiceSeries.is_default.is_(True),
        InvoiceSeries.archived_at.is_(None)).limit(1)).scalar()
    if found is None:
        raise NotFoundError(_("There is no default invoice series to number invoices in."))
    return found


def default_series(db: Database) -> SeriesView:
    """The series a new invoice gets (reference data made on a new database)."""
    ensure_reference_data(db)
    with db.session() as s:
        return to_view(SeriesView, _default_series(s))


def set_up_company(db: Database, company: CompanyData, first: FirstSeries,
                   today: dt.date | None = None) -> SetUp:
    """Create the issuer and set the default invoice series' prefix and next number.

    Every field of both is checked before anything is written (one ValidationError
    naming each wrong field: the company's by their names, the series' as ``prefix``
    and ``next_number``); then both are written in one transaction. Refuses
    (ConflictError) when a company exists already: this is for a new database.
    """
    current = default_series(db)
    v = Validator()
    values = company_values(company, v)
    proposed = replace(SeriesData(current.code, current.name, current.kind, current.prefix, current.yearly_reset,
                                  current.next_number, current.is_default),
                       prefix=first.prefix if first.prefix is not None else "", next_number=first.next_number)
    try:
        series_values = series_service._validate(proposed)
    except ValidationError as exc:
        for error in exc.errors:
            v.error(error.field, error.message)
        series_values = {}
    v.done()
    with db.session() as s:
        if _load(s) is not None:
            raise ConflictError(_("The company is set up already: change it in File > Company details."))
        row = _default_series(s)
        last = series_service._last_number_used(s, row, row.yearly_reset)
        if series_values["next_number"] <= last:
            raise ValidationError("next_number", _(
                "Number {n} is already used: the next number must be above it.").format(n=last))
        row.prefix = series_values["prefix"]
        row.next_number = series_values["next_number"]
        series_service._keep_next_number(row, today)
        issuer = Company(**values)
        s.add(issuer)
        s.flush()
        return SetUp(to_view(CompanyView, issuer), to_view(SeriesView, row))
