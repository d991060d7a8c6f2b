"""Scenarios of printing invoices: what the PDF says, its QR, its pages, batches.

Invoices are made with the draft service and numbered the way posting will
(tests.app.invoicing.post); the PDF is read back with poppler and zbar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from PIL import Image

from app.demo import generate_demo
from app.documents.invoice_pdf import RenderCancelled, render_invoice, render_invoices
from app.domain.enums import CorrectionReason, InvoiceKind
from app.services import invoices
from app.services.invoice_documents import invoice_document, invoice_documents, invoice_pdf, posted_invoice_ids
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import DAY, D, customer, post, product

QR_PREFIX = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=A58818501&numserie="


def _line(desc: str, qty: str, price: str, rate: str = "IVA21", discount: str = "0") -> InvoiceLineData:
    return InvoiceLineData(description=desc, quantity=D(qty), unit_price=D(price),
                           discount_percent=D(discount), tax_rate_id=tax_rate_id(rate))


def _posted(db, lines, number=123, prefix="F", party=None, **data):
    party = party or customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid", province="Madrid")
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, lines=lines, **data))
    post(db, draft.id, number, prefix)
    return draft.id


def test_the_pdf_holds_every_field_rd_1619_2012_art_6_asks_for(db, tmp_path):
    pdf.make_company(db)
    tornillos = product(db, "Tornillos caja 100", "100.00")
    invoice_id = _posted(db, [
        InvoiceLineData(product_id=tornillos, quantity=D("2"), discount_percent=D("10")),  # 180.00 at 21 %
        _line("Montaje en obra", "1", "50", "IVA10"),                                       # 50.00 at 10 %
        _line("Formación de uso", "1", "20", "EXENTO_E1"),                                   # 20.00 exempt
    ], operation_date=dt.date(2026, 2, 27), due_date=dt.date(2026, 4, 1), notes="Entrega en almacén.")
    path = pdf.save(tmp_path, invoice_pdf(db, invoice_id))
    words = pdf.flat(pdf.text(path))

    expected = [
        # (a) number and series, (b) issue date, operation date when it differs.
        "FACTURA", "Número: F2026-000123", "Serie: F", "Fecha de expedición: 02/03/2026",
        "Fecha de operación: 27/02/2026", "Vencimiento: 01/04/2026",
        # (c, d, e) issuer and recipient: full name, NIF and address.
        "Suministros del Ebro SL", "NIF: A58818501", "Calle del Coso, 87", "50001 Zaragoza",
        "Ferretería López SL", "NIF: B12345674", "Calle Mayor 1, 28001 Madrid",
        # (f) description, quantity, unit price before tax, discount, rate, amount of each line.
        "Tornillos caja 100 2 100,00 10 % 21 % 180,00", "Montaje en obra 1 50,00 10 % 50,00",
        "Formación de uso 1 20,00 Exento 20,00",
        # (g, h) tax base, rate and tax amount per rate; exemption and its legal reason; total.
        "180,00 € 21 % 37,80 €", "50,00 € 10 % 5,00 €", "20,00 € Exento (E1) 0,00 €",
        "E1: Exenta por el artículo 20 de la Ley del IVA",
        "Base imponible 250,00 €", "IVA 42,80 €", "TOTAL A PAGAR 292,80 €",
        # Payment details, notes, footer.
        "IBAN ES91 2100 0418 4502 0005 1332", "Entrega en almacén.", "Página 1 de 1",
        "VERI*FACTU", "Factura verificable en la sede electrónica de la AEAT",
    ]
    missing = [e for e in expected if e not in words]
    assert not missing, f"missing {missing} in: {words}"
    assert pdf.pages(path) == 1


def test_the_qr_decodes_to_exactly_the_validarqr_url_and_sits_top_left_30_to_40_mm(db, tmp_path):
    pdf.make_company(db)
    invoice_id = _posted(db, [_line("Servicio", "3", "110.25")])  # 330.75 + 69.46 = 400.21
    path = pdf.save(tmp_path, invoice_pdf(db, invoice_id))
    assert pdf.qr_codes(path) == [QR_PREFIX + "F2026-000123&fecha=02-03-2026&importe=400.21"]

    # Measure the symbol on a 10 px/mm image: the dark pixels between "QR tributario:" and "VERI*FACTU".
    boxes = {w: (x0, y0, x1, y1) for w, x0, y0, x1, y1 in pdf.word_boxes(path)}
    above, below = boxes["tributario:"][3], boxes["VERI*FACTU"][1]
    image = Image.open(pdf.png(path, 1, dpi=254)).convert("L")
    px_per_pt = 254 / 72
    band = image.crop((0, round(above * px_per_pt) + 2, 800, round(below * px_per_pt) - 2))  # left 80 mm
    left, top, right, bottom = band.point(lambda v: 255 if v < 128 else 0).getbbox()
    width_mm, height_mm = (right - left) / 10, (bottom - top) / 10
    assert 30 <= width_mm <= 40 and abs(width_mm - height_mm) < 0.3
    assert left / 10 < 20  # near the left margin, at the top of the page
    # Clear space above and below (text and other content at least 2 mm away).
    assert top / 10 >= 2 and (band.height - bottom) / 10 >= 2


def test_production_setting_switches_the_qr_host_and_withholding_stays_out_of_importe(db, tmp_path):
    pdf.make_company(db, verifactu_production=True)
    shop = customer(db, "Droguería Martín", "12345678Z", street="Plaza España 3", postal_code="50004",
                    city="Zaragoza", recargo_equivalencia=True, irpf_percent=D("15"))
    invoice_id = _posted(db, [_line("Asesoría mensual", "1", "100")], party=shop)
    path = pdf.save(tmp_path, invoice_pdf(db, invoice_id))
    # 100 + 21 IVA + 5.20 recargo = 126.20; the 15.00 withheld is not part of ImporteTotal.
    assert pdf.qr_codes(path) == ["https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
                                  "?nif=A58818501&numserie=F2026-000123&fecha=02-03-2026&importe=126.20"]
    words = pdf.flat(pdf.text(path))
    for expected in ("100,00 € 21 % 21,00 € 5,2 % 5,20 €", "Recargo de equivalencia 5,20 €",
                     "Total factura 126,20 €", "Retención IRPF (15 %) -15,00 €", "TOTAL A PAGAR 111,20 €"):
        assert expected in words


def test_a_credit_note_names_the_invoice_it_corrects_its_date_and_the_reason(db, tmp_path):
    pdf.make_company(db)
    original = _posted(db, [_line("Mesa de roble", "2", "300")], number=19)
    credit = invoices.create_draft(db, InvoiceData(
        issue_date=DAY + dt.timedelta(days=5), kind=InvoiceKind.CREDIT_NOTE, corrected_invoice_id=original,
        correction_reason=CorrectionReason.R1, lines=[_line("Mesa de roble (devolución)", "-1", "300")]))
    post(db, credit.id, 1, "R")
    path = pdf.save(tmp_path, invoice_pdf(db, credit.id))
    words = pdf.flat(pdf.text(path))
    for expected in ("FACTURA RECTIFICATIVA", "Número: R2026-000001", "Rectifica a: Factura F2026-000019 de 02/03/2026",
                     "Motivo: R1 · Error fundado en derecho", "Rectificación por diferencias",
                     "Mesa de roble (devolución) -1 300,00 21 % -300,00", "TOTAL FACTURA -363,00 €"):
        assert expected in words, expected
    assert "Forma de pago" not in words  # nothing to pay on a refund
    assert pdf.qr_codes(path) == [QR_PREFIX + "R2026-000001&fecha=07-03-2026&importe=-363.00"]


def test_a_draft_prints_as_a_draft_without_number_nor_qr_and_a_cancelled_one_says_so(db, tmp_path):
    pdf.make_company(db)
    party = customer(db)
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, kind=InvoiceKind.INVOICE,
                                                  lines=[_line("Presupuesto de obra", "1", "1000")]))
    path = pdf.save(tmp_path, invoice_pdf(db, draft.id))
    words = pdf.flat(pdf.text(path))
    assert "BORRADOR · sin validez fiscal" in words and "Número: (sin numerar)" in words
    assert "VERI*FACTU" not in words and pdf.qr_codes(path) == []

    cancelled = _posted(db, [_line("Portes", "1", "15")], number=8)
    with db.session() as s:
        from app.domain.enums import InvoiceStatus
        from app.domain.invoices import Invoice

        s.get(Invoice, cancelled).status = InvoiceStatus.CANCELLED
    path = pdf.save(tmp_path, invoice_pdf(db, cancelled), "cancelled.pdf")
    assert "FACTURA ANULADA" in pdf.flat(pdf.text(path))
    # Its registration record still exists: the QR stays.
    assert pdf.qr_codes(path) == [QR_PREFIX + "F2026-000008&fecha=02-03-2026&importe=18.15"]


def test_a_long_invoice_breaks_between_rows_with_header_and_footer_on_every_page(db, tmp_path):
    pdf.make_company(db)
    lines = [_line(f"Artículo número {i:03d}", "1", f"{10 + i}.00") for i in range(90)]
    path = pdf.save(tmp_path, invoice_pdf(db, _posted(db, lines)))
    assert pdf.pages(path) == 3
    seen = []
    for page in (1, 2, 3):
        words = pdf.flat(pdf.text(path, page))
        assert f"Página {page} de 3" in words
        assert "Suministros del Ebro SL" in words and "A58818501" in words  # issuer on every page
        assert "Descripción Cantidad Precio unit. (€) Dto. IVA Importe (€)" in words  # table header repeated
        if page > 1:
            assert "Factura F2026-000123" in words  # running header names the invoice
        assert ("Continúa en la página siguiente" in words) == (page < 3)
        assert ("TOTAL A PAGAR" in words) == (page == 3)
        seen += [int(w[-3:]) for w in pdf.text(path, page).split("Artículo número ")[1:] for w in [w[:3]]]
    assert seen == list(range(90))  # every row once, in order: none cut, none repeated
    # The QR is printed once, on the first page.
    assert len(pdf.qr_codes(path, 1)) == 1 and pdf.qr_codes(path, 2) == [] and pdf.qr_codes(path, 3) == []


def test_fonts_are_embedded_and_a_logo_prints_a_broken_one_is_left_out(db, tmp_path):
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 60, 120)).save(logo, "PNG")
    pdf.make_company(db, logo=logo.getvalue(), logo_mime="image/png")
    invoice_id = _posted(db, [_line("Señalización · 50 % € ñ", "1", "10")])
    doc = invoice_document(db, invoice_id)
    path = pdf.save(tmp_path, render_invoice(doc.invoice, doc.company, qr_url=doc.qr_url))
    used = pdf.fonts(path)
    assert used and all(emb == "yes" for _name, emb in used), used
    assert not any("Helvetica" in name for name, _emb in used)
    assert "Señalización · 50 % € ñ" in pdf.text(path)
    assert b"/Subtype /Image" in path.read_bytes()

    broken = dataclasses.replace(doc.company, logo=b"not an image")
    again = pdf.save(tmp_path, render_invoice(doc.invoice, broken, qr_url=doc.qr_url), "broken.pdf")
    assert b"/Subtype /Image" not in again.read_bytes()
    assert "Señalización" in pdf.text(again)


def test_a_batch_is_one_pdf_each_invoice_numbered_on_its_own(db, tmp_path):
    pdf.make_company(db)
    long_one = _posted(db, [_line(f"Línea {i}", "1", "1") for i in range(60)], number=1)
    short_ones = [_posted(db, [_line("Portes", "1", "15")], number=n) for n in (2, 3)]
    out = tmp_path / "batch.pdf"
    progress = []
    count = render_invoices(invoice_documents(db, [long_one, *short_ones]), out, progress=progress.append)
    assert count == 3 and progress == [1, 2, 3]
    assert pdf.pages(out) == 4
    assert "Página 1 de 2" in pdf.text(out, 1) and "Página 2 de 2" in pdf.text(out, 2)
    assert "Página 1 de 1" in pdf.text(out, 3) and "Página 1 de 1" in pdf.text(out, 4)
    assert pdf.qr_codes(out, 3) == [QR_PREFIX + "F2026-000002&fecha=02-03-2026&importe=18.15"]
    assert pdf.qr_codes(out, 4) == [QR_PREFIX + "F2026-000003&fecha=02-03-2026&importe=18.15"]
    assert not (tmp_path / "batch.pdf.part").exists()


def test_a_cancelled_or_empty_batch_writes_nothing(db, tmp_path):
    pdf.make_company(db)
    ids = [_posted(db, [_line("Portes", "1", "15")], number=n) for n in (1, 2, 3)]
    out = tmp_path / "batch.pdf"
    out.write_bytes(b"the previous file")
    asked = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) > 2  # cancel before the third invoice

    with pytest.raises(RenderCancelled):
        render_invoices(invoice_documents(db, ids), out, cancel=cancel)
    assert out.read_bytes() == b"the previous file" and not (tmp_path / "batch.pdf.part").exists()
    with pytest.raises(ValueError):
        render_invoices([], out)
    assert out.read_bytes() == b"the previous file"


def test_every_posted_invoice_of_the_demo_database_prints(sqlite_db, tmp_path):
    generate_demo(sqlite_db, seed=3, customers=12, products=20, invoices=80, contracts=0, employees=0)
    ids = posted_invoice_ids(sqlite_db, dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    assert len(ids) > 40
    out = tmp_path / "demo.pdf"
    assert render_invoices(invoice_documents(sqlite_db, ids), out) == len(ids)
    text = pdf.text(out)
    # The demo's customers abroad read English invoices (tests/app/test_invoice_language.py).
    english = text.count("Page 1 of")
    assert english and text.count("Página 1 de") + english == len(ids)
    numbers = [invoice_document(sqlite_db, i).invoice.full_number for i in ids]
    assert all(n in text for n in numbers)
    kinds = {invoice_document(sqlite_db, i).invoice.kind for i in ids}
    assert kinds == {InvoiceKind.INVOICE, InvoiceKind.SIMPLIFIED, InvoiceKind.CREDIT_NOTE}
    assert "Rectifica a: Factura" in pdf.flat(text)
