"""The company logo on the invoice PDF: the one the clerk saved, above the issuer, whole and not stretched.

The QR code holds the top left corner (VERI*FACTU), so the logo heads the issuer's
block at the top right, scaled to fit 55 x 20 mm. Read back with pdfimages and pdftoppm.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.documents.style import RIGHT
from app.services import invoices
from app.services.company import CompanyData, find_company, save_company
from app.services.invoice_documents import invoice_pdf
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import DAY, D, customer, post

EBRO = dict(legal_name="Suministros del Ebro SL", tax_id="A58818501", street="Calle del Coso, 87",
            postal_code="50001", city="Zaragoza")
MAGENTA = (255, 0, 255)  # no other ink on an invoice is this colour


def _logo(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, MAGENTA).save(out, "PNG")
    return out.getvalue()


def _invoice(db, number: int = 7) -> bytes:
    party = customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid")
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, lines=[
        InvoiceLineData(description="Tornillos", quantity=D(3), unit_price=D("12.50"),
                        tax_rate_id=tax_rate_id("IVA21"))]))
    post(db, draft.id, number)
    return invoice_pdf(db, draft.id)


def _magenta_box(png) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) in points of the logo's pixels on a page rendered at 72 dpi."""
    with Image.open(png) as page:
        rgb = page.convert("RGB")
    data = rgb.tobytes()
    spots = [i // 3 for i in range(0, len(data), 3) if data[i] > 200 and data[i + 1] < 60 and data[i + 2] > 200]
    assert spots, "no logo on the page"
    xs, ys = [i % rgb.width for i in spots], [i // rgb.width for i in spots]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


@pytest.mark.parametrize("size", [(600, 150), (100, 300)], ids=["wide", "tall"])
def test_the_saved_logo_heads_the_issuer_scaled_into_its_box_without_distortion(db, tmp_path, size):
    save_company(db, CompanyData(**EBRO, logo=_logo(size)))
    path = pdf.save(tmp_path, _invoice(db))
    [image] = pdf.images(path)
    assert (image["page"], image["width"], image["height"]) == (1, *size)  # the whole file, not a copy cut down
    assert image["x_ppi"] == image["y_ppi"]  # one scale both ways: not stretched
    width_mm, height_mm = (px / image["x_ppi"] * 25.4 for px in size)
    assert width_mm <= 55.5 and height_mm <= 20.5  # inside the 55 x 20 mm box...
    assert abs(width_mm - 55) < 0.5 or abs(height_mm - 20) < 0.5  # ...and as large as it allows
    left, top, right, bottom = _magenta_box(pdf.png(path, 1, dpi=72))
    assert abs(right - RIGHT) <= 2 and abs(top - 12 * mm) <= 2  # top right, at the margins
    assert abs((right - left) / (bottom - top) - size[0] / size[1]) < 0.1 * size[0] / size[1]
    assert left > A4[0] / 2  # clear of the QR code on the left


def test_without_a_logo_the_pdf_has_no_image_and_a_removed_logo_is_gone(db, tmp_path):
    saved = save_company(db, CompanyData(**EBRO))
    path = pdf.save(tmp_path, _invoice(db), "plain.pdf")
    assert pdf.images(path) == []  # the QR code is drawn, not an image
    assert "Suministros del Ebro SL" in pdf.text(path)
    with_logo = save_company(db, CompanyData(**EBRO, logo=_logo((300, 100))), saved.version)
    assert len(pdf.images(pdf.save(tmp_path, _invoice(db, 8), "logo.pdf"))) == 1
    save_company(db, CompanyData(**EBRO, logo=None), with_logo.version)
    assert find_company(db).logo is None
    assert pdf.images(pdf.save(tmp_path, _invoice(db, 9), "removed.pdf")) == []
