"""Role names and what a session without a role may not even see.

Four roles: ``clerk``, ``accountant`` (also a clerk), ``hr`` and ``admin``
(every role). On a shared server they are the PostgreSQL group roles
``trastienda_<role>`` (``app.db.identity``), which the server's GRANTs and
row-level policies enforce (``app.db.server_admin``).

``app.services.access`` explains the roles. Here is the backstop that holds
whatever service asks: in a session whose roles lack ``hr`` (and ``admin``),
employment contracts and everything hanging from them are left out of every
ORM SELECT, the way a row-level policy would leave them out on the server.
An employment contract carries pay (its value is the salary) and is HR's.
A session opened without roles (``session.info`` has none: maintenance,
migrations, tests of the ORM itself) sees everything.
"""

from __future__ import annotations

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from app.domain.contracts import Contract, ContractAttachment, ContractBilling, ContractEvent, ContractLine
from app.domain.enums import ContractKind

CLERK = "clerk"  # customers, suppliers, invoices (draft and post), inventory, customer and supplier contracts
ACCOUNTANT = "accountant"  # a clerk who also makes credit notes, cancels, records payments, keeps series and taxes
HR = "hr"  # employees with their restricted fields, employment contracts, leave
ADMIN = "admin"  # everything
ALL_ROLES = frozenset({CLERK, ACCOUNTANT, HR, ADMIN})
# What holding a role brings with it: an admin holds every role, an accountant is also a clerk.
IMPLIED: dict[str, frozenset[str]] = {
    ADMIN: ALL_ROLES,
    ACCOUNTANT: frozenset({ACCOUNTANT, CLERK}),
    CLERK: frozenset({CLERK}),
    HR: frozenset({HR}),
}


def expand(roles) -> frozenset[str]:
    """The roles held, with the roles each implies (None: every role)."""
    if roles is None:
        return ALL_ROLES
    return frozenset(r for role in roles for r in IMPLIED.get(role, frozenset({role})))


def sees_hr_data(roles) -> bool:
    return roles is None or HR in roles or ADMIN in roles


_NOT_EMPLOYMENT = Contract.kind != ContractKind.EMPLOYMENT
_OF_OTHER_CONTRACTS = select(Contract.id).where(_NOT_EMPLOYMENT).scalar_subquery()


@event.listens_for(Session, "do_orm_execute")
def _hide_employment_contracts(state: ORMExecuteState) -> None:
    if not state.is_select or sees_hr_data(state.session.info.get("roles")):
        return
    state.statement = state.statement.options(
        with_loader_criteria(Contract, _NOT_EMPLOYMENT),
        *(with_loader_criteria(child, child.contract_id.in_(_OF_OTHER_CONTRACTS))
          for child in (ContractLine, ContractAttachment, ContractEvent, ContractBilling)),
    )
