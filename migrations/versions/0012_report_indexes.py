"""Indexes the reports and the dashboard read alone, without the table rows.

- ``ix_invoice_sales`` (status, issue date, then the customer, kind, amounts and id) replaces
  ``ix_invoice_status_issue_date``: a period's posted invoices are summed from the index.
- ``ix_invoice_open``: a partial index of what customers still owe (posted, not a credit note,
  not fully paid), a few percent of the invoices, for the aging report and the dashboard.
- ``ix_invoice_line_sales`` (invoice, product, quantity, amount) replaces ``ix_invoice_line_invoice_id``.
- ``ix_payment_date``: the payments made after a date, for the aging as of that date.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OPEN_TERMS = "status = 'posted' AND kind <> 'credit_note' AND paid_total < total"
SALES = ["status", "issue_date", "party_id", "kind", "base_total", "tax_total", "recargo_total", "irpf_total",
         "total", "id"]


def upgrade() -> None:
    op.drop_index("ix_invoice_status_issue_date", table_name="invoice")
    op.create_index("ix_invoice_sales", "invoice", SALES)
    op.create_index("ix_invoice_open", "invoice", ["due_date", "party_id", "issue_date", "total", "paid_total"],
                    sqlite_where=sa.text(OPEN_TERMS), postgresql_where=sa.text(OPEN_TERMS))
    op.drop_index("ix_invoice_line_invoice_id", table_name="invoice_line")
    op.create_index("ix_invoice_line_sales", "invoice_line", ["invoice_id", "product_id", "quantity", "amount"])
    op.create_index("ix_payment_date", "payment", ["date", "invoice_id", "amount"])


def downgrade() -> None:
    op.drop_index("ix_payment_date", table_name="payment")
    op.drop_index("ix_invoice_line_sales", table_name="invoice_line")
    op.create_index("ix_invoice_line_invoice_id", "invoice_line", ["invoice_id"])
    op.drop_index("ix_invoice_open", table_name="invoice")
    op.drop_index("ix_invoice_sales", table_name="invoice")
    op.create_index("ix_invoice_status_issue_date", "invoice", ["status", "issue_date"])
