"""A clerk writes draft invoices: the line grid by keyboard, live totals, errors, the list, deleting drafts."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from app.compliance.identifiers import ean13_check_digit
from app.domain.enums import InvoiceStatus
from app.services import invoices, parties, products
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.parties import PartyData
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from app.services.totals import LineInput, compute_totals
from tests.app.invoicing import post
from tests.ui.conftest import type_text, wait_idle
from ui.common.fields import DateField
from ui.common.formatting import ParseError, format_decimal
from ui.invoices.lines_model import DESCRIPTION, DISCOUNT, PRICE, PRODUCT, QUANTITY, TAX
from ui.invoices.tab import InvoicesTab

D = Decimal


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


@pytest.fixture
def shop(sqlite_db):
    """A customer and two products, as a clerk's catalogue would have them."""
    db = sqlite_db
    customer = parties.create_party(db, PartyData(legal_name="Ferretería Martínez SL", tax_id="B58378431"))
    screws = products.create_product(db, ProductData(sku="TORN-6", name="Tornillo 6 mm", ean=ean(1),
                                                     tax_rate_id=tax_rate_id("IVA21"), sale_price=D("0.1250")))
    book = products.create_product(db, ProductData(sku="LIB-1", name="Libro de cuentas", ean=ean(2),
                                                   tax_rate_id=tax_rate_id("IVA4"), sale_price=D("12.50")))
    return db, customer, screws, book


def make_tab(qtbot, db) -> InvoicesTab:
    tab = InvoicesTab(db)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def focus_widget():
    return QApplication.focusWidget()


def goto(tab, row: int, column: int) -> None:
    view = tab.lines.view
    view.setFocus()
    view.setCurrentIndex(tab.lines.model.index(row, column))


def type_cell(qtbot, tab, text: str, enter: bool = True) -> None:
    """Type into the current cell like a clerk: the first key opens the editor, the rest go into it."""
    view = tab.lines.view
    if tab.lines.editing():
        editor(tab).selectAll()
        qtbot.keyClicks(editor(tab), text)
    else:
        qtbot.keyClicks(view, text[0])
        qtbot.waitUntil(tab.lines.editing, timeout=2000)
        qtbot.keyClicks(editor(tab), text[1:])
    if enter:
        press_enter(qtbot, tab)


def editor(tab):
    """The open cell editor (it has the focus)."""
    return tab.lines.delegate.editor


def press_enter(qtbot, tab) -> None:
    qtbot.keyClick(editor(tab), Qt.Key.Key_Return)


def cell(tab, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.lines.model.index(row, column).data(role)


def current(tab) -> tuple[int, int]:
    index = tab.lines.view.currentIndex()
    return index.row(), index.column()


def chosen(field):
    try:
        return field.value()
    except ParseError:
        return None


def choose_customer_by_nif(qtbot, tab, nif: str) -> None:
    type_text(qtbot, tab.party, nif)  # a whole NIF picks its one customer
    qtbot.waitUntil(lambda: chosen(tab.party) is not None, timeout=5000)


def test_a_draft_typed_by_keyboard_shows_the_service_totals_then_is_saved_and_listed(qtbot, shop):
    db, customer, screws, book = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    assert focus_widget() is tab.party
    choose_customer_by_nif(qtbot, tab, "B58378431")

    # Line 1: part of the SKU, then the suggestion is chosen from the list.
    goto(tab, 0, PRODUCT)
    type_cell(qtbot, tab, "TORN", enter=False)
    popup = editor(tab).completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(tab, 0, PRODUCT) == "TORN-6", timeout=2000)
    assert cell(tab, 0, DESCRIPTION) == "Tornillo 6 mm"
    qtbot.waitUntil(lambda: current(tab) == (0, QUANTITY) and tab.lines.editing(), timeout=2000)
    type_cell(qtbot, tab, "250")
    assert current(tab) == (0, PRICE)
    press_enter(qtbot, tab)  # the product's price stays
    assert current(tab) == (0, DISCOUNT)
    type_cell(qtbot, tab, "10")
    assert current(tab) == (0, TAX)
    press_enter(qtbot, tab)
    assert current(tab) == (1, PRODUCT)  # Enter wraps to the new line

    # Line 2: a scanned EAN picks its product.
    type_cell(qtbot, tab, ean(2), enter=False)
    qtbot.waitUntil(lambda: editor(tab).chosen() is not None, timeout=5000)
    press_enter(qtbot, tab)
    qtbot.waitUntil(lambda: cell(tab, 1, PRODUCT) == "LIB-1", timeout=2000)
    type_cell(qtbot, tab, "3")

    expected = compute_totals([LineInput(D(250), D("0.1250"), D(10), D(21)), LineInput(D(3), D("12.50"), D(0), D(4))])
    assert tab.totals.totals == expected
    shown = dict(tab.totals.rows)
    assert shown["Base"] == format_decimal(expected.base) == format_decimal(D("65.63"))
    assert shown[f"IVA 21 % on {format_decimal(D('28.13'))}"] == format_decimal(D("5.91"))
    assert shown[f"IVA 4 % on {format_decimal(D('37.50'))}"] == format_decimal(D("1.50"))
    assert shown["Total"] == format_decimal(expected.total)
    assert cell(tab, 0, 6) == format_decimal(D("28.13"))

    assert tab.action_save() is True
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "Ferretería Martínez SL"
    assert tab.model.index(0, 4).data() == "Draft"
    stored = invoices.get_invoice(db, uuid.UUID(tab.record_id))
    assert (stored.base_total, stored.tax_total, stored.total) == (expected.base, expected.tax, expected.total)
    assert [(line.product_id, line.quantity, line.discount_percent) for line in stored.lines] == \
        [(screws.id, D(250), D(10)), (book.id, D(3), D(0))]
    assert not tab.dirty


def make_draft(db, party_id, day: dt.date, *lines: tuple) -> invoices.InvoiceView:
    return invoices.create_draft(db, InvoiceData(issue_date=day, party_id=party_id, lines=[
        InvoiceLineData(product_id=p, quantity=q) for p, q in lines]))


def open_from_list(qtbot, tab, row: int = 0) -> None:
    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(row, 0))
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Return)


def test_a_reopened_draft_is_edited_in_a_cell_and_ctrl_s_saves_the_cell_still_open(qtbot, shop):
    db, customer, screws, book = shop
    draft = make_draft(db, customer.id, dt.date(2026, 3, 2), (screws.id, D(100)), (book.id, D(2)))
    tab = make_tab(qtbot, db)
    open_from_list(qtbot, tab)
    assert tab.record_id == str(draft.id) and tab.editor.isVisible()
    assert [cell(tab, r, PRODUCT) for r in range(3)] == ["TORN-6", "LIB-1", ""]  # and the empty line to type in
    assert cell(tab, 1, QUANTITY) == "2"
    assert tab.totals.totals == compute_totals([LineInput(D(100), D("0.1250"), D(0), D(21)),
                                                LineInput(D(2), D("12.50"), D(0), D(4))])

    goto(tab, 1, QUANTITY)
    type_cell(qtbot, tab, "5", enter=False)
    assert tab.lines.editing()
    assert tab.action_save() is True  # Ctrl+S: the open cell is taken first
    stored = invoices.get_invoice(db, draft.id)
    assert [line.quantity for line in stored.lines] == [D(100), D(5)]
    assert stored.version == draft.version + 1
    assert stored.total == compute_totals([LineInput(D(100), D("0.1250"), D(0), D(21)),
                                           LineInput(D(5), D("12.50"), D(0), D(4))]).total
    assert tab.totals.totals.total == stored.total
    assert cell(tab, 1, QUANTITY) == "5" and not tab.dirty


def test_bad_cells_are_refused_with_their_reason_and_nothing_typed_is_lost(qtbot, shop):
    db, customer, screws, _book = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    choose_customer_by_nif(qtbot, tab, "B58378431")
    goto(tab, 0, PRODUCT)
    type_cell(qtbot, tab, "TORN-6")  # the whole SKU and Enter at once: found by its code
    assert cell(tab, 0, PRODUCT) == "TORN-6" and current(tab) == (0, QUANTITY)

    type_cell(qtbot, tab, "12a")
    assert current(tab) == (0, QUANTITY) and editor(tab).text() == "12a" and editor(tab).hasFocus()  # stays open with the typing
    assert cell(tab, 0, QUANTITY) == "12a"
    assert cell(tab, 0, QUANTITY, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(tab, 0, QUANTITY, Qt.ItemDataRole.ToolTipRole) == "Not a number."
    assert tab.lines.error_label.isVisible() and tab.lines.error_label.text() == "Line 1, Quantity: Not a number."
    tab.action_close()  # Esc in the cell: the cell closes, the invoice stays open
    assert tab.editor.isVisible() and not tab.lines.editing()

    goto(tab, 0, PRICE)
    type_cell(qtbot, tab, "1,23456")
    assert cell(tab, 0, PRICE) == "1,23456" and "At most 4 decimals" in cell(tab, 0, PRICE, Qt.ItemDataRole.ToolTipRole)
    tab.lines.close_editor()
    assert "leave out 1 line" in tab.totals.note.text()  # the refused line is left out of the totals, and it says so
    goto(tab, 1, PRODUCT)
    type_cell(qtbot, tab, "NOPE-99")
    assert cell(tab, 1, PRODUCT) == "NOPE-99" and "No product" in cell(tab, 1, PRODUCT, Qt.ItemDataRole.ToolTipRole)
    tab.lines.close_editor()
    type_text(qtbot, tab.form.fields["issue_date"], "31/02/2026")

    assert tab.action_save() is False
    assert invoices.count_invoices(db) == 0
    assert "Line 1, Quantity: Not a number." in tab.form.error_text("lines")
    assert "Line 1, Price: At most 4 decimals." in tab.form.error_text("lines")
    assert "Line 2, Product" in tab.form.error_text("lines")
    assert tab.form.error_text("issue_date") and tab.form.fields["issue_date"].text() == "31/02/2026"

    goto(tab, 1, PRODUCT)
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Delete)  # Delete removes the line
    assert tab.lines.model.rowCount() == 2 and cell(tab, 1, PRODUCT) == ""
    goto(tab, 0, PRICE)
    type_cell(qtbot, tab, "1,2345")
    goto(tab, 0, QUANTITY)
    type_cell(qtbot, tab, "0")  # a number, but the service wants more than zero
    tab.lines.close_editor()
    type_text(qtbot, tab.form.fields["issue_date"], "28/02/2026")
    assert tab.action_save() is False
    assert invoices.count_invoices(db) == 0
    assert tab.form.error_text("lines") == "Line 1, Quantity: Must be greater than zero."
    assert cell(tab, 0, QUANTITY, Qt.ItemDataRole.ToolTipRole) == "Must be greater than zero."
    assert current(tab) == (0, QUANTITY)  # the grid shows where

    type_cell(qtbot, tab, "12")
    assert cell(tab, 0, QUANTITY, Qt.ItemDataRole.BackgroundRole) is None
    assert tab.action_save() is True
    stored = invoices.get_invoice(db, uuid.UUID(tab.record_id))
    assert [(line.quantity, line.unit_price) for line in stored.lines] == [(D(12), D("1.2345"))]
    assert stored.issue_date == dt.date(2026, 2, 28) and stored.base_total == D("14.81")


def test_recargo_and_irpf_of_the_customer_show_live_as_the_service_stores_them(qtbot, shop):
    db, _customer, screws, book = shop
    shopkeeper = parties.create_party(db, PartyData(legal_name="Droguería Sanz", tax_id="12345678Z",
                                                    recargo_equivalencia=True, irpf_percent=D(15)))
    tab = make_tab(qtbot, db)
    tab.action_new()
    choose_customer_by_nif(qtbot, tab, "12345678Z")
    goto(tab, 0, PRODUCT)
    for code, quantity in (("TORN-6", "100"), ("LIB-1", "2")):
        type_cell(qtbot, tab, code)
        type_cell(qtbot, tab, quantity)
        tab.lines.close_editor()
        goto(tab, tab.lines.model.rowCount() - 1, PRODUCT)
    expected = compute_totals([LineInput(D(100), D("0.1250"), D(0), D(21), D("5.2")),
                               LineInput(D(2), D("12.50"), D(0), D(4), D("0.5"))],
                              recargo_equivalencia=True, irpf_percent=D(15))
    assert tab.totals.totals == expected
    shown = dict(tab.totals.rows)
    assert shown[f"Recargo 5,2 % on {format_decimal(D('12.50'))}".replace("5,2", format_decimal(D("5.2"), None))] \
        == format_decimal(D("0.65"))
    assert shown["IRPF withheld 15 %"] == format_decimal(-expected.irpf)
    assert tab.action_save() is True
    stored = invoices.get_invoice(db, uuid.UUID(tab.record_id))
    assert (stored.recargo_total, stored.irpf_total, stored.total) == (expected.recargo, expected.irpf, expected.total)
    assert stored.party_id == shopkeeper.id


def test_the_list_searches_filters_by_status_and_dates_and_sorts_in_sql(qtbot, shop):
    db, customer, screws, book = shop
    other = parties.create_party(db, PartyData(legal_name="Bodegas Núñez", tax_id="A58818501"))
    a = make_draft(db, customer.id, dt.date(2026, 1, 10), (screws.id, D(10)))
    b = make_draft(db, other.id, dt.date(2026, 2, 15), (book.id, D(1)))
    c = make_draft(db, customer.id, dt.date(2026, 3, 20), (book.id, D(30)))
    post(db, c.id, 1)
    tab = make_tab(qtbot, db)
    dates = lambda: [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]  # noqa: E731
    assert dates() == ["20/03/2026", "15/02/2026", "10/01/2026"]  # newest first
    assert tab.model.index(0, 0).data() == "F2026-000001"
    # Posted, unpaid and past its due date (March 2026): the list says so.
    assert [tab.model.index(0, k).data() for k in (4, 5)] == ["Overdue", "Invoice"]

    type_text(qtbot, tab.list.search, "NÚÑEZ")
    qtbot.waitUntil(lambda: dates() == ["15/02/2026"], timeout=5000)
    type_text(qtbot, tab.list.search, "F2026-000001")
    qtbot.waitUntil(lambda: dates() == ["20/03/2026"], timeout=5000)
    type_text(qtbot, tab.list.search, "B58378431")
    qtbot.waitUntil(lambda: dates() == ["20/03/2026", "10/01/2026"], timeout=5000)
    tab.list.search.clear()
    qtbot.waitUntil(lambda: len(dates()) == 3, timeout=5000)

    status = tab.list.findChild(QComboBox, "filter_state")
    status.setCurrentIndex(status.findData("draft"))
    qtbot.waitUntil(lambda: dates() == ["15/02/2026", "10/01/2026"], timeout=5000)
    status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(dates()) == 3, timeout=5000)

    date_from, date_to = (tab.list.findChild(DateField, name) for name in ("filter_date_from", "filter_date_to"))
    type_text(qtbot, date_from, "01/02/2026")
    qtbot.keyClick(date_from, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dates() == ["20/03/2026", "15/02/2026"], timeout=5000)
    type_text(qtbot, date_to, "31/02/2026")  # no such date: refused, the filter stays as it was
    qtbot.keyClick(date_to, Qt.Key.Key_Return)
    assert date_to.toolTip() and date_to.text() == "31/02/2026"
    type_text(qtbot, date_to, "28/02/2026")
    qtbot.keyClick(date_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dates() == ["15/02/2026"], timeout=5000)
    for field in (date_from, date_to):
        type_text(qtbot, field, "")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dates()) == 3, timeout=5000)

    tab.model.sort(7, Qt.SortOrder.DescendingOrder)  # what a click on the Total header does
    wait_idle(qtbot, tab.model)
    totals = [tab.model.index(r, 7).data() for r in range(3)]
    assert totals == [format_decimal(v) for v in sorted((a.total, b.total, invoices.get_invoice(db, c.id).total),
                                                        reverse=True)]


def test_delete_removes_a_draft_after_confirmation_and_refuses_a_posted_invoice(qtbot, shop, answers):
    db, customer, screws, book = shop
    draft = make_draft(db, customer.id, dt.date(2026, 3, 2), (screws.id, D(10)))
    posted = make_draft(db, customer.id, dt.date(2026, 3, 1), (book.id, D(1)))
    post(db, posted.id, 7)
    tab = make_tab(qtbot, db)
    table = tab.list.table
    table.setFocus()
    table.setCurrentIndex(tab.model.index(0, 0))  # the draft (newest)
    answers["answers"] = [False]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "Delete the draft invoice for Ferretería Martínez SL of 02/03/2026" in answers["asked"][-1][1]
    assert invoices.count_invoices(db) == 2  # said no

    answers["answers"] = [True]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot, tab.model)
    assert invoices.count_invoices(db) == 1 and tab.model.rowCount() == 1
    with pytest.raises(Exception):
        invoices.get_invoice(db, draft.id)

    table.setCurrentIndex(tab.model.index(0, 0))  # the posted one
    answers["answers"] = [True]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    title, text = answers["asked"][-1]
    assert title == "Cannot delete" and "F2026-000007" in text and "cannot be deleted" in text
    assert invoices.count_invoices(db) == 1


def test_a_posted_invoice_opens_read_only_with_its_stored_totals(qtbot, shop):
    db, customer, screws, book = shop
    inv = make_draft(db, customer.id, dt.date(2026, 3, 2), (screws.id, D(100)), (book.id, D(2)))
    post(db, inv.id, 3)
    tab = make_tab(qtbot, db)
    open_from_list(qtbot, tab)
    assert tab.read_only and tab.banner.isVisible() and "posted" in tab.banner.text()
    assert "F2026-000003" in tab.title.text()
    assert not tab.save_button.isEnabled() and not tab.archive_button.isEnabled()
    assert tab.lines.model.rowCount() == 2  # no empty line to type in
    assert not tab.lines.model.flags(tab.lines.model.index(0, QUANTITY)) & Qt.ItemFlag.ItemIsEditable
    goto(tab, 0, QUANTITY)
    qtbot.keyClicks(tab.lines.view, "9")
    assert not tab.lines.editing()
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Delete)
    assert tab.lines.model.rowCount() == 2
    assert tab.party.isReadOnly() and not tab.kind.isEnabled()
    assert tab.action_save() is False
    stored = invoices.get_invoice(db, inv.id)
    assert tab.totals.totals.total == stored.total and stored.status == InvoiceStatus.POSTED
    assert dict(tab.totals.rows)["Total"] == format_decimal(stored.total)

    tab.action_new()  # a new draft after it is editable again
    assert not tab.read_only and tab.save_button.isEnabled() and not tab.banner.isVisible()
    assert tab.lines.model.rowCount() == 1 and tab.kind.isEnabled()


def test_the_models_pass_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester, shop):
    db, customer, screws, _book = shop
    for i in range(45):
        make_draft(db, customer.id, dt.date(2026, 1, 1) + dt.timedelta(days=i), (screws.id, D(i + 1)))
    tab = InvoicesTab(db)
    qtbot.addWidget(tab)
    tab.model.page_size = 20
    tab.model._query = tab.model.query.__class__(**{**tab.model.query.__dict__, "limit": 20})
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(tab.model)
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 45
    qtmodeltester.check(tab.model)
    assert invoices.count_invoices(db, ListQuery()) == 45

    tab.show()
    tab.activate()
    tab.open_record(tab.model.id_at(0))
    qtmodeltester.check(tab.lines.model)
    goto(tab, 1, PRODUCT)
    type_cell(qtbot, tab, "TORN-6")
    qtmodeltester.check(tab.lines.model)


def test_in_the_window_the_keys_reach_the_grid_before_the_menu_shortcuts(qtbot, shop, answers, monkeypatch):
    from ui import main_window

    db, customer, screws, book = shop
    monkeypatch.setattr(main_window, "_tabs", lambda: [("invoices", lambda: "&Invoices", InvoicesTab)])
    window = main_window.MainWindow(db, "test")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    tab = window.current_tab()
    wait_idle(qtbot, tab.model)

    qtbot.keyClick(tab.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: a new draft
    assert tab.editor.isVisible() and tab.record_id is None and focus_widget() is tab.party
    choose_customer_by_nif(qtbot, tab, "B58378431")
    goto(tab, 0, PRODUCT)
    type_cell(qtbot, tab, "TORN-6")
    type_cell(qtbot, tab, "4")
    tab.lines.close_editor()
    goto(tab, 1, PRODUCT)
    type_cell(qtbot, tab, "LIB-1")
    type_cell(qtbot, tab, "7", enter=False)
    qtbot.keyClick(editor(tab), Qt.Key.Key_Escape)  # Esc in a cell: that cell's typing goes, the form stays
    assert tab.editor.isVisible() and not tab.lines.editing() and cell(tab, 1, QUANTITY) == "1"
    assert tab.lines.model.rowCount() == 3

    goto(tab, 0, DESCRIPTION)
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Delete)  # Delete in the grid: the line, not the invoice
    assert answers["asked"] == [] and tab.lines.model.rowCount() == 2 and cell(tab, 0, PRODUCT) == "LIB-1"

    goto(tab, 0, QUANTITY)
    type_cell(qtbot, tab, "3", enter=False)
    qtbot.keyClick(editor(tab), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S with the cell open
    assert not tab.dirty and tab.record_id is not None
    stored = invoices.get_invoice(db, uuid.UUID(tab.record_id))
    assert [(line.product_id, line.quantity) for line in stored.lines] == [(book.id, D(3))]

    goto(tab, 0, QUANTITY)
    type_cell(qtbot, tab, "8")  # an unsaved change, then Esc twice: the cell is closed, then the form asks
    tab.lines.close_editor()
    tab.lines.view.setFocus()
    answers["answers"] = [False]
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Escape)
    assert answers["asked"][-1][0] == "Unsaved changes" and tab.editor.isVisible()
    answers["answers"] = [True]
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Escape)
    assert not tab.editor.isVisible()
    assert invoices.get_invoice(db, stored.id).lines[0].quantity == D(3)  # discarded, as asked

    wait_idle(qtbot, tab.model)
    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(0, 0))
    answers["answers"] = [True]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)  # in the list, Delete deletes the draft (after asking)
    assert answers["asked"][-1][0] == "Delete draft"
    assert invoices.count_invoices(db) == 0


def test_a_simplified_invoice_with_a_free_text_line_goes_to_its_own_series(qtbot, shop):
    db, _customer, _screws, _book = shop
    tab = make_tab(qtbot, db)
    tab.action_new()
    tab.kind.setFocus()
    qtbot.keyClick(tab.kind, Qt.Key.Key_Down)  # Invoice -> Simplified
    assert tab.kind.value() == "simplified"
    assert [tab.series_field.itemText(i) for i in range(tab.series_field.count())] == \
        ["Default series", "S · Facturas simplificadas"]
    tab.form.fields["notes"].setFocus()
    qtbot.keyClick(tab.form.fields["notes"], Qt.Key.Key_Tab)
    assert focus_widget() is tab.lines.view  # Tab order: header, then the grid

    goto(tab, 0, PRODUCT)
    qtbot.keyClick(tab.lines.view, Qt.Key.Key_Return)  # no product: Enter goes on to the description
    assert current(tab) == (0, DESCRIPTION) and tab.lines.editing()
    type_cell(qtbot, tab, "Portes a domicilio")
    assert current(tab) == (0, QUANTITY) and cell(tab, 0, QUANTITY) == "1" and cell(tab, 0, TAX) == "21 %"
    type_cell(qtbot, tab, "2")
    type_cell(qtbot, tab, "15")
    press_enter(qtbot, tab)  # no discount
    assert current(tab) == (0, TAX)
    qtbot.keyClicks(editor(tab), "1")  # 10 %
    press_enter(qtbot, tab)
    assert current(tab) == (1, PRODUCT) and cell(tab, 0, TAX) == "10 %"
    assert dict(tab.totals.rows)["Total"] == format_decimal(D("33.00"))

    assert tab.action_save() is True
    stored = invoices.get_invoice(db, uuid.UUID(tab.record_id))
    assert stored.kind == "simplified" and stored.series_code == "S" and stored.party_id is None
    assert [(line.description, line.quantity, line.unit_price, line.tax_percent) for line in stored.lines] == \
        [("Portes a domicilio", D(2), D(15), D(10))]
    assert stored.total == D("33.00")


def test_enter_before_the_suggestions_arrive_takes_the_code_and_the_late_answer_is_dropped(qtbot, shop):
    import threading
    import time

    db, _customer, screws, _book = shop
    tab = make_tab(qtbot, db)
    started = threading.Event()
    search = tab.products.search

    def slow_search(text):  # a far server: the answer comes after the clerk has moved on
        started.set()
        time.sleep(0.4)
        return search(text)

    tab.products.search = slow_search
    tab.action_new()
    goto(tab, 0, PRODUCT)
    type_cell(qtbot, tab, "TORN-6", enter=False)
    qtbot.waitUntil(started.is_set, timeout=3000)
    press_enter(qtbot, tab)
    assert cell(tab, 0, PRODUCT) == "TORN-6" and current(tab) == (0, QUANTITY)
    qtbot.wait(600)  # the late answer reaches a closed cell: nothing happens, nothing fails
    assert cell(tab, 0, PRODUCT) == "TORN-6" and tab.lines.model.rows[0].product_id == screws.id
