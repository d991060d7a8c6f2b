"""Clerks filing leave for the same person at the same moment: one request wins, none overlaps another.

Real concurrent transactions: threads with their own connections, on SQLite and on the PostgreSQL server.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from app.domain.employees import Employee, LeaveRequest
from app.errors import ValidationError
from app.services import leave
from app.services.leave import LeaveRequestData

CLERKS = 8


def _person(db):
    with db.session() as s:
        ana = Employee(code="E1", first_name="Ana", last_name="Gil", tax_id="12345678Z",
                       hire_date=dt.date(2020, 1, 1))
        s.add(ana)
        s.flush()
        return ana.id


def test_overlapping_requests_filed_at_once_leave_exactly_one(db):
    ana = _person(db)
    start = threading.Barrier(CLERKS)

    def file(n: int):
        # Each clerk asks for a week that overlaps everyone else's (Monday 3 June + n days).
        first = dt.date(2024, 6, 3) + dt.timedelta(days=n % 3)
        start.wait(10)
        try:
            return leave.create_leave_request(db, LeaveRequestData(ana, "personal", first, first + dt.timedelta(days=4)),
                                              confirm=True)
        except ValidationError as exc:
            return exc

    with ThreadPoolExecutor(CLERKS) as pool:
        results = list(pool.map(file, range(CLERKS)))
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 1 and len(refused) == CLERKS - 1
    assert all(e.field == "start_date" for e in refused)
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(LeaveRequest)).scalar_one() == 1
