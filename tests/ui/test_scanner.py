"""A barcode scanner in the product pickers: it types the code very fast, then Enter, like a keyboard.

QTest.keyClicks with no delay is the scanner: all digits in one go, Enter right
after, before any type-ahead search could answer.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.compliance.identifiers import ean13_check_digit
from app.services import parties, products
from app.services.parties import PartyData
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.ui.conftest import wait_idle
from tests.ui.test_invoices_tab import cell, current, editor, goto, make_tab
from ui.common.formatting import ParseError, format_decimal
from ui.inventory.tab import InventoryTab
from ui.invoices.lines_model import DESCRIPTION, PRICE, PRODUCT, QUANTITY, TAX


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


UNKNOWN = ean(999)


@pytest.fixture
def shop(sqlite_db):
    db = sqlite_db
    parties.create_party(db, PartyData(legal_name="Ferretería Martínez SL", tax_id="B58378431"))
    screws = products.create_product(db, ProductData(sku="TORN-6", name="Tornillo 6 mm", ean=ean(1),
                                                     tax_rate_id=tax_rate_id("IVA21"), sale_price=D("0.1250"),
                                                     cost=D("0.05")))
    book = products.create_product(db, ProductData(sku="LIB-1", name="Libro de cuentas", ean=ean(2),
                                                   tax_rate_id=tax_rate_id("IVA4"), sale_price=D("12.50")))
    rope = products.create_product(db, ProductData(sku="CUER-10", name="Cuerda 10 m", ean=None,
                                                   tax_rate_id=tax_rate_id("IVA21"), sale_price=D("3.00")))
    return db, screws, book, rope


def scan(qtbot, widget, code: str) -> None:
    """What a scanner does: the whole code at once, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def focus():
    return QApplication.focusWidget()


def row(tab, r: int):
    return tab.lines.model.rows[r]


# -- the invoice lines --------------------------------------------------------------------

def scan_into_grid(qtbot, tab, code: str) -> None:
    """A scan into the grid: the first key opens the cell editor (as any typing does), the rest go into it."""
    view = tab.lines.view
    if not tab.lines.editing():
        qtbot.keyClicks(view, code[0])
        qtbot.waitUntil(tab.lines.editing, timeout=2000)
        code = code[1:]
    scan(qtbot, editor(tab), code)


def test_a_scanned_ean_fills_the_line_and_moves_to_the_quantity(qtbot, shop):
    db, screws, book, _rope = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    goto(tab, 0, PRODUCT)
    scan_into_grid(qtbot, tab, ean(2))
    assert row(tab, 0).product_id == book.id
    assert (cell(tab, 0, PRODUCT), cell(tab, 0, DESCRIPTION), cell(tab, 0, PRICE), cell(tab, 0, TAX)) == \
        ("LIB-1", "Libro de cuentas", format_decimal(D("12.50"), 2), "4 %")
    assert row(tab, 0).quantity == D(1)
    assert current(tab) == (0, QUANTITY) and tab.lines.editing()
    assert focus() is editor(tab)

    # The clerk types the quantity and goes on as usual.
    qtbot.keyClicks(editor(tab), "3")
    qtbot.keyClick(editor(tab), Qt.Key.Key_Return)
    assert row(tab, 0).quantity == D(3) and current(tab) == (0, PRICE)


def test_scanning_the_same_ean_again_counts_one_more_and_another_ean_starts_a_new_line(qtbot, shop):
    """Till-like: scan, scan, scan. The second scan lands in the quantity cell the first one opened."""
    db, screws, book, rope = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    goto(tab, 0, PRODUCT)
    scan_into_grid(qtbot, tab, ean(1))
    assert current(tab) == (0, QUANTITY) and tab.lines.editing()
    scan_into_grid(qtbot, tab, ean(1))  # same product: one more, not a quantity of 8.400.000.000.017
    assert row(tab, 0).quantity == D(2) and not row(tab, 0).typed
    assert current(tab) == (0, QUANTITY) and tab.lines.editing()  # ready for the next scan or a typed quantity
    scan_into_grid(qtbot, tab, ean(1))
    assert row(tab, 0).quantity == D(3)

    scan_into_grid(qtbot, tab, ean(2))  # another product: a new line, the first one keeps its 3
    assert [(r.product_id, r.quantity) for r in tab.lines.model.rows[:2]] == [(screws.id, D(3)), (book.id, D(1))]
    assert current(tab) == (1, QUANTITY) and tab.lines.editing()

    scan_into_grid(qtbot, tab, "CUER-10")  # a Code 128 label (SKU) scanned into the quantity
    assert [(r.product_id, r.quantity) for r in tab.lines.model.rows[:3]] == \
        [(screws.id, D(3)), (book.id, D(1)), (rope.id, D(1))]
    assert current(tab) == (2, QUANTITY)

    # A typed quantity is still a quantity.
    qtbot.keyClicks(editor(tab), "12")
    qtbot.keyClick(editor(tab), Qt.Key.Key_Return)
    assert row(tab, 2).quantity == D(12) and current(tab) == (2, PRICE)
    assert len(tab.lines.model.rows) == 4  # three lines and the empty one
    assert tab.lines.model.refused() == []


def test_an_unknown_code_is_refused_naming_it_and_left_to_correct(qtbot, shop):
    db, _screws, book, _rope = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    goto(tab, 0, PRODUCT)
    scan_into_grid(qtbot, tab, UNKNOWN)
    assert row(tab, 0).product_id is None  # nothing picked
    assert current(tab) == (0, PRODUCT) and tab.lines.editing()
    assert editor(tab).text() == UNKNOWN  # still there to correct
    message = tab.lines.error_label.text()
    assert tab.lines.error_label.isVisible() and UNKNOWN in message and "Line 1" in message

    # Corrected: the code is picked and the error goes.
    editor(tab).selectAll()
    scan(qtbot, editor(tab), ean(2))
    assert row(tab, 0).product_id == book.id and current(tab) == (0, QUANTITY)
    assert tab.lines.model.refused() == []

    # An unknown code scanned into the quantity cell is not taken as a quantity either.
    scan_into_grid(qtbot, tab, UNKNOWN)
    assert row(tab, 0).quantity == D(1) and row(tab, 0).product_id == book.id
    assert current(tab) == (0, QUANTITY) and tab.lines.editing() and editor(tab).text() == UNKNOWN
    assert UNKNOWN in tab.lines.error_label.text()


# -- the stock move form --------------------------------------------------------------------

def make_moves(qtbot, db):
    tab = InventoryTab(db)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    tab.tabs.setCurrentWidget(tab.moves)
    tab.activate()
    wait_idle(qtbot, tab.moves.model)
    tab.moves.action_new()
    return tab.moves


def chosen(field):
    try:
        return field.value()
    except ParseError:
        return None


def test_a_scanned_ean_picks_the_product_of_a_stock_move_and_moves_on_to_the_quantity(qtbot, shop):
    db, screws, _book, _rope = shop
    moves = make_moves(qtbot, db)
    f = moves.form.fields
    f["product_id"].setFocus()
    scan(qtbot, f["product_id"], ean(1))
    qtbot.waitUntil(lambda: chosen(f["product_id"]) == screws.id, timeout=5000)
    assert f["product_id"].text().startswith("TORN-6 Tornillo 6 mm")
    qtbot.waitUntil(lambda: focus() is f["quantity"], timeout=5000)  # Enter moved on, as Tab would
    qtbot.waitUntil(lambda: f["unit_cost"].text() != "", timeout=5000)  # the product's cost, as on a typed pick
    qtbot.keyClicks(f["quantity"], "10")
    assert moves.action_save() is True


def test_an_unknown_code_in_the_stock_move_says_so_under_the_field_and_picks_nothing(qtbot, shop):
    db, _screws, book, _rope = shop
    moves = make_moves(qtbot, db)
    f = moves.form.fields
    f["product_id"].setFocus()
    scan(qtbot, f["product_id"], UNKNOWN)
    qtbot.waitUntil(lambda: moves.form.error_text("product_id") != "", timeout=5000)
    assert UNKNOWN in moves.form.error_text("product_id")
    assert chosen(f["product_id"]) is None and f["product_id"].text() == UNKNOWN
    assert focus() is f["product_id"]  # stays, to be corrected

    f["product_id"].selectAll()
    scan(qtbot, f["product_id"], ean(2))
    qtbot.waitUntil(lambda: chosen(f["product_id"]) == book.id, timeout=5000)
    assert moves.form.error_text("product_id") == ""  # the message went with the correction
