"""One employee's personal data, gathered to answer an access request (GDPR art. 15, LOPDGDD).

Everything the records hold about the person, restricted fields included:
their details, job and pay, leave (with its reasons), vacation allowances,
the documents on file (details and checksum, not the files), their
employment contracts, and the audit trail of who read or changed what (names
of fields, never values). HR only; a blocked employee's data only an
administrator. Every gathering writes one ``export`` entry to the trail in the
same transaction, and files are written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, undefer

from app.db.session import Database
from app.domain.contracts import Contract
from app.domain.employees import (
    Department,
    Employee,
    EmployeeDocument,
    LeaveAllowance,
    LeaveRequest,
    PersonalDataAudit,
)
from app.domain.types import utcnow
from app.errors import NotFoundError, TrastiendaError
from app.i18n import _
from app.services import access, hr_audit
from app.services.common import get_or_404
from app.services.company import find_company
from app.services.employees import RESTRICTED_FIELDS

FORMAT = "trastienda-personal-data/1"
SECTIONS = ("person", "job", "leave_requests", "leave_allowances", "documents", "contracts", "audit_trail")

PERSON_FIELDS = ("code", "first_name", "last_name", "tax_id", "social_security_number", "birth_date", "street",
                 "postal_code", "city", "province", "country", "phone", "email", "iban", "emergency_contact",
                 "user_name", "created_at", "blocked_at", "blocked_by", "block_reason", "anonymised_at")


def _plain(value: object) -> object:
    """JSON-ready: dates and times in ISO 8601, Decimals and UUIDs as text, enums as their value."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _row(obj: object, names: tuple[str, ...], **extra: object) -> dict:
    out = {name: _plain(getattr(obj, name)) for name in names}
    out.update({k: _plain(v) for k, v in extra.items()})
    return out


def _name(s: Session, employee_id: uuid.UUID | None) -> str | None:
    if employee_id is None:
        return None
    row = s.execute(select(Employee.first_name, Employee.last_name).where(Employee.id == employee_id)).first()
    return f"{row[0]} {row[1]}" if row else None


# -- the sections -------------------------------------------------------------------------------

def _job(s: Session, e: Employee) -> dict:
    manager = s.execute(select(Employee.code, Employee.first_name, Employee.last_name)
                        .where(Employee.id == e.manager_id)).first() if e.manager_id else None
    dept = s.get(Department, e.department_id) if e.department_id else None
    return _row(e, ("position", "hire_date", "end_date", "weekly_hours", "salary", "payments_per_year", "archived_at"),
                department_code=dept.code if dept else None, department=dept.name if dept else None,
                manager_code=manager[0] if manager else None,
                manager=f"{manager[1]} {manager[2]}" if manager else None)


def _leave(s: Session, employee_id: uuid.UUID) -> list[dict]:
    approver = aliased(Employee)
    rows = s.execute(select(LeaveRequest, approver.first_name, approver.last_name)
                     .options(undefer(LeaveRequest.reason))  # deferred by the model: HR's
                     .outerjoin(approver, approver.id == LeaveRequest.approved_by_id)
                     .where(LeaveRequest.employee_id == employee_id)
                     .order_by(LeaveRequest.start_date, LeaveRequest.created_at, LeaveRequest.id)).all()
    return [_row(r, ("kind", "status", "start_date", "end_date", "half_day", "days", "reason"),
                 approved_by=f"{first} {last}" if first is not None else None, requested_at=r.created_at)
            for r, first, last in rows]


def _allowances(s: Session, employee_id: uuid.UUID) -> list[dict]:
    rows = s.execute(select(LeaveAllowance).where(LeaveAllowance.employee_id == employee_id)
                     .order_by(LeaveAllowance.year)).scalars()
    return [_row(a, ("year", "days", "carried_over")) for a in rows]


def _documents(s: Session, employee_id: uuid.UUID) -> list[dict]:
    d = EmployeeDocument
    rows = s.execute(select(d.kind, d.title, d.filename, d.mime_type, d.size, d.sha256, d.expires_on,
                            d.created_at.label("added_at"), d.archived_at.label("removed_at"))
                     .where(d.employee_id == employee_id).order_by(d.created_at, d.id)).all()
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in rows]


def _contracts(s: Session, employee_id: uuid.UUID) -> list[dict]:
    rows = s.execute(select(Contract).where(Contract.employee_id == employee_id)
                     .order_by(Contract.start_date, Contract.created_at, Contract.id)).scalars()
    return [_row(c, ("reference", "title", "kind", "status", "start_date", "end_date", "notice_given_on",
                     "terminated_on", "termination_reason", "value", "archived_at")) for c in rows]


def _audit_trail(s: Session, employee_id: uuid.UUID) -> list[dict]:
    rows = s.execute(select(PersonalDataAudit).where(PersonalDataAudit.employee_id == employee_id)
                     .order_by(PersonalDataAudit.at, PersonalDataAudit.id)).scalars()
    return [_row(a, ("at", "user", "action", "note"), fields=[f for f in a.fields.split(",") if f]) for a in rows]


def _gather(s: Session, db: Database, employee_id: uuid.UUID, company, now: dt.datetime) -> dict:
    e = get_or_404(s, Employee, employee_id, what=_("employee"))
    if e.blocked_at is not None:
        access.require(db, access.ADMIN, _("This employee's personal data is blocked: only an administrator "
                                           "may export it."))
    s.refresh(e, attribute_names=RESTRICTED_FIELDS)  # deferred by the model: HR's (checked by the caller)
    controller = None
    if company is not None:
        controller = {"legal_name": company.legal_name, "trade_name": company.trade_name, "tax_id": company.tax_id,
                      "address_lines": list(company.address_lines), "email": company.email, "phone": company.phone}
    return {
        "format": FORMAT,
        "generated_at": _plain(now),
        "controller": controller,
        "person": _row(e, PERSON_FIELDS, full_name=e.full_name),
        "job": _job(s, e),
        "leave_requests": _leave(s, e.id),
        "leave_allowances": _allowances(s, e.id),
        "documents": _documents(s, e.id),
        "contracts": _contracts(s, e.id),
        # The trail up to this export; the export's own entry is written after it is read.
        "audit_trail": _audit_trail(s, e.id),
    }


def _require_hr(db: Database) -> None:
    access.require(db, access.HR, _("Only HR staff may export an employee's personal data."))


# -- files --------------------------------------------------------------------------------------

def personal_data_json(data: dict) -> bytes:
    """The export as UTF-8 JSON text, indented, accents kept readable."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write_atomically(path: Path, payload: bytes) -> None:
    """Through a temporary file in the same folder (readable by its owner only), then renamed:
    a failure leaves the old file or none, never half a file."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise TrastiendaError(_("Cannot write {path}: {reason}").format(
            path=path, reason=exc.strerror or str(exc))) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


# -- public API -----------------------------------------------------------------------------------

def employee_id_by_code(db: Database, code: str) -> uuid.UUID:
    """The id of the employee with this code (case ignored); NotFoundError when there is none."""
    wanted = (code or "").strip()
    with db.session() as s:
        found = s.execute(select(Employee.id).where(Employee.code == wanted)).scalar()
        if found is None and wanted:
            found = s.execute(select(Employee.id).where(func.upper(Employee.code) == wanted.upper())).scalar()
    if found is None:
        raise NotFoundError(_("No employee with code {code!r}.").format(code=wanted))
    return found


def export_personal_data(
    db: Database, employee_id: uuid.UUID, *, json_path: str | os.PathLike | None = None,
    pdf_path: str | os.PathLike | None = None, now: dt.datetime | None = None,
) -> dict:
    """Gathers the data (``personal_data``), writes the files asked for, and returns the data.

    One ``export`` audit entry (fields: the sections; note: the formats) is
    written in the same transaction: if a file cannot be written, the entry
    is rolled back and any file already written by this call is removed.
    """
    _require_hr(db)
    company = find_company(db)
    formats = [name for name, path in (("json", json_path), ("pdf", pdf_path)) if path is not None]
    written: list[Path] = []
    try:
        with db.session() as s:
            data = _gather(s, db, employee_id, company, now or utcnow())
            outputs = []
            if json_path is not None:
                outputs.append((Path(json_path), personal_data_json(data)))
            if pdf_path is not None:
                from app.documents.personal_data_pdf import render_personal_data_pdf

                outputs.append((Path(pdf_path), render_personal_data_pdf(data)))
            hr_audit.record(s, employee_id, hr_audit.EXPORT, SECTIONS, note=", ".join(formats) or None)
            s.flush()  # the entry is in before any file is out
            for path, payload in outputs:
                _write_atomically(path, payload)
                written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return data


def personal_data(db: Database, employee_id: uuid.UUID, *, now: dt.datetime | None = None) -> dict:
    """Everything about the employee as a JSON-ready dict; writes one ``export`` audit entry.

    Keys: ``format``, ``generated_at``, ``controller`` (the company: legal_name,
    trade_name, tax_id, address_lines, email, phone; None if not set up), and
    the ``SECTIONS``: ``person`` and ``job`` (dicts), ``leave_requests``,
    ``leave_allowances``, ``documents``, ``contracts``, ``audit_trail`` (lists).
    Dates and times are ISO 8601 text, amounts exact decimal text. HR only
    (PermissionDeniedError, nothing audited); blocked employees admin only.
    """
    return export_personal_data(db, employee_id, now=now)


def write_personal_data_json(db: Database, employee_id: uuid.UUID, path: str | os.PathLike) -> Path:
    """Writes the export as JSON to ``path`` (atomically, replacing it) and returns the path."""
    export_personal_data(db, employee_id, json_path=path)
    return Path(path)


def write_personal_data_pdf(db: Database, employee_id: uuid.UUID, path: str | os.PathLike) -> Path:
    """Writes the export as a Spanish A4 PDF to ``path`` (atomically, replacing it) and returns the path."""
    export_personal_data(db, employee_id, pdf_path=path)
    return Path(path)


def export_file_stem(db: Database, employee_id: uuid.UUID) -> str:
    """The default file name without extension: "datos-personales-<code>" (no name or NIF in it)."""
    _require_hr(db)
    with db.session() as s:
        code = get_or_404(s, Employee, employee_id, what=_("employee")).code
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in code).strip("-") or "empleado"
    return f"datos-personales-{safe}"

