"""Preview, print and save invoices from the invoices tab.

One invoice (the one open, else the list's current row) is previewed or
printed on the GUI thread: its PDF takes ~10 ms. Several selected rows are a
batch: only the posted ones, rendered and printed off the GUI thread as one
PDF or one print job (``ui.invoices.batch``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QWidget

from app.domain.enums import InvoiceStatus
from app.errors import NotFoundError
from app.services import invoices
from app.services.invoice_documents import invoice_pdf
from app.services.invoices import InvoiceView
from ui.common.table_model import ID_ROLE, ROW_ROLE
from ui.invoices import preview
from ui.invoices.batch import BatchJob

if TYPE_CHECKING:
    from ui.invoices.tab import InvoicesTab


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _value(v) -> str:
    return str(getattr(v, "value", v))


class InvoicePrinting:
    """The Preview / Batch print / Save as one PDF buttons under the invoice list."""

    def __init__(self, tab: InvoicesTab, parent: QWidget):
        self.tab = tab
        self.job: BatchJob | None = None
        # Only this list allows several rows: the others open one record at a time.
        tab.list.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.preview_button = QPushButton(tr("Pr&eview…"), parent)
        self.preview_button.setObjectName("preview")
        self.preview_button.setToolTip(tr("See the invoice as it prints; print or save it from there"))
        self.print_button = QPushButton(tr("&Batch print…"), parent)
        self.print_button.setObjectName("print_selected")
        self.print_button.setToolTip(tr("Print the selected posted invoices as one job (Ctrl+P)"))
        self.save_button = QPushButton(tr("Save as &one PDF…"), parent)
        self.save_button.setObjectName("save_selected")
        self.save_button.setToolTip(tr("Save the selected posted invoices in one PDF file"))
        self.row = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self.save_selected)

    # -- one invoice ------------------------------------------------------------------------
    def _one(self) -> InvoiceView | None:
        """The invoice the clerk means: the one open in the editor, else the list's current row."""
        tab = self.tab
        if tab.editor_open and tab.record_id is not None and tab.view is not None:
            if tab.dirty:
                tab.sig_status.emit(tr("The preview shows the saved invoice; save to include your changes."))
            record_id = tab.record_id
        else:
            record_id = tab.list.current_id()
        if record_id is None:
            tab.sig_status.emit(tr("Choose an invoice first."))
            return None
        try:
            return invoices.get_invoice(tab.db, uuid.UUID(str(record_id)))
        except NotFoundError as exc:
            tab.sig_status.emit(str(exc))
            return None

    def preview(self) -> preview.PreviewDialog | None:
        view = self._one()
        return preview.preview_invoice(self.tab.db, view, self.tab) if view is not None else None

    def print_one(self) -> int:
        """The system print dialog, then the invoice's pages as one job; returns the pages sent."""
        view = self._one()
        if view is None:
            return 0
        document = preview.load_pdf(invoice_pdf(self.tab.db, uuid.UUID(str(view.id))), self.tab)
        try:
            printer = preview.choose_printer(self.tab, document.pageCount())
            if printer is None:
                return 0
            sent = preview.print_document(document, printer)
        finally:
            document.deleteLater()
        self.tab.sig_status.emit(tr("Sent {0} to the printer.").replace("{0}", view.full_number or tr("the draft")))
        return sent

    def print_current(self) -> None:
        """Ctrl+P: several rows selected print as a batch; otherwise the one invoice."""
        if len(self.selected_rows()) > 1:
            self.print_selected()
        else:
            self.print_one()

    # -- a batch ----------------------------------------------------------------------------
    def selected_rows(self) -> list[dict]:
        table = self.tab.list.table
        indexes = sorted(table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ROW_ROLE) | {"id": i.data(ID_ROLE)} for i in indexes if i.data(ROW_ROLE)]

    def selected_posted(self) -> list[uuid.UUID] | None:
        """Ids of the selected posted invoices in list order; None (and a word why) when there are none."""
        rows = self.selected_rows()
        posted = [uuid.UUID(str(r["id"])) for r in rows if _value(r.get("status")) == InvoiceStatus.POSTED.value]
        if not posted:
            self.tab.sig_status.emit(tr("Select posted invoices first (Shift or Ctrl with the arrows or a click)."))
            return None
        if len(posted) < len(rows):
            self.tab.sig_status.emit(tr("{0} selected invoices are drafts or cancelled and are left out.")
                                     .replace("{0}", str(len(rows) - len(posted))))
        return posted

    def print_selected(self) -> BatchJob | None:
        ids = self.selected_posted()
        if ids is None or self.job is not None:
            return None
        printer = preview.choose_printer(self.tab, 0)
        return self._start(ids, printer) if printer is not None else None

    def save_selected(self) -> BatchJob | None:
        ids = self.selected_posted()
        if ids is None or self.job is not None:
            return None
        path = preview.choose_save_path(self.tab, tr("facturas.pdf"))
        return self._start(ids, path) if path is not None else None

    def _start(self, ids, target) -> BatchJob:
        self.job = BatchJob(self.tab.db, ids, target, self.tab)
        self.job.sig_finished.connect(self._on_finished)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)  # one batch at a time
        self.job.start()
        return self.job

    def _on_finished(self, _ok: bool, message: str) -> None:
        self.tab.sig_status.emit(message)
        self.job.deleteLater()
        self.job = None
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
