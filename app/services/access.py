"""Who is acting and what their roles let them read or change.

Roles travel with the ``Database`` handle (``db.roles``). A local database
file belongs to the person using it, who holds every role; a shared server
gives each login its own roles (the shared-server issue also enforces them
with GRANTs and row-level security). Services check roles here, before they
read or write, so a refusal never leaves half a change.

- ``hr``: reads and changes the restricted fields of employees (salary and
  payments, IBAN, social security number, the reason of a sick leave),
  their documents, exports their personal data, blocks and anonymises.
- ``admin``: everything ``hr`` may do on blocked records too: sees blocked
  personal data and lifts a block. An admin holds every other role.
- ``clerk``: customers, suppliers, invoices, inventory, customer and supplier
  contracts; ``accountant``: a clerk who also makes credit notes, cancels,
  records payments and keeps series and taxes. The server enforces these
  two (``app.db.server_admin``); the app only explains.

Employment contracts (their value is a salary) are HR's: a session without
``hr`` does not even see them (``app.domain.roles``).
"""

from __future__ import annotations

from app.db.session import Database
from app.domain.roles import ACCOUNTANT, ADMIN, ALL_ROLES, CLERK, HR, expand  # noqa: F401 - the names services use
from app.errors import PermissionDeniedError
from app.i18n import _


def has_role(db: Database, role: str) -> bool:
    """An admin holds every role; an accountant is also a clerk."""
    return role in expand(db.roles)


def require(db: Database, role: str, message: str | None = None, field: str | None = None) -> None:
    if not has_role(db, role):
        raise PermissionDeniedError(message or _("Only {role} may do this.").format(role=role_label(role)), field)


def role_label(role: str) -> str:
    return {CLERK: _("clerks"), ACCOUNTANT: _("an accountant"), HR: _("HR staff"),
            ADMIN: _("an administrator")}.get(role, role)
