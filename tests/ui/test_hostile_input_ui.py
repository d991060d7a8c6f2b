"""Hostile input through the real widgets: search boxes and form fields.

Pasted SQL, wildcards and quotes are searched and stored as data; a pasted NUL
character or a 10,000-character text is refused next to its field, with the
typing kept and nothing written. Both backends.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from app.services import employees, parties, products
from app.services.listing import ListQuery
from app.services.parties import PartyData
from tests.ui.conftest import wait_idle
from ui.employees.staff import StaffTab
from ui.inventory.products import ProductsTab
from ui.parties.tab import PartiesTab

INJECTION = "'; DROP TABLE party; --"
SEARCHES = [INJECTION, "%_\\", "%", "_", "'", '"', "\x00", "abc\x00def", "x" * 10_000,
            " ".join(f"w{i}" for i in range(2000))[:10_000]]


def paste(widget, text: str) -> None:
    """As a clerk pastes: through the clipboard, so the form hears an edit."""
    widget.setFocus()
    widget.selectAll()
    QApplication.clipboard().setText(text)
    widget.paste()


def show(qtbot, tab):
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def rows(tab) -> list[str]:
    return [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]


def search(qtbot, tab, text: str) -> None:
    tab.list.search.setText(text)
    tab.list._search_now()
    wait_idle(qtbot, tab.model)


def test_the_search_box_takes_hostile_text_as_data(qtbot, db):
    for name in ("Ferretería Martínez SL", "Rebajas 100% _ya_", INJECTION):
        parties.create_party(db, PartyData(legal_name=name))
    tab = show(qtbot, PartiesTab(db))
    assert len(rows(tab)) == 3
    expected = {INJECTION: [INJECTION], "%_\\": [], "%": ["Rebajas 100% _ya_"], "_": ["Rebajas 100% _ya_"],
                "'": [INJECTION], '"': []}
    for text in SEARCHES:
        search(qtbot, tab, text)
        assert tab.list.error_label.isHidden(), (repr(text)[:30], tab.list.error_label.text())
        assert rows(tab) == expected.get(text, []), repr(text)[:30]
    search(qtbot, tab, "")
    assert len(rows(tab)) == 3  # the table is still there, and whole


def test_a_pasted_nul_and_an_overlong_text_are_refused_next_to_the_field(qtbot, db):
    tab = show(qtbot, PartiesTab(db))
    tab.action_new()
    fields = tab.form.fields
    paste(fields["legal_name"], "Ferre\x00tería Martínez")
    paste(fields["city"], "Z" * 10_000)
    fields["notes"].setFocus()
    fields["notes"].setPlainText("n" * 10_000)
    assert tab.dirty
    assert tab.action_save() is False
    assert "NUL character" in tab.form.error_text("legal_name")
    assert "at most 100 characters" in tab.form.error_text("city")
    assert "at most 2000 characters" in tab.form.error_text("notes")
    assert fields["city"].text() == "Z" * 10_000  # nothing typed is lost
    assert parties.count_parties(db) == 0
    tab.form.grab().save("/tmp/hostile_form.png")

    paste(fields["legal_name"], INJECTION)
    paste(fields["city"], "Zaragoza")
    fields["notes"].setPlainText('Robert"); DROP TABLE party;--')
    assert tab.action_save() is True
    wait_idle(qtbot, tab.model)
    assert rows(tab) == [INJECTION]
    stored = parties.list_parties(db, ListQuery(search="DROP")).rows
    assert [r["legal_name"] for r in stored] == [INJECTION]


def test_product_and_employee_forms_refuse_the_same(qtbot, db):
    products_tab = show(qtbot, ProductsTab(db))
    products_tab.action_new()
    f = products_tab.form.fields
    paste(f["sku"], "TOR\x00-1")
    paste(f["name"], "Tornillo")
    assert products_tab.action_save() is False
    assert "NUL character" in products_tab.form.error_text("sku")
    assert products.count_products(db) == 0

    staff = show(qtbot, StaffTab(db, today=dt.date(2026, 3, 2)))
    staff.action_new()
    f = staff.form.fields
    paste(f["first_name"], "Ana")
    paste(f["last_name"], "G" * 10_000)
    paste(f["tax_id"], "12345678Z")
    paste(f["hire_date"], "08/01/2024")
    paste(f["position"], "Caje\x00ra")
    assert staff.action_save() is False
    assert "at most 150 characters" in staff.form.error_text("last_name")
    assert "NUL character" in staff.form.error_text("position")
    assert employees.count_employees(db) == 0


@pytest.fixture(autouse=True)
def _clear_clipboard():
    yield
    QApplication.clipboard().clear()
