"""Employees, departments and leave.

Salary, IBAN and social security number are restricted fields: the employees
issue moves them where only HR can read them; the columns live here until then.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.base import Archivable, Base, Record
from app.domain.enums import LeaveKind, LeaveStatus, db_enum
from app.domain.types import Money, Percent


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
    tax_id: Mapped[str] = mapped_column(String(20))  # NIF (DNI) or NIE
    social_security_number: Mapped[str | None] = mapped_column(String(12))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="ES")
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    iban: Mapped[str | None] = mapped_column(String(34))
    emergency_contact: Mapped[str | None] = mapped_column(String(200))
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("department.id"), index=True)
    position: Mapped[str | None] = mapped_column(String(120))
    manager_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employee.id"))
    hire_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    weekly_hours: Mapped[Decimal | None] = mapped_column(Percent())
    salary: Mapped[Decimal | None] = mapped_column(Money())  # gross per year
    payments_per_year: Mapped[int] = mapped_column(SmallInteger, default=14)

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
    reason: Mapped[str | None] = mapped_column(String(500))  # restricted for sick leave
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employee.id"))

    employee: Mapped[Employee] = relationship(back_populates="leave_requests", foreign_keys=[employee_id])
