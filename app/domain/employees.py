"""Employees, departments, leave, HR documents and the personal-data audit trail.

Salary (and payments a year), IBAN, social security number and the reason of
a sick leave are restricted: only the HR role reads or changes them
(``app.services.access``), and every reading and change is written to
``personal_data_audit``. An employee is never deleted: their personal data is
blocked, and anonymised once the retention period after they left is over.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

# The restricted columns are left out of every ORM SELECT: on a shared server a login
# without HR may not read them at all (column privileges), so a query that named them
# would fail. Services that need them load them on purpose (``undefer_group(RESTRICTED)``,
# ``Session.refresh(obj, attribute_names=...)``); touching one otherwise loads it by
# itself, which the server refuses to anyone but HR.
RESTRICTED = "restricted"


def _restricted(column_type, **kw):
    return mapped_column(column_type, deferred=True, deferred_group=RESTRICTED, **kw)

from app.domain.base import Archivable, Base, Record
from app.domain.enums import DocumentKind, LeaveKind, LeaveStatus, db_enum
from app.domain.types import Money, Percent, Quantity, UTCDateTime


class Department(Record, Archivable, Base):
    __tablename__ = "department"

    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("department.id"))


class Employee(Record, Archivable, Base):
    __tablename__ = "employee"
    __table_args__ = (
        Index("ix_employee_last_name_first_name", "last_name", "first_name"),
        Index("ix_employee_tax_id", "tax_id"),
        Index("ix_employee_code", "code", unique=True),
    )

    code: Mapped[str] = mapped_column(String(20))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    tax_id: Mapped[str | None] = mapped_column(String(20))  # NIF (DNI) or NIE; None once anonymised
    social_security_number: Mapped[str | None] = _restricted(String(12))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="ES")
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    iban: Mapped[str | None] = _restricted(String(34))
    emergency_contact: Mapped[str | None] = mapped_column(String(200))
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("department.id"), index=True)
    position: Mapped[str | None] = mapped_column(String(120))
    manager_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employee.id"))
    hire_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    weekly_hours: Mapped[Decimal | None] = mapped_column(Percent())
    salary: Mapped[Decimal | None] = _restricted(Money())  # gross per year
    payments_per_year: Mapped[int] = _restricted(SmallInteger, default=14)
    # The login that is this person (approving their team's leave); unique when set.
    user_name: Mapped[str | None] = mapped_column(String(64), unique=True)
    blocked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    blocked_by: Mapped[str | None] = mapped_column(String(64))
    block_reason: Mapped[str | None] = mapped_column(String(500))
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    department: Mapped[Department | None] = relationship(lazy="joined")
    leave_requests: Mapped[list[LeaveRequest]] = relationship(
        back_populates="employee", order_by="LeaveRequest.start_date",
        foreign_keys="LeaveRequest.employee_id",
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class LeaveRequest(Record, Base):
    __tablename__ = "leave_request"
    __table_args__ = (Index("ix_leave_request_dates", "start_date", "end_date"),)

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employee.id"), index=True)
    kind: Mapped[LeaveKind] = mapped_column(db_enum(LeaveKind))
    status: Mapped[LeaveStatus] = mapped_column(db_enum(LeaveStatus), default=LeaveStatus.REQUESTED)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    half_day: Mapped[bool] = mapped_column(Boolean, default=False)
    # Working days the request takes (weekends and company holidays left out), counted when made.
    days: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal(0))
    reason: Mapped[str | None] = _restricted(String(500))  # HR's on a server; the app hides a sick leave's
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employee.id"))

    employee: Mapped[Employee] = relationship(back_populates="leave_requests", foreign_keys=[employee_id])


class LeaveAllowance(Record, Base):
    """One employee's vacation days for a year: the allowance and the days carried over.

    Without a row the company's default allowance applies and nothing is carried over.
    """

    __tablename__ = "leave_allowance"
    __table_args__ = (UniqueConstraint("employee_id", "year"),)

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employee.id"))
    year: Mapped[int] = mapped_column(Integer)
    days: Mapped[Decimal] = mapped_column(Quantity())
    carried_over: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal(0))


class Holiday(Record, Base):
    """A public or company holiday: not a working day, so leave does not count it."""

    __tablename__ = "holiday"

    date: Mapped[dt.date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(120))


class EmployeeDocument(Record, Archivable, Base):
    """A file kept in an employee's record (contract, certificate, permit…), optionally expiring.

    Files live in the database so that they back up and sync with it.
    """

    __tablename__ = "employee_document"
    __table_args__ = (Index("ix_employee_document_expires_on", "expires_on"),)

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employee.id"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(db_enum(DocumentKind))
    title: Mapped[str] = mapped_column(String(200))
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class PersonalDataAudit(Record, Base):
    """Who read or changed which personal data of which employee, and when. Append-only.

    ``fields`` names the fields (comma-separated), never their values, so the
    trail itself holds no personal data beyond the link to the employee.
    """

    __tablename__ = "personal_data_audit"
    __table_args__ = (Index("ix_personal_data_audit_employee_id_at", "employee_id", "at"),)

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    user: Mapped[str] = mapped_column(String(64))
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employee.id"))
    action: Mapped[str] = mapped_column(String(20))  # view, change, create, export, block, unblock, anonymise, document
    fields: Mapped[str] = mapped_column(String(1000), default="")
    note: Mapped[str | None] = mapped_column(String(500))
