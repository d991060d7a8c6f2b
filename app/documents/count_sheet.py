"""The stock count sheet: what a clerk carries along the shelves and writes the counts on.

A4 portrait, one row per product in walking order (location, then SKU) with
an empty box to write the counted quantity in. Every page repeats the
reference, warehouse, date and the table header, and says "page N of M", so
sheets handed to several clerks and shuffled back together still say where
they belong. A blind count (the default) does not print the quantity the
books expect: people count what is there, not what they were told to find.

Rows have a fixed height (room for handwriting), so the page count is known
before the first page is drawn and any number of lines streams through with
one page of them in memory. Inputs are plain values: no session here.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from itertools import islice
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents.drawing import TextCells, fit
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.style import (
    ACCENT, BODY, INK, LEFT, MUTED, PAGE_H, RIGHT, RULE, SMALL, STRIPE, WIDTH, fill_rect, rule, text,
)
from app.i18n import _
from app.locale_format import format_date, format_decimal

TOP = PAGE_H - 12 * mm
HEADER_H = 24 * mm  # title block above the table
ROW_H = 7.5 * mm  # tall enough to write a number by hand
TABLE_HEAD_H = 6 * mm
FOOTER_Y = 10 * mm
BOTTOM = 16 * mm
BOX_W = 24 * mm
BOX_H = 5.6 * mm
ROWS_PER_PAGE = int((TOP - HEADER_H - TABLE_HEAD_H - BOTTOM) // ROW_H)


@dataclass(frozen=True)
class SheetLine:
    position: int
    location: str | None
    sku: str
    ean: str | None
    name: str
    unit: str
    expected: Decimal


@dataclass(frozen=True)
class SheetHeader:
    reference: str
    warehouse: str  # "MAIN · Almacén principal"
    date: dt.date
    company: str = ""
    notes: str | None = None
    show_expected: bool = False


@dataclass(frozen=True)
class _Col:
    key: str
    title: str
    width: float
    align: str = "l"


def _columns(show_expected: bool, last_number: int) -> list[_Col]:
    # An EAN-13 needs 28 mm at body size: it is printed whole, never cut (a clerk may key it in).
    # The line number is never cut either: its column is as wide as the sheet's last number.
    number = max(7 * mm, stringWidth(str(max(last_number, 1)), REGULAR, BODY) + 2.4 * mm + 1)
    cols = [_Col("position", "#", number, "r"), _Col("location", _("Location"), 17 * mm),
            _Col("sku", _("SKU"), 26 * mm), _Col("ean", _("EAN"), 28 * mm), _Col("name", _("Product"), 0),
            _Col("unit", _("Unit"), 10 * mm)]
    if show_expected:
        cols.append(_Col("expected", _("Expected"), 19 * mm, "r"))
    cols.append(_Col("count", _("Counted"), BOX_W + 4 * mm, "c"))
    fixed = sum(c.width for c in cols)
    return [c if c.width else _Col(c.key, c.title, WIDTH - fixed, c.align) for c in cols]


class _Sheet:
    def __init__(self, header: SheetHeader, total: int, last_number: int):
        self.header = header
        self.total = total
        self.pages = max(1, math.ceil(total / ROWS_PER_PAGE))
        self.cols = _columns(header.show_expected, last_number)
        self.x = [LEFT]
        for c in self.cols[:-1]:
            self.x.append(self.x[-1] + c.width)

    # -- page parts ------------------------------------------------------------------------
    def page_top(self, c: Canvas, page: int) -> float:
        h = self.header
        y = TOP
        text(c, LEFT, y - 13, _("Stock count {ref}").format(ref=h.reference), bold=True, size=14, color=ACCENT)
        text(c, RIGHT, y - 11, _("Counted by: ____________________"), size=BODY, align="r")
        text(c, LEFT, y - 27, fit(_("Warehouse: {warehouse}").format(warehouse=h.warehouse), REGULAR, 9.5,
                                  WIDTH * 0.62), size=9.5)
        text(c, LEFT, y - 40, _("Date: {date}").format(date=format_date(h.date)), size=9.5)
        blind = _("Expected quantities shown") if h.show_expected else _("Blind count: write what you find")
        text(c, RIGHT, y - 27, blind, size=SMALL, color=MUTED, align="r")
        if h.company:
            text(c, RIGHT, y - 40, fit(h.company, REGULAR, SMALL, WIDTH * 0.35), size=SMALL, color=MUTED, align="r")
        if page == 1 and h.notes:
            text(c, LEFT, y - 52, fit(h.notes, REGULAR, SMALL, WIDTH), size=SMALL, color=MUTED)
        y -= HEADER_H
        fill_rect(c, LEFT, y - TABLE_HEAD_H, WIDTH, TABLE_HEAD_H, (0.90, 0.92, 0.95))
        for col, x in zip(self.cols, self.x):
            self._cell(c, col, x, y - TABLE_HEAD_H + 5.6, col.title, bold=True)
        rule(c, LEFT, RIGHT, y - TABLE_HEAD_H, color=INK, width=0.6)
        return y - TABLE_HEAD_H

    def footer(self, c: Canvas, page: int) -> None:
        rule(c, LEFT, RIGHT, FOOTER_Y + 4 * mm)
        text(c, LEFT, FOOTER_Y, f"{self.header.reference} · {format_date(self.header.date)}", size=SMALL, color=MUTED)
        text(c, RIGHT, FOOTER_Y, _("Page {page} of {pages}").format(page=page, pages=self.pages), size=SMALL,
             align="r")

    def rows(self, c: Canvas, top: float, lines: list[SheetLine]) -> None:
        """One page of rows: stripes, boxes and rules as one path each, the words as one text object
        (drawing each string on its own costs several times more on a 3,000-page sheet)."""
        c.setFillColorRGB(*STRIPE)
        for i in range(1, len(lines), 2):
            c.rect(LEFT, top - (i + 1) * ROW_H, WIDTH, ROW_H, stroke=0, fill=1)
        box_col = self.cols[-1]
        box_x = self.x[-1] + (box_col.width - BOX_W) / 2
        boxes, rules = c.beginPath(), c.beginPath()
        for i in range(len(lines)):
            bottom = top - (i + 1) * ROW_H
            boxes.rect(box_x, bottom + (ROW_H - BOX_H) / 2, BOX_W, BOX_H)
            rules.moveTo(LEFT, bottom)
            rules.lineTo(RIGHT, bottom)
        c.setStrokeColorRGB(*RULE)
        c.setLineWidth(0.3)
        c.drawPath(rules, stroke=1, fill=0)
        c.setStrokeColorRGB(*INK)
        c.setLineWidth(0.7)
        c.drawPath(boxes, stroke=1, fill=0)
        words = c.beginText()
        words.setFillColorRGB(*INK)
        cells = TextCells(words)
        for i, line in enumerate(lines):
            base = top - (i + 1) * ROW_H + ROW_H / 2 - BODY * 0.35
            values = {"position": str(line.position), "location": line.location or "", "sku": line.sku,
                      "ean": line.ean or "", "name": line.name, "unit": line.unit,
                      "expected": format_decimal(line.expected)}
            for col, x in zip(self.cols[:-1], self.x):
                if values[col.key]:
                    self._words(cells, col, x, base, values[col.key], bold=col.key == "sku",
                                shrink=col.key == "name")
        c.drawText(words)

    def _words(self, cells: TextCells, col: _Col, x: float, y: float, value: str, *, bold: bool,
               shrink: bool) -> None:
        """One cell's text; a long name first gets smaller type, and only then an ellipsis."""
        pad = 1.2 * mm
        font = BOLD if bold else REGULAR
        size = BODY
        if shrink and stringWidth(value, font, size) > col.width - 2 * pad:
            size = SMALL
        cells.put(x, col.width, y, value, font, size, align=col.align, pad=pad)

    @staticmethod
    def _cell(c: Canvas, col: _Col, x: float, y: float, value: str, *, bold: bool = False) -> None:
        """A header cell (drawn once per page)."""
        pad = 1.2 * mm
        shown = fit(value, BOLD if bold else REGULAR, BODY, col.width - 2 * pad)
        if col.align == "r":
            text(c, x + col.width - pad, y, shown, bold=bold, align="r")
        elif col.align == "c":
            text(c, x + col.width / 2, y, shown, bold=bold, align="c")
        else:
            text(c, x + pad, y, shown, bold=bold)


def render_count_sheet(header: SheetHeader, lines: Iterable[SheetLine], total: int,
                       last_number: int | None = None) -> bytes:
    """The sheet's PDF. ``lines`` (exactly ``total`` of them) may be a generator: they are drawn as they come.
    ``last_number`` is the highest line number (``total`` when not given), so no number is cut.

    Guarantees: every page has the reference, warehouse and date at the top,
    the table header, and "Page N of M" at the bottom; expected quantities
    only with ``header.show_expected``; fonts embedded; an empty count gives
    one page with the header and no rows.
    """
    register_fonts()
    sheet = _Sheet(header, total, total if last_number is None else last_number)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=REGULAR, initialFontSize=BODY)
    c.setTitle(_("Stock count {ref}").format(ref=header.reference))
    c.setAuthor(header.company or "Trastienda")
    c.setCreator("Trastienda")
    lines = iter(lines)
    page = 0
    while True:
        chunk = list(islice(lines, ROWS_PER_PAGE))
        if not chunk and page:
            break
        page += 1
        sheet.rows(c, sheet.page_top(c, page), chunk)
        sheet.footer(c, page)
        c.showPage()
        if len(chunk) < ROWS_PER_PAGE:
            break
    if page != sheet.pages:
        raise ValueError(f"count sheet drew {page} pages, {sheet.pages} announced ({total} lines promised)")
    c.save()
    return buf.getvalue()
