"""Personal data protected by design: restricted fields, the audit trail, blocking and anonymising."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db.session import Database
from app.domain.employees import Employee, EmployeeDocument, LeaveRequest, PersonalDataAudit
from app.domain.enums import DocumentKind, LeaveKind, LeaveStatus
from app.errors import PermissionDeniedError, ValidationError
from app.services import access, employees, hr_audit
from app.services.employees import KEEP, EmployeeData
from app.services.listing import ListQuery

TODAY = dt.date(2026, 11, 21)


def _ana(**kw) -> EmployeeData:
    values = dict(first_name="Ana", last_name="García Pérez", tax_id="12345678Z", hire_date=dt.date(2015, 3, 1),
                  social_security_number="281234567840", birth_date=dt.date(1990, 5, 17),
                  iban="ES9121000418450200051332", email="ana@example.es", phone="600111222", street="C/ Mayor 1",
                  city="Madrid", position="Contable", salary=Decimal("28000.00"), payments_per_year=14)
    values.update(kw)
    return EmployeeData(**values)


def _as(db: Database, user: str, *roles: str) -> Database:
    return Database(db.engine, user=user, roles=frozenset(roles))


def _trail(db, employee_id) -> list[tuple[str, str, str]]:
    with db.session() as s:
        rows = s.execute(select(PersonalDataAudit).where(PersonalDataAudit.employee_id == employee_id)
                         .order_by(PersonalDataAudit.at, PersonalDataAudit.created_at)).scalars()
        return [(r.user, r.action, r.fields) for r in rows]


def _count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_a_clerk_edits_the_rest_of_the_record_but_never_reads_or_writes_restricted_fields(db):
    hr = _as(db, "rrhh", access.HR)
    clerk = _as(db, "pepe")
    ana = employees.create_employee(hr, _ana(), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        employees.get_restricted(clerk, ana.id)
    for field, value in (("salary", Decimal(1)), ("iban", None), ("social_security_number", ""),
                         ("payments_per_year", 12)):
        with pytest.raises(PermissionDeniedError) as err:
            employees.update_employee(clerk, ana.id, _ana(**{**{f: KEEP for f in employees.RESTRICTED_FIELDS},
                                                              field: value}), ana.version, today=TODAY)
        assert err.value.field == field
    with pytest.raises(PermissionDeniedError):  # a clerk cannot hire someone with a salary either
        employees.create_employee(clerk, _ana(tax_id="X1234567L"), today=TODAY)
    assert _count(db, Employee) == 1
    # The form the clerk sees sends KEEP for what it never showed: pay and IBAN stay as HR left them.
    moved = employees.update_employee(clerk, ana.id, EmployeeData(
        first_name="Ana", last_name="García Pérez", tax_id="12345678Z", hire_date=dt.date(2015, 3, 1),
        phone="699000000", position="Jefa de contabilidad"), ana.version, today=TODAY)
    assert moved.position == "Jefa de contabilidad"
    assert employees.get_restricted(hr, ana.id) == employees.RestrictedData(
        Decimal("28000.00"), 14, "ES9121000418450200051332", "281234567840")
    rows = employees.list_employees(clerk).rows
    assert rows and not {"salary", "iban", "social_security_number"} & set(rows[0])


def test_every_reading_and_change_of_personal_data_is_in_the_trail_without_values(db):
    hr = _as(db, "rrhh", access.HR)
    ana = employees.create_employee(hr, _ana(), today=TODAY)
    employees.get_restricted(hr, ana.id)
    v2 = employees.update_employee(hr, ana.id, _ana(salary=Decimal("30000"), phone="611222333"), ana.version,
                                   today=TODAY)
    employees.update_employee(hr, ana.id, _ana(salary=Decimal("30000"), phone="611222333"), v2.version,
                              today=TODAY)  # nothing changed: nothing recorded
    trail = _trail(db, ana.id)
    assert [(u, a) for u, a, _ in trail] == [("rrhh", "create"), ("rrhh", "view"), ("rrhh", "change")]
    assert trail[1][2] == "salary,payments_per_year,iban,social_security_number"
    assert set(trail[2][2].split(",")) == {"salary", "phone"}
    with db.session() as s:  # the trail names fields, never values
        notes = " ".join(f"{r.fields} {r.note}" for r in s.execute(select(PersonalDataAudit)).scalars())
    assert "30000" not in notes and "611222333" not in notes
    listed = hr_audit.list_audit(hr, ana.id)
    assert [e.action for e in listed] == ["change", "view", "create"]  # newest first
    with pytest.raises(PermissionDeniedError):
        hr_audit.list_audit(_as(db, "pepe"), ana.id)
    # A refused change leaves no entry.
    with pytest.raises(ValidationError):
        employees.update_employee(hr, ana.id, _ana(iban="ES00"), v2.version, today=TODAY)
    assert len(_trail(db, ana.id)) == 3


def test_the_trail_cannot_be_rewritten(db):
    ana = employees.create_employee(db, _ana(), today=TODAY)
    for change in ("edit", "delete"):
        with pytest.raises(ValidationError) as err:
            with db.session() as s:
                entry = s.execute(select(PersonalDataAudit)).scalars().first()
                if change == "edit":
                    entry.user = "someone else"
                else:
                    s.delete(entry)
        assert err.value.field == "audit"
    assert _trail(db, ana.id)[0][:2] == ("tester", "create")


def test_blocked_data_is_for_an_admins_eyes_only_and_frozen_until_unblocked(db):
    hr = _as(db, "rrhh", access.HR)
    admin = _as(db, "jefa", access.ADMIN)
    clerk = _as(db, "pepe")
    ana = employees.create_employee(hr, _ana(), today=TODAY)
    luis = employees.create_employee(hr, _ana(first_name="Luis", tax_id="X1234567L"), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        employees.block_employee(clerk, ana.id, "Solicitud de supresión")
    with pytest.raises(ValidationError) as err:
        employees.block_employee(hr, ana.id, "  ")
    assert err.value.field == "block_reason"
    blocked = employees.block_employee(hr, ana.id, "Solicitud de supresión 12/11/2026", ana.version)
    assert blocked.blocked and blocked.blocked_by == "rrhh"
    for who in (hr, clerk):
        with pytest.raises(PermissionDeniedError):
            employees.get_employee(who, ana.id)
        with pytest.raises(PermissionDeniedError):
            employees.update_employee(who, ana.id, _ana(phone="1"), blocked.version, today=TODAY)
        assert [r["__id"] for r in employees.list_employees(who).rows] == [luis.id]
        assert employees.count_employees(who, ListQuery(search="12345678Z")) == 0  # not even found by NIF
    with pytest.raises(PermissionDeniedError):
        employees.get_restricted(hr, ana.id)
    assert employees.get_employee(admin, ana.id).block_reason == "Solicitud de supresión 12/11/2026"
    assert employees.count_employees(admin) == 2
    assert [r["__id"] for r in employees.list_employees(admin, ListQuery(filters={"blocked": True})).rows] == [ana.id]
    with pytest.raises(PermissionDeniedError):  # even the admin unblocks before changing
        employees.update_employee(admin, ana.id, _ana(phone="1"), blocked.version, today=TODAY)
    with pytest.raises(PermissionDeniedError):
        employees.unblock_employee(hr, ana.id)
    back = employees.unblock_employee(admin, ana.id, blocked.version)
    assert not back.blocked and back.block_reason is None
    assert employees.get_employee(clerk, ana.id).first_name == "Ana"
    assert [a for _, a, _ in _trail(db, ana.id)] == ["create", "block", "unblock"]


def test_anonymising_waits_for_the_retention_period_then_erases_but_keeps_the_row(db):
    hr = _as(db, "rrhh", access.HR)
    left = dt.date(2022, 6, 30)
    ana = employees.create_employee(hr, _ana(end_date=left), today=TODAY)
    boss = employees.create_employee(hr, _ana(first_name="Eva", tax_id="X1234567L"), today=TODAY)
    staying = employees.create_employee(hr, _ana(first_name="Luis", tax_id="Y1234567X", manager_id=boss.id),
                                        today=TODAY)
    with db.session() as s:
        s.add(LeaveRequest(employee_id=ana.id, kind=LeaveKind.SICK, status=LeaveStatus.APPROVED,
                           start_date=dt.date(2021, 3, 1), end_date=dt.date(2021, 3, 3), reason="Gripe",
                           days=Decimal(3)))
        s.add(EmployeeDocument(employee_id=ana.id, kind=DocumentKind.CONTRACT, title="Contrato", filename="c.pdf",
                               size=3, sha256="0" * 64, data=b"pdf"))
    assert employees.anonymisable_from(left, 4) == dt.date(2026, 7, 1)
    with pytest.raises(ValidationError) as err:
        employees.anonymise_employee(hr, staying.id, today=TODAY)
    assert err.value.field == "end_date" and "still employed" in str(err.value)
    with pytest.raises(ValidationError) as err:
        employees.anonymise_employee(hr, ana.id, today=dt.date(2026, 6, 30))
    assert err.value.field == "end_date" and "30/06/2026" in str(err.value)
    with pytest.raises(PermissionDeniedError):
        employees.anonymise_employee(_as(db, "pepe"), ana.id, today=TODAY)
    assert employees.get_employee(hr, ana.id).first_name == "Ana"
    gone = employees.anonymise_employee(hr, ana.id, today=dt.date(2026, 7, 1))
    assert gone.anonymised and gone.first_name == "Anonymised" and gone.last_name == gone.code == ana.code
    for field in ("tax_id", "birth_date", "street", "city", "phone", "email"):
        assert getattr(gone, field) is None, field
    assert employees.get_restricted(hr, ana.id) == employees.RestrictedData(None, 14, None, None)
    with db.session() as s:
        assert s.get(Employee, ana.id) is not None  # the row others refer to stays
        leave = s.execute(select(LeaveRequest).where(LeaveRequest.employee_id == ana.id)).scalar_one()
        assert leave.reason is None and leave.days == 3  # the days taken stay, the reason goes
        assert s.execute(select(func.count()).select_from(EmployeeDocument)).scalar_one() == 0
    with pytest.raises(PermissionDeniedError):
        employees.update_employee(hr, ana.id, _ana(end_date=left), gone.version, today=TODAY)
    with pytest.raises(ValidationError):
        employees.anonymise_employee(hr, ana.id, today=TODAY)
    assert [a for _, a, _ in _trail(db, ana.id)][-2:] == ["anonymise", "view"]


def test_login_names_are_unique(db):
    ana = employees.create_employee(db, _ana(user_name="ana"), today=TODAY)
    assert ana.user_name == "ana"
    with pytest.raises(ValidationError) as err:
        employees.create_employee(db, _ana(tax_id="X1234567L", user_name="ana"), today=TODAY)
    assert err.value.field == "user_name"
    assert _count(db, Employee) == 1


def test_a_blocked_employees_name_leaves_the_contract_list_and_its_search(db):
    from app.domain.enums import ContractKind
    from app.services import contracts
    from app.services.contracts import ContractData

    hr = _as(db, "rrhh", access.HR)
    ana = employees.create_employee(hr, _ana(), today=TODAY)
    made = contracts.create_contract(db, ContractData(kind=ContractKind.EMPLOYMENT, title="Contrato indefinido",
                                                      start_date=dt.date(2015, 3, 1), employee_id=ana.id))
    assert made.counterparty == "Ana García Pérez"
    employees.block_employee(hr, ana.id, "Solicitud de supresión")
    rows = contracts.list_contracts(hr).rows
    assert [r["counterparty"] for r in rows] == [f"{ana.code} (blocked)"]
    assert contracts.count_contracts(hr, ListQuery(search="García")) == 0
    assert contracts.get_contract(hr, made.id).counterparty == f"{ana.code} (blocked)"
    assert contracts.get_contract(_as(db, "jefa", access.ADMIN), made.id).counterparty == "Ana García Pérez"


def test_employment_contracts_carry_pay_so_only_hr_sees_or_makes_them(db, tmp_path):
    from app.domain.enums import ContractKind
    from app.errors import NotFoundError
    from app.services import contract_documents, contract_lifecycle, contracts, parties
    from app.services.contracts import ContractData

    hr = _as(db, "rrhh", access.HR)
    clerk = _as(db, "pepe")
    ana = employees.create_employee(hr, _ana(), today=TODAY)
    job = contracts.create_contract(hr, ContractData(kind=ContractKind.EMPLOYMENT, title="Contrato indefinido",
                                                     start_date=dt.date(2015, 3, 1), employee_id=ana.id,
                                                     value=Decimal("28000")))
    signed = contracts.add_attachment(hr, job.id, "contrato.pdf", b"%PDF-1.4 firmado")
    shop = parties.create_party(db, parties.PartyData(legal_name="Hotel Sol SA", tax_id="A58818501",
                                                      is_customer=True))
    service = contracts.create_contract(clerk, ContractData(kind=ContractKind.CUSTOMER, title="Mantenimiento",
                                                            start_date=dt.date(2026, 1, 1), party_id=shop.id))
    assert contracts.count_contracts(hr) == 2
    assert [r["__id"] for r in contracts.list_contracts(clerk).rows] == [service.id]
    assert contracts.count_contracts(clerk, ListQuery(search="indefinido")) == 0
    assert contracts.count_contracts(clerk, ListQuery(filters={"employee_id": ana.id})) == 0
    for read, key in ((contracts.get_contract, job.id), (contracts.list_attachments, job.id),
                      (contract_lifecycle.contract_history, job.id), (contract_documents.read_attachment, signed.id)):
        with pytest.raises(NotFoundError):
            read(clerk, key)
    with pytest.raises(PermissionDeniedError) as err:
        contracts.create_contract(clerk, ContractData(kind=ContractKind.EMPLOYMENT, title="Otro",
                                                      start_date=dt.date(2026, 1, 1), employee_id=ana.id))
    assert err.value.field == "kind"
    with pytest.raises(PermissionDeniedError):  # nor turns a contract they see into one
        contracts.update_contract(clerk, service.id, ContractData(kind=ContractKind.EMPLOYMENT, title="Mantenimiento",
                                                                  start_date=dt.date(2026, 1, 1), employee_id=ana.id),
                                  service.version)
    assert contracts.get_contract(hr, job.id).value == Decimal("28000")
    assert len(contracts.list_attachments(hr, job.id)) == 1


def test_after_anonymising_no_copy_of_the_person_is_left_anywhere_in_the_database(db):
    """Not in the employee row, nor in the database's audit trail, the HR trail, leave or documents."""
    from sqlalchemy import JSON, Date, String

    from app.domain import Base
    from app.services import employee_documents, leave
    from app.services.leave import LeaveRequestData

    hr = _as(db, "rrhh", access.HR)
    ana = employees.create_employee(hr, _ana(end_date=dt.date(2021, 6, 30), user_name="ana.garcia",
                                             emergency_contact="Pedro Ruiz 611222333"), today=TODAY)
    v2 = employees.update_employee(hr, ana.id, _ana(end_date=dt.date(2021, 6, 30), city="Toledo", phone="699888777",
                                                    user_name="ana.garcia"), ana.version, today=TODAY)
    leave.create_leave_request(hr, LeaveRequestData(ana.id, "sick", dt.date(2021, 3, 1), dt.date(2021, 3, 2),
                                                    reason="Gripe"), confirm=True)
    employee_documents.add_document(hr, ana.id, "identity", "DNI de Ana García", "dni-12345678Z.pdf", b"%PDF-1.4 x")
    employees.block_employee(hr, ana.id, "Ana García pide la supresión", v2.version)
    admin = _as(db, "jefa", access.ADMIN)
    employees.unblock_employee(admin, ana.id)
    employees.anonymise_employee(hr, ana.id, today=TODAY)
    personal = ("Ana", "García", "Pérez", "12345678Z", "281234567840", "ES9121000418450200051332", "1990-05-17",
                "17/05/1990", "C/ Mayor", "Madrid", "Toledo", "600111222", "699888777", "ana@example.es",
                "ana.garcia", "Pedro Ruiz", "Gripe", "DNI de Ana", "dni-12345678Z")
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            text_columns = [c for c in table.columns if isinstance(c.type, (String, JSON, Date))]
            for row in conn.execute(table.select()).mappings():
                dump = " ".join(str(row[c.name]) for c in text_columns if row[c.name] is not None)
                for value in personal:
                    assert value not in dump, (table.name, value)
