"""The VAT book of issued invoices (libro registro de facturas expedidas).

One row per invoice and tax group (IVA rate, recargo rate, exemption), as the
invoice's PDF shows them: the base of a group is the sum of its lines'
amounts and its tax is that base times the rate, rounded to cents once
(``app.money.percent_of``, the same function that made the stored totals).
IRPF and the invoice's total sit on its first row only, so that each column
sums to the period's figure. Credit notes appear with their negative amounts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select, type_coerce

from app.db.session import Database
from app.domain.invoices import Invoice, InvoiceLine
from app.domain.taxes import TaxRate
from app.domain.types import Money, Percent
from app.i18n import _
from app.money import ZERO, percent_of
from app.reports.base import Period, ReportColumn, Rows, report, sum_rows
from app.reports.sales import posted_in


def kind_labels() -> dict[str, str]:
    return {"invoice": _("Invoice"), "simplified": _("Simplified"), "credit_note": _("Credit note")}


def _columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("issue_date", _("Issued"), "date", 58),
        ReportColumn("operation_date", _("Operation"), "date", 58),
        ReportColumn("number", _("Number"), "text", 72),
        ReportColumn("kind", _("Kind"), "choice", 50, kind_labels()),
        ReportColumn("tax_id", _("NIF"), "text", 66),
        ReportColumn("name", _("Customer"), "text", 120),
        ReportColumn("base", _("Base"), "money", 62),
        ReportColumn("tax_percent", _("IVA %"), "percent", 34),
        ReportColumn("tax", _("IVA"), "money", 55),
        ReportColumn("recargo_percent", _("RE %"), "percent", 30),
        ReportColumn("recargo", _("Recargo"), "money", 50),
        ReportColumn("irpf", _("IRPF"), "money", 48),
        ReportColumn("total", _("Total"), "money", 64),
        ReportColumn("exemption", _("Exemption"), "text", 64),
    )


@report("vat-book", title=lambda: _("VAT book of issued invoices"),
        description=lambda: _("Libro registro de facturas expedidas: each posted invoice and credit note, per IVA "
                              "rate, with base, tax, recargo and IRPF."),
        columns=_columns, empty=lambda: _("No invoices were issued in this period."),
        filters=("customer", "series"), landscape=True)
def vat_book(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    # Recargo counts only on an invoice under recargo de equivalencia, as in compute_totals.
    recargo = type_coerce(case((Invoice.recargo_equivalencia, InvoiceLine.recargo_percent), else_=0), Percent())
    stmt = (select(Invoice.id, Invoice.issue_date, Invoice.operation_date, Invoice.full_number, Invoice.kind,
                   Invoice.party_tax_id, Invoice.party_name, Invoice.irpf_total, Invoice.total,
                   InvoiceLine.tax_percent, recargo.label("recargo_percent"), TaxRate.exemption_reason,
                   func.sum(InvoiceLine.amount, type_=Money()))
            .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
            .join(TaxRate, TaxRate.id == InvoiceLine.tax_rate_id)
            .where(*posted_in(period, filters))
            .group_by(Invoice.id, Invoice.issue_date, Invoice.operation_date, Invoice.full_number, Invoice.kind,
                      Invoice.party_tax_id, Invoice.party_name, Invoice.irpf_total, Invoice.total,
                      InvoiceLine.tax_percent, recargo, TaxRate.exemption_reason)
            .order_by(Invoice.issue_date, Invoice.full_number, InvoiceLine.tax_percent.desc(), recargo.desc()))
    rows = []
    last_id = None
    with db.session() as s:
        for (invoice_id, issued, operation, number, kind, tax_id, name, irpf, total, tax_pct, re_pct, reason,
             base) in s.execute(stmt):
            first = invoice_id != last_id
            last_id = invoice_id
            re_pct = re_pct if re_pct is not None else ZERO
            base = base or ZERO
            rows.append({
                "issue_date": issued, "operation_date": operation if operation != issued else None,
                "number": number, "kind": kind.value, "tax_id": tax_id or "", "name": name,
                "base": base, "tax_percent": tax_pct, "tax": percent_of(base, tax_pct),
                "recargo_percent": re_pct or None, "recargo": percent_of(base, re_pct) if re_pct else None,
                "irpf": (irpf or None) if first else None, "total": total if first else None,
                "exemption": reason or "",
            })
    totals = sum_rows(rows, ("base", "tax", "recargo", "irpf", "total"), "name")
    for key in ("recargo", "irpf"):
        totals[key] = totals[key] or ZERO
    return Rows(rows, totals, (_("Cancelled invoices and drafts are not in the book. IRPF and the invoice total "
                                 "are on the first row of each invoice."),))

