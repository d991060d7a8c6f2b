"""A report as a PDF: title, period and filters on every page, the table, the totals row, "Page N of M".

Rows have one fixed height (a long text is cut with an ellipsis, never
wrapped), so the page count is known before drawing and a VAT book of tens
of thousands of rows streams out page by page, drawn as one text object per
page (see count_sheet for why). Portrait or landscape A4 as the report asks;
columns are scaled to the page width. Inputs are plain values: no session here.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app import i18n
from app import locale_format as lf
from app.documents.drawing import TextCells, fit, wrap
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.style import ACCENT, INK, MUTED, SMALL, STRIPE, fill_rect, rule, text
from app.i18n import _
from app.reports.base import Report, ReportColumn

MARGIN = 12 * mm
ROW_H = 4.6 * mm
HEAD_H = 6 * mm
TITLE_H = 19 * mm
FOOTER_Y = 8 * mm
BOTTOM = 14 * mm
SIZE = 7.5
PAD = 1.2 * mm
_RIGHT_KINDS = ("money", "price", "quantity", "percent")


def cell_text(column: ReportColumn, value: Any) -> str:
    """A value as the printed report shows it, in the clerk's language as its titles are:
    1.234,56 (Spanish) or 1,234.56 (English), dates as 02/03/2026."""
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind == "money":
        return lf.number_in(Decimal(value), 2, i18n.language())
    if kind == "price":
        return lf.trimmed_in(Decimal(value), 2, 4, i18n.language())
    if kind in ("quantity", "percent"):
        return lf.trimmed_in(Decimal(value), 0, 4, i18n.language())
    if kind == "date" and isinstance(value, dt.date):
        return lf.numeric_date(value)
    if kind == "choice":
        return column.choices.get(str(getattr(value, "value", value)), str(value))
    return str(value)


def _align(column: ReportColumn) -> str:
    return "r" if column.kind in _RIGHT_KINDS else "l"


class _Layout:
    def __init__(self, report: Report, company: str | None, generated: dt.datetime):
        self.report, self.company, self.generated = report, company, generated
        self.page_w, self.page_h = landscape(A4) if report.landscape else A4
        self.width = self.page_w - 2 * MARGIN
        natural = sum(c.width for c in report.columns) or 1
        scale = self.width / natural
        self.cols = [(c, c.width * scale) for c in report.columns]
        self.x = [MARGIN]
        for _c, w in self.cols[:-1]:
            self.x.append(self.x[-1] + w)
        # An empty report's notes are its whole content: they go in the table's place, in larger type.
        self.note_lines = [line for note in report.notes
                           for line in wrap(note, REGULAR, SMALL, self.width)] if report.rows else []
        top_table = self.page_h - MARGIN - TITLE_H - HEAD_H
        self.per_page = max(1, int((top_table - BOTTOM) // ROW_H))
        self.first_page = max(1, self.per_page - math.ceil(len(self.note_lines) * 3.6 * mm / ROW_H))
        body = len(report.rows) + (1 if report.totals else 0)
        rest = max(0, body - self.first_page)
        self.pages = 1 + math.ceil(rest / self.per_page)

    def page_top(self, c: Canvas, page: int) -> float:
        r = self.report
        right = self.page_w - MARGIN
        y = self.page_h - MARGIN
        text(c, MARGIN, y - 12, fit(r.title, BOLD, 14, self.width * 0.65), bold=True, size=14, color=ACCENT)
        if self.company:
            text(c, right, y - 10, fit(self.company, BOLD, 9, self.width * 0.33), bold=True, size=9, align="r")
        text(c, MARGIN, y - 25, fit(r.period_text, REGULAR, 9.5, self.width * 0.6), size=9.5)
        made = _("Made on {date} at {time}").format(date=lf.numeric_date(self.generated.date()),
                                                    time=self.generated.strftime("%H:%M"))
        text(c, right, y - 24, made, size=SMALL, color=MUTED, align="r")
        if r.filters_text:
            text(c, MARGIN, y - 36, fit(r.filters_text, REGULAR, SMALL, self.width), size=SMALL, color=MUTED)
        y -= TITLE_H
        if page == 1 and self.note_lines:
            for line in self.note_lines:
                text(c, MARGIN, y - 7, line, size=SMALL, color=MUTED)
                y -= 3.6 * mm
            y -= 1 * mm
        fill_rect(c, MARGIN, y - HEAD_H, self.width, HEAD_H, (0.90, 0.92, 0.95))
        for (col, w), x in zip(self.cols, self.x):
            self._cell(c, col, w, x, y - HEAD_H + 2 * mm, col.title, bold=True)
        rule(c, MARGIN, right, y - HEAD_H, color=INK, width=0.6)
        return y - HEAD_H

    def footer(self, c: Canvas, page: int) -> None:
        right = self.page_w - MARGIN
        rule(c, MARGIN, right, FOOTER_Y + 4 * mm)
        left = f"{self.report.title} · {self.report.period_text}"
        text(c, MARGIN, FOOTER_Y, fit(left, REGULAR, SMALL, self.width * 0.7), size=SMALL, color=MUTED)
        text(c, right, FOOTER_Y, _("Page {page} of {pages}").format(page=page, pages=self.pages), size=SMALL,
             align="r")

    def rows(self, c: Canvas, top: float, rows: list[dict], totals: dict | None) -> None:
        c.setFillColorRGB(*STRIPE)
        for i in range(1, len(rows), 2):
            c.rect(MARGIN, top - (i + 1) * ROW_H, self.width, ROW_H, stroke=0, fill=1)
        words = c.beginText()
        words.setFillColorRGB(*INK)
        cells = TextCells(words)
        for i, row in enumerate(rows):
            base = top - (i + 1) * ROW_H + ROW_H / 2 - SIZE * 0.35
            for (col, w), x in zip(self.cols, self.x):
                shown = cell_text(col, row.get(col.key))
                if shown:
                    cells.put(x, w, base, shown, REGULAR, SIZE, align=_align(col), pad=PAD)
        if totals is not None:
            y = top - len(rows) * ROW_H
            rule(c, MARGIN, self.page_w - MARGIN, y, color=INK, width=0.6)
            base = y - ROW_H + ROW_H / 2 - SIZE * 0.35
            for (col, w), x in zip(self.cols, self.x):
                shown = cell_text(col, totals.get(col.key)) if col.kind != "date" else ""
                if shown:
                    cells.put(x, w, base, shown, BOLD, SIZE, align=_align(col), pad=PAD)
        c.drawText(words)

    def empty_notes(self, c: Canvas, top: float) -> None:
        y = top - 8 * mm
        for note in self.report.notes:
            for line in wrap(note, REGULAR, 10, self.width):
                text(c, MARGIN, y, line, size=10)
                y -= 5 * mm

    @staticmethod
    def _cell(c: Canvas, col: ReportColumn, width: float, x: float, y: float, value: str, *, bold: bool) -> None:
        shown = fit(value, BOLD, SIZE, width - 2 * PAD)
        if col.kind in _RIGHT_KINDS:
            text(c, x + width - PAD, y, shown, bold=bold, size=SIZE, align="r")
        else:
            text(c, x + PAD, y, shown, bold=bold, size=SIZE)


def render_report(report: Report, company: str | None = None, generated: dt.datetime | None = None) -> bytes:
    """The report's PDF.

    Guarantees: every page repeats the title, period, filters and the table
    header, and ends with "Page N of M"; the notes are on the first page; the
    totals row closes the table; an empty report is one page with its note.
    """
    register_fonts()
    layout = _Layout(report, company, generated or dt.datetime.now())
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(layout.page_w, layout.page_h), pageCompression=1, initialFontName=REGULAR,
               initialFontSize=SIZE)
    c.setTitle(f"{report.title} · {report.period_text}")
    c.setAuthor(company or "Trastienda")
    c.setCreator("Trastienda")
    rows = report.rows
    start = 0
    for page in range(1, layout.pages + 1):
        take = layout.first_page if page == 1 else layout.per_page
        chunk = rows[start:start + take]
        start += len(chunk)
        last = page == layout.pages
        top = layout.page_top(c, page)
        layout.rows(c, top, chunk, report.totals if last else None)
        if not rows:
            layout.empty_notes(c, top)
        layout.footer(c, page)
        c.showPage()
    if start != len(rows):
        raise ValueError(f"report drew {start} of {len(rows)} rows in {layout.pages} pages")
    c.save()
    return buf.getvalue()

