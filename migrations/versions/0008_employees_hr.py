"""Employees: restricted personal data, blocking and anonymising, leave balances, holidays, documents, audit trail.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from app.domain.types import Quantity, UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _audit() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
    ]


def _weekdays(start: dt.date, end: dt.date, half_day: bool) -> Decimal:
    """What existing requests take: Monday to Friday (no holidays were kept before this revision)."""
    days = sum(1 for n in range((end - start).days + 1) if (start + dt.timedelta(n)).weekday() < 5)
    return Decimal("0.5") if half_day and days else Decimal(days)


def upgrade() -> None:
    with op.batch_alter_table("employee") as batch:
        batch.alter_column("tax_id", existing_type=sa.String(length=20), nullable=True)
        batch.add_column(sa.Column("user_name", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("blocked_at", UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("blocked_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("block_reason", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("anonymised_at", UTCDateTime(timezone=True), nullable=True))
        batch.create_unique_constraint(op.f("uq_employee_user_name"), ["user_name"])
    with op.batch_alter_table("leave_request") as batch:
        batch.add_column(sa.Column("days", Quantity(), server_default="0", nullable=False))
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("leave_days_per_year", sa.Integer(), server_default="22", nullable=False))
        batch.add_column(sa.Column("leave_over_balance", sa.Enum("warn", "refuse", name="limitpolicy",
                                                                  native_enum=False, length=24),
                                   server_default="warn", nullable=False))
        batch.add_column(sa.Column("hr_retention_years", sa.Integer(), server_default="4", nullable=False))
        batch.add_column(sa.Column("document_alert_days", sa.Integer(), server_default="30", nullable=False))
    op.create_table(
        "leave_allowance",
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("days", Quantity(), nullable=False),
        sa.Column("carried_over", Quantity(), nullable=False),
        *_audit(),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"], name=op.f("fk_leave_allowance_employee_id_employee")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leave_allowance")),
        sa.UniqueConstraint("employee_id", "year", name=op.f("uq_leave_allowance_employee_id_year")),
    )
    op.create_table(
        "holiday",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        *_audit(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday")),
        sa.UniqueConstraint("date", name=op.f("uq_holiday_date")),
    )
    op.create_table(
        "employee_document",
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum("contract", "certificate", "permit", "identity", "other", name="documentkind",
                                  native_enum=False, length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("archived_at", UTCDateTime(timezone=True), nullable=True),
        *_audit(),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_employee_document_employee_id_employee")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employee_document")),
    )
    op.create_index("ix_employee_document_employee_id", "employee_document", ["employee_id"])
    op.create_index("ix_employee_document_expires_on", "employee_document", ["expires_on"])
    op.create_table(
        "personal_data_audit",
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("fields", sa.String(length=1000), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        *_audit(),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_personal_data_audit_employee_id_employee")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_audit")),
    )
    op.create_index("ix_personal_data_audit_employee_id_at", "personal_data_audit", ["employee_id", "at"])
    # Existing requests take their weekdays.
    leave = sa.table("leave_request", sa.column("id", sa.Uuid()), sa.column("start_date", sa.Date()),
                     sa.column("end_date", sa.Date()), sa.column("half_day", sa.Boolean()),
                     sa.column("days", Quantity()))
    bind = op.get_bind()
    rows = bind.execute(sa.select(leave.c.id, leave.c.start_date, leave.c.end_date, leave.c.half_day)).all()
    for row in rows:
        bind.execute(leave.update().where(leave.c.id == row.id)
                     .values(days=_weekdays(row.start_date, row.end_date, row.half_day)))


def downgrade() -> None:
    op.drop_index("ix_personal_data_audit_employee_id_at", table_name="personal_data_audit")
    op.drop_table("personal_data_audit")
    op.drop_index("ix_employee_document_expires_on", table_name="employee_document")
    op.drop_index("ix_employee_document_employee_id", table_name="employee_document")
    op.drop_table("employee_document")
    op.drop_table("holiday")
    op.drop_table("leave_allowance")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("document_alert_days")
        batch.drop_column("hr_retention_years")
        batch.drop_column("leave_over_balance")
        batch.drop_column("leave_days_per_year")
    with op.batch_alter_table("leave_request") as batch:
        batch.drop_column("days")
    # Anonymised employees have no NIF left: they keep a placeholder so the column can be required again.
    employee = sa.table("employee", sa.column("tax_id", sa.String()))
    op.get_bind().execute(employee.update().where(employee.c.tax_id.is_(None)).values(tax_id=""))
    with op.batch_alter_table("employee") as batch:
        batch.drop_constraint(op.f("uq_employee_user_name"), type_="unique")
        batch.drop_column("anonymised_at")
        batch.drop_column("block_reason")
        batch.drop_column("blocked_by")
        batch.drop_column("blocked_at")
        batch.drop_column("user_name")
        batch.alter_column("tax_id", existing_type=sa.String(length=20), nullable=False)
