"""Two clerks change the same record: the second to save chooses reload, overwrite or compare.

Ana has the record open in a real form; Luis saves the same record through
the services on his own Database handle. Ana's save then meets the newer
version (optimistic locking) and the conflict dialog asks her.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.db.session import Database
from app.services import employees, parties, reference
from app.services.employees import EmployeeData
from app.services.parties import AddressData, PartyData
from tests.ui.conftest import type_text, wait_idle
from ui.common import conflict_dialog
from ui.common.conflict_dialog import ConflictDialog
from ui.employees.staff import StaffTab
from ui.parties.tab import PartiesTab

TODAY = dt.date(2026, 3, 2)


class Conflicts:
    """Answers each conflict dialog the tab opens with the next step; records what each one showed.

    ``with Conflicts([step, ...]) as answers: tab.action_save()`` — polling stops with the block.
    """

    def __init__(self, steps):
        self.steps = list(steps)
        self.seen: list[dict] = []
        self.running = False

    def __enter__(self) -> Conflicts:
        self.running = True
        QTimer.singleShot(0, self._poll)
        return self

    def __exit__(self, *_exc) -> None:
        self.running = False

    def _poll(self) -> None:
        if not self.running:
            return
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ConflictDialog) and w.isVisible()), None)
        if dialog is not None:
            if self.steps:
                self.seen.append({"message": dialog.message.text(), "diffs": list(dialog.diffs)})
                self.steps.pop(0)(dialog)
            else:  # an unexpected dialog: never leave a test hanging on it
                self.seen.append({"unexpected": True})
                dialog.keep_button.click()
        QTimer.singleShot(10, self._poll)


def table_rows(dialog: ConflictDialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def compare_then(choice: str, shots: dict | None = None, name: str = ""):
    """Click Compare, remember the table (and a picture of it), then choose."""
    def step(dialog: ConflictDialog) -> None:
        assert dialog.table.isHidden()
        dialog.compare_button.click()
        assert dialog.table.isVisible() and dialog.comparing
        if shots is not None:
            shots["rows"] = table_rows(dialog)
            dialog.grab().save(f"/tmp/conflict_{name}.png")
        {"reload": dialog.reload_button, "overwrite": dialog.overwrite_button,
         "keep": dialog.keep_button}[choice].click()
    return step


def click(choice: str):
    def step(dialog: ConflictDialog) -> None:
        {"reload": dialog.reload_button, "overwrite": dialog.overwrite_button,
         "keep": dialog.keep_button}[choice].click()
    return step


def clerks(db) -> tuple[Database, Database]:
    """Two people, each with a Database handle of their own on the same database."""
    return Database(db.engine, user="ana"), Database(db.engine, user="luis")


def open_party_tab(qtbot, database: Database, party_id) -> PartiesTab:
    tab = PartiesTab(database)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    tab.open_record(str(party_id))
    assert tab.editor_open
    return tab


def luis_changes(luis: Database, party_id, **changes) -> parties.PartyView:
    current = parties.get_party(luis, party_id)
    data = PartyData(**{**{k: getattr(current, k) for k in (
        "legal_name", "tax_id", "trade_name", "is_customer", "is_supplier", "street", "postal_code", "city",
        "province", "country", "email", "phone", "iban", "payment_term_id", "language", "recargo_equivalencia",
        "irpf_percent", "notes", "code")}, "addresses": list(current.addresses), **changes})
    return parties.update_party(luis, party_id, data, current.version)


@pytest.fixture
def shop(db):
    ana, luis = clerks(db)
    made = parties.create_party(db, PartyData(legal_name="Ferretería Martínez SL", tax_id="B58378431",
                                              city="Zaragoza", postal_code="50001", phone="976 000 111",
                                              addresses=[AddressData("Calle Alfonso I 3", "50003", "Zaragoza")]))
    yield ana, luis, made
    ana.dispose(), luis.dispose()


def test_reload_discards_my_edits_and_shows_theirs(qtbot, shop):
    ana, luis, made = shop
    tab = open_party_tab(qtbot, ana, made.id)
    type_text(qtbot, tab.form.fields["phone"], "976 999 999")
    assert tab.dirty
    theirs = luis_changes(luis, made.id, city="Huesca", postal_code="22001")

    with Conflicts([click("reload")]) as answers:
        assert tab.action_save() is False
    assert len(answers.seen) == 1 and "Someone else saved this customer or supplier" in answers.seen[0]["message"]
    assert tab.form.fields["city"].text() == "Huesca" and tab.form.fields["phone"].text() == "976 000 111"
    assert not tab.dirty and tab.version == theirs.version
    stored = parties.get_party(ana, made.id)
    assert (stored.city, stored.phone, stored.version) == ("Huesca", "976 000 111", theirs.version)
    # Reloaded, the form saves normally: no second conflict.
    type_text(qtbot, tab.form.fields["phone"], "974 123 456")
    with Conflicts([]) as again:
        assert tab.action_save() is True
    assert again.seen == []
    assert parties.get_party(luis, made.id).phone == "974 123 456"


def test_compare_shows_the_fields_that_differ_then_overwrite_saves_mine(qtbot, shop):
    ana, luis, made = shop
    terms = {t.name: t.id for t in reference.payment_terms(ana)}
    tab = open_party_tab(qtbot, ana, made.id)
    type_text(qtbot, tab.form.fields["legal_name"], "Ferretería Martínez e Hijos SL")
    type_text(qtbot, tab.form.fields["phone"], "976 999 999")
    luis_changes(luis, made.id, legal_name="Martínez Ferreteros SL", city="Huesca", postal_code="22001",
                 payment_term_id=next(iter(terms.values())), is_supplier=True,
                 addresses=[AddressData("Calle Coso 10", "22002", "Huesca")])

    shots: dict = {}
    with Conflicts([compare_then("overwrite", shots, "parties")]) as answers:
        assert tab.action_save() is True
    rows = {label: (mine, theirs) for label, mine, theirs in shots["rows"]}
    assert rows["Name"] == ("Ferretería Martínez e Hijos SL", "Martínez Ferreteros SL")
    assert rows["Phone"] == ("976 999 999", "976 000 111")
    assert rows["City"] == ("Zaragoza", "Huesca") and rows["Postal code"] == ("50001", "22001")
    assert rows["Payment terms"] == ("On receipt", next(iter(terms)))  # as the form names it, not an id
    assert rows["Supplier"] == ("No", "Yes")
    assert set(rows) == {"Name", "Phone", "City", "Postal code", "Payment terms", "Supplier"}  # nothing else
    assert len(answers.seen) == 1

    stored = parties.get_party(luis, made.id)  # mine, field by field, over theirs
    assert (stored.legal_name, stored.phone, stored.city, stored.payment_term_id, stored.is_supplier) == (
        "Ferretería Martínez e Hijos SL", "976 999 999", "Zaragoza", None, False)
    # The delivery addresses are not in the form: their change stays.
    assert [a.street for a in stored.addresses] == ["Calle Coso 10"]
    assert tab.version == stored.version and not tab.dirty
    assert tab.title.text().endswith("Ferretería Martínez e Hijos SL")


def test_overwrite_meets_yet_another_change_and_asks_again(qtbot, shop):
    ana, luis, made = shop
    tab = open_party_tab(qtbot, ana, made.id)
    type_text(qtbot, tab.form.fields["phone"], "976 999 999")
    luis_changes(luis, made.id, city="Huesca", postal_code="22001")

    def luis_again_then_overwrite(dialog):
        luis_changes(luis, made.id, city="Teruel", postal_code="44001")  # while Ana reads the dialog
        dialog.overwrite_button.click()

    shots: dict = {}
    with Conflicts([luis_again_then_overwrite, compare_then("keep", shots, "again")]) as answers:
        assert tab.action_save() is False
    assert len(answers.seen) == 2 and not any(s.get("unexpected") for s in answers.seen)
    rows = {label: (mine, theirs) for label, mine, theirs in shots["rows"]}
    assert rows["City"] == ("Zaragoza", "Teruel")  # the second dialog shows the newest version
    stored = parties.get_party(luis, made.id)
    assert (stored.city, stored.phone) == ("Teruel", "976 000 111")  # nothing of Ana's written
    assert tab.form.fields["phone"].text() == "976 999 999" and tab.dirty  # nothing she typed is lost
    assert "Not saved" in tab.form.general_error.text()

    with Conflicts([click("overwrite")]):  # saving again asks again, and now overwrites
        assert tab.action_save() is True
    assert parties.get_party(luis, made.id).phone == "976 999 999"


def test_escape_keeps_editing(qtbot, shop):
    ana, luis, made = shop
    tab = open_party_tab(qtbot, ana, made.id)
    type_text(qtbot, tab.form.fields["notes"], "Llamar antes de las 10")
    luis_changes(luis, made.id, notes="Cliente preferente")
    with Conflicts([lambda dialog: dialog.reject()]) as answers:  # Esc
        assert tab.action_save() is False
    assert len(answers.seen) == 1
    assert tab.form.fields["notes"].toPlainText() == "Llamar antes de las 10" and tab.dirty
    assert parties.get_party(luis, made.id).notes == "Cliente preferente"


def test_employees_compare_and_overwrite_keep_the_confidential_fields(qtbot, db):
    ana, luis = clerks(db)
    made = employees.create_employee(db, EmployeeData(first_name="Marta", last_name="Sanz Gil", tax_id="12345678Z",
                                                      hire_date=dt.date(2021, 1, 1), position="Dependienta",
                                                      phone="600 000 000", salary=Decimal("24000"),
                                                      iban="ES9121000418450200051332"), today=TODAY)
    tab = StaffTab(ana, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    tab.open_record(str(made.id))
    type_text(qtbot, tab.form.fields["position"], "Encargada de tienda")
    type_text(qtbot, tab.form.fields["phone"], "611 111 111")

    current = employees.get_employee(luis, made.id)  # Luis moves her end date and position
    employees.update_employee(luis, made.id, EmployeeData(
        first_name=current.first_name, last_name=current.last_name, tax_id=current.tax_id,
        hire_date=current.hire_date, position="Cajera", phone=current.phone, end_date=dt.date(2026, 12, 31)),
        current.version, today=TODAY)

    shots: dict = {}
    with Conflicts([compare_then("overwrite", shots, "employees")]) as answers:
        assert tab.action_save() is True
    assert len(answers.seen) == 1
    rows = {label: (mine, theirs) for label, mine, theirs in shots["rows"]}
    assert rows["Position"] == ("Encargada de tienda", "Cajera")
    assert rows["Phone"] == ("611 111 111", "600 000 000")
    assert rows["End date"] == ("(empty)", "31/12/2026")
    assert not {"Salary", "IBAN", "Social security number"} & set(rows)  # never shown, never compared
    stored = employees.get_employee(luis, made.id)
    assert (stored.position, stored.phone, stored.end_date) == ("Encargada de tienda", "611 111 111", None)
    pay = employees.get_restricted(db, made.id)
    assert (pay.salary, pay.iban) == (Decimal("24000"), "ES9121000418450200051332")  # kept, not overwritten


def test_the_comparison_reads_values_as_the_form_shows_them(qtbot, sqlite_db):
    tab = PartiesTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.activate()
    form = tab.form
    mine = {"legal_name": "  Uno  ", "phone": None, "irpf_percent": Decimal("15"), "is_customer": True,
            "payment_term_id": None, "notes": ""}
    theirs = {"legal_name": "Uno", "phone": "", "irpf_percent": Decimal("15.0000"), "is_customer": False,
              "payment_term_id": None, "notes": None, "not_in_the_form": "x"}
    diffs = conflict_dialog.differences(form, mine, theirs)
    assert [(d.field, d.mine, d.theirs) for d in diffs] == [("is_customer", "Yes", "No")]
    dialog = ConflictDialog(tab, "customer or supplier", [], who="luis",
                            when=dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.timezone.utc))
    qtbot.addWidget(dialog)
    assert "(luis, 02/03/2026" in dialog.message.text()
    dialog.show()
    dialog.compare_button.click()
    assert dialog.same.isVisible() and dialog.table.isHidden()  # they changed only what the form does not show
    dialog.compare_button.click()
    assert dialog.same.isHidden()
