"""Reports and the dashboard: figures for decisions, read with SQL aggregates, no Qt.

``run_report(db, name, period, filters)`` gives a ``Report`` (columns, rows,
totals, notes) that the preview, the PDF (``app.documents.report_pdf``) and
the CSV/XLSX export (``app.reports.output``) all show the same way.
"""

from app.reports import aging, people, sales, stock_value, vat_book  # noqa: F401 - registers the reports
from app.reports.base import REPORTS, Period, Report, ReportColumn, default_period, run_report

__all__ = ["REPORTS", "Period", "Report", "ReportColumn", "default_period", "run_report"]
