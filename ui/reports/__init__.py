"""The Reports window (issue 10): ``open_reports(parent, db, name=None)``."""

from ui.reports.dialog import ReportsDialog, open_reports

__all__ = ["ReportsDialog", "open_reports"]
