"""`invoice list` and `invoice pdf` as a person types them: real processes on a real database file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.errors import NotFoundError, ValidationError
from app.services import invoices
from app.services.company import find_company, get_company
from app.services.invoice_documents import find_invoice_by_number, posted_invoice_ids
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import DAY, D, customer, post
from tests.app.test_cli import run


def _invoice(db, day: dt.date, number: int | None, series: str = "F", amount: str = "100") -> str:
    from app.domain.enums import InvoiceKind

    kind = {"F": InvoiceKind.INVOICE, "S": InvoiceKind.SIMPLIFIED}[series]
    party = customer(db, f"Cliente {number or 'borrador'}", None if series == "S" else "B12345674",
                     street="Calle Mayor 1", postal_code="28001", city="Madrid")
    draft = invoices.create_draft(db, InvoiceData(issue_date=day, party_id=party, kind=kind, lines=[
        InvoiceLineData(description="Servicio", quantity=D(1), unit_price=D(amount), tax_rate_id=tax_rate_id("IVA21"))]))
    if number is not None:
        post(db, draft.id, number, series)
    return draft.id


@pytest.fixture
def shop(sqlite_db):
    """A database file with the issuer, five posted invoices over three months and one draft."""
    pdf.make_company(sqlite_db)
    _invoice(sqlite_db, dt.date(2026, 1, 15), 1)
    _invoice(sqlite_db, dt.date(2026, 2, 3), 2)
    _invoice(sqlite_db, dt.date(2026, 2, 20), 3)
    _invoice(sqlite_db, dt.date(2026, 2, 21), 1, "S", "50")
    _invoice(sqlite_db, dt.date(2026, 3, 10), 4)
    _invoice(sqlite_db, dt.date(2026, 3, 11), None)
    return sqlite_db, str(sqlite_db.engine.url.database)


def test_invoice_pdf_by_number_writes_that_invoice(shop, tmp_path):
    _db, path = shop
    out = tmp_path / "f2.pdf"
    done = run("invoice", "pdf", "F2026-000002", "-o", str(out), "--db", path)
    assert done.returncode == 0, done.stderr
    assert "F2026-000002" in done.stdout
    words = pdf.flat(pdf.text(out))
    assert "Número: F2026-000002" in words and "Fecha de expedición: 03/02/2026" in words
    assert pdf.qr_codes(out)[0].endswith("numserie=F2026-000002&fecha=03-02-2026&importe=121.00")


def test_an_unknown_number_or_a_bad_request_gets_one_clear_line_and_no_file(shop, tmp_path):
    _db, path = shop
    out = tmp_path / "x.pdf"
    for args, message in (
        (["F2026-000099"], "No invoice numbered F2026-000099."),
        (["F2026-000001", "--from", "01/01/2026"], "not both"),
        (["--from", "01/01/2026"], "needs both --from and --to"),
        (["--from", "31/13/2026", "--to", "2026-12-31"], "'31/13/2026' is not a date"),
        (["--from", "01/06/2026", "--to", "30/06/2026"], "No posted invoices issued from 01/06/2026 to 30/06/2026."),
    ):
        done = run("invoice", "pdf", *args, "-o", str(out), "--db", path)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert message in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert not out.exists()


def test_invoice_pdf_batch_prints_the_posted_invoices_of_the_period_in_one_file(shop, tmp_path):
    _db, path = shop
    out = tmp_path / "feb.pdf"
    done = run("invoice", "pdf", "--from", "01/02/2026", "--to", "2026-02-28", "-o", str(out), "--db", path)
    assert done.returncode == 0, done.stderr
    assert "3 invoices written" in done.stdout
    assert pdf.pages(out) == 3
    numbers = [pdf.flat(pdf.text(out, p)).split("Número: ")[1].split()[0] for p in (1, 2, 3)]
    assert numbers == ["F2026-000002", "F2026-000003", "S2026-000001"]


def test_invoice_list_json_filters_by_series_and_status(shop):
    _db, path = shop
    everything = run("invoice", "list", "--json", "--db", path)
    assert everything.returncode == 0, everything.stderr
    rows = json.loads(everything.stdout)
    assert len(rows) == 6
    assert [r["issue_date"] for r in rows] == sorted(r["issue_date"] for r in rows)
    posted_f = json.loads(run("invoice", "list", "--json", "--series", "F", "--status", "posted", "--db", path).stdout)
    assert [r["full_number"] for r in posted_f] == [f"F2026-00000{n}" for n in (1, 2, 3, 4)]
    assert posted_f[0]["total"] == "121.00"  # exact decimal text, never a float
    drafts = json.loads(run("invoice", "list", "--json", "--status", "draft", "--db", path).stdout)
    assert len(drafts) == 1 and drafts[0]["full_number"] is None
    bad = run("invoice", "list", "--json", "--series", "ZZ", "--db", path)
    assert bad.returncode == 1 and "No invoice series with code 'ZZ'" in bad.stderr


def test_find_by_number_and_by_period_on_both_databases(db):
    pdf.make_company(db)
    first = _invoice(db, dt.date(2026, 1, 31), 1)
    second = _invoice(db, dt.date(2026, 2, 1), 2)
    draft = _invoice(db, dt.date(2026, 2, 1), None)
    assert find_invoice_by_number(db, " F2026-000002 ") == second
    with pytest.raises(NotFoundError, match="F2026-000007"):
        find_invoice_by_number(db, "F2026-000007")
    assert posted_invoice_ids(db, dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == [first]
    assert posted_invoice_ids(db, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == [first, second]
    assert draft not in posted_invoice_ids(db, DAY.replace(month=1, day=1), DAY.replace(month=12, day=31))
    with pytest.raises(ValidationError) as err:
        posted_invoice_ids(db, dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    assert err.value.field == "date_to"


def test_a_draft_cannot_be_printed_by_number(db):
    pdf.make_company(db)
    draft = _invoice(db, DAY, None)
    from app.domain.invoices import Invoice

    with db.session() as s:  # a number typed by hand onto a draft must still not print as an invoice
        s.get(Invoice, draft).full_number = "F2026-000050"
    with pytest.raises(ValidationError) as err:
        find_invoice_by_number(db, "F2026-000050")
    assert "still a draft" in err.value.errors[0].message


def test_the_company_is_read_as_plain_values_and_its_absence_is_explained(db):
    assert find_company(db) is None
    with pytest.raises(NotFoundError, match="company's details"):
        get_company(db)
    pdf.make_company(db, logo=b"\x89PNG...", province="Zaragoza", country="ES")
    company = get_company(db)
    assert (company.legal_name, company.tax_id, company.logo) == ("Suministros del Ebro SL", "A58818501", b"\x89PNG...")
    assert company.address_lines == ("Calle del Coso, 87", "50001 Zaragoza")
    assert company.verifactu_production is False
