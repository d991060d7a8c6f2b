"""A clerk counts the warehouse in the Inventory tab: starts a count, types and scans quantities, posts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.compliance.identifiers import ean13_check_digit
from app.domain.enums import StockCountStatus
from app.services import products, stock, stock_counts
from app.services.listing import ListQuery
from app.services.products import ProductData
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock import StockMoveData
from app.services.stock_reports import check_stock_levels
from app.services.stock_rules import StockRuleData, set_stock_rule
from tests.ui.conftest import type_text, wait_idle
from ui.inventory.tab import InventoryTab

IVA21 = tax_rate_id("IVA21")
MAIN = fixed_id("warehouse", "MAIN")


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def stocked(db, sku: str, qty: int, *, location: str | None = None, **kw):
    kw.setdefault("name", f"Artículo {sku}")
    view = products.create_product(db, ProductData(sku=sku, tax_rate_id=IVA21, cost=Decimal("2"), **kw))
    if qty:
        stock.record_move(db, StockMoveData("receipt", view.id, qty, to_warehouse_id=MAIN, unit_cost=Decimal("1")))
    if location:
        set_stock_rule(db, StockRuleData(view.id, MAIN, location=location))
    return view.id


def open_counts(qtbot, db):
    tab = InventoryTab(db)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.tabs.setCurrentWidget(tab.counts)
    tab.activate()
    counts = tab.current_record_tab()
    assert counts is tab.counts
    wait_idle(qtbot, counts.model)
    return tab, counts


def wait_counts(qtbot, counts) -> None:
    qtbot.waitUntil(lambda: not counts.busy, timeout=15_000)


def grid_column(counts, key: str) -> list:
    model = counts.lines_model
    c = [col.key for col in model.columns].index(key)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def type_count(qtbot, counts, row: int, text: str) -> None:
    """Select a line and type its count as a clerk does: the number, then Enter."""
    grid = counts.grid
    grid.setFocus()
    grid.setCurrentIndex(counts.lines_model.index(row, 0))  # on the SKU: typing still goes to "Counted"
    qtbot.keyClicks(grid, text[0])
    editor = QApplication.focusWidget()
    assert editor is not grid and editor is not None
    type_text(qtbot, editor, text[1:], clear=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState, timeout=5_000)


def test_start_a_count_type_the_quantities_and_post_them(qtbot, sqlite_db, answers, qtmodeltester):
    db = sqlite_db
    tornillo = stocked(db, "TORN-6", 10, location="A-01", name="Tornillo 6 mm", ean=ean(1))
    tuerca = stocked(db, "TUER-6", 20, location="A-02", name="Tuerca 6 mm")
    clavo = stocked(db, "CLAV-3", 5, name="Clavo 3 cm")
    broca = stocked(db, "BROCA", 3, name="Broca 8 mm")
    tab, counts = open_counts(qtbot, db)

    counts.action_new()
    assert counts.form.fields["warehouse_id"].value() == MAIN and counts.form.fields["only_stocked"].value()
    type_text(qtbot, counts.form.fields["notes"], "Recuento de enero")
    assert counts.action_save() is True
    wait_counts(qtbot, counts)
    assert counts.count is not None and counts.count.lines == 4
    assert counts.grid.isVisible() and not counts.form.isVisible()
    wait_idle(qtbot, counts.model)
    assert counts.model.rowCount() == 1  # the new count is in the list
    assert grid_column(counts, "sku") == ["TORN-6", "TUER-6", "BROCA", "CLAV-3"]  # walking order
    qtmodeltester.check(counts.lines_model)

    type_count(qtbot, counts, 0, "8")
    assert counts.grid.currentIndex().row() == 1  # Enter went on to the next line
    type_count(qtbot, counts, 1, "20")
    type_count(qtbot, counts, 3, "4,5")
    wait_counts(qtbot, counts)
    assert grid_column(counts, "counted") == ["8", "20", "", "4.5"]
    assert grid_column(counts, "difference") == ["-2", "0", "", "-0.5"]
    saved = {r["sku"]: r["counted"] for r in stock_counts.list_count_lines(db, counts.count.id).rows}
    assert saved == {"TORN-6": 8, "TUER-6": 20, "BROCA": None, "CLAV-3": Decimal("4.5")}

    # A typing slip stays in its cell, red, with the reason; nothing is saved until it is typed again.
    type_count(qtbot, counts, 2, "3x")
    wait_counts(qtbot, counts)
    model = counts.lines_model
    assert grid_column(counts, "counted")[2] == "3x" and model.error_of(2) and model.unsaved == 1
    assert counts.dirty
    counts.post()
    assert answers["asked"][-1][0] == "Not posted"  # refused while a quantity is not saved
    type_count(qtbot, counts, 2, "3")
    wait_counts(qtbot, counts)
    assert model.unsaved == 0 and grid_column(counts, "counted")[2] == "3" and not counts.dirty
    # And the clerk takes one back: Delete clears a count.
    counts.grid.setCurrentIndex(model.index(2, 0))
    qtbot.keyClick(counts.grid, Qt.Key.Key_Delete)
    wait_counts(qtbot, counts)
    assert stock_counts.get_count(db, counts.count.id).counted == 3

    answers["answers"] += ["skip", True]  # the uncounted line: skip it; then yes, post
    counts.post()
    wait_counts(qtbot, counts)
    questions = [title for title, _text in answers["asked"]]
    assert questions[-2:] == ["Lines not counted", "Post stock count"]
    assert "2 adjustments (0 up, 2 down)" in answers["asked"][-1][1]
    assert counts.count.status == StockCountStatus.POSTED
    assert not counts.post_button.isEnabled() and not counts.lines_model.editable
    assert stock.stock_on_hand(db, tornillo) == 8 and stock.stock_on_hand(db, clavo) == Decimal("4.5")
    assert stock.stock_on_hand(db, tuerca) == 20 and stock.stock_on_hand(db, broca) == 3
    assert check_stock_levels(db).ok
    wait_idle(qtbot, counts.lines_model)
    assert grid_column(counts, "adjusted") == ["-2", "0", "", "-0.5"]
    # The stock moves list learns about the adjustments the next time it is shown.
    tab.tabs.setCurrentWidget(tab.moves)
    wait_idle(qtbot, tab.moves.model)
    assert tab.moves.model.rowCount() == 6  # 4 receipts + 2 adjustments


def test_scan_a_barcode_to_count_and_add_a_product_missing_from_the_sheet(qtbot, sqlite_db, answers):
    db = sqlite_db
    stocked(db, "TORN-6", 10, name="Tornillo 6 mm", ean=ean(1))
    stocked(db, "TUER-6", 20, name="Tuerca 6 mm")
    nuevo = stocked(db, "NUEVO", 0, name="Artículo sin stock", ean=ean(2))
    count = stock_counts.start_count(db, MAIN)
    _tab, counts = open_counts(qtbot, db)
    counts.open_record(str(count.id))
    wait_counts(qtbot, counts)
    assert counts.lines_model.rowCount() == 2

    # Scan the screws: only their line shows, its "Counted" cell open; type 9 and Enter.
    type_text(qtbot, counts.scan, ean(1))
    qtbot.keyClick(counts.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counts.line_chip.isVisible() and counts.lines_model.rowCount() == 1
                    and counts.grid.state() == counts.grid.State.EditingState, timeout=10_000)
    assert counts.line_label.text() == "TORN-6 · Tornillo 6 mm"
    editor = QApplication.focusWidget()
    type_text(qtbot, editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not counts.line_chip.isVisible(), timeout=10_000)
    wait_counts(qtbot, counts)
    assert counts.scan.hasFocus() and counts.scan.text() == ""  # ready for the next scan

    # A product on the shelf but not on the sheet: asked, then added with its count ready to type.
    answers["answers"].append(True)
    type_text(qtbot, counts.scan, ean(2))
    qtbot.keyClick(counts.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counts.line_chip.isVisible() and counts.grid.state() == counts.grid.State.EditingState,
                    timeout=10_000)
    assert answers["asked"][-1][0] == "Not on the sheet"
    editor = QApplication.focusWidget()
    type_text(qtbot, editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not counts.line_chip.isVisible(), timeout=10_000)
    wait_counts(qtbot, counts)
    rows = {r["sku"]: r for r in stock_counts.list_count_lines(db, count.id).rows}
    assert rows["TORN-6"]["counted"] == 9 and rows["NUEVO"]["counted"] == 2 and rows["NUEVO"]["expected"] == 0
    assert counts.count.lines == 3 and counts.count.counted == 2

    # Typing a name searches; the filters narrow the grid.
    type_text(qtbot, counts.scan, "tuerca")
    qtbot.waitUntil(lambda: grid_column(counts, "sku") == ["TUER-6"], timeout=10_000)
    counts.scan.clear()
    counts._search()
    counts.uncounted_box.setChecked(True)
    qtbot.waitUntil(lambda: grid_column(counts, "sku") == ["TUER-6"] and not counts.lines_model.busy,
                    timeout=10_000)
    counts.uncounted_box.setChecked(False)
    counts.differences_box.setChecked(True)
    qtbot.waitUntil(lambda: sorted(grid_column(counts, "sku")) == ["NUEVO", "TORN-6"], timeout=10_000)
    assert stock.stock_on_hand(db, nuevo) == 0  # nothing moves before posting

    # A count typed just before closing the count is not lost: closing waits for it to land.
    counts.differences_box.setChecked(False)
    qtbot.waitUntil(lambda: counts.lines_model.rowCount() == 3 and not counts.lines_model.busy, timeout=10_000)
    row = grid_column(counts, "sku").index("TUER-6")
    type_count(qtbot, counts, row, "18")
    counts.action_close()
    assert not counts.editor_open
    assert {r["sku"]: r["counted"] for r in stock_counts.list_count_lines(db, count.id).rows}["TUER-6"] == 18


def test_print_export_import_and_cancel_a_count(qtbot, sqlite_db, answers, monkeypatch, tmp_path):
    db = sqlite_db
    stocked(db, "TORN-6", 10, location="A-01", name="Tornillo 6 mm", ean=ean(1))
    stocked(db, "TUER-6", 20, name="Tuerca 6 mm")
    count = stock_counts.start_count(db, MAIN)
    _tab, counts = open_counts(qtbot, db)
    counts.open_record(str(count.id))
    wait_counts(qtbot, counts)

    counts.print_sheet()
    qtbot.waitUntil(lambda: counts._preview is not None, timeout=15_000)
    assert counts._preview.page_count() == 1 and count.reference in counts._preview.windowTitle()
    counts._preview.close()

    from ui.common import dialogs

    target = tmp_path / "hoja.csv"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_a, **_k: str(target))
    counts.export_sheet()
    qtbot.waitUntil(target.exists, timeout=10_000)
    wait_counts(qtbot, counts)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"1;A-01;TORN-6;" in data

    filled = tmp_path / "contado.csv"
    filled.write_text("sku;contado\nTORN-6;7\nTUER-6;veinte\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_a, **_k: str(filled))
    counts.import_counts()
    qtbot.waitUntil(lambda: bool(answers["asked"]) and answers["asked"][-1][0] == "Nothing was imported",
                    timeout=10_000)
    assert "Line 3" in answers["asked"][-1][1]
    assert stock_counts.get_count(db, count.id).counted == 0
    filled.write_text("sku;contado\nTORN-6;7\nTUER-6;19,5\n", encoding="utf-8")
    counts.import_counts()
    qtbot.waitUntil(lambda: stock_counts.get_count(db, count.id).counted == 2, timeout=10_000)
    wait_counts(qtbot, counts)
    qtbot.waitUntil(lambda: grid_column(counts, "counted") == ["7", "19.5"], timeout=10_000)

    answers["answers"].append(True)
    counts.action_archive()
    assert answers["asked"][-1][0] == "Cancel count"
    assert counts.count.status == StockCountStatus.CANCELLED
    assert not counts.lines_model.editable and not counts.archive_button.isEnabled()
    wait_idle(qtbot, counts.model)
    rows = stock_counts.list_counts(db, ListQuery()).rows
    assert [r["status"] for r in rows] == ["cancelled"]


def test_the_count_models_pass_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester, sqlite_db):
    """260 lines: the grid reads them in pages of 200, like 100,000 would be read."""
    db = sqlite_db
    for i in range(260):
        stocked(db, f"P{i:04d}", i % 7 + 1, location=f"{'AB'[i % 2]}-{i // 2:03d}")
    count = stock_counts.start_count(db, MAIN)
    stock_counts.set_counted(db, count.id, [("P0001", 3)])
    _tab, counts = open_counts(qtbot, db)
    qtmodeltester.check(counts.model)
    counts.open_record(str(count.id))
    wait_counts(qtbot, counts)
    model = counts.lines_model
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: model.rowCount() == 260, timeout=10_000)  # the count arrived: every row is known
    for r in (0, 220, 259):  # reading a row asks for its page
        model.index(r, 0).data()
        wait_counts(qtbot, counts)
    # Walking order: every A shelf, then every B shelf.
    assert [model.index(r, 2).data() for r in (0, 1, 129, 130, 220, 259)] == [
        "P0000", "P0002", "P0258", "P0001", "P0181", "P0259"]
    assert model.index(130, [c.key for c in model.columns].index("counted")).data() == "3"
    qtmodeltester.check(model)
