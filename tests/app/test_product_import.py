"""A clerk imports the product list a supplier or a spreadsheet gave them.

Scenarios: files as Excel and other tools write them (encodings, separators,
decimal commas), every kind of bad row named by line and column, refusing
writes nothing, skipping writes the rest, and updating an existing catalogue.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.enums import ProductKind
from app.domain.inventory import Product
from app.services import products
from app.services.product_import import (
    ImportCancelled, ImportRefused, check_products, import_products, parse_number, read_product_csv,
)
from app.services.products import ProductData
from app.services.setup import tax_rate_id

D = Decimal
GOOD_EAN = "8412345678905"
OTHER_EAN = "8480000123459"
BAD_EAN = "8412345678900"  # the check digit should be 5


def count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Product)).scalar_one()


def by_sku(db, sku: str):
    return products.find_product_by_code(db, sku)


def messages(preview) -> list[str]:
    return [str(e) for e in preview.errors]


SPANISH = ("Referencia;Descripción;Familia;PVP;Coste;IVA;Código de barras;Tipo\r\n"
           "TOR-01;Tornillo cabeza hexagonal ñ;Tornillería;1.234,56 €;800,5;21%;{ean};Producto\r\n"
           "PIN-02;Pintura plástica blanca;Pinturas;12,5;7;10;;producto\r\n"
           "SRV-03;Montaje a domicilio;Servicios;30;0;21,00;;Servicio\r\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_spanish_excel_file_reads_the_same_in_each_encoding(db, encoding):
    data = SPANISH.format(ean=GOOD_EAN).encode(encoding)
    preview = read_product_csv(data, db)
    assert preview.encoding == ("Windows-1252" if encoding == "cp1252" else "UTF-8")
    assert preview.delimiter == ";"
    assert preview.errors == []
    assert [r.line for r in preview.rows] == [2, 3, 4]
    assert preview.rows[0].cells["name"] == "Tornillo cabeza hexagonal ñ"

    result = import_products(db, preview)
    assert (result.created, result.updated, result.skipped) == (3, 0, 0)
    screw = by_sku(db, "TOR-01")
    assert screw.name == "Tornillo cabeza hexagonal ñ" and screw.category == "Tornillería"
    assert screw.sale_price == D("1234.56") and screw.cost == D("800.5") and screw.ean == GOOD_EAN
    assert screw.tax_rate_id == tax_rate_id("IVA21")
    paint = by_sku(db, "PIN-02")
    assert paint.sale_price == D("12.5") and paint.tax_rate_id == tax_rate_id("IVA10") and paint.ean is None
    assert paint.unit == "ud" and paint.kind == ProductKind.PRODUCT  # the form's defaults
    assert by_sku(db, "SRV-03").kind == ProductKind.SERVICE


@pytest.mark.parametrize("sep", [",", "\t"])
def test_comma_and_tab_separated_files_with_decimal_points(db, sep):
    rows = [["sku", "name", "price", "cost", "tax", "unit"],
            ["A-1", '"Cable 3x2,5 mm"', "1234.56", "0.1234", "4", "m"],
            ["A-2", "Enchufe", '"1.234,56"', "2", "IVA0", "ud"]]
    data = "\n".join(sep.join(r) for r in rows).encode()
    preview = read_product_csv(data, db)
    assert preview.delimiter == sep and preview.errors == []
    import_products(db, preview)
    cable = by_sku(db, "A-1")
    assert cable.name == "Cable 3x2,5 mm" and cable.sale_price == D("1234.56") and cable.cost == D("0.1234")
    assert cable.tax_rate_id == tax_rate_id("IVA4") and cable.unit == "m"
    plug = by_sku(db, "A-2")
    assert plug.sale_price == D("1234.56") and plug.tax_rate_id == tax_rate_id("IVA0")


def test_numbers_as_spreadsheets_write_them():
    assert parse_number("1.234,56") == parse_number("1234.56") == parse_number("1,234.56") == D("1234.56")
    assert parse_number("12,5") == parse_number("12.5") == D("12.5")
    assert parse_number("1.234.567") == D("1234567")
    assert parse_number("9,99 €") == D("9.99") and parse_number("21%") == D("21")
    for bad in ("", "abc", "1,2,3", "1.2.3,4,5", "12-5"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_a_missing_required_column_is_one_error_naming_it_and_the_columns_found(db):
    data = "Descripción;PVP;IVA\nTornillo;1;21\nTuerca;2;21\n".encode("cp1252")
    preview = read_product_csv(data, db)
    assert preview.rows == []
    assert len(preview.errors) == 1
    error = preview.errors[0]
    assert error.line == 1
    assert "SKU" in error.message and "referencia" in error.message
    assert "Columns found: Descripción, PVP, IVA" in error.message
    with pytest.raises(ImportRefused):
        import_products(db, data, skip_errors=True)  # skipping rows cannot fix a file
    assert count(db) == 0


def test_each_bad_cell_is_named_by_its_line_and_column(db):
    data = ("sku;nombre;precio;iva;ean;tipo\n"
            "OK-1;Bueno;1;21;;\n"
            f"E-1;Mal código;1;21;{BAD_EAN};\n"
            "E-2;Precio raro;uno;7;;cosa\n"
            ";Sin referencia;1;21;;\n"
            "E-4;Negativo;-3;21;8,41235E+12;\n").encode()
    preview = read_product_csv(data, db)
    assert preview.error_rows == 4 and [r.line for r in preview.ready_rows] == [2]
    got = {(e.line, e.column): e.message for e in preview.errors}
    assert got[(3, "ean")].startswith("Not a valid EAN-13 barcode")
    assert got[(4, "precio")] == "Not a number: uno"
    assert "No IVA rate of 7%" in got[(4, "iva")] and "21" in got[(4, "iva")]
    assert "Unknown kind cosa" in got[(4, "tipo")]
    assert got[(5, "sku")] == "This field is required."
    assert got[(6, "precio")] == "Must be at least 0.00."
    assert "Excel turned this barcode into a number" in got[(6, "ean")]
    assert "Line 3, ean: Not a valid EAN-13 barcode" in messages(preview)[0]


def test_the_same_sku_or_barcode_twice_in_the_file_flags_both_lines(db):
    data = (f"sku,name,ean\nD-1,Uno,{GOOD_EAN}\nD-2,Dos,{OTHER_EAN}\nD-1,Uno bis,\nD-3,Tres,{GOOD_EAN}\n").encode()
    preview = read_product_csv(data, db)
    got = {(e.line, e.field): e.message for e in preview.errors}
    assert got == {(2, "sku"): "SKU D-1 is also on line 4.", (4, "sku"): "SKU D-1 is also on line 2.",
                   (2, "ean"): f"Barcode {GOOD_EAN} is also on line 5.",
                   (5, "ean"): f"Barcode {GOOD_EAN} is also on line 2."}
    assert import_products(db, preview, skip_errors=True).created == 1  # only D-2 is beyond doubt
    assert by_sku(db, "D-2") is not None and by_sku(db, "D-1") is None


def test_refusing_writes_nothing_and_skipping_writes_the_good_rows(db):
    products.create_product(db, ProductData(sku="OLD", name="Ya estaba", sale_price=D(1),
                                            tax_rate_id=tax_rate_id("IVA21")))
    data = "sku;name;price\nN-1;Nuevo uno;1\nN-2;Nuevo dos;x\nN-3;Nuevo tres;3\nOLD;Otra vez;9\n".encode()
    before = count(db)
    with pytest.raises(ImportRefused) as caught:
        import_products(db, data)
    assert count(db) == before  # not even the good rows
    assert {(e.line, e.field) for e in caught.value.row_errors} == {(3, "sale_price"), (5, "sku")}
    assert "Line 5, sku: SKU OLD already exists." in str(caught.value)

    result = import_products(db, data, skip_errors=True)
    assert (result.created, result.updated, result.skipped) == (2, 0, 2)
    assert count(db) == before + 2
    assert by_sku(db, "OLD").name == "Ya estaba"  # an existing SKU is not touched without the update option


def test_update_mode_changes_the_columns_in_the_file_and_keeps_the_others(db):
    view = products.create_product(db, ProductData(
        sku="T-1", name="Taladro", category="Herramientas", ean=GOOD_EAN, sale_price=D("50"), cost=D("30"),
        tax_rate_id=tax_rate_id("IVA10"), unit="ud"))
    data = "Referencia;Nombre;PVP\nT-1;Taladro percutor;59,90\nT-2;Broca;3\n".encode("cp1252")

    preview = read_product_csv(data, db, existing="update")
    assert preview.errors == [] and [r.action for r in preview.rows] == ["update", "create"]
    result = import_products(db, preview, existing="update")
    assert (result.created, result.updated, result.skipped) == (1, 1, 0)
    drill = products.get_product(db, view.id)
    assert drill.name == "Taladro percutor" and drill.sale_price == D("59.90")
    assert (drill.category, drill.ean, drill.cost, drill.tax_rate_id) == ("Herramientas", GOOD_EAN, D("30"),
                                                                           tax_rate_id("IVA10"))
    assert drill.version == view.version + 1

    # The same file without the option: the existing SKU is an error, ticking the option clears it.
    again = read_product_csv(data, db)
    assert {(e.line, e.message) for e in again.errors} == {(2, "SKU T-1 already exists."),
                                                          (3, "SKU T-2 already exists.")}
    assert check_products(db, again, "update").errors == []


def test_update_mode_keeps_the_product_rules(db):
    products.create_product(db, ProductData(sku="X-1", name="Uno", ean=GOOD_EAN, sale_price=D(1),
                                            tax_rate_id=tax_rate_id("IVA21")))
    products.create_product(db, ProductData(sku="X-2", name="Dos", sale_price=D(1), tax_rate_id=tax_rate_id("IVA21")))
    data = f"sku,name,ean\nX-2,Dos,{GOOD_EAN}\n".encode()
    preview = read_product_csv(data, db, existing="update")
    assert [(e.line, e.field, e.message) for e in preview.errors] == [
        (2, "ean", f"Barcode {GOOD_EAN} is already used by another product.")]


def test_the_import_checks_again_inside_its_transaction(db):
    data = "sku;name\nR-1;Rápido\nR-2;Lento\n".encode()
    preview = read_product_csv(data, db)
    assert preview.errors == []
    # Another clerk saves R-2 between the preview and the import.
    products.create_product(db, ProductData(sku="R-2", name="Otro", sale_price=D(1), tax_rate_id=tax_rate_id("IVA21")))
    with pytest.raises(ImportRefused) as caught:
        import_products(db, preview)
    assert [(e.line, e.field) for e in caught.value.row_errors] == [(3, "sku")]
    assert count(db) == 1


def test_line_numbers_follow_excel_rows_when_a_quoted_cell_spans_lines(db):
    data = 'sku;name;price\nM-1;"Mesa\nplegable";10\nM-2;Silla;abc\n'.encode()
    preview = read_product_csv(data, db)
    assert preview.rows[0].cells["name"] == "Mesa\nplegable"
    assert [(e.line, e.column) for e in preview.errors] == [(3, "price")]


def test_a_row_with_more_cells_than_the_header_is_named(db):
    data = b"sku,name,price\nC-1,Cinta,1,50\n"
    preview = read_product_csv(data, db)
    assert [(e.line, e.field) for e in preview.errors] == [(2, "row")]
    assert "4 cells" in preview.errors[0].message and "quotes" in preview.errors[0].message


def test_files_that_are_not_a_product_csv_get_one_clear_error(db):
    assert "Excel workbook" in read_product_csv(b"PK\x03\x04rest of a zip", db).errors[0].message
    assert read_product_csv(b"", db).errors[0].message == "The file is empty."
    assert "UTF-8 or Windows-1252" in read_product_csv(b"sku;name\n\x81\x8d\x8f;x\n", db).errors[0].message
    twice = read_product_csv("sku;nombre;descripción\n1;a;b\n".encode(), db).errors
    assert len(twice) == 1 and "nombre" in twice[0].message and "descripción" in twice[0].message


def test_excel_sep_hint_line_text_cells_and_ignored_columns(db):
    data = f'sep=,\nsku,name,Stock,Notas,ean\nH-1,Hilo,3,x,"=""{GOOD_EAN}"""\n'.encode("utf-8-sig")
    preview = read_product_csv(data, db)
    assert preview.delimiter == "," and preview.ignored == ["Stock", "Notas"]
    assert preview.rows[0].cells["ean"] == GOOD_EAN  # ="..." keeps Excel from making it a number
    assert preview.errors == [] and preview.rows[0].line == 2
    assert import_products(db, preview).created == 1


def test_progress_is_reported_and_cancelling_writes_nothing(db):
    data = ("sku;name;price\n" + "".join(f"Z-{n:03d};Zapato {n};{n},5\n" for n in range(250))).encode()
    reports = []
    preview = read_product_csv(data, db, progress=lambda done, total: reports.append((done, total)))
    assert reports == [(0, 250), (100, 250), (200, 250), (250, 250)]

    reports.clear()
    with pytest.raises(ImportCancelled):  # cancelled while the rows are checked again
        import_products(db, preview, progress=lambda done, total: reports.append(done),
                        cancelled=lambda: len(reports) >= 2)
    assert reports == [0, 100] and count(db) == 0
    done = []
    with pytest.raises(ImportCancelled):  # cancelled once every row was written, before the commit
        import_products(db, preview, progress=lambda d, total: done.append(d), cancelled=lambda: 250 in done)
    assert count(db) == 0
    assert import_products(db, preview).created == 250
