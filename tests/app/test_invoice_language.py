"""An invoice's PDF is in its customer's language: labels, numbers and dates.

Invoices are posted with the posting service and printed with the same
service the preview, the print button, batch printing and the command line
use (``app.services.invoice_documents``); the PDF is read back with pdftotext.
"""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from app.documents import labels
from app.documents.invoice_pdf import render_invoices
from app.domain.enums import CorrectionReason
from app.services import invoices
from app.services.corrections import create_credit_note
from app.services.invoice_documents import invoice_document, invoice_documents, invoice_pdf
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.posting import post_invoice
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import DAY, D, customer

DUE = dt.date(2026, 4, 1)


def _irish(db):
    return customer(db, "Liffey Trading Ltd", "IE6388047V", street="12 Ormond Quay", postal_code="D07 X2F3",
                    city="Dublin", country="IE", language="en")


def _spanish(db):
    return customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid", province="Madrid")


def _posted(db, party, lines, **data):
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, due_date=DUE, party_id=party, lines=lines, **data))
    return post_invoice(db, draft.id)


def _tables(qty="2", price="617.28"):
    # 2 × 617.28 = 1,234.56 base; 21 % IVA 259.26; 1,493.82 in all.
    return [InvoiceLineData(description="Oak table", quantity=D(qty), unit_price=D(price),
                            tax_rate_id=tax_rate_id("IVA21"))]


def _words(tmp_path, data: bytes, name: str) -> str:
    return pdf.flat(pdf.text(pdf.save(tmp_path, data, name)))


def _missing(words: str, expected) -> list[str]:
    return [e for e in expected if e not in words]


def test_an_english_customer_reads_english_labels_and_1_234_56_amounts_a_spanish_one_1_234_56(db, tmp_path):
    pdf.make_company(db)
    english = _posted(db, _irish(db), _tables(), notes="Delivered to the warehouse.")
    spanish = _posted(db, _spanish(db), _tables())

    words = _words(tmp_path, invoice_pdf(db, english.id), "en.pdf")
    missing = _missing(words, [
        "INVOICE", "Number: F2026-000001", "Series: F", "Issue date: 2 Mar 2026", "Due date: 1 Apr 2026",
        "CUSTOMER", "Liffey Trading Ltd", "Tax ID: IE6388047V", "Tax ID: A58818501",
        "Description Quantity Unit price (€) Disc. VAT Amount (€)", "Oak table 2 617.28 21 % 1,234.56",
        "Tax base VAT rate VAT amount", "1,234.56 € 21 % 259.26 €",
        "Tax base 1,234.56 €", "VAT 259.26 €", "TOTAL DUE 1,493.82 €",
        "Payment Bank transfer to account IBAN ES91 2100 0418 4502 0005 1332",
        "Due date: 1 Apr 2026 · 1,493.82 €", "Notes Delivered to the warehouse.", "Page 1 of 1",
        # The wording the AEAT prescribes stays as it is.
        "QR tributario:", "VERI*FACTU", "Factura verificable en la sede electrónica de la AEAT",
    ])
    assert not missing, f"missing {missing} in: {words}"
    for spanish_word in ("FACTURA F", "Número", "Vencimiento", "Base imponible", "TOTAL A PAGAR", "Página",
                         "1.234,56", "02/03/2026"):
        assert spanish_word not in words, spanish_word

    words = _words(tmp_path, invoice_pdf(db, spanish.id), "es.pdf")
    missing = _missing(words, [
        "FACTURA", "Número: F2026-000002", "Fecha de expedición: 02/03/2026", "Vencimiento: 01/04/2026",
        "Descripción Cantidad Precio unit. (€) Dto. IVA Importe (€)", "Oak table 2 617,28 21 % 1.234,56",
        "1.234,56 € 21 % 259,26 €", "Base imponible 1.234,56 €", "TOTAL A PAGAR 1.493,82 €", "Página 1 de 1",
    ])
    assert not missing, f"missing {missing} in: {words}"
    assert "1,234.56" not in words and "TOTAL DUE" not in words


def test_surcharge_and_withholding_read_in_english_and_fit_their_columns(db, tmp_path):
    # A shop run by an English speaker in Spain: Spanish NIF, recargo de equivalencia and IRPF.
    pdf.make_company(db)
    shop = customer(db, "Martin Hughes", "12345678Z", street="Plaza España 3", postal_code="50004",
                    city="Zaragoza", recargo_equivalencia=True, irpf_percent=D("15"), language="en")
    posted = _posted(db, shop, _tables("10", "1234.5678"))  # 12,345.68 base
    path = pdf.save(tmp_path, invoice_pdf(db, posted.id), "shop.pdf")
    words = pdf.flat(pdf.text(path))
    missing = _missing(words, [
        "Oak table 10 1,234.5678 21 % 12,345.68", "Tax base VAT rate VAT amount RE rate RE amount",
        "12,345.68 € 21 % 2,592.59 € 5.2 % 641.98 €", "Equivalence surcharge (RE) 641.98 €",
        "Invoice total 15,580.25 €", "IRPF withholding (15 %) -1,851.85 €", "TOTAL DUE 13,728.40 €",
    ])
    assert not missing, f"missing {missing} in: {words}"
    # No two words overlap on the page: longer English labels stay inside their columns.
    boxes = [b for b in pdf.word_boxes(path) if b[0].strip()]
    overlaps = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5]
    assert not overlaps, overlaps


def test_the_credit_note_of_an_english_customer_is_in_english(db, tmp_path):
    pdf.make_company(db)
    original = _posted(db, _irish(db), _tables())
    credit = create_credit_note(db, original.id, CorrectionReason.R1, issue_date=DAY + dt.timedelta(days=5),
                                returns_goods=False)
    credit = post_invoice(db, credit.id)
    words = _words(tmp_path, invoice_pdf(db, credit.id), "credit.pdf")
    missing = _missing(words, [
        "CORRECTIVE INVOICE", f"Number: {credit.full_number}", "Issue date: 7 Mar 2026",
        "Corrects: Invoice F2026-000001 of 2 Mar 2026",
        "Reason: R1 · Error based on law and art. 80 One, Two and Six LIVA", "Method: Correction by differences",
        "Oak table -2 617.28 21 % -1,234.56", "INVOICE TOTAL -1,493.82 €", "Page 1 of 1",
    ])
    assert not missing, f"missing {missing} in: {words}"
    assert "Payment" not in words and "Rectifica" not in words


def test_a_batch_prints_each_invoice_in_its_own_customers_language(db, tmp_path):
    pdf.make_company(db)
    ids = [_posted(db, party, _tables()).id for party in (_irish(db), _spanish(db))]
    out = tmp_path / "batch.pdf"
    assert render_invoices(invoice_documents(db, ids), out) == 2
    first, second = pdf.flat(pdf.text(out, 1)), pdf.flat(pdf.text(out, 2))
    assert "TOTAL DUE 1,493.82 €" in first and "Page 1 of 1" in first
    assert "TOTAL A PAGAR 1.493,82 €" in second and "Página 1 de 1" in second


def test_a_language_without_labels_prints_in_spanish_with_spanish_numbers(db):
    pdf.make_company(db)
    french = customer(db, "Boulangerie Dupont", "FR40303265045", street="3 rue de la Paix", postal_code="75002",
                      city="Paris", country="FR", language="fr")
    doc = invoice_document(db, _posted(db, french, _tables()).id)
    assert doc.language == "fr"
    assert labels.labels_for(doc.language)["invoice"] == "Factura"
    assert labels.formats_for(doc.language).money(D("1234.56")) == "1.234,56 €"


# -- the label dicts and formats -------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_language_has_every_label_with_the_same_placeholders():
    for code, table in labels.LABELS.items():
        assert set(table) == set(labels.ES), (code, set(table) ^ set(labels.ES))
        different = [k for k in table if _fields(table[k]) != _fields(labels.ES[k])]
        assert not different, (code, different)
        assert all(v.strip() for v in table.values()), code
    # Legal references keep the Spanish law's names in every language.
    assert all(re.search(r"\bLIVA\b", labels.EN[k]) for k in ("R1", "R2", "R3"))


@pytest.mark.parametrize(("language", "money", "price", "quantity", "percent", "day"), [
    ("es", "-1.234.567,89 €", "0,1235", "1,25", "5,2 %", "07/12/2026"),
    ("en", "-1,234,567.89 €", "0.1235", "1.25", "5.2%", "7 Dec 2026"),
    ("EN_gb", "-1,234,567.89 €", "0.1235", "1.25", "5.2%", "7 Dec 2026"),
    ("de", "-1.234.567,89 €", "0,1235", "1,25", "5,2 %", "07/12/2026"),
    (None, "-1.234.567,89 €", "0,1235", "1,25", "5,2 %", "07/12/2026"),
])
def test_document_formats_follow_the_documents_language(language, money, price, quantity, percent, day):
    f = labels.formats_for(language)
    assert f.money(D("-1234567.885")) == money  # half-up, like every amount in Trastienda
    assert f.price(D("0.12345")) == price and f.price(D("12.5000")) in ("12,50", "12.50")
    assert f.quantity(D("1.2500")) == quantity and f.quantity(D("3.0000")) == "3"
    assert f.percent(D("5.2000")) == percent
    assert f.date(dt.date(2026, 12, 7)) == day
    assert f.amount(D("-0.001")) in ("0,00", "0.00")  # no "-0,00"
