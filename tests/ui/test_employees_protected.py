"""Personal data protected by design, as an HR clerk and an ordinary clerk meet it in the staff form.

HR sees pay, IBAN and social security number only on request (each showing
recorded); a clerk without the HR role never has them on screen at all.
Blocking, anonymising, the export for an access request, the audit trail and
the employee's documents, all driven through the real widgets.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from app.db.session import Database
from app.domain.enums import DocumentKind
from app.services import access, employee_documents, employees, hr_audit
from app.services.employees import EmployeeData
from tests.ui.conftest import type_text, wait_idle
from ui.common import dialogs
from ui.common.table_model import ID_ROLE
from ui.employees.privacy import AuditTrailDialog
from ui.employees.staff import StaffTab
from ui.employees.tab import EmployeesTab

TODAY = dt.date(2026, 3, 2)
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
IBAN = "ES9121000418450200051332"
SSN = "281234567840"
SALARY = Decimal("31250.75")
SECRETS = ("31250", "31.250", "31,250", IBAN, "ES91", "2812345", "281234567840")


def dni(n: int) -> str:
    return f"{n:08d}{LETTERS[n % 23]}"


def hire(db, first="Ana", last="García", n=12345678, **kw) -> employees.EmployeeView:
    data = dict(first_name=first, last_name=last, tax_id=dni(n), hire_date=dt.date(2015, 1, 1), salary=SALARY,
                payments_per_year=12, iban=IBAN, social_security_number=SSN)
    data.update(kw)
    return employees.create_employee(db, EmployeeData(**data), today=TODAY)


def as_role(db, *roles: str) -> Database:
    return Database(db.engine, user="clerk" if not roles else roles[0], roles=frozenset(roles))


def open_staff(qtbot, db, employee_id=None) -> StaffTab:
    container = EmployeesTab(db, today=TODAY)
    qtbot.addWidget(container)
    container.resize(1300, 860)
    container.show()
    container.activate()
    staff = container.staff
    wait_idle(qtbot, staff.model)
    if employee_id is not None:
        staff.open_record(str(employee_id))
    return staff


def audit(db, employee_id, action=None) -> list[hr_audit.AuditEntry]:
    return [e for e in hr_audit.list_audit(db, employee_id) if action is None or e.action == action]


def texts_on_screen(root: QWidget) -> list[str]:
    """Every text a widget tree can show: line edits (text, placeholder), labels, buttons, combo items, tooltips."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QPushButton):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        out.append(w.toolTip())
    return out


# -- HR: shown on request, and each showing recorded ----------------------------------------------

def test_hr_sees_the_confidential_fields_only_on_request_and_each_showing_is_recorded(qtbot, db):
    ana = hire(db)
    staff = open_staff(qtbot, db, ana.id)
    fields = staff.form.fields
    for name in ("salary", "iban", "social_security_number"):
        assert fields[name].text() == "" and fields[name].placeholderText() == "••••" and fields[name].isReadOnly()
    assert fields["payments_per_year"].currentIndex() == -1 and not fields["payments_per_year"].isEnabled()
    assert not any(secret in text for text in texts_on_screen(staff) for secret in SECRETS)
    assert staff.reveal_button.toolTip() == "Shown to HR only; each showing is recorded"
    assert audit(db, ana.id, hr_audit.VIEW) == []  # opening the form showed nothing confidential

    staff.reveal_button.click()
    assert (fields["salary"].value(), fields["payments_per_year"].value()) == (SALARY, 12)
    assert (fields["iban"].text(), fields["social_security_number"].text()) == (IBAN, SSN)
    assert not fields["salary"].isReadOnly() and fields["payments_per_year"].isEnabled()
    assert not staff.reveal_button.isEnabled() and not staff.dirty
    views = audit(db, ana.id, hr_audit.VIEW)
    assert len(views) == 1
    assert set(views[0].fields.split(",")) == {"salary", "payments_per_year", "iban", "social_security_number"}

    type_text(qtbot, fields["salary"], "33.000,00")  # shown, so editable; the change is recorded by name
    assert staff.action_save() is True
    assert employees.get_restricted(db, ana.id).salary == Decimal("33000")
    assert audit(db, ana.id, hr_audit.CHANGE)[0].fields == "salary"
    assert fields["salary"].text() == "" and staff.reveal_button.isEnabled()  # hidden again after saving


def test_saving_without_showing_keeps_pay_iban_and_social_security_as_stored(qtbot, db):
    ana = hire(db)
    staff = open_staff(qtbot, db, ana.id)
    type_text(qtbot, staff.form.fields["position"], "Jefa de ventas")
    type_text(qtbot, staff.form.fields["user_name"], "agarcia")
    assert staff.action_save() is True
    stored = employees.get_restricted(db, ana.id)
    assert (stored.salary, stored.payments_per_year, stored.iban, stored.social_security_number) == \
        (SALARY, 12, IBAN, SSN)
    saved = employees.get_employee(db, ana.id)
    assert (saved.position, saved.user_name) == ("Jefa de ventas", "agarcia")
    assert set(audit(db, ana.id, hr_audit.CHANGE)[0].fields.split(",")) == {"position", "user_name"}

    # A login already someone else's: refused next to the field, nothing written.
    hire(db, "Luis", "Benítez", 22222222, user_name="lbenitez")
    type_text(qtbot, staff.form.fields["user_name"], "lbenitez")
    assert staff.action_save() is False
    assert staff.form.error_text("user_name")
    assert employees.get_employee(db, ana.id).user_name == "agarcia"


def test_hr_types_the_pay_of_a_new_person_straight_away(qtbot, db):
    staff = open_staff(qtbot, db)
    staff.action_new()
    fields = staff.form.fields
    assert not fields["salary"].isReadOnly() and fields["payments_per_year"].value() == 14
    type_text(qtbot, fields["first_name"], "Rosa")
    type_text(qtbot, fields["last_name"], "Calvo")
    type_text(qtbot, fields["tax_id"], dni(44444444))
    type_text(qtbot, fields["hire_date"], "01/02/2024")
    type_text(qtbot, fields["iban"], "ES91 2100 0418 4502 0005 1333")  # wrong check digits
    type_text(qtbot, fields["salary"], "24.000,00")
    assert staff.action_save() is False
    assert staff.form.error_text("iban")
    assert employees.count_employees(db) == 0
    type_text(qtbot, fields["iban"], IBAN)
    assert staff.action_save() is True
    pay = employees.get_restricted(db, staff.view.id)
    assert (pay.salary, pay.payments_per_year, pay.iban) == (Decimal("24000"), 14, IBAN)


# -- a clerk without the HR role ------------------------------------------------------------------

def test_a_clerk_never_has_pay_iban_or_social_security_on_screen_and_saving_keeps_them(qtbot, db):
    ana = hire(db, position="Comercial")
    clerk = as_role(db)
    staff = open_staff(qtbot, clerk, ana.id)
    assert staff.editor_open and staff.form.fields["first_name"].text() == "Ana"
    assert not {"salary", "payments_per_year", "iban", "social_security_number"} & set(staff.form.fields)
    assert staff.confidential_note.text().endswith("Confidential: HR only")
    assert staff.documents is None and staff.privacy.isHidden()
    assert not staff.findChildren(QPushButton, "reveal")
    on_screen = texts_on_screen(staff.window())
    assert not any(secret in text for text in on_screen for secret in SECRETS)
    assert "Ana" in on_screen  # the walk does see the form's texts

    type_text(qtbot, staff.form.fields["phone"], "600 111 222")
    assert staff.action_save() is True
    assert not any(secret in text for text in texts_on_screen(staff.window()) for secret in SECRETS)
    assert audit(db, ana.id, hr_audit.VIEW) == []  # nothing confidential was read for the clerk
    assert audit(db, ana.id, hr_audit.CHANGE)[0].fields == "phone"
    stored = employees.get_restricted(db, ana.id)
    assert (stored.salary, stored.iban, stored.social_security_number) == (SALARY, IBAN, SSN)
    assert employees.get_employee(db, ana.id).phone == "600 111 222"

    staff.action_new()  # a clerk may take on a new person; pay is for HR to add
    fields = staff.form.fields
    type_text(qtbot, fields["first_name"], "Luis")
    type_text(qtbot, fields["last_name"], "Benítez")
    type_text(qtbot, fields["tax_id"], dni(22222222))
    type_text(qtbot, fields["hire_date"], "01/02/2024")
    assert staff.action_save() is True
    pay = employees.get_restricted(db, staff.view.id)
    assert (pay.salary, pay.payments_per_year, pay.iban) == (None, 14, None)


# -- blocking ----------------------------------------------------------------------------------

def test_hr_blocks_a_person_who_then_is_seen_by_an_admin_only_read_only_with_the_reason(qtbot, db, answers):
    ana = hire(db)
    hr = as_role(db, access.HR)
    staff = open_staff(qtbot, hr, ana.id)
    privacy = staff.privacy
    assert privacy.block_action.isEnabled() and not privacy.unblock_action.isEnabled()
    answers["answers"] = [""]  # no reason: refused on the reason, nothing blocked
    privacy.block_action.trigger()
    assert answers["asked"][-1][0] == "Not blocked"
    assert not employees.get_employee(db, ana.id).blocked
    answers["answers"] = ["Solicitud de supresión del 1/3/2026"]
    privacy.block_action.trigger()
    assert not staff.editor_open  # HR may no longer read it
    wait_idle(qtbot, staff.model)
    assert staff.model.rowCount() == 0
    assert employees.get_employee(db, ana.id).block_reason == "Solicitud de supresión del 1/3/2026"

    admin = open_staff(qtbot, db, ana.id)  # the owner of a local file holds every role
    assert admin.editor_open
    assert admin.banner.isVisible()
    assert admin.banner.text() == "Personal data blocked: Solicitud de supresión del 1/3/2026"
    fields = admin.form.fields
    assert fields["first_name"].isReadOnly() and not fields["department_id"].isEnabled()
    assert not admin.save_button.isEnabled()
    assert admin.action_save() is False  # Ctrl+S too
    admin.action_reveal()  # an admin may look, still not change
    assert fields["iban"].text() == IBAN and fields["iban"].isReadOnly()
    assert not admin.documents.add_button.isEnabled()
    assert admin.privacy.unblock_action.isEnabled() and not admin.privacy.block_action.isEnabled()

    answers["answers"] = [True]
    admin.privacy.unblock_action.trigger()
    assert not admin.banner.isVisible() and not fields["first_name"].isReadOnly() and admin.save_button.isEnabled()
    assert not employees.get_employee(hr, ana.id).blocked
    assert [e.action for e in audit(db, ana.id)][:2] == [hr_audit.UNBLOCK, hr_audit.VIEW]


# -- anonymising ---------------------------------------------------------------------------------

def test_anonymise_is_offered_once_the_retention_period_has_passed(qtbot, db, answers):
    recent = hire(db, "Luis", "Reciente", 22222222, end_date=dt.date(2024, 6, 30))
    old = hire(db, "Eva", "Antigua", 33333333, end_date=dt.date(2021, 6, 30))
    employee_documents.add_document(db, old.id, DocumentKind.CONTRACT, "Contrato", "contrato.pdf", b"%PDF-1.4 x")
    staff = open_staff(qtbot, db, recent.id)
    action = staff.privacy.anonymise_action
    assert not action.isEnabled() and "(from 01/07/2028)" in action.text()

    staff.open_record(str(old.id))
    assert action.isEnabled()
    answers["answers"] = [False]
    action.trigger()
    assert "cannot be undone" in answers["asked"][-1][1]
    assert not employees.get_employee(db, old.id).anonymised
    answers["answers"] = [True]
    action.trigger()
    view = employees.get_employee(db, old.id)
    assert view.anonymised and view.tax_id is None
    assert staff.title.text() == f"{old.code} · Anonymised {old.code}"
    assert staff.banner.text().startswith("Anonymised on")
    assert staff.form.fields["tax_id"].text() == "" and staff.form.fields["first_name"].isReadOnly()
    assert not action.isEnabled() and not staff.privacy.block_action.isEnabled()
    assert employees.get_restricted(db, old.id).iban is None


# -- the access request, the audit trail -----------------------------------------------------------

def test_export_personal_data_writes_the_pdf_and_json_and_the_audit_trail_lists_who_did_what(
        qtbot, db, answers, monkeypatch, tmp_path):
    ana = hire(db)
    staff = open_staff(qtbot, db, ana.id)
    staff.action_reveal()
    target = tmp_path / "acceso" / "ana.pdf"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(dialogs, "choose_save_path", lambda _p, title, suggested, _f: asked.append(suggested)
                        or str(target))
    staff.privacy.export_action.trigger()
    qtbot.waitUntil(lambda: not staff.privacy.exporting, timeout=15_000)
    assert asked == [f"datos-personales-{ana.code}.pdf"]
    assert answers["asked"][-1][0] == "Export personal data"
    assert target.read_bytes().startswith(b"%PDF")
    exported = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert exported["person"]["iban"] == IBAN
    assert [e.action for e in audit(db, ana.id)][:2] == [hr_audit.EXPORT, hr_audit.VIEW]

    dialog = staff.privacy.show_audit()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AuditTrailDialog)
    rows = dialog.rows()
    assert [r[2] for r in rows] == ["Exported", "Viewed", "Created"]
    assert rows[1][3] == "Salary, Payments a year, IBAN, Social security no."
    assert all(r[1] for r in rows) and all(len(r[0]) == len("02/03/2026 10:00:00") for r in rows)
    assert not any(IBAN in cell or "31250" in cell for r in rows for cell in r)  # names of fields, never values

    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_a: None)  # cancelled: nothing written
    before = len(audit(db, ana.id))
    staff.privacy.export_action.trigger()
    assert len(audit(db, ana.id)) == before


# -- documents -----------------------------------------------------------------------------------

def test_documents_are_added_opened_changed_and_removed_with_a_real_file(qtbot, db, answers, tmp_path):
    ana = hire(db)
    staff = open_staff(qtbot, db, ana.id)
    box = staff.documents
    assert box.isVisible() and box.add_button.isEnabled() and not box.open_button.isEnabled()
    source = tmp_path / "permiso de trabajo.pdf"
    content = b"%PDF-1.4\n% permiso\n" + bytes(range(256)) * 8
    source.write_bytes(content)
    opened: list[Path] = []
    box.chooser = lambda _parent: str(source)
    box.details = lambda _parent, title, *rest: (DocumentKind.PERMIT, title.capitalize(), dt.date(2026, 2, 1))
    box.opener = lambda path: opened.append(path) or True
    changed = []
    staff.sig_changed.connect(lambda: changed.append(True))  # the window's expiry badge counts again

    box.add_button.click()
    qtbot.waitUntil(lambda: not box.busy and box.table.rowCount() == 1, timeout=10_000)
    assert changed == [True]
    row = [box.table.item(0, c).text() for c in range(4)]
    assert row == ["Permit", "Permiso de trabajo", "01/02/2026 (expired)", "2 KB"]

    box.table.selectRow(0)
    box.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].name == "permiso de trabajo.pdf" and opened[0].read_bytes() == content

    box.details = lambda _parent, title, kind, expires: (kind, title, dt.date(2027, 2, 1))
    box.edit_button.click()
    assert box.table.item(0, 2).text() == "01/02/2027"
    box.details = lambda _parent, title, kind, expires: (kind, "", expires)  # a title is required
    box.table.selectRow(0)
    box.edit_button.click()
    assert box.hint.text() and box.table.item(0, 1).text() == "Permiso de trabajo"

    box.table.selectRow(0)
    answers["answers"] = [True]
    box.remove_button.click()
    assert box.table.rowCount() == 0
    notes = [e.note for e in audit(db, ana.id, hr_audit.DOCUMENT)]
    assert notes[-1].startswith("added: permit document ") and notes[0].startswith("removed: permit document ")
    assert any(n.startswith("opened: permit document ") for n in notes)
    assert not any("permiso" in n for n in notes)  # never the file name: it outlives anonymising

    staff.action_new()  # a new person has no documents until saved
    assert box.table.rowCount() == 0 and not box.add_button.isEnabled()


def test_the_staff_list_row_for_a_person_holds_no_confidential_value(qtbot, db):
    hire(db)
    staff = open_staff(qtbot, db)
    row = staff.model.index(0, 0)
    staff.open_record(row.data(ID_ROLE))
    assert not any(secret in text for text in texts_on_screen(staff.list) for secret in SECRETS)


# -- expiring documents (issue 7) ------------------------------------------------------------------

def _doc(db, employee, kind, title, expires_on):
    return employee_documents.add_document(db, employee.id, kind, title, f"{title}.pdf", b"%PDF-1.4 x", expires_on)


def test_hr_lists_the_expiring_documents_and_enter_opens_the_person(qtbot, db):
    from ui.common import theme
    from ui.employees.documents import EXPIRED_TINT
    from ui.employees.expiring import ExpiringDocumentsDialog

    ana = hire(db)
    luis = hire(db, "Luis", "Benítez", 22222222)
    eva = hire(db, "Eva", "Ida", 33333333, end_date=TODAY - dt.timedelta(days=1))  # left: not alerted
    _doc(db, ana, DocumentKind.PERMIT, "Permiso de trabajo", TODAY - dt.timedelta(days=5))
    _doc(db, luis, DocumentKind.CERTIFICATE, "Curso PRL", TODAY + dt.timedelta(days=12))
    _doc(db, ana, DocumentKind.CONTRACT, "Contrato", TODAY + dt.timedelta(days=400))  # far off: not listed
    _doc(db, eva, DocumentKind.PERMIT, "Permiso antiguo", TODAY - dt.timedelta(days=40))
    staff = open_staff(qtbot, as_role(db, access.HR))
    assert staff.expiring_button.isVisible() and staff.expiring_button.text() == "E&xpiring documents…"

    staff.expiring_button.click()
    dialog = staff.findChild(ExpiringDocumentsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.texts() == [
        [f"{ana.code} · Ana García", "Permit — Permiso de trabajo", "25/02/2026", "expired 5 days ago"],
        [f"{luis.code} · Luis Benítez", "Certificate — Curso PRL", "14/03/2026", "in 12 days"],
    ]
    assert dialog.heading.text() == "Expiring within 30 days or already expired: 2 (1 expired). Soonest first."
    assert all(dialog.table.item(0, c).background().color() == theme.colour(EXPIRED_TINT) for c in range(4))  # expired: tinted
    assert all(dialog.table.item(1, c).background().style() == Qt.BrushStyle.NoBrush for c in range(4))
    assert not any(secret in text for row in dialog.texts() for text in row for secret in SECRETS)

    assert dialog.table.hasFocus() and dialog.table.currentRow() == 0  # ready for the arrow keys
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert staff.editor_open and staff.record_id == str(luis.id)
    assert staff.title.text().startswith(f"{luis.code} · Luis Benítez")
    assert not dialog.isVisible()

    # Double-click a row: the same, for the mouse.
    dialog = staff.action_expiring_documents()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    rect = dialog.table.visualItemRect(dialog.table.item(0, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert staff.record_id == str(ana.id) and not dialog.isVisible()

    # Escape closes it without opening anyone.
    dialog = staff.action_expiring_documents()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and staff.record_id == str(ana.id)


def test_the_expiring_documents_dialog_says_when_there_are_none(qtbot, db):
    ana = hire(db)
    _doc(db, ana, DocumentKind.CONTRACT, "Contrato", TODAY + dt.timedelta(days=31))  # one day beyond the 30
    staff = open_staff(qtbot, db)
    dialog = staff.action_expiring_documents()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.texts() == []
    assert dialog.heading.text() == "No document expires within 30 days."
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # nothing to open: nothing happens
    assert dialog.isVisible() and not staff.editor_open


def test_a_clerk_without_the_hr_role_has_no_expiring_documents_button(qtbot, db):
    ana = hire(db)
    _doc(db, ana, DocumentKind.PERMIT, "Permiso de trabajo", TODAY - dt.timedelta(days=5))
    staff = open_staff(qtbot, as_role(db))
    assert staff.expiring_button.isHidden()
    assert staff.action_expiring_documents() is None
    assert not staff.findChildren(QDialog)


def test_the_documents_panel_tints_expired_documents_and_those_expiring_within_the_alert_days(qtbot, db):
    from tests.app.printing import make_company
    from ui.common import theme
    from ui.employees.documents import EXPIRED_TINT, SOON_TINT

    ana = hire(db)
    _doc(db, ana, DocumentKind.PERMIT, "Permiso", TODAY - dt.timedelta(days=1))
    _doc(db, ana, DocumentKind.CERTIFICATE, "Curso", TODAY + dt.timedelta(days=12))
    _doc(db, ana, DocumentKind.IDENTITY, "NIE", TODAY + dt.timedelta(days=31))
    _doc(db, ana, DocumentKind.CONTRACT, "Contrato", None)
    staff = open_staff(qtbot, db, ana.id)
    table = staff.documents.table

    def shown() -> list[tuple[str, object]]:
        out = []
        for r in range(table.rowCount()):
            brush = table.item(r, 0).background()
            tint = brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None
            assert all(table.item(r, c).background() == brush for c in range(4))  # the whole row
            out.append((table.item(r, 2).text(), tint))
        return out

    expired, soon = theme.colour(EXPIRED_TINT), theme.colour(SOON_TINT)
    assert shown() == [("01/03/2026 (expired)", expired), ("14/03/2026 (in 12 days)", soon),
                       ("02/04/2026", None), ("", None)]
    assert table.item(1, 2).toolTip() == "In 12 days"

    make_company(db, document_alert_days=45)  # the company alerts 45 days ahead: the NIE is flagged too
    staff.documents.reload()
    assert shown()[2] == ("02/04/2026 (in 31 days)", soon)
