"""Benchmark of the leave list, the "who is away" calendar and balances at 100k+ requests.

    .venv/bin/python -m tests.bench.bench_leave [--employees 5000] [--requests 200000] [--rounds 5] [--pg]

Builds (bulk, deterministic) ``--employees`` people in 12 departments and
``--requests`` leave requests over eight years on a fresh SQLite file and, with
``--pg``, on a scratch PostgreSQL database (created and dropped). Then measures,
best of ``--rounds``, in milliseconds:
- list: the Leave tab's first page (200 rows, newest first) and its count of pending requests;
- calendar: ``absences`` for one month, all departments and one department;
- balance: ``leave_balance`` of one person for this year;
- pending: ``pending_approvals`` for a manager's login;
- the baseline: a bare ``SELECT`` of 200 leave rows by primary key order, the least
  any page costs on the same database.
Each figure is printed beside its ratio to the baseline. Unit tests never assert times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import uuid
from decimal import Decimal

from sqlalchemy import text

from app.db.session import Database
from app.domain.employees import Department, Employee, LeaveRequest
from app.domain.enums import LeaveKind, LeaveStatus
from app.domain.types import utcnow
from app.services import leave
from app.services.listing import ListQuery
from tests.bench.common import best_of, scratch_databases

TODAY = dt.date(2026, 11, 20)


def build(db: Database, people: int, requests: int) -> tuple[uuid.UUID, uuid.UUID, str]:
    """Returns (a department id, an employee id, a manager's login)."""
    rng = random.Random(7)
    now = utcnow()
    stamp = dict(version=1, created_at=now, updated_at=now, updated_by="bench")
    depts = [dict(id=uuid.uuid4(), code=f"D{n:02d}", name=f"Departamento {n:02d}", parent_id=None, **stamp)
             for n in range(12)]
    heads = {}
    staff = []
    for n in range(people):
        dept = depts[n % 12]
        row = dict(id=uuid.uuid4(), code=f"E{n:06d}", first_name=f"Nombre{n}", last_name=f"Apellido {n % 997:03d}",
                   tax_id=f"{n:08d}X", country="ES", department_id=dept["id"], hire_date=dt.date(2015, 1, 1),
                   payments_per_year=14, manager_id=heads.get(dept["id"]),
                   user_name=f"jefe{n}" if dept["id"] not in heads else None, **stamp)
        heads.setdefault(dept["id"], row["id"])
        staff.append(row)
    first = TODAY.replace(year=TODAY.year - 7, month=1, day=1)
    span = (TODAY + dt.timedelta(days=180) - first).days
    rows = []
    for _ in range(requests):
        start = first + dt.timedelta(days=rng.randrange(span))
        length = rng.choice((1, 1, 3, 5, 5, 10, 15))
        start_status = LeaveStatus.REQUESTED if start > TODAY and rng.random() < 0.4 else LeaveStatus.APPROVED
        rows.append(dict(id=uuid.uuid4(), employee_id=staff[rng.randrange(people)]["id"],
                         kind=rng.choice((LeaveKind.VACATION, LeaveKind.VACATION, LeaveKind.SICK, LeaveKind.PERSONAL)),
                         status=start_status, start_date=start, end_date=start + dt.timedelta(days=length - 1),
                         half_day=False, days=Decimal(length), reason=None, approved_by_id=None, **stamp))
    with db.engine.begin() as conn:
        conn.execute(Department.__table__.insert(), depts)
        for at in range(0, len(staff), 5000):
            conn.execute(Employee.__table__.insert(), staff[at:at + 5000])
        for at in range(0, len(rows), 5000):
            conn.execute(LeaveRequest.__table__.insert(), rows[at:at + 5000])
    if db.dialect == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return depts[3]["id"], staff[40]["id"], staff[3]["user_name"]


def measure(db: Database, args) -> None:
    dept, person, boss = build(db, args.employees, args.requests)
    month = (TODAY.replace(day=1), (TODAY.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1))
    manager = Database(db.engine, user=boss, roles=frozenset())
    checks = {
        "list: first page, newest first": lambda: leave.list_leave(db, ListQuery(sort="start_date", descending=True)),
        "list: count pending": lambda: leave.count_leave(db, ListQuery(filters={"status": "requested"})),
        "calendar: one month, everyone": lambda: leave.absences(db, *month),
        "calendar: one month, one dept": lambda: leave.absences(db, *month, department_id=dept),
        "balance: one person, this year": lambda: leave.leave_balance(db, person, TODAY.year),
        "pending approvals (a manager)": lambda: leave.pending_approvals(manager),
    }
    with db.engine.connect() as conn:
        def baseline():
            conn.execute(text("SELECT * FROM leave_request ORDER BY id LIMIT 200")).all()
        base = best_of(args.rounds, baseline)
    print(f"  {'baseline: SELECT 200 leave rows':34s} {base:9.2f} ms   1.0x")
    for label, fn in checks.items():
        fn()  # warm
        took = best_of(args.rounds, fn)
        print(f"  {label:34s} {took:9.2f} ms {took / base:6.1f}x")
    sizes = len(leave.absences(db, *month))
    print(f"  ({sizes} absences in {month[0]:%B %Y})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--employees", type=int, default=5000)
    ap.add_argument("--requests", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pg", action="store_true", help="also on a scratch PostgreSQL database")
    args = ap.parse_args()
    with scratch_databases(args.pg) as databases:
        for backend, db in databases:
            print(f"{backend}, {args.employees} employees, {args.requests} leave requests")
            measure(db, args)

if __name__ == "__main__":
    main()
