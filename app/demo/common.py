"""What every demo generator shares: seeded randomness, the calendar, row stamps.

Nothing here reads the clock except ``DemoContext.today``'s default, so the
same seed, sizes and day give the same rows, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

DEMO_USER = "demo"
YEARS = 3

# Version 4 / RFC 4122 variant bits, applied to 128 random bits without building a UUID object.
_UUID_CLEAR = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_UUID_SET = (0x4 << 76) | (0x2 << 62)


def uuid_hex(bits: int) -> str:
    """32 hex digits of a version-4 UUID made from ``bits`` (the Uuid storage form on SQLite).

    PostgreSQL's uuid input accepts the same undashed form, so one string fits both.
    """
    return "%032x" % (bits & _UUID_CLEAR | _UUID_SET)


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass
class DemoContext:
    """The seed and the calendar of one demo run."""

    seed: int
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def start(self) -> dt.date:
        """First day of the three years of history (today included)."""
        return years_before(self.today, YEARS) + dt.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.today - self.start).days + 1

    def rng(self, purpose: str) -> random.Random:
        """An independent stream per purpose: adding data to one area never shifts another."""
        return random.Random(f"trastienda-demo:{self.seed}:{purpose}")

    def day(self, index: int) -> dt.date:
        return self.start + dt.timedelta(days=index)

    def random_day(self, rng: random.Random, first: dt.date | None = None, last: dt.date | None = None) -> dt.date:
        first = first or self.start
        last = last or self.today
        return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def stamp(day: dt.date, rng: random.Random) -> dt.datetime:
    """An aware UTC moment in office hours of ``day`` (Spain is UTC+1/+2)."""
    seconds = rng.randrange(6 * 3600, 18 * 3600)
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc) + dt.timedelta(seconds=seconds)


def audit(rng: random.Random, created: dt.datetime, updated: dt.datetime | None = None) -> dict:
    """The columns every business row carries, for rows written through SQLAlchemy Core."""
    return {
        "id": new_uuid(rng), "version": 1, "created_at": created,
        "updated_at": updated or created, "updated_by": DEMO_USER,
    }


def cents(rng: random.Random, low: int, high: int) -> int:
    """A shop-like price in cents between low and high: ends in ,x0 / ,x5 / ,x9 mostly."""
    value = rng.randrange(low, high + 1)
    if value >= 1000:
        return value - value % 5 if rng.random() < 0.6 else value - value % 100 + 95
    return value
