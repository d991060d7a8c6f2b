"""Automatic codes that two computers working offline never give twice.

Online, a code is the next free number of its kind (``C000124``). An offline copy cannot know what
the office or another copy numbered meanwhile, so there it numbers in a range of its own: the
workstation number the server gave the copy (``app.domain.sync.Workstation``) goes into the code
(``C03-00001``). Only that computer makes codes of that form, so they never clash, and they stay
what the clerk saw and perhaps printed: nothing is renumbered at sync.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

OFFLINE_DIGITS = 5


def workstation(s: Session) -> int | None:
    """The workstation number of an offline copy's session; None online and on a local file."""
    return s.info.get("workstation") if s.info.get("offline") else None


def offline_prefix(s: Session, letters: str) -> str | None:
    """``C03-`` for letters "C" on workstation 3's offline copy; None when not offline."""
    number = workstation(s)
    return None if number is None else f"{letters}{number:02d}-"


def next_free(s: Session, column, prefix: str, digits: int) -> str:
    """``prefix`` and the first free number after the codes that already start with it."""
    n = s.execute(select(func.count()).where(column.like(prefix + "%"))).scalar_one() + 1
    while s.execute(select(column).where(column == f"{prefix}{n:0{digits}d}")).first():
        n += 1
    return f"{prefix}{n:0{digits}d}"
