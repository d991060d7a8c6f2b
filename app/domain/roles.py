"""Role names and what a session without a role may not even see.

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

HR = "hr"
ADMIN = "admin"
ALL_ROLES = frozenset({HR, ADMIN})


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
