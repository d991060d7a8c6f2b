"""What every report is: a period, columns, rows, a totals row and notes; and the registry of reports.

A report is computed in SQL aggregates and handed over as plain values, so
that the preview, the PDF, the CSV and the XLSX all show the same rows.
Rows are dicts keyed by column key (the shape ``app.services.export`` writes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.db.session import Database
from app.errors import ValidationError
from app.i18n import _
from app.locale_format import format_date

# Dates outside these are "far in the past or future": the report is empty, with a note saying so.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


@dataclass(frozen=True)
class ReportColumn:
    key: str
    title: str
    kind: str = "text"  # text | money | quantity | percent | date | choice (as app.services.export)
    width: int = 90  # points in the PDF; the XLSX column gets about the same
    choices: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included; a report "as of" a date reads ``end`` only."""

    start: dt.date
    end: dt.date

    @property
    def reversed(self) -> bool:
        return self.end < self.start

    @property
    def out_of_range(self) -> bool:
        return self.start < EARLIEST or self.end > LATEST or self.end < EARLIEST or self.start > LATEST

    def text(self, as_of: bool = False) -> str:
        if as_of:
            return _("As of {date}").format(date=fmt_date(self.end))
        return _("From {start} to {end}").format(start=fmt_date(self.start), end=fmt_date(self.end))


fmt_date = format_date  # dd/mm/yyyy, what a clerk types in the period fields


def a_year_before(day: dt.date) -> dt.date:
    """The same day a year earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def default_period(today: dt.date | None = None) -> Period:
    """This year to today: what a manager asks first."""
    today = today or dt.date.today()
    return Period(today.replace(month=1, day=1), today)


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    period_text: str
    columns: tuple[ReportColumn, ...]
    rows: list[dict[str, Any]]
    totals: dict[str, Any] | None = None  # the totals row, same keys; None when a sum means nothing
    notes: tuple[str, ...] = ()  # shown above the table: an empty period, a reversed one, what is counted
    filters_text: str = ""  # "Series: F · Customer: C000012 Ruiz SL", printed under the title
    landscape: bool = False

    @property
    def empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class Rows:
    """What a report's builder computes: the rows, the totals row, and notes of its own."""

    rows: list[dict[str, Any]]
    totals: dict[str, Any] | None = None
    notes: tuple[str, ...] = ()


Builder = Callable[[Database, Period, dict[str, Any]], Rows]


@dataclass(frozen=True)
class ReportSpec:
    name: str  # the command's NAME: sales-by-customer
    title: Callable[[], str]
    description: Callable[[], str]
    columns: Callable[[], tuple[ReportColumn, ...]]
    build: Builder  # (db, period, resolved filters) -> Rows
    empty: Callable[[], str]  # the note of a period without data
    as_of: bool = False  # reads one date (the period's end), not a range
    filters: tuple[str, ...] = ()  # which filters it takes: customer, series, warehouse, department
    landscape: bool = False


REPORTS: dict[str, ReportSpec] = {}


def report(name: str, *, title: Callable[[], str], description: Callable[[], str],
           columns: Callable[[], tuple[ReportColumn, ...]], empty: Callable[[], str], as_of: bool = False,
           filters: tuple[str, ...] = (), landscape: bool = False) -> Callable[[Builder], Builder]:
    """Register ``build(db, period, filters) -> Rows`` as the report ``name``."""
    def register(build: Builder) -> Builder:
        REPORTS[name] = ReportSpec(name, title, description, columns, build, empty, as_of, filters, landscape)
        return build
    return register


def unusable_period(spec: ReportSpec, period: Period) -> str | None:
    """The note of a period no report can show anything for, or None when the period is usable."""
    if spec.as_of:
        if period.end < EARLIEST or period.end > LATEST:
            return _("{date} is too far in the past or the future: there is nothing to show.").format(
                date=fmt_date(period.end))
        return None
    if period.reversed:
        return _("The period ends ({end}) before it starts ({start}): there is nothing to show. "
                 "Swap the dates.").format(start=fmt_date(period.start), end=fmt_date(period.end))
    if period.out_of_range:
        return _("The period {start} to {end} is too far in the past or the future: there is nothing to show."
                 ).format(start=fmt_date(period.start), end=fmt_date(period.end))
    return None


def run_report(db: Database, name: str, period: Period | None = None, filters: dict[str, Any] | None = None
               ) -> Report:
    """The report ``name`` for ``period`` (default: this year to today) and ``filters``.

    A period that cannot hold data (reversed, too far out) gives an empty
    report with a note, never an error; a period with no data gives an empty
    report whose note says so. An unknown name, filter or filter value is a
    ValidationError on ``report`` or on the filter's key, before anything is read.
    """
    from app.reports.filters import resolve_filters

    spec = REPORTS.get(name)
    if spec is None:
        raise ValidationError("report", _("Unknown report {name}. `main.py report --list` lists them.").format(
            name=name))
    period = period or default_period()
    resolved, filters_text = resolve_filters(db, spec, filters or {})
    note = unusable_period(spec, period)
    if note is not None:
        rows = Rows([], None, (note,))
    else:
        rows = spec.build(db, period, resolved)
        if not rows.rows:
            rows = Rows([], None, (spec.empty(),))  # what is counted matters little when nothing is
    return Report(spec.name, spec.title(), period.text(spec.as_of), spec.columns(), rows.rows,
                  rows.totals if rows.rows else None, rows.notes, filters_text, spec.landscape)


def sum_rows(rows: list[dict], keys: tuple[str, ...], label_key: str, label: str | None = None) -> dict:
    """A totals row: the sum of ``keys`` over ``rows``, ``label`` ("Total") under ``label_key``."""
    totals: dict[str, Any] = {label_key: label or _("Total")}
    for key in keys:
        values = [r[key] for r in rows if r.get(key) is not None]
        totals[key] = sum(values[1:], values[0]) if values else None
    return totals
