"""Print labels from the product list: select products, set copies and sheet, preview, save, print.

The saved PDF and the printed job (a QPrinter writing a PDF, as in the invoice
printing tests) are read back with zbar: every barcode must scan to its product,
in the slot it should be in.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from app.compliance.identifiers import ean13_check_digit
from app.documents.barcode_labels import LAYOUTS
from app.services import products
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.test_barcode_labels import read_page, read_slot
from tests.ui.conftest import wait_idle
from ui.common.formatting import format_decimal
from tests.ui.test_invoice_printing import pdf_printer
from ui.inventory.labels_dialog import LabelsDialog
from ui.inventory.tab import InventoryTab
from ui.invoices import preview


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


@pytest.fixture
def catalogue(sqlite_db):
    db = sqlite_db
    made = [
        products.create_product(db, ProductData(sku="A-TORN", name="Tornillo 6 mm", ean=ean(1),
                                                tax_rate_id=tax_rate_id("IVA21"), sale_price=D("0.1250"))),
        products.create_product(db, ProductData(sku="B-LIB", name="Libro de cuentas", ean=ean(2),
                                                tax_rate_id=tax_rate_id("IVA4"), sale_price=D("12.50"))),
        products.create_product(db, ProductData(sku="C-CUERDA-LARGA-9", name="Cuerda de cáñamo", ean=None,
                                                tax_rate_id=tax_rate_id("IVA21"), sale_price=D("3.00"))),
    ]
    return db, made


def products_tab(qtbot, db):
    tab = InventoryTab(db)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    tab.tabs.setCurrentWidget(tab.products)
    tab.activate()
    wait_idle(qtbot, tab.products.model)
    tab.products.list.save_header()
    return tab.products


def select_rows(qtbot, tab, *rows: int) -> None:
    """Click the first row, then Ctrl+click the others, as a clerk does."""
    table = tab.list.table
    table.setFocus()
    model = table.model()
    table.setCurrentIndex(model.index(rows[0], 0))
    for r in rows[1:]:
        table.selectionModel().setCurrentIndex(
            model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def open_dialog(qtbot, tab) -> LabelsDialog:
    qtbot.mouseClick(tab.labels_button, Qt.MouseButton.LeftButton)
    shown = [d for d in tab.findChildren(LabelsDialog, "labels_dialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def press(qtbot, dialog, button) -> str:
    """Click a button of the dialog and wait until it says what happened ("" when nothing did)."""
    with qtbot.waitSignal(dialog.sig_done, timeout=20_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_labels_of_the_selected_products_are_saved_where_a_used_sheet_starts(qtbot, catalogue, tmp_path, monkeypatch):
    db, (screws, book, rope) = catalogue
    tab = products_tab(qtbot, db)
    # Rows are sorted by name: Cuerda, Libro, Tornillo. Select the rope and the screws, not the book.
    assert [tab.model.index(r, 0).data() for r in range(3)] == ["C-CUERDA-LARGA-9", "B-LIB", "A-TORN"]
    select_rows(qtbot, tab, 0, 2)
    dialog = open_dialog(qtbot, tab)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["C-CUERDA-LARGA-9", "A-TORN"]
    assert dialog.table.item(0, 2).text() == "Code 128 of the SKU"
    assert dialog.table.item(1, 2).text() == f"EAN-13 {ean(1)}"
    assert dialog.table.item(1, 3).text() == format_decimal(D("0.15"), 2)  # 0.1250 + 21 % IVA, as on the shelf
    dialog.activateWindow()  # the window manager's job; offscreen, the test's
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert QApplication.focusWidget() is dialog.copies[0]

    # By keyboard: 2 ropes, Tab, 3 screws; the 3 x 8 sheet from label 23 (two left on a used sheet).
    qtbot.keyClicks(dialog.copies[0], "2")
    qtbot.keyClick(dialog.copies[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.copies[1]
    qtbot.keyClicks(dialog.copies[1], "3")
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("3x8"))
    dialog.start.setValue(23)
    assert dialog.summary.text() == "Labels: 5 · A4 sheets: 2"

    saved = tmp_path / "etiquetas-tienda"
    asked = []
    monkeypatch.setattr(preview, "choose_save_path", lambda _p, name: asked.append(name) or str(saved) + ".pdf")
    assert "Saved 5 labels" in press(qtbot, dialog, dialog.save_button)
    assert asked == ["etiquetas.pdf"]
    path = tmp_path / "etiquetas-tienda.pdf"
    assert pdf.pages(path) == 2 and not (tmp_path / "etiquetas-tienda.pdf.part").exists()
    layout = LAYOUTS["3x8"]
    assert read_page(path, 1, layout, tmp_path) == [[]] * 22 + [["CODE-128:C-CUERDA-LARGA-9"]] * 2
    assert read_page(path, 2, layout, tmp_path)[:4] == [[f"EAN-13:{ean(1)}"]] * 3 + [[]]

    # Preview: the same PDF, in the app's viewer.
    assert press(qtbot, dialog, dialog.preview_button) == "preview"
    assert dialog.preview_dialog is not None and dialog.preview_dialog.isVisible()
    assert dialog.preview_dialog.page_count() == 2 and dialog.preview_dialog.data == path.read_bytes()
    dialog.preview_dialog.close()

    # The sheet chosen is remembered for next time.
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("2x7"))
    dialog.close()
    select_rows(qtbot, tab, 1)
    again = open_dialog(qtbot, tab)
    assert again.layout_key() == "2x7" and [again.table.item(0, 0).text()] == ["B-LIB"]
    assert again.start.maximum() == 14


def test_printing_sends_one_job_whose_barcodes_still_scan(qtbot, catalogue, tmp_path, monkeypatch):
    db, _made = catalogue
    tab = products_tab(qtbot, db)
    select_rows(qtbot, tab, 1, 2)  # the book and the screws
    dialog = open_dialog(qtbot, tab)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("4x10"))
    printed = tmp_path / "printer.pdf"
    pages_asked = []
    monkeypatch.setattr(preview, "choose_printer", lambda _p, pages: pages_asked.append(pages) or pdf_printer(printed))
    statuses = []
    tab.sig_status.connect(statuses.append)
    assert "Sent 1 sheets" in press(qtbot, dialog, dialog.print_button)
    assert pages_asked == [1] and statuses and "printer" in statuses[-1]
    # The printer got rasterised pages (at most 300 dpi): the bars must survive that.
    image = Image.open(pdf.png(printed, 1, 300))
    layout = LAYOUTS["4x10"]
    assert [read_slot(image, layout, slot, tmp_path) for slot in range(3)] == \
        [[f"EAN-13:{ean(2)}"], [f"EAN-13:{ean(1)}"], []]


def test_a_label_that_cannot_be_made_is_named_and_nothing_is_saved(qtbot, catalogue, tmp_path, monkeypatch):
    db, _made = catalogue
    tab = products_tab(qtbot, db)
    select_rows(qtbot, tab, 0, 1)  # the rope (no EAN, a long SKU) and the book
    dialog = open_dialog(qtbot, tab)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("4x10"))  # 52.5 mm: too narrow for it
    asked = []
    monkeypatch.setattr(preview, "choose_save_path", lambda *a: asked.append(a) or str(tmp_path / "x.pdf"))
    assert press(qtbot, dialog, dialog.save_button) == ""
    assert asked == [] and not (tmp_path / "x.pdf").exists()
    assert dialog.error_label.isVisible() and "C-CUERDA-LARGA-9" in dialog.error_label.text()
    assert dialog.copies[0].property("invalid") is True and dialog.copies[1].property("invalid") is False

    # The clerk leaves the rope out (0 copies): the error goes and the book alone is saved.
    dialog.copies[0].setValue(0)
    assert not dialog.error_label.isVisible() and dialog.copies[0].property("invalid") is False
    said = press(qtbot, dialog, dialog.save_button)
    assert "Saved 1 labels" in said, dialog.error_label.text()
    assert read_page(tmp_path / "x.pdf", 1, LAYOUTS["4x10"], tmp_path)[:2] == [[f"EAN-13:{ean(2)}"], []]

    dialog.copies[1].setValue(0)  # nothing at all
    assert press(qtbot, dialog, dialog.preview_button) == ""
    assert "Nothing to print" in dialog.error_label.text() and dialog.preview_dialog is None


def test_ctrl_p_on_the_products_tab_opens_the_labels_and_without_a_row_says_what_to_do(qtbot, catalogue):
    from ui.main_window import MainWindow

    db, _made = catalogue
    window = MainWindow(db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    inventory = window.show_tab("inventory")
    inventory.tabs.setCurrentWidget(inventory.products)
    tab = inventory.products
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.model.busy, timeout=10_000)

    tab.list.table.selectionModel().clear()
    statuses = []
    tab.sig_status.connect(statuses.append)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tab.findChild(LabelsDialog, "labels_dialog") is None
    assert statuses and "Select the products" in statuses[-1]

    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(2, 0))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.findChild(LabelsDialog, "labels_dialog")
    assert dialog is not None and [dialog.table.item(0, 0).text()] == ["A-TORN"]
    dialog.close()
