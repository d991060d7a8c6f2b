"""Ana asks for every piece of personal data the company holds on her: HR exports it as JSON and PDF."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.domain.contracts import Contract
from app.domain.employees import (
    Department,
    Employee,
    LeaveAllowance,
    LeaveRequest,
    PersonalDataAudit,
)
from app.domain.enums import ContractKind, ContractStatus, LeaveKind, LeaveStatus
from app.domain.types import utcnow
from app.errors import NotFoundError, PermissionDeniedError, TrastiendaError
from app.services import employee_documents as docs
from app.services import hr_audit
from app.services import personal_data as pd
from tests.app import printing
from tests.app.printing import make_company
from tests.app.test_cli import run
from tests.app.test_employee_documents import PDF, as_roles, employee

NOW = dt.datetime(2024, 6, 1, 9, 30, tzinfo=dt.UTC)
SICK_REASON = "Gastroenteritis, reposo absoluto"


def staff(db, leave_count: int = 2) -> dict:
    """Ana (with every field), her manager Luis, a colleague; her leave, allowance, document, contract, trail."""
    make_company(db)
    with db.session() as s:
        dept = Department(code="ADM", name="Administración")
        s.add(dept)
        s.flush()
        ids = {"dept": dept.id}
    ids["luis"] = employee(db, "E00001", "Luis", "Martín Ruiz", department_id=ids["dept"])
    ids["other"] = employee(db, "E00003", "Carla", "Sanz", iban="ES7921000813610123456789")
    ids["ana"] = employee(
        db, "E00002", "Ana", "García Pérez", tax_id="12345678Z", social_security_number="281234567840",
        birth_date=dt.date(1990, 5, 17), street="Calle Mayor 3, 2º B", postal_code="50001", city="Zaragoza",
        province="Zaragoza", phone="600 123 456", email="ana@example.es", iban="ES9121000418450200051332",
        emergency_contact="Pedro García (padre) 600 999 888", department_id=ids["dept"], position="Contable",
        manager_id=ids["luis"], weekly_hours=Decimal("37.5"), salary=Decimal("28000.00"), user_name="agarcia")
    with db.session() as s:
        for i in range(leave_count):
            sick = i % 2 == 1
            start = dt.date(2023, 1, 2) + dt.timedelta(days=7 * i)
            s.add(LeaveRequest(employee_id=ids["ana"], kind=LeaveKind.SICK if sick else LeaveKind.VACATION,
                               status=LeaveStatus.APPROVED if i == 0 else LeaveStatus.REQUESTED, start_date=start,
                               end_date=start + dt.timedelta(days=2), days=Decimal(3),
                               reason=(SICK_REASON if i == 1 else f"Baja {i}") if sick else None,
                               approved_by_id=ids["luis"] if i == 0 else None))
        s.add(LeaveRequest(employee_id=ids["other"], kind=LeaveKind.SICK, start_date=dt.date(2023, 3, 1),
                           end_date=dt.date(2023, 3, 2), days=Decimal(2), reason="Motivo de Carla"))
        s.add(LeaveAllowance(employee_id=ids["ana"], year=2023, days=Decimal(22), carried_over=Decimal("2.5")))
        s.add(Contract(kind=ContractKind.EMPLOYMENT, status=ContractStatus.ACTIVE, employee_id=ids["ana"],
                       title="Contrato indefinido a jornada completa", reference="CL-2020-007",
                       start_date=dt.date(2020, 3, 1), period_start=dt.date(2020, 3, 1), notice_days=15,
                       value=Decimal("28000.00"), renewals=0))
        hr_audit.record(s, ids["ana"], hr_audit.VIEW, ["salary", "iban"])
    ids["doc"] = docs.add_document(db, ids["ana"], "permit", "Permiso de trabajo", "permiso.pdf", PDF,
                                   expires_on=dt.date(2025, 3, 31)).id
    return ids


def exports(db, employee_id) -> list[PersonalDataAudit]:
    with db.session() as s:
        return list(s.execute(select(PersonalDataAudit).where(PersonalDataAudit.employee_id == employee_id,
                                                              PersonalDataAudit.action == "export")).scalars())


def audit_count(db) -> int:
    with db.session() as s:
        return len(s.execute(select(PersonalDataAudit.id)).all())


# -- the JSON ------------------------------------------------------------------------------------

def test_the_json_holds_every_section_restricted_fields_included(db, tmp_path):
    ids = staff(db)
    path = pd.write_personal_data_json(db, ids["ana"], tmp_path / "ana.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["format", "generated_at", "controller", *pd.SECTIONS]
    assert data["controller"] == {"legal_name": "Suministros del Ebro SL", "trade_name": "Trastienda Ebro",
                                  "tax_id": "A58818501", "address_lines": ["Calle del Coso, 87", "50001 Zaragoza"],
                                  "email": "administracion@suministrosebro.es", "phone": "976 123 456"}
    person = data["person"]
    assert {k: person[k] for k in ("code", "full_name", "tax_id", "social_security_number", "birth_date", "iban",
                                   "emergency_contact", "user_name", "blocked_at")} == {
        "code": "E00002", "full_name": "Ana García Pérez", "tax_id": "12345678Z",
        "social_security_number": "281234567840", "birth_date": "1990-05-17", "iban": "ES9121000418450200051332",
        "emergency_contact": "Pedro García (padre) 600 999 888", "user_name": "agarcia", "blocked_at": None}
    assert set(pd.PERSON_FIELDS) <= set(person)
    job = data["job"]
    assert (job["department"], job["department_code"], job["manager"], job["manager_code"], job["position"]) == (
        "Administración", "ADM", "Luis Martín Ruiz", "E00001", "Contable")
    assert (job["hire_date"], job["end_date"], job["payments_per_year"]) == ("2020-03-01", None, 14)
    assert Decimal(job["salary"]) == Decimal("28000.00") and isinstance(job["salary"], str)
    assert Decimal(job["weekly_hours"]) == Decimal("37.5")

    leave = data["leave_requests"]
    assert [(r["kind"], r["status"], r["start_date"], r["end_date"], r["reason"], r["approved_by"]) for r in leave] == [
        ("vacation", "approved", "2023-01-02", "2023-01-04", None, "Luis Martín Ruiz"),
        ("sick", "requested", "2023-01-09", "2023-01-11", SICK_REASON, None)]
    assert Decimal(leave[1]["days"]) == 3
    assert [(a["year"], Decimal(a["days"]), Decimal(a["carried_over"])) for a in data["leave_allowances"]] == [
        (2023, Decimal(22), Decimal("2.5"))]
    [doc] = data["documents"]
    assert doc == {"kind": "permit", "title": "Permiso de trabajo", "filename": "permiso.pdf",
                   "mime_type": "application/pdf", "size": len(PDF), "sha256": doc["sha256"],
                   "expires_on": "2025-03-31", "added_at": doc["added_at"], "removed_at": None}
    assert len(doc["sha256"]) == 64 and dt.datetime.fromisoformat(doc["added_at"]).tzinfo is not None
    [contract] = data["contracts"]
    assert {k: contract[k] for k in ("reference", "title", "kind", "status", "start_date", "end_date", "value")} == {
        "reference": "CL-2020-007", "title": "Contrato indefinido a jornada completa", "kind": "employment",
        "status": "active", "start_date": "2020-03-01", "end_date": None, "value": contract["value"]}
    assert Decimal(contract["value"]) == Decimal("28000.00")
    # The trail says who, when and what, never the values; it ends before this export.
    assert [(a["user"], a["action"], a["fields"], (a["note"] or "")[:22]) for a in data["audit_trail"]] == [
        ("tester", "view", ["salary", "iban"], ""), ("tester", "document", [], "added: permit document")]
    assert set(data["audit_trail"][0]) == {"at", "user", "action", "fields", "note"}
    # Nobody else's data.
    assert "Carla" not in path.read_text(encoding="utf-8") and "ES7921000813610123456789" not in path.read_text()

    [entry] = exports(db, ids["ana"])
    assert (entry.user, entry.fields, entry.note) == ("tester", ",".join(pd.SECTIONS), "json")
    assert exports(db, ids["other"]) == []


def test_personal_data_returns_the_same_dict_and_is_audited_too(db):
    ids = staff(db)
    data = pd.personal_data(db, ids["ana"], now=NOW)
    assert data["generated_at"] == "2024-06-01T09:30:00+00:00" and data["format"] == pd.FORMAT
    assert json.loads(pd.personal_data_json(data)) == data
    [entry] = exports(db, ids["ana"])
    assert entry.note is None
    again = pd.personal_data(db, ids["ana"], now=NOW)
    assert again["audit_trail"][-1]["action"] == "export"  # the first export is on the record now
    assert pd.export_file_stem(db, ids["ana"]) == "datos-personales-E00002"
    assert pd.employee_id_by_code(db, " e00002 ") == ids["ana"]
    with pytest.raises(NotFoundError):
        pd.employee_id_by_code(db, "E99999")


# -- the PDF -------------------------------------------------------------------------------------

def test_the_pdf_reads_back_with_the_name_nif_iban_and_a_leave_reason(db, tmp_path):
    ids = staff(db)
    path = pd.write_personal_data_pdf(db, ids["ana"], tmp_path / "ana.pdf")
    words = printing.flat(printing.text(path, layout=False))  # reading order: a wrapped cell reads as one text
    for expected in ("Datos personales de Ana García Pérez", "12345678Z", "ES9121000418450200051332",
                     SICK_REASON, "281234567840", "28.000,00 €", "Suministros del Ebro SL", "NIF: A58818501",
                     "RESPONSABLE DEL TRATAMIENTO", "Luis Martín Ruiz (E00001)", "Administración (ADM)",
                     "Baja por enfermedad", "Permiso de trabajo", "31/03/2025", "CL-2020-007", "En vigor",
                     "Registro de accesos y cambios", "Salario bruto anual, IBAN", "añadido: permiso o licencia",
                     f"Página 1 de {printing.pages(path)}"):
        assert expected in words, expected
    assert "Carla" not in words
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info and "Datos personales de Ana García Pérez" in info
    assert all(embedded == "yes" for _name, embedded in printing.fonts(path))
    assert printing.png(path, 1, dpi=70).stat().st_size > 10_000  # page 1 rendered (and looked at)
    [entry] = exports(db, ids["ana"])
    assert entry.note == "pdf"


def test_a_long_record_flows_over_pages_numbered_n_of_m(db, tmp_path):
    ids = staff(db, leave_count=90)
    path = pd.write_personal_data_pdf(db, ids["ana"], tmp_path / "ana.pdf")
    pages = printing.pages(path)
    assert pages >= 3
    for page in range(1, pages + 1):
        words = printing.flat(printing.text(path, page))
        assert f"Página {page} de {pages}" in words
        if page > 1:  # whose data it is, on every page
            assert "Datos personales de Ana García Pérez" in words and "Suministros del Ebro SL" in words
    every = printing.flat(printing.text(path))
    assert "Baja 89" in every and every.count("Desde") >= 2  # the last row, and the header repeated
    assert "Registro de accesos y cambios" in printing.flat(printing.text(path, pages))


# -- who may, and all or nothing ------------------------------------------------------------------

def test_a_clerk_is_refused_and_nothing_is_audited_nor_written(db, tmp_path):
    out = tmp_path / "out"  # the SQLite file lives in tmp_path
    out.mkdir()
    ids = staff(db)
    before = audit_count(db)
    clerk = as_roles(db)
    calls = [lambda: pd.personal_data(clerk, ids["ana"]),
             lambda: pd.write_personal_data_json(clerk, ids["ana"], out / "a.json"),
             lambda: pd.write_personal_data_pdf(clerk, ids["ana"], out / "a.pdf"),
             lambda: pd.export_file_stem(clerk, ids["ana"])]
    for call in calls:
        with pytest.raises(PermissionDeniedError, match="Only HR staff"):
            call()
    assert audit_count(db) == before and list(out.iterdir()) == []
    assert pd.personal_data(as_roles(db, "hr"), ids["ana"])["person"]["iban"] == "ES9121000418450200051332"


def test_a_blocked_record_is_exported_by_an_admin_only(db, tmp_path):
    out = tmp_path / "out"  # the SQLite file lives in tmp_path
    out.mkdir()
    ids = staff(db)
    with db.session() as s:
        s.execute(update(Employee).where(Employee.id == ids["ana"]).values(
            blocked_at=utcnow(), blocked_by="jefa", block_reason="Solicitud de supresión"))
    before = audit_count(db)
    with pytest.raises(PermissionDeniedError, match="blocked"):
        pd.write_personal_data_json(as_roles(db, "hr"), ids["ana"], out / "a.json")
    assert audit_count(db) == before and list(out.iterdir()) == []
    data = pd.personal_data(as_roles(db, "admin", user="jefa"), ids["ana"])
    assert data["person"]["block_reason"] == "Solicitud de supresión"
    assert [e.user for e in exports(db, ids["ana"])] == ["jefa"]


def test_a_failed_write_leaves_no_file_no_half_file_and_no_audit_entry(db, tmp_path):
    out = tmp_path / "out"  # the SQLite file lives in tmp_path
    out.mkdir()
    ids = staff(db)
    before = audit_count(db)
    good, bad = out / "ana.json", out / "falta" / "ana.pdf"
    with pytest.raises(TrastiendaError, match="Cannot write"):
        pd.export_personal_data(db, ids["ana"], json_path=good, pdf_path=bad)
    assert list(out.iterdir()) == [] and audit_count(db) == before  # the JSON written first was taken back

    good.write_text("old export")
    pd.export_personal_data(db, ids["ana"], json_path=good, pdf_path=out / "ana.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["ana.json", "ana.pdf"]  # no temporary files left
    assert json.loads(good.read_text())["person"]["code"] == "E00002"
    assert [e.note for e in exports(db, ids["ana"])] == ["json, pdf"]


# -- the command -----------------------------------------------------------------------------------

def test_the_export_command_writes_both_files_and_audits_once(sqlite_db, tmp_path):
    db, path = sqlite_db, str(sqlite_db.engine.url.database)
    ids = staff(db)
    out = run("employees", "export", "e00002", "--json", str(tmp_path / "ana.json"),
              "--pdf", str(tmp_path / "ana.pdf"), "--db", path)
    assert out.returncode == 0, out.stderr
    assert f"Personal data of E00002 written to {tmp_path / 'ana.json'}." in out.stdout
    assert json.loads((tmp_path / "ana.json").read_text())["person"]["iban"] == "ES9121000418450200051332"
    assert "ES9121000418450200051332" in printing.flat(printing.text(tmp_path / "ana.pdf"))
    [entry] = exports(db, ids["ana"])
    assert entry.note == "json, pdf"

    unknown = run("employees", "export", "E99999", "--pdf", str(tmp_path / "x.pdf"), "--db", path)
    assert unknown.returncode == 1 and "No employee with code 'E99999'" in unknown.stderr
    nowhere = run("employees", "export", "E00002", "--db", path)
    assert nowhere.returncode == 1 and "--json FILE.json, --pdf FILE.pdf or both" in nowhere.stderr
    assert "Traceback" not in unknown.stderr + nowhere.stderr
    assert not (tmp_path / "x.pdf").exists() and len(exports(db, ids["ana"])) == 1
