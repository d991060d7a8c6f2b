"""The personal-data audit trail: who read or changed which fields of whose record, and when.

Entries are written in the same transaction as the reading or change they
describe, so a change never lands without its entry (and a refused change
leaves none). They name fields, never values.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.employees import Employee, PersonalDataAudit
from app.domain.types import utcnow
from app.i18n import _
from app.services import access
from app.services.common import get_or_404, to_view

VIEW = "view"
CREATE = "create"
CHANGE = "change"
EXPORT = "export"
BLOCK = "block"
UNBLOCK = "unblock"
ANONYMISE = "anonymise"
DOCUMENT = "document"  # a document added, opened or removed (the note says which)


@dataclass(frozen=True)
class AuditEntry:
    id: uuid.UUID
    at: dt.datetime
    user: str
    employee_id: uuid.UUID
    action: str
    fields: str
    note: str | None


def record(s: Session, employee_id: uuid.UUID, action: str, fields: Iterable[str] = (), note: str | None = None) -> None:
    """Adds an entry to the session's transaction (the caller's commit writes it)."""
    s.add(PersonalDataAudit(at=utcnow(), user=s.info.get("user") or _("this computer"), employee_id=employee_id,
                            action=action, fields=",".join(fields), note=note))


def list_audit(db: Database, employee_id: uuid.UUID) -> list[AuditEntry]:
    """One employee's trail, newest first; HR only (the trail itself says who looked at whom)."""
    access.require(db, access.HR, _("Only HR staff may read the personal-data audit trail."))
    with db.session() as s:
        get_or_404(s, Employee, employee_id, what=_("employee"))
        rows = s.execute(select(PersonalDataAudit).where(PersonalDataAudit.employee_id == employee_id)
                         .order_by(PersonalDataAudit.at.desc(), PersonalDataAudit.id)).scalars()
        return [to_view(AuditEntry, r) for r in rows]
