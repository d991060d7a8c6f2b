"""A clerk keeps the catalogue and the stock: products, warehouses, stock moves."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton

from app.compliance.identifiers import ean13_check_digit
from app.services import products, stock, stock_rules
from app.services.listing import ListQuery
from app.services.products import ProductData, WarehouseData
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock import StockMoveData
from tests.ui.conftest import type_text, wait_idle
from ui.common.table_model import ID_ROLE
from ui.inventory.tab import InventoryTab

IVA21 = tax_rate_id("IVA21")
MAIN = fixed_id("warehouse", "MAIN")


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def make_tab(qtbot, db, inner: str = "products") -> InventoryTab:
    tab = InventoryTab(db)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    tab.tabs.setCurrentWidget(getattr(tab, inner))
    tab.activate()
    wait_idle(qtbot, tab.current_record_tab().model)
    return tab


def show(qtbot, tab: InventoryTab, inner: str):
    """Switch to an inner tab as a clerk does, and wait for its list."""
    tab.tabs.setCurrentWidget(getattr(tab, inner))
    record_tab = tab.current_record_tab()
    wait_idle(qtbot, record_tab.model)
    return record_tab


def column(record_tab, key: str) -> list:
    c = [col.key for col in record_tab.model.columns].index(key)
    return [record_tab.model.index(r, c).data() for r in range(record_tab.model.rowCount())]


def new_product(db, sku: str, **kw):
    kw.setdefault("name", f"Artículo {sku}")
    kw.setdefault("tax_rate_id", IVA21)
    return products.create_product(db, ProductData(sku=sku, **kw))


def choose_product(qtbot, field, text: str, product_id) -> None:
    type_text(qtbot, field, text)
    qtbot.waitUntil(lambda: not field.busy and field.value() == product_id, timeout=5000)


def move_count(db) -> int:
    return stock.count_moves(db, ListQuery())


# -- products ---------------------------------------------------------------------------

def test_a_bad_barcode_is_shown_next_to_its_field_then_fixed_and_saved(qtbot, sqlite_db):
    tab = make_tab(qtbot, sqlite_db)
    assert tab.current_record_tab() is tab.products
    p = tab.products
    p.action_new()
    assert p.form.fields["tax_rate_id"].value() == IVA21  # the usual rate comes preselected
    type_text(qtbot, p.form.fields["sku"], "TORN-6")
    type_text(qtbot, p.form.fields["ean"], "8412345678906")  # wrong check digit
    type_text(qtbot, p.form.fields["name"], "Tornillo métrico 6 mm")
    type_text(qtbot, p.form.fields["sale_price"], "0,1250")
    assert p.action_save() is False
    assert p.form.error_text("ean")
    assert p.form.error_text("sku") == "" and p.form.error_text("sale_price") == ""
    assert p.form.fields["ean"].text() == "8412345678906"  # nothing typed is lost
    assert products.count_products(sqlite_db) == 0

    type_text(qtbot, p.form.fields["ean"], "8412345678905")
    type_text(qtbot, p.form.fields["sale_price"], "0,12345")  # a price has at most 4 decimals
    assert p.action_save() is False
    assert "4" in p.form.error_text("sale_price") and p.form.error_text("ean") == ""
    assert products.count_products(sqlite_db) == 0

    type_text(qtbot, p.form.fields["sale_price"], "0,1250")
    assert p.action_save() is True
    wait_idle(qtbot, p.model)
    assert column(p, "sku") == ["TORN-6"]
    assert column(p, "ean") == ["8412345678905"]
    assert column(p, "sale_price") == ["0.125"]
    saved = products.find_product_by_code(sqlite_db, "8412345678905")
    assert (saved.name, saved.sale_price, saved.tax_rate_id) == ("Tornillo métrico 6 mm", Decimal("0.125"), IVA21)


def test_search_by_sku_and_barcode_and_filter_by_kind(qtbot, sqlite_db):
    for i, (sku, name) in enumerate((("TORN-6", "Tornillo 6 mm"), ("TORN-8", "Tornillo 8 mm"),
                                     ("TUER-6", "Tuerca 6 mm"))):
        new_product(sqlite_db, sku, name=name, ean=ean(i))
    new_product(sqlite_db, "MONT", name="Montaje en obra", kind="service")
    tab = make_tab(qtbot, sqlite_db)
    p = tab.products
    assert column(p, "name") == ["Montaje en obra", "Tornillo 6 mm", "Tornillo 8 mm", "Tuerca 6 mm"]

    type_text(qtbot, p.list.search, "torn")
    qtbot.waitUntil(lambda: column(p, "sku") == ["TORN-6", "TORN-8"], timeout=5000)
    type_text(qtbot, p.list.search, ean(2))
    qtbot.waitUntil(lambda: column(p, "sku") == ["TUER-6"], timeout=5000)
    p.list.search.clear()
    qtbot.waitUntil(lambda: len(column(p, "sku")) == 4, timeout=5000)

    kind = p.list.findChild(QComboBox, "filter_kind")
    kind.setCurrentIndex(kind.findData("service"))
    wait_idle(qtbot, p.model)
    assert column(p, "sku") == ["MONT"]
    assert column(p, "kind") == ["Service"]
    assert column(p, "on_hand") == [""]  # services have no stock

    header = p.list.table.horizontalHeader()  # sorting by SKU, descending, in SQL
    kind.setCurrentIndex(0)
    wait_idle(qtbot, p.model)
    sku_section = [c.key for c in p.model.columns].index("sku")
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(sku_section) + 10, header.height() // 2))
        wait_idle(qtbot, p.model)
    assert p.model.query.sort == "sku" and p.model.query.descending
    assert column(p, "sku") == ["TUER-6", "TORN-8", "TORN-6", "MONT"]


def test_archive_a_product_only_after_saying_yes(qtbot, sqlite_db, answers):
    new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    new_product(sqlite_db, "TUER-6", name="Tuerca 6 mm")
    tab = make_tab(qtbot, sqlite_db)
    p = tab.products
    p.list.table.setFocus()
    p.list.table.setCurrentIndex(p.model.index(1, 0))  # Tuerca
    answers["answers"] = [False]
    qtbot.keyClick(p.list.table, Qt.Key.Key_Delete)
    assert "TUER-6" in answers["asked"][-1][1]
    wait_idle(qtbot, p.model)
    assert column(p, "sku") == ["TORN-6", "TUER-6"]

    answers["answers"] = [True]
    qtbot.keyClick(p.list.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, p.model)
    assert column(p, "sku") == ["TORN-6"]
    assert products.find_product_by_code(sqlite_db, "TUER-6") is None
    assert products.count_products(sqlite_db, ListQuery(filters={"include_archived": True})) == 2


# -- stock moves ----------------------------------------------------------------------

def test_a_receipt_of_10_and_a_delivery_of_3_show_7_on_hand_in_the_product_list(qtbot, sqlite_db):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm", ean=ean(6), cost=Decimal("0.05"))
    stock_rules.set_stock_rule(sqlite_db, stock_rules.StockRuleData(tornillo.id, MAIN, reorder_point=Decimal("8")))
    tab = make_tab(qtbot, sqlite_db)
    assert column(tab.products, "on_hand") == ["0"]

    moves = show(qtbot, tab, "moves")
    assert tab.current_record_tab() is moves
    moves.action_new()
    f = moves.form.fields
    assert f["kind"].value() == "receipt" and f["to_warehouse_id"].value() == MAIN
    assert not f["from_warehouse_id"].isEnabled()  # a receipt comes from outside
    choose_product(qtbot, f["product_id"], "TORN-6", tornillo.id)  # a full SKU picks it at once
    qtbot.waitUntil(lambda: f["unit_cost"].text() != "", timeout=5000)  # the product's cost is offered
    type_text(qtbot, f["quantity"], "10")
    type_text(qtbot, f["reference"], "ALB-1")
    assert moves.action_save() is True

    moves.action_new()
    f["kind"].setCurrentIndex(f["kind"].findData("delivery"))
    assert f["from_warehouse_id"].value() == MAIN and f["to_warehouse_id"].value() is None
    assert not f["to_warehouse_id"].isEnabled()
    choose_product(qtbot, f["product_id"], ean(6), tornillo.id)  # a scanned barcode, too
    type_text(qtbot, f["quantity"], "3")
    assert moves.action_save() is True
    wait_idle(qtbot, moves.model)
    assert sorted(column(moves, "kind")) == ["Delivery", "Receipt"]

    p = show(qtbot, tab, "products")  # read again: the moves changed its stock
    assert column(p, "on_hand") == ["7"]
    assert p.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # 7 is below the reorder point 8
    assert stock.stock_on_hand(sqlite_db, tornillo.id) == Decimal("7")

    p.list.table.setCurrentIndex(p.model.index(0, 0))
    p.open_record(p.list.current_id())
    qtbot.waitUntil(lambda: p.stock_model.rowCount() > 0, timeout=5000)
    assert [(w.code, w.quantity) for w in p.stock_model.rows] == [("MAIN", Decimal("7"))]
    assert "7 ud" in p.stock_total.text()


def test_bad_quantities_are_refused_next_to_the_field_and_nothing_is_saved(qtbot, sqlite_db):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    tab = make_tab(qtbot, sqlite_db, "moves")
    moves = tab.moves
    moves.action_new()
    f = moves.form.fields
    choose_product(qtbot, f["product_id"], "TORN-6", tornillo.id)
    type_text(qtbot, f["unit_cost"], "1,5")
    for typed in ("abc", "1,23456", "0", ""):
        type_text(qtbot, f["quantity"], typed)
        assert moves.action_save() is False, typed
        assert moves.form.error_text("quantity"), typed
        assert f["quantity"].text() == typed  # what was typed stays to be corrected
        assert move_count(sqlite_db) == 0
    type_text(qtbot, f["quantity"], "1,23456")
    assert moves.action_save() is False
    assert "4" in moves.form.error_text("quantity")  # says how many decimals a quantity takes

    type_text(qtbot, f["quantity"], "1,2345")
    type_text(qtbot, f["date"], "31/02/2026")  # no such date
    assert moves.action_save() is False
    assert moves.form.error_text("date") and moves.form.error_text("quantity") == ""
    assert move_count(sqlite_db) == 0
    type_text(qtbot, f["date"], "28/02/2026")
    assert moves.action_save() is True
    view = stock.list_moves(sqlite_db).rows[0]
    assert view["quantity"] == Decimal("1.2345") and str(view["date"]) == "2026-02-28"


def test_a_product_typed_but_not_chosen_and_a_transfer_to_itself_are_refused(qtbot, sqlite_db):
    new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    tab = make_tab(qtbot, sqlite_db, "moves")
    moves = tab.moves
    moves.action_new()
    f = moves.form.fields
    f["kind"].setCurrentIndex(f["kind"].findData("transfer"))
    assert f["from_warehouse_id"].isEnabled() and f["to_warehouse_id"].isEnabled()
    type_text(qtbot, f["product_id"], "zzz-nothing")
    qtbot.waitUntil(lambda: not f["product_id"].busy, timeout=5000)
    f["to_warehouse_id"].set_value(MAIN)
    type_text(qtbot, f["quantity"], "2")
    assert moves.action_save() is False
    assert moves.form.error_text("product_id")
    assert move_count(sqlite_db) == 0

    choose_product(qtbot, f["product_id"], "TORN-6", products.find_product_by_code(sqlite_db, "TORN-6").id)
    assert moves.action_save() is False  # from MAIN to MAIN
    assert moves.form.error_text("to_warehouse_id")
    assert move_count(sqlite_db) == 0


def test_reverse_a_move_with_a_reason_after_confirming(qtbot, sqlite_db, answers):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    stock.record_move(sqlite_db, StockMoveData("receipt", tornillo.id, Decimal("10"), to_warehouse_id=MAIN,
                                               unit_cost=Decimal("0.05"), reference="ALB-1"))
    tab = make_tab(qtbot, sqlite_db, "moves")
    moves = tab.moves
    moves.list.table.setFocus()
    moves.list.table.setCurrentIndex(moves.model.index(0, 0))
    qtbot.keyClick(moves.list.table, Qt.Key.Key_Delete)  # Delete: reverse, not archive
    assert moves.editor.isVisible() and moves.reverse_box.isVisible()
    assert moves.reverse_error.isVisible()  # "type why", next to the reason field
    assert moves.reverse_reason.hasFocus() or moves.focusWidget() is moves.reverse_reason
    assert answers["asked"] == [] and move_count(sqlite_db) == 1

    # An open move cannot be edited: its fields are read-only and saving refuses.
    assert moves.form.fields["quantity"].isReadOnly() and not moves.save_button.isEnabled()
    assert moves.action_save() is False

    type_text(qtbot, moves.reverse_reason, "Albarán duplicado")
    answers["answers"] = [False]
    qtbot.keyClick(moves.reverse_reason, Qt.Key.Key_Return)
    assert "Receipt" in answers["asked"][-1][1]
    assert move_count(sqlite_db) == 1  # said no

    answers["answers"] = [True]
    qtbot.keyClick(moves.reverse_reason, Qt.Key.Key_Return)
    assert move_count(sqlite_db) == 2
    assert stock.stock_on_hand(sqlite_db, tornillo.id) == Decimal("0")
    wait_idle(qtbot, moves.model)
    assert sorted(column(moves, "reverses_id")) == ["", "✓"]
    # The reversal is now open: it says what it is and cannot be reversed itself.
    assert moves.note.isVisible() and not moves.reverse_box.isVisible()
    reversal_id = moves.record_id
    reversal = stock.get_move(sqlite_db, reversal_id)
    assert reversal.reason == "Albarán duplicado" and reversal.from_warehouse_id == MAIN
    moves.archive_record(reversal_id)
    assert move_count(sqlite_db) == 2

    # The original, once reversed, is refused by the service: the message shows in the box.
    original = next(r for r in stock.list_moves(sqlite_db).rows if r["reverses_id"] is None)
    moves.open_record(str(original["__id"]))
    type_text(qtbot, moves.reverse_reason, "otra vez")
    answers["answers"] = [True]
    moves.action_archive()
    assert "already been reversed" in moves.reverse_error.text()
    assert move_count(sqlite_db) == 2


def test_stock_moves_of_a_product_from_its_form_and_the_quick_filters(qtbot, sqlite_db):
    tornillo = new_product(sqlite_db, "TORN-6", name="Tornillo 6 mm")
    tuerca = new_product(sqlite_db, "TUER-6", name="Tuerca 6 mm")
    north = products.create_warehouse(sqlite_db, WarehouseData(code="NORTE", name="Almacén norte")).id
    for p, qty in ((tornillo, 10), (tuerca, 20), (tornillo, 5)):
        stock.record_move(sqlite_db, StockMoveData("receipt", p.id, qty, to_warehouse_id=MAIN, unit_cost=1))
    stock.record_move(sqlite_db, StockMoveData("transfer", tuerca.id, 4, from_warehouse_id=MAIN,
                                               to_warehouse_id=north))
    tab = make_tab(qtbot, sqlite_db)
    p = tab.products
    p.open_record(str(tornillo.id))
    qtbot.waitUntil(lambda: p.stock_model.rowCount() > 0, timeout=5000)
    assert [w.code for w in p.stock_model.rows] == ["MAIN", "NORTE"] and "15 ud" in p.stock_total.text()
    qtbot.mouseClick(p.moves_button, Qt.MouseButton.LeftButton)
    assert tab.current_record_tab() is tab.moves
    moves = tab.moves
    wait_idle(qtbot, moves.model)
    assert column(moves, "sku") == ["TORN-6", "TORN-6"]
    assert moves.product_filter.isVisible() and "TORN-6" in moves.product_filter_label.text()

    qtbot.mouseClick(moves.findChild(QToolButton, "clear_product_filter"), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, moves.model)
    assert len(column(moves, "sku")) == 4
    kind = moves.list.findChild(QComboBox, "filter_kind")
    kind.setCurrentIndex(kind.findData("transfer"))
    wait_idle(qtbot, moves.model)
    assert column(moves, "to_warehouse") == ["NORTE"]
    kind.setCurrentIndex(0)
    where = moves.list.findChild(QComboBox, "filter_warehouse_id")
    where.setCurrentIndex([where.itemText(i) for i in range(where.count())].index("NORTE"))
    wait_idle(qtbot, moves.model)
    assert column(moves, "sku") == ["TUER-6"]
    where.setCurrentIndex(0)
    date_from = moves.list.findChild(QLineEdit, "filter_date_from")
    type_text(qtbot, date_from, "01/01/2099")
    qtbot.keyClick(date_from, Qt.Key.Key_Return)
    wait_idle(qtbot, moves.model)
    assert moves.model.rowCount() == 0


def test_warehouses_create_with_errors_next_to_fields_and_new_ones_reach_the_move_form(qtbot, sqlite_db, answers):
    tab = make_tab(qtbot, sqlite_db, "warehouses")
    w = tab.warehouses
    assert column(w, "code") == ["MAIN"]
    w.action_new()
    type_text(qtbot, w.form.fields["code"], "MAIN")
    assert w.action_save() is False
    assert w.form.error_text("name")  # required
    type_text(qtbot, w.form.fields["name"], "Almacén norte")
    assert w.action_save() is False
    assert w.form.error_text("code") and w.form.error_text("name") == ""  # MAIN is taken
    assert products.count_warehouses(sqlite_db) == 1
    type_text(qtbot, w.form.fields["code"], "NORTE")
    type_text(qtbot, w.form.fields["city"], "Huesca")
    assert w.action_save() is True
    wait_idle(qtbot, w.model)
    assert column(w, "code") == ["MAIN", "NORTE"]

    moves = show(qtbot, tab, "moves")  # the new warehouse is offered at once
    labels = [moves.form.fields["to_warehouse_id"].itemText(i)
              for i in range(moves.form.fields["to_warehouse_id"].count())]
    assert any(label.startswith("NORTE") for label in labels)


def test_switching_inner_tabs_routes_the_menu_actions_and_unsaved_work_is_asked_about(qtbot, sqlite_db, answers):
    tab = make_tab(qtbot, sqlite_db)
    statuses = []
    tab.sig_status.connect(statuses.append)
    tab.action_new()
    assert tab.products.editor.isVisible()
    type_text(qtbot, tab.products.form.fields["name"], "A medio escribir")
    show(qtbot, tab, "warehouses")
    tab.action_new()  # goes to the warehouses tab now
    assert tab.warehouses.editor.isVisible()
    assert tab.warehouses.action_save() is False  # empty: not saved
    assert statuses  # the inner tab's message reaches the window
    answers["answers"] = [False]
    assert tab.may_close() is False
    assert tab.current_record_tab() is tab.products  # shown what would be lost
    assert tab.products.form.fields["name"].text() == "A medio escribir"
    answers["answers"] = [True]
    assert tab.may_close() is True


# -- the list models ------------------------------------------------------------------

def _check_model(qtbot, qtmodeltester, record_tab, expected: int) -> None:
    record_tab.model.page_size = 20
    record_tab.model._query = record_tab.model.query.__class__(**{**record_tab.model.query.__dict__, "limit": 20})
    record_tab.model.refresh()
    qtbot.waitUntil(lambda: record_tab.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(record_tab.model)
    wait_idle(qtbot, record_tab.model)
    assert record_tab.model.rowCount() == expected
    for r in range(expected):  # every row's page read, scrolling down as a clerk would
        record_tab.list.table.scrollTo(record_tab.model.index(r, 0))
        record_tab.model.index(r, 0).data()
        wait_idle(qtbot, record_tab.model)
    assert all(record_tab.model.index(r, 0).data(ID_ROLE) for r in range(expected))
    qtmodeltester.check(record_tab.model)


def test_the_three_list_models_pass_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester,
                                                                                   sqlite_db):
    for i in range(45):
        p = new_product(sqlite_db, f"P{i:03d}")
        stock.record_move(sqlite_db, StockMoveData("receipt", p.id, i + 1, to_warehouse_id=MAIN, unit_cost=1))
        products.create_warehouse(sqlite_db, WarehouseData(code=f"W{i:02d}", name=f"Almacén {i}"))
    tab = InventoryTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.show()
    _check_model(qtbot, qtmodeltester, tab.products, 45)
    assert column(tab.products, "on_hand")[:3] == ["1", "2", "3"]
    _check_model(qtbot, qtmodeltester, tab.moves, 45)
    _check_model(qtbot, qtmodeltester, tab.warehouses, 46)
