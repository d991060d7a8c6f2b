"""File > Export list (Ctrl+E) from the window, and Import products… from the Products tab."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from app.demo import generate_demo
from app.domain.enums import ProductKind
from app.services import products
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.ui.conftest import type_text, wait_idle
from ui.common import dialogs
from ui.common import export as ui_export
from ui.common.list_panel import ListPanel
from ui.common import theme
from ui.inventory.import_dialog import ERROR_TINT, ImportDialog
from ui.inventory.tab import InventoryTab
from ui.main_window import MainWindow

IVA21 = tax_rate_id("IVA21")


@pytest.fixture
def catalogue(sqlite_db):
    for i in range(24):
        products.create_product(sqlite_db, ProductData(
            sku=f"K{i:03d}", name=("Martillo " if i % 2 else "Llave inglesa ") + f"{i}", category="Herramientas",
            kind=ProductKind.PRODUCT, sale_price=Decimal(f"{i}.5"), tax_rate_id=IVA21))
    return sqlite_db


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    return window


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


def test_ctrl_e_exports_the_products_the_search_box_finds_in_the_columns_as_arranged(
        qtbot, catalogue, answers, save_to, tmp_path):
    window = make_window(qtbot, catalogue)
    assert {a.objectName(): a.shortcut() for a in window.actions()}["export"] == QKeySequence("Ctrl+E")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    inventory = window.current_tab()
    tab = inventory.current_record_tab()
    assert tab is inventory.products
    wait_idle(qtbot, tab.model)
    type_text(qtbot, tab.list.search, "martillo")
    qtbot.keyClick(tab.list.search, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.model)
    header = tab.list.table.horizontalHeader()
    keys = [c.key for c in tab.model.columns]
    header.moveSection(header.visualIndex(keys.index("sale_price")), 0)  # the clerk drags Price first
    header.setSectionHidden(keys.index("ean"), True)
    header.setSortIndicator(keys.index("sale_price"), Qt.SortOrder.DescendingOrder)  # a click on Price
    wait_idle(qtbot, tab.model)
    out = tmp_path / "out.csv"
    asked = save_to(out)

    qtbot.keyClick(tab.list.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(title == "Export" for title, _text in answers["asked"]), timeout=10_000)

    assert asked["suggested"] == f"products-{dt.date.today().isoformat()}.csv"
    rows = read_csv(out)
    titles = [tab.model.columns[header.logicalIndex(v)].title for v in range(header.count())
              if not header.isSectionHidden(header.logicalIndex(v))]
    assert rows[0] == titles and titles[0] == "Price" and "EAN" not in titles
    skus = [r[titles.index("SKU")] for r in rows[1:]]
    assert len(skus) == 12 and all(int(s[1:]) % 2 == 1 for s in skus)  # only the hammers
    assert [r[0] for r in rows[1:]] == [f"{i},50" for i in range(23, 0, -2)]  # price descending, decimal comma
    assert ("Export", f"Exported 12 rows to {out}.") in answers["asked"]
    assert window.statusBar().currentMessage() == f"Exported 12 rows to {out}."


def test_export_to_excel_remembers_the_folder(qtbot, catalogue, answers, save_to, tmp_path):
    window = make_window(qtbot, catalogue)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    tab = window.current_tab().current_record_tab()
    wait_idle(qtbot, tab.model)
    out = tmp_path / "catalogo.xlsx"
    save_to(out)
    window.findChild(QAction, "export").trigger()
    qtbot.waitUntil(lambda: out.exists() and not ui_export._running, timeout=10_000)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<row ") == 25 and "Llave inglesa 0" in sheet
    asked = save_to(out)
    window.findChild(QAction, "export").trigger()
    assert Path(asked["suggested"]).parent == tmp_path  # the next export starts where this one went
    qtbot.waitUntil(lambda: not ui_export._running, timeout=10_000)


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, catalogue, answers, tmp_path):
    tab = InventoryTab(catalogue)
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    panel = tab.products.list
    wait_idle(qtbot, panel.model)
    out = tmp_path / "never.csv"
    job = ui_export.ExportJob(catalogue, panel, str(out), "csv", tab)
    reading = threading.Event()
    real = job.list_fn

    def slow_list(db, query):  # the first page waits until the clerk has pressed Cancel
        reading.set()
        job.cancel_event.wait(5)
        return real(db, query)

    job.list_fn = slow_list
    finished = []
    job.sig_finished.connect(lambda ok, message: finished.append((ok, message)))
    job.start()
    assert reading.wait(5)
    job.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert finished == [(False, "Export cancelled: nothing was saved.")]
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []
    assert answers["asked"] == []  # a cancel needs no message box


def test_every_list_of_the_window_exports_to_csv_and_excel(qtbot, sqlite_db, answers, save_to, tmp_path):
    """Each tab's list, and each of the Inventory tab's, as CSV and XLSX: as many rows as the list counts."""
    generate_demo(sqlite_db, customers=6, products=12, invoices=25, contracts=4, employees=5)
    window = make_window(qtbot, sqlite_db)
    targets = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        tab = window.current_tab()
        inner = getattr(tab, "tabs", None)
        for j in range(inner.count() if inner is not None and hasattr(tab, "current_record_tab") else 1):
            if inner is not None and hasattr(tab, "current_record_tab"):
                inner.setCurrentIndex(j)
            record_tab = tab.current_record_tab() if hasattr(tab, "current_record_tab") else tab
            if not isinstance(getattr(record_tab, "list", None), ListPanel):  # a tree or a calendar: says so
                out = tmp_path / f"{i}-{j}.csv"
                save_to(out)
                window.findChild(QAction, "export").trigger()
                assert window.statusBar().currentMessage() == "This tab has no list to export."
                assert not out.exists()
                continue
            targets.append(record_tab)
            wait_idle(qtbot, record_tab.model)
            for fmt in ("csv", "xlsx"):
                out = tmp_path / f"{i}-{j}.{fmt}"
                save_to(out)
                window.findChild(QAction, "export").trigger()
                qtbot.waitUntil(lambda: out.exists() and not ui_export._running, timeout=30_000)
                titles = [c.title for c in record_tab.model.columns]
                if fmt == "csv":
                    rows = read_csv(out)
                    assert rows[0] == titles
                    body = len(rows) - 1
                else:
                    with zipfile.ZipFile(out) as z:
                        body = z.read("xl/worksheets/sheet1.xml").decode().count("<row ") - 1
                assert body == record_tab.model.total and body > 0, (record_tab.list_name, fmt)
    # invoices, contracts, the inventory lists, staff, departments, leave, customers & suppliers
    assert len(targets) >= 10
    assert not any("Not exported" == title for title, _text in answers["asked"])


# -- import -----------------------------------------------------------------------------------

CSV = ("Referencia;Descripción;PVP;IVA;Código de barras\r\n"
       "IMP-1;Destornillador plano ñ;4,95 €;21;\r\n"
       "IMP-2;Alicate universal;12,30;21;8412345678900\r\n"
       "IMP-3;Cinta métrica 5 m;7,5;10;\r\n")


def test_import_dialog_previews_the_errors_and_imports_when_told_to_skip(
        qtbot, qtmodeltester, sqlite_db, answers, monkeypatch, tmp_path):
    path = tmp_path / "catalogo.csv"
    path.write_bytes(CSV.encode("cp1252"))
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_a, **_k: str(path))
    tab = InventoryTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    record_tab = tab.products
    wait_idle(qtbot, record_tab.model)

    qtbot.mouseClick(record_tab.import_button, Qt.MouseButton.LeftButton)
    dialog = record_tab.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=10_000)

    model = dialog.model
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Line", "Referencia", "Descripción", "PVP", "IVA", "Código de barras", "Action", "Errors"]
    assert model.rowCount() == 3
    assert model.index(0, 2).data() == "Destornillador plano ñ"
    assert model.index(1, 0).data() == "3" and model.index(1, 6).data() == "Skip"
    assert "Código de barras: Not a valid EAN-13 barcode" in model.index(1, 7).data()
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole).color() == theme.colour(ERROR_TINT)
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert [dialog.errors.item(i).text() for i in range(dialog.errors.count())] == [
        "Line 3, Código de barras: Not a valid EAN-13 barcode: the check digit does not match."]
    assert "3 rows (Windows-1252, separator ;): 2 new, 0 to update, 1 with errors." in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # errors remain and skipping is not ticked

    dialog.errors.itemClicked.emit(dialog.errors.item(0))
    assert dialog.table.currentIndex().row() == 1
    qtbot.mouseClick(dialog.skip_box, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)

    assert (dialog.result.created, dialog.result.updated, dialog.result.skipped) == (2, 0, 1)
    assert ("Import products", "Imported 2 new products and updated 0; 1 rows with errors were skipped.") \
        in answers["asked"]
    assert products.find_product_by_code(sqlite_db, "IMP-1").sale_price == Decimal("4.95")
    assert products.find_product_by_code(sqlite_db, "IMP-2") is None
    wait_idle(qtbot, record_tab.model)
    assert record_tab.model.rowCount() == 2  # the list read the new products


def test_ticking_update_checks_the_rows_again(qtbot, sqlite_db, answers, monkeypatch, tmp_path):
    products.create_product(sqlite_db, ProductData(sku="IMP-1", name="Viejo", sale_price=Decimal(1), tax_rate_id=IVA21))
    path = tmp_path / "precios.csv"
    path.write_text("sku,name,price\nIMP-1,Destornillador,5.25\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_a, **_k: str(path))
    dialog = ImportDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=10_000)
    assert [str(e) for e in dialog.preview.errors] == ["Line 2, sku: SKU IMP-1 already exists."]
    assert not dialog.import_button.isEnabled()
    dialog.update_box.setChecked(True)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.preview.errors == [] and dialog.model.index(0, 4).data() == "Update"
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert products.find_product_by_code(sqlite_db, "IMP-1").sale_price == Decimal("5.25")


def test_cancel_while_the_file_is_checked_stops_it_and_keeps_the_dialog_open(
        qtbot, sqlite_db, answers, monkeypatch, tmp_path):
    from ui.inventory import import_dialog

    path = tmp_path / "largo.csv"
    path.write_text("sku;name\n" + "".join(f"L-{n};Lápiz {n}\n" for n in range(500)), encoding="utf-8")
    real = import_dialog.read_product_csv
    reached = threading.Event()

    def read_until_cancelled(data, db, existing, *, progress, cancelled):
        def report(done, total):  # the first report waits for the clerk's Cancel
            progress(done, total)
            reached.set()
            for _ in range(500):
                if cancelled():
                    break
                threading.Event().wait(0.01)
        return real(data, db, existing, progress=report, cancelled=cancelled)

    monkeypatch.setattr(import_dialog, "read_product_csv", read_until_cancelled)
    dialog = ImportDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(path))
    assert dialog.busy and not dialog.import_button.isEnabled() and not dialog.choose_button.isEnabled()
    assert reached.wait(5)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 500, timeout=5_000)
    assert dialog.progress.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel: stops the reading, the dialog stays
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.isVisible() and dialog.preview is None
    assert dialog.summary.text() == "Cancelled: nothing was imported."
    assert not dialog.progress.isVisible() and dialog.choose_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # idle: Esc closes it
    assert not dialog.isVisible()


def test_the_save_dialog_adds_the_extension_of_the_chosen_kind(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    filters = [("CSV for Excel (*.csv)", ".csv"), ("Excel workbook (*.xlsx)", ".xlsx")]
    answers = iter([("/tmp/lista", "Excel workbook (*.xlsx)"), ("/tmp/lista", "CSV for Excel (*.csv)"),
                    ("/tmp/Lista.XLSX", "CSV for Excel (*.csv)"), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: next(answers))
    got = [dialogs.choose_save_path(parent, "Export", "lista.csv", filters) for _ in range(4)]
    assert got == ["/tmp/lista.xlsx", "/tmp/lista.csv", "/tmp/Lista.XLSX", None]
