"""HR extras: holidays, leave days, vacation allowances, documents, logins, a block and the audit trail.

Deterministic like the rest of the demo. Leave of one person never overlaps
itself (the leave service refuses that), and each request carries the
working days it takes, holidays left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from decimal import Decimal

from app.demo.common import DEMO_USER, DemoContext, audit, stamp
from app.demo.parties import slug
from app.domain.enums import DocumentKind, LeaveStatus

_FIXED_HOLIDAYS = ((1, 1, "Año Nuevo"), (1, 6, "Epifanía del Señor"), (5, 1, "Fiesta del Trabajo"),
                   (8, 15, "Asunción de la Virgen"), (10, 12, "Fiesta Nacional de España"), (11, 1, "Todos los Santos"),
                   (12, 6, "Día de la Constitución"), (12, 8, "Inmaculada Concepción"), (12, 25, "Natividad del Señor"))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def build_holidays(ctx: DemoContext) -> list[dict]:
    """Spain's national holidays (and Good Friday) from the first demo year to next year."""
    rng = ctx.rng("holidays")
    rows = []
    for year in range(ctx.start.year, ctx.today.year + 2):
        days = [(dt.date(year, m, d), name) for m, d, name in _FIXED_HOLIDAYS]
        days.append((easter(year) - dt.timedelta(days=2), "Viernes Santo"))
        created = stamp(min(dt.date(year - 1, 12, 15), ctx.today), rng)
        rows += [{**audit(rng, created), "date": day, "name": name} for day, name in sorted(days)]
    return rows


def working_days(start: dt.date, end: dt.date, half_day: bool, holidays: set[dt.date]) -> Decimal:
    days = sum(1 for n in range((end - start).days + 1)
               if (day := start + dt.timedelta(days=n)).weekday() < 5 and day not in holidays)
    return Decimal("0.5") if half_day and days else Decimal(days)


def settle_leave(leave: list[dict], holidays: list[dict]) -> list[dict]:
    """Drop requests that overlap the same person's earlier ones or take no working day; count the rest."""
    closed = {h["date"] for h in holidays}
    kept: list[dict] = []
    taken: dict = {}
    for row in sorted(leave, key=lambda r: (r["employee_id"], r["start_date"])):
        days = working_days(row["start_date"], row["end_date"], row["half_day"], closed)
        last_end = taken.get(row["employee_id"])
        if not days or (last_end is not None and row["start_date"] <= last_end):
            continue
        if row["status"] in (LeaveStatus.REQUESTED, LeaveStatus.APPROVED):
            taken[row["employee_id"]] = row["end_date"]
        kept.append({**row, "days": days})
    return kept


def build_allowances(ctx: DemoContext, employees: list[dict]) -> list[dict]:
    """This year's allowance of current staff: 22 days, a few with 23 or 25, some days carried over."""
    rng = ctx.rng("allowances")
    created = stamp(dt.date(ctx.today.year, 1, 2) if ctx.today.month > 1 else ctx.today, rng)
    return [{**audit(rng, created), "employee_id": e["id"], "year": ctx.today.year,
             "days": Decimal(rng.choices((22, 23, 25), weights=(8, 1, 1))[0]),
             "carried_over": Decimal(rng.choice((0, 0, 0, 1, 2, 3, 5)))}
            for e in employees if e["end_date"] is None]


def _pdf(title: str, name: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 760, title)
    c.setFont("Helvetica", 11)
    c.drawString(72, 735, name)
    c.showPage()
    c.save()
    return out.getvalue()


def build_documents(ctx: DemoContext, employees: list[dict]) -> list[dict]:
    """Each current employee's contract; NIE holders a work permit (some expiring soon); some a course certificate."""
    rng = ctx.rng("documents")
    rows = []

    def doc(emp: dict, kind: DocumentKind, title: str, filename: str, expires: dt.date | None) -> None:
        data = _pdf(title, f"{emp['first_name']} {emp['last_name']} ({emp['code']})")
        rows.append({**audit(rng, stamp(max(emp["hire_date"], ctx.start), rng)), "employee_id": emp["id"],
                     "kind": kind, "title": title, "expires_on": expires, "filename": filename,
                     "mime_type": "application/pdf", "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                     "data": data, "archived_at": None})

    for emp in employees:
        if emp["end_date"] is not None:
            continue
        doc(emp, DocumentKind.CONTRACT, "Contrato de trabajo", f"contrato-{emp['code']}.pdf", None)
        if emp["tax_id"][0] in "XYZ":
            expires = ctx.today + dt.timedelta(days=rng.choice((-5, 12, 25, 200, 700)))
            doc(emp, DocumentKind.PERMIT, "Autorización de residencia y trabajo", f"permiso-{emp['code']}.pdf",
                expires)
        if rng.random() < 0.3:
            expires = ctx.today + dt.timedelta(days=rng.randrange(-20, 900))
            doc(emp, DocumentKind.CERTIFICATE, "Curso de prevención de riesgos laborales",
                f"prl-{emp['code']}.pdf", expires)
    return rows


def set_logins_and_blocks(ctx: DemoContext, employees: list[dict]) -> None:
    """Managers get their login (they approve their team's leave); one leaver asked for erasure and is blocked."""
    managers = {e["manager_id"] for e in employees if e["manager_id"] is not None}
    for emp in employees:
        emp.update(user_name=None, blocked_at=None, blocked_by=None, block_reason=None, anonymised_at=None)
        if emp["id"] in managers and emp["end_date"] is None:
            emp["user_name"] = f"{slug(emp['first_name'])}.{slug(emp['last_name'].split()[0])}"[:64]
    leavers = sorted((e for e in employees if e["end_date"] is not None and e["end_date"] < ctx.today),
                     key=lambda e: e["code"])
    if leavers:
        emp = leavers[0]
        emp["blocked_at"] = stamp(min(emp["end_date"] + dt.timedelta(days=120), ctx.today), ctx.rng("block"))
        emp["blocked_by"] = DEMO_USER
        emp["block_reason"] = "Solicitud de supresión (art. 17 RGPD) recibida por correo"


def build_audit(ctx: DemoContext, employees: list[dict], documents: list[dict]) -> list[dict]:
    """What the trail would hold: each record's creation, some readings of pay, document additions, the block."""
    rng = ctx.rng("audit")
    rows = []

    def entry(emp_id, at: dt.datetime, action: str, fields: str = "", note: str | None = None) -> None:
        rows.append({**audit(rng, at), "at": at, "user": DEMO_USER, "employee_id": emp_id, "action": action,
                     "fields": fields, "note": note})

    for emp in employees:
        entry(emp["id"], emp["created_at"], "create", "first_name,last_name,tax_id,hire_date,salary,iban")
        if rng.random() < 0.4:
            seen = stamp(ctx.random_day(rng, first=max(emp["hire_date"], ctx.start)), rng)
            entry(emp["id"], seen, "view", "salary,payments_per_year,iban,social_security_number")
        if emp.get("blocked_at"):
            entry(emp["id"], emp["blocked_at"], "block")
    for doc in documents:
        entry(doc["employee_id"], doc["created_at"], "document",
              note=f"added: {doc['kind'].value} document {doc['id'].hex[:8]}")
    return rows
