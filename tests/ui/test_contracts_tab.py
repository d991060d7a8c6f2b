"""A clerk keeps contracts: the form and its errors, the counterparty, lines, files, ending-soon rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from app.domain.enums import ContractKind, ContractStatus
from app.services import contracts, employees, parties, products, reference
from app.services.contracts import ContractData, ContractLineData
from app.services.employees import EmployeeData
from app.services.listing import ListQuery
from tests.ui.conftest import type_text, wait_idle
from ui.common.table_model import ROW_ROLE, SORT_ROLE
from ui.common import theme
from ui.contracts.tab import ENDING_SOON, OVERDUE, ContractsTab

TODAY = dt.date(2026, 3, 2)
BG = Qt.ItemDataRole.BackgroundRole


def make_tab(qtbot, db, today=TODAY) -> ContractsTab:
    tab = ContractsTab(db, today=today)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def customer(db, name="Ferretería Martínez SL", nif="B58378431"):
    return parties.create_party(db, parties.PartyData(legal_name=name, tax_id=nif, is_customer=True))


def employee(db):
    return employees.create_employee(db, EmployeeData(first_name="Ana", last_name="García Pérez", tax_id="12345678Z",
                                                      hire_date=dt.date(2020, 3, 1)), today=TODAY)


def titles(tab) -> list[str]:
    return [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]


def row_of(tab, title: str) -> int:
    return titles(tab).index(title)


def choose(qtbot, field, text: str) -> None:
    """Type part of a name, then pick the first suggestion from the pop-up with the keyboard."""
    type_text(qtbot, field, text)
    popup = field.completer_.popup()
    qtbot.waitUntil(lambda: not field.busy and popup.isVisible(), timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.value() is not None


def new_contract(db, title, *, end, status=ContractStatus.ACTIVE, party=None, **kw):
    return contracts.create_contract(db, ContractData(kind=ContractKind.CUSTOMER, title=title, party_id=party,
                                                      start_date=dt.date(2025, 1, 1), end_date=end, status=status,
                                                      **kw))


def test_a_date_that_does_not_exist_and_letters_in_the_value_are_refused_then_fixed_and_saved(qtbot, sqlite_db):
    shop = customer(sqlite_db)
    tab = make_tab(qtbot, sqlite_db)
    tab.action_new()
    assert not tab.attachments.add_button.isEnabled()  # files wait until the contract exists
    fields = tab.form.fields
    type_text(qtbot, fields["title"], "Mantenimiento anual de la maquinaria")
    choose(qtbot, fields["party_id"], "martínez")
    assert fields["party_id"].value() == shop.id
    type_text(qtbot, fields["start_date"], "01/03/2026")
    type_text(qtbot, fields["end_date"], "31/02/2027")
    type_text(qtbot, fields["value"], "1.2a0")
    assert tab.action_save() is False
    assert tab.form.error_text("end_date")
    assert tab.form.error_text("value")
    assert tab.form.error_text("title") == ""
    assert fields["end_date"].text() == "31/02/2027" and fields["value"].text() == "1.2a0"  # nothing typed lost
    assert contracts.count_contracts(sqlite_db) == 0

    type_text(qtbot, fields["end_date"], "28/02/2027")
    type_text(qtbot, fields["value"], "1.200,505")  # cents expected: a third decimal is refused, not rounded
    assert tab.action_save() is False
    assert tab.form.error_text("value") and tab.form.error_text("end_date") == ""
    assert contracts.count_contracts(sqlite_db) == 0

    type_text(qtbot, fields["value"], "1.200,50")
    assert tab.action_save() is True
    wait_idle(qtbot, tab.model)
    assert titles(tab) == ["Mantenimiento anual de la maquinaria"]
    assert tab.model.index(0, 2).data() == "Ferretería Martínez SL"
    assert tab.model.index(0, 6).data() == "28/02/2027"
    assert tab.model.index(0, 7).data(SORT_ROLE) == Decimal("1200.50")
    saved = contracts.get_contract(sqlite_db, tab.model.index(0, 0).data(ROW_ROLE)["__id"])
    assert (saved.party_id, saved.kind, saved.status, saved.value) == \
        (shop.id, ContractKind.CUSTOMER, ContractStatus.DRAFT, Decimal("1200.50"))
    assert tab.attachments.add_button.isEnabled()


def test_the_kind_decides_whether_a_party_or_an_employee_is_asked_for(qtbot, sqlite_db):
    ana = employee(sqlite_db)
    supplier = parties.create_party(sqlite_db, parties.PartyData(legal_name="Limpiezas Sol SL", tax_id="A58818501",
                                                                 is_customer=False, is_supplier=True))
    tab = make_tab(qtbot, sqlite_db)
    tab.action_new()
    fields, layout = tab.form.fields, tab.form.layout_
    visible = lambda name: layout.isRowVisible(fields[name].parentWidget())  # noqa: E731
    assert visible("party_id") and not visible("employee_id")

    fields["kind"].set_value(ContractKind.SUPPLIER.value)
    assert layout.labelForField(fields["party_id"].parentWidget()).text().replace("&", "") == "Supplier"
    choose(qtbot, fields["party_id"], "limpiezas")  # suppliers are offered for a supplier contract
    assert fields["party_id"].value() == supplier.id

    fields["kind"].set_value(ContractKind.EMPLOYMENT.value)
    assert visible("employee_id") and not visible("party_id")
    type_text(qtbot, fields["title"], "Contrato indefinido")
    type_text(qtbot, fields["start_date"], "01/03/2020")
    assert tab.action_save() is False
    assert tab.form.error_text("employee_id")  # the employee is missing, and the hidden supplier is not sent
    assert tab.form.error_text("party_id") == ""
    assert contracts.count_contracts(sqlite_db) == 0

    type_text(qtbot, fields["employee_id"], ana.code)  # a whole code picks the person at once
    qtbot.waitUntil(lambda: not fields["employee_id"].busy, timeout=5000)
    assert fields["employee_id"].value() == ana.id
    assert tab.action_save() is True
    wait_idle(qtbot, tab.model)
    assert tab.model.index(0, 2).data() == "Ana García Pérez"
    saved = contracts.get_contract(sqlite_db, tab.record_id)
    assert (saved.kind, saved.employee_id, saved.party_id) == (ContractKind.EMPLOYMENT, ana.id, None)

    tab.open_record(str(saved.id))  # opened again: the employee's name shows, not just an id
    assert fields["employee_id"].text().endswith("Ana García Pérez")
    assert visible("employee_id") and not visible("party_id")


def test_contracts_needing_attention_are_highlighted_say_why_and_can_be_listed_alone(qtbot, sqlite_db):
    shop = customer(sqlite_db).id
    new_contract(sqlite_db, "Ends soon", end=TODAY + dt.timedelta(days=30), party=shop)
    new_contract(sqlite_db, "Ends later", end=TODAY + dt.timedelta(days=31), party=shop)
    new_contract(sqlite_db, "Notice due", end=TODAY + dt.timedelta(days=60), party=shop, notice_days=45)
    new_contract(sqlite_db, "Overdue", end=TODAY - dt.timedelta(days=1), party=shop)
    new_contract(sqlite_db, "Already ended", end=TODAY + dt.timedelta(days=5), status=ContractStatus.ENDED,
                 party=shop)
    new_contract(sqlite_db, "Open-ended", end=None, party=shop)
    new_contract(sqlite_db, "Draft ending", end=TODAY, status=ContractStatus.DRAFT, party=shop)
    tab = make_tab(qtbot, sqlite_db)
    assert len(titles(tab)) == 7
    alert_col = [c.key for c in tab.model.columns].index("alert_text")

    def colour(title):
        brush = tab.model.index(row_of(tab, title), 3).data(BG)
        return brush.color().name() if brush is not None else None

    def why(title):
        return tab.model.index(row_of(tab, title), alert_col).data()

    assert colour("Ends soon") == theme.colour(ENDING_SOON).name() and why("Ends soon") == "Ends in 30 days"
    assert colour("Notice due") == theme.colour(ENDING_SOON).name() and why("Notice due") == "Notice by 17/03/2026"
    assert colour("Overdue") == theme.colour(OVERDUE).name() and why("Overdue") == "Ended yesterday"
    for title in ("Ends later", "Open-ended", "Already ended", "Draft ending"):  # drafts and ended ones need nobody
        assert colour(title) is None and why(title) == "", title

    tab.alerts_filter.setFocus()
    qtbot.keyClick(tab.alerts_filter, Qt.Key.Key_Space)  # the quick filter, by keyboard
    wait_idle(qtbot, tab.model)
    assert sorted(titles(tab)) == ["Ends soon", "Notice due", "Overdue"]

    tab.alerts_filter.setChecked(False)
    wait_idle(qtbot, tab.model)
    assert len(titles(tab)) == 7

    # Another day, the same contracts: what counts as "soon" moves with it.
    later = make_tab(qtbot, sqlite_db, today=TODAY + dt.timedelta(days=2))
    assert later.model.index(titles(later).index("Ends later"), 0).data(BG).color().name() == theme.colour(ENDING_SOON).name()


def test_kind_filter_search_and_archive_with_confirmation(qtbot, sqlite_db, answers):
    shop = customer(sqlite_db).id
    ana = employee(sqlite_db)
    new_contract(sqlite_db, "Mantenimiento", end=None, party=shop, reference="CT-1")
    new_contract(sqlite_db, "Soporte", end=None, party=shop, reference="CT-2")
    contracts.create_contract(sqlite_db, ContractData(kind=ContractKind.EMPLOYMENT, title="Indefinido",
                                                      employee_id=ana.id, start_date=dt.date(2020, 3, 1)))
    tab = make_tab(qtbot, sqlite_db)
    kind = tab.list.findChild(QComboBox, "filter_kind")
    kind.setCurrentIndex(kind.findData(ContractKind.EMPLOYMENT.value))
    wait_idle(qtbot, tab.model)
    assert titles(tab) == ["Indefinido"]
    kind.setCurrentIndex(0)
    wait_idle(qtbot, tab.model)

    type_text(qtbot, tab.list.search, "martínez sopor")  # every word, in any searched column
    qtbot.waitUntil(lambda: titles(tab) == ["Soporte"], timeout=5000)
    tab.list.search.clear()
    qtbot.waitUntil(lambda: len(titles(tab)) == 3, timeout=5000)

    tab.list.table.setFocus()
    tab.list.table.setCurrentIndex(tab.model.index(row_of(tab, "Soporte"), 0))
    answers["answers"] = [False]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)
    assert "CT-2 Soporte" in answers["asked"][-1][1]
    wait_idle(qtbot, tab.model)
    assert len(titles(tab)) == 3  # said no: still there

    answers["answers"] = [True]
    qtbot.keyClick(tab.list.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, tab.model)
    assert sorted(titles(tab)) == ["Indefinido", "Mantenimiento"]
    assert contracts.count_contracts(sqlite_db, ListQuery(filters={"include_archived": True})) == 3


def test_lines_are_kept_on_save_and_a_bad_quantity_names_its_line(qtbot, sqlite_db):
    iva21 = reference.tax_rates(sqlite_db)[0]
    service = products.create_product(sqlite_db, products.ProductData(sku="MANT-1", name="Mantenimiento",
                                                                      tax_rate_id=iva21.id, kind="service"))
    lines = [ContractLineData("Cuota mensual", Decimal("1"), Decimal("120.00"), iva21.id, service.id),
             ContractLineData("Desplazamiento", Decimal("2.5"), Decimal("30.1234"), iva21.id)]
    made = new_contract(sqlite_db, "Mantenimiento", end=None, party=customer(sqlite_db).id, lines=lines)
    tab = make_tab(qtbot, sqlite_db)
    tab.open_record(str(made.id))
    assert tab.lines.rows() == 2 and not tab.dirty  # loading is not editing
    type_text(qtbot, tab.form.fields["title"], "Mantenimiento 2026")
    assert tab.action_save() is True
    saved = contracts.get_contract(sqlite_db, made.id)
    assert saved.title == "Mantenimiento 2026"
    assert list(saved.lines) == lines  # product, quantities and prices as they were

    qtbot.waitUntil(lambda: tab.lines.add_button.width() > 0)
    qtbot.mouseClick(tab.lines.add_button, Qt.MouseButton.LeftButton)
    assert tab.dirty and tab.lines.rows() == 3
    tab.lines.set_cell(2, 0, "Material")
    tab.lines.set_cell(2, 1, "dos")
    tab.lines.set_cell(2, 2, "15")
    assert tab.action_save() is False
    assert tab.form.error_text("lines").startswith("Line 3")
    assert tab.lines.rows() == 3 and tab.lines.table.item(2, 1).text() == "dos"
    assert contracts.get_contract(sqlite_db, made.id).version == saved.version

    tab.lines.set_cell(2, 1, "0")  # a number, but the service wants more than none
    assert tab.action_save() is False
    assert tab.form.error_text("lines").startswith("Line 3")
    assert contracts.get_contract(sqlite_db, made.id).version == saved.version

    tab.lines.set_cell(2, 1, "3")
    assert tab.action_save() is True
    after = contracts.get_contract(sqlite_db, made.id)
    assert list(after.lines[:2]) == lines
    assert (after.lines[2].description, after.lines[2].quantity, after.lines[2].unit_price) == \
        ("Material", Decimal("3"), Decimal("15"))
    assert after.lines[2].tax_rate_id == iva21.id


def test_files_are_attached_saved_as_a_copy_and_removed(qtbot, sqlite_db, answers, tmp_path, monkeypatch):
    made = new_contract(sqlite_db, "Arrendamiento", end=None, party=customer(sqlite_db).id)
    tab = make_tab(qtbot, sqlite_db)
    tab.open_record(str(made.id))
    box = tab.attachments
    qtbot.waitUntil(lambda: box.add_button.width() > 0)  # laid out, so a click lands on the button
    scan = tmp_path / "contrato firmado.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.busy, timeout=5000)
    assert box.filenames() == ["contrato firmado.pdf"], box.hint.text()

    empty = tmp_path / "vacío.txt"
    empty.write_bytes(b"")
    box.add_file(empty)
    qtbot.waitUntil(lambda: not box.busy, timeout=5000)
    assert box.filenames() == ["contrato firmado.pdf"]  # refused, and said so
    assert "empty" in box.hint.text()

    box.list.setCurrentRow(0)
    copy = tmp_path / "copia.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.busy, timeout=5000)
    assert copy.read_bytes() == scan.read_bytes()

    answers["answers"] = [False]
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert "contrato firmado.pdf" in answers["asked"][-1][1]
    assert box.filenames() == ["contrato firmado.pdf"]
    answers["answers"] = [True]
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.filenames() == []
    assert contracts.list_attachments(sqlite_db, made.id) == []

    tab.action_new()  # a new contract shows no files from the last one
    assert box.filenames() == [] and not box.add_button.isEnabled()


def test_the_contract_model_passes_the_model_tester_before_and_after_fetching_more(qtbot, qtmodeltester,
                                                                                    sqlite_db):
    shop = customer(sqlite_db).id
    for i in range(45):
        new_contract(sqlite_db, f"Contrato {i:03d}", end=TODAY + dt.timedelta(days=i), party=shop)
    tab = ContractsTab(sqlite_db, today=TODAY)
    qtbot.addWidget(tab)
    tab.model.page_size = 20
    tab.model._query = replace(tab.model.query, limit=20)
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(tab.model)
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 45
    tab.model.fetchMore()
    for r in range(45):  # scroll through: every page read, every highlight decided
        tab.model.index(r, 0).data(BG)
    wait_idle(qtbot, tab.model)
    qtmodeltester.check(tab.model)
    highlighted = [r for r in range(45) if tab.model.index(r, 0).data(BG) is not None]
    assert len(highlighted) == 31  # ending today .. today + 30
