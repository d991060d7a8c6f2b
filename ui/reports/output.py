"""The report on screen to paper, to a PDF, CSV or Excel file, or into the PDF preview.

The PDF of ``app.documents.report_pdf`` is the one source for preview, print
and the saved PDF, as for invoices. Rendering, writing and printing run off
the GUI thread (``run_in_background``); the questions (which file, which
printer) are asked on it, through the helpers tests answer
(``dialogs.choose_save_path``, ``ui.invoices.preview.choose_printer``).
A failure is said in a message naming what went wrong; it never ends the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.reports import Period, Report
from ui.common import dialogs
from ui.common.settings import settings
from ui.common.worker import run_in_background
from ui.invoices import preview

FOLDER_KEY = "reports/folder"


class Shown:
    """The report on screen and the period it was asked for (the file name carries the dates)."""

    def __init__(self, report: Report, period: Period, as_of: bool):
        self.report, self.period, self.as_of = report, period, as_of


class ReportOutput(QObject):
    """Print…, Preview PDF, Save PDF…, Export CSV…, Export Excel… of the shown report; one job at a time."""

    sig_busy = Signal(bool)
    sig_status = Signal(str)  # what was done, for the window's status line

    def __init__(self, db: Database, parent: QWidget, shown: Callable[[], Shown | None]):
        super().__init__(parent)
        self.db = db
        self.parent_widget = parent
        self._shown = shown
        self.busy = False
        self.last_dialog: preview.PreviewDialog | None = None

    # -- public API ---------------------------------------------------------------------------
    def save(self, fmt: str) -> None:
        """Ask where, then write the report as ``fmt`` (pdf, csv, xlsx) off the GUI thread."""
        from app.reports.output import company_name, save_report, suggested_name

        shown = self._shown()
        if shown is None or self.busy:
            return
        filters = {"pdf": (self.tr("PDF files (*.pdf)"), ".pdf"), "csv": (self.tr("CSV files (*.csv)"), ".csv"),
                   "xlsx": (self.tr("Excel workbooks (*.xlsx)"), ".xlsx")}
        titles = {"pdf": self.tr("Save the report as PDF"), "csv": self.tr("Export the report to CSV"),
                  "xlsx": self.tr("Export the report to Excel")}
        name = suggested_name(shown.report, None if shown.as_of else shown.period.start, shown.period.end, fmt)
        folder = settings().value(FOLDER_KEY)
        suggested = str(Path(folder) / name) if isinstance(folder, str) and Path(folder).is_dir() else name
        path = dialogs.choose_save_path(self.parent_widget, titles[fmt], suggested, [filters[fmt]])
        if path is None:
            return
        report, db = shown.report, self.db

        def work() -> int:
            return save_report(report, path, fmt, company=company_name(db))

        def done(rows: int) -> None:
            settings().setValue(FOLDER_KEY, str(Path(path).parent))
            self.sig_status.emit(self.tr("Saved {0} ({1} rows).").replace("{0}", Path(path).name)
                                 .replace("{1}", str(rows)))

        self._run(work, done, self.tr("Not saved"))

    def print_report(self) -> None:
        """Render the PDF, ask for the printer, then send its pages as one job."""
        shown = self._shown()
        if shown is None or self.busy:
            return
        self._render(shown, self._on_rendered_for_print)

    def preview_pdf(self) -> None:
        """The PDF in the invoices' preview dialog (scroll, print, save from there too)."""
        shown = self._shown()
        if shown is None or self.busy:
            return
        from app.reports.output import suggested_name

        name = suggested_name(shown.report, None if shown.as_of else shown.period.start, shown.period.end, "pdf")

        def show(data: bytes) -> None:
            dialog = preview.PreviewDialog(data, shown.report.title, name, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if shown.report.landscape:  # the invoices' preview is sized for portrait pages
                dialog.resize(1180, 900)
            dialog.open()
            self.last_dialog = dialog

        self._render(shown, show)

    def print_to(self, data: bytes, printer: QPrinter) -> None:
        """Send the PDF ``data`` to ``printer`` off the GUI thread."""
        def work() -> int:
            document = preview.load_pdf(data)  # made, used and closed on this worker thread
            try:
                return preview.print_document(document, printer)
            finally:
                document.close()

        def done(pages: int) -> None:
            self.sig_status.emit(self.tr("Sent {0} pages to the printer.").replace("{0}", str(pages)))

        self._run(work, done, self.tr("Not printed"))

    # -- the work -----------------------------------------------------------------------------
    def _render(self, shown: Shown, then: Callable[[bytes], None]) -> None:
        from app.documents.report_pdf import render_report
        from app.reports.output import company_name

        report, db = shown.report, self.db
        self._run(lambda: render_report(report, company_name(db)), then, self.tr("No PDF"))

    def _on_rendered_for_print(self, data: bytes) -> None:
        document = preview.load_pdf(data, self)
        pages = document.pageCount()
        document.close()
        document.deleteLater()
        printer = preview.choose_printer(self.parent_widget, pages)
        if printer is not None:
            self.print_to(data, printer)

    def _run(self, work, done, title: str) -> None:
        self._set_busy(True)

        def ok(result) -> None:
            self._set_busy(False)
            done(result)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            dialogs.inform(self.parent_widget, title, self._failure_text(exc))

        run_in_background(work, ok, failed, owner=self)

    def _failure_text(self, exc: Exception) -> str:
        if isinstance(exc, ValidationError):
            return " ".join(e.message for e in exc.errors)
        if isinstance(exc, TrastiendaError):
            return str(exc)
        if isinstance(exc, OSError):
            return self.tr("The file could not be written: {0}").replace("{0}", exc.strerror or str(exc))
        return self.tr("Something went wrong: {0}").replace("{0}", str(exc) or type(exc).__name__)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.sig_busy.emit(busy)
