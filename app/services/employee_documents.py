"""Files kept in an employee's record (contracts, certificates, permits…) and their expiry alerts.

HR only (``app.services.access``). A blocked employee's documents only an
administrator reads, and nobody changes them until the block is lifted (nor
an anonymised employee's: anonymising deletes them). Every file added,
opened, changed or removed writes an entry to the personal-data audit trail
in the same transaction. A file leaves the
database only after its bytes are checked against the SHA-256 taken when it
was added. Size limit, type detection and the reading of a file on disk are
the contract attachments' own (``app.services.contracts``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.company import Company
from app.domain.employees import Employee, EmployeeDocument
from app.domain.enums import DocumentKind
from app.errors import PermissionDeniedError, ValidationError
from app.i18n import _
from app.services import access, hr_audit
from app.services.common import archive, check_version, get_or_404, to_view
from app.services.contract_documents import DamagedAttachmentError
from app.services.contracts import (
    _clean_filename,
    _limit_bytes,
    _too_large,
    detect_mime,
    read_attachment_file,
)
from app.services.validation import Validator

DEFAULT_ALERT_DAYS = 30  # while no company row says otherwise


@dataclass(frozen=True)
class DocumentView:
    """A document's details, never its bytes (``get_document_data`` reads those)."""

    id: uuid.UUID
    version: int
    employee_id: uuid.UUID
    kind: DocumentKind
    title: str
    expires_on: dt.date | None
    filename: str
    mime_type: str
    size: int
    sha256: str
    created_at: dt.datetime
    archived_at: dt.datetime | None


@dataclass(frozen=True)
class ExpiringDocument:
    """A document expiring soon (``days_left`` >= 0) or already expired (< 0)."""

    document: DocumentView
    employee_code: str
    employee_name: str
    expires_on: dt.date
    days_left: int


_VIEW_COLUMNS = tuple(getattr(EmployeeDocument, f.name) for f in dataclasses.fields(DocumentView))


# -- checks ---------------------------------------------------------------------------------

def _require_hr(db: Database) -> None:
    access.require(db, access.HR, _("Only HR staff may see or change employee documents."))


def _employee(s: Session, db: Database, employee_id: uuid.UUID, *, change: bool = False) -> Employee:
    """The employee whose documents are read (a blocked one: an administrator only) or changed
    (never while blocked or once anonymised, as for the rest of the record)."""
    employee = get_or_404(s, Employee, employee_id, what=_("employee"))
    if employee.blocked_at is not None:
        access.require(db, access.ADMIN, _("{code}: this person's data is blocked; only an administrator can see "
                                           "it.").format(code=employee.code))
        if change:
            raise PermissionDeniedError(_("{code}: this person's data is blocked; unblock it before changing it.")
                                        .format(code=employee.code))
    if change and employee.anonymised_at is not None:
        raise PermissionDeniedError(_("{code}: this record was anonymised and cannot be changed.")
                                    .format(code=employee.code))
    return employee


def _document(s: Session, db: Database, doc_id: uuid.UUID, *, change: bool = False
              ) -> tuple[EmployeeDocument, Employee]:
    doc = get_or_404(s, EmployeeDocument, doc_id, what=_("document"))
    return doc, _employee(s, db, doc.employee_id, change=change)


def _metadata(v: Validator, kind: object, title: str | None, expires_on: object) -> dict:
    # An expiry date in the past is allowed: filing an expired permit is what raises the alert.
    return {"kind": v.choice("kind", kind, DocumentKind), "title": v.required("title", title, max_len=200),
            "expires_on": v.date("expires_on", expires_on, required=False)}


# -- documents: public API --------------------------------------------------------------------

def _note(verb: str, doc: EmployeeDocument) -> str:
    """"added: permit document 3f2a9c1e": the trail names the document by kind and id, never by its title or
    file name, which often carry the person's name or NIF and would outlive anonymising."""
    return f"{verb}: {doc.kind.value if hasattr(doc.kind, 'value') else doc.kind} document {doc.id.hex[:8]}"


def add_document(
    db: Database, employee_id: uuid.UUID, kind: DocumentKind | str, title: str, filename: str, data: bytes,
    expires_on: dt.date | None = None,
) -> DocumentView:
    """Stores the file with its size, SHA-256 and type (from its content) and audits it.

    Every field is checked first (``kind``, ``title``, ``expires_on``,
    ``filename``; an empty file or one over the company's attachment limit on
    ``attachment``); nothing is written when any is wrong.
    """
    _require_hr(db)
    v = Validator()
    values = _metadata(v, kind, title, expires_on)
    name = v.required("filename", _clean_filename(filename), max_len=255)
    if not isinstance(data, (bytes, bytearray, memoryview)) or len(data) == 0:
        v.error("attachment", _("The file is empty."))
    v.done()
    payload = bytes(data)
    with db.session() as s:
        employee = _employee(s, db, employee_id, change=True)
        limit = _limit_bytes(s)
        if len(payload) > limit:
            v.error("attachment", _too_large(name, len(payload), limit))
        v.done()
        doc = EmployeeDocument(employee_id=employee.id, **values, filename=name,
                               mime_type=detect_mime(name, payload)[:100], size=len(payload),
                               sha256=hashlib.sha256(payload).hexdigest(), data=payload)
        s.add(doc)
        s.flush()
        hr_audit.record(s, employee.id, hr_audit.DOCUMENT, [], note=_note("added", doc))
        return to_view(DocumentView, doc)


def add_document_file(
    db: Database, employee_id: uuid.UUID, path: str | os.PathLike, kind: DocumentKind | str,
    title: str | None = None, expires_on: dt.date | None = None,
) -> DocumentView:
    """Adds the file at ``path`` under its own name; the title defaults to the name without extension.

    The size is checked before the file is read; a missing, unreadable, empty
    or too large file is a ValidationError on ``attachment`` naming it.
    """
    _require_hr(db)
    with db.session() as s:
        _employee(s, db, employee_id, change=True)  # refused or unknown before the file is read
        limit = _limit_bytes(s)
    name, data = read_attachment_file(path, limit)
    if title is None or not title.strip():
        title = os.path.splitext(name)[0] or name
    return add_document(db, employee_id, kind, title, name, data, expires_on)


def list_documents(db: Database, employee_id: uuid.UUID, include_archived: bool = False) -> list[DocumentView]:
    """The employee's documents, oldest first, without their bytes (not audited: no file is opened)."""
    _require_hr(db)
    with db.session() as s:
        _employee(s, db, employee_id)
        stmt = select(*_VIEW_COLUMNS).where(EmployeeDocument.employee_id == employee_id)
        if not include_archived:
            stmt = stmt.where(EmployeeDocument.archived_at.is_(None))
        rows = s.execute(stmt.order_by(EmployeeDocument.created_at, EmployeeDocument.id)).all()
        return [DocumentView(*row) for row in rows]


def update_document(
    db: Database, doc_id: uuid.UUID, kind: DocumentKind | str, title: str, expires_on: dt.date | None,
    expected_version: int | None = None,
) -> DocumentView:
    """Changes the kind, title and expiry date; the file itself never changes (add a new one).

    Refuses (ConflictError) if someone saved the document since ``expected_version``.
    """
    _require_hr(db)
    v = Validator()
    values = _metadata(v, kind, title, expires_on)
    v.done()
    with db.session() as s:
        doc, employee = _document(s, db, doc_id, change=True)
        check_version(doc, expected_version)
        changed = [k for k, value in values.items() if getattr(doc, k) != value]
        for key in changed:
            setattr(doc, key, values[key])
        if changed:
            hr_audit.record(s, employee.id, hr_audit.DOCUMENT, changed, note=_note("changed", doc))
        s.flush()
        return to_view(DocumentView, doc)


def remove_document(db: Database, doc_id: uuid.UUID) -> DocumentView:
    """Archives the document: it leaves the list and the alerts, its file stays in the record."""
    _require_hr(db)
    with db.session() as s:
        doc, employee = _document(s, db, doc_id, change=True)
        if doc.archived_at is None:
            archive(doc)
            hr_audit.record(s, employee.id, hr_audit.DOCUMENT, [], note=_note("removed", doc))
        s.flush()
        return to_view(DocumentView, doc)


def get_document_data(db: Database, doc_id: uuid.UUID) -> bytes:
    """The file's bytes, verified: DamagedAttachmentError when size or SHA-256 differ (nothing audited then)."""
    _require_hr(db)
    with db.session() as s:
        doc, employee = _document(s, db, doc_id)
        data = bytes(doc.data)
        if len(data) != doc.size or hashlib.sha256(data).hexdigest() != doc.sha256:
            raise DamagedAttachmentError(_("{name} is damaged in the database: its contents no longer match the "
                                           "checksum taken when it was added. It was not opened.")
                                         .format(name=doc.filename))
        hr_audit.record(s, employee.id, hr_audit.DOCUMENT, [], note=_note("opened", doc))
        return data


# -- expiry alerts ------------------------------------------------------------------------------

def alert_days(db: Database) -> int:
    """How many days before expiry a document is flagged: the company setting, else 30."""
    with db.session() as s:
        return _alert_days(s)


def _alert_days(s: Session) -> int:
    days = s.execute(select(Company.document_alert_days).order_by(Company.created_at, Company.id).limit(1)).scalar()
    return int(days) if days is not None else DEFAULT_ALERT_DAYS


def _expiring(db: Database, s: Session, today: dt.date, within_days: int | None) -> list:
    """The conditions of an alert, on a select from EmployeeDocument joined to Employee."""
    days = _alert_days(s) if within_days is None else within_days
    conditions = [EmployeeDocument.archived_at.is_(None), EmployeeDocument.expires_on.is_not(None),
                  EmployeeDocument.expires_on <= today + dt.timedelta(days=days),
                  Employee.archived_at.is_(None), Employee.anonymised_at.is_(None),
                  or_(Employee.end_date.is_(None), Employee.end_date >= today)]
    if not access.has_role(db, access.ADMIN):
        conditions.append(Employee.blocked_at.is_(None))
    return conditions


def expiring_documents(
    db: Database, today: dt.date | None = None, within_days: int | None = None,
) -> list[ExpiringDocument]:
    """Current documents of current employees (not ended, archived or anonymised) that expire within
    ``within_days`` (default: the company's ``document_alert_days``) or have expired; soonest first.

    HR only; blocked employees' documents are listed to an administrator only.
    """
    _require_hr(db)
    if within_days is not None and (isinstance(within_days, bool) or not isinstance(within_days, int)
                                    or within_days < 0):
        raise ValidationError("within_days", _("Give a whole number of days, 0 or more."))
    today = today or dt.date.today()
    with db.session() as s:
        rows = s.execute(
            select(*_VIEW_COLUMNS, Employee.code, Employee.first_name, Employee.last_name)
            .join(Employee, Employee.id == EmployeeDocument.employee_id)
            .where(*_expiring(db, s, today, within_days))
            .order_by(EmployeeDocument.expires_on, Employee.code, EmployeeDocument.id)).all()
    out = []
    for row in rows:
        doc = DocumentView(*row[:len(_VIEW_COLUMNS)])
        code, first, last = row[len(_VIEW_COLUMNS):]
        out.append(ExpiringDocument(doc, code, f"{first} {last}", doc.expires_on, (doc.expires_on - today).days))
    return out


def count_expiring(db: Database, today: dt.date | None = None) -> int:
    """How many documents ``expiring_documents`` lists (the Employees tab's badge); HR only."""
    _require_hr(db)
    with db.session() as s:
        return s.execute(select(func.count()).select_from(EmployeeDocument)
                         .join(Employee, Employee.id == EmployeeDocument.employee_id)
                         .where(*_expiring(db, s, today or dt.date.today(), None))).scalar_one()
