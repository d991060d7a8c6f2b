"""The invoice PDF: what clerks print and the tax office reads.

One A4 layout for invoices, simplified invoices and credit notes, holding
every field RD 1619/2012 art. 6 asks for, and the VERI*FACTU QR code at the
top of the first page (Orden HAC/1177/2024 art. 20-21).

Each invoice is measured first (``_Layout``): blocks are placed on pages, so
the page count ("Página N de M") is known before anything is drawn, the line
table breaks between rows with its header repeated, and the totals are never
cut in two. Then every page gets its header and footer and its blocks.

Inputs are plain values (``InvoiceView``, ``CompanyView``): no session here.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.compliance.qr import QrSymbol, encode_qr
from app.documents.fonts import REGULAR, register_fonts
from app.documents.drawing import Block
from app.documents.invoice_blocks import Sections
from app.documents.labels import labels_for
from app.documents.page import PageChrome
from app.documents.style import BODY
from app.errors import TrastiendaError
from app.i18n import _
from app.services.company import CompanyView
from app.services.invoices import InvoiceView

log = logging.getLogger(__name__)

TOP = A4[1] - 12 * mm
CONTENT_BOTTOM = 22 * mm  # above the footer and the "continued" note
BLOCK_GAP = 5 * mm


@dataclass(frozen=True)
class CorrectedInvoice:
    """The invoice a credit note corrects, as printed on it."""

    full_number: str
    issue_date: dt.date


@dataclass(frozen=True)
class InvoiceDocument:
    """Everything one printed invoice shows: plain values only."""

    invoice: InvoiceView
    company: CompanyView
    qr_url: str | None = None  # None: no QR (drafts, previews)
    corrected: CorrectedInvoice | None = None  # credit notes
    language: str = "es"  # the customer's; labels fall back to Spanish


class RenderCancelled(TrastiendaError):
    """A batch was cancelled before it finished; nothing was written."""


@lru_cache(maxsize=4)
def _logo_reader(data: bytes) -> ImageReader | None:
    # Decoded once per process and logo, not once per invoice of a batch.
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception:  # a broken logo must not stop legal invoices from printing
        log.warning("the company logo cannot be read; invoices print without it", exc_info=True)
        return None


class _Layout:
    """One invoice measured into pages: per page, the blocks and the y of their tops."""

    def __init__(self, doc: InvoiceDocument, symbol: QrSymbol | None, logo: ImageReader | None):
        self.labels = labels_for(doc.language)
        self.sections = Sections(doc, self.labels, symbol, logo)
        self.chrome = PageChrome(doc, self.labels)
        self.pages: list[list[tuple[float, Block]]] = []
        self._new_page(first=True)
        self._flow()

    def _new_page(self, first: bool = False) -> None:
        self.pages.append([])
        self.y = TOP
        self._place(self.sections.first_header() if first else self.chrome.running_header())

    def _place(self, block: Block, *, gap: float = 0.0, force: bool = False) -> None:
        if not force and self.pages[-1] and self.y - gap - block.height < CONTENT_BOTTOM:
            self._new_page()
            gap = 0.0
        self.y -= gap
        self.pages[-1].append((self.y, block))
        self.y -= block.height

    def _flow(self) -> None:
        s = self.sections
        self._place(s.title_and_parties(), gap=BLOCK_GAP)
        header = s.table_header()
        self._place(header, gap=BLOCK_GAP)
        for row in s.rows():
            if self.y - row.height < CONTENT_BOTTOM:
                self._new_page()
                self._place(header, gap=3 * mm)
            self._place(row)
        self._place(s.table_end(), force=True)  # a hairline under the last row, never a page of its own
        for block in s.closing():
            self._place(block, gap=BLOCK_GAP)

    def draw(self, c: Canvas) -> None:
        count = len(self.pages)
        for number, items in enumerate(self.pages, start=1):
            for top, block in items:
                block.draw(c, top)
            self.chrome.footer(c, number, count)
            c.showPage()


def _prepare(doc: InvoiceDocument) -> _Layout:
    register_fonts()  # measuring needs the fonts' metrics
    symbol = encode_qr(doc.qr_url) if doc.qr_url else None
    logo = _logo_reader(doc.company.logo) if doc.company.logo else None
    return _Layout(doc, symbol, logo)


def _new_canvas(target, title: str, author: str) -> Canvas:
    # The initial font is ours too: reportlab's default (Helvetica) would be named, unembedded, on every page.
    c = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=REGULAR, initialFontSize=BODY)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Trastienda")
    return c


# -- public API ----------------------------------------------------------------


def render_invoice(
    view: InvoiceView,
    company: CompanyView,
    *,
    qr_url: str | None,
    corrected: CorrectedInvoice | None = None,
    language: str = "es",
) -> bytes:
    """The PDF of one invoice, as bytes.

    Guarantees: A4 pages with the issuer's header on the first and a running
    header and "Página N de M" footer on every page; the line table breaks
    only between rows and repeats its header; the totals block is never split;
    the QR (when ``qr_url`` is given) is on the first page only, top left,
    34 mm square, level M, with the VERI*FACTU legend. Fonts are embedded.
    """
    doc = InvoiceDocument(view, company, qr_url, corrected, language)
    layout = _prepare(doc)
    buf = io.BytesIO()
    c = _new_canvas(buf, layout.chrome.document_name(), company.legal_name)
    layout.draw(c)
    c.save()
    return buf.getvalue()


def render_invoices(
    documents: Iterable[InvoiceDocument],
    out: str | os.PathLike | BinaryIO,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Writes many invoices into ONE PDF (each from a new page, numbered on its own); returns how many.

    ``progress(done)`` is called after each invoice; ``cancel()`` is asked
    before each one and, when true, stops with RenderCancelled. Nothing is
    written unless every invoice rendered: a path is written through a
    temporary file beside it and renamed at the end. Refuses an empty batch.
    """
    path = Path(out) if isinstance(out, (str, os.PathLike)) else None
    partial = path.with_name(path.name + ".part") if path else None
    c: Canvas | None = None
    done = 0
    try:
        for doc in documents:
            if cancel is not None and cancel():
                raise RenderCancelled(_("Cancelled after {count} invoices; nothing was written.").format(count=done))
            layout = _prepare(doc)
            if c is None:
                c = _new_canvas(str(partial) if partial else out, layout.labels["invoices"], doc.company.legal_name)
            key = f"inv{done}"
            c.bookmarkPage(key)
            c.addOutlineEntry(layout.chrome.document_name(), key, level=0)
            layout.draw(c)
            done += 1
            if progress is not None:
                progress(done)
        if c is None:
            raise ValueError("no invoices to render")
        c.save()
        if path is not None:
            os.replace(partial, path)
    finally:
        if partial is not None and partial.exists():
            partial.unlink()
    return done

