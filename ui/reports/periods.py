"""The quick periods of the Reports window: this month, last month, this quarter, this year, last year.

Plain date arithmetic, kept apart from the widgets so it is tested without them.
"""

from __future__ import annotations

import datetime as dt

from app.reports import Period

QUICK = ("this_month", "last_month", "this_quarter", "this_year", "last_year")


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def quick_period(choice: str, today: dt.date) -> Period:
    """The whole of the month, quarter or year ``choice`` names, as seen on ``today``."""
    if choice == "this_month":
        return Period(today.replace(day=1), _month_end(today.year, today.month))
    if choice == "last_month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return Period(end.replace(day=1), end)
    if choice == "this_quarter":
        first = 3 * ((today.month - 1) // 3) + 1
        return Period(dt.date(today.year, first, 1), _month_end(today.year, first + 2))
    if choice == "this_year":
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    if choice == "last_year":
        return Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    raise ValueError(f"unknown quick period {choice!r}")

