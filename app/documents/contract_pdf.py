"""The contract summary PDF: one contract's terms, prices, history and files on A4.

Built like the invoice (``invoice_pdf``): every part is a measured ``Block``,
the blocks are placed on pages first so the page count is known ("Página N
de M"), tables break only between rows and repeat their header row on the
next page. Inputs are plain values (``ContractSummary``): no session here.
Labels and numbers are Spanish (``labels.CONTRACT_ES``); only the invoice follows its customer's language yet.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents import labels as fmt
from app.documents.drawing import Block, fit, wrap
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.style import (
    ACCENT, BODY, LEADING, LEFT, MUTED, RIGHT, RULE, SMALL, STRIPE, WARN, WHITE, WIDTH, fill_rect, rule, text,
)
from app.domain.enums import BillingFrequency, ContractEventKind, ContractKind, ContractStatus
from app.services.company import CompanyView
from app.services.totals import Totals

log = logging.getLogger(__name__)

TOP = A4[1] - 12 * mm
CONTENT_BOTTOM = 22 * mm
GAP = 5 * mm
PAD = 1.8 * mm
LOGO_MAX_W, LOGO_MAX_H = 50 * mm, 18 * mm



# -- inputs -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counterparty:
    name: str
    tax_id: str | None
    address: tuple[str, ...] = ()


@dataclass(frozen=True)
class SummaryLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_percent: Decimal
    amount: Decimal  # quantity x price, rounded to cents


@dataclass(frozen=True)
class SummaryEvent:
    kind: ContractEventKind
    date: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    percent: Decimal | None
    note: str | None


@dataclass(frozen=True)
class SummaryAttachment:
    filename: str
    mime_type: str
    size: int
    sha256: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ContractSummary:
    """Everything the summary shows; ``events`` newest first."""

    company: CompanyView | None
    counterparty: Counterparty | None
    kind: ContractKind
    status: ContractStatus
    title: str
    reference: str | None
    start_date: dt.date
    end_date: dt.date | None
    period_start: dt.date
    auto_renew: bool
    renewal_months: int | None
    renewals: int
    notice_days: int
    notice_given_on: dt.date | None
    terminated_on: dt.date | None
    termination_reason: str | None
    value: Decimal | None
    billing_frequency: BillingFrequency | None
    billing_day: int | None
    billed_until: dt.date | None
    indexation_percent: Decimal | None
    notes: str | None
    lines: tuple[SummaryLine, ...]
    totals: Totals
    events: tuple[SummaryEvent, ...]
    attachments: tuple[SummaryAttachment, ...]
    printed_on: dt.date

    @property
    def notice_deadline(self) -> dt.date | None:
        """The last day to give notice: the end date minus the notice days."""
        return self.end_date - dt.timedelta(days=self.notice_days) if self.end_date else None


# -- tables ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Table:
    """Columns as (title, width, alignment); widths add up to the text width."""

    columns: tuple[tuple[str, float, str], ...]
    wrap_col: int  # the one column whose text wraps; the others are fitted on one line

    def edges(self) -> list[tuple[float, float, str]]:
        out, x = [], LEFT
        for _t, w, a in self.columns:
            out.append((x, x + w, a))
            x += w
        return out

    def header(self) -> Block:
        edges = self.edges()

        def draw(c: Canvas, top: float) -> None:
            fill_rect(c, LEFT, top - 15, WIDTH, 15, ACCENT)
            for (title, _w, _a), (left, right, align) in zip(self.columns, edges):
                x = right - PAD if align == "r" else left + PAD
                text(c, x, top - 10.5, title, bold=True, size=SMALL, color=WHITE, align=align)

        return Block(15, draw)

    def row(self, index: int, cells: Sequence[str]) -> Block:
        edges = self.edges()
        parts = []
        for col, (cell, (left, right, _a)) in enumerate(zip(cells, edges)):
            width = right - left - 2 * PAD
            parts.append(wrap(cell, REGULAR, BODY, width) if col == self.wrap_col else [fit(cell, REGULAR, BODY, width)])
        height = max(len(p) for p in parts) * LEADING + 5

        def draw(c: Canvas, top: float) -> None:
            if index % 2:
                fill_rect(c, LEFT, top - height, WIDTH, height, STRIPE)
            for lines, (left, right, align) in zip(parts, edges):
                x = right - PAD if align == "r" else left + PAD
                for i, line in enumerate(lines):
                    text(c, x, top - 10.5 - i * LEADING, line, align=align)

        return Block(height, draw)


LINES = _Table((("description", 94 * mm, "l"), ("quantity", 18 * mm, "r"), ("unit_price", 24 * mm, "r"),
                ("vat", 18 * mm, "r"), ("amount", 26 * mm, "r")), wrap_col=0)
EVENTS = _Table((("date", 22 * mm, "l"), ("event", 40 * mm, "l"), ("event_period", 42 * mm, "l"),
                 ("percent", 14 * mm, "r"), ("note", 62 * mm, "l")), wrap_col=4)
FILES = _Table((("file", 72 * mm, "l"), ("mime", 40 * mm, "l"), ("size", 18 * mm, "r"),
                ("sha256", 27 * mm, "l"), ("added", 23 * mm, "r")), wrap_col=0)


def _titled(table: _Table, labels: dict[str, str]) -> _Table:
    return _Table(tuple((labels[t], w, a) for t, w, a in table.columns), table.wrap_col)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{fmt.quantity(Decimal(n) / 1024 // 1)} KB"
    return f"{fmt.quantity(round(Decimal(n) / 1024 / 1024, 1))} MB"


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{fmt.date(start) if start else '…'} – {fmt.date(end) if end else '…'}"


# -- the parts --------------------------------------------------------------------------------

class _Sections:
    def __init__(self, doc: ContractSummary, labels: dict[str, str], logo: ImageReader | None):
        self.doc, self.labels, self.logo = doc, labels, logo

    def header(self) -> Block:
        doc, labels, co = self.doc, self.labels, self.doc.company
        right_w = 80 * mm
        left_w = WIDTH - right_w - 6 * mm
        title = wrap(doc.title, BOLD, 12, left_w)
        left_h = 20 + len(title) * 15 + (LEADING if doc.reference else 0)
        lines: list[tuple[str, bool, float, tuple]] = []
        if co is not None:
            lines += [(s, True, 10.5, (0.13, 0.13, 0.13)) for s in wrap(co.legal_name, BOLD, 10.5, right_w)]
            lines.append((f"{labels['tax_id']}: {co.tax_id}", True, BODY, (0.13, 0.13, 0.13)))
            lines += [(fit(a, REGULAR, BODY, right_w), False, BODY, (0.13, 0.13, 0.13)) for a in co.address_lines]
        logo_w = logo_h = 0.0
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            logo_w = min(LOGO_MAX_W, LOGO_MAX_H * iw / ih)
            logo_h = logo_w * ih / iw
        right_h = (logo_h + 3 * mm if logo_h else 0) + sum(13 if size > BODY else LEADING for *_x, size, _c in lines)
        tag = labels[doc.status.value].upper()
        heading = labels["document"].upper()

        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 14, heading, bold=True, size=14, color=ACCENT)
            tag_color = WARN if doc.status in (ContractStatus.TERMINATED, ContractStatus.ENDED,
                                               ContractStatus.NOTICE_GIVEN) else MUTED
            text(c, LEFT + stringWidth(heading, BOLD, 14) + 4 * mm, top - 14, tag, bold=True, size=9.5,
                 color=tag_color)
            y = top - 20
            for line in title:
                y -= 15
                text(c, LEFT, y + 2, line, bold=True, size=12)
            if doc.reference:
                y -= LEADING
                text(c, LEFT, y, f"{labels['reference']}: {doc.reference}", color=MUTED)
            y = top
            if self.logo is not None:
                c.drawImage(self.logo, RIGHT - logo_w, top - logo_h, logo_w, logo_h, mask="auto")
                y -= logo_h + 3 * mm
            for s, bold, size, color in lines:
                y -= 13 if size > BODY else LEADING
                text(c, RIGHT, y + 2, s, bold=bold, size=size, color=color, align="r")

        return Block(max(left_h, right_h) + 2, draw)

    def _terms(self) -> list[tuple[str, list[str], bool]]:
        doc, labels = self.doc, self.labels
        value_w = 62 * mm
        rows: list[tuple[str, list[str], bool]] = [
            (labels["kind"], [labels[f"kind_{doc.kind.value}"]], False),
            (labels["status"], [labels[doc.status.value]], True),
            (labels["start"], [fmt.date(doc.start_date)], False),
            (labels["period"], [_period(doc.period_start, doc.end_date)], False),
            (labels["end"], [fmt.date(doc.end_date) if doc.end_date else labels["open_ended"]], True),
            (labels["notice"], [labels["notice_days"].format(days=doc.notice_days)], False),
        ]
        if doc.notice_deadline is not None and doc.notice_days:
            rows.append((labels["notice_deadline"], [fmt.date(doc.notice_deadline)], True))
        if doc.auto_renew:
            renewal = (labels["renews_every"].format(months=doc.renewal_months) if doc.renewal_months
                       else labels["renews_same"])
        else:
            renewal = labels["no_renewal"]
        renewal_lines = wrap(renewal, REGULAR, BODY, value_w)
        if doc.renewals:
            renewal_lines.append(labels["renewals_one"] if doc.renewals == 1
                                 else labels["renewals"].format(count=doc.renewals))
        rows.append((labels["renewal"], renewal_lines, False))
        if doc.notice_given_on:
            rows.append((labels["notice_given_on"], [fmt.date(doc.notice_given_on)], True))
        if doc.terminated_on:
            rows.append((labels["terminated_on"], [fmt.date(doc.terminated_on)], True))
            if doc.termination_reason:
                rows.append((labels["termination_reason"], wrap(doc.termination_reason, REGULAR, BODY, value_w),
                             False))
        if doc.billing_frequency is None:
            billing = labels["no_billing"]
        elif doc.billing_frequency == BillingFrequency.ONE_OFF or not doc.billing_day:
            billing = labels[doc.billing_frequency.value]
        else:
            billing = labels["billing_day"].format(frequency=labels[doc.billing_frequency.value],
                                                   day=doc.billing_day)
        rows.append((labels["billing"], [billing], False))
        if doc.billed_until:
            rows.append((labels["billed_until"], [fmt.date(doc.billed_until)], False))
        if doc.value is not None:
            rows.append((labels["value"], [fmt.money(doc.value)], True))
        if doc.indexation_percent:
            rows.append((labels["indexation"],
                         [labels["indexation_value"].format(percent=fmt.percent(doc.indexation_percent))], False))
        return rows

    def terms_and_party(self) -> Block:
        doc, labels = self.doc, self.labels
        rows = self._terms()
        left_h = sum(len(v) * LEADING + 1.5 for _l, v, _b in rows) + 4
        box_x, box_w = LEFT + 110 * mm, WIDTH - 110 * mm
        inner = box_w - 6 * mm
        party = doc.counterparty
        role = {ContractKind.CUSTOMER: "customer", ContractKind.SUPPLIER: "supplier",
                ContractKind.EMPLOYMENT: "employee"}[doc.kind]
        name = wrap(party.name, BOLD, 10, inner) if party else []
        address = [a for line in (party.address if party else ()) for a in wrap(line, REGULAR, BODY, inner)]
        box_h = 3 * mm + 11 + len(name) * 12.5 + (LEADING if party and party.tax_id else 0) \
            + len(address) * LEADING + 3 * mm
        height = max(left_h, box_h if party else 0)

        def draw(c: Canvas, top: float) -> None:
            y = top
            for label, values, bold in rows:
                y -= LEADING
                text(c, LEFT, y, f"{label}:", size=SMALL, color=MUTED)
                for i, value in enumerate(values):
                    text(c, LEFT + 40 * mm, y - i * LEADING, value, bold=bold)
                y -= (len(values) - 1) * LEADING + 1.5
            if party is None:
                return
            c.setStrokeColorRGB(*RULE)
            c.setLineWidth(0.6)
            c.roundRect(box_x, top - box_h, box_w, box_h, 2 * mm, stroke=1, fill=0)
            x, y = box_x + 3 * mm, top - 3 * mm - 7
            text(c, x, y, labels[role].upper(), bold=True, size=SMALL, color=MUTED)
            y -= 4
            for line in name:
                y -= 12.5
                text(c, x, y, line, bold=True, size=10)
            if party.tax_id:
                y -= LEADING
                text(c, x, y, f"{labels['tax_id']}: {party.tax_id}")
            for line in address:
                y -= LEADING
                text(c, x, y, line)

        return Block(height, draw)

    def heading(self, key: str, *, cont: bool = False) -> Block:
        title = self.labels[key] + (f" {self.labels['cont']}" if cont else "")

        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 11, title, bold=True, size=10, color=ACCENT)

        return Block(15, draw)

    def note(self, s: str) -> Block:
        lines = wrap(s, REGULAR, BODY, WIDTH)

        def draw(c: Canvas, top: float) -> None:
            for i, line in enumerate(lines):
                text(c, LEFT, top - 9 - i * LEADING, line, color=MUTED)

        return Block(len(lines) * LEADING + 2, draw)

    def line_rows(self) -> Iterator[Block]:
        table = _titled(LINES, self.labels)
        for i, ln in enumerate(self.doc.lines):
            tax = fmt.percent(ln.tax_percent) if ln.tax_percent else self.labels["exempt"]
            yield table.row(i, (ln.description, fmt.quantity(ln.quantity), fmt.price(ln.unit_price), tax,
                                fmt.amount(ln.amount)))

    def totals(self) -> Block:
        doc, labels, t = self.doc, self.labels, self.doc.totals
        items = [(labels["tax_base"], fmt.money(t.base))]
        for g in t.groups:
            rate = fmt.percent(g.tax_percent) if g.tax_percent else labels["exempt"]
            items.append((labels["vat_group"].format(percent=rate), fmt.money(g.tax)))
        freq = doc.billing_frequency
        final = (labels["total_per"].format(frequency=labels[freq.value].lower())
                 if freq is not None and freq != BillingFrequency.ONE_OFF else labels["total"])
        box_w, box_x = 95 * mm, RIGHT - 95 * mm

        def draw(c: Canvas, top: float) -> None:
            y = top - 2
            for label, value in items:
                y -= LEADING + 2
                text(c, box_x + PAD, y, label, color=MUTED)
                text(c, RIGHT - PAD, y, value, align="r")
            y -= 6
            fill_rect(c, box_x, y - 17, box_w, 17, ACCENT)
            text(c, box_x + PAD, y - 12, fit(final.upper(), BOLD, 8.5, box_w - 30 * mm), bold=True, size=8.5,
                 color=WHITE)
            text(c, RIGHT - PAD, y - 12, fmt.money(t.total), bold=True, size=10, color=WHITE, align="r")

        return Block(2 + len(items) * (LEADING + 2) + 6 + 17, draw)

    def event_rows(self) -> Iterator[Block]:
        table = _titled(EVENTS, self.labels)
        for i, e in enumerate(self.doc.events):
            yield table.row(i, (fmt.date(e.date), self.labels.get(f"ev_{e.kind.value}", e.kind.value),
                                _period(e.period_start, e.period_end),
                                fmt.percent(e.percent) if e.percent is not None else "", e.note or ""))

    def file_rows(self) -> Iterator[Block]:
        table = _titled(FILES, self.labels)
        for i, a in enumerate(self.doc.attachments):
            yield table.row(i, (a.filename, a.mime_type, _size(a.size), a.sha256[:12],
                                fmt.date(a.created_at.date())))

    def notes(self) -> Block | None:
        if not (self.doc.notes or "").strip():
            return None
        lines = wrap(self.doc.notes.strip(), REGULAR, BODY, WIDTH)

        def draw(c: Canvas, top: float) -> None:
            for i, line in enumerate(lines):
                text(c, LEFT, top - 9 - i * LEADING, line)

        return Block(len(lines) * LEADING + 3, draw)


class _Layout:
    """The summary measured into pages: per page, the blocks and the y of their tops."""

    def __init__(self, doc: ContractSummary, logo: ImageReader | None):
        self.doc, self.labels = doc, fmt.CONTRACT_ES
        self.s = _Sections(doc, self.labels, logo)
        self.pages: list[list[tuple[float, Block]]] = []
        self._new_page(first=True)
        self._flow()

    def _new_page(self, first: bool = False) -> None:
        self.pages.append([])
        self.y = TOP
        self._place(self.s.header() if first else self._running_header())

    def _fits(self, height: float, gap: float = 0.0) -> bool:
        return self.y - gap - height >= CONTENT_BOTTOM

    def _place(self, block: Block, *, gap: float = 0.0) -> None:
        if self.pages[-1] and not self._fits(block.height, gap):
            self._new_page()
            gap = 0.0
        self.y -= gap
        self.pages[-1].append((self.y, block))
        self.y -= block.height

    def _table(self, key: str, table: _Table, rows: Iterator[Block], empty: str) -> None:
        heading, header = self.s.heading(key), _titled(table, self.labels).header()
        rows = list(rows)
        first = rows[0].height if rows else 12
        if not self._fits(heading.height + header.height + first, GAP):  # never a heading alone at a page's foot
            self._new_page()
        self._place(heading, gap=GAP)
        if not rows:
            self._place(self.s.note(self.labels[empty]))
            return
        self._place(header)
        for row in rows:
            if not self._fits(row.height):
                self._new_page()
                self._place(self.s.heading(key, cont=True), gap=2 * mm)
                self._place(header)
            self._place(row)
        self.pages[-1].append((self.y, Block(1, lambda c, top: rule(c, LEFT, RIGHT, top, color=ACCENT, width=0.8))))
        self.y -= 1

    def _flow(self) -> None:
        s = self.s
        self._place(s.terms_and_party(), gap=GAP)
        self._table("lines", LINES, s.line_rows(), "no_lines")
        if self.doc.lines:
            self._place(s.totals(), gap=3 * mm)
        notes = s.notes()
        if notes is not None:
            self._place(s.heading("notes"), gap=GAP)
            self._place(notes)
        self._table("history", EVENTS, s.event_rows(), "no_history")
        self._table("attachments", FILES, s.file_rows(), "no_attachments")

    def _running_header(self) -> Block:
        doc, labels = self.doc, self.labels
        left = fit(doc.company.legal_name if doc.company else labels["document"], BOLD, 9, WIDTH / 2 - 5 * mm)
        right = fit(" · ".join(p for p in (labels["contract"] + (f" {doc.reference}" if doc.reference else ""),
                                           doc.title) if p), BOLD, 9, WIDTH / 2 - 5 * mm)

        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 9, left, bold=True, size=9)
            text(c, RIGHT, top - 9, right, bold=True, size=9, align="r")
            rule(c, LEFT, RIGHT, top - 15)

        return Block(17, draw)

    def _footer(self, c: Canvas, page: int, pages: int) -> None:
        labels, co = self.labels, self.doc.company
        if page < pages:
            text(c, RIGHT, 15 * mm + 2.5 * mm, labels["continued"], size=SMALL, color=MUTED, align="r")
        rule(c, LEFT, RIGHT, 15 * mm)
        left = " · ".join(p for p in (labels["document"], labels["printed"].format(date=fmt.date(self.doc.printed_on)),
                                      f"{co.legal_name} ({labels['tax_id']} {co.tax_id})" if co else "") if p)
        text(c, LEFT, 11 * mm, fit(left, REGULAR, SMALL, WIDTH - 35 * mm), size=SMALL, color=MUTED)
        text(c, RIGHT, 11 * mm, labels["page"].format(page=page, pages=pages), size=SMALL, align="r")

    def draw(self, c: Canvas) -> None:
        count = len(self.pages)
        for number, items in enumerate(self.pages, start=1):
            for top, block in items:
                block.draw(c, top)
            self._footer(c, number, count)
            c.showPage()


def _logo(company: CompanyView | None) -> ImageReader | None:
    if company is None or not company.logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(company.logo))
        reader.getSize()
        return reader
    except Exception:  # a broken logo must not stop the summary from printing
        log.warning("the company logo cannot be read; the summary prints without it", exc_info=True)
        return None


def render_contract_summary(doc: ContractSummary) -> bytes:
    """The summary PDF as bytes: A4, the company header on page 1, a running header after,
    "Página N de M" on every page; tables break between rows and repeat their header. Fonts embedded."""
    register_fonts()
    layout = _Layout(doc, _logo(doc.company))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=REGULAR, initialFontSize=BODY)
    c.setTitle(f"{fmt.CONTRACT_ES['document']} {doc.reference or ''} {doc.title}".replace("  ", " "))
    c.setAuthor(doc.company.legal_name if doc.company else "Trastienda")
    c.setCreator("Trastienda")
    layout.draw(c)
    c.save()
    return buf.getvalue()
