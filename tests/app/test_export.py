"""A clerk exports a list as the screen shows it: every row of the filter, in the screen's sort and columns.

The files are read back the way a spreadsheet would: the CSV with the csv
module (``;``, UTF-8 with BOM), the XLSX by unzipping it and reading its XML
(cells, their types and number formats), so these tests need no Excel library.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from app.domain.enums import InvoiceKind, ProductKind
from app.errors import ValidationError
from app.services import export, invoices, products
from app.services.export import ExportCancelled, ExportColumn, export_rows
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.app.invoicing import DAY, D, customer, post

# As the products tab shows them after the clerk moved the price first: screen titles, screen order.
PRODUCT_COLUMNS = [
    ExportColumn("sale_price", "Precio", "price"),
    ExportColumn("sku", "Referencia"),
    ExportColumn("name", "Nombre"),
    ExportColumn("category", "Categoría"),
    ExportColumn("kind", "Tipo", "choice", {"product": "Producto", "service": "Servicio"}),
    ExportColumn("ean", "EAN"),
]
INVOICE_COLUMNS = [
    ExportColumn("full_number", "Número"),
    ExportColumn("issue_date", "Fecha", "date"),
    ExportColumn("party_name", "Cliente"),
    ExportColumn("state", "Estado", "choice", {"draft": "Borrador", "unpaid": "Pendiente", "overdue": "Vencida"}),
    ExportColumn("total", "Total", "money"),
    ExportColumn("due_date", "Vence", "date"),
]
PRICES = ["1234.5", "0.5", "12", "0.1234", "99.99", "12", "3.5", "0.05"]


@pytest.fixture
def catalogue(db) -> dict[str, ProductData]:
    """30 products and services; a third are screws ("Tornillo"), one archived, one named like a formula."""
    made = {}
    for i in range(30):
        screw = i % 3 == 0
        data = ProductData(
            sku=f"P{i:03d}", name=("Tornillo ñandú " if screw else "Pintura áurea ") + f"{i:02d}",
            kind=ProductKind.SERVICE if i % 5 == 4 else ProductKind.PRODUCT, unit="ud",
            category="Tornillería" if screw else "Pinturas", sale_price=D(PRICES[i % len(PRICES)]),
            cost=D("0.01"), tax_rate_id=tax_rate_id("IVA21"))
        view = products.create_product(db, data)
        made[data.sku] = data
        if i == 27:
            products.archive_product(db, view.id)
    products.create_product(db, ProductData(sku="P100", name="=Tornillo HYPERLINK(1)", sale_price=D("1"),
                                            tax_rate_id=tax_rate_id("IVA21")))
    return made


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def _all_ids(db, list_fn, query: ListQuery) -> list[str]:
    """The list as the screen reads it, in one big page (the reference for order and content)."""
    page = list_fn(db, ListQuery(search=query.search, sort=query.sort, descending=query.descending,
                                 filters=query.filters, limit=10_000))
    assert not page.has_more
    return [str(r["__id"]) for r in page.rows]


def test_product_list_to_csv_has_every_filtered_row_in_the_screen_order_as_spanish_excel_reads_it(
        db, catalogue, tmp_path):
    query = ListQuery(search="torn", sort="sale_price", descending=True, filters={"kind": "product"})
    path = tmp_path / "productos.csv"
    seen = []
    count = export_rows(db, products.list_products, query, PRODUCT_COLUMNS, path, "csv",
                        progress=lambda done, total: seen.append((done, total)),
                        count_fn=products.count_products, page_size=3)

    rows = _read_csv(path)
    assert rows[0] == ["Precio", "Referencia", "Nombre", "Categoría", "Tipo", "EAN"]
    body = rows[1:]
    expected = [s for s, d in catalogue.items()
                if "Tornillo" in d.name and d.kind == ProductKind.PRODUCT and s != "P027"] + ["P100"]
    assert count == len(body) == len(expected) == 8
    assert sorted(r[1] for r in body) == sorted(expected)
    # The order of the screen: price descending, ties by id, across pages of 3 read by keyset.
    by_sku = {p.sku: str(p.id) for p in (products.find_product_by_code(db, s) for s in expected)}
    assert [by_sku[r[1]] for r in body] == _all_ids(db, products.list_products, query)
    prices = [Decimal(r[0].replace(",", ".")) for r in body]
    assert prices == sorted(prices, reverse=True)
    # Decimal comma, no thousands separator; prices keep their 4 decimals, else show 2.
    texts = {r[1]: r[0] for r in body}
    assert texts["P000"] == "1234,50" and texts["P003"] == "0,1234" and texts["P018"] == "12,00"
    assert {r[4] for r in body} == {"Producto"}  # the label, as on screen
    assert {r[3] for r in body if r[1] != "P100"} == {"Tornillería"}
    # A cell Excel would run as a formula is kept as text.
    assert texts and next(r[2] for r in body if r[1] == "P100") == "'=Tornillo HYPERLINK(1)"
    assert seen[-1] == (8, 8) and len(seen) == 3


# -- reading an XLSX back without an Excel library -------------------------------------------------

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
EPOCH = dt.date(1899, 12, 30)


def _read_xlsx(path: Path) -> tuple[list[list], list[list[str]]]:
    """Rows of typed values (str, Decimal, date) and, beside them, each cell's number format."""
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                      for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", NS)}
    codes.update({0: "General", 14: "mm-dd-yy"})
    xf_formats = [codes.get(int(xf.get("numFmtId", 0)), "General")
                  for xf in styles.findall("m:cellXfs/m:xf", NS)]
    values, formats = [], []
    for row in sheet.findall("m:sheetData/m:row", NS):
        vals, fmts = [], []
        for c in row.findall("m:c", NS):
            col = ord(re.match(r"[A-Z]+", c.get("r")).group()) - ord("A")
            while len(vals) < col:
                vals.append(None)
                fmts.append("")
            fmt = xf_formats[int(c.get("s", 0))]
            kind = c.get("t")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            elif kind == "s":
                value = shared[int(c.find("m:v", NS).text)]
            else:
                value = Decimal(c.find("m:v", NS).text)
                if "yy" in fmt:
                    value = EPOCH + dt.timedelta(days=int(value))
            vals.append(value)
            fmts.append(fmt)
        values.append(vals)
        formats.append(fmts)
    return values, formats


@pytest.fixture
def book(db) -> list[uuid.UUID]:
    """40 invoices over 20 days to three customers, every other one posted."""
    parties = [customer(db, name, tax) for name, tax in
               (("Ferretería Núñez SL", "B12345674"), ("Bravo SA", "A58818501"), ("Cía. Ávila SL", "B87654323"))]
    ids, number = [], 0
    for i in range(40):
        view = invoices.create_draft(db, InvoiceData(
            kind=InvoiceKind.INVOICE, issue_date=DAY + dt.timedelta(days=i % 20), party_id=parties[i % 3],
            lines=[InvoiceLineData(description="Artículo", quantity=D(1 + i % 4), unit_price=D(f"{10 + i % 7}.35"),
                                   tax_rate_id=tax_rate_id("IVA21"))]))
        if i % 2 == 0:
            number += 1
            post(db, view.id, number)
        ids.append(view.id)
    return ids


def test_invoice_list_to_xlsx_holds_real_numbers_and_dates_in_the_screen_order(db, book, tmp_path):
    query = ListQuery(sort="total", descending=True,
                      filters={"date_from": DAY + dt.timedelta(days=5), "date_to": DAY + dt.timedelta(days=14)})
    path = tmp_path / "facturas.xlsx"
    count = export_rows(db, invoices.list_invoices, query, INVOICE_COLUMNS, path, "xlsx",
                        count_fn=invoices.count_invoices, sheet_name="Facturas: marzo/abril", page_size=7)

    values, formats = _read_xlsx(path)
    assert values[0] == ["Número", "Fecha", "Cliente", "Estado", "Total", "Vence"]
    body, body_formats = values[1:], formats[1:]
    assert count == len(body) == 20
    ids = _all_ids(db, invoices.list_invoices, query)
    views = [invoices.get_invoice(db, uuid.UUID(i)) for i in ids]
    assert [row[4] for row in body] == [v.total for v in views]  # the exact amounts, in the screen's order
    assert [row[4] for row in body] == sorted((v.total for v in views), reverse=True)
    assert [row[1] for row in body] == [v.issue_date for v in views]
    assert all(DAY + dt.timedelta(days=5) <= row[1] <= DAY + dt.timedelta(days=14) for row in body)
    assert [row[0] for row in body] == [v.full_number for v in views]  # drafts: an empty cell
    assert {f[4] for f in body_formats} == {"#,##0.00"} and {f[1] for f in body_formats} == {"dd/mm/yyyy"}
    assert {row[3] for row in body} <= {"Borrador", "Pendiente", "Vencida"}
    assert "Borrador" in {row[3] for row in body}
    with zipfile.ZipFile(path) as z:
        assert 'name="Facturas  marzo abril"' in z.read("xl/workbook.xml").decode()


def test_the_same_invoices_as_csv_read_as_the_xlsx(db, book, tmp_path):
    query = ListQuery(sort="issue_date", filters={"date_to": DAY + dt.timedelta(days=3)})
    export_rows(db, invoices.list_invoices, query, INVOICE_COLUMNS, tmp_path / "f.csv", "csv", page_size=5)
    export_rows(db, invoices.list_invoices, query, INVOICE_COLUMNS, tmp_path / "f.xlsx", "xlsx", page_size=5)
    rows = _read_csv(tmp_path / "f.csv")
    values, _formats = _read_xlsx(tmp_path / "f.xlsx")
    assert len(rows) == len(values) == 9
    for text_row, typed in zip(rows[1:], values[1:]):
        assert text_row[1] == typed[1].strftime("%d/%m/%Y")
        assert text_row[4] == f"{typed[4]:.2f}".replace(".", ",")
        assert text_row[0] == (typed[0] or "") and text_row[2] == typed[2]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cancelling_leaves_no_file_and_keeps_an_older_one(sqlite_db, tmp_path, fmt):
    for i in range(12):
        products.create_product(sqlite_db, ProductData(sku=f"C{i:02d}", name=f"Cola {i}", sale_price=D(1),
                                                       tax_rate_id=tax_rate_id("IVA21")))
    out = tmp_path / "out"
    out.mkdir()
    path = out / f"old.{fmt}"
    path.write_bytes(b"the export of yesterday")
    pages = []

    def list_fn(db, query):
        pages.append(query.after)
        return products.list_products(db, query)

    with pytest.raises(ExportCancelled):
        export_rows(sqlite_db, list_fn, ListQuery(), PRODUCT_COLUMNS, path, fmt, page_size=5,
                    cancelled=lambda: len(pages) >= 2)
    assert len(pages) == 2  # stopped between pages, not at the end
    assert path.read_bytes() == b"the export of yesterday"
    assert sorted(p.name for p in out.iterdir()) == [path.name]  # no temporary file left


def test_xlsx_refuses_a_list_longer_than_a_sheet_and_suggests_csv(sqlite_db, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    path = out / "big.xlsx"
    with pytest.raises(ValidationError) as caught:
        export_rows(sqlite_db, products.list_products, ListQuery(), PRODUCT_COLUMNS, path, "xlsx",
                    count_fn=lambda _db, _q: 1_048_576)
    assert caught.value.field == "format" and "CSV" in str(caught.value) and "1.048.576" in str(caught.value)
    assert list(out.iterdir()) == []
    # Rows added after the count: the limit holds while writing too, and nothing is left behind.
    for i in range(6):
        products.create_product(sqlite_db, ProductData(sku=f"B{i}", name=f"Bota {i}", sale_price=D(1),
                                                       tax_rate_id=tax_rate_id("IVA21")))
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 5)
    with pytest.raises(ValidationError, match="CSV"):
        export_rows(sqlite_db, products.list_products, ListQuery(), PRODUCT_COLUMNS, path, "xlsx", page_size=2)
    assert list(out.iterdir()) == []


def test_an_empty_list_gives_the_headers_and_an_unknown_format_is_refused(sqlite_db, tmp_path):
    query = ListQuery(search="nothing like this")
    assert export_rows(sqlite_db, products.list_products, query, PRODUCT_COLUMNS, tmp_path / "e.csv", "csv") == 0
    assert _read_csv(tmp_path / "e.csv") == [[c.title for c in PRODUCT_COLUMNS]]
    assert export_rows(sqlite_db, products.list_products, query, PRODUCT_COLUMNS, tmp_path / "e.xlsx", "xlsx") == 0
    assert _read_xlsx(tmp_path / "e.xlsx")[0] == [[c.title for c in PRODUCT_COLUMNS]]
    with pytest.raises(ValidationError) as caught:
        export_rows(sqlite_db, products.list_products, query, PRODUCT_COLUMNS, tmp_path / "e.ods", "ods")
    assert caught.value.field == "format"
    assert not (tmp_path / "e.ods").exists()


def test_csv_cells_for_each_kind_of_column(tmp_path, sqlite_db):
    """Quantities without trailing zeros, booleans as a word, phone numbers untouched, dates dd/mm/yyyy."""
    from app.services.listing import Page

    row = {"q": Decimal("3.5000"), "p": Decimal("21.00"), "b": True, "n": False, "t": "+34 600 123 456",
           "f": "-1+2", "d": dt.date(2026, 1, 5), "m": Decimal("-1234.5"), "__id": uuid.uuid4()}
    columns = [ExportColumn("q", "Q", "quantity"), ExportColumn("p", "P", "percent"), ExportColumn("b", "B", "bool"),
               ExportColumn("n", "N", "bool"), ExportColumn("t", "T"), ExportColumn("f", "F"),
               ExportColumn("d", "D", "date"), ExportColumn("m", "M", "money"), ExportColumn("x", "X")]
    export_rows(sqlite_db, lambda _db, _q: Page([row], None), ListQuery(), columns, tmp_path / "k.csv", "csv")
    assert _read_csv(tmp_path / "k.csv")[1] == ["3,5", "21", "Yes", "", "+34 600 123 456", "'-1+2", "05/01/2026",
                                                "-1234,50", ""]


def test_a_file_locked_by_excel_or_a_missing_folder_gets_a_clear_message(sqlite_db, tmp_path, monkeypatch):
    from app.errors import TrastiendaError

    with pytest.raises(TrastiendaError, match="Cannot write in"):
        export_rows(sqlite_db, products.list_products, ListQuery(), PRODUCT_COLUMNS, tmp_path / "no" / "x.csv", "csv")
    locked = tmp_path / "abierto.xlsx"
    locked.write_bytes(b"open in Excel")

    def windows_lock(_src, _dst):  # what Windows answers while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(export.os, "replace", windows_lock)
    with pytest.raises(TrastiendaError, match="abierto.xlsx cannot be replaced: is it open in Excel?"):
        export_rows(sqlite_db, products.list_products, ListQuery(), PRODUCT_COLUMNS, locked, "xlsx")
    assert locked.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []
