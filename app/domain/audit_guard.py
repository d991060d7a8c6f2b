"""The personal-data audit trail is append-only through every path in our ORM layer.

Services only add entries; this hook refuses an update or a delete of one,
whatever code asks for it, so the trail of who read or changed an employee's
personal data cannot be rewritten from inside the application.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.domain.employees import PersonalDataAudit
from app.errors import ValidationError
from app.i18n import _


@event.listens_for(Session, "before_flush")
def _guard_audit_trail(session: Session, _context, _instances) -> None:
    for obj in list(session.deleted) + list(session.dirty):
        if isinstance(obj, PersonalDataAudit) and (obj in session.deleted or session.is_modified(obj)):
            raise ValidationError("audit", _("The personal-data audit trail cannot be changed or deleted."))
