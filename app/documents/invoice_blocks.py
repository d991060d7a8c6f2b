"""The parts of an invoice, each measured and then drawn (see ``invoice_pdf``).

First page header (QR and issuer), title with the invoice data and the
customer, the line table (header row and one block per line), and the
closing blocks: tax breakdown and totals, payment, exemptions, notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.compliance.qr import QrSymbol
from app.documents import labels as fmt
from app.documents.drawing import Block, draw_qr, fit, wrap
from app.documents.fonts import BOLD, REGULAR
from app.documents.style import (
    ACCENT, BODY, INK, LEADING, LEFT, MUTED, RIGHT, RULE, SMALL, STRIPE, WARN, WHITE, WIDTH,
    fill_rect, rule, text,
)
from app.domain.enums import InvoiceKind, InvoiceStatus

if TYPE_CHECKING:
    from app.documents.invoice_pdf import InvoiceDocument

QR_SIDE = 34 * mm  # the AEAT asks for 30 to 40 mm
QR_QUIET = 4 * mm  # clear space around it: the AEAT asks >= 2 mm, ISO/IEC 18004 >= 4 modules
LOGO_MAX_W, LOGO_MAX_H = 55 * mm, 20 * mm
PAD = 1.8 * mm  # inside table cells
# Line table: key, width, alignment. The widths add up to the text width (180 mm).
COLUMNS = (("description", 76 * mm, "l"), ("quantity", 19 * mm, "r"), ("unit_price", 25 * mm, "r"),
           ("discount", 14 * mm, "r"), ("vat", 16 * mm, "r"), ("amount", 30 * mm, "r"))
DESC_W = COLUMNS[0][1] - 2 * PAD


def _column_edges() -> list[tuple[float, float, str]]:
    """(left, right, alignment) of each column."""
    edges, x = [], LEFT
    for _key, width, align in COLUMNS:
        edges.append((x, x + width, align))
        x += width
    return edges


EDGES = _column_edges()


def _cell(c: Canvas, col: int, y: float, s: str, **kw) -> None:
    left, right, align = EDGES[col]
    text(c, right - PAD if align == "r" else left + PAD, y, s, align=align, **kw)


def _iban(value: str) -> str:
    compact = "".join(value.split()).upper()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


class Sections:
    def __init__(self, doc: InvoiceDocument, labels: dict[str, str], symbol: QrSymbol | None,
                 logo: ImageReader | None):
        self.doc, self.inv, self.co = doc, doc.invoice, doc.company
        self.labels, self.symbol, self.logo = labels, symbol, logo
        self.fmt = fmt.formats_for(doc.language)  # numbers and dates in the labels' language
        # Lines carry their rate but not their exemption; when every 0 % group of the
        # breakdown is an exemption, every 0 % line is exempt and says so.
        zero = [g for g in self.inv.tax_groups if not g.tax_percent]
        self._zero_rate = labels["exempt"] if zero and all(g.exemption_reason for g in zero) else None

    # -- first page: QR and issuer ------------------------------------------------

    def first_header(self) -> Block:
        labels, co = self.labels, self.co
        left_w = QR_SIDE + 20 * mm
        legend = wrap(labels["verifiable"], REGULAR, BODY, left_w)
        left_h = quiet = 0.0
        if self.symbol is not None:
            quiet = max(QR_QUIET, 4 * QR_SIDE / self.symbol.size)
            left_h = 10 + quiet + QR_SIDE + quiet + 11 + len(legend) * LEADING
        # Issuer, right-aligned: legal name large, then what identifies and reaches it.
        right_w = WIDTH - left_w - 8 * mm
        lines: list[tuple[str, bool, float, tuple]] = [
            (line, True, 11, INK) for line in wrap(co.legal_name, BOLD, 11, right_w)]
        if co.trade_name and co.trade_name != co.legal_name:
            lines.append((fit(co.trade_name, REGULAR, BODY, right_w), False, BODY, MUTED))
        lines.append((f"{labels['tax_id']}: {co.tax_id}", True, BODY, INK))
        lines += [(fit(a, REGULAR, BODY, right_w), False, BODY, INK) for a in co.address_lines]
        contact = " · ".join(p for p in (f"{labels['phone']} {co.phone}" if co.phone else "", co.email or "") if p)
        if contact:
            lines.append((fit(contact, REGULAR, BODY, right_w), False, BODY, MUTED))
        logo_w = logo_h = 0.0
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            logo_w = min(LOGO_MAX_W, LOGO_MAX_H * iw / ih)
            logo_h = logo_w * ih / iw
        right_h = (logo_h + 3 * mm if logo_h else 0) + sum(13.5 if size > BODY else LEADING for *_x, size, _c in lines)
        height = max(left_h, right_h, 14)

        def draw(c: Canvas, top: float) -> None:
            if self.symbol is not None:
                text(c, LEFT, top - 8, labels["qr_heading"])
                qr_top = top - 10 - quiet
                draw_qr(c, self.symbol, LEFT, qr_top, QR_SIDE)
                y = qr_top - QR_SIDE - quiet - 8
                text(c, LEFT, y, labels["verifactu"], bold=True, size=9.5)
                for line in legend:
                    y -= LEADING
                    text(c, LEFT, y, line)
            elif self.inv.status == InvoiceStatus.DRAFT:
                text(c, LEFT, top - 10, labels["draft"], bold=True, size=10, color=WARN)
            y = top
            if self.logo is not None:
                c.drawImage(self.logo, RIGHT - logo_w, top - logo_h, logo_w, logo_h, mask="auto")
                y -= logo_h + 3 * mm
            for s, bold, size, color in lines:
                y -= 13.5 if size > BODY else LEADING
                text(c, RIGHT, y + 2, s, bold=bold, size=size, color=color, align="r")

        return Block(height, draw)

    # -- title, invoice data, customer -------------------------------------------

    def _invoice_data(self) -> list[tuple[str, list[str], bool]]:
        inv, labels = self.inv, self.labels
        value_w = 56 * mm
        rows = [(labels["number"], [inv.full_number or labels["no_number"]], True),
                (labels["series"], [inv.series_code], False),
                (labels["issue_date"], [self.fmt.date(inv.issue_date)], False)]
        if inv.operation_date and inv.operation_date != inv.issue_date:
            rows.append((labels["operation_date"], [self.fmt.date(inv.operation_date)], False))
        if inv.due_date and inv.kind != InvoiceKind.CREDIT_NOTE:
            rows.append((labels["due_date"], [self.fmt.date(inv.due_date)], False))
        if inv.kind == InvoiceKind.CREDIT_NOTE:
            if self.doc.corrected is not None:
                ref = labels["corrects_value"].format(number=self.doc.corrected.full_number,
                                                      date=self.fmt.date(self.doc.corrected.issue_date))
                rows.append((labels["corrects"], wrap(ref, REGULAR, BODY, value_w), False))
            if inv.correction_reason is not None:
                reason = labels.get(inv.correction_reason.value, inv.correction_reason.value)
                rows.append((labels["reason"], wrap(reason, REGULAR, BODY, value_w), False))
            rows.append((labels["method"], [labels["by_differences"]], False))
        return rows

    def title_and_parties(self) -> Block:
        inv, labels = self.inv, self.labels
        title = labels[inv.kind.value].upper()
        tag = labels["cancelled"] if inv.status == InvoiceStatus.CANCELLED else (
            labels["draft_tag"] if inv.status == InvoiceStatus.DRAFT else "")
        rows = self._invoice_data()
        left_h = 24 + sum(len(v) * LEADING + 1.5 for _l, v, _b in rows)
        box_x, box_w = LEFT + 96 * mm, WIDTH - 96 * mm
        inner = box_w - 6 * mm
        has_party = bool(inv.party_name or inv.party_tax_id)
        name = wrap(inv.party_name, BOLD, 10, inner) if inv.party_name else []
        address = wrap(inv.party_address, REGULAR, BODY, inner) if inv.party_address else []
        box_h = 3 * mm + 11 + len(name) * 12.5 + (LEADING if inv.party_tax_id else 0) + len(address) * LEADING + 3 * mm
        height = max(left_h, box_h if has_party else 0)

        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 15, title, bold=True, size=15, color=ACCENT)
            if tag:
                text(c, LEFT + stringWidth(title, BOLD, 15) + 4 * mm, top - 15, tag, bold=True, size=10, color=WARN)
            y = top - 24
            for label, values, bold in rows:
                y -= LEADING
                text(c, LEFT, y, f"{label}:", size=SMALL, color=MUTED)
                for i, value in enumerate(values):
                    text(c, LEFT + 34 * mm, y - i * LEADING, value, bold=bold)
                y -= (len(values) - 1) * LEADING + 1.5
            if not has_party:
                return
            c.setStrokeColorRGB(*RULE)
            c.setLineWidth(0.6)
            c.roundRect(box_x, top - box_h, box_w, box_h, 2 * mm, stroke=1, fill=0)
            x, y = box_x + 3 * mm, top - 3 * mm - 7
            text(c, x, y, labels["customer"].upper(), bold=True, size=SMALL, color=MUTED)
            y -= 4
            for line in name:
                y -= 12.5
                text(c, x, y, line, bold=True, size=10)
            if inv.party_tax_id:
                y -= LEADING
                text(c, x, y, f"{labels['tax_id']}: {inv.party_tax_id}")
            for line in address:
                y -= LEADING
                text(c, x, y, line)

        return Block(height, draw)

    # -- line table ---------------------------------------------------------------

    def table_header(self) -> Block:
        symbol = fmt.CURRENCY_SYMBOLS.get(self.inv.currency, self.inv.currency)
        titles = [self.labels[key] for key, _w, _a in COLUMNS]
        titles[2] = f"{titles[2]} ({symbol})"
        titles[5] = f"{titles[5]} ({symbol})"

        def draw(c: Canvas, top: float) -> None:
            fill_rect(c, LEFT, top - 16, WIDTH, 16, ACCENT)
            for col, title in enumerate(titles):
                _cell(c, col, top - 11, title, bold=True, size=SMALL, color=WHITE)

        return Block(16, draw)

    def rows(self) -> Iterator[Block]:
        for index, line in enumerate(self.inv.lines):
            desc = wrap(line.description, REGULAR, BODY, DESC_W)
            cells = (self.fmt.quantity(line.quantity), self.fmt.price(line.unit_price),
                     self.fmt.percent(line.discount_percent) if line.discount_percent else "",
                     (self._zero_rate if self._zero_rate and not line.tax_percent else self.fmt.percent(line.tax_percent)),
                     self.fmt.amount(line.amount))
            yield Block(len(desc) * LEADING + 5, self._row_drawer(index, desc, cells))

    @staticmethod
    def _row_drawer(index: int, desc: list[str], cells: tuple[str, ...]):
        height = len(desc) * LEADING + 5

        def draw(c: Canvas, top: float) -> None:
            if index % 2:
                fill_rect(c, LEFT, top - height, WIDTH, height, STRIPE)
            y = top - 10.5
            for i, part in enumerate(desc):
                _cell(c, 0, y - i * LEADING, part)
            for col, value in enumerate(cells, start=1):
                if value:
                    _cell(c, col, y, value)

        return draw

    def table_end(self) -> Block:
        return Block(1, lambda c, top: rule(c, LEFT, RIGHT, top, color=ACCENT, width=0.8))

    # -- closing blocks ---------------------------------------------------------

    def closing(self) -> list[Block]:
        blocks = [self._totals()]
        for block in (self._payment(), self._exemptions(), self._notes()):
            if block is not None:
                blocks.append(block)
        return blocks

    def _breakdown(self) -> tuple[list[str], list[list[str]], list[float]]:
        labels, inv = self.labels, self.inv
        has_re = any(g.recargo_percent or g.recargo for g in inv.tax_groups)
        heads = [labels["tax_base"], labels["vat_rate"], labels["vat_amount"]]
        widths = [30 * mm, 24 * mm, 24 * mm]
        if has_re:
            heads += [labels["re_rate"], labels["re_amount"]]
            widths = [26 * mm, 22 * mm, 20 * mm, 14 * mm, 18 * mm]
        rows = []
        for g in inv.tax_groups:
            if g.exemption_reason:
                code = g.exemption_reason.split(":", 1)[0].strip()
                rate = f"{labels['exempt']} ({code})" if len(code) <= 4 else labels["exempt"]
            else:
                rate = self.fmt.percent(g.tax_percent)
            row = [self.fmt.money(g.base, inv.currency), rate, self.fmt.money(g.tax, inv.currency)]
            if has_re:
                row += [self.fmt.percent(g.recargo_percent) if g.recargo_percent else "",
                        self.fmt.money(g.recargo, inv.currency) if g.recargo_percent else ""]
            rows.append(row)
        return heads, rows, widths

    def _totals(self) -> Block:
        inv, labels, cur = self.inv, self.labels, self.inv.currency
        heads, rows, widths = self._breakdown()
        left_h = 14 + len(rows) * LEADING + 4
        before_irpf = inv.base_total + inv.tax_total + inv.recargo_total
        items = [(labels["total_base"], self.fmt.money(inv.base_total, cur)),
                 (labels["total_vat"], self.fmt.money(inv.tax_total, cur))]
        if inv.recargo_total:
            items.append((labels["total_re"], self.fmt.money(inv.recargo_total, cur)))
        if inv.irpf_total:
            items.append((labels["invoice_total"], self.fmt.money(before_irpf, cur)))
            pct = self.fmt.percent(inv.irpf_percent) if inv.irpf_percent else ""
            items.append((labels["irpf"].format(percent=pct), self.fmt.money(-inv.irpf_total, cur)))
        final = labels["total_to_pay"] if inv.total >= 0 else labels["invoice_total"]
        box_w, box_x = 75 * mm, RIGHT - 75 * mm
        right_h = len(items) * (LEADING + 2) + 4 + 20
        height = max(left_h, right_h)

        def draw(c: Canvas, top: float) -> None:
            x, y = LEFT, top - 10
            for head, w in zip(heads, widths):
                text(c, x + w - PAD, y, head, bold=True, size=SMALL, color=MUTED, align="r")
                x += w
            rule(c, LEFT, LEFT + sum(widths), top - 14)
            y = top - 14
            for row in rows:
                y -= LEADING
                x = LEFT
                for value, w in zip(row, widths):
                    text(c, x + w - PAD, y, value, align="r")
                    x += w
            y = top
            for label, value in items:
                y -= LEADING + 2
                text(c, box_x + PAD, y, label, color=MUTED)
                text(c, RIGHT - PAD, y, value, align="r")
            y -= 6
            fill_rect(c, box_x, y - 18, box_w, 18, ACCENT)
            text(c, box_x + PAD, y - 12.5, final.upper(), bold=True, size=9, color=WHITE)
            text(c, RIGHT - PAD, y - 12.5, self.fmt.money(inv.total, cur), bold=True, size=10.5, color=WHITE,
                 align="r")

        return Block(height, draw)

    def _paragraphs(self, heading: str, lines: list[str]) -> Block:
        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 9, heading, bold=True, color=ACCENT)
            y = top - 9
            for line in lines:
                y -= LEADING
                text(c, LEFT, y, line)

        return Block(12 + len(lines) * LEADING, draw)

    def _payment(self) -> Block | None:
        inv, co, labels = self.inv, self.co, self.labels
        if inv.total <= Decimal(0) or not (co.iban or inv.due_date):
            return None
        lines = []
        if co.iban:
            lines.append(f"{labels['payment_transfer']} {labels['iban']} {_iban(co.iban)}")
        if inv.due_date:
            lines.append(f"{labels['due_date']}: {self.fmt.date(inv.due_date)} · {self.fmt.money(inv.total, inv.currency)}")
        return self._paragraphs(labels["payment"], lines)

    def _exemptions(self) -> Block | None:
        reasons = sorted({g.exemption_reason for g in self.inv.tax_groups if g.exemption_reason})
        if not reasons:
            return None
        lines = [part for r in reasons for part in wrap(r, REGULAR, BODY, WIDTH)]
        return self._paragraphs(self.labels["exemptions"], lines)

    def _notes(self) -> Block | None:
        if not (self.inv.notes or "").strip():
            return None
        return self._paragraphs(self.labels["notes"], wrap(self.inv.notes.strip(), REGULAR, BODY, WIDTH))
