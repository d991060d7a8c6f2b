"""Stock levels as a clerk meets them: negative stock asked about or refused, reorder levels typed per
warehouse (the "To reorder" list and the tab's badge follow), and what the stock is worth."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from app.domain.enums import NegativeStockPolicy
from app.services import stock
from app.services.company import CompanyData, find_company, save_company
from app.services.products import WarehouseData, create_warehouse
from app.services.stock import StockMoveData
from app.services.stock_reports import stock_value
from app.services.stock_rules import StockRuleData, set_stock_rule
from tests.ui.conftest import type_text, wait_idle
from tests.ui.test_inventory_tab import MAIN, choose_product, column, make_tab, move_count, new_product
from ui.common import dialogs
from ui.common.formatting import format_decimal
from ui.company_dialog import CompanyDialog
from ui.inventory.valuation import StockValueDialog
from ui.main_window import MainWindow

COMPANY = dict(legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1", postal_code="50001",
               city="Zaragoza")


def receive(db, product, qty, warehouse=MAIN, cost="2", date=None):
    return stock.record_move(db, StockMoveData("receipt", product.id, Decimal(qty), to_warehouse_id=warehouse,
                                               unit_cost=Decimal(cost), date=date))


def new_delivery(qtbot, moves, product, qty: str) -> None:
    moves.action_new()
    f = moves.form.fields
    f["kind"].setCurrentIndex(f["kind"].findData("delivery"))
    choose_product(qtbot, f["product_id"], product.sku, product.id)
    type_text(qtbot, f["quantity"], qty)


# -- negative stock: warn (ask) or refuse ---------------------------------------------------

def test_a_delivery_beyond_the_stock_is_asked_about_no_keeps_the_form_yes_records_it(qtbot, sqlite_db, answers):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    receive(sqlite_db, tornillo, 3)
    moves = make_tab(qtbot, sqlite_db, "moves").moves
    new_delivery(qtbot, moves, tornillo, "5")
    cost = moves.form.fields["unit_cost"]
    assert cost.isReadOnly() and cost.text() == "" and "average cost" in cost.placeholderText()

    answers["answers"] = [False]
    assert moves.action_save() is False
    title, text = answers["asked"][-1]
    assert title == "Not enough stock"
    assert "TORN-6 - Tornillo 6 mm: 3 on hand in MAIN, 5 wanted" in text and "Record anyway?" in text
    assert move_count(sqlite_db) == 1  # only the receipt
    f = moves.form.fields
    assert (f["kind"].value(), f["product_id"].value(), f["quantity"].text()) == ("delivery", tornillo.id, "5")
    assert "Not recorded" in moves.form.error_text("quantity") and moves.editor.isVisible()

    answers["answers"] = [True]
    assert moves.action_save() is True
    assert move_count(sqlite_db) == 2
    assert stock.stock_on_hand(sqlite_db, tornillo.id) == Decimal(-2)
    assert len(answers["asked"]) == 2  # asked once per try


def test_reversing_a_receipt_whose_goods_have_left_asks_first(qtbot, sqlite_db, answers):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    receipt = receive(sqlite_db, tornillo, 10)
    stock.record_move(sqlite_db, StockMoveData("delivery", tornillo.id, Decimal(8), from_warehouse_id=MAIN))
    moves = make_tab(qtbot, sqlite_db, "moves").moves
    moves.open_record(str(receipt.id))
    type_text(qtbot, moves.reverse_reason, "Albarán de otro cliente")
    answers["answers"] = [True, False]  # reverse it? yes; below zero: record anyway? no
    qtbot.keyClick(moves.reverse_reason, Qt.Key.Key_Return)
    assert answers["asked"][-1][0] == "Not enough stock" and "2 on hand in MAIN, 10 wanted" in answers["asked"][-1][1]
    assert "Not reversed" in moves.reverse_error.text() and moves.reverse_error.isVisible()
    assert move_count(sqlite_db) == 2 and stock.stock_on_hand(sqlite_db, tornillo.id) == Decimal(2)
    assert moves.reverse_reason.text() == "Albarán de otro cliente"

    answers["answers"] = [True, True]
    qtbot.keyClick(moves.reverse_reason, Qt.Key.Key_Return)
    assert move_count(sqlite_db) == 3 and stock.stock_on_hand(sqlite_db, tornillo.id) == Decimal(-8)
    assert moves.note.isVisible()  # the reversal is open now


def test_with_the_refuse_policy_the_error_is_on_the_quantity_and_nobody_is_asked(qtbot, sqlite_db, answers):
    save_company(sqlite_db, CompanyData(**COMPANY, negative_stock=NegativeStockPolicy.REFUSE))
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    receive(sqlite_db, tornillo, 3)
    moves = make_tab(qtbot, sqlite_db, "moves").moves
    new_delivery(qtbot, moves, tornillo, "5")
    assert moves.action_save() is False
    assert "does not allow negative stock" in moves.form.error_text("quantity")
    assert answers["asked"] == [] and move_count(sqlite_db) == 1
    type_text(qtbot, moves.form.fields["quantity"], "3")  # all there is: fine
    assert moves.action_save() is True
    assert stock.stock_on_hand(sqlite_db, tornillo.id) == 0


def test_receipts_take_a_unit_cost_other_moves_are_valued_at_average_cost(qtbot, sqlite_db):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm", cost=Decimal("0.05"))
    moves = make_tab(qtbot, sqlite_db, "moves").moves
    moves.action_new()
    f = moves.form.fields
    cost = f["unit_cost"]
    assert not cost.isReadOnly() and cost.focusPolicy() == Qt.FocusPolicy.StrongFocus
    choose_product(qtbot, f["product_id"], "TORN-6", tornillo.id)
    qtbot.waitUntil(lambda: cost.text() != "", timeout=5000)  # the product's cost is offered
    f["kind"].setCurrentIndex(f["kind"].findData("adjustment"))
    assert cost.isReadOnly() and cost.text() == "" and cost.focusPolicy() == Qt.FocusPolicy.NoFocus
    f["kind"].setCurrentIndex(f["kind"].findData("receipt"))
    assert not cost.isReadOnly()
    qtbot.waitUntil(lambda: cost.value() == Decimal("0.05"), timeout=5000)  # offered again


def test_the_company_dialog_sets_the_negative_stock_policy(qtbot, sqlite_db):
    dialog = CompanyDialog(sqlite_db)
    qtbot.addWidget(dialog)
    policy = dialog.form.fields["negative_stock"]
    assert policy.value() == "warn"  # warn by default
    for name, text in COMPANY.items():
        type_text(qtbot, dialog.form.fields[name], text)
    policy.setCurrentIndex(policy.findData("refuse"))
    assert dialog.save() is True
    assert find_company(sqlite_db).negative_stock == NegativeStockPolicy.REFUSE
    again = CompanyDialog(sqlite_db)
    qtbot.addWidget(again)
    assert again.form.fields["negative_stock"].value() == "refuse"


# -- reorder levels per warehouse, the "To reorder" list and the badge ----------------------

def stock_cell(p, row: int, key: str):
    keys = [c.key for c in p.stock_model.columns]
    return p.stock_model.index(row, keys.index(key))


def type_in_cell(qtbot, p, row: int, key: str, text: str, *, start_with_f2: bool = True) -> None:
    """Go to the cell, start editing (F2, or just type), type, press Enter."""
    view = p.stock_table
    view.setFocus()
    view.setCurrentIndex(stock_cell(p, row, key))
    if start_with_f2:
        qtbot.keyClick(view, Qt.Key.Key_F2)
    else:
        qtbot.keyClicks(view, text[0])  # typing on a cell starts editing it
        text = text[1:]
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    if start_with_f2:
        type_text(qtbot, editor, text)
    else:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, as in the app.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=5000)


def test_a_reorder_point_typed_in_the_warehouse_table_lists_the_product_to_reorder_and_counts_in_the_badge(
        qtbot, sqlite_db):
    north = create_warehouse(sqlite_db, WarehouseData(code="NORTE", name="Almacén norte")).id
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    new_product(sqlite_db, "TUER-6", name="Tuerca 6 mm")
    receive(sqlite_db, tornillo, 5)
    window = MainWindow(sqlite_db, "test", remember=False, tab="inventory")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    inventory_index = window.tabs.indexOf(window.tab_by_key["inventory"])
    assert window.tabs.tabText(inventory_index) == "In&ventory"  # nothing to reorder: no badge
    p = window.tab_by_key["inventory"].products
    assert [c.title for c in p.model.columns][3:7] == ["On hand", "Unit", "To order", "Stock value"]
    assert column(p, "stock_value") == [format_decimal(Decimal(10), 2), format_decimal(Decimal(0), 2)]
    assert column(p, "to_order") == ["", ""]
    assert "reorder_point" not in p.form.fields and "reorder_target" not in p.form.fields

    p.open_record(str(tornillo.id))
    qtbot.waitUntil(lambda: p.stock_model.rowCount() == 2, timeout=5000)
    assert [w.code for w in p.stock_model.rows] == ["MAIN", "NORTE"]
    assert stock_cell(p, 0, "quantity").data() == "5" and stock_cell(p, 0, "avg_cost").data() == format_decimal(2, 2)

    type_in_cell(qtbot, p, 0, "reorder_point", "10", start_with_f2=False)
    main_rule = stock.stock_by_warehouse(sqlite_db, tornillo.id)[0]
    assert main_rule.reorder_point == Decimal(10) and main_rule.to_order == Decimal(5)
    assert stock_cell(p, 0, "to_order").data() == "5"
    assert p.stock_table.currentIndex().row() == 1  # Enter went on to the next warehouse
    assert stock_cell(p, 0, "to_order").data(Qt.ItemDataRole.BackgroundRole) is not None  # yellow: due
    assert not p.dirty  # the table saves by itself; the product form has nothing unsaved
    qtbot.waitUntil(lambda: window.reorder_badge.count == 1 and not window.busy(), timeout=5000)
    assert window.tabs.tabText(inventory_index) == "In&ventory (1)"

    to_reorder = p.list.findChild(QComboBox, "filter_below_reorder")
    to_reorder.setCurrentIndex(to_reorder.findText("To reorder"))
    wait_idle(qtbot, p.model)
    assert column(p, "sku") == ["TORN-6"] and column(p, "to_order") == ["5"]

    # A target below the point: refused, kept as typed in its cell, the reason named under the table.
    type_in_cell(qtbot, p, 0, "reorder_target", "3")
    assert stock_cell(p, 0, "reorder_target").data() == "3"
    assert p.stock_model.error_for(0, "reorder_target")
    assert "MAIN · Order up to:" in p.stock_error.text() and p.stock_error.isVisible()
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[0].reorder_target is None  # nothing saved
    type_in_cell(qtbot, p, 1, "reorder_point", "dos")  # letters in the other warehouse
    assert p.stock_model.error_for(1, "reorder_point") == "Not a number."
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[1].reorder_point is None

    type_in_cell(qtbot, p, 0, "reorder_target", "20")  # fixed: saved, the error goes
    assert p.stock_model.error_for(0, "reorder_target") is None
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[0].to_order == Decimal(15)
    assert stock_cell(p, 0, "to_order").data() == "15"
    type_in_cell(qtbot, p, 1, "reorder_point", "0")  # NORTE holds none: due too
    type_in_cell(qtbot, p, 1, "location", "Pasillo 3")
    north_rule = stock.stock_by_warehouse(sqlite_db, tornillo.id)[1]
    assert (north_rule.warehouse_id, north_rule.location, north_rule.to_order) == (north, "Pasillo 3", Decimal(0))
    wait_idle(qtbot, p.model)
    assert column(p, "to_order") == ["15"]

    # Another clerk sets a reorder point on the other product: the badge counts two.
    set_stock_rule(sqlite_db, StockRuleData(_id(sqlite_db, "TUER-6"), MAIN, reorder_point=Decimal(1)))
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.tab_by_key["invoices"]))
    qtbot.waitUntil(lambda: not window.busy(), timeout=5000)
    assert window.reorder_badge.count == 1 and not window.reorder_badge.busy  # nothing counted elsewhere
    window.tabs.setCurrentIndex(inventory_index)  # showing Inventory counts again (stock may move elsewhere)
    qtbot.waitUntil(lambda: window.reorder_badge.count == 2, timeout=5000)
    assert window.tabs.tabText(inventory_index) == "In&ventory (2)"

    # Someone else changes MAIN's rule meanwhile: the row is read again and the clerk told.
    set_stock_rule(sqlite_db, StockRuleData(tornillo.id, MAIN, location="B-7", reorder_point=Decimal(4)),
                         main_rule.rule_version + 1)
    type_in_cell(qtbot, p, 0, "location", "A-1")
    assert "someone else changed" in p.stock_error.text()
    assert stock_cell(p, 0, "location").data() == "B-7" and stock_cell(p, 0, "reorder_point").data() == "4"
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[0].location == "B-7"
    type_in_cell(qtbot, p, 0, "location", "A-1")  # typed again over their version: saved
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[0].location == "A-1"
    assert not p.stock_error.isVisible()


def _id(db, sku):
    from app.services.products import find_product_by_code

    return find_product_by_code(db, sku).id


def test_keyboard_only_alt_l_type_a_location_tab_to_the_reorder_point_enter(qtbot, sqlite_db):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    receive(sqlite_db, tornillo, 5)
    tab = make_tab(qtbot, sqlite_db)
    tab.activateWindow()
    p = tab.products
    p.open_record(str(tornillo.id))
    qtbot.waitUntil(lambda: p.stock_model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(p.form.fields["name"], Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # the caption's mnemonic
    qtbot.waitUntil(p.stock_table.hasFocus, timeout=5000)
    assert p.stock_table.currentIndex() == stock_cell(p, 0, "location")  # the first cell one can type in
    qtbot.keyClicks(p.stock_table, "B")  # typing starts editing
    editor = next(e for e in p.stock_table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "-2")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # saves the location, edits the next cell one can type in
    qtbot.waitUntil(lambda: p.stock_table.currentIndex() == stock_cell(p, 0, "reorder_point")
                    and any(e.isVisible() and e is not editor
                            for e in p.stock_table.viewport().findChildren(QLineEdit)), timeout=5000)
    assert stock.stock_by_warehouse(sqlite_db, tornillo.id)[0].location == "B-2"
    editor = next(e for e in p.stock_table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "6")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.stock_table.state() != QAbstractItemView.State.EditingState, timeout=5000)
    saved = stock.stock_by_warehouse(sqlite_db, tornillo.id)[0]
    assert (saved.location, saved.reorder_point, saved.to_order) == ("B-2", Decimal(6), Decimal(1))


def test_a_service_shows_no_stock_table_and_a_new_product_neither(qtbot, sqlite_db):
    montaje = new_product(sqlite_db, "MONT", name="Montaje", kind="service")
    p = make_tab(qtbot, sqlite_db).products
    p.open_record(str(montaje.id))
    assert p.stock_label.text() == "Services have no stock." and p.stock_table.isHidden()
    p.action_new()
    assert "no stock yet" in p.stock_label.text() and p.stock_table.isHidden()


# -- stock value per warehouse ---------------------------------------------------------------

def test_the_stock_value_dialog_totals_what_stock_value_says_today_and_as_of_a_date(qtbot, sqlite_db, tmp_path,
                                                                                 monkeypatch, answers):
    north = create_warehouse(sqlite_db, WarehouseData(code="NORTE", name="Almacén norte")).id
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    tuerca = new_product(sqlite_db, "TUER-6", name="Tuerca 6 mm")
    receive(sqlite_db, tornillo, 10, cost="0.1234", date=dt.date(2025, 1, 10))
    receive(sqlite_db, tornillo, 7, cost="0.2", date=dt.date(2025, 1, 20))
    receive(sqlite_db, tuerca, 3, warehouse=north, cost="1.5", date=dt.date(2025, 2, 3))
    stock.record_move(sqlite_db, StockMoveData("delivery", tornillo.id, Decimal(4), from_warehouse_id=MAIN,
                                               date=dt.date(2025, 2, 5)))
    today = stock_value(sqlite_db)
    tab = make_tab(qtbot, sqlite_db, "warehouses")
    qtbot.mouseClick(tab.warehouses.value_button, Qt.MouseButton.LeftButton)
    dialog = tab.warehouses.findChild(StockValueDialog)
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.rows), timeout=5000)
    total = sum((w.value for w in today), Decimal(0))
    assert total == dialog.total and total > 0
    rows = dialog.texts()
    assert [r[0] for r in rows] == ["MAIN", "NORTE", ""]
    assert rows[-1][1:] == ["Total", "", format_decimal(total, 2)]
    assert rows[1][2:] == ["1", format_decimal(Decimal("4.50"), 2)]
    assert "today" in dialog.heading.text()

    type_text(qtbot, dialog.date, "31/01/2025")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # Enter shows the figures (it does not close the dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.on_date == dt.date(2025, 1, 31), timeout=5000)
    january = stock_value(sqlite_db, dt.date(2025, 1, 31))
    assert dialog.total == sum((w.value for w in january), Decimal(0)) == Decimal("2.63")  # 10 x 0,1234 + 7 x 0,2
    assert dialog.texts()[1][2:] == ["0", format_decimal(0, 2)]  # NORTE's receipt came in February

    type_text(qtbot, dialog.date, "31/02/2025")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.date_error.isVisible() and dialog.on_date == dt.date(2025, 1, 31)

    target = tmp_path / "valor.csv"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_a, **_k: str(target))
    type_text(qtbot, dialog.date, "")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.on_date is None, timeout=5000)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert answers["asked"][-1][0] == "Export"
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads the accents right
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lines[0] == ["Code", "Warehouse", "Products", "Value"]
    assert lines[2][:2] == ["NORTE", "Almacén norte"]
    assert lines[-1] == ["", "Total", "", f"{total.quantize(Decimal('0.01'))}".replace(".", ",")]
