"""When the demo invoices happen: three years of working days, busier lately.

Each day gets a weight (weekdays full, Saturdays light, Sundays and holidays
almost empty, August slow, a steady growth over the years); invoices are
shared out by largest remainder so the total is exact and deterministic.
Invoice ``i`` falls on ``day_of[i]`` and they stay in date order.
"""

from __future__ import annotations

import datetime as dt

from app.demo.common import DemoContext

_HOLIDAYS = {(1, 1), (1, 6), (5, 1), (8, 15), (10, 12), (11, 1), (12, 6), (12, 8), (12, 25)}
_OFFICE_SECONDS = 11 * 3600  # 07:00-18:00 in Spain, 06:00-17:00 UTC in winter; close enough
# Storage form of the time of day, one string per second from 06:00:00 UTC.
TIMES = tuple(f"{(6 * 3600 + s) // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(_OFFICE_SECONDS))


def day_weight(day: dt.date, progress: float) -> float:
    if (day.month, day.day) in _HOLIDAYS:
        weight = 0.02
    else:
        weight = (1.0, 1.0, 1.0, 1.0, 0.95, 0.35, 0.03)[day.weekday()]
    if day.month == 8:
        weight *= 0.6
    elif day.month == 12:
        weight *= 1.15
    return weight * (1.0 + 0.5 * progress)  # the business grows by half over three years


class InvoiceCalendar:
    """Day strings, fiscal years and the day of each invoice, by day index from ctx.start."""

    def __init__(self, ctx: DemoContext, count: int, horizon_days: int = 200):
        self.today_index = ctx.days - 1
        days = [ctx.day(i) for i in range(ctx.days + horizon_days)]
        self.day_str = [d.isoformat() for d in days]
        self.year = [d.year for d in days]
        weights = [day_weight(days[i], i / max(1, self.today_index)) for i in range(ctx.days)]
        total = sum(weights)
        exact = [count * w / total for w in weights]
        per_day = [int(x) for x in exact]
        short = count - sum(per_day)
        by_remainder = sorted(range(ctx.days), key=lambda i: (per_day[i] - exact[i], i))
        for i in by_remainder[:short]:
            per_day[i] += 1
        self.per_day = per_day
        self.first_of_day: list[int] = []
        self.day_of: list[int] = []
        for d, n in enumerate(per_day):
            self.first_of_day.append(len(self.day_of))
            self.day_of.extend([d] * n)

    def stamp(self, invoice: int) -> str:
        """Creation time of invoice ``invoice``: spread over its day's office hours, in number order."""
        d = self.day_of[invoice]
        k = invoice - self.first_of_day[d]
        return f"{self.day_str[d]} {TIMES[k * _OFFICE_SECONDS // self.per_day[d]]}"
