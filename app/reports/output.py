"""A report saved as PDF, CSV or XLSX: whole or not at all, as every export of the app.

CSV and XLSX carry the rows, then the totals row, under the same headers
the preview shows; the PDF is ``app.documents.report_pdf``. The CSV is the
list exports' (semicolons, decimal comma, UTF-8 with BOM, so Excel in
Spanish opens it as is); the XLSX keeps numbers and dates as such.
"""

from __future__ import annotations

from pathlib import Path

from app.db.session import Database
from app.errors import ValidationError
from app.i18n import _
from app.reports.base import Report
from app.services.export import write_table, write_whole

FORMATS = ("pdf", "csv", "xlsx")


def company_name(db: Database) -> str | None:
    """The company's legal name for the report's heading, or None before the company is set up."""
    from app.services.company import find_company

    company = find_company(db)
    return company.legal_name if company is not None else None


def save_report(report: Report, path: str | Path, fmt: str, *, company: str | None = None) -> int:
    """Write ``report`` to ``path`` as ``fmt`` (pdf, csv or xlsx); return the rows written (totals not counted).

    Raises ValidationError on ``format`` for any other format, and
    TrastiendaError when the folder cannot be written; no partial file is left.
    """
    if fmt not in FORMATS:
        raise ValidationError("format", _("Unknown report format {fmt}: use pdf, csv or xlsx.").format(fmt=fmt))
    if fmt == "pdf":
        from app.documents.report_pdf import render_report

        def write(tmp: Path) -> int:
            tmp.write_bytes(render_report(report, company))
            return len(report.rows)
    else:
        rows = [*report.rows, *([report.totals] if report.totals else [])]
        # An empty report still says why: its note is the one row under the headers.
        text_column = next((c.key for c in report.columns if c.kind == "text"), None)
        if not report.rows and report.notes and text_column is not None:
            rows = [{text_column: " ".join(report.notes)}]

        def write(tmp: Path) -> int:
            write_table(tmp, fmt, report.columns, rows, report.title)
            return len(report.rows)
    return write_whole(path, write)


def suggested_name(report: Report, start, end, fmt: str) -> str:
    """``vat-book_2026-01-01_2026-03-31.pdf``; an "as of" report carries its one date."""
    dates = f"{end:%Y-%m-%d}" if start is None else f"{start:%Y-%m-%d}_{end:%Y-%m-%d}"
    return f"{report.name}_{dates}.{fmt}"
