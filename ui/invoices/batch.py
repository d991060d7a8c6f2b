"""Many invoices at once: one PDF file, or one print job, built off the GUI thread.

The worker renders the invoices into one PDF with ``render_invoices`` (which
writes nothing unless every invoice rendered), then, for printing, paints
that PDF onto the printer as one job. The GUI thread only shows a progress
dialog: the worker reports through a Qt signal (queued to the GUI thread) and
is stopped through a ``threading.Event``, never by touching a widget.
"""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.db.session import Database
from app.documents.invoice_pdf import RenderCancelled, render_invoices
from app.services.invoice_documents import invoice_documents
from ui.common.worker import run_in_background
from ui.invoices.preview import print_document


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class BatchJob(QObject):
    """One batch: ``start()`` it, watch ``sig_finished(ok, message)``.

    ``target`` is a path (save: the file appears whole or not at all) or a
    QPrinter (print: one job, or nothing when cancelled before the printer
    was opened; cancelled while printing, the job is aborted).
    """

    sig_progress = Signal(int, str)  # emitted on the worker thread; queued to the GUI thread
    sig_finished = Signal(bool, str)

    def __init__(self, db: Database, invoice_ids: Sequence[uuid.UUID], target: str | Path | QPrinter,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.ids = list(invoice_ids)
        self.target = target
        self.cancel_event = threading.Event()
        self.done = False
        self.ok = False
        self.message = ""
        self.progress = QProgressDialog(tr("Preparing the invoices…"), tr("Cancel"), 0, len(self.ids), parent)
        self.progress.setObjectName("batch_progress")
        self.progress.setWindowTitle(tr("Invoices"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a batch of three flashes no window
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(self.cancel_event.set)
        self.sig_progress.connect(self._on_progress)

    @property
    def printing(self) -> bool:
        return isinstance(self.target, QPrinter)

    def start(self) -> None:
        self.progress.setValue(0)
        run_in_background(self._work, self._on_done, self._on_failed, self)

    # -- worker thread: no widget here ----------------------------------------------------------
    def _work(self) -> int:
        total = len(self.ids)

        def rendered(done: int) -> None:
            self.sig_progress.emit(done, tr("Prepared {0} of {1} invoices…").replace("{0}", str(done))
                                   .replace("{1}", str(total)))

        if not self.printing:
            return render_invoices(invoice_documents(self.db, self.ids), self.target, rendered,
                                   self.cancel_event.is_set)
        handle, name = tempfile.mkstemp(prefix="trastienda-", suffix=".pdf")
        os.close(handle)
        document = QPdfDocument()  # lives and dies on this thread
        try:
            render_invoices(invoice_documents(self.db, self.ids), name, rendered, self.cancel_event.is_set)
            document.load(name)
            pages = document.pageCount()
            sent = print_document(document, self.target, lambda n: self.sig_progress.emit(
                total, tr("Sent page {0} of {1} to the printer…").replace("{0}", str(n)).replace("{1}", str(pages))),
                self.cancel_event.is_set)
            if sent < pages:
                raise RenderCancelled(tr("Printing cancelled; the job was withdrawn."))
            return total
        finally:
            document.close()  # owned by Python (no parent): deleted here, no event loop needed
            del document
            Path(name).unlink(missing_ok=True)

    # -- GUI thread ---------------------------------------------------------------------------------
    def _on_progress(self, done: int, text: str) -> None:
        if not self.done:
            self.progress.setValue(done)
            self.progress.setLabelText(text)

    def _on_done(self, count: int) -> None:
        noun = tr("Printed {0} invoices as one job.") if self.printing else tr("Saved {0} invoices in one PDF.")
        self._finish(True, noun.replace("{0}", str(count)))

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, RenderCancelled):
            self._finish(False, tr("Cancelled: nothing was printed.") if self.printing
                         else tr("Cancelled: nothing was saved."))
        else:
            self._finish(False, tr("The invoices could not be prepared: {0}").replace("{0}", str(exc)))

    def _finish(self, ok: bool, message: str) -> None:
        self.done, self.ok, self.message = True, ok, message
        self.progress.close()
        self.progress.deleteLater()
        self.sig_finished.emit(ok, message)
