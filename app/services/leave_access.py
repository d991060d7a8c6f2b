"""Who may decide a leave request: HR, or the requester's manager or anyone above them.

The acting login (``db.user``) is a person when an employee carries it as
``Employee.user_name``. Nobody decides their own request unless they are HR.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Select, false, select, true
from sqlalchemy.orm import Session, aliased

from app.db.session import Database
from app.domain.employees import Employee, LeaveRequest
from app.services import access


def acting_employee(db: Database, s: Session) -> Employee | None:
    """The employee who is the acting login, if any (one who has left no longer acts)."""
    if not db.user:
        return None
    return s.execute(select(Employee).where(Employee.user_name == db.user, Employee.archived_at.is_(None))).scalar()


def manages(s: Session, manager_id: uuid.UUID, employee: Employee) -> bool:
    """``manager_id`` is ``employee``'s manager, or their manager's manager, and so on up."""
    seen: set[uuid.UUID] = set()
    node = employee.manager_id
    while node is not None and node not in seen:
        if node == manager_id:
            return True
        seen.add(node)
        node = s.execute(select(Employee.manager_id).where(Employee.id == node)).scalar()
    return False


def may_decide(db: Database, s: Session, actor: Employee | None, employee: Employee) -> bool:
    """May the acting login approve or reject ``employee``'s requests?"""
    if access.has_role(db, access.HR):
        return True
    return actor is not None and actor.id != employee.id and manages(s, actor.id, employee)


def reports_of(manager_id: uuid.UUID) -> Select:
    """Ids of everyone below ``manager_id`` in the chain of managers (a recursive query)."""
    chain = select(Employee.id).where(Employee.manager_id == manager_id).cte("reports", recursive=True)
    below = aliased(Employee)
    chain = chain.union(select(below.id).where(below.manager_id == chain.c.id))
    return select(chain.c.id).where(chain.c.id != manager_id)


def decidable(db: Database, s: Session) -> ColumnElement[bool]:
    """An SQL condition on ``LeaveRequest``: the requests whose requester this login may decide for."""
    if access.has_role(db, access.HR):
        return true()
    actor = acting_employee(db, s)
    if actor is None:
        return false()
    return LeaveRequest.employee_id.in_(reports_of(actor.id))
