"""Departments, employees (valid DNI/NIE, NSS and IBAN; managers) and leave."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.demo import identifiers as ids
from app.demo import names
from app.demo.common import DemoContext, audit, stamp, years_before
from app.demo.parties import person_name, slug, spanish_address
from app.domain.enums import LeaveKind, LeaveStatus

_SALARY_BY_RANK = ((42_000, 65_000), (24_000, 34_000), (17_500, 24_000))  # head, senior, others


@dataclass(frozen=True)
class EmployeeRef:
    id: uuid.UUID
    name: str
    hire_date: dt.date
    end_date: dt.date | None
    salary: Decimal
    weekly_hours: Decimal


def build_departments(ctx: DemoContext) -> list[dict]:
    rng = ctx.rng("departments")
    created = stamp(ctx.start, rng)
    rows = [{**audit(rng, created), "code": code, "name": name, "parent_id": None, "archived_at": None}
            for code, name, _ in names.DEPARTMENTS]
    for row in rows[1:]:
        row["parent_id"] = rows[0]["id"]  # everything hangs from Dirección
    return rows


def build_employees(ctx: DemoContext, count: int, departments: list[dict]) -> tuple[list[dict], list[EmployeeRef]]:
    """The first employee runs the company; the first of each department heads it."""
    rng = ctx.rng("employees")
    used: set[str] = set()
    rows: list[dict] = []
    refs: list[EmployeeRef] = []
    heads: dict[int, uuid.UUID] = {}
    for n in range(count):
        dep = n if n < len(departments) else rng.choices(range(len(departments)), weights=(1, 3, 5, 5, 5, 2))[0]
        positions = names.DEPARTMENTS[dep][2]
        head = dep not in heads
        position = positions[0] if head else rng.choice(positions[1:])
        rank = 0 if head else (1 if rng.random() < 0.3 else 2)
        first, last = person_name(rng)
        while True:
            tax_id = ids.nie(rng) if rng.random() < 0.1 else ids.dni(rng)
            if tax_id not in used:
                used.add(tax_id)
                break
        hire = ctx.random_day(rng, first=years_before(ctx.today, 15) if head else years_before(ctx.today, 8))
        ended = not head and rng.random() < 0.08
        end = ctx.random_day(rng, first=min(hire + dt.timedelta(days=90), ctx.today)) if ended else None
        hours = Decimal(40) if rng.random() < 0.85 else Decimal(rng.choice((20, 25, 30)))
        low, high = _SALARY_BY_RANK[rank]
        salary = Decimal(rng.randrange(low, high, 50)) * hours / 40
        created = stamp(max(hire, ctx.start), rng)
        manager = heads.get(dep) if not head else (rows[0]["id"] if rows else None)
        row = {
            **audit(rng, created), **spanish_address(rng), "code": f"E{n + 1:04d}", "first_name": first,
            "last_name": last, "tax_id": tax_id, "social_security_number": ids.social_security_number(rng),
            "birth_date": dt.date(ctx.today.year - rng.randrange(20, 63), rng.randrange(1, 13), rng.randrange(1, 29)),
            "phone": ids.spanish_phone(rng, mobile=True),
            "email": f"{slug(first)}.{slug(last.split()[0])}@suministrosebro.es",
            "iban": ids.spanish_iban(rng, rng.choice(names.BANK_CODES)),
            "emergency_contact": f"{person_name(rng)[0]} ({rng.choice(('pareja', 'madre', 'padre', 'hermana', 'hermano'))}) "
                                 f"{ids.spanish_phone(rng, mobile=True)}",
            "department_id": departments[dep]["id"], "position": position, "manager_id": manager,
            "hire_date": hire, "end_date": end, "weekly_hours": hours, "salary": salary,
            "payments_per_year": rng.choice((14, 14, 14, 12)),
            "archived_at": stamp(end, rng) if end and (ctx.today - end).days > 365 else None,
        }
        if head:
            heads[dep] = row["id"]
        rows.append(row)
        refs.append(EmployeeRef(row["id"], f"{first} {last}", hire, end, salary, hours))
    return rows, refs


def build_leave(ctx: DemoContext, employees: list[dict]) -> list[dict]:
    """A few requests per employee over the last two years and the coming months."""
    rng = ctx.rng("leave")
    rows: list[dict] = []
    for emp in employees:
        first = max(emp["hire_date"], ctx.today - dt.timedelta(days=730))
        last = emp["end_date"] or ctx.today + dt.timedelta(days=120)
        if last <= first:
            continue
        for _ in range(rng.randrange(1, 6)):
            kind = rng.choices(list(LeaveKind), weights=(60, 15, 15, 5, 5))[0]
            start = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
            length = {LeaveKind.VACATION: rng.choice((1, 3, 5, 10, 15)), LeaveKind.SICK: rng.randrange(1, 20)}.get(kind, 1)
            end = start + dt.timedelta(days=length - 1)
            future = start > ctx.today
            if kind == LeaveKind.SICK:
                status = LeaveStatus.APPROVED
            elif future:
                status = rng.choice((LeaveStatus.REQUESTED, LeaveStatus.APPROVED, LeaveStatus.APPROVED))
            else:
                status = rng.choices((LeaveStatus.APPROVED, LeaveStatus.REJECTED, LeaveStatus.CANCELLED),
                                     weights=(90, 5, 5))[0]
            reason = {LeaveKind.SICK: "Baja médica", LeaveKind.PERSONAL: rng.choice(("Asuntos propios", "Mudanza")),
                      LeaveKind.OTHER: "Matrimonio de un familiar"}.get(kind)
            asked = stamp(min(ctx.today, start - dt.timedelta(days=rng.randrange(0, 30))), rng)
            rows.append({
                **audit(rng, asked), "employee_id": emp["id"], "kind": kind, "status": status,
                "start_date": start, "end_date": end, "half_day": kind == LeaveKind.PERSONAL and rng.random() < 0.3,
                "reason": reason,
                "approved_by_id": (emp["manager_id"] or emp["id"]) if status == LeaveStatus.APPROVED else None,
            })
    return rows
