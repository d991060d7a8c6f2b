"""See an invoice's PDF inside the app, print it, save it.

The PDF from ``app.services.invoice_documents`` is the single source: what the
preview shows is exactly what the printer and the saved file get. Printing
rasterises each page of that PDF onto the printer (QtPdf has no vector path
to a QPrinter), so the same code prints a single invoice and a batch.

The questions (which printer, which file) are module functions so tests can
answer them without a modal dialog; the work itself takes a printer or a path.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.session import Database
from app.services.invoice_documents import invoice_pdf
from app.services.invoices import InvoiceView

# Above this the page images only grow (an A4 page at 1200 dpi is ~550 MB of pixels) and the
# print spooler slows down; 300 dpi is what laser printers resolve for text and the QR code.
MAX_RASTER_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


# -- the questions (tests replace these) -------------------------------------------------
def choose_printer(parent: QWidget, pages: int) -> QPrinter | None:
    """The system print dialog; the configured printer, or None when the clerk cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF carries its own margins
    dialog = QPrintDialog(printer, parent)
    if pages > 0:  # a batch's page count is known only once rendered: then all pages
        dialog.setMinMax(1, pages)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save a PDF (``.pdf`` added when the clerk left it out), or None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, tr("Save as PDF"), suggested, tr("PDF files (*.pdf)"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


# -- printing -------------------------------------------------------------------------------
def print_document(document: QPdfDocument, printer: QPrinter, on_page=None, cancelled=None) -> int:
    """Paints the pages of ``document`` onto ``printer`` as ONE job; returns how many pages it sent.

    Honours the printer's page range (from/to, 0 = all). Each page is drawn at
    the printer's resolution (at most MAX_RASTER_DPI), centred and scaled to the
    paper without distortion. ``on_page(n)`` after each page; ``cancelled()``
    asked before each, and when true the job is aborted (nothing reaches paper).
    Safe off the GUI thread: QPainter on a QPrinter is (Qt's threading docs).
    """
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or count) - 1
    last = min(last, count - 1)
    if count == 0 or first > last:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("The printer could not be opened."))
    dpi = min(printer.resolution(), MAX_RASTER_DPI)
    sent = 0
    try:
        for page in range(first, last + 1):
            if cancelled is not None and cancelled():
                printer.abort()
                return sent
            if page > first:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, pixels)
            target = pixels.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - target.width()) // 2
            y = area.y() + (area.height() - target.height()) // 2
            painter.drawImage(QRect(x, y, target.width(), target.height()), image)
            sent += 1
            if on_page is not None:
                on_page(sent)
    finally:
        painter.end()
    return sent


def load_pdf(data: bytes, parent=None) -> QPdfDocument:
    """A QPdfDocument over ``data``; the buffer lives as long as the document."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer  # QPdfDocument reads the device lazily: keep it alive with it
    return document


# -- the dialog ---------------------------------------------------------------------------
class PreviewDialog(QDialog):
    """One invoice's PDF: scroll through it, print it, save it. Esc closes."""

    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("invoice_preview")
        self.setWindowTitle(title)
        self.data = data
        self.file_name = file_name
        self.document = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.print_button = QPushButton(tr("&Print…"), self)
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(tr("&Save as PDF…"), self)
        self.save_button.setObjectName("save_pdf")
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setToolTip(tr("Close (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(820, 960)

        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.reject)  # QDialog already closes on Esc
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print)
        self.print_button.setDefault(True)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_to(self, printer: QPrinter) -> int:
        """Sends the pages to ``printer`` as one job; returns how many pages."""
        return print_document(self.document, printer)

    def save_to(self, path: str | Path) -> None:
        """Writes the PDF bytes to ``path`` (through a temporary file: no half-written PDF is left)."""
        path = Path(path)
        partial = path.with_name(path.name + ".part")
        try:
            partial.write_bytes(self.data)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)

    def _on_print(self) -> None:
        printer = choose_printer(self, self.page_count())
        if printer is not None:
            self.print_to(printer)

    def _on_save(self) -> None:
        path = choose_save_path(self, self.file_name)
        if path is None:
            return
        try:
            self.save_to(path)
        except OSError as exc:
            from ui.common import dialogs

            dialogs.inform(self, tr("Not saved"), tr("The PDF could not be saved: {0}").replace("{0}", str(exc)))


def file_name_for(view: InvoiceView) -> str:
    """What a saved invoice is called by default: its number, or "borrador" for a draft."""
    number = (view.full_number or "").replace("/", "-")
    return f"{number}.pdf" if number else "borrador.pdf"


def preview_invoice(db: Database, view: InvoiceView, parent: QWidget) -> PreviewDialog:
    """Opens the preview of ``view`` (window-modal, returns at once) and returns the dialog."""
    data = invoice_pdf(db, uuid.UUID(str(view.id)))  # ~10 ms: fine on the GUI thread
    title = view.full_number or tr("Draft (not valid as an invoice)")
    dialog = PreviewDialog(data, tr("Invoice {0}").replace("{0}", title), file_name_for(view), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
