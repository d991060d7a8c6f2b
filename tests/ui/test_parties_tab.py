"""A clerk keeps customers and suppliers: the form, its errors, search, archive."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.services import parties
from app.services.listing import ListQuery
from tests.ui.conftest import type_text, wait_idle
from ui.parties.tab import PartiesTab


def make_tab(qtbot, db) -> PartiesTab:
    tab = PartiesTab(db)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def type_into(qtbot, widget, text: str) -> None:
    type_text(qtbot, widget, text)


def test_wrong_nif_is_shown_next_to_the_field_then_fixed_and_saved(qtbot, sqlite_db):
    tab = make_tab(qtbot, sqlite_db)
    tab.action_new()
    type_into(qtbot, tab.form.fields["legal_name"], "Ferretería Martínez SL")
    type_into(qtbot, tab.form.fields["tax_id"], "B12345678")  # wrong control character
    type_into(qtbot, tab.form.fields["postal_code"], "28001")
    assert tab.action_save() is False
    assert "NIF" in tab.form.error_text("tax_id") or tab.form.error_text("tax_id")
    assert tab.form.fields["tax_id"].text() == "B12345678"  # nothing typed is lost
    assert parties.count_parties(sqlite_db) == 0

    type_into(qtbot, tab.form.fields["tax_id"], "B58378431")
    assert tab.action_save() is True
    assert tab.form.error_text("tax_id") == ""
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "Ferretería Martínez SL"
    assert tab.model.index(0, 3).data() == "B58378431"


def test_search_sort_archive_and_find_it_again_after_a_restart(qtbot, sqlite_db, answers):
    for name, nif in (("Zapatos Ruiz", "12345678Z"), ("Aceites García", "B58378431"), ("Bodegas Núñez", "A58818501")):
        parties.create_party(sqlite_db, parties.PartyData(legal_name=name, tax_id=nif))
    tab = make_tab(qtbot, sqlite_db)
    names = lambda: [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]  # noqa: E731
    assert names() == ["Aceites García", "Bodegas Núñez", "Zapatos Ruiz"]

    header = tab.list.table.horizontalHeader()  # a click on the sorted header: descending, in SQL
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 20, header.height() // 2))
    wait_idle(qtbot, tab.model)
    assert names() == ["Zapatos Ruiz", "Bodegas Núñez", "Aceites García"]

    type_text(qtbot, tab.list.search, "ÑEZ")
    qtbot.waitUntil(lambda: names() == ["Bodegas Núñez"], timeout=5000)

    tab.list.search.clear()
    qtbot.waitUntil(lambda: len(names()) == 3, timeout=5000)
    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(0, 0))  # Zapatos Ruiz
    answers["answers"] = [False]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)
    assert answers["asked"] and "Zapatos Ruiz" in answers["asked"][0][1]
    wait_idle(qtbot, tab.model)
    assert len(names()) == 3  # said no: nothing archived

    answers["answers"] = [True]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, tab.model)
    assert names() == ["Bodegas Núñez", "Aceites García"]
    tab.save_state()
    tab.close()

    again = make_tab(qtbot, sqlite_db)  # a new window: same sort (remembered), same data
    assert [again.model.index(r, 1).data() for r in range(again.model.rowCount())] == \
        ["Bodegas Núñez", "Aceites García"]
    again.list.set_filter("include_archived", True)
    wait_idle(qtbot, again.model)
    assert again.model.rowCount() == 3


def test_a_second_save_of_a_record_changed_elsewhere_offers_a_reload(qtbot, sqlite_db, answers):
    view = parties.create_party(sqlite_db, parties.PartyData(legal_name="Bodegas Núñez", tax_id="A58818501"))
    tab = make_tab(qtbot, sqlite_db)
    tab.open_record(str(view.id))
    type_into(qtbot, tab.form.fields["city"], "Haro")
    # Meanwhile another clerk saves the same party.
    parties.update_party(sqlite_db, view.id, parties.PartyData(legal_name="Bodegas Núñez", tax_id="A58818501",
                                                               city="Logroño"), view.version)
    answers["answers"] = [False]  # keep editing
    assert tab.action_save() is False
    assert "changed" in answers["asked"][-1][1]
    assert tab.form.fields["city"].text() == "Haro"  # still what the clerk typed
    assert parties.get_party(sqlite_db, view.id).city == "Logroño"  # no silent overwrite

    answers["answers"] = [True]  # reload
    assert tab.action_save() is False
    assert tab.form.fields["city"].text() == "Logroño"
    type_into(qtbot, tab.form.fields["city"], "Haro")
    assert tab.action_save() is True
    assert parties.get_party(sqlite_db, view.id).city == "Haro"


def test_the_party_model_passes_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester, sqlite_db):
    for i in range(45):
        parties.create_party(sqlite_db, parties.PartyData(legal_name=f"Cliente {i:03d}"))
    tab = PartiesTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.model.page_size = 20
    tab.model._query = tab.model.query.__class__(**{**tab.model.query.__dict__, "limit": 20})
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(tab.model)
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 45
    qtmodeltester.check(tab.model)
    assert parties.count_parties(sqlite_db, ListQuery()) == 45
