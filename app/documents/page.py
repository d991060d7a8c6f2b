"""What every page of an invoice repeats: the running header and the footer.

A page separated from the others still says whose invoice it is, which one,
and where it belongs ("Página 2 de 3").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents import labels as fmt
from app.documents.drawing import Block, fit
from app.documents.fonts import REGULAR
from app.documents.style import LEFT, MUTED, RIGHT, SMALL, WIDTH, rule, text

if TYPE_CHECKING:
    from app.documents.invoice_pdf import InvoiceDocument

FOOTER_RULE_Y = 15 * mm
FOOTER_TEXT_Y = 11 * mm
CONTINUED_Y = FOOTER_RULE_Y + 2.5 * mm


class PageChrome:
    def __init__(self, doc: InvoiceDocument, labels: dict[str, str]):
        self.doc, self.labels = doc, labels
        self.fmt = fmt.formats_for(doc.language)
        co = doc.company
        address = ", ".join(co.address_lines)
        self._footer_left = fit(
            " · ".join(p for p in (co.legal_name, f"{labels['tax_id']} {co.tax_id}", address) if p),
            REGULAR, SMALL, WIDTH - 35 * mm,
        )

    def title(self) -> str:
        return self.labels[self.doc.invoice.kind.value]

    def number(self) -> str:
        return self.doc.invoice.full_number or self.labels["no_number"]

    def document_name(self) -> str:
        """``"Factura F2026-000123"``: the PDF's title and its outline entry in a batch."""
        return f"{self.title()} {self.number()}"

    def running_header(self) -> Block:
        """Pages after the first: issuer on the left, invoice number and date on the right."""
        inv, co, labels = self.doc.invoice, self.doc.company, self.labels
        name = fit(co.legal_name, REGULAR, 9, WIDTH / 2)
        right = self.document_name()
        date = f"{labels['issue_date']}: {self.fmt.date(inv.issue_date)}"

        def draw(c: Canvas, top: float) -> None:
            text(c, LEFT, top - 9, name, bold=True, size=9)
            text(c, LEFT, top - 19, f"{labels['tax_id']}: {co.tax_id}", size=SMALL, color=MUTED)
            text(c, RIGHT, top - 9, right, bold=True, size=9, align="r")
            text(c, RIGHT, top - 19, date, size=SMALL, color=MUTED, align="r")
            rule(c, LEFT, RIGHT, top - 25)

        return Block(27, draw)

    def footer(self, c: Canvas, page: int, pages: int) -> None:
        """The issuer's identification and "Página N de M"; "continues" on all pages but the last."""
        if page < pages:
            text(c, RIGHT, CONTINUED_Y, self.labels["continued"], size=SMALL, color=MUTED, align="r")
        rule(c, LEFT, RIGHT, FOOTER_RULE_Y)
        text(c, LEFT, FOOTER_TEXT_Y, self._footer_left, size=SMALL, color=MUTED)
        text(c, RIGHT, FOOTER_TEXT_Y, self.labels["page"].format(page=page, pages=pages), size=SMALL,
             align="r")

